-- One caller at about 20 calls a second (wrk leaves the 50 ms pause out of the latency it reports).
function delay() return 50 end
