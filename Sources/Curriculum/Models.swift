/// Where something was defined: a file (relative to the lessons folder) and a 1-based line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// One lesson page.
public struct Lesson: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var sectionID: String
    public var prerequisites: [String]
    public var demos: [String]
    public var glossaryTerms: [String]
    public var document: Document {
        didSet { readingMinutes = Self.minutes(document) }
    }
    public var source: SourceLocation
    /// Minutes to read at 200 words a minute, at least 1 (counted once: counting is not free).
    public private(set) var readingMinutes: Int

    public init(id: String, title: String, sectionID: String, prerequisites: [String] = [], demos: [String] = [],
                glossaryTerms: [String] = [], document: Document, source: SourceLocation) {
        self.id = id
        self.title = title
        self.sectionID = sectionID
        self.prerequisites = prerequisites
        self.demos = demos
        self.glossaryTerms = glossaryTerms
        self.document = document
        self.source = source
        self.readingMinutes = Self.minutes(document)
    }

    static func minutes(_ document: Document) -> Int { max(1, Int((Double(document.wordCount) / 200).rounded())) }
}

/// One section of the roadmap: an overview page, its lessons in order and its quiz.
public struct Section: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// The section's number in the roadmap (0 for "What an AI engineer is").
    public var number: Int
    public var overview: Document
    public var lessons: [Lesson]
    public var quiz: Quiz
    public var source: SourceLocation

    public init(id: String, title: String, number: Int, overview: Document, lessons: [Lesson], quiz: Quiz, source: SourceLocation) {
        self.id = id
        self.title = title
        self.number = number
        self.overview = overview
        self.lessons = lessons
        self.quiz = quiz
        self.source = source
    }
}

/// The kinds of quiz question.
public enum QuestionKind: String, Hashable, Sendable, CaseIterable {
    /// Pick the one right option.
    case single
    /// Pick exactly the set of right options.
    case multiple
    /// Two options, True then False.
    case trueFalse = "truefalse"
    /// Type a number; right when within the tolerance.
    case numeric
}

/// One option of a choice question, with why it is right or wrong.
public struct QuizOption: Hashable, Sendable {
    public var text: [Inline]
    public var isCorrect: Bool
    public var explanation: String
    public init(text: [Inline], isCorrect: Bool, explanation: String) {
        self.text = text
        self.isCorrect = isCorrect
        self.explanation = explanation
    }
}

/// The answer of a numeric question: right when |given − value| ≤ tolerance.
public struct NumericAnswer: Hashable, Sendable {
    public var value: Double
    public var tolerance: Double
    public init(value: Double, tolerance: Double) { self.value = value; self.tolerance = tolerance }

    public func accepts(_ given: Double) -> Bool {
        given.isFinite && abs(given - value) <= tolerance + 1e-12 * max(1, abs(value))
    }
}

/// A common wrong numeric answer and what it reveals.
public struct NumericMistake: Hashable, Sendable {
    public var value: Double
    public var explanation: String
    public init(value: Double, explanation: String) { self.value = value; self.explanation = explanation }
}

/// One quiz question.
public struct Question: Hashable, Sendable, Identifiable {
    public var id: String
    /// The lesson id whose skill the question measures.
    public var topic: String
    public var kind: QuestionKind
    public var prompt: Document
    public var options: [QuizOption]
    public var answer: NumericAnswer?
    public var mistakes: [NumericMistake]
    public var explanation: String
    public var source: SourceLocation

    public init(id: String, topic: String, kind: QuestionKind, prompt: Document, options: [QuizOption] = [],
                answer: NumericAnswer? = nil, mistakes: [NumericMistake] = [], explanation: String, source: SourceLocation) {
        self.id = id
        self.topic = topic
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.answer = answer
        self.mistakes = mistakes
        self.explanation = explanation
        self.source = source
    }
}

/// A section's quiz: its questions in file order.
public struct Quiz: Hashable, Sendable {
    public var sectionID: String
    public var title: String
    public var questions: [Question]
    public init(sectionID: String, title: String, questions: [Question]) {
        self.sectionID = sectionID
        self.title = title
        self.questions = questions
    }
}

/// A glossary entry: a term, how it is sometimes (mis)heard, its definition and where it is taught.
public struct GlossaryEntry: Hashable, Sendable {
    public var term: String
    public var aliases: [String]
    public var lessons: [String]
    public var definition: String
    public var source: SourceLocation
    public init(term: String, aliases: [String], lessons: [String], definition: String, source: SourceLocation) {
        self.term = term
        self.aliases = aliases
        self.lessons = lessons
        self.definition = definition
        self.source = source
    }
}
