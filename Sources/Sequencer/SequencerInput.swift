import CALSA
import Foundation
import MIDI
import Synchronization

/// Reads `Continuo In` on a thread of its own and delivers what arrives as `InputEvent`s.
///
/// It connects the ports its patterns select, watches `System:Announce` (0:1) and reconnects a
/// matching port when it appears again (a keyboard plugged back in), and reports every source it
/// gains or loses. Messages carry the time the kernel received them, on the client's clock.
public final class SequencerInput: Sendable {
    public let client: SequencerClient
    public let sources: [PortPattern]
    public let destinations: [PortPattern]
    private let onEvent: @Sendable (InputEvent) -> Void
    private let onFailure: @Sendable (SequencerError) -> Void
    private let connected = Mutex<[PortAddress: String]>([:])
    private let started = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - sources: patterns of ports to read from (a keyboard); `[.hardware]` is the usual default.
    ///   - destinations: patterns of ports `Continuo Out` is connected to (a DAW).
    ///   - onEvent: called in arrival order on the reader thread (for the ports connected at once,
    ///     during `start()`); keep it short.
    ///   - onFailure: an ALSA call that failed while running (a connection refused, an overrun).
    public init(client: SequencerClient, sources: [PortPattern], destinations: [PortPattern] = [],
                onEvent: @escaping @Sendable (InputEvent) -> Void,
                onFailure: @escaping @Sendable (SequencerError) -> Void = { _ in }) {
        self.client = client
        self.sources = sources
        self.destinations = destinations
        self.onEvent = onEvent
        self.onFailure = onFailure
    }

    /// Names (`Client:Port`) of the sources connected now.
    public var connectedSources: [String] { connected.withLock { $0.values.sorted() } }

    /// Subscribes to announcements, connects every matching port present now, then starts reading.
    public func start() throws(SequencerError) {
        let announce = PortAddress(client: UInt8(SND_SEQ_CLIENT_SYSTEM), port: UInt8(SND_SEQ_PORT_SYSTEM_ANNOUNCE))
        try client.connect(source: announce)
        for port in try client.ports() { consider(port) }
        started.store(true, ordering: .relaxed)
        let thread = Thread { [self] in
            readUntilStopped()
            finished.signal()
        }
        thread.name = "ALSA input"
        thread.start()
    }

    /// Stops the reader thread and waits for it to end.
    public func stop() {
        guard !stopping.exchange(true, ordering: .relaxed), started.load(ordering: .relaxed) else { return }
        finished.wait()
    }

    // MARK: Reading

    private func readUntilStopped() {
        do {
            var descriptors = try client.withHandle { seq throws(SequencerError) in
                let count = try checked(snd_seq_poll_descriptors_count(seq, Int16(POLLIN)), "snd_seq_poll_descriptors_count")
                var descriptors = [pollfd](repeating: pollfd(), count: Int(count))
                try checked(snd_seq_poll_descriptors(seq, &descriptors, UInt32(count), Int16(POLLIN)), "snd_seq_poll_descriptors")
                return descriptors
            }
            while !stopping.load(ordering: .relaxed) {
                // A short timeout so stop() is noticed without a wake-up pipe.
                guard poll(&descriptors, nfds_t(descriptors.count), 100) > 0 else { continue }
                for item in try client.withHandle(readAvailable) { handle(item) }
            }
        } catch {
            onFailure(error)
        }
    }

    /// Copies every event waiting in the kernel out of alsa-lib's buffer (under the client's lock).
    private func readAvailable(_ seq: OpaquePointer) throws(SequencerError) -> [Received] {
        var items: [Received] = []
        guard snd_seq_event_input_pending(seq, 1) > 0 else { return items }
        repeat {
            var event: UnsafeMutablePointer<snd_seq_event_t>?
            let result = snd_seq_event_input(seq, &event)
            if result == -ENOSPC {
                // The kernel's input pool overflowed: events were lost, reading goes on.
                onFailure(SequencerError(call: "snd_seq_event_input", subject: "input overrun", code: result))
                continue
            }
            try checked(result, "snd_seq_event_input")
            if let event, let item = Received(event.pointee, client: client) { items.append(item) }
        } while snd_seq_event_input_pending(seq, 0) > 0
        return items
    }

    // MARK: Connections

    private func handle(_ item: Received) {
        switch item {
        case .message(let message, let time):
            onEvent(.message(message, at: time))
        case .portStarted(let address):
            if let port = lookUp(address) { consider(port) }
        case .portExited(let address):
            lose { $0 == address }
        case .clientExited(let number):
            lose { $0.client == number }
        case .subscribed(let sender, let destination):
            guard destination == client.address(of: client.inputPort), sender.client != UInt8(SND_SEQ_CLIENT_SYSTEM),
                  connected.withLock({ $0[sender] }) == nil, let port = lookUp(sender) else { return }
            gain(port)
        case .unsubscribed(let sender, let destination):
            if destination == client.address(of: client.inputPort) { lose { $0 == sender } }
        }
    }

    /// Connects `port` if a pattern selects it (as a source, a destination, or both).
    private func consider(_ port: PortDescription) {
        guard port.address.client != client.clientID, port.address.client != UInt8(SND_SEQ_CLIENT_SYSTEM) else { return }
        let resolve = client.resolve
        if sources.contains(where: { $0.selects(port, as: .source, resolve: resolve) }),
           connected.withLock({ $0[port.address] }) == nil {
            do {
                try client.connect(source: port.address)
                gain(port)
            } catch { onFailure(error) }
        }
        if destinations.contains(where: { $0.selects(port, as: .destination, resolve: resolve) }) {
            do { try client.connect(destination: port.address) } catch { onFailure(error) }
        }
    }

    private func gain(_ port: PortDescription) {
        connected.withLock { $0[port.address] = port.name }
        onEvent(.sourceConnected(name: port.name))
    }

    private func lose(where gone: (PortAddress) -> Bool) {
        let names = connected.withLock { table in
            let lost = table.filter { gone($0.key) }
            for address in lost.keys { table[address] = nil }
            return lost.values.sorted()
        }
        for name in names { onEvent(.sourceLost(name: name)) }
    }

    private func lookUp(_ address: PortAddress) -> PortDescription? {
        do { return try client.port(at: address) } catch {
            onFailure(error)
            return nil
        }
    }
}
