#if canImport(Glibc)
import Glibc
#endif

/// Which ports Continuo connects to by itself, now and whenever a matching port appears again.
///
/// Written as text in the configuration: `hardware`; an address `CLIENT:PORT` (`20:0`, or a client
/// name as `aconnect` takes it: `Virtual Raw MIDI 1-0:0`); or a name pattern matched against
/// `Client name:Port name`, a glob when it holds `*`, `?` or `[`, else a case-insensitive substring.
public enum PortPattern: Hashable, Sendable, CustomStringConvertible {
    /// Every MIDI port of a sound card that is not a through port.
    case hardware
    /// One port by address, parsed with `snd_seq_parse_address` when ports are matched.
    case address(String)
    /// Ports whose `Client name:Port name` matches.
    case name(String)

    public init(_ text: String) {
        if text.lowercased() == "hardware" {
            self = .hardware
        } else if let colon = text.lastIndex(of: ":"), colon != text.startIndex,
                  case let port = text[text.index(after: colon)...], !port.isEmpty,
                  port.allSatisfy(\.isASCIIDigit) {
            self = .address(text)
        } else {
            self = .name(text)
        }
    }

    public var description: String {
        switch self {
        case .hardware: "hardware"
        case .address(let text), .name(let text): text
        }
    }

    /// Whether `port` is one this pattern selects for `direction`. `resolve` turns an address
    /// pattern into a port (nil when no such client exists now).
    func matches(_ port: PortDescription, as direction: PortDirection,
                 resolve: (String) -> PortAddress?) -> Bool {
        guard direction == .source ? port.isReadable : port.isWritable else { return false }
        switch self {
        case .hardware: return port.isHardwareMIDI && !port.isThrough
        case .address(let text): return resolve(text) == port.address
        case .name(let text): return Self.name(port.name, matches: text)
        }
    }

    private static func name(_ name: String, matches pattern: String) -> Bool {
        if pattern.contains(where: { "*?[".contains($0) }) {
            return fnmatch(pattern.lowercased(), name.lowercased(), 0) == 0
        }
        return name.lowercased().contains(pattern.lowercased())
    }
}

/// Which way a connection carries events, seen from Continuo.
public enum PortDirection: Sendable {
    /// A port Continuo reads from (a keyboard).
    case source
    /// A port Continuo writes to (a DAW, a synth).
    case destination
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
