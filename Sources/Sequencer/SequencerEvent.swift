import CALSA
import MIDI

extension MIDIMessage {
    /// The MIDI message an ALSA sequencer event carries; nil for events that are not channel or
    /// system-exclusive messages (announcements, clock, queue control, …).
    ///
    /// A note-on with velocity 0 is a note-off (MIDI 1.0: receivers treat both alike), reported with
    /// the release velocity 64 the specification recommends when none is given. A sysex that ALSA
    /// split into several events arrives as several `.sysex` messages; the leading F0 is dropped.
    public init?(sequencerEvent event: snd_seq_event_t) {
        var event = event
        let type = Int32(event.type)
        let channel = UInt8(truncatingIfNeeded: event.data.note.channel) & 0x0F
        let note = event.data.note.note & 0x7F
        let velocity = event.data.note.velocity & 0x7F
        let control = event.data.control
        let value = UInt8(clamping: max(0, min(127, control.value)))
        let controlChannel = control.channel & 0x0F
        switch type {
        case SND_SEQ_EVENT_NOTEON.asInt32 where velocity == 0:
            self = .noteOff(channel: channel, note: note, velocity: 64)
        case SND_SEQ_EVENT_NOTEON.asInt32:
            self = .noteOn(channel: channel, note: note, velocity: velocity)
        case SND_SEQ_EVENT_NOTEOFF.asInt32:
            self = .noteOff(channel: channel, note: note, velocity: velocity)
        case SND_SEQ_EVENT_KEYPRESS.asInt32:
            self = .polyPressure(channel: channel, note: note, pressure: velocity)
        case SND_SEQ_EVENT_CONTROLLER.asInt32:
            self = .controlChange(channel: controlChannel, controller: UInt8(truncatingIfNeeded: control.param) & 0x7F, value: value)
        case SND_SEQ_EVENT_PGMCHANGE.asInt32:
            self = .programChange(channel: controlChannel, program: value)
        case SND_SEQ_EVENT_CHANPRESS.asInt32:
            self = .channelPressure(channel: controlChannel, pressure: value)
        case SND_SEQ_EVENT_PITCHBEND.asInt32:
            self = .pitchBend(channel: controlChannel, value: Int16(max(-8192, min(8191, control.value))))
        case SND_SEQ_EVENT_SYSEX.asInt32:
            guard continuo_seq_ev_is_variable(&event) != 0, let pointer = event.data.ext.ptr else { return nil }
            var bytes = Array(UnsafeRawBufferPointer(start: pointer, count: Int(event.data.ext.len)))
            if bytes.first == 0xF0 { bytes.removeFirst() }
            self = .sysex(bytes)
        default:
            return nil
        }
    }

    /// Calls `body` with an unaddressed, unscheduled ALSA event carrying this message. A sysex's
    /// bytes (F0 … F7, added when missing) live only while `body` runs.
    public func withSequencerEvent<Result, Failure: Error>(
        _ body: (inout snd_seq_event_t) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var event = snd_seq_event_t()
        continuo_seq_ev_clear(&event)
        switch self {
        case let .noteOn(channel, note, velocity):
            continuo_seq_ev_set_noteon(&event, Int32(channel), Int32(note), Int32(velocity))
        case let .noteOff(channel, note, velocity):
            continuo_seq_ev_set_noteoff(&event, Int32(channel), Int32(note), Int32(velocity))
        case let .polyPressure(channel, note, pressure):
            continuo_seq_ev_set_keypress(&event, Int32(channel), Int32(note), Int32(pressure))
        case let .controlChange(channel, controller, value):
            continuo_seq_ev_set_controller(&event, Int32(channel), UInt32(controller), Int32(value))
        case let .programChange(channel, program):
            continuo_seq_ev_set_pgmchange(&event, Int32(channel), Int32(program))
        case let .channelPressure(channel, pressure):
            continuo_seq_ev_set_chanpress(&event, Int32(channel), Int32(pressure))
        case let .pitchBend(channel, value):
            continuo_seq_ev_set_pitchbend(&event, Int32(channel), Int32(value))
        case let .sysex(payload):
            var bytes = [0xF0] + payload
            if payload.last != 0xF7 { bytes.append(0xF7) }
            let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
            defer { raw.deallocate() }
            raw.copyBytes(from: bytes)
            continuo_seq_ev_set_sysex(&event, UInt32(raw.count), raw.baseAddress)
            return try body(&event)
        }
        return try body(&event)
    }
}

extension snd_seq_event_type {
    var asInt32: Int32 { Int32(rawValue) }
}
