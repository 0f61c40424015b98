import Curriculum
import Terminal

/// Search over lesson titles, text and the glossary, ranked, updated as the learner types.
public struct SearchScreen: Screen {
    public private(set) var query: String
    public private(set) var results: [SearchIndex.Result]
    public private(set) var cursor = 0
    private var top = 0

    public init(query: String, context: AppContext) {
        self.query = query
        self.results = context.searchIndex.search(query)
    }

    public var title: String { "Search" }
    public var capturesText: Bool { true }
    public var hints: [KeyHint] { [KeyHint("type", "to search"), KeyHint("↑↓", "choose"), KeyHint("Enter", "open")] }
    public var position: String { query.isEmpty ? "" : "\(results.count) found" }

    public mutating func handle(_ event: Event, context: AppContext) -> [AppCommand] {
        guard case .key(let key) = event else { return [] }
        switch key {
        case .character(let c):
            query.append(c)
            refresh(context)
        case .backspace:
            if !query.isEmpty { query.removeLast(); refresh(context) }
        case .control("u"):
            query = ""
            refresh(context)
        case .up: cursor = max(0, cursor - 1)
        case .down, .tab: cursor = min(max(0, results.count - 1), cursor + 1)
        case .enter:
            guard results.indices.contains(cursor) else { return [] }
            switch results[cursor].kind {
            case .lesson(let id): return [.open(.lesson(id))]
            case .section(let id): return [.open(.section(id))]
            case .glossary(let term):
                guard let entry = context.curriculum.glossaryEntry(term), let lesson = entry.lessons.first else {
                    return [.message("no lesson teaches '\(term)' yet", isError: true)]
                }
                return [.open(.lesson(lesson))]
            }
        default: break
        }
        top = ListScrolling.offset(cursor: cursor, previous: top, height: max(1, (context.viewport.height - 4) / 2), count: results.count)
        return []
    }

    private mutating func refresh(_ context: AppContext) {
        results = context.searchIndex.search(query)
        cursor = 0
        top = 0
    }

    public func render(into buffer: inout Buffer, area: Rect, context: AppContext) {
        let inner = area.inset(left: 2, right: 2)
        guard inner.height >= 3 else { return }
        buffer.write("Search: ", x: inner.x, y: inner.y, style: Theme.strong)
        let fieldX = inner.x + 8
        let field = TextWrapper.truncate(query, width: max(0, inner.width - 10))
        let end = buffer.write(field, x: fieldX, y: inner.y, style: Theme.strong)
        buffer.put(Character(context.capabilities.unicode ? "▏" : "_"), x: fieldX + end, y: inner.y, style: Theme.accent)
        buffer.write(String(repeating: context.glyphs.horizontal, count: inner.width), x: inner.x, y: inner.y + 1, style: Theme.border)

        var detailLines: [StyledLine] = []
        if results.indices.contains(cursor), case .glossary(let term) = results[cursor].kind, let entry = context.curriculum.glossaryEntry(term) {
            var line = StyledLine(entry.term + ": ", style: Theme.strong)
            line.append(entry.definition)
            detailLines = TextWrapper.wrap(line, width: inner.width)
            if !entry.aliases.isEmpty {
                detailLines += TextWrapper.wrap(StyledLine("Also heard as: " + entry.aliases.joined(separator: ", "), style: Theme.muted), width: inner.width)
            }
        }
        let detailHeight = detailLines.isEmpty ? 0 : min(detailLines.count + 1, inner.height / 3)
        let listArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2 - detailHeight)

        if query.isEmpty {
            let help = "Type words from a title, the text or the glossary. Misheard terms work too: try \"mean max\" or \"engram\"."
            for (i, line) in TextWrapper.wrap(help, width: listArea.width).enumerated() where i < listArea.height {
                buffer.write(line, x: listArea.x, y: listArea.y + i, style: Theme.muted)
            }
            return
        }
        if results.isEmpty {
            buffer.write("Nothing matches \"\(query)\". Try fewer or shorter words.", x: listArea.x, y: listArea.y, style: Theme.muted, clip: listArea)
            return
        }
        let perResult = 2
        let capacity = max(1, listArea.height / perResult)
        let offset = ListScrolling.offset(cursor: cursor, previous: top, height: capacity, count: results.count)
        for (i, result) in results.enumerated().dropFirst(offset).prefix(capacity) {
            let y = listArea.y + (i - offset) * perResult
            let selected = i == cursor
            let tag: String
            switch result.kind {
            case .lesson: tag = "lesson"
            case .section: tag = "section"
            case .glossary: tag = "term"
            }
            var line = StyledLine(TextWrapper.pad(tag, to: 8), style: Theme.muted)
            line.append(result.title, style: Theme.strong)
            line.append("  \(result.context)", style: Theme.muted)
            if selected { buffer.fill(Rect(x: listArea.x, y: y, width: listArea.width, height: 1), with: Cell(" ", style: Theme.selected)) }
            buffer.write(line, x: listArea.x, y: y, base: selected ? Theme.selected : .plain, clip: listArea)
            let snippet = TextWrapper.truncate(result.snippet, width: listArea.width - 8)
            buffer.write(snippet, x: listArea.x + 8, y: y + 1, style: Theme.muted, clip: listArea)
        }
        if detailHeight > 0 {
            let y0 = listArea.maxY
            buffer.write(String(repeating: context.glyphs.horizontal, count: inner.width), x: inner.x, y: y0, style: Theme.border)
            for (i, line) in detailLines.prefix(detailHeight - 1).enumerated() {
                buffer.write(line, x: inner.x, y: y0 + 1 + i, clip: inner)
            }
        }
    }
}
