/// A key press, decoded by the backend.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    /// Ctrl plus a letter, given as the lowercase letter: Ctrl-C is `.control("c")`.
    case control(Character)
    case enter, escape, backspace, tab, backTab, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}

/// What the UI loop reacts to.
public enum Event: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size.
    case resize(Size)
    /// A timer tick: sent while something animates and no key came within the frame time.
    case tick
    /// The input is gone (end of file, hang-up): the loop must end.
    case inputClosed
}
