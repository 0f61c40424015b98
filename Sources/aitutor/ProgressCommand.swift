import ArgumentParser
import Curriculum
import Foundation
import Progress
import TutorApp

/// `aitutor progress`: the skills report, or `--reset` to start over (with a backup).
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show which skills you have shown: mastery per section and topic, readiness, reviews due, what to study next.",
        discussion: """
            Mastery comes from quiz answers, recent ones weighing more; a topic without answers is \
            'unknown', not zero. The progress file is described in Docs/PROGRESS-FORMAT.md. \
            JSON: {"sections":[{"id","title","answered","correct","mastery","evidence","progress","quizQuestions","topics"}], \
            "readiness":0..1,"reviewsDue":N,"next":[lesson ids],"warnings":[...]}; mastery is null when unknown.
            --reset moves the progress file to a timestamped backup beside it after asking (--yes for scripts).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: Format = .text
    @Flag(name: .long, help: "Start over: move the progress file aside to a backup (asks first).")
    var reset = false
    @Flag(name: .long, help: "With --reset: do not ask.")
    var yes = false

    func run() throws {
        if reset {
            try resetProgress()
            return
        }
        let curriculum = try TutorSession.loadCurriculum(common)
        let store = try ProgressSupport.openStore(common)
        let log = try ProgressSupport.read(store)
        let report = SkillsReport(curriculum: curriculum, log: log, now: Date())
        let rendered: SkillsReport.Format
        switch format {
        case .text: rendered = .text
        case .markdown: rendered = .markdown
        case .json: rendered = .json
        }
        print(report.render(rendered), terminator: "")
    }

    private func resetProgress() throws {
        let store = try ProgressSupport.openStore(common)
        if !yes {
            ProgressSupport.writeFlushed("Move \(store.fileURL.path) to a backup and start with no progress? Type 'yes' to confirm: ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                print("Nothing changed.")
                return
            }
        }
        do {
            if let backup = try store.reset() {
                print("Progress reset. The old file is kept as \(backup.path).")
            } else {
                print("There was no progress to reset.")
            }
        } catch {
            printError("aitutor: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Opening and reading the progress store the same way in every command.
enum ProgressSupport {
    static func openStore(_ common: CommonOptions) throws -> ProgressStore {
        do {
            return try ProgressStore.open(directory: common.homeDirectory)
        } catch {
            printError("aitutor: \(error)")
            throw ExitCode.failure
        }
    }

    /// Reads the log; damaged lines become warnings on standard error (they stay in the file).
    static func read(_ store: ProgressStore) throws -> ProgressLog {
        do {
            let log = try store.read()
            for warning in log.warnings.prefix(10) { printError("\(store.directory.path)/\(warning)") }
            if log.warnings.count > 10 { printError("… and \(log.warnings.count - 10) more damaged lines (kept in the file, skipped)") }
            return log
        } catch {
            printError("aitutor: \(error)")
            throw ExitCode.failure
        }
    }

    /// Writes and flushes at once, so a prompt appears before the program waits for input.
    static func writeFlushed(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func clockSeed() -> UInt64 {
        UInt64(truncatingIfNeeded: Int64(Date().timeIntervalSince1970 * 1_000_000))
    }
}
