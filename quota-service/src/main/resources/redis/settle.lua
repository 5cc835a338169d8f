-- Settles one request from its usage event: once per request id, whatever Kafka redelivers.
-- KEYS[1] the reservation's hash   KEYS[2] lease index   KEYS[3] settled marker of the request
-- KEYS[4] rebuild marker   KEYS[5..] budgets covering the key now, used when the reservation is gone
-- ARGV[1] reservation id ('' when none)   ARGV[2] actual tokens   ARGV[3] actual cost (nano-units)
-- ARGV[4] settled marker TTL (ms)   ARGV[5] the event's time (epoch ms)
-- then per fallback budget 2 values: type ('bt' | 'bm'), expiry (epoch ms after its period)
-- Returns -1 while counters await a rebuild, 0 for a duplicate, 1 settled against its reservation,
-- 2 skipped (the event predates a rebuild, whose ledger totals count it), 3 charged without a reservation.
local rebuilt = redis.call('GET', KEYS[4])
if not rebuilt then
  return -1
end
if not redis.call('SET', KEYS[3], '1', 'PX', ARGV[4], 'NX') then
  return 0
end
-- amounts stay strings: Lua would print a large number as 1.2e+14, which Redis refuses as an integer
local function actual(kind)
  if kind == 'bm' then
    return ARGV[3]
  end
  return ARGV[2]
end
local fields = {}
if ARGV[1] ~= '' then
  redis.call('ZREM', KEYS[2], ARGV[1])
  fields = redis.call('HGETALL', KEYS[1])
end
if #fields > 0 then
  for i = 1, #fields, 2 do
    local kind, key = string.match(fields[i], '^(%a+)|(.*)$')
    local amount = fields[i + 1]
    if redis.call('EXISTS', key) == 1 then
      if kind == 't' then
        redis.call('INCRBY', key, ARGV[2])
        redis.call('DECRBY', key, amount)
      elseif kind == 'c' then
        redis.call('ZREM', key, ARGV[1])
      elseif kind == 'bt' or kind == 'bm' then
        redis.call('HINCRBY', key, 'held', '-' .. amount)
        redis.call('HINCRBY', key, 'used', actual(kind))
      end
    end
  end
  redis.call('DEL', KEYS[1])
  return 1
end
if tonumber(ARGV[5]) < tonumber(rebuilt) then
  return 2
end
for i = 5, #KEYS do
  local kind, expiry = ARGV[6 + (i - 5) * 2], ARGV[7 + (i - 5) * 2]
  local created = redis.call('EXISTS', KEYS[i]) == 0
  redis.call('HINCRBY', KEYS[i], 'used', actual(kind))
  if created then
    redis.call('HSET', KEYS[i], 'held', 0)
    redis.call('PEXPIREAT', KEYS[i], expiry)
  end
end
return 3
