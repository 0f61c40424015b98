import Foundation
import Kernel
import Plot
import Terminal

/// A line fitted to noisy points twice, by gradient descent on the mean squared error and on the
/// mean absolute error, side by side with their residuals. The outlier knob pushes points far
/// off the line: the MSE fit swings towards them, the MAE fit hardly moves.
///
/// Each step is one gradient-descent step of both models (the kernel's `LinearRegression.step`).
/// The MSE model converges to the closed-form least-squares line (also computed, with
/// `LinearRegression.fit`, and shown in the readout); the MAE model, whose gradient has a
/// constant size, uses a learning rate that decays as η/(1 + t/100) so it settles instead of
/// rattling around the least-absolute-deviations line.
public struct LinearRegressionDemo: Demo {
    public static let id = "linear-regression"
    public static let title = "Linear regression: MSE vs MAE"
    public static let summary = "Fit a line by gradient descent on MSE and on MAE; add outliers and watch which fit they drag."
    public static let lessons = ["regression"]
    public static let knobs: [Knob] = [
        Knob("outliers", label: "outliers", kind: .integer(range: 0...8, step: 1), default: .integer(2),
             help: "how many of the 40 points are pushed 10 units off the line"),
        Knob("lr", label: "learning rate", kind: .number(range: 0.01...0.5, step: 0.01), default: .number(0.1),
             help: "gradient-descent step size (the MSE fit diverges above about 0.33)"),
    ]
    public static let notice = """
        Both lines start flat at zero and walk downhill. The MSE line ends on the closed-form \
        least-squares line (in the readout); the MAE line ends on the least-absolute-deviations line. Raise the outlier count: one point ten units \
        away adds 100 to a squared error but only 10 to an absolute one, so the MSE line tilts towards \
        the outliers while the MAE line stays with the bulk of the data. Residuals on the right show it.
        """
    public static var predictions: [Prediction] {
        [Prediction(question: "With 6 outliers, which fit ends up further from the true line y = 2x + 1?",
                    choices: ["the MSE fit", "the MAE fit", "neither moves"],
                    settings: [("outliers", "6")], steps: 2000,
                    explanation: "Squaring makes the few large residuals dominate the MSE, so its line chases the outliers; the MAE weighs every residual by its size only.",
                    judge: { demo in
                        guard let d = demo as? LinearRegressionDemo else { return 0 }
                        let mse = abs(d.mseModel.weights[0] - 2) + abs(d.mseModel.bias - 1)
                        let mae = abs(d.maeModel.weights[0] - 2) + abs(d.maeModel.bias - 1)
                        return mse >= mae ? 0 : 1
                    }),
         Prediction(question: "At learning rate 0.4, will the MSE fit converge?",
                    choices: ["yes", "no, it diverges"], settings: [("lr", "0.4")], steps: 500,
                    explanation: "The MSE's curvature along the slope is 2·mean(x²) ≈ 6 here; gradient descent is stable only below 2/6 ≈ 0.33.",
                    judge: { demo in if case .diverged = demo.status { return 1 } else { return 0 } })]
    }

    /// Number of points, the true line, and how far outliers are pushed.
    static let count = 40, trueSlope = 2.0, trueIntercept = 1.0, outlierOffset = 10.0
    /// A run stops here at the latest.
    static let maxSteps = 2000

    public let settings: KnobSettings
    public let seed: UInt64
    public private(set) var stepCount = 0
    public private(set) var status: DemoStatus = .running
    let data: RegressionData
    let inputs: [[Double]]
    private(set) var mseModel: LinearRegression
    private(set) var maeModel: LinearRegression
    let leastSquares: LinearRegression
    private(set) var mseHistory: [Double] = []
    private(set) var maeHistory: [Double] = []
    private var bestMAE = Double.infinity
    private var bestMAEStep = 0

    public init(settings: KnobSettings, seed: UInt64) throws {
        self.settings = settings
        self.seed = seed
        let outliers = settings.integer("outliers")
        data = Datasets.noisyLine(count: Self.count, slope: Self.trueSlope, intercept: Self.trueIntercept, noise: 0.5,
                                  outlierFraction: Double(outliers) / Double(Self.count), outlierOffset: Self.outlierOffset,
                                  seed: seed)
        inputs = data.x.map { [$0] }
        let lr = settings.number("lr")
        mseModel = LinearRegression(features: 1, loss: .meanSquaredError, learningRate: lr)
        maeModel = LinearRegression(features: 1, loss: .meanAbsoluteError, learningRate: lr)
        var closedForm = LinearRegression(features: 1)
        try closedForm.fit(inputs, data.y)
        leastSquares = closedForm
        mseHistory = [try mseModel.currentLoss(inputs, data.y)]
        maeHistory = [try maeModel.currentLoss(inputs, data.y)]
    }

    public mutating func step() {
        guard status.isRunning else { return }
        stepCount += 1
        let previous = (mseModel, maeModel)
        maeModel.learningRate = settings.number("lr") / (1 + Double(stepCount - 1) / 100)
        do {
            try mseModel.step(inputs, data.y)
            try maeModel.step(inputs, data.y)
            let mseLoss = try mseModel.currentLoss(inputs, data.y)
            let maeLoss = try maeModel.currentLoss(inputs, data.y)
            let values = [mseLoss, maeLoss, mseModel.bias, maeModel.bias] + mseModel.weights + maeModel.weights
            if values.contains(where: DemoPanels.isBlownUp) {
                // Keep the last finite lines on screen and in the report.
                (mseModel, maeModel) = previous
                status = .diverged(step: stepCount, reason: "the MSE fit's loss grew past 1e12; lower the learning rate")
                return
            }
            mseHistory.append(mseLoss)
            maeHistory.append(maeLoss)
            if maeLoss < bestMAE - 1e-9 { bestMAE = maeLoss; bestMAEStep = stepCount }
            let mseSettled = abs(mseModel.weights[0] - previous.0.weights[0]) < 1e-10 && abs(mseModel.bias - previous.0.bias) < 1e-10
            let maeSettled = stepCount - bestMAEStep >= 50
            if mseSettled && maeSettled {
                status = .finished("converged")
            } else if stepCount >= Self.maxSteps {
                status = .finished("stopped after \(Self.maxSteps) steps")
            }
        } catch {
            status = .diverged(step: stepCount, reason: "\(error)")
        }
    }

    /// Residuals y − ŷ of a model on the demo's data.
    func residuals(_ model: LinearRegression) -> [Double] {
        zip(inputs, data.y).map { $1 - model.predict($0) }
    }

    public var readout: [ReadoutItem] {
        let f = { (v: Double) in DemoPanels.format(v) }
        return [
            ReadoutItem("step", "\(stepCount)"),
            ReadoutItem("MSE fit", "y = \(f(mseModel.weights[0]))x + \(f(mseModel.bias))"),
            ReadoutItem("MAE fit", "y = \(f(maeModel.weights[0]))x + \(f(maeModel.bias))"),
            ReadoutItem("least squares", "y = \(f(leastSquares.weights[0]))x + \(f(leastSquares.bias))"),
            ReadoutItem("MSE", f(mseHistory.last ?? .nan)),
            ReadoutItem("MAE", f(maeHistory.last ?? .nan)),
            ReadoutItem("outliers", "\(data.outliers.count)"),
            ReadoutItem("status", status.message),
        ]
    }

    /// A fitted line.
    public struct Line: Encodable, Equatable {
        public var slope: Double
        public var intercept: Double
    }

    /// The MSE and MAE fits.
    public struct Fits: Encodable, Equatable {
        public var mse: Line
        public var mae: Line
    }

    /// Per-model series: the MSE fit's and the MAE fit's.
    public struct PerFit: Encodable, Equatable {
        public var mse: [Double]
        public var mae: [Double]
    }

    /// Everything the run computed.
    public struct Report: Encodable {
        public var demo: String
        public var seed: UInt64
        public var settings: KnobSettings
        public var step: Int
        public var status: DemoStatus
        public var x: [Double]
        public var y: [Double]
        /// Indices of the points pushed off the line.
        public var outliers: [Int]
        /// The gradient-descent fits now.
        public var fit: Fits
        /// The closed-form least-squares line (where the MSE fit converges).
        public var leastSquares: Line
        /// y − ŷ for every point, under each fit.
        public var residuals: PerFit
        /// The MSE of the MSE fit and the MAE of the MAE fit after every step (step 0 first).
        public var loss: PerFit
    }

    public func report() -> Report {
        Report(demo: Self.id, seed: seed, settings: settings, step: stepCount, status: status, x: data.x, y: data.y,
               outliers: data.outliers,
               fit: Fits(mse: Line(slope: mseModel.weights[0], intercept: mseModel.bias),
                         mae: Line(slope: maeModel.weights[0], intercept: maeModel.bias)),
               leastSquares: Line(slope: leastSquares.weights[0], intercept: leastSquares.bias),
               residuals: PerFit(mse: residuals(mseModel), mae: residuals(maeModel)),
               loss: PerFit(mse: mseHistory, mae: maeHistory))
    }

    public func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities) {
        guard !area.isEmpty else { return }
        let mode = GlyphMode(capabilities)
        let (left, right) = DemoPanels.split(area, share: 0.58)
        let lo = (data.x.min() ?? -3) - 0.2, hi = (data.x.max() ?? 3) + 0.2
        func line(_ name: String, _ model: LinearRegression, _ color: Color) -> Series {
            Series(name, x: [lo, hi], y: [model.predict([lo]), model.predict([hi])], color: color)
        }
        let regular = data.x.indices.filter { !data.outliers.contains($0) }
        var fits = LineChart(series: [
            DemoPanels.points("data", x: regular.map { data.x[$0] }, y: regular.map { data.y[$0] }, color: .default,
                              marker: mode == .unicode ? "•" : "o"),
            DemoPanels.points("outlier", x: data.outliers.map { data.x[$0] }, y: data.outliers.map { data.y[$0] },
                              color: .brightYellow, marker: mode == .unicode ? "◆" : "*"),
            line("MSE fit", mseModel, .brightRed),
            line("MAE fit", maeModel, .brightBlue),
        ], title: "fits at step \(stepCount)", mode: mode)
        fits.xRange = lo...hi
        let ys = data.y
        fits.yRange = ((ys.min() ?? -1) - 1)...((ys.max() ?? 1) + 1)
        fits.legend = area.width >= 60 ? .right : .none
        fits.render(into: &buffer, area: left)

        guard let right else { return }
        let mseResiduals = residuals(mseModel), maeResiduals = residuals(maeModel)
        var chart = LineChart(series: [
            DemoPanels.points("MSE", x: data.x, y: mseResiduals, color: .brightRed, marker: mode == .unicode ? "●" : "o"),
            DemoPanels.points("MAE", x: data.x, y: maeResiduals, color: .brightBlue, marker: mode == .unicode ? "○" : "+"),
        ], title: "residuals y - ŷ", mode: mode)
        if mode == .ascii { chart.title = "residuals y - yhat" }
        chart.xRange = lo...hi
        chart.legend = .inside
        chart.render(into: &buffer, area: right)
    }
}
