import Terminal

/// Which characters a chart may draw with.
///
/// `.unicode` uses braille, block elements, box drawing and arrows; `.ascii` keeps to printable
/// ASCII, for terminals that are not UTF-8. Callers pick it from the backend's capabilities with
/// `GlyphMode(capabilities)`, or force it by hand.
public enum GlyphMode: Sendable, Hashable {
    case unicode
    case ascii

    /// `.unicode` when the terminal takes UTF-8, else `.ascii`.
    public init(_ capabilities: Capabilities) {
        self = capabilities.unicode ? .unicode : .ascii
    }
}

/// The pixel canvas a line or scatter chart draws on. In `.ascii` glyph mode every kind falls
/// back to the ASCII canvas, since the others need Unicode glyphs.
public enum CanvasKind: Sendable, Hashable {
    /// 2×4 dots per cell (U+2800 braille): the finest, for curves and scatter.
    case braille
    /// Two coloured pixels per cell (▀ ▄ █): coarse but each pixel keeps its own colour.
    case halfBlock
    /// Hits counted per cell and shown as ` ░▒▓█`: for dense scatter.
    case density
    /// 2×3 sub-cell pattern turned into one of `. ' - | / \ : + #`.
    case ascii
}

/// The default series colours, in order; readable on dark and light backgrounds.
public enum PlotPalette {
    public static let series: [Color] = [.brightBlue, .brightRed, .brightGreen, .brightYellow, .brightMagenta, .brightCyan, .indexed(208), .indexed(141)]

    /// The colour of series number `index`, cycling through `series`.
    public static func color(_ index: Int) -> Color { series[((index % series.count) + series.count) % series.count] }
}
