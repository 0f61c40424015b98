import ArgumentParser
import Curriculum
import Foundation
import Progress
import TutorApp

/// `aitutor quiz SECTION-ID [--plain]`: a section quiz, full-screen or in line mode.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a section's quiz (full-screen, or line by line with --plain).",
        discussion: """
            With --plain the quiz is plain text for screen readers and scripts: one answer per line on \
            standard input (a pipe works). Choices by letter or number (a or 1; multiple select: several, \
            separated by commas or spaces), true/false as a two-option choice, numbers as numbers, so 1 is \
            a valid answer to any question. An invalid line is explained and the question asked again. \
            After the summary, if questions were missed, one more line is read: y retries them. Every \
            answer is saved as it is given.

            Exit status: 0 every question answered; 1 runtime failure (e.g. the progress file cannot be \
            written, lessons cannot be read); 3 input ended before the quiz was finished (the answers \
            given are saved); 64 usage error (e.g. an unknown section id; the valid ones are listed).
            """
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The section whose quiz to take ('aitutor list' shows the ids).")
    var sectionID: String
    @Flag(name: .long, help: "Line mode: plain text in and out, one answer per line.")
    var plain = false
    @Option(name: .long, help: "Seed for the option order (default: from the clock), for reproducible runs.")
    var seed: UInt64?
    @Flag(name: .long, help: "Draw with ASCII characters only (full-screen mode).")
    var ascii = false

    func run() throws {
        let curriculum = try TutorSession.loadCurriculum(common)
        guard let section = curriculum.section(sectionID) else {
            printError("aitutor: no section '\(sectionID)'. Sections with quizzes: \(curriculum.sections.filter { !$0.quiz.questions.isEmpty }.map(\.id).joined(separator: ", "))")
            throw ExitCode(64)
        }
        guard !section.quiz.questions.isEmpty else {
            printError("aitutor: the section '\(sectionID)' has no quiz questions yet.")
            throw ExitCode(64)
        }
        guard plain else {
            try TutorSession.run(common: common, ascii: ascii, start: .quiz(sectionID), curriculum: curriculum)
            return
        }
        let store = try ProgressSupport.openStore(common)
        let quiz = PlainQuiz(readLine: { Swift.readLine(strippingNewline: true) }, write: ProgressSupport.writeFlushed, store: store,
                               echoInput: isatty(STDIN_FILENO) == 0)
        let outcome = quiz.runQuiz(section.quiz, curriculum: curriculum, seed: seed ?? ProgressSupport.clockSeed())
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
