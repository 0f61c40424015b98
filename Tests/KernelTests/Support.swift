import Foundation
import XCTest
@testable import Kernel

/// Loads a JSON fixture written by Scripts/kernel/make_fixtures.py.
func fixture(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        XCTFail("missing fixture \(name).json", file: file, line: line)
        throw KernelError.invalidArgument("missing fixture \(name)")
    }
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return try XCTUnwrap(object as? [String: Any], file: file, line: line)
}

extension Dictionary where Key == String, Value == Any {
    func doubles(_ key: String) -> [Double] { (self[key] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? [] }
    func ints(_ key: String) -> [Int] { (self[key] as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue } ?? [] }
    func matrix(_ key: String) -> [[Double]] {
        (self[key] as? [[Any]])?.map { $0.compactMap { ($0 as? NSNumber)?.doubleValue } } ?? []
    }
    func intMatrix(_ key: String) -> [[Int]] {
        (self[key] as? [[Any]])?.map { $0.compactMap { ($0 as? NSNumber)?.intValue } } ?? []
    }
    func double(_ key: String) -> Double { (self[key] as? NSNumber)?.doubleValue ?? .nan }
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
}

/// The stated tolerance for Double paths: 1e-9 relative, with a 1e-12 absolute floor near zero.
let relativeTolerance = 1e-9
let absoluteFloor = 1e-12

func assertClose(_ actual: Double, _ expected: Double, relative: Double = relativeTolerance,
                 absolute: Double = absoluteFloor, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    if actual.isNaN && expected.isNaN { return }
    let allowed = max(absolute, relative * abs(expected))
    XCTAssert(abs(actual - expected) <= allowed,
              "\(message) \(actual) ≠ \(expected) (difference \(abs(actual - expected)), allowed \(allowed))",
              file: file, line: line)
}

func assertClose(_ actual: [Double], _ expected: [Double], relative: Double = relativeTolerance,
                 absolute: Double = absoluteFloor, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(message) count", file: file, line: line)
    XCTAssertFalse(expected.isEmpty, "\(message): empty reference (fixture key missing?)", file: file, line: line)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        assertClose(a, e, relative: relative, absolute: absolute, "\(message)[\(i)]", file: file, line: line)
    }
}
