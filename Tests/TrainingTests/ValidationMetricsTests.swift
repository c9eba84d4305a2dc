import Foundation
import Model
import Testing
@testable import Training

/// Hand-worked: softmax of logits ln(0.5), ln(0.3), ln(0.2) is (0.5, 0.3, 0.2).
@Test func score_givesCrossEntropyAndTopK_ofAHandWorkedRow() {
    let row = [0.5, 0.3, 0.2].map { Float(log($0)) }
    let second = MetricTally.score(row, classes: 3, targets: [1])
    #expect(abs(second.nll - -log(0.3)) < 1e-6)
    #expect(second.top1 == 0 && second.top5 == 1)
    let first = MetricTally.score(row + row, classes: 3, targets: [0, 2])
    #expect(abs(first.nll - (-log(0.5) - log(0.2))) < 1e-6)
    #expect(first.top1 == 1 && first.top5 == 2)
}

@Test func topFive_excludesATargetWithFiveLikelierClasses() {
    let logits: [Float] = [6, 5, 4, 3, 2, 1, 0]
    #expect(MetricTally.score(logits, classes: 7, targets: [4]).top5 == 1)
    #expect(MetricTally.score(logits, classes: 7, targets: [5]).top5 == 0)
}

@Test func perplexity_isTheExponentialOfTheJointCrossEntropy() {
    var m = ValidationMetrics()
    m.tokenCrossEntropy = log(4)
    m.timingCrossEntropy = log(3)
    #expect(abs(m.perplexity - 12) < 1e-9)
}
