import Foundation
import Kernel
import Plot
import Terminal

/// Bootstrap resampling, one resample per step: draw n rows with replacement (the kernel's
/// `Bootstrap`), compute the statistic on them, and build up its distribution and a percentile
/// confidence interval; the rows never drawn (out of bag) hover around 36.8%.
public struct BootstrapDemo: Demo {
    public static let id = "bootstrap"
    public static let title = "Bootstrap"
    public static let summary = "Resample n rows with replacement: out-of-bag share, the statistic's distribution, a percentile interval."
    public static let lessons = ["resampling"]
    public static let knobs: [Knob] = [
        Knob("n", label: "rows n", kind: .integer(range: 5...500, step: 5), default: .integer(30),
             help: "how many rows the data has (each resample draws n rows)"),
        Knob("resamples", label: "resamples", kind: .integer(range: 10...10000, step: 100), default: .integer(1000),
             help: "how many bootstrap samples to draw"),
        Knob("statistic", label: "statistic", kind: .choice(["mean", "median"]), default: .choice("mean"),
             help: "what is computed on each resample"),
        Knob("confidence", label: "confidence", kind: .number(range: 0.5...0.99, step: 0.05), default: .number(0.95),
             help: "the interval's level: 0.95 takes the 2.5th and 97.5th percentiles"),
    ]
    public static let notice = """
        Each resample draws n rows with replacement, so some rows come twice and others not at \
        all: the chance a row is missed is (1 − 1/n)ⁿ ≈ 1/e ≈ 36.8%, and the out-of-bag share \
        settles there. The histogram is the statistic across resamples; its middle 95% is the \
        percentile confidence interval. More rows make it narrower; more resamples only make \
        its edges steadier.
        """
    public static var predictions: [Prediction] {
        [
            Prediction(question: "About what share of the rows does a bootstrap sample leave out?",
                       choices: ["about 5%", "about 37%", "about 50%"],
                       settings: [("n", "200"), ("resamples", "200")], steps: 200,
                       explanation: "A row is missed by all n draws with probability (1 − 1/n)ⁿ, which tends to 1/e ≈ 0.368.",
                       judge: { demo in
                           guard let b = demo as? BootstrapDemo else { return 1 }
                           let share = b.meanOutOfBagShare
                           return [0.05, 0.37, 0.5].enumerated().min { abs($0.element - share) < abs($1.element - share) }?.offset ?? 1
                       }),
        ]
    }

    public struct Sample: Encodable, Sendable {
        public var indices: [Int]
        public var outOfBag: [Int]
    }

    public struct Interval: Encodable, Sendable {
        public var level: Double
        public var lower: Double
        public var upper: Double
    }

    public struct Report: Encodable {
        public var data: [Double]
        public var statistic: String
        /// The statistic on the whole data.
        public var observed: Double
        public var samples: [Sample]
        /// The statistic on each resample, in order.
        public var distribution: [Double]
        public var interval: Interval?
        /// The mean share of rows left out of a resample; nil before the first.
        public var meanOutOfBagShare: Double?
    }

    public let settings: KnobSettings
    public let seed: UInt64
    public let data: [Double]
    public let statistic: String
    public let resamples: Int
    public let level: Double
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    public private(set) var samples: [Sample] = []
    public private(set) var distribution: [Double] = []
    private var bootstrap: Bootstrap

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        statistic = settings.choice("statistic")
        resamples = settings.integer("resamples")
        level = settings.number("confidence")
        // Skewed data (log-normal, as incomes or response times are), so mean and median differ.
        var generator = RandomGenerator(seed: seed)
        data = (0..<settings.integer("n")).map { _ in (exp(generator.normal(mean: 3, standardDeviation: 0.5)) * 100).rounded() / 100 }
        // A separate stream for the resampling, so changing the data size does not reuse draws.
        bootstrap = Bootstrap(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
    }

    func compute(_ values: [Double]) -> Double {
        statistic == "median" ? Statistics.median(values) : Statistics.mean(values)
    }

    public var observed: Double { compute(data) }

    public var meanOutOfBagShare: Double {
        samples.isEmpty ? .nan : samples.reduce(0) { $0 + Double($1.outOfBag.count) } / Double(samples.count * max(data.count, 1))
    }

    public var interval: Interval? {
        guard distribution.count >= 2 else { return nil }
        let tail = (1 - level) / 2
        return Interval(level: level, lower: Statistics.quantile(distribution, tail), upper: Statistics.quantile(distribution, 1 - tail))
    }

    public var stepsPerFrame: Int { max(1, resamples / 150) }

    public mutating func step() {
        guard status.isRunning else { return }
        guard let drawn = try? bootstrap.sample(count: data.count) else {
            status = .finished("no rows to resample")
            return
        }
        stepCount += 1
        samples.append(Sample(indices: drawn.inBag, outOfBag: drawn.outOfBag))
        distribution.append(compute(drawn.inBag.map { data[$0] }))
        if stepCount >= resamples { status = .finished("all \(resamples) resamples drawn") }
    }

    public var readout: [ReadoutItem] {
        var items = [
            ReadoutItem("resample", "\(stepCount) of \(resamples)"),
            ReadoutItem("\(statistic) of data", DemoText.number(observed)),
        ]
        if let last = distribution.last, let sample = samples.last {
            items.append(ReadoutItem("this resample", DemoText.number(last)))
            items.append(ReadoutItem("out of bag", "\(sample.outOfBag.count) of \(data.count) (mean \(DemoText.percent(meanOutOfBagShare)))"))
        }
        if let interval {
            items.append(ReadoutItem("\(Int((level * 100).rounded()))% interval", "\(DemoText.number(interval.lower)) to \(DemoText.number(interval.upper))"))
        }
        items.append(ReadoutItem("status", status.message))
        return items
    }

    public func report() -> Report {
        Report(data: data, statistic: statistic, observed: observed, samples: samples, distribution: distribution,
               interval: interval, meanOutOfBagShare: samples.isEmpty ? nil : meanOutOfBagShare)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (main, side) = DemoText.split(area)
        if distribution.isEmpty {
            var histogram = Histogram(values: data, title: "the data (\(data.count) rows); Space draws a resample", mode: mode)
            histogram.xLabel = "value"
            histogram.render(into: &buffer, area: main)
        } else {
            var title = "\(statistic) of \(distribution.count) resamples"
            if let interval { title += ", \(Int((level * 100).rounded()))% CI \(DemoText.number(interval.lower, digits: 3))-\(DemoText.number(interval.upper, digits: 3))" }
            var histogram = Histogram(values: distribution, title: title, mode: mode)
            histogram.xLabel = statistic
            histogram.render(into: &buffer, area: main)
        }
        guard let side else { return }
        let shares = samples.map { Double($0.outOfBag.count) / Double(max(data.count, 1)) }
        var running: [Double] = []
        var total = 0.0
        for (i, share) in shares.enumerated() {
            total += share
            running.append(total / Double(i + 1))
        }
        let xs = running.indices.map { Double($0 + 1) }
        var chart = LineChart(series: [
            Series("mean out-of-bag share", x: xs, y: running, color: .brightGreen),
            Series("1/e", x: [1, Double(max(resamples, 2))], y: [exp(-1), exp(-1)], color: .brightBlack),
        ], title: "out-of-bag share", xLabel: "resample", mode: mode)
        chart.yRange = 0...0.6
        chart.legend = .none
        chart.render(into: &buffer, area: side)
    }
}
