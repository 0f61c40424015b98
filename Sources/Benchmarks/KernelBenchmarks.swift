import Foundation
import Kernel

/// Kernel figures: matrix multiply throughput and MLP training speed, printed one per line as
/// `kernel <name> <key>=<value> …` so Scripts/kernel/run_benchmarks.sh can compare them with the
/// numpy and PyTorch figures from Scripts/kernel/bench_reference.py (same shapes, same method).
///
/// Method (mirrored in the Python script): every timing is the best of 5 trials, each trial
/// repeating the operation for about 0.2 s, so a busy shared machine costs as little as possible.
enum KernelBenchmarks {
    static func run() {
        print("kernel benchmarks (one thread)")
        // The default path first (the one the tutor uses), then every other path this CPU runs.
        let paths = [Matmul.fastestPath] + Matmul.Path.allCases.filter { $0 != Matmul.fastestPath && $0.isAvailable }
        for path in paths {
            for n in [64, 128, 256, 512] {
                let gflops = matmulGFLOPS(size: n, path: path)
                print("kernel matmul path=\(path.rawValue)\(path == Matmul.fastestPath ? "(default)" : "") n=\(n) gflops=\(format(gflops))")
            }
        }
        for path in Matmul.Path.allCases where !path.isAvailable {
            print("kernel matmul path=\(path.rawValue): this CPU cannot run it")
        }
        let steps = mlpStepsPerSecond()
        print("kernel mlp layers=2-16-16-1 points=200 batch=32 activation=tanh optimizer=sgd steps_per_second=\(format(steps))")
    }

    private static func format(_ x: Double) -> String { String(format: "%.2f", x) }

    /// Best time per call of `body` over 5 trials of about 0.2 s each.
    private static func bestSecondsPerCall(_ body: () -> Void) -> Double {
        body()  // warm up caches and lazy allocations
        var repetitions = 1
        var clock = ContinuousClock.now
        while true {  // calibrate: enough repetitions for ~0.2 s
            clock = .now
            for _ in 0..<repetitions { body() }
            let elapsed = seconds(ContinuousClock.now - clock)
            if elapsed > 0.2 { break }
            repetitions *= 2
        }
        var best = Double.infinity
        for _ in 0..<5 {
            clock = .now
            for _ in 0..<repetitions { body() }
            best = min(best, seconds(ContinuousClock.now - clock) / Double(repetitions))
        }
        return best
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func matmulGFLOPS(size n: Int, path: Matmul.Path) -> Double {
        var generator = RandomGenerator(seed: 1)
        let a = (0..<(n * n)).map { _ in generator.uniform(-1, 1) }
        let b = (0..<(n * n)).map { _ in generator.uniform(-1, 1) }
        var sink = 0.0
        let time = bestSecondsPerCall {
            let c = Matmul.multiply(a, b, m: n, k: n, n: n, path: path)
            sink += c[0]
        }
        if sink.isNaN { print("") }  // keeps the products from being optimized away
        return 2 * Double(n * n * n) / time / 1e9
    }

    /// Training steps per second of a 2-16-16-1 tanh MLP with plain SGD (lr 0.1) and MSE loss on
    /// 200 moons points, batches of 32 reshuffled every epoch (7 steps per epoch).
    static func mlpStepsPerSecond() -> Double {
        let data = Datasets.moons(count: 200, noise: 0.1, seed: 1)
        let targets = data.labels.map(Double.init)
        guard let optimizer = try? SGD(learningRate: 0.1),
              var net = try? MLP(layers: [2, 16, 16, 1], activation: .tanh, loss: .meanSquaredError,
                                 optimizer: optimizer, batchSize: 32, seed: 1) else {
            print("kernel mlp: could not build the network")
            return .nan
        }
        let stepsPerEpoch = (200 + 31) / 32
        let time = bestSecondsPerCall {
            _ = try? net.trainEpoch(inputs: data.points, targets: targets)
        }
        return Double(stepsPerEpoch) / time
    }
}
