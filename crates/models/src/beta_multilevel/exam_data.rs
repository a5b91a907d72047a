//! Published exam results: one row per school with its authority, number of
//! writers, exam average and standard deviation, either simulated here (with
//! the true school means kept) or read from the province's workbook
//! (the Beta chapter's `workbook.rs`).

use super::beta::{beta_draw, shapes};
use super::exam::SchoolSummary;
use super::simulate::data_rng;
use sampler::rng::{std_normal, uniform};

/// One school's published line.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamSchool {
    /// Code of the school authority (board, division, private operator).
    pub authority_code: String,
    /// Name of the authority.
    pub authority_name: String,
    /// Code of the school.
    pub school_code: String,
    /// Name of the school.
    pub school_name: String,
    /// Number of students who wrote the exam.
    pub writers: u32,
    /// Exam average, in percent (as published, one decimal).
    pub mean_pct: f64,
    /// Standard deviation of the exam marks, in percent.
    pub sd_pct: f64,
    /// The school's true mean score as a proportion, when simulated.
    pub true_mean: Option<f64>,
}

/// A course's results for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamData {
    /// Where the data come from, for the page ("simulated", a file name).
    pub source: String,
    /// Diploma course.
    pub course: String,
    /// School year (the year it ends in).
    pub year: u32,
    /// Every school with at least one writer.
    pub schools: Vec<ExamSchool>,
}

/// The schools kept for modelling, with authority indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The kept schools, in the data's order.
    pub schools: Vec<ExamSchool>,
    /// Authority codes in order of first appearance (index = authority index).
    pub authorities: Vec<String>,
    /// What the models need: mean as a proportion, writers, authority index.
    pub summaries: Vec<SchoolSummary>,
}

impl ExamData {
    /// The schools with at least `min_writers` writers (the source keeps 30 or more).
    pub fn select(&self, min_writers: u32) -> Selection {
        let schools: Vec<ExamSchool> =
            self.schools.iter().filter(|s| s.writers >= min_writers).cloned().collect();
        let mut authorities: Vec<String> = Vec::new();
        let summaries = schools
            .iter()
            .map(|s| {
                let authority = match authorities.iter().position(|a| *a == s.authority_code) {
                    Some(k) => k,
                    None => {
                        authorities.push(s.authority_code.clone());
                        authorities.len() - 1
                    }
                };
                SchoolSummary { mean: s.mean_pct / 100.0, n: f64::from(s.writers), authority }
            })
            .collect();
        Selection { schools, authorities, summaries }
    }
}

/// The settings of the simulated province.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProvinceTruth {
    /// Number of authorities.
    pub authorities: usize,
    /// Number of schools with at least one writer.
    pub schools: usize,
    /// Writers per school are `round(exp(Normal(ln median, sdlog)))`, at least 1.
    pub writers_median: f64,
    /// The `sdlog` of that lognormal (see `writers_median`).
    pub writers_sdlog: f64,
    /// Authority sizes follow Zipf weights `1/rank^exponent`.
    pub zipf_exponent: f64,
    /// Mean and sample size of the Beta the authority means come from.
    pub authority_means: (f64, f64),
    /// Sample size of each authority's Beta over its school means.
    pub school_nu: f64,
    /// Each school's students' sample size is `Normal(mean, sd)`.
    pub student_nu: (f64, f64),
}

// ANCHOR: province
/// A province shaped like the source's: 320 schools in 60 authorities, a
/// long tail of small schools (so about 140 keep 30 or more writers),
/// authority means around 64%, and students' scores with sample size about
/// 30, the value every model in the source assumes.
pub const PROVINCE: ProvinceTruth = ProvinceTruth {
    authorities: 60,
    schools: 320,
    writers_median: 27.0,
    writers_sdlog: 1.1,
    zipf_exponent: 0.9,
    authority_means: (0.64, 25.0),
    school_nu: 60.0,
    student_nu: (30.0, 4.0),
};
// ANCHOR_END: province

/// Stream of the simulated province's generator.
const PROVINCE_STREAM: u32 = 10;

/// Rounds to one decimal, as the published percentages are.
fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Simulates a province's results for one course: authorities, schools,
/// every student's score, and the published summary of each school.
pub fn simulate_province(seed: u64, t: &ProvinceTruth) -> ExamData {
    let mut rng = data_rng(seed, PROVINCE_STREAM);
    let (a, b) = shapes(t.authority_means.0, t.authority_means.1);
    let authority_means: Vec<f64> = (0..t.authorities).map(|_| beta_draw(&mut rng, a, b)).collect();
    let weights: Vec<f64> =
        (1..=t.authorities).map(|r| (r as f64).powf(-t.zipf_exponent)).collect();
    let total: f64 = weights.iter().sum();
    let mut schools = Vec::with_capacity(t.schools);
    for j in 0..t.schools {
        let mut u = uniform(&mut rng) * total;
        let k = weights
            .iter()
            .position(|w| {
                u -= w;
                u < 0.0
            })
            .unwrap_or(t.authorities - 1);
        let writers =
            (t.writers_median.ln() + t.writers_sdlog * std_normal(&mut rng)).exp().round().max(1.0)
                as u32;
        let (a, b) = shapes(authority_means[k], t.school_nu);
        let mu = beta_draw(&mut rng, a, b);
        let nu = (t.student_nu.0 + t.student_nu.1 * std_normal(&mut rng)).max(2.0);
        let (a, b) = shapes(mu, nu);
        let scores: Vec<f64> = (0..writers).map(|_| beta_draw(&mut rng, a, b)).collect();
        let n = f64::from(writers);
        let mean = scores.iter().sum::<f64>() / n;
        let sd = if writers > 1 {
            (scores.iter().map(|s| (s - mean) * (s - mean)).sum::<f64>() / (n - 1.0)).sqrt()
        } else {
            0.0
        };
        schools.push(ExamSchool {
            authority_code: format!("{:04}", k + 1),
            authority_name: format!("Simulated authority {}", k + 1),
            school_code: format!("{:04}", j + 1),
            school_name: format!("Simulated school {}", j + 1),
            writers,
            mean_pct: one_decimal(100.0 * mean),
            sd_pct: one_decimal(100.0 * sd),
            true_mean: Some(mu),
        });
    }
    ExamData { source: "simulated".into(), course: "Mathematics 30-1".into(), year: 2016, schools }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_simulated_province_has_the_source_shape() {
        let data = simulate_province(20261123, &PROVINCE);
        assert_eq!(data.schools.len(), 320);
        let kept = data.select(30);
        let (schools, authorities) = (kept.schools.len(), kept.authorities.len());
        assert!((110..=170).contains(&schools), "{schools} schools kept");
        assert!((20..=60).contains(&authorities), "{authorities} authorities");
        assert!(kept.summaries.iter().all(|s| s.n >= 30.0));
        assert!(kept.summaries.iter().all(|s| s.authority < authorities));
        assert_eq!(data, simulate_province(20261123, &PROVINCE));
    }
}
