import Foundation
import XCTest

/// The real binary in a real (tmux) terminal: what a learner sees and types.
final class TutorEndToEndTests: XCTestCase {
    private func binary() throws -> String {
        guard let url = TmuxSession.binary else {
            throw XCTSkip("the aitutor binary is not built next to the tests; run 'swift build' first")
        }
        return url.path
    }

    /// A shell script that records the terminal modes before and after the tutor, and its exit status.
    private func script(_ arguments: String) throws -> String {
        let bin = try binary()
        return "stty -g > before; AITUTOR_HOME=\"$PWD/home\" '\(bin)' \(arguments); echo \"exit=$?\" > status; stty -g > after; sleep 600"
    }

    private func assertModesRestored(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        let status = session.waitForFile("status")
        XCTAssertEqual(status?.trimmingCharacters(in: .whitespacesAndNewlines), "exit=0", file: file, line: line)
        let before = session.waitForFile("before")
        let after = session.waitForFile("after")
        XCTAssertNotNil(before, file: file, line: line)
        XCTAssertEqual(before, after, "terminal modes were not restored", file: file, line: line)
    }

    func testRoadmapLessonScrollSearchAndQuitAt80x24() throws {
        let session = try TmuxSession(width: 80, height: 24, script: try script(""))
        var screen = session.waitFor("Start here")
        XCTAssertTrue(screen.contains("aitutor │ Roadmap"), screen)
        XCTAssertTrue(screen.contains("What an AI engineer is"), screen)

        session.send("Enter")
        screen = session.waitFor("lines 1–")
        XCTAssertTrue(screen.contains("What an AI engineer is ›"), screen)
        session.send("j")
        screen = session.waitFor("lines 2–")
        XCTAssertTrue(screen.contains("lines 2–"), screen)

        session.send("/")
        session.waitFor("Search:")
        session.send("mean max", literal: true)
        screen = session.waitFor("Minimax")
        XCTAssertTrue(screen.contains("term    Minimax"), screen)
        session.send("Escape")
        session.send("Escape")
        session.waitFor("Roadmap")
        session.send("q")
        assertModesRestored(session)
    }

    func testResizeBelowMinimumAndBackAt120x40() throws {
        let session = try TmuxSession(width: 120, height: 40, script: try script("open calculus"))
        var screen = session.waitFor("Calculus")
        XCTAssertTrue(screen.contains("Mathematics ›"), screen)
        session.resize(width: 30, height: 8)
        screen = session.waitFor("too small")
        XCTAssertTrue(screen.contains("30×8, needs 40×12"), screen)
        session.resize(width: 120, height: 40)
        screen = session.waitFor("Mathematics ›")
        XCTAssertTrue(screen.contains("lines 1–"), screen)
        session.send("C-c")
        assertModesRestored(session)
    }

    func testWithoutATerminalItExplainsAndFails() throws {
        let bin = try binary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = []
        let errors = Pipe()
        process.standardInput = Pipe()
        process.standardOutput = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(text.contains("aitutor needs a terminal"), text)
        XCTAssertTrue(text.contains("aitutor read LESSON-ID"), text)
    }
}
