import Curriculum
import Foundation
import Terminal
import TutorApp

/// Start-up figures of the tutor itself: time to the first full frame with every lesson loaded
/// (budget 50 ms), and the whole `aitutor list` process (budget 30 ms).
enum AppBenchmarks {
    static func run() {
        print("== app start-up (release build)")
        if ProcessInfo.processInfo.environment["AITUTOR_BENCH_DETAIL"] != nil {
            func time(_ label: String, _ body: () -> Void) {
                let s = DispatchTime.now().uptimeNanoseconds
                body()
                print(label, Double(DispatchTime.now().uptimeNanoseconds - s) / 1e6, "ms")
            }
            var files: [SourceFile] = []
            time("embedded files") { files = LessonLibrary.embeddedFiles }
            var result: CurriculumLoader.Result?
            time("load+check") { result = CurriculumLoader.load(files: files, knownDemos: nil) }
            time("search index") { _ = SearchIndex(curriculum: result!.curriculum) }
        }
        var frameTimes: [Double] = []
        for _ in 0..<30 {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = CurriculumLoader.load(files: LessonLibrary.embeddedFiles, knownDemos: nil)
            let context = AppContext(curriculum: result.curriculum, capabilities: .full)
            let tutor = Tutor(context: context, size: Size(width: 120, height: 40), log: InMemoryLearnerLog())
            let frame = tutor.view()
            precondition(frame.text().contains("Roadmap"))
            frameTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(String(format: "first full frame, all lessons parsed and checked, 120×40: median %.1f ms (budget 50 ms)", median(frameTimes)))

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("aitutor").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("aitutor list: binary not found at \(binary); build it with 'swift build -c release' first")
            return
        }
        var listTimes: [Double] = []
        for _ in 0..<20 {
            let start = DispatchTime.now().uptimeNanoseconds
            guard spawnAndWait([binary, "list"]) == 0 else {
                print("aitutor list failed")
                return
            }
            listTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(String(format: "'aitutor list' whole process: median %.1f ms, best %.1f ms (budget 30 ms)", median(listTimes), listTimes.min() ?? 0))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    /// Runs a command with its output discarded and returns its exit status.
    static func spawnAndWait(_ argv: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}
