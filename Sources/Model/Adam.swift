import Foundation

/// Adam (Kingma & Ba) with PyTorch's defaults and exactly `torch.optim.Adam`'s arithmetic, plus
/// `clip_grad_norm_`-style global gradient-norm clipping.
public struct AdamSettings: Codable, Sendable, Equatable {
    public var learningRate: Float = 1e-3
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    /// Largest allowed L2 norm of all gradients together; nil disables clipping.
    public var maxGradientNorm: Float? = 5

    public init(learningRate: Float = 1e-3, maxGradientNorm: Float? = 5) {
        self.learningRate = learningRate
        self.maxGradientNorm = maxGradientNorm
    }
}

/// One Adam step over a whole flat store; `step` counts from 1.
///
///     m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²
///     θ −= (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)
func adamUpdate(
    parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count: Int, step: Int, settings s: AdamSettings
) {
    let stepSize = s.learningRate / (1 - Float(pow(Double(s.beta1), Double(step))))
    let correction2 = (1 - Float(pow(Double(s.beta2), Double(step)))).squareRoot()
    for i in 0..<count {
        let g = gradients[i]
        m[i] += (g - m[i]) * (1 - s.beta1)
        v[i] = v[i] * s.beta2 + (1 - s.beta2) * g * g
        parameters[i] -= stepSize * m[i] / (v[i].squareRoot() / correction2 + s.epsilon)
    }
}

/// Scales `g` so that its L2 norm is at most `maxNorm` (as `clip_grad_norm_`); returns the norm before.
func clipGradientNorm(_ g: UnsafeMutablePointer<Float>, count: Int, maxNorm: Float?) -> Float {
    var sum = 0.0
    for i in 0..<count { sum += Double(g[i]) * Double(g[i]) }
    let norm = Float(sum.squareRoot())
    if let maxNorm, norm > maxNorm {
        let scale = maxNorm / (norm + 1e-6)
        for i in 0..<count { g[i] *= scale }
    }
    return norm
}
