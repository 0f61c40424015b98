/// Ranked search over lessons, section overviews and the glossary, including the misheard forms
/// ("mean max" finds minimax, "engram" finds n-gram models).
///
/// Ranking, highest first: an exact glossary term or alias; the whole query in a title; every
/// query word in a title; words in headings; words in the text. A word matches a text word that
/// starts with it ("grad" matches "gradient"). Every query word must match somewhere, except that
/// an exact glossary hit also brings up the lessons that teach the term.
public struct SearchIndex: Sendable {
    public enum Kind: Hashable, Sendable {
        case lesson(String)
        case section(String)
        case glossary(String)
    }

    public struct Result: Hashable, Sendable {
        public var kind: Kind
        public var title: String
        /// Where it lives: the section title for lessons, "Glossary" for terms.
        public var context: String
        public var snippet: String
        public var score: Int
    }

    private struct Entry: Sendable {
        var kind: Kind
        var title: String
        var context: String
        var titleWords: [String]
        var headingWords: [String]
        var bodyWords: [String: Int]
        /// The text of each block, split into sentences only when a result needs a snippet.
        var texts: [String]
        var aliases: [String]
    }

    private let entries: [Entry]
    private let glossary: [GlossaryEntry]

    public init(curriculum: Curriculum) {
        var entries: [Entry] = []
        for section in curriculum.sections {
            entries.append(Self.entry(kind: .section(section.id), title: section.title, context: "Section \(section.number)",
                                      document: section.overview, extraHeadings: []))
            for lesson in section.lessons {
                entries.append(Self.entry(kind: .lesson(lesson.id), title: lesson.title, context: section.title,
                                          document: lesson.document, extraHeadings: lesson.glossaryTerms))
            }
        }
        for term in curriculum.glossary {
            var e = Self.entry(kind: .glossary(term.term), title: term.term, context: "Glossary",
                               document: Document(blocks: [.paragraph([.text(term.definition)])]), extraHeadings: [])
            e.aliases = term.aliases.map { Self.normalize($0) }
            entries.append(e)
        }
        self.entries = entries
        self.glossary = curriculum.glossary
    }

    /// Results for a query, best first, at most `limit`.
    public func search(_ query: String, limit: Int = 20) -> [Result] {
        let words = Self.words(query)
        guard !words.isEmpty else { return [] }
        let phrase = words.joined(separator: " ")

        // Glossary terms hit exactly by term or alias pull in the lessons that teach them.
        var taughtBy: [String: String] = [:]
        for term in glossary {
            let names = [Self.normalize(term.term)] + term.aliases.map { Self.normalize($0) }
            if names.contains(phrase) {
                for lesson in term.lessons where taughtBy[lesson] == nil { taughtBy[lesson] = term.term }
            }
        }

        var results: [Result] = []
        for entry in entries {
            var score = 0
            var allMatched = true
            let title = entry.titleWords.joined(separator: " ")
            if case .glossary = entry.kind {
                if title == phrase { score += 1000 } else if entry.aliases.contains(phrase) { score += 900 }
                if entry.aliases.contains(where: { $0.contains(phrase) }) { score += 150 }
            }
            if title.contains(phrase) { score += 200 }
            for word in words {
                var matched = false
                if entry.titleWords.contains(word) { score += 40; matched = true } else if entry.titleWords.contains(where: { $0.hasPrefix(word) }) { score += 25; matched = true }
                if entry.aliases.contains(where: { Self.words($0).contains(where: { $0.hasPrefix(word) }) }) { score += 20; matched = true }
                let headingHits = entry.headingWords.filter { $0.hasPrefix(word) }.count
                if headingHits > 0 { score += 10 * min(headingHits, 3); matched = true }
                let bodyHits = entry.bodyWords.reduce(0) { $0 + ($1.key.hasPrefix(word) ? $1.value : 0) }
                if bodyHits > 0 { score += min(bodyHits, 10); matched = true }
                if !matched { allMatched = false }
            }
            if case .lesson(let id) = entry.kind, let term = taughtBy[id] {
                score += 500
                allMatched = true
                results.append(Result(kind: entry.kind, title: entry.title, context: entry.context,
                                      snippet: "teaches \(term)", score: score))
                continue
            }
            guard allMatched, score > 0 else { continue }
            results.append(Result(kind: entry.kind, title: entry.title, context: entry.context,
                                  snippet: Self.snippet(Self.sentences(entry.texts), words: words), score: score))
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : $0.title < $1.title }
        return Array(results.prefix(limit))
    }

    private static func entry(kind: Kind, title: String, context: String, document: Document, extraHeadings: [String]) -> Entry {
        var headingWords: [String] = extraHeadings.flatMap { words($0) }
        var body: [String: Int] = [:]
        var texts: [String] = []
        for block in document.blocks {
            if case .heading(_, let text) = block {
                headingWords += words(text.plainText)
                continue
            }
            let text = block.plainText
            for word in words(text) { body[word, default: 0] += 1 }
            texts.append(text)
        }
        return Entry(kind: kind, title: title, context: context, titleWords: words(title), headingWords: headingWords,
                     bodyWords: body, texts: texts, aliases: [])
    }

    static func sentences(_ texts: [String]) -> [String] {
        texts.flatMap { text in
            text.split(whereSeparator: { $0 == "." || $0 == "\n" }).map { String($0).trimmingSpaces }.filter { $0.count > 3 }
        }
    }

    /// Lowercased words of letters and digits; "n-gram" stays one word, as does "k-means".
    /// Works on scalars (not characters): it runs over every lesson at start-up.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if current.last == "-" { current.removeLast() }
            if !current.isEmpty { out.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x41 && v <= 0x5A {
                current.append(Unicode.Scalar(v + 32) ?? scalar)
            } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                current.append(scalar)
            } else if v == 0x2D {
                if !current.isEmpty { current.append(scalar) }
            } else if v >= 0x80 && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                finish()
            }
        }
        finish()
        return out
    }

    static func normalize(_ text: String) -> String { words(text).joined(separator: " ") }

    private static func snippet(_ sentences: [String], words: [String]) -> String {
        let best = sentences.max { a, b in hits(a, words) < hits(b, words) }
        guard let sentence = best, hits(sentence, words) > 0 else { return sentences.first ?? "" }
        return sentence
    }

    private static func hits(_ sentence: String, _ words: [String]) -> Int {
        let sentenceWords = Self.words(sentence)
        return words.filter { w in sentenceWords.contains { $0.hasPrefix(w) } }.count
    }
}
