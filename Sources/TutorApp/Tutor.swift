import Curriculum
import Terminal

/// The whole tutor as one state value with `handle(event)` and `view()`, in the Elm style:
/// events go in, a new state comes out, and the screen is a pure function of the state.
///
/// The stack of screens is the navigation history: opening a lesson pushes it, Esc pops it.
/// Global keys (help, search, quit) are handled here so every screen behaves the same.
public struct Tutor {
    /// The smallest terminal the tutor draws its screens in; below it, it asks to be enlarged.
    public static let minimumSize = Size(width: 40, height: 12)

    public private(set) var stack: [any Screen]
    public private(set) var size: Size
    public private(set) var showingHelp = false
    public private(set) var shouldQuit = false
    public private(set) var message: (text: String, isError: Bool)?
    public var context: AppContext
    private let router: ScreenRouter
    private let log: LearnerLog

    public init(context: AppContext, size: Size, log: LearnerLog, router: ScreenRouter = ScreenRouter(), start: Destination = .roadmap) {
        self.context = context
        self.size = size
        self.log = log
        self.router = router
        self.context.viewport = Self.viewport(for: size)
        self.stack = [RoadmapScreen(context: self.context)]
        if let first = context.learner.notices.first {
            message = (first, true)
        }
        if start != .roadmap { apply([.open(start)]) }
    }

    static func viewport(for size: Size) -> Size { Size(width: size.width, height: size.height - 2) }

    /// The screen on top of the stack.
    public var current: any Screen { stack[stack.count - 1] }

    /// True while the current screen animates: the run loop then sends ticks.
    public var wantsTicks: Bool { !showingHelp && current.isAnimating && isLargeEnough }

    public var isLargeEnough: Bool {
        size.width >= Self.minimumSize.width && size.height >= Self.minimumSize.height
    }

    /// Applies one event.
    public mutating func handle(_ event: Event) {
        switch event {
        case .resize(let newSize):
            size = newSize
            context.viewport = Self.viewport(for: newSize)
            forwardToCurrent(event)
            return
        case .inputClosed:
            shouldQuit = true
            return
        case .tick:
            forwardToCurrent(event)
            return
        case .key(let key):
            message = nil
            if key == .control("c") { shouldQuit = true; return }
            if showingHelp {
                if key == .character("q") && !current.capturesText { shouldQuit = true }
                showingHelp = false
                return
            }
            if !isLargeEnough {
                if key == .character("q") { shouldQuit = true }
                return
            }
            if !current.capturesText {
                switch key {
                case .character("q"): shouldQuit = true; return
                case .character("?"): showingHelp = true; return
                case .character("/"):
                    if !(current is SearchScreen) { apply([.open(.search(""))]); return }
                default: break
                }
            }
            // Esc always goes back; Backspace too, unless the screen is taking typed text.
            if key == .escape || (key == .backspace && !current.capturesText) {
                if stack.count > 1 { stack.removeLast(); present() }
                return
            }
            forwardToCurrent(event)
        }
    }

    /// Tells a screen that has just come to the top the size it is shown at, so it can react to
    /// what is visible at once (a short lesson is read as soon as it is opened).
    private mutating func present() {
        forwardToCurrent(.resize(size))
    }

    private mutating func forwardToCurrent(_ event: Event) {
        var screen = current
        let commands = screen.handle(event, context: context)
        stack[stack.count - 1] = screen
        apply(commands)
    }

    private mutating func apply(_ commands: [AppCommand]) {
        for command in commands {
            switch command {
            case .push(let screen):
                stack.append(screen)
                present()
            case .pop: if stack.count > 1 { stack.removeLast(); present() }
            case .replace(let screen):
                stack[stack.count - 1] = screen
                present()
            case .quit: shouldQuit = true
            case .message(let text, let isError): message = (text, isError)
            case .record(let event):
                do {
                    try log.record(event)
                    context.learner = log.snapshot()
                } catch {
                    message = ("could not save progress: \(error)", true)
                }
            case .open(let destination):
                switch router.screen(for: destination, context: context) {
                case .success(let screen):
                    if case .roadmap = destination {
                        stack = [screen]
                    } else {
                        stack.append(screen)
                    }
                    if case .lesson(let id) = destination { apply([.record(.lessonOpened(id))]) }
                    present()
                case .failure(let error):
                    message = (error.description, true)
                }
            }
        }
    }

    /// Draws the whole screen.
    public func view() -> Buffer {
        var buffer = Buffer(size: size)
        guard isLargeEnough else {
            TooSmallView(size: size, minimum: Self.minimumSize).render(into: &buffer, area: buffer.area)
            return buffer
        }
        let (titleArea, rest) = buffer.area.splitTop(1)
        let (body, statusArea) = rest.splitBottom(1)
        // The body first: the title bar shows where the body is scrolled to.
        current.render(into: &buffer, area: body, context: context)
        drawTitleBar(into: &buffer, area: titleArea)
        drawStatusBar(into: &buffer, area: statusArea)
        if showingHelp {
            HelpOverlay(screenTitle: current.title, hints: current.hints, glyphs: context.glyphs, explanation: current.explanation).render(into: &buffer, area: body)
        }
        if !context.capabilities.unicode { Self.forceASCII(&buffer) }
        return buffer
    }

    private func drawTitleBar(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", style: Theme.titleBar))
        let position = current.position
        let room = area.width - DisplayWidth.of(position) - 3
        let title = TextWrapper.truncate(" aitutor \(context.glyphs.vertical) \(current.title)", width: max(room, 0))
        buffer.write(title, x: area.x, y: area.y, style: Theme.titleBar.adding(.bold))
        if !position.isEmpty {
            buffer.write(position + " ", x: area.maxX - DisplayWidth.of(position) - 1, y: area.y, style: Theme.titleBar)
        }
    }

    private func drawStatusBar(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", style: Theme.statusBar))
        if let message {
            let style = message.isError ? Theme.statusBar.foreground(.red).adding(.bold) : Theme.statusBar.adding(.bold)
            buffer.write(" " + TextWrapper.truncate(message.text, width: area.width - 2), x: area.x, y: area.y, style: style)
            return
        }
        var hints = current.hints + (current.capturesText ? [KeyHint("Esc", "back")] : [KeyHint("?", "help"), KeyHint("q", "quit")])
        if !context.capabilities.unicode {
            hints = hints.map { KeyHint(AsciiFallback.transliterate($0.key), AsciiFallback.transliterate($0.action)) }
        }
        var x = area.x + 1
        for hint in hints {
            let needed = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.action) + 2
            if x + needed > area.maxX { break }
            x += buffer.write(hint.key, x: x, y: area.y, style: Theme.statusBar.adding(.bold))
            x += buffer.write(" " + hint.action + "  ", x: x, y: area.y, style: Theme.statusBar)
        }
    }
}

extension Tutor {
    /// The last line of defence on a terminal without UTF-8: every cell that is still not ASCII
    /// becomes its one-character ASCII spelling, or `?`. Screens draw ASCII already; this makes
    /// sure nothing a screen forgot can reach such a terminal as broken bytes.
    static func forceASCII(_ buffer: inout Buffer) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                guard !cell.character.isASCII else { continue }
                if cell.isContinuation {
                    buffer[x, y] = Cell(" ", style: cell.style)
                    continue
                }
                let spelling = AsciiFallback.transliterate(String(cell.character))
                buffer.put(spelling.count == 1 ? Character(spelling) : "?", x: x, y: y, style: cell.style)
            }
        }
    }
}

/// Shown instead of the tutor when the terminal is smaller than it can draw in.
struct TooSmallView: View {
    var size: Size
    var minimum: Size

    func render(into buffer: inout Buffer, area: Rect) {
        let lines = [
            "Terminal too small",
            "\(size.width)×\(size.height), needs \(minimum.width)×\(minimum.height)",
            "Enlarge the window,",
            "or press q to quit.",
        ]
        let top = max(area.y, area.y + (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let text = TextWrapper.truncate(line, width: area.width)
            let x = area.x + max(0, (area.width - DisplayWidth.of(text)) / 2)
            buffer.write(text, x: x, y: top + i, style: i == 0 ? Theme.warning : .plain)
        }
    }
}
