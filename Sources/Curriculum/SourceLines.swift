/// One line of a source file with its 1-based number.
struct SourceLine: Hashable, Sendable {
    var number: Int
    var text: String

    var trimmed: String { text.trimmingSpaces }
    var isBlank: Bool { trimmed.isEmpty }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first == " " { s.removeFirst() }
        while let last = s.last, last == " " { s.removeLast() }
        return String(s)
    }

    /// Leading spaces count.
    var indentation: Int { prefix(while: { $0 == " " }).count }
}

/// Splits a file into lines, removing what must never reach a terminal.
///
/// Control characters (including ESC, so no escape sequence survives) are removed and reported:
/// lesson text can never drive the terminal. Tabs become four spaces; CR before LF is dropped.
enum SourceLines {
    static func split(_ text: String, file: String) -> ([SourceLine], [Diagnostic]) {
        var lines: [SourceLine] = []
        var diagnostics: [Diagnostic] = []
        let bytes = Array(text.utf8)
        var start = 0
        var number = 1
        // Works on UTF-8 bytes: clean lines (almost all of them) are decoded once, without
        // looking at characters; only a line with a control byte takes the slow path.
        while start <= bytes.count {
            var end = start
            var clean = true
            while end < bytes.count && bytes[end] != 0x0A {
                let b = bytes[end]
                if b < 0x20 || b == 0x7F || (b == 0xC2 && end + 1 < bytes.count && bytes[end + 1] >= 0x80 && bytes[end + 1] < 0xA0) {
                    clean = false
                }
                end += 1
            }
            let slice = bytes[start..<end]
            let line = clean ? String(decoding: slice, as: UTF8.self)
                             : cleaned(String(decoding: slice, as: UTF8.self), line: number, file: file, diagnostics: &diagnostics)
            lines.append(SourceLine(number: number, text: line))
            number += 1
            start = end + 1
        }
        // A final newline does not make an extra line.
        if let last = lines.last, last.text.isEmpty, lines.count > 1 { lines.removeLast() }
        return (lines, diagnostics)
    }

    private static func cleaned(_ raw: String, line: Int, file: String, diagnostics: inout [Diagnostic]) -> String {
        var clean = String.UnicodeScalarView()
        var reported = false
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x09: clean.append(contentsOf: "    ".unicodeScalars)
            case 0x0D: continue
            case 0x00..<0x20, 0x7F..<0xA0:
                if !reported {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    diagnostics.append(Diagnostic(file: file, line: line,
                        "control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) removed; lesson text must be plain printable text"))
                    reported = true
                }
            default: clean.append(scalar)
            }
        }
        return String(clean)
    }
}

/// The `---` header at the top of every lesson file: `key: value` lines.
struct Header {
    var fields: [String: (value: String, line: Int)] = [:]
    var order: [String] = []
    /// The line after the closing `---`.
    var bodyStart: Int

    func value(_ key: String) -> String? { fields[key]?.value }
    func line(_ key: String) -> Int { fields[key]?.line ?? 1 }

    /// A comma-separated list value, trimmed, empty items dropped.
    func list(_ key: String) -> [String] {
        guard let v = value(key) else { return [] }
        return v.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Parses the header. `allowed` lists the keys this kind of file may have.
    static func parse(_ lines: [SourceLine], file: String, allowed: Set<String>) -> (Header, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let first = lines.first, first.trimmed == "---" else {
            return (Header(bodyStart: 0), [Diagnostic(file: file, line: 1, "the file must start with a header: a line '---', 'key: value' lines, then '---'")])
        }
        var header = Header(bodyStart: lines.count)
        var closed = false
        for index in 1..<lines.count {
            let line = lines[index]
            if line.trimmed == "---" {
                header.bodyStart = index + 1
                closed = true
                break
            }
            if line.isBlank { continue }
            guard let colon = line.text.firstIndex(of: ":") else {
                diagnostics.append(Diagnostic(file: file, line: line.number, "header line '\(line.trimmed)' is not 'key: value'"))
                continue
            }
            let key = String(line.text[..<colon]).trimmingSpaces.lowercased()
            let value = String(line.text[line.text.index(after: colon)...]).trimmingSpaces
            if !allowed.contains(key) {
                let known = allowed.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(file: file, line: line.number, "unknown header key '\(key)'; known keys: \(known)"))
                continue
            }
            if header.fields[key] != nil {
                diagnostics.append(Diagnostic(file: file, line: line.number, "header key '\(key)' appears twice"))
                continue
            }
            header.fields[key] = (value, line.number)
            header.order.append(key)
        }
        if !closed {
            diagnostics.append(Diagnostic(file: file, line: 1, "the header is not closed: add a line '---' after the 'key: value' lines"))
        }
        return (header, diagnostics)
    }
}

/// Ids are lowercase words joined by hyphens: `gradient-descent`, `he-initialization`.
enum Identifier {
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        var previousHyphen = false
        for s in id.unicodeScalars {
            let ok = ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-"
            if !ok { return false }
            if s == "-" && previousHyphen { return false }
            previousHyphen = s == "-"
        }
        return !previousHyphen
    }

    static let rule = "ids are lowercase letters, digits and single hyphens, starting with a letter (e.g. gradient-descent)"
}
