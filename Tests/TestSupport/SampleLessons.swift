import Curriculum

/// A tiny course in the real format, shared by the test targets: two sections, three lessons, quizzes, glossary.
public enum SampleLessons {
    public static let files: [SourceFile] = [
        SourceFile(path: "FORMAT.md", text: "# not parsed\n"),
        SourceFile(path: "00-role/section.md", text: """
            ---
            id: role
            title: What an AI engineer is
            ---
            An overview of the role.
            """),
        SourceFile(path: "00-role/01-ai-engineer-role.md", text: """
            ---
            id: ai-engineer-role
            title: The role
            glossary: AI engineer
            ---
            ## The idea
            An *AI engineer* ships **models** as `products`.

            - first point
              continues here
            - second point

            1. one
            2. two
            """),
        SourceFile(path: "00-role/quiz.md", text: """
            ---
            title: Role quiz
            ---
            ::: question role-one
            topic: ai-engineer-role
            type: single
            Who ships models?

            - [x] An AI engineer
              > Right: shipping is the job.
            - [ ] Nobody
              > Someone has to.

            explain: AI engineers ship.
            :::

            ::: question role-two
            topic: ai-engineer-role
            type: truefalse
            Models are the goal.

            - [ ] True
              > Value is the goal.
            - [x] False
              > Delivered value is.

            explain: The point is value.
            :::

            ::: question role-three
            topic: ai-engineer-role
            type: numeric
            What is 2 + 2?

            answer: 4 ± 0.1
            mistake: 22 = You joined the digits.
            explain: Two plus two is four.
            :::
            """),
        SourceFile(path: "00-role/glossary.md", text: """
            ---
            ---
            ## AI engineer
            heard as: ai engineering person
            lessons: ai-engineer-role
            Someone who builds and ships AI systems.
            """),
        SourceFile(path: "01-mathematics/section.md", text: """
            ---
            id: mathematics
            title: Mathematics
            ---
            The maths you need.
            """),
        SourceFile(path: "01-mathematics/01-calculus.md", text: """
            ---
            id: calculus
            title: Calculus
            prerequisites: ai-engineer-role
            demos: gradient-descent
            glossary: derivative
            ---
            ## Slopes
            The derivative is a slope.

            ::: demo gradient-descent lr=0.1
            Try a small step.
            :::

            | f(x) | f′(x) |
            |---|---|
            | x² | 2x |
            """),
        SourceFile(path: "01-mathematics/02-game-theory.md", text: """
            ---
            id: game-theory
            title: Game theory
            prerequisites: calculus
            glossary: minimax
            ---
            Players and payoffs.
            """),
        SourceFile(path: "01-mathematics/quiz.md", text: """
            ---
            ---
            ::: question calculus-a
            topic: calculus
            type: multiple
            Which are derivatives of x²?

            - [x] 2x
              > The power rule.
            - [ ] x
              > Forgot the factor 2.
            - [x] 2·x
              > The same as 2x.

            explain: d/dx x² = 2x.
            :::
            ::: question calculus-b
            topic: calculus
            type: numeric
            Slope of x² at 3?

            answer: 6 ± 0.01
            explain: 2·3 = 6.
            :::
            ::: question calculus-c
            topic: calculus
            type: truefalse
            The derivative of a constant is 0.

            - [x] True
              > Constants do not change.
            - [ ] False
              > They do not change.

            explain: Constants have slope 0.
            :::
            ::: question game-a
            topic: game-theory
            type: single
            Minimax minimises what?

            - [x] The largest possible loss
              > That is the definition.
            - [ ] The average loss
              > That would be expected loss.

            explain: Minimise the maximum loss.
            :::
            ::: question game-b
            topic: game-theory
            type: truefalse
            Every finite game has a mixed Nash equilibrium.

            - [x] True
              > Nash proved it.
            - [ ] False
              > Nash proved it does.

            explain: Nash's theorem.
            :::
            ::: question game-c
            topic: game-theory
            type: numeric
            Payoff sum of a zero-sum game?

            answer: 0 ± 0
            explain: Zero-sum means the payoffs cancel.
            :::
            """),
        SourceFile(path: "01-mathematics/glossary.md", text: """
            ---
            ---
            ## Derivative
            lessons: calculus
            The slope of a function at a point.

            ## Minimax
            heard as: mean max, min max
            lessons: game-theory
            Choosing the move whose worst outcome is best.
            """),
    ]

    public static func load(_ extra: [SourceFile] = [], replacing: [String: String] = [:]) -> CurriculumLoader.Result {
        var all = files.map { file in replacing[file.path].map { SourceFile(path: file.path, text: $0) } ?? file }
        all += extra
        return CurriculumLoader.load(files: all, knownDemos: ["gradient-descent"])
    }
}
