import Curriculum
import Foundation
import Terminal

/// Why the tutor's parts could not be put together (e.g. an unwritable progress folder).
public struct AppWiringError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The composition root: which demos this build has, how destinations become screens, and where
/// progress is kept. The command line and the tests build the tutor through it.
public enum AppWiring {
    /// The demos of this build, for the demos index and `open`.
    public static var demoListings: [DemoListing] { [] }

    /// The router with every screen factory this build has.
    public static func router() -> ScreenRouter {
        ScreenRouter(factories: [])
    }

    /// The learner's progress log in `home`.
    public static func openLearnerLog(home: URL) throws -> LearnerLog {
        InMemoryLearnerLog()
    }
}
