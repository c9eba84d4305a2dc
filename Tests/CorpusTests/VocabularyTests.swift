import Foundation
import Testing
import Corpus

@Suite struct VocabularyTests {
    static func event(_ pitches: [UInt8]) -> MusicEvent { MusicEvent(pitches: pitches, velocity: 64, sinceBeats: 1, durationBeats: 1) }

    static let counted = Vocabulary(counting: [
        [event([60, 64, 67]), event([62]), event([60, 64, 67]), event([60])],
        [event([60]), event([60, 64, 67]), event([72])],
    ], minimumCount: 2)

    @Test func idsFollowFrequency_andRareTokensAreUnknown() {
        // Counts: C major triad 3, C4 2, D4 1, C5 1 → with threshold 2: triad = 1, C4 = 2; 3 ids with <unk>.
        #expect(Self.counted.count == 3)
        #expect(Self.counted.id(of: [60, 64, 67]) == 1)
        #expect(Self.counted.id(of: [60]) == 2)
        #expect(Self.counted.id(of: [62]) == Vocabulary.unknownID)
        #expect(Self.counted.pitches(of: 1) == [60, 64, 67])
        #expect(Self.counted.pitches(of: Vocabulary.unknownID) == nil)
        #expect(Self.counted.token(of: 1) == "60.64.67")
        #expect(Self.counted.token(of: 0) == "<unk>")
    }

    @Test func sizeCap_keepsTheMostFrequent() {
        let capped = Vocabulary(counting: [[Self.event([60]), Self.event([60]), Self.event([62])]], minimumCount: 1, maximumSize: 2)
        #expect(capped.entries == [[60]])
        #expect(capped.count == 2)
    }

    @Test func equalCounts_orderByPitches() {
        let vocabulary = Vocabulary(counting: [[Self.event([64]), Self.event([60])]], minimumCount: 1)
        #expect(vocabulary.entries == [[60], [64]])
    }

    @Test func json_isTheTokenList() throws {
        let json = try JSONEncoder().encode(Self.counted)
        #expect(String(decoding: json, as: UTF8.self) == #"{"tokens":["60.64.67","60"]}"#)
        #expect(try JSONDecoder().decode(Vocabulary.self, from: json) == Self.counted)
    }

    @Test func malformedToken_isADecodingError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Vocabulary.self, from: Data(#"{"tokens":["60.x"]}"#.utf8))
        }
    }
}
