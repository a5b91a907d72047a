"""Run the benchmark models in PyMC (its own NUTS and nutpie) and in Stan
(PyStan 3), time the sampling, compute the minimum bulk-ESS with ArviZ, and
print a markdown table in the number format of `cargo run --release -p bench`.

Optional and never part of CI; see README.md for installation. Every model is
written to match `bench/src/targets.rs` (same data, priors and
parameterisation); ESS is taken over the same constrained quantities.
Settings: 4 chains x (1000 warmup + 1000 draws), target acceptance 0.8, the
chains one after another on one core. Times are of warmup plus sampling only
(no model compilation): Stan's own elapsed times summed over the chains, PyMC's
`sampling_time`, and the wall-clock time of the `nutpie.sample` call.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import re
import statistics
import sys
import time
from pathlib import Path

import arviz as az
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
CHAINS, WARMUP, DRAWS = 4, 1000, 1000

# ---------------------------------------------------------------- data

EIGHT_Y = [28.0, 8.0, -3.0, 7.0, -1.0, 1.0, 18.0, 12.0]
EIGHT_SIGMA = [15.0, 10.0, 16.0, 11.0, 9.0, 11.0, 10.0, 18.0]
SURVEY = [
    [8, 19, 10, 8],
    [28, 39, 28, 25],
    [13, 31, 12, 4],
    [21, 26, 15, 18],
    [9, 11, 9, 6],
    [27, 37, 17, 14],
]
GAUSS_D, GAUSS_RHO = 100, 0.7


def gaussian_covariance() -> np.ndarray:
    """AR(1) correlation rho^|i-j| with sds log-spaced from 0.1 to 10."""
    sd = 10.0 ** np.linspace(-1.0, 1.0, GAUSS_D)
    lag = np.abs(np.subtract.outer(np.arange(GAUSS_D), np.arange(GAUSS_D)))
    return np.outer(sd, sd) * GAUSS_RHO**lag


def hsb_data() -> dict:
    """Students' SES and maths score, schools numbered by ascending id."""
    with open(ROOT / "data" / "hsb82.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    ids = sorted({int(r["school"]) for r in rows})
    index = {s: j for j, s in enumerate(ids)}
    return {
        "N": len(rows),
        "J": len(ids),
        "school": np.array([index[int(r["school"])] for r in rows]),
        "x": np.array([float(r["ses"]) for r in rows]),
        "y": np.array([float(r["mAch"]) for r in rows]),
    }


# ---------------------------------------------------------------- Stan

STAN = {
    "eight-nc": """
data { int J; vector[J] y; vector<lower=0>[J] sigma; }
parameters { real mu; real<lower=0> tau; vector[J] eta; }
transformed parameters { vector[J] theta = mu + tau * eta; }
model { mu ~ normal(0, 20); tau ~ normal(0, 10); eta ~ std_normal();
        y ~ normal(theta, sigma); }
""",
    "gauss100": """
data { int D; cov_matrix[D] Sigma; }
transformed data { matrix[D, D] L = cholesky_decompose(Sigma); }
parameters { vector[D] x; }
model { x ~ multi_normal_cholesky(rep_vector(0, D), L); }
""",
    "dirichlet": """
data { int R; int K; array[R, K] int y; }
parameters { real<lower=0> alpha; simplex[K] pi0; array[R] simplex[K] pi; }
model { alpha ~ exponential(1);
        for (r in 1:R) { pi[r] ~ dirichlet(alpha * pi0); y[r] ~ multinomial(pi[r]); } }
""",
    "hsb": """
data { int N; int J; array[N] int<lower=1, upper=J> school; vector[N] x; vector[N] y; }
parameters { real mu_beta_0; real mu_beta_1; real<lower=0> tau_beta_0;
             real<lower=0> tau_beta_1; vector[J] z_0; vector[J] z_1; real<lower=0> sigma; }
transformed parameters { vector[J] beta_0 = mu_beta_0 + tau_beta_0 * z_0;
                         vector[J] beta_1 = mu_beta_1 + tau_beta_1 * z_1; }
model { mu_beta_0 ~ normal(0, 10); mu_beta_1 ~ normal(0, 10);
        tau_beta_0 ~ cauchy(0, 5); tau_beta_1 ~ cauchy(0, 5); sigma ~ cauchy(0, 5);
        z_0 ~ std_normal(); z_1 ~ std_normal();
        y ~ normal(beta_0[school] + beta_1[school] .* x, sigma); }
""",
}

# Quantities the ESS is taken over, as in bench/src/targets.rs.
VARS = {
    "eight-nc": ["mu", "tau", "theta", "eta"],
    "gauss100": ["x"],
    "dirichlet": ["alpha", "pi0", "pi"],
    "hsb": ["mu_beta_0", "mu_beta_1", "tau_beta_0", "tau_beta_1", "beta_0", "beta_1", "sigma"],
}


def stan_data(name: str) -> dict:
    if name == "eight-nc":
        return {"J": 8, "y": EIGHT_Y, "sigma": EIGHT_SIGMA}
    if name == "gauss100":
        return {"D": GAUSS_D, "Sigma": gaussian_covariance()}
    if name == "dirichlet":
        return {"R": len(SURVEY), "K": 4, "y": SURVEY}
    d = hsb_data()
    return {**d, "school": (d["school"] + 1).tolist()}


_STAN_SEQUENTIAL = False
_STAN_TOTAL = re.compile(rb'"topic":"logger","values":\["info:\s+([0-9.eE+-]+) seconds \(Total\)"')


def stan_one_core() -> None:
    """Make httpstan run the chains one after another, as the other samplers
    do: its process pool otherwise starts one process per core."""
    global _STAN_SEQUENTIAL
    if _STAN_SEQUENTIAL:
        return
    import concurrent.futures
    import multiprocessing as mp

    import httpstan.services_stub as stub

    stub.executor.shutdown(wait=True)
    stub.executor = concurrent.futures.ProcessPoolExecutor(
        max_workers=1, mp_context=mp.get_context("fork"), initializer=stub.init_worker
    )
    _STAN_SEQUENTIAL = True


def forget_stan_fits(model_name: str) -> None:
    """httpstan caches every fit made with a random seed and returns it, without
    sampling, when asked again: delete the cached fits of this model first."""
    import httpstan.cache

    for path in (httpstan.cache.model_directory(model_name) / "fits").glob("*.jsonlines.gz"):
        path.unlink()


def stan_elapsed(fit) -> float:
    """Warmup plus sampling seconds as Stan reports them, summed over chains."""
    totals = [float(m) for out in fit.stan_outputs for m in _STAN_TOTAL.findall(out)]
    if len(totals) != fit.num_chains:
        raise RuntimeError(f"found {len(totals)} Stan elapsed times for {fit.num_chains} chains")
    return sum(totals)


def run_stan(name: str, seed: int) -> dict:
    import stan

    stan_one_core()
    posterior = stan.build(STAN[name], data=stan_data(name), random_seed=seed)
    forget_stan_fits(posterior.model_name)
    start = time.perf_counter()
    fit = posterior.sample(num_chains=CHAINS, num_warmup=WARMUP, num_samples=DRAWS, delta=0.8)
    wall = time.perf_counter() - start
    seconds = stan_elapsed(fit)
    print(f"{name} stan seed {seed}: wall-clock of the sample call {wall:.3g} s", file=sys.stderr)
    idata = az.from_pystan(posterior=fit)
    return summarize(idata, name, seconds)


# ---------------------------------------------------------------- PyMC


def pymc_model(name: str):
    import pymc as pm

    with pm.Model() as model:
        if name == "eight-nc":
            mu = pm.Normal("mu", 0, 20)
            tau = pm.HalfNormal("tau", 10)
            eta = pm.Normal("eta", 0, 1, shape=8)
            theta = pm.Deterministic("theta", mu + tau * eta)
            pm.Normal("y", theta, np.array(EIGHT_SIGMA), observed=np.array(EIGHT_Y))
        elif name == "gauss100":
            # Cholesky factor given, as Stan's model computes it once in
            # transformed data; same density as with `cov`.
            chol = np.linalg.cholesky(gaussian_covariance())
            pm.MvNormal("x", mu=np.zeros(GAUSS_D), chol=chol)
        elif name == "dirichlet":
            y = np.array(SURVEY)
            alpha = pm.Exponential("alpha", 1.0)
            pi0 = pm.Dirichlet("pi0", a=np.ones(4))
            pi = pm.Dirichlet("pi", a=alpha * pi0, shape=y.shape)
            pm.Multinomial("y", n=y.sum(axis=1), p=pi, observed=y)
        else:
            d = hsb_data()
            m0, m1 = pm.Normal("mu_beta_0", 0, 10), pm.Normal("mu_beta_1", 0, 10)
            t0, t1 = pm.HalfCauchy("tau_beta_0", 5), pm.HalfCauchy("tau_beta_1", 5)
            z0 = pm.Normal("z_0", 0, 1, shape=d["J"])
            z1 = pm.Normal("z_1", 0, 1, shape=d["J"])
            b0 = pm.Deterministic("beta_0", m0 + t0 * z0)
            b1 = pm.Deterministic("beta_1", m1 + t1 * z1)
            sigma = pm.HalfCauchy("sigma", 5)
            mean = b0[d["school"]] + b1[d["school"]] * d["x"]
            pm.Normal("y", mean, sigma, observed=d["y"])
    return model


def run_pymc(name: str, seed: int) -> dict:
    import pymc as pm

    model = pymc_model(name)
    with model:
        start = time.perf_counter()
        idata = pm.sample(
            draws=DRAWS, tune=WARMUP, chains=CHAINS, cores=1, target_accept=0.8,
            random_seed=seed, progressbar=False, compute_convergence_checks=False,
        )
        wall = time.perf_counter() - start
    # pm.sample compiles the model's functions and initialises the chains
    # before it starts its clock: `sampling_time` is warmup plus draws only.
    seconds = float(idata.sample_stats.attrs["sampling_time"])
    print(f"{name} pymc seed {seed}: wall-clock of pm.sample {wall:.3g} s", file=sys.stderr)
    return summarize(idata, name, seconds)


_NUTPIE_COMPILED = {}


def run_nutpie(name: str, seed: int) -> dict:
    import nutpie

    # Compiled once per model (compilation is left out of the timing anyway).
    if name not in _NUTPIE_COMPILED:
        _NUTPIE_COMPILED[name] = nutpie.compile_pymc_model(pymc_model(name))
    compiled = _NUTPIE_COMPILED[name]
    start = time.perf_counter()
    idata = nutpie.sample(
        compiled, draws=DRAWS, tune=WARMUP, chains=CHAINS, cores=1, seed=seed,
        target_accept=0.8, progress_bar=False,
    )
    seconds = time.perf_counter() - start
    return summarize(idata, name, seconds)


# ---------------------------------------------------------------- summary


def first_stat(stats, names: list[str]):
    for n in names:
        if n in stats:
            return stats[n]
    raise KeyError(f"none of {names} in sample_stats")


def summarize(idata, name: str, seconds: float) -> dict:
    ess = az.ess(idata, var_names=VARS[name], method="bulk")
    min_ess = min(float(ess[v].min()) for v in VARS[name])
    stats = idata.sample_stats
    steps = first_stat(stats, ["n_steps", "tree_size", "n_leapfrog", "n_leapfrog__"])
    diverging = first_stat(stats, ["diverging", "divergent__"])
    gradients = int(steps.sum())
    return {
        "seconds": seconds,
        "gradients": gradients,
        "divergences": int(diverging.sum()),
        "min_ess": min_ess,
        "ess_per_s": min_ess / seconds,
        "ess_per_kgrad": 1000.0 * min_ess / gradients,
    }


SAMPLERS = {"stan": run_stan, "pymc": run_pymc, "nutpie": run_nutpie}
LABELS = {"stan": "Stan (PyStan 3)", "pymc": "PyMC NUTS", "nutpie": "nutpie (PyMC model)"}
PACKAGES = {
    "stan": ["pystan", "httpstan"],
    "pymc": ["pymc", "pytensor"],
    "nutpie": ["nutpie", "pymc", "pytensor", "numba"],
}


def sig(x: float, digits: int = 3) -> str:
    """`digits` significant digits, never an exponent (diagnostics::sig)."""
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "0"
    mantissa, exponent = f"{abs(x):.{digits - 1}e}".split("e")
    significand = mantissa.replace(".", "")
    int_digits = int(exponent) + 1
    if int_digits <= 0:
        body = "0." + "0" * (-int_digits) + significand
    elif int_digits >= digits:
        body = significand + "0" * (int_digits - digits)
    else:
        body = significand[:int_digits] + "." + significand[int_digits:]
    return "-" + body if x < 0 else body


def count(x: float) -> str:
    """A count (a median of counts): whole numbers without decimals."""
    return f"{x:.0f}" if x == int(x) and abs(x) < 1e6 else sig(x)


def versions(samplers: list[str]) -> str:
    names = []
    for s in samplers:
        names += [n for n in PACKAGES[s] if n not in names]
    names += ["arviz", "numpy"]
    parts = [f"{n} {importlib.metadata.version(n)}" for n in names]
    if "stan" in samplers:
        import httpstan

        header = Path(httpstan.__file__).parent / "include" / "stan" / "version.hpp"
        v = dict(re.findall(r"#define STAN_(MAJOR|MINOR|PATCH) (\d+)", header.read_text()))
        parts.insert(2, f"Stan {v['MAJOR']}.{v['MINOR']}.{v['PATCH']}")
    return ", ".join(parts) + f"; Python {sys.version.split()[0]}"


def seeds_for(overrides: dict, name: str, sampler: str, default: int) -> int:
    return overrides.get(f"{name}:{sampler}", default)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--models", default="eight-nc,gauss100,dirichlet,hsb")
    parser.add_argument("--samplers", default="stan,pymc,nutpie")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--fewer-seeds", default="",
        help="fewer seeds for slow cases, e.g. hsb:pymc=2,gauss100:pymc=2",
    )
    parser.add_argument("--note", default="", help="a sentence to add to the table's first line")
    args = parser.parse_args()
    samplers = args.samplers.split(",")
    overrides = {}
    for item in filter(None, args.fewer_seeds.split(",")):
        case, n = item.split("=")
        overrides[case] = min(int(n), args.seeds)
    fewer = "".join(
        f"; {n} seed{'s' if n > 1 else ''} for {case.replace(':', ' with ')}"
        for case, n in overrides.items()
    )
    lines = [
        f"Versions: {versions(samplers)}. Every fit: {CHAINS} chains x ({WARMUP} warmup + {DRAWS} "
        f"draws), target acceptance 0.8, chains one after another on one core; medians over "
        f"seeds 1 to {args.seeds}{fewer}. Times are warmup plus sampling only, model compilation "
        f"excluded (Stan: its own elapsed times summed over the chains; PyMC: `sampling_time`; "
        f"nutpie: the `nutpie.sample` call).{' ' + args.note if args.note else ''}",
        "",
        "| model | sampler | wall time of sampling (s) | gradients after warmup | divergences "
        "| min bulk-ESS | ESS / s | ESS / 1000 gradients after warmup | ESS / s by seed |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name in args.models.split(","):
        for sampler in samplers:
            runs = []
            for seed in range(1, seeds_for(overrides, name, sampler, args.seeds) + 1):
                r = SAMPLERS[sampler](name, seed)
                print(f"{name} {sampler} seed {seed}: {r}", file=sys.stderr)
                runs.append(r)
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            lines.append(
                f"| {name} | {LABELS[sampler]} | {sig(med['seconds'])} | {count(med['gradients'])} "
                f"| {count(med['divergences'])} | {sig(med['min_ess'])} | {sig(med['ess_per_s'])} "
                f"| {sig(med['ess_per_kgrad'])} | {' '.join(sig(r['ess_per_s'], 4) for r in runs)} |"
            )
            print(lines[-1], file=sys.stderr, flush=True)
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        args.out.write_text(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
