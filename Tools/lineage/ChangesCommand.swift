import ArgumentParser
import Foundation
import LineageFormat
import LineageServer
import LineageStore

/// `lineage changes`: the change feed and its consumers.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Read the change feed (every committed write, in order) and manage its consumers.",
        subcommands: [List.self, Consumers.self, Register.self, Move.self, Remove.self, Prune.self],
        defaultSubcommand: List.self)

    /// How `lineage changes` prints entries.
    enum EntryFormat: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Print the entries after a sequence (with each record as it is now); --follow keeps printing.")
        @OptionGroup var location: StoreLocation
        @Option(help: "Print the entries after this sequence (default: 0, or the consumer's position).")
        var since: UInt64?
        @Option(help: "Read as this registered consumer, moving it past what was printed.") var consumer: String?
        @Option(help: "Stop after this many entries.") var limit: Int?
        @Flag(help: "Keep waiting for new entries.") var follow = false
        @Option(help: "table or jsonl.") var format: EntryFormat = .table

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let body = { (store: LineageStore) in
                if format == .table { print(row("SEQUENCE", "COMMITTED", "OP", "KIND", "KEY")) }
                try store.readChanges(after: since, as: consumer, limit: limit ?? .max, follow: follow) { changes in
                    for change in changes { print(line(change)) }
                    // A reader that went away (a closed pipe) ends the follow; main reports the failed output.
                    return standardOutputWasWritten()
                }
            }
            try consumer == nil ? inspect(location, body) : mutate(location, body)
        }

        private func line(_ change: StoreChange) -> String {
            guard format == .table else { return change.jsonLine }
            let key = change.key.map { element in
                if case .string(let text) = element { text } else { "\(element)" }
            }
            return row(
                String(change.sequence), Timestamp.format(change.committedAt), change.operation.rawValue,
                change.kind.name, key.joined(separator: " "))
        }

        /// One line of the table, in columns wide enough for every sequence, time, operation and kind.
        private func row(_ sequence: String, _ committed: String, _ operation: String, _ kind: String, _ key: String)
            -> String
        {
            func pad(_ text: String, _ width: Int) -> String {
                text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
            }
            return String(repeating: " ", count: max(0, 8 - sequence.count)) + sequence + "  " + pad(committed, 27)
                + "  " + pad(operation, 6) + "  " + pad(kind, 16) + "  " + key
        }
    }

    struct Consumers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consumers", abstract: "List the registered consumers and how far behind each is.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption

        func run() throws {
            try inspect(location) { store in
                let (consumers, last) = try store.read { (try $0.changeConsumers(), try $0.lastChangeSequence()) }
                var table = TextTable("NAME", "POSITION", "BEHIND", "UPDATED", numeric: [1, 2])
                for consumer in consumers {
                    table.add(
                        consumer.name, String(consumer.position), String(last - min(last, consumer.position)),
                        Timestamp.format(consumer.updatedAt))
                }
                try output.output.print(consumers, table: table)
            }
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Register a consumer; retention keeps every entry it has not passed.")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The consumer's name.") var name: String
        @Option(help: "The sequence it has passed (default: the last entry, so it reads what commits from now on).")
        var at: UInt64?
        @Flag(help: "Start before the first entry kept, to read the whole feed.") var fromStart = false

        func validate() throws {
            if fromStart && at != nil { throw ValidationError("give --at or --from-start, not both") }
        }

        func run() throws {
            try perform(RegisterChangeConsumer(name: name, position: fromStart ? 0 : at), at: location)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move", abstract: "Move a consumer past the entries it has applied.")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The consumer's name.") var name: String
        @Argument(help: "The sequence of the last entry it has applied.") var position: UInt64

        func run() throws { try perform(MoveChangeConsumer(name: name, position: position), at: location) }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a consumer; retention stops keeping entries for it.")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The consumer's name.") var name: String

        func run() throws { try perform(RemoveChangeConsumer(name: name), at: location) }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Remove entries up to a sequence (never the newest); consumers behind it refuse unless --force.")
        @OptionGroup var location: StoreLocation
        @Option(help: "The last sequence to remove.") var through: UInt64
        @Flag(help: "Remove entries consumers have not passed, and name those consumers.") var force = false

        func run() throws { try perform(PruneChanges(through: through, force: force), at: location) }
    }
}
