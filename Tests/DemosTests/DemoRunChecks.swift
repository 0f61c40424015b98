import Foundation
import XCTest
@testable import Demos
import Terminal

/// Checks every demo of this branch shares: the area contract of `render`, byte-identical
/// reports for the same seed, and `reset`. Named apart from demos-a's `DemoChecks` so both branches merge.
enum DemoRunChecks {
    /// Builds a demo from `name=value` settings through the catalog's validation.
    static func make<D: Demo>(_ type: D.Type, _ settings: [(String, String)] = [], seed: UInt64 = 1) throws -> D {
        try D(settings: KnobSettings(knobs: D.knobs, demoID: D.id, settings: settings), seed: seed)
    }

    /// The report as JSON with sorted keys: what `aitutor demo --format json` prints.
    static func json<D: Demo>(_ demo: D) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(demo.report()), as: UTF8.self)
    }

    /// Renders into an area inset in a larger buffer pre-filled with a sentinel, and fails if any
    /// cell outside the area changed or if nothing was drawn inside it. Unicode and ASCII, at
    /// 120×40 and 40×10 (and the smallest size the brief names, 38×8).
    static func assertRendersInside<D: Demo>(_ demo: D, file: StaticString = #filePath, line: UInt = #line) {
        let sentinel = Cell("§", style: .plain)
        for size in [Size(width: 120, height: 40), Size(width: 40, height: 10), Size(width: 38, height: 8)] {
            for capabilities in [Capabilities.full, Capabilities.asciiMonochrome, Capabilities(unicode: false, colors: .palette256)] {
                var buffer = Buffer(size: Size(width: size.width + 6, height: size.height + 4), fill: sentinel)
                let area = Rect(x: 3, y: 2, width: size.width, height: size.height)
                buffer.fill(area)
                demo.render(into: &buffer, area: area, capabilities: capabilities)
                var drawn = 0
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width {
                        let cell = buffer[x, y]
                        if area.contains(x: x, y: y) {
                            if cell.character != " " { drawn += 1 }
                            if !capabilities.unicode, let c = cell.character.unicodeScalars.first, c.value > 0x7E, cell.character != "§" {
                                XCTFail("\(D.id): non-ASCII '\(cell.character)' at (\(x),\(y)) in ASCII mode at \(size)", file: file, line: line)
                                return
                            }
                        } else if cell != sentinel {
                            XCTFail("\(D.id): drew outside \(area) at (\(x),\(y)) at \(size)", file: file, line: line)
                            return
                        }
                    }
                }
                XCTAssertGreaterThan(drawn, 10, "\(D.id): almost nothing drawn at \(size)", file: file, line: line)
            }
        }
    }

    /// Two runs with the same seed and settings give byte-identical JSON; `reset` gives step 0's.
    static func assertDeterministicAndResets<D: Demo>(_ type: D.Type, _ settings: [(String, String)] = [], steps: Int,
                                                      file: StaticString = #filePath, line: UInt = #line) throws {
        var a = try make(type, settings, seed: 7), b = try make(type, settings, seed: 7)
        let initial = try json(a)
        for _ in 0..<steps { a.step(); b.step() }
        XCTAssertEqual(try json(a), try json(b), "\(D.id): same seed, different report", file: file, line: line)
        a.reset()
        XCTAssertEqual(a.stepCount, 0, file: file, line: line)
        XCTAssertEqual(try json(a), initial, "\(D.id): reset did not restore step 0", file: file, line: line)
        let other = try make(type, settings, seed: 8)
        XCTAssertNotEqual(try json(other), initial, "\(D.id): the seed changes nothing", file: file, line: line)
    }

    /// Writes the report to `$DEMOS_DUMP/<name>.json` when that variable is set, for
    /// Scripts/demos/reference_values.py to compute the reference values from.
    static func dump<D: Demo>(_ demo: D, as name: String) throws {
        guard let directory = ProcessInfo.processInfo.environment["DEMOS_DUMP"] else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(demo.report()).write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(name).json"))
    }
}

extension DemoRunChecks {
    /// Prints the rendering at 120×40 (Unicode) and 40×10 (ASCII) when `$DEMOS_SHOW` is set, to
    /// look at a demo while working on it.
    static func preview<D: Demo>(_ demo: D) {
        guard ProcessInfo.processInfo.environment["DEMOS_SHOW"] != nil else { return }
        for (size, capabilities) in [(Size(width: 120, height: 40), Capabilities.full), (Size(width: 40, height: 10), .asciiMonochrome)] {
            var buffer = Buffer(size: size)
            demo.render(into: &buffer, area: buffer.area, capabilities: capabilities)
            print(buffer.text())
            print(demo.readout.map { "\($0.label): \($0.value)" }.joined(separator: " | "))
        }
    }
}
