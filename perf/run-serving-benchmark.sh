#!/usr/bin/env bash
# Serving benchmark, loopback only and bounded in time: builds the server in Release, starts it on 127.0.0.1,
# waits for grpc.health.v1.Health/Check, runs the load client's `compare` (Health/Check then ComputeMetrics with
# 252 returns, identical settings, concurrency 16), then h2load (perf/h2load/run-h2load.sh, if nghttp2-client is
# installed), prints the ratios rps(metrics)/rps(health) and p99(metrics)/p99(health), and stops the server.
#
# Usage: perf/run-serving-benchmark.sh [--port 5051] [--http-port 5050] [--concurrency 16] [--connections 1]
#            [--duration 10s] [--warmup 2s] [--rounds 3] [--returns 252] [--h2load-duration 10] [--h2load-streams "16 50"] [--h2load-repeat 1]
#            [--no-h2load] [--server-project src/RiskGrpc.Server] [--out DIR]
# Everything it writes (server log, JSON reports, h2load logs) goes to --out (default: a new /tmp folder).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=5051
http_port=5050
concurrency=16
connections=1
duration=10s
warmup=2s
rounds=3
returns=252
h2load_duration=10
h2load_streams="16 50"
h2load_repeat=1
run_h2load=1
server_project="$repo/src/RiskGrpc.Server"
out=""

die() { echo "run-serving-benchmark: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="${2:?}"; shift 2 ;;
    --http-port) http_port="${2:?}"; shift 2 ;;
    --concurrency) concurrency="${2:?}"; shift 2 ;;
    --connections) connections="${2:?}"; shift 2 ;;
    --duration) duration="${2:?}"; shift 2 ;;
    --warmup) warmup="${2:?}"; shift 2 ;;
    --rounds) rounds="${2:?}"; shift 2 ;;
    --returns) returns="${2:?}"; shift 2 ;;
    --h2load-duration) h2load_duration="${2:?}"; shift 2 ;;
    --h2load-streams) h2load_streams="${2:?}"; shift 2 ;;
    --h2load-repeat) h2load_repeat="${2:?}"; shift 2 ;;
    --no-h2load) run_h2load=0; shift ;;
    --server-project) server_project="$(cd "${2:?}" && pwd)"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ && "$http_port" =~ ^[0-9]+$ ]] || die "--port and --http-port must be numbers"
out="${out:-$(mktemp -d /tmp/riskgrpc-serving.XXXXXX)}"
mkdir -p "$out"
target="http://127.0.0.1:$port"

for p in "$port" "$http_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    die "127.0.0.1:$p is already in use; stop that server or pass --port/--http-port"
  fi
done

echo "== build (Release)" >&2
dotnet build "$server_project" -c Release --nologo -v quiet >/dev/null
dotnet build "$repo/perf/RiskGrpc.LoadClient" -c Release --nologo -v quiet >/dev/null
client=(dotnet "$repo/perf/RiskGrpc.LoadClient/bin/Release/net10.0/RiskGrpc.LoadClient.dll")

echo "== start server on $target (log: $out/server.log)" >&2
# The server runs with its embedded defaults (appsettings.json, logging included); only the endpoints are set.
# A process group of its own, so stopping it stops `dotnet run` and the server it spawned, and nothing else.
env Kestrel__Endpoints__Grpc__Url="$target" Kestrel__Endpoints__Grpc__Protocols=Http2 \
  Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http_port" \
  setsid dotnet run -c Release --no-build --project "$server_project" >"$out/server.log" 2>&1 &
server_pid=$!
stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT

healthy=0
for _ in $(seq 1 60); do
  kill -0 "$server_pid" 2>/dev/null || { tail -20 "$out/server.log" >&2; die "the server exited during start-up"; }
  if timeout 15 "${client[@]}" unary --call health --target "$target" --total 1 --warmup 0s --timeout 2s >/dev/null 2>&1; then
    healthy=1
    break
  fi
  sleep 1
done
[[ $healthy == 1 ]] || die "no healthy answer from $target within 60 s (log: $out/server.log)"

# The answer must come from the server started here, not from another process that took the port meanwhile:
# the listener has to belong to our process group. Its pid also gives the server's CPU per call.
listener="$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
if [[ -n "$listener" ]]; then
  [[ "$(ps -o pgid= -p "$listener" | tr -d ' ')" == "$server_pid" ]] \
    || die "127.0.0.1:$port is served by process $listener, not by the server started here (see $out/server.log)"
  server_cpu_args=(--server-pid "$listener")
else
  kill -0 "$server_pid" 2>/dev/null || die "the server exited (see $out/server.log)"
  echo "run-serving-benchmark: listener not identified (ss without -p rights?); no server CPU per call" >&2
  server_cpu_args=()
fi

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet $(dotnet --version); server $server_project at commit $(git -C "$server_project" rev-parse --short HEAD 2>/dev/null || echo unknown); load tools at commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$out/environment.txt"

echo "== load client: compare health vs ComputeMetrics ($returns returns), c=$concurrency, connections=$connections, $duration after $warmup warm-up" >&2
timeout 600 "${client[@]}" compare --target "$target" --concurrency "$concurrency" --connections "$connections" \
  --duration "$duration" --warmup "$warmup" --rounds "$rounds" --returns "$returns" --json-out "$out/compare.json" "${server_cpu_args[@]}" \
  | tee "$out/compare.txt"

if [[ $run_h2load == 1 ]]; then
  if command -v h2load >/dev/null && command -v nghttp >/dev/null; then
    echo "== h2load: -c 1 -m {$h2load_streams}, ${h2load_duration}s each" >&2
    LOADCLIENT="${client[*]}" timeout 900 "$repo/perf/h2load/run-h2load.sh" --target "127.0.0.1:$port" \
      --duration "$h2load_duration" --streams "$h2load_streams" --repeat "$h2load_repeat" --returns "$returns" --out "$out/h2load" | tee "$out/h2load.txt"
  else
    echo "== h2load skipped: install it with apt-get install -y nghttp2-client" >&2
  fi
fi

kill -0 "$server_pid" 2>/dev/null || die "the server exited during the run (see $out/server.log); the figures above are not valid"

echo "== summary" >&2
grep -E '^  (rps|p99|server CPU|client CPU) ' "$out/compare.txt" | sed 's/^/load client: /'
[[ -f "$out/h2load.txt" ]] && grep -E '^h2load ratio' "$out/h2load.txt"
echo "run-serving-benchmark: reports in $out" >&2
