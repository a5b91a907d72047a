//! Graded hints: one more step of a hint after each run in which one of its checks
//! fails, remembered between runs in a small file in the target directory
//! (`xtask/exercise-hints.txt`). A solved exercise forgets its hints. The formula is
//! shown only with `--hint`.

use super::catalogue::Exercise;
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

/// How many steps of each hint have been shown, by exercise and hint index.
#[derive(Debug, Default)]
pub struct HintState {
    path: Option<PathBuf>,
    shown: BTreeMap<(String, usize), usize>,
}

impl HintState {
    /// The state saved at `path` (empty if the file is missing or unreadable).
    pub fn load(path: PathBuf) -> Self {
        let mut shown = BTreeMap::new();
        for line in fs::read_to_string(&path).unwrap_or_default().lines() {
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let [name, hint, steps] = parts[..]
                && let (Ok(hint), Ok(steps)) = (hint.parse(), steps.parse())
            {
                shown.insert((name.to_string(), hint), steps);
            }
        }
        Self { path: Some(path), shown }
    }

    /// Writes the state back (a failure to write only loses the grading).
    pub fn save(&self) {
        if let Some(path) = &self.path {
            let text: String = self
                .shown
                .iter()
                .map(|((name, hint), steps)| format!("{name} {hint} {steps}\n"))
                .collect();
            if let Some(dir) = path.parent() {
                let _ = fs::create_dir_all(dir);
            }
            let _ = fs::write(path, text);
        }
    }

    /// Forgets the hints shown for `exercise` (it is solved).
    pub fn reset(&mut self, exercise: &str) {
        self.shown.retain(|(name, _), _| name != exercise);
    }

    /// The help to print after a run in which the checks `failed` of `ex` failed:
    /// for each hint that covers one of them, one step more than last time (all of
    /// them once every step has been shown) and, if `formula`, its formula.
    pub fn after_failure(&mut self, ex: &Exercise, failed: &[String], formula: bool) -> String {
        let mut out = String::new();
        let mut any = false;
        for (i, hint) in ex.hints.iter().enumerate() {
            if !hint.checks.iter().any(|c| failed.iter().any(|f| f == c)) {
                continue;
            }
            any = true;
            let shown = self.shown.entry((ex.name.to_string(), i)).or_insert(0);
            *shown = (*shown + 1).min(hint.steps.len());
            let checks = hint.checks.join(", ").replace('_', " ");
            out.push_str(&format!("hint for {checks}:\n"));
            for (k, step) in hint.steps[..*shown].iter().enumerate() {
                out.push_str(&format!("  {}. {step}\n", k + 1));
            }
            if formula {
                out.push_str(&format!("  formula: {}\n", hint.formula));
            } else if *shown < hint.steps.len() {
                out.push_str("  (run the checker again after trying: another step follows)\n");
            }
        }
        if !any {
            out.push_str(&format!(
                "Read the failing check in exercises/checks/{}.rs: it says what it computes.\n",
                ex.name
            ));
        } else if !formula {
            out.push_str(&format!(
                "Want the formula itself? `cargo xtask exercise {} --hint` shows it.\n",
                ex.name
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::catalogue::{EXERCISES, Hint};
    use super::*;

    const EX: Exercise = Exercise {
        name: "demo",
        title: "Demo",
        hints: &[
            Hint { checks: &["first"], steps: &["gentle", "firmer"], formula: "x = 1" },
            Hint { checks: &["second"], steps: &["unrelated"], formula: "y = 2" },
        ],
    };

    #[test]
    fn one_more_step_per_failed_run_and_the_formula_only_on_request() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hints.txt");
        let mut state = HintState::load(path.clone());
        let failed = vec!["first".to_string()];
        let first = state.after_failure(&EX, &failed, false);
        assert!(first.contains("1. gentle") && !first.contains("firmer"), "{first}");
        assert!(!first.contains("x = 1") && !first.contains("unrelated"), "{first}");
        state.save();
        // A new run reads the state: the second step appears, still no formula.
        let mut state = HintState::load(path.clone());
        let second = state.after_failure(&EX, &failed, false);
        assert!(second.contains("2. firmer") && !second.contains("x = 1"), "{second}");
        assert!(second.contains("--hint"), "{second}");
        let asked = state.after_failure(&EX, &failed, true);
        assert!(asked.contains("formula: x = 1"), "{asked}");
        // Solving forgets the steps shown.
        state.reset("demo");
        let again = state.after_failure(&EX, &failed, false);
        assert!(!again.contains("firmer"), "{again}");
    }

    #[test]
    fn every_hint_names_real_checks_and_has_steps() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for ex in EXERCISES {
            let source =
                fs::read_to_string(root.join(format!("exercises/checks/{}.rs", ex.name))).unwrap();
            for hint in ex.hints {
                assert!(!hint.steps.is_empty() && !hint.formula.is_empty());
                for check in hint.checks {
                    assert!(
                        source.contains(&format!("#[test]\nfn {check}(")),
                        "{}: the hint names check {check}, which exercises/checks/{}.rs lacks",
                        ex.name,
                        ex.name
                    );
                }
            }
        }
    }
}
