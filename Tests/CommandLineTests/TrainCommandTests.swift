import Foundation
import Testing

/// `continuo train` refuses bad options before reading the corpus: one line naming the option and
/// its value, exit 1, nothing written.
@Suite struct TrainCommandTests {
    static let corpus = ContinuoProcess.packageRoot.appending(path: "Corpus").path

    @Test(arguments: [
        (["--batch", "0"], "--batch 0: must be 1…4096"),
        (["--layers", "0"], "--layers 0: must be 1…64"),
        (["--hidden", "0"], "--hidden 0: must be 1…16384"),
        (["--window", "0"], "--window 0: must be 1…4096"),
        (["--window=-1"], "--window -1: must be 1…4096"),
        (["--stride", "0"], "--stride 0: must be at least 1"),
        (["--epochs", "0"], "--epochs 0: must be at least 1"),
        (["--transpose=-1"], "--transpose -1: must be 0…12 semitones"),
        (["--validation-fraction", "inf"], "--validation-fraction inf: must be at least 0 and below 1"),
        (["--dropout", "1"], "--dropout 1.0: must be at least 0 and below 1"),
        (["--dropout", "nan"], "--dropout nan: must be at least 0 and below 1"),
        (["--lr=-1"], "--lr -1.0: must be a finite number, at least 0"),
        (["--lr", "nan"], "--lr nan: must be a finite number, at least 0"),
        (["--min-count", "0"], "--min-count 0: must be at least 1"),
    ])
    func badOption_isOneLineBeforeAnyWork(option: [String], message: String) throws {
        let folder = try scratchFolder()
        let result = try ContinuoProcess.run(["train", Self.corpus, "--out", folder.appending(path: "m.safetensors").path] + option)
        #expect(result.status == 1)
        #expect(result.errors == "error: \(message)\n")
        #expect(!result.output.contains("corpus:"), "the corpus was read before the option was checked")
        #expect(contents(of: folder).isEmpty)
    }

    @Test func outInAFolderThatCannotExist_isRefusedBeforeWork() throws {
        let folder = try scratchFolder()
        try Data("x".utf8).write(to: folder.appending(path: "file"))
        let out = folder.appending(path: "file/m.safetensors").path
        let result = try ContinuoProcess.run(["train", Self.corpus, "--out", out])
        #expect(result.status == 1)
        #expect(result.errors == "error: --out \(out): cannot write in \(folder.path)/file: Not a directory\n")
        #expect(result.output.isEmpty)
    }

    @Test func outThatIsAFolder_isRefusedBeforeWork() throws {
        let folder = try scratchFolder()
        let result = try ContinuoProcess.run(["train", Self.corpus, "--out", folder.path])
        #expect(result.status == 1)
        #expect(result.errors == "error: --out \(folder.path): is a folder, not a file\n")
    }

    @Test func interruptedRun_exitsNonZero_andLeavesItsResumeCheckpoint() throws {
        let folder = try scratchFolder()
        let result = try ContinuoProcess.run(
            ["train", Self.corpus, "--out", folder.appending(path: "m.safetensors").path,
             "--layers", "1", "--hidden", "8", "--batch", "4", "--window", "8", "--stride", "4", "--epochs", "3"]
        ) { process, output in
            let deadline = Date().addingTimeInterval(120)
            while !output().contains("batch "), Date() < deadline { usleep(20_000) }
            process.interrupt()
        }
        #expect(result.status == 130, "\(result.output)\(result.errors)")
        #expect(result.output.contains("interrupted; resume with --resume \(folder.path)/m.resume.safetensors"))
        #expect(contents(of: folder) == ["m.resume.safetensors", "m.safetensors"])
    }
}
