/// Parses a glossary file: `## Term` entries with `heard as:` and `lessons:` lines and a definition.
struct GlossaryParser {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func parse(_ lines: ArraySlice<SourceLine>) -> [GlossaryEntry] {
        var entries: [GlossaryEntry] = []
        var current: (term: String, line: Int, aliases: [String], lessons: [String]?, text: [SourceLine])?

        func finish(_ entry: (term: String, line: Int, aliases: [String], lessons: [String]?, text: [SourceLine]), into entries: inout [GlossaryEntry], diagnostics: inout [Diagnostic]) {
            let definition = MarkdownParser.paragraphs(entry.text).joined(separator: "\n\n")
            if definition.isEmpty {
                diagnostics.append(Diagnostic(file: file, line: entry.line, "glossary entry '\(entry.term)' has no definition"))
            }
            if entry.lessons == nil || entry.lessons?.isEmpty == true {
                diagnostics.append(Diagnostic(file: file, line: entry.line, "glossary entry '\(entry.term)' needs a 'lessons:' line naming the lessons that teach it"))
            }
            entries.append(GlossaryEntry(term: entry.term, aliases: entry.aliases, lessons: entry.lessons ?? [],
                                         definition: definition, source: SourceLocation(file: file, line: entry.line)))
        }

        for line in lines {
            let t = line.trimmed
            if t.hasPrefix("## ") {
                if let entry = current { finish(entry, into: &entries, diagnostics: &diagnostics) }
                let term = String(t.dropFirst(3)).trimmingSpaces
                if term.isEmpty { diagnostics.append(Diagnostic(file: file, line: line.number, "glossary heading has no term")) }
                current = (term, line.number, [], nil, [])
                continue
            }
            guard current != nil else {
                if !t.isEmpty {
                    diagnostics.append(Diagnostic(file: file, line: line.number, "text before the first '## Term' heading"))
                }
                continue
            }
            let lower = t.lowercased()
            if lower.hasPrefix("heard as:") {
                current?.aliases = listValue(t, prefix: "heard as:")
            } else if lower.hasPrefix("lessons:") {
                current?.lessons = listValue(t, prefix: "lessons:")
            } else {
                current?.text.append(line)
            }
        }
        if let entry = current { finish(entry, into: &entries, diagnostics: &diagnostics) }
        return entries
    }

    private func listValue(_ t: String, prefix: String) -> [String] {
        String(t.dropFirst(prefix.count)).split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
