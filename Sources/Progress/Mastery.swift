import Curriculum
import Foundation

/// The numbers behind "what have I shown?". Documented in Docs/PROGRESS-FORMAT.md too.
public struct MasteryPolicy: Hashable, Sendable {
    /// Weight of an answer `k` answers older than the newest on the same topic: `decay^k`. At 0.7 the
    /// newest answer counts as much as the three before it together, so relearning shows quickly.
    public var decay: Double = 0.7
    /// Answers on a topic before its score is more than "some evidence".
    public var enoughAnswers: Int = 3
    /// Score from which a topic with enough evidence counts as mastered.
    public var masteredAt: Double = 0.8
    /// Score below which a topic with evidence counts as weak.
    public var weakBelow: Double = 0.6

    public init() {}
}

/// How much the learner has shown about a topic.
public enum Evidence: String, Hashable, Sendable {
    /// No answers: we do not know, which is not the same as zero.
    case unknown
    /// Fewer than `enoughAnswers` answers: a hint, not a verdict.
    case some
    case enough
}

/// What one topic (a lesson id) looks like from the quiz evidence.
public struct TopicMastery: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable { case unknown, weak, learning, mastered }

    public var topic: String
    public var title: String
    public var sectionID: String
    /// Questions in the course that measure this topic.
    public var questionCount: Int
    public var answered: Int
    public var correct: Int
    /// Recency-weighted share of right answers, 0...1; nil when unknown.
    public var score: Double?
    public var evidence: Evidence
    public var status: Status
    /// Whether the lesson was read to its end.
    public var read: Bool

    /// The topic's contribution to readiness: its score scaled down while evidence is thin
    /// (`answered / enoughAnswers`, at most 1); unknown counts 0.
    public func readinessWeight(_ policy: MasteryPolicy) -> Double {
        guard let score else { return 0 }
        return score * min(1, Double(answered) / Double(max(1, policy.enoughAnswers)))
    }
}

/// One section's mastery and progress.
public struct SectionMastery: Hashable, Sendable {
    public var id: String
    public var title: String
    public var number: Int
    public var answered: Int
    public var correct: Int
    /// Mean score of the section's topics that have evidence; nil when none has.
    public var score: Double?
    public var evidence: Evidence
    /// The section's topics: its lessons in order, then any other topic its questions measure.
    public var topics: [TopicMastery]
    public var quizQuestions: Int
    /// Questions whose latest answer was right.
    public var questionsShown: Int
    public var lessonCount: Int
    public var lessonsRead: Int

    /// The roadmap's progress bar, 0...1: questions whose latest answer is right, out of the quiz's
    /// questions; for a section without questions, lessons read out of its lessons.
    public var progress: Double {
        if quizQuestions > 0 { return Double(questionsShown) / Double(quizQuestions) }
        return lessonCount > 0 ? Double(lessonsRead) / Double(lessonCount) : 0
    }
}

/// Mastery per topic and section, and overall readiness, from a progress log.
///
/// Method (and why): per topic, answers are weighted by recency (`decay^age`), so the score
/// follows the learner's present knowledge rather than a lifetime average. No answers means
/// "unknown", never 0. A section's score is the mean over its topics with evidence. Readiness is
/// the mean over every topic the course can measure, unknown counted 0 and thin evidence scaled
/// down (see `TopicMastery.readinessWeight`): it answers "how much of the job have I *shown*?".
public struct MasteryReport: Sendable {
    public var policy: MasteryPolicy
    public var sections: [SectionMastery]
    /// 0...1.
    public var readiness: Double
    private var topicIndex: [String: TopicMastery]

    public init(curriculum: Curriculum, answers: [AnswerRecord], lessonsRead: Set<String>, policy: MasteryPolicy = MasteryPolicy()) {
        self.policy = policy
        // One pass over the answers: running weighted sums per topic, latest verdict per question.
        var weighted: [String: (right: Double, total: Double, answered: Int, correct: Int)] = [:]
        var latest: [String: Bool] = [:]
        for answer in answers {
            let right = answer.correct ? 1.0 : 0
            // One hash lookup per answer: update the entry in place.
            Self.update(&weighted[answer.topic, default: (0, 0, 0, 0)], decay: policy.decay, right: right)
            latest[answer.questionID] = answer.correct
        }

        var index: [String: TopicMastery] = [:]
        var sections: [SectionMastery] = []
        var readinessSum = 0.0
        var measurable = 0
        for section in curriculum.sections {
            var questionCounts: [String: Int] = [:]
            var extraTopics: [String] = []
            for question in section.quiz.questions {
                if questionCounts[question.topic] == nil, !section.lessons.contains(where: { $0.id == question.topic }) {
                    extraTopics.append(question.topic)
                }
                questionCounts[question.topic, default: 0] += 1
            }
            let topicList: [(id: String, title: String)] = section.lessons.map { ($0.id, $0.title) }
                + extraTopics.map { ($0, curriculum.lesson($0)?.title ?? $0) }
            var topics: [TopicMastery] = []
            for (id, title) in topicList {
                let w = weighted[id]
                let answered = w?.answered ?? 0
                let score = w.map { $0.total > 0 ? $0.right / $0.total : 0 }
                let evidence: Evidence = answered == 0 ? .unknown : (answered < policy.enoughAnswers ? .some : .enough)
                let status: TopicMastery.Status
                switch (score, evidence) {
                case (nil, _): status = .unknown
                case (let s?, _) where s < policy.weakBelow: status = .weak
                case (let s?, .enough) where s >= policy.masteredAt: status = .mastered
                default: status = .learning
                }
                let topic = TopicMastery(topic: id, title: title, sectionID: section.id, questionCount: questionCounts[id] ?? 0,
                                         answered: answered, correct: w?.correct ?? 0, score: score, evidence: evidence,
                                         status: status, read: lessonsRead.contains(id))
                topics.append(topic)
                index[id] = index[id] ?? topic
                if topic.questionCount > 0 {
                    measurable += 1
                    readinessSum += topic.readinessWeight(policy)
                }
            }
            let withEvidence = topics.compactMap(\.score)
            let answered = topics.reduce(0) { $0 + $1.answered }
            let evidence: Evidence = answered == 0 ? .unknown
                : (topics.allSatisfy { $0.evidence != .some } ? .enough : .some)
            sections.append(SectionMastery(
                id: section.id, title: section.title, number: section.number, answered: answered,
                correct: topics.reduce(0) { $0 + $1.correct },
                score: withEvidence.isEmpty ? nil : withEvidence.reduce(0, +) / Double(withEvidence.count),
                evidence: evidence, topics: topics, quizQuestions: section.quiz.questions.count,
                questionsShown: section.quiz.questions.filter { latest[$0.id] == true }.count,
                lessonCount: section.lessons.count, lessonsRead: section.lessons.filter { lessonsRead.contains($0.id) }.count))
        }
        self.sections = sections
        self.topicIndex = index
        self.readiness = measurable > 0 ? readinessSum / Double(measurable) : 0
    }

    private static func update(_ w: inout (right: Double, total: Double, answered: Int, correct: Int), decay: Double, right: Double) {
        w.right = w.right * decay + right
        w.total = w.total * decay + 1
        w.answered += 1
        w.correct += Int(right)
    }

    /// Mastery from a whole progress log.
    public init(curriculum: Curriculum, log: ProgressLog, policy: MasteryPolicy = MasteryPolicy()) {
        self.init(curriculum: curriculum, answers: log.answers, lessonsRead: log.lessonsRead, policy: policy)
    }

    /// One topic's mastery by lesson id.
    public func topic(_ id: String) -> TopicMastery? { topicIndex[id] }

    /// One section's mastery by id.
    public func section(_ id: String) -> SectionMastery? { sections.first { $0.id == id } }

    /// Whether a lesson counts as done for sequencing: mastered, or read when no question measures it.
    public func isDone(_ lessonID: String) -> Bool {
        guard let t = topicIndex[lessonID] else { return false }
        return t.status == .mastered || (t.questionCount == 0 && t.read)
    }

    /// Whether the learner is ready for a lesson: every prerequisite is done, or read and not weak.
    public func prerequisitesMet(_ lesson: Lesson) -> Bool {
        lesson.prerequisites.allSatisfy { id in
            guard let t = topicIndex[id] else { return true }  // unknown ids are lint's business
            return isDone(id) || (t.read && t.status != .weak)
        }
    }

    /// The next lessons to study: in roadmap order, the earliest not done whose prerequisites are
    /// met. When prerequisites block everything left, the earliest not done.
    public func nextLessons(in curriculum: Curriculum, count: Int = 3) -> [Lesson] {
        let open = curriculum.lessons.filter { !isDone($0.id) }
        let ready = open.filter { prerequisitesMet($0) }
        return Array((ready.isEmpty ? open : ready).prefix(count))
    }

    /// Lessons that list `topicID` as a prerequisite (to say what a weak topic holds back).
    public func dependents(of topicID: String, in curriculum: Curriculum) -> [Lesson] {
        curriculum.lessons.filter { $0.prerequisites.contains(topicID) }
    }
}
