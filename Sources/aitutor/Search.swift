import ArgumentParser
import Curriculum
import Foundation
import TutorApp

/// `aitutor search WORDS`: ranked lessons, sections and glossary terms.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search lessons and the glossary; misheard terms (\"mean max\", \"engram\") work too."
    )

    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
    @Option(name: .long, help: "At most this many results (1 to 100).")
    var limit = 10
    @Argument(parsing: .remaining, help: "The words to search for.")
    var words: [String] = []

    func validate() throws {
        if words.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("give the words to search for, e.g. 'aitutor search gradient descent'")
        }
        if !(1...100).contains(limit) { throw ValidationError("--limit must be between 1 and 100, got \(limit)") }
    }

    struct Output: Encodable {
        struct Hit: Encodable {
            var kind: String
            var id: String
            var title: String
            var context: String
            var snippet: String
            var score: Int
        }
        var query: String
        var results: [Hit]
    }

    func run() throws {
        let curriculum = try TutorSession.loadCurriculum(common)
        let query = words.joined(separator: " ")
        let hits = SearchIndex(curriculum: curriculum).search(query, limit: limit).map { result -> Output.Hit in
            switch result.kind {
            case .lesson(let id): return .init(kind: "lesson", id: id, title: result.title, context: result.context, snippet: result.snippet, score: result.score)
            case .section(let id): return .init(kind: "section", id: id, title: result.title, context: result.context, snippet: result.snippet, score: result.score)
            case .glossary(let term): return .init(kind: "term", id: term, title: result.title, context: result.context, snippet: result.snippet, score: result.score)
            }
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(Output(query: query, results: hits)))
        case .text:
            if hits.isEmpty {
                print("Nothing matches \"\(query)\". Try fewer or shorter words.")
                return
            }
            let unicode = PlainOutput.localeIsUTF8
            for hit in hits {
                let line = "\(hit.kind.padding(toLength: 8, withPad: " ", startingAt: 0))\(hit.title)  [\(hit.id)]  \(hit.context)"
                print(unicode ? line : AsciiFallback.transliterate(line))
                if !hit.snippet.isEmpty {
                    let snippet = "        " + String(hit.snippet.prefix(110))
                    print(unicode ? snippet : AsciiFallback.transliterate(snippet))
                }
            }
        }
    }
}
