import ArgumentParser
import Curriculum
import Foundation
import Terminal
import TutorApp

/// `aitutor` / `aitutor start`: the full-screen tutor.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open the full-screen tutor at the roadmap (the default command)."
    )

    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: "Draw with ASCII characters only, for terminals that cannot show UTF-8.")
    var ascii = false

    func run() throws {
        try TutorSession.run(common: common, ascii: ascii, start: .roadmap)
    }
}

/// `aitutor open ID`: the tutor opened at a lesson, section, demo or quiz.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen tutor at a lesson, section, demo or quiz.",
        discussion: "ID is a lesson, section or demo id, or quiz:SECTION-ID; 'aitutor list' shows the ids."
    )

    @OptionGroup var common: CommonOptions
    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false
    @Argument(help: "What to open: a lesson id (calculus), a section id (mathematics), a demo id, or quiz:SECTION-ID.")
    var id: String

    func run() throws {
        let curriculum = try TutorSession.loadCurriculum(common)
        switch Destination.resolve(id, curriculum: curriculum, demoIDs: TutorSession.demoIDs) {
        case .success(let destination):
            try TutorSession.run(common: common, ascii: ascii, start: destination, curriculum: curriculum)
        case .failure(let error):
            throw ValidationError(error.description)
        }
    }
}

/// Loading lessons and running the full-screen loop, shared by `start` and `open`.
enum TutorSession {
    /// The demo ids this build has (none until the demos module is wired in).
    static var demoIDs: Set<String> { Set(AppWiring.demoListings.map(\.id)) }

    /// Loads the lessons; on any error prints every diagnostic and fails, pointing at `aitutor lint`.
    static func loadCurriculum(_ common: CommonOptions) throws -> Curriculum {
        let source = common.lessonSource
        let result: CurriculumLoader.Result
        do {
            result = try LessonLibrary.load(source, knownDemos: demoIDs.isEmpty ? nil : demoIDs)
        } catch {
            printError("aitutor: cannot read lessons from \(source.description): \(error)")
            throw ExitCode.failure
        }
        // Demo embeds whose knob settings the demo would refuse are errors too.
        let errors = result.errors + AppWiring.demoSettingDiagnostics(result.curriculum)
        if !errors.isEmpty {
            for diagnostic in errors.prefix(20) { printError(diagnostic.description) }
            if errors.count > 20 { printError("… and \(errors.count - 20) more") }
            printError("aitutor: the lessons in \(source.description) have \(errors.count) error(s); fix them (see 'aitutor lint') and try again.")
            throw ExitCode.failure
        }
        return result.curriculum
    }

    static func run(common: CommonOptions, ascii: Bool, start: Destination, curriculum preloaded: Curriculum? = nil) throws {
        let backend: NcursesBackend
        do {
            // Fail fast without a terminal, before any work.
            try NcursesBackend.checkTerminal()
            let curriculum = try preloaded ?? loadCurriculum(common)
            let log = try AppWiring.openLearnerLog(home: common.homeDirectory, curriculum: curriculum)
            backend = try NcursesBackend()
            defer { backend.close() }
            var capabilities = backend.capabilities
            if ascii { capabilities.unicode = false }
            let context = AppContext(curriculum: curriculum, capabilities: capabilities, learner: log.snapshot(),
                                     demoCatalog: AppWiring.demoListings)
            var tutor = Tutor(context: context, size: backend.size, log: log, router: AppWiring.router(), start: start)
            RunLoop.run(&tutor, on: backend)
        } catch let error as TerminalError {
            printError("aitutor: \(error)")
            throw ExitCode.failure
        } catch let error as AppWiringError {
            printError("aitutor: \(error)")
            throw ExitCode.failure
        }
    }
}
