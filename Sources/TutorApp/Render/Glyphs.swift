import Curriculum
import Terminal

/// The characters the interface draws with: Unicode where the terminal takes UTF-8, ASCII where
/// it does not (or when asked), so every screen stays legible on any terminal.
public struct Glyphs: Sendable {
    public var bullet: String
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeDown: String
    public var teeUp: String
    public var teeRight: String
    public var teeLeft: String
    public var cross: String
    public var quoteBar: String
    public var barFull: String
    public var barEmpty: String
    public var check: String
    public var arrow: String
    public var play: String
    public var ellipsis: String

    /// True for the ASCII set: text drawn with it is transliterated to ASCII too.
    public var isASCII: Bool { bullet == "*" }

    public static let unicode = Glyphs(bullet: "•", horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", teeDown: "┬", teeUp: "┴", teeRight: "├",
                                       teeLeft: "┤", cross: "┼", quoteBar: "▌", barFull: "█", barEmpty: "░",
                                       check: "✓", arrow: "→", play: "▶", ellipsis: "…")
    public static let ascii = Glyphs(bullet: "*", horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                     bottomLeft: "+", bottomRight: "+", teeDown: "+", teeUp: "+", teeRight: "+",
                                     teeLeft: "+", cross: "+", quoteBar: "|", barFull: "#", barEmpty: ".",
                                     check: "x", arrow: "->", play: ">", ellipsis: "...")

    public static func forCapabilities(_ capabilities: Capabilities) -> Glyphs {
        capabilities.unicode ? .unicode : .ascii
    }
}

/// Named styles, so screens say what a thing is ("heading", "code") rather than which colour.
/// Colours only add to attributes: on a monochrome terminal everything stays readable.
public enum Theme {
    public static let heading = Style(foreground: .cyan, attributes: .bold)
    public static let subheading = Style(attributes: .bold)
    public static let strong = Style(attributes: .bold)
    public static let emphasis = Style(attributes: .italic)
    public static let code = Style(foreground: .yellow)
    public static let border = Style(foreground: .brightBlack)
    public static let muted = Style(attributes: .dim)
    public static let accent = Style(foreground: .green, attributes: .bold)
    public static let warning = Style(foreground: .yellow, attributes: .bold)
    public static let error = Style(foreground: .red, attributes: .bold)
    public static let selected = Style(attributes: .reverse)
    public static let titleBar = Style(foreground: .black, background: .cyan)
    public static let statusBar = Style(attributes: .reverse)
    public static let key = Style(attributes: .bold)
    public static let demoCard = Style(foreground: .magenta)
    public static let right = Style(foreground: .green, attributes: .bold)
    public static let wrong = Style(foreground: .red, attributes: .bold)

    /// The style of an inline run of lesson text.
    public static func style(of inline: Inline) -> Style {
        switch inline {
        case .text: return .plain
        case .emphasis: return emphasis
        case .strong: return strong
        case .code: return code
        }
    }
}

extension StyledLine {
    /// Lesson inlines as a styled line.
    public init(inlines: [Inline], base: Style = .plain) {
        self.init()
        for inline in inlines { append(inline.plainText, style: base.patched(with: Theme.style(of: inline))) }
    }
}
