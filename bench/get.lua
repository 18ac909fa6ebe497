-- GET /accounts/{id} with seeded random ids from 1..MAX_ID
local max_id = tonumber(os.getenv("MAX_ID"))
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init() math.randomseed(42 + seed) end
function request() return wrk.format("GET", "/accounts/" .. math.random(1, max_id)) end
