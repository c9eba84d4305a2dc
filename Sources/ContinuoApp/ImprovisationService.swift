import Foundation
import Improviser
import Logging
import Model
import MIDI
import Sequencer
import ServiceLifecycle
import Synth
import UnixSignals

/// `continuo serve` as a service: opens the ALSA client and the synth, answers the musician
/// on the inference worker, reloads on SIGHUP, reports to systemd, and on SIGTERM/SIGINT
/// (graceful shutdown) sends all notes off before returning.
public final class ImprovisationService: Service {
    private let launch: ServeLaunch
    private let initial: ServeSettings
    private let logger: Logger
    private let notifier = ServiceNotifier()

    public init(launch: ServeLaunch, settings: ServeSettings, logger: Logger) {
        self.launch = launch
        self.initial = settings
        self.logger = logger
    }

    public func run() async throws {
        let clock = SystemClock()
        let model = try ModelFile.open(path: initial.modelPath)
        EventLSTM.inferenceThreads = Self.threads(initial)
        let client = try SequencerClient(name: "Continuo", clock: clock)
        let logger = self.logger
        let output = SequencerOutput(client: client) { logger.error("ALSA output: \($0)") }
        let sink = MirroredSink([output] + Self.synth(initial, clock: clock, logger: logger))
        let accompanist = Accompanist(model: model.model, vocabulary: model.vocabulary, representation: model.encoding.representation,
                                      settings: initial.accompanist, sink: sink, clock: clock)
        let worker = InferenceWorker(accompanist: accompanist, clock: clock)
        let input = SequencerInput(
            client: client, sources: initial.inputs.map(PortPattern.init),
            destinations: initial.outputs.map(PortPattern.init),
            onEvent: { event in
                worker.submit(event)
                switch event {
                case let .sourceConnected(name): logger.notice("input connected: \(name)")
                case let .sourceLost(name): logger.warning("input lost: \(name); its notes released")
                case .message: break
                }
            },
            onFailure: { logger.warning("ALSA input: \($0)") })
        do {
            try input.start()
        } catch {
            worker.stop()
            throw error
        }
        logger.info("serving", metadata: [
            "model": "\(model.path)", "port": "\(client.address(of: client.inputPort))",
            "inputs": "\(initial.inputs.joined(separator: ","))", "mode": "\(initial.accompanist.mode.rawValue)"])
        notifier.ready(status: Self.statusLine(worker.status, inputs: input.connectedSources))

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.reloadOnHangup(worker) }
            group.addTask { await self.reportStatus(worker, input: input) }
            group.addTask { await self.heartbeat(worker) }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        notifier.stopping()
        logger.notice("stopping: all notes off")
        input.stop()
        worker.stop()
    }

    /// The live synth, or nothing (with one warning) when it is off or no audio device works.
    private static func synth(_ settings: ServeSettings, clock: SystemClock, logger: Logger) -> [any ScheduledMIDISink] {
        guard settings.synth.enabled else { return [] }
        let s = settings.synth
        let configuration = LiveSynthConfiguration(
            soundFont: SoundFont(path: s.soundfont), gain: Float(s.gain), program: s.program,
            channel: settings.accompanist.channel, driver: AudioDriver(rawValue: s.driver) ?? .alsa,
            device: s.device)
        do {
            return [try LiveSynth(configuration: configuration, clock: clock)]
        } catch {
            logger.warning("no sound, serving MIDI only: \(error)")
            return []
        }
    }

    /// `model.threads`, capped at the CPUs this process may run on: on one CPU a helper thread
    /// would only take time from the step it is meant to share.
    static func threads(_ settings: ServeSettings) -> Int {
        min(settings.inferenceThreads, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// SIGHUP: settings and model again, ports kept; the old model stays if the new one fails.
    private func reloadOnHangup(_ worker: InferenceWorker) async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            notifier.reloading()
            do {
                let settings = try await launch.settings()
                let model: ModelFile?
                do {
                    model = try ModelFile.open(path: settings.modelPath)
                } catch {
                    logger.error("reload: keeping the current model: \(error)")
                    model = nil
                }
                worker.perform { accompanist in
                    EventLSTM.inferenceThreads = Self.threads(settings)
                    if let model { accompanist.replace(model: model.model, vocabulary: model.vocabulary, representation: model.encoding.representation) }
                    accompanist.update(settings.accompanist)
                }
                if settings.inputs != initial.inputs || settings.outputs != initial.outputs || settings.synth != initial.synth {
                    logger.notice("reload: midi and synth settings take effect at the next restart")
                }
                logger.info("reloaded", metadata: ["model": "\(model?.path ?? "unchanged")"])
            } catch {
                logger.error("reload: keeping the current configuration: \(error)")
            }
            notifier.reloaded(status: Self.statusLine(worker.status, inputs: []))
        }
    }

    private func reportStatus(_ worker: InferenceWorker, input: SequencerInput) async {
        guard initial.statusSeconds > 0 else { return }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(initial.statusSeconds))
            let line = Self.statusLine(worker.status, inputs: input.connectedSources)
            logger.info("\(line)")
            notifier.status(line)
        }
    }

    /// WATCHDOG=1 only when the inference thread itself answers, so a stuck worker is restarted.
    private func heartbeat(_ worker: InferenceWorker) async {
        guard let interval = ServiceNotifier.heartbeatInterval() else { return }
        while !Task.isCancelled {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                worker.perform { _ in done.resume() }
            }
            notifier.watchdog()
            try? await Task.sleep(for: .seconds(interval))
        }
    }

    /// "call-and-response, 112 BPM, 14 answers, latency p50 1.2 ms p99 3.4 ms, inputs: …"
    static func statusLine(_ status: InferenceWorker.Status, inputs: [String]) -> String {
        func ms(_ q: Double) -> String {
            status.latency.quantile(q).map { String(format: "%.1f ms", $0 * 1000) } ?? "–"
        }
        return "\(status.mode.rawValue), \(Int(status.bpm.rounded())) BPM, \(status.answers) answers, "
            + "latency p50 \(ms(0.5)) p99 \(ms(0.99)), inputs: \(inputs.isEmpty ? "none" : inputs.joined(separator: ", "))"
    }
}
