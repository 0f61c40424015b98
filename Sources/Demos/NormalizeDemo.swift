import Foundation
import Kernel
import Plot
import Terminal

/// Raw features beside their min-max and z-score versions, computed by the kernel's
/// `MinMaxScaler` and `StandardScaler` (scikit-learn's definitions: population standard
/// deviation). Each step moves the highlight to the next view: raw, min-max, z-score.
public struct NormalizeDemo: Demo {
    public static let id = "normalize"
    public static let title = "Normalization"
    public static let summary = "Two features on very different scales, raw, min-max scaled and standardized; with or without an outlier."
    public static let lessons = ["data-normalization"]
    public static let knobs: [Knob] = [
        Knob("n", label: "rows n", kind: .integer(range: 5...300, step: 5), default: .integer(40),
             help: "how many rows (people) the data has"),
        Knob("outlier", label: "outlier", kind: .flag, default: .flag(true),
             help: "add one person with a very high income"),
    ]
    public static let notice = """
        The two features are age (years) and income (thousands): on the raw axes income \
        dominates any distance. Min-max maps each feature onto 0 to 1; z-score centres each on \
        0 with standard deviation 1. Neither changes the shape of the cloud, only its axes. \
        Switch the outlier on and off: with it, min-max squeezes every ordinary income into a \
        thin band near 0, and z-scores shrink too, because both transforms are linear.
        """
    public static var predictions: [Prediction] {
        [
            Prediction(question: "With the outlier, what is the largest min-max scaled income?",
                       choices: ["exactly 1", "about 3", "it depends on n"],
                       settings: [("outlier", "on")], steps: 2,
                       explanation: "Min-max maps the largest value to 1 by definition, outlier or not; everything else is squeezed below it.",
                       judge: { demo in
                           guard let d = demo as? NormalizeDemo, let top = d.minmax.map({ $0[1] }).max() else { return 2 }
                           return abs(top - 1) < 1e-12 ? 0 : 1
                       }),
        ]
    }

    public struct Report: Encodable {
        public var features: [String]
        public var raw: [[Double]]
        public var minmax: [[Double]]
        public var zscore: [[Double]]
        public var min: [Double]
        public var max: [Double]
        public var mean: [Double]
        public var standardDeviation: [Double]
    }

    public static let views = ["raw", "min-max", "z-score"]
    public static let features = ["age", "income"]

    public let settings: KnobSettings
    public let seed: UInt64
    public let raw: [[Double]]
    public let minmax: [[Double]]
    public let zscore: [[Double]]
    let minMaxScaler: MinMaxScaler
    let standardScaler: StandardScaler
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        var generator = RandomGenerator(seed: seed)
        var rows: [[Double]] = (0..<settings.integer("n")).map { _ in
            let age = min(max(generator.normal(mean: 40, standardDeviation: 12), 18), 80).rounded()
            // Income rises with age a little, so the cloud has a shape worth keeping.
            let income = max(15, 20 + 0.8 * age + generator.normal(mean: 0, standardDeviation: 8)).rounded()
            return [age, income]
        }
        if settings.flag("outlier") { rows.append([52, 400]) }
        raw = rows
        var minMax = MinMaxScaler()
        var standard = StandardScaler()
        minmax = try minMax.fitTransform(rows)
        zscore = try standard.fitTransform(rows)
        minMaxScaler = minMax
        standardScaler = standard
    }

    /// The view highlighted: 0 raw, 1 min-max, 2 z-score.
    public var view: Int { min(stepCount, 2) }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        if stepCount >= 2 { status = .finished("all three views shown") }
    }

    public var readout: [ReadoutItem] {
        let income = raw.map { $0[1] }
        return [
            ReadoutItem("view", Self.views[view]),
            ReadoutItem("income min, max", "\(DemoText.number(minMaxScaler.dataMin.last ?? .nan)), \(DemoText.number(minMaxScaler.dataMax.last ?? .nan))"),
            ReadoutItem("income mean, sd", "\(DemoText.number(standardScaler.mean.last ?? .nan)), \(DemoText.number(standardScaler.scale.last ?? .nan))"),
            ReadoutItem("median income", "raw \(DemoText.number(Statistics.median(income))), min-max \(DemoText.number(Statistics.median(minmax.map { $0[1] }), digits: 3)), z \(DemoText.number(Statistics.median(zscore.map { $0[1] }), digits: 3))"),
            ReadoutItem("status", status.message),
        ]
    }

    public func report() -> Report {
        Report(features: Self.features, raw: raw, minmax: minmax, zscore: zscore, min: minMaxScaler.dataMin, max: minMaxScaler.dataMax,
               mean: standardScaler.mean, standardDeviation: standardScaler.scale)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let sets = [raw, minmax, zscore]
        // Three panels side by side when there is room, else the highlighted view alone.
        let panels: [Int] = area.width >= 105 ? [0, 1, 2] : [view]
        let width = area.width / panels.count
        for (slot, index) in panels.enumerated() {
            let panel = Rect(x: area.x + slot * width, y: area.y, width: slot == panels.count - 1 ? area.width - slot * width : width - 1,
                             height: area.height)
            let rows = sets[index]
            let marker: Character = mode == .unicode ? "•" : "o"
            let highlighted = index == view
            var chart = ScatterChart(series: [Series(Self.views[index], x: rows.map { $0[0] }, y: rows.map { $0[1] },
                                                     color: highlighted ? .brightYellow : .brightBlue, marker: marker)],
                                     title: (highlighted && panels.count > 1 ? "> " : "") + Self.views[index],
                                     xLabel: "age", yLabel: "income", markers: .symbols, mode: mode)
            chart.legend = .none
            chart.render(into: &buffer, area: panel)
        }
    }
}
