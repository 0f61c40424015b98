import Foundation
import Kernel
import Plot
import Terminal

/// Drawing helpers the classification, regression and clustering demos share: splitting the
/// area into panels, point series, decision-boundary heat maps and number formatting.
///
/// Nothing here computes model maths; it only arranges what the kernel computed into the
/// plotting library's views.
enum DemoPanels {
    /// Left and right halves when the area is wide enough for two readable plots, else the whole
    /// area and nil. `share` is the left panel's fraction of the width.
    static func split(_ area: Rect, minimumWidth: Int = 80, share: Double = 0.5) -> (Rect, Rect?) {
        guard area.width >= minimumWidth, area.height >= 6 else { return (area, nil) }
        let leftWidth = Int(Double(area.width) * share)
        let left = Rect(x: area.x, y: area.y, width: leftWidth, height: area.height)
        let right = Rect(x: area.x + leftWidth + 1, y: area.y, width: area.width - leftWidth - 1, height: area.height)
        return (left, right)
    }

    /// Top and bottom parts when the area is tall enough, else the whole area and nil.
    static func stack(_ area: Rect, minimumHeight: Int = 24, share: Double = 0.5) -> (Rect, Rect?) {
        guard area.height >= minimumHeight else { return (area, nil) }
        let topHeight = Int(Double(area.height) * share)
        let top = Rect(x: area.x, y: area.y, width: area.width, height: topHeight)
        let bottom = Rect(x: area.x, y: area.y + topHeight, width: area.width, height: area.height - topHeight)
        return (top, bottom)
    }

    /// A series of unconnected points for a `LineChart`: every point is followed by a NaN gap,
    /// so the chart draws markers (or dots) without lines between them. This lets one chart
    /// carry both lines (fits, boundaries) and the data they were fitted to.
    static func points(_ name: String, x: [Double], y: [Double], color: Color? = nil, marker: Character?) -> Series {
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(2 * x.count)
        ys.reserveCapacity(2 * y.count)
        for (a, b) in zip(x, y) {
            xs.append(a); ys.append(b)
            xs.append(.nan); ys.append(.nan)
        }
        return Series(name, x: xs, y: ys, color: color, marker: marker)
    }

    /// Colours of class 0 and class 1, matching the blue-to-red diverging heat map.
    static let classColors: [Color] = [.brightBlue, .brightRed, .brightGreen, .brightYellow]

    /// Markers of training points per class. The ASCII ones avoid the heat map's shade
    /// characters (` .:-=+*#%@`) so a point never reads as a probability.
    static func classMarker(_ index: Int, mode: GlyphMode) -> Character {
        let set: [Character] = mode == .unicode ? ["●", "■", "▲", "◆"] : ["o", "x", "v", "z"]
        return set[index % set.count]
    }

    /// Markers of held-out (test) points per class: hollow versions of `classMarker`.
    static func testMarker(_ index: Int, mode: GlyphMode) -> Character {
        let set: [Character] = mode == .unicode ? ["○", "□", "△", "◇"] : ["O", "X", "V", "Z"]
        return set[index % set.count]
    }

    /// One scatter series per class, each with its class's marker and colour.
    static func classSeries(points: [[Double]], labels: [Int], mode: GlyphMode, names: [String]? = nil) -> [Series] {
        let classes = Array(Set(labels)).sorted()
        return classes.enumerated().map { index, label in
            let members = labels.indices.filter { labels[$0] == label }
            let name = names.flatMap { index < $0.count ? $0[index] : nil } ?? "class \(label)"
            return Series(name, x: members.map { points[$0][0] }, y: members.map { points[$0][1] },
                          color: classColors[index % classColors.count], marker: classMarker(index, mode: mode))
        }
    }

    /// The bounding box of 2-D points, padded by `padding` of its span on every side, so points
    /// never sit on the plot's edge.
    static func bounds(_ points: [[Double]], padding: Double = 0.1) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var lo = [Double.infinity, .infinity], hi = [-Double.infinity, -.infinity]
        for p in points where p.count >= 2 {
            for j in 0..<2 where p[j].isFinite { lo[j] = min(lo[j], p[j]); hi[j] = max(hi[j], p[j]) }
        }
        func padded(_ j: Int) -> ClosedRange<Double> {
            guard lo[j] <= hi[j] else { return -1...1 }
            let span = max(hi[j] - lo[j], 1e-9)
            return (lo[j] - padding * span)...(hi[j] + padding * span)
        }
        return (padded(0), padded(1))
    }

    /// A `rows` × `columns` grid of `value(x, y)` over the ranges, top row first (the heat map's
    /// order), sampled at cell centres.
    static func grid(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int,
                     _ value: ([Double]) -> Double) -> [[Double]] {
        gridPoints(x: x, y: y, columns: columns, rows: rows).map { row in row.map(value) }
    }

    /// The sample points of `grid`, top row first.
    static func gridPoints(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int) -> [[[Double]]] {
        let dx = (x.upperBound - x.lowerBound) / Double(max(columns, 1))
        let dy = (y.upperBound - y.lowerBound) / Double(max(rows, 1))
        return (0..<rows).map { r in
            let py = y.upperBound - (Double(r) + 0.5) * dy
            return (0..<columns).map { c in [x.lowerBound + (Double(c) + 0.5) * dx, py] }
        }
    }

    /// A decision-boundary heat map: class-1 probability from blue (0) through white to red (1),
    /// with the points of each class on top.
    static func boundaryMap(probability: [[Double]], x: ClosedRange<Double>, y: ClosedRange<Double>,
                            points: [Series], title: String?, capabilities: Capabilities) -> HeatMap {
        let mode = GlyphMode(capabilities)
        var map = HeatMap(values: probability, xRange: x, yRange: y, title: title, mode: mode)
        map.valueRange = 0...1
        map.colorScale = .diverging
        map.useColor = capabilities.colors != .monochrome
        map.points = points
        return map
    }

    /// Writes `lines` top to bottom inside `area`, clipped; returns the rows used.
    @discardableResult
    static func text(_ lines: [String], into buffer: inout Buffer, area: Rect, style: Style = .plain) -> Int {
        var y = area.y
        for line in lines {
            guard y < area.maxY else { break }
            _ = buffer.write(line, x: area.x, y: y, style: style, clip: area)
            y += 1
        }
        return y - area.y
    }

    /// A number with about four significant digits, for readouts: 0.1235, 12.35, 1.2e-05.
    static func format(_ v: Double, digits: Int = 4) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        if v == 0 { return "0" }
        return String(format: "%.\(digits)g", v)
    }

    /// True when a value is unusable: NaN, ±∞ or beyond the demos' overflow limit of 1e12.
    static func isBlownUp(_ v: Double) -> Bool { !v.isFinite || abs(v) > 1e12 }
}

/// A labelled 2-D data set split into a training and a test part by a seeded permutation, as
/// the classify and mlp demos show it.
struct LabelledSplit {
    var trainPoints: [[Double]], trainLabels: [Int]
    var testPoints: [[Double]], testLabels: [Int]

    init(points: [[Double]], labels: [Int], trainCount: Int, seed: UInt64) {
        var splitter = RandomGenerator(seed: seed)
        let order = splitter.permutation(points.count)
        let train = order.prefix(trainCount), test = order.dropFirst(trainCount)
        trainPoints = train.map { points[$0] }
        trainLabels = train.map { labels[$0] }
        testPoints = test.map { points[$0] }
        testLabels = test.map { labels[$0] }
    }
}
