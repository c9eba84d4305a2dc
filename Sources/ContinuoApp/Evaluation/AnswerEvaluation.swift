import Corpus
import Evaluation
import Foundation
import Improviser
import Model

/// Part 2 of `continuo evaluate`: seeds from held-out pieces (their first 50 steps), answered by the
/// model (through the daemon's own `Continuation` and sampler), by the piece itself (the real
/// continuation: its next steps, up to 50) and by the best n-gram, each answer as long as the real one
/// and compared with its seed.
struct AnswerEvaluation {
    var seedLength = 50
    /// Steps of each answer: the real continuation's length, at most this…
    var answerLength = 50
    /// …and at least this (shorter pieces give no seed).
    var minimumAnswerLength = 20
    var samples = 4
    var sampler: Sampler
    var randomSeed: UInt64 = 0

    /// Pieces long enough for a seed and a real continuation, answered by each source.
    func run(model: EventLSTM, vocabulary: Vocabulary, representation: Representation, music: HeldOutMusic,
             ngram: NGramPair?, progress: (String) -> Void) -> [AnswerSummary] {
        let eligible = music.validation.filter { $0.steps.count >= seedLength + minimumAnswerLength }
        let seeds = eligible.map { Array($0.steps.prefix(seedLength)) }
        let seedStats = seeds.map { PassageStatistics(AnswerMetrics.notes($0)) }
        let keys = seedStats.map { $0.key ?? Key(tonic: 0, mode: .major) }
        var modelAnswers: [[AnswerMetrics]] = [], real: [[AnswerMetrics]] = [], baseline: [[AnswerMetrics]] = []
        for (i, piece) in eligible.enumerated() {
            func metrics(_ answer: [MusicEvent]) -> AnswerMetrics {
                AnswerMetrics(answer: answer, seed: seedStats[i], seedKeys: keys, own: i)
            }
            let length = min(answerLength, piece.steps.count - seedLength)
            real.append([metrics(Array(piece.steps[seedLength ..< seedLength + length]))])
            var answers: [AnswerMetrics] = [], ngramAnswers: [AnswerMetrics] = []
            for k in 0..<samples {
                var rng = SplitMix64(seed: randomSeed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(k) &* 0xD1B5_4A32_D192_ED03)
                var continuation = Continuation(model: model, vocabulary: vocabulary, representation: representation,
                                                seed: seeds[i], sampler: sampler)
                answers.append(metrics((0..<length).map { _ in continuation.next(using: &rng) }))
                if let ngram {
                    ngramAnswers.append(metrics(Self.sample(ngram, after: Array(piece.encoded.prefix(seedLength)), steps: length,
                                                            vocabulary: vocabulary, representation: representation, using: &rng)))
                }
            }
            modelAnswers.append(answers)
            if ngram != nil { baseline.append(ngramAnswers) }
            if (i + 1) % 10 == 0 || i + 1 == eligible.count { progress("answers: piece \(i + 1)/\(eligible.count)") }
        }
        var summaries = [AnswerSummary(source: "model", perPiece: modelAnswers), AnswerSummary(source: "real continuation", perPiece: real)]
        if let ngram { summaries.append(AnswerSummary(source: "\(ngram.order)-gram", perPiece: baseline)) }
        return summaries
    }

    /// `steps` steps drawn from an n-gram pair at temperature 1 after `context`: timing, then a token
    /// with pitches (never `<unk>`; in the note representation a chord's next note lies above the last).
    static func sample(_ ngram: NGramPair, after context: [EncodedEvent], steps: Int, vocabulary: Vocabulary,
                       representation: Representation, using rng: inout SplitMix64) -> [MusicEvent] {
        var tokens = context.map(\.token), timings = context.map(\.timing)
        var result: [MusicEvent] = []
        for _ in 0..<steps {
            let timing = draw(ngram.timing.distribution(after: timings.suffix(ngram.order - 1)), using: &rng) { _ in true }
            let beats = TimingGrid.beats(ofClass: Int32(timing))
            let last = tokens.last.flatMap { vocabulary.pitches(of: $0)?.last }
            let above = representation == .notes && beats.since == 0 ? last.map(Int.init) ?? -1 : -1
            let distribution = ngram.token.distribution(after: tokens.suffix(ngram.order - 1))
            let token = draw(distribution, using: &rng) { id in
                guard let pitches = vocabulary.pitches(of: Int32(id)) else { return false }
                return Int(pitches[0]) > above
            }
            tokens.append(Int32(token))
            timings.append(Int32(timing))
            if let pitches = vocabulary.pitches(of: Int32(token)) {
                result.append(MusicEvent(pitches: pitches, velocity: 80, sinceBeats: beats.since, durationBeats: beats.duration))
            }
        }
        return result
    }

    /// An index drawn in proportion to `p` among those `allowed` admits (all of them if it admits none).
    private static func draw(_ p: [Double], using rng: inout SplitMix64, allowed: (Int) -> Bool) -> Int {
        var candidates = p.indices.filter(allowed)
        if candidates.isEmpty { candidates = Array(p.indices) }
        let total = candidates.reduce(0.0) { $0 + p[$1] }
        var u = Double(rng.next() >> 11) * 0x1p-53 * total
        for i in candidates {
            u -= p[i]
            if u < 0 { return i }
        }
        return candidates[candidates.count - 1]
    }
}
