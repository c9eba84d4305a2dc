import Corpus
import Foundation
import Model
import Training

/// A model `serve` can play with: the network and the vocabulary it was trained on, checked
/// against the timing grid this build uses.
public struct ModelFile: Sendable {
    public var model: EventLSTM
    public var vocabulary: Vocabulary
    /// How its corpus was encoded and split: its representation, and its validation set for `evaluate`.
    public var encoding: CorpusEncoding
    /// The training configuration, when the file records it.
    public var configuration: TrainingConfiguration?
    /// Where it was read from.
    public var path: String

    /// Why a model file cannot be used, as one line.
    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "model \(path): \(reason)" }
    }

    /// Reads `path`, or the shipped default model when nil.
    public static func open(path: String?) throws -> ModelFile {
        guard let path = path ?? defaultModelPath else {
            let folders = DefaultModel.searchFolders.map(\.path).joined(separator: ", ")
            throw LoadError(path: "(default)", reason: "no \(DefaultModel.fileName) in \(folders); set model.path (or --model-path FILE) to a model from `continuo train`")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw LoadError(path: path, reason: "no such file")
        }
        let loaded: (model: EventLSTM, metadata: [String: String])
        do {
            loaded = try EventLSTM.load(contentsOf: URL(fileURLWithPath: path))
        } catch {
            // The loader's errors already start with the path; say it once.
            let text = "\(error)"
            throw LoadError(path: path, reason: text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text)
        }
        let record: TrainingMetadata.Record
        do { record = try TrainingMetadata.record(loaded.metadata) } catch {
            throw LoadError(path: path, reason: error.description)
        }
        let vocabulary = record.vocabulary
        if record.encoding.representation == .notes && vocabulary != Representation.pitchVocabulary {
            throw LoadError(path: path, reason: "a notes model must have the 128-pitch vocabulary")
        }
        let shape = loaded.model.hyperparameters
        guard shape.vocabularySize == vocabulary.count, shape.timingClassCount == TimingGrid.count else {
            throw LoadError(path: path, reason: "shape \(shape.vocabularySize) tokens × \(shape.timingClassCount) timing classes does not match its vocabulary (\(vocabulary.count)) and this build's timing grid (\(TimingGrid.count))")
        }
        if let grid = loaded.metadata[timingGridKey],
           let layout = try? JSONDecoder().decode(TimingGrid.Layout.self, from: Data(grid.utf8)), layout != TimingGrid.layout {
            throw LoadError(path: path, reason: "trained on another timing grid than this build's; retrain it")
        }
        return ModelFile(model: loaded.model, vocabulary: vocabulary, encoding: record.encoding,
                         configuration: record.configuration, path: path)
    }

    static let timingGridKey = TrainingMetadata.timingGridKey

    /// The shipped model (3×512 notes, trained on Corpus/) as installed here, nil if none is found.
    static var defaultModelPath: String? { DefaultModel.url?.path }
}
