import Foundation
import Kernel
import Plot
import Terminal

/// Six optimizers race from one start on one surface with one learning rate: SGD, momentum,
/// Nesterov, RMSprop, Adam and AdamW, each the kernel's PyTorch-exact implementation with
/// PyTorch's defaults (momentum 0.9, RMSprop α 0.99, Adam β (0.9, 0.999), AdamW decay 0.01).
public struct OptimizersDemo: Demo {
    public static let id = "optimizers"
    public static let title = "Optimizer race"
    public static let summary = "SGD, momentum, Nesterov, RMSprop, Adam and AdamW race down the same surface from the same start."
    public static let lessons = ["optimizers"]
    static let surfaces: [LossSurface] = [.bowl, .ravine, .rosenbrock]
    public static let knobs: [Knob] = [
        Knob("function", label: "function", kind: .choice(surfaces.map(\.rawValue)), default: .choice("ravine"),
             help: "the surface: bowl x²+y², ravine x²+10y², rosenbrock (1−x)²+100(y−x²)²"),
        Knob("lr", label: "learning rate", kind: .number(range: 0.0005...1, step: 0.005), default: .number(0.02),
             help: "one learning rate shared by every optimizer"),
        Knob("steps", label: "race length", kind: .integer(range: 10...5000, step: 50), default: .integer(300),
             help: "how many steps the race lasts"),
    ]
    public static let notice = """
        Plain SGD takes lr times the gradient, so on the ravine it bounces across the steep \
        direction and crawls along the shallow one. Momentum and Nesterov build speed along the \
        valley floor. RMSprop and Adam divide by a running size of each gradient, so every \
        direction moves at about lr per step: they head straight for the minimum, then jitter \
        around it at the scale of lr. AdamW is Adam plus weight decay that pulls towards 0.
        """
    public static var predictions: [Prediction] {
        [
            Prediction(question: "On the ravine at lr 0.02, which optimizer ends closest to the minimum after 100 steps?",
                       choices: ["SGD", "momentum", "Adam"],
                       settings: [("function", "ravine"), ("lr", "0.02"), ("steps", "100")], steps: 100,
                       explanation: "SGD shrinks x by only 4% a step (1 − 2·0.02); momentum's speed builds along the floor; Adam moves about 0.02 a step, too short to cover the distance in 100 steps.",
                       judge: { demo in
                           guard let race = demo as? OptimizersDemo else { return 0 }
                           let names = ["sgd", "momentum", "adam"]
                           let losses = names.map { name in race.runs.first { $0.optimizer == name }?.loss.last ?? .infinity }
                           return losses.indices.min { losses[$0] < losses[$1] } ?? 0
                       }),
        ]
    }

    /// One optimizer's race.
    public struct Run: Encodable, Sendable {
        public var optimizer: String
        public var points: [[Double]]
        public var loss: [Double]
        /// `running`, `converged` or `diverged`.
        public var status: String
        public var divergedAtStep: Int?
    }

    public struct Report: Encodable {
        public var function: String
        public var formula: String
        public var learningRate: Double
        public var start: [Double]
        public var runs: [Run]
    }

    public static let optimizerNames = ["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"]
    static let markers: [Character] = ["s", "m", "n", "r", "a", "w"]

    public let settings: KnobSettings
    public let seed: UInt64
    public let surface: LossSurface
    public let learningRate: Double
    public let length: Int
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    public private(set) var runs: [Run]
    private var optimizers: [any Optimizer]
    private var gradients: [[Double]]

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        guard let surface = LossSurface(rawValue: settings.choice("function")), surface.dimension == 2 else {
            throw DemoError.invalidValue(knob: "function", value: settings.choice("function"), expected: "one of bowl, ravine, rosenbrock")
        }
        self.surface = surface
        learningRate = settings.number("lr")
        length = settings.integer("steps")
        let lr = learningRate
        optimizers = [
            try SGD(learningRate: lr),
            try SGD(learningRate: lr, momentum: 0.9),
            try SGD(learningRate: lr, momentum: 0.9, nesterov: true),
            RMSprop(learningRate: lr),
            Adam(learningRate: lr),
            AdamW(learningRate: lr),
        ]
        let start = surface.defaultStart
        let (loss, gradient) = surface.evaluate(at: start)
        runs = Self.optimizerNames.map { Run(optimizer: $0, points: [start], loss: [loss], status: "running", divergedAtStep: nil) }
        gradients = Array(repeating: gradient, count: Self.optimizerNames.count)
    }

    public var stepsPerFrame: Int { 2 }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        for i in runs.indices where runs[i].status == "running" {
            guard var point = runs[i].points.last else { continue }
            do {
                try optimizers[i].step(parameters: &point, gradients: gradients[i])
            } catch {
                runs[i].status = "diverged"
                runs[i].divergedAtStep = stepCount
                continue
            }
            let (loss, gradient) = surface.evaluate(at: point)
            gradients[i] = gradient
            runs[i].points.append(point)
            runs[i].loss.append(loss)
            if DivergenceCheck.problem(point + [loss] + gradient, what: "a value") != nil {
                runs[i].status = "diverged"
                runs[i].divergedAtStep = stepCount
            } else if gradient.reduce(0, { $0 + $1 * $1 }).squareRoot() < GradientDescentDemo.tolerance {
                runs[i].status = "converged"
            }
        }
        let active = runs.filter { $0.status == "running" }.count
        let diverged = runs.filter { $0.status == "diverged" }
        if diverged.count == runs.count {
            status = .diverged(step: diverged.compactMap(\.divergedAtStep).max() ?? stepCount, reason: "every optimizer diverged")
        } else if active == 0 || stepCount >= length {
            status = .finished(active == 0 && diverged.isEmpty ? "converged" : "finished")
        }
    }

    public var readout: [ReadoutItem] {
        [ReadoutItem("step", "\(stepCount) of \(length)")] + runs.map { run in
            let loss = run.loss.last ?? .nan
            let tag: String
            switch run.status {
            case "diverged": tag = "diverged at step \(run.divergedAtStep ?? stepCount)"
            case "converged": tag = "converged, loss \(DemoText.number(loss, digits: 3))"
            default: tag = "loss \(DemoText.number(loss, digits: 3))"
            }
            return ReadoutItem(run.optimizer, tag)
        } + [ReadoutItem("status", status.message)]
    }

    public func report() -> Report {
        Report(function: surface.rawValue, formula: surface.formula, learningRate: learningRate, start: surface.defaultStart, runs: runs)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (main, side) = DemoText.split(area)
        var xRange = surface.defaultWindow.x, yRange = surface.defaultWindow.y
        let drawable = runs.map { run in run.points.filter { $0.allSatisfy { $0.isFinite && abs($0) < 1e3 } } }
        for p in drawable.joined() {
            xRange = min(xRange.lowerBound, p[0] - 0.3)...max(xRange.upperBound, p[0] + 0.3)
            yRange = min(yRange.lowerBound, p[1] - 0.3)...max(yRange.upperBound, p[1] + 0.3)
        }
        let columns = 60, rows = 40
        var xs: [Double] = [], ys: [Double] = []
        for r in 0..<rows {
            let y = yRange.upperBound - (yRange.upperBound - yRange.lowerBound) * (Double(r) + 0.5) / Double(rows)
            for c in 0..<columns {
                xs.append(xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * (Double(c) + 0.5) / Double(columns))
                ys.append(y)
            }
        }
        // Without colour, shade characters would drown the six letters: show the paths alone.
        let monochrome = capabilities.colors == .monochrome
        let flat = monochrome ? xs.map { _ in Double.nan } : surface.values(xs: xs, ys: ys).map { log1p(max($0, 0)) }
        let values = (0..<rows).map { Array(flat[($0 * columns)..<(($0 + 1) * columns)]) }
        let formula = mode == .unicode ? surface.formula : surface.asciiFormula
        var map = HeatMap(values: values, xRange: xRange, yRange: yRange,
                          title: "\(formula), lr \(KnobValue.format(learningRate)): s m n r a w", mode: mode)
        map.useColor = capabilities.colors != .monochrome
        map.showColorBar = false
        map.colorScale = .greys
        map.points = drawable.enumerated().map { i, points in
            Series(runs[i].optimizer, x: points.map { $0[0] }, y: points.map { $0[1] }, color: PlotPalette.color(i), marker: Self.markers[i])
        }
        map.render(into: &buffer, area: main)
        guard let side else { return }
        let positive = runs.allSatisfy { run in run.loss.allSatisfy { $0 > 0 || !$0.isFinite } }
        var chart = LineChart(series: runs.enumerated().map { i, run in
            let finite = run.loss.enumerated().filter { $0.element.isFinite && abs($0.element) < 1e12 }
            return Series(run.optimizer, x: finite.map { Double($0.offset) }, y: finite.map(\.element), color: PlotPalette.color(i))
        }, title: positive ? "loss (log scale)" : "loss", xLabel: "step", mode: mode)
        chart.yScale = positive ? .log10 : .linear
        chart.render(into: &buffer, area: side)
    }
}
