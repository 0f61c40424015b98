/// A terminal colour: the terminal's default, or an entry of the 256-colour palette.
///
/// Indices 0–7 are the classic ANSI colours every colour terminal has, 8–15 their bright
/// variants, 16–231 a 6×6×6 colour cube and 232–255 a grey ramp. Backends with fewer colours
/// map an index to the nearest one they have (see `Color.nearestBasic`).
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
    public static let brightBlack = Color.indexed(8)
    public static let brightRed = Color.indexed(9)
    public static let brightGreen = Color.indexed(10)
    public static let brightYellow = Color.indexed(11)
    public static let brightBlue = Color.indexed(12)
    public static let brightMagenta = Color.indexed(13)
    public static let brightCyan = Color.indexed(14)
    public static let brightWhite = Color.indexed(15)

    /// A colour of the 6×6×6 cube; each component is clamped to 0...5.
    public static func cube(red: Int, green: Int, blue: Int) -> Color {
        let r = min(max(red, 0), 5), g = min(max(green, 0), 5), b = min(max(blue, 0), 5)
        return .indexed(UInt8(16 + 36 * r + 6 * g + b))
    }

    /// A grey of the 24-step ramp; `level` is clamped to 0...23 (0 darkest).
    public static func grey(_ level: Int) -> Color {
        .indexed(UInt8(232 + min(max(level, 0), 23)))
    }

    /// The approximate red, green, blue components (0...255) of a palette index.
    public static func rgb(ofIndex index: UInt8) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let i = Int(index)
        if i < 16 { return basic[i] }
        if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
        let c = i - 16
        let level = { (n: Int) in n == 0 ? 0 : 55 + n * 40 }
        return (level(c / 36), level((c / 6) % 6), level(c % 6))
    }

    /// The nearest of the eight basic colours (0–7), for terminals without 256 colours.
    public var nearestBasic: Color {
        guard case .indexed(let index) = self else { return self }
        if index < 8 { return self }
        if index < 16 { return .indexed(index - 8) }
        let (r, g, b) = Color.rgb(ofIndex: index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<8 {
            let (cr, cg, cb) = Color.rgb(ofIndex: UInt8(candidate))
            let distance = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if distance < bestDistance { bestDistance = distance; best = candidate }
        }
        return .indexed(UInt8(best))
    }
}
