import Foundation
import LineageFormat
import LineageStore

extension FuzzTarget {
    /// The record envelope and every record body. The first byte is a record kind; the rest is its body. A body
    /// that decodes re-encodes stably and gives its key, invariants and JSON, and a record without an
    /// invariant violation, of a kind that is exported, has an export line that loads back to a record of the same JSON form (JSON documents
    /// in its fields compare as documents: `load` writes their members in key order).
    public static let record = FuzzTarget(name: "fuzz-record") { bytes in
        _ = bytes.withUnsafeBytes { try? Envelope.open($0, context: "fuzz") }
        if bytes.first == UInt8(RecordKind.jobProgress.rawValue) {  // a job's progress record, read into a job
            let sealed = Envelope.seal(kind: .jobProgress, schemaVersion: 1, body: Array(bytes.dropFirst()))
            var job = JobRecord()
            if (try? sealed.withUnsafeBytes { try job.mergeProgress(record: $0, context: "fuzz") }) != nil {
                checkRoundTrips(job)
            }
            return
        }
        guard let first = bytes.first,
            let type = StoredTypes.type(ofKind: Int64(first))
                ?? StoredTypes.changeFeed.first(where: { $0.kind.rawValue == UInt16(first) })
        else { return }
        let body = Array(bytes.dropFirst())
        guard let record = try? body.withUnsafeBytes({ try type.init(body: $0, context: "fuzz") }) else { return }
        checkRoundTrips(record)
    }

    /// The properties every decoded record keeps, whether it came from a body or a `load` line.
    static func checkRoundTrips(_ record: any StoredRecord & FieldTableRecord) {
        let encoded = record.encodedBody()
        let again = encoded.withUnsafeBytes { try? type(of: record).init(body: $0, context: "fuzz") }
        precondition(again?.encodedBody() == encoded, "a record body does not re-encode stably")
        _ = record.storedKey
        checkParts(record)
        var object = record.jsonObject
        object["kind"] = type(of: record).kind.name
        let line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let exported = LineageStore.exportKinds.contains(type(of: record).kind.name)
        guard record.invariantViolation == nil, exported else { return }
        guard let line else { preconditionFailure("a record without a violation has no export line") }
        let loaded = try? LineageStore.parseLoadLine(Array(line), number: 1)
        precondition(
            loaded.map { NSDictionary(dictionary: $0.jsonObject).isEqual(to: record.jsonObject) } == true,
            "a record does not load back from its export line \(String(decoding: line, as: UTF8.self))")
    }

    /// A record stored as two records (a job and its progress record) reads back as itself from them.
    static func checkParts<R: StoredRecord>(_ record: R) {
        let (stored, progress) = record.encodedParts()
        guard let progress else { return }
        var rebuilt = stored.withUnsafeBytes { try? R(record: $0, context: "fuzz") }
        _ = progress.withUnsafeBytes { bytes in
            Result { () throws(FormatError) in try rebuilt?.mergeProgress(record: bytes, context: "fuzz") }
        }
        precondition(
            rebuilt?.encodedBody() == record.encodedBody(), "a record does not read back from its two stored records")
    }
}
