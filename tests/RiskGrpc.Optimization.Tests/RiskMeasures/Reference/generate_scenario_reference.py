#!/usr/bin/python3
"""Independent reference values for the scenario risk measures (RiskGrpc.Optimization.Tests).

Run with Debian's interpreter (python3-scipy 1.10, python3-numpy 1.24):
    /usr/bin/python3 generate_scenario_reference.py > scenario-reference.json

Data: the last 200 simple returns of AMZN, APA, CMCSA, CPB, JCI, JPM, MMC, MO, TGT, ZION in
../../../../../shared/data/riskfolio_stock_prices.csv (pct_change, rows with a missing value dropped), as the
riskfolio_* cases of optimization-reference.json. Long only, sum(w) = 1, alpha = 0.05, per-period arithmetic mu.

Formulations are written here from the definitions, independently of the C# builder: the Gini mean difference as the
pairwise LP sum|x_i - x_j| (the C# code uses an OWA decomposition), tail Gini as the weighted sum of 100 separate
Rockafellar-Uryasev CVaR LPs (the C# code uses OWA jumps), drawdowns through running-peak variables p_t >= p_{t-1},
p_t >= C_t w (the C# code uses the u_t recursion). LPs: scipy.optimize.linprog (HiGHS). Root-quadratic measures:
SLSQP on the smooth squared measure, polished from the best of several starts.
"""
import csv
import json
import math
import os
import sys

import numpy as np
from scipy.optimize import linprog, minimize, minimize_scalar
from scipy.sparse import lil_matrix, csr_matrix

HERE = os.path.dirname(os.path.abspath(__file__))
PRICES = os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "data", "riskfolio_stock_prices.csv")
TICKERS = ["AMZN", "APA", "CMCSA", "CPB", "JCI", "JPM", "MMC", "MO", "TGT", "ZION"]
ALPHA = 0.05


def load_returns():
    with open(PRICES, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    idx = [header.index(t) for t in TICKERS]
    prices = []
    for r in rows[1:]:
        vals = [float(r[i]) if r[i] not in ("", "nan", "NaN") else math.nan for i in idx]
        prices.append(vals)
    p = np.array(prices)
    ret = p[1:] / p[:-1] - 1
    ret = ret[~np.isnan(ret).any(axis=1)]
    return ret[-200:]


R = load_returns()
T, N = R.shape
MU = R.mean(axis=0)


def cvar_hist(x, a):
    s = np.sort(x)
    k = int(np.ceil(a * len(s)) - 1)
    return float(-s[k] - np.sum(s[: k + 1] - s[k]) / (a * len(s)))


def drawdowns(x):
    c = np.cumsum(x)
    peak = np.maximum.accumulate(np.concatenate([[0.0], c]))[1:]
    return peak - c


def tg_levels(a):
    lv = np.linspace(a, 0.0001, 100)[::-1]
    c = [(lv[1] - 0) * lv[0] / lv[-1] ** 2]
    for i in range(1, len(lv) - 1):
        c.append((lv[i + 1] - lv[i - 1]) * lv[i] / lv[-1] ** 2)
    c.append((lv[-1] - lv[-2]) / lv[-1])
    return lv, np.array(c)


def evaluate(x):
    t = len(x)
    m = x.mean()
    dd = drawdowns(x)

    def evar(y):
        worst = float(-y.min())

        def f(s):
            z = math.exp(s)
            return worst + z * (math.log(np.mean(np.exp((-y - worst) / z))) - math.log(ALPHA))

        best = minimize_scalar(f, bounds=(-30, 5), method="bounded", options={"xatol": 1e-13})
        return float(min(best.fun, -y.min()))

    lv, c = tg_levels(ALPHA)
    return {
        "variance": float(np.var(x, ddof=1)),
        "volatility": float(np.std(x, ddof=1)),
        "mad": float(np.mean(np.abs(x - m))),
        "semi-deviation": float(math.sqrt(np.sum(np.minimum(x - m, 0) ** 2) / (t - 1))),
        "flpm": float(np.sum(np.maximum(-x, 0)) / t),
        "slpm": float(math.sqrt(np.sum(np.maximum(-x, 0) ** 2) / (t - 1))),
        "cvar": cvar_hist(x, ALPHA),
        "cvar-range": cvar_hist(x, ALPHA) + cvar_hist(-x, ALPHA),
        "worst-realization": float(-x.min()),
        "range": float(x.max() - x.min()),
        "max-drawdown": float(dd.max()),
        "average-drawdown": float(dd.mean()),
        "cdar": cvar_hist(-dd, ALPHA),
        "ulcer-index": float(math.sqrt(np.mean(dd ** 2))),
        "gini": float(np.sum(np.abs(x[:, None] - x[None, :])) / (t * (t - 1))),
        "tail-gini": float(sum(ci * cvar_hist(x, a) for a, ci in zip(lv, c))),
        "evar": evar(x),
        "edar": evar(-dd),
    }


class Lp:
    """min c'z, A_ub z <= b_ub, A_eq z = b_eq, variables: w (N) first, then extras."""

    def __init__(self):
        self.nvar = N
        self.bounds = [(0, None)] * N
        self.cost = {}
        self.ub = []
        self.eq = [({j: 1.0 for j in range(N)}, 1.0)]

    def var(self, lo=None, hi=None):
        self.bounds.append((lo, hi))
        self.nvar += 1
        return self.nvar - 1

    def add_cost(self, i, c):
        self.cost[i] = self.cost.get(i, 0) + c

    def le(self, coefs, rhs):
        self.ub.append((coefs, rhs))

    def solve(self):
        def mat(rows):
            a = lil_matrix((len(rows), self.nvar))
            for r, (coefs, _) in enumerate(rows):
                for j, v in coefs.items():
                    a[r, j] = v
            return csr_matrix(a), np.array([rhs for _, rhs in rows])

        c = np.zeros(self.nvar)
        for i, v in self.cost.items():
            c[i] = v
        a_ub, b_ub = mat(self.ub)
        a_eq, b_eq = mat(self.eq)
        res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=self.bounds, method="highs",
                      options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
        assert res.status == 0, res.message
        return res.x[:N]


def ret_coefs(t, sign=1.0, extra=None):
    d = {j: sign * R[t, j] for j in range(N)}
    if extra:
        for k, v in extra.items():
            d[k] = d.get(k, 0) + v
    return d


def add_cvar(lp, a, weight, sign=1.0):
    """weight * CVaR_a(sign * x): zeta + sum z / (aT), z_t >= -sign*x_t - zeta."""
    zeta = lp.var()
    lp.add_cost(zeta, weight)
    for t in range(T):
        z = lp.var(0, None)
        lp.add_cost(z, weight / (a * T))
        lp.le(ret_coefs(t, -sign, {zeta: -1.0, z: -1.0}), 0.0)


def add_drawdowns(lp):
    """p_t >= C_t w, p_t >= p_{t-1}, p_0 = 0; returns (peak vars, cumulative returns)."""
    c = np.cumsum(R, axis=0)
    peaks = []
    prev = None
    for t in range(T):
        p = lp.var(0, None)
        lp.le({**{j: c[t, j] for j in range(N)}, p: -1.0}, 0.0)
        if prev is not None:
            lp.le({prev: 1.0, p: -1.0}, 0.0)
        peaks.append(p)
        prev = p
    return peaks, c


def min_lp(measure):
    lp = Lp()
    if measure in ("mad", "flpm"):
        shift = MU if measure == "mad" else np.zeros(N)
        for t in range(T):
            d = lp.var(0, None)
            lp.add_cost(d, (2.0 if measure == "mad" else 1.0) / T)
            lp.le({**{j: -(R[t, j] - shift[j]) for j in range(N)}, d: -1.0}, 0.0)
    elif measure == "cvar":
        add_cvar(lp, ALPHA, 1.0)
    elif measure == "cvar-range":
        add_cvar(lp, ALPHA, 1.0)
        add_cvar(lp, ALPHA, 1.0, sign=-1.0)
    elif measure in ("worst-realization", "range"):
        a = lp.var()
        lp.add_cost(a, 1.0)
        for t in range(T):
            lp.le(ret_coefs(t, -1.0, {a: -1.0}), 0.0)
        if measure == "range":
            b = lp.var()
            lp.add_cost(b, 1.0)
            for t in range(T):
                lp.le(ret_coefs(t, 1.0, {b: -1.0}), 0.0)
    elif measure in ("max-drawdown", "average-drawdown", "cdar"):
        peaks, c = add_drawdowns(lp)
        if measure == "max-drawdown":
            m = lp.var()
            lp.add_cost(m, 1.0)
            for t in range(T):
                lp.le({**{j: -c[t, j] for j in range(N)}, peaks[t]: 1.0, m: -1.0}, 0.0)
        elif measure == "average-drawdown":
            for t in range(T):
                lp.add_cost(peaks[t], 1.0 / T)
                for j in range(N):
                    lp.add_cost(j, -c[t, j] / T)
        else:
            zeta = lp.var()
            lp.add_cost(zeta, 1.0)
            for t in range(T):
                z = lp.var(0, None)
                lp.add_cost(z, 1.0 / (ALPHA * T))
                lp.le({**{j: -c[t, j] for j in range(N)}, peaks[t]: 1.0, zeta: -1.0, z: -1.0}, 0.0)
    elif measure == "gini":
        scale = 1.0 / (T * (T - 1))
        for i in range(T):
            for k in range(i + 1, T):
                s = lp.var(0, None)
                lp.add_cost(s, 2 * scale)
                diff = {j: R[i, j] - R[k, j] for j in range(N)}
                lp.le({**diff, s: -1.0}, 0.0)
                lp.le({**{j: -v for j, v in diff.items()}, s: -1.0}, 0.0)
    elif measure == "tail-gini":
        lv, c = tg_levels(ALPHA)
        for a, ci in zip(lv, c):
            add_cvar(lp, a, ci)
    else:
        raise ValueError(measure)
    return lp.solve()


def min_smooth(measure):
    def f(w):
        x = R @ w
        if measure == "semi-deviation":
            return np.sum(np.minimum(x - x.mean(), 0) ** 2) / (T - 1)
        if measure == "slpm":
            return np.sum(np.maximum(-x, 0) ** 2) / (T - 1)
        return np.mean(drawdowns(x) ** 2)

    best = None
    starts = [np.full(N, 1.0 / N)] + [np.eye(N)[i] * 0.5 + 0.05 for i in range(N)]
    for w0 in starts:
        res = minimize(f, w0, method="SLSQP", bounds=[(0, 1)] * N,
                       constraints=[{"type": "eq", "fun": lambda w: np.sum(w) - 1}],
                       options={"ftol": 1e-16, "maxiter": 2000})
        if best is None or res.fun < best.fun:
            best = res
    w = np.clip(best.x, 0, None)
    return w / w.sum()


def main():
    out = {
        "data": "last 200 simple returns of " + ",".join(TICKERS) + " in riskfolio_stock_prices.csv",
        "alpha": ALPHA,
        "constraints": "long only, sum(w) = 1",
        "generator": "generate_scenario_reference.py (scipy " + __import__("scipy").__version__ + ", numpy " + np.__version__ + ")",
        "equal_weight_risk": evaluate(R @ np.full(N, 1.0 / N)),
        "min_risk": {},
    }
    for m in ["mad", "flpm", "cvar", "cvar-range", "worst-realization", "range", "max-drawdown", "average-drawdown",
              "cdar", "tail-gini", "gini"]:
        w = min_lp(m)
        out["min_risk"][m] = {"risk": evaluate(R @ w)[m], "weights": dict(zip(TICKERS, map(float, w))), "solver": "linprog-highs"}
        print(m, out["min_risk"][m]["risk"], file=sys.stderr)
    for m in ["semi-deviation", "slpm", "ulcer-index"]:
        w = min_smooth(m)
        out["min_risk"][m] = {"risk": evaluate(R @ w)[m], "weights": dict(zip(TICKERS, map(float, w))), "solver": "slsqp"}
        print(m, out["min_risk"][m]["risk"], file=sys.stderr)
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
