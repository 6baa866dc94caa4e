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

/// An operation decoded from the JSON request body given as an argument, or read from standard input for `-`;
/// a body that does not decode is a usage error naming the field.
func decodeOperation<Operation: StoreOperation>(_ type: Operation.Type, _ json: String) throws -> Operation {
    let bytes = json == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : Array(json.utf8)
    do { return try Operation.decode(json: bytes) } catch { throw ValidationError(error.message) }
}
