#!/usr/bin/env bash
# Smoke test against a running `./iot up`: exchanges the admin API key that ./iot up printed for a
# token at the registry, registers a device and gives it a token (its MQTT password), publishes
# one telemetry message as that device with mosquitto_pub (Debian package mosquitto-clients), and
# reads the message back through query-api with curl.
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

echo "smoke: registering $device and giving it a token"
registry() {
  curl -sS -o /dev/null -w '%{http_code}' -X POST "$REGISTRY_URL$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2"
}
code=$(registry /api/v1/device-types '{"name":"smoke"}')
[ "$code" = 201 ] || [ "$code" = 409 ] || { echo "smoke: FAILED, device type: HTTP $code" >&2; exit 1; }
code=$(registry /api/v1/devices "{\"id\":\"$device\",\"type\":\"smoke\"}")
[ "$code" = 201 ] || { echo "smoke: FAILED, device: HTTP $code" >&2; exit 1; }
device_token=$(curl -fsS -X POST "$REGISTRY_URL/api/v1/devices/$device/credentials/tokens" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$device_token" ] || { echo "smoke: FAILED, the registry gave no device token" >&2; exit 1; }

# The bridge learns the new credential from iot.devices.v1 within a few seconds: retry until then.
echo "smoke: publishing temperature=$value for $device (QoS 1) to $MQTT_HOST:$MQTT_PORT"
deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
until mosquitto_pub -V mqttv5 -h "$MQTT_HOST" -p "$MQTT_PORT" -i "$device" -u "$device" -P "$device_token" \
  -q 1 -t "devices/$device/telemetry" -m "{\"ts\":$now_ms,\"seq\":1,\"metrics\":{\"temperature\":$value}}"; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "smoke: FAILED, the broker refused $device" >&2; exit 1; }
  sleep 1
done

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
