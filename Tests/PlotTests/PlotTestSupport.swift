import Foundation
import XCTest
import Terminal
@testable import Plot

/// Renders a view into a fresh buffer of the given size.
func draw(_ view: some View, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    view.render(into: &buffer, area: buffer.area)
    return buffer
}

/// Compares a rendering with `Golden/<name>.txt` beside this file (so AITUTOR_UPDATE_GOLDEN=1
/// rewrites the committed copy, not the one in the build folder).
func assertGolden(_ buffer: Buffer, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name + ".txt")
    if let message = GoldenFile.check(buffer.text() + "\n", against: url) {
        XCTFail(message, file: file, line: line)
    }
}

/// A tiny deterministic generator (64-bit LCG) so property tests are reproducible.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
    /// Uniform in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }
    mutating func int(_ n: Int) -> Int { Int(next() >> 33) % max(n, 1) }
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 1e-12), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
