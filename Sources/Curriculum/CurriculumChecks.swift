/// The cross-file checks of `aitutor lint`: ids, references between lessons, quizzes, demos and
/// the glossary. Per-file syntax is checked by the parsers as they read.
enum CurriculumChecks {
    /// Each lesson should be measured by at least this many quiz questions.
    static let questionsPerTopic = 3

    static func check(_ curriculum: Curriculum, knownDemos: Set<String>?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]

        func claim(_ id: String, at location: SourceLocation, kind: String) {
            guard !id.isEmpty else { return }
            if let first = seen[id] {
                diagnostics.append(Diagnostic(location, "\(kind) id '\(id)' is already used at \(first); ids must be unique"))
            } else {
                seen[id] = location
            }
        }

        let lessonIDs = Set(curriculum.lessons.map(\.id))
        let termKeys = Dictionary(curriculum.glossary.map { ($0.term.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

        for section in curriculum.sections {
            claim(section.id, at: section.source, kind: "section")
            if section.lessons.isEmpty {
                diagnostics.append(Diagnostic(section.source, "section '\(section.id)' has no lessons"))
            }
            if section.quiz.questions.isEmpty {
                diagnostics.append(Diagnostic(section.source, "section '\(section.id)' has no quiz: add quiz.md with '::: question' blocks"))
            }
            for lesson in section.lessons {
                claim(lesson.id, at: lesson.source, kind: "lesson")
                checkLesson(lesson, lessonIDs: lessonIDs, termKeys: termKeys, knownDemos: knownDemos, into: &diagnostics)
            }
            let sectionLessons = Set(section.lessons.map(\.id))
            var perTopic: [String: Int] = [:]
            for question in section.quiz.questions {
                claim(question.id, at: question.source, kind: "question")
                guard !question.topic.isEmpty else { continue }
                if !sectionLessons.contains(question.topic) {
                    let hint = lessonIDs.contains(question.topic) ? "it belongs to another section" : "no lesson has that id"
                    diagnostics.append(Diagnostic(question.source, "question \(question.id): topic '\(question.topic)' is not a lesson of section '\(section.id)' (\(hint))"))
                }
                perTopic[question.topic, default: 0] += 1
            }
            if !section.quiz.questions.isEmpty {
                for lesson in section.lessons where perTopic[lesson.id, default: 0] < questionsPerTopic {
                    diagnostics.append(Diagnostic(lesson.source, "lesson '\(lesson.id)' is measured by \(perTopic[lesson.id, default: 0]) quiz question(s); write at least \(questionsPerTopic) with 'topic: \(lesson.id)'"))
                }
            }
        }

        var terms: [String: SourceLocation] = [:]
        for entry in curriculum.glossary {
            let key = entry.term.lowercased()
            if let first = terms[key] {
                diagnostics.append(Diagnostic(entry.source, "glossary term '\(entry.term)' is already defined at \(first)"))
            } else {
                terms[key] = entry.source
            }
            for lesson in entry.lessons where !lessonIDs.contains(lesson) {
                diagnostics.append(Diagnostic(entry.source, "glossary term '\(entry.term)' names lesson '\(lesson)', which does not exist"))
            }
        }
        var aliases: [String: String] = [:]
        for entry in curriculum.glossary {
            for alias in entry.aliases {
                let key = alias.lowercased()
                if let owner = terms[key], owner != entry.source {
                    diagnostics.append(Diagnostic(entry.source, "alias '\(alias)' of '\(entry.term)' is itself a glossary term"))
                } else if let other = aliases[key], other != entry.term {
                    diagnostics.append(Diagnostic(entry.source, "alias '\(alias)' is used by both '\(other)' and '\(entry.term)'"))
                }
                aliases[key] = entry.term
            }
        }
        diagnostics += prerequisiteCycles(curriculum)
        return diagnostics
    }

    private static func checkLesson(_ lesson: Lesson, lessonIDs: Set<String>, termKeys: [String: GlossaryEntry],
                                    knownDemos: Set<String>?, into diagnostics: inout [Diagnostic]) {
        for prerequisite in lesson.prerequisites {
            if prerequisite == lesson.id {
                diagnostics.append(Diagnostic(lesson.source, "lesson '\(lesson.id)' lists itself as a prerequisite"))
            } else if !lessonIDs.contains(prerequisite) {
                diagnostics.append(Diagnostic(lesson.source, "prerequisite '\(prerequisite)' of lesson '\(lesson.id)' is not a lesson id"))
            }
        }
        let embedded = lesson.document.demos
        let embeddedIDs = Set(embedded.map(\.demoID))
        for demo in lesson.demos where !embeddedIDs.contains(demo) {
            diagnostics.append(Diagnostic(lesson.source, "header lists demo '\(demo)' but the text has no '::: demo \(demo)' block"))
        }
        for embed in embedded {
            let location = SourceLocation(file: lesson.source.file, line: embed.line)
            if !lesson.demos.contains(embed.demoID) {
                diagnostics.append(Diagnostic(location, "demo '\(embed.demoID)' is embedded but missing from the header's 'demos:' list"))
            }
            if let known = knownDemos, !known.contains(embed.demoID) {
                let list = known.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(location, "unknown demo '\(embed.demoID)'; available demos: \(list)"))
            }
        }
        for term in lesson.glossaryTerms where termKeys[term.lowercased()] == nil {
            diagnostics.append(Diagnostic(lesson.source, "glossary term '\(term)' of lesson '\(lesson.id)' has no entry in any glossary file"))
        }
        if lesson.document.blocks.isEmpty {
            diagnostics.append(Diagnostic(lesson.source, "lesson '\(lesson.id)' has no text"))
        }
    }

    /// Prerequisite chains must not loop, or "read this first" would never end.
    private static func prerequisiteCycles(_ curriculum: Curriculum) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        let byID = Dictionary(curriculum.lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func visit(_ id: String, path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                if let lesson = byID[id] {
                    let loop = (path.drop(while: { $0 != id }) + [id]).joined(separator: " → ")
                    diagnostics.append(Diagnostic(lesson.source, "prerequisites form a loop: \(loop)"))
                }
                return
            }
            state[id] = 1
            for next in byID[id]?.prerequisites ?? [] where byID[next] != nil { visit(next, path: path + [id]) }
            state[id] = 2
        }
        for lesson in curriculum.lessons { visit(lesson.id, path: []) }
        return diagnostics
    }
}
