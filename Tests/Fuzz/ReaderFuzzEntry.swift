// libFuzzer entry for the Standard MIDI File reader, compiled together with Sources/MIDI/*.swift by
// run-reader-fuzz.sh. Any input must give a value or a MIDIFileError; a value must survive a write/read
// round trip unchanged and its notes and tempo map must be computable. A crash, hang, sanitizer report
// or failed precondition is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    guard let file = try? MIDIFile(bytes: bytes, name: "fuzz") else { return 0 }
    let written = file.serialized()
    precondition((try? MIDIFile(bytes: written)) == file, "read(write(x)) != x")
    let map = TempoMap(file)
    for track in file.tracks {
        for note in track.notes() {
            precondition(note.end >= note.start, "note ends before it starts")
            _ = map.seconds(at: note.end)
        }
        _ = map.beats(at: track.end)
    }
    return 0
}
