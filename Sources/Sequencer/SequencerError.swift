import CALSA

/// An ALSA sequencer call that failed: which call, on what, and ALSA's reason, in one line.
public struct SequencerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The ALSA function, e.g. `snd_seq_open`.
    public var call: String
    /// What the call was about (a port address, a pattern), when there is one.
    public var subject: String?
    /// The negative errno ALSA returned.
    public var code: Int32

    public init(call: String, subject: String? = nil, code: Int32) {
        self.call = call
        self.subject = subject
        self.code = code
    }

    public var description: String {
        let reason = String(cString: snd_strerror(code))
        let on = subject.map { " (\($0))" } ?? ""
        var line = "ALSA \(call)\(on) failed: \(reason)"
        if call == "snd_seq_open", code == -ENOENT {
            line += " — this kernel has no sequencer (/dev/snd/seq is missing; load snd-seq or use a machine with sound)"
        }
        return line
    }
}

/// Returns `result` when ALSA reports success (≥ 0) and throws the call's error otherwise.
@discardableResult
func checked(_ result: Int32, _ call: String, _ subject: String? = nil) throws(SequencerError) -> Int32 {
    guard result >= 0 else { throw SequencerError(call: call, subject: subject, code: result) }
    return result
}
