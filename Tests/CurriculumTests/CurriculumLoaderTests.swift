import TestSupport
import XCTest
@testable import Curriculum

final class CurriculumLoaderTests: XCTestCase {
    func testSampleLoadsWithoutDiagnostics() {
        let result = SampleLessons.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        XCTAssertEqual(result.curriculum.sections.map(\.id), ["role", "mathematics"])
        XCTAssertEqual(result.curriculum.sections.map(\.number), [0, 1])
        XCTAssertEqual(result.curriculum.lessons.map(\.id), ["ai-engineer-role", "calculus", "game-theory"])
        XCTAssertEqual(result.curriculum.section("role")?.quiz.title, "Role quiz")
        XCTAssertEqual(result.curriculum.section("mathematics")?.quiz.questions.count, 6)
        XCTAssertEqual(result.curriculum.glossary.map(\.term), ["AI engineer", "Derivative", "Minimax"])
    }

    func testNavigationCrossesSections() {
        let c = SampleLessons.load().curriculum
        XCTAssertEqual(c.lesson(after: "ai-engineer-role")?.id, "calculus")
        XCTAssertEqual(c.lesson(before: "calculus")?.id, "ai-engineer-role")
        XCTAssertNil(c.lesson(after: "game-theory"))
        XCTAssertEqual(c.section(containing: "game-theory")?.id, "mathematics")
        XCTAssertEqual(c.glossaryEntry("mean max")?.term, "Minimax")
    }

    func testMarkdownBlocks() throws {
        let lesson = try XCTUnwrap(SampleLessons.load().curriculum.lesson("ai-engineer-role"))
        XCTAssertEqual(lesson.document.blocks, [
            .heading(level: 2, text: [.text("The idea")]),
            .paragraph([.text("An "), .emphasis("AI engineer"), .text(" ships "), .strong("models"), .text(" as "), .code("products"), .text(".")]),
            .list(ordered: false, items: [[.text("first point continues here")], [.text("second point")]]),
            .list(ordered: true, items: [[.text("one")], [.text("two")]]),
        ])
    }

    func testDemoAndTableBlocks() throws {
        let lesson = try XCTUnwrap(SampleLessons.load().curriculum.lesson("calculus"))
        XCTAssertEqual(lesson.document.demos.map(\.demoID), ["gradient-descent"])
        XCTAssertEqual(lesson.document.demos.first?.settings, [KnobSetting(name: "lr", value: "0.1")])
        XCTAssertEqual(lesson.document.demos.first?.caption, [.text("Try a small step.")])
        XCTAssertEqual(lesson.document.blocks.last, .table(header: [[.text("f(x)")], [.text("f′(x)")]], rows: [[[.text("x²")], [.text("2x")]]]))
    }

    func testInlineMarkersNeedTightText() {
        XCTAssertEqual(InlineParser.parse("2 * 3 * 4"), [.text("2 * 3 * 4")])
        XCTAssertEqual(InlineParser.parse("x_i and *y*"), [.text("x_i and "), .emphasis("y")])
        XCTAssertEqual(InlineParser.parse("a **b** `c*d`"), [.text("a "), .strong("b"), .text(" "), .code("c*d")])
        XCTAssertEqual(InlineParser.parse("unclosed `code"), [.text("unclosed `code")])
    }

    func testQuestionsParse() throws {
        let c = SampleLessons.load().curriculum
        let (_, numeric) = try XCTUnwrap(c.question("role-three"))
        XCTAssertEqual(numeric.kind, .numeric)
        XCTAssertEqual(numeric.answer, NumericAnswer(value: 4, tolerance: 0.1))
        XCTAssertEqual(numeric.mistakes, [NumericMistake(value: 22, explanation: "You joined the digits.")])
        XCTAssertEqual(numeric.source.description, "00-role/quiz.md:30")
        let (_, multiple) = try XCTUnwrap(c.question("calculus-a"))
        XCTAssertEqual(multiple.options.map(\.isCorrect), [true, false, true])
        XCTAssertEqual(multiple.options[1].explanation, "Forgot the factor 2.")
        XCTAssertEqual(multiple.explanation, "d/dx x² = 2x.")
    }

    func testControlCharactersAreRemovedAndReported() throws {
        let result = SampleLessons.load(replacing: ["01-mathematics/02-game-theory.md": "---\nid: game-theory\ntitle: Game theory\nglossary: minimax\n---\nPlayers \u{1B}[31mand payoffs.\n"])
        XCTAssertEqual(result.errors.map(\.description), ["01-mathematics/02-game-theory.md:6: control character U+001B removed; lesson text must be plain printable text"])
        let text = try XCTUnwrap(result.curriculum.lesson("game-theory")).document.plainText
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B })
    }
}
