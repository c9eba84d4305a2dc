import Foundation

/// One line of `continuo monitor` output, decoded independently of the app's own type.
struct MonitorRecord: Decodable, Equatable {
    var event: String
    var time: Double?
    var channel: Int?
    var note: Int?
    var velocity: Int?
    var source: String?

    static func lines(_ text: String) -> [MonitorRecord] {
        text.split(separator: "\n").compactMap { try? JSONDecoder().decode(MonitorRecord.self, from: Data($0.utf8)) }
    }
}

/// `aconnect -l`/`-i`/`-o` output: clients, their ports, and where each port's events come from.
struct AconnectListing {
    struct Port: Equatable {
        var client: Int
        var clientName: String
        var clientType: String
        var number: Int
        var name: String
        var connectedFrom: [String] = []
    }

    var ports: [Port] = []

    init(_ text: String) {
        var client = (number: -1, name: "", type: "")
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("client "), let match = line.firstMatch(of: /client (\d+): '([^']*)' \[type=(\w+)/) {
                client = (Int(match.1)!, String(match.2), String(match.3))
            } else if let match = line.firstMatch(of: /^\s+(\d+) '([^']*)'/) {
                ports.append(Port(client: client.number, clientName: client.name, clientType: client.type,
                                  number: Int(match.1)!, name: String(match.2).trimmingCharacters(in: .whitespaces)))
            } else if line.contains("Connected From:"), !ports.isEmpty {
                ports[ports.count - 1].connectedFrom = line.matches(of: /(\d+:\d+)/).map { String($0.1) }
            }
        }
    }

    func port(_ name: String) -> Port? { ports.first { $0.name == name } }
}

/// A note event as `aseqdump` prints it, with the arrival time the scenario prefixed.
struct AseqdumpEvent: Equatable {
    enum Kind: Equatable {
        case noteOn(Int, Int)
        case noteOff(Int, Int)
        case control(Int, Int)
    }

    var arrival: Double
    var source: String
    var kind: Kind

    /// Lines such as `1733100000.123456  128:1   Note on   0, note 60, velocity 90` or
    /// `…  128:1   Control change   0, controller 123, value 0`.
    static func lines(_ text: String) -> [AseqdumpEvent] {
        text.split(separator: "\n").compactMap { line in
            guard let head = line.firstMatch(of: /^(\d+\.\d+)\s+(\d+:\d+)\s+/), let arrival = Double(head.1) else { return nil }
            let kind: Kind
            if let note = line.firstMatch(of: /(Note on|Note off)\s+\d+, note (\d+), velocity (\d+)/),
               let pitch = Int(note.2), let velocity = Int(note.3) {
                kind = note.1 == "Note on" ? .noteOn(pitch, velocity) : .noteOff(pitch, velocity)
            } else if let control = line.firstMatch(of: /Control change\s+\d+, controller (\d+), value (\d+)/),
                      let number = Int(control.1), let value = Int(control.2) {
                kind = .control(number, value)
            } else {
                return nil
            }
            return AseqdumpEvent(arrival: arrival, source: String(head.2), kind: kind)
        }
    }
}
