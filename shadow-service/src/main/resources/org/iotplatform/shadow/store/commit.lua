-- Writes one shadow change if Redis still holds the version it was computed from: the document,
-- its history, the device's set of shadow names, the fleet index and the outbox records the change
-- sends, all or nothing.
--
-- KEYS[1] document hash {version, doc, tenant}   KEYS[2] history list
-- KEYS[3] the device's shadow names (set)         KEYS[4] outbox stream
-- ARGV[1] expected version   ARGV[2] new version   ARGV[3] document JSON ('' deletes)
-- ARGV[4] tenant   ARGV[5] history length   ARGV[6] name in the names set   ARGV[7] index member
-- ARGV[8..10] how many removed index keys, added index keys and outbox records follow
-- then the removed keys, the added keys and (topic, key, value) per outbox record.
-- Returns {1, new version} when written, {0, stored version} when the version moved.
local stored = redis.call('HGET', KEYS[1], 'version') or '0'
if stored ~= ARGV[1] then
  return {0, stored}
end
if ARGV[3] == '' then
  -- The version stays behind: a shadow created again goes on counting from it.
  redis.call('HDEL', KEYS[1], 'doc', 'tenant')
  redis.call('HSET', KEYS[1], 'version', ARGV[2])
  redis.call('SREM', KEYS[3], ARGV[6])
else
  redis.call('HSET', KEYS[1], 'version', ARGV[2], 'doc', ARGV[3], 'tenant', ARGV[4])
  redis.call('SADD', KEYS[3], ARGV[6])
  redis.call('LPUSH', KEYS[2], ARGV[3])
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
end
local i = 11
for _ = 1, tonumber(ARGV[8]) do
  redis.call('ZREM', ARGV[i], ARGV[7])
  i = i + 1
end
for _ = 1, tonumber(ARGV[9]) do
  redis.call('ZADD', ARGV[i], 0, ARGV[7])
  i = i + 1
end
for _ = 1, tonumber(ARGV[10]) do
  redis.call('XADD', KEYS[4], '*', 'topic', ARGV[i], 'key', ARGV[i + 1], 'value', ARGV[i + 2])
  i = i + 3
end
return {1, ARGV[2]}
