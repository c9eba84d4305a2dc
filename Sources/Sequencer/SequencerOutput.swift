import CALSA
import MIDI
import Synchronization

/// `Continuo Out` as a `ScheduledMIDISink`: every message is put on the client's queue with a
/// real-time stamp, so the kernel plays it at its moment whatever our threads are doing.
///
/// It remembers which notes may be sounding (`SoundingNotes`), so `allNotesOff` can end exactly
/// those, even after `cancelPending` dropped their note-offs.
public final class SequencerOutput: ScheduledMIDISink {
    public let client: SequencerClient
    private let onFailure: @Sendable (SequencerError) -> Void
    private let sounding = Mutex(SoundingNotes())

    public init(client: SequencerClient, onFailure: @escaping @Sendable (SequencerError) -> Void = { _ in }) {
        self.client = client
        self.onFailure = onFailure
    }

    public func schedule(_ message: MIDIMessage, at time: MonotonicTime) {
        track(message, at: time.seconds)
        let stamp = client.queueTime(of: time)
        send(message) { event in
            continuo_seq_ev_schedule_real(&event, client.queue, stamp.seconds, stamp.nanoseconds)
        }
    }

    /// Removes our events still waiting on the queue; notes they would have ended stay sounding
    /// until `allNotesOff`.
    public func cancelPending() {
        do {
            try client.withHandle { seq throws(SequencerError) in
                var remove: OpaquePointer?
                try checked(snd_seq_remove_events_malloc(&remove), "snd_seq_remove_events_malloc")
                defer { snd_seq_remove_events_free(remove) }
                snd_seq_remove_events_set_condition(remove, UInt32(SND_SEQ_REMOVE_OUTPUT))
                snd_seq_remove_events_set_queue(remove, client.queue)
                try checked(snd_seq_remove_events(seq, remove), "snd_seq_remove_events")
            }
        } catch { onFailure(error) }
        let now = client.clock.now().seconds
        sounding.withLock { $0.cancelReleases(after: now) }
    }

    /// Sends, now: a note-off for every note that may sound on `channel`, All Notes Off, sustain up.
    public func allNotesOff(channel: UInt8) {
        let now = client.clock.now().seconds
        let notes = sounding.withLock { $0.release(channel: channel, now: now) }
        for note in notes { sendNow(.noteOff(channel: channel, note: note, velocity: 0)) }
        sendNow(.controlChange(channel: channel, controller: MIDIMessage.allNotesOffController, value: 0))
        sendNow(.controlChange(channel: channel, controller: MIDIMessage.sustainController, value: 0))
    }

    // MARK: Sending

    private func sendNow(_ message: MIDIMessage) {
        send(message) { continuo_seq_ev_set_direct(&$0) }
    }

    private func send(_ message: MIDIMessage, timing: (inout snd_seq_event_t) -> Void) {
        do {
            try client.withHandle { seq throws(SequencerError) in
                try message.withSequencerEvent { (event: inout snd_seq_event_t) throws(SequencerError) in
                    continuo_seq_ev_set_source(&event, client.outputPort)
                    continuo_seq_ev_set_subs(&event)
                    timing(&event)
                    try checked(snd_seq_event_output(seq, &event), "snd_seq_event_output")
                    try checked(snd_seq_drain_output(seq), "snd_seq_drain_output")
                }
            }
        } catch { onFailure(error) }
    }

    private func track(_ message: MIDIMessage, at time: Double) {
        let note: MIDIMessageNote
        switch message {
        case let .noteOn(channel, key, velocity) where velocity > 0: note = .on(NoteKey(channel: channel, note: key))
        case let .noteOn(channel, key, _), let .noteOff(channel, key, _): note = .off(NoteKey(channel: channel, note: key))
        default: return
        }
        let now = client.clock.now().seconds
        sounding.withLock { $0.track(note, at: time, now: now) }
    }
}
