import Foundation
import Training

/// Renders training events: a one-line progress bar redrawn in place on a terminal, plain log
/// lines (every tenth of an epoch) when the output is a pipe or a file.
public final class TrainProgress {
    let isTerminal: Bool
    let write: (String) -> Void
    private var lastLoggedTenth = -1

    public init(isTerminal: Bool = isatty(STDOUT_FILENO) == 1, write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.isTerminal = isTerminal
        self.write = write
    }

    public func report(_ event: TrainingEvent) {
        switch event {
        case let .batch(p):
            if isTerminal {
                let width = 24, filled = p.batch * width / max(p.batches, 1)
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                write("\r\u{1B}[Kepoch \(p.epoch)/\(p.epochs) \(bar) \(p.batch)/\(p.batches) loss \(fixed(p.loss, 3)) "
                      + "\(Int(p.tokensPerSecond)) tok/s ETA \(duration(p.secondsLeftInEpoch))")
            } else {
                let tenth = p.batch * 10 / max(p.batches, 1)
                guard tenth != lastLoggedTenth else { return }
                lastLoggedTenth = tenth
                write("epoch \(p.epoch)/\(p.epochs) batch \(p.batch)/\(p.batches) loss \(fixed(p.loss, 3)) "
                      + "\(Int(p.tokensPerSecond)) tok/s ETA \(duration(p.secondsLeftInEpoch))\n")
            }
        case let .epoch(s):
            lastLoggedTenth = -1
            if isTerminal { write("\r\u{1B}[K") }
            write(Self.summaryLine(s) + "\n")
        case .checkpoint:
            break
        }
    }

    /// "epoch 3: train 2.41 | val 2.52 nats/event (token 1.98, timing 0.54), ppl 12.4, top-1/5 token 41.0%/77.2% …"
    public static func summaryLine(_ s: EpochSummary) -> String {
        let v = s.validation
        return "epoch \(s.epoch): train \(fixed(s.trainLoss, 3)) | val \(fixed(v.crossEntropy, 3)) nats/event "
            + "(token \(fixed(v.tokenCrossEntropy, 3)), timing \(fixed(v.timingCrossEntropy, 3))), ppl \(fixed(v.perplexity, 2)), "
            + "top-1/5 token \(percent(v.tokenTop1))/\(percent(v.tokenTop5)), timing \(percent(v.timingTop1))/\(percent(v.timingTop5)) "
            + "| \(duration(s.seconds)), \(Int(s.tokensPerSecond)) tok/s\(s.isBest ? " | best, saved" : "")"
    }
}

func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "?" }
    let s = Int(seconds.rounded())
    return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
}
