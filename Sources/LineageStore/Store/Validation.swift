import LineageFormat

/// Input checks shared by every family: each throws `.invalidInput` naming the field, before anything is
/// written.
enum Validation {
    /// The longest id (user, website, job, page, batch, table…) in UTF-8 bytes: two ids and a few numbers
    /// always fit in one 511-byte index key.
    static let maxIdentifierBytes = 200
    /// The longest free text (messages, names, URLs, paths) in UTF-8 bytes.
    static let maxTextBytes = 64 * 1024
    /// The largest JSON document (metadata, configuration) in UTF-8 bytes.
    static let maxJSONBytes = 1 << 20

    /// The longest period a lease, a query or a purge may span, in days: ``Timestamp/century``.
    static let maxDays = Int(Timestamp.century / Timestamp.day)

    /// A whole number of days in `1...maxDays` (or `0...maxDays` when `zero` is allowed).
    static func days(_ days: Int, _ field: String, allowingZero zero: Bool = false) throws {
        guard (zero ? 0 : 1)...maxDays ~= days else {
            throw StoreError(.invalidInput, "\(field) must be \(zero ? 0 : 1)...\(maxDays) days (got \(days))")
        }
    }

    /// A positive period in microseconds, at most ``maxDays`` days.
    static func period(_ microseconds: Int64, _ field: String) throws {
        guard 1...Timestamp.century ~= microseconds else {
            throw StoreError(
                .invalidInput, "\(field) must be positive and at most \(maxDays) days (got \(microseconds) µs)")
        }
    }

    /// A non-empty id without NUL bytes, at most ``maxIdentifierBytes`` long.
    static func identifier(_ value: String, _ field: String) throws {
        guard !value.isEmpty else { throw StoreError(.invalidInput, "\(field) must not be empty") }
        guard value.utf8.count <= maxIdentifierBytes else {
            throw StoreError(
                .invalidInput, "\(field) is \(value.utf8.count) bytes; ids are at most \(maxIdentifierBytes) bytes")
        }
        guard !value.utf8.contains(0) else { throw StoreError(.invalidInput, "\(field) contains a NUL byte") }
    }

    /// Free text at most `limit` bytes long; `required` text must not be empty.
    static func text(_ value: String, _ field: String, required: Bool = false, limit: Int = maxTextBytes) throws {
        if required && value.isEmpty { throw StoreError(.invalidInput, "\(field) must not be empty") }
        guard value.utf8.count <= limit else {
            throw StoreError(.invalidInput, "\(field) is \(value.utf8.count) bytes; the limit is \(limit)")
        }
    }

    /// Empty, or one JSON document of at most ``maxJSONBytes``.
    static func json(_ value: String, _ field: String) throws {
        guard !value.isEmpty else { return }
        try text(value, field, limit: maxJSONBytes)
        if let problem = JSONScanner.problem(in: value) {
            throw StoreError(.invalidInput, "\(field) is not valid JSON: \(problem)")
        }
    }

    /// A count that is not negative, as stored.
    static func count(_ value: Int, _ field: String) throws -> UInt64 {
        guard value >= 0 else { throw StoreError(.invalidInput, "\(field) must not be negative (got \(value))") }
        return UInt64(value)
    }

    /// A duration in seconds that is finite and not negative.
    static func seconds(_ value: Double, _ field: String) throws {
        guard value.isFinite, value >= 0, value <= Double(Timestamp.century / Timestamp.second) else {
            throw StoreError(
                .invalidInput, "\(field) must be 0...\(maxDays) days in seconds, a finite number (got \(value))")
        }
    }

    /// A value of a closed vocabulary.
    static func oneOf<V: Vocabulary>(_ value: V, _ allowed: [V], _ field: String) throws {
        guard allowed.contains(value) else {
            throw StoreError(
                .invalidInput,
                "\(field) \"\(value)\" is not one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
