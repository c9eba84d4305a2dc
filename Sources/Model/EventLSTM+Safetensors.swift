import Foundation

extension EventLSTM {
    /// Metadata key holding the JSON of `LSTMHyperparameters`.
    public static let hyperparametersKey = "continuo.hyperparameters"

    /// The largest shape a model file may declare (the shipped one is 3 × 512 with 1,162 tokens and
    /// 156 timing classes); checked before any size is computed from the metadata.
    public static let maximumHyperparameters = (layers: 64, hidden: 16_384, vocabularySize: 1 << 20, timingClassCount: 1 << 16)

    /// Loads a model; its shape comes from `__metadata__["continuo.hyperparameters"]` and every
    /// tensor must be present with exactly that shape. Returns the file's whole metadata.
    public static func load(contentsOf url: URL) throws -> (model: EventLSTM, metadata: [String: String]) {
        try load(SafetensorsFile.read(contentsOf: url), path: url.path)
    }

    /// Builds a model from already-read file contents (a checkpoint may carry more tensors,
    /// named with other prefixes, when `allowingExtra` is set).
    public static func load(_ file: SafetensorsFile, path: String, allowingExtra: Bool = false) throws
        -> (model: EventLSTM, metadata: [String: String]) {
        func fail(_ reason: String) -> SafetensorsError { SafetensorsError(path: path, reason: reason) }
        guard let json = file.metadata[hyperparametersKey] else { throw fail("__metadata__ has no \(hyperparametersKey)") }
        guard let p = try? JSONDecoder().decode(LSTMHyperparameters.self, from: Data(json.utf8)) else {
            throw fail("__metadata__ \(hyperparametersKey) is not valid LSTMHyperparameters JSON")
        }
        let limits = maximumHyperparameters
        guard (1...limits.layers).contains(p.layers), (1...limits.hidden).contains(p.hidden),
              (1...limits.vocabularySize).contains(p.vocabularySize),
              (1...limits.timingClassCount).contains(p.timingClassCount), (0..<1).contains(p.dropout) else {
            throw fail("__metadata__ \(hyperparametersKey) has an impossible shape: \(json) (limits: layers 1…\(limits.layers), hidden 1…\(limits.hidden), vocabularySize 1…\(limits.vocabularySize), timingClassCount 1…\(limits.timingClassCount), dropout 0..<1)")
        }
        // Every tensor is checked against the shape the metadata implies before the model is allocated,
        // so the allocation is bounded by the (size-limited) file, not by the metadata's numbers.
        let layout = ParameterLayout(p)
        let byName = Dictionary(file.tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for spec in layout.tensors {
            guard let t = byName[spec.name] else { throw fail("tensor \(spec.name) is missing") }
            guard t.shape == spec.shape else { throw fail("tensor \(spec.name) has shape \(t.shape), the hyperparameters need \(spec.shape)") }
        }
        let model = EventLSTM(hyperparameters: p)
        for spec in model.layout.tensors {
            let t = byName[spec.name]!
            model.updateParameters { θ in
                t.values.withUnsafeBufferPointer { (θ.baseAddress! + spec.offset).update(from: $0.baseAddress!, count: spec.count) }
            }
        }
        if !allowingExtra, let extra = file.tensors.first(where: { model.layout.tensor(named: $0.name) == nil }) {
            throw fail("unexpected tensor \(extra.name)")
        }
        return (model, file.metadata)
    }

    /// The model's tensors under their PyTorch names, with `continuo.hyperparameters` added to `metadata`.
    public func safetensors(metadata: [String: String]) -> SafetensorsFile {
        var meta = metadata
        meta[Self.hyperparametersKey] = String(decoding: try! JSONEncoder().encode(hyperparameters), as: UTF8.self)
        return SafetensorsFile(tensors: layout.tensors.map { NamedTensor(name: $0.name, shape: $0.shape, values: parameters.array($0)) },
                               metadata: meta)
    }

    /// Saves the model atomically (temporary file + rename).
    public func save(to url: URL, metadata: [String: String], dtype: SafetensorsDType) throws {
        try safetensors(metadata: metadata).write(to: url, dtype: dtype)
    }
}
