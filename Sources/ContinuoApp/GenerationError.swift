import Foundation

/// What `continuo generate` refuses, as one line naming the file or the setting.
public enum GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A setting outside what is allowed: name, value given, what is allowed.
    case invalidSetting(name: String, value: String, allowed: String)
    /// The seed file cannot be read.
    case seedFileUnreadable(path: String)
    /// No `--model` and no model shipped with this build.
    case noDefaultModel
    /// The seed folder holds no .mid/.midi file (searched recursively).
    case seedCorpusEmpty(path: String)
    /// The seed file has no notes to continue from, and why.
    case seedHasNoEvents(path: String, reason: String)
    /// Seed and continuation together would last longer than the WAV may.
    case pieceTooLong(seedPath: String, seconds: Double, limit: Double)

    public var description: String {
        switch self {
        case let .invalidSetting(name, value, allowed): "\(name) = \(value) is not allowed: \(allowed)"
        case let .seedFileUnreadable(path): "seed file \(path): no such readable file"
        case .noDefaultModel: "no model is shipped with this build; pass --model FILE (a model from `continuo train`)"
        case let .seedCorpusEmpty(path): "seed corpus \(path): no .mid or .midi files"
        case let .seedHasNoEvents(path, reason): "seed file \(path): nothing to continue from (\(reason))"
        case let .pieceTooLong(path, seconds, limit):
            "seed file \(path): seed and continuation would last \(Int(seconds)) s, more than the \(Int(limit)) s rendered; use a shorter seed (--seed-events) or --seconds"
        }
    }
}

extension GenerationError: LocalizedError {
    public var errorDescription: String? { description }
}
