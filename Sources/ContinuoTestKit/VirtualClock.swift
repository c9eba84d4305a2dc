import MIDI

/// The tests' name for the clock that moves only when moved (`MIDI.ManualClock`).
public typealias VirtualClock = ManualClock
