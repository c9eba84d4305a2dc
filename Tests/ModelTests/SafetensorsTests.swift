import Foundation
import Model
import Testing

@Suite struct SafetensorsTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func file(_ bytes: [UInt8], _ name: String = "t.safetensors") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// A header followed by its data, with the 8-byte little-endian length in front.
    func image(_ header: String, _ data: [UInt8]) -> [UInt8] {
        let h = Array(header.utf8)
        return (0..<8).map { UInt8(truncatingIfNeeded: h.count >> (8 * $0)) } + h + data
    }

    @Test func handWrittenFile_isRead() throws {
        let bytes = image(#"{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F16","shape":[1],"data_offsets":[8,10]}}"#,
                          [0x00, 0x00, 0x80, 0x3F,   // 1.0 as F32, little-endian
                           0x00, 0x00, 0x00, 0xC0,   // -2.0 as F32
                           0x00, 0x3C])              // 1.0 as F16
        let read = try SafetensorsFile.read(contentsOf: file(bytes))
        #expect(read["a"] == NamedTensor(name: "a", shape: [2], values: [1, -2]))
        #expect(read["b"]?.values == [1])
        #expect(read.metadata == ["k": "v"])
    }

    @Test(arguments: [
        ([0x01, 0x02], "too short"),
        ([0xFF, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0x7D], "runs past the end"),
        ([0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0x7B, 0x7D], "header length 16777217 at byte 0 is more than the 16 MiB a header may be"),
    ] as [([UInt8], String)])
    func malformedLength_isRejected(bytes: [UInt8], reason: String) throws {
        let url = try file(bytes)
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile.read(contentsOf: url) }
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix(url.path) == true)
    }

    @Test(arguments: [
        (#"{"a":{"dtype":"F32","shape":[2],"#, "not a JSON object"),
        (#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,12]}}"#, "outside the 8-byte data section"),
        (#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, "needs 12 bytes"),
        (#"{"a":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#, "dtype I64"),
        (#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, "overlap"),
        (#"{"a":{"dtype":"F32","shape":[2]}}"#, "needs dtype, shape and two data_offsets"),
    ])
    func malformedHeader_isRejectedWithItsReason(header: String, reason: String) throws {
        let url = try file(image(header, [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40]))
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile.read(contentsOf: url) }
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
    }

    @Test func nanValue_isRejectedWithItsByteOffset() throws {
        let url = try file(image(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#,
                                 [0, 0, 0x80, 0x3F, 0x00, 0x00, 0xC0, 0x7F]))   // 1.0, NaN at 8 + 54 + 4
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile.read(contentsOf: url) }
        #expect(error?.reason.contains("element 1 is nan (file byte 66)") == true, "\(String(describing: error))")
    }

    @Test func model_roundTripsExactlyInF32_andToNearestHalfInF16() throws {
        let model = EventLSTM(hyperparameters: LSTMHyperparameters(vocabularySize: 9, timingClassCount: 4, layers: 2, hidden: 5), seed: 3)
        let url = directory.appendingPathComponent("m.safetensors")
        try model.save(to: url, metadata: ["continuo.note": "x"], dtype: .f32)
        let (back, metadata) = try EventLSTM.load(contentsOf: url)
        #expect(back.hyperparameters == model.hyperparameters)
        #expect(Array(back.parameters.buffer) == Array(model.parameters.buffer))
        #expect(metadata["continuo.note"] == "x")
        try model.save(to: url, metadata: [:], dtype: .f16)
        let half = try EventLSTM.load(contentsOf: url).model
        #expect(Array(half.parameters.buffer) == model.parameters.buffer.map { Float(Float16($0)) })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "m.safetensors" }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func modelFile_whoseTensorsDisagreeWithItsHyperparameters_isRejected() throws {
        let model = EventLSTM(hyperparameters: LSTMHyperparameters(vocabularySize: 9, timingClassCount: 4, layers: 1, hidden: 5))
        var contents = model.safetensors(metadata: [:])
        contents.tensors[1] = NamedTensor(name: "lstm.weight_hh_l0", shape: [5, 4], values: Array(repeating: 0, count: 20))
        let url = directory.appendingPathComponent("bad.safetensors")
        try contents.write(to: url, dtype: .f32)
        let error = #expect(throws: SafetensorsError.self) { try EventLSTM.load(contentsOf: url) }
        #expect(error?.reason == "tensor lstm.weight_hh_l0 has shape [5, 4], the hyperparameters need [20, 5]")
        contents = model.safetensors(metadata: [:])
        contents.tensors.removeLast()
        try contents.write(to: url, dtype: .f32)
        let missing = #expect(throws: SafetensorsError.self) { try EventLSTM.load(contentsOf: url) }
        #expect(missing?.reason == "tensor timing_head.bias is missing")
    }

    @Test(arguments: [
        (#"{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}"#, "needs more bytes than a file can hold"),
        (#"{"a":{"dtype":"F32","shape":[2305843009213693952],"data_offsets":[0,8]}}"#, "needs more bytes than a file can hold"),
        (#"{"a":{"dtype":"F16","shape":[2305843009213693952],"data_offsets":[0,8]}}"#, "needs 4611686018427387904 bytes"),
    ])
    func shapeWhoseSizeOverflows_isRejected(header: String, reason: String) throws {
        let url = try file(image(header, [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40]))
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile.read(contentsOf: url) }
        #expect(error?.description.hasPrefix("\(url.path): tensor a: shape ") == true, "\(String(describing: error))")
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func fileLargerThanTheLimit_isRejectedBeforeReading() throws {
        let url = directory.appendingPathComponent("huge.safetensors")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(SafetensorsFile.maximumFileSize + 1))   // sparse: no disk used
        try handle.close()
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile.read(contentsOf: url) }
        #expect(error?.description == "\(url.path): file is \(SafetensorsFile.maximumFileSize + 1) bytes, more than the 512 MiB a model file may be")
    }

    @Test func directoryInsteadOfAFile_isOneLine() throws {
        let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile.read(contentsOf: directory) }
        #expect(error?.description == "\(directory.path): cannot read: not a regular file")
    }

    /// Metadata numbers that would size an 800 GB (or overflowing) allocation are refused before
    /// anything is allocated; shapes within the limits are compared with the tensors first.
    @Test(arguments: [
        (#"{"vocabularySize":9,"timingClassCount":4,"layers":1,"hidden":4611686018427387904,"dropout":0.3}"#, "impossible shape"),
        (#"{"vocabularySize":9,"timingClassCount":4,"layers":1,"hidden":100000,"dropout":0.3}"#, "impossible shape"),
        (#"{"vocabularySize":1000000000000,"timingClassCount":4,"layers":1,"hidden":5,"dropout":0.3}"#, "impossible shape"),
        (#"{"vocabularySize":9,"timingClassCount":4,"layers":100000000,"hidden":5,"dropout":0.3}"#, "impossible shape"),
        (#"{"vocabularySize":9,"timingClassCount":4,"layers":1,"hidden":5,"dropout":-1}"#, "impossible shape"),
        (#"{"vocabularySize":1048576,"timingClassCount":65536,"layers":64,"hidden":16384,"dropout":0.3}"#,
         "tensor lstm.weight_ih_l0 has shape [20, 13], the hyperparameters need [65536, 1114112]"),
    ])
    func metadataThatDisagreesWithTheTensors_isRejectedBeforeAllocating(hyperparameters: String, reason: String) throws {
        let model = EventLSTM(hyperparameters: LSTMHyperparameters(vocabularySize: 9, timingClassCount: 4, layers: 1, hidden: 5))
        let url = directory.appendingPathComponent("bomb.safetensors")
        try model.save(to: url, metadata: [:], dtype: .f32)
        var contents = try SafetensorsFile.read(contentsOf: url)
        contents.metadata[EventLSTM.hyperparametersKey] = hyperparameters
        try contents.write(to: url, dtype: .f32)
        let error = #expect(throws: SafetensorsError.self) { try EventLSTM.load(contentsOf: url) }
        #expect(error?.path == url.path)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
    }
}
