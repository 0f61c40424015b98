import Terminal

/// y = f(x) over a range of x, sampled more densely where the curve bends.
///
/// Sampling starts with one sample per horizontal pixel, then halves any interval whose
/// midpoint lies more than half a pixel off the straight line between its ends (up to 8 times),
/// so sharp turns stay sharp and straight stretches stay cheap. Where f is not finite the curve
/// has a gap; where it jumps across the whole plot between two neighbouring fine samples (a pole,
/// as in tan x) it is cut instead of drawn as a vertical wall. Give `yRange` for functions with
/// poles: the automatic range fits every finite sample.
public struct FunctionPlot: View, Sendable {
    /// One function with its legend name and colour.
    public struct Function: Sendable {
        public var name: String
        public var color: Color?
        public var f: @Sendable (Double) -> Double
        public init(_ name: String = "", color: Color? = nil, _ f: @escaping @Sendable (Double) -> Double) {
            self.name = name
            self.color = color
            self.f = f
        }
    }

    public var functions: [Function]
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>?
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var mode: GlyphMode = .unicode
    public var legend: LegendPosition = .right
    public var zeroLines = true

    public init(functions: [Function], over xRange: ClosedRange<Double>, yRange: ClosedRange<Double>? = nil, title: String? = nil, mode: GlyphMode = .unicode) {
        self.functions = functions
        self.xRange = xRange
        self.yRange = yRange
        self.title = title
        self.mode = mode
    }

    /// One unnamed function.
    public init(over xRange: ClosedRange<Double>, yRange: ClosedRange<Double>? = nil, title: String? = nil, mode: GlyphMode = .unicode, _ f: @escaping @Sendable (Double) -> Double) {
        self.init(functions: [Function("", f)], over: xRange, yRange: yRange, title: title, mode: mode)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        // Pixel sizes of the plot area, estimated from the area (the axes take a few cells).
        let ppc = 2, ppr = mode == .unicode ? 4 : 3
        let pixelsWide = max(2, (area.width - 8) * ppc)
        let pixelsHigh = max(2, (area.height - 3) * ppr)
        let lo = xRange.lowerBound, hi = xRange.upperBound
        var uniform: [[Double]] = []
        for fn in functions {
            uniform.append((0...pixelsWide).map { fn.f(lo + (hi - lo) * Double($0) / Double(pixelsWide)) })
        }
        let yScale = Scale.automatic(uniform, fixed: yRange)
        let series = functions.enumerated().map { i, fn in
            let (xs, ys) = FunctionPlot.sample(fn.f, over: xRange, yScale: yScale, pixelsWide: pixelsWide, pixelsHigh: pixelsHigh)
            return Series(fn.name, x: xs, y: ys, color: fn.color ?? PlotPalette.color(i))
        }
        XYPlot(series: series, connect: true, title: title, xLabel: xLabel, yLabel: yLabel, xRange: xRange,
               yRange: yScale.lower...yScale.upper, yScale: .linear, mode: mode, canvas: .braille, legend: legend, zeroLines: zeroLines)
            .render(into: &buffer, area: area)
    }

    /// Adaptive samples of `f`: a uniform pass at one sample per pixel, then bisection where the
    /// curve is off a straight line by more than half a pixel of `yScale`. NaN marks cuts.
    public static func sample(_ f: (Double) -> Double, over range: ClosedRange<Double>, yScale: Scale, pixelsWide: Int, pixelsHigh: Int, maxDepth: Int = 8) -> (x: [Double], y: [Double]) {
        let n = max(1, pixelsWide)
        let lo = range.lowerBound, hi = range.upperBound
        guard lo.isFinite, hi.isFinite else { return ([], []) }
        let height = Double(max(pixelsHigh, 2) - 1)
        func py(_ y: Double) -> Double { (1 - yScale.fraction(y)) * height }
        var xs: [Double] = [lo], ys: [Double] = [f(lo)]
        func refine(_ a: Double, _ fa: Double, _ b: Double, _ fb: Double, depth: Int) {
            let m = (a + b) / 2, fm = f(m)
            let finiteA = fa.isFinite, finiteB = fb.isFinite, finiteM = fm.isFinite
            var split = false
            if finiteA && finiteB && finiteM {
                split = abs(py(fm) - (py(fa) + py(fb)) / 2) > 0.5
            } else if finiteA != finiteB || finiteM != finiteA {
                split = true  // find where the gap begins or ends
            }
            if split && depth < maxDepth {
                refine(a, fa, m, fm, depth: depth + 1)
                refine(m, fm, b, fb, depth: depth + 1)
                return
            }
            if depth >= maxDepth, finiteA, finiteB, abs(py(fb) - py(fa)) > height,
               !(finiteM && min(fa, fb) <= fm && fm <= max(fa, fb)) {
                xs.append(m); ys.append(.nan)  // a pole, not a steep climb
            }
            xs.append(b); ys.append(fb)
        }
        var a = lo, fa = ys[0]
        for i in 1...n {
            let b = lo + (hi - lo) * Double(i) / Double(n), fb = f(b)
            refine(a, fa, b, fb, depth: 0)
            a = b
            fa = fb
        }
        return (xs, ys)
    }
}
