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
    let multi = MultiProgress::with_draw_target(target(enabled));
    let style = style("chain {prefix} [{bar:32}] {pos}/{len} {msg}");
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

/// One bar `total` steps long in the chains' style, drawn from indicatif's
/// `template` (e.g. `"sweep [{bar:32}] {pos}/{len} fits"`), for work other than
/// a chain (a chapter's many fits); hidden with `enabled = false`, as [`chain_bars`].
pub fn bar(total: u64, template: &str, enabled: bool) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total), target(enabled));
    bar.set_style(style(template));
    bar
}

/// Stderr, or nowhere.
fn target(enabled: bool) -> ProgressDrawTarget {
    if enabled { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() }
}

/// `template` with `=> ` bars (indicatif's default style if the template is invalid).
fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}
