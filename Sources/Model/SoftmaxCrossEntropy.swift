import Foundation

/// Softmax cross-entropy over rows of logits, forward and backward in one pass.
///
///     logits [P, n]   in: logits; out: dLoss/dlogits = w_p · (softmax_p − onehot(target_p))
///     loss = Σ_{p ≥ firstRow} w · −log softmax_p[target_p]          (rows before firstRow weigh 0)
///
/// Returns the unweighted sum of −log p over the weighted rows, in Double for exact averaging.
func softmaxCrossEntropy(
    logits: UnsafeMutablePointer<Float>, rows: Int, classes n: Int, targets: UnsafePointer<Int32>,
    firstRow: Int, weight: Float
) -> Double {
    var total = 0.0
    for p in 0..<rows {
        let z = logits + p * n
        guard p >= firstRow else { z.update(repeating: 0, count: n); continue }
        var m = -Float.infinity
        for j in 0..<n { m = max(m, z[j]) }
        var sum: Float = 0
        for j in 0..<n { z[j] = expf(z[j] - m); sum += z[j] }
        let target = Int(targets[p])
        total -= Double(logf(z[target] / sum))
        let scale = weight / sum
        for j in 0..<n { z[j] *= scale }
        z[target] -= weight
    }
    return total
}
