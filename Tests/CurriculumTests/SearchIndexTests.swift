import TestSupport
import XCTest
@testable import Curriculum

final class SearchIndexTests: XCTestCase {
    let index = SearchIndex(curriculum: SampleLessons.load().curriculum)

    func testMisheardAliasFindsTheTermThenItsLesson() {
        let results = index.search("mean max")
        XCTAssertEqual(results.prefix(2).map(\.kind), [.glossary("Minimax"), .lesson("game-theory")])
    }

    func testTitleBeatsBodyText() {
        let results = index.search("calculus")
        XCTAssertEqual(results.first?.kind, .lesson("calculus"))
    }

    func testPrefixMatchesAndAllWordsRequired() {
        XCTAssertEqual(index.search("deriv").first?.kind, .glossary("Derivative"))
        XCTAssertEqual(index.search("slope payoffs").map(\.kind), [])
        XCTAssertEqual(index.search("   ").count, 0)
    }

    func testWordsKeepHyphenatedTerms() {
        XCTAssertEqual(SearchIndex.words("N-gram models, k-means!"), ["n-gram", "models", "k-means"])
    }
}
