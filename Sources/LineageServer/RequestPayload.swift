import Hummingbird

/// Reading a request's body: its bytes, or a `Decodable` request type, with errors that name the field.
enum RequestPayload {
    /// The body's bytes, up to the context's upload limit (a larger body is a 413).
    static func bytes(of request: Request, context: some RequestContext) async throws -> [UInt8] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return Array(buffer.readableBytesView)
    }

    /// Whether a body of `contentType` is NDJSON (many JSON values, one per line).
    static func isJSONLines(_ contentType: String?) -> Bool {
        contentType?.lowercased().hasPrefix("application/x-ndjson") == true
    }

    /// The body decoded as `T` (an empty body as `{}`); a 400 naming the field when it does not decode.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext)
        async throws -> T
    {
        let bytes = try await bytes(of: request, context: context)
        do { return try RequestJSON.decode(T.self, from: bytes) } catch {
            throw APIError.badRequest(error.message)
        }
    }
}
