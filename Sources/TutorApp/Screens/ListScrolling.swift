import Terminal

/// Scrolling helpers shared by the list and page screens.
enum ListScrolling {
    /// The first visible row that keeps `cursor` on screen, scrolling as little as possible from
    /// `previous`, within 0...(count − height).
    static func offset(cursor: Int, previous: Int, height: Int, count: Int) -> Int {
        guard height > 0 else { return 0 }
        var top = previous
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        return max(0, min(top, max(0, count - height)))
    }

    /// Draws a one-column scroll bar at the right edge of `area` when the content is taller.
    static func drawScrollBar(into buffer: inout Buffer, area: Rect, top: Int, visible: Int, total: Int, glyphs: Glyphs) {
        guard total > visible, area.height > 0, area.width > 0 else { return }
        let x = area.maxX - 1
        let thumbHeight = max(1, area.height * visible / total)
        let maxTop = max(1, total - visible)
        let thumbTop = (area.height - thumbHeight) * min(top, maxTop) / maxTop
        for row in 0..<area.height {
            let inThumb = row >= thumbTop && row < thumbTop + thumbHeight
            buffer.put(Character(inThumb ? glyphs.barFull : glyphs.vertical), x: x, y: area.y + row,
                       style: inThumb ? Theme.muted : Theme.border)
        }
    }

    /// A text progress bar such as `████░░░░` of the given width.
    static func bar(_ fraction: Double, width: Int, glyphs: Glyphs) -> String {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let filled = Int((clamped * Double(width)).rounded())
        return String(repeating: glyphs.barFull, count: filled) + String(repeating: glyphs.barEmpty, count: width - filled)
    }
}
