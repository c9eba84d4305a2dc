/// Which MIDI control-change numbers on the input steer the daemon while it plays, and how a
/// CC value (0–127) maps onto each setting. nil disables a control.
///
/// | control        | default CC | value → effect                                            |
/// |----------------|-----------:|-----------------------------------------------------------|
/// | temperature    | 20         | 0…127 → 0.05…2.0, linear                                   |
/// | answer length  | 21         | 0…127 → 1…64 events, linear                                |
/// | mode           | 22         | 0…63 call-and-response, 64…127 play-along                  |
/// | panic          | 23         | ≥ 64: all notes off now, the current answer is dropped     |
///
/// 20–23 are "undefined" controllers in the MIDI 1.0 table, so they clash with nothing a
/// keyboard sends by default.
public struct LiveControls: Hashable, Sendable {
    public var temperature: UInt8? = 20
    public var answerLength: UInt8? = 21
    public var mode: UInt8? = 22
    public var panic: UInt8? = 23

    public init() {}

    /// What one control change asks for.
    public enum Request: Equatable, Sendable {
        case temperature(Float)
        case answerEvents(Int)
        case mode(TurnTaking)
        case panic
    }

    /// The request a control change makes, nil when the controller is not one of ours (or a
    /// panic control released).
    public func request(controller: UInt8, value: UInt8) -> Request? {
        let fraction = Double(min(value, 127)) / 127
        switch controller {
        case temperature: return .temperature(Float(0.05 + fraction * 1.95))
        case answerLength: return .answerEvents(1 + Int((fraction * 63).rounded()))
        case mode: return .mode(value >= 64 ? .playAlong : .callAndResponse)
        case panic: return value >= 64 ? .panic : nil
        default: return nil
        }
    }
}
