import Foundation
import Testing

/// Scenario 6 (Tests/Integration/scenarios/06-serve.sh): the real daemon on the real sequencer.
@Suite(.enabled(if: VirtualMachine.shouldRun, "ALSA rig skipped (see ScenarioTests)"))
struct ServeScenarioTests {
    /// Input reaches the daemon and its cancellation reaches the queue within this much of the
    /// player's action, even on the emulated CPU (an ordering allowance, not a latency claim).
    static let grace = 0.3

    struct Serve {
        let run: ScenarioRun
        let events: [AseqdumpEvent]
        let marks: [String: Double]

        init() async throws {
            run = try await ScenarioRun("06-serve")
            events = AseqdumpEvent.lines(run.file("dump.out"))
            marks = Dictionary(run.file("marks.txt").split(separator: "\n").compactMap { line in
                let parts = line.split(separator: " ")
                return parts.count == 2 ? Double(parts[1]).map { (String(parts[0]), $0) } : nil
            }, uniquingKeysWith: { $1 })
        }

        func mark(_ name: String) throws -> Double { try #require(marks[name], "no mark \(name)") }

        var noteOnTimes: [Double] {
            events.compactMap { if case .noteOn = $0.kind { return $0.arrival } else { return nil } }
        }

        /// Pitches sounding after the events that arrived up to `time`.
        func sounding(at time: Double) -> Set<Int> {
            var held = Set<Int>()
            for event in events where event.arrival <= time {
                switch event.kind {
                case let .noteOn(pitch, _): held.insert(pitch)
                case let .noteOff(pitch, _): held.remove(pitch)
                case .control: break
                }
            }
            return held
        }
    }

    @Test func replyStartsAfterThePhraseEnds() async throws {
        let serve = try await Serve()
        serve.run.expectCompleted()
        let end = try serve.mark("phrase1-end")
        let first = try #require(serve.noteOnTimes.first, "no reply at all:\n\(serve.run.file("serve.out"))")
        // Order only: the emulated CPU and the queue's timer under TCG make guest timing loose
        // (shared notes), so the silence length itself is checked by the unit tests' virtual clock.
        #expect(first > end, "the reply began \(end - first) s before the phrase's last note-off")
    }

    @Test func playerInterrupts_replyStopsWithNoteOffs() async throws {
        let serve = try await Serve()
        let interrupt = try serve.mark("interrupt"), released = try serve.mark("interrupt-end")
        #expect(serve.noteOnTimes.contains { $0 < interrupt }, "the reply had not started before the interrupt")
        #expect(serve.sounding(at: interrupt + Self.grace).isEmpty, "notes left on after the interrupt")
        // Silent while the player holds the note, and until their own phrase (that note) has been
        // silent for a good part of listen.silenceSeconds (1.5 s in the scenario).
        let during = serve.noteOnTimes.filter { $0 > interrupt + Self.grace && $0 < released + 1.0 }
        #expect(during.isEmpty, "Continuo played over the player: \(during.map { $0 - interrupt })")
    }

    @Test func floodOfSysexAndUnknownBytes_thenReload_stillAnswering() async throws {
        let serve = try await Serve()
        let end = try serve.mark("phrase3-end")
        #expect(serve.run.file("serve.out").contains("reloaded"), "SIGHUP did not reload")
        #expect(serve.noteOnTimes.contains { $0 > end }, "no reply to the phrase after the flood:\n\(serve.run.file("serve.out"))")
    }

    @Test func sigtermMidReply_allNotesOff_cleanExit() async throws {
        let serve = try await Serve()
        let sigterm = try serve.mark("sigterm"), phraseEnd = try serve.mark("phrase3-end")
        #expect(serve.run.file("serve.status").hasPrefix("0"), "serve exited with \(serve.run.file("serve.status"))")
        #expect(serve.noteOnTimes.contains { $0 > phraseEnd && $0 < sigterm }, "SIGTERM came before the reply")
        #expect(serve.sounding(at: .infinity).isEmpty, "notes still on after exit")
        #expect(serve.noteOnTimes.allSatisfy { $0 < sigterm + Self.grace }, "notes after SIGTERM")
        let allNotesOff = serve.events.contains { $0.arrival >= sigterm && $0.kind == .control(123, 0) }
        #expect(allNotesOff, "no All Notes Off after SIGTERM")
    }

    /// With no model flag the daemon serves the shipped model; its resident memory is reported
    /// (`swift test --filter ServeScenarioTests` prints the DAEMON line).
    @Test func shippedModel_isServedByDefault_andItsMemoryReported() async throws {
        let serve = try await Serve()
        let log = serve.run.file("serve-default.out")
        #expect(log.contains("serving") && log.contains("default-model.safetensors"), "not serving the shipped model:\n\(log)")
        let fields = Dictionary(serve.run.file("serve-default.rss").split(separator: "\n").compactMap { line -> (String, Int)? in
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            return parts.count >= 2 ? Int(parts[1]).map { (String(parts[0]), $0) } : nil
        }, uniquingKeysWith: { $1 })
        let rss = try #require(fields["VmRSS"], "no VmRSS in serve-default.rss")
        #expect(rss > 17_000, "RSS \(rss) KiB is less than the shipped model's own 17 MB: not the real daemon")
        print("DAEMON shipped model, MIDI only, after a phrase: VmRSS \(rss / 1024) MiB, VmHWM \((fields["VmHWM"] ?? 0) / 1024) MiB")
    }
}

extension ServeScenarioTests {
    /// SIGHUP with a model file whose metadata would size an 800 GB model: the reload is refused
    /// with the loader's reason, the running model stays, and the next phrase is answered.
    @Test func reloadWithACraftedModel_keepsTheOldModel_andAnswers() async throws {
        let serve = try await Serve()
        let log = serve.run.file("serve.out")
        #expect(log.contains("reload: keeping the current model: model ") && log.contains("model.safetensors: __metadata__ continuo.hyperparameters has an impossible shape"),
                "no reason for refusing the crafted model:\n\(log)")
        let end = try serve.mark("phrase4-end")
        #expect(serve.noteOnTimes.contains { $0 > end }, "no reply after the refused reload:\n\(log)")
    }
}
