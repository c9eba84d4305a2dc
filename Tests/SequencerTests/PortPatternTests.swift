import CALSA
import Sequencer
import Testing

/// Which ports auto-connect selects, on the ports a real system lists (`aconnect -l` in the rig).
struct PortPatternTests {
    private static let subscribable = UInt32(SND_SEQ_PORT_CAP_READ | SND_SEQ_PORT_CAP_SUBS_READ
        | SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE)
    private static let virtualCable = UInt32(SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_SOFTWARE | SND_SEQ_PORT_TYPE_PORT)

    private static func virMIDI(_ index: UInt8) -> PortDescription {
        PortDescription(address: PortAddress(client: 20 + index, port: 0), clientName: "Virtual Raw MIDI 1-\(index)",
                        portName: "VirMIDI 1-\(index)", capabilities: subscribable, types: virtualCable, isKernelClient: true)
    }
    private static let through = PortDescription(
        address: PortAddress(client: 14, port: 0), clientName: "Midi Through", portName: "Midi Through Port-0",
        capabilities: subscribable, types: virtualCable, isKernelClient: true)
    private static let usbKeyboard = PortDescription(
        address: PortAddress(client: 24, port: 0), clientName: "KeyStep 37", portName: "KeyStep 37 MIDI 1",
        capabilities: subscribable, types: UInt32(SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_HARDWARE | SND_SEQ_PORT_TYPE_PORT),
        isKernelClient: true)
    private static let program = PortDescription(
        address: PortAddress(client: 129, port: 0), clientName: "aseqdump", portName: "aseqdump",
        capabilities: subscribable, types: UInt32(SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_APPLICATION),
        isKernelClient: false)
    private static let writeOnly = PortDescription(
        address: PortAddress(client: 130, port: 0), clientName: "FLUID Synth (123)", portName: "Synth input port (123:0)",
        capabilities: UInt32(SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE), types: UInt32(SND_SEQ_PORT_TYPE_MIDI_GENERIC),
        isKernelClient: false)
    private static let all = [through, virMIDI(0), virMIDI(1), virMIDI(2), virMIDI(3), usbKeyboard, program, writeOnly]

    private func sources(_ text: String) -> [String] {
        Self.all.filter { PortPattern(text).selects($0, as: .source) { try? PortAddress(parsing: $0) } }.map(\.address.description)
    }

    @Test func text_isReadAsHardwareAddressOrName() {
        #expect(PortPattern("hardware") == .hardware)
        #expect(PortPattern("20:0") == .address("20:0"))
        #expect(PortPattern("Virtual Raw MIDI 1-0:0") == .address("Virtual Raw MIDI 1-0:0"))
        #expect(PortPattern("KeyStep") == .name("KeyStep"))
        #expect(PortPattern("Midi Through:Midi Through Port-0") == .name("Midi Through:Midi Through Port-0"))
    }

    @Test func hardware_takesCardPorts_notThroughNotPrograms() {
        #expect(sources("hardware") == ["20:0", "21:0", "22:0", "23:0", "24:0"])
    }

    @Test func name_isACaseInsensitiveSubstring() {
        #expect(sources("virmidi 1-1") == ["21:0"])
        #expect(sources("keystep") == ["24:0"])
    }

    @Test func glob_matchesClientNamePortNameOrBoth() {
        #expect(sources("*1-[23]") == ["22:0", "23:0"])
        #expect(sources("VirMIDI*") == ["20:0", "21:0", "22:0", "23:0"])  // the port names
    }

    @Test func address_selectsExactlyThatPort() {
        #expect(sources("22:0") == ["22:0"])
        #expect(sources("22:1") == [])
    }

    @Test func aWriteOnlyPort_isADestinationNotASource() {
        #expect(sources("FLUID") == [])
        #expect(PortPattern("FLUID").selects(Self.writeOnly, as: .destination) { _ in nil })
    }

    @Test func numericAddresses_parseWithoutASequencer() throws {
        #expect(try PortAddress(parsing: "20:1") == PortAddress(client: 20, port: 1))
        #expect(try PortAddress(parsing: "128") == PortAddress(client: 128, port: 0))
    }

    @Test func aClientName_withoutASequencer_isAOneLineError() {
        #expect {
            try PortAddress(parsing: "Continuo:0")
        } throws: { error in
            let text = "\(error)"
            return text.contains("snd_seq_parse_address") && text.contains("\"Continuo:0\"") && !text.contains("\n")
        }
    }
}
