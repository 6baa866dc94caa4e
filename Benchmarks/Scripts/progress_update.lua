-- wrk script: POSTs crawler progress updates in the seed payload's shape (one timeline event each) to
-- `lineage serve`, every update with a fresh (reporter, seq) so each is applied once.
-- LINEAGE_TOKEN is the bearer token; LINEAGE_BATCH is the updates per request (1: JSON, more: NDJSON);
-- LINEAGE_JOBS is how many jobs the updates go round (default 100).
local token = os.getenv("LINEAGE_TOKEN")
local batch = tonumber(os.getenv("LINEAGE_BATCH") or "1")
local jobs = tonumber(os.getenv("LINEAGE_JOBS") or "100")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  reporter = "wrk-" .. tid
  seq = 0
end

local function update()
  seq = seq + 1
  return string.format(
    '{"jobId":"job-%d","reporter":"%s","seq":%d,"timestamp":"2025-01-06T19:15:30.000Z","status":"processing",'
      .. '"processedItems":%d,"totalItems":1000000,"currentDataType":"issues","itemsByType":{"issues":1},'
      .. '"lastProcessedId":"issues-%d","stage":"data_collection","operationType":"data_collection",'
      .. '"timeline":[{"event":"progress_update","timestamp":"2025-01-06T19:15:30.000Z",'
      .. '"details":{"page":%d,"type":"issues","rate_limit":{"remaining":4999,"reset":1736190930}}}]}',
    seq % jobs, reporter, seq, seq, seq, seq)
end

request = function()
  local body, contentType
  if batch == 1 then
    body, contentType = update(), "application/json"
  else
    local lines = {}
    for i = 1, batch do lines[i] = update() end
    body, contentType = table.concat(lines, "\n"), "application/x-ndjson"
  end
  return wrk.format("POST", "/api/internal/jobs/progress",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = contentType }, body)
end
