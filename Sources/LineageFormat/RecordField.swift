import Foundation

/// One field of a record as JSON sees it: its number, its snake_case name (as in
/// `Formats/lineagestore.proto`), and how to write and read its value in JSON.
///
/// The record types, their field tables and their wire codecs are all generated from
/// `Formats/lineagestore.proto` when the package builds (the RecordCodegen plugin), so the table, the codec and the spec cannot disagree.
package struct RecordField<Record>: Sendable {
    /// The field number.
    package let number: Int
    /// The snake_case name.
    package let name: String
    /// The property the field is stored in.
    package let keyPath: AnyKeyPath & Sendable
    /// The shape of the field's JSON value, for readers that type it (a mirror's columns).
    package let form: JSONForm
    let toJSON: @Sendable (Record) -> Any
    let fromJSON: @Sendable (inout Record, Any, String) throws(FormatError) -> Void
    /// Why the field's value is out of its range, or `nil`.
    var violation: @Sendable (Record) -> String? = { _ in nil }
    /// The field's value in `record` as JSON, exactly: through ``exactJSON`` where the field has it, so a
    /// document shows as stored and map keys equal as Unicode text stay apart.
    func jsonValue(_ record: Record) -> JSONValue {
        if let exact = exactJSON {
            guard let text = exact(record) else { return .null }
            if let value = try? JSONScanner.value(Array(text.utf8)) { return value }
        }
        return JSONValue(toJSON(record))
    }

    /// The field's JSON name in an earlier format version, still read by ``FieldTableRecord/init(jsonObject:context:)``.
    package private(set) var formerName: String?
    /// For a field whose JSON a Foundation object cannot carry exactly — a document kept as received, a map
    /// whose keys are byte strings (`"caf\u00e9"` and `"cafe\u0301"` are two keys) — its value as JSON text
    /// (`nil` for `null`), written by ``FieldTableRecord/exactJSONText(adding:)``.
    var exactJSON: (@Sendable (Record) -> String?)?
    /// Reads such a field from its value's compact JSON text (never `null`), for
    /// ``FieldTableRecord/init(jsonMembers:context:)``.
    var fromExactJSON: (@Sendable (inout Record, String, String) throws(FormatError) -> Void)?

    /// The same field named by `property`: an `optional` field is read and written through its property's
    /// ``Swift/Optional/stored`` form, and found by the property itself.
    package func property(_ property: PartialKeyPath<Record> & Sendable) -> Self {
        RecordField(
            number: number, name: name, keyPath: property, form: form, toJSON: toJSON, fromJSON: fromJSON,
            violation: violation,
            formerName: formerName, exactJSON: exactJSON, fromExactJSON: fromExactJSON)
    }

    /// The same field, also read under `name`, its JSON name in an earlier format version.
    package func formerName(_ name: String) -> Self {
        var field = self
        field.formerName = name
        return field
    }

    private static func invalid(_ context: String, _ name: String, _ expected: String) -> FormatError {
        FormatError(.invalidField, "\(context): field \(name) must be \(expected)")
    }

    /// A `string` field.
    package static func string(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, String> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .text,
            toJSON: { $0[keyPath: path] },
            fromJSON: { record, value, context throws(FormatError) in
                guard let text = value as? String else { throw invalid(context, name, "a string") }
                record[keyPath: path] = text
            })
    }

    /// A `string` field holding a value of a vocabulary (a status, a type); a closed vocabulary's field
    /// holding a value it does not name is a violation.
    package static func value<Value: Vocabulary>(
        _ number: Int, _ name: String, _ path: WritableKeyPath<Record, Value> & Sendable
    ) -> Self {
        RecordField(
            number: number, name: name, keyPath: path, form: .text,
            toJSON: { $0[keyPath: path].rawValue },
            fromJSON: { record, value, context throws(FormatError) in
                guard let text = value as? String else { throw invalid(context, name, "a string") }
                record[keyPath: path] = Value(rawValue: text)
            },
            violation: { record in record[keyPath: path].violation(name) })
    }

    /// A `string` field holding a JSON document, exported as that document rather than as a string.
    package static func json(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, String> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .document,
            toJSON: { record in
                let text = record[keyPath: path]
                guard !text.isEmpty else { return NSNull() }
                return (try? JSONScanner.foundationValue(Array(text.utf8))) ?? text
            },
            fromJSON: { record, value, context throws(FormatError) in
                if value is NSNull {
                    record[keyPath: path] = ""
                    return
                }
                guard
                    let data = try? JSONSerialization.data(
                        withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
                else { throw invalid(context, name, "JSON") }
                record[keyPath: path] = String(decoding: data, as: UTF8.self)
            },
            violation: { record in
                let text = record[keyPath: path]
                guard !text.isEmpty, let problem = JSONScanner.problem(in: text) else { return nil }
                return "field \(name) does not hold one JSON document: \(problem)"
            },
            exactJSON: { record in
                let text = record[keyPath: path]
                guard !text.isEmpty else { return nil }
                guard JSONScanner.problem(in: text) != nil else { return text }
                return String(decoding: JSONValue.string(text).jsonBytes, as: UTF8.self)  // damaged: as a string
            },
            fromExactJSON: { record, text, _ in record[keyPath: path] = text })
    }

    /// A `uint64` field.
    package static func uint64(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, UInt64> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .unsigned,
            toJSON: { NSNumber(value: $0[keyPath: path]) },
            fromJSON: { record, value, context throws(FormatError) in
                guard let exact = JSONNumbers.uint64(value) else { throw invalid(context, name, "an unsigned integer") }
                record[keyPath: path] = exact
            })
    }

    /// A `sint64` field (zigzag varint).
    package static func int64(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, Int64> & Sendable) -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .integer,
            toJSON: { NSNumber(value: $0[keyPath: path]) },
            fromJSON: { record, value, context throws(FormatError) in
                guard let exact = JSONNumbers.int64(value) else { throw invalid(context, name, "an integer") }
                record[keyPath: path] = exact
            })
    }

    /// An `sfixed64` timestamp in microseconds since the Unix epoch; RFC 3339 in JSON, `null` when zero.
    package static func timestamp(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, Int64> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .timestamp,
            toJSON: { record in
                let time = record[keyPath: path]
                return time == 0 ? NSNull() : Timestamp.format(time)
            },
            fromJSON: { record, value, context throws(FormatError) in
                if value is NSNull {
                    record[keyPath: path] = 0
                    return
                }
                guard let text = value as? String, let time = Timestamp.parse(text) else {
                    throw invalid(context, name, "an RFC 3339 timestamp")
                }
                // A written time is never "unset" (that is null): the epoch itself is refused, not dropped.
                guard time != 0 else { throw invalid(context, name, "a time \(Timestamp.outsideStorable)") }
                record[keyPath: path] = time
            },
            violation: { record in Timestamp.violation(record[keyPath: path], name) })
    }

    /// A `bool` field.
    package static func bool(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, Bool> & Sendable) -> Self {
        RecordField(
            number: number, name: name, keyPath: path, form: .boolean,
            toJSON: { $0[keyPath: path] },
            fromJSON: { record, value, context throws(FormatError) in
                guard JSONNumbers.isBoolean(value), let flag = value as? Bool else {
                    throw invalid(context, name, "true or false")
                }
                record[keyPath: path] = flag
            })
    }

    /// A `double` field.
    package static func double(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, Double> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .double,
            toJSON: { NSNumber(value: $0[keyPath: path]) },
            fromJSON: { record, value, context throws(FormatError) in
                guard let number = value as? NSNumber, !JSONNumbers.isBoolean(value), number.doubleValue.isFinite else {
                    throw invalid(context, name, "a finite number")
                }
                record[keyPath: path] = number.doubleValue
            },
            violation: { record in
                record[keyPath: path].isFinite ? nil : "field \(name) is \(record[keyPath: path]), not a finite number"
            })
    }

    /// A `bytes` field; lowercase hex in JSON.
    package static func bytes(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, [UInt8]> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .hex,
            toJSON: { Hex.encode($0[keyPath: path]) },
            fromJSON: { record, value, context throws(FormatError) in
                guard let text = value as? String, let bytes = Hex.decode(text) else {
                    throw invalid(context, name, "lowercase hex")
                }
                record[keyPath: path] = bytes
            })
    }

    /// A `repeated string` field.
    package static func strings(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, [String]> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .texts,
            toJSON: { $0[keyPath: path] },
            fromJSON: { record, value, context throws(FormatError) in
                guard let texts = value as? [String] else { throw invalid(context, name, "an array of strings") }
                record[keyPath: path] = texts
            })
    }

    /// A `repeated` field of record messages (the reporter windows inside a job's progress): an array of the
    /// records' JSON objects.
    package static func records<Element: FieldTableRecord>(
        _ number: Int, _ name: String, _ path: WritableKeyPath<Record, [Element]> & Sendable
    ) -> Self {
        RecordField(
            number: number, name: name, keyPath: path, form: .objects,
            toJSON: { record in record[keyPath: path].map(\.jsonObject) },
            fromJSON: { record, value, context throws(FormatError) in
                guard let objects = value as? [Any] else { throw invalid(context, name, "an array of objects") }
                var elements: [Element] = []
                for object in objects {
                    guard let object = object as? [String: Any] else {
                        throw invalid(context, name, "an array of objects")
                    }
                    elements.append(try Element(jsonObject: object, context: "\(context): \(name)"))
                }
                record[keyPath: path] = elements
            },
            violation: { record in
                for element in record[keyPath: path] {
                    if let violation = element.fieldViolation { return "\(name): \(violation)" }
                }
                return nil
            },
            exactJSON: { record in
                JSONValue.array(record[keyPath: path].map { .object($0.jsonValue()) }).jsonText()
            })
    }

    /// A nested `Stamp` message (`sfixed64 timestamp = 1; string reporter = 2; uint64 seq = 3`), omitted when
    /// zero; an object `{"timestamp", "reporter", "seq"}` in JSON, `null` when zero.
    package static func stamp(_ number: Int, _ name: String, _ path: WritableKeyPath<Record, LWWStamp> & Sendable)
        -> Self
    {
        RecordField(
            number: number, name: name, keyPath: path, form: .object,
            toJSON: { record in
                let stamp = record[keyPath: path]
                guard !stamp.isZero else { return NSNull() }
                return [
                    "timestamp": Timestamp.format(stamp.timestamp), "reporter": stamp.reporter,
                    "seq": NSNumber(value: stamp.seq),
                ] as [String: Any]
            },
            fromJSON: { record, value, context throws(FormatError) in
                if value is NSNull {
                    record[keyPath: path] = LWWStamp()
                    return
                }
                guard let object = value as? [String: Any], let text = object["timestamp"] as? String,
                    let time = Timestamp.parse(text), let reporter = object["reporter"] as? String,
                    let seq = object["seq"].flatMap(JSONNumbers.uint64)
                else { throw invalid(context, name, "a {timestamp, reporter, seq} object") }
                record[keyPath: path] = LWWStamp(timestamp: time, reporter: reporter, seq: seq)
            },
            violation: { record in Timestamp.violation(record[keyPath: path].timestamp, name) })
    }

    /// A `map<string, sint64>` field: entries are written in key order (UTF-8 bytes), so the encoding is
    /// canonical.
    package static func counts(
        _ number: Int, _ name: String, _ path: WritableKeyPath<Record, [ExactString: Int64]> & Sendable
    ) -> Self {
        RecordField(
            number: number, name: name, keyPath: path, form: .object,
            toJSON: { record in
                JSONValue.object(JSONObject(record[keyPath: path].map { ($0.key.string, .integer($0.value)) }))
                    .foundationObject
            },
            fromJSON: { record, value, context throws(FormatError) in
                guard let object = value as? [String: Any] else { throw invalid(context, name, "an object") }
                var counts: [ExactString: Int64] = [:]
                for (key, value) in object {
                    guard let exact = JSONNumbers.int64(value) else {
                        throw invalid(context, name, "an object of integers")
                    }
                    counts[ExactString(key)] = exact
                }
                record[keyPath: path] = counts
            },
            exactJSON: { record in
                var bytes: [UInt8] = [UInt8(ascii: "{")]
                for (index, entry) in record[keyPath: path].sorted(by: { $0.key < $1.key }).enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONValue.string(entry.key.string).write(to: &bytes)
                    bytes += ":\(entry.value)".utf8
                }
                bytes.append(UInt8(ascii: "}"))
                return String(decoding: bytes, as: UTF8.self)
            },
            fromExactJSON: { record, text, context throws(FormatError) in
                record[keyPath: path] = try exactCounts(text, name, context)
            })
    }

    /// A JSON object of integers with its keys compared by their bytes: two keys equal as Unicode text but
    /// spelled differently stay two entries; a key repeated byte for byte is refused.
    private static func exactCounts(_ text: String, _ name: String, _ context: String) throws(FormatError)
        -> [ExactString: Int64]
    {
        var text = text
        let counts = text.withUTF8 { buffer -> [ExactString: Int64]? in
            var scanner = JSONScanner(buffer)
            var counts: [ExactString: Int64] = [:]
            var first = true
            do throws(JSONScanner.Failure) {
                guard scanner.beginObject() else { return nil }
                while let key = try scanner.nextKey(first: &first) {
                    guard let value = try scanner.number().int64,
                        counts.updateValue(value, forKey: ExactString(key)) == nil
                    else { return nil }
                }
                return counts
            } catch {
                return nil
            }
        }
        guard let counts else { throw invalid(context, name, "an object of integers, each key once") }
        return counts
    }
}

/// Exact conversions of the numbers `JSONSerialization` parses; booleans and fractions are never numbers here.
package enum JSONNumbers {
    private static func typeCode(_ value: Any) -> String? {
        (value as? NSNumber).map { String(cString: $0.objCType) }
    }

    /// Whether `value` is a JSON `true` or `false`.
    package static func isBoolean(_ value: Any) -> Bool { typeCode(value) == "c" }

    /// `value` as an `Int64` if it is a JSON integer that fits, else `nil`.
    package static func int64(_ value: Any) -> Int64? {
        guard let number = value as? NSNumber, let type = typeCode(value), type != "c" else { return nil }
        switch type {
        case "d", "f":
            let double = number.doubleValue
            guard double.rounded() == double, !(value is NSDecimalNumber) else { return nil }
            return Int64(exactly: double)
        case "Q": return number.uint64Value <= UInt64(Int64.max) ? Int64(number.uint64Value) : nil
        default: return number.int64Value
        }
    }

    /// `value` as a `UInt64` if it is a non-negative JSON integer that fits, else `nil`.
    package static func uint64(_ value: Any) -> UInt64? {
        if typeCode(value) == "Q", let number = value as? NSNumber { return number.uint64Value }
        return int64(value).flatMap { $0 >= 0 ? UInt64($0) : nil }
    }
}

/// A record type whose body is described by a table of ``RecordField``s, in field-number order.
///
/// Its `Encodable` form is its JSON object (``jsonValue(only:)``): the same snake_case fields as the export,
/// without a second declaration.
package protocol FieldTableRecord: RecordCodable, Encodable {
    /// The fields, in field-number order.
    static var fields: [RecordField<Self>] { get }
    /// Writes the record's JSON form, which its public `encode(to:)` hands on to: ``jsonValue(only:)`` unless the
    /// type shows its users another shape.
    func encodeJSON(to encoder: any Encoder) throws
}

extension FieldTableRecord {
    /// Encodes ``jsonValue(only:)``.
    package func encodeJSON(to encoder: any Encoder) throws { try JSONValue.object(jsonValue()).encode(to: encoder) }

    /// The record as a JSON object with snake_case keys, in field order, every field exact (documents as
    /// stored, map keys equal as Unicode text kept apart): what answers show. Only the fields stored at
    /// `keyPaths` when they are given.
    package func jsonValue(only keyPaths: [PartialKeyPath<Self>]? = nil) -> JSONObject {
        let wanted = keyPaths.map { Set($0.map { $0 as AnyKeyPath }) }
        var object = JSONObject()
        for field in Self.fields where wanted?.contains(field.keyPath as AnyKeyPath) ?? true {
            object.append(field.name, field.jsonValue(self))
        }
        return object
    }

    /// The record as a JSON object with snake_case keys, in Foundation values for `JSONSerialization`: map keys
    /// equal as Unicode text are one key there, so answers use ``jsonValue(only:)`` and export
    /// ``exactJSONText(adding:)``.
    package var jsonObject: [String: Any] {
        var object: [String: Any] = [:]
        for field in Self.fields { object[field.name] = field.toJSON(self) }
        return object
    }

    /// The first field whose value is out of its range (a timestamp RFC 3339 cannot write, a number that is
    /// not finite), named with the reason, or `nil`.
    package var fieldViolation: String? {
        for field in Self.fields {
            if let violation = field.violation(self) { return violation }
        }
        return nil
    }

    /// The current JSON name of each field renamed since an earlier format version, by its former name.
    package static var renamedFields: [String: String] {
        Dictionary(uniqueKeysWithValues: fields.compactMap { field in field.formerName.map { ($0, field.name) } })
    }

    /// The snake_case name of the field stored at `keyPath` (its description if it is not a field).
    package static func fieldName(_ keyPath: PartialKeyPath<Self>) -> String {
        fields.first { $0.keyPath as AnyKeyPath == keyPath as AnyKeyPath }?.name ?? "\(keyPath)"
    }

    /// The record as one line of JSON, with the `extra` members (JSON texts) beside its fields, members in
    /// the byte order of their names: what `export` writes. Unlike ``jsonObject``, it carries every field
    /// exactly — documents as stored, and map keys that are equal as Unicode text but differ in their bytes.
    package func exactJSONText(adding extra: [String: String]) -> String {
        var members = extra.map { (name: $0.key, text: Array($0.value.utf8)) }
        for field in Self.fields {
            var text: [UInt8] = []
            if let exact = field.exactJSON {
                text += (exact(self) ?? "null").utf8
            } else {
                JSONValue(field.toJSON(self)).write(to: &text)
            }
            members.append((field.name, text))
        }
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, member) in members.sorted(by: { ExactString($0.name) < ExactString($1.name) }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONValue.string(member.name).write(to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes += member.text
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A record from the members of a line ``exactJSONText(adding:)`` wrote, each value as its compact JSON
    /// text (``JSONScanner/members(_:)``): fields that carry exact JSON read it as it is, the others through
    /// Foundation values as ``init(jsonObject:context:)`` does. Absent keys keep their defaults; unknown keys
    /// are an error.
    package init(jsonMembers members: [(key: String, value: String)], context: String) throws(FormatError) {
        self.init()
        for (key, text) in members {
            guard let field = Self.fields.first(where: { $0.name == key || $0.formerName == key }) else {
                throw FormatError(.invalidField, "\(context): unknown field \(key) for a \(Self.kind.name) record")
            }
            if let exact = field.fromExactJSON, text != "null" {
                try exact(&self, text, context)
            } else {
                let value: Any
                do { value = try JSONScanner.foundationValue(Array(text.utf8)) } catch {
                    throw FormatError(.invalidField, "\(context): field \(key): \(error.message)")
                }
                try field.fromJSON(&self, value, context)
            }
        }
    }

    /// A record from a JSON object produced by ``jsonObject``; absent keys keep their defaults, unknown keys
    /// are an error.
    package init(jsonObject: [String: Any], context: String) throws(FormatError) {
        self.init()
        for (key, value) in jsonObject {
            guard let field = Self.fields.first(where: { $0.name == key || $0.formerName == key }) else {
                throw FormatError(.invalidField, "\(context): unknown field \(key) for a \(Self.kind.name) record")
            }
            try field.fromJSON(&self, value, context)
        }
    }
}
