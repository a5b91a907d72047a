//! The Beta chapter's simulated data sets, each with the truth it was drawn from.
//!
//! Every data set draws from its own ChaCha8 stream, `chain_rng(seed,
//! DATA_REPLICATION, k)`, a replication number no fit uses, so the data do
//! not change when the sampler's settings do.

use super::beta::{beta_draw, shapes};
use rand::Rng;
use sampler::rng::{chain_rng, std_normal};

/// Replication number of the data streams (fits use small numbers).
pub const DATA_REPLICATION: u32 = u32::MAX;

/// Stream numbers of the data sets.
mod stream {
    pub const HEIGHTS: u32 = 0;
    pub const PRIOR_PREDICTIVE: u32 = 1;
    pub const ONE_SCHOOL: u32 = 2;
    pub const FIVE_SCHOOLS: u32 = 3;
    pub const THREE_LEVELS: u32 = 4;
}

/// The generator of data set `stream`.
pub fn data_rng(seed: u64, stream: u32) -> impl Rng {
    chain_rng(seed, DATA_REPLICATION, stream)
}

// ANCHOR: heights_truth
/// Heights: 4 countries with means `Normal(176, 10)`, 20 people each, sd 3 cm.
pub const HEIGHTS_TRUTH: HeightsTruth =
    HeightsTruth { countries: 4, people: 20, grand_mean: 176.0, country_sd: 10.0, person_sd: 3.0 };
// ANCHOR_END: heights_truth

/// The settings of the heights simulation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeightsTruth {
    /// Number of countries.
    pub countries: usize,
    /// People per country.
    pub people: usize,
    /// Mean of the country means (cm).
    pub grand_mean: f64,
    /// Spread of the country means (cm).
    pub country_sd: f64,
    /// Spread of heights within a country (cm).
    pub person_sd: f64,
}

/// Simulated heights with their true country means.
#[derive(Debug, Clone, PartialEq)]
pub struct HeightsData {
    /// True mean of each country.
    pub country_means: Vec<f64>,
    /// Heights of each country's people (cm).
    pub heights: Vec<Vec<f64>>,
}

/// Draws the heights data set.
pub fn heights(seed: u64) -> HeightsData {
    let t = HEIGHTS_TRUTH;
    let mut rng = data_rng(seed, stream::HEIGHTS);
    let country_means: Vec<f64> =
        (0..t.countries).map(|_| t.grand_mean + t.country_sd * std_normal(&mut rng)).collect();
    let heights = country_means
        .iter()
        .map(|m| (0..t.people).map(|_| m + t.person_sd * std_normal(&mut rng)).collect())
        .collect();
    HeightsData { country_means, heights }
}

/// One school: mean 0.75, sample size 10, 20 students.
pub const ONE_SCHOOL_TRUTH: (f64, f64, usize) = (0.75, 10.0, 20);

/// One school's simulated scores.
#[derive(Debug, Clone, PartialEq)]
pub struct OneSchoolData {
    /// True mean.
    pub mu: f64,
    /// True sample size.
    pub nu: f64,
    /// The students' scores.
    pub scores: Vec<f64>,
}

/// Draws one school of students from `Beta(0.75·10, 0.25·10)`.
pub fn one_school(seed: u64) -> OneSchoolData {
    let (mu, nu, n) = ONE_SCHOOL_TRUTH;
    let mut rng = data_rng(seed, stream::ONE_SCHOOL);
    let (a, b) = shapes(mu, nu);
    OneSchoolData { mu, nu, scores: (0..n).map(|_| beta_draw(&mut rng, a, b)).collect() }
}

/// Classes simulated from the one-school priors, `mu ~ Beta(12, 4)`,
/// `nu ~ Normal(10, 1)`: the `(mu, nu)` each class draws its scores from,
/// and the scores of `students` students.
pub fn prior_predictive(seed: u64, classes: usize, students: usize) -> Vec<((f64, f64), Vec<f64>)> {
    use super::one_school::{MU_PRIOR, NU_PRIOR};
    let mut rng = data_rng(seed, stream::PRIOR_PREDICTIVE);
    (0..classes)
        .map(|_| {
            let mu = beta_draw(&mut rng, MU_PRIOR.0, MU_PRIOR.1);
            let nu = loop {
                let nu = NU_PRIOR.0 + NU_PRIOR.1 * std_normal(&mut rng);
                if nu > 0.0 {
                    break nu;
                }
            };
            let (a, b) = shapes(mu, nu);
            let scores = (0..students).map(|_| beta_draw(&mut rng, a, b)).collect();
            ((mu, nu), scores)
        })
        .collect()
}

/// Several schools whose means come from one Beta.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolsData {
    /// Mean and sample size of the Beta the school means come from.
    pub population: (f64, f64),
    /// True mean of each school.
    pub school_means: Vec<f64>,
    /// Sample size of every school's score distribution.
    pub student_nu: f64,
    /// Each school's students' scores.
    pub scores: Vec<Vec<f64>>,
}

// ANCHOR: five_schools_truth
/// Five schools: means from `Beta(0.75·50, 0.25·50)`, students' sample
/// size 30, 20 students per school.
pub const FIVE_SCHOOLS_TRUTH: ((f64, f64), usize, f64, usize) = ((0.75, 50.0), 5, 30.0, 20);
// ANCHOR_END: five_schools_truth

/// Draws the five-schools data set.
pub fn five_schools(seed: u64) -> SchoolsData {
    let ((mu, nu), schools, student_nu, students) = FIVE_SCHOOLS_TRUTH;
    let mut rng = data_rng(seed, stream::FIVE_SCHOOLS);
    let (a, b) = shapes(mu, nu);
    let school_means: Vec<f64> = (0..schools).map(|_| beta_draw(&mut rng, a, b)).collect();
    let scores = school_means
        .iter()
        .map(|&m| {
            let (a, b) = shapes(m, student_nu);
            (0..students).map(|_| beta_draw(&mut rng, a, b)).collect()
        })
        .collect();
    SchoolsData { population: (mu, nu), school_means, student_nu, scores }
}

/// The settings of the three-level simulation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThreeLevelsTruth {
    /// Number of districts.
    pub districts: usize,
    /// Schools in each district.
    pub schools_per_district: usize,
    /// Students in each school.
    pub students_per_school: usize,
    /// Mean and sample size of the Beta the district means come from.
    pub top: (f64, f64),
    /// Sample size of each district's Beta over its school means.
    pub district_nu: f64,
    /// Sample size of each school's Beta over its students' scores.
    pub student_nu: f64,
}

// ANCHOR: three_levels_truth
/// Three districts of three schools of 20 students: district means from
/// `Beta(0.75·30, 0.25·30)`, school means from `Beta(m_d·40, (1 − m_d)·40)`,
/// scores from `Beta(m_s·30, (1 − m_s)·30)`.
pub const THREE_LEVELS_TRUTH: ThreeLevelsTruth = ThreeLevelsTruth {
    districts: 3,
    schools_per_district: 3,
    students_per_school: 20,
    top: (0.75, 30.0),
    district_nu: 40.0,
    student_nu: 30.0,
};
// ANCHOR_END: three_levels_truth

/// Simulated districts, schools and students.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreeLevelsData {
    /// True district means.
    pub district_means: Vec<f64>,
    /// True school means, district by district.
    pub school_means: Vec<f64>,
    /// District (0-based) of each school.
    pub district_of: Vec<usize>,
    /// Each school's students' scores.
    pub scores: Vec<Vec<f64>>,
}

/// Draws the three-level data set.
pub fn three_levels(seed: u64) -> ThreeLevelsData {
    let t = THREE_LEVELS_TRUTH;
    let mut rng = data_rng(seed, stream::THREE_LEVELS);
    let (a, b) = shapes(t.top.0, t.top.1);
    let district_means: Vec<f64> = (0..t.districts).map(|_| beta_draw(&mut rng, a, b)).collect();
    let mut school_means = Vec::new();
    let mut district_of = Vec::new();
    for (d, &m) in district_means.iter().enumerate() {
        let (a, b) = shapes(m, t.district_nu);
        for _ in 0..t.schools_per_district {
            school_means.push(beta_draw(&mut rng, a, b));
            district_of.push(d);
        }
    }
    let scores = school_means
        .iter()
        .map(|&m| {
            let (a, b) = shapes(m, t.student_nu);
            (0..t.students_per_school).map(|_| beta_draw(&mut rng, a, b)).collect()
        })
        .collect();
    ThreeLevelsData { district_means, school_means, district_of, scores }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_sets_have_the_documented_shapes_and_are_reproducible() {
        let h = heights(3);
        assert_eq!(h.heights.len(), 4);
        assert!(h.heights.iter().all(|c| c.len() == 20));
        assert_eq!(h, heights(3));
        assert_ne!(h, heights(4));
        let t = three_levels(3);
        assert_eq!(t.school_means.len(), 9);
        assert_eq!(t.district_of, vec![0, 0, 0, 1, 1, 1, 2, 2, 2]);
        assert!(t.scores.iter().flatten().all(|s| *s > 0.0 && *s < 1.0));
        assert_eq!(five_schools(3).scores.len(), 5);
        assert_eq!(one_school(3).scores.len(), 20);
        let pp = prior_predictive(3, 10, 7);
        assert_eq!(pp.len(), 10);
        assert!(pp.iter().all(|(_, s)| s.len() == 7));
    }
}
