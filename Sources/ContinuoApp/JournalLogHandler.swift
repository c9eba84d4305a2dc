import Foundation
import Logging

/// A swift-log handler for journald: one line per record on standard error, starting with the
/// syslog priority in angle brackets (`<6>` info, `<4>` warning, …), which journald turns into
/// the record's priority and strips. Metadata follows the message as `key=value`.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        FileHandle.standardError.write(Data((Self.line(level: level, message: "\(message)",
                                                       metadata: metadata.merging(extra ?? [:]) { $1 }) + "\n").utf8))
    }

    /// The text of one record, without the newline. Newlines inside become spaces: a record is one line.
    static func line(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        let fields = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        return "<\(priority(level))>\(message)\(fields)".replacingOccurrences(of: "\n", with: " ")
    }

    /// syslog(3) priorities.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
