import Demos
import Terminal

/// A live demo: the plot, a knobs panel, the live readout, and predict-then-run questions.
///
/// The screen owns one `Demo` value and only ever calls its public API: `step()` on Space or on
/// each animation tick, `reset()` on `0`, and a fresh `init(settings:seed:)` whenever a knob or
/// the seed changes, so what the learner sees is exactly what `aitutor demo` prints.
public struct DemoScreen: Screen {
    /// Where a predict-then-run question is.
    public enum PredictionPhase: Equatable {
        /// Asking question `index`; waiting for a digit.
        case asking(index: Int)
        /// Running the question's settings after the learner chose `choice`.
        case running(index: Int, choice: Int)
        /// The run ended: `correct` is the right choice.
        case answered(index: Int, choice: Int, correct: Int)
    }

    public private(set) var demo: any Demo
    /// The knob the arrow keys change, as an index into the demo's knobs.
    public private(set) var selectedKnob = 0
    /// True while `r` has the demo animating.
    public private(set) var isRunning = false
    public private(set) var prediction: PredictionPhase?
    /// The next question `p` asks, so repeated presses go through them all.
    private var nextQuestion = 0
    /// Shown on the first event: why the lesson's settings could not be used.
    private var pendingMessage: String?

    /// Opens `demo`; `notice` (an error about the requested settings) goes to the status bar.
    public init(demo: any Demo, notice: String? = nil) {
        self.demo = demo
        self.pendingMessage = notice
    }

    var demoType: any Demo.Type { type(of: demo) }
    var knobs: [Knob] { demoType.knobs }

    public var title: String { "Demos › \(demoType.title)" }

    public var position: String { "seed \(demo.seed)" }

    public var isAnimating: Bool { isRunning }

    public var hints: [KeyHint] {
        if case .asking(let index) = prediction {
            let count = demoType.predictions.indices.contains(index) ? demoType.predictions[index].choices.count : 1
            return [KeyHint("1-\(count)", "answer"), KeyHint("any other key", "cancel")]
        }
        return [KeyHint("Space", "step"), KeyHint("r", isRunning ? "pause" : "run"), KeyHint("0", "reset"),
                KeyHint("Tab/↑↓", "knob"), KeyHint("←→ -/+", "change"), KeyHint("s", "seed"), KeyHint("p", "predict")]
    }

    /// The demo's "what to notice" text and each knob's help, for the `?` overlay.
    public var explanation: [String] {
        [demoType.notice] + knobs.map { "\($0.label): \($0.help)" }
    }

    // MARK: Events

    public mutating func handle(_ event: Event, context: AppContext) -> [AppCommand] {
        var commands: [AppCommand] = []
        if let message = pendingMessage {
            pendingMessage = nil
            commands.append(.message(message, isError: true))
        }
        switch event {
        case .tick:
            if isRunning { advance(steps: max(1, demo.stepsPerFrame)) }
            commands += finishPredictionIfDone()
        case .key(let key):
            commands += handleKey(key)
        case .resize, .inputClosed:
            break
        }
        return commands
    }

    private mutating func handleKey(_ key: Key) -> [AppCommand] {
        if case .asking(let index) = prediction {
            return answer(key, question: index)
        }
        switch key {
        case .character(" "):
            isRunning = false
            if !demo.status.isRunning { return [.message(finishedMessage, isError: false)] }
            advance(steps: 1)
            return finishPredictionIfDone()
        case .character("r"):
            if isRunning {
                isRunning = false
            } else if demo.status.isRunning {
                isRunning = true
            } else {
                return [.message(finishedMessage, isError: false)]
            }
        case .character("0"):
            isRunning = false
            prediction = nil
            demo.reset()
        case .tab, .down:
            if !knobs.isEmpty { selectedKnob = (selectedKnob + 1) % knobs.count }
        case .backTab, .up:
            if !knobs.isEmpty { selectedKnob = (selectedKnob + knobs.count - 1) % knobs.count }
        case .right, .character("+"), .character("="), .character("l"):
            return changeKnob(by: 1)
        case .left, .character("-"), .character("_"), .character("h"):
            return changeKnob(by: -1)
        case .character("s"):
            return rebuild(settings: demo.settings, seed: Self.nextSeed(after: demo.seed))
        case .character("p"):
            let questions = demoType.predictions
            guard !questions.isEmpty else { return [.message("this demo has no prediction questions", isError: false)] }
            isRunning = false
            prediction = .asking(index: nextQuestion % questions.count)
            nextQuestion += 1
        default:
            break
        }
        return []
    }

    private var finishedMessage: String {
        "\(demo.status.message); press 0 to reset"
    }

    /// The seed `s` moves to: a fixed function of the current one (Knuth's MMIX LCG), so the
    /// sequence of seeds a learner walks through is reproducible, and the number stays typable.
    static func nextSeed(after seed: UInt64) -> UInt64 {
        (seed &* 6364136223846793005 &+ 1442695040888963407) % 1_000_000
    }

    private mutating func advance(steps requested: Int) {
        var steps = requested
        // A prediction's run stops at its own step count, not at the next frame boundary.
        if case .running(let index, _) = prediction, demoType.predictions.indices.contains(index) {
            steps = min(steps, max(0, demoType.predictions[index].steps - demo.stepCount))
        }
        for _ in 0..<steps {
            guard demo.status.isRunning else { break }
            demo.step()
        }
        if !demo.status.isRunning { isRunning = false }
        if case .running(let index, _) = prediction, demoType.predictions.indices.contains(index),
           demo.stepCount >= demoType.predictions[index].steps {
            isRunning = false
        }
    }

    private mutating func changeKnob(by direction: Int) -> [AppCommand] {
        guard knobs.indices.contains(selectedKnob) else { return [] }
        let knob = knobs[selectedKnob]
        guard let value = demo.settings[knob.name] else { return [] }
        let next = knob.nudge(value, by: direction)
        guard next != value else {
            return [.message("\(knob.label) is at the end of its range (\(knob.expected))", isError: false)]
        }
        var settings = demo.settings
        settings.set(knob.name, next)
        return rebuild(settings: settings, seed: demo.seed)
    }

    private mutating func rebuild(settings: KnobSettings, seed: UInt64) -> [AppCommand] {
        do {
            demo = try demoType.init(settings: settings, seed: seed)
            isRunning = false
            prediction = nil
            return []
        } catch {
            return [.message("\(error)", isError: true)]
        }
    }

    private mutating func answer(_ key: Key, question index: Int) -> [AppCommand] {
        let questions = demoType.predictions
        guard questions.indices.contains(index) else { prediction = nil; return [] }
        let question = questions[index]
        guard case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= question.choices.count else {
            prediction = nil
            return [.message("question cancelled", isError: false)]
        }
        do {
            let settings = try KnobSettings(knobs: knobs, demoID: demoType.id, settings: question.settings)
            demo = try demoType.init(settings: settings, seed: demo.seed)
        } catch {
            prediction = nil
            return [.message("\(error)", isError: true)]
        }
        prediction = .running(index: index, choice: digit - 1)
        isRunning = true
        return []
    }

    private mutating func finishPredictionIfDone() -> [AppCommand] {
        guard case .running(let index, let choice) = prediction, demoType.predictions.indices.contains(index) else { return [] }
        let question = demoType.predictions[index]
        guard !demo.status.isRunning || demo.stepCount >= question.steps else { return [] }
        isRunning = false
        let correct = question.judge(demo)
        prediction = .answered(index: index, choice: choice, correct: correct)
        return [.message(choice == correct ? "Right!" : "Not quite: see why below the knobs", isError: choice != correct)]
    }

    // MARK: Drawing

    /// The panel's width beside the plot, or 0 when the panel goes below it.
    static func panelWidth(for area: Rect) -> Int { area.width >= 70 ? min(34, area.width / 3) : 0 }

    public func render(into buffer: inout Buffer, area: Rect, context: AppContext) {
        guard !area.isEmpty else { return }
        let panelWidth = Self.panelWidth(for: area)
        let lines = panelWidth > 0 ? panelLines(width: panelWidth - 2, context: context) : compactLines(width: area.width - 2, context: context)
        let plotArea: Rect
        let panelArea: Rect
        if panelWidth > 0 {
            (plotArea, panelArea) = area.splitRight(panelWidth)
            for y in panelArea.y..<panelArea.maxY {
                buffer.write(context.glyphs.vertical, x: panelArea.x, y: y, style: Theme.border)
            }
        } else {
            let height = min(max(area.height / 2, 2), lines.count)
            (plotArea, panelArea) = area.splitBottom(height)
        }
        let inner = panelWidth > 0 ? panelArea.inset(left: 2) : panelArea.inset(left: 1, right: 1)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + i, clip: inner)
        }
        demo.render(into: &buffer, area: plotArea.inset(left: 1, right: 1), capabilities: context.capabilities)
        if case .asking(let index) = prediction {
            drawQuestion(index, into: &buffer, area: plotArea, context: context)
        }
    }

    /// Knobs, then the readout, then the prediction's state, wrapped to `width`.
    func panelLines(width: Int, context: AppContext) -> [StyledLine] {
        guard width > 0 else { return [] }
        let ascii = !context.capabilities.unicode
        var lines: [StyledLine] = [StyledLine("Knobs", style: Theme.heading)]
        let labelWidth = min(max(knobs.map { DisplayWidth.of($0.label) }.max() ?? 4, 4), max(width / 2, 4))
        for (i, knob) in knobs.enumerated() {
            let selected = i == selectedKnob
            var line = StyledLine(selected ? (ascii ? "> " : "› ") : "  ", style: Theme.accent)
            line.append(TextWrapper.pad(TextWrapper.truncate(knob.label, width: labelWidth), to: labelWidth) + " ",
                        style: selected ? Theme.strong : .plain)
            let value = demo.settings[knob.name]?.description ?? "?"
            line.append(selected ? (ascii ? "< \(value) >" : "◀ \(value) ▶") : value, style: selected ? Theme.selected : Theme.code)
            lines.append(line)
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Readout", style: Theme.heading))
        for item in demo.readout {
            var line = StyledLine(item.label + ": ", style: Theme.muted)
            let style: Style
            switch demo.status {
            case .diverged where item.label == "status": style = Theme.error
            case .finished where item.label == "status": style = Theme.accent
            default: style = Theme.strong
            }
            line.append(item.value, style: style)
            lines += TextWrapper.wrap(line, width: width, indent: StyledLine("  "))
        }
        if isRunning { lines.append(StyledLine(ascii ? "> running" : "▶ running", style: Theme.accent)) }
        if let phase = prediction {
            lines.append(StyledLine())
            lines += predictionLines(phase, width: width)
        }
        return lines
    }

    /// For narrow windows, below the plot: the readout first (it changes), then the selected knob.
    func compactLines(width: Int, context: AppContext) -> [StyledLine] {
        guard width > 0 else { return [] }
        let ascii = !context.capabilities.unicode
        var readout = StyledLine()
        for (i, item) in demo.readout.enumerated() {
            if i > 0 { readout.append("  ") }
            readout.append(item.label + ": ", style: Theme.muted)
            readout.append(item.value, style: item.label == "status" && !demo.status.isRunning ? Theme.warning : Theme.strong)
        }
        var lines = TextWrapper.wrap(readout, width: width)
        if knobs.indices.contains(selectedKnob) {
            let knob = knobs[selectedKnob]
            let value = demo.settings[knob.name]?.description ?? "?"
            var line = StyledLine(ascii ? "> " : "› ", style: Theme.accent)
            line.append(knob.label + " ", style: Theme.strong)
            line.append(ascii ? "< \(value) >" : "◀ \(value) ▶", style: Theme.selected)
            line.append("  (\(selectedKnob + 1)/\(knobs.count))", style: Theme.muted)
            lines.append(line)
        }
        if let phase = prediction { lines += predictionLines(phase, width: width) }
        return lines
    }

    private func predictionLines(_ phase: PredictionPhase, width: Int) -> [StyledLine] {
        let questions = demoType.predictions
        switch phase {
        case .asking(let index):
            guard questions.indices.contains(index) else { return [] }
            return TextWrapper.wrap(StyledLine("Predict: answer with 1-\(questions[index].choices.count)", style: Theme.warning), width: width)
        case .running(let index, let choice):
            guard questions.indices.contains(index) else { return [] }
            return TextWrapper.wrap(StyledLine("You said: \(questions[index].choices[choice]). Running…", style: Theme.warning), width: width)
        case .answered(let index, let choice, let correct):
            guard questions.indices.contains(index) else { return [] }
            let question = questions[index]
            let right = choice == correct
            var lines = TextWrapper.wrap(StyledLine(right ? "Right: \(question.choices[choice])." : "Not quite: you said \(question.choices[choice]).",
                                                    style: right ? Theme.right : Theme.wrong), width: width)
            if !right, question.choices.indices.contains(correct) {
                lines += TextWrapper.wrap(StyledLine("It did: \(question.choices[correct]).", style: Theme.strong), width: width)
            }
            lines += TextWrapper.wrap(StyledLine(question.explanation), width: width)
            return lines
        }
    }

    private func drawQuestion(_ index: Int, into buffer: inout Buffer, area: Rect, context: AppContext) {
        let questions = demoType.predictions
        guard questions.indices.contains(index), area.width >= 10, area.height >= 4 else { return }
        let question = questions[index]
        let width = min(area.width - 2, 70)
        var lines = TextWrapper.wrap(StyledLine(question.question, style: Theme.strong), width: width - 4)
        for (i, choice) in question.choices.enumerated() {
            lines += TextWrapper.wrap(StyledLine("\(i + 1)  \(choice)"), width: width - 4, indent: StyledLine("   "))
        }
        lines.append(StyledLine("Press a number; any other key cancels.", style: Theme.muted))
        let box = area.centered(width: width, height: min(area.height, lines.count + 2))
        buffer.fill(box, with: .blank)
        let g = context.glyphs
        let horizontal = String(repeating: g.horizontal, count: max(box.width - 2, 0))
        buffer.write(g.topLeft + horizontal + g.topRight, x: box.x, y: box.y, style: Theme.border)
        buffer.write(" Predict, then run ", x: box.x + 2, y: box.y, style: Theme.heading, clip: box)
        for y in (box.y + 1)..<max(box.y + 1, box.maxY - 1) {
            buffer.write(g.vertical, x: box.x, y: y, style: Theme.border)
            buffer.write(g.vertical, x: box.maxX - 1, y: y, style: Theme.border)
        }
        buffer.write(g.bottomLeft + horizontal + g.bottomRight, x: box.x, y: box.maxY - 1, style: Theme.border)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + i, clip: inner)
        }
    }
}
