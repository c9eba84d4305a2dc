import Corpus
import Evaluation
import Foundation
import Model

/// Part 1 of `continuo evaluate`: how likely the model and its baselines find the held-out music.
enum LikelihoodEvaluation {
    /// The model's figures over every scored target (batched forward passes, no dropout).
    static func model(_ model: EventLSTM, music: HeldOutMusic, positions: ScoredPositions, name: String,
                      progress: (String) -> Void) -> LikelihoodScore {
        var score = LikelihoodScore(name: name)
        let trainer = EventLSTMTrainer(model: model)
        let p = model.hyperparameters, batchSize = 64, length = positions.length
        let batches = (positions.windows.count + batchSize - 1) / batchSize
        for i in 0..<batches {
            let range = i * batchSize ..< min((i + 1) * batchSize, positions.windows.count)
            let batch = positions.batch(range, of: music.validation)
            let logits = trainer.logits(batch)
            let width = range.count
            for t in 0..<length {
                for b in 0..<width {
                    let row = t * width + b, window = positions.windows[range.lowerBound + b]
                    let target = music.validation[window.sequence].encoded[window.start + t + 1]
                    score.token.add(logits: logits.token[row * p.vocabularySize ..< (row + 1) * p.vocabularySize], target: Int(target.token))
                    score.timing.add(logits: logits.timing[row * p.timingClassCount ..< (row + 1) * p.timingClassCount], target: Int(target.timing))
                    count(music.validation[window.sequence].steps[window.start + t + 1], token: target.token, into: &score)
                }
            }
            if (i + 1) % 20 == 0 || i + 1 == batches { progress("likelihood: model batch \(i + 1)/\(batches)") }
        }
        return score
    }

    /// The n-gram baselines' figures on the same targets: the add-k unigram and interpolated Kneser–Ney
    /// of orders 2…`maxOrder`, each head its own model over the training split's ids. Their context is
    /// the previous steps of the same piece. Top-1/top-5 come from the full distribution.
    static func baselines(music: HeldOutMusic, positions: ScoredPositions, vocabularySize: Int, timingClassCount: Int,
                          maxOrder: Int, progress: (String) -> Void) -> (scores: [LikelihoodScore], models: [NGramPair]) {
        let targets = positions.targets
        var scores: [LikelihoodScore] = []
        var models: [NGramPair] = []
        let unigram = (AddKUnigram(sequences: music.trainingTokens, vocabularySize: vocabularySize),
                       AddKUnigram(sequences: music.trainingTimings, vocabularySize: timingClassCount))
        var uni = LikelihoodScore(name: "unigram (add-k)")
        let tokenP = unigram.0.distribution(), timingP = unigram.1.distribution()
        for target in targets {
            let step = music.validation[target.sequence].encoded[target.index]
            uni.token.add(probabilities: tokenP, target: Int(step.token))
            uni.timing.add(probabilities: timingP, target: Int(step.timing))
            count(music.validation[target.sequence].steps[target.index], token: step.token, into: &uni)
        }
        scores.append(uni)
        progress("likelihood: unigram done")
        for order in 2...max(maxOrder, 2) {
            let pair = NGramPair(order: order,
                                 token: KneserNeyModel(order: order, sequences: music.trainingTokens, vocabularySize: vocabularySize),
                                 timing: KneserNeyModel(order: order, sequences: music.trainingTimings, vocabularySize: timingClassCount))
            var score = LikelihoodScore(name: "\(ordinal(order)), Kneser–Ney")
            for target in targets {
                let sequence = music.validation[target.sequence]
                let from = max(0, target.index - order + 1)
                let tokens = sequence.encoded[from..<target.index].map(\.token), timings = sequence.encoded[from..<target.index].map(\.timing)
                let step = sequence.encoded[target.index]
                score.token.add(probabilities: pair.token.distribution(after: tokens[...]), target: Int(step.token))
                score.timing.add(probabilities: pair.timing.distribution(after: timings[...]), target: Int(step.timing))
                count(sequence.steps[target.index], token: step.token, into: &score)
            }
            scores.append(score)
            models.append(pair)
            progress("likelihood: \(score.name) done")
        }
        return (scores, models)
    }

    /// Adds a target step's notes (and, for `<unk>`, its unknown notes) to the score.
    private static func count(_ step: MusicEvent, token: Int32, into score: inout LikelihoodScore) {
        score.notes += step.pitches.count
        if token == Vocabulary.unknownID { score.unknownNotes += step.pitches.count }
    }

    private static func ordinal(_ n: Int) -> String {
        ["", "unigram", "bigram", "trigram", "4-gram", "5-gram", "6-gram"][min(n, 6)]
    }
}

/// A token and a timing n-gram model of one order: a baseline that can also sample continuations.
struct NGramPair {
    var order: Int
    var token: KneserNeyModel
    var timing: KneserNeyModel
}
