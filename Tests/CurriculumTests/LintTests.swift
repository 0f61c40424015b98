import TestSupport
import Foundation
import XCTest
@testable import Curriculum

/// Every lint rule reports `file:line: message` for the exact problem.
final class LintTests: XCTestCase {
    private func errors(replacing path: String, with text: String) -> [String] {
        SampleLessons.load(replacing: [path: text]).errors.map(\.description)
    }

    func testMissingHeader() {
        XCTAssertEqual(errors(replacing: "01-mathematics/02-game-theory.md", with: "no header\n").prefix(1),
                       ["01-mathematics/02-game-theory.md:1: the file must start with a header: a line '---', 'key: value' lines, then '---'"])
    }

    func testUnknownHeaderKey() {
        let e = errors(replacing: "01-mathematics/02-game-theory.md", with: "---\nid: game-theory\ntitle: G\nglossary: minimax\ntitel: typo\n---\nText.\n")
        XCTAssertEqual(e, ["01-mathematics/02-game-theory.md:5: unknown header key 'titel'; known keys: demos, glossary, id, prerequisites, title"])
    }

    func testBadIdAndDuplicateId() {
        let bad = errors(replacing: "01-mathematics/02-game-theory.md", with: "---\nid: Game_Theory\ntitle: G\n---\nText.\n")
        XCTAssertTrue(bad.contains("01-mathematics/02-game-theory.md:2: id 'Game_Theory': ids are lowercase letters, digits and single hyphens, starting with a letter (e.g. gradient-descent)"), "\(bad)")
        let dup = errors(replacing: "01-mathematics/02-game-theory.md", with: "---\nid: calculus\ntitle: G\n---\nText.\n")
        XCTAssertTrue(dup.contains("01-mathematics/02-game-theory.md:1: lesson id 'calculus' is already used at 01-mathematics/01-calculus.md:1; ids must be unique"), "\(dup)")
    }

    func testUnknownPrerequisiteDemoAndGlossaryTerm() {
        let e = errors(replacing: "01-mathematics/02-game-theory.md", with: "---\nid: game-theory\ntitle: G\nprerequisites: nope\nglossary: minimax, unicorn\ndemos: conv\n---\n::: demo conv\nx\n:::\n")
        XCTAssertEqual(Set(e), [
            "01-mathematics/02-game-theory.md:1: prerequisite 'nope' of lesson 'game-theory' is not a lesson id",
            "01-mathematics/02-game-theory.md:8: unknown demo 'conv'; available demos: gradient-descent",
            "01-mathematics/02-game-theory.md:1: glossary term 'unicorn' of lesson 'game-theory' has no entry in any glossary file",
        ])
    }

    func testDemoBlockMustBeInHeaderAndBeClosed() {
        let e = errors(replacing: "01-mathematics/02-game-theory.md", with: "---\nid: game-theory\ntitle: G\nglossary: minimax\n---\n::: demo gradient-descent\ncaption\n")
        XCTAssertEqual(Set(e), [
            "01-mathematics/02-game-theory.md:6: '::: demo' block is never closed: add a line ':::' after it",
            "01-mathematics/02-game-theory.md:6: demo 'gradient-descent' is embedded but missing from the header's 'demos:' list",
        ])
    }

    func testQuestionRules() {
        let quiz = """
            ---
            ---
            ::: question role-one
            topic: ai-engineer-role
            type: single
            Pick one.

            - [x] A
              > yes
            - [x] B
            explain: two right answers
            :::
            ::: question role-two
            topic: ai-engineer-role
            type: numeric
            A number?

            answer: 4 +/- 1
            :::
            ::: question role-three
            topic: calculus
            type: essay
            Write.
            :::
            """
        let e = errors(replacing: "00-role/quiz.md", with: quiz)
        XCTAssertEqual(Set(e), [
            "00-role/quiz.md:10: option 'B' needs an explanation line starting with '  > '",
            "00-role/quiz.md:3: single-choice question role-one needs exactly one right option ([x]), has 2",
            "00-role/quiz.md:18: answer '4 +/- 1' must be 'VALUE ± TOLERANCE' (or 'VALUE +- TOLERANCE'), e.g. 'answer: 1.5 ± 0.01'",
            "00-role/quiz.md:13: question role-two needs an 'explain:' line with the general explanation",
            "00-role/quiz.md:13: numeric question role-two needs 'answer: VALUE ± TOLERANCE'",
            "00-role/quiz.md:20: question role-three has unknown type 'essay'; use single, multiple, truefalse or numeric",
            "00-role/01-ai-engineer-role.md:1: lesson 'ai-engineer-role' is measured by 2 quiz question(s); write at least 3 with 'topic: ai-engineer-role'",
        ] as Set<String>)
    }

    func testTrueFalseNeedsTrueThenFalse() {
        let quiz = "---\n---\n::: question role-one\ntopic: ai-engineer-role\ntype: truefalse\nQ?\n\n- [x] Yes\n  > a\n- [ ] No\n  > b\n\nexplain: e\n:::\n"
        let e = errors(replacing: "00-role/quiz.md", with: quiz)
        XCTAssertTrue(e.contains("00-role/quiz.md:3: true/false question role-one needs exactly the options 'True' then 'False'"), "\(e)")
    }

    func testTopicMustBeALessonOfTheSection() {
        let original = SampleLessons.files.first { $0.path == "00-role/quiz.md" }?.text ?? ""
        let quiz = original.replacingOccurrences(of: "topic: ai-engineer-role\ntype: single", with: "topic: calculus\ntype: single")
        let e = errors(replacing: "00-role/quiz.md", with: quiz)
        XCTAssertTrue(e.contains("00-role/quiz.md:4: question role-one: topic 'calculus' is not a lesson of section 'role' (it belongs to another section)"), "\(e)")
    }

    func testGlossaryDuplicatesAndMissingLessons() {
        let glossary = "---\n---\n## Derivative\nlessons: calculus\nAgain.\n\n## Orphan\nA term with no lessons line.\n"
        let e = errors(replacing: "00-role/glossary.md", with: glossary)
        XCTAssertEqual(Set(e), [
            "01-mathematics/glossary.md:3: glossary term 'Derivative' is already defined at 00-role/glossary.md:3",
            "00-role/glossary.md:7: glossary entry 'Orphan' needs a 'lessons:' line naming the lessons that teach it",
            "00-role/01-ai-engineer-role.md:1: glossary term 'AI engineer' of lesson 'ai-engineer-role' has no entry in any glossary file",
        ])
    }

    func testPrerequisiteLoop() {
        let e = errors(replacing: "01-mathematics/01-calculus.md", with: "---\nid: calculus\ntitle: C\nprerequisites: game-theory\nglossary: derivative\n---\nText.\n")
        XCTAssertTrue(e.contains { $0.contains("prerequisites form a loop: calculus → game-theory → calculus") || $0.contains("prerequisites form a loop: game-theory → calculus → game-theory") }, "\(e)")
    }

    func testFolderMustMatchSectionId() {
        var files = SampleLessons.files.filter { !$0.path.hasPrefix("01-") }
        files.append(SourceFile(path: "01-maths/section.md", text: "---\nid: mathematics\ntitle: M\n---\nx\n"))
        let e = CurriculumLoader.load(files: files).errors.map(\.description)
        XCTAssertTrue(e.contains("01-maths/section.md:2: section id 'mathematics' does not match its folder '01-maths'; name the folder 01-mathematics"), "\(e)")
    }
}
