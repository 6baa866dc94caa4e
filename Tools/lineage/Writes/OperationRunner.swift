import ArgumentParser
import Foundation
import LineageServer
import LineageStore

/// Runs `operation` on the database at `location` through the group-commit writer and prints its JSON reply,
/// the same `{"success": true, …}` the HTTP API answers for the same request.
func perform(_ operation: some StoreOperation, at location: StoreLocation) throws {
    try mutate(location) { store in
        let outcome = try store.write { try operation.run(in: $0) }
        print(String(decoding: try OperationReply.json(outcome), as: UTF8.self))
    }
}

/// The database and the JSON request body of a write command: the body given as an argument, or read from
/// standard input for `-`, exactly as the HTTP API takes it.
struct JSONRequest: ParsableArguments {
    @OptionGroup var location: StoreLocation
    @Argument(help: "The JSON request, or - to read it from standard input.") var json: String

    /// Decodes the body as `type` (a usage error naming the field if it does not decode), lets `configure` set
    /// what the command line names (an id), runs it and prints its answer.
    func perform<Operation: StoreOperation>(
        _ type: Operation.Type, _ configure: (inout Operation) -> Void = { _ in }
    ) throws {
        let bytes = json == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : Array(json.utf8)
        var operation: Operation
        do { operation = try Operation.decode(json: bytes) } catch { throw ValidationError(error.message) }
        configure(&operation)
        try lineage.perform(operation, at: location)
    }
}
