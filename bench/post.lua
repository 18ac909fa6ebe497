-- POST /accounts, one new account per request (bcrypt included), unique names per thread
local counter = 0
function setup(thread) counter = counter + 1; thread:set("prefix", "w" .. counter .. "-" .. os.time()) end
function init() n = 0 end
function request()
  n = n + 1
  return wrk.format("POST", "/accounts", { ["Content-Type"] = "application/json" },
    '{"username":"' .. prefix .. "-" .. n .. '","password":"bench-password"}')
end
