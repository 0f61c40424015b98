/// How many colours a terminal can show.
public enum ColorDepth: Int, Comparable, Sendable {
    case monochrome = 0
    case basic8 = 8
    case palette256 = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// What the terminal can draw. Views consult it to pick glyphs (Unicode or ASCII) and colours.
public struct Capabilities: Hashable, Sendable {
    /// True when the terminal takes UTF-8, so box drawing, braille and block glyphs can be used.
    public var unicode: Bool
    public var colors: ColorDepth

    public init(unicode: Bool = true, colors: ColorDepth = .palette256) {
        self.unicode = unicode
        self.colors = colors
    }

    public static let full = Capabilities()
    public static let asciiMonochrome = Capabilities(unicode: false, colors: .monochrome)
}

/// Where frames go and events come from: the real terminal (ncurses) or a test double.
///
/// The UI loop is the only caller, on the main thread (a backend is not Sendable): it asks for the size, draws a Buffer of
/// that size, presents it, and waits for the next event.
public protocol Backend: AnyObject {
    var size: Size { get }
    var capabilities: Capabilities { get }
    /// Shows a whole frame. The buffer has the backend's current size.
    func present(_ buffer: Buffer)
    /// Waits for a key, a resize or the end of input. With a timeout (milliseconds) it returns
    /// `.tick` when nothing came in time; without one it waits as long as it takes.
    func nextEvent(timeoutMilliseconds: Int?) -> Event
}

/// Anything that draws itself into a rectangle of a buffer.
public protocol View {
    func render(into buffer: inout Buffer, area: Rect)
}
