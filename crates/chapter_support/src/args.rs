//! The flags every sampling chapter shares, and the sampler settings they make.

use clap::{Args, ValueEnum};
use sampler::{Adaptation, LowRankOptions, MetricEstimate, MetricKind, Settings};
use std::path::PathBuf;

/// Sampling flags shared by every chapter (flatten into a chapter's parser
/// with `#[command(flatten)]`).
#[derive(Debug, Clone, Args)]
pub struct SamplingArgs {
    /// Seed of the random number generator (each chain gets its own stream).
    #[arg(long, default_value_t = 20261123)]
    pub seed: u64,
    /// Number of chains.
    #[arg(long, default_value_t = 4)]
    pub chains: usize,
    /// Warmup iterations per chain (0 turns adaptation off).
    #[arg(long, default_value_t = 1000)]
    pub warmup: usize,
    /// Kept draws per chain.
    #[arg(long, default_value_t = 1000)]
    pub draws: usize,
    /// Target acceptance statistic of step-size adaptation, in (0, 1).
    #[arg(long, default_value_t = 0.8)]
    pub target_accept: f64,
    /// Maximum tree depth of NUTS.
    #[arg(long, default_value_t = 10)]
    pub max_tree_depth: usize,
    /// Warmup adaptation: Stan's windowed schedule (the book's default), or
    /// nutpie's rolling windows with the metric from draw variances or from
    /// draw and gradient variances (nutpie's own choice).
    #[arg(long, value_enum, default_value_t = AdaptationArg::Stan)]
    pub adaptation: AdaptationArg,
    /// Metric: diagonal (the book's default), or nutpie's low-rank metric,
    /// the diagonal corrected along the few directions in which draws and
    /// gradients show strong correlation.
    #[arg(long, value_enum, default_value_t = MetricArg::Diag)]
    pub metric: MetricArg,
    /// Jitter each step size uniformly by ±this fraction, in [0, 1)
    /// (default: 0.1 with rolling windows, 0 with Stan's schedule).
    #[arg(long)]
    pub step_size_jitter: Option<f64>,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write each fit's draws as CmdStan CSV files into this directory.
    #[arg(long, value_name = "DIR")]
    pub draws_dir: Option<PathBuf>,
    /// No progress bars or timings on stderr.
    #[arg(long)]
    pub quiet: bool,
}

/// The `--adaptation` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AdaptationArg {
    /// Stan's windowed adaptation.
    Stan,
    /// Rolling windows, metric from draw variances.
    Rolling,
    /// Rolling windows, metric from draw and gradient variances (nutpie's).
    RollingGradient,
}

impl From<AdaptationArg> for Adaptation {
    fn from(a: AdaptationArg) -> Self {
        match a {
            AdaptationArg::Stan => Adaptation::Stan,
            AdaptationArg::Rolling => Adaptation::Rolling(MetricEstimate::DrawVariance),
            AdaptationArg::RollingGradient => Adaptation::Rolling(MetricEstimate::DrawAndGradient),
        }
    }
}

/// The `--metric` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MetricArg {
    /// A diagonal metric.
    Diag,
    /// The diagonal plus a low-rank correction (nutpie's).
    LowRank,
}

impl From<MetricArg> for MetricKind {
    fn from(m: MetricArg) -> Self {
        match m {
            MetricArg::Diag => MetricKind::Diagonal,
            MetricArg::LowRank => MetricKind::LowRank(LowRankOptions::default()),
        }
    }
}

impl SamplingArgs {
    /// The sampler settings these flags ask for (validated when sampling starts).
    pub fn settings(&self) -> Settings {
        let adaptation: Adaptation = self.adaptation.into();
        Settings {
            num_chains: self.chains,
            num_warmup: self.warmup,
            num_draws: self.draws,
            seed: self.seed,
            target_accept: self.target_accept,
            max_tree_depth: self.max_tree_depth,
            adaptation,
            metric: self.metric.into(),
            step_size_jitter: self.step_size_jitter.unwrap_or_else(|| adaptation.default_jitter()),
            threads: self.threads,
            progress: !self.quiet,
            ..Settings::default()
        }
    }

    /// Runs `work` in a pool of `--threads` threads, so that everything it runs in
    /// parallel (chains, and a chapter's own parallel loops) shares those threads; in
    /// rayon's global pool when `--threads` is not given.
    pub fn install<T: Send>(
        &self,
        work: impl FnOnce() -> anyhow::Result<T> + Send,
    ) -> anyhow::Result<T> {
        match self.threads {
            None => work(),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| anyhow::anyhow!("thread pool: {e}"))?
                .install(work),
        }
    }

    /// Checks the flags up front, so a bad value fails before any work:
    /// the sampler settings, and that `--draws-dir` could be created (its
    /// nearest existing ancestor is a directory). Nothing is written.
    pub fn validate(&self) -> anyhow::Result<()> {
        self.settings().validate().map_err(|e| anyhow::anyhow!("{e}"))?;
        if let Some(dir) = &self.draws_dir
            && let Some(existing) = dir.ancestors().find(|a| a.exists())
            && !existing.is_dir()
        {
            anyhow::bail!(
                "cannot create draws directory {}: {} is not a directory",
                dir.display(),
                existing.display()
            );
        }
        Ok(())
    }
}

/// Fails unless flag `--{flag}` is at least `min`, naming the flag and its value.
///
/// ```
/// use chapter_support::args::at_least;
/// assert!(at_least("reps", 2, 2).is_ok());
/// assert_eq!(at_least("reps", 1, 2).unwrap_err().to_string(), "--reps must be at least 2, got 1");
/// ```
pub fn at_least(flag: &str, value: usize, min: usize) -> anyhow::Result<()> {
    if value < min {
        anyhow::bail!("--{flag} must be at least {min}, got {value}");
    }
    Ok(())
}

/// Fails unless flag `--{flag}` is a finite number above 0.
///
/// ```
/// use chapter_support::args::positive;
/// assert!(positive("sigma", 5.0).is_ok());
/// assert!(positive("sigma", 0.0).is_err() && positive("sigma", f64::INFINITY).is_err());
/// ```
pub fn positive(flag: &str, value: f64) -> anyhow::Result<()> {
    if !(value.is_finite() && value > 0.0) {
        anyhow::bail!("--{flag} must be a finite number above 0, got {value}");
    }
    Ok(())
}

/// The command of parser `P` with chapter-specific defaults for shared
/// flags, e.g. `&[("draws", "2000"), ("target_accept", "0.9")]`, so `--help`
/// shows the defaults the chapter really uses. Ids are the field names of
/// [`SamplingArgs`].
pub fn command_with_defaults<P: clap::CommandFactory>(
    defaults: &[(&str, &'static str)],
) -> clap::Command {
    let mut cmd = P::command();
    for &(id, value) in defaults {
        cmd = cmd.mut_arg(id, |a| a.default_value(value));
    }
    cmd
}

/// Parses flags with [`command_with_defaults`] (the first item is the
/// program name).
pub fn parse_with_defaults<P, I, T>(
    defaults: &[(&str, &'static str)],
    itr: I,
) -> Result<P, clap::Error>
where
    P: clap::Parser,
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command_with_defaults::<P>(defaults).try_get_matches_from(itr)?;
    P::from_arg_matches(&matches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Demo {
        #[command(flatten)]
        sampling: SamplingArgs,
    }

    #[test]
    fn chapter_defaults_override_shared_ones() {
        let d: Demo =
            parse_with_defaults(&[("draws", "2000"), ("target_accept", "0.9")], ["demo"]).unwrap();
        assert_eq!(d.sampling.draws, 2000);
        assert_eq!(d.sampling.target_accept, 0.9);
        let d: Demo = parse_with_defaults(&[("draws", "2000")], ["demo", "--draws", "7"]).unwrap();
        assert_eq!(d.sampling.draws, 7);
    }

    #[test]
    fn the_jitter_follows_the_schedule_unless_given() {
        let jitter = |args: &[&str]| {
            let d: Demo = parse_with_defaults(&[], args.iter().copied()).unwrap();
            (d.sampling.settings().adaptation, d.sampling.settings().step_size_jitter)
        };
        let rolling = Adaptation::Rolling(MetricEstimate::DrawVariance);
        assert_eq!(jitter(&["demo"]), (Adaptation::Stan, 0.0));
        assert_eq!(jitter(&["demo", "--adaptation", "rolling"]), (rolling, 0.1));
        let given = jitter(&["demo", "--adaptation", "rolling", "--step-size-jitter", "0"]);
        assert_eq!(given, (rolling, 0.0));
    }

    #[test]
    fn the_metric_is_diagonal_unless_asked() {
        let metric = |args: &[&str]| {
            let d: Demo = parse_with_defaults(&[], args.iter().copied()).unwrap();
            d.sampling.settings().metric
        };
        assert_eq!(metric(&["demo"]), MetricKind::Diagonal);
        assert_eq!(
            metric(&["demo", "--metric", "low-rank"]),
            MetricKind::LowRank(LowRankOptions::default())
        );
    }

    #[test]
    fn bad_values_are_errors() {
        let d: Demo = parse_with_defaults(&[], ["demo", "--chains", "0"]).unwrap();
        assert!(d.sampling.validate().is_err());
        let d: Demo = parse_with_defaults(&[], ["demo", "--target-accept", "1.5"]).unwrap();
        let msg = d.sampling.validate().unwrap_err().to_string();
        assert!(msg.contains("target acceptance"), "{msg}");
        assert!(parse_with_defaults::<Demo, _, _>(&[], ["demo", "--draws", "x"]).is_err());
    }

    #[test]
    fn a_draws_dir_beneath_a_file_fails_before_sampling() {
        let file = tempfile::NamedTempFile::new().unwrap();
        let bad = file.path().join("draws");
        let d: Demo =
            parse_with_defaults(&[], ["demo".as_ref(), "--draws-dir".as_ref(), bad.as_os_str()])
                .unwrap();
        let msg = d.sampling.validate().unwrap_err().to_string();
        assert!(msg.contains("not a directory"), "{msg}");
        let ok = file.path().parent().unwrap().join("new_draws_dir");
        let d: Demo =
            parse_with_defaults(&[], ["demo".as_ref(), "--draws-dir".as_ref(), ok.as_os_str()])
                .unwrap();
        assert!(d.sampling.validate().is_ok());
        assert!(!ok.exists(), "validation must not create anything");
    }
}
