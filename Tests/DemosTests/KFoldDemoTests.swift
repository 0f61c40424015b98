import Kernel
import XCTest
@testable import Demos

final class KFoldDemoTests: XCTestCase {
    private func splits(_ settings: [(String, String)]) throws -> [KFoldDemo.Split] {
        try XCTUnwrap(try DemoCatalog.make("kfold", settings: settings) as? KFoldDemo).splits
    }

    /// scikit-learn's KFold(3) on 10 rows and KFold(5) on 13 rows (the kernel's fixtures).
    func testKFoldMatchesScikitLearn() throws {
        let fixture = try kernelFixture("splits")
        for (key, n, k) in [("kfold3n10", 10, 3), ("kfold5n13", 13, 5)] {
            let expected = try XCTUnwrap(fixture[key] as? [[String: [Int]]])
            let actual = try splits([("method", "kfold"), ("n", String(n)), ("k", String(k))])
            XCTAssertEqual(actual.map(\.test), expected.map { $0["test"] ?? [] }, key)
            XCTAssertEqual(actual.map(\.train), expected.map { $0["train"] ?? [] }, key)
        }
        XCTAssertEqual(try splits([("n", "10"), ("k", "3")]).map(\.test), [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]])
    }

    func testLeaveOneOutMatchesScikitLearn() throws {
        let expected = try XCTUnwrap(try kernelFixture("splits")["leaveOneOut4"] as? [[String: [Int]]])
        let actual = try splits([("method", "loo"), ("n", "4")])
        XCTAssertEqual(actual.map(\.test), expected.map { $0["test"] ?? [] })
        XCTAssertEqual(actual.map(\.train), expected.map { $0["train"] ?? [] })
    }

    func testStratifiedKeepsClassSharesAndReportsLabels() throws {
        let demo = try XCTUnwrap(try DemoCatalog.make("kfold", settings: [("method", "stratified"), ("n", "40"), ("k", "4")]) as? KFoldDemo)
        let labels = try XCTUnwrap(demo.labels)
        // The same splits the kernel's StratifiedKFold (checked against scikit-learn) gives.
        let kernel = try StratifiedKFold(splits: 4).split(labels: labels)
        XCTAssertEqual(demo.splits.map(\.test), kernel.map(\.test))
        let ones = labels.filter { $0 == 1 }.count
        for split in demo.splits {
            let inFold = split.test.filter { labels[$0] == 1 }.count
            XCTAssertLessThanOrEqual(abs(inFold * 4 - ones), 4, "each fold has about a quarter of class 1")
        }
        XCTAssertEqual((try DemoChecks.object(demo)["labels"] as? [Int]), labels)
    }

    func testShuffleSplitSizes() throws {
        let s = try splits([("method", "shuffle-split"), ("n", "10"), ("k", "4"), ("test-size", "0.25")])
        XCTAssertEqual(s.count, 4)
        for split in s {
            XCTAssertEqual(split.test.count, 3)
            XCTAssertEqual(split.train.count, 7)
            XCTAssertEqual(Set(split.test + split.train).count, 10)
        }
    }

    func testStepsRevealSplitsAndFinish() throws {
        var demo = try DemoCatalog.make("kfold", settings: [("n", "10"), ("k", "3")])
        XCTAssertEqual(demo.readout.first?.value, "0 of 3")
        demo.step()
        XCTAssertTrue(demo.readout.contains(ReadoutItem("validate", "4 rows: 0,1,2,3")))
        demo.step(); demo.step(); demo.step()
        XCTAssertEqual(demo.stepCount, 3)
        XCTAssertEqual(demo.status, .finished("all 3 splits shown"))
    }

    func testImpossibleSettingsSayWhy() {
        XCTAssertThrowsError(try DemoCatalog.make("kfold", settings: [("n", "4"), ("k", "5")])) { error in
            XCTAssertTrue("\(error)".contains("for k"), "\(error)")
        }
    }

    func testLessonEmbedsDeterminismAndRendering() throws {
        XCTAssertNoThrow(try DemoCatalog.make("kfold", settings: [("method", "kfold"), ("k", "5"), ("n", "20")]))
        XCTAssertNoThrow(try DemoCatalog.make("kfold", settings: [("method", "kfold"), ("k", "3"), ("n", "10")]))
        try DemoChecks.assertDeterministicAndResettable("kfold", [("method", "stratified"), ("shuffle", "on")], steps: 3)
        for method in KFoldDemo.methods {
            DemoChecks.assertRendersInside(try DemoChecks.run("kfold", [("method", method)], steps: 2))
        }
    }
}
