/// Turns a line of lesson text into inlines: `*emphasis*`, `**strong**` and `` `code` ``.
///
/// A marker only opens when the next character is not a space and only closes after a
/// non-space, so arithmetic such as `2 * 3 * 4` stays plain text. Unmatched markers are text.
enum InlineParser {
    static func parse(_ text: String) -> [Inline] {
        // Markers are ASCII, so scanning scalars is exact and much cheaper than characters.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "`") }) else {
            return text.isEmpty ? [] : [.text(text)]
        }
        let chars = Array(text.unicodeScalars)
        var result: [Inline] = []
        var plain = String.UnicodeScalarView()
        var i = 0

        func flush() {
            if !plain.isEmpty { result.append(.text(String(plain))); plain = String.UnicodeScalarView() }
        }
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: chars[range])
            return String(view)
        }

        while i < chars.count {
            let c = chars[i]
            if c == "`", let end = find("`", in: chars, from: i + 1, requireTight: false) {
                flush()
                result.append(.code(string((i + 1)..<end)))
                i = end + 1
                continue
            }
            if c == "*" && i + 1 < chars.count && chars[i + 1] == "*",
               i + 2 < chars.count, chars[i + 2] != " ",
               let end = find("**", in: chars, from: i + 2, requireTight: true) {
                flush()
                result.append(.strong(string((i + 2)..<end)))
                i = end + 2
                continue
            }
            if c == "*" && i + 1 < chars.count && chars[i + 1] != " " && chars[i + 1] != "*",
               let end = find("*", in: chars, from: i + 1, requireTight: true) {
                flush()
                result.append(.emphasis(string((i + 1)..<end)))
                i = end + 1
                continue
            }
            plain.append(c)
            i += 1
        }
        flush()
        return result
    }

    /// The index where `marker` next occurs at or after `start`; with `requireTight`, only where
    /// the character before it is not a space (and, for `*`, the match is not part of `**`).
    private static func find(_ marker: String, in chars: [Unicode.Scalar], from start: Int, requireTight: Bool) -> Int? {
        let m = Array(marker.unicodeScalars)
        var j = start
        while j + m.count <= chars.count {
            if Array(chars[j..<(j + m.count)]) == m {
                let tight = j > start && chars[j - 1] != " "
                let partOfDouble = m == ["*"] && ((j + 1 < chars.count && chars[j + 1] == "*") || (j > 0 && chars[j - 1] == "*"))
                if !requireTight || (tight && !partOfDouble) { return j }
                if requireTight && partOfDouble { j += 2; continue }
            }
            j += 1
        }
        return nil
    }
}
