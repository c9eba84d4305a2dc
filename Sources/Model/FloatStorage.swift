/// One contiguous, zero-initialised, 64-byte aligned block of `Float`s that owns its memory.
///
/// Parameters, their gradients and Adam's two moments each live in one of these, so the
/// optimizer is one loop and a checkpoint is one copy (the llm.c layout).
public final class FloatStorage: @unchecked Sendable {
    /// First element; valid for `count` elements while `self` is alive.
    public let base: UnsafeMutablePointer<Float>
    public let count: Int

    public init(count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    /// All elements as a buffer.
    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Sets every element to zero.
    public func zero() { base.update(repeating: 0, count: count) }

    /// A copy of the elements of one tensor.
    public func array(_ tensor: TensorSpec) -> [Float] {
        Array(UnsafeBufferPointer(start: base + tensor.offset, count: tensor.count))
    }
}
