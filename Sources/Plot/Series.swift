import Terminal

/// One named list of (x, y) points for a line or scatter chart.
///
/// NaN in x or y is a gap: a line breaks there. ±∞ is clamped to the plot's edge and marked
/// with ▲ ▼ ◀ ▶ (ASCII `^ v < >`). If x and y differ in length the extra values are ignored.
public struct Series: Sendable, Hashable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// The colour; nil takes the next colour of `PlotPalette.series`.
    public var color: Color?
    /// A character drawn at every point (over the canvas); nil for plain canvas dots.
    public var marker: Character?

    public init(_ name: String = "", x: [Double], y: [Double], color: Color? = nil, marker: Character? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.marker = marker
    }

    /// A series whose x values are 0, 1, 2, … (e.g. a loss per epoch).
    public init(_ name: String = "", y: [Double], color: Color? = nil, marker: Character? = nil) {
        self.init(name, x: (0..<y.count).map(Double.init), y: y, color: color, marker: marker)
    }

    /// The number of points drawn: the shorter of x and y.
    public var count: Int { min(x.count, y.count) }
}
