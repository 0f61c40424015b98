import Curriculum
import Foundation
import Progress

/// The line-mode quiz, for screen readers and scripts: one question at a time as plain text, one
/// answer per input line, feedback after each answer, and a summary at the end.
///
/// Every answer is appended to the progress store as soon as it is graded, so ending the input
/// (or killing the process) loses nothing already answered.
public struct PlainQuiz {
    /// How a run ended; `exitCode` is what `aitutor quiz --plain` and `aitutor review --plain` return.
    public enum Outcome: Equatable {
        /// Every question was answered (including any retry the learner asked for).
        case finished(correct: Int, total: Int)
        /// Input ended first; what was answered is saved.
        case inputEnded(answered: Int, total: Int)
        /// An answer could not be saved; the message says why.
        case storeFailed(String)

        /// 0 finished, 3 input ended early (answers saved), 1 the store failed.
        public var exitCode: Int32 {
            switch self {
            case .finished: return 0
            case .inputEnded: return PlainQuiz.inputEndedExitCode
            case .storeFailed: return 1
            }
        }
    }

    /// Exit status when input ends before the last question (progress is saved).
    public static let inputEndedExitCode: Int32 = 3

    /// Returns the next input line without its newline, or nil at end of input.
    public var readLine: () -> String?
    /// Writes text exactly as given (the runner adds the newlines).
    public var write: (String) -> Void
    /// Where answers go; nil runs without saving (never used by the commands).
    public var store: ProgressStore?
    public var now: () -> Date
    /// Seeds for retry attempts.
    public var nextSeed: () -> UInt64
    /// Repeat each line read after the prompt: on when input is a pipe or file, so the transcript
    /// reads like a conversation; off on a terminal, which echoes by itself.
    public var echoInput: Bool

    public init(readLine: @escaping () -> String?, write: @escaping (String) -> Void, store: ProgressStore?,
                now: @escaping () -> Date = { Date() }, nextSeed: @escaping () -> UInt64 = { UInt64.random(in: 0...UInt64.max) },
                echoInput: Bool = false) {
        self.readLine = readLine
        self.write = write
        self.store = store
        self.now = now
        self.nextSeed = nextSeed
        self.echoInput = echoInput
    }

    /// The next line, echoed when `echoInput` is on.
    private func nextLine() -> String? {
        let line = readLine()
        if echoInput, let line { write(line + "\n") }
        return line
    }

    /// Runs a section quiz (answers recorded with mode `quiz`, plus a completion record).
    public func runQuiz(_ quiz: Quiz, curriculum: Curriculum, seed: UInt64) -> Outcome {
        let session = QuizSession(questions: quiz.questions, seed: seed, startedAt: now())
        say("\(quiz.title): \(quiz.questions.count) questions. Answer each on its own line; end of input stops and keeps your answers.")
        return run(session, mode: .quiz, quizSectionID: quiz.sectionID, curriculum: curriculum)
    }

    /// Runs the due reviews (answers recorded with mode `review`).
    public func runReview(_ questions: [Question], curriculum: Curriculum, seed: UInt64) -> Outcome {
        let session = QuizSession(questions: questions, seed: seed, startedAt: now())
        say("Review: \(questions.count) question\(questions.count == 1 ? "" : "s") due.")
        return run(session, mode: .review, quizSectionID: nil, curriculum: curriculum)
    }

    private func say(_ text: String) { write(text + "\n") }

    private func run(_ start: QuizSession, mode: AnswerRecord.Mode, quizSectionID: String?, curriculum: Curriculum) -> Outcome {
        var session = start
        var total = 0
        var totalRight = 0
        while true {
            let attempt = session.attemptID
            total += session.items.count
            while let item = session.current {
                say("")
                say("Question \(session.currentIndex + 1) of \(session.items.count)" + topicSuffix(item.question, curriculum))
                say(item.question.prompt.plainText)
                for (index, option) in item.shownOptions.enumerated() {
                    say("  \(PresentedQuestion.label(index))) \(option.text.plainText)")
                }
                var grade: Grade?
                while grade == nil {
                    write("Answer (\(item.inputHint)): ")
                    guard let line = nextLine() else {
                        say("")
                        return inputEnded(session, mode: mode, quizSectionID: quizSectionID, attempt: attempt)
                    }
                    do {
                        let answer = try Answer.parse(line, for: item)
                        grade = try session.answer(answer, at: now())
                    } catch {
                        say("\(error)")
                    }
                }
                guard let grade, let result = session.results.last else { continue }
                let sectionID = quizSectionID ?? curriculum.question(item.question.id)?.0.id ?? ""
                if let store {
                    do {
                        try store.append(.answer(AnswerRecord(result: result, sectionID: sectionID, mode: mode, attempt: attempt)))
                    } catch {
                        say("aitutor: \(error)")
                        return .storeFailed(error.description)
                    }
                }
                feedback(grade)
            }
            let summary = session.summary(at: now())
            totalRight += summary.correct
            if let quizSectionID, let store {
                do {
                    try store.append(.quizCompleted(QuizCompletionRecord(session: session, sectionID: quizSectionID, at: now(), attempt: attempt)))
                } catch {
                    say("aitutor: \(error)")
                    return .storeFailed(error.description)
                }
            }
            say("")
            say("Score: \(summary.scoreLine).")
            guard !summary.missed.isEmpty else {
                say("Every answer was right.")
                return .finished(correct: totalRight, total: total)
            }
            say("Missed:")
            for missed in summary.missed {
                say("- \(missed.item.question.prompt.plainText.split(separator: "\n").first.map(String.init) ?? missed.item.question.id)")
                say("  You answered: \(missed.grade.givenText). Right answer: \(missed.grade.correctAnswerText).")
                say("  \(missed.grade.explanation)")
            }
            say("They are in your review queue ('aitutor review').")
            write("Retry the \(summary.missed.count) missed question\(summary.missed.count == 1 ? "" : "s") now? (y/n): ")
            guard let line = nextLine(), ["y", "yes"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()),
                  let retry = session.retryingMissed(seed: nextSeed(), startedAt: now()) else {
                say("")
                return .finished(correct: totalRight, total: total)
            }
            session = retry
        }
    }

    private func topicSuffix(_ question: Question, _ curriculum: Curriculum) -> String {
        curriculum.lesson(question.topic).map { " (\($0.title))" } ?? ""
    }

    private func feedback(_ grade: Grade) {
        say(grade.isCorrect ? "Right." : "Not right. The right answer: \(grade.correctAnswerText).")
        for item in grade.feedback {
            let mark = item.chosen ? "your choice" : "right answer"
            say("  \(PresentedQuestion.label(item.shownIndex))) \(mark): \(item.option.explanation)")
        }
        if let mistake = grade.mistake { say("  \(mistake.explanation)") }
        say("Why: \(grade.explanation)")
    }

    private func inputEnded(_ session: QuizSession, mode: AnswerRecord.Mode, quizSectionID: String?, attempt: String) -> Outcome {
        let answered = session.results.count
        if let quizSectionID, let store, answered > 0 {
            do {
                try store.append(.quizCompleted(QuizCompletionRecord(session: session, sectionID: quizSectionID, at: now(), attempt: attempt)))
            } catch {
                say("aitutor: \(error)")
                return .storeFailed(error.description)
            }
        }
        let place = store.map { " in \($0.fileURL.path)" } ?? ""
        say("Input ended after \(answered) of \(session.items.count) questions; \(answered == 1 ? "that answer is" : "those \(answered) answers are") saved\(place).")
        return .inputEnded(answered: answered, total: session.items.count)
    }
}
