import XCTest
@testable import Kernel

final class ResamplingTests: XCTestCase {
    private func reference(_ f: [String: Any], _ key: String) -> [Fold] {
        f.objects(key).map { Fold(train: $0.ints("train"), test: $0.ints("test")) }
    }

    func testKFoldMatchesScikitLearn() throws {
        let f = try fixture("splits")
        XCTAssertEqual(try KFold(splits: 5).split(count: 13), reference(f, "kfold5n13"))
        XCTAssertEqual(try KFold(splits: 3).split(count: 10), reference(f, "kfold3n10"))
        XCTAssertEqual(try KFold(splits: 4).split(count: 4), reference(f, "kfold4n4"))
        XCTAssertEqual(try KFold(splits: 5).split(count: 13).map { $0.test.count }, [3, 3, 3, 2, 2])
        XCTAssertThrowsError(try KFold(splits: 5).split(count: 4))
        XCTAssertThrowsError(try KFold(splits: 1))
    }

    func testStratifiedKFoldMatchesScikitLearn() throws {
        let f = try fixture("splits")
        XCTAssertEqual(try StratifiedKFold(splits: 3).split(labels: f.ints("labelsA")), reference(f, "stratified3A"))
        XCTAssertEqual(try StratifiedKFold(splits: 4).split(labels: f.ints("labelsB")), reference(f, "stratified4B"))
        XCTAssertEqual(try StratifiedKFold(splits: 2).split(labels: f.ints("labelsB")), reference(f, "stratified2B"))
        XCTAssertThrowsError(try StratifiedKFold(splits: 3).split(labels: [0, 0, 1, 1, 2, 2]))
    }

    func testLeaveOneOutAndTrainTestSplitMatchScikitLearn() throws {
        let f = try fixture("splits")
        XCTAssertEqual(try LeaveOneOut().split(count: 4), reference(f, "leaveOneOut4"))
        for (key, n, fraction) in [("trainTest10", 10, 0.25), ("trainTest7", 7, 0.3)] {
            let expected = f.object(key)
            let split = try ShuffleSplit.trainTestSplit(count: n, testFraction: fraction, shuffle: false)
            XCTAssertEqual(split, Fold(train: expected.ints("train"), test: expected.ints("test")))
        }
        for s in f.objects("shuffleSizes") {
            let train = (s["train"] as? NSNumber)?.doubleValue
            let splitter = try ShuffleSplit(splits: 1, testFraction: s.double("test"), trainFraction: train)
            let n = (s["n"] as? NSNumber)?.intValue ?? 0
            let sizes = splitter.sizes(count: n)
            XCTAssertEqual(sizes.train, (s["trainSize"] as? NSNumber)?.intValue)
            XCTAssertEqual(sizes.test, (s["testSize"] as? NSNumber)?.intValue)
            let fold = try XCTUnwrap(splitter.split(count: n).first)
            XCTAssertEqual(fold.train.count, sizes.train)
            XCTAssertEqual(fold.test.count, sizes.test)
        }
    }

    /// Shuffled splits cannot reproduce numpy's random stream, so test what must hold.
    func testShuffledSplitsArePartitionsAndSeeded() throws {
        let folds = try KFold(splits: 4, shuffle: true, seed: 9).split(count: 23)
        XCTAssertEqual(folds.flatMap { $0.test }.sorted(), Array(0..<23), "test folds partition the indices")
        XCTAssertEqual(folds.map { $0.test.count }, [6, 6, 6, 5])
        for fold in folds {
            XCTAssertEqual((fold.train + fold.test).sorted(), Array(0..<23))
            XCTAssertEqual(fold.train, fold.train.sorted())
        }
        XCTAssertNotEqual(folds, try KFold(splits: 4).split(count: 23))
        XCTAssertEqual(folds, try KFold(splits: 4, shuffle: true, seed: 9).split(count: 23))
        XCTAssertNotEqual(folds, try KFold(splits: 4, shuffle: true, seed: 10).split(count: 23))

        let labels = (0..<60).map { $0 % 3 == 0 ? 1 : 0 }  // one third positive
        let stratified = try StratifiedKFold(splits: 5, shuffle: true, seed: 2).split(labels: labels)
        XCTAssertEqual(stratified.flatMap { $0.test }.sorted(), Array(0..<60))
        for fold in stratified {
            XCTAssertEqual(fold.test.count, 12)
            XCTAssertEqual(fold.test.filter { labels[$0] == 1 }.count, 4, "each fold keeps the 1:2 proportion")
        }
        XCTAssertNotEqual(stratified, try StratifiedKFold(splits: 5).split(labels: labels))

        let shuffles = try ShuffleSplit(splits: 3, testFraction: 0.2, seed: 1).split(count: 50)
        for fold in shuffles {
            XCTAssertEqual(fold.test.count, 10)
            XCTAssertEqual((fold.train + fold.test).sorted(), Array(0..<50))
        }
        XCTAssertNotEqual(shuffles[0], shuffles[1])

        let three = try ShuffleSplit.trainValidationTestSplit(count: 20, validationFraction: 0.2, testFraction: 0.25, seed: 3)
        XCTAssertEqual([three.train.count, three.validation.count, three.test.count], [11, 4, 5])
        XCTAssertEqual((three.train + three.validation + three.test).sorted(), Array(0..<20))
        let ordered = try ShuffleSplit.trainValidationTestSplit(count: 10, validationFraction: 0.2, testFraction: 0.2, shuffle: false)
        XCTAssertEqual(ordered.train, Array(0..<6))
        XCTAssertEqual(ordered.validation, [6, 7])
        XCTAssertEqual(ordered.test, [8, 9])
        XCTAssertThrowsError(try ShuffleSplit.trainValidationTestSplit(count: 10, validationFraction: 0.5, testFraction: 0.5))
    }

    func testBootstrapOutOfBagShareTendsToOneOverE() throws {
        var bootstrap = Bootstrap(seed: 5)
        let small = try bootstrap.sample(count: 10)
        XCTAssertEqual(small.inBag.count, 10)
        XCTAssertEqual(Set(small.inBag).union(small.outOfBag), Set(0..<10))
        XCTAssert(Set(small.inBag).isDisjoint(with: small.outOfBag))
        var share = 0.0
        for sample in try bootstrap.samples(count: 2000, rounds: 50) { share += Double(sample.outOfBag.count) / 2000 }
        share /= 50
        XCTAssertEqual(share, exp(-1), accuracy: 0.004)
        XCTAssertEqual(Bootstrap.estimate632(trainingError: 0.1, outOfBagError: 0.3), 0.368 * 0.1 + 0.632 * 0.3)
        XCTAssertThrowsError(try bootstrap.sample(count: 0))
        var a = Bootstrap(seed: 1), b = Bootstrap(seed: 1)
        XCTAssertEqual(try a.sample(count: 30).inBag, try b.sample(count: 30).inBag)
    }
}
