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
    public static func router(now: @escaping () -> Date = { Date() }) -> ScreenRouter {
        ScreenRouter(factories: [quizFactory(now: now)])
    }

    /// Quizzes (`quiz:SECTION-ID`) and the review queue; option order seeded from the clock.
    public static func quizFactory(now: @escaping () -> Date = { Date() }) -> ScreenRouter.Factory {
        { destination, context in
            let seed = UInt64(truncatingIfNeeded: Int64(now().timeIntervalSince1970 * 1_000_000))
            switch destination {
            case .quiz(let id): return QuizScreen.section(id, context: context, seed: seed, now: now)
            case .review: return .success(ReviewScreen(context: context, seed: seed, now: now))
            default: return nil
            }
        }
    }

    /// The learner's progress log in `home`: the append-only progress file (see ProgressStore).
    public static func openLearnerLog(home: URL, curriculum: Curriculum) throws -> LearnerLog {
        do {
            return try ProgressLearnerLog(home: home, curriculum: curriculum)
        } catch {
            throw AppWiringError("\(error)")
        }
    }
}
