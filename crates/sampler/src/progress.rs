//! Progress bars on stderr, one per chain; invisible when stderr is not a terminal.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// One bar per chain, each `total` iterations long. With `enabled = false`
/// (e.g. `--quiet`) the bars are hidden; indicatif also hides them by itself
/// when stderr is not a terminal, so piped output stays clean.
pub fn chain_bars(
    num_chains: usize,
    total: u64,
    enabled: bool,
) -> (MultiProgress, Vec<ProgressBar>) {
    let target = if enabled { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let multi = MultiProgress::with_draw_target(target);
    let style = ProgressStyle::with_template("chain {prefix} [{bar:32}] {pos}/{len} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let bars = (0..num_chains)
        .map(|c| {
            let bar = multi.add(ProgressBar::new(total));
            bar.set_style(style.clone());
            bar.set_prefix(format!("{}", c + 1));
            bar
        })
        .collect();
    (multi, bars)
}
