import CALSA

/// An ALSA sequencer port: client number and port number, written `CLIENT:PORT` as `aconnect` does.
public struct PortAddress: Hashable, Sendable, CustomStringConvertible {
    public var client: UInt8
    public var port: UInt8

    public init(client: UInt8, port: UInt8) {
        self.client = client
        self.port = port
    }

    /// Parses `CLIENT:PORT` (or `CLIENT`, port 0) with `snd_seq_parse_address`. A client given by
    /// name needs an open sequencer (`handle`) to be looked up; numbers do not.
    init(parsing text: String, handle: OpaquePointer?) throws(SequencerError) {
        var address = snd_seq_addr_t()
        try checked(snd_seq_parse_address(handle, &address, text), "snd_seq_parse_address", "\"\(text)\"")
        self.init(client: address.client, port: address.port)
    }

    /// Parses a numeric `CLIENT:PORT` such as `20:0` (no sequencer needed).
    public init(parsing text: String) throws(SequencerError) {
        try self.init(parsing: text, handle: nil)
    }

    public var description: String { "\(client):\(port)" }

    var alsa: snd_seq_addr_t { snd_seq_addr_t(client: client, port: port) }
}
