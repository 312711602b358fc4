-- wrk script: POST usage reports, each with its own Idempotency-Key, so every request is a real debit.
-- Usage: GRANT=<grant id> TOKEN=<partner token> wrk -s usage-report.lua ... http://host:port
-- Keys are unique per wrk thread (each thread has its own Lua state and counter).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local counter = 0
local grant = os.getenv("GRANT")
local token = os.getenv("TOKEN")
local run = os.getenv("RUN_ID") or tostring(os.time())
local prefix = os.getenv("PREFIX") or "/api/resources"

request = function()
  counter = counter + 1
  local headers = {}
  headers["Authorization"] = "Bearer " .. token
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. run .. "-" .. tostring(thread_id) .. "-" .. counter
  return wrk.format("POST", prefix .. "/grants/" .. grant .. "/usage", headers,
    '{"quantity": "0.01", "unit": "EUR", "description": "benchmark usage"}')
end
