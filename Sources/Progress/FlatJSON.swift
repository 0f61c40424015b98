import Foundation

/// Reads and writes the flat JSON objects of the progress file: one object whose values are
/// strings, numbers, booleans or null. Nested values are rejected (records never have them).
///
/// Why not `JSONDecoder`: start-up replays the whole file, and a 100,000-record history has to load
/// in well under 100 ms; a byte-level reader for this one shape does that, a general decoder does not.
enum FlatJSON {
    /// A value as found in the line: strings stay byte ranges until asked for, so fields nobody
    /// reads cost nothing and dates are parsed straight from the bytes.
    struct Value {
        enum Kind { case string, escapedString, number, bool, null }
        var kind: Kind
        /// For strings: the bytes between the quotes.
        var start = 0
        var end = 0
        var number = 0.0
        var bool = false
    }

    /// Keys and values in file order; lookups are linear (records have about ten keys).
    struct Object {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Shares repeated values (ids, sections, attempts) between records while a file is read.
        var interner: StringInterner? = nil
        var pairs: [(keyStart: Int, keyEnd: Int, value: Value)] = []

        /// The value of `key`, comparing bytes (keys are plain ASCII without escapes).
        func find(_ key: StaticString) -> Value? {
            let k = key.utf8Start
            let n = key.utf8CodeUnitCount
            outer: for pair in pairs where pair.keyEnd - pair.keyStart == n {
                for j in 0..<n where bytes[pair.keyStart + j] != k[j] { continue outer }
                return pair.value
            }
            return nil
        }

        /// The text of a string value (unescaping when needed).
        func text(_ value: Value) -> String {
            let slice = UnsafeBufferPointer(rebasing: bytes[value.start..<value.end])
            guard value.kind == .escapedString else {
                return interner?.string(slice) ?? String(decoding: slice, as: UTF8.self)
            }
            return FlatJSON.unescape(slice)
        }

        func slice(_ value: Value) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[value.start..<value.end]) }
    }

    struct ParseError: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "\(message) at column \(offset + 1)" }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, interner: StringInterner? = nil) throws(ParseError) -> Object {
        var p = Parser(bytes: bytes)
        var object = try p.object()
        object.interner = interner
        return object
    }

    /// Decodes the escapes of a string already checked by the parser.
    static func unescape(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in at..<min(at + 4, b.count) {
                let c = b[k]
                v = v * 16 + UInt32(c >= 0x61 ? c - 0x61 + 10 : c >= 0x41 ? c - 0x41 + 10 : c - 0x30)
            }
            return v
        }
        while i < b.count {
            let c = b[i]
            guard c == UInt8(ascii: "\\"), i + 1 < b.count else { out.append(c); i += 1; continue }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = hex4(i)
                i += 4
                if code >= 0xD800 && code < 0xDC00, i + 6 <= b.count {
                    let low = hex4(i + 2)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
                    i += 6
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8))
            default: out.append(e)  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
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
            var result = Object(bytes: bytes)
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
                    result.pairs.append((key.start, key.end, value))
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
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "t"): try literal("true"); return Value(kind: .bool, bool: true)
            case UInt8(ascii: "f"): try literal("false"); return Value(kind: .bool, bool: false)
            case UInt8(ascii: "n"): try literal("null"); return Value(kind: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Value(kind: .number, number: try number())
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

        /// Checks a string and returns its byte range; escapes are validated here, decoded on demand.
        mutating func string() throws(ParseError) -> Value {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string") }
            i += 1
            let start = i
            var escaped = false
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return Value(kind: escaped ? .escapedString : .string, start: start, end: i - 1)
                }
                if b < 0x20 { throw fail("control character inside a string") }
                if b == UInt8(ascii: "\\") {
                    escaped = true
                    i += 1
                    guard i < bytes.count else { break }
                    switch bytes[i] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        i += 1
                    case UInt8(ascii: "u"):
                        i += 1
                        let code = try hex4()
                        if code >= 0xD800 && code < 0xDC00 {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate in \\u escape") }
                            i += 2
                            let low = try hex4()
                            guard low >= 0xDC00 && low < 0xE000 else { throw fail("bad surrogate pair in \\u escape") }
                        } else if code >= 0xDC00 && code < 0xE000 {
                            throw fail("lone surrogate in \\u escape")
                        }
                    default: throw fail("unknown escape")
                    }
                    continue
                }
                i += 1
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

/// Returns one shared `String` per distinct byte sequence: a progress file repeats the same ids
/// thousands of times, and sharing them saves an allocation per field at start-up.
final class StringInterner {
    private var table: [UInt64: String] = [:]

    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }  // small strings need no allocation
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        if let existing = table[hash] {
            var copy = existing
            let same = copy.withUTF8 { stored -> Bool in
                guard stored.count == bytes.count, let a = stored.baseAddress, let b = bytes.baseAddress else { return false }
                return memcmp(a, b, bytes.count) == 0
            }
            if same { return existing }
            return String(decoding: bytes, as: UTF8.self)  // a hash collision: correct, just not shared
        }
        let made = String(decoding: bytes, as: UTF8.self)
        if table.count < 200_000 { table[hash] = made }
        return made
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
