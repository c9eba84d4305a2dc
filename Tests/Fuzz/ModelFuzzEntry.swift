// libFuzzer entry for the model loader, compiled together with Sources/Model/*.swift by
// run-model-fuzz.sh. Any input must give a model or a SafetensorsError, and stay within the RSS
// limit (an allocation sized by the header or metadata counts as a finding). A model that loads
// must hold exactly its layout's tensors, re-encode to the same file, and take one inference step.

@_cdecl("LLVMFuzzerTestOneInput")
public func modelFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    guard let file = try? SafetensorsParser(path: "fuzz", bytes: bytes).parse() else { return 0 }
    for tensor in file.tensors {
        precondition(tensor.shape.reduce(1, *) == tensor.values.count, "tensor \(tensor.name): shape and values disagree")
        precondition(tensor.values.allSatisfy(\.isFinite), "tensor \(tensor.name): non-finite value accepted")
    }
    guard let (model, _) = try? EventLSTM.load(file, path: "fuzz", allowingExtra: true) else { return 0 }
    let reread = try? SafetensorsParser(path: "again", bytes: SafetensorsWriter.encode(model.safetensors(metadata: [:]), dtype: .f32)).parse()
    precondition(reread.map { (try? EventLSTM.load($0, path: "again"))?.model.hyperparameters == model.hyperparameters } == true,
                 "a loaded model does not survive write and read")
    var state = LSTMState(zeroFor: model)
    _ = model.step(token: 0, timing: 0, state: &state)
    return 0
}
