import Foundation
import Sequencer
import Testing

struct SequencerClientTests {
    /// The build hosts have no sound in their kernel: opening must fail with one line that says
    /// which call failed and why, not with alsa-lib's own stderr chatter or a crash.
    @Test(.enabled(if: !FileManager.default.fileExists(atPath: "/dev/snd/seq"), "this machine has a sequencer"))
    func openingWithoutASequencer_isAOneLineError() {
        #expect {
            _ = try SequencerClient(name: "Continuo")
        } throws: { error in
            guard let error = error as? SequencerError else { return false }
            let text = error.description
            return error.call == "snd_seq_open" && text.contains("No such file or directory")
                && text.contains("/dev/snd/seq") && !text.contains("\n")
        }
    }
}
