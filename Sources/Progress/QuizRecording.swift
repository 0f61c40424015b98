import Curriculum
import Foundation

extension AnswerRecord {
    /// The record of one answered question of a `QuizSession`, ready to append.
    public init(result: QuestionResult, sectionID: String, mode: Mode, attempt: String?) {
        self.init(at: result.answeredAt, questionID: result.item.question.id, sectionID: sectionID,
                  topic: result.item.question.topic, correct: result.grade.isCorrect, given: result.grade.givenText,
                  choices: result.grade.chosenOptions, mode: mode, attempt: attempt)
    }
}

extension QuizCompletionRecord {
    /// The record of an attempt's end (`finished` false when input ran out first).
    public init(session: QuizSession, sectionID: String, at date: Date, attempt: String?) {
        let summary = session.summary(at: date)
        self.init(at: date, sectionID: sectionID, correct: summary.correct, answered: summary.answered, total: summary.total,
                  seconds: max(0, Int(summary.duration.rounded())), finished: session.isFinished, attempt: attempt)
    }
}

extension QuizSession {
    /// An id grouping the answers of this attempt in the progress file: start time, seed and the
    /// process id, so two tutors started in the same microsecond (or with the same `--seed`)
    /// still write distinct attempts.
    public var attemptID: String { "\(Timestamp.format(startedAt))/\(seed)/\(ProcessInfo.processInfo.processIdentifier)" }
}
