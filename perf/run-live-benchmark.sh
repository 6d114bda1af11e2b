#!/usr/bin/env bash
# Live risk benchmark, loopback only and bounded in time: builds the server and the load client in Release, then
# for each scenario starts a FRESH server on 127.0.0.1 (embedded defaults), runs the load client's `live` command,
# records the server's RSS before and after and its CPU time, and stops the server. Scenarios:
#   streams    1,000 streams x 1 portfolio x 10 events/s   (the p99 <= 5 ms, zero lost / duplicated target)
#   portfolios 100 streams x 100 portfolios x 1 event/s     (10,000 live portfolios: events/s, latency, memory)
#
# Usage: perf/run-live-benchmark.sh [--port 5051] [--duration 60s] [--warmup 10s] [--scenarios "streams portfolios"] [--out DIR]
# Everything it writes (server logs, JSON reports, environment.txt) goes to --out (default: a new /tmp folder).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=5051
duration=60s
warmup=10s
scenarios="streams portfolios"
out=""

die() { echo "run-live-benchmark: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="${2:?}"; shift 2 ;;
    --duration) duration="${2:?}"; shift 2 ;;
    --warmup) warmup="${2:?}"; shift 2 ;;
    --scenarios) scenarios="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ ]] || die "--port must be a number"
out="${out:-$(mktemp -d /tmp/riskgrpc-live.XXXXXX)}"
mkdir -p "$out"
target="http://127.0.0.1:$port"

echo "== build (Release)" >&2
dotnet build "$repo/src/RiskGrpc.Server" -c Release --nologo -v quiet >/dev/null
dotnet build "$repo/perf/RiskGrpc.LoadClient" -c Release --nologo -v quiet >/dev/null
server_dll="$repo/src/RiskGrpc.Server/bin/Release/net10.0/RiskGrpc.Server.dll"
client=(dotnet "$repo/perf/RiskGrpc.LoadClient/bin/Release/net10.0/RiskGrpc.LoadClient.dll")

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet $(dotnet --version); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (with local changes)')"
} | tee "$out/environment.txt"

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 75); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }

run_scenario() { # name, load client arguments...
  local name=$1; shift
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "127.0.0.1:$port is already in use; stop that server or pass --port"
  fi

  echo "== $name: fresh server on $target (log: $out/server-$name.log)" >&2
  Kestrel__Endpoints__Grpc__Url="$target" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$((port + 1000))" \
    dotnet "$server_dll" >"$out/server-$name.log" 2>&1 &
  server_pid=$!
  local listening=0
  for _ in $(seq 1 60); do
    grep -q "listening on $target" "$out/server-$name.log" 2>/dev/null && { listening=1; break; }
    kill -0 "$server_pid" 2>/dev/null || die "the server exited during start-up (see $out/server-$name.log)"
    sleep 0.5
  done
  [[ $listening == 1 ]] || die "the server did not report listening on $target within 30 s (see $out/server-$name.log)"
  sleep 2
  local rss_idle cpu_before
  rss_idle=$(rss_kb "$server_pid")
  cpu_before=$(cpu_seconds "$server_pid")

  echo "== $name: live $* --duration $duration --warmup $warmup" >&2
  local status=0
  timeout 900 "${client[@]}" live --target "$target" "$@" --duration "$duration" --warmup "$warmup" \
    --json-out "$out/$name.json" --format summary >"$out/$name.txt" 2>&1 || status=$?
  kill -0 "$server_pid" 2>/dev/null || die "the server exited during the run (see $out/server-$name.log); the figures are not valid"
  {
    echo "load client exit code: $status (1 = lost or duplicated updates)"
    echo "server RSS: idle ${rss_idle} kB, after ${name} $(rss_kb "$server_pid") kB"
    echo "server CPU during the run: $(awk -v a="$cpu_before" -v b="$(cpu_seconds "$server_pid")" 'BEGIN {printf "%.1f", b - a}') s"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  } | tee -a "$out/$name.txt"
  stop_server
  sleep 2
  grep -E '^  (Requests/sec|Lost|Duplicated|Server_processing_p99_ns):|^  (50|90|99|99\.9) % in' "$out/$name.txt" | sed "s/^/$name: /" \
    || echo "$name: no summary (load client exit code $status; see $out/$name.txt)" >&2
}

for scenario in $scenarios; do
  case "$scenario" in
    streams) run_scenario streams --streams 1000 --portfolios-per-stream 1 --rate 10 ;;
    portfolios) run_scenario portfolios --streams 100 --portfolios-per-stream 100 --rate 1 ;;
    *) die "unknown scenario $scenario (streams, portfolios)" ;;
  esac
done
echo "run-live-benchmark: reports in $out" >&2
