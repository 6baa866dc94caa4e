import LineageFormat

extension ProgressUpdate {
    /// The largest JSON payload accepted, in bytes.
    public static let maxJSONBytes = 1 << 20

    /// Why a payload of `length` bytes, over ``maxJSONBytes``, is refused.
    static func oversized(_ length: Int) -> String { "the update is \(length) bytes; the limit is \(maxJSONBytes)" }

    /// Parses the crawler payload (`{"jobId": …, "reporter": …, "seq": …, "timestamp": "2025-01-06T19:15:30.000Z",
    /// "status": …, "processedItems": …, "itemsByType": {…}, "timeline": […], "error": {…}}`) straight from its
    /// bytes; `taskId` is a synonym of `jobId`, keys this version does not know are ignored (but must be valid
    /// JSON), `null` means absent. Timeline `details` and error `context` are kept as their JSON text without
    /// the whitespace outside strings.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` naming the field: malformed JSON or UTF-8, a payload over
    ///   ``maxJSONBytes``, wrong types, integers beyond 64 bits, negative counts, an unknown status, a missing
    ///   job id.
    public static func parse(json bytes: some Collection<UInt8>) throws -> ProgressUpdate {
        guard bytes.count <= maxJSONBytes else { throw StoreError(.invalidInput, oversized(bytes.count)) }
        let parsed =
            try bytes.withContiguousStorageIfAvailable(ProgressPayloadReader.read)
            ?? Array(bytes).withUnsafeBufferPointer(ProgressPayloadReader.read)
        if let problem = parsed.problem { throw StoreError(.invalidInput, problem) }
        return parsed
    }
}

/// Reads the crawler payload's members with a ``JSONScanner``. A value of the wrong type is skipped and
/// remembered, so that malformed JSON anywhere in the text is reported first, as a whole, and otherwise the
/// first wrongly typed field.
private struct ProgressPayloadReader {
    var scanner: JSONScanner
    var wrongType: String?

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> ProgressUpdate {
        var reader = ProgressPayloadReader(scanner: JSONScanner(bytes))
        do {
            let update = try reader.update()
            try reader.scanner.end()
            if let wrongType = reader.wrongType { throw StoreError(.invalidInput, wrongType) }
            return update
        } catch let failure as JSONScanner.Failure {
            throw StoreError(.invalidInput, "not valid JSON: \(failure.message)")
        }
    }

    mutating func update() throws -> ProgressUpdate {
        guard scanner.beginObject() else {
            try scanner.skipValue()
            throw StoreError(.invalidInput, "the update must be a JSON object")
        }
        var jobID: String?
        var taskID: String?
        var update = ProgressUpdate(jobID: "")
        var others: [UInt8] = []
        var first = true
        while let key = try scanner.nextKey(first: &first) {
            switch key {
            case "jobId": jobID = try string(key)
            case "taskId": taskID = try string(key)
            case "reporter": update.reporter = try string(key)
            case "seq": update.seq = try number(key, "a non-negative integer", \.uint64)
            case "timestamp": update.timestamp = try time(key)
            case "status": update.status = try string(key).map(ProgressUpdate.Status.init(rawValue:))
            case "processedItems": update.processedItems = try number(key, Self.integer, \.int64)
            case "totalItems": update.totalItems = try number(key, Self.integer, \.int64)
            case "currentDataType": update.currentDataType = try string(key)
            case "lastProcessedId": update.lastProcessedID = try string(key)
            case "stage": update.stage = try string(key)
            case "operationType": update.operationType = try string(key)
            case "itemsByType": update.itemsByType = try counts() ?? [:]
            case "timeline": update.timeline = try timeline() ?? []
            case "error": update.error = try reportedError()
            case "resumeState": update.resumeState = try document(key)
            case "areas": update.areas = try document(key)
            default:
                others.append(others.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
                others += JSONValue.string(key).jsonBytes
                others.append(UInt8(ascii: ":"))
                others += try scanner.compactValue().utf8
            }
        }
        if !others.isEmpty {
            others.append(UInt8(ascii: "}"))
            update.otherMembers = String(decoding: others, as: UTF8.self)
        }
        if let jobID, let taskID, !jobID.sameBytes(as: taskID) { note("jobId \(jobID) and taskId \(taskID) disagree") }
        guard let id = jobID ?? taskID, !id.isEmpty else {
            note("jobId is missing")
            return update
        }
        update.jobID = id
        return update
    }

    static let integer = "an integer that fits in 64 bits"

    /// Remembers the first problem found; the message is built only for that one. Field names are
    /// autoclosures throughout, so a valid payload builds no names at all.
    private mutating func note(_ problem: @autoclosure () -> String) {
        if wrongType == nil { wrongType = problem() }
    }

    /// Skips a value of the wrong kind, remembering the first such field.
    private mutating func wrong<T>(_ name: @autoclosure () -> String, _ expected: String) throws -> T? {
        try scanner.skipValue()
        note("\(name()) must be \(expected)")
        return nil
    }

    mutating func string(_ name: @autoclosure () -> String) throws -> String? {
        if scanner.null() { return nil }
        guard scanner.nextKind() == .string else { return try wrong(name(), "a string") }
        return try scanner.string()
    }

    mutating func number<N>(
        _ name: @autoclosure () -> String, _ expected: String, _ exact: KeyPath<JSONScanner.Number, N?>
    ) throws -> N? {
        if scanner.null() { return nil }
        guard scanner.nextKind() == .number else { return try wrong(name(), expected) }
        guard let value = try scanner.number()[keyPath: exact] else {
            note("\(name()) must be \(expected)")
            return nil
        }
        return value
    }

    mutating func time(_ name: @autoclosure () -> String) throws -> Int64? {
        let expected = "an RFC 3339 timestamp such as 2025-01-06T19:15:30.000Z"
        if scanner.null() { return nil }
        guard scanner.nextKind() == .string else { return try wrong(name(), expected) }
        guard let time = Timestamp.parse(try scanner.string()) else {
            note("\(name()) must be \(expected)")
            return nil
        }
        return time
    }

    /// A JSON document kept as its compact text, or `nil` when absent or `null`.
    mutating func document(_ name: @autoclosure () -> String) throws -> String? {
        let text = try json(name())
        return text.isEmpty ? nil : text
    }

    /// A JSON document kept as its compact text, or empty when absent.
    mutating func json(_ name: @autoclosure () -> String) throws -> String {
        if scanner.null() { return "" }
        let text = try scanner.compactValue()
        if text.utf8.count > Validation.maxJSONBytes {
            note("\(name()) must be JSON of at most \(Validation.maxJSONBytes) bytes")
        }
        return text
    }

    mutating func counts() throws -> [ExactString: Int64]? {
        if scanner.null() { return nil }
        guard scanner.beginObject() else { return try wrong("itemsByType", "an object of integers") }
        var counts: [ExactString: Int64] = [:]
        var first = true
        while let type = try scanner.nextKey(first: &first) {
            if let delta = try number("itemsByType.\(type)", Self.integer, \.int64) {
                counts[ExactString(type)] = delta
            }
        }
        return counts
    }

    mutating func timeline() throws -> [ProgressUpdate.TimelineEvent]? {
        if scanner.null() { return nil }
        guard scanner.beginArray() else { return try wrong("timeline", "an array") }
        var events: [ProgressUpdate.TimelineEvent] = []
        var first = true
        while try scanner.nextElement(first: &first) {
            let index = events.count
            guard scanner.beginObject() else {
                let _: Bool? = try wrong("timeline[\(index)]", "an object")
                events.append(.init(event: ""))
                continue
            }
            var name: String?
            var type: String?
            var event = ProgressUpdate.TimelineEvent(event: "")
            var firstMember = true
            while let key = try scanner.nextKey(first: &firstMember) {
                switch key {
                case "event": name = try string("timeline[\(index)].event")
                case "type": type = try string("timeline[\(index)].type")
                case "timestamp": event.timestamp = try time("timeline[\(index)].timestamp")
                case "details": event.details = try json("timeline[\(index)].details")
                default: try scanner.skipValue()
                }
            }
            if let given = name ?? type { event.event = given } else { note("timeline[\(index)].event is missing") }
            events.append(event)
        }
        return events
    }

    mutating func reportedError() throws -> ProgressUpdate.ReportedError? {
        if scanner.null() { return nil }
        switch scanner.nextKind() {
        case .string: return ProgressUpdate.ReportedError(message: try scanner.string())
        case .object:
            _ = scanner.beginObject()
            var error = ProgressUpdate.ReportedError(message: "")
            var first = true
            while let key = try scanner.nextKey(first: &first) {
                switch key {
                case "message": error.message = try string("error.message") ?? ""
                case "context": error.context = try json("error.context")
                default: try scanner.skipValue()
                }
            }
            return error
        default: return try wrong("error", "an object or a string")
        }
    }
}
