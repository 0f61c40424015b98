import Curriculum
import Foundation
import Terminal
import XCTest
@testable import TutorApp

/// Golden snapshots of the Markdown rendering, in Unicode and ASCII, at two widths.
final class DocumentRendererTests: XCTestCase {
    static let page = """
        ---
        id: sample
        title: Sample
        ---
        ## A heading that is long enough to wrap at narrow widths
        A paragraph with *emphasis*, **strong** text and `inline code`, long enough that it wraps onto more than one line.

        - a bullet item that also goes on for a while so that it needs a hanging indent
        - a short one

        1. first
        2. second

        ```
        θ ← θ − η · ∂L/∂θ
        ```

        | symbol | meaning |
        |---|---|
        | η | the learning rate, a small positive number |
        | ∂L/∂θ | the gradient |

        > A quote, which is shown with a bar.

        ::: note Common mistake
        Forgetting the minus sign climbs the hill instead of descending it.
        :::

        ::: demo gradient-descent lr=0.1
        Try lr 0.1, then 1.1.
        :::
        """

    private func render(width: Int, glyphs: Glyphs) throws -> String {
        let files = [SourceFile(path: "00-x/section.md", text: "---\nid: x\ntitle: X\n---\nx\n"),
                     SourceFile(path: "00-x/01-sample.md", text: Self.page)]
        let lesson = try XCTUnwrap(CurriculumLoader.load(files: files).curriculum.lesson("sample"))
        let rendered = DocumentRenderer(width: width, glyphs: glyphs).render(lesson.document)
        return rendered.lines.map { line in
            var t = line.plainText
            while t.hasSuffix(" ") { t.removeLast() }
            return t
        }.joined(separator: "\n") + "\n"
    }

    private func golden(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    func testUnicodeAt60Columns() throws {
        XCTAssertNil(GoldenFile.check(try render(width: 60, glyphs: .unicode), against: golden("document-unicode-60.txt")))
    }

    func testUnicodeAt36Columns() throws {
        XCTAssertNil(GoldenFile.check(try render(width: 36, glyphs: .unicode), against: golden("document-unicode-36.txt")))
    }

    func testAsciiAt60Columns() throws {
        XCTAssertNil(GoldenFile.check(try render(width: 60, glyphs: .ascii), against: golden("document-ascii-60.txt")))
    }

    func testDemoAnchorCoversTheCard() throws {
        let files = [SourceFile(path: "00-x/section.md", text: "---\nid: x\ntitle: X\n---\nx\n"),
                     SourceFile(path: "00-x/01-sample.md", text: Self.page)]
        let lesson = try XCTUnwrap(CurriculumLoader.load(files: files).curriculum.lesson("sample"))
        let rendered = DocumentRenderer(width: 60, glyphs: .unicode).render(lesson.document)
        let anchor = try XCTUnwrap(rendered.demos.first)
        XCTAssertEqual(anchor.embed.demoID, "gradient-descent")
        XCTAssertTrue(rendered.lines[anchor.lines.lowerBound].plainText.hasPrefix("┌─ ▶ Live demo: gradient-descent"))
        XCTAssertTrue(rendered.lines[anchor.lines.upperBound - 1].plainText.hasPrefix("└"))
        XCTAssertTrue(rendered.lines.allSatisfy { $0.width <= 60 })
    }
}
