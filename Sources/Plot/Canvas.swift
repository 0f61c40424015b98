import Terminal

/// A grid of pixels laid over a grid of cells, turned into glyphs when rendered.
///
/// Pixel (0, 0) is the top left; x grows right, y grows down. Writing a pixel outside the
/// canvas does nothing, so nothing drawn on a canvas can land outside its cells.
///
/// **Layering rule** (the same for every canvas): a cell shows one glyph in one colour. Pixels
/// combine as the canvas allows (braille and ASCII OR their sub-cell dots, density counts hits,
/// half-block keeps a colour per pixel), and the cell's colour is the colour of the *last*
/// pixel written into it. Charts draw series in order, so a later series owns the colour of a
/// cell it shares with an earlier one. Rendering writes only cells that have something in them,
/// so decorations drawn beneath (zero lines) show through the empty ones.
public protocol Canvas: Sendable {
    /// Width in cells.
    var columns: Int { get }
    /// Height in cells.
    var rows: Int { get }
    /// Pixels per cell across.
    static var pixelsPerColumn: Int { get }
    /// Pixels per cell down.
    static var pixelsPerRow: Int { get }
    /// Sets a pixel in a colour; outside the canvas it does nothing.
    mutating func set(x: Int, y: Int, color: Color)
    /// Draws the non-empty cells with their top left at the area's origin, clipped to the area.
    func render(into buffer: inout Buffer, area: Rect)
}

extension Canvas {
    /// Width in pixels.
    public var pixelWidth: Int { columns * Self.pixelsPerColumn }
    /// Height in pixels.
    public var pixelHeight: Int { rows * Self.pixelsPerRow }

    /// Sets the pixel nearest to a point in continuous pixel coordinates, if it lies on the canvas.
    public mutating func point(x: Double, y: Double, color: Color) {
        guard x.isFinite, y.isFinite else { return }
        let px = x.rounded(), py = y.rounded()
        guard px >= 0, py >= 0, px < Double(pixelWidth), py < Double(pixelHeight) else { return }
        set(x: Int(px), y: Int(py), color: color)
    }

    /// Draws a straight line between two points in continuous pixel coordinates, clipped to the
    /// canvas first (Liang–Barsky), then rasterized with Bresenham's algorithm. Endpoints far
    /// outside cost nothing extra; non-finite endpoints draw nothing.
    public mutating func line(x0: Double, y0: Double, x1: Double, y1: Double, color: Color) {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return }
        let maxX = Double(pixelWidth - 1), maxY = Double(pixelHeight - 1)
        guard maxX >= 0, maxY >= 0 else { return }
        let dx = x1 - x0, dy = y1 - y0
        guard dx.isFinite, dy.isFinite else { return }
        var t0 = 0.0, t1 = 1.0
        // Each (p, q) pair is one edge: the segment is inside where p·t ≤ q.
        let edges: [(Double, Double)] = [(-dx, x0), (dx, maxX - x0), (-dy, y0), (dy, maxY - y0)]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return }; if r > t0 { t0 = r } } else { if r < t0 { return }; if r < t1 { t1 = r } }
            }
        }
        var ax = Int((x0 + t0 * dx).rounded()), ay = Int((y0 + t0 * dy).rounded())
        let bx = Int((x0 + t1 * dx).rounded()), by = Int((y0 + t1 * dy).rounded())
        let sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1
        let ddx = abs(bx - ax), ddy = -abs(by - ay)
        var err = ddx + ddy
        while true {
            set(x: ax, y: ay, color: color)
            if ax == bx && ay == by { break }
            let e2 = 2 * err
            if e2 >= ddy { err += ddy; ax += sx }
            if e2 <= ddx { err += ddx; ay += sy }
        }
    }
}

extension Buffer {
    /// Puts a single-column glyph known to be inside the buffer and the clip, skipping the width
    /// lookup `put` does; canvases call it once per non-empty cell.
    mutating func putCanvasGlyph(_ character: Character, x: Int, y: Int, color: Color, background: Color = .default, clip: Rect) {
        guard clip.contains(x: x, y: y), area.contains(x: x, y: y) else { return }
        self[x, y] = Cell(character, style: Style(foreground: color, background: background))
    }
}
