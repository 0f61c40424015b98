import Terminal

/// Every live demo of this build with its one-line summary; Enter opens the selected one.
public struct DemoIndexScreen: Screen {
    public private(set) var cursor = 0
    private var top = 0

    public init() {}

    public var title: String { "Live demos" }

    public var hints: [KeyHint] { [KeyHint("↑↓", "move"), KeyHint("Enter", "open"), KeyHint("Esc", "back")] }

    public mutating func handle(_ event: Event, context: AppContext) -> [AppCommand] {
        let demos = context.demoCatalog
        guard case .key(let key) = event, !demos.isEmpty else { return [] }
        switch key {
        case .up, .character("k"): cursor -= 1
        case .down, .character("j"): cursor += 1
        case .pageUp: cursor -= max(1, context.viewport.height / 2 - 1)
        case .pageDown, .character(" "): cursor += max(1, context.viewport.height / 2 - 1)
        case .home, .character("g"): cursor = 0
        case .end, .character("G"): cursor = demos.count - 1
        case .enter, .right, .character("l"):
            cursor = min(max(cursor, 0), demos.count - 1)
            return [.open(.demo(demos[cursor].id, []))]
        default: break
        }
        cursor = min(max(cursor, 0), demos.count - 1)
        // Each demo takes two rows: title and summary.
        top = ListScrolling.offset(cursor: cursor, previous: top, height: max(1, (context.viewport.height - 2) / 2), count: demos.count)
        return []
    }

    public func render(into buffer: inout Buffer, area: Rect, context: AppContext) {
        let demos = context.demoCatalog
        let list = area.inset(top: 1, left: 2, right: 2)
        guard !list.isEmpty else { return }
        if demos.isEmpty {
            buffer.write("This build has no live demos.", x: list.x, y: list.y, style: Theme.muted, clip: list)
            return
        }
        let visible = max(1, list.height / 2)
        let offset = ListScrolling.offset(cursor: cursor, previous: top, height: visible, count: demos.count)
        for (i, demo) in demos.enumerated().dropFirst(offset).prefix(visible) {
            let y = list.y + (i - offset) * 2
            let selected = i == cursor
            let row = Rect(x: list.x, y: y, width: list.width, height: 1)
            if selected { buffer.fill(row, with: Cell(" ", style: Theme.selected)) }
            var line = StyledLine("\(context.glyphs.play) ", style: Theme.demoCard)
            line.append(demo.title, style: Theme.strong)
            line.append("  \(demo.id)", style: Theme.muted)
            buffer.write(line, x: list.x, y: y, base: selected ? Theme.selected : .plain, clip: row)
            if y + 1 < list.maxY {
                buffer.write(TextWrapper.truncate(demo.summary, width: list.width - 4, ellipsis: context.glyphs.ellipsis),
                             x: list.x + 4, y: y + 1, style: Theme.muted, clip: list)
            }
        }
        ListScrolling.drawScrollBar(into: &buffer, area: area, top: offset, visible: visible, total: demos.count, glyphs: context.glyphs)
    }
}
