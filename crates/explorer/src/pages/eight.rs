//! Page 2, Eight Schools: pick the prior on `tau` (one of the Eight Schools
//! chapter's prior-sensitivity set, or a half-normal of any scale) and see
//! the exact posterior of `tau`, each school's shrunk effect, and the
//! shrinkage factors `B_j` at a `tau` of the reader's choosing. No sampling:
//! everything is the exact grid calculation of the models crate.

use super::{Deadline, Failure, Page, svg};
use crate::html::{Control, table};
use crate::params::{BadRequest, Query, query_number};
use diagnostics::sig;
use figures::recipes::{Shrinkage, lines, shrinkage_arrows};
use figures::theme::palette;
use figures::{Mark, Style};
use models::declared::eight_schools_priors::{BOOK, HyperPriors, SENSITIVITY_ROWS, TauPrior};
use models::eight_schools::{SCHOOLS, SIGMA, Y};
use models::eight_schools_exact::{ExactPosterior, theta_given_tau};
use models::eight_schools_prior_grid::mu_given_tau;

/// Grid cells and reach of the exact posterior (those of the Eight Schools
/// chapter: a flat prior's tail reaches far).
const GRID: (usize, f64) = (200_000, 1000.0);

/// The prior choices: the sensitivity set's rows by letter, then `hn`.
pub const PRIORS: [&str; 5] = ["a", "b", "c", "d", "hn"];

/// The page's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Eight {
    /// One of [`PRIORS`].
    pub prior: &'static str,
    /// Scale of the half-normal prior on `tau` when `prior` is `hn`, 1 to 50.
    pub scale: f64,
    /// The `tau` at which the table gives `B_j`, 0.5 to 30.
    pub tau: f64,
}

impl Eight {
    /// The hyperpriors and their label.
    fn priors(&self) -> (HyperPriors, String) {
        match PRIORS.iter().position(|p| *p == self.prior) {
            Some(i) if i < SENSITIVITY_ROWS.len() => {
                let (label, priors) = SENSITIVITY_ROWS[i];
                (priors, label.to_string())
            }
            _ => (
                HyperPriors { tau: TauPrior::HalfNormal(self.scale), ..BOOK },
                format!("mu ~ N(0, 20), tau ~ HalfNormal({})", query_number(self.scale)),
            ),
        }
    }
}

impl Page for Eight {
    const PATH: &'static str = "/eight";
    const TITLE: &'static str = "Eight Schools: how much the prior on τ matters";
    const INTRO: &'static str = "<p>The eight schools' observed effects and standard errors are \
        fixed; the prior on the between-school spread τ is yours. The first four choices are the \
        Eight Schools chapter's prior-sensitivity set; the last is a half-normal whose scale the \
        slider sets. The posterior of τ and each school's posterior mean are computed exactly on \
        a grid over τ. The table gives the shrinkage factor B = σ²/(σ² + τ²) of each school at the \
        τ you pick, and its mean given that τ.</p>";

    fn parse(q: &Query, page: bool) -> Result<Self, BadRequest> {
        q.only(&["prior", "scale", "tau"])?;
        let d = |v| page.then_some(v);
        Ok(Self {
            prior: q.choice("prior", &PRIORS, d("a"))?,
            scale: q.number("scale", (1.0, 50.0), d("10"))?,
            tau: q.number("tau", (0.5, 30.0), d("6"))?,
        })
    }

    fn controls(&self) -> Vec<Control> {
        let mut options: Vec<(&'static str, String)> = PRIORS
            .iter()
            .zip(SENSITIVITY_ROWS)
            .map(|(v, (label, _))| (*v, label.to_string()))
            .collect();
        options.push(("hn", "mu ~ N(0, 20), tau ~ HalfNormal(scale below)".into()));
        vec![
            Control::Select { name: "prior", label: "prior", options, value: self.prior.into() },
            Control::slider("scale", "half-normal scale", (1.0, 50.0, 1.0), self.scale),
            Control::slider("tau", "τ for B", (0.5, 30.0, 0.5), self.tau),
        ]
    }

    fn fragment(&self, _deadline: &Deadline) -> Result<String, Failure> {
        let (priors, label) = self.priors();
        let exact = ExactPosterior::under(&priors, &Y, &SIGMA, GRID.0, GRID.1)
            .map_err(|e| Failure::Internal(e.to_string()))?;
        let mut density = lines(
            "Exact posterior of τ",
            "τ",
            "density",
            vec![(label.clone(), exact.tau_curve(20, 30.0))],
        );
        if let Some(panel) = density.panels.first_mut() {
            panel.marks.push(Mark::VLine {
                x: self.tau,
                style: Style::new(palette::VERMILLION)
                    .dashed()
                    .label(format!("τ = {} (the table's B)", query_number(self.tau))),
            });
        }
        let mut out = svg(&density)?;
        let arrows = Shrinkage {
            names: SCHOOLS.iter().map(|s| format!("School {s}")).collect(),
            raw: Y.to_vec(),
            raw_label: "observed effect".into(),
            pooled: exact.theta.iter().map(|t| t.0).collect(),
            pooled_label: "posterior mean (exact)".into(),
            truth: vec![],
            centre: (exact.mu.0, format!("posterior mean of mu {}", sig(exact.mu.0, 3))),
            x_label: "effect (points)".into(),
        };
        out.push_str(&svg(&shrinkage_arrows(
            "Each school's effect is pulled towards mu",
            &arrows,
        )?)?);
        let (mu_hat, v_mu) = mu_given_tau(&priors, &Y, &SIGMA, self.tau);
        let rows: Vec<Vec<String>> = (0..Y.len())
            .map(|j| {
                let b = SIGMA[j].powi(2) / (SIGMA[j].powi(2) + self.tau.powi(2));
                let given = theta_given_tau(Y[j], SIGMA[j], self.tau, mu_hat, v_mu).0;
                vec![
                    SCHOOLS[j].to_string(),
                    query_number(Y[j]),
                    query_number(SIGMA[j]),
                    format!("{b:.3}"),
                    sig(given, 3),
                    sig(exact.theta[j].0, 3),
                    sig(exact.theta[j].1, 3),
                ]
            })
            .collect();
        let tau_header = format!("at τ = {}", query_number(self.tau));
        out.push_str(&table(
            &[
                "school",
                "y",
                "σ",
                &format!("B {tau_header}"),
                &format!("E[θ | τ, y] {tau_header}"),
                "E[θ | y]",
                "sd(θ | y)",
            ],
            &rows,
        ));
        let summary = vec![
            vec!["prior".into(), crate::html::escape(&label)],
            vec!["E[τ | y]".into(), sig(exact.tau.0, 3)],
            vec!["P(τ < 1 | y)".into(), sig(exact.tau_cdf(1.0), 3)],
            vec!["E[mu | y]".into(), sig(exact.mu.0, 3)],
        ];
        out.push_str(&table(&["", "exact"], &summary));
        Ok(out)
    }
}
