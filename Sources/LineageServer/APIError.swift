import Foundation
import Hummingbird
import LineageStore

/// An error answered as `{"success": false, "error": {"code": …, "message": …}}` with its HTTP status.
public struct APIError: Error, HTTPResponseError, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable machine-readable code, such as `invalid_input` or `not_found`.
    public var code: String
    /// What failed, naming the field, record or lease.
    public var message: String
    /// Extra response headers (`WWW-Authenticate` on a 401).
    public var headers: HTTPFields = [:]

    /// An error with `status`, `code` and `message`.
    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// A 400 naming what in the request is wrong.
    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "invalid_input", message) }

    /// A 404 naming what is missing.
    static func notFound(_ message: String) -> APIError { APIError(.notFound, "not_found", message) }

    /// The error for any failure: itself if it is one, a store error by its code, a router error by its status.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as StoreError: return APIError(storeError: error)
        case let error as OperationInputError: return .badRequest(error.message)
        case let error as HTTPError:
            let code =
                switch error.status {
                case .contentTooLarge: "too_large"
                case .methodNotAllowed: "method_not_allowed"
                case .unauthorized: "unauthorized"
                default: error.status.code < 500 ? "invalid_input" : "internal"
                }
            let message = error.body ?? error.status.reasonPhrase
            return APIError(error.status, code, message)
        default: return APIError(.internalServerError, "internal", "\(error)")
        }
    }

    private init(storeError error: StoreError) {
        switch error.code {
        case .invalidInput: self.init(.badRequest, "invalid_input", error.message)
        case .notFound: self.init(.notFound, "not_found", error.message)
        case .duplicate: self.init(.conflict, "duplicate", error.message)
        case .conflict: self.init(.conflict, "conflict", error.message)
        case .readOnly: self.init(.serviceUnavailable, "read_only", error.message)
        case .pruned: self.init(.gone, "pruned", error.message)
        case .damagedRecord, .damagedFile: self.init(.internalServerError, "damaged", error.message)
        default: self.init(.internalServerError, "storage", error.message)
        }
    }

    /// `{"success": false, "error": {"code": …, "message": …}}`.
    var body: Data { JSONReply.encode(ErrorBody(error: ErrorBody.Detail(code: code, message: message))) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONReply.response(status: status, body: body)
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// The body of an error response.
private struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var code: String
        var message: String
    }
    var success = false
    var error: Detail
}
