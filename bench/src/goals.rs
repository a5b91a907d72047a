//! The benchmark's goals as one table: each goal's ratio with its bootstrap
//! interval over seeds ([`crate::interval`]), the model that decides it, and
//! whether it is met.
//!
//! A ratio near 1 against essentially the same algorithm is a coin flip, so
//! a goal counts as met only when, on every model it names, the ratio of
//! medians reaches the goal *and* the lower end of its 95% interval is at
//! least [`LOWER_END`] × the goal.

use crate::interval::RatioInterval;
use crate::report::num;
use std::fmt::Write;

/// The share of the goal the interval's lower end must reach.
pub const LOWER_END: f64 = 0.95;

/// One goal: `ours / other ≥ threshold` in some measure, on some models,
/// with the ratio measured on each of them.
#[derive(Debug, Clone)]
pub struct Goal {
    /// What is divided, e.g. "ESS per gradient, ours · default / nuts-rs · draws".
    pub what: String,
    /// The models it is set on, e.g. "every model".
    pub on: String,
    /// The ratio to reach.
    pub threshold: f64,
    /// `(model, ratio)` for every model measured.
    pub measured: Vec<(String, RatioInterval)>,
}

impl Goal {
    /// Whether one model's ratio meets the goal.
    fn passes(&self, q: &RatioInterval) -> bool {
        q.ratio >= self.threshold && (!q.has_interval() || q.lower >= LOWER_END * self.threshold)
    }

    /// The model that decides the verdict: the smallest ratio among the
    /// models that miss, or, when none misses, the smallest lower end.
    pub fn deciding(&self) -> Option<&(String, RatioInterval)> {
        let failing = self.measured.iter().filter(|(_, q)| !self.passes(q));
        let smallest = |a: &&(String, RatioInterval), b: &&(String, RatioInterval)| {
            a.1.ratio.total_cmp(&b.1.ratio)
        };
        failing.min_by(smallest).or_else(|| {
            self.measured.iter().min_by(|a, b| {
                let key = |q: &RatioInterval| if q.has_interval() { q.lower } else { q.ratio };
                key(&a.1).total_cmp(&key(&b.1))
            })
        })
    }

    /// "met", or how the deciding model misses.
    pub fn verdict(&self) -> String {
        let Some((_, q)) = self.deciding() else {
            return "not measured".into();
        };
        if self.passes(q) {
            "met".into()
        } else if q.ratio < self.threshold {
            format!("missed by {}%", num(100.0 * (1.0 - q.ratio / self.threshold)))
        } else {
            format!(
                "missed: the interval reaches down to {} (below {} × {})",
                num(q.lower),
                LOWER_END,
                self.threshold
            )
        }
    }
}

/// `ratio [lower, upper]`, or the ratio alone without an interval.
pub fn with_interval(q: &RatioInterval) -> String {
    if q.has_interval() {
        format!("{} [{}, {}]", num(q.ratio), num(q.lower), num(q.upper))
    } else {
        num(q.ratio)
    }
}

/// The goals as a markdown table, after a sentence stating the rule.
pub fn goals_table(goals: &[Goal]) -> String {
    let mut s = format!(
        "A goal is met when, on every model it names, the ratio of medians over seeds reaches it and \
         the lower end of the ratio's 95% bootstrap interval over seeds ({} resamples) is at least \
         {LOWER_END} × the goal. The model shown is the one that decides: the worst that misses, or \
         the one with the lowest interval.\n\n\
         | goal | on | ratio [95% interval] | deciding model | verdict |\n\
         |---|---|---:|---|---|\n",
        crate::interval::RESAMPLES
    );
    for g in goals {
        let (model, ratio) = g
            .deciding()
            .map_or(("–".to_string(), "–".to_string()), |(m, q)| (m.clone(), with_interval(q)));
        writeln!(
            s,
            "| {} ≥ {} | {} | {ratio} | {model} | {} |",
            g.what,
            g.threshold,
            g.on,
            g.verdict()
        )
        .unwrap();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(ratio: f64, lower: f64, upper: f64) -> RatioInterval {
        RatioInterval { ratio, lower, upper }
    }

    fn goal(measured: Vec<(&str, RatioInterval)>) -> Goal {
        Goal {
            what: "ESS per gradient, a / b".into(),
            on: "every model".into(),
            threshold: 1.0,
            measured: measured.into_iter().map(|(m, q)| (m.to_string(), q)).collect(),
        }
    }

    #[test]
    fn met_needs_the_ratio_and_the_lower_end() {
        let g = goal(vec![("a", q(1.2, 1.0, 1.4)), ("b", q(1.05, 0.97, 1.2))]);
        assert_eq!(g.verdict(), "met");
        assert_eq!(g.deciding().unwrap().0, "b");
        let g = goal(vec![("a", q(1.2, 1.0, 1.4)), ("b", q(1.02, 0.9, 1.2))]);
        assert!(g.verdict().starts_with("missed: the interval"), "{}", g.verdict());
        let g = goal(vec![("a", q(0.8, 0.7, 0.9)), ("b", q(0.9, 0.85, 0.95))]);
        assert_eq!(g.deciding().unwrap().0, "a");
        assert_eq!(g.verdict(), "missed by 20.0%");
    }

    #[test]
    fn the_table_states_the_rule_and_every_goal() {
        let t = goals_table(&[
            goal(vec![("a", q(1.1, 1.0, 1.2))]),
            goal(vec![("a", RatioInterval::point(0.5))]),
            goal(vec![]),
        ]);
        assert!(t.contains(
            "| ESS per gradient, a / b ≥ 1 | every model | 1.10 [1.00, 1.20] | a | met |"
        ));
        assert!(t.contains("| 0.500 | a | missed by 50.0% |"));
        assert!(t.contains("| – | – | not measured |"));
        assert!(t.contains("0.95 × the goal"));
    }
}
