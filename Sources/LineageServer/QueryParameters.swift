import Hummingbird
import LineageFormat

/// Typed access to a request's query parameters; a malformed value is a 400 naming the parameter.
struct QueryParameters {
    private let parameters: Parameters

    init(_ request: Request) { parameters = request.uri.queryParameters }

    /// The parameter's text, or `nil` when it is absent or empty.
    func string(_ name: String) -> String? {
        guard let value = parameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// The parameter as an integer in `range`, or `fallback` when absent.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest(
                "query parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The parameter as an RFC 3339 time, in microseconds since the epoch.
    func time(_ name: String) throws -> Int64? {
        guard let text = string(name) else { return nil }
        guard let value = Timestamp.parse(text) else {
            throw APIError.badRequest("query parameter '\(name)' must be an RFC 3339 time, not '\(text)'")
        }
        return value
    }

    /// The parameter as a value of a vocabulary (a status or type); a closed vocabulary's must be one it names.
    func vocabulary<V: Vocabulary>(_ name: String, _ type: V.Type) throws -> V? {
        guard let value = string(name).map(V.init(rawValue:)) else { return nil }
        guard !V.isClosed || V.known.contains(value) else {
            throw APIError.badRequest(
                "query parameter '\(name)' must be one of \(V.known.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}

extension Parameters {
    /// The path parameter `name`, which the route guarantees.
    func path(_ name: String) throws -> String { try require(name) }
}
