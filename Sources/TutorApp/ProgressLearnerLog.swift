import Curriculum
import Foundation
import Progress

/// The learner log backed by the progress file: every event is appended at once (see
/// `ProgressStore`), and the snapshot the screens read (mastery per section, reviews due, lessons
/// read, where to resume) is recomputed from the records.
public final class ProgressLearnerLog: LearnerLog {
    public let store: ProgressStore
    private let curriculum: Curriculum
    private let now: () -> Date
    private var answers: [AnswerRecord]
    private var readLessons: Set<String>
    private var lastLesson: String?
    private var notices: [String]
    private var cached: LearnerSnapshot?

    /// Opens the store in `home` and replays it. Damaged lines become a notice, not an error.
    public init(home: URL, curriculum: Curriculum, now: @escaping () -> Date = { Date() }) throws {
        store = try ProgressStore.open(directory: home)
        let log = try store.read()
        self.curriculum = curriculum
        self.now = now
        answers = log.answers
        readLessons = log.lessonsRead
        lastLesson = log.records.reversed().lazy.compactMap { record -> String? in
            if case .lessonOpened(let r) = record { return r.lessonID }
            return nil
        }.first
        notices = []
        if let first = log.warnings.first {
            notices.append("Progress file: \(log.warnings.count) damaged line(s) skipped and kept (first at line \(first.line)); see 'aitutor progress'.")
        }
    }

    public func record(_ event: LearnerEvent) throws {
        let at = now()
        switch event {
        case .lessonOpened(let id):
            try store.append(.lessonOpened(LessonReadRecord(at: at, lessonID: id, sectionID: sectionID(of: id))))
            lastLesson = id
        case .lessonRead(let id):
            guard !readLessons.contains(id) else { return }  // once is enough
            try store.append(.lessonRead(LessonReadRecord(at: at, lessonID: id, sectionID: sectionID(of: id))))
            readLessons.insert(id)
        case .answered(let answer):
            try store.append(.answer(answer))
            answers.append(answer)
        case .quizFinished(let record):
            try store.append(.quizCompleted(record))
        }
        cached = nil
    }

    public func snapshot() -> LearnerSnapshot {
        if let cached { return cached }
        let mastery = MasteryReport(curriculum: curriculum, answers: answers, lessonsRead: readLessons)
        var sections: [String: LearnerSnapshot.SectionStatus] = [:]
        for section in mastery.sections {
            sections[section.id] = LearnerSnapshot.SectionStatus(answered: section.answered, correct: section.correct, mastery: section.score)
        }
        let due = ReviewScheduler(answers: answers).due(at: now()).map(\.questionID).filter { curriculum.question($0) != nil }
        let snapshot = LearnerSnapshot(readLessons: readLessons, lastLesson: lastLesson, sections: sections,
                                       reviewsDue: due.count, reviewQueue: due, notices: notices)
        cached = snapshot
        return snapshot
    }

    private func sectionID(of lessonID: String) -> String {
        curriculum.section(containing: lessonID)?.id ?? ""
    }
}
