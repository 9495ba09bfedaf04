#!/usr/bin/env bash
# Smoke test against a running `./iot up`: publishes one telemetry message with mosquitto_pub
# (Debian package mosquitto-clients), exchanges the admin API key that ./iot up printed for a
# token at the registry, and reads the message back through query-api with curl.
#
#   scripts/smoke.sh            # defaults match ./iot up
#   MQTT_PORT=11883 QUERY_URL=http://127.0.0.1:18080 REGISTRY_URL=http://127.0.0.1:18081 \
#     API_KEY=iotk_... scripts/smoke.sh
set -euo pipefail

IOT_HOME=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
MQTT_HOST=${MQTT_HOST:-127.0.0.1}
MQTT_PORT=${MQTT_PORT:-11883}
QUERY_URL=${QUERY_URL:-http://127.0.0.1:18080}
REGISTRY_URL=${REGISTRY_URL:-http://127.0.0.1:18081}
# ./iot up leaves an admin key of the tenant default here (--var moves it).
API_KEY_FILE=${API_KEY_FILE:-$IOT_HOME/var/registry/admin-api-key}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-30}

for tool in mosquitto_pub curl; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is missing (apt-get install mosquitto-clients curl)" >&2; exit 1; }
done

if [ -z "${API_KEY:-}" ]; then
  [ -r "$API_KEY_FILE" ] || { echo "smoke: no API_KEY given and no $API_KEY_FILE (is ./iot up running?)" >&2; exit 1; }
  API_KEY=$(tr -d '[:space:]' < "$API_KEY_FILE")
fi
echo "smoke: exchanging the API key for a token at $REGISTRY_URL"
token=$(curl -fsS -X POST "$REGISTRY_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"apiKey\":\"$API_KEY\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "smoke: FAILED, the registry gave no token" >&2; exit 1; }

device="smoke-$(date +%s)-$$"
now_ms=$(( $(date +%s%N) / 1000000 ))
value="21.$(( RANDOM % 10 ))"
from=$(date -u -d "@$(( now_ms / 1000 - 60 ))" +%Y-%m-%dT%H:%M:%SZ)
to=$(date -u -d "@$(( now_ms / 1000 + 60 ))" +%Y-%m-%dT%H:%M:%SZ)

echo "smoke: publishing temperature=$value for $device (QoS 1) to $MQTT_HOST:$MQTT_PORT"
mosquitto_pub -V mqttv5 -h "$MQTT_HOST" -p "$MQTT_PORT" -i "$device" -q 1 \
  -t "devices/$device/telemetry" -m "{\"ts\":$now_ms,\"seq\":1,\"metrics\":{\"temperature\":$value}}"

url="$QUERY_URL/api/v1/devices/$device/telemetry?metric=temperature&from=$from&to=$to"
echo "smoke: polling $url"
deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  body=$(curl -fsS -H "Authorization: Bearer $token" "$url" || true)
  if echo "$body" | grep -q "\"value\":$value"; then
    echo "smoke: OK, query-api returned the point: $body"
    exit 0
  fi
  sleep 1
done
echo "smoke: FAILED, the point did not arrive within ${TIMEOUT_SECONDS}s; last answer: ${body:-none}" >&2
exit 1
