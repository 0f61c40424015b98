/// The whole course: sections in roadmap order, their lessons and quizzes, and the glossary.
public struct Curriculum: Sendable {
    public let sections: [Section]
    public let glossary: [GlossaryEntry]
    private let lessonIndex: [String: (section: Int, lesson: Int)]
    private let sectionIndex: [String: Int]

    public init(sections: [Section], glossary: [GlossaryEntry]) {
        self.sections = sections
        self.glossary = glossary
        var lessons: [String: (Int, Int)] = [:]
        var sectionsByID: [String: Int] = [:]
        for (s, section) in sections.enumerated() {
            sectionsByID[section.id] = sectionsByID[section.id] ?? s
            for (l, lesson) in section.lessons.enumerated() where lessons[lesson.id] == nil {
                lessons[lesson.id] = (s, l)
            }
        }
        self.lessonIndex = lessons
        self.sectionIndex = sectionsByID
    }

    /// Every lesson in reading order.
    public var lessons: [Lesson] { sections.flatMap(\.lessons) }

    public func lesson(_ id: String) -> Lesson? {
        lessonIndex[id].map { sections[$0.section].lessons[$0.lesson] }
    }

    public func section(_ id: String) -> Section? {
        sectionIndex[id].map { sections[$0] }
    }

    /// The section a lesson belongs to.
    public func section(containing lessonID: String) -> Section? {
        lessonIndex[lessonID].map { sections[$0.section] }
    }

    /// The lesson after this one in reading order (crossing into the next section), if any.
    public func lesson(after id: String) -> Lesson? {
        let all = lessons
        guard let i = all.firstIndex(where: { $0.id == id }), i + 1 < all.count else { return nil }
        return all[i + 1]
    }

    /// The lesson before this one in reading order, if any.
    public func lesson(before id: String) -> Lesson? {
        let all = lessons
        guard let i = all.firstIndex(where: { $0.id == id }), i > 0 else { return nil }
        return all[i - 1]
    }

    /// A quiz question by id, with its section.
    public func question(_ id: String) -> (Section, Question)? {
        for section in sections {
            if let q = section.quiz.questions.first(where: { $0.id == id }) { return (section, q) }
        }
        return nil
    }

    /// The glossary entry for a term or one of its aliases (case-insensitive).
    public func glossaryEntry(_ term: String) -> GlossaryEntry? {
        let key = term.lowercased()
        return glossary.first { $0.term.lowercased() == key || $0.aliases.contains { $0.lowercased() == key } }
    }
}
