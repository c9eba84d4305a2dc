import CALSA
import MIDI

/// One event read from `Continuo In`, sorted into what the input side acts on.
enum Received {
    case message(MIDIMessage, MonotonicTime)
    case portStarted(PortAddress)
    case portExited(PortAddress)
    case clientExited(UInt8)
    case subscribed(sender: PortAddress, destination: PortAddress)
    case unsubscribed(sender: PortAddress, destination: PortAddress)

    /// Nil for events Continuo ignores (clock, queue control, client start, …).
    init?(_ event: snd_seq_event_t, client: SequencerClient) {
        let addr = PortAddress(client: event.data.addr.client, port: event.data.addr.port)
        let connect = event.data.connect
        let sender = PortAddress(client: connect.sender.client, port: connect.sender.port)
        let destination = PortAddress(client: connect.dest.client, port: connect.dest.port)
        switch Int32(event.type) {
        case SND_SEQ_EVENT_PORT_START.asInt32, SND_SEQ_EVENT_PORT_CHANGE.asInt32: self = .portStarted(addr)
        case SND_SEQ_EVENT_PORT_EXIT.asInt32: self = .portExited(addr)
        case SND_SEQ_EVENT_CLIENT_EXIT.asInt32: self = .clientExited(addr.client)
        case SND_SEQ_EVENT_PORT_SUBSCRIBED.asInt32: self = .subscribed(sender: sender, destination: destination)
        case SND_SEQ_EVENT_PORT_UNSUBSCRIBED.asInt32: self = .unsubscribed(sender: sender, destination: destination)
        default:
            guard let message = MIDIMessage(sequencerEvent: event) else { return nil }
            self = .message(message, Self.time(of: event, client: client))
        }
    }

    /// The kernel's stamp when the input port stamped it on our queue, else the clock now.
    private static func time(of event: snd_seq_event_t, client: SequencerClient) -> MonotonicTime {
        let stamp = UInt32(event.flags) & UInt32(SND_SEQ_TIME_STAMP_MASK)
        guard Int32(event.queue) == client.queue, stamp == UInt32(SND_SEQ_TIME_STAMP_REAL) else { return client.clock.now() }
        return client.clockTime(ofQueue: event.time.time)
    }
}
