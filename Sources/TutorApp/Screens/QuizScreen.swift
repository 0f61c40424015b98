import Curriculum
import Foundation
import Progress
import Terminal

/// A section quiz (or the review queue) in the full-screen tutor.
///
/// Keys: `a`–`z` or `1`–`9` pick an option (multiple select: toggle), ↑↓ and Space do the same
/// with a cursor, digits go into the number field of a numeric question, Enter confirms. After each
/// answer the screen shows the verdict and every relevant explanation; after the last, the score,
/// the time, the missed questions, and `r` to retry them. Every answer is recorded the moment it
/// is confirmed, so leaving mid-quiz (Esc) loses nothing. All state lives in this value, so a
/// resize only redraws.
public struct QuizScreen: Screen {
    public enum Mode: Hashable, Sendable {
        case quiz(sectionID: String)
        case review
    }

    public enum Phase: Hashable {
        case asking
        case feedback(Grade)
        case summary
    }

    public private(set) var session: QuizSession
    public private(set) var phase: Phase = .asking
    /// Shown positions picked so far for the current question.
    public private(set) var selection: Set<Int> = []
    public private(set) var cursor = 0
    /// What has been typed for a numeric question.
    public private(set) var numberField = ""
    /// Why the last Enter was not accepted.
    public private(set) var inputError: String?
    public let mode: Mode
    private let heading: String
    private let now: () -> Date
    private var scroll = 0
    private var retries = 0

    public init(questions: [Question], mode: Mode, heading: String, seed: UInt64, now: @escaping () -> Date = { Date() }) {
        self.session = QuizSession(questions: questions, seed: seed, startedAt: now())
        self.mode = mode
        self.heading = heading
        self.now = now
    }

    /// The quiz of one section, or why it cannot be opened.
    public static func section(_ id: String, context: AppContext, seed: UInt64, now: @escaping () -> Date = { Date() }) -> Result<any Screen, OpenError> {
        guard let section = context.curriculum.section(id) else { return .failure(OpenError("no section '\(id)'")) }
        guard !section.quiz.questions.isEmpty else { return .failure(OpenError("the section '\(section.title)' has no quiz questions yet")) }
        return .success(QuizScreen(questions: section.quiz.questions, mode: .quiz(sectionID: id), heading: "Quiz: \(section.title)", seed: seed, now: now))
    }

    public var title: String { heading }

    public var position: String {
        switch phase {
        case .summary: return "done"
        case .feedback: return "\(session.currentIndex)/\(session.items.count)"
        default: return "\(min(session.currentIndex + 1, session.items.count))/\(session.items.count)"
        }
    }

    private var isNumeric: Bool { session.current?.question.kind == .numeric }

    public var capturesText: Bool { phase == .asking && isNumeric }

    public var hints: [KeyHint] {
        switch phase {
        case .asking where isNumeric: return [KeyHint("type", "a number"), KeyHint("Enter", "confirm")]
        case .asking:
            let count = session.current?.order.count ?? 0
            let last = PresentedQuestion.label(max(0, count - 1))
            let multiple = session.current?.question.kind == .multiple
            return [KeyHint("a–\(last)/1–\(count)", multiple ? "toggle" : "pick"), KeyHint("Enter", "confirm"), KeyHint("Esc", "leave")]
        case .feedback: return [KeyHint("Enter", session.isFinished ? "score" : "next"), KeyHint("↑↓", "scroll")]
        case .summary:
            return (session.summary(at: now()).missed.isEmpty ? [] : [KeyHint("r", "retry missed")]) + [KeyHint("Enter", "done"), KeyHint("↑↓", "scroll")]
        }
    }

    public mutating func handle(_ event: Event, context: AppContext) -> [AppCommand] {
        guard case .key(let key) = event else { return [] }
        switch phase {
        case .asking: return handleAsking(key, context: context)
        case .feedback:
            switch key {
            case .enter, .character(" "), .right:
                scroll = 0
                if session.isFinished {
                    phase = .summary
                    if case .quiz(let sectionID) = mode {
                        return [.record(.quizFinished(QuizCompletionRecord(session: session, sectionID: sectionID, at: now(), attempt: session.attemptID)))]
                    }
                } else {
                    phase = .asking
                }
            case .up, .character("k"): scroll = max(0, scroll - 1)
            case .down, .character("j"): scroll += 1
            default: break
            }
            return []
        case .summary:
            switch key {
            case .character("r"):
                let seed = session.seed &+ 0x9E37_79B9 &+ UInt64(retries)
                guard let retry = session.retryingMissed(seed: seed, startedAt: now()) else { return [] }
                retries += 1
                session = retry
                resetInput()
                phase = .asking
                scroll = 0
            case .enter: return [.pop]
            case .up, .character("k"): scroll = max(0, scroll - 1)
            case .down, .character("j"): scroll += 1
            default: break
            }
            return []
        }
    }

    private mutating func resetInput() {
        selection = []
        cursor = 0
        numberField = ""
        inputError = nil
    }

    private mutating func handleAsking(_ key: Key, context: AppContext) -> [AppCommand] {
        guard let item = session.current else { return [] }
        let count = item.order.count
        if item.question.kind == .numeric {
            switch key {
            case .character(let c) where c.isNumber || ".,-+eE−".contains(c):
                numberField.append(c)
                inputError = nil
            case .backspace:
                if !numberField.isEmpty { numberField.removeLast() }
            case .control("u"):
                numberField = ""
            case .enter:
                return confirm(numberField, item: item, context: context)
            default: break
            }
            return []
        }
        switch key {
        case .character(let c):
            let text = String(c).lowercased()
            var index: Int?
            if let digit = Int(text), digit >= 1, digit <= min(9, count) { index = digit - 1 }
            if let scalar = text.unicodeScalars.first, text.count == 1, scalar.value >= 97, Int(scalar.value) - 97 < count { index = Int(scalar.value) - 97 }
            if c == " " { index = cursor }
            guard let index else { return [] }
            pick(index, kind: item.question.kind)
        case .up: cursor = max(0, cursor - 1)
        case .down, .tab: cursor = min(count - 1, cursor + 1)
        case .enter:
            guard !selection.isEmpty else {
                inputError = "Pick an option first: \(item.inputHint)."
                return []
            }
            let answer: Answer = item.question.kind == .multiple ? .choices(selection) : .choice(selection.first ?? 0)
            return record(answer, item: item, context: context)
        default: break
        }
        return []
    }

    private mutating func pick(_ index: Int, kind: QuestionKind) {
        cursor = index
        inputError = nil
        if kind == .multiple {
            if selection.contains(index) { selection.remove(index) } else { selection.insert(index) }
        } else {
            selection = [index]
        }
    }

    private mutating func confirm(_ text: String, item: PresentedQuestion, context: AppContext) -> [AppCommand] {
        do {
            return record(try Answer.parse(text, for: item), item: item, context: context)
        } catch {
            inputError = error.description
            return []
        }
    }

    private mutating func record(_ answer: Answer, item: PresentedQuestion, context: AppContext) -> [AppCommand] {
        let grade: Grade
        do {
            grade = try session.answer(answer, at: now())
        } catch {
            inputError = error.description
            return []
        }
        guard let result = session.results.last else { return [] }
        let sectionID: String
        let recordMode: AnswerRecord.Mode
        switch mode {
        case .quiz(let id): sectionID = id; recordMode = .quiz
        case .review: sectionID = context.curriculum.question(item.question.id)?.0.id ?? ""; recordMode = .review
        }
        phase = .feedback(grade)
        resetInput()
        scroll = 0
        return [.record(.answered(AnswerRecord(result: result, sectionID: sectionID, mode: recordMode, attempt: session.attemptID)))]
    }

    // MARK: Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: AppContext) {
        let inner = area.inset(left: 2, right: 2)
        guard inner.width > 4, inner.height > 0 else { return }
        let all = lines(width: inner.width, context: context)
        // Keep the input line (or the verdict) in view: while asking, show the end if it overflows.
        let maxScroll = max(0, all.count - inner.height)
        let top = phase == .asking ? maxScroll : min(scroll, maxScroll)
        for (i, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + i, clip: Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1))
        }
        if all.count > inner.height {
            ListScrolling.drawScrollBar(into: &buffer, area: area, top: top, visible: inner.height, total: all.count, glyphs: context.glyphs)
        }
    }

    /// Everything the screen shows, wrapped to `width`; `render` shows the part that fits.
    func lines(width: Int, context: AppContext) -> [StyledLine] {
        var out: [StyledLine] = []
        func paragraph(_ text: String, style: Style = .plain, indent: String = "") {
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let wrapped = TextWrapper.wrap(String(raw), width: max(4, width - DisplayWidth.of(indent)))
                for (k, piece) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    out.append(StyledLine(k == 0 ? indent + piece : String(repeating: " ", count: DisplayWidth.of(indent)) + piece, style: style))
                }
            }
        }
        let glyphs = context.glyphs
        if phase == .summary {
            let summary = session.summary(at: now())
            out.append(StyledLine("Score: \(summary.scoreLine)", style: Theme.heading))
            out.append("")
            if summary.missed.isEmpty {
                out.append(StyledLine("\(glyphs.check) Every answer was right.", style: Theme.right))
            } else {
                out.append(StyledLine("Missed (\(summary.missed.count)); they are in your review queue:", style: Theme.strong))
                for missed in summary.missed {
                    out.append("")
                    paragraph(missed.item.question.prompt.plainText, style: Theme.strong, indent: "\(glyphs.bullet) ")
                    paragraph("You answered: \(missed.grade.givenText)", style: Theme.wrong, indent: "  ")
                    paragraph("Right answer: \(missed.grade.correctAnswerText)", style: Theme.right, indent: "  ")
                    paragraph(missed.grade.explanation, style: Theme.muted, indent: "  ")
                }
                out.append("")
                out.append(StyledLine("Press r to retry the \(summary.missed.count) missed question\(summary.missed.count == 1 ? "" : "s"), Enter to finish.", style: Theme.accent))
            }
            return out
        }

        let item: PresentedQuestion
        let grade: Grade?
        switch phase {
        case .feedback(let g):
            guard let last = session.results.last else { return out }
            item = last.item
            grade = g
        default:
            guard let current = session.current else { return out }
            item = current
            grade = nil
        }
        let number = grade == nil ? session.currentIndex + 1 : session.currentIndex
        let topic = context.curriculum.lesson(item.question.topic)?.title ?? item.question.topic
        out.append(StyledLine("Question \(number) of \(session.items.count) \(glyphs.vertical) \(topic)", style: Theme.muted))
        out.append("")
        paragraph(item.question.prompt.plainText, style: Theme.strong)
        out.append("")

        if item.question.kind == .numeric {
            if let grade {
                out.append(StyledLine("Your answer: \(grade.givenText)", style: grade.isCorrect ? Theme.right : Theme.wrong))
            } else {
                var line = StyledLine("Your answer: ", style: Theme.strong)
                line.append("[ \(numberField)_ ]", style: Theme.selected)
                out.append(line)
            }
        } else {
            let multiple = item.question.kind == .multiple
            let chosen = grade.map { Set($0.feedback.filter(\.chosen).map(\.shownIndex)) } ?? selection
            for (index, option) in item.shownOptions.enumerated() {
                let picked = chosen.contains(index)
                let box = multiple ? (picked ? "[x]" : "[ ]") : (picked ? "(*)" : "( )")
                var style: Style = .plain
                var mark = "  "
                if grade != nil {
                    if option.isCorrect { style = Theme.right; mark = glyphs.check + " " } else if picked { style = Theme.wrong; mark = glyphs.isASCII ? "! " : "✗ " }
                } else if index == cursor {
                    style = Theme.selected
                }
                let prefix = "\(mark)\(box) \(PresentedQuestion.label(index))) "
                let wrapped = TextWrapper.wrap(option.text.plainText, width: max(4, width - DisplayWidth.of(prefix)))
                for (k, piece) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    out.append(StyledLine((k == 0 ? prefix : String(repeating: " ", count: DisplayWidth.of(prefix))) + piece, style: style))
                }
                if let grade, picked || option.isCorrect, let feedback = grade.feedback.first(where: { $0.shownIndex == index }) {
                    paragraph(feedback.option.explanation, style: Theme.muted, indent: String(repeating: " ", count: DisplayWidth.of(prefix)))
                }
            }
        }

        if let grade {
            out.append("")
            if grade.isCorrect {
                out.append(StyledLine("\(glyphs.check) Right.", style: Theme.right))
            } else {
                paragraph("Not right. The right answer: \(grade.correctAnswerText)", style: Theme.wrong)
            }
            if let mistake = grade.mistake { paragraph(mistake.explanation, style: Theme.warning) }
            paragraph("Why: \(grade.explanation)")
            out.append("")
            out.append(StyledLine(session.isFinished ? "Press Enter for your score." : "Press Enter for the next question.", style: Theme.accent))
        } else if let inputError {
            out.append("")
            paragraph(inputError, style: Theme.error)
        }
        return out
    }
}
