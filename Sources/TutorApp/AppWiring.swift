import Curriculum
import Demos
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
    public static var demoListings: [DemoListing] {
        DemoCatalog.all.map { DemoListing(id: $0.id, title: $0.title, summary: $0.summary) }
    }

    /// The router with every screen factory this build has.
    public static func router(now: @escaping () -> Date = { Date() }) -> ScreenRouter {
        ScreenRouter(factories: [demoScreen, quizFactory(now: now)])
    }

    /// Opens demos and the demos index. A lesson whose knob settings do not parse still opens
    /// its demo, with the defaults, and the status bar says what was wrong.
    static func demoScreen(for destination: Destination, context: AppContext) -> Result<any Screen, OpenError>? {
        switch destination {
        case .demoIndex:
            return .success(DemoIndexScreen())
        case .demo(let id, let settings):
            guard DemoCatalog.type(for: id) != nil else {
                return .failure(OpenError("no demo '\(id)'; demos: \(DemoCatalog.ids.joined(separator: ", "))"))
            }
            do {
                return .success(DemoScreen(demo: try DemoCatalog.make(id, settings: settings.map { ($0.name, $0.value) })))
            } catch {
                do {
                    let demo = try DemoCatalog.make(id)
                    return .success(DemoScreen(demo: demo, notice: "\(error); using the defaults"))
                } catch {
                    return .failure(OpenError("the demo '\(id)' could not start: \(error)"))
                }
            }
        default:
            return nil
        }
    }

    /// Checks every lesson's demo embeds against the demos' knobs: an unknown knob or a value
    /// the knob does not take is reported at the embed's line. Unknown demo ids are left to
    /// `CurriculumChecks` (given `knownDemos`).
    public static func demoSettingDiagnostics(_ curriculum: Curriculum) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for lesson in curriculum.lessons {
            for embed in lesson.document.demos {
                guard let type = DemoCatalog.type(for: embed.demoID) else { continue }
                let location = SourceLocation(file: lesson.source.file, line: embed.line)
                var eachValid = true
                for setting in embed.settings {
                    do {
                        _ = try KnobSettings(knobs: type.knobs, demoID: type.id, settings: [(setting.name, setting.value)])
                    } catch {
                        eachValid = false
                        diagnostics.append(Diagnostic(location, "\(error)"))
                    }
                }
                // Each setting can be fine alone yet the combination refused (k larger than n).
                guard eachValid else { continue }
                do {
                    _ = try DemoCatalog.make(type.id, settings: embed.settings.map { ($0.name, $0.value) })
                } catch {
                    diagnostics.append(Diagnostic(location, "demo '\(type.id)' refuses these settings: \(error)"))
                }
            }
        }
        return diagnostics
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
