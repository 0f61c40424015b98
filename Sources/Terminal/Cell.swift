/// One terminal cell: a grapheme cluster, its display width and its style.
///
/// A wide character (width 2) occupies its own cell and a *continuation* cell to its right,
/// which has width 0 and draws nothing. Combining marks belong to the grapheme of the cell
/// they follow, so they never take a cell of their own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    /// 1 for ordinary characters, 2 for the first cell of a wide one, 0 for the continuation.
    public var width: UInt8
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        let w = DisplayWidth.of(character)
        self.width = UInt8(w == 0 ? 1 : min(w, 2))
        self.style = style
    }

    init(character: Character, width: UInt8, style: Style) {
        self.character = character
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ")

    /// The second half of a wide character.
    public static func continuation(style: Style) -> Cell {
        Cell(character: " ", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
