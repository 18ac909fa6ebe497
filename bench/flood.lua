-- Failing sign-ins: each request signs in as one of the usernames in FLOOD_AUTH (Basic credentials, base64, space
-- separated; no account has them), so each one costs a decoy bcrypt check unless it is refused first. Counts statuses.
local creds = {}
for c in os.getenv("FLOOD_AUTH"):gmatch("%S+") do table.insert(creds, c) end
local threads = {}
function setup(thread) table.insert(threads, thread); thread:set("seed", #threads) end
function init() math.randomseed(7 + seed); s401, s429, s503, other = 0, 0, 0, 0 end
function request()
  return wrk.format("GET", "/accounts/me", { Authorization = "Basic " .. creds[math.random(#creds)] })
end
function response(status)
  if status == 401 then s401 = s401 + 1 elseif status == 429 then s429 = s429 + 1
  elseif status == 503 then s503 = s503 + 1 else other = other + 1 end
end
function done()
  local t = { s401 = 0, s429 = 0, s503 = 0, other = 0 }
  for _, thread in ipairs(threads) do for k in pairs(t) do t[k] = t[k] + thread:get(k) end end
  io.write(string.format("flood answers: %d x 401, %d x 429, %d x 503, %d other\n", t.s401, t.s429, t.s503, t.other))
end
