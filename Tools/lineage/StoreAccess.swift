import ArgumentParser
import LineageStore

/// Opens the store read-only for an inspection command, runs `body`, and turns failures into the CLI's exit
/// codes: usage errors stay usage errors (64), the library's `invalidInput` (a value out of range, an unknown
/// kind or status) is one too, and everything else prints one line and exits 1.
func inspect<T>(_ location: StoreLocation, _ body: (LineageStore) throws -> T) throws -> T {
    try withStore(location, writable: false, reportDamage: true, body)
}

/// ``inspect(_:_:)`` where `damaged` handles a `.damagedFile` error — one from opening the file included.
func inspect<T>(
    _ location: StoreLocation, damaged: (StoreError) throws -> T, _ body: (LineageStore) throws -> T
) throws -> T {
    do {
        return try withStore(location, writable: false, reportDamage: false, body)
    } catch let error as StoreError where error.code == .damagedFile {
        return try damaged(error)
    }
}

/// ``inspect(_:_:)`` for a command that writes.
func mutate<T>(_ location: StoreLocation, _ body: (LineageStore) throws -> T) throws -> T {
    try withStore(location, writable: true, reportDamage: true, body)
}

/// Opens the store and runs `body`, mapping failures to exit codes; a `.damagedFile` error is rethrown as it
/// is unless `reportDamage`.
private func withStore<T>(
    _ location: StoreLocation, writable: Bool, reportDamage: Bool, _ body: (LineageStore) throws -> T
) throws -> T {
    let store: LineageStore
    do { store = try location.open(writable: writable) } catch let error as StoreError
        where error.code == .damagedFile && !reportDamage
    {
        throw error
    } catch { throw fail(error) }
    defer { store.close() }
    do {
        return try body(store)
    } catch let error as StoreError where error.code == .damagedFile && !reportDamage {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode {
        throw error
    } catch let error as StoreError where error.code == .invalidInput {
        _ = fail(error)
        throw ExitCode(64)
    } catch {
        throw fail(error)
    }
}

/// The `--format` option of query commands.
struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "table, json or jsonl.")
    var format: OutputFormat = .table

    var output: RecordOutput { RecordOutput(format: format) }
}

/// The `--limit` and `--cursor` options of paginated listings.
struct PagingOptions: ParsableArguments {
    @Option(help: "Entries per page.") var limit = 100
    @Option(help: "The cursor printed after the previous page.") var cursor: String?

    /// Tells a person how to get the next page (table output only; JSON readers stop at the page's end).
    func printNext(_ cursor: String?, format: OutputFormat) {
        if let cursor, format == .table { print("next page: --cursor \(cursor)") }
    }
}
