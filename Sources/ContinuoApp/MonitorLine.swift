import Foundation
import MIDI

/// One line of `continuo monitor`'s output: a JSON object per event, like `aseqdump` but
/// machine-readable. `event` names the kind; the other fields depend on it.
public struct MonitorLine: Codable, Equatable, Sendable {
    public var event: String
    public var time: Double?
    public var channel: UInt8?
    public var note: UInt8?
    public var velocity: UInt8?
    public var controller: UInt8?
    public var value: Int?
    public var bytes: [UInt8]?
    public var source: String?
    public var message: String?

    public init(event: String) { self.event = event }

    /// The line for an input event.
    public init(_ input: InputEvent) {
        switch input {
        case .sourceConnected(let name): self.init(event: "connected"); source = name
        case .sourceLost(let name): self.init(event: "lost"); source = name
        case .message(let message, let at): self.init(message); time = at.seconds
        }
    }

    private init(_ message: MIDIMessage) {
        switch message {
        case let .noteOn(channel, note, velocity): self.init(event: "noteOn", channel, note: note, velocity: velocity)
        case let .noteOff(channel, note, velocity): self.init(event: "noteOff", channel, note: note, velocity: velocity)
        case let .polyPressure(channel, note, pressure): self.init(event: "polyPressure", channel, note: note, value: Int(pressure))
        case let .controlChange(channel, controller, value):
            self.init(event: "controlChange", channel, value: Int(value))
            self.controller = controller
        case let .programChange(channel, program): self.init(event: "programChange", channel, value: Int(program))
        case let .channelPressure(channel, pressure): self.init(event: "channelPressure", channel, value: Int(pressure))
        case let .pitchBend(channel, value): self.init(event: "pitchBend", channel, value: Int(value))
        case .sysex(let payload): self.init(event: "sysex"); bytes = payload
        }
    }

    private init(event: String, _ channel: UInt8, note: UInt8? = nil, velocity: UInt8? = nil, value: Int? = nil) {
        self.init(event: event)
        self.channel = channel
        self.note = note
        self.velocity = velocity
        self.value = value
    }

    /// The compact JSON text, keys sorted, without a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? #"{"event":"unencodable"}"#
    }
}
