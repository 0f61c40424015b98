import ArgumentParser
import Curriculum
import Foundation
import Progress
import TutorApp

/// `aitutor review [--plain]`: the questions due for spaced review.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Answer the questions due for review (missed questions come back on a Leitner schedule).",
        discussion: """
            Every missed question enters the review queue in box 1 and is due at once. A right answer \
            moves it up a box (due again after 1, 3, 7 and 21 days); a miss sends it back to box 1. \
            Line mode (--plain) reads answers as 'aitutor quiz --plain' does, with the same exit status: \
            0 done (or nothing due), 1 runtime failure, 3 input ended early (answers saved), 64 usage error.
            """
    )

    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: "Line mode: plain text in and out, one answer per line.")
    var plain = false
    @Option(name: .long, help: "Seed for the option order (default: from the clock).")
    var seed: UInt64?
    @Flag(name: .long, help: "Draw with ASCII characters only (full-screen mode).")
    var ascii = false

    func run() throws {
        let curriculum = try TutorSession.loadCurriculum(common)
        guard plain else {
            try TutorSession.run(common: common, ascii: ascii, start: .review, curriculum: curriculum)
            return
        }
        let store = try ProgressSupport.openStore(common)
        let log = try ProgressSupport.read(store)
        let now = Date()
        let queue = ReviewScheduler(answers: log.answers)
        let questions = queue.due(at: now).compactMap { curriculum.question($0.questionID)?.1 }
        guard !questions.isEmpty else {
            let next = queue.nextDue(after: now).map { " The next one is due \(Timestamp.format($0))." } ?? ""
            print("No reviews due.\(next)")
            return
        }
        let quiz = PlainQuiz(readLine: { Swift.readLine(strippingNewline: true) }, write: ProgressSupport.writeFlushed, store: store,
                               echoInput: isatty(STDIN_FILENO) == 0)
        let outcome = quiz.runReview(questions, curriculum: curriculum, seed: seed ?? ProgressSupport.clockSeed())
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
