import Foundation

/// A question as one attempt shows it: the options in a shuffled order.
///
/// Single and multiple choice options are shuffled per attempt; true/false keeps True before
/// False, because a shuffled "False / True" only tests reading, not knowledge.
public struct PresentedQuestion: Hashable, Sendable, Identifiable {
    public var question: Question
    /// `order[shown]` is the index in `question.options` of the option shown at position `shown`.
    public var order: [Int]

    public init(question: Question, order: [Int]) {
        self.question = question
        self.order = order
    }

    /// Presents a question with its options shuffled by `generator`.
    public init(question: Question, using generator: inout SplitMix64) {
        let indices = Array(question.options.indices)
        let shuffles = question.kind == .single || question.kind == .multiple
        self.init(question: question, order: shuffles ? indices.seededShuffle(using: &generator) : indices)
    }

    public var id: String { question.id }

    /// The options in the order shown.
    public var shownOptions: [QuizOption] { order.map { question.options[$0] } }

    /// The shown positions of the right options.
    public var correctShownIndices: Set<Int> {
        Set(order.indices.filter { question.options[order[$0]].isCorrect })
    }

    /// The label of a shown option: `a`, `b`, ... (keys 1–9 pick them too).
    public static func label(_ shownIndex: Int) -> String {
        guard shownIndex >= 0, shownIndex < 26, let scalar = Unicode.Scalar(97 + shownIndex) else { return "\(shownIndex + 1)" }
        return String(Character(scalar))
    }

    /// The right answer in words, e.g. `b) 6(3x + 1)` or `0.25 ± 0.005`.
    public var correctAnswerText: String {
        if question.kind == .numeric {
            guard let answer = question.answer else { return "?" }
            return "\(Answer.format(answer.value)) ± \(Answer.format(answer.tolerance))"
        }
        return correctShownIndices.sorted().map { describe(shown: $0) }.joined(separator: "; ")
    }

    /// `b) option text` for a shown position.
    public func describe(shown index: Int) -> String {
        guard order.indices.contains(index) else { return "?" }
        return "\(Self.label(index))) \(question.options[order[index]].text.plainText)"
    }

    /// What the learner will be told a valid answer looks like.
    public var inputHint: String {
        let last = PresentedQuestion.label(max(0, order.count - 1))
        switch question.kind {
        case .single, .trueFalse: return "one letter a–\(last) or a number 1–\(order.count)"
        case .multiple: return "every right option: letters a–\(last) or numbers 1–\(order.count), e.g. \"a c\" or \"1,3\""
        case .numeric: return "a number, e.g. 0.25"
        }
    }
}

/// A learner's answer to a presented question. Choice positions are the *shown* positions (0-based).
public enum Answer: Hashable, Sendable {
    case choice(Int)
    case choices(Set<Int>)
    case number(Double)

    /// Reads one typed line as an answer to `item`.
    ///
    /// Choices are letters (`a`–`z`) or numbers from 1; multiple select takes several separated by
    /// commas or spaces. True/false is a two-option choice, so `1`, `a`, `t`/`true` all pick True.
    /// Numeric questions take a number (`NumberParser` forms). `1` is therefore valid everywhere.
    public static func parse(_ line: String, for item: PresentedQuestion) throws(AnswerInputError) -> Answer {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw .empty(hint: item.inputHint) }
        switch item.question.kind {
        case .numeric:
            guard let value = NumberParser.parse(text) else { throw .notANumber(text) }
            return .number(value)
        case .trueFalse:
            switch text.lowercased() {
            case "t", "true", "y", "yes": return .choice(0)
            case "f", "false", "n", "no": return .choice(1)
            default: return .choice(try choiceIndex(text, count: item.order.count, hint: item.inputHint))
            }
        case .single:
            let tokens = Self.tokens(text)
            guard tokens.count == 1 else { throw .oneExpected(hint: item.inputHint) }
            return .choice(try choiceIndex(tokens[0], count: item.order.count, hint: item.inputHint))
        case .multiple:
            var picked = Set<Int>()
            for token in Self.tokens(text) {
                picked.insert(try choiceIndex(token, count: item.order.count, hint: item.inputHint))
            }
            return .choices(picked)
        }
    }

    private static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
    }

    private static func choiceIndex(_ token: String, count: Int, hint: String) throws(AnswerInputError) -> Int {
        let t = token.lowercased()
        if let n = Int(t) {
            guard n >= 1, n <= count else { throw .outOfRange(token, hint: hint) }
            return n - 1
        }
        if t.count == 1, let scalar = t.unicodeScalars.first, scalar.value >= 97, scalar.value < 97 + 26 {
            let index = Int(scalar.value) - 97
            guard index < count else { throw .outOfRange(token, hint: hint) }
            return index
        }
        throw .notAChoice(token, hint: hint)
    }

    /// A number as a person writes it: `0.25`, `3`, `1e-06`.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Why a typed line is not an answer; the message says what to type instead.
public enum AnswerInputError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty(hint: String)
    case notANumber(String)
    case notAChoice(String, hint: String)
    case outOfRange(String, hint: String)
    case oneExpected(hint: String)
    case wrongKind

    public var description: String {
        switch self {
        case .empty(let hint): return "No answer given; type \(hint)."
        case .notANumber(let text): return "'\(text)' is not a number; type a number such as 0.25 or -3."
        case .notAChoice(let token, let hint): return "'\(token)' is not an option; type \(hint)."
        case .outOfRange(let token, let hint): return "There is no option '\(token)'; type \(hint)."
        case .oneExpected(let hint): return "This question has one right answer; type \(hint)."
        case .wrongKind: return "That kind of answer does not fit this question."
        }
    }
}

/// What to tell the learner about one shown option after an answer.
public struct OptionFeedback: Hashable, Sendable {
    public var shownIndex: Int
    public var option: QuizOption
    public var chosen: Bool
    public var isCorrect: Bool { option.isCorrect }
}

/// The verdict on one answer, with everything the feedback screen shows.
public struct Grade: Hashable, Sendable {
    public var isCorrect: Bool
    public var answer: Answer
    /// The answer in words, e.g. `a) 2(3x + 1)` or `0.3`.
    public var givenText: String
    /// The right answer in words.
    public var correctAnswerText: String
    /// Options whose explanation to show, in shown order: the ones chosen, and the right ones missed.
    public var feedback: [OptionFeedback]
    /// For a numeric answer matching a known mistake (with the question's tolerance), that mistake.
    public var mistake: NumericMistake?
    /// The question's general explanation.
    public var explanation: String
    /// Indices into `question.options` of the options chosen (empty for numeric answers).
    public var chosenOptions: [Int]

    /// Grades `answer` for `item`. Throws `.wrongKind` when the answer's shape does not fit.
    public static func grade(_ answer: Answer, for item: PresentedQuestion) throws(AnswerInputError) -> Grade {
        let question = item.question
        switch (question.kind, answer) {
        case (.numeric, .number(let value)):
            guard let right = question.answer else { throw .wrongKind }
            let correct = right.accepts(value)
            let tolerance = NumericAnswer(value: 0, tolerance: right.tolerance)
            let mistake = correct ? nil : question.mistakes.first {
                NumericAnswer(value: $0.value, tolerance: tolerance.tolerance).accepts(value)
            }
            return Grade(isCorrect: correct, answer: answer, givenText: Answer.format(value),
                         correctAnswerText: item.correctAnswerText, feedback: [], mistake: mistake,
                         explanation: question.explanation, chosenOptions: [])
        case (.single, .choice(let shown)), (.trueFalse, .choice(let shown)):
            return try choiceGrade(answer, picked: [shown], item: item)
        case (.multiple, .choices(let shown)):
            return try choiceGrade(answer, picked: shown, item: item)
        case (.multiple, .choice(let shown)):
            return try choiceGrade(.choices([shown]), picked: [shown], item: item)
        default:
            throw .wrongKind
        }
    }

    private static func choiceGrade(_ answer: Answer, picked: Set<Int>, item: PresentedQuestion) throws(AnswerInputError) -> Grade {
        guard picked.allSatisfy({ item.order.indices.contains($0) }) else { throw .wrongKind }
        let right = item.correctShownIndices
        let feedback = item.order.indices.compactMap { shown -> OptionFeedback? in
            let option = item.question.options[item.order[shown]]
            let chosen = picked.contains(shown)
            return chosen || option.isCorrect ? OptionFeedback(shownIndex: shown, option: option, chosen: chosen) : nil
        }
        return Grade(isCorrect: picked == right, answer: answer,
                     givenText: picked.sorted().map { item.describe(shown: $0) }.joined(separator: "; "),
                     correctAnswerText: item.correctAnswerText, feedback: feedback, mistake: nil,
                     explanation: item.question.explanation, chosenOptions: picked.sorted().map { item.order[$0] })
    }
}

/// One answered question in an attempt.
public struct QuestionResult: Hashable, Sendable {
    public var item: PresentedQuestion
    public var grade: Grade
    public var answeredAt: Date
}

/// The end of an attempt: score, time and what was missed.
public struct QuizSummary: Hashable, Sendable {
    public var correct: Int
    public var answered: Int
    public var total: Int
    public var duration: TimeInterval
    /// Missed questions in the order asked, with the right answer and explanation in their grade.
    public var missed: [QuestionResult]

    /// e.g. `7/10 right in 3 min 12 s`.
    public var scoreLine: String {
        let seconds = max(0, Int(duration.rounded()))
        let time = seconds >= 60 ? "\(seconds / 60) min \(seconds % 60) s" : "\(seconds) s"
        let unanswered = total - answered
        return "\(correct)/\(total) right in \(time)" + (unanswered > 0 ? " (\(unanswered) not answered)" : "")
    }
}

/// Why an attempt refused an answer.
public enum QuizSessionError: Error, Hashable, Sendable, CustomStringConvertible {
    case finished
    case invalid(AnswerInputError)

    public var description: String {
        switch self {
        case .finished: return "The quiz is over; start a new attempt or retry the missed questions."
        case .invalid(let error): return error.description
        }
    }
}

/// One attempt at a list of questions: pure state, no I/O, so the TUI screen, the line-mode runner
/// and the review queue share it and tests drive it directly.
public struct QuizSession: Hashable, Sendable {
    /// The questions in the order asked, options shuffled for this attempt.
    public private(set) var items: [PresentedQuestion]
    /// Answers so far, in order (`results.count` is the index of the current question).
    public private(set) var results: [QuestionResult] = []
    public let seed: UInt64
    public let startedAt: Date

    /// Starts an attempt. The seed fixes the option order; use a fresh one per attempt
    /// (e.g. from the clock) and a fixed one in tests.
    public init(questions: [Question], seed: UInt64, startedAt: Date) {
        var generator = SplitMix64(seed: seed)
        self.items = questions.map { PresentedQuestion(question: $0, using: &generator) }
        self.seed = seed
        self.startedAt = startedAt
    }

    public var currentIndex: Int { results.count }
    /// The question on screen, or nil when every question has been answered.
    public var current: PresentedQuestion? { currentIndex < items.count ? items[currentIndex] : nil }
    public var isFinished: Bool { currentIndex >= items.count }

    /// Grades an answer to the current question, records it and moves on.
    @discardableResult
    public mutating func answer(_ answer: Answer, at date: Date) throws(QuizSessionError) -> Grade {
        guard let item = current else { throw .finished }
        let grade: Grade
        do { grade = try Grade.grade(answer, for: item) } catch { throw .invalid(error) }
        results.append(QuestionResult(item: item, grade: grade, answeredAt: date))
        return grade
    }

    /// Score, time and missed questions. Before the end it summarises what was answered.
    public func summary(at date: Date) -> QuizSummary {
        let end = isFinished ? (results.last?.answeredAt ?? date) : date
        return QuizSummary(correct: results.filter(\.grade.isCorrect).count, answered: results.count, total: items.count,
                           duration: end.timeIntervalSince(startedAt), missed: results.filter { !$0.grade.isCorrect })
    }

    /// A new attempt at just the questions missed so far, reshuffled; nil when none were missed.
    public func retryingMissed(seed: UInt64, startedAt: Date) -> QuizSession? {
        let missed = results.filter { !$0.grade.isCorrect }.map(\.item.question)
        return missed.isEmpty ? nil : QuizSession(questions: missed, seed: seed, startedAt: startedAt)
    }
}
