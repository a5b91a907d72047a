# Read one fit's CmdStan CSV files (written with --draws-dir) in Python.
# Checked by hand with cmdstanpy 1.3.2 and ArviZ 0.23.4.
import glob

import arviz as az
import cmdstanpy

files = sorted(glob.glob("draws/eight_schools_noncentred_*.csv"))

fit = cmdstanpy.from_csv(files)  # no CmdStan installation needed to read
print(fit.divergences)  # divergent transitions per chain
print(az.summary(az.from_cmdstanpy(fit), var_names=["mu", "tau"]))

# Or straight into ArviZ:
print(az.summary(az.from_cmdstan(files), var_names=["mu", "tau"]))
