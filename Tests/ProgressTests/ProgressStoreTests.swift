import Foundation
import XCTest
@testable import Progress

func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("aitutor-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func answer(_ question: String, _ correct: Bool, at seconds: TimeInterval, topic: String = "lesson-a", section: String = "basics") -> AnswerRecord {
    AnswerRecord(at: Date(timeIntervalSince1970: 1_700_000_000 + seconds), questionID: question, sectionID: section, topic: topic,
                 correct: correct, given: correct ? "b) right" : "a) wrong")
}

final class ProgressRecordTests: XCTestCase {
    func testTimestampsRoundTripAndKnownValue() {
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 1_700_000_000.25)), "2023-11-14T22:13:20.250Z")
        XCTAssertEqual(Timestamp.parse("2023-11-14T22:13:20.250Z")?.timeIntervalSince1970, 1_700_000_000.25)
        XCTAssertEqual(Timestamp.parse("2024-02-29T00:00:00Z")?.timeIntervalSince1970, 1_709_164_800)
        XCTAssertNil(Timestamp.parse("2024-13-01T00:00:00Z"))
        XCTAssertNil(Timestamp.parse("yesterday"))
    }

    func testEveryRecordKindRoundTrips() throws {
        let at = Date(timeIntervalSince1970: 1_700_000_000.5)
        let records: [ProgressRecord] = [
            .header(ProgressHeader(created: at)),
            .answer(AnswerRecord(at: at, questionID: "q1", sectionID: "s", topic: "t", correct: false,
                                 given: "a) \"quoted\"\nnew line\t∂ é 😀 \u{1}", choices: [2, 0], mode: .review, attempt: "x/1")),
            .answer(AnswerRecord(at: at, questionID: "q2", sectionID: "s", topic: "t", correct: true, given: "0.25")),
            .quizCompleted(QuizCompletionRecord(at: at, sectionID: "s", correct: 3, answered: 4, total: 5, seconds: 61, finished: false, attempt: "x/1")),
            .lessonRead(LessonReadRecord(at: at, lessonID: "l", sectionID: "s")),
            .demoPrediction(DemoPredictionRecord(at: at, demoID: "gradient-descent", lessonID: "l", prediction: "diverges", correct: true)),
        ]
        for record in records {
            let line = record.jsonLine
            XCTAssertFalse(line.contains("\n"), line)
            XCTAssertEqual(try ProgressRecord(jsonLine: line), record, line)
        }
        XCTAssertEqual(records[2].jsonLine,
                       #"{"v":1,"kind":"answer","at":"2023-11-14T22:13:20.500Z","question":"q2","section":"s","topic":"t","correct":true,"given":"0.25","mode":"quiz"}"#)
        // Foundation's JSON parser agrees that our lines are JSON.
        let object = try JSONSerialization.jsonObject(with: Data(records[1].jsonLine.utf8)) as? [String: Any]
        XCTAssertEqual(object?["given"] as? String, "a) \"quoted\"\nnew line\t∂ é 😀 \u{1}")
    }

    func testRecordErrorsSayWhatIsWrong() {
        XCTAssertThrowsError(try ProgressRecord(jsonLine: #"{"v":1,"kind":"answer","at":"2023-11-14T22:13:20Z"}"#)) {
            XCTAssertEqual(($0 as? RecordError)?.description, "the record has no 'question'")
        }
        XCTAssertThrowsError(try ProgressRecord(jsonLine: #"{"v":1,"kind":"party","at":"2023-11-14T22:13:20Z"}"#)) {
            XCTAssertEqual($0 as? RecordError, .unknownKind("party"))
        }
        XCTAssertThrowsError(try ProgressRecord(jsonLine: #"{"v":2,"kind":"answer"}"#)) { XCTAssertEqual($0 as? RecordError, .newerVersion(2)) }
        XCTAssertThrowsError(try ProgressRecord(jsonLine: #"{"v":1,"kind":"answ"#))
        XCTAssertThrowsError(try ProgressRecord(jsonLine: #"{"v":1,"kind":{"nested":1}}"#))
    }
}

final class ProgressStoreTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory().appendingPathComponent("state/aitutor")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent().deletingLastPathComponent())
    }

    private func fileText() throws -> String { try String(contentsOf: directory.appendingPathComponent("progress.jsonl"), encoding: .utf8) }

    func testAppendAndReopen() throws {
        let store = try ProgressStore.open(directory: directory, now: { Date(timeIntervalSince1970: 1_700_000_000) })
        try store.append(.answer(answer("q1", true, at: 1)))
        try store.append([.answer(answer("q2", false, at: 2)), .lessonRead(LessonReadRecord(at: Date(timeIntervalSince1970: 3), lessonID: "lesson-a", sectionID: "basics"))])
        let reopened = try ProgressStore.open(directory: directory)
        let log = try reopened.read()
        XCTAssertEqual(log.header?.created, Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(log.answers.map(\.questionID), ["q1", "q2"])
        XCTAssertEqual(log.lessonsRead, ["lesson-a"])
        XCTAssertEqual(log.warnings, [])
        XCTAssertEqual(log.lineCount, 4)
        XCTAssertTrue(try fileText().hasPrefix(#"{"v":1,"kind":"header","at":"2023-11-14T22:13:20Z","format":"aitutor-progress"}"# + "\n"))
    }

    func testPermissionBits() throws {
        _ = try ProgressStore.open(directory: directory)
        let dirMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? NSNumber
        let fileMode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("progress.jsonl").path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(dirMode?.intValue, 0o700)
        XCTAssertEqual(fileMode?.intValue, 0o600)
    }

    func testCorruptLineInTheMiddleIsReportedAndKept() throws {
        let store = try ProgressStore.open(directory: directory)
        try store.append(.answer(answer("q1", true, at: 1)))
        let handle = try FileHandle(forWritingTo: store.fileURL)
        handle.seekToEndOfFile()
        handle.write(Data("this is not json\n".utf8))
        try handle.close()
        try store.append(.answer(answer("q2", true, at: 2)))
        let before = try fileText()
        let log = try store.read()
        XCTAssertEqual(log.answers.map(\.questionID), ["q1", "q2"])
        XCTAssertEqual(log.warnings.count, 1)
        XCTAssertEqual(log.warnings.first?.line, 3)
        XCTAssertTrue(log.warnings.first?.description.hasPrefix("progress.jsonl:3: warning: unreadable record") ?? false, "\(log.warnings)")
        XCTAssertEqual(try fileText(), before, "reading never changes the file")
        XCTAssertTrue(before.contains("this is not json\n"))
    }

    func testTornLastLineIsReportedAndTheNextAppendStartsAFreshLine() throws {
        let store = try ProgressStore.open(directory: directory)
        try store.append(.answer(answer("q1", true, at: 1)))
        let torn = String(answer("q2", true, at: 2).asRecord.jsonLine.prefix(40))
        let handle = try FileHandle(forWritingTo: store.fileURL)
        handle.seekToEndOfFile()
        handle.write(Data(torn.utf8))
        try handle.close()
        var log = try store.read()
        XCTAssertEqual(log.answers.map(\.questionID), ["q1"])
        XCTAssertEqual(log.warnings.map(\.line), [3])
        XCTAssertTrue(log.warnings[0].message.contains("incomplete"), log.warnings[0].message)
        try store.append(.answer(answer("q3", false, at: 3)))
        log = try store.read()
        XCTAssertEqual(log.answers.map(\.questionID), ["q1", "q3"])
        XCTAssertEqual(log.warnings.map(\.line), [3])
        XCTAssertTrue(try fileText().contains(torn + "\n"), "the torn line is kept on its own line")
    }

    func testNewerFormatIsRefusedWithoutTouchingTheFile() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = #"{"v":9,"kind":"header","at":"2030-01-01T00:00:00Z","format":"aitutor-progress"}"# + "\n"
        try text.write(to: directory.appendingPathComponent("progress.jsonl"), atomically: false, encoding: .utf8)
        let store = try ProgressStore.open(directory: directory)
        XCTAssertThrowsError(try store.read()) { XCTAssertTrue("\($0)".contains("newer aitutor"), "\($0)") }
        XCTAssertEqual(try fileText(), text)
    }

    func testResetKeepsABackup() throws {
        let store = try ProgressStore.open(directory: directory, now: { Date(timeIntervalSince1970: 1_700_000_000) })
        try store.append(.answer(answer("q1", true, at: 1)))
        let backup = try XCTUnwrap(try store.reset())
        XCTAssertEqual(backup.lastPathComponent, "progress-backup-20231114T221320Z.jsonl")
        XCTAssertTrue(try String(contentsOf: backup, encoding: .utf8).contains("\"q1\""))
        XCTAssertEqual(try store.read().records, [])
        try store.append(.answer(answer("q2", true, at: 2)))
        XCTAssertEqual(try store.read().answers.map(\.questionID), ["q2"])
        let second = try XCTUnwrap(try store.reset())
        XCTAssertNotEqual(second, backup, "a second reset in the same second does not overwrite the first backup")
    }

    func testTwoWritersAppendingConcurrentlyLoseAndInterleaveNothing() throws {
        // Each thread has its own ProgressStore and so its own open file descriptions: for O_APPEND
        // and flock that is what two processes have. The end-to-end test repeats this with processes.
        let store = try ProgressStore.open(directory: directory)
        let perWriter = 500
        let failures = FailureCounter()
        let group = DispatchGroup()
        for writer in 0..<2 {
            group.enter()
            let thread = Thread { [directory] in
                defer { group.leave() }
                guard let mine = try? ProgressStore.open(directory: directory!) else { failures.add(); return }
                for i in 0..<perWriter {
                    let long = String(repeating: "w\(writer)-", count: 200)  // lines longer than a pipe buffer's atomic size
                    do { try mine.append(.answer(AnswerRecord(at: Date(), questionID: "w\(writer)-q\(i)", sectionID: "s", topic: "t", correct: i % 2 == 0, given: long))) } catch { failures.add() }
                }
            }
            thread.start()
        }
        XCTAssertEqual(group.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(failures.count, 0)
        let log = try store.read()
        XCTAssertEqual(log.warnings, [], "no torn or interleaved line")
        XCTAssertEqual(log.answers.count, 2 * perWriter)
        for writer in 0..<2 {
            let mine = log.answers.filter { $0.questionID.hasPrefix("w\(writer)-") }.map(\.questionID)
            XCTAssertEqual(mine, (0..<perWriter).map { "w\(writer)-q\($0)" }, "each writer's records are all there, in its order")
        }
        XCTAssertEqual(try fileText().components(separatedBy: "\"kind\":\"header\"").count, 2, "exactly one header")
    }
}

final class FailureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}

extension AnswerRecord {
    var asRecord: ProgressRecord { .answer(self) }
}
