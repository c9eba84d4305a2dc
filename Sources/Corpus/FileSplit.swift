/// A reproducible train/validation split by file, so no window of a validation file is ever trained on.
///
/// Files are ranked by a 64-bit FNV-1a hash of the seed and the file name, and the first
/// `round(fraction × count)` (at least one when there are two or more files and `fraction > 0`) go to
/// validation. The choice depends on the names only, not on the order files were found in.
public enum FileSplit {
    /// The names that belong to validation.
    public static func validationNames(_ names: [String], fraction: Double, seed: UInt64 = 0) -> Set<String> {
        let distinct = Array(Set(names))
        guard fraction > 0, distinct.count >= 2 else { return [] }
        let wanted = min(max(Int((fraction * Double(distinct.count)).rounded()), 1), distinct.count - 1)
        let ranked = distinct.sorted { (rank($0, seed), $0) < (rank($1, seed), $1) }
        return Set(ranked.prefix(wanted))
    }

    /// FNV-1a over the seed's 8 bytes (little-endian) then the name's UTF-8 bytes.
    static func rank(_ name: String, _ seed: UInt64) -> UInt64 {
        let seedBytes = (0..<8).map { UInt8(seed >> (8 * $0) & 0xFF) }
        return (seedBytes + Array(name.utf8)).reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
