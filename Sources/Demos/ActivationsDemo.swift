import Foundation
import Kernel
import Plot
import Terminal

/// ReLU, leaky ReLU (slope 0.01), sigmoid, tanh and exact GELU, each beside its derivative, with
/// a probe that steps across the x axis and reads every value and slope off the kernel.
public struct ActivationsDemo: Demo {
    public static let id = "activations"
    public static let title = "Activation functions"
    public static let summary = "ReLU, leaky ReLU, sigmoid, tanh and GELU with their derivatives; step a probe along x."
    public static let lessons = ["activation-functions", "vanishing-exploding-gradients"]
    /// The functions in the order drawn, with the names the JSON report uses.
    public static let functions: [(name: String, activation: Activation)] = [
        ("relu", .relu), ("leaky-relu", .leakyReLU), ("sigmoid", .sigmoid), ("tanh", .tanh), ("gelu", .gelu),
    ]
    public static let knobs: [Knob] = [
        Knob("function", label: "show", kind: .choice(["all"] + functions.map(\.name)), default: .choice("all"),
             help: "all five functions, or one on its own"),
        Knob("range", label: "x range ±", kind: .number(range: 1...20, step: 1), default: .number(6),
             help: "the x axis runs from −range to +range"),
        Knob("points", label: "points", kind: .integer(range: 11...1001, step: 50), default: .integer(241),
             help: "how many x values are sampled (the JSON carries them all)"),
    ]
    public static let notice = """
        Read each curve beside its derivative. The sigmoid's slope is at most 0.25 and almost 0 \
        for |x| > 5; tanh's peaks at 1 at x = 0 and also flattens: stacked layers multiply these \
        slopes, which is why gradients vanish. ReLU's slope is exactly 1 for every positive input \
        and 0 below; leaky ReLU keeps 0.01 there. GELU dips below zero just left of the origin. \
        Space moves the probe one sample to the right.
        """
    public static var predictions: [Prediction] {
        [
            Prediction(question: "What is the largest slope the sigmoid ever has?",
                       choices: ["0.25", "0.5", "1"], settings: [("function", "sigmoid")], steps: 0,
                       explanation: "σ'(x) = σ(x)(1 − σ(x)) peaks at x = 0, where σ = 0.5: 0.5 × 0.5 = 0.25.",
                       judge: { demo in
                           guard let a = demo as? ActivationsDemo, let d = a.report().functions["sigmoid"]?.derivative.max() else { return 0 }
                           return [0.25, 0.5, 1].enumerated().min { abs($0.element - d) < abs($1.element - d) }?.offset ?? 0
                       }),
        ]
    }

    public struct Curve: Encodable, Sendable {
        public var value: [Double]
        public var derivative: [Double]
    }

    public struct Report: Encodable {
        public var x: [Double]
        public var functions: [String: Curve]
        public var probe: Double
    }

    public let settings: KnobSettings
    public let seed: UInt64
    public let x: [Double]
    /// The functions shown (all, or the one chosen).
    public let shown: [(name: String, activation: Activation)]
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        let range = settings.number("range"), count = max(settings.integer("points"), 2)
        // As numpy.linspace: start + i·step, the last point set exactly to the end.
        let step: Double = 2 * range / Double(count - 1)
        var grid: [Double] = (0..<count).map { (i: Int) -> Double in -range + Double(i) * step }
        grid[count - 1] = range
        x = grid
        let choice = settings.choice("function")
        shown = choice == "all" ? Self.functions : Self.functions.filter { $0.name == choice }
    }

    /// The probe starts at the left end and moves one sample per step.
    public var probeIndex: Int { min(stepCount, x.count - 1) }
    public var probe: Double { x[probeIndex] }

    public var stepsPerFrame: Int { max(1, x.count / 120) }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        if stepCount >= x.count - 1 { status = .finished("probe at the right end") }
    }

    public var readout: [ReadoutItem] {
        [ReadoutItem("x", DemoText.number(probe, digits: 3))] + shown.map { f in
            ReadoutItem(f.name, "\(DemoText.number(f.activation(probe), digits: 3)), slope \(DemoText.number(f.activation.derivative(probe), digits: 3))")
        }
    }

    public func report() -> Report {
        var curves: [String: Curve] = [:]
        for f in shown {
            curves[f.name] = Curve(value: x.map { f.activation($0) }, derivative: x.map { f.activation.derivative($0) })
        }
        return Report(x: x, functions: curves, probe: probe)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (first, second): (Rect, Rect?)
        if area.width >= 90 {
            let split = area.splitRight(area.width / 2)
            (first, second) = (split.0, split.1.inset(left: 1))
        } else if area.height >= 18 {
            let split = area.splitBottom(area.height / 2)
            (first, second) = (split.0, split.1)
        } else {
            (first, second) = (area, nil)
        }
        chart(derivative: false, mode: mode, legend: first.width >= 50).render(into: &buffer, area: first)
        if let second { chart(derivative: true, mode: mode, legend: second.width >= 50).render(into: &buffer, area: second) }
    }

    private func chart(derivative: Bool, mode: GlyphMode, legend: Bool) -> LineChart {
        var series = shown.enumerated().map { i, f in
            Series(f.name, x: x, y: x.map { derivative ? f.activation.derivative($0) : f.activation($0) },
                   color: PlotPalette.color(Self.functions.firstIndex { $0.name == f.name } ?? i))
        }
        series.append(Series("probe", x: shown.map { _ in probe },
                             y: shown.map { derivative ? $0.activation.derivative(probe) : $0.activation(probe) },
                             color: .brightWhite, marker: mode == .unicode ? "●" : "o"))
        var chart = LineChart(series: series, title: derivative ? "derivatives" : "activations", xLabel: "x", mode: mode)
        chart.legend = legend ? .right : .none
        // The probe's points are separate markers, not a line between functions.
        return chart
    }
}
