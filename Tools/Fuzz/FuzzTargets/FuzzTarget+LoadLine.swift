import LineageFormat
import LineageStore

extension FuzzTarget {
    /// One line of `lineage load`: a line that loads gives a record that keeps every property of
    /// ``record``, its export line loading back to the same record.
    public static let loadLine = FuzzTarget(name: "fuzz-load-line") { bytes in
        guard let parsed = try? LineageStore.parseLoadLine(bytes, number: 1),
            let record = parsed as? any StoredRecord & FieldTableRecord
        else { return }
        checkRoundTrips(record)
    }
}
