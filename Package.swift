// swift-tools-version: 6.2
// Continuo: a real-time MIDI improvisation daemon. Dependencies point down only:
// C libraries → MIDI → Corpus / Model → Training, Sequencer, Synth, Improviser, Plots, Evaluation → ContinuoApp → continuo.
import PackageDescription

let package = Package(
    name: "Continuo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "continuo", targets: ["continuo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["YAML", "CommandLineArguments"]),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
    ],
    targets: [
        // C libraries, each a module map and a shim header, nothing else.
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CFluidSynth", pkgConfig: "fluidsynth", providers: [.apt(["libfluidsynth-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        .target(name: "MIDI"),
        .target(name: "Corpus", dependencies: ["MIDI"]),
        .target(name: "CKernels"),
        .target(name: "Model", dependencies: ["COpenBLAS", "CKernels"]),
        .target(name: "Training", dependencies: ["Model", "Corpus"]),
        .target(name: "Sequencer", dependencies: ["CALSA", "MIDI"]),
        .target(name: "Synth", dependencies: ["CFluidSynth", "MIDI"]),
        .target(name: "Plots", dependencies: ["MIDI"]),
        .target(name: "Evaluation"),
        .target(name: "Improviser", dependencies: ["MIDI", "Corpus", "Model"]),
        .target(name: "ContinuoTestKit", dependencies: ["MIDI", "Corpus", "Model", "Training"]),
        .target(
            name: "ContinuoApp",
            dependencies: [
                "MIDI", "Corpus", "Model", "Training", "Sequencer", "Synth", "Plots", "Improviser", "Evaluation",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/default-model.safetensors")]
        ),
        .executableTarget(
            name: "continuo",
            dependencies: [
                "ContinuoApp", "Corpus", "Model", "Training", "Sequencer", "Synth", "Improviser",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "MIDITests", dependencies: ["MIDI"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "MIDI"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "CKernels"], resources: [.copy("Reference")]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Model", "Corpus", "MIDI"]),
        .testTarget(name: "SequencerTests", dependencies: ["Sequencer", "MIDI", "CALSA"]),
        .testTarget(name: "SynthTests", dependencies: ["Synth", "MIDI"]),
        .testTarget(name: "PlotsTests", dependencies: ["Plots", "MIDI"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"]),
        .testTarget(name: "ImproviserTests", dependencies: ["Improviser", "ContinuoTestKit", "MIDI", "Corpus", "Model"]),
        .testTarget(name: "ContinuoAppTests", dependencies: ["ContinuoApp", "ContinuoTestKit", "Model", "Training", "Corpus", "Evaluation"]),
        .testTarget(name: "CommandLineTests", dependencies: ["MIDI", "Model"]),
        .testTarget(name: "IntegrationTests", dependencies: ["MIDI", "Model", "ContinuoTestKit"]),
    ]
)
