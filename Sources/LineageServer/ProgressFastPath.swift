import Foundation
import Hummingbird
import LineageStore
import NIOCore
import NIOHTTPTypes

/// Answers the crawler's single-update progress POSTs on the event loop that read them, without the router.
///
/// A request through the router hops from the event loop to a task, to the writer and back, and allocates
/// its way through the middleware; on a small machine that costs more than the commit it waits for. This
/// channel handler sits in front of the router and takes only the common case: `POST
/// /api/internal/jobs/progress` with one JSON update, an accepted bearer token, a body that parses, room in
/// the writer's queue, and no other request of the connection still unanswered. It queues the update with
/// ``LineageStore/receiptIfRoom(for:strict:completion:)`` and writes the same answer as the route once the
/// commit holding it is done. Anything else (another path, NDJSON, a refusal, a parse error, a full queue,
/// `Connection: close`, `Expect`, trailers) goes on to the router untouched, which answers it as always.
///
/// HTTP/1.1 answers in request order: while an answer is pending, the connection's further requests are
/// held (and no more is read) until it is written; a request is never taken while one handed to the router
/// is unanswered. A decoding error, or a quiesce (graceful shutdown), arriving while an update is pending is
/// passed on after its answer, so the update in flight is answered before the connection closes.
final class ProgressFastPath: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The path taken.
    static let path = "/api/internal/jobs/progress"

    private let store: LineageStore
    private let access: AccessPolicy
    private let serverName: String?
    /// The candidate whose body is being read.
    private var candidate: (head: HTTPRequest, body: ByteBuffer)?
    /// Whether a taken update's answer is still to be written.
    private var answering = false
    /// Requests handed to the router whose answers have not ended.
    private var routed = 0
    /// What arrived while answering, replayed in order once the answer is written.
    private var held: [HTTPRequestPart] = []
    private var readHeld = false
    private var quiesceHeld = false
    private var errorHeld: (any Error)?
    private let dates = HTTPDate()

    /// A handler taking `store`'s progress updates from callers `access` admits; answers name `serverName`.
    init(store: LineageStore, access: AccessPolicy, serverName: String?) {
        self.store = store
        self.access = access
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        take(unwrapInboundIn(data), context: context)
    }

    private func take(_ part: HTTPRequestPart, context: ChannelHandlerContext) {
        if answering {
            held.append(part)
            return
        }
        switch part {
        case .head(let head):
            if routed == 0 && isCandidate(head) {
                candidate = (head, context.channel.allocator.buffer(capacity: 1024))
            } else {
                route(.head(head), context: context)
            }
        case .body(var bytes):
            guard var taking = candidate else { return context.fireChannelRead(wrapInboundOut(part)) }
            candidate = nil  // keeps the buffer uniquely referenced while it grows
            if taking.body.readableBytes + bytes.readableBytes > ProgressUpdate.maxJSONBytes {
                route(taking, then: .body(bytes), context: context)
            } else {
                taking.body.writeBuffer(&bytes)
                candidate = taking
            }
        case .end(let trailers):
            guard let taking = candidate else { return context.fireChannelRead(wrapInboundOut(part)) }
            candidate = nil
            if trailers != nil || !submit(taking.body, context: context) {
                route(taking, then: part, context: context)
                releaseHeld(context: context)
            }
        }
    }

    /// Whether the request may be taken, judged from its head.
    private func isCandidate(_ head: HTTPRequest) -> Bool {
        guard head.method == .post, head.path == Self.path else { return false }
        let fields = head.headerFields
        guard fields[.expect] == nil, fields[.connection]?.lowercased() != "close",
            !RequestPayload.isJSONLines(fields[.contentType])
        else { return false }
        return access.refusal(ofAuthorization: fields[.authorization]) == nil
    }

    /// Queues the update in `body` and answers it once committed; `false` when it is not taken.
    private func submit(_ body: ByteBuffer, context: ChannelHandlerContext) -> Bool {
        guard let update = try? ProgressUpdate.parse(json: body.readableBytesView) else { return false }
        let loop = context.eventLoop
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: loop)
        answering = store.receiptIfRoom(for: update) { result in
            loop.execute {
                let (handler, context) = bound.value
                switch result {
                case .success(let receipt):
                    handler.write(LineageAPI.answer(to: receipt, jobID: update.jobID), context: context)
                case .failure(let error):
                    let failure = APIError.from(error)
                    handler.write((failure.status, failure.body), context: context)
                }
            }
        }
        return answering
    }

    /// Writes the answer, then replays what was held meanwhile.
    private func write(_ answer: (status: HTTPResponse.Status, body: Data), context: ChannelHandlerContext) {
        var head = HTTPResponse(status: answer.status)
        head.headerFields[.contentType] = "application/json"
        head.headerFields[.contentLength] = String(answer.body.count)
        head.headerFields[.date] = dates.now()
        if let serverName { head.headerFields[.server] = serverName }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: answer.body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        answering = false
        if !held.isEmpty {
            while !answering && !held.isEmpty { take(held.removeFirst(), context: context) }
            context.fireChannelReadComplete()  // the router's side delivers what it read at the end of a read
        }
        releaseHeld(context: context)
    }

    /// Once no answer is pending, resumes reading (a request whose body is still to come needs it) and
    /// passes on a held error; the quiesce waits until no request is half read either.
    private func releaseHeld(context: ChannelHandlerContext) {
        guard !answering else { return }
        if readHeld {
            readHeld = false
            context.read()
        }
        if let error = errorHeld {
            errorHeld = nil
            context.fireErrorCaught(error)
        }
        if quiesceHeld && candidate == nil {
            quiesceHeld = false
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    /// Hands a request on to the router.
    private func route(_ head: HTTPRequestPart, context: ChannelHandlerContext) {
        routed += 1
        context.fireChannelRead(wrapInboundOut(head))
    }

    /// Hands a candidate read so far on to the router, followed by `part`.
    private func route(
        _ candidate: (head: HTTPRequest, body: ByteBuffer), then part: HTTPRequestPart, context: ChannelHandlerContext
    ) {
        route(.head(candidate.head), context: context)
        if candidate.body.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(.body(candidate.body))) }
        context.fireChannelRead(wrapInboundOut(part))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { routed = max(0, routed - 1) }
        context.write(data, promise: promise)
    }

    func read(context: ChannelHandlerContext) {
        if answering { readHeld = true } else { context.read() }
    }

    /// An error (a malformed request after this one, say) waits for the pending answer, like the parts before it.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if answering && errorHeld == nil { errorHeld = error } else { context.fireErrorCaught(error) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent && (answering || candidate != nil) {
            quiesceHeld = true
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
