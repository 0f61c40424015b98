/// A run of lesson text with at most one kind of emphasis. Lesson Markdown is deliberately flat:
/// emphasis does not nest, which keeps both the parser and the rendering simple.
public enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis(String)
    case strong(String)
    case code(String)

    /// The text without markup.
    public var plainText: String {
        switch self {
        case .text(let s), .emphasis(let s), .strong(let s), .code(let s): return s
        }
    }
}

extension Array where Element == Inline {
    /// The text of a run of inlines without markup.
    public var plainText: String { map(\.plainText).joined() }
}

/// A demo embedded in a lesson: which demo, the knob settings to start from, and a caption.
public struct DemoEmbed: Hashable, Sendable {
    public var demoID: String
    /// Knob settings in the order written, e.g. `[("lr", "0.1")]`.
    public var settings: [KnobSetting]
    public var caption: [Inline]
    public var line: Int

    public init(demoID: String, settings: [KnobSetting], caption: [Inline], line: Int) {
        self.demoID = demoID
        self.settings = settings
        self.caption = caption
        self.line = line
    }
}

/// One `name=value` pair from a demo line.
public struct KnobSetting: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) { self.name = name; self.value = value }
}

/// A block of lesson text.
public enum Block: Hashable, Sendable {
    case heading(level: Int, text: [Inline])
    case paragraph([Inline])
    case list(ordered: Bool, items: [[Inline]])
    case code(language: String?, lines: [String])
    case table(header: [[Inline]], rows: [[[Inline]]])
    case quote([[Inline]])
    case note(title: String?, paragraphs: [[Inline]])
    case demo(DemoEmbed)

    /// All the words of the block, for search and word counts.
    public var plainText: String {
        switch self {
        case .heading(_, let text), .paragraph(let text): return text.plainText
        case .list(_, let items): return items.map(\.plainText).joined(separator: "\n")
        case .code(_, let lines): return lines.joined(separator: "\n")
        case .table(let header, let rows):
            return ([header] + rows).map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: "\n")
        case .quote(let paragraphs): return paragraphs.map(\.plainText).joined(separator: "\n")
        case .note(let title, let paragraphs): return ([title ?? ""] + paragraphs.map(\.plainText)).joined(separator: "\n")
        case .demo(let embed): return embed.caption.plainText
        }
    }
}

/// A parsed page of lesson text.
public struct Document: Hashable, Sendable {
    public var blocks: [Block]
    public init(blocks: [Block] = []) { self.blocks = blocks }

    public var plainText: String { blocks.map(\.plainText).joined(separator: "\n") }

    /// Words in the text (for reading-time estimates).
    public var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in plainText.utf8 {
            let separator = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n")
            if !separator && !inWord { count += 1 }
            inWord = !separator
        }
        return count
    }

    /// The demos embedded in the text, in order.
    public var demos: [DemoEmbed] {
        blocks.compactMap { if case .demo(let embed) = $0 { return embed } else { return nil } }
    }
}
