import Corpus
import Model
import Testing
import Training

@Test func batch_isTimeMajor_withTheLastTargetAsFinalRow() {
    // Two windows of 3 events cut from 0 1 2 3 4 5 6 (tokens = timings = position) at starts 0 and 2.
    let events = (0..<7).map { EncodedEvent(token: Int32($0), timing: Int32($0)) }
    let windows = [EncodedSequence(name: "s", transposition: 0, events: events)].windows(length: 3, stride: 2)
    let batches = WindowBatches(windows: windows, batchSize: 2, keepsPartialBatch: false)
    let batch = batches.batch(0, order: [0, 1])
    #expect(batch.length == 3 && batch.batchSize == 2)
    //                t=0   t=1   t=2   t=3 (targets of t=2)
    #expect(batch.tokens == [0, 2, 1, 3, 2, 4, 3, 5])
    #expect(batch.timings == batch.tokens)
}

@Test func partialBatches_areDroppedForTraining_andKeptForValidation() {
    let events = (0..<20).map { EncodedEvent(token: Int32($0), timing: 0) }
    let windows = [EncodedSequence(name: "s", transposition: 0, events: events)].windows(length: 4, stride: 4)   // 4 windows
    #expect(WindowBatches(windows: windows, batchSize: 3, keepsPartialBatch: false).count == 1)
    let validation = WindowBatches(windows: windows, batchSize: 3, keepsPartialBatch: true)
    #expect(validation.count == 2)
    #expect(validation.batch(1, order: validation.order(seed: nil)).batchSize == 1)
}

@Test func epochOrder_isASeededPermutation() {
    let events = (0..<40).map { EncodedEvent(token: Int32($0), timing: 0) }
    let batches = WindowBatches(windows: [EncodedSequence(name: "s", transposition: 0, events: events)].windows(length: 2, stride: 1),
                                batchSize: 4, keepsPartialBatch: false)
    #expect(batches.order(seed: 1) == batches.order(seed: 1))
    #expect(batches.order(seed: 1) != batches.order(seed: 2))
    #expect(batches.order(seed: 1).sorted() == Array(0..<batches.windows.count))
}
