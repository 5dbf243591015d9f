import Foundation
import PackagePlugin

/// Compiles the target's `Catalogs/*.po` into the binary (through `catalog-embedder`), so that
/// a catalog edited by a translator is picked up by the next build.
@main
struct EmbedCatalogs: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Catalogs")
        let catalogs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "po" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalogs.swift")
        return [.buildCommand(
            displayName: "Embedding the word catalogs",
            executable: try context.tool(named: "catalog-embedder").url,
            arguments: [output.path] + catalogs.map(\.path),
            inputFiles: catalogs,
            outputFiles: [output]
        )]
    }
}
