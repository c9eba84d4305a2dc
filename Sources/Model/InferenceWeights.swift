import CKernels

/// An `EventLSTM`'s weights repacked for batch-1 steps, in the order a step reads them:
///
///     vectors   inputColumns [in, 4H]   W_ih_l0ᵀ: the column for a one-hot input is one contiguous row
///               per layer k: bias [4H]  b_ih + b_hh
///               token bias [V], timing bias [K]
///     matrices  per layer k: recurrent  k = 0: W_hh [4H, H];  k > 0: [W_ih | W_hh] [4H, 2H] (one pass over [x; h])
///               token head [V, H], timing head [K, H]
///
/// The matrices, which a step reads in full, are stored in binary16 when every one of their
/// values is exactly a binary16 (a model loaded from an F16 file, such as the shipped one): the
/// same numbers in half the bytes. Any other model keeps them in single precision.
/// Immutable once built, so concurrent steps may share it.
final class InferenceWeights: @unchecked Sendable {
    /// A row-major matrix in `matrices`, by element offset.
    struct Matrix { let offset: Int, rows: Int, cols: Int }

    let vectors: FloatStorage
    let inputColumns: Int
    let biases: [Int]
    let tokenBias: Int, timingBias: Int
    let recurrent: [Matrix]
    let tokenHead: Matrix, timingHead: Matrix
    /// True when `matrices` holds binary16 values.
    let isHalfPrecision: Bool
    private let matrices: UnsafeMutableRawPointer

    init(_ model: EventLSTM) {
        let p = model.hyperparameters, g = 4 * p.hidden, h = p.hidden
        vectors = FloatStorage(count: p.inputSize * g + p.layers * g + p.vocabularySize + p.timingClassCount)
        let base = vectors.base
        var next = 0
        func take(_ n: Int) -> Int { defer { next += n }; return next }
        inputColumns = take(p.inputSize * g)
        transpose(model.view(model.layout.layers[0].inputWeights), rows: g, cols: p.inputSize, into: base + inputColumns)
        biases = model.layout.layers.map { views in
            let b = take(g)
            for r in 0..<g { base[b + r] = model.view(views.inputBias)[r] + model.view(views.hiddenBias)[r] }
            return b
        }
        tokenBias = take(p.vocabularySize)
        (base + tokenBias).update(from: model.view(model.layout.tokenHead.bias), count: p.vocabularySize)
        timingBias = take(p.timingClassCount)
        (base + timingBias).update(from: model.view(model.layout.timingHead.bias), count: p.timingClassCount)

        // The matrices as (rows of) parameter tensors, then written once in the chosen precision.
        var pieces: [(matrix: Matrix, rowSources: (Int) -> [(UnsafePointer<Float>, Int)])] = []
        var offset = 0
        func add(rows: Int, cols: Int, _ rowSources: @escaping (Int) -> [(UnsafePointer<Float>, Int)]) -> Matrix {
            let m = Matrix(offset: offset, rows: rows, cols: cols)
            offset += rows * cols
            pieces.append((m, rowSources))
            return m
        }
        recurrent = model.layout.layers.enumerated().map { k, views in
            let wih = UnsafePointer(model.view(views.inputWeights)), whh = UnsafePointer(model.view(views.hiddenWeights))
            return k == 0
                ? add(rows: g, cols: h) { r in [(whh + r * h, h)] }
                : add(rows: g, cols: 2 * h) { r in [(wih + r * h, h), (whh + r * h, h)] }
        }
        let tokenWeight = UnsafePointer(model.view(model.layout.tokenHead.weight))
        let timingWeight = UnsafePointer(model.view(model.layout.timingHead.weight))
        tokenHead = add(rows: p.vocabularySize, cols: h) { r in [(tokenWeight + r * h, h)] }
        timingHead = add(rows: p.timingClassCount, cols: h) { r in [(timingWeight + r * h, h)] }

        let half = pieces.allSatisfy { piece in
            (0..<piece.matrix.rows).allSatisfy { r in
                piece.rowSources(r).allSatisfy { start, n in
                    UnsafeBufferPointer(start: start, count: n).allSatisfy { Float(Float16($0)) == $0 }
                }
            }
        }
        isHalfPrecision = half
        matrices = .allocate(byteCount: max(offset, 1) * (half ? 2 : 4), alignment: 64)
        for piece in pieces {
            for r in 0..<piece.matrix.rows {
                var at = piece.matrix.offset + r * piece.matrix.cols
                for (start, n) in piece.rowSources(r) {
                    if half {
                        let out = matrices.assumingMemoryBound(to: Float16.self) + at
                        for j in 0..<n { out[j] = Float16(start[j]) }
                    } else {
                        (matrices.assumingMemoryBound(to: Float.self) + at).update(from: start, count: n)
                    }
                    at += n
                }
            }
        }
    }

    deinit { matrices.deallocate() }

    /// `y[m.rows] += m · x[m.cols]`, on the calling thread (and CKernels' helper thread when
    /// `EventLSTM.inferenceThreads` is 2).
    ///
    /// A batch-1 step reads every weight once, so this is the CKernels matrix-vector product,
    /// never OpenBLAS, whose spinning thread pool would compete with the real-time MIDI threads.
    func accumulate(_ m: Matrix, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        let elementBytes = isHalfPrecision ? 2 : 4
        ck_matvec_split(matrices + m.offset * elementBytes, isHalfPrecision ? 1 : 0, m.rows, m.cols, x, y)
    }
}
