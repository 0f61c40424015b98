/// A backend without a terminal, for tests: it replays scripted events and records every frame.
///
/// A `.resize` event changes `size` before it is delivered, as a real terminal would. When the
/// script runs out it reports `.inputClosed`, so a loop under test always ends.
public final class HeadlessBackend: Backend {
    public private(set) var size: Size
    public let capabilities: Capabilities
    public private(set) var frames: [Buffer] = []
    private var script: [Event]
    /// How many `.tick` events were handed out because the script asked for a timeout.
    public private(set) var ticksServed = 0

    public init(size: Size = Size(width: 80, height: 24), capabilities: Capabilities = .full, events: [Event] = []) {
        self.size = size
        self.capabilities = capabilities
        self.script = events
    }

    /// Adds events to the end of the script.
    public func enqueue(_ events: [Event]) { script.append(contentsOf: events) }

    /// Adds key presses typed as text: each character becomes a `.character` key.
    public func type(_ text: String) { script.append(contentsOf: text.map { .key(.character($0)) }) }

    public func present(_ buffer: Buffer) { frames.append(buffer) }

    public func nextEvent(timeoutMilliseconds: Int?) -> Event {
        guard !script.isEmpty else { return .inputClosed }
        let event = script.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        if case .tick = event { ticksServed += 1 }
        return event
    }

    /// The last frame drawn, if any.
    public var lastFrame: Buffer? { frames.last }
}
