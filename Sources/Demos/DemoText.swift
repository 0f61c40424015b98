import Foundation
import Terminal

/// Number formatting and area splitting shared by the demos, so their readouts and layouts agree.
enum DemoText {
    /// A readout number: up to `digits` significant digits, "NaN"/"inf" spelled out.
    static func number(_ v: Double, digits: Int = 4) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == 0 { return "0" }
        return String(format: "%.\(digits)g", v)
    }

    /// A point as "(1.5, -2)" or a single number.
    static func point(_ p: [Double], digits: Int = 4) -> String {
        p.count == 1 ? number(p[0], digits: digits) : "(" + p.map { number($0, digits: digits) }.joined(separator: ", ") + ")"
    }

    /// A share as "36.8%".
    static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }

    /// Splits a wide area into a main plot and a side plot (nil when there is no room for two).
    static func split(_ area: Rect, sideShare: Double = 0.38, minimumWidth: Int = 90) -> (main: Rect, side: Rect?) {
        guard area.width >= minimumWidth else { return (area, nil) }
        let sideWidth = Int(Double(area.width) * sideShare)
        let (main, side) = area.splitRight(sideWidth)
        return (main, side.inset(left: 1))
    }
}
