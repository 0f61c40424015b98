/// Wraps styled text to a width in terminal columns.
///
/// Lines break at spaces; a word longer than the width is broken inside. Styles are kept across
/// breaks, and the spaces at a break are dropped. Widths are display widths, so wide characters
/// count two columns.
public enum TextWrapper {
    /// Wraps one line. `indent` is prefixed to every continuation line (e.g. under a bullet).
    public static func wrap(_ line: StyledLine, width: Int, indent: StyledLine = StyledLine()) -> [StyledLine] {
        guard width > 0 else { return [] }
        let indentWidth = indent.width < width ? indent.width : 0
        let continuationPrefix = indentWidth > 0 ? indent : StyledLine()
        var lines: [StyledLine] = []
        var current = StyledLine()
        var currentWidth = 0
        var limit = width

        func flush() {
            lines.append(current)
            current = continuationPrefix
            currentWidth = indentWidth
            limit = width
        }

        for word in words(of: line) {
            let wordWidth = word.width
            let isSpace = word.plainText.allSatisfy { $0 == " " }
            if isSpace {
                if currentWidth > indentWidth || lines.isEmpty {
                    if currentWidth + wordWidth <= limit {
                        current.append(word)
                        currentWidth += wordWidth
                    } else {
                        flush()
                    }
                }
                continue
            }
            if currentWidth + wordWidth > limit && currentWidth > (lines.isEmpty ? 0 : indentWidth) {
                trimTrailingSpaces(&current)
                flush()
            }
            if wordWidth <= limit - currentWidth {
                current.append(word)
                currentWidth += wordWidth
                continue
            }
            // The word is longer than a whole line: break it by characters.
            for (character, style) in word.characters {
                let w = DisplayWidth.of(character)
                if currentWidth + w > limit && currentWidth > 0 { flush() }
                current.append(String(character), style: style)
                currentWidth += w
            }
        }
        trimTrailingSpaces(&current)
        lines.append(current)
        return lines
    }

    /// Wraps plain text, honouring its line breaks.
    public static func wrap(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrap(StyledLine(String(paragraph)), width: width).map(\.plainText)
        }
    }

    /// Splits a line into alternating runs of spaces and non-spaces, keeping styles.
    static func words(of line: StyledLine) -> [StyledLine] {
        var words: [StyledLine] = []
        var current = StyledLine()
        var currentIsSpace: Bool?
        for (character, style) in line.characters {
            let isSpace = character == " "
            if let kind = currentIsSpace, kind != isSpace {
                words.append(current)
                current = StyledLine()
            }
            currentIsSpace = isSpace
            current.append(String(character), style: style)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func trimTrailingSpaces(_ line: inout StyledLine) {
        while let last = line.spans.last {
            let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
            if trimmed.isEmpty {
                line.spans.removeLast()
            } else {
                line.spans[line.spans.count - 1].text = trimmed
                return
            }
        }
    }

    /// Cuts text to at most `width` columns, ending with `…` when anything was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let budget = width - DisplayWidth.of(ellipsis)
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > budget { break }
            out.append(character)
            used += w
        }
        return budget >= 0 ? out + ellipsis : String(ellipsis.prefix(width))
    }

    /// Pads text with spaces on the right to exactly `width` columns (truncating if longer).
    public static func pad(_ text: String, to width: Int) -> String {
        let t = truncate(text, width: width)
        return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
    }
}
