/// A grid of cells: what a screen looks like, drawn in memory.
///
/// Views draw into a Buffer; the backend shows it; tests read it back as text. Every write is
/// clipped to the buffer (and to an optional rectangle), so drawing can never fail or land
/// outside its area. Wide characters keep their continuation cell consistent: overwriting either
/// half of one blanks the other half.
public struct Buffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public init(width: Int, height: Int) { self.init(size: Size(width: width, height: height)) }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var area: Rect { Rect(size: size) }

    /// The cell at a position; a blank cell outside the buffer. Setting outside does nothing.
    public subscript(x: Int, y: Int) -> Cell {
        get { area.contains(x: x, y: y) ? cells[y * size.width + x] : .blank }
        set { if area.contains(x: x, y: y) { place(newValue, x: x, y: y) } }
    }

    /// Puts one character with a style at a position, inside `clip` (default: the whole buffer).
    /// Returns the columns it took (0 when clipped or zero-width). A wide character that does
    /// not fit at the clip's right edge is drawn as a space.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard bounds.contains(x: x, y: y) else { return 0 }
        let w = DisplayWidth.of(character)
        if w == 0 {
            return 0
        }
        if w == 2 {
            guard bounds.contains(x: x + 1, y: y) else {
                place(Cell(" ", style: style), x: x, y: y)
                return 1
            }
            place(Cell(character: character, width: 2, style: style), x: x, y: y)
            place(Cell.continuation(style: style), x: x + 1, y: y)
            return 2
        }
        place(Cell(character: character, width: 1, style: style), x: x, y: y)
        return 1
    }

    /// Writes text from a position on one row, clipped; control characters are dropped and
    /// combining marks join the character before them. Returns the columns advanced.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        var column = x
        for character in text {
            if character.unicodeScalars.allSatisfy({ $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) {
                continue
            }
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            let bounds = clip.map { $0.intersection(area) } ?? area
            if column >= bounds.maxX { break }
            put(character, x: column, y: y, style: style, clip: clip)
            column += w
        }
        return column - x
    }

    /// Writes a styled line; each span's style is laid over `base`.
    @discardableResult
    public mutating func write(_ line: StyledLine, x: Int, y: Int, base: Style = .plain, clip: Rect? = nil) -> Int {
        var column = x
        for span in line.spans {
            column += write(span.text, x: column, y: y, style: base.patched(with: span.style), clip: clip)
        }
        return column - x
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            for x in r.minX..<r.maxX { place(cell, x: x, y: y) }
        }
    }

    /// Lays a style over every cell of a rectangle, keeping the characters.
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            for x in r.minX..<r.maxX {
                cells[y * size.width + x].style = cells[y * size.width + x].style.patched(with: style)
            }
        }
    }

    /// Replaces the style of every cell of a rectangle.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            for x in r.minX..<r.maxX { cells[y * size.width + x].style = style }
        }
    }

    /// Copies another buffer in with its top left corner at `origin`, clipped.
    public mutating func blit(_ other: Buffer, at origin: Point) {
        for y in 0..<other.height {
            for x in 0..<other.width {
                let cell = other.cells[y * other.width + x]
                let tx = origin.x + x, ty = origin.y + y
                if area.contains(x: tx, y: ty) { cells[ty * size.width + tx] = cell }
            }
        }
    }

    /// The characters of one row (continuation cells skipped, so wide text reads naturally).
    public func row(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        var s = ""
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { s.append(cell.character) }
        }
        return s
    }

    /// The whole buffer as text, one line per row, trailing spaces removed. What tests compare.
    public func text(trimmingTrailingSpaces: Bool = true) -> String {
        (0..<height).map { y in
            let r = row(y)
            guard trimmingTrailingSpaces else { return r }
            return String(r.reversed().drop(while: { $0 == " " }).reversed())
        }.joined(separator: "\n")
    }

    /// The first position at which `needle` appears, scanning rows top to bottom.
    public func find(_ needle: String) -> Point? {
        for y in 0..<height {
            let r = row(y)
            if let range = r.range(of: needle) {
                return Point(x: DisplayWidth.of(String(r[..<range.lowerBound])), y: y)
            }
        }
        return nil
    }

    /// Writes a cell, keeping wide characters whole: a half that is overwritten blanks its partner.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        let index = y * size.width + x
        let old = cells[index]
        if old.isContinuation && x > 0 && !(cell.isContinuation) {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if old.width == 2 && x + 1 < size.width && cell.width != 2 {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
