import CKernels
import Foundation
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

    /// The vectorised cell against σ, tanh and the cell equations in double precision, over
    /// pre-activations from −12 to 12 (saturated and linear regions), with and without c₋₁;
    /// hidden 37 leaves a scalar tail on every vector width.
    @Test func lstmCell_matchesTheEquationsInDoublePrecision_onEveryInstructionSet() {
        let batch = 3, hidden = 37
        let z0 = Self.randomMatrix(seed: 7, count: batch * 4 * hidden).map { 12 * $0 }
        let cPrev = Self.randomMatrix(seed: 8, count: batch * hidden).map { 3 * $0 }
        func σ(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
        onEverySupportedInstructionSet { isa in
            for previous in [cPrev, nil] as [[Float]?] {
                var z = z0, c = [Float](repeating: 0, count: batch * hidden), h = c
                if let previous { ck_lstm_cell_forward(&z, previous, &c, &h, batch, hidden) }
                else { ck_lstm_cell_forward(&z, nil, &c, &h, batch, hidden) }
                for b in 0..<batch {
                    for j in 0..<hidden {
                        let zb = b * 4 * hidden
                        let i = σ(Double(z0[zb + j])), f = σ(Double(z0[zb + hidden + j]))
                        let g = Foundation.tanh(Double(z0[zb + 2 * hidden + j])), o = σ(Double(z0[zb + 3 * hidden + j]))
                        let cn = i * g + f * Double(previous?[b * hidden + j] ?? 0), hn = o * Foundation.tanh(cn)
                        let got = [z[zb + j], z[zb + hidden + j], z[zb + 2 * hidden + j], z[zb + 3 * hidden + j],
                                   c[b * hidden + j], h[b * hidden + j]]
                        // Single precision carries ~6e-8 relative; 2 ulp exps and a few roundings: 5e-7.
                        for (k, (a, e)) in zip(got, [i, f, g, o, cn, hn]).enumerated() {
                            #expect(abs(Double(a) - e) <= 5e-7 * max(1, abs(e)), "\(isa) batch \(b) column \(j) value \(k): \(a) vs \(e)")
                        }
                    }
                }
            }
        }
    }

    /// Two threads split a product by rows only: the result is the single-thread one, bit for
    /// bit, also when several callers compete for the helper.
    @Test func twoThreads_giveTheSingleThreadResult_underConcurrentCallers() async {
        let rows = 2048 + 3, cols = 1024
        let w = Self.randomMatrix(seed: 9, count: rows * cols), x = Self.randomMatrix(seed: 10, count: cols)
        #expect(ck_set_threads(1) == 1)
        let expected = {
            var y = [Float](repeating: 0, count: rows)
            ck_matvec_split(w, 0, rows, cols, x, &y)
            return y
        }()
        #expect(ck_set_threads(2) == 1 && ck_threads() == 2)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var bad = 0
                    for _ in 0..<200 {
                        var y = [Float](repeating: 0, count: rows)
                        ck_matvec_split(w, 0, rows, cols, x, &y)
                        if y != expected { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(ck_set_threads(1) == 1)
        #expect(mismatches == 0)
        #expect(ck_set_threads(3) == 0)
    }
}
