import ArgumentParser
import Foundation
import TutorApp

/// The `aitutor` command: the full-screen tutor by default, plain commands for scripts.
@main
struct AITutor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aitutor",
        abstract: "A terminal tutor for the AI-engineer roadmap: lessons, live demos and quizzes.",
        discussion: """
            Run without a subcommand to open the full-screen tutor. Exit status: 0 success, \
            1 runtime failure (e.g. no terminal, unreadable lessons), 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [Start.self, Open.self, List.self, Read.self, Search.self, DemoCommand.self, QuizCommand.self, ReviewCommand.self, ProgressCommand.self, Lint.self],
        defaultSubcommand: Start.self
    )
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder for the learner's progress (default: $AITUTOR_HOME, else $XDG_STATE_HOME/aitutor, else ~/.local/state/aitutor).", valueName: "dir"))
    var home: String?

    @Option(name: .long, help: ArgumentHelp("Read lessons from this folder instead of the built-in ones (also $AITUTOR_LESSONS); for lesson authors.", valueName: "dir"))
    var lessons: String?

    var lessonSource: LessonLibrary.Source { LessonLibrary.source(option: lessons) }
    var homeDirectory: URL { AppPaths.home(option: home) }
}

/// Output formats of the listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
