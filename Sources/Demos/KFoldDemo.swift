import Foundation
import Kernel
import Plot
import Terminal

/// Cross-validation splits, one per step: k-fold, stratified k-fold, leave-one-out and
/// shuffle-split, computed by the kernel's splitters (which match scikit-learn's indices where
/// scikit-learn is deterministic).
public struct KFoldDemo: Demo {
    public static let id = "kfold"
    public static let title = "Cross-validation splits"
    public static let summary = "k-fold, stratified, leave-one-out and shuffle-split: which rows train and which validate, split by split."
    public static let lessons = ["train-validation-test", "resampling"]
    public static let methods = ["kfold", "stratified", "loo", "shuffle-split"]
    public static let knobs: [Knob] = [
        Knob("method", label: "method", kind: .choice(methods), default: .choice("kfold"),
             help: "kfold, stratified (keeps class shares per fold), loo (leave one out), shuffle-split (random splits)"),
        Knob("n", label: "rows n", kind: .integer(range: 2...60, step: 1), default: .integer(20),
             help: "how many rows the data has"),
        Knob("k", label: "folds k", kind: .integer(range: 2...20, step: 1), default: .integer(5),
             help: "folds for kfold and stratified; number of splits for shuffle-split; loo ignores it"),
        Knob("shuffle", label: "shuffle", kind: .flag, default: .flag(false),
             help: "shuffle the rows (seeded) before cutting folds"),
        Knob("test-size", label: "test size", kind: .number(range: 0.05...0.9, step: 0.05), default: .number(0.2),
             help: "shuffle-split: the share of rows that validate in each split"),
    ]
    public static let notice = """
        Each row of the picture is one split: the marked cells validate, the rest train. In \
        k-fold every row validates exactly once, and without shuffling the first n mod k folds \
        get one extra row. Stratified k-fold keeps each fold's share of class 1 close to the \
        whole data's. Leave-one-out is k-fold with k = n. Shuffle-split draws each split afresh, \
        so a row can validate several times or never.
        """
    public static var predictions: [Prediction] {
        [
            Prediction(question: "With n = 10 rows and k = 3 folds, how many rows does the first fold validate on?",
                       choices: ["3", "4", "10/3 rounded down, and the rest go to the last fold"],
                       settings: [("method", "kfold"), ("n", "10"), ("k", "3")], steps: 1,
                       explanation: "scikit-learn gives the first n mod k = 1 folds one extra row: folds of 4, 3 and 3.",
                       judge: { demo in
                           guard let d = demo as? KFoldDemo, let first = d.splits.first else { return 0 }
                           return first.test.count == 4 ? 1 : 0
                       }),
        ]
    }

    public struct Split: Encodable, Sendable, Equatable {
        public var train: [Int]
        public var test: [Int]
    }

    public struct Report: Encodable {
        public var method: String
        public var n: Int
        public var splits: [Split]
        /// Class labels, for the stratified method.
        public var labels: [Int]?
        /// How many splits have been stepped through.
        public var shown: Int
    }

    public let settings: KnobSettings
    public let seed: UInt64
    public let method: String
    public let count: Int
    public let splits: [Split]
    public let labels: [Int]?
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        method = settings.choice("method")
        count = settings.integer("n")
        let k = settings.integer("k"), shuffle = settings.flag("shuffle")
        var labels: [Int]? = nil
        let folds: [Fold]
        do {
            switch method {
            case "stratified":
                // Imbalanced labels, about 30% class 1, drawn from the seed.
                var generator = RandomGenerator(seed: seed)
                let drawn = (0..<count).map { _ in generator.uniform() < 0.3 ? 1 : 0 }
                labels = drawn
                folds = try StratifiedKFold(splits: k, shuffle: shuffle, seed: seed).split(labels: drawn)
            case "loo":
                folds = try LeaveOneOut().split(count: count)
            case "shuffle-split":
                folds = try ShuffleSplit(splits: k, testFraction: settings.number("test-size"), seed: seed).split(count: count)
            default:
                folds = try KFold(splits: k, shuffle: shuffle, seed: seed).split(count: count)
            }
        } catch {
            throw DemoError.invalidValue(knob: "k", value: String(k), expected: "a setting the splitter accepts with n = \(count): \(error)")
        }
        self.labels = labels
        splits = folds.map { Split(train: $0.train, test: $0.test) }
    }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        if stepCount >= splits.count { status = .finished("all \(splits.count) splits shown") }
    }

    /// The split the learner is looking at (the last one stepped to), if any.
    public var current: Split? { stepCount > 0 ? splits[stepCount - 1] : nil }

    public var readout: [ReadoutItem] {
        var items = [ReadoutItem("split", "\(stepCount) of \(splits.count)")]
        if let current {
            items.append(ReadoutItem("validate", "\(current.test.count) rows: " + current.test.map(String.init).joined(separator: ",")))
            items.append(ReadoutItem("train", "\(current.train.count) rows"))
            if let labels {
                let share = Double(current.test.filter { labels[$0] == 1 }.count) / Double(max(current.test.count, 1))
                let overall = Double(labels.filter { $0 == 1 }.count) / Double(max(labels.count, 1))
                items.append(ReadoutItem("class 1 share", "\(DemoText.percent(share)) (all data \(DemoText.percent(overall)))"))
            }
        }
        items.append(ReadoutItem("status", status.message))
        return items
    }

    public func report() -> Report {
        Report(method: method, n: count, splits: splits, labels: labels, shown: stepCount)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        // One heat-map row per split, split 1 at the bottom so the y axis reads as the split
        // number: 1 validates, 0 trains, splits not yet stepped to stay blank.
        var rows: [[Double]] = splits.enumerated().reversed().map { i, split in
            guard i < stepCount else { return [Double](repeating: .nan, count: count) }
            var row = [Double](repeating: 0, count: count)
            for t in split.test { row[t] = 1 }
            return row
        }
        if let labels {
            // The labels as a row 0 under the folds, so the strata are visible.
            rows.append(labels.map { $0 == 1 ? 0.6 : 0.3 })
        }
        let bottom = labels == nil ? 0.5 : -0.5
        var map = HeatMap(values: rows, xRange: -0.5...(Double(count) - 0.5), yRange: bottom...(Double(splits.count) + 0.5),
                          title: "\(method): split (up) by row (across), bright = validate" + (labels != nil ? ", row 0 = labels" : ""),
                          mode: mode)
        map.valueRange = 0...1
        map.useColor = capabilities.colors != .monochrome
        map.showColorBar = false
        map.xLabel = "row"
        map.render(into: &buffer, area: area)
    }
}
