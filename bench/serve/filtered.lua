-- wrk script: filtered /api/events pages, a different filter on every request.
-- Filters: a country, an event type, and a one-month window over 2016-2025 (the span of
-- the generated store), page size from LIMIT (default 50), EXTRA appended to every path
-- (e.g. "&evidence=true" for whole records). No response() callback: it would
-- copy every body into Lua and spend the shared CPU on the load generator; wrk itself
-- reports non-2xx answers ("Non-2xx or 3xx responses") and socket errors.
local countries = {"PK", "AF", "IN", "BD", "MM", "SY"}
local types = {"Battles", "Explosions%2FRemote%20violence", "Violence%20against%20civilians",
               "Protests", "Riots", "Strategic%20developments"}
local limit = os.getenv("LIMIT") or "50"
local extra = os.getenv("EXTRA") or ""   -- e.g. "&evidence=true"
local paths = {}

function init(args)
  math.randomseed(12345)
  for i = 1, 2000 do
    local y = 2016 + math.random(0, 9)
    local m = math.random(1, 12)
    local from = string.format("%04d-%02d-01", y, m)
    local to = string.format("%04d-%02d-28", y, m)
    local p = "/api/events?limit=" .. limit .. "&country=" .. countries[math.random(#countries)] ..
      "&from=" .. from .. "&to=" .. to
    if math.random() < 0.5 then
      p = p .. "&type=" .. types[math.random(#types)]
    end
    paths[i] = p .. extra
  end
end

local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
