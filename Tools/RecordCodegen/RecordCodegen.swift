import PackagePlugin

/// Generates the record types of `Formats/lineagestore.proto` into the target it is applied to, on every build
/// where the `.proto` (or the generator) changed: the `.proto` is the one declaration of every record.
@main struct RecordCodegen: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let proto = context.package.directoryURL.appending(path: "Formats/lineagestore.proto")
        let output = context.pluginWorkDirectoryURL.appending(path: "Records.generated.swift")
        return [
            .buildCommand(
                displayName: "Generating record types from \(proto.lastPathComponent)",
                executable: try context.tool(named: "generate-records").url,
                arguments: [proto.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: [proto], outputFiles: [output])
        ]
    }
}
