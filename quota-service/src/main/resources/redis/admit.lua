-- Admits one request atomically: checks every limit and budget that covers it, then applies all or nothing.
-- Every key shares the hash tag {q}, so the script stays single-slot under Redis Cluster.
--
-- KEYS[1] rebuild marker (absent: budget counters must be rebuilt from the ledger first)
-- KEYS[2] lease index, a sorted set of reservation ids by lease expiry (ms)
-- KEYS[3] the reservation's hash
-- KEYS[4..] one counter per check, in the order of the checks in ARGV
-- ARGV[1] now (epoch ms)   ARGV[2] reservation id   ARGV[3] lease expiry (epoch ms)
-- ARGV[4] when the reservation hash expires (epoch ms), after its lease, so a lost lease index cannot leak it
-- ARGV[5] request id   ARGV[6] key id   ARGV[7] team id   ARGV[8] number of checks n
-- then per check 4 values: type, limit, amount, expiry
--   type 'r' request window, 't' token window: a counter; expiry = its TTL in ms, set only when it is created
--   type 'c' concurrency: a sorted set of reservation ids by lease expiry; expired members do not count
--   type 'bt' token budget, 'bm' money budget (nano-units): a hash {used, held}; expiry = epoch ms after its period
-- Returns { -1 } when the counters must be rebuilt, { 0, i, current_1, ..., current_i } when check i refuses,
-- else { 1, current_1, ..., current_n } with each counter's value before this request.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return { -1 }
end
local n = tonumber(ARGV[8])
local current = {}
for i = 1, n do
  local base = 8 + (i - 1) * 4
  local kind, limit, amount = ARGV[base + 1], tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3])
  local key = KEYS[3 + i]
  local value
  if kind == 'r' or kind == 't' then
    value = tonumber(redis.call('GET', key) or '0')
  elseif kind == 'c' then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[1])
    value = redis.call('ZCARD', key)
  else
    local stored = redis.call('HMGET', key, 'used', 'held')
    value = tonumber(stored[1] or '0') + tonumber(stored[2] or '0')
  end
  current[i] = value
  if value + amount > limit then
    local refused = { 0, i }
    for j = 1, i do
      refused[j + 2] = current[j]
    end
    return refused
  end
end
local reservation, leaseExpiry = ARGV[2], ARGV[3]
local fields = { 'm|request', ARGV[5], 'm|key', ARGV[6], 'm|team', ARGV[7], 'm|expires', ARGV[3] }
for i = 1, n do
  local base = 8 + (i - 1) * 4
  -- amounts stay strings: Lua would print a large number as 1.2e+14, which Redis refuses as an integer
  local kind, amount = ARGV[base + 1], ARGV[base + 3]
  local key = KEYS[3 + i]
  if kind == 'r' or kind == 't' then
    -- the window's expiry is set when the counter is created and never refreshed, so windows end on time
    redis.call('SET', key, 0, 'PX', ARGV[base + 4], 'NX')
    redis.call('INCRBY', key, amount)
    if kind == 't' then
      table.insert(fields, 't|' .. key)
      table.insert(fields, amount)
    end
  elseif kind == 'c' then
    redis.call('ZADD', key, leaseExpiry, reservation)
    redis.call('PEXPIREAT', key, leaseExpiry)
    table.insert(fields, 'c|' .. key)
    table.insert(fields, '1')
  else
    local created = redis.call('EXISTS', key) == 0
    redis.call('HINCRBY', key, 'held', amount)
    if created then
      redis.call('HSET', key, 'used', 0)
      redis.call('PEXPIREAT', key, ARGV[base + 4])
    end
    table.insert(fields, kind .. '|' .. key)
    table.insert(fields, amount)
  end
end
redis.call('HSET', KEYS[3], unpack(fields))
redis.call('PEXPIREAT', KEYS[3], ARGV[4])
redis.call('ZADD', KEYS[2], leaseExpiry, reservation)
local result = { 1 }
for i = 1, n do
  result[i + 1] = current[i]
end
return result
