/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
    public var width: Int { DisplayWidth.of(text) }
}

/// One line of styled text: spans side by side.
public struct StyledLine: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]
    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(_ text: String, style: Style = .plain) { self.spans = [Span(text, style: style)] }
    public init(stringLiteral value: String) { self.init(value) }

    public var width: Int { spans.reduce(0) { $0 + $1.width } }
    public var plainText: String { spans.map(\.text).joined() }
    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    public mutating func append(_ text: String, style: Style = .plain) {
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text, style: style))
        }
    }

    public mutating func append(_ line: StyledLine) {
        for span in line.spans { append(span.text, style: span.style) }
    }

    /// Every grapheme with its style, in order.
    public var characters: [(Character, Style)] {
        var out: [(Character, Style)] = []
        for span in spans { for c in span.text { out.append((c, span.style)) } }
        return out
    }
}
