import XCTest
@testable import Kernel

final class StatisticsTests: XCTestCase {
    func testMatchesNumpy() throws {
        let f = try fixture("statistics")
        let x = f.doubles("x"), y = f.doubles("y")
        assertClose(Statistics.mean(x), f.double("mean"))
        assertClose(Statistics.variance(x), f.double("variance"))
        assertClose(Statistics.variance(x, ddof: 1), f.double("varianceUnbiased"))
        assertClose(Statistics.standardDeviation(x), f.double("std"))
        assertClose(Statistics.standardDeviation(x, ddof: 1), f.double("stdUnbiased"))
        assertClose(Statistics.median(x), f.double("median"))
        assertClose(Statistics.median(Array(x.prefix(22))), f.double("medianEven"))
        assertClose(f.doubles("quantileLevels").map { Statistics.quantile(x, $0) }, f.doubles("quantiles"))
        assertClose(try Statistics.pearsonCorrelation(x, y), f.double("pearson"))
        let h5 = try Statistics.histogram(x, bins: 5)
        XCTAssertEqual(h5.counts, f.object("hist5").ints("counts"))
        assertClose(h5.edges, f.object("hist5").doubles("edges"))
        let h7 = try Statistics.histogram(x, bins: 7, range: 5...15)
        XCTAssertEqual(h7.counts, f.object("hist7").ints("counts"))
        assertClose(h7.edges, f.object("hist7").doubles("edges"))
    }

    func testEdgeCases() throws {
        XCTAssert(Statistics.mean([]).isNaN)
        XCTAssert(Statistics.variance([1], ddof: 1).isNaN)
        XCTAssertEqual(Statistics.median([3, 1, 2]), 2)
        XCTAssertEqual(Statistics.median([4, 1, 3, 2]), 2.5)
        XCTAssertThrowsError(try Statistics.pearsonCorrelation([1, 2], [1]))
        XCTAssert(try Statistics.pearsonCorrelation([1, 1, 1], [1, 2, 3]).isNaN)
        XCTAssertEqual(try Statistics.pearsonCorrelation([1, 2, 3], [6, 4, 2]), -1, accuracy: 1e-15)
        XCTAssertThrowsError(try Statistics.histogram([1], bins: 0))
        // The right edge belongs to the last bin; values outside an explicit range are dropped.
        let h = try Statistics.histogram([0, 1, 2, 3, 4, 9], bins: 4, range: 0...4)
        XCTAssertEqual(h.counts, [1, 1, 1, 2])
        XCTAssertEqual(h.edges, [0, 1, 2, 3, 4])
    }
}

final class ScalerTests: XCTestCase {
    func testMatchesScikitLearn() throws {
        let f = try fixture("scalers")
        let train = f.matrix("train"), test = f.matrix("test")
        var minMax = MinMaxScaler()
        try minMax.fit(train)
        assertClose(try minMax.transform(test).flatMap { $0 }, f.matrix("minMax").flatMap { $0 }, "min-max")
        var symmetric = MinMaxScaler(featureRange: -1...1)
        try symmetric.fit(train)
        assertClose(try symmetric.transform(test).flatMap { $0 }, f.matrix("minMaxSymmetric").flatMap { $0 })
        var standard = StandardScaler()
        try standard.fit(train)
        assertClose(standard.mean, f.doubles("mean"))
        assertClose(standard.scale, f.doubles("scale"))
        assertClose(try standard.transform(test).flatMap { $0 }, f.matrix("standard").flatMap { $0 }, "z-score")
        assertClose(try standard.inverseTransform(standard.transform(test)).flatMap { $0 }, test.flatMap { $0 })
        assertClose(try minMax.inverseTransform(minMax.transform(test)).flatMap { $0 }, test.flatMap { $0 })
    }

    func testFitOnTrainingDataOnlyAndErrors() throws {
        var scaler = StandardScaler()
        XCTAssertThrowsError(try scaler.transform([[1]])) { XCTAssertEqual($0 as? KernelError, .notFitted("StandardScaler")) }
        XCTAssertThrowsError(try scaler.fit([]))
        let z = try scaler.fitTransform([[1, 5], [3, 5]])
        XCTAssertEqual(z, [[-1, 0], [1, 0]], "constant column: scale 1, so it becomes 0")
        XCTAssertThrowsError(try scaler.transform([[1, 2, 3]]))
        var minMax = MinMaxScaler()
        XCTAssertEqual(try minMax.fitTransform([[2], [4], [6]]), [[0], [0.5], [1]])
        XCTAssertEqual(try minMax.transform([[8]]), [[1.5]], "test data outside the training range is not clipped")
    }
}
