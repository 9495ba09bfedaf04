-- One page of a fleet query (FleetQueryRepository). Read-only.
-- KEYS: the ARGV[1] sets a match must be in, then the sets it must not be in.
-- ARGV: [1] how many KEYS are "in" sets, [2] the member to resume after ('' = from the start),
--       [3] the most matches to return, [4] the most candidates to scan in this call.
-- Returns {next, match, match, ...}: next is the member to resume after, '' when no candidate is
-- left. The scan budget keeps one call short however rare the matches are.
local inCount = tonumber(ARGV[1])
local after = ARGV[2]
local limit = tonumber(ARGV[3])
local budget = tonumber(ARGV[4])

-- The smallest "in" set gives the candidates; an empty one means no match at all.
local driver, smallest = 1, -1
for i = 1, inCount do
  local size = redis.call('ZCARD', KEYS[i])
  if size == 0 then
    return {''}
  end
  if smallest < 0 or size < smallest then
    driver, smallest = i, size
  end
end

local function matches(member)
  for i = 1, #KEYS do
    if i ~= driver then
      local present = redis.call('ZSCORE', KEYS[i], member) ~= false
      if present ~= (i <= inCount) then
        return false
      end
    end
  end
  return true
end

local result = {''}
local found, scanned, last = 0, 0, nil
local from = '-'
if after ~= '' then
  from = '(' .. after
end
-- Small first chunks for small pages of frequent matches, bigger ones when matches are rare.
local chunk = math.max(limit, 16)
while scanned < budget and found < limit do
  local wanted = math.min(chunk, budget - scanned)
  local members = redis.call('ZRANGEBYLEX', KEYS[driver], from, '+', 'LIMIT', 0, wanted)
  for _, member in ipairs(members) do
    scanned = scanned + 1
    last = member
    if matches(member) then
      found = found + 1
      result[found + 1] = member
      if found == limit then
        break
      end
    end
  end
  if found < limit and #members < wanted then
    return result
  end
  from = '(' .. last
  chunk = math.min(chunk * 2, 1024)
end
-- Stopped at the limit or the budget: a next page only if a candidate is left.
if #redis.call('ZRANGEBYLEX', KEYS[driver], '(' .. last, '+', 'LIMIT', 0, 1) > 0 then
  result[1] = last
end
return result
