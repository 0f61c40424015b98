// swift-tools-version:6.0
// aitutor: a full-screen terminal tutor for the AI-engineer roadmap.
//
// Dependencies: swift-argument-parser only (the command line). Everything else, the ncurses
// binding, the plotting library and the math/ML kernel, is written here on purpose: the
// kernel's code is part of what the tutor teaches.
import PackageDescription

// Flags for the AVX2 copy of the matrix product. `-O` in every configuration: it is the hot loop
// of every demo, and a debug build of it would also test nothing the release build runs.
#if arch(x86_64)
let avx2Settings: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"])]
#else
let avx2Settings: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

let package = Package(
    name: "aitutor",
    products: [
        .executable(name: "aitutor", targets: ["aitutor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only C in the project: wide-character ncurses, imported by the backend alone.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Cells, styles, buffers, display width, views, backends (headless included). No ncurses.
        .target(name: "Terminal"),
        // Canvases and charts that draw into a Terminal.Buffer.
        .target(name: "Plot", dependencies: ["Terminal"]),
        // Tensors, autodiff, optimizers, metrics, resampling, models. No UI: it imports only
        // the three small targets below, which exist so the matrix product can use AVX2 where
        // the CPU has it and still run everywhere.
        .target(name: "Kernel", dependencies: ["PackedMatmul", "PackedMatmulAVX2", "CPUFeatures"]),
        // The blocked, packed SIMD matrix product, all @inlinable: compiled into each caller.
        .target(name: "PackedMatmul"),
        // The same product compiled for x86-64-v3 / Haswell (AVX2), always optimized. Only Kernel.Matmul
        // calls it, and only after CPUFeatures says the CPU can run it.
        .target(name: "PackedMatmulAVX2", dependencies: ["PackedMatmul"], swiftSettings: avx2Settings),
        // One question asked in C (Swift cannot execute CPUID): does this CPU run x86-64-v3 code?
        .target(name: "CPUFeatures"),
        // Lesson, quiz and glossary format: parser, lint, sequencing, search.
        .target(name: "Curriculum"),
        // The learner's flat-file progress store, review scheduling and the skills report.
        .target(name: "Progress", dependencies: ["Curriculum"]),
        // One file per live demo: knobs, state, step, report, render.
        .target(name: "Demos", dependencies: ["Kernel", "Plot", "Terminal"]),
        // Lessons/ and Assets/ compiled into the binary, so a copied binary still has them.
        .executableTarget(name: "LessonEmbedder", path: "Sources/LessonEmbedder"),
        .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["LessonEmbedder"]),
        .target(name: "LessonBundle", plugins: ["EmbedLessons"]),
        // Screens, key map, update/view and the ncurses backend.
        .target(
            name: "TutorApp",
            dependencies: ["Terminal", "Plot", "Kernel", "Curriculum", "Progress", "Demos", "LessonBundle", "CNcursesw"]
        ),
        .executableTarget(
            name: "aitutor",
            dependencies: ["TutorApp", "Demos", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmark harness: `swift run -c release aitutor-bench`.
        .executableTarget(
            name: "aitutor-bench",
            dependencies: ["TutorApp", "Kernel", "Plot", "Demos", "Curriculum", "Progress", "Terminal"],
            path: "Sources/Benchmarks"
        ),

        // Test data shared by several test targets (a tiny course in the real lesson format).
        .target(name: "TestSupport", dependencies: ["Curriculum"], path: "Tests/TestSupport"),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Terminal"], resources: [.copy("Golden")]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CurriculumTests", dependencies: ["Curriculum", "LessonBundle", "TestSupport"]),
        .testTarget(name: "ProgressTests", dependencies: ["Progress", "Curriculum"]),
        .testTarget(name: "DemosTests", dependencies: ["Demos", "Kernel", "Plot", "Terminal"]),
        .testTarget(name: "TutorAppTests", dependencies: ["TutorApp", "Terminal", "Curriculum", "LessonBundle", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
