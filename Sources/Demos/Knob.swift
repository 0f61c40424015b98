import Foundation

/// A knob's value.
public enum KnobValue: Hashable, Sendable, Encodable, CustomStringConvertible {
    case number(Double)
    case integer(Int)
    case choice(String)
    case flag(Bool)
    /// One or more numbers, e.g. a starting point "3" or "-1.5,2".
    case numbers([Double])

    public var description: String {
        switch self {
        case .number(let v): return KnobValue.format(v)
        case .integer(let v): return String(v)
        case .choice(let v): return v
        case .flag(let v): return v ? "on" : "off"
        case .numbers(let vs): return vs.map(KnobValue.format).joined(separator: ",")
        }
    }

    /// Numbers without a trailing ".0" and without floating-point noise: 0.1, 3, 1e-05.
    public static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        let s = String(format: "%.6g", v)
        return s
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let v): try c.encode(v)
        case .integer(let v): try c.encode(v)
        case .choice(let v): try c.encode(v)
        case .flag(let v): try c.encode(v)
        case .numbers(let vs): try c.encode(vs)
        }
    }
}

/// What values a knob takes.
public enum KnobKind: Hashable, Sendable {
    case number(range: ClosedRange<Double>, step: Double)
    case integer(range: ClosedRange<Int>, step: Int)
    case choice([String])
    case flag
    /// `count` numbers separated by commas, each within `range`.
    case numbers(count: ClosedRange<Int>, range: ClosedRange<Double>)
}

/// A knob: a setting the learner can turn, with its range and default.
public struct Knob: Hashable, Sendable {
    public var name: String
    public var label: String
    public var kind: KnobKind
    public var defaultValue: KnobValue
    public var help: String

    public init(_ name: String, label: String, kind: KnobKind, default defaultValue: KnobValue, help: String) {
        self.name = name
        self.label = label
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// What the knob accepts, in words, for error messages.
    public var expected: String {
        switch kind {
        case .number(let r, _): return "a number from \(KnobValue.format(r.lowerBound)) to \(KnobValue.format(r.upperBound))"
        case .integer(let r, _): return "a whole number from \(r.lowerBound) to \(r.upperBound)"
        case .choice(let options): return "one of \(options.joined(separator: ", "))"
        case .flag: return "on or off (true/false, yes/no, 1/0)"
        case .numbers(let count, let r):
            let how = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            return "\(how) comma-separated numbers from \(KnobValue.format(r.lowerBound)) to \(KnobValue.format(r.upperBound))"
        }
    }

    /// Parses a typed value, or says what was expected.
    public func parse(_ text: String) throws -> KnobValue {
        let t = text.trimmingCharacters(in: .whitespaces)
        let invalid = DemoError.invalidValue(knob: name, value: text, expected: expected)
        switch kind {
        case .number(let range, _):
            guard let v = Double(t), v.isFinite, range.contains(v) else { throw invalid }
            return .number(v)
        case .integer(let range, _):
            guard let v = Int(t), range.contains(v) else { throw invalid }
            return .integer(v)
        case .choice(let options):
            guard options.contains(t) else { throw invalid }
            return .choice(t)
        case .flag:
            switch t.lowercased() {
            case "on", "true", "yes", "1": return .flag(true)
            case "off", "false", "no", "0": return .flag(false)
            default: throw invalid
            }
        case .numbers(let count, let range):
            let parts = t.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard count.contains(parts.count), parts.allSatisfy({ $0 != nil }) else { throw invalid }
            let values = parts.compactMap { $0 }
            guard values.allSatisfy({ $0.isFinite && range.contains($0) }) else { throw invalid }
            return .numbers(values)
        }
    }

    /// The value one notch up (`+1`) or down (`-1`), clamped to the range; choices cycle.
    public func nudge(_ value: KnobValue, by direction: Int) -> KnobValue {
        switch (kind, value) {
        case (.number(let range, let step), .number(let v)):
            let next = (v + Double(direction) * step)
            // k·step carries binary noise (3 × 0.05 = 0.15000000000000002); 12 significant
            // digits give back the decimal the learner expects to see and to type.
            let snapped = Double(String(format: "%.12g", (next / step).rounded() * step)) ?? next
            return .number(min(max(snapped, range.lowerBound), range.upperBound))
        case (.integer(let range, let step), .integer(let v)):
            return .integer(min(max(v + direction * step, range.lowerBound), range.upperBound))
        case (.choice(let options), .choice(let v)):
            guard let i = options.firstIndex(of: v), !options.isEmpty else { return value }
            return .choice(options[(i + direction + options.count) % options.count])
        case (.flag, .flag(let v)):
            return .flag(!v)
        default:
            return value
        }
    }
}

/// The knob values of one demo run, validated against the demo's knobs.
public struct KnobSettings: Hashable, Sendable, Encodable {
    public private(set) var values: [String: KnobValue]
    public let knobs: [Knob]

    /// Defaults for every knob, then the given `name=value` settings in order.
    public init(knobs: [Knob], demoID: String, settings: [(String, String)] = []) throws {
        self.knobs = knobs
        var values: [String: KnobValue] = [:]
        for knob in knobs { values[knob.name] = knob.defaultValue }
        for (name, text) in settings {
            guard let knob = knobs.first(where: { $0.name == name }) else {
                throw DemoError.unknownKnob(demo: demoID, knob: name, valid: knobs.map(\.name))
            }
            values[name] = try knob.parse(text)
        }
        self.values = values
    }

    public subscript(_ name: String) -> KnobValue? { values[name] }

    public func number(_ name: String) -> Double {
        switch values[name] {
        case .number(let v): return v
        case .integer(let v): return Double(v)
        default: return .nan
        }
    }

    public func integer(_ name: String) -> Int {
        switch values[name] {
        case .integer(let v): return v
        case .number(let v): return Int(v)
        default: return 0
        }
    }

    public func choice(_ name: String) -> String {
        if case .choice(let v) = values[name] { return v }
        return ""
    }

    public func flag(_ name: String) -> Bool {
        if case .flag(let v) = values[name] { return v }
        return false
    }

    public func numbers(_ name: String) -> [Double] {
        if case .numbers(let v) = values[name] { return v }
        return []
    }

    /// Sets a value that is already valid for the knob (from `Knob.nudge` or `Knob.parse`).
    public mutating func set(_ name: String, _ value: KnobValue) {
        guard knobs.contains(where: { $0.name == name }) else { return }
        values[name] = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for knob in knobs {
            if let value = values[knob.name], let key = DynamicKey(stringValue: knob.name) {
                try container.encode(value, forKey: key)
            }
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
