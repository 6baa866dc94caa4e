import LineageStore
import Testing

/// ``ProgressUpdate/parse(json:)``: the crawler payload read straight from its bytes.
@Suite struct ProgressPayloadTests {
    static func parse(_ text: String) throws -> ProgressUpdate { try ProgressUpdate.parse(json: Array(text.utf8)) }

    static func refusal(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as StoreError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func documentsAreKeptAsSentWithoutWhitespaceOutsideStrings() throws {
        let update = try Self.parse(
            #"""
            {"jobId": "j", "timeline": [{"type": "retry", "details": { "z" : [1.50, 2e3, true, null],
              "a": "x  y\"z\u00e9" } }], "error": {"message": "m", "context": {"b": 1, "a": {}}}}
            """#)
        #expect(update.timeline == [.init(event: "retry", details: #"{"z":[1.50,2e3,true,null],"a":"x  y\"z\u00e9"}"#)])
        #expect(update.error == .init(message: "m", context: #"{"b":1,"a":{}}"#))
    }

    @Test func nullMeansAbsentAndUnknownMembersAreKeptAsOneObject() throws {
        let update = try Self.parse(
            #"{"taskId": "t", "reporter": null, "seq": null, "itemsByType": null, "timeline": null, "error": null, "#
                + #""future": {"nested": [1, {"deep": "x"}]}, "stage": "s"}"#)
        var expected = ProgressUpdate(jobID: "t", stage: "s")
        expected.otherMembers = #"{"future":{"nested":[1,{"deep":"x"}]}}"#
        #expect(update == expected)
    }

    @Test func malformedJSONAnywhereIsReportedBeforeAWrongType() {
        #expect(Self.refusal(#"{"jobId": "j", "seq": "7", "future": [1,]}"#)?.hasPrefix("not valid JSON") == true)
        #expect(Self.refusal(#"{"jobId": "j", "seq": "7", "future": [1]}"#) == "seq must be a non-negative integer")
        #expect(Self.refusal(#"{"jobId": "j"} trailing"#)?.hasPrefix("not valid JSON") == true)
        #expect(Self.refusal(#"{"jobId": "j", "stage": "a\u0000b""#)?.hasPrefix("not valid JSON") == true)
    }

    @Test(arguments: [
        (#"{"jobId": 7}"#, "jobId must be a string"),
        (#"{"jobId": "a", "taskId": "b"}"#, "jobId a and taskId b disagree"),
        (#"{"jobId": "caf\u00e9", "taskId": "cafe\u0301"}"#, "jobId café and taskId café disagree"),
        (#"{"jobId": ""}"#, "jobId is missing"),
        (#"{"jobId": "j", "seq": -1}"#, "seq must be a non-negative integer"),
        (#"{"jobId": "j", "seq": 1.5}"#, "seq must be a non-negative integer"),
        (#"{"jobId": "j", "processedItems": 9223372036854775808}"#, "processedItems must be an integer that fits"),
        (#"{"jobId": "j", "itemsByType": [1]}"#, "itemsByType must be an object of integers"),
        (#"{"jobId": "j", "itemsByType": {"a": "1"}}"#, "itemsByType.a must be an integer that fits"),
        (#"{"jobId": "j", "timeline": {}}"#, "timeline must be an array"),
        (#"{"jobId": "j", "timeline": [7]}"#, "timeline[0] must be an object"),
        (#"{"jobId": "j", "timeline": [{"details": {}}]}"#, "timeline[0].event is missing"),
        (#"{"jobId": "j", "timeline": [{"event": "e", "timestamp": 5}]}"#, "timeline[0].timestamp must be an RFC 3339"),
        (#"{"jobId": "j", "error": 5}"#, "error must be an object or a string"),
        (#"{"jobId": "j", "error": {"context": {}}}"#, "error.message is empty"),
    ])
    func wrongTypesNameTheField(text: String, message: String) {
        #expect(Self.refusal(text)?.hasPrefix(message) == true, "\(Self.refusal(text) ?? "accepted")")
    }

    @Test func integersWrittenAsWholeFractionsOrExponentsAreAccepted() throws {
        let update = try Self.parse(#"{"jobId": "j", "seq": 2.0, "processedItems": 1e3, "totalItems": 0}"#)
        #expect(update.seq == 2 && update.processedItems == 1_000 && update.totalItems == 0)
    }
}
