#!/usr/bin/env bash
# Regenerates the supervised k*-NN study (docs/supervised-knn-study.md quotes these outputs).
# Usage: docs/supervised-knn-study/run.sh   (from anywhere; needs ../shared/data/stock_prices.csv beside the checkout)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${RISKGRPC_SHARED_DIR:-$root/../shared}/data"
out="$here/results"
mkdir -p "$out"
python3 "$here/two_asset_universe.py" "$data/stock_prices.csv" "$out/two-asset-returns.csv"
dotnet build -c Release "$root/src/RiskGrpc.Cli" >/dev/null
cli=(dotnet "$root/src/RiskGrpc.Cli/bin/Release/net10.0/riskgrpc.dll")
strategies=max-sharpe,supervised-knn,min-volatility,equal-weight,risk-parity,hrp
common=(--strategies "$strategies" --rebalance monthly --lookback 252 --horizon 21 --cost-bps 10 --baseline max-sharpe --resamples 5000 --seed 20261204)
"${cli[@]}" backtest --prices "$data/stock_prices.csv" "${common[@]}" --format markdown > "$out/twenty-stocks.md"
"${cli[@]}" backtest --prices "$data/stock_prices.csv" "${common[@]}" --format json > "$out/twenty-stocks.json"
"${cli[@]}" backtest --returns "$out/two-asset-returns.csv" "${common[@]}" --format markdown > "$out/two-asset.md"
"${cli[@]}" backtest --returns "$out/two-asset-returns.csv" "${common[@]}" --format json > "$out/two-asset.json"
# The ten stocks that trade over the whole file: a fixed universe, so k*-NN never restarts its training set.
ten=AAPL,AMD,GE,BAC,JPM,BBY,WMT,T,XOM,PFE
"${cli[@]}" backtest --prices "$data/stock_prices.csv" --assets "$ten" "${common[@]}" --format markdown > "$out/ten-stocks.md"
"${cli[@]}" backtest --prices "$data/stock_prices.csv" --assets "$ten" "${common[@]}" --format json > "$out/ten-stocks.json"
# Sensitivity: fixed k with inverse-distance weights, and Euclidean distance on z-scores.
"${cli[@]}" backtest --returns "$out/two-asset-returns.csv" "${common[@]}" --knn-k 10 --format markdown > "$out/two-asset-fixed-k10.md"
"${cli[@]}" backtest --returns "$out/two-asset-returns.csv" "${common[@]}" --knn-distance euclidean --format markdown > "$out/two-asset-euclidean.md"
echo "wrote $out"
