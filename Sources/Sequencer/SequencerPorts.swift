import CALSA

extension SequencerClient {
    /// Every port of every client, as `aconnect -l` lists them.
    public func ports() throws(SequencerError) -> [PortDescription] {
        try withHandle { seq throws(SequencerError) in
            try withInfoRecords { client, port throws(SequencerError) in
                var found: [PortDescription] = []
                snd_seq_client_info_set_client(client, -1)
                while snd_seq_query_next_client(seq, client) >= 0 {
                    snd_seq_port_info_set_client(port, snd_seq_client_info_get_client(client))
                    snd_seq_port_info_set_port(port, -1)
                    while snd_seq_query_next_port(seq, port) >= 0 {
                        found.append(Self.description(client: client, port: port))
                    }
                }
                return found
            }
        }
    }

    /// The port at `address`, or nil when it does not exist (any more).
    public func port(at address: PortAddress) throws(SequencerError) -> PortDescription? {
        try withHandle { seq throws(SequencerError) in
            try withInfoRecords { client, port throws(SequencerError) in
                guard snd_seq_get_any_client_info(seq, Int32(address.client), client) >= 0,
                      snd_seq_get_any_port_info(seq, Int32(address.client), Int32(address.port), port) >= 0
                else { return nil }
                return Self.description(client: client, port: port)
            }
        }
    }

    /// The port an address pattern names now (client names are looked up), or nil.
    func resolve(_ text: String) -> PortAddress? {
        try? withHandle { seq throws(SequencerError) in try PortAddress(parsing: text, handle: seq) }
    }

    /// Subscribes `Continuo In` to `source` (an existing subscription counts as success).
    public func connect(source: PortAddress) throws(SequencerError) {
        try withHandle { seq throws(SequencerError) in
            let result = snd_seq_connect_from(seq, Int32(inputPort), Int32(source.client), Int32(source.port))
            if result != -EBUSY { try checked(result, "snd_seq_connect_from", "\(source)") }
        }
    }

    /// Subscribes `destination` to `Continuo Out` (an existing subscription counts as success).
    public func connect(destination: PortAddress) throws(SequencerError) {
        try withHandle { seq throws(SequencerError) in
            let result = snd_seq_connect_to(seq, Int32(outputPort), Int32(destination.client), Int32(destination.port))
            if result != -EBUSY { try checked(result, "snd_seq_connect_to", "\(destination)") }
        }
    }

    /// How many ports are subscribed to `Continuo Out` now.
    public func outputSubscriberCount() throws(SequencerError) -> Int {
        try withHandle { seq throws(SequencerError) in
            var query: OpaquePointer?
            try checked(snd_seq_query_subscribe_malloc(&query), "snd_seq_query_subscribe_malloc")
            defer { snd_seq_query_subscribe_free(query) }
            var root = address(of: outputPort).alsa
            snd_seq_query_subscribe_set_root(query, &root)
            snd_seq_query_subscribe_set_type(query, SND_SEQ_QUERY_SUBS_READ)
            snd_seq_query_subscribe_set_index(query, 0)
            // The kernel answers ENOENT for index 0 of a port nobody subscribed to.
            guard snd_seq_query_port_subscribers(seq, query) >= 0 else { return 0 }
            return Int(snd_seq_query_subscribe_get_num_subs(query))
        }
    }

    private static func description(client: OpaquePointer, port: OpaquePointer) -> PortDescription {
        PortDescription(
            address: PortAddress(client: UInt8(snd_seq_port_info_get_client(port)),
                                 port: UInt8(snd_seq_port_info_get_port(port))),
            clientName: String(cString: snd_seq_client_info_get_name(client)),
            portName: String(cString: snd_seq_port_info_get_name(port)),
            capabilities: snd_seq_port_info_get_capability(port),
            types: snd_seq_port_info_get_type(port),
            isKernelClient: snd_seq_client_info_get_type(client) == SND_SEQ_KERNEL_CLIENT)
    }
}

/// Runs `body` with a fresh client-info and port-info record, freed afterwards.
private func withInfoRecords<Result>(
    _ body: (_ client: OpaquePointer, _ port: OpaquePointer) throws(SequencerError) -> Result
) throws(SequencerError) -> Result {
    var client: OpaquePointer?
    var port: OpaquePointer?
    try checked(snd_seq_client_info_malloc(&client), "snd_seq_client_info_malloc")
    defer { snd_seq_client_info_free(client) }
    try checked(snd_seq_port_info_malloc(&port), "snd_seq_port_info_malloc")
    defer { snd_seq_port_info_free(port) }
    guard let client, let port else { throw SequencerError(call: "snd_seq_port_info_malloc", code: -ENOMEM) }
    return try body(client, port)
}
