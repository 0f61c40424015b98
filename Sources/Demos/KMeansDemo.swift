import Foundation
import Kernel
import Plot
import Terminal

/// k-means clustering one Lloyd step at a time: every step moves each centroid to the mean of
/// its points, then reassigns every point to its nearest centroid. Starts from k-means++ centroids
/// (the kernel's `KMeans`), and is finished when no assignment changes.
///
/// The points come from three Gaussian blobs, so k = 3 finds the groups a person would draw, while
/// k = 2 merges two of them and k = 5 splits some; the inertia (sum of squared distances to the
/// centroids) only ever goes down during a run, and it keeps going down as k grows.
public struct KMeansDemo: Demo {
    public static let id = "kmeans"
    public static let title = "k-means clustering, one Lloyd step at a time"
    public static let summary = "Watch centroids move to their points' means until the assignments stop changing."
    public static let lessons = ["clustering"]
    public static let knobs: [Knob] = [
        Knob("k", label: "k (clusters)", kind: .integer(range: 1...8, step: 1), default: .integer(3),
             help: "how many clusters to look for"),
    ]
    public static let notice = """
        Each step does two things: every centroid (✚) jumps to the mean of the points coloured like it, \
        then every point takes the colour of its nearest centroid. The inertia, the sum of squared \
        distances from points to their centroids, can only fall, and the run stops when no point \
        changes colour. Try k = 2 and k = 5 on the same points: more clusters always lower the inertia, \
        so a low inertia alone does not say k is right.
        """
    public static var predictions: [Prediction] {
        [Prediction(question: "With k = 5, will the inertia ever go up from one step to the next?",
                    choices: ["yes, sometimes", "no, never"], settings: [("k", "5")], steps: 300,
                    explanation: "Moving a centroid to the mean of its points minimizes their squared distances, and moving a point to its nearest centroid can only shorten its distance: neither half-step can raise the inertia.",
                    judge: { demo in
                        guard let d = demo as? KMeansDemo else { return 0 }
                        let h = d.inertiaHistory
                        return zip(h, h.dropFirst()).contains { $1 > $0 + 1e-9 } ? 0 : 1
                    })]
    }

    static let centers: [[Double]] = [[-2, -1], [2, -1.5], [0.2, 2.2]]
    static let pointsPerCenter = 50
    /// Lloyd steps at most (it converges in a few dozen on these data).
    static let maxSteps = 300

    public let settings: KnobSettings
    public let seed: UInt64
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    private(set) var model: KMeans
    let initialCentroids: [[Double]]
    private(set) var inertiaHistory: [Double]

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        let data = Datasets.blobs(centers: Self.centers, countPerCenter: Self.pointsPerCenter, standardDeviation: 0.8, seed: seed)
        model = try KMeans(k: settings.integer("k"), seed: seed &+ 1)
        try model.initialize(data.points)
        initialCentroids = model.centroids
        inertiaHistory = [model.inertia]
    }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        let changed = model.step()
        let inertia = model.inertia
        guard !DemoPanels.isBlownUp(inertia) else {
            status = .diverged(step: stepCount, reason: "the inertia is not finite")
            return
        }
        inertiaHistory.append(inertia)
        if !changed {
            status = .finished("converged")
        } else if stepCount >= Self.maxSteps {
            status = .finished("stopped after \(Self.maxSteps) steps")
        }
    }

    public var readout: [ReadoutItem] {
        let sizes = (0..<model.k).map { c in model.assignments.filter { $0 == c }.count }
        return [
            ReadoutItem("step", "\(stepCount)"),
            ReadoutItem("inertia", DemoPanels.format(model.inertia, digits: 6)),
            ReadoutItem("cluster sizes", sizes.map(String.init).joined(separator: " ")),
            ReadoutItem("status", status.message),
        ]
    }

    public struct Report: Encodable {
        public var demo: String
        public var seed: UInt64
        public var settings: KnobSettings
        public var step: Int
        public var status: DemoStatus
        public var points: [[Double]]
        /// The k-means++ starting centroids.
        public var initialCentroids: [[Double]]
        public var centroids: [[Double]]
        /// The centroid index of every point.
        public var assignments: [Int]
        public var inertia: Double
        /// The inertia after every step, step 0 first.
        public var inertiaHistory: [Double]
    }

    public func report() -> Report {
        Report(demo: Self.id, seed: seed, settings: settings, step: stepCount, status: status, points: model.points,
               initialCentroids: initialCentroids, centroids: model.centroids, assignments: model.assignments,
               inertia: model.inertia, inertiaHistory: inertiaHistory)
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (left, right) = DemoPanels.split(area, share: 0.65)
        var series: [Series] = []
        for c in 0..<model.k {
            let members = model.assignments.indices.filter { model.assignments[$0] == c }
            series.append(DemoPanels.points("cluster \(c + 1)", x: members.map { model.points[$0][0] },
                                            y: members.map { model.points[$0][1] }, color: PlotPalette.color(c),
                                            marker: mode == .unicode ? "•" : ScatterChart.symbol(c, mode: .ascii)))
        }
        for c in 0..<model.k {
            series.append(Series("centroid \(c + 1)", x: [model.centroids[c][0]], y: [model.centroids[c][1]],
                                 color: PlotPalette.color(c), marker: mode == .unicode ? "✚" : "X"))
        }
        let bounds = DemoPanels.bounds(model.points, padding: 0.05)
        var chart = LineChart(series: series, title: "k = \(model.k), step \(stepCount)", mode: mode)
        chart.xRange = bounds.x
        chart.yRange = bounds.y
        chart.legend = .none
        chart.zeroLines = false
        chart.render(into: &buffer, area: left)
        guard let right else { return }
        var history = LineChart(series: [Series("inertia", y: inertiaHistory, color: .brightGreen,
                                                marker: mode == .unicode ? "●" : "o")],
                                title: "inertia \(DemoPanels.format(model.inertia, digits: 6))", mode: mode)
        history.xLabel = "step"
        history.legend = .none
        history.xRange = 0...Double(max(inertiaHistory.count - 1, 1))
        history.render(into: &buffer, area: right)
    }
}
