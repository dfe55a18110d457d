/**
 * Lua scripts that keep the per-channel queue and its drain flag consistent: a channel with
 * pending messages always has an active drain generation, and an empty one never does.
 */

/** KEYS: message, queue, active, generation, channels, delivered. ARGV: id, json, ttlSeconds, channel. */
export const ENQUEUE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[6]) == 1 then
  return {0, redis.call('GET', KEYS[3]) or false}
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
redis.call('RPUSH', KEYS[2], ARGV[1])
local gen = redis.call('GET', KEYS[3])
if not gen then
  gen = tostring(redis.call('INCR', KEYS[4]))
  redis.call('SET', KEYS[3], gen)
  redis.call('SADD', KEYS[5], ARGV[4])
end
return {1, gen}
`;

/**
 * Removes the head (when it is `id`) after it was delivered or dead-lettered.
 * KEYS: queue, active, channels, delivered, intent, attempts, next, deadLetters.
 * ARGV: id, channel, outcome ('delivered'|'dead'), landedChannel, ts, ttlSeconds, nextAtMs, deadJson.
 * Returns the number of messages still waiting in the channel.
 */
export const FINISH_HEAD_SCRIPT = `
if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then redis.call('LPOP', KEYS[1]) end
if ARGV[3] == 'delivered' then
  redis.call('HSET', KEYS[4], 'channel', ARGV[4], 'ts', ARGV[5])
  redis.call('EXPIRE', KEYS[4], tonumber(ARGV[6]))
else
  redis.call('LPUSH', KEYS[8], ARGV[8])
end
redis.call('DEL', KEYS[5], KEYS[6])
redis.call('SET', KEYS[7], ARGV[7], 'PX', 86400000)
local left = redis.call('LLEN', KEYS[1])
if left == 0 then
  redis.call('DEL', KEYS[2])
  redis.call('SREM', KEYS[3], ARGV[2])
end
return left
`;

/** Ends a drain whose queue is empty. KEYS: queue, active, channels. ARGV: channel, generation. */
export const RELEASE_SCRIPT = `
if redis.call('LLEN', KEYS[1]) > 0 then return 1 end
if redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('DEL', KEYS[2])
  redis.call('SREM', KEYS[3], ARGV[1])
end
return 0
`;
