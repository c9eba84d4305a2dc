import Foundation
import Testing

/// Production code links no test doubles: no symbol of ContinuoTestKit (Swift mangles a module
/// name as its length and the name) is in the built `continuo`.
@Test func continuoBinary_linksNoTestKit() throws {
    let binary = try Data(contentsOf: ContinuoProcess.binary)
    #expect(binary.range(of: Data("15ContinuoTestKit".utf8)) == nil)
}
