import XCTest
@testable import Terminal

final class HeadlessBackendTests: XCTestCase {
    func testReplaysScriptThenReportsInputClosed() {
        let backend = HeadlessBackend(events: [.key(.character("a")), .resize(Size(width: 30, height: 8))])
        XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: nil), .key(.character("a")))
        XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: nil), .resize(Size(width: 30, height: 8)))
        XCTAssertEqual(backend.size, Size(width: 30, height: 8))
        XCTAssertEqual(backend.nextEvent(timeoutMilliseconds: 10), .inputClosed)
    }

    func testRecordsFrames() {
        let backend = HeadlessBackend()
        var buffer = Buffer(size: backend.size)
        buffer.write("hi", x: 0, y: 0)
        backend.present(buffer)
        XCTAssertEqual(backend.frames.count, 1)
        XCTAssertEqual(backend.lastFrame?.row(0).prefix(2), "hi")
    }

    func testGoldenFileReportsFirstDifference() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(getpid())")
        let url = dir.appendingPathComponent("sample.txt")
        try? FileManager.default.removeItem(at: dir)
        XCTAssertNotNil(GoldenFile.check("a\nb", against: url, environment: [:]))  // first run writes
        XCTAssertNil(GoldenFile.check("a\nb", against: url, environment: [:]))
        let message = try XCTUnwrap(GoldenFile.check("a\nc", against: url, environment: [:]))
        XCTAssertTrue(message.contains("sample.txt:2 differs"), message)
        try? FileManager.default.removeItem(at: dir)
    }
}
