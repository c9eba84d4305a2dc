import Foundation
import Model
import Testing

/// Compares two tensors element by element, as llm.c's `check_tensor`: one named expectation
/// reporting the worst element, so a failure says which tensor and where.
func checkTensor(_ actual: [Float], _ expected: [Float], _ name: String, tolerance: Float = 1e-5,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(name): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    var worst = (index: 0, error: Float(0))
    for (i, (a, e)) in zip(actual, expected).enumerated() where abs(a - e) > worst.error { worst = (i, abs(a - e)) }
    #expect(worst.error <= tolerance,
            "\(name): element \(worst.index) is \(actual[worst.index]), expected \(expected[worst.index]) (|Δ| = \(worst.error))",
            sourceLocation: sourceLocation)
}

extension EventLSTM {
    /// Copies named tensors into the flat store.
    func setParameters(_ values: [String: [Float]]) {
        updateParameters { θ in
            for spec in layout.tensors {
                let v = values[spec.name]!
                precondition(v.count == spec.count, "\(spec.name)")
                for i in 0..<spec.count { θ[spec.offset + i] = v[i] }
            }
        }
    }

    /// The named tensors of the flat store (or of another store with the same layout).
    func named(_ storage: FloatStorage? = nil) -> [String: [Float]] {
        Dictionary(uniqueKeysWithValues: layout.tensors.map { ($0.name, (storage ?? parameters).array($0)) })
    }
}
