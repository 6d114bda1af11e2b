#!/usr/bin/env bash
# Regenerates the ghz configurations in this folder. The request data comes from the load client's `payload`
# command, so ghz, h2load and RiskGrpc.LoadClient all send the same seeded series (seed 42).
# Usage: perf/ghz/generate.sh   (LOADCLIENT overrides the command that runs the load client)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if [[ -z "${LOADCLIENT:-}" ]]; then
  dotnet build "$repo/perf/RiskGrpc.LoadClient" -c Release --nologo -v quiet >/dev/null
  LOADCLIENT="dotnet $repo/perf/RiskGrpc.LoadClient/bin/Release/net10.0/RiskGrpc.LoadClient.dll"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
$LOADCLIENT payload --call metrics --returns 252 --encoding json --out "$tmp/metrics.json" 2>/dev/null
$LOADCLIENT payload --call batch --batch-size 16 --returns 252 --encoding json --out "$tmp/batch.json" 2>/dev/null

# config NAME CALL CONCURRENCY DATA_FILE PROTO
config() {
  local name="$1" call="$2" c="$3" data="$4" proto="$5"
  {
    printf '{\n'
    printf '  "name": "%s",\n' "${name%.json}"
    printf '  "proto": "%s",\n' "$proto"
    printf '  "import-paths": ["../../protos", "."],\n'
    printf '  "call": "%s",\n' "$call"
    printf '  "host": "127.0.0.1:5051",\n'
    printf '  "insecure": true,\n'
    printf '  "concurrency": %s,\n' "$c"
    printf '  "connections": 1,\n'
    printf '  "duration": "10s",\n'
    printf '  "skipFirst": 1000,\n'
    printf '  "timeout": "20s",\n'
    printf '  "data": %s\n' "$(tr -d '\n' < "$data")"
    printf '}\n'
  } > "$here/$name"
}
echo '{}' > "$tmp/empty.json"
metrics_proto="../../protos/riskgrpc/v1/metrics_service.proto"
config compute-metrics-252.json riskgrpc.v1.MetricsService.ComputeMetrics 16 "$tmp/metrics.json" "$metrics_proto"
config compute-metrics-252-c50.json riskgrpc.v1.MetricsService.ComputeMetrics 50 "$tmp/metrics.json" "$metrics_proto"
config compute-metrics-batch.json riskgrpc.v1.MetricsService.ComputeMetricsBatch 16 "$tmp/batch.json" "$metrics_proto"
config health-check.json grpc.health.v1.Health.Check 16 "$tmp/empty.json" health.proto
config health-check-c50.json grpc.health.v1.Health.Check 50 "$tmp/empty.json" health.proto
echo "generate: wrote $(cd "$here" && ls ./*.json | tr '\n' ' ')"
