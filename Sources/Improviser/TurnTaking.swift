/// How Continuo shares the music with the musician.
public enum TurnTaking: String, Sendable, CaseIterable {
    /// Wait for the musician's phrase to end, answer, and stop the moment they play again.
    case callAndResponse = "call-and-response"
    /// Keep playing while the musician plays, following each new event they complete.
    case playAlong = "play-along"
}
