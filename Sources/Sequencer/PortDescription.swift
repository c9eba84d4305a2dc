import CALSA

/// A port as the sequencer lists it: what `aconnect -l` shows, plus capabilities and type bits.
public struct PortDescription: Hashable, Sendable {
    public var address: PortAddress
    public var clientName: String
    public var portName: String
    /// `SND_SEQ_PORT_CAP_*` bits.
    public var capabilities: UInt32
    /// `SND_SEQ_PORT_TYPE_*` bits.
    public var types: UInt32
    /// A kernel client: a sound card's MIDI port (USB keyboard, VirMIDI), not a program.
    public var isKernelClient: Bool

    public init(address: PortAddress, clientName: String, portName: String,
                capabilities: UInt32, types: UInt32, isKernelClient: Bool) {
        self.address = address
        self.clientName = clientName
        self.portName = portName
        self.capabilities = capabilities
        self.types = types
        self.isKernelClient = isKernelClient
    }

    /// `Client name:Port name`, the text name patterns are matched against and events report.
    public var name: String { "\(clientName):\(portName)" }

    /// Others may subscribe to read from it: it can be an input of Continuo.
    public var isReadable: Bool { has(capability: SND_SEQ_PORT_CAP_READ | SND_SEQ_PORT_CAP_SUBS_READ) }
    /// Others may subscribe to write to it: it can be an output destination of Continuo.
    public var isWritable: Bool { has(capability: SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE) }

    /// A MIDI port of a sound card (or one typed as hardware), the default auto-connect set.
    public var isHardwareMIDI: Bool {
        let midi = types & UInt32(SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_HARDWARE) != 0
        return midi && (isKernelClient || types & UInt32(SND_SEQ_PORT_TYPE_HARDWARE) != 0)
    }

    /// `Midi Through` (snd-seq-dummy, PipeWire) echoes what others send: connecting it would loop.
    public var isThrough: Bool { name.lowercased().contains("through") }

    private func has(capability bits: Int32) -> Bool { capabilities & UInt32(bits) == UInt32(bits) }
}
