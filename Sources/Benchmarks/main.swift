// The benchmark harness: `swift run -c release aitutor-bench [app|kernel|plot|progress|demos|all]`.
// Figures are printed; they are measured here, never asserted by timed unit tests.
import Foundation

let which = CommandLine.arguments.dropFirst().first ?? "all"
let known = ["app", "kernel", "plot", "progress", "demos", "all"]
guard known.contains(which) else {
    FileHandle.standardError.write(Data("usage: aitutor-bench [\(known.joined(separator: "|"))]\n".utf8))
    exit(64)
}
if which == "app" || which == "all" { AppBenchmarks.run() }
if which == "kernel" || which == "all" { KernelBenchmarks.run() }
if which == "plot" || which == "all" { PlotBenchmarks.run() }
if which == "progress" || which == "all" { ProgressBenchmarks.run() }
if which == "demos" || which == "all" { DemoBenchmarks.run() }
