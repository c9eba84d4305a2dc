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
        // The stamps are the kernel's (our queue, at delivery), so they keep the file's rhythm:
        // at 120 bpm and 480 ticks per quarter, an onset interval is ticks / 960 s.
        let onsets = notes.filter { $0.event == "noteOn" }.compactMap(\.time)
        let written = Fixtures.melody.dropLast().map { Double($0.ticks) / 960 }
        let heard = zip(onsets, onsets.dropFirst()).map { $1 - $0 }
        #expect(heard.count == written.count && zip(heard, written).allSatisfy { abs($0 - $1) < 0.05 },
                "onset intervals \(heard) s, the file says \(written) s")
    }

    @Test func continuoPlay_recordedByAseqdump_inScheduleOrder_everyNoteOnPaired() async throws {
        let run = try await ScenarioRun("03-play-out")
        run.expectCompleted()
        let continuo = try #require(AconnectListing(run.file("aconnect.txt")).port("Continuo Out"))
        let events = AseqdumpEvent.lines(run.file("dump.out"))
        #expect(events.allSatisfy { $0.source == "\(continuo.client):1" }, "events from elsewhere: \(events)")
        let expected = Fixtures.phrase.flatMap { note in [
            AseqdumpEvent.Kind.noteOn(Int(note.pitch), Int(note.velocity)), .noteOff(Int(note.pitch), 64),
        ] }
        #expect(events.map(\.kind) == expected)
        expectEveryNoteOnReleased(events)
        // The queue played the schedule over its length (2.25 s) rather than all at once.
        let times = events.map(\.arrival)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        if let first = times.first, let last = times.last { #expect(last - first > 1.5, "span \(last - first) s") }
    }

    @Test func interruptedPlay_dropsWhatIsQueued_andReleasesTheSoundingNote() async throws {
        let run = try await ScenarioRun("03-play-out")
        let events = AseqdumpEvent.lines(run.file("dump-stopped.out"))
        // Stopped at 1.0 s: the first three notes (0–0.75 s) played whole, A4 started at 0.75 s;
        // its note-off (due at 2.25 s) was removed from the queue and sent at once instead, then
        // All Notes Off (CC 123) and sustain up (CC 64 = 0) on channel 1.
        #expect(events.map(\.kind) == [
            .noteOn(60, 90), .noteOff(60, 64), .noteOn(64, 80), .noteOff(64, 64), .noteOn(67, 70), .noteOff(67, 64),
            .noteOn(69, 100), .noteOff(69, 0), .control(123, 0), .control(64, 0),
        ])
        expectEveryNoteOnReleased(events)
    }

    private func expectEveryNoteOnReleased(_ events: [AseqdumpEvent], sourceLocation: SourceLocation = #_sourceLocation) {
        var held = Set<Int>()
        for event in events {
            switch event.kind {
            case .noteOn(let pitch, _):
                #expect(held.insert(pitch).inserted, "note-on \(pitch) while it sounds", sourceLocation: sourceLocation)
            case .noteOff(let pitch, _):
                #expect(held.remove(pitch) != nil, "note-off \(pitch) without a note-on", sourceLocation: sourceLocation)
            case .control:
                break
            }
        }
        #expect(held.isEmpty, "note-ons never released: \(held)", sourceLocation: sourceLocation)
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

    @Test func liveSynthIntoLoopback_capturedNotSilent_dominantFrequencyIsA440() async throws {
        let run = try await ScenarioRun("05-audio")
        run.expectCompleted()
        let data = try Data(contentsOf: run.directory.appending(path: "capture.wav"))
        let capture = try #require(Capture(wav: data), "capture.wav is not a 16-bit WAV")
        #expect(capture.sampleRate == 48_000)
        let window = 16_384
        try #require(capture.samples.count > window, "capture too short: \(capture.samples.count) samples")
        let loudest = capture.loudestWindow(count: window)
        let level = capture.rms(from: loudest, count: window)
        #expect(level > 0.01, "capture is silent: RMS \(level) of full scale")
        let frequency = capture.dominantFrequency(from: loudest, count: window)
        #expect(abs(frequency - 440) < 4, "dominant frequency \(frequency) Hz, A4 is 440 Hz")
    }
}
