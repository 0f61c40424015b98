import Foundation

/// Spaced review with Leitner boxes.
///
/// Why Leitner rather than SM-2: five boxes with fixed intervals are easy to explain on one line
/// ("box 3 of 5: next in 3 days"), need no per-card ease factor that drifts with self-grading, and
/// quiz answers are right/wrong, not the 0–5 quality SM-2 expects.
///
/// The rules:
/// - A question enters the queue the first time it is missed (in a quiz or a review), in box 1,
///   and is due at once, like Anki's "again".
/// - A right answer moves it up one box; it is next due `intervals[box]` after that answer:
///   box 1: at once, box 2: 1 day, box 3: 3 days, box 4: 7 days, box 5: 21 days (it stays in 5).
/// - A miss sends it back to box 1, due at once.
/// - Questions never missed are not in the queue: the quizzes already showed they are known.
///
/// The queue is not stored: it is replayed from the answer records, so it can never disagree with them.
public struct ReviewScheduler: Sendable {
    /// Days until a card in box `n` (1-based) is due again after a right answer.
    public static let intervalDays: [Double] = [0, 1, 3, 7, 21]
    public static var boxCount: Int { intervalDays.count }

    /// One question in the queue.
    public struct Card: Hashable, Sendable {
        public var questionID: String
        public var sectionID: String
        public var topic: String
        /// 1 (just missed) to 5 (well known).
        public var box: Int
        public var due: Date
        public var lastAnswered: Date
        /// Order of entry into the queue, to keep ties stable.
        public var order: Int
    }

    /// Cards by question id.
    public private(set) var cards: [String: Card] = [:]

    public init() {}

    /// Replays answers in file order.
    public init(answers: [AnswerRecord]) {
        for answer in answers { record(answer) }
    }

    /// Applies one answer to the queue.
    public mutating func record(_ answer: AnswerRecord) {
        if let index = cards.index(forKey: answer.questionID) {
            // Update in place: one hash lookup per answer (start-up replays every answer).
            Self.apply(answer, to: &cards.values[index])
        } else if !answer.correct {
            cards[answer.questionID] = Card(questionID: answer.questionID, sectionID: answer.sectionID, topic: answer.topic,
                                            box: 1, due: answer.at, lastAnswered: answer.at, order: cards.count)
        }
    }

    private static func apply(_ answer: AnswerRecord, to card: inout Card) {
        if answer.correct {
            card.box = min(card.box + 1, boxCount)
            card.due = answer.at.addingTimeInterval(intervalDays[card.box - 1] * 86_400)
        } else {
            card.box = 1
            card.due = answer.at
        }
        card.lastAnswered = answer.at
        card.sectionID = answer.sectionID
        card.topic = answer.topic
    }

    /// The cards due at `date`, most overdue first.
    public func due(at date: Date) -> [Card] {
        cards.values.filter { $0.due <= date }.sorted { ($0.due, $0.order) < ($1.due, $1.order) }
    }

    /// How many reviews are due at `date` (the roadmap's "N reviews due").
    public func dueCount(at date: Date) -> Int {
        cards.values.reduce(0) { $0 + ($1.due <= date ? 1 : 0) }
    }

    /// When the next card not yet due becomes due, if any.
    public func nextDue(after date: Date) -> Date? {
        cards.values.map(\.due).filter { $0 > date }.min()
    }

    /// `box 3 of 5, next in 3 days` for one card.
    public static func describe(_ card: Card, now: Date) -> String {
        let seconds = card.due.timeIntervalSince(now)
        let when: String
        if seconds <= 0 { when = "due now" } else if seconds < 86_400 { when = "due in \(Int((seconds / 3600).rounded(.up))) h" } else {
            when = "due in \(Int((seconds / 86_400).rounded(.up))) days"
        }
        return "box \(card.box) of \(boxCount), \(when)"
    }
}
