import Foundation
import Terminal
import XCTest
@testable import Demos

/// Shared checks every demo's tests run: rendering stays inside the area, reports are stable.
enum DemoChecks {
    /// Renders into a buffer with a sentinel border around `area` and fails if anything outside
    /// changed, in Unicode and ASCII, at 120×40 and 40×10.
    static func assertRendersInside(_ demo: any Demo, file: StaticString = #filePath, line: UInt = #line) {
        for size in [Size(width: 120, height: 40), Size(width: 40, height: 10), Size(width: 38, height: 8)] {
            for capabilities in [Capabilities.full, Capabilities.asciiMonochrome, Capabilities(unicode: false, colors: .palette256)] {
                var buffer = Buffer(width: size.width + 4, height: size.height + 4)
                let area = Rect(x: 2, y: 2, width: size.width, height: size.height)
                demo.render(into: &buffer, area: area, capabilities: capabilities)
                var drew = false
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width {
                        let cell = buffer[x, y]
                        if area.contains(x: x, y: y) {
                            if cell.character != " " { drew = true }
                            if !capabilities.unicode {
                                XCTAssert(cell.character.isASCII, "non-ASCII \(cell.character) at \(x),\(y) in ASCII mode (\(size))", file: file, line: line)
                            }
                        } else {
                            XCTAssertEqual(cell, Cell.blank, "drew outside the area at \(x),\(y) (\(size))", file: file, line: line)
                        }
                    }
                }
                XCTAssert(drew, "drew nothing at \(size)", file: file, line: line)
            }
        }
    }

    /// The report as JSON with sorted keys.
    static func json(_ demo: any Demo) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(AnyEncodable(demo.report())), as: UTF8.self)
    }

    /// Runs `steps` steps and returns the demo.
    static func run(_ id: String, _ settings: [(String, String)] = [], seed: UInt64 = 1, steps: Int) throws -> any Demo {
        var demo = try DemoCatalog.make(id, settings: settings, seed: seed)
        for _ in 0..<steps { demo.step() }
        return demo
    }

    /// Same seed and settings give byte-identical JSON, and reset returns to step 0.
    static func assertDeterministicAndResettable(_ id: String, _ settings: [(String, String)] = [], steps: Int,
                                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let a = try run(id, settings, seed: 7, steps: steps)
        let b = try run(id, settings, seed: 7, steps: steps)
        XCTAssertEqual(try json(a), try json(b), file: file, line: line)
        var c = a
        c.reset()
        XCTAssertEqual(c.stepCount, 0, file: file, line: line)
        XCTAssertEqual(try json(c), try json(try DemoCatalog.make(id, settings: settings, seed: 7)), file: file, line: line)
    }

    /// The report decoded back as a JSON object, for checking fields by name.
    static func object(_ demo: any Demo) throws -> [String: Any] {
        let data = Data(try json(demo).utf8)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Wraps any Encodable so an existential report can be encoded.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
