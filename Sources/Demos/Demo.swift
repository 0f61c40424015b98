import Terminal

/// A live demo: a small experiment with knobs that runs one step at a time.
///
/// A demo is a plain value. The tutor's demo screen, the `aitutor demo` command and the tests all
/// drive the same object: create it from knob settings and a seed, call `step()`, read `status`,
/// `readout` and `report()`, and draw it with `render(into:area:capabilities:)`. Demos know
/// nothing about screens or keys; the same seed and settings always give the same run.
public protocol Demo {
    /// What `report()` returns: everything the demo computed, for JSON output and tests.
    associatedtype Report: Encodable

    /// The id from ROADMAP.md, e.g. `gradient-descent`.
    static var id: String { get }
    static var title: String { get }
    /// One line for the demos index.
    static var summary: String { get }
    /// The lesson ids that embed or explain this demo.
    static var lessons: [String] { get }
    /// The knobs, in the order the panel shows them.
    static var knobs: [Knob] { get }
    /// A few sentences on what to look at, shown by the demo screen's help.
    static var notice: String { get }
    /// Predict-then-run questions the screen can ask before running.
    static var predictions: [Prediction] { get }

    /// Builds the demo at step 0. `settings` has already been validated against `knobs`.
    init(settings: KnobSettings, seed: UInt64) throws

    var settings: KnobSettings { get }
    var seed: UInt64 { get }
    /// Steps taken since the start or the last reset.
    var stepCount: Int { get }
    var status: DemoStatus { get }

    /// Advances one step (one iteration, one update, one split...). Does nothing once finished.
    mutating func step()
    /// Back to step 0 with the same settings and seed.
    mutating func reset()
    /// Label/value pairs for the live readout, e.g. ("step", "7"), ("loss", "0.0123").
    var readout: [ReadoutItem] { get }
    func report() -> Report
    /// Draws the demo's plot(s) into `area`. ASCII only when `capabilities.unicode` is false.
    func render(into buffer: inout Buffer, area: Rect, capabilities: Capabilities)
    /// How many steps one animation frame takes (1 for most; many for training loops).
    var stepsPerFrame: Int { get }
}

extension Demo {
    public static var predictions: [Prediction] { [] }
    public var stepsPerFrame: Int { 1 }

    public mutating func reset() {
        if let fresh = try? Self(settings: settings, seed: seed) { self = fresh }
    }
}

/// Where a run is.
public enum DemoStatus: Hashable, Sendable, Encodable {
    case running
    /// Done (converged, all splits shown, ...), with a short reason.
    case finished(String)
    /// A value became NaN or infinite, or overflowed, at this step.
    case diverged(step: Int, reason: String)

    public var isRunning: Bool { if case .running = self { return true } else { return false } }

    /// `running`, `converged`/`finished`, or `diverged`, as the JSON reports say.
    public var label: String {
        switch self {
        case .running: return "running"
        case .finished(let reason): return reason
        case .diverged: return "diverged"
        }
    }

    public var message: String {
        switch self {
        case .running: return "running"
        case .finished(let reason): return reason
        case .diverged(let step, let reason): return "diverged at step \(step): \(reason)"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }
}

/// One entry of the live readout.
public struct ReadoutItem: Hashable, Sendable {
    public var label: String
    public var value: String
    public init(_ label: String, _ value: String) { self.label = label; self.value = value }
}

/// A predict-then-run question: the learner picks an answer, the demo runs with `settings`
/// for up to `steps` steps, and `judge` says which choice was right from how the run ended.
public struct Prediction: @unchecked Sendable {
    public var question: String
    public var choices: [String]
    /// Knob settings (`name`, `value` as typed) the run uses.
    public var settings: [(String, String)]
    public var steps: Int
    /// The index of the right choice, given the demo after the run.
    public var judge: (any Demo) -> Int
    /// Why, shown after the run.
    public var explanation: String

    public init(question: String, choices: [String], settings: [(String, String)], steps: Int, explanation: String,
                judge: @escaping (any Demo) -> Int) {
        self.question = question
        self.choices = choices
        self.settings = settings
        self.steps = steps
        self.explanation = explanation
        self.judge = judge
    }
}

/// Why a demo could not be created; the message lists what is valid.
public enum DemoError: Error, CustomStringConvertible, Equatable {
    case unknownDemo(String, valid: [String])
    case unknownKnob(demo: String, knob: String, valid: [String])
    case invalidValue(knob: String, value: String, expected: String)
    case badSetting(String)

    public var description: String {
        switch self {
        case .unknownDemo(let id, let valid):
            return "unknown demo '\(id)'; demos: \(valid.joined(separator: ", "))"
        case .unknownKnob(let demo, let knob, let valid):
            return "demo '\(demo)' has no knob '\(knob)'; its knobs: \(valid.joined(separator: ", "))"
        case .invalidValue(let knob, let value, let expected):
            return "'\(value)' is not a valid value for \(knob): expected \(expected)"
        case .badSetting(let text):
            return "'\(text)' is not KNOB=VALUE (for example lr=0.1)"
        }
    }
}
