import Curriculum
import Terminal

/// The lesson reader: a lesson (or a section's overview page) laid out for the window, scrolled
/// with the usual keys, with demo cards that open the live demo.
public struct LessonScreen: Screen {
    public enum Page: Hashable, Sendable {
        case lesson(String)
        case overview(String)
    }

    public let page: Page
    public let title: String
    /// The first visible line.
    public private(set) var top = 0
    /// The demo card selected with Tab, as an index into the page's demos.
    public private(set) var focusedDemo: Int?
    private var reportedRead = false
    private let cache = LayoutCache()

    public init(page: Page, context: AppContext) {
        self.page = page
        let curriculum = context.curriculum
        switch page {
        case .lesson(let id):
            let section = curriculum.section(containing: id)?.title ?? ""
            self.title = "\(section) › \(curriculum.lesson(id)?.title ?? id)"
        case .overview(let id):
            self.title = curriculum.section(id)?.title ?? id
        }
    }

    /// Lines laid out for a width, kept between frames: layout is the costly part of drawing.
    final class LayoutCache {
        var width = -1
        var unicode = true
        /// The top line and height last drawn, for the position shown in the title bar.
        var shown: (top: Int, height: Int) = (0, 0)
        var layout = RenderedDocument(lines: [], demos: [], headings: [])
    }

    static let maxTextWidth = 96

    /// The text column: at most 96 columns wide, with a margin of 2 and room for the scroll bar.
    static func textArea(_ area: Rect) -> Rect {
        let inner = area.inset(left: 2, right: 3)
        return Rect(x: inner.x, y: inner.y, width: min(inner.width, maxTextWidth), height: inner.height)
    }

    func layout(width: Int, context: AppContext) -> RenderedDocument {
        if cache.width == width && cache.unicode == context.capabilities.unicode { return cache.layout }
        let renderer = DocumentRenderer(width: width, glyphs: context.glyphs)
        var header: [StyledLine] = []
        var document = Document()
        let curriculum = context.curriculum
        switch page {
        case .lesson(let id):
            if let lesson = curriculum.lesson(id), let section = curriculum.section(containing: id) {
                let index = (section.lessons.firstIndex { $0.id == id } ?? 0) + 1
                header += TextWrapper.wrap(StyledLine(lesson.title, style: Theme.heading), width: width)
                header.append(StyledLine("\(section.title) \(context.glyphs.vertical) lesson \(index) of \(section.lessons.count) \(context.glyphs.vertical) \(lesson.readingMinutes) min read", style: Theme.muted))
                if !lesson.prerequisites.isEmpty {
                    let names = lesson.prerequisites.compactMap { curriculum.lesson($0)?.title }.joined(separator: ", ")
                    header += TextWrapper.wrap(StyledLine("Builds on: \(names)", style: Theme.muted), width: width)
                }
                document = lesson.document
            }
        case .overview(let id):
            if let section = curriculum.section(id) {
                header += TextWrapper.wrap(StyledLine("Section \(section.number): \(section.title)", style: Theme.heading), width: width)
                header.append(StyledLine("\(section.lessons.count) lessons \(context.glyphs.vertical) quiz of \(section.quiz.questions.count) questions", style: Theme.muted))
                document = section.overview
            }
        }
        header.append(StyledLine())
        var rendered = renderer.render(document)
        rendered.lines = header + rendered.lines + footer(width: width, context: context)
        rendered.demos = rendered.demos.map { .init(embed: $0.embed, lines: ($0.lines.lowerBound + header.count)..<($0.lines.upperBound + header.count)) }
        rendered.headings = rendered.headings.map { $0 + header.count }
        cache.width = width
        cache.unicode = context.capabilities.unicode
        cache.layout = rendered
        return rendered
    }

    private func footer(width: Int, context: AppContext) -> [StyledLine] {
        let g = context.glyphs
        var lines = [StyledLine(), StyledLine(String(repeating: g.horizontal, count: min(width, 40)), style: Theme.border)]
        let curriculum = context.curriculum
        switch page {
        case .lesson(let id):
            if let section = curriculum.section(containing: id), section.lessons.last?.id == id, !section.quiz.questions.isEmpty {
                lines.append(StyledLine("End of the \(section.title) lessons. Press t for the section quiz (\(section.quiz.questions.count) questions).", style: Theme.warning))
            }
            if let next = curriculum.lesson(after: id) {
                lines.append(StyledLine("Next (n): \(next.title)", style: Theme.accent))
            } else {
                lines.append(StyledLine("This is the last lesson of the roadmap.", style: Theme.accent))
            }
        case .overview(let id):
            if let first = curriculum.section(id)?.lessons.first {
                lines.append(StyledLine("Start the section (n): \(first.title)", style: Theme.accent))
            }
        }
        return lines.flatMap { TextWrapper.wrap($0, width: width) }
    }

    public var hints: [KeyHint] {
        [KeyHint("↑↓", "scroll"), KeyHint("Space", "page"), KeyHint("n/p", "next/prev"), KeyHint("Tab", "demo"), KeyHint("Esc", "back")]
    }

    public mutating func handle(_ event: Event, context: AppContext) -> [AppCommand] {
        let area = Self.textArea(Rect(size: context.viewport))
        let rendered = layout(width: area.width, context: context)
        let height = area.height
        let maxTop = max(0, rendered.lines.count - height)
        var commands: [AppCommand] = []
        if case .key(let key) = event {
            switch key {
            case .down, .character("j"): top += 1
            case .up, .character("k"): top -= 1
            case .pageDown, .character(" "), .control("f"): top += max(1, height - 2)
            case .pageUp, .character("b"), .control("b"): top -= max(1, height - 2)
            case .home, .character("g"): top = 0
            case .end, .character("G"): top = maxTop
            case .character("]"):
                if let next = rendered.headings.first(where: { $0 > top }) { top = next }
            case .character("["):
                if let previous = rendered.headings.last(where: { $0 < top }) { top = previous }
            case .tab, .backTab:
                if !rendered.demos.isEmpty {
                    let count = rendered.demos.count
                    let visibleFirst = rendered.demos.firstIndex { $0.lines.lowerBound >= top } ?? 0
                    if let current = focusedDemo {
                        focusedDemo = (current + (key == .tab ? 1 : count - 1)) % count
                    } else {
                        focusedDemo = key == .tab ? visibleFirst : (visibleFirst + count - 1) % count
                    }
                    if let f = focusedDemo {
                        let lines = rendered.demos[f].lines
                        if lines.lowerBound < top || lines.upperBound > top + height { top = max(0, lines.lowerBound - 2) }
                    }
                } else {
                    commands.append(.message("this page has no live demo", isError: false))
                }
            case .enter:
                if let f = focusedDemo, rendered.demos.indices.contains(f) {
                    let embed = rendered.demos[f].embed
                    commands.append(.open(.demo(embed.demoID, embed.settings)))
                } else if let first = rendered.demos.first(where: { $0.lines.lowerBound >= top && $0.lines.upperBound <= top + height }) {
                    commands.append(.open(.demo(first.embed.demoID, first.embed.settings)))
                }
            case .character("n"), .right:
                commands += neighbour(after: true, context: context)
            case .character("p"), .left:
                commands += neighbour(after: false, context: context)
            case .character("t"):
                if let section = sectionID(context: context) { commands.append(.open(.quiz(section))) }
            default: break
            }
        }
        top = min(max(top, 0), maxTop)
        if case .lesson(let id) = page, !reportedRead, top >= maxTop {
            reportedRead = true
            commands.append(.record(.lessonRead(id)))
        }
        return commands
    }

    private func sectionID(context: AppContext) -> String? {
        switch page {
        case .lesson(let id): return context.curriculum.section(containing: id)?.id
        case .overview(let id): return id
        }
    }

    private func neighbour(after: Bool, context: AppContext) -> [AppCommand] {
        let curriculum = context.curriculum
        switch page {
        case .lesson(let id):
            if let lesson = after ? curriculum.lesson(after: id) : curriculum.lesson(before: id) {
                return [.replace(LessonScreen(page: .lesson(lesson.id), context: context)), .record(.lessonOpened(lesson.id))]
            }
            return [.message(after ? "this is the last lesson" : "this is the first lesson", isError: false)]
        case .overview(let id):
            if after, let first = curriculum.section(id)?.lessons.first {
                return [.replace(LessonScreen(page: .lesson(first.id), context: context)), .record(.lessonOpened(first.id))]
            }
            return []
        }
    }

    /// "lines 1–28 of 94 · 30%", from the last frame drawn.
    public var position: String {
        let total = cache.layout.lines.count
        let (top, height) = cache.shown
        guard total > 0, height > 0 else { return "" }
        let last = min(top + height, total)
        return "lines \(top + 1)–\(last) of \(total) · \(Int((Double(last) / Double(total) * 100).rounded()))%"
    }

    public func render(into buffer: inout Buffer, area: Rect, context: AppContext) {
        let textArea = Self.textArea(area)
        let rendered = layout(width: textArea.width, context: context)
        let shownTop = min(top, max(0, rendered.lines.count - textArea.height))
        for row in 0..<textArea.height {
            let index = shownTop + row
            guard index < rendered.lines.count else { break }
            buffer.write(rendered.lines[index], x: textArea.x, y: textArea.y + row, clip: textArea)
        }
        if let f = focusedDemo, rendered.demos.indices.contains(f) {
            let lines = rendered.demos[f].lines
            for index in lines where index >= shownTop && index < shownTop + textArea.height {
                buffer.applyStyle(Style(attributes: .bold), to: Rect(x: textArea.x, y: textArea.y + index - shownTop, width: textArea.width, height: 1))
            }
            let y = textArea.y + lines.lowerBound - shownTop
            if y >= textArea.y && y < textArea.maxY {
                buffer.write(" Enter opens ", x: textArea.maxX - 15, y: y, style: Theme.selected)
            }
        }
        ListScrolling.drawScrollBar(into: &buffer, area: area, top: shownTop, visible: textArea.height, total: rendered.lines.count, glyphs: context.glyphs)
        cache.shown = (shownTop, textArea.height)
    }
}
