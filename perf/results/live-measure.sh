#!/bin/bash
# Historical: the driver behind perf/results/live.md (loaded machine, before perf/run-live-benchmark.sh, which
# replaces it). Kept so that those figures keep their command. Run from a checkout whose Program.cs maps LiveRiskGrpcService (see live.md),
# after: dotnet build -c Release src/RiskGrpc.Server && dotnet build -c Release perf/RiskGrpc.LoadClient
set -u
cd "${1:-.}"
SERVER=src/RiskGrpc.Server/bin/Release/net10.0/RiskGrpc.Server.dll
LOAD=perf/RiskGrpc.LoadClient/bin/Release/net10.0/RiskGrpc.LoadClient.dll
OUT=/tmp/live-results
mkdir -p $OUT
start_server() { dotnet $SERVER > $OUT/server-$1.log 2>&1 & echo $! > /tmp/live-server.pid; sleep 5; }
stop_server() { kill $(cat /tmp/live-server.pid); wait $(cat /tmp/live-server.pid) 2>/dev/null; sleep 2; }
rss() { grep VmRSS /proc/$(cat /tmp/live-server.pid)/status | awk '{print $2}'; }
run() { # name, args...
  local name=$1; shift
  uptime > $OUT/$name-uptime.txt
  dotnet $LOAD live --target http://127.0.0.1:5051 "$@" --format json --json-out $OUT/$name.json > $OUT/$name.stdout 2> $OUT/$name.stderr
  echo "exit=$?" > $OUT/$name-exit.txt
  uptime >> $OUT/$name-uptime.txt
}
start_server b
run b --streams 1000 --portfolios-per-stream 1 --rate 10 --duration 60s --warmup 10s
stop_server
start_server a
echo "rss_idle_kb=$(rss)" > $OUT/a-rss.txt
run a --streams 100 --portfolios-per-stream 100 --rate 1 --duration 60s --warmup 10s
echo "rss_after_kb=$(rss)" >> $OUT/a-rss.txt
stop_server
start_server c
run c --streams 1000 --portfolios-per-stream 1 --rate 1 --duration 30s --warmup 5s
stop_server
echo done > $OUT/done
