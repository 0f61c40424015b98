import XCTest
import Terminal
@testable import Plot

final class CanvasTests: XCTestCase {
    func testOneBrailleDotIsOneBitOfItsCell() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.set(x: 3, y: 3, color: .red)  // right column, bottom row of the second cell
        var buffer = Buffer(width: 2, height: 1)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer[1, 0].character, "⢀")
        XCTAssertEqual(buffer[1, 0].style.foreground, .red)
        XCTAssertEqual(buffer[0, 0], .blank)
        canvas.set(x: 0, y: 0, color: .blue)
        canvas.set(x: 1, y: 0, color: .blue)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text(), "⠉⢀")
    }

    func testBrailleDotsAreOredAndTheLastColourWins() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        for y in 0..<4 { canvas.set(x: 0, y: y, color: .red) }
        for y in 0..<4 { canvas.set(x: 1, y: y, color: .green) }
        XCTAssertEqual(canvas.bits[0], 0xFF)
        XCTAssertEqual(canvas.colors[0], .green)
        canvas.set(x: 2, y: 0, color: .blue)  // outside: ignored
        canvas.set(x: -1, y: 0, color: .blue)
        XCTAssertEqual(canvas.colors[0], .green)
    }

    func testLineIsClippedToTheCanvas() {
        var canvas = BrailleCanvas(columns: 3, rows: 1)  // 6×4 pixels
        canvas.line(x0: -100, y0: 1, x1: 100, y1: 1, color: .red)
        var buffer = Buffer(width: 5, height: 3)
        canvas.render(into: &buffer, area: Rect(x: 1, y: 1, width: 3, height: 1))
        XCTAssertEqual(buffer.text(), "\n ⠒⠒⠒\n")
        var empty = BrailleCanvas(columns: 3, rows: 1)
        empty.line(x0: -10, y0: -10, x1: -1, y1: -5, color: .red)
        empty.line(x0: .nan, y0: 0, x1: 2, y1: 2, color: .red)
        empty.line(x0: 0, y0: 0, x1: .infinity, y1: 2, color: .red)
        XCTAssertEqual(empty.bits, [0, 0, 0])
    }

    func testHalfBlockKeepsAColourPerPixel() {
        var canvas = HalfBlockCanvas(columns: 3, rows: 1)
        canvas.set(x: 0, y: 0, color: .red)
        canvas.set(x: 1, y: 1, color: .blue)
        canvas.set(x: 2, y: 0, color: .red)
        canvas.set(x: 2, y: 1, color: .green)
        var buffer = Buffer(width: 3, height: 1)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text(), "▀▄▀")
        XCTAssertEqual(buffer[2, 0].style, Style(foreground: .red, background: .green))
        XCTAssertEqual(buffer[1, 0].style.foreground, .blue)
    }

    func testDensityShadesByShareOfTheBusiestCell() {
        var canvas = DensityCanvas(columns: 4, rows: 1)
        for _ in 0..<8 { canvas.set(x: 0, y: 0, color: .red) }
        for _ in 0..<4 { canvas.set(x: 1, y: 0, color: .red) }
        canvas.set(x: 2, y: 0, color: .red)
        var buffer = Buffer(width: 4, height: 1)
        canvas.render(into: &buffer, area: buffer.area)
        XCTAssertEqual(buffer.text(), "█▒░")
    }

    func testAsciiPatternsLookLikeTheirPixels() {
        func glyph(_ pixels: [(Int, Int)]) -> Character {
            var canvas = AsciiCanvas(columns: 1, rows: 1)
            for (x, y) in pixels { canvas.set(x: x, y: y, color: .default) }
            var buffer = Buffer(width: 1, height: 1)
            canvas.render(into: &buffer, area: buffer.area)
            return buffer[0, 0].character
        }
        XCTAssertEqual(glyph([(0, 1), (1, 1)]), "-")
        XCTAssertEqual(glyph([(0, 0), (0, 1), (0, 2)]), "|")
        XCTAssertEqual(glyph([(1, 0), (0, 2)]), "/")
        XCTAssertEqual(glyph([(0, 0), (1, 1), (1, 2)]), "\\")
        XCTAssertEqual(glyph([(0, 2), (1, 2)]), "_")
        XCTAssertEqual(glyph([(0, 0)]), "'")
        XCTAssertEqual(glyph([(0, 0), (1, 0), (0, 1), (1, 1), (0, 2)]), "#")
    }

    func testArrowGlyphsSnapToEightDirections() {
        XCTAssertEqual(ArrowField.glyph(dx: 1, dy: 0, mode: .unicode), "→")
        XCTAssertEqual(ArrowField.glyph(dx: 1, dy: 1, mode: .unicode), "↗")
        XCTAssertEqual(ArrowField.glyph(dx: 0, dy: -2, mode: .unicode), "↓")
        XCTAssertEqual(ArrowField.glyph(dx: -1, dy: -1.1, mode: .unicode), "↙")
        XCTAssertEqual(ArrowField.glyph(dx: -1, dy: 0.1, mode: .ascii), "<")
        XCTAssertEqual(ArrowField.glyph(dx: -1, dy: 1, mode: .ascii), "\\")
        XCTAssertEqual(ArrowField.glyph(dx: 0, dy: 0, mode: .unicode), "·")
        XCTAssertNil(ArrowField.glyph(dx: .nan, dy: 0, mode: .unicode))
    }

    func testHistogramBinning() {
        let h = Histogram(values: [1, 2, 3, 4, 5, 6, 7, 8])
        // Freedman–Diaconis: IQR 3.5, width 2·3.5/8^(1/3) = 3.5, so 2 bins over 1...8.
        XCTAssertEqual(h.binEdges(), [1, 4.5, 8])
        XCTAssertEqual(h.counts(edges: h.binEdges()), [4, 4])
        // IQR 0: Sturges, ⌈log₂ 4⌉ + 1 = 3 bins.
        let constant = Histogram(values: [3, 3, 3, 3, .nan, .infinity])
        XCTAssertEqual(constant.binEdges().count, 4)
        XCTAssertEqual(constant.counts(edges: constant.binEdges()), [0, 4, 0])
        XCTAssertEqual(constant.ignoredCount, 2)
        let empty = Histogram(values: [], bins: 5).binEdges()
        XCTAssertEqual(empty.count, 6)
        XCTAssertEqual(empty.first, 0)
        XCTAssertEqual(empty.last, 1)
    }

    func testFunctionSamplingIsDenserWhereTheCurveBends() {
        let scale = Scale(lower: -1, upper: 1)
        let straight = FunctionPlot.sample({ $0 }, over: -1...1, yScale: scale, pixelsWide: 20, pixelsHigh: 20)
        XCTAssertEqual(straight.x.count, 21)
        let bent = FunctionPlot.sample({ abs($0) < 0.05 ? 1 - abs($0) * 20 : 0 }, over: -1...1, yScale: scale, pixelsWide: 20, pixelsHigh: 40)
        XCTAssertGreaterThan(bent.x.count, 21)
        XCTAssertEqual(bent.y.max() ?? 0, 1, accuracy: 0.05)
        let pole = FunctionPlot.sample({ 1 / $0 }, over: -1...1, yScale: Scale(lower: -5, upper: 5), pixelsWide: 21, pixelsHigh: 40)
        XCTAssertTrue(pole.y.contains { $0.isNaN || !$0.isFinite }, "the pole at 0 is cut")
    }
}
