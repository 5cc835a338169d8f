-- Fixed-window request counter for one key, checked and incremented atomically.
-- KEYS[1]  counter of the current window, e.g. quota:rpm:{key_abc}:1767225600
-- ARGV[1]  the limit (requests per window)
-- ARGV[2]  seconds the counter lives; longer than the window so instances with a little clock skew share it
-- Returns  { 1, count after this request } when admitted, { 0, current count } when over the limit.
-- A refused request does not increment, so the counter never runs past the limit.
local limit = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= limit then
  return { 0, current }
end
current = redis.call('INCR', KEYS[1])
if current == 1 then
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return { 1, current }
