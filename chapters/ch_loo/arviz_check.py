"""Check the LOO chapter's numbers by hand with ArviZ 0.23 (`pip install 'arviz==0.23.*'`).

    cargo run --release -p ch_loo -- --draws-dir /tmp/loo_draws
    python3 chapters/ch_loo/arviz_check.py /tmp/loo_draws

For each model it reads the CmdStan CSV files (their `log_lik.1 ... log_lik.8`
columns), computes r_eff per school as the chapter does (ESS of the likelihood
draws / S, ArviZ's mean ESS), runs `az.psislw` school by school with that r_eff,
and prints elpd_loo and the largest Pareto k: they match the chapter's `loo.md`.
`az.loo` itself takes one scalar r_eff, so its result (printed with reff=1) can
differ slightly where the tail length changes. Then `az.compare` and `az.waic`.
"""

import glob
import sys
import warnings

import numpy as np
from scipy.special import logsumexp

warnings.simplefilter("ignore")
import arviz as az  # noqa: E402

draws_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/loo_draws"
results = {}
for name in ["complete_pooling", "no_pooling", "partial_pooling"]:
    files = sorted(glob.glob(f"{draws_dir}/eight_schools_{name}_*.csv"))
    idata = az.from_cmdstan(files, log_likelihood="log_lik")
    chains = idata.log_likelihood["log_lik"].values  # chain x draw x school
    ll = idata.log_likelihood["log_lik"].stack(__sample__=("chain", "draw")).values
    s = ll.shape[1]
    elpd, ks = 0.0, []
    for i in range(ll.shape[0]):
        x = chains[:, :, i]
        r_eff = float(az.ess(np.exp(x - x.max()), method="mean")) / s
        log_w, k = az.psislw(-ll[i].copy(), reff=r_eff)
        elpd += logsumexp(log_w + ll[i])
        ks.append(float(k))
    results[name] = az.loo(idata, pointwise=True, reff=1.0)
    print(
        f"{name:17s} elpd_loo (per-school r_eff) {elpd:.4f}  max k {max(ks):.3f}  "
        f"az.loo(reff=1) {float(results[name].elpd_loo):.4f}  "
        f"elpd_waic {float(az.waic(idata).elpd_waic):.4f}"
    )
print(az.compare(results, method="stacking")[["elpd_loo", "p_loo", "elpd_diff", "dse", "weight"]])
