/// Parses the Markdown subset of lesson pages (see Lessons/FORMAT.md) into blocks.
///
/// It never fails: what it cannot make sense of is kept as text and reported as a diagnostic
/// with its line, so an author sees every problem in one run of `aitutor lint`.
struct MarkdownParser {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func parse(_ lines: ArraySlice<SourceLine>) -> Document {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var i = lines.startIndex

        func flushParagraph() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(InlineParser.parse(paragraph.joined(separator: " "))))
                paragraph = []
            }
        }

        while i < lines.endIndex {
            let line = lines[i]
            let t = line.trimmed
            if t.isEmpty {
                flushParagraph()
                i += 1
                continue
            }
            if t.hasPrefix("```") {
                flushParagraph()
                let language = String(t.dropFirst(3)).trimmingSpaces
                var body: [String] = []
                var j = i + 1
                var closed = false
                let indent = line.text.indentation
                while j < lines.endIndex {
                    if lines[j].trimmed.hasPrefix("```") { closed = true; break }
                    body.append(String(lines[j].text.dropFirst(min(indent, lines[j].text.indentation))))
                    j += 1
                }
                if !closed {
                    report(line.number, "code block opened here is never closed: add a line with three backticks")
                }
                blocks.append(.code(language: language.isEmpty ? nil : language, lines: body))
                i = j + 1
                continue
            }
            if t.hasPrefix(":::") {
                flushParagraph()
                i = parseDirective(lines, at: i, into: &blocks)
                continue
            }
            if let level = headingLevel(t) {
                flushParagraph()
                let text = String(t.dropFirst(level)).trimmingSpaces
                if text.isEmpty { report(line.number, "empty heading") }
                if level > 3 { report(line.number, "headings go down to ### only") }
                blocks.append(.heading(level: min(level, 3), text: InlineParser.parse(text)))
                i += 1
                continue
            }
            if t.hasPrefix("|") {
                flushParagraph()
                i = parseTable(lines, at: i, into: &blocks)
                continue
            }
            if t.hasPrefix(">") {
                flushParagraph()
                var paragraphs: [[String]] = [[]]
                var j = i
                while j < lines.endIndex, lines[j].trimmed.hasPrefix(">") {
                    let content = String(lines[j].trimmed.dropFirst()).trimmingSpaces
                    if content.isEmpty { paragraphs.append([]) } else { paragraphs[paragraphs.count - 1].append(content) }
                    j += 1
                }
                blocks.append(.quote(paragraphs.filter { !$0.isEmpty }.map { InlineParser.parse($0.joined(separator: " ")) }))
                i = j
                continue
            }
            if listMarker(line.text) != nil {
                flushParagraph()
                i = parseList(lines, at: i, into: &blocks)
                continue
            }
            paragraph.append(t)
            i += 1
        }
        flushParagraph()
        return Document(blocks: blocks)
    }

    private mutating func report(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message))
    }

    private func headingLevel(_ t: String) -> Int? {
        let hashes = t.prefix(while: { $0 == "#" }).count
        guard hashes > 0, t.count > hashes, t[t.index(t.startIndex, offsetBy: hashes)] == " " else { return nil }
        return hashes
    }

    /// For `- item`, `* item` or `12. item` (indented at most one space): (ordered, text).
    func listMarker(_ text: String) -> (ordered: Bool, text: String)? {
        guard text.indentation <= 1 else { return nil }
        let t = text.trimmingSpaces
        if t.hasPrefix("- ") || t.hasPrefix("* ") { return (false, String(t.dropFirst(2)).trimmingSpaces) }
        let digits = t.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let rest = t.dropFirst(digits.count)
            if rest.hasPrefix(". ") { return (true, String(rest.dropFirst(2)).trimmingSpaces) }
        }
        return nil
    }

    private mutating func parseList(_ lines: ArraySlice<SourceLine>, at start: Int, into blocks: inout [Block]) -> Int {
        guard let first = listMarker(lines[start].text) else { return start + 1 }
        var items: [[String]] = [[first.text]]
        var j = start + 1
        while j < lines.endIndex {
            let line = lines[j]
            if line.isBlank {
                // A blank line continues the list only if another item of the same kind follows.
                var k = j + 1
                while k < lines.endIndex, lines[k].isBlank { k += 1 }
                if k < lines.endIndex, let next = listMarker(lines[k].text), next.ordered == first.ordered {
                    j = k
                    continue
                }
                break
            }
            if let next = listMarker(line.text) {
                if next.ordered != first.ordered { break }
                items.append([next.text])
            } else if line.text.indentation >= 2 {
                items[items.count - 1].append(line.trimmed)
            } else {
                items[items.count - 1].append(line.trimmed)  // lazy continuation
            }
            j += 1
        }
        blocks.append(.list(ordered: first.ordered, items: items.map { InlineParser.parse($0.joined(separator: " ")) }))
        return j
    }

    private mutating func parseTable(_ lines: ArraySlice<SourceLine>, at start: Int, into blocks: inout [Block]) -> Int {
        var rows: [[String]] = []
        var j = start
        var sawSeparator = false
        while j < lines.endIndex, lines[j].trimmed.hasPrefix("|") {
            let cells = Self.tableCells(lines[j].trimmed)
            if j == start + 1 {
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-: ".contains($0) } }) {
                    sawSeparator = true
                    j += 1
                    continue
                }
            }
            rows.append(cells)
            j += 1
        }
        if !sawSeparator {
            report(lines[start].number, "table needs a separator row like |---|---| after its header row")
        }
        guard let header = rows.first else { return j }
        let width = header.count
        for (offset, row) in rows.enumerated() where row.count != width {
            let lineNumber = lines[start + offset + (offset > 0 && sawSeparator ? 1 : 0)].number
            report(lineNumber, "table row has \(row.count) cells but the header has \(width)")
        }
        let normalize = { (row: [String]) -> [[Inline]] in
            let padded = row.count < width ? row + Array(repeating: "", count: width - row.count) : Array(row.prefix(width))
            return padded.map { InlineParser.parse($0) }
        }
        blocks.append(.table(header: normalize(header), rows: rows.dropFirst().map(normalize)))
        return j
    }

    static func tableCells(_ line: String) -> [String] {
        var t = Substring(line)
        if t.hasPrefix("|") { t = t.dropFirst() }
        if t.hasSuffix("|") { t = t.dropLast() }
        // A pipe inside backticks is text, not a cell border.
        var cells: [String] = []
        var current = ""
        var inCode = false
        for c in t {
            if c == "`" { inCode.toggle() }
            if c == "|" && !inCode { cells.append(current.trimmingSpaces); current = "" } else { current.append(c) }
        }
        cells.append(current.trimmingSpaces)
        return cells
    }

    /// `::: demo ID knob=value ...` or `::: note Title`, up to a closing `:::`.
    private mutating func parseDirective(_ lines: ArraySlice<SourceLine>, at start: Int, into blocks: inout [Block]) -> Int {
        let opening = lines[start]
        let words = String(opening.trimmed.dropFirst(3)).split(separator: " ").map(String.init)
        var j = start + 1
        var body: [SourceLine] = []
        var closed = false
        while j < lines.endIndex {
            if lines[j].trimmed == ":::" { closed = true; break }
            if lines[j].trimmed.hasPrefix(":::") && lines[j].trimmed.count > 3 { break }
            body.append(lines[j])
            j += 1
        }
        if !closed {
            report(opening.number, "'::: \(words.first ?? "")' block is never closed: add a line ':::' after it")
        }
        let next = closed ? j + 1 : j
        guard let kind = words.first else {
            report(opening.number, "a lone ':::' closes nothing here; blocks open with '::: demo ID' or '::: note'")
            return next
        }
        let paragraphs = Self.paragraphs(body)
        switch kind {
        case "demo":
            guard words.count >= 2 else {
                report(opening.number, "'::: demo' needs a demo id, e.g. '::: demo gradient-descent'")
                return next
            }
            var settings: [KnobSetting] = []
            for word in words.dropFirst(2) {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                    settings.append(KnobSetting(name: parts[0], value: parts[1]))
                } else {
                    report(opening.number, "demo setting '\(word)' is not name=value")
                }
            }
            let caption = paragraphs.map(\.self).joined(separator: " ")
            blocks.append(.demo(DemoEmbed(demoID: words[1], settings: settings, caption: InlineParser.parse(caption), line: opening.number)))
        case "note":
            let title = words.count > 1 ? words.dropFirst().joined(separator: " ") : nil
            if body.allSatisfy(\.isBlank) { report(opening.number, "note has no text") }
            blocks.append(.note(title: title, paragraphs: paragraphs.map { InlineParser.parse($0) }))
        case "question":
            report(opening.number, "questions belong in the section's quiz.md, not in a lesson")
        default:
            report(opening.number, "unknown block '::: \(kind)'; lessons use '::: demo ID' and '::: note'")
        }
        return next
    }

    /// Joins lines into paragraphs separated by blank lines.
    static func paragraphs(_ lines: [SourceLine]) -> [String] {
        var out: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { out.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line.trimmed)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }
}
