import Foundation
import PackagePlugin

/// Compiles every file under `Lessons/` and `Assets/` into a Swift source file, so the lessons
/// travel inside the binary: a release build copied to another directory still has them.
@main
struct EmbedLessons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["Lessons", "Assets"].map { root.appending(path: $0) }
        var inputs: [URL] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker {
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                if isFile { inputs.append(url) }
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) lesson and asset files",
                executable: try context.tool(named: "LessonEmbedder").url,
                arguments: [root.path, output.path] + folders.map(\.lastPathComponent),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
