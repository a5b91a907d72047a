# Read one fit's CmdStan CSV files (written with --draws-dir) in R.
# Checked by hand with R 4.2 and posterior 1.4.0.
library(posterior)

files <- sort(Sys.glob("draws/eight_schools_noncentred_*.csv"))
read_chain <- function(f) {
  d <- read.csv(f, comment.char = "#", check.names = FALSE)
  as.matrix(d[, !grepl("__$", names(d))])  # drop lp__, accept_stat__, ...
}
chains <- lapply(files, read_chain)
draws <- array(
  unlist(chains),
  dim = c(nrow(chains[[1]]), ncol(chains[[1]]), length(chains)),
  dimnames = list(NULL, colnames(chains[[1]]), NULL)
)
draws <- as_draws_array(aperm(draws, c(1, 3, 2)))  # iteration, chain, variable
print(summarise_draws(subset_draws(draws, variable = c("mu", "tau"))))
