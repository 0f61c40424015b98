import Terminal

/// Where a chart puts its legend.
public enum LegendPosition: Sendable, Hashable {
    /// No legend.
    case none
    /// In a column to the right of the plot area (the plot gets narrower).
    case right
    /// Over the top right corner of the plot area (drawn last, above the data).
    case inside
}

/// A list of series names, each after a swatch in the series colour.
public struct Legend: Sendable, Hashable {
    /// One line of the legend.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var color: Color
        /// The swatch; nil for the mode's default (`▬` or `-`).
        public var symbol: Character?
        public init(name: String, color: Color, symbol: Character? = nil) {
            self.name = name
            self.color = color
            self.symbol = symbol
        }
    }

    public var entries: [Entry]
    public var mode: GlyphMode
    /// Names longer than this are cut with `…` (ASCII: `~`).
    public var maxNameWidth = 24

    public init(entries: [Entry], mode: GlyphMode = .unicode) {
        self.entries = entries.filter { !$0.name.isEmpty }
        self.mode = mode
    }

    /// Columns the legend needs: swatch, space, longest name.
    public var width: Int {
        guard let longest = entries.map({ min(DisplayWidth.of($0.name), maxNameWidth) }).max() else { return 0 }
        return 2 + longest
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Draws the entries one per row from the area's top left, clipped to the area.
    public func render(into buffer: inout Buffer, area: Rect) {
        for (i, entry) in entries.enumerated() where i < area.height {
            let y = area.y + i
            let symbol = entry.symbol ?? (mode == .unicode ? "▬" : "-")
            buffer.fill(Rect(x: area.x, y: y, width: min(width, area.width), height: 1))
            buffer.put(symbol, x: area.x, y: y, style: Style(foreground: entry.color), clip: area)
            buffer.write(truncate(entry.name), x: area.x + 2, y: y, clip: area)
        }
    }

    private func truncate(_ name: String) -> String {
        guard DisplayWidth.of(name) > maxNameWidth else { return name }
        var out = ""
        for c in name {
            if DisplayWidth.of(out) + DisplayWidth.of(c) > maxNameWidth - 1 { break }
            out.append(c)
        }
        return out + (mode == .unicode ? "…" : "~")
    }
}
