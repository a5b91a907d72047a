//! Page 1, school scores: simulate `K` schools of `n` students whose true
//! means spread by `tau`, then estimate every school's mean without pooling,
//! with complete pooling, by empirical Bayes and by full Bayes (a live NUTS
//! fit) — the shrinkage chapter's experiment, one request at a time.

use super::{Deadline, Failure, Page, fit_settings, seed, svg};
use crate::html::{Control, table};
use crate::params::{BadRequest, Query, query_number};
use diagnostics::sig;
use figures::recipes::{POOLING_ESTIMATORS, Shrinkage, pooling_mse_bars, shrinkage_arrows};
use models::school_scores::{Design, SCORE_PRIORS};
use models::school_scores_experiment::run_with_hook;

/// Spread of students' scores within a school, as in the chapter.
const SIGMA: f64 = 10.0;

/// Which estimates the arrows point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowsTo {
    /// Posterior means from the NUTS fit.
    FullBayes,
    /// The empirical-Bayes recipe.
    EmpiricalBayes,
}

/// The page's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Schools {
    /// Number of schools `K`, 5 to 30.
    pub schools: usize,
    /// Students per school `n`, 5 to 100 in steps of 5.
    pub students: usize,
    /// Spread of the true school means, 1 to 15.
    pub tau: f64,
    /// Seed of the data and of the fit.
    pub seed: u64,
    /// Warmup and kept draws per chain of the fit, 100 to 2000 in steps of 100.
    pub draws: usize,
    /// Where the arrows point.
    pub arrows: ArrowsTo,
}

impl Page for Schools {
    const PATH: &'static str = "/schools";
    const TITLE: &'static str = "School scores: no, complete and partial pooling";
    const INTRO: &'static str = "<p>Each school's true mean is drawn from Normal(70, τ) and each \
        of its n students scores Normal(true mean, 10). Move τ and watch the arrows: they run from \
        each school's raw mean to its partially pooled estimate, and they grow long when the \
        schools differ little compared with the noise in their means. The full-Bayes estimates \
        come from a NUTS fit of the hierarchical model (four chains) made for this request. The \
        defaults are the shrinkage chapter's run.</p>";

    fn parse(q: &Query, page: bool) -> Result<Self, BadRequest> {
        q.only(&["K", "n", "tau", "seed", "draws", "arrows"])?;
        let d = |v| page.then_some(v);
        Ok(Self {
            schools: q.integer("K", (5, 30), 1, d("12"))? as usize,
            students: q.integer("n", (5, 100), 5, d("15"))? as usize,
            tau: q.number("tau", (1.0, 15.0), d("5"))?,
            seed: seed(q, page, "20261123")?,
            draws: q.integer("draws", (100, 2000), 100, d("1000"))? as usize,
            arrows: match q.choice("arrows", &["bayes", "eb"], d("bayes"))? {
                "eb" => ArrowsTo::EmpiricalBayes,
                _ => ArrowsTo::FullBayes,
            },
        })
    }

    fn controls(&self) -> Vec<Control> {
        let arrows = match self.arrows {
            ArrowsTo::FullBayes => "bayes",
            ArrowsTo::EmpiricalBayes => "eb",
        };
        vec![
            Control::slider("K", "schools K", (5.0, 30.0, 1.0), self.schools as f64),
            Control::slider("n", "students n", (5.0, 100.0, 5.0), self.students as f64),
            Control::slider("tau", "spread τ", (1.0, 15.0, 0.5), self.tau),
            Control::slider("draws", "draws", (100.0, 2000.0, 100.0), self.draws as f64),
            Control::select(
                "arrows",
                "arrows to",
                &[("bayes", "full Bayes (NUTS)"), ("eb", "empirical Bayes")],
                arrows,
            ),
            Control::Seed { value: self.seed },
        ]
    }

    fn fragment(&self, deadline: &Deadline) -> Result<String, Failure> {
        let design =
            Design { schools: self.schools, students: self.students, tau: self.tau, sigma: SIGMA };
        let settings = fit_settings(self.seed, self.draws, 0.9);
        let hook = deadline.hook();
        let e = run_with_hook(&design, &SCORE_PRIORS, &settings, self.seed, 1, &hook)
            .map_err(|err| deadline.failure(err))?;
        let (pooled, pooled_label) = match self.arrows {
            ArrowsTo::FullBayes => (e.bayes.clone(), "partial pooling (full Bayes)"),
            ArrowsTo::EmpiricalBayes => (e.eb.estimates.clone(), "partial pooling (emp. Bayes)"),
        };
        let grand = e.eb.grand_mean;
        let arrows = Shrinkage {
            names: (1..=self.schools).map(|j| format!("School {j}")).collect(),
            raw: e.data.ybar.clone(),
            raw_label: "raw mean (no pooling)".into(),
            pooled,
            pooled_label: pooled_label.into(),
            truth: e.data.truth.clone(),
            centre: (grand, format!("grand mean {}", sig(grand, 3))),
            x_label: "mean score".into(),
        };
        let title = "Each school's raw mean moves towards the grand mean";
        let mut out = svg(&shrinkage_arrows(title, &arrows)?)?;
        out.push_str(&svg(&pooling_mse_bars(e.mse, e.mse.map(|v| sig(v, 3))))?);
        let against = |v: f64| format!("{:+.0}%", 100.0 * (v / e.mse[0] - 1.0));
        let rows: Vec<Vec<String>> = POOLING_ESTIMATORS
            .iter()
            .zip(e.mse)
            .map(|(name, m)| vec![name.to_string(), sig(m, 3), against(m)])
            .collect();
        out.push_str(&table(&["estimator", "MSE", "against no pooling"], &rows));
        let tau_draws =
            e.fit.pooled_named("tau").map_err(|err| Failure::Internal(err.to_string()))?;
        let tau_mean = tau_draws.iter().sum::<f64>() / tau_draws.len() as f64;
        let facts = vec![
            vec!["τ the data were simulated with".into(), query_number(self.tau)],
            vec!["τ estimated by empirical Bayes".into(), sig(e.eb.tau2_hat.sqrt(), 3)],
            vec!["weight on a school's own mean (EB)".into(), sig(e.eb.weight, 3)],
            vec!["posterior mean of τ (NUTS)".into(), sig(tau_mean, 3)],
            vec!["divergent transitions".into(), e.fit.num_divergent().to_string()],
            vec![
                "draws".into(),
                format!(
                    "{} chains × {} after {} warmup",
                    settings.num_chains, settings.num_draws, settings.num_warmup
                ),
            ],
        ];
        out.push_str(&table(&["", "value"], &facts));
        Ok(out)
    }
}
