import Curriculum
import Terminal

/// A lesson page laid out for one width: styled lines ready to scroll, plus where the demo cards
/// and headings are, so the reader can jump to them.
public struct RenderedDocument: Sendable {
    /// A demo card and the lines it occupies.
    public struct DemoAnchor: Hashable, Sendable {
        public var embed: DemoEmbed
        public var lines: Range<Int>
    }

    public var lines: [StyledLine]
    public var demos: [DemoAnchor]
    public var headings: [Int]
}

/// Lays out a `Document` as wrapped, styled terminal lines. Used by the lesson reader and by the
/// plain `aitutor read` command, so both show the same text.
public struct DocumentRenderer: Sendable {
    public var width: Int
    public var glyphs: Glyphs

    public init(width: Int, glyphs: Glyphs) {
        self.width = max(width, 10)
        self.glyphs = glyphs
    }

    public func render(_ document: Document) -> RenderedDocument {
        var out = RenderedDocument(lines: [], demos: [], headings: [])
        for (index, block) in document.blocks.enumerated() {
            let isLast = index == document.blocks.count - 1
            switch block {
            case .heading(let level, let text):
                if !out.lines.isEmpty && !(out.lines.last?.isEmpty ?? true) { out.lines.append(StyledLine()) }
                out.headings.append(out.lines.count)
                let style = level <= 2 ? Theme.heading : Theme.subheading
                let wrapped = TextWrapper.wrap(styled(text, base: style), width: width)
                out.lines += wrapped
                if level <= 2 {
                    let w = min(width, wrapped.map(\.width).max() ?? 0)
                    out.lines.append(StyledLine(String(repeating: glyphs.horizontal, count: max(w, 1)), style: Theme.border))
                }
                continue  // no blank line after a heading
            case .paragraph(let text):
                out.lines += TextWrapper.wrap(styled(text), width: width)
            case .list(let ordered, let items):
                let markerWidth = ordered ? "\(items.count).".count + 1 : DisplayWidth.of(glyphs.bullet) + 1
                for (n, item) in items.enumerated() {
                    let marker = ordered ? "\(n + 1)." : glyphs.bullet
                    var line = StyledLine(TextWrapper.pad(marker, to: markerWidth), style: ordered ? .plain : Theme.muted)
                    line.append(styled(item))
                    out.lines += TextWrapper.wrap(line, width: width, indent: StyledLine(String(repeating: " ", count: markerWidth)))
                }
            case .code(_, let lines):
                let prefix = "  "
                let room = max(width - prefix.count, 4)
                for line in lines {
                    let pieces = line.isEmpty ? [""] : hardWrap(transliterated(line), width: room)
                    for piece in pieces {
                        out.lines.append(StyledLine([Span(prefix), Span(piece, style: Theme.code)]))
                    }
                }
            case .table(let header, let rows):
                out.lines += renderTable(header: header, rows: rows)
            case .quote(let paragraphs):
                let bar = StyledLine(glyphs.quoteBar + " ", style: Theme.border)
                for (i, p) in paragraphs.enumerated() {
                    if i > 0 { out.lines.append(bar) }
                    var line = bar
                    line.append(styled(p, base: Theme.emphasis))
                    out.lines += TextWrapper.wrap(line, width: width, indent: bar)
                }
            case .note(let title, let paragraphs):
                out.lines += box(title: title ?? "Note", titleStyle: Theme.warning, paragraphs: paragraphs.map { styled($0) })
            case .demo(let embed):
                let start = out.lines.count
                var caption: [StyledLine] = []
                if !embed.caption.isEmpty { caption.append(styled(embed.caption)) }
                let settings = embed.settings.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                var hint = StyledLine("Tab to select, Enter to open", style: Theme.muted)
                if !settings.isEmpty { hint = StyledLine(transliterated("starts with \(settings) · Tab to select, Enter to open"), style: Theme.muted) }
                caption.append(hint)
                out.lines += box(title: "\(glyphs.play) Live demo: \(embed.demoID)", titleStyle: Theme.demoCard.adding(.bold), paragraphs: caption)
                out.demos.append(.init(embed: embed, lines: start..<out.lines.count))
            }
            if !isLast { out.lines.append(StyledLine()) }
        }
        return out
    }

    /// Lesson inlines as a styled line, in ASCII when the glyphs are ASCII.
    private func styled(_ inlines: [Inline], base: Style = .plain) -> StyledLine {
        var line = StyledLine(inlines: inlines, base: base)
        if glyphs.isASCII {
            line.spans = line.spans.map { Span(AsciiFallback.transliterate($0.text), style: $0.style) }
        }
        return line
    }

    private func transliterated(_ text: String) -> String {
        glyphs.isASCII ? AsciiFallback.transliterate(text) : text
    }

    /// A framed box with a title in its top border, text wrapped inside.
    private func box(title: String, titleStyle: Style, paragraphs: [StyledLine]) -> [StyledLine] {
        let inner = max(width - 4, 6)
        let titleText = TextWrapper.truncate(" \(transliterated(title)) ", width: inner)
        var top = StyledLine(glyphs.topLeft + glyphs.horizontal, style: Theme.border)
        top.append(titleText, style: titleStyle)
        top.append(String(repeating: glyphs.horizontal, count: max(0, inner + 1 - DisplayWidth.of(titleText))) + glyphs.topRight, style: Theme.border)
        var lines = [top]
        for (i, paragraph) in paragraphs.enumerated() {
            if i > 0 { lines.append(framed(StyledLine(), inner: inner)) }
            for piece in TextWrapper.wrap(paragraph, width: inner) { lines.append(framed(piece, inner: inner)) }
        }
        lines.append(StyledLine(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner + 2) + glyphs.bottomRight, style: Theme.border))
        return lines
    }

    private func framed(_ content: StyledLine, inner: Int) -> StyledLine {
        var line = StyledLine(glyphs.vertical + " ", style: Theme.border)
        line.append(content)
        line.append(String(repeating: " ", count: max(0, inner - content.width)))
        line.append(" " + glyphs.vertical, style: Theme.border)
        return line
    }

    private func hardWrap(_ text: String, width: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width { pieces.append(current); current = ""; used = 0 }
            current.append(c)
            used += w
        }
        pieces.append(current)
        return pieces
    }

    /// A table with box-drawing borders. Columns share the width; cells wrap inside their column.
    private func renderTable(header: [[Inline]], rows: [[[Inline]]]) -> [StyledLine] {
        let columns = header.count
        guard columns > 0 else { return [] }
        let all = [header] + rows
        var natural = (0..<columns).map { c in all.map { DisplayWidth.of(transliterated($0[c].plainText)) }.max() ?? 1 }
        natural = natural.map { max($0, 1) }
        let available = width - (3 * columns + 1)
        var widths = natural
        if available < columns * 3 {
            // Too narrow for a grid: list each row as "header: value" lines instead.
            var lines: [StyledLine] = []
            for row in rows {
                for c in 0..<columns {
                    var line = StyledLine(transliterated(header[c].plainText) + ": ", style: Theme.strong)
                    line.append(styled(row[c]))
                    lines += TextWrapper.wrap(line, width: width, indent: StyledLine("  "))
                }
                lines.append(StyledLine())
            }
            return lines
        }
        while widths.reduce(0, +) > available {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 else { break }
            widths[widest] -= 1
        }
        func rule(_ left: String, _ mid: String, _ right: String) -> StyledLine {
            StyledLine(left + widths.map { String(repeating: glyphs.horizontal, count: $0 + 2) }.joined(separator: mid) + right, style: Theme.border)
        }
        func rowLines(_ cells: [[Inline]], base: Style) -> [StyledLine] {
            let wrapped = (0..<columns).map { TextWrapper.wrap(styled(cells[$0], base: base), width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { r in
                var line = StyledLine(glyphs.vertical, style: Theme.border)
                for c in 0..<columns {
                    let piece = r < wrapped[c].count ? wrapped[c][r] : StyledLine()
                    line.append(" ")
                    line.append(piece)
                    line.append(String(repeating: " ", count: max(0, widths[c] - piece.width)) + " ")
                    line.append(glyphs.vertical, style: Theme.border)
                }
                return line
            }
        }
        var lines = [rule(glyphs.topLeft, glyphs.teeDown, glyphs.topRight)]
        lines += rowLines(header, base: Theme.strong)
        lines.append(rule(glyphs.teeRight, glyphs.cross, glyphs.teeLeft))
        for row in rows { lines += rowLines(row, base: .plain) }
        lines.append(rule(glyphs.bottomLeft, glyphs.teeUp, glyphs.bottomRight))
        return lines
    }
}
