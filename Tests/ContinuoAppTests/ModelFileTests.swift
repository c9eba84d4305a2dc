import Foundation
import Testing
@testable import ContinuoApp

@Suite struct ModelFileTests {
    /// A file that is not a model is refused in one line that names it once (the reload log line reads
    /// "model PATH: reason", not "model PATH: PATH: reason").
    @Test func unreadableModel_namesItsPathOnce() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.safetensors")
        try Data([0x08, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0x7D]).prefix(9).write(to: url)   // header length 8, 1 byte of header
        let error = #expect(throws: ModelFile.LoadError.self) { try ModelFile.open(path: url.path) }
        let text = try #require(error?.description)
        #expect(text.hasPrefix("model \(url.path): "))
        #expect(text.components(separatedBy: url.path).count - 1 == 1, "\(text)")
    }
}
