#!/usr/bin/env bash
# Drives raw gRPC with h2load (Debian: apt-get install -y nghttp2-client) against a running RiskGrpc server:
# grpc.health.v1.Health/Check and riskgrpc.v1.MetricsService/ComputeMetrics (252 seeded returns), each at
# -c 1 -m 16 and -c 1 -m 50, and prints req/s, latency and the ratio rps(metrics)/rps(health).
#
# h2load only sees HTTP: a gRPC error still arrives as HTTP 200 with grpc-status != 0 in the trailers, and h2load
# counts it as a success. So every payload is first sent once with `nghttp -v` and the run is refused unless the
# trailers say grpc-status: 0; the same check runs again after the load.
#
# Usage: perf/h2load/run-h2load.sh [--target 127.0.0.1:5051] [--duration 10] [--warmup 2] [--streams "16 50"]
#                                  [--clients 1] [--returns 252] [--out DIR]
# Env:   LOADCLIENT  command that runs the load client (default: build perf/RiskGrpc.LoadClient in Release and run its dll)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="127.0.0.1:5051"
duration=10
warmup=2
streams="16 50"
clients=1
returns=252
out=""

die() { echo "run-h2load: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --target) target="${2:?}"; shift 2 ;;
    --duration) duration="${2:?}"; shift 2 ;;
    --warmup) warmup="${2:?}"; shift 2 ;;
    --streams) streams="${2:?}"; shift 2 ;;
    --clients) clients="${2:?}"; shift 2 ;;
    --returns) returns="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 600 ]] || die "--duration must be whole seconds in 1..600 (got $duration)"
[[ "$warmup" =~ ^[0-9]+$ && "$warmup" -le 600 ]] || die "--warmup must be whole seconds in 0..600 (got $warmup)"
[[ "$clients" =~ ^[0-9]+$ && "$clients" -ge 1 ]] || die "--clients must be a positive integer (got $clients)"
for m in $streams; do [[ "$m" =~ ^[0-9]+$ && "$m" -ge 1 ]] || die "--streams must list positive integers (got $streams)"; done
[[ "$target" =~ ^[^/[:space:]]+:[0-9]+$ ]] || die "--target is host:port (got $target)"
command -v h2load >/dev/null || die "h2load not found; install it with: apt-get install -y nghttp2-client"
command -v nghttp >/dev/null || die "nghttp not found; install it with: apt-get install -y nghttp2-client"

work="${out:-$(mktemp -d /tmp/riskgrpc-h2load.XXXXXX)}"
mkdir -p "$work"

if [[ -z "${LOADCLIENT:-}" ]]; then
  dotnet build "$repo/perf/RiskGrpc.LoadClient" -c Release --nologo -v quiet >/dev/null
  LOADCLIENT="dotnet $repo/perf/RiskGrpc.LoadClient/bin/Release/net10.0/RiskGrpc.LoadClient.dll"
fi
$LOADCLIENT payload --call health --out "$work/health.bin"
$LOADCLIENT payload --call metrics --returns "$returns" --out "$work/metrics.bin"

declare -A path=(
  [health]="/grpc.health.v1.Health/Check"
  [metrics]="/riskgrpc.v1.MetricsService/ComputeMetrics"
)
headers=(-H 'content-type: application/grpc' -H 'te: trailers')

# Sends the payload once and fails unless the trailers carry grpc-status: 0.
check_grpc_status() {
  local call="$1" log="$work/nghttp-$1-$2.log"
  timeout 15 nghttp -nv "${headers[@]}" -d "$work/$call.bin" "http://$target${path[$call]}" >"$log" 2>&1 || true
  local status
  status="$(grep -a -o 'grpc-status: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
  if [[ "$status" != "0" ]]; then
    echo "run-h2load: $call ${path[$call]} answered grpc-status '${status:-none}' ($(grep -a -o 'grpc-message: .*' "$log" | tail -1)); see $log" >&2
    return 1
  fi
  echo "run-h2load: $call ${path[$call]}: grpc-status 0 ($2)" >&2
}

for call in health metrics; do check_grpc_status "$call" before; done

declare -A rps
printf '%-8s %-8s %8s %12s %10s %10s %10s %10s %8s\n' tool call streams "req/s" min mean max sd failed
for m in $streams; do
  for call in health metrics; do
    log="$work/h2load-$call-m$m.log"
    timeout $((duration + warmup + 30)) h2load -c "$clients" -m "$m" -t 1 -D "$duration" --warm-up-time="$warmup" \
      "${headers[@]}" -d "$work/$call.bin" "http://$target${path[$call]}" >"$log" 2>&1 \
      || { echo "run-h2load: h2load failed for $call -m $m; see $log" >&2; exit 1; }
    r="$(awk '/^finished in/ {print $4}' "$log")"
    failed="$(awk '/^requests:/ {for (i = 1; i <= NF; i++) if ($(i+1) ~ /^(failed|errored),?$/) s += $i} END {print s + 0}' "$log")"
    read -r tmin tmax tmean tsd < <(awk '/^time for request:/ {print $4, $5, $6, $7}' "$log")
    rps[$call,$m]="$r"
    printf '%-8s %-8s %8s %12s %10s %10s %10s %10s %8s\n' h2load "$call" "$m" "$r" "$tmin" "$tmean" "$tmax" "$tsd" "$failed"
  done
done

for call in health metrics; do check_grpc_status "$call" after; done

for m in $streams; do
  awk -v a="${rps[metrics,$m]}" -v b="${rps[health,$m]}" -v m="$m" \
    'BEGIN { printf "h2load ratio rps(metrics)/rps(health) at -c '"$clients"' -m %s: %.3f (target >= 0.80)\n", m, (b > 0 ? a / b : 0) }'
done
echo "run-h2load: raw outputs in $work" >&2
