//! Page 3, Neal's funnel: fit it centred or non-centred at a target
//! acceptance of the reader's choosing and see where the divergent
//! transitions fall.

use super::{Deadline, Failure, Page, fit_settings, seed, svg};
use crate::html::{Control, table};
use crate::params::{BadRequest, Query, query_number};
use diagnostics::sig;
use figures::Figure;
use figures::recipes::divergence_scatter_within;
use models::neals_funnel::{NealsFunnel, V_SD};
use models::normal_mixture::std_normal_cdf;

/// Half-width of the `x.1` window of the scatter, as in the funnel chapter.
const X1_WINDOW: f64 = 20.0;

/// Where the table measures how deep into the neck the draws go.
const NECK: f64 = -2.0;

/// The page's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    /// Sample `(v, x)` directly (`true`) or `(v, z)` with `x = exp(v/2) z`.
    pub centred: bool,
    /// Target acceptance of step-size adaptation, 0.6 to 0.99.
    pub target_accept: f64,
    /// Seed of the fit.
    pub seed: u64,
    /// Warmup and kept draws per chain, 100 to 2000 in steps of 100.
    pub draws: usize,
}

impl Page for Funnel {
    const PATH: &'static str = "/funnel";
    const TITLE: &'static str = "Neal's funnel: divergences as geometry";
    const INTRO: &'static str = "<p>v ~ Normal(0, 3) and nine x's ~ Normal(0, exp(v/2)): a funnel \
        whose neck no single step size fits. Fit it as written (centred) or through standard \
        normals z with x = exp(v/2) z (non-centred), and raise the target acceptance to see what \
        a smaller step size does and does not fix. Red dots are divergent transitions.</p>";

    fn parse(q: &Query, page: bool) -> Result<Self, BadRequest> {
        q.only(&["param", "accept", "seed", "draws"])?;
        let d = |v| page.then_some(v);
        Ok(Self {
            centred: q.choice("param", &["centred", "non-centred"], d("centred"))? == "centred",
            target_accept: q.number("accept", (0.6, 0.99), d("0.8"))?,
            seed: seed(q, page, "20261123")?,
            draws: q.integer("draws", (100, 2000), 100, d("1000"))? as usize,
        })
    }

    fn controls(&self) -> Vec<Control> {
        let param = if self.centred { "centred" } else { "non-centred" };
        vec![
            Control::select(
                "param",
                "parameterisation",
                &[("centred", "centred"), ("non-centred", "non-centred")],
                param,
            ),
            Control::slider("accept", "target acceptance", (0.6, 0.99, 0.01), self.target_accept),
            Control::slider("draws", "draws", (100.0, 2000.0, 100.0), self.draws as f64),
            Control::Seed { value: self.seed },
        ]
    }

    fn fragment(&self, deadline: &Deadline) -> Result<String, Failure> {
        let model = if self.centred { NealsFunnel::centred() } else { NealsFunnel::non_centred() };
        let settings = fit_settings(self.seed, self.draws, self.target_accept);
        let hook = deadline.hook();
        let fit =
            sampler::fit_with_hook(&model, &settings, 0, &hook).map_err(|e| deadline.failure(e))?;
        let missing = |e: diagnostics::MissingParameter| Failure::Internal(e.to_string());
        let (v, x1) =
            (fit.pooled_named("v").map_err(missing)?, fit.pooled_named("x.1").map_err(missing)?);
        let name = if self.centred { "centred" } else { "non-centred" };
        let title = format!(
            "{name}, target acceptance {} ({} divergent)",
            query_number(self.target_accept),
            fit.num_divergent()
        );
        let flags = fit.divergent_flags();
        let panel = divergence_scatter_within(&title, "x.1", "v", &x1, &v, &flags, X1_WINDOW)?;
        let mut out = svg(&Figure::grid(vec![panel], 1, 460))?;
        let below = v.iter().filter(|x| **x < NECK).count() as f64 / v.len() as f64;
        let step: Vec<String> = fit.chains.iter().map(|c| sig(c.step_size, 3)).collect();
        let rows = vec![
            vec!["divergent transitions".into(), format!("{} of {}", fit.num_divergent(), v.len())],
            vec!["adapted step size per chain".into(), step.join(", ")],
            vec![
                format!("share of draws with v < {NECK}"),
                format!("{} (exact {})", sig(below, 3), sig(std_normal_cdf(NECK / V_SD), 3)),
            ],
        ];
        out.push_str(&table(&["", "this fit"], &rows));
        Ok(out)
    }
}
