-- POST /transfers of 1 token between two random accounts of the FIRST_ID..FIRST_ID+99 range, with the headers given
-- by -H (sign-in as admin)
local first_id = tonumber(os.getenv("FIRST_ID"))
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init()
  math.randomseed(11 + seed)
  headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
end
function request()
  local from = math.random(0, 99)
  local to = (from + math.random(1, 99)) % 100
  return wrk.format("POST", "/transfers", headers,
    '{"from":' .. (first_id + from) .. ',"to":' .. (first_id + to) .. ',"amount":1}')
end
