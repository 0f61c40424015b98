import Foundation

/// One line of the progress file. Every record is a flat JSON object with `v` (the format version),
/// `kind` (which record) and `at` (when, ISO-8601 UTC); see Docs/PROGRESS-FORMAT.md.
///
/// Records are flat on purpose: a person can read and grep them, and the reader can parse 100,000
/// of them at start-up without a general JSON decoder (see `FlatJSON`).
public enum ProgressRecord: Hashable, Sendable {
    case header(ProgressHeader)
    case answer(AnswerRecord)
    case quizCompleted(QuizCompletionRecord)
    case lessonRead(LessonReadRecord)
    /// A lesson opened (for "continue where you left off").
    case lessonOpened(LessonReadRecord)
    case demoPrediction(DemoPredictionRecord)

    /// The format version this build writes and the newest it reads.
    public static let formatVersion = 1

    /// When the record was written.
    public var date: Date {
        switch self {
        case .header(let r): return r.created
        case .answer(let r): return r.at
        case .quizCompleted(let r): return r.at
        case .lessonRead(let r), .lessonOpened(let r): return r.at
        case .demoPrediction(let r): return r.at
        }
    }

    /// The record as one JSON line, without the newline. Keys are in a fixed order for diffs.
    public var jsonLine: String {
        var w = FlatJSON.Writer()
        w.add("v", ProgressRecord.formatVersion)
        switch self {
        case .header(let r):
            w.add("kind", "header"); w.add("at", r.created); w.add("format", ProgressHeader.formatName)
        case .answer(let r):
            w.add("kind", "answer"); w.add("at", r.at)
            w.add("question", r.questionID); w.add("section", r.sectionID); w.add("topic", r.topic)
            w.add("correct", r.correct); w.add("given", r.given)
            if !r.choices.isEmpty { w.add("choices", r.choices.map(String.init).joined(separator: ",")) }
            w.add("mode", r.mode.rawValue)
            if let attempt = r.attempt { w.add("attempt", attempt) }
        case .quizCompleted(let r):
            w.add("kind", "quiz"); w.add("at", r.at); w.add("section", r.sectionID)
            w.add("correct", r.correct); w.add("answered", r.answered); w.add("total", r.total)
            w.add("seconds", r.seconds); w.add("finished", r.finished)
            if let attempt = r.attempt { w.add("attempt", attempt) }
        case .lessonRead(let r):
            w.add("kind", "lesson"); w.add("at", r.at); w.add("lesson", r.lessonID); w.add("section", r.sectionID)
        case .lessonOpened(let r):
            w.add("kind", "opened"); w.add("at", r.at); w.add("lesson", r.lessonID); w.add("section", r.sectionID)
        case .demoPrediction(let r):
            w.add("kind", "prediction"); w.add("at", r.at); w.add("demo", r.demoID)
            if let lesson = r.lessonID { w.add("lesson", lesson) }
            w.add("prediction", r.prediction)
            if let correct = r.correct { w.add("correct", correct) }
        }
        return w.finish()
    }

    /// Reads one line. Throws with a message naming what is missing or malformed.
    public init(jsonLine bytes: UnsafeBufferPointer<UInt8>) throws(RecordError) {
        try self.init(jsonLine: bytes, interner: nil)
    }

    init(jsonLine bytes: UnsafeBufferPointer<UInt8>, interner: StringInterner?) throws(RecordError) {
        let object: FlatJSON.Object
        do { object = try FlatJSON.parse(bytes, interner: interner) } catch { throw .notJSON(error.description) }
        try self.init(object: object)
    }

    /// Reads one line given as a string.
    public init(jsonLine: String) throws(RecordError) {
        var text = jsonLine
        let result: Result<ProgressRecord, RecordError> = text.withUTF8 { bytes in
            do throws(RecordError) { return .success(try ProgressRecord(jsonLine: bytes)) } catch { return .failure(error) }
        }
        self = try result.get()
    }

    init(object o: FlatJSON.Object) throws(RecordError) {
        let version = try o.int("v")
        guard version >= 1 else { throw .invalid("'v' must be 1 or more") }
        guard version <= ProgressRecord.formatVersion else { throw .newerVersion(version) }
        let kind = try o.string("kind")
        let at = try o.date("at")
        switch kind {
        case "header":
            self = .header(ProgressHeader(created: at))
        case "answer":
            let choices = try o.intList("choices")
            let mode: AnswerRecord.Mode
            switch try o.optionalString("mode") {
            case nil, "quiz": mode = .quiz
            case "review": mode = .review
            default: throw .invalid("'mode' must be quiz or review")
            }
            self = .answer(AnswerRecord(at: at, questionID: try o.string("question"), sectionID: try o.string("section"),
                                        topic: try o.string("topic"), correct: try o.bool("correct"),
                                        given: try o.optionalString("given") ?? "", choices: choices, mode: mode,
                                        attempt: try o.optionalString("attempt")))
        case "quiz":
            self = .quizCompleted(QuizCompletionRecord(at: at, sectionID: try o.string("section"), correct: try o.int("correct"),
                                                       answered: try o.int("answered"), total: try o.int("total"),
                                                       seconds: try o.int("seconds"), finished: try o.optionalBool("finished") ?? true,
                                                       attempt: try o.optionalString("attempt")))
        case "lesson":
            self = .lessonRead(LessonReadRecord(at: at, lessonID: try o.string("lesson"), sectionID: try o.string("section")))
        case "opened":
            self = .lessonOpened(LessonReadRecord(at: at, lessonID: try o.string("lesson"), sectionID: try o.string("section")))
        case "prediction":
            self = .demoPrediction(DemoPredictionRecord(at: at, demoID: try o.string("demo"), lessonID: try o.optionalString("lesson"),
                                                        prediction: try o.string("prediction"), correct: try o.optionalBool("correct")))
        default:
            throw .unknownKind(kind)
        }
    }
}

/// The first record of every progress file.
public struct ProgressHeader: Hashable, Sendable {
    public static let formatName = "aitutor-progress"
    public var created: Date
    public init(created: Date) { self.created = created }
}

/// One answer to one quiz or review question, appended the moment it is given.
public struct AnswerRecord: Hashable, Sendable {
    /// Where the answer was given. Both count as evidence; the review queue uses both.
    public enum Mode: String, Hashable, Sendable { case quiz, review }

    public var at: Date
    public var questionID: String
    public var sectionID: String
    /// The lesson id the question measures.
    public var topic: String
    public var correct: Bool
    /// The answer in words as shown to the learner, e.g. `b) 6(3x + 1)` or `0.3`.
    public var given: String
    /// Indices of the chosen options in the quiz file's order (not the shuffled order); empty for numbers.
    public var choices: [Int]
    public var mode: Mode
    /// Groups the answers of one attempt (the attempt's start time and seed).
    public var attempt: String?

    public init(at: Date, questionID: String, sectionID: String, topic: String, correct: Bool, given: String,
                choices: [Int] = [], mode: Mode = .quiz, attempt: String? = nil) {
        self.at = at
        self.questionID = questionID
        self.sectionID = sectionID
        self.topic = topic
        self.correct = correct
        self.given = given
        self.choices = choices
        self.mode = mode
        self.attempt = attempt
    }
}

/// The end of a quiz attempt (or where input ended, with `finished` false).
public struct QuizCompletionRecord: Hashable, Sendable {
    public var at: Date
    public var sectionID: String
    public var correct: Int
    public var answered: Int
    public var total: Int
    public var seconds: Int
    public var finished: Bool
    public var attempt: String?

    public init(at: Date, sectionID: String, correct: Int, answered: Int, total: Int, seconds: Int, finished: Bool, attempt: String? = nil) {
        self.at = at
        self.sectionID = sectionID
        self.correct = correct
        self.answered = answered
        self.total = total
        self.seconds = seconds
        self.finished = finished
        self.attempt = attempt
    }
}

/// A lesson read to its end.
public struct LessonReadRecord: Hashable, Sendable {
    public var at: Date
    public var lessonID: String
    public var sectionID: String
    public init(at: Date, lessonID: String, sectionID: String) {
        self.at = at
        self.lessonID = lessonID
        self.sectionID = sectionID
    }
}

/// A prediction the learner made before running a demo ("will this learning rate diverge?").
public struct DemoPredictionRecord: Hashable, Sendable {
    public var at: Date
    public var demoID: String
    public var lessonID: String?
    public var prediction: String
    /// Whether the demo proved the prediction right, when it can tell.
    public var correct: Bool?
    public init(at: Date, demoID: String, lessonID: String? = nil, prediction: String, correct: Bool? = nil) {
        self.at = at
        self.demoID = demoID
        self.lessonID = lessonID
        self.prediction = prediction
        self.correct = correct
    }
}

/// Why one line of the progress file could not be read.
public enum RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    case notJSON(String)
    case missing(String)
    case invalid(String)
    case unknownKind(String)
    case newerVersion(Int)

    public var description: String {
        switch self {
        case .notJSON(let why): return "not a JSON record (\(why))"
        case .missing(let key): return "the record has no '\(key)'"
        case .invalid(let why): return why
        case .unknownKind(let kind): return "unknown record kind '\(kind)' (written by a newer aitutor?)"
        case .newerVersion(let v): return "record version \(v) is newer than this aitutor reads (\(ProgressRecord.formatVersion)); update aitutor"
        }
    }
}

extension FlatJSON.Object {
    func string(_ key: StaticString) throws(RecordError) -> String {
        guard let value = find(key) else { throw .missing("\(key)") }
        guard value.kind == .string || value.kind == .escapedString else { throw .invalid("'\(key)' must be a string") }
        return text(value)
    }
    func optionalString(_ key: StaticString) throws(RecordError) -> String? {
        guard let value = find(key), value.kind != .null else { return nil }
        guard value.kind == .string || value.kind == .escapedString else { throw .invalid("'\(key)' must be a string") }
        return text(value)
    }
    func int(_ key: StaticString) throws(RecordError) -> Int {
        guard let value = find(key) else { throw .missing("\(key)") }
        let n = value.number
        guard value.kind == .number, n == n.rounded(), abs(n) < 9e15 else { throw .invalid("'\(key)' must be a whole number") }
        return Int(n)
    }
    func bool(_ key: StaticString) throws(RecordError) -> Bool {
        guard let value = try optionalBool(key) else { throw .missing("\(key)") }
        return value
    }
    func optionalBool(_ key: StaticString) throws(RecordError) -> Bool? {
        guard let value = find(key), value.kind != .null else { return nil }
        guard value.kind == .bool else { throw .invalid("'\(key)' must be true or false") }
        return value.bool
    }
    func date(_ key: StaticString) throws(RecordError) -> Date {
        guard let value = find(key) else { throw .missing("\(key)") }
        if value.kind == .string, let date = Timestamp.parse(bytes: slice(value)) { return date }
        let shown = value.kind == .string || value.kind == .escapedString ? text(value) : "a non-string"
        throw .invalid("'\(key)' must be an ISO-8601 UTC time like 2026-01-31T09:15:00Z, not '\(shown)'")
    }
    /// Comma-separated whole numbers, parsed from the bytes.
    func intList(_ key: StaticString) throws(RecordError) -> [Int] {
        guard let value = find(key), value.kind != .null else { return [] }
        guard value.kind == .string else { throw .invalid("'\(key)' must be numbers separated by commas") }
        var result: [Int] = []
        var current = 0, digits = 0
        for b in slice(value) {
            if b >= 0x30 && b <= 0x39, digits < 9 { current = current * 10 + Int(b - 0x30); digits += 1 }
            else if b == UInt8(ascii: ","), digits > 0 { result.append(current); current = 0; digits = 0 }
            else { throw .invalid("'\(key)' must be numbers separated by commas") }
        }
        guard digits > 0 else { throw .invalid("'\(key)' must be numbers separated by commas") }
        result.append(current)
        return result
    }
}
