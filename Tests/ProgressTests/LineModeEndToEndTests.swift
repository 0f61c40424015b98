import Foundation
import XCTest
@testable import Progress

/// Drives the built `aitutor` binary: line-mode quizzes from piped answer files, two processes
/// writing at once, and a `kill -9` in the middle of a quiz. Skips when the binary is absent.
final class LineModeEndToEndTests: XCTestCase {
    var root: URL!
    var lessons: URL { root.appendingPathComponent("Lessons") }
    var home: URL { root.appendingPathComponent("home") }

    override func setUpWithError() throws {
        root = try makeTemporaryDirectory()
        try writeLessons()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// `aitutor` next to the test bundle (`.build/debug/aitutor`), when it was built with the quiz command.
    func binary() throws -> URL {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [dir.appendingPathComponent("aitutor"), dir.deletingLastPathComponent().appendingPathComponent("aitutor")]
        guard let url = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the aitutor binary is not built next to the tests (looked in \(dir.path)); run 'swift build' first")
        }
        let probe = try Self.run(url, ["quiz", "--help"], input: "")
        guard probe.status == 0 else { throw XCTSkip("this aitutor binary has no 'quiz' command yet") }
        return url
    }

    func writeLessons() throws {
        func write(_ path: String, _ text: String) throws {
            let url = lessons.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("00-basics/section.md", "---\nid: basics\ntitle: Basics\n---\nOverview.\n")
        try write("00-basics/01-a.md", "---\nid: lesson-a\ntitle: Lesson A\n---\nText.\n")
        try write("00-basics/quiz.md", """
            ---
            ---

            ::: question q-single
            topic: lesson-a
            type: single
            Pick the right one.

            - [ ] Wrong
              > Wrong because.
            - [x] Right
              > Right because.

            explain: Single explained.
            :::

            ::: question q-multi
            topic: lesson-a
            type: multiple
            Pick both right ones.

            - [x] R1
              > r1.
            - [ ] W1
              > w1.
            - [x] R2
              > r2.

            explain: Multi explained.
            :::

            ::: question q-tf
            topic: lesson-a
            type: truefalse
            True is true.

            - [x] True
              > yes.
            - [ ] False
              > no.

            explain: TF explained.
            :::

            ::: question q-num
            topic: lesson-a
            type: numeric
            What is 1/4?

            answer: 0.25 ± 0.005
            mistake: 4 = You inverted it.

            explain: Numeric explained.
            :::

            """)
        try write("01-numbers/section.md", "---\nid: numbers\ntitle: Numbers\n---\nOverview.\n")
        try write("01-numbers/01-n.md", "---\nid: lesson-n\ntitle: Lesson N\n---\nText.\n")
        try write("01-numbers/quiz.md", "---\n---\n\n" + (1...5).map {
            "::: question n\($0)\ntopic: lesson-n\ntype: numeric\nHow much is 0.25?\n\nanswer: 0.25 ± 0.005\n\nexplain: It is 0.25.\n:::\n\n"
        }.joined())
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ binary: URL, _ arguments: [String], input: String) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    var common: [String] { ["--lessons", lessons.path, "--home", home.path] }

    func testPipedAnswerFileRunsTheWholeQuiz() throws {
        let aitutor = try binary()
        // Seed 5 fixes the option order; find it from a first run's transcript instead of guessing:
        // answer "1" everywhere (valid for every question), then check what was recorded.
        let first = try Self.run(aitutor, ["quiz", "basics", "--plain", "--seed", "5"] + common, input: "x\n1\n1\n1\n1\nn\n")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("There is no option 'x'"), "an invalid line is explained and asked again:\n\(first.stdout)")
        XCTAssertTrue(first.stdout.contains("Score: "), first.stdout)
        XCTAssertTrue(first.stdout.contains("Why: Numeric explained."), first.stdout)
        XCTAssertTrue(first.stdout.contains("Right answer: 0.25 ± 0.005"), first.stdout)
        let log = try ProgressStore.open(directory: home).read()
        XCTAssertEqual(log.answers.map(\.questionID), ["q-single", "q-multi", "q-tf", "q-num"])
        XCTAssertEqual(log.answers.last?.given, "1")
        XCTAssertEqual(log.answers[2].correct, true, "1 is True")
        XCTAssertEqual(log.warnings, [])
        guard case .quizCompleted(let done)? = log.records.last else { return XCTFail("no completion record") }
        XCTAssertEqual(done.answered, 4)
        XCTAssertTrue(done.finished)

        // The skills report reads it back.
        let report = try Self.run(aitutor, ["progress", "--format", "json"] + common, input: "")
        XCTAssertEqual(report.status, 0, report.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let sections = try XCTUnwrap(json["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.first?["answered"] as? Int, 4)
        XCTAssertTrue(sections.last?["mastery"] is NSNull)
        XCTAssertEqual(json["reviewsDue"] as? Int, log.answers.filter { !$0.correct }.count)

        // Review asks exactly the missed ones.
        let missed = log.answers.filter { !$0.correct }.count
        let review = try Self.run(aitutor, ["review", "--plain"] + common, input: String(repeating: "1\n", count: missed) + "n\n")
        XCTAssertEqual(review.status, 0, review.stderr)
        XCTAssertTrue(review.stdout.contains("Review: \(missed) question"), review.stdout)
        XCTAssertEqual(try ProgressStore.open(directory: home).read().answers.filter { $0.mode == .review }.count, missed)
    }

    func testInputEndingEarlySavesAnswersAndExitsWith3() throws {
        let aitutor = try binary()
        let result = try Self.run(aitutor, ["quiz", "basics", "--plain"] + common, input: "1\n2\n")
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stdout.contains("Input ended after 2 of 4 questions; those 2 answers are saved"), result.stdout)
        let log = try ProgressStore.open(directory: home).read()
        XCTAssertEqual(log.answers.count, 2)
        guard case .quizCompleted(let record)? = log.records.last else { return XCTFail("no completion record") }
        XCTAssertFalse(record.finished)
    }

    func testUnknownSectionIsAUsageErrorListingTheValidOnes() throws {
        let aitutor = try binary()
        let result = try Self.run(aitutor, ["quiz", "nope", "--plain"] + common, input: "")
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("no section 'nope'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("basics, numbers"), result.stderr)
    }

    func testUnwritableStoreIsARuntimeFailure() throws {
        let aitutor = try binary()
        try "not a directory".write(to: home, atomically: true, encoding: .utf8)
        let result = try Self.run(aitutor, ["quiz", "basics", "--plain"] + common, input: "1\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("is a file, not a directory"), result.stderr)
    }

    func testTwoProcessesAppending500RecordsEachLoseAndInterleaveNothing() throws {
        let aitutor = try binary()
        _ = try ProgressStore.open(directory: home)
        // Each round: five wrong answers, then "y" to retry them all: 100 rounds = 500 answers.
        let round = String(repeating: "1\n", count: 5)
        let input = Array(repeating: round, count: 100).joined(separator: "y\n") + "n\n"
        let group = DispatchGroup()
        let results = ResultBox()
        let arguments = ["quiz", "numbers", "--plain"] + common
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                results.add(try? LineModeEndToEndTests.run(aitutor, arguments, input: input))
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 300), .success)
        XCTAssertEqual(results.values.map { $0?.status }, [0, 0], results.values.map { $0?.stderr ?? "did not run" }.joined())
        let log = try ProgressStore.open(directory: home).read()
        XCTAssertEqual(log.warnings, [])
        XCTAssertEqual(log.answers.count, 1000)
        let attempts = Dictionary(grouping: log.answers, by: { $0.attempt ?? "" })
        XCTAssertEqual(attempts.count, 200, "100 attempts per process")
        for (_, answers) in attempts { XCTAssertEqual(answers.map(\.questionID), ["n1", "n2", "n3", "n4", "n5"]) }
    }

    func testKill9MidQuizKeepsEveryAnswerGiven() throws {
        let aitutor = try binary()
        let process = Process()
        process.executableURL = aitutor
        process.arguments = ["quiz", "numbers", "--plain"] + common
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let store = try ProgressStore.open(directory: home)
        for given in 1...3 {
            stdin.fileHandleForWriting.write(Data("0.25\n".utf8))
            let deadline = Date().addingTimeInterval(20)
            while (try store.read().answers.count) < given, Date() < deadline { usleep(10_000) }
            XCTAssertEqual(try store.read().answers.count, given, "answer \(given) is on disk before the next is given")
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let log = try store.read()
        XCTAssertEqual(log.answers.map(\.questionID), ["n1", "n2", "n3"])
        XCTAssertTrue(log.answers.allSatisfy(\.correct))
        XCTAssertEqual(log.warnings, [])
        try? stdin.fileHandleForWriting.close()
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [LineModeEndToEndTests.Run?] = []
    func add(_ value: LineModeEndToEndTests.Run?) { lock.lock(); stored.append(value); lock.unlock() }
    var values: [LineModeEndToEndTests.Run?] { lock.lock(); defer { lock.unlock() }; return stored }
}
