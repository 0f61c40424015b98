import Curriculum
import Foundation

/// "Which skills of a job-ready AI engineer do I have?": mastery per section and topic, what is
/// weak, what is unknown, overall readiness, reviews due and the next three lessons.
public struct SkillsReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public var mastery: MasteryReport
    public var reviewsDue: Int
    public var next: [Lesson]
    public var warnings: [ProgressWarning]
    private let dependents: [String: [String]]

    public init(curriculum: Curriculum, log: ProgressLog, now: Date, policy: MasteryPolicy = MasteryPolicy()) {
        let mastery = MasteryReport(curriculum: curriculum, log: log, policy: policy)
        self.mastery = mastery
        self.reviewsDue = ReviewScheduler(answers: log.answers).dueCount(at: now)
        self.next = mastery.nextLessons(in: curriculum)
        self.warnings = log.warnings
        var dependents: [String: [String]] = [:]
        for lesson in curriculum.lessons {
            for prerequisite in lesson.prerequisites { dependents[prerequisite, default: []].append(lesson.id) }
        }
        self.dependents = dependents
    }

    public var readiness: Double { mastery.readiness }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text(markdown: false)
        case .markdown: return text(markdown: true)
        case .json: return json()
        }
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "unknown" }
        return "\(Int((value * 100).rounded()))%"
    }

    private func topicLine(_ t: TopicMastery) -> String {
        switch t.status {
        case .unknown:
            return t.questionCount == 0 ? "\(t.title): no quiz questions yet\(t.read ? " (read)" : "")" : "\(t.title): unknown (no answers yet)"
        default:
            let thin = t.evidence == .some ? ", some evidence only" : ""
            return "\(t.title): \(Self.percent(t.score)) (\(t.correct)/\(t.answered) right\(thin))"
        }
    }

    private func text(markdown md: Bool) -> String {
        var out: [String] = []
        let h1 = md ? "# " : "", h2 = md ? "## " : "", bullet = md ? "- " : "  "
        out.append("\(h1)Skills report")
        out.append("")
        out.append("Readiness: \(Self.percent(readiness)) of the roadmap shown in quizzes (unknown topics count as 0).")
        out.append("Reviews due: \(reviewsDue)" + (reviewsDue > 0 ? " (run `aitutor review`)" : ""))
        out.append("")
        if md {
            out.append("| Section | Answered | Right | Mastery | Progress |")
            out.append("|---|---|---|---|---|")
            for s in mastery.sections {
                out.append("| \(s.title) | \(s.answered) | \(s.correct) | \(Self.percent(s.score)) | \(Self.percent(s.progress)) |")
            }
        } else {
            for s in mastery.sections {
                let bar = ProgressBar.text(s.progress, width: 10)
                out.append("\(s.title.padding(toLength: 34, withPad: " ", startingAt: 0)) \(bar) mastery \(Self.percent(s.score)), \(s.correct)/\(s.answered) right")
            }
        }
        let topics = mastery.sections.flatMap(\.topics)
        let shown = topics.filter { $0.status == .mastered }
        let learning = topics.filter { $0.status == .learning }
        let weak = topics.filter { $0.status == .weak }
        let unknown = topics.filter { $0.status == .unknown && $0.questionCount > 0 }
        out.append("")
        out.append("\(h2)Shown (mastered)")
        out.append(contentsOf: shown.isEmpty ? ["\(bullet)nothing yet"] : shown.map { bullet + topicLine($0) })
        out.append("")
        out.append("\(h2)Learning")
        out.append(contentsOf: learning.isEmpty ? ["\(bullet)nothing in progress"] : learning.map { bullet + topicLine($0) })
        out.append("")
        out.append("\(h2)Weak")
        if weak.isEmpty { out.append("\(bullet)nothing weak") }
        for t in weak {
            let held = dependents[t.topic] ?? []
            out.append(bullet + topicLine(t) + (held.isEmpty ? "" : "; needed for \(held.joined(separator: ", "))"))
        }
        out.append("")
        out.append("\(h2)Unknown (\(unknown.count) topics without answers)")
        if !unknown.isEmpty {
            out.append(bullet + unknown.prefix(12).map(\.title).joined(separator: ", ") + (unknown.count > 12 ? ", …" : ""))
        }
        out.append("")
        out.append("\(h2)Next to study")
        out.append(contentsOf: next.isEmpty ? ["\(bullet)everything is mastered"] : next.enumerated().map { "\(md ? "\($0.offset + 1). " : "  \($0.offset + 1). ")\($0.element.title) (\($0.element.id))" })
        if !warnings.isEmpty {
            out.append("")
            out.append("\(h2)Notes")
            out.append("\(bullet)\(warnings.count) damaged line(s) in the progress file were skipped (they are kept in the file).")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private struct JSONTopic: Encodable {
        var id: String, title: String, answered: Int, correct: Int, mastery: Double?, evidence: String, status: String, questions: Int
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title)
            try c.encode(answered, forKey: .answered); try c.encode(correct, forKey: .correct)
            try c.encode(mastery, forKey: .mastery); try c.encode(evidence, forKey: .evidence)
            try c.encode(status, forKey: .status); try c.encode(questions, forKey: .quizQuestions)
        }
        enum Keys: String, CodingKey { case id, title, answered, correct, mastery, evidence, status, quizQuestions }
    }

    private struct JSONSection: Encodable {
        var id: String, title: String, answered: Int, correct: Int, mastery: Double?, evidence: String, progress: Double,
            quizQuestions: Int, topics: [JSONTopic]
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title)
            try c.encode(answered, forKey: .answered); try c.encode(correct, forKey: .correct)
            try c.encode(mastery, forKey: .mastery); try c.encode(evidence, forKey: .evidence)
            try c.encode(progress, forKey: .progress); try c.encode(quizQuestions, forKey: .quizQuestions)
            try c.encode(topics, forKey: .topics)
        }
        enum Keys: String, CodingKey { case id, title, answered, correct, mastery, evidence, progress, quizQuestions, topics }
    }

    private struct JSONReport: Encodable {
        var sections: [JSONSection], readiness: Double, reviewsDue: Int, next: [String], warnings: [String]
    }

    private func json() -> String {
        func round(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
        let report = JSONReport(
            sections: mastery.sections.map { s in
                JSONSection(id: s.id, title: s.title, answered: s.answered, correct: s.correct, mastery: s.score.map(round),
                            evidence: s.evidence.rawValue, progress: round(s.progress), quizQuestions: s.quizQuestions,
                            topics: s.topics.map { t in
                                JSONTopic(id: t.topic, title: t.title, answered: t.answered, correct: t.correct, mastery: t.score.map(round),
                                          evidence: t.evidence.rawValue, status: t.status.rawValue, questions: t.questionCount)
                            })
            },
            readiness: round(readiness), reviewsDue: reviewsDue, next: next.map(\.id), warnings: warnings.map(\.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}

/// A text progress bar such as `[####------]`, for line output (the TUI draws its own).
public enum ProgressBar {
    public static func text(_ fraction: Double, width: Int) -> String {
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded())))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }
}
