import Foundation

/// The model shipped inside Continuo: a 3×512 event LSTM trained with `continuo train` on the
/// Bach chorales in `Corpus/`, stored as F16 safetensors (widened to F32 at load).
public enum DefaultModel {
    /// The bundled `default-model.safetensors`, found through `Bundle.module`.
    public static var url: URL? { Bundle.module.url(forResource: "default-model", withExtension: "safetensors") }
}
