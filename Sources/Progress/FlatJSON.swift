import Foundation

/// Reads and writes the flat JSON objects of the progress file: one object whose values are
/// strings, numbers, booleans or null. Nested values are rejected (records never have them).
///
/// Why not `JSONDecoder`: start-up replays the whole file, and a 100,000-record history has to load
/// in well under 100 ms; a byte-level reader for this one shape does that, a general decoder does not.
enum FlatJSON {
    enum Value: Hashable, Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// Keys and values in file order; lookups are linear (records have about ten keys).
    struct Object: Sendable {
        var pairs: [(String, Value)] = []
        subscript(key: String) -> Value? {
            for (k, v) in pairs where k == key { return v }
            return nil
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "\(message) at column \(offset + 1)" }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Object {
        var p = Parser(bytes: bytes)
        return try p.object()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
        }

        func fail(_ message: String) -> ParseError { ParseError(offset: i, message: message) }

        mutating func expect(_ byte: UInt8, _ what: String) throws(ParseError) {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { throw fail(i < bytes.count ? "expected \(what)" : "line ends early, expected \(what)") }
            i += 1
        }

        mutating func object() throws(ParseError) -> Object {
            try expect(UInt8(ascii: "{"), "'{'")
            var result = Object()
            result.pairs.reserveCapacity(12)
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
            } else {
                while true {
                    skipSpace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"), "':'")
                    let value = try self.value()
                    result.pairs.append((key, value))
                    skipSpace()
                    guard i < bytes.count else { throw fail("line ends early, expected ',' or '}'") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                    throw fail("expected ',' or '}'")
                }
            }
            skipSpace()
            guard i == bytes.count else { throw fail("unexpected text after the record") }
            return result
        }

        mutating func value() throws(ParseError) -> Value {
            skipSpace()
            guard i < bytes.count else { throw fail("line ends early, expected a value") }
            switch bytes[i] {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            case UInt8(ascii: "{"), UInt8(ascii: "["): throw fail("nested values are not part of the format")
            default: throw fail("expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(ParseError) {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { throw fail("line ends early") }
            let w = word.utf8Start
            for k in 0..<n where bytes[i + k] != w[k] { throw fail("expected \(word)") }
            i += n
        }

        mutating func number() throws(ParseError) -> Double {
            let start = i
            var integer: Int64 = 0
            var simple = true
            var negative = false
            if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var digits = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 {
                    if digits < 17 { integer = integer * 10 + Int64(b - 0x30) } else { simple = false }
                    digits += 1
                    i += 1
                } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                    simple = false
                    i += 1
                } else { break }
            }
            guard digits > 0 else { throw fail("malformed number") }
            if simple { return Double(negative ? -integer : integer) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw ParseError(offset: start, message: "malformed number '\(text)'") }
            return value
        }

        mutating func string() throws(ParseError) -> String {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string") }
            i += 1
            let start = i
            // Fast path: no escapes.
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw fail("control character inside a string") }
                i += 1
            }
            guard i < bytes.count else { throw fail("line ends inside a string") }
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw fail("control character inside a string") }
                if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if code >= 0xD800 && code < 0xDC00 {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate in \\u escape") }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw fail("bad surrogate pair in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw fail("unknown escape")
                }
            }
            throw fail("line ends inside a string")
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw fail("short \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw fail("bad hex digit in \\u escape")
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }
    }

    /// Builds one object in key order.
    struct Writer {
        private var text = "{"
        private var first = true

        private mutating func key(_ k: String) {
            if !first { text += "," }
            first = false
            text += "\""; text += k; text += "\":"
        }
        mutating func add(_ k: String, _ value: String) { key(k); text += FlatJSON.quote(value) }
        mutating func add(_ k: String, _ value: Int) { key(k); text += String(value) }
        mutating func add(_ k: String, _ value: Bool) { key(k); text += value ? "true" : "false" }
        mutating func add(_ k: String, _ value: Date) { key(k); text += "\"" + Timestamp.format(value) + "\"" }
        func finish() -> String { text + "}" }
    }

    /// A JSON string literal; control characters (newlines included) are escaped, so a record is
    /// always exactly one line.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// ISO-8601 UTC timestamps with milliseconds, `2026-01-31T09:15:00.250Z`, written and read by hand:
/// fixed-format parsing is about a hundred times faster than a date formatter, which matters when
/// replaying 100,000 records at start-up.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = totalMillis >= 0 ? totalMillis / 86_400_000 : (totalMillis - 86_399_999) / 86_400_000
        let msOfDay = totalMillis - days * 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let h = msOfDay / 3_600_000, mi = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60, ms = msOfDay % 1000
        func pad(_ v: Int64, _ n: Int) -> String {
            let t = String(v)
            return t.count >= n ? t : String(repeating: "0", count: n - t.count) + t
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2))" + (ms == 0 ? "" : ".\(pad(ms, 3))") + "Z"
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff]Z`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        var t = text
        return t.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20, b[13] == 0x3A, b[16] == 0x3A,
              b[b.count - 1] == UInt8(ascii: "Z") else { return nil }
        func num(_ from: Int, _ n: Int) -> Int64? {
            var v: Int64 = 0
            for k in from..<(from + n) {
                let c = b[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int64(c - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2),
              (1...12).contains(m), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var fraction = 0.0
        if b.count > 20 {
            guard b[19] == UInt8(ascii: "."), b.count > 21 else { return nil }
            var scale = 0.1
            for k in 20..<(b.count - 1) {
                let c = b[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                fraction += Double(c - 0x30) * scale
                scale /= 10
            }
        }
        let days = daysFromCivil(y, m, d)
        let seconds = Double(days * 86_400 + h * 3600 + mi * 60 + s) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}
