"""High School and Beyond with correlated intercepts and slopes, in PyMC.

An independent check of the book's correlated fit (`cargo run --release -p
ch_hsb`, model `correlated partial pooling`): the same model and priors, written
with PyMC's own LKJ prior on the Cholesky factor and its own NUTS. Prints the
posterior mean and sd of the intercept-slope correlation `rho` and of the
hyperparameters, with divergences and R-hat. Run by hand, never by the tests:

    python3 bench/peers/hsb_correlated.py [--seed 1] [--target-accept 0.9]

Model (as crates/models/src/correlated_slopes.rs):
    beta_j = mu + diag(tau) L z_j,  z_j ~ Normal(0, I2),  L ~ LKJCholesky(eta = 2)
    mu ~ Normal(0, 10), tau ~ HalfCauchy(5), sigma ~ HalfCauchy(5)
    y ~ Normal(beta_0[school] + beta_1[school] x, sigma)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import arviz as az
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peers import CHAINS, DRAWS, WARMUP, hsb_data  # noqa: E402

LKJ_ETA = 2.0


def model():
    import pymc as pm

    d = hsb_data()
    with pm.Model() as m:
        mu = pm.Normal("mu", 0, 10, shape=2)
        tau = pm.HalfCauchy("tau", 5, shape=2)
        # The factor of the correlation matrix alone: unit scales, our tau apart.
        chol, corr, _ = pm.LKJCholeskyCov(
            "chol", n=2, eta=LKJ_ETA, sd_dist=pm.Exponential.dist(1.0, shape=2),
            compute_corr=True,
        )
        del chol
        rho = pm.Deterministic("rho", corr[1, 0])
        z = pm.Normal("z", 0, 1, shape=(2, d["J"]))
        s = pm.math.sqrt(1 - rho**2)
        b0 = pm.Deterministic("beta_0", mu[0] + tau[0] * z[0])
        b1 = pm.Deterministic("beta_1", mu[1] + tau[1] * (rho * z[0] + s * z[1]))
        sigma = pm.HalfCauchy("sigma", 5)
        mean = b0[d["school"]] + b1[d["school"]] * d["x"]
        pm.Normal("y", mean, sigma, observed=d["y"])
    return m


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--target-accept", type=float, default=0.9)
    a = p.parse_args()
    import pymc as pm

    with model():
        idata = pm.sample(
            draws=DRAWS, tune=WARMUP, chains=CHAINS, cores=1,
            target_accept=a.target_accept, random_seed=a.seed, progressbar=False,
        )
    div = int(idata.sample_stats["diverging"].sum())
    print(f"PyMC {pm.__version__}, seed {a.seed}, target_accept {a.target_accept}, "
          f"{CHAINS}x({WARMUP}+{DRAWS}), divergences {div}")
    print(az.summary(idata, var_names=["mu", "tau", "rho", "sigma"], round_to=4))
    return 0


if __name__ == "__main__":
    sys.exit(main())
