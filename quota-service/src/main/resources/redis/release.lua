-- Gives a reservation back: what it held leaves every counter it was added to. Idempotent.
-- KEYS[1] the reservation's hash   KEYS[2] lease index   ARGV[1] reservation id
-- Returns 1 when a reservation was released, 0 when there was none (settled, released or never made).
-- Counter keys come from the hash; they share the {q} hash tag, so they are in this script's slot.
redis.call('ZREM', KEYS[2], ARGV[1])
local fields = redis.call('HGETALL', KEYS[1])
if #fields == 0 then
  return 0
end
for i = 1, #fields, 2 do
  local kind, key = string.match(fields[i], '^(%a+)|(.*)$')
  local amount = fields[i + 1]
  if redis.call('EXISTS', key) == 1 then
    if kind == 't' then
      redis.call('DECRBY', key, amount)
    elseif kind == 'c' then
      redis.call('ZREM', key, ARGV[1])
    elseif kind == 'bt' or kind == 'bm' then
      redis.call('HINCRBY', key, 'held', '-' .. amount)
    end
  end
end
redis.call('DEL', KEYS[1])
return 1
