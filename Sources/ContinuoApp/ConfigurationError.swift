/// A setting that cannot be used, printed as one line: where, which key, the value, and
/// what is allowed.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The configuration file, or nil for environment/flags/defaults.
    public var file: String?
    /// Dotted key, e.g. `answer.events`.
    public var key: String
    /// The value as given.
    public var value: String
    /// What the key accepts.
    public var allowed: String

    public init(file: String? = nil, key: String, value: String, allowed: String) {
        self.file = file
        self.key = key
        self.value = value
        self.allowed = allowed
    }

    public var description: String {
        "\(file.map { "\($0): " } ?? "")\(key) = \"\(value)\": expected \(allowed)"
    }
}

/// A configuration file that cannot be read at all (missing, not YAML).
public struct ConfigurationFileError: Error, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}
