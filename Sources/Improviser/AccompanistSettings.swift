/// Everything that shapes how the daemon listens and answers. The app reads these from
/// configuration; the defaults here are the documented defaults of `Config/continuo.yaml`.
public struct AccompanistSettings: Hashable, Sendable {
    /// Call-and-response or play-along.
    public var mode: TurnTaking = .callAndResponse
    /// Seconds with no key and no pedal down after which the musician's phrase has ended.
    public var silenceSeconds = 0.8
    /// An answer ends after this many onsets (a note or a chord each; with a note model a chord is several steps)…
    public var answerEvents = 16
    /// …or once its next onset would be this many seconds after its start (0: no limit).
    public var answerSeconds = 12.0
    /// Sampling temperature (≤ 0.001: always the likeliest token).
    public var temperature: Float = 0.9
    /// Nucleus sampling: draw from the smallest set of tokens whose probability reaches this.
    public var topP: Float = 0.95
    /// Output MIDI channel, 0–15 (channel 1 is 0).
    public var channel: UInt8 = 0
    /// Range (default: the piano's 21…108) and key mask of the answer's pitches.
    public var constraints = PitchConstraints(range: 21...108, scale: nil)
    /// CC numbers of the live controls.
    public var controls = LiveControls()
    /// Tempo assumed before the musician has played two onsets, in quarter notes per minute.
    public var initialBPM = 100.0
    /// Tempi the estimate is folded into (by octaves), quarter notes per minute; at least an
    /// octave wide.
    public var tempoRange: ClosedRange<Double> = 60...180
    /// Weight of the newest velocity in the running mean the answer's dynamics follow.
    public var velocityFollow = 0.3
    /// Delay from the phrase-end decision to the answer's first note, so the queue can
    /// receive it before it is due.
    public var leadSeconds = 0.005
    /// How far ahead of the clock answers are generated and queued.
    public var lookaheadSeconds = 0.5

    public init() {}
}
