import CKernels
import Model
import Testing

/// The batch-1 matrix-vector kernels, on every instruction set this CPU has, against sums in
/// double precision; and binary16 widening against Swift's own `Float16` conversion.
@Suite(.serialized) struct KernelTests {
    static let instructionSets = ["avx512", "avx2", "portable"]

    /// Runs `body` once per instruction set this CPU supports, then restores the widest.
    func onEverySupportedInstructionSet(_ body: (String) -> Void) {
        var ran: [String] = []
        for isa in Self.instructionSets where ck_use_instruction_set(isa) == 1 {
            ran.append(isa)
            body(isa)
        }
        _ = ck_use_instruction_set(ran[0])
        #expect(ran.contains("portable"))
    }

    /// Odd shapes reach every tail: rows not a multiple of 4, columns not a multiple of 8 or 16.
    static let rows = 37, cols = 1029

    static func randomMatrix(seed: UInt64, count: Int) -> [Float] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in 2 * rng.nextUnitFloat() - 1 }
    }

    /// `y + W x` in double precision, and `Σ|W||x|` per row for a relative tolerance.
    static func reference(_ w: [Float], _ x: [Float], _ y: [Float]) -> (values: [Double], scale: [Double]) {
        (0..<rows).map { r in
            (0..<cols).reduce((Double(y[r]), abs(Double(y[r])))) { acc, j in
                let p = Double(w[r * cols + j]) * Double(x[j])
                return (acc.0 + p, acc.1 + abs(p))
            }
        }.reduce(into: ([Double](), [Double]())) { $0.0.append($1.0); $0.1.append($1.1) }
    }

    func expectClose(_ y: [Float], _ ref: (values: [Double], scale: [Double]), _ what: String) {
        for r in 0..<Self.rows {
            // Float sums of 1029 products: a few ulp of the absolute sum, far below 1e-5 of it.
            #expect(abs(Double(y[r]) - ref.values[r]) <= 1e-5 * ref.scale[r], "\(what) row \(r): \(y[r]) vs \(ref.values[r])")
        }
    }

    @Test func singlePrecision_accumulatesWx_onEveryInstructionSet() {
        let w = Self.randomMatrix(seed: 1, count: Self.rows * Self.cols)
        let x = Self.randomMatrix(seed: 2, count: Self.cols), y0 = Self.randomMatrix(seed: 3, count: Self.rows)
        let ref = Self.reference(w, x, y0)
        onEverySupportedInstructionSet { isa in
            var y = y0
            ck_matvec_f32(w, Self.rows, Self.cols, x, &y)
            expectClose(y, ref, "f32 \(isa)")
        }
    }

    @Test func halfPrecision_accumulatesWx_onEveryInstructionSet() {
        let halves = Self.randomMatrix(seed: 4, count: Self.rows * Self.cols).map { Float16($0) }
        let x = Self.randomMatrix(seed: 5, count: Self.cols), y0 = Self.randomMatrix(seed: 6, count: Self.rows)
        let ref = Self.reference(halves.map { Float($0) }, x, y0)
        onEverySupportedInstructionSet { isa in
            var y = y0
            ck_matvec_f16(halves.map(\.bitPattern), Self.rows, Self.cols, x, &y)
            expectClose(y, ref, "f16 \(isa)")
        }
    }

    /// All 65,536 binary16 patterns (zeros, subnormals, normals, infinities, NaNs) widen exactly.
    @Test func everyHalfBitPattern_widensAsSwiftsFloat16() {
        let patterns = (0...UInt16.max).map { $0 }
        onEverySupportedInstructionSet { isa in
            var y = [Float](repeating: 0, count: patterns.count)
            ck_matvec_f16(patterns, patterns.count, 1, [1], &y)
            for (bits, value) in zip(patterns, y) {
                let expected = Float(Float16(bitPattern: bits))
                if expected.isNaN { #expect(value.isNaN, "\(isa) 0x\(String(bits, radix: 16))") }
                else { #expect(value == expected, "\(isa) 0x\(String(bits, radix: 16)): \(value) vs \(expected)") }
            }
        }
    }
}
