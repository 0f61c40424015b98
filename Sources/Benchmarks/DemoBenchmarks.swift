import Demos
import Foundation
import Terminal

/// Demo timings against the budgets: one step plus a render at 120×40 in at most 5 ms
/// for every demo, and the `mlp` demo training at least 1,000 steps a second while displayed.
enum DemoBenchmarks {
    static let size = Size(width: 120, height: 40)

    static func run() {
        for type in DemoCatalog.all {
            guard let fresh = try? DemoCatalog.make(type.id, seed: 1) else {
                print("demo: \(type.id): cannot start with the defaults")
                continue
            }
            let single = measure(fresh, stepsPerIteration: 1)
            let frame = measure(fresh, stepsPerIteration: max(1, fresh.stepsPerFrame))
            let verdict = single.median <= 5 ? "ok" : "OVER the 5 ms budget"
            print(String(format: "demo: %@: step+render 120x40 median %.3f ms (p95 %.3f) %@; frame of %d steps median %.3f ms",
                         type.id, single.median, single.p95, verdict, max(1, fresh.stepsPerFrame), frame.median))
        }
        mlpThroughput()
    }

    /// Median and 95th percentile in milliseconds of `stepsPerIteration` steps plus one render,
    /// restarting the demo whenever it finishes (so finished demos are not timed rendering only).
    static func measure(_ start: any Demo, stepsPerIteration: Int, iterations: Int = 300) -> (median: Double, p95: Double) {
        var demo = start
        var buffer = Buffer(size: size)
        var times: [Double] = []
        times.reserveCapacity(iterations)
        for i in 0..<(iterations + 10) {
            if !demo.status.isRunning { demo = start }
            let t0 = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<stepsPerIteration { demo.step() }
            buffer.fill(buffer.area)
            demo.render(into: &buffer, area: buffer.area, capabilities: .full)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            if i >= 10 { times.append(elapsed) }  // the first few warm caches up
        }
        times.sort()
        return (times[times.count / 2], times[min(times.count - 1, times.count * 95 / 100)])
    }

    /// mlp steps per second: training alone, and while displayed (a frame's steps plus a render).
    static func mlpThroughput() {
        guard let mlp = try? DemoCatalog.make("mlp", seed: 1) else { return }
        var demo = mlp
        let steps = 5000
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps {
            if !demo.status.isRunning { demo = mlp }
            demo.step()
        }
        let alone = Double(steps) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        let perFrame = max(1, mlp.stepsPerFrame)
        let frame = measure(mlp, stepsPerIteration: perFrame, iterations: 200)
        // At the screen's 33 ms frame period the loop runs a frame's steps per tick; when the
        // frame takes longer than that, the frame time itself sets the pace.
        let displayed = Double(perFrame) / (max(frame.median, 33) / 1000)
        print(String(format: "demo: mlp: %.0f steps/s training alone; %.0f steps/s displayed (%d steps + render per %.0f ms frame, frame work %.2f ms)",
                     alone, displayed, perFrame, max(frame.median, 33), frame.median))
    }
}
