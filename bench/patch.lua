-- PATCH /accounts/{id} (merge patch of tokens) on seeded random ids
local max_id = tonumber(os.getenv("MAX_ID"))
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init() math.randomseed(7 + seed) end
function request()
  return wrk.format("PATCH", "/accounts/" .. math.random(1, max_id),
    { ["Content-Type"] = "application/merge-patch+json" }, '{"tokens":' .. math.random(0, 100) .. '}')
end
