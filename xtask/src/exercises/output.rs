//! Reads the checks' output (libtest's, run with `--show-output`) into one result
//! per check, and prints them for a student: the values each check saw, yours
//! beside the expected ones, and for a failed check what went wrong.

/// What one check (a test function of `exercises/checks/<name>.rs`) did.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    /// The check function's name, e.g. `shrinkage_factors`.
    pub name: String,
    /// Whether it passed.
    pub passed: bool,
    /// The lines it printed (`what: yours …, expected …`) and, if it failed, the
    /// failure message, without libtest's and the panic hook's framing.
    pub lines: Vec<String>,
}

/// The checks of exercise `exercise` in `stdout` (libtest's output with
/// `--show-output`), in libtest's (alphabetical) order; empty if none ran.
pub fn parse(exercise: &str, stdout: &str) -> Vec<CheckResult> {
    let prefix = format!("{exercise}::checks::");
    let short = |full: &str| full.strip_prefix(&prefix).unwrap_or(full).to_string();
    let mut results: Vec<CheckResult> = Vec::new();
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix("test ")
            && let Some((name, status)) = rest.split_once(" ... ")
        {
            results.push(CheckResult {
                name: short(name),
                passed: status.trim() == "ok",
                lines: Vec::new(),
            });
        }
    }
    let mut current: Option<usize> = None;
    for line in stdout.lines() {
        if let Some(name) = line.strip_prefix("---- ").and_then(|l| l.strip_suffix(" stdout ----"))
        {
            let name = short(name);
            current = results.iter().position(|r| r.name == name);
            continue;
        }
        if line == "successes:" || line == "failures:" || line.starts_with("test result:") {
            current = None;
            continue;
        }
        if let Some(i) = current {
            results[i].lines.push(line.to_string());
        }
    }
    for r in &mut results {
        r.lines = clean(&r.lines);
    }
    results
}

/// Drops blank lines and the panic hook's notes; turns `thread '…' panicked at
/// FILE:LINE:COL:` into `(at FILE:LINE)` after the message it introduces, and a
/// `todo!()`'s `not yet implemented` into a sentence a student can act on.
fn clean(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut location: Option<String> = None;
    for line in lines {
        let t = line.trim_end();
        if t.trim().is_empty() || t.starts_with("note: run with `RUST_BACKTRACE") {
            continue;
        }
        // `thread 'NAME' panicked at …` (newer Rust: `thread 'NAME' (ID) panicked at …`).
        if let Some(rest) = t.strip_prefix("thread '")
            && let Some((_, at)) = rest.split_once(" panicked at ")
        {
            let at = at.trim_end_matches(':');
            // FILE:LINE:COL -> FILE:LINE, with `exercises/src/../checks` shortened.
            let at = at.rsplit_once(':').map_or(at, |(file_line, _)| file_line);
            location = Some(at.replace("exercises/src/../checks/", "exercises/checks/"));
            continue;
        }
        if let Some(at) = location.take() {
            if t.starts_with("not yet implemented") {
                let extra = t.trim_start_matches("not yet implemented").trim_start_matches(": ");
                let mut msg = format!("your code stopped at a todo!() ({at})");
                if !extra.is_empty() {
                    msg.push_str(&format!(": {extra}"));
                }
                out.push(msg);
            } else {
                out.push(format!("{t}  ({at})"));
            }
            continue;
        }
        out.push(t.to_string());
    }
    out
}

/// Orders `results` as their functions appear in the checks file `source`
/// (checks not found there go last, in their current order).
pub fn in_source_order(mut results: Vec<CheckResult>, source: &str) -> Vec<CheckResult> {
    let position = |name: &str| source.find(&format!("fn {name}(")).unwrap_or(usize::MAX);
    results.sort_by_key(|r| position(&r.name));
    results
}

/// The results as a student reads them: one heading per check (`✓` passed,
/// `✗` failed) and its lines indented below.
pub fn render(results: &[CheckResult]) -> String {
    let mut s = String::new();
    for r in results {
        let mark = if r.passed { "✓" } else { "✗" };
        s.push_str(&format!("{mark} {}\n", r.name.replace('_', " ")));
        for line in &r.lines {
            s.push_str(&format!("    {line}\n"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = "
running 3 tests
test shrinkage::checks::b_fails ... FAILED
test shrinkage::checks::a_passes ... ok
test shrinkage::checks::c_todo ... FAILED

successes:

---- shrinkage::checks::a_passes stdout ----
B for School A: yours 0.862069, expected 0.862069 (±1e-12)


successes:
    shrinkage::checks::a_passes

failures:

---- shrinkage::checks::b_fails stdout ----
first: yours 1, expected 1 (±1e-9)

thread 'shrinkage::checks::b_fails' panicked at exercises/src/../checks/shrinkage.rs:47:5:
School A: yours 28, expected 10.7586 (±1e-9)
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

---- shrinkage::checks::c_todo stdout ----

thread 'shrinkage::checks::c_todo' (4242) panicked at exercises/src/shrinkage.rs:12:5:
not yet implemented

failures:
    shrinkage::checks::b_fails
    shrinkage::checks::c_todo

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out
";

    #[test]
    fn parses_passes_failures_and_todos() {
        let r = parse("shrinkage", OUTPUT);
        let names: Vec<&str> = r.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["b_fails", "a_passes", "c_todo"]);
        assert!(r[1].passed && !r[0].passed && !r[2].passed);
        assert_eq!(r[1].lines, ["B for School A: yours 0.862069, expected 0.862069 (±1e-12)"]);
        assert_eq!(
            r[0].lines,
            [
                "first: yours 1, expected 1 (±1e-9)",
                "School A: yours 28, expected 10.7586 (±1e-9)  (exercises/checks/shrinkage.rs:47)"
            ]
        );
        assert_eq!(r[2].lines, ["your code stopped at a todo!() (exercises/src/shrinkage.rs:12)"]);
    }

    #[test]
    fn source_order_and_rendering() {
        let source = "fn helper() {}\n#[test]\nfn a_passes() {}\n#[test]\nfn c_todo() {}\n#[test]\nfn b_fails() {}\n";
        let r = in_source_order(parse("shrinkage", OUTPUT), source);
        let text = render(&r);
        assert!(text.starts_with("✓ a passes\n    B for School A: yours 0.862069"), "{text}");
        let (c, b) = (text.find("✗ c todo").unwrap(), text.find("✗ b fails").unwrap());
        assert!(c < b, "{text}");
    }
}
