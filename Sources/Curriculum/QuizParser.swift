import Foundation

/// Parses a section's quiz file: a header, then `::: question ID` blocks (see Lessons/FORMAT.md).
struct QuizParser {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func parse(_ lines: ArraySlice<SourceLine>) -> [Question] {
        var questions: [Question] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            if line.isBlank { i += 1; continue }
            guard line.trimmed.hasPrefix("::: question") else {
                report(line.number, "text outside a question block; questions start with '::: question ID'")
                // Skip to the next question block.
                i += 1
                while i < lines.endIndex, !lines[i].trimmed.hasPrefix("::: question") { i += 1 }
                continue
            }
            var j = i + 1
            var closed = false
            while j < lines.endIndex {
                if lines[j].trimmed == ":::" { closed = true; break }
                if lines[j].trimmed.hasPrefix("::: question") { break }
                j += 1
            }
            if !closed { report(line.number, "question block is never closed: add a line ':::' after it") }
            if let q = parseQuestion(opening: line, body: lines[(i + 1)..<j]) { questions.append(q) }
            i = closed ? j + 1 : j
        }
        return questions
    }

    private mutating func report(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message))
    }

    private enum Phase { case keys, prompt, options, explain }

    private mutating func parseQuestion(opening: SourceLine, body: ArraySlice<SourceLine>) -> Question? {
        let words = opening.trimmed.split(separator: " ").map(String.init)
        guard words.count == 3 else {
            report(opening.number, "write '::: question ID' with one id, e.g. '::: question calculus-chain-rule'")
            return nil
        }
        let id = words[2]
        if !Identifier.isValid(id) { report(opening.number, "question id '\(id)': \(Identifier.rule)") }

        var topic: String?
        var kindText: String?
        var promptLines: [SourceLine] = []
        var options: [(text: [String], correct: Bool, explanation: [String], line: Int)] = []
        var answer: NumericAnswer?
        var mistakes: [NumericMistake] = []
        var explain: [String] = []
        var phase = Phase.keys

        for line in body {
            let t = line.trimmed
            if phase == .explain {
                if !t.isEmpty { explain.append(t) }
                continue
            }
            if phase == .keys {
                if t.isEmpty { continue }
                if let (key, value) = keyValue(t), key == "topic" || key == "type" {
                    if key == "topic" { topic = value } else { kindText = value }
                    continue
                }
                phase = .prompt
            }
            if t.hasPrefix("explain:") {
                phase = .explain
                let first = String(t.dropFirst("explain:".count)).trimmingSpaces
                if !first.isEmpty { explain.append(first) }
                continue
            }
            if t.hasPrefix("answer:") {
                phase = .options
                let text = String(t.dropFirst("answer:".count)).trimmingSpaces
                if answer != nil { report(line.number, "a question has one 'answer:' line") }
                answer = parseAnswer(text, line: line.number)
                continue
            }
            if t.hasPrefix("mistake:") {
                phase = .options
                if let m = parseMistake(String(t.dropFirst("mistake:".count)).trimmingSpaces, line: line.number) { mistakes.append(m) }
                continue
            }
            if t.hasPrefix("- [x] ") || t.hasPrefix("- [X] ") || t.hasPrefix("- [ ] ") || t == "- [x]" || t == "- [ ]" {
                phase = .options
                let correct = t.hasPrefix("- [x]") || t.hasPrefix("- [X]")
                let text = String(t.dropFirst(5)).trimmingSpaces
                if text.isEmpty { report(line.number, "option has no text") }
                options.append(([text], correct, [], line.number))
                continue
            }
            if phase == .options {
                if t.isEmpty { continue }
                if t.hasPrefix(">") {
                    if options.isEmpty {
                        report(line.number, "an explanation line ('> ...') must follow an option")
                    } else {
                        options[options.count - 1].explanation.append(String(t.dropFirst()).trimmingSpaces)
                    }
                } else if line.text.indentation >= 2, !options.isEmpty, options[options.count - 1].explanation.isEmpty {
                    options[options.count - 1].text.append(t)
                } else {
                    report(line.number, "unexpected line '\(t)' after the options; expected '- [ ] option', '  > explanation', 'answer:', 'mistake:' or 'explain:'")
                }
                continue
            }
            promptLines.append(line)
        }

        let location = SourceLocation(file: file, line: opening.number)
        guard let kindValue = kindText else {
            report(opening.number, "question \(id) has no 'type:' line (single, multiple, truefalse or numeric)")
            return nil
        }
        guard let kind = QuestionKind(rawValue: kindValue) else {
            report(opening.number, "question \(id) has unknown type '\(kindValue)'; use single, multiple, truefalse or numeric")
            return nil
        }
        if topic == nil || topic?.isEmpty == true {
            report(opening.number, "question \(id) has no 'topic:' line naming the lesson it measures")
        }
        var markdown = MarkdownParser(file: file)
        let prompt = markdown.parse(ArraySlice(promptLines))
        diagnostics += markdown.diagnostics
        if prompt.blocks.isEmpty { report(opening.number, "question \(id) has no prompt text") }
        if explain.isEmpty { report(opening.number, "question \(id) needs an 'explain:' line with the general explanation") }

        let parsedOptions = options.map { option in
            QuizOption(text: InlineParser.parse(option.text.joined(separator: " ")), isCorrect: option.correct,
                       explanation: option.explanation.joined(separator: " "))
        }
        for option in options where option.explanation.isEmpty {
            report(option.line, "option '\(option.text.joined(separator: " "))' needs an explanation line starting with '  > '")
        }
        let rightCount = options.filter(\.correct).count
        switch kind {
        case .single:
            if options.count < 2 || options.count > 6 { report(opening.number, "single-choice question \(id) needs 2 to 6 options, has \(options.count)") }
            if rightCount != 1 { report(opening.number, "single-choice question \(id) needs exactly one right option ([x]), has \(rightCount)") }
        case .multiple:
            if options.count < 3 || options.count > 6 { report(opening.number, "multiple-select question \(id) needs 3 to 6 options, has \(options.count)") }
            if rightCount < 1 { report(opening.number, "multiple-select question \(id) needs at least one right option ([x])") }
        case .trueFalse:
            let texts = parsedOptions.map { $0.text.plainText }
            if texts != ["True", "False"] { report(opening.number, "true/false question \(id) needs exactly the options 'True' then 'False'") }
            if rightCount != 1 { report(opening.number, "true/false question \(id) needs exactly one right option ([x])") }
        case .numeric:
            if !options.isEmpty { report(opening.number, "numeric question \(id) takes 'answer: VALUE ± TOLERANCE', not options") }
            if answer == nil { report(opening.number, "numeric question \(id) needs 'answer: VALUE ± TOLERANCE'") }
        }
        if kind != .numeric {
            if answer != nil { report(opening.number, "'answer:' is only for numeric questions; mark right options with [x]") }
            if !mistakes.isEmpty { report(opening.number, "'mistake:' is only for numeric questions") }
        }
        return Question(id: id, topic: topic ?? "", kind: kind, prompt: prompt, options: parsedOptions, answer: answer,
                        mistakes: mistakes, explanation: explain.joined(separator: " "), source: location)
    }

    private func keyValue(_ t: String) -> (String, String)? {
        guard let colon = t.firstIndex(of: ":") else { return nil }
        let key = String(t[..<colon]).trimmingSpaces
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter }) else { return nil }
        return (key, String(t[t.index(after: colon)...]).trimmingSpaces)
    }

    private mutating func parseAnswer(_ text: String, line: Int) -> NumericAnswer? {
        let normalized = text.replacingOccurrences(of: "+-", with: "±")
        let parts = normalized.split(separator: "±").map { String($0).trimmingSpaces }
        guard parts.count == 2 else {
            report(line, "answer '\(text)' must be 'VALUE ± TOLERANCE' (or 'VALUE +- TOLERANCE'), e.g. 'answer: 1.5 ± 0.01'")
            return nil
        }
        guard let value = NumberParser.parse(parts[0]), let tolerance = NumberParser.parse(parts[1]) else {
            report(line, "answer '\(text)' has a value or tolerance that is not a number")
            return nil
        }
        guard tolerance >= 0 else {
            report(line, "answer tolerance must not be negative")
            return nil
        }
        return NumericAnswer(value: value, tolerance: tolerance)
    }

    private mutating func parseMistake(_ text: String, line: Int) -> NumericMistake? {
        guard let eq = text.range(of: " = ") else {
            report(line, "mistake must be 'VALUE = explanation', e.g. 'mistake: 12 = You forgot to divide by σ.'")
            return nil
        }
        let valueText = String(text[..<eq.lowerBound]).trimmingSpaces
        let explanation = String(text[eq.upperBound...]).trimmingSpaces
        guard let value = NumberParser.parse(valueText) else {
            report(line, "mistake value '\(valueText)' is not a number")
            return nil
        }
        if explanation.isEmpty { report(line, "mistake \(valueText) needs an explanation after ' = '") }
        return NumericMistake(value: value, explanation: explanation)
    }
}

/// Reads numbers the way people type them: `1.5`, `-2`, `1e-3`, `.5`, `1,000` and `−3` (a Unicode minus).
public enum NumberParser {
    public static func parse(_ text: String) -> Double? {
        var t = text.trimmingSpaces.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: "")
        if t.hasPrefix("+") { t.removeFirst() }
        guard !t.isEmpty, let value = Double(t), value.isFinite else { return nil }
        // Double("nan"), "inf" and hex forms are not numbers a learner types.
        let allowed: Set<Character> = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "-", "+", "e", "E"]
        guard t.allSatisfy({ allowed.contains($0) }) else { return nil }
        return value
    }
}
