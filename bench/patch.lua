-- PATCH /accounts/{id} (merge patch of tokens) on seeded random ids, with the headers given by -H (sign-in)
local max_id = tonumber(os.getenv("MAX_ID"))
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init()
  math.randomseed(7 + seed)
  headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/merge-patch+json"
end
function request()
  return wrk.format("PATCH", "/accounts/" .. math.random(1, max_id), headers, '{"tokens":' .. math.random(0, 100) .. '}')
end
