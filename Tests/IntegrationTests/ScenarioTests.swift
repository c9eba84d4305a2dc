import Foundation
import Testing

/// The real-kernel scenarios of the ALSA rig (Tests/Integration/README.md): each test reads what
/// its guest script left after the suite's single boot and checks the behaviour a user sees.
@Suite(.enabled(if: VirtualMachine.shouldRun,
                "ALSA rig skipped: needs qemu-system-x86_64, busybox, a /boot/vmlinuz-* with its modules (CONTINUO_REQUIRE_VM=1 fails instead)"),
       .serialized)
struct ScenarioTests {
    @Test func clientAndPorts_visibleInAconnect_andVirMIDIAutoConnectedByPattern() async throws {
        let run = try await ScenarioRun("01-ports")
        run.expectCompleted()
        let listing = AconnectListing(run.file("aconnect-pattern.txt"))
        let input = try #require(listing.port("Continuo In"), "no 'Continuo In' in aconnect -l:\n\(run.file("aconnect-pattern.txt"))")
        let output = try #require(listing.port("Continuo Out"))
        #expect(input.clientName == "Continuo" && input.clientType == "user")
        #expect(output.client == input.client)
        // aconnect -i lists readable ports, -o writable ones: the capabilities as others see them.
        let readable = AconnectListing(run.file("readable.txt")).ports.filter { $0.client == input.client }.map(\.name)
        let writable = AconnectListing(run.file("writable.txt")).ports.filter { $0.client == input.client }.map(\.name)
        #expect(readable == ["Continuo Out"])
        #expect(writable == ["Continuo In"])
        // --source 'VirMIDI 1-1' connects that port only (0:1 is the announce subscription).
        #expect(Set(input.connectedFrom) == ["0:1", "21:0"])
        // The default pattern takes every VirMIDI card port and leaves Midi Through alone.
        let defaults = try #require(AconnectListing(run.file("aconnect-default.txt")).port("Continuo In"))
        #expect(Set(defaults.connectedFrom) == ["0:1", "20:0", "21:0", "22:0", "23:0"])
    }

    @Test func aplaymidiIntoContinuoIn_everyNoteArrivesInOrder() async throws {
        let run = try await ScenarioRun("02-aplaymidi")
        run.expectCompleted()
        let notes = MonitorRecord.lines(run.file("monitor.out")).filter { $0.event == "noteOn" || $0.event == "noteOff" }
        // What the file says, written independently above: on, then off (velocity-0 note-on,
        // a note-off with release velocity 64 by the MIDI 1.0 rule) for every note.
        let expected = Fixtures.melody.flatMap { note in [
            MonitorRecord(event: "noteOn", channel: 0, note: Int(note.pitch), velocity: Int(note.velocity)),
            MonitorRecord(event: "noteOff", channel: 0, note: Int(note.pitch), velocity: 64),
        ] }
        #expect(notes.map { MonitorRecord(event: $0.event, channel: $0.channel, note: $0.note, velocity: $0.velocity) } == expected)
        let times = notes.compactMap(\.time)
        #expect(times.count == notes.count && zip(times, times.dropFirst()).allSatisfy { $0 <= $1 },
                "arrival times go backwards: \(times)")
    }

    @Test func unplugAndReplug_lossReported_processAlive_reconnected() async throws {
        let run = try await ScenarioRun("04-hotplug")
        run.expectCompleted()
        let port = "Virtual Raw MIDI 1-0:VirMIDI 1-0"
        let events = MonitorRecord.lines(run.file("monitor.out")).filter { $0.event != "ready" }
            .map { [$0.event, $0.source ?? "", $0.note.map(String.init) ?? ""].joined(separator: " ") }
        #expect(events == [
            "connected \(port) ", "noteOn  60", "noteOff  60",
            "lost \(port) ",
            "connected \(port) ", "noteOn  62", "noteOff  62",
        ])
        #expect(run.file("alive.txt").hasPrefix("yes"), "the monitor died when the card went away")
    }
}
