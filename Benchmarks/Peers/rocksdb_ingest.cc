// The end-to-end RocksDB peer of `lineage ingest`: reads crawler progress JSON lines with simdjson (on-demand,
// straight from the file's bytes) and stores them as a RocksDB user would: a dedupe key per (job, reporter,
// seq) checked with Get, merge operators for the largest processed count and each item type's sum, Put for
// the last-writer-wins fields and the timeline events, one WriteBatch per 1,000 lines, the WAL synced per
// batch (durable, as LineageStore's commits are).
//
// Usage: rocksdb_ingest FILE.jsonl DIR    (prints the lines applied)
#include <rocksdb/db.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>
#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_set>

namespace {

int64_t decode(const rocksdb::Slice &value) {
    int64_t number = 0;
    if (value.size() == sizeof number) std::memcpy(&number, value.data(), sizeof number);
    return number;
}

std::string encode(int64_t number) { return std::string(reinterpret_cast<const char *>(&number), sizeof number); }

// "p/…" keys keep the largest value merged in; "c/…" keys the sum.
class ProgressMerge : public rocksdb::AssociativeMergeOperator {
  public:
    bool Merge(const rocksdb::Slice &key, const rocksdb::Slice *existing, const rocksdb::Slice &value,
               std::string *merged, rocksdb::Logger *) const override {
        int64_t base = existing ? decode(*existing) : 0, operand = decode(value);
        *merged = encode(key.starts_with("p/") ? std::max(base, operand) : base + operand);
        return true;
    }
    const char *Name() const override { return "lineagestore-progress"; }
};

void check(const rocksdb::Status &status, const char *what) {
    if (!status.ok()) {
        std::fprintf(stderr, "%s: %s\n", what, status.ToString().c_str());
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: rocksdb_ingest FILE.jsonl DIR\n");
        return 64;
    }
    rocksdb::Options options;
    options.create_if_missing = true;
    options.IncreaseParallelism(2);
    options.merge_operator = std::make_shared<ProgressMerge>();
    rocksdb::DB *raw = nullptr;
    check(rocksdb::DB::Open(options, argv[2], &raw), "open");
    std::unique_ptr<rocksdb::DB> db(raw);
    rocksdb::WriteOptions durable;
    durable.sync = true;

    simdjson::padded_string input;
    if (simdjson::padded_string::load(argv[1]).get(input)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document_stream lines;
    if (parser.iterate_many(input).get(lines)) {
        std::fprintf(stderr, "cannot parse %s\n", argv[1]);
        return 1;
    }
    rocksdb::WriteBatch batch;
    std::unordered_set<std::string> inBatch;
    std::string found;
    long applied = 0, pending = 0;
    for (auto line : lines) {
        simdjson::ondemand::object update;
        if (line.get_object().get(update)) continue;
        std::string_view job, reporter;
        uint64_t seq = 0;
        if (update["jobId"].get_string().get(job) || update["reporter"].get_string().get(reporter) ||
            update["seq"].get_uint64().get(seq))
            continue;
        std::string id(job);
        std::string dedupe = "d/" + id + "/" + std::string(reporter) + "/" + std::to_string(seq);
        bool seen = inBatch.count(dedupe) > 0 || db->Get(rocksdb::ReadOptions(), dedupe, &found).ok();
        if (!seen) {
            inBatch.insert(dedupe);
            batch.Put(dedupe, "");
            int64_t processed = 0;
            if (!update["processedItems"].get_int64().get(processed)) batch.Merge("p/" + id, encode(processed));
            simdjson::ondemand::object items;
            if (!update["itemsByType"].get_object().get(items)) {
                for (auto field : items) {
                    std::string_view type;
                    int64_t delta = 0;
                    if (field.unescaped_key().get(type) || field.value().get_int64().get(delta)) continue;
                    batch.Merge("c/" + id + "/" + std::string(type), encode(delta));
                }
            }
            std::string latest;
            for (const char *name : {"totalItems", "currentDataType", "lastProcessedId", "stage", "operationType",
                                     "status"}) {
                std::string_view text;
                if (!update[name].raw_json_token().get(text)) latest.append(text);
                latest.push_back('\x1f');
            }
            batch.Put("l/" + id, latest);
            simdjson::ondemand::array timeline;
            if (!update["timeline"].get_array().get(timeline)) {
                int index = 0;
                for (auto event : timeline) {
                    simdjson::ondemand::object entry;
                    std::string_view text;
                    if (event.get_object().get(entry) || entry.raw_json().get(text)) continue;
                    batch.Put("e/" + id + "/" + std::string(reporter) + "/" + std::to_string(seq) + "/" +
                                  std::to_string(index++),
                              std::string(text));
                }
            }
            applied++;
        }
        if (++pending == 1000) {
            check(db->Write(durable, &batch), "write");
            batch.Clear();
            inBatch.clear();
            pending = 0;
        }
    }
    check(db->Write(durable, &batch), "write");
    std::printf("%ld\n", applied);
    return 0;
}
