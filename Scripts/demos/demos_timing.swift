// Timing of the demos-b demos at 120x40: step(s) plus render per frame, and mlp steps/s.
// Not part of the build. To run it, add a temporary target to Package.swift:
//   .executableTarget(name: "demos-timing", dependencies: ["Demos", "Terminal"], path: "Scratch/timing"),
// copy this file to Scratch/timing/main.swift, then: swift build -c release --product demos-timing && .build/release/demos-timing

import Demos
import Terminal
import Foundation

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
let ids = ["linear-regression", "classify", "kmeans", "metrics", "perceptron", "mlp"]
var configs: [(String, [(String, String)])] = ids.map { ($0, []) }
configs += [("mlp", [("layers", "32,32"), ("batch-size", "140")]), ("mlp", [("layers", "16,16,16"), ("batch-size", "140")]), ("mlp", [("layers", "2"), ("batch-size", "1")]), ("classify", [("model", "knn")]), ("classify", [("model", "tree")]), ("mlp", [("layers", "16,16,16"), ("dataset", "spirals")])]
for (id, settings) in configs {
    var demo = try DemoCatalog.make(id, settings: settings, seed: 1)
    var buffer = Buffer(width: 120, height: 40)
    let frames = 200
    var times: [Double] = []
    for _ in 0..<frames {
        let t0 = now()
        for _ in 0..<demo.stepsPerFrame { demo.step() }
        buffer.fill(buffer.area)
        demo.render(into: &buffer, area: buffer.area, capabilities: .full)
        times.append(now() - t0)
        if !demo.status.isRunning { demo.reset() }
    }
    times.sort()
    let median = times[times.count / 2] * 1000, p95 = times[times.count * 95 / 100] * 1000
    let label = id + (settings.isEmpty ? "" : " " + settings.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    print(String(format: "%-45@ frame (%d steps + render) median %.3f ms, p95 %.3f ms", label as NSString, demo.stepsPerFrame, median, p95))
    if id == "mlp" {
        print(String(format: "    -> %.0f steps/s while displayed (render every %d steps)", Double(demo.stepsPerFrame) / (median / 1000), demo.stepsPerFrame))
        var d = try DemoCatalog.make(id, settings: settings, seed: 1)
        let t0 = now(); for _ in 0..<20000 { d.step() }
        print(String(format: "    -> %.0f steps/s training alone", 20000 / (now() - t0)))
    }
}

for id in ["classify", "mlp", "kmeans"] {
    for model in (id == "classify" ? ["knn", "tree", "logistic"] : [""]) {
        let t0 = now()
        for _ in 0..<20 { _ = try DemoCatalog.make(id, settings: model.isEmpty ? [] : [("model", model), ("k", "50")], seed: 1) }
        print(id, model, String(format: "init %.3f ms", (now() - t0) / 20 * 1000))
    }
}
for settings in [[("dataset", "circles")], [("layers", "32,32"), ("batch-size", "140")]] {
    var demo = try DemoCatalog.make("mlp", settings: settings, seed: 1)
    var buffer = Buffer(width: 120, height: 40)
    var times: [Double] = []
    for _ in 0..<300 {
        let t0 = now(); demo.step(); buffer.fill(buffer.area); demo.render(into: &buffer, area: buffer.area, capabilities: .full); times.append(now() - t0)
    }
    times.sort()
    print("mlp one step + render", settings, String(format: "median %.3f ms p95 %.3f", times[150] * 1000, times[285] * 1000))
}
