import Foundation
import XCTest

/// The built `aitutor` binary running inside a private tmux server: type keys, read the screen.
/// Each session has its own tmux socket, so tests never touch a user's tmux.
final class TmuxSession {
    let socket: String
    let workDirectory: URL

    /// The built binary, next to the test bundle (`.build/<triple>/debug/aitutor`).
    static var binary: URL? {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDir.appendingPathComponent("aitutor"),
                          bundleDir.deletingLastPathComponent().appendingPathComponent("aitutor")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `script` (a shell command line) in a new tmux session of the given size.
    init(width: Int, height: Int, script: String, file: StaticString = #filePath, line: UInt = #line) throws {
        socket = "aitutor-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        try run(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "-c", workDirectory.path,
                 "env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=tmux-256color", "sh", "-c", script])
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: workDirectory)
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        guard let tmux = Self.tmuxPath else { throw XCTSkip("tmux is not installed (apt-get install tmux)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        // The command that starts the server is spawned and reaped by hand: Foundation's
        // Process notices a child's exit through a pipe the child inherits, and the tmux server
        // that `new-session` forks keeps that pipe open for its whole life, so
        // `waitUntilExit` never returned (a hang in `init`).
        if arguments.first == "new-session" {
            let argv = [tmux] + (process.arguments ?? [])
            var pid: pid_t = 0
            var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            defer { for pointer in cArguments { free(pointer) } }
            let spawned = posix_spawn(&pid, tmux, nil, nil, &cArguments, environ)
            guard spawned == 0 else { throw XCTSkip("could not start tmux (posix_spawn error \(spawned))") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return ""
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The visible screen as text.
    func screen() -> String { (try? run(["capture-pane", "-p", "-t", "main"])) ?? "" }

    /// Sends tmux key names (e.g. "Enter", "Down", "C-c") or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) {
        _ = try? run(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains `text` (up to `seconds`); returns the screen it saw last.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        return last
    }

    /// Waits for a file the script writes, and returns its content.
    func waitForFile(_ name: String, seconds: Double = 15) -> String? {
        let url = workDirectory.appendingPathComponent(name)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return text }
            usleep(50_000)
        }
        return nil
    }
}
