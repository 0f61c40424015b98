import Foundation
import Kernel
import Plot
import Terminal

/// Plain gradient descent on a one- or two-variable function: x ← x − lr·∇f(x).
///
/// The gradient comes from the kernel's tape and the update from the kernel's `SGD` (no
/// momentum), so the path drawn is exactly what `torch.optim.SGD` would take.
public struct GradientDescentDemo: Demo {
    public static let id = "gradient-descent"
    public static let title = "Gradient descent"
    public static let summary = "Step downhill on x², a double well, a bowl, a ravine or Rosenbrock; watch the learning rate decide."
    public static let lessons = ["calculus", "gradient-descent-variants"]
    public static let knobs: [Knob] = [
        Knob("function", label: "function", kind: .choice(LossSurface.allCases.map(\.rawValue)), default: .choice("square"),
             help: "the function to minimise: square x², quartic x⁴−3x²+x, bowl x²+y², ravine x²+10y², rosenbrock"),
        Knob("lr", label: "learning rate", kind: .number(range: 0.0001...2, step: 0.05), default: .number(0.1),
             help: "the step size: how far each step moves along the negative gradient"),
        Knob("start", label: "start", kind: .numbers(count: 1...2, range: -10...10), default: .numbers([3]),
             help: "the starting point, x or x,y; when it does not fit the function, the function's usual start"),
    ]
    public static let notice = """
        Each step moves against the slope by lr times the gradient. On x² with lr 0.1 the steps \
        shrink as the slope flattens; at 0.9 every step overshoots to the other side yet the \
        overshoot shrinks; above 1 it grows and the run diverges. On the ravine the steep \
        direction limits the learning rate while the shallow one crawls.
        """
    public static var predictions: [Prediction] {
        [
            Prediction(question: "At learning rate 1.1 on f(x) = x², starting from 3, what will x do?",
                       choices: ["converge smoothly", "oscillate but converge", "diverge"],
                       settings: [("function", "square"), ("lr", "1.1"), ("start", "3")], steps: 300,
                       explanation: "Each step multiplies x by 1 − 2·lr = −1.2: the sign flips and the size grows by 20% a step, so x diverges.",
                       judge: Self.judgeOscillation),
            Prediction(question: "At learning rate 0.9 on f(x) = x², starting from 3, what will x do?",
                       choices: ["converge smoothly", "oscillate but converge", "diverge"],
                       settings: [("function", "square"), ("lr", "0.9"), ("start", "3")], steps: 300,
                       explanation: "Each step multiplies x by 1 − 2·0.9 = −0.8: it jumps across the minimum every step, but each jump is shorter, so it converges.",
                       judge: Self.judgeOscillation),
            Prediction(question: "At learning rate 0.15 on the ravine x² + 10y², will the run converge?",
                       choices: ["yes", "no, it diverges"],
                       settings: [("function", "ravine"), ("lr", "0.15")], steps: 300,
                       explanation: "Along y the curvature is 20, so a step multiplies y by 1 − 20·0.15 = −2: the steep direction diverges even though x alone would converge.",
                       judge: { demo in if case .diverged = demo.status { return 1 } else { return 0 } }),
        ]
    }

    /// 0 converged without crossing the minimum, 1 converged oscillating, 2 diverged.
    static func judgeOscillation(_ demo: any Demo) -> Int {
        if case .diverged = demo.status { return 2 }
        guard let gd = demo as? GradientDescentDemo else { return 0 }
        let xs = gd.trajectory.map { $0.x[0] }
        let crossed = zip(xs, xs.dropFirst()).contains { $0 * $1 < 0 }
        return crossed ? 1 : 0
    }

    /// One point of the path.
    public struct Point: Encodable, Hashable, Sendable {
        public var step: Int
        public var x: [Double]
        public var loss: Double
    }

    public struct Report: Encodable {
        public var function: String
        public var formula: String
        public var learningRate: Double
        public var start: [Double]
        public var status: DemoStatus
        public var trajectory: [Point]
    }

    /// A run counts as converged once the gradient is this small.
    public static let tolerance = 1e-6

    public let settings: KnobSettings
    public let seed: UInt64
    public let surface: LossSurface
    public let learningRate: Double
    public let start: [Double]
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    public private(set) var trajectory: [Point]
    private var position: [Double]
    private var gradient: [Double]
    private var optimizer: SGD

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        guard let surface = LossSurface(rawValue: settings.choice("function")) else {
            throw DemoError.invalidValue(knob: "function", value: settings.choice("function"),
                                         expected: "one of \(LossSurface.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.surface = surface
        learningRate = settings.number("lr")
        let typed = settings.numbers("start")
        start = typed.count == surface.dimension ? typed : surface.defaultStart
        optimizer = try SGD(learningRate: learningRate)
        position = start
        let (loss, gradient) = surface.evaluate(at: start)
        self.gradient = gradient
        trajectory = [Point(step: 0, x: start, loss: loss)]
        checkConvergence()
    }

    public var currentPoint: [Double] { position }
    public var currentLoss: Double { trajectory.last?.loss ?? .nan }

    public mutating func step() {
        guard status.isRunning else { return }
        do {
            try optimizer.step(parameters: &position, gradients: gradient)
        } catch {
            status = .finished("stopped: \(error)")
            return
        }
        stepCount += 1
        let (loss, newGradient) = surface.evaluate(at: position)
        gradient = newGradient
        trajectory.append(Point(step: stepCount, x: position, loss: loss))
        if let problem = DivergenceCheck.problem(position, what: "x") ?? DivergenceCheck.problem([loss], what: "the loss")
            ?? DivergenceCheck.problem(gradient, what: "the gradient") {
            status = .diverged(step: stepCount, reason: problem)
            return
        }
        checkConvergence()
    }

    private mutating func checkConvergence() {
        let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm < Self.tolerance { status = .finished("converged") }
    }

    public var readout: [ReadoutItem] {
        let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return [
            ReadoutItem("step", String(stepCount)),
            ReadoutItem(surface.dimension == 1 ? "x" : "(x, y)", DemoText.point(position)),
            ReadoutItem("loss", DemoText.number(currentLoss)),
            ReadoutItem("|gradient|", DemoText.number(norm)),
            ReadoutItem("status", status.message),
        ]
    }

    public func report() -> Report {
        Report(function: surface.rawValue, formula: surface.formula, learningRate: learningRate, start: start,
               status: status, trajectory: trajectory)
    }

    /// The path's points that can be drawn (finite and not absurdly far out).
    private var drawablePath: [Point] {
        trajectory.filter { p in p.x.allSatisfy { $0.isFinite && abs($0) < 1e6 } && p.loss.isFinite }
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (main, side) = DemoText.split(area)
        let formula = mode == .unicode ? surface.formula : surface.asciiFormula
        let title = "f = \(formula), lr \(KnobValue.format(learningRate))"
        if surface.dimension == 1 {
            renderCurve(into: &buffer, area: main, mode: mode, title: title)
        } else {
            renderSurface(into: &buffer, area: main, mode: mode, capabilities: capabilities, title: title)
        }
        if let side { renderLoss(into: &buffer, area: side, mode: mode) }
    }

    private func renderCurve(into buffer: inout Buffer, area: Rect, mode: GlyphMode, title: String) {
        let path = drawablePath
        let xs = path.map { $0.x[0] } + [-1.5, 1.5, start[0]]
        let lower = xs.min() ?? -3, upper = xs.max() ?? 3
        let pad = (upper - lower) * 0.1
        let count = 160
        let grid = (0..<count).map { lower - pad + (upper - lower + 2 * pad) * Double($0) / Double(count - 1) }
        let curve = surface.values(xs: grid, ys: grid.map { _ in 0 })
        var chart = LineChart(series: [
            Series("f(x)", x: grid, y: curve, color: .brightBlue),
            Series("steps", x: path.map { $0.x[0] }, y: path.map(\.loss), color: .brightRed, marker: mode == .unicode ? "●" : "o"),
        ], title: title, xLabel: "x", mode: mode)
        chart.legend = area.width >= 60 ? .right : .none
        chart.render(into: &buffer, area: area)
    }

    private func renderSurface(into buffer: inout Buffer, area: Rect, mode: GlyphMode, capabilities: Capabilities, title: String) {
        let path = drawablePath
        var xRange = surface.defaultWindow.x, yRange = surface.defaultWindow.y
        for p in path {
            xRange = min(xRange.lowerBound, p.x[0] - 0.3)...max(xRange.upperBound, p.x[0] + 0.3)
            yRange = min(yRange.lowerBound, p.x[1] - 0.3)...max(yRange.upperBound, p.x[1] + 0.3)
        }
        let columns = 60, rows = 40
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(columns * rows)
        ys.reserveCapacity(columns * rows)
        for r in 0..<rows {
            // Row 0 is the top of the heat map: the largest y.
            let y = yRange.upperBound - (yRange.upperBound - yRange.lowerBound) * (Double(r) + 0.5) / Double(rows)
            for c in 0..<columns {
                xs.append(xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * (Double(c) + 0.5) / Double(columns))
                ys.append(y)
            }
        }
        // log(1 + f) so the valley floor stays visible next to the steep walls.
        let flat = surface.values(xs: xs, ys: ys).map { log1p(max($0, 0)) }
        let values = (0..<rows).map { Array(flat[($0 * columns)..<(($0 + 1) * columns)]) }
        var map = HeatMap(values: values, xRange: xRange, yRange: yRange, title: title + " (colour: log(1+f))", mode: mode)
        map.useColor = capabilities.colors != .monochrome
        map.showColorBar = area.width >= 60
        map.points = [
            Series("path", x: path.dropLast().map { $0.x[0] }, y: path.dropLast().map { $0.x[1] }, color: .brightRed,
                   marker: mode == .unicode ? "•" : "."),
            Series("now", x: path.suffix(1).map { $0.x[0] }, y: path.suffix(1).map { $0.x[1] }, color: .brightYellow,
                   marker: mode == .unicode ? "◆" : "@"),
        ]
        map.render(into: &buffer, area: area)
    }

    private func renderLoss(into buffer: inout Buffer, area: Rect, mode: GlyphMode) {
        let path = drawablePath
        let positive = path.allSatisfy { $0.loss > 0 }
        var chart = LineChart(series: [Series("loss", x: path.map { Double($0.step) }, y: path.map(\.loss), color: .brightGreen)],
                              title: positive ? "loss (log scale)" : "loss", xLabel: "step", mode: mode)
        chart.yScale = positive ? .log10 : .linear
        chart.legend = .none
        chart.render(into: &buffer, area: area)
    }
}
