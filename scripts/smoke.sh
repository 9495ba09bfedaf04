#!/usr/bin/env bash
# Smoke test against a running `./iot up`: exchanges the admin API key that ./iot up printed for a
# token at the registry, registers a device and gives it a token (its MQTT password), publishes
# one telemetry message as that device with mosquitto_pub (Debian package mosquitto-clients), and
# reads the message back through query-api with curl. Then the same with a second device that
# authenticates with a client certificate over TLS: openssl makes its key and CSR, the registry
# signs the certificate, and mosquitto_pub connects to the TLS port trusting the stack's CA.
#
#   scripts/smoke.sh            # defaults match ./iot up
#   MQTT_PORT=11883 MQTT_TLS_PORT=18883 QUERY_URL=http://127.0.0.1:18080 \
#     REGISTRY_URL=http://127.0.0.1:18081 API_KEY=iotk_... CA_FILE=var/ca/ca.crt.pem scripts/smoke.sh
set -euo pipefail

IOT_HOME=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
MQTT_HOST=${MQTT_HOST:-127.0.0.1}
MQTT_PORT=${MQTT_PORT:-11883}
MQTT_TLS_PORT=${MQTT_TLS_PORT:-18883}
QUERY_URL=${QUERY_URL:-http://127.0.0.1:18080}
REGISTRY_URL=${REGISTRY_URL:-http://127.0.0.1:18081}
# ./iot up leaves an admin key of the tenant default here (--var moves it).
API_KEY_FILE=${API_KEY_FILE:-$IOT_HOME/var/registry/admin-api-key}
# The platform CA that ./iot up generated: the broker's TLS certificate chains to it.
CA_FILE=${CA_FILE:-$IOT_HOME/var/ca/ca.crt.pem}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-30}

for tool in mosquitto_pub curl openssl; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is missing (apt-get install mosquitto-clients curl openssl)" >&2; exit 1; }
done
[ -r "$CA_FILE" ] || { echo "smoke: no platform CA at $CA_FILE (is ./iot up running?)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "${API_KEY:-}" ]; then
  [ -r "$API_KEY_FILE" ] || { echo "smoke: no API_KEY given and no $API_KEY_FILE (is ./iot up running?)" >&2; exit 1; }
  API_KEY=$(tr -d '[:space:]' < "$API_KEY_FILE")
fi
echo "smoke: exchanging the API key for a token at $REGISTRY_URL"
token=$(curl -fsS -X POST "$REGISTRY_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"apiKey\":\"$API_KEY\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "smoke: FAILED, the registry gave no token" >&2; exit 1; }

now_ms=$(( $(date +%s%N) / 1000000 ))
from=$(date -u -d "@$(( now_ms / 1000 - 60 ))" +%Y-%m-%dT%H:%M:%SZ)
to=$(date -u -d "@$(( now_ms / 1000 + 60 ))" +%Y-%m-%dT%H:%M:%SZ)

registry() {
  curl -sS -o /dev/null -w '%{http_code}' -X POST "$REGISTRY_URL$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2"
}

register() { # device id
  local code
  code=$(registry /api/v1/devices "{\"id\":\"$1\",\"type\":\"smoke\"}")
  [ "$code" = 201 ] || { echo "smoke: FAILED, device $1: HTTP $code" >&2; exit 1; }
}

# The bridge learns a new credential from iot.devices.v1 within a few seconds: retry until then.
publish() { # device id, value, further mosquitto_pub arguments
  local device=$1 value=$2 deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
  shift 2
  until mosquitto_pub -V mqttv5 -h "$MQTT_HOST" -i "$device" "$@" -q 1 -t "devices/$device/telemetry" \
    -m "{\"ts\":$now_ms,\"seq\":1,\"metrics\":{\"temperature\":$value}}"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "smoke: FAILED, the broker refused $device" >&2; exit 1; }
    sleep 1
  done
}

await_point() { # device id, value
  local url="$QUERY_URL/api/v1/devices/$1/telemetry?metric=temperature&from=$from&to=$to" body=""
  local deadline=$(( $(date +%s) + TIMEOUT_SECONDS ))
  echo "smoke: polling $url"
  while [ "$(date +%s)" -lt "$deadline" ]; do
    body=$(curl -fsS -H "Authorization: Bearer $token" "$url" || true)
    if echo "$body" | grep -q "\"value\":$2"; then
      echo "smoke: OK, query-api returned the point: $body"
      return 0
    fi
    sleep 1
  done
  echo "smoke: FAILED, the point did not arrive within ${TIMEOUT_SECONDS}s; last answer: ${body:-none}" >&2
  exit 1
}

code=$(registry /api/v1/device-types '{"name":"smoke"}')
[ "$code" = 201 ] || [ "$code" = 409 ] || { echo "smoke: FAILED, device type: HTTP $code" >&2; exit 1; }

device="smoke-$(date +%s)-$$"
value="21.$(( RANDOM % 9 + 1 ))" # never x.0: query-api answers 21.0 as 21
echo "smoke: registering $device and giving it a token"
register "$device"
device_token=$(curl -fsS -X POST "$REGISTRY_URL/api/v1/devices/$device/credentials/tokens" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$device_token" ] || { echo "smoke: FAILED, the registry gave no device token" >&2; exit 1; }
echo "smoke: publishing temperature=$value for $device (QoS 1, token) to $MQTT_HOST:$MQTT_PORT"
publish "$device" "$value" -p "$MQTT_PORT" -u "$device" -P "$device_token"
await_point "$device" "$value"

device="$device-tls"
value="22.$(( RANDOM % 9 + 1 ))"
echo "smoke: registering $device and getting it a certificate for a CSR (the key stays in $work)"
register "$device"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/device.key" \
  -subj "/CN=$device" -out "$work/device.csr" 2>/dev/null
csr=$(awk '{printf "%s\\n", $0}' "$work/device.csr")
curl -fsS -X POST "$REGISTRY_URL/api/v1/devices/$device/credentials/certificates" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"csr\":\"$csr\"}" |
  sed -n 's/.*"certificate":"\([^"]*\)".*/\1/p' | sed 's/\\n/\n/g' > "$work/device.crt"
grep -q 'BEGIN CERTIFICATE' "$work/device.crt" || { echo "smoke: FAILED, the registry gave no certificate" >&2; exit 1; }
echo "smoke: publishing temperature=$value for $device (QoS 1, certificate) to $MQTT_HOST:$MQTT_TLS_PORT"
publish "$device" "$value" -p "$MQTT_TLS_PORT" --cafile "$CA_FILE" --cert "$work/device.crt" --key "$work/device.key"
await_point "$device" "$value"
