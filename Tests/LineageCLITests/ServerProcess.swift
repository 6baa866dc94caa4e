import Foundation
import Glibc
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `lineage serve` on a free loopback port, and a small HTTP client for it.
final class ServerProcess: @unchecked Sendable {
    /// The token every request sends unless told otherwise.
    static let token = "test-token-\(UUID().uuidString)"

    let process = Process()
    let port: Int
    let databasePath: String
    private let output = Pipe()
    private let session: URLSession

    /// Starts `lineage serve` on `database` with a token file holding ``token``'s digest, plus `arguments`.
    init(database: String, in directory: TemporaryDirectory, arguments: [String] = []) throws {
        databasePath = database
        let digest = try runProcess("/bin/sh", ["-c", "printf %s \"$T\" | sha256sum"], environment: ["T": Self.token])
        let tokens = try directory.write("tokens", Array("\(digest.stdout.prefix(64)) test-suite\n".utf8))
        process.executableURL = LineageBinary.url
        process.arguments = ["serve", "--db", database, "--port", "0", "--token-file", tokens] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let portText = text.split(separator: ":").last?.prefix(while: \.isNumber), let port = Int(portText)
        else {
            process.terminate()
            throw ServerStartError(output: text)
        }
        self.port = port
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        configuration.httpMaximumConnectionsPerHost = 16
        session = URLSession(configuration: configuration)
    }

    deinit { if process.isRunning { process.terminate() } }

    /// One HTTP exchange: the status, the body parsed as JSON (empty if it is not), and the headers.
    struct Reply {
        var status: Int
        var body: Data
        var headers: [String: String]

        /// The body as a JSON object.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        /// The error code of an error body.
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        /// The error message of an error body.
        var errorMessage: String { (json["error"] as? [String: Any])?["message"] as? String ?? "" }
    }

    /// Sends `method path` with `json` (a JSON object, sent as is) or a raw `body`, and the bearer `token`.
    func request(
        _ method: String, _ path: String, json: Any? = nil, body: Data? = nil, contentType: String? = nil,
        token: String? = ServerProcess.token
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json) }
        if let body { request.httpBody = body }
        if let contentType = contentType ?? (json != nil ? "application/json" : nil) {
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return Reply(status: http.statusCode, body: data, headers: headers)
    }

    /// Writes `bytes` to a new connection (pipelined requests, say), cut at the offsets in `cuts` with a
    /// millisecond between the pieces, and reads until the server closes it or nothing arrives for 10 s.
    func exchange(raw bytes: [UInt8], cuts: [Int] = []) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bounds = [0] + cuts.filter { $0 > 0 && $0 < bytes.count }.sorted() + [bytes.count]
        for (start, end) in zip(bounds, bounds.dropFirst()) where start < end {
            if start > 0 { usleep(1_000) }
            let piece = bytes[start..<end]
            guard piece.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, 0) }) == piece.count else {
                throw POSIXError(.init(rawValue: errno) ?? .EIO)
            }
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk.prefix(count)
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Sends SIGTERM and waits for the process; returns its exit status and what it printed after starting.
    func stop() -> (status: Int32, output: String) {
        process.terminate()
        process.waitUntilExit()
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        return (process.terminationStatus, String(decoding: rest, as: UTF8.self))
    }
}

/// The server printed no port.
struct ServerStartError: Error, CustomStringConvertible {
    var output: String
    var description: String { "lineage serve did not report a port; it printed: \(output)" }
}
