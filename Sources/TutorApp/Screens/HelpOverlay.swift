import Terminal

/// The `?` overlay: the keys that work everywhere and on the current screen.
struct HelpOverlay: View {
    var screenTitle: String
    var hints: [KeyHint]
    var glyphs: Glyphs
    /// Paragraphs about the screen (a demo's "what to notice"), shown above the keys.
    var explanation: [String] = []

    static let global: [KeyHint] = [
        KeyHint("?", "show or hide this help"),
        KeyHint("/", "search lessons and glossary"),
        KeyHint("Esc, Backspace", "go back"),
        KeyHint("q, Ctrl-C", "quit (progress is already saved)"),
    ]

    func render(into buffer: inout Buffer, area: Rect) {
        // Paragraphs wrap to the box; a wide box when there is text to read.
        let textWidth = max(10, min(area.width - 6, explanation.isEmpty ? 0 : 72))
        var lines: [StyledLine] = []
        if !explanation.isEmpty {
            lines.append(StyledLine("What to notice", style: Theme.heading))
            for paragraph in explanation {
                lines += TextWrapper.wrap(StyledLine(paragraph), width: textWidth)
            }
            lines.append(StyledLine())
        }
        lines.append(StyledLine("Everywhere", style: Theme.heading))
        let keyWidth = (Self.global + hints).map { DisplayWidth.of($0.key) }.max() ?? 6
        for hint in Self.global { lines.append(row(hint, keyWidth)) }
        lines.append(StyledLine())
        lines.append(StyledLine("On this screen", style: Theme.heading))
        for hint in hints { lines.append(row(hint, keyWidth)) }
        lines.append(StyledLine())
        lines.append(StyledLine("Press any key to close.", style: Theme.muted))

        let width = min(area.width - 2, max(40, (lines.map(\.width).max() ?? 30) + 4))
        let height = min(area.height, lines.count + 2)
        let box = area.centered(width: width, height: height)
        buffer.fill(box, with: .blank)
        drawFrame(into: &buffer, box: box, title: " Keys ")
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + i, clip: inner)
        }
    }

    private func row(_ hint: KeyHint, _ keyWidth: Int) -> StyledLine {
        var line = StyledLine(TextWrapper.pad(hint.key, to: keyWidth + 2), style: Theme.key)
        line.append(hint.action)
        return line
    }

    private func drawFrame(into buffer: inout Buffer, box: Rect, title: String) {
        guard box.width >= 2, box.height >= 2 else { return }
        let h = glyphs.horizontal
        buffer.write(glyphs.topLeft + String(repeating: h, count: box.width - 2) + glyphs.topRight, x: box.x, y: box.y, style: Theme.border)
        buffer.write(title, x: box.x + 2, y: box.y, style: Theme.heading)
        for y in (box.y + 1)..<(box.maxY - 1) {
            buffer.write(glyphs.vertical, x: box.x, y: y, style: Theme.border)
            buffer.write(glyphs.vertical, x: box.maxX - 1, y: y, style: Theme.border)
        }
        buffer.write(glyphs.bottomLeft + String(repeating: h, count: box.width - 2) + glyphs.bottomRight, x: box.x, y: box.maxY - 1, style: Theme.border)
    }
}
