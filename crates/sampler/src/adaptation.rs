//! The two warmup loops: Stan's windowed adaptation and nutpie's rolling
//! windows. Both tune the step size by dual averaging ([`crate::step_size`])
//! and leave the chain with the step size and metric used for sampling.

use crate::adapt_metric::AdaptiveMetric;
use crate::error::{Result, SamplerError};
use crate::hook::{Monitor, Phase};
use crate::low_rank_estimate::PointWindow;
use crate::mass_matrix::{WelfordVariance, regularize};
use crate::model::Model;
use crate::rolling::{MetricEstimate, RollingWindows, metric_from_gradient};
use crate::settings::Settings;
use crate::state::ChainState;
use crate::step_size::DualAveraging;
use crate::warmup::WindowSchedule;

/// Stan's warmup: the initial step-size heuristic, then dual averaging,
/// with the metric re-estimated from draw variances at the end of each slow
/// window ([`WindowSchedule`]) and step-size adaptation restarted there.
/// A low-rank metric also keeps the window's draws and gradients and is
/// corrected from them at the same moments ([`crate::adapt_metric`]).
/// Returns the number of divergent warmup transitions.
pub(crate) fn stan_warmup<M: Model + ?Sized, Me: AdaptiveMetric>(
    model: &M,
    settings: &Settings,
    chain: usize,
    state: &mut ChainState<Me>,
    monitor: &mut Monitor<'_>,
) -> Result<usize> {
    let low_rank = settings.metric.low_rank_options();
    let mut points = PointWindow::default();
    state.step_size = state.search_step_size(model, chain)?;
    let mut dual = DualAveraging::new(settings.target_accept, settings.initial_step_size);
    let mut schedule = WindowSchedule::new(settings.num_warmup);
    let mut variance = WelfordVariance::new(model.dim());
    let mut divergences = 0;
    // ANCHOR: warmup_loop
    for iteration in 0..settings.num_warmup {
        let (t, _) = state.transition(model);
        divergences += usize::from(t.divergent);
        state.step_size = dual.learn(t.accept_stat);
        if schedule.in_window() {
            variance.add_sample(&state.z.q);
            if low_rank.is_some() {
                points.push(&state.z.q, &state.z.grad);
            }
        }
        if schedule.advance() {
            let inv_mass = adapted_metric(&variance, chain, iteration)?;
            state.metric.update(&inv_mass, low_rank.as_ref().map(|o| (&points, o)));
            points.clear();
            variance.restart();
            state.step_size = state.search_step_size(model, chain)?;
            dual.mu = (10.0 * state.step_size).ln();
            dual.restart();
        }
        monitor.tick(Phase::Warmup, divergences)?;
    }
    if settings.num_warmup > 0 {
        state.step_size = dual.final_step_size();
    }
    // ANCHOR_END: warmup_loop
    Ok(divergences)
}

/// The regularised metric of a closed window, or an error if any entry is
/// not a positive finite number (Stan's `var_adaptation` throws there too).
fn adapted_metric(variance: &WelfordVariance, chain: usize, iteration: usize) -> Result<Vec<f64>> {
    let inv_mass = regularize(&variance.variance(), variance.num_samples());
    match inv_mass.iter().position(|m| !(m.is_finite() && *m > 0.0)) {
        None => Ok(inv_mass),
        Some(i) => Err(SamplerError::NonFiniteMetric {
            chain: chain + 1,
            iteration: iteration + 1,
            coordinate: i + 1,
            value: inv_mass[i],
        }),
    }
}

/// nutpie's warmup ([`crate::rolling`]): the metric starts at `1/|∇ log p|`
/// and is re-estimated after every iteration from the foreground window;
/// dual averaging runs throughout, restarted once, after the first metric
/// estimate from draws, where the step-size heuristic also runs again. It
/// averages Stan's acceptance statistic until no further window fits before
/// the metric freezes ([`RollingWindows::is_late`]), and from then on
/// nutpie's symmetric one ([`crate::symmetric_accept`]), as `nuts-rs` does.
/// A low-rank metric is re-estimated, diagonal and correction together, at
/// every window swap and otherwise every `update_every` iterations (as
/// `nuts-rs` does), from the foreground window's draws and gradients.
/// Returns the number of divergent warmup transitions.
pub(crate) fn rolling_warmup<M: Model + ?Sized, Me: AdaptiveMetric>(
    model: &M,
    settings: &Settings,
    chain: usize,
    estimate: MetricEstimate,
    state: &mut ChainState<Me>,
    monitor: &mut Monitor<'_>,
) -> Result<usize> {
    let low_rank = settings.metric.low_rank_options();
    let mut inv_mass = state.metric.inv_mass_diagonal();
    if settings.num_warmup > 0 {
        inv_mass = metric_from_gradient(&state.z.grad);
        state.metric = Me::from_diagonal(inv_mass.clone());
    }
    state.step_size = state.search_step_size(model, chain)?;
    let mut dual = DualAveraging::new(settings.target_accept, state.step_size);
    let mut windows = RollingWindows::new(settings.num_warmup, model.dim(), estimate);
    if low_rank.is_some() {
        windows = windows.keeping_points();
    }
    let (mut swaps, mut last_update) = (0, 0);
    let mut previous = state.z.q.clone();
    let mut first_estimate = true;
    let mut divergences = 0;
    for iteration in 0..settings.num_warmup {
        previous.clone_from(&state.z.q);
        let (t, _) = state.transition(model);
        divergences += usize::from(t.divergent);
        let moved = previous != state.z.q;
        let z = &state.z;
        let mut changed = windows.observe(iteration, &z.q, &z.grad, moved, &mut inv_mass);
        // Late in warmup, nutpie's symmetric statistic (`crate::symmetric_accept`).
        state.step_size =
            dual.learn(if windows.is_late() { t.accept_stat_symmetric } else { t.accept_stat });
        if let Some(options) = &low_rank {
            changed &= windows.swaps() > swaps || iteration >= last_update + options.update_every;
        }
        if changed {
            let points = windows.foreground_points();
            state.metric.update(&inv_mass, low_rank.as_ref().zip(points).map(|(o, p)| (p, o)));
            (swaps, last_update) = (windows.swaps(), iteration);
        }
        if changed && first_estimate {
            first_estimate = false;
            state.step_size = state.search_step_size(model, chain)?;
            dual.mu = (10.0 * state.step_size).ln();
            dual.restart();
        }
        monitor.tick(Phase::Warmup, divergences)?;
    }
    if settings.num_warmup > 0 {
        state.step_size = dual.final_step_size();
    }
    Ok(divergences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_finite_metric_is_an_error_naming_chain_and_coordinate() {
        let mut v = WelfordVariance::new(2);
        for x in [[0.0, 1.0], [1.0, 1e300], [2.0, -1e300]] {
            v.add_sample(&x);
        }
        let err = adapted_metric(&v, 2, 149).unwrap_err();
        assert_eq!(
            err,
            SamplerError::NonFiniteMetric {
                chain: 3,
                iteration: 150,
                coordinate: 2,
                value: f64::INFINITY
            }
        );
        assert!(err.to_string().contains("chain 3"), "{err}");
        let mut ok = WelfordVariance::new(1);
        ok.add_sample(&[1.0]);
        ok.add_sample(&[2.0]);
        assert!(adapted_metric(&ok, 0, 0).unwrap()[0] > 0.0);
    }
}
