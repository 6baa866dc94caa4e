import Foundation
import LineageFormat

extension ProgressUpdate {
    /// The largest JSON payload accepted, in bytes.
    public static let maxJSONBytes = 1 << 20

    /// Why a payload of `length` bytes, over ``maxJSONBytes``, is refused.
    static func oversized(_ length: Int) -> String { "the update is \(length) bytes; the limit is \(maxJSONBytes)" }

    /// Parses the crawler payload (`{"jobId": …, "reporter": …, "seq": …, "timestamp": "2025-01-06T19:15:30.000Z",
    /// "status": …, "processedItems": …, "itemsByType": {…}, "timeline": […], "error": {…}}`); `taskId` is
    /// a synonym of `jobId`, keys this version does not know are ignored.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` naming the field: malformed JSON or UTF-8, a payload over
    ///   ``maxJSONBytes``, wrong types, integers beyond 64 bits, negative counts, an unknown status, a missing
    ///   job id.
    public static func parse(json bytes: some Collection<UInt8>) throws -> ProgressUpdate {
        guard bytes.count <= maxJSONBytes else { throw StoreError(.invalidInput, oversized(bytes.count)) }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw StoreError(.invalidInput, "not valid JSON (or not UTF-8)")
        }
        guard let fields = object as? [String: Any] else {
            throw StoreError(.invalidInput, "the update must be a JSON object")
        }
        let reader = FieldReader(fields: fields)
        let jobID = try reader.string("jobId")
        let taskID = try reader.string("taskId")
        if let jobID, let taskID, jobID != taskID {
            throw StoreError(.invalidInput, "jobId \(jobID) and taskId \(taskID) disagree")
        }
        guard let id = jobID ?? taskID, !id.isEmpty else { throw StoreError(.invalidInput, "jobId is missing") }
        var update = ProgressUpdate(jobID: id)
        update.reporter = try reader.string("reporter")
        update.seq = try reader.unsigned("seq")
        update.timestamp = try reader.time("timestamp")
        update.status = try reader.string("status").map(Status.init(rawValue:))
        update.processedItems = try reader.integer("processedItems")
        update.totalItems = try reader.integer("totalItems")
        update.currentDataType = try reader.string("currentDataType")
        update.lastProcessedID = try reader.string("lastProcessedId")
        update.stage = try reader.string("stage")
        update.operationType = try reader.string("operationType")
        if let counts = fields["itemsByType"], !(counts is NSNull) {
            guard let counts = counts as? [String: Any] else {
                throw StoreError(.invalidInput, "itemsByType must be an object of integers")
            }
            for (type, value) in counts {
                guard let delta = JSONNumbers.int64(value) else {
                    throw StoreError(.invalidInput, "itemsByType.\(type) must be an integer that fits in 64 bits")
                }
                update.itemsByType[type] = delta
            }
        }
        if let timeline = fields["timeline"], !(timeline is NSNull) {
            guard let entries = timeline as? [Any] else { throw StoreError(.invalidInput, "timeline must be an array") }
            update.timeline = try entries.enumerated().map { index, entry in
                guard let entry = entry as? [String: Any] else {
                    throw StoreError(.invalidInput, "timeline[\(index)] must be an object")
                }
                let inner = FieldReader(fields: entry, prefix: "timeline[\(index)].")
                guard let name = try inner.string("event") ?? inner.string("type") else {
                    throw StoreError(.invalidInput, "timeline[\(index)].event is missing")
                }
                return TimelineEvent(
                    event: name, timestamp: try inner.time("timestamp"), details: try inner.json("details"))
            }
        }
        if let error = fields["error"], !(error is NSNull) {
            if let message = error as? String {
                update.error = ReportedError(message: message)
            } else if let object = error as? [String: Any] {
                let inner = FieldReader(fields: object, prefix: "error.")
                update.error = ReportedError(
                    message: try inner.string("message") ?? "", context: try inner.json("context"))
            } else {
                throw StoreError(.invalidInput, "error must be an object or a string")
            }
        }
        if let problem = update.problem { throw StoreError(.invalidInput, problem) }
        return update
    }
}

/// Typed access to the fields of a parsed JSON object; `null` reads as absent.
private struct FieldReader {
    let fields: [String: Any]
    var prefix = ""

    private func value(_ name: String) -> Any? {
        guard let value = fields[name], !(value is NSNull) else { return nil }
        return value
    }

    private func wrong(_ name: String, _ expected: String) -> StoreError {
        StoreError(.invalidInput, "\(prefix)\(name) must be \(expected)")
    }

    func string(_ name: String) throws -> String? {
        guard let value = value(name) else { return nil }
        guard let text = value as? String else { throw wrong(name, "a string") }
        return text
    }

    func integer(_ name: String) throws -> Int64? {
        guard let value = value(name) else { return nil }
        guard let number = JSONNumbers.int64(value) else { throw wrong(name, "an integer that fits in 64 bits") }
        return number
    }

    func unsigned(_ name: String) throws -> UInt64? {
        guard let value = value(name) else { return nil }
        guard let number = JSONNumbers.uint64(value) else { throw wrong(name, "a non-negative integer") }
        return number
    }

    func time(_ name: String) throws -> Int64? {
        guard let value = value(name) else { return nil }
        guard let text = value as? String, let time = Timestamp.parse(text) else {
            throw wrong(name, "an RFC 3339 timestamp such as 2025-01-06T19:15:30.000Z")
        }
        return time
    }

    func json(_ name: String) throws -> String {
        guard let value = value(name) else { return "" }
        guard
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]),
            data.count <= Validation.maxJSONBytes
        else { throw wrong(name, "JSON of at most \(Validation.maxJSONBytes) bytes") }
        return String(decoding: data, as: UTF8.self)
    }
}
