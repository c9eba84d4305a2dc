import CALSA
import MIDI
import Synchronization

/// Continuo's ALSA sequencer client: owns the `snd_seq_t*`, the ports `Continuo In` and
/// `Continuo Out`, and a real-time queue whose time zero is a known time on the shared clock.
///
/// alsa-lib handles are not thread-safe, so every call goes through one lock; the reader thread
/// holds it only while it copies events out, never while it waits.
public final class SequencerClient: Sendable {
    /// The client number the kernel gave us (128 or above for programs).
    public let clientID: UInt8
    /// `Continuo In`: others write (and subscribe to write) to it.
    public let inputPort: UInt8
    /// `Continuo Out`: others read (and subscribe to read) from it.
    public let outputPort: UInt8
    /// The queue output events are scheduled on and input events are stamped by.
    public let queue: Int32
    /// The shared clock's time at which the queue's real time was zero.
    public let queueOrigin: MonotonicTime
    public let clock: any MonotonicClock
    private let handle: Mutex<Handle>

    /// Opens the sequencer and creates the client, its two ports and its running queue.
    public init(name: String = "Continuo", clock: any MonotonicClock = SystemClock()) throws(SequencerError) {
        continuo_alsa_silence_errors()
        var opened: OpaquePointer?
        try checked(snd_seq_open(&opened, "default", SND_SEQ_OPEN_DUPLEX, 0), "snd_seq_open", "\"default\"")
        guard let seq = opened else { throw SequencerError(call: "snd_seq_open", code: -ENODEV) }
        do {
            try checked(snd_seq_set_client_name(seq, name), "snd_seq_set_client_name", name)
            // Room for long schedules: events waiting on the queue count against this pool.
            try checked(snd_seq_set_client_pool_output(seq, 2000), "snd_seq_set_client_pool_output")
            clientID = UInt8(try checked(snd_seq_client_id(seq), "snd_seq_client_id"))
            queue = try checked(snd_seq_alloc_named_queue(seq, name), "snd_seq_alloc_named_queue")
            inputPort = try Self.createInputPort(seq, name: "\(name) In", queue: queue)
            let outputCaps = SND_SEQ_PORT_CAP_READ | SND_SEQ_PORT_CAP_SUBS_READ
            outputPort = UInt8(try checked(
                snd_seq_create_simple_port(seq, "\(name) Out", UInt32(outputCaps), Self.portType),
                "snd_seq_create_simple_port", "\(name) Out"))
            queueOrigin = try Self.startQueue(seq, queue: queue, clock: clock)
        } catch {
            snd_seq_close(seq)
            throw error
        }
        self.clock = clock
        handle = Mutex(Handle(seq: seq))
    }

    deinit {
        _ = handle.withLock { snd_seq_close($0.seq) }
    }

    /// Runs `body` with exclusive use of the ALSA handle.
    func withHandle<Result>(_ body: (OpaquePointer) throws(SequencerError) -> Result) throws(SequencerError) -> Result {
        try handle.withLock { (locked: inout Handle) throws(SequencerError) -> Result in try body(locked.seq) }
    }

    /// This client's address for `port`.
    public func address(of port: UInt8) -> PortAddress { PortAddress(client: clientID, port: port) }

    // MARK: Time

    /// The queue's real time for a time on the shared clock (times before the origin play now).
    func queueTime(of time: MonotonicTime) -> (seconds: UInt32, nanoseconds: UInt32) {
        Self.queueTime(offset: time - queueOrigin)
    }

    /// Seconds after the queue's start as ALSA's real time: clamped to 0…UInt32.max seconds (a NaN
    /// counts as 0), so a time from a hostile file plays late instead of trapping.
    static func queueTime(offset: Double) -> (seconds: UInt32, nanoseconds: UInt32) {
        guard !offset.isNaN, offset > 0 else { return (0, 0) }
        guard offset < Double(UInt32.max) else { return (UInt32.max, 0) }
        let seconds = offset.rounded(.down)
        return (UInt32(seconds), UInt32(min(999_999_999, ((offset - seconds) * 1e9).rounded())))
    }

    /// The shared clock's time for a queue real time.
    func clockTime(ofQueue time: snd_seq_real_time_t) -> MonotonicTime {
        queueOrigin + (Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }

    // MARK: Setup

    static let portType = UInt32(SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_APPLICATION)

    /// The input port stamps every event it receives with our queue's real time, so events carry
    /// the moment they reached the kernel rather than the moment our thread read them.
    private static func createInputPort(_ seq: OpaquePointer, name: String, queue: Int32) throws(SequencerError) -> UInt8 {
        var info: OpaquePointer?
        try checked(snd_seq_port_info_malloc(&info), "snd_seq_port_info_malloc")
        defer { snd_seq_port_info_free(info) }
        snd_seq_port_info_set_name(info, name)
        snd_seq_port_info_set_capability(info, UInt32(SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE))
        snd_seq_port_info_set_type(info, portType)
        snd_seq_port_info_set_timestamping(info, 1)
        snd_seq_port_info_set_timestamp_real(info, 1)
        snd_seq_port_info_set_timestamp_queue(info, queue)
        try checked(snd_seq_create_port(seq, info), "snd_seq_create_port", name)
        return UInt8(snd_seq_port_info_get_port(info))
    }

    /// Starts the queue, then reads its real time and the clock back to back: their difference is
    /// the origin that maps one onto the other.
    private static func startQueue(_ seq: OpaquePointer, queue: Int32, clock: any MonotonicClock) throws(SequencerError) -> MonotonicTime {
        try checked(continuo_seq_start_queue(seq, queue), "snd_seq_start_queue")
        try checked(snd_seq_drain_output(seq), "snd_seq_drain_output")
        var status: OpaquePointer?
        try checked(snd_seq_queue_status_malloc(&status), "snd_seq_queue_status_malloc")
        defer { snd_seq_queue_status_free(status) }
        try checked(snd_seq_get_queue_status(seq, queue, status), "snd_seq_get_queue_status")
        let now = clock.now()
        guard let real = snd_seq_queue_status_get_real_time(status)?.pointee else { return now }
        return MonotonicTime(seconds: now.seconds - (Double(real.tv_sec) + Double(real.tv_nsec) / 1e9))
    }
}

/// The raw handle, only reachable through the client's lock.
struct Handle: @unchecked Sendable {
    let seq: OpaquePointer
}
