#!/usr/bin/env python3
"""Builds the study's two-asset universe from ../shared/data/stock_prices.csv (standard library only).

RISK_ON  = equal-weight (rebalanced daily) basket of the cyclical stocks AAPL, AMD, GE, BAC, JPM, BBY;
RISK_OFF = equal-weight basket of the defensive stocks WMT, T, XOM, PFE.
All ten trade from 1990, so membership never changes. The data has no bond prices: RISK_OFF stands in for the
long-Treasury leg of an equity/bond allocation, it is not one. Output: date,RISK_ON,RISK_OFF simple returns.
"""
import csv
import sys

RISK_ON = ["AAPL", "AMD", "GE", "BAC", "JPM", "BBY"]
RISK_OFF = ["WMT", "T", "XOM", "PFE"]


def main(prices_path: str, out_path: str) -> None:
    with open(prices_path, newline="") as f:
        rows = list(csv.DictReader(f))
    out = [("date", "RISK_ON", "RISK_OFF")]
    for prev, cur in zip(rows, rows[1:]):
        legs = []
        for group in (RISK_ON, RISK_OFF):
            rets = []
            for name in group:
                a, b = prev[name], cur[name]
                if a and b:
                    rets.append(float(b) / float(a) - 1.0)
            legs.append(sum(rets) / len(rets) if len(rets) == len(group) else None)
        if all(leg is not None for leg in legs):
            out.append((cur["date"], repr(legs[0]), repr(legs[1])))
    with open(out_path, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
