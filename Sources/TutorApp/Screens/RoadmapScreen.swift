import Curriculum
import Terminal

/// The home screen: the roadmap's sections in order with their lessons, quizzes and progress, and
/// a "continue where you left off" line at the top.
public struct RoadmapScreen: Screen {
    enum Row: Hashable {
        case resume(String)
        case section(String)
        case lesson(String)
        case quiz(String)
        case demos
        case review
        case spacer
    }

    private(set) var rows: [Row]
    public private(set) var cursor: Int
    private var top = 0

    public init(context: AppContext) {
        rows = Self.rows(context: context)
        cursor = rows.firstIndex(where: { $0 != .spacer }) ?? 0
    }

    static func rows(context: AppContext) -> [Row] {
        var rows: [Row] = []
        let curriculum = context.curriculum
        if let resume = Self.resumeLesson(context: context) { rows.append(.resume(resume)) }
        if context.learner.reviewsDue > 0 { rows.append(.review) }
        if !context.demoCatalog.isEmpty { rows.append(.demos) }
        for section in curriculum.sections {
            rows.append(.spacer)
            rows.append(.section(section.id))
            rows += section.lessons.map { Row.lesson($0.id) }
            if !section.quiz.questions.isEmpty { rows.append(.quiz(section.id)) }
        }
        return rows
    }

    /// Where to continue: the lesson after the last one opened, or the last one if unread.
    static func resumeLesson(context: AppContext) -> String? {
        let curriculum = context.curriculum
        guard let last = context.learner.lastLesson, curriculum.lesson(last) != nil else {
            return curriculum.lessons.first?.id
        }
        if context.learner.readLessons.contains(last), let next = curriculum.lesson(after: last) { return next.id }
        return last
    }

    public var title: String { "Roadmap" }

    public var hints: [KeyHint] {
        [KeyHint("↑↓", "move"), KeyHint("Enter", "open"), KeyHint("/", "search")]
    }

    public mutating func handle(_ event: Event, context: AppContext) -> [AppCommand] {
        let newRows = Self.rows(context: context)
        if newRows != rows {
            let selected = rows.indices.contains(cursor) ? rows[cursor] : nil
            rows = newRows
            cursor = selected.flatMap { newRows.firstIndex(of: $0) } ?? min(cursor, rows.count - 1)
        }
        guard case .key(let key) = event else { return [] }
        let page = max(1, context.viewport.height - 2)
        switch key {
        case .up, .character("k"): move(by: -1)
        case .down, .character("j"): move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown, .character(" "): move(by: page)
        case .home, .character("g"): cursor = 0; move(by: 0)
        case .end, .character("G"): cursor = rows.count - 1; move(by: 0, backwards: true)
        case .enter, .right, .character("l"):
            guard rows.indices.contains(cursor) else { return [] }
            switch rows[cursor] {
            case .resume(let id), .lesson(let id): return [.open(.lesson(id))]
            case .section(let id): return [.open(.section(id))]
            case .quiz(let id): return [.open(.quiz(id))]
            case .demos: return [.open(.demoIndex)]
            case .review: return [.open(.review)]
            case .spacer: return []
            }
        default: break
        }
        top = ListScrolling.offset(cursor: cursor, previous: top, height: context.viewport.height, count: rows.count)
        return []
    }

    private mutating func move(by delta: Int, backwards: Bool = false) {
        guard !rows.isEmpty else { return }
        var next = min(max(cursor + delta, 0), rows.count - 1)
        let step = (delta < 0 || backwards) ? -1 : 1
        while rows[next] == .spacer {
            let candidate = next + step
            if candidate < 0 || candidate >= rows.count { break }
            next = candidate
        }
        if rows[next] != .spacer { cursor = next }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: AppContext) {
        let glyphs = context.glyphs
        let listArea = area.inset(left: 1, right: 1)
        let offset = ListScrolling.offset(cursor: cursor, previous: top, height: listArea.height, count: rows.count)
        let curriculum = context.curriculum
        let learner = context.learner
        for (i, row) in rows.enumerated().dropFirst(offset).prefix(listArea.height) {
            let y = listArea.y + i - offset
            let selected = i == cursor
            var line = StyledLine()
            var right = StyledLine()
            switch row {
            case .spacer:
                continue
            case .resume(let id):
                let title = curriculum.lesson(id)?.title ?? id
                let verb = learner.lastLesson == nil ? "Start here" : "Continue where you left off"
                line.append("\(glyphs.play) \(verb): ", style: Theme.accent)
                line.append(title, style: Theme.strong)
            case .review:
                line.append("\(glyphs.play) \(learner.reviewsDue) review\(learner.reviewsDue == 1 ? "" : "s") due", style: Theme.warning)
            case .demos:
                line.append("\(glyphs.play) Live demos (\(context.demoCatalog.count))", style: Theme.demoCard.adding(.bold))
            case .section(let id):
                guard let section = curriculum.section(id) else { continue }
                line.append(String(format: "%2d  ", section.number), style: Theme.heading)
                line.append(section.title, style: Theme.heading)
                let read = section.lessons.filter { learner.readLessons.contains($0.id) }.count
                let status = learner.sections[id] ?? LearnerSnapshot.SectionStatus()
                let barWidth = listArea.width >= 70 ? 10 : 5
                right.append(ListScrolling.bar(section.lessons.isEmpty ? 0 : Double(read) / Double(section.lessons.count), width: barWidth, glyphs: glyphs), style: Theme.accent)
                right.append(" \(read)/\(section.lessons.count) read", style: Theme.muted)
                if listArea.width >= 60 {
                    let mastery = status.mastery.map { "  mastery \(Int(($0 * 100).rounded()))%" } ?? "  mastery unknown"
                    right.append(TextWrapper.pad(mastery, to: 18), style: status.mastery == nil ? Theme.muted : Theme.strong)
                }
            case .lesson(let id):
                guard let lesson = curriculum.lesson(id) else { continue }
                let done = learner.readLessons.contains(id)
                line.append("    " + (done ? glyphs.check : " ") + " ", style: Theme.accent)
                line.append(lesson.title)
                if listArea.width >= 60 { right.append("\(lesson.readingMinutes) min", style: Theme.muted) }
            case .quiz(let id):
                guard let section = curriculum.section(id) else { continue }
                let status = learner.sections[id]
                line.append("      Quiz: \(section.quiz.questions.count) questions", style: Theme.warning)
                if let status, status.answered > 0 {
                    right.append("\(status.correct)/\(status.answered) right", style: Theme.muted)
                }
            }
            let rightWidth = right.width
            let leftRoom = max(0, listArea.width - rightWidth - 2)
            if selected { buffer.fill(Rect(x: listArea.x, y: y, width: listArea.width - 1, height: 1), with: Cell(" ", style: Theme.selected)) }
            let base = selected ? Theme.selected : Style.plain
            buffer.write(line, x: listArea.x, y: y, base: base, clip: Rect(x: listArea.x, y: y, width: leftRoom, height: 1))
            if rightWidth > 0 && rightWidth < listArea.width - 10 {
                buffer.write(right, x: listArea.maxX - rightWidth - 2, y: y, base: base)
            }
        }
        ListScrolling.drawScrollBar(into: &buffer, area: area, top: offset, visible: listArea.height, total: rows.count, glyphs: glyphs)
    }
}
