//! `cargo run --release -p bench`: fits every benchmark model with our NUTS and
//! with nuts-rs (two adaptations), prints the tables and writes them into the
//! book's performance appendix.

use anyhow::{Context, Result, bail};
use bench::goals::goals_table;
use bench::low_rank::{low_rank_goals, low_rank_table};
use bench::nutsrs::run_nutsrs;
use bench::ours::run_ours;
use bench::peers;
use bench::record::{RunRecord, SamplerKind};
use bench::report::{ModelResult, Setup, cost_table, goals, ratio_table, results_table};
use bench::targets::{self, GAUSSIAN_DIM, GAUSSIAN_RHO, Target};
use clap::Parser;
use models::Parameterization;
use sampler::Model;
use std::path::PathBuf;
use std::time::Instant;

/// Benchmark of our NUTS against nuts-rs on the book's models.
#[derive(Debug, Parser)]
#[command(name = "bench")]
struct Args {
    /// Number of seeds (1, 2, …); every column is a median over them. The
    /// smallest ESS of High School and Beyond (that of the slopes' scale)
    /// swings by a factor of two between seeds, so fewer than 10 seeds make
    /// its ratios noisy.
    #[arg(long, default_value_t = 10)]
    seeds: u64,
    /// Models, comma-separated: eight-nc, eight-c, gauss100, dirichlet, hsb,
    /// factor100.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "eight-nc,eight-c,gauss100,dirichlet,hsb,factor100"
    )]
    models: Vec<String>,
    /// Threads per fit (both samplers); 1 runs the 4 chains one after another.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Samplers, comma-separated: ours (Stan's adaptation), ours-rolling,
    /// ours-rolling-grad (nutpie's schedule, draw or draw-and-gradient
    /// variances), nuts-rs (default adaptation), nuts-rs-stan (draw
    /// variances), and the low-rank metrics: ours-low-rank (rolling, draws
    /// and gradients), ours-stan-low-rank (Stan's schedule), nuts-rs-low-rank.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "ours,ours-rolling,ours-rolling-grad,nuts-rs,nuts-rs-stan,ours-low-rank,nuts-rs-low-rank"
    )]
    samplers: Vec<String>,
    /// Models the low-rank samplers run on (a subset of --models). High
    /// School and Beyond is left out by default: on its few hundred
    /// coordinates the low-rank warmup's eigendecompositions make each fit
    /// many times slower (nuts-rs's most of all), which would stretch the
    /// bench from minutes to most of an hour; add `hsb` to include it.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "eight-nc,eight-c,gauss100,dirichlet,factor100"
    )]
    low_rank_models: Vec<String>,
    /// Directory for the markdown tables (default: the book's generated/performance).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Print the tables only; write nothing.
    #[arg(long)]
    no_write: bool,
}

/// Runs every sampler on `model` for every seed, interleaving samplers so
/// that a change of machine load hits all of them alike.
fn bench_model<M: Model>(
    model: &M,
    target: Target,
    kinds: &[SamplerKind],
    args: &Args,
) -> Result<ModelResult> {
    let low_rank_here = args.low_rank_models.iter().any(|m| m.trim() == target.key());
    let kinds: Vec<SamplerKind> =
        kinds.iter().copied().filter(|k| low_rank_here || !k.is_low_rank()).collect();
    let mut records: Vec<Vec<RunRecord>> = vec![Vec::new(); kinds.len()];
    for seed in 1..=args.seeds {
        for (k, &kind) in kinds.iter().enumerate() {
            let r = match kind {
                k if k.is_ours() => run_ours(model, k, seed)?,
                _ => run_nutsrs(model, kind, seed)?,
            };
            eprintln!(
                "{:<10} {:<38} seed {seed}: {:>7.3} s ({:>7.3} s CPU), {:>9} gradients, min ESS {:>6.0}, {} divergent",
                target.key(),
                kind.label(),
                r.seconds,
                r.cpu_seconds,
                r.gradients,
                r.min_ess,
                r.divergences
            );
            records[k].push(r);
        }
    }
    Ok(ModelResult::new(target, model.dim(), kinds.into_iter().zip(records).collect()))
}

fn run(args: &Args) -> Result<()> {
    if args.seeds == 0 {
        bail!("--seeds must be at least 1");
    }
    if args.threads == 0 {
        bail!("--threads must be at least 1");
    }
    let chosen: Vec<Target> = args
        .models
        .iter()
        .map(|k| {
            Target::from_key(k.trim()).with_context(|| {
                format!(
                    "unknown model '{k}' (expected eight-nc, eight-c, gauss100, dirichlet, hsb or factor100)"
                )
            })
        })
        .collect::<Result<_>>()?;
    for k in &args.low_rank_models {
        Target::from_key(k.trim())
            .with_context(|| format!("unknown model '{k}' in --low-rank-models"))?;
    }
    let kinds: Vec<SamplerKind> = args
        .samplers
        .iter()
        .map(|k| {
            SamplerKind::from_key(k.trim()).with_context(|| {
                let keys: Vec<&str> = SamplerKind::ALL.iter().map(|k| k.key()).collect();
                format!("unknown sampler '{k}' (expected one of {})", keys.join(", "))
            })
        })
        .collect::<Result<_>>()?;
    let kinds: Vec<SamplerKind> =
        SamplerKind::ALL.into_iter().filter(|k| kinds.contains(k)).collect();
    // Every fit, of either sampler, runs on this pool; its threads live as
    // long as the process, which lets `cpu_time` count their time.
    rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build_global()
        .context("cannot start the thread pool")?;
    let mut setup = Setup::detect(args.threads, (1..=args.seeds).collect());
    let start = Instant::now();
    let mut results = Vec::new();
    for &target in Target::ALL.iter().filter(|t| chosen.contains(t)) {
        let result = match target {
            Target::EightSchoolsNonCentred => bench_model(
                &targets::eight_schools(Parameterization::NonCentred),
                target,
                &kinds,
                args,
            )?,
            Target::EightSchoolsCentred => bench_model(
                &targets::eight_schools(Parameterization::Centred),
                target,
                &kinds,
                args,
            )?,
            Target::Gaussian100 => bench_model(
                &targets::correlated_gaussian(GAUSSIAN_DIM, GAUSSIAN_RHO),
                target,
                &kinds,
                args,
            )?,
            Target::DirichletMultinomial => {
                bench_model(&targets::dirichlet_multinomial(), target, &kinds, args)?
            }
            Target::Hsb => bench_model(&targets::hsb()?, target, &kinds, args)?,
            Target::Factor100 => bench_model(&targets::factor_gaussian(), target, &kinds, args)?,
        };
        results.push(result);
    }
    setup.total_seconds = start.elapsed().as_secs_f64();

    let dir = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../book/src/generated/performance"))
    });
    // The peers' table, if `peers/peers.py` has written one there.
    let peer_rows =
        std::fs::read_to_string(dir.join("peers.md")).map(|t| peers::parse(&t)).unwrap_or_default();
    if peer_rows.is_empty() {
        eprintln!(
            "no peers.md in {}: the comparison with Stan and PyMC is left out",
            dir.display()
        );
    }
    let mut files = vec![
        ("results.md", results_table(&results)),
        ("costs.md", cost_table(&results)),
        ("ratios.md", ratio_table(&results)),
        (
            "goals.md",
            goals_table(
                &[
                    goals(&results),
                    peers::peer_goals(&results, &peer_rows),
                    low_rank_goals(&results),
                ]
                .concat(),
            ),
        ),
        ("low_rank.md", low_rank_table(&results)),
        ("setup.md", setup.markdown()),
    ];
    if !peer_rows.is_empty() {
        files.push(("peer_ratios.md", peers::peer_table(&results, &peer_rows)));
    }
    for (_, text) in &files {
        println!("{text}");
    }
    if !args.no_write {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        for (name, text) in &files {
            let path = dir.join(name);
            std::fs::write(&path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        eprintln!("wrote {}", dir.display());
    }
    Ok(())
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
