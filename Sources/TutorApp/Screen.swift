import Curriculum
import Terminal

/// A key and what it does, for the status bar and the help overlay.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var action: String
    public init(_ key: String, _ action: String) { self.key = key; self.action = action }
}

/// Places the tutor can open. `aitutor open ID` resolves an id to one of these.
public enum Destination: Hashable, Sendable {
    case roadmap
    case lesson(String)
    case section(String)
    case demo(String, [KnobSetting])
    case demoIndex
    case quiz(String)
    case review
    case search(String)
}

/// What a screen asks the app to do after handling an event.
public enum AppCommand {
    case push(any Screen)
    case pop
    case replace(any Screen)
    case open(Destination)
    case quit
    case record(LearnerEvent)
    /// A one-line message in the status bar until the next key.
    case message(String, isError: Bool)
}

/// One screen of the tutor: a value that handles events and draws itself. Screens never talk to
/// the terminal: they draw into a Buffer, which is what tests read.
public protocol Screen {
    /// Shown in the title bar, e.g. "Mathematics › Calculus".
    var title: String { get }
    /// The keys that work here, shown in the status bar and the help overlay.
    var hints: [KeyHint] { get }
    /// Shown at the right of the title bar, e.g. "42%".
    var position: String { get }
    /// True while the screen animates: the loop then sends `.tick` events at a steady rate.
    var isAnimating: Bool { get }
    /// True while typed characters are text (a search field, a number field), so single-letter
    /// global keys such as `q` and `?` are passed to the screen instead.
    var capturesText: Bool { get }
    /// Paragraphs the `?` overlay shows above the keys (a demo's "what to notice"); usually none.
    var explanation: [String] { get }
    /// Handles a key, resize or tick.
    mutating func handle(_ event: Event, context: AppContext) -> [AppCommand]
    /// Draws the screen into `area` (the space between the title and status bars).
    func render(into buffer: inout Buffer, area: Rect, context: AppContext)
}

extension Screen {
    public var position: String { "" }
    public var isAnimating: Bool { false }
    public var capturesText: Bool { false }
    public var explanation: [String] { [] }
}

/// Everything a screen may read while it handles an event or draws: the course, the learner's
/// progress, and how the terminal draws.
public struct AppContext {
    public var curriculum: Curriculum
    public var searchIndex: SearchIndex
    public var capabilities: Capabilities
    public var glyphs: Glyphs
    public var learner: LearnerSnapshot
    public var demoCatalog: [DemoListing]
    /// The size of the area screens draw in (the terminal less the title and status bars).
    public var viewport: Size = Size(width: 80, height: 22)

    public init(curriculum: Curriculum, capabilities: Capabilities, learner: LearnerSnapshot = LearnerSnapshot(),
                demoCatalog: [DemoListing] = []) {
        self.curriculum = curriculum
        self.searchIndex = SearchIndex(curriculum: curriculum)
        self.capabilities = capabilities
        self.glyphs = Glyphs.forCapabilities(capabilities)
        self.learner = learner
        self.demoCatalog = demoCatalog
    }
}

/// A demo as listed in the demos index: id, title and the lessons that use it.
public struct DemoListing: Hashable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public init(id: String, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}
