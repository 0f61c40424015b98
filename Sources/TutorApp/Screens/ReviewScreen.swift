import Curriculum
import Foundation
import Progress
import Terminal

/// The questions due for spaced review (Leitner boxes; see Docs/PROGRESS-FORMAT.md), asked like a
/// quiz. With nothing due it says so and when the schedule brings questions back.
public struct ReviewScreen: Screen {
    public private(set) var quiz: QuizScreen?

    /// Reviews the learner's due questions (`context.learner.reviewQueue`), most overdue first.
    public init(context: AppContext, seed: UInt64, now: @escaping () -> Date = { Date() }) {
        let questions = context.learner.reviewQueue.compactMap { context.curriculum.question($0)?.1 }
        quiz = questions.isEmpty ? nil : QuizScreen(questions: questions, mode: .review, heading: "Review", seed: seed, now: now)
    }

    public var title: String { "Review" }
    public var position: String { quiz?.position ?? "" }
    public var capturesText: Bool { quiz?.capturesText ?? false }
    public var hints: [KeyHint] { quiz?.hints ?? [KeyHint("Enter", "back")] }

    public mutating func handle(_ event: Event, context: AppContext) -> [AppCommand] {
        guard var inner = quiz else {
            if case .key(.enter) = event { return [.pop] }
            return []
        }
        let commands = inner.handle(event, context: context)
        quiz = inner
        return commands
    }

    public func render(into buffer: inout Buffer, area: Rect, context: AppContext) {
        if let quiz {
            quiz.render(into: &buffer, area: area, context: context)
            return
        }
        let inner = area.inset(left: 2, right: 2)
        guard inner.height >= 3 else { return }
        buffer.write("No reviews due.", x: inner.x, y: inner.y, style: Theme.heading)
        let lines = TextWrapper.wrap("Missed questions come back here: at once after a miss, then after 1, 3, 7 and 21 days as you answer them right.", width: inner.width)
        for (i, line) in lines.prefix(inner.height - 2).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + 2 + i, style: Theme.muted)
        }
    }
}
