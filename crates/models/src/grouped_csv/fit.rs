//! The three pooling models over a [`GroupedTable`], built from the book's fast models
//! (hand gradients over per-group sums, no pass of forward mode over the rows):
//!
//! * without a predictor, varying intercepts `y ~ Normal(theta_j, sigma)` on each
//!   group's sufficient statistics: [`crate::normal_groups`], with
//!   [`INTERCEPT_PRIORS`] (`mu ~ Normal(0, 10)`, `tau, sigma ~ HalfNormal(5)`; no
//!   pooling gives each group its own `sigma_j`);
//! * with a predictor, varying intercepts and slopes
//!   `y ~ Normal(beta_0[j] + beta_1[j] x, sigma)`: [`crate::varying_slopes`] and
//!   [`crate::pooling_regression`] (`Normal(0, 10)` coefficients, half-Cauchy(0, 5)
//!   scales).
//!
//! Partial pooling is non-centred. [`GroupedModel::line`] reads any of the six back as
//! one line per group, which is all the pointwise log-likelihood (for LOO) and the
//! posterior predictive check need.

use super::GroupedTable;
use crate::Parameterization;
use crate::data_error::DataError;
use crate::grouped_regression::GroupedRows as Rows;
use crate::normal_groups::{self, GroupPriors, GroupStats};
use crate::pooling_regression;
use crate::varying_slopes::VaryingSlopes;
use rand::Rng;
use sampler::Model;
use sampler::rng::std_normal;
use std::ops::Range;

/// Priors of the varying-intercepts models (no predictor).
pub const INTERCEPT_PRIORS: GroupPriors =
    GroupPriors { mu_mean: 0.0, mu_sd: 10.0, tau_scale: 5.0, sigma_scale: 5.0 };

/// How much the groups share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooling {
    /// One line (or one mean) for every group.
    Complete,
    /// A line per group, fitted on its own.
    None,
    /// A line per group, drawn from a population (non-centred).
    Partial,
}

impl Pooling {
    /// All three, in the order they are fitted and reported.
    pub const ALL: [Pooling; 3] = [Pooling::Partial, Pooling::Complete, Pooling::None];

    /// The replication stream of this pooling's fit: its place in
    /// [`Pooling::ALL`], so that the three fits draw from different streams.
    pub fn stream(self) -> u32 {
        match self {
            Pooling::Partial => 0,
            Pooling::Complete => 1,
            Pooling::None => 2,
        }
    }

    /// Name in tables.
    pub fn label(self) -> &'static str {
        match self {
            Pooling::Complete => "complete pooling",
            Pooling::None => "no pooling",
            Pooling::Partial => "partial pooling",
        }
    }

    /// Short name for files.
    pub fn key(self) -> &'static str {
        match self {
            Pooling::Complete => "complete",
            Pooling::None => "no_pooling",
            Pooling::Partial => "partial",
        }
    }
}

/// One group's line at one draw: `y ~ Normal(intercept + slope x, sigma)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// The intercept (the group mean without a predictor).
    pub intercept: f64,
    /// The slope (0 without a predictor).
    pub slope: f64,
    /// The residual sd.
    pub sigma: f64,
}

impl Line {
    /// `log Normal(y | intercept + slope x, sigma)`, with every constant.
    pub fn log_lik(&self, x: f64, y: f64) -> f64 {
        let z = (y - self.intercept - self.slope * x) / self.sigma;
        -0.5 * z * z - self.sigma.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln()
    }
}

/// One of the six models: three poolings, with or without a predictor.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupedModel {
    /// Complete pooling, no predictor.
    MeanComplete(normal_groups::CompletePoolingMeans),
    /// No pooling, no predictor.
    MeanNone(normal_groups::NoPoolingMeans),
    /// Partial pooling, no predictor.
    MeanPartial(normal_groups::PartialPooling),
    /// Complete pooling with the predictor.
    LineComplete(pooling_regression::CompletePoolingLines),
    /// No pooling with the predictor.
    LineNone(pooling_regression::NoPoolingLines),
    /// Partial pooling with the predictor.
    LinePartial(VaryingSlopes),
}

impl GroupedModel {
    /// The model of `pooling` on `table`. No pooling first checks that every group can
    /// be fitted on its own ([`GroupedTable::check_no_pooling`]).
    pub fn new(table: &GroupedTable, pooling: Pooling) -> Result<Self, DataError> {
        if pooling == Pooling::None {
            table.check_no_pooling()?;
        }
        let shape = |message: String| DataError::Csv { path: table.path.clone(), message };
        let j = table.num_groups();
        Ok(match &table.x {
            None => {
                let data = GroupStats::from_groups(&table.outcomes_by_group())
                    .map_err(|e| shape(e.to_string()))?;
                let priors = INTERCEPT_PRIORS;
                match pooling {
                    Pooling::Complete => {
                        Self::MeanComplete(normal_groups::CompletePoolingMeans { data, priors })
                    }
                    Pooling::None => Self::MeanNone(normal_groups::NoPoolingMeans { data, priors }),
                    Pooling::Partial => Self::MeanPartial(normal_groups::PartialPooling {
                        data,
                        priors,
                        parameterization: Parameterization::NonCentred,
                    }),
                }
            }
            Some(x) => {
                let data = Rows::new(&table.group, x, &table.y, j).map_err(shape)?;
                match pooling {
                    Pooling::Complete => {
                        Self::LineComplete(pooling_regression::CompletePoolingLines { data })
                    }
                    Pooling::None => Self::LineNone(pooling_regression::NoPoolingLines { data }),
                    Pooling::Partial => {
                        Self::LinePartial(VaryingSlopes::new(data, Parameterization::NonCentred))
                    }
                }
            }
        })
    }

    fn inner(&self) -> &dyn Model {
        match self {
            Self::MeanComplete(m) => m,
            Self::MeanNone(m) => m,
            Self::MeanPartial(m) => m,
            Self::LineComplete(m) => m,
            Self::LineNone(m) => m,
            Self::LinePartial(m) => m,
        }
    }

    /// Number of groups the model was built on.
    pub fn num_groups(&self) -> usize {
        match self {
            Self::MeanComplete(m) => m.data.num_groups(),
            Self::MeanNone(m) => m.data.num_groups(),
            Self::MeanPartial(m) => m.data.num_groups(),
            Self::LineComplete(m) => m.data.num_groups(),
            Self::LineNone(m) => m.data.num_groups(),
            Self::LinePartial(m) => m.data.num_groups(),
        }
    }

    /// The name of group `j`'s intercept among the constrained values (`None` under
    /// complete pooling, where there is one for all groups).
    pub fn intercept_name(&self, j: usize) -> Option<String> {
        match self {
            Self::MeanComplete(_) | Self::LineComplete(_) => None,
            Self::MeanNone(_) | Self::MeanPartial(_) => Some(format!("theta.{}", j + 1)),
            Self::LineNone(_) | Self::LinePartial(_) => Some(format!("beta_0.{}", j + 1)),
        }
    }

    /// Group `j`'s line at one draw, from the constrained values `c` (in the order of
    /// `param_names`).
    pub fn line(&self, c: &[f64], j: usize) -> Line {
        let n = self.num_groups();
        let (intercept, slope, sigma) = match self {
            Self::MeanComplete(_) => (c[0], 0.0, c[1]),
            Self::MeanNone(_) => (c[j], 0.0, c[n + j]),
            Self::MeanPartial(_) => (c[3 + j], 0.0, c[2]),
            Self::LineComplete(_) => (c[0], c[1], c[2]),
            Self::LineNone(_) => (c[j], c[n + j], c[2 * n]),
            Self::LinePartial(_) => (c[4 + j], c[4 + n + j], c[4 + 2 * n]),
        };
        Line { intercept, slope, sigma }
    }

    /// `log p(y_i | draw)` for the rows `i` in `rows` of `table` (all of them:
    /// `0..table.len()`), in file order: PSIS-LOO's pointwise log-likelihood.
    pub fn pointwise_log_lik(
        &self,
        table: &GroupedTable,
        c: &[f64],
        rows: Range<usize>,
    ) -> Vec<f64> {
        rows.map(|i| self.line(c, table.group[i]).log_lik(table.x_of(i), table.y[i])).collect()
    }

    /// A replicated data set at one draw: `y_rep_i ~ Normal(intercept + slope x_i, sigma)`
    /// with row `i`'s group line ([`GroupedModel::line`]), for every row of `table` in
    /// file order, one standard normal draw from `rng` per row: what a posterior
    /// predictive check compares with the data.
    pub fn simulate<R: Rng + ?Sized>(
        &self,
        table: &GroupedTable,
        c: &[f64],
        rng: &mut R,
    ) -> Vec<f64> {
        (0..table.len())
            .map(|i| {
                let line = self.line(c, table.group[i]);
                line.intercept + line.slope * table.x_of(i) + line.sigma * std_normal(rng)
            })
            .collect()
    }
}

impl Model for GroupedModel {
    fn dim(&self) -> usize {
        self.inner().dim()
    }

    fn param_names(&self) -> Vec<String> {
        self.inner().param_names()
    }

    fn log_density_grad(&self, x: &[f64], grad: &mut [f64]) -> f64 {
        self.inner().log_density_grad(x, grad)
    }

    fn log_density(&self, x: &[f64]) -> f64 {
        self.inner().log_density(x)
    }

    fn constrain(&self, x: &[f64], out: &mut Vec<f64>) {
        self.inner().constrain(x, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grouped_csv::Columns;
    use std::path::Path;

    #[test]
    fn each_pooling_has_its_place_in_all_as_its_stream() {
        for (i, p) in Pooling::ALL.into_iter().enumerate() {
            assert_eq!(p.stream() as usize, i);
        }
    }

    fn table(predictor: bool) -> GroupedTable {
        let text = "g,y,x\na,1,0\na,2,1\nb,3,0\nb,5,2\nb,4,1\n";
        let columns = Columns {
            group: "g".into(),
            outcome: "y".into(),
            predictor: predictor.then(|| "x".into()),
        };
        GroupedTable::from_reader(text.as_bytes(), Path::new("t.csv"), &columns).unwrap()
    }

    #[test]
    fn line_reads_each_model_by_its_names() {
        for predictor in [false, true] {
            let t = table(predictor);
            for pooling in Pooling::ALL {
                let m = GroupedModel::new(&t, pooling).unwrap();
                let names = m.param_names();
                // Constrained value k is k + 1, so a line's fields name their index.
                let c: Vec<f64> = (1..=names.len()).map(|k| k as f64).collect();
                let at = |name: &str| names.iter().position(|n| n == name).unwrap() as f64 + 1.0;
                let line = m.line(&c, 1);
                let (b0, b1, s) = match (pooling, predictor) {
                    (Pooling::Complete, false) => (at("mu"), None, at("sigma")),
                    (Pooling::Complete, true) => (at("beta_0"), Some(at("beta_1")), at("sigma")),
                    (Pooling::None, false) => (at("theta.2"), None, at("sigma.2")),
                    (Pooling::Partial, false) => (at("theta.2"), None, at("sigma")),
                    (_, true) => (at("beta_0.2"), Some(at("beta_1.2")), at("sigma")),
                };
                assert_eq!(line.intercept, b0, "{pooling:?} {predictor}");
                assert_eq!(line.slope, b1.unwrap_or(0.0), "{pooling:?} {predictor}");
                assert_eq!(line.sigma, s, "{pooling:?} {predictor}");
                if let Some(name) = m.intercept_name(1) {
                    assert_eq!(at(&name), b0);
                }
            }
        }
    }

    #[test]
    fn simulate_draws_one_value_per_row_around_its_line() {
        let t = table(false);
        let m = GroupedModel::new(&t, Pooling::Complete).unwrap();
        let mut rng = sampler::rng::chain_rng(3, 0, 0);
        // mu = 1 and sigma = 0: every replicated row is the line itself.
        assert_eq!(m.simulate(&t, &[1.0, 0.0], &mut rng), vec![1.0; t.len()]);
        let (a, b) = (chain_rng_sim(&m, &t), chain_rng_sim(&m, &t));
        assert_eq!(a, b);
        assert_eq!(m.pointwise_log_lik(&t, &[1.0, 2.0], 1..3).len(), 2);
    }

    fn chain_rng_sim(m: &GroupedModel, t: &GroupedTable) -> Vec<f64> {
        m.simulate(t, &[1.0, 2.0], &mut sampler::rng::chain_rng(3, 0, 1))
    }

    #[test]
    fn log_lik_is_the_normal_density() {
        let line = Line { intercept: 1.0, slope: 2.0, sigma: 1.5 };
        let expected = statrs::distribution::Continuous::ln_pdf(
            &statrs::distribution::Normal::new(7.0, 1.5).unwrap(),
            6.0,
        );
        assert!((line.log_lik(3.0, 6.0) - expected).abs() < 1e-14);
    }
}
