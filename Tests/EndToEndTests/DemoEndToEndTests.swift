import Foundation
import XCTest

/// The gradient-descent demo in a real terminal, opened from its lesson; and `aitutor demo`.
final class DemoEndToEndTests: XCTestCase {
    private func binary() throws -> String {
        guard let url = TmuxSession.binary else {
            throw XCTSkip("the aitutor binary is not built next to the tests; run 'swift build' first")
        }
        return url.path
    }

    func testOpenGradientDescentFromCalculusStepRunPauseQuit() throws {
        let bin = try binary()
        let script = "stty -g > before; AITUTOR_HOME=\"$PWD/home\" '\(bin)' open calculus; echo \"exit=$?\" > status; stty -g > after; sleep 600"
        let session = try TmuxSession(width: 120, height: 40, script: script)
        session.waitFor("Mathematics ›")
        session.send("Tab")
        session.waitFor("Enter opens")
        session.send("Enter")
        var screen = session.waitFor("Demos › Gradient descent")
        XCTAssertTrue(screen.contains("step: 0"), screen)
        XCTAssertTrue(screen.contains("◀ square ▶"), screen)

        session.send("Space")
        screen = session.waitFor("step: 1")
        XCTAssertTrue(screen.contains("x: 2.4"), screen)

        session.send("r")
        screen = session.waitFor("r pause")
        // The animation advances on its own; with lr 0.1 it converges within about 70 steps.
        screen = session.waitFor("status: converged")
        XCTAssertFalse(screen.contains("step: 1\n"), screen)
        session.send("r")
        screen = session.waitFor("converged; press 0 to reset")

        // Run and pause mid-way on a slower setting: the step count stops moving.
        session.send("Tab")
        for _ in 0..<2 { session.send("Left") }  // lr 0.1 → 0.0001 (clamped)
        session.waitFor("◀ 0.0001 ▶")
        session.send("r")
        session.waitFor("r pause")
        session.send("r")
        screen = session.waitFor("r run")
        let paused = screen.split(separator: "\n").first { $0.contains("step: ") }.map(String.init)
        Thread.sleep(forTimeInterval: 0.3)
        let later = session.screen().split(separator: "\n").first { $0.contains("step: ") }.map(String.init)
        XCTAssertEqual(paused, later, "paused: the step count must not move")

        session.send("q")
        let status = session.waitForFile("status")
        XCTAssertEqual(status?.trimmingCharacters(in: .whitespacesAndNewlines), "exit=0")
        let before = session.waitForFile("before")
        XCTAssertNotNil(before)
        XCTAssertEqual(before, session.waitForFile("after"), "terminal modes were not restored")
    }

    private func runDemoCommand(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = ["demo"] + arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, o, e)
    }

    func testDemoCommandOutputsAndUsageErrors() throws {
        let list = try runDemoCommand(["list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.out.contains("gradient-descent"), list.out)

        let a = try runDemoCommand(["gradient-descent", "--set", "lr=1.1", "--format", "json"])
        let b = try runDemoCommand(["gradient-descent", "--set", "lr=1.1", "--format", "json"])
        XCTAssertEqual(a.status, 0)
        XCTAssertEqual(a.out, b.out, "same seed and knobs, same bytes")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(a.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["status"] as? String, "diverged")
        XCTAssertEqual(object["steps"] as? Int, 70)
        XCTAssertEqual(Set(object.keys), ["demo", "report", "seed", "settings", "status", "steps"])

        let ascii = try runDemoCommand(["kfold", "--steps", "2", "--width", "60", "--height", "12"], environment: ["LANG": "C", "LC_ALL": "C"])
        XCTAssertEqual(ascii.status, 0)
        XCTAssertTrue(ascii.out.unicodeScalars.allSatisfy(\.isASCII), ascii.out)
        XCTAssertTrue(ascii.out.contains("split: 2 of 5"), ascii.out)

        for bad in [["nope"], ["gradient-descent", "--set", "speed=2"], ["gradient-descent", "--set", "lr=abc"], ["gradient-descent", "--set", "lr=9"]] {
            let result = try runDemoCommand(bad)
            XCTAssertEqual(result.status, 64, "\(bad): \(result.err)")
            XCTAssertTrue(result.err.contains("lr") || result.err.contains("gradient-descent"), result.err)
        }
    }
}
