import CALSA
import MIDI
import Sequencer
import Testing

/// MIDIMessage ⇄ snd_seq_event_t, checked against the field layout alsa-lib documents
/// (seq_event.h: note/control/ext members) and the MIDI 1.0 meaning of each message.
struct SequencerEventTests {
    private func event(of message: MIDIMessage) -> snd_seq_event_t {
        message.withSequencerEvent { $0 }
    }

    @Test func noteOn_fillsTheNoteMembers() {
        let alsa = event(of: .noteOn(channel: 9, note: 38, velocity: 127))
        #expect(Int32(alsa.type) == Int32(SND_SEQ_EVENT_NOTEON.rawValue))
        #expect(alsa.data.note.channel == 9 && alsa.data.note.note == 38 && alsa.data.note.velocity == 127)
        #expect(UInt32(alsa.flags) & UInt32(SND_SEQ_EVENT_LENGTH_MASK) == UInt32(SND_SEQ_EVENT_LENGTH_FIXED))
    }

    @Test func controller_usesParamForTheNumber_andValueForTheValue() {
        let alsa = event(of: .controlChange(channel: 0, controller: 64, value: 127))  // sustain pedal down
        #expect(Int32(alsa.type) == Int32(SND_SEQ_EVENT_CONTROLLER.rawValue))
        #expect(alsa.data.control.param == 64 && alsa.data.control.value == 127)
    }

    @Test(arguments: [Int16(-8192), -1, 0, 8191])
    func pitchBend_keepsTheCentredValue(value: Int16) {
        // ALSA and MIDIMessage both centre the 14-bit bend on 0 (raw 0x2000).
        let alsa = event(of: .pitchBend(channel: 3, value: value))
        #expect(alsa.data.control.value == Int32(value))
        #expect(MIDIMessage(sequencerEvent: alsa) == .pitchBend(channel: 3, value: value))
    }

    @Test func sysex_carriesTheFramedBytes() {
        // GM System On: F0 7E 7F 09 01 F7; the message's payload omits F0 and here also F7.
        let alsa = event(of: .sysex([0x7E, 0x7F, 0x09, 0x01]))
        #expect(Int32(alsa.type) == Int32(SND_SEQ_EVENT_SYSEX.rawValue))
        #expect(alsa.data.ext.len == 6)
        #expect(UInt32(alsa.flags) & UInt32(SND_SEQ_EVENT_LENGTH_MASK) == UInt32(SND_SEQ_EVENT_LENGTH_VARIABLE))
    }

    @Test func sysexFromALSA_dropsTheLeadingF0() {
        var bytes: [UInt8] = [0xF0, 0x7E, 0x7F, 0x09, 0x01, 0xF7]
        let message = bytes.withUnsafeMutableBytes { raw in
            var alsa = snd_seq_event_t()
            continuo_seq_ev_set_sysex(&alsa, UInt32(raw.count), raw.baseAddress)
            return MIDIMessage(sequencerEvent: alsa)
        }
        #expect(message == .sysex([0x7E, 0x7F, 0x09, 0x01, 0xF7]))
    }

    @Test func noteOnWithVelocityZero_isANoteOff() {
        var alsa = snd_seq_event_t()
        continuo_seq_ev_set_noteon(&alsa, 0, 60, 0)
        #expect(MIDIMessage(sequencerEvent: alsa) == .noteOff(channel: 0, note: 60, velocity: 64))
    }

    @Test(arguments: [
        MIDIMessage.noteOn(channel: 0, note: 60, velocity: 100),
        .noteOff(channel: 15, note: 127, velocity: 0),
        .polyPressure(channel: 2, note: 61, pressure: 33),
        .controlChange(channel: 1, controller: 123, value: 0),
        .programChange(channel: 4, program: 19),
        .channelPressure(channel: 5, pressure: 90),
    ])
    func everyChannelMessage_survivesTheRoundTrip(message: MIDIMessage) {
        #expect(MIDIMessage(sequencerEvent: event(of: message)) == message)
    }

    @Test func announcementsAndClock_areNotMIDIMessages() {
        for type in [SND_SEQ_EVENT_PORT_START, SND_SEQ_EVENT_CLIENT_EXIT, SND_SEQ_EVENT_CLOCK, SND_SEQ_EVENT_START] {
            var alsa = snd_seq_event_t()
            alsa.type = snd_seq_event_type_t(type.rawValue)
            #expect(MIDIMessage(sequencerEvent: alsa) == nil)
        }
    }
}
