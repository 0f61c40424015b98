/// The lesson and asset files that were compiled into this binary (see the EmbedLessons plugin).
public enum LessonBundle {
    /// Every embedded file as (path relative to the package root, UTF-8 text), sorted by path,
    /// e.g. `("Lessons/01-mathematics/03-calculus.md", "---\nid: calculus ...")`.
    public static var files: [(path: String, text: String)] { EmbeddedFiles.all }

    /// The embedded files under one top-level folder, with that folder stripped from the path.
    public static func files(under folder: String) -> [(path: String, text: String)] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return EmbeddedFiles.all.compactMap { entry in
            entry.path.hasPrefix(prefix) ? (String(entry.path.dropFirst(prefix.count)), entry.text) : nil
        }
    }
}
