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
