import Curriculum
import Foundation
import Progress

/// Something the learner did that the progress store remembers.
public enum LearnerEvent: Hashable, Sendable {
    case lessonOpened(String)
    /// The learner scrolled to the end of a lesson.
    case lessonRead(String)
    /// One quiz or review answer, saved the moment it is given.
    case answered(AnswerRecord)
    /// The end of a quiz attempt.
    case quizFinished(QuizCompletionRecord)
}

/// What the screens show of the learner's progress: read lessons, quiz results, reviews due.
public struct LearnerSnapshot: Sendable {
    /// Per section: questions answered and answered right, and mastery 0...1 (nil when unknown).
    public struct SectionStatus: Hashable, Sendable {
        public var answered: Int
        public var correct: Int
        public var mastery: Double?
        public init(answered: Int = 0, correct: Int = 0, mastery: Double? = nil) {
            self.answered = answered
            self.correct = correct
            self.mastery = mastery
        }
    }

    public var readLessons: Set<String>
    public var lastLesson: String?
    public var sections: [String: SectionStatus]
    public var reviewsDue: Int
    /// The question ids due for review, most overdue first (what the review screen asks).
    public var reviewQueue: [String]
    /// Problems with the progress file (e.g. a corrupt line kept aside), shown once in the UI.
    public var notices: [String]

    public init(readLessons: Set<String> = [], lastLesson: String? = nil, sections: [String: SectionStatus] = [:],
                reviewsDue: Int = 0, reviewQueue: [String] = [], notices: [String] = []) {
        self.readLessons = readLessons
        self.lastLesson = lastLesson
        self.sections = sections
        self.reviewsDue = reviewsDue
        self.reviewQueue = reviewQueue
        self.notices = notices
    }
}

/// Where the app sends what the learner does, and where it reads progress from.
public protocol LearnerLog: AnyObject {
    func record(_ event: LearnerEvent) throws
    func snapshot() -> LearnerSnapshot
}

/// A log that keeps everything in memory: for tests and for `--no-save` style runs.
public final class InMemoryLearnerLog: LearnerLog {
    private var state: LearnerSnapshot
    public private(set) var events: [LearnerEvent] = []

    public init(_ initial: LearnerSnapshot = LearnerSnapshot()) { self.state = initial }

    public func record(_ event: LearnerEvent) throws {
        events.append(event)
        switch event {
        case .lessonOpened(let id): state.lastLesson = id
        case .lessonRead(let id): state.readLessons.insert(id)
        case .answered(let answer):
            var status = state.sections[answer.sectionID] ?? LearnerSnapshot.SectionStatus()
            status.answered += 1
            status.correct += answer.correct ? 1 : 0
            state.sections[answer.sectionID] = status
        case .quizFinished: break
        }
    }

    public func snapshot() -> LearnerSnapshot { state }
}
