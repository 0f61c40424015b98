@preconcurrency import CNcursesw
import Foundation
import Terminal

/// Why the full-screen tutor cannot start on this terminal.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case unusableTerm(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "aitutor needs a terminal: standard input and output must both be a TTY. "
                + "Without one, use the plain commands: 'aitutor list', 'aitutor read LESSON-ID', "
                + "'aitutor search WORDS', 'aitutor demo ID', 'aitutor quiz SECTION-ID --plain'."
        case .unusableTerm(let term):
            return "the terminal type TERM=\(term.isEmpty ? "(unset)" : term) cannot run a full-screen program. "
                + "Set TERM to your terminal (for example TERM=xterm-256color), or use the plain commands: "
                + "'aitutor list', 'aitutor read LESSON-ID', 'aitutor search WORDS'."
        }
    }
}

/// The real terminal, through wide-character ncurses. The only type in the program that calls
/// ncurses; it must be used from the main thread only.
///
/// It sets up a UTF-8 locale (falling back to ASCII drawing when there is none), raw mode (so
/// Ctrl-C arrives as a key and the loop can save and restore before quitting), colours (256, 8 or
/// none; `NO_COLOR` is honoured), and restores the terminal in `close()`, which the run loop
/// calls on every way out.
public final class NcursesBackend: Backend {
    public private(set) var capabilities: Capabilities
    private var screen: OpaquePointer?
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    private let maxPairs: Int
    private var closed = false
    /// Consecutive reads that failed at once: a terminal that went away fails forever.
    private var failedReads = 0

    private struct PairKey: Hashable {
        var foreground: Color
        var background: Color
    }

    /// Throws when there is no terminal on standard input and output, or TERM cannot drive one.
    public static func checkTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw TerminalError.unusableTerm(term) }
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try Self.checkTerminal(environment: environment)
        let term = environment["TERM"] ?? ""

        let unicode = NcursesBackend.setUpLocale()
        aitutor_install_signal_handlers()
        guard let screen = newterm(nil, stdout, stdin) else { throw TerminalError.unusableTerm(term) }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(aitutor_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        leaveok(aitutor_stdscr(), true)

        var depth = ColorDepth.monochrome
        if environment["NO_COLOR"].map({ !$0.isEmpty }) != true && has_colors() {
            start_color()
            use_default_colors()
            depth = aitutor_colors() >= 256 ? .palette256 : .basic8
        }
        maxPairs = depth == .monochrome ? 0 : Int(min(aitutor_color_pairs(), 32767))
        capabilities = Capabilities(unicode: unicode, colors: depth)
    }

    deinit { close() }

    /// Sets the locale from the environment; when it is not UTF-8, tries C.UTF-8. Returns
    /// whether the terminal can be sent UTF-8 (otherwise everything is drawn in ASCII).
    static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        // No UTF-8 locale in the environment: C.UTF-8 exists on Debian and Ubuntu. `--ascii`
        // forces ASCII for a terminal that cannot show UTF-8 at all.
        return setlocale(LC_CTYPE, "C.UTF-8") != nil && isUTF8()
    }

    private static func isUTF8() -> Bool {
        guard let codeset = aitutor_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    public var size: Size {
        Size(width: Int(getmaxx(aitutor_stdscr())), height: Int(getmaxy(aitutor_stdscr())))
    }

    public func present(_ buffer: Buffer) {
        guard !closed else { return }
        let window = aitutor_stdscr()
        let height = min(buffer.height, Int(getmaxy(window)))
        let width = min(buffer.width, Int(getmaxx(window)))
        var chars: [wchar_t] = Array(repeating: 0, count: 8)
        for y in 0..<height {
            for x in 0..<width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if cell.width == 2 && x + 1 >= width { continue }
                var n = 0
                for scalar in cell.character.unicodeScalars where n < 6 {
                    chars[n] = wchar_t(bitPattern: scalar.value)
                    n += 1
                }
                chars[n] = 0
                let (attributes, pair) = attributesAndPair(for: cell.style)
                _ = chars.withUnsafeBufferPointer { pointer in
                    aitutor_put_cell(Int32(y), Int32(x), pointer.baseAddress, attributes, Int32(pair))
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func attributesAndPair(for style: Style) -> (attr_t, Int16) {
        var attributes = aitutor_attr_normal()
        if style.attributes.contains(.bold) { attributes |= aitutor_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= aitutor_attr_dim() }
        if style.attributes.contains(.italic) { attributes |= aitutor_attr_italic() }
        if style.attributes.contains(.underline) { attributes |= aitutor_attr_underline() }
        if style.attributes.contains(.reverse) { attributes |= aitutor_attr_reverse() }
        guard capabilities.colors != .monochrome else {
            // Without colour, a coloured background is shown as reverse video so it stays visible.
            if style.background != .default { attributes |= aitutor_attr_reverse() }
            return (attributes, 0)
        }
        let key = PairKey(foreground: adapt(style.foreground), background: adapt(style.background))
        if key.foreground == .default && key.background == .default { return (attributes, 0) }
        if let pair = pairs[key] { return (attributes, pair) }
        if Int(nextPair) >= maxPairs {
            // Out of colour pairs: start again; ncurses redraws cells whose pair changed.
            pairs.removeAll()
            nextPair = 1
        }
        let pair = nextPair
        nextPair += 1
        init_pair(pair, colorNumber(key.foreground), colorNumber(key.background))
        pairs[key] = pair
        return (attributes, pair)
    }

    private func adapt(_ color: Color) -> Color {
        capabilities.colors == .palette256 ? color : color.nearestBasic
    }

    private func colorNumber(_ color: Color) -> Int16 {
        switch color {
        case .default: return -1
        case .indexed(let index): return Int16(index)
        }
    }

    public func nextEvent(timeoutMilliseconds: Int?) -> Event {
        guard !closed else { return .inputClosed }
        let window = aitutor_stdscr()
        wtimeout(window, Int32(timeoutMilliseconds ?? -1))
        while true {
            if aitutor_pending_signal() != 0 { return .inputClosed }
            var character: wint_t = 0
            let started = DispatchTime.now().uptimeNanoseconds
            let result = wget_wch(window, &character)
            if aitutor_pending_signal() != 0 { return .inputClosed }
            switch result {
            case OK:
                failedReads = 0
                if let event = Self.decode(character: UInt32(character)) { return event }
            case KEY_CODE_YES:
                failedReads = 0
                if Int32(character) == KEY_RESIZE { return .resize(size) }
                if let key = Self.decode(keyCode: Int32(character)) { return .key(key) }
            default:
                // ERR: a timeout, an interrupted read, or a terminal that is gone. A timeout
                // takes (about) its time; a dead terminal fails at once, every time.
                let elapsedMilliseconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
                if let timeout = timeoutMilliseconds, elapsedMilliseconds >= timeout / 2 {
                    failedReads = 0
                    return .tick
                }
                failedReads += 1
                if failedReads >= 20 || isatty(STDIN_FILENO) != 1 { return .inputClosed }
                if timeoutMilliseconds != nil { return .tick }
            }
        }
    }

    /// Ordinary characters and the control keys that arrive as characters in raw mode.
    static func decode(character: UInt32) -> Event? {
        switch character {
        case 3: return .key(.control("c"))
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            guard let letter = Unicode.Scalar(character + 96) else { return nil }
            return .key(.control(Character(letter)))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(character) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    static func decode(keyCode: Int32) -> Key? {
        switch keyCode {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        default:
            for n in 1...12 where keyCode == aitutor_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// Restores the terminal: leaves curses mode, shows the cursor. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }
}
