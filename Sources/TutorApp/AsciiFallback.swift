/// Replaces common non-ASCII characters in lesson text with ASCII spellings, for terminals and
/// pipes that are not UTF-8. Anything without a spelling becomes `?`, never a broken byte.
public enum AsciiFallback {
    static let table: [Character: String] = [
        "—": "--", "–": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "…": "...", "•": "*",
        "·": ".", "×": "x", "÷": "/", "−": "-", "±": "+/-", "≈": "~", "≠": "!=", "≤": "<=", "≥": ">=",
        "→": "->", "←": "<-", "↑": "^", "↓": "v", "⇒": "=>", "∞": "inf", "√": "sqrt", "∑": "sum", "Σ": "Sum",
        "∂": "d", "∆": "Delta", "Δ": "Delta", "∇": "grad", "∈": " in ", "∀": "for all", "θ": "theta", "σ": "sigma",
        "μ": "mu", "λ": "lambda", "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "eps", "η": "eta",
        "π": "pi", "ρ": "rho", "τ": "tau", "φ": "phi", "ω": "omega", "ŷ": "y^", "x̂": "x^", "²": "^2", "³": "^3",
        "¹": "^1", "⁰": "^0", "ⁿ": "^n", "⁻": "^-", "₀": "0", "₁": "1", "₂": "2", "₃": "3", "ᵢ": "i", "ⱼ": "j",
        "ₜ": "t", "ₖ": "k", "ₙ": "n", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+",
        "┤": "+", "┬": "+", "┴": "+", "┼": "+", "▌": "|", "█": "#", "░": ".", "▶": ">", "✓": "x", "⌊": "floor(",
        "⌋": ")", "⌈": "ceil(", "⌉": ")", "′": "'", "°": " deg", "é": "e", "è": "e", "ü": "u", "ö": "o", "ä": "a",
        "ï": "i", "ç": "c", "ñ": "n", "★": "*", "✗": "x",
    ]

    public static func transliterate(_ text: String) -> String {
        var out = ""
        for c in text {
            if c.isASCII { out.append(c) } else if let spelling = table[c] { out += spelling } else { out += "?" }
        }
        return out
    }
}
