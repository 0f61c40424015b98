import ArgumentParser
import Demos
import Foundation
import Terminal
import TutorApp

/// `aitutor demo list` and `aitutor demo ID`: run a live demo without the full-screen tutor and
/// print its final plot and readout, or everything it computed as JSON.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "List the live demos, or run one and print its final plot and readout (or JSON).",
        discussion: """
            'aitutor demo list' lists the demos. 'aitutor demo ID' runs one: --set changes a knob \
            (repeat it for several), --steps sets how many steps to take (default: until the run \
            ends, at most \(DemoCommand.defaultStepLimit)). The same seed and knobs always give the \
            same output, byte for byte. Text is plain ASCII when the locale is not UTF-8.
            """
    )

    /// How many steps a run takes at most when --steps is not given.
    static let defaultStepLimit = 1000

    @Argument(help: "A demo id, or 'list'.")
    var id: String
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a knob, e.g. --set lr=0.5 (repeatable).", valueName: "knob=value"))
    var settings: [String] = []
    @Option(name: .long, help: "Take exactly this many steps (fewer if the run ends first).")
    var steps: Int?
    @Option(name: .long, help: "The random seed (same seed, same run).")
    var seed: UInt64 = 1
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
    @Option(name: .long, help: "Plot width in columns for text output (38 to 500; default: the terminal's width, else 80).")
    var width: Int?
    @Option(name: .long, help: "Plot height in rows for text output (8 to 200; default 24).")
    var height: Int?
    @Flag(name: .long, help: "Use ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false

    func validate() throws {
        if let steps, steps < 0 { throw ValidationError("--steps must be 0 or more, got \(steps)") }
        if let width, !(38...500).contains(width) { throw ValidationError("--width must be between 38 and 500, got \(width)") }
        if let height, !(8...200).contains(height) { throw ValidationError("--height must be between 8 and 200, got \(height)") }
    }

    /// `name=value` pairs from the --set options, or a usage error saying what is wrong.
    static func parseSettings(_ raw: [String]) throws -> [(String, String)] {
        try raw.map { text in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ValidationError(DemoError.badSetting(text).description)
            }
            return (String(text[..<equals]).trimmingCharacters(in: .whitespaces),
                    String(text[text.index(after: equals)...]))
        }
    }

    /// What `--format json` prints.
    struct Output: Encodable {
        var demo: String
        var seed: UInt64
        var settings: KnobSettings
        var steps: Int
        var status: DemoStatus
        var report: AnyReport
    }

    /// Any demo's report, encoded as itself.
    struct AnyReport: Encodable {
        let value: any Encodable
        func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
    }

    func run() throws {
        if id == "list" {
            try list()
            return
        }
        guard let type = DemoCatalog.type(for: id) else {
            throw ValidationError(DemoError.unknownDemo(id, valid: DemoCatalog.ids).description)
        }
        var demo: any Demo
        do {
            demo = try DemoCatalog.make(id, settings: try Self.parseSettings(settings), seed: seed)
        } catch let error as DemoError {
            throw ValidationError(Self.explain(error, knobs: type.knobs))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("demo '\(id)' cannot start with these settings: \(error)")
        }
        let limit = steps ?? Self.defaultStepLimit
        while demo.stepCount < limit && demo.status.isRunning { demo.step() }

        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // A diverged run can hold ±∞ or NaN, which JSON has no numbers for: spell them as
            // strings (as Python's json module reads them) rather than fail.
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            let output = Output(demo: id, seed: seed, settings: demo.settings, steps: demo.stepCount,
                                status: demo.status, report: AnyReport(value: demo.report()))
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        case .text:
            print(text(for: demo, title: type.title))
        }
    }

    /// A DemoError's message plus every knob with what it takes, so the fix is on screen.
    static func explain(_ error: DemoError, knobs: [Knob]) -> String {
        let lines = knobs.map { "  \($0.name): \($0.expected) (default \($0.defaultValue))" }
        return ([error.description, "knobs:"] + lines).joined(separator: "\n")
    }

    private func list() throws {
        struct Entry: Encodable {
            var id: String
            var title: String
            var summary: String
            var lessons: [String]
            var knobs: [String]
        }
        let entries = DemoCatalog.all.map {
            Entry(id: $0.id, title: $0.title, summary: $0.summary, lessons: $0.lessons, knobs: $0.knobs.map(\.name))
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(["demos": entries]))
        case .text:
            let unicode = !ascii && PlainOutput.localeIsUTF8
            for entry in entries {
                let line = "\(entry.id.padding(toLength: 20, withPad: " ", startingAt: 0)) \(entry.title): \(entry.summary)"
                print(unicode ? line : AsciiFallback.transliterate(line))
                let knobs = "    knobs: \(entry.knobs.isEmpty ? "none" : entry.knobs.joined(separator: ", "))"
                print(knobs)
            }
        }
    }

    /// The final plot as plain text, then the settings and the readout.
    func text(for demo: any Demo, title: String) -> String {
        let unicode = !ascii && PlainOutput.localeIsUTF8
        let size = Size(width: width ?? PlainOutput.terminalWidth ?? 80, height: height ?? 24)
        var buffer = Buffer(size: size)
        // Monochrome: plain text carries no colour, so heat maps use shade characters instead.
        demo.render(into: &buffer, area: buffer.area, capabilities: Capabilities(unicode: unicode, colors: .monochrome))
        var lines = ["\(title) (\(id)), seed \(seed)"]
        let knobs = type(of: demo).knobs
        lines.append(knobs.map { "\($0.name)=\(demo.settings[$0.name]?.description ?? "")" }.joined(separator: " "))
        lines.append("")
        lines += buffer.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.append("")
        lines += demo.readout.map { "\($0.label): \($0.value)" }
        let styled = lines.map { StyledLine($0) }
        return PlainOutput.text(styled, unicode: unicode)
    }
}
