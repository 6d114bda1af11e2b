#!/usr/bin/env bash
# Coverage-guided fuzzing of the request parsers and RPC entry points with SharpFuzz and AFL++ (Debian afl++).
# Builds tests/RiskGrpc.Fuzz, instruments the RiskGrpc assemblies, and runs afl-fuzz on each target from the committed
# seed corpus for a bounded number of executions. Exit 1 when AFL recorded a crash (inputs left in OUT/TARGET/default/crashes).
# Usage: tests/RiskGrpc.Fuzz/run-fuzz.sh [--execs 3000] [--targets "metrics batch optimize csv"] [--out DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
execs=3000
targets="metrics batch optimize csv"
out="$(mktemp -d /tmp/riskgrpc-fuzz.XXXXXX)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --execs) execs="${2:?}"; shift 2 ;;
    --targets) targets="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    *) echo "run-fuzz: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v afl-fuzz >/dev/null || { echo "run-fuzz: afl-fuzz not found (apt-get install afl++)" >&2; exit 2; }
sharpfuzz="$repo/.tools/sharpfuzz/sharpfuzz"
if [[ ! -x "$sharpfuzz" ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$repo/.tools/sharpfuzz" >/dev/null
fi
bin="$out/bin"
dotnet publish "$here/RiskGrpc.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet >/dev/null
for dll in RiskGrpc.Kernel RiskGrpc.Engine RiskGrpc.Optimization RiskGrpc.Server Google.Protobuf; do
  "$sharpfuzz" "$bin/$dll.dll" >/dev/null
done
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
status=0
for target in $targets; do
  afl-fuzz -i "$here/seeds/$target" -o "$out/$target" -t 10000 -m none -E "$execs" -- dotnet "$bin/RiskGrpc.Fuzz.dll" "$target" >"$out/$target.log" 2>&1 || true
  stats="$out/$target/default/fuzzer_stats"
  done_execs=$(awk -F': ' '/^execs_done/ {print $2}' "$stats" 2>/dev/null || echo 0)
  paths=$(awk -F': ' '/^corpus_count/ {print $2}' "$stats" 2>/dev/null || echo 0)
  crashes=$(find "$out/$target/default/crashes" -type f ! -name README.txt 2>/dev/null | wc -l)
  echo "fuzz $target: $done_execs executions, $paths corpus entries, $crashes crashes"
  if [[ "${done_execs:-0}" -eq 0 ]]; then echo "run-fuzz: $target did not run (see $out/$target.log)" >&2; status=1; fi
  if [[ "$crashes" -gt 0 ]]; then echo "run-fuzz: $target crashed; inputs in $out/$target/default/crashes" >&2; status=1; fi
done
exit $status
