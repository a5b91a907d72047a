//! The checker's own tests: the exercise list matches the files, a fresh tree
//! reports every exercise unsolved, a solution copied over its exercise
//! turns it solved, and a compile error stays in its own exercise.
//!
//! The checker runs in a scratch workspace holding a copy of `exercises/`
//! (the real tree is never touched). Its manifest is the real one with
//! `members = ["exercises"]` and absolute paths, and it builds into the real
//! target directory with the same profile settings, so the dependencies
//! compiled for the rest of the workspace are reused.

use super::*;
use std::fs;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// The target directory this test binary was built in (`<target>/<profile>/deps/xtask-…`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("path of the test binary");
    exe.ancestors().nth(3).expect("test binaries live in <target>/<profile>/deps").to_path_buf()
}

fn features_of(manifest: &str) -> Vec<String> {
    let all = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("all = ["))
        .expect("exercises/Cargo.toml has an `all` feature");
    all.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

#[test]
fn every_exercise_has_its_files() {
    let root = root();
    let manifest = fs::read_to_string(root.join("exercises/Cargo.toml")).unwrap();
    let names: Vec<String> = EXERCISES.iter().map(|e| e.name.to_string()).collect();
    let mut features = features_of(&manifest);
    let mut sorted = names.clone();
    features.sort();
    sorted.sort();
    assert_eq!(
        features, sorted,
        "the `all` feature of exercises/Cargo.toml must list exactly the exercises of xtask/src/exercises.rs"
    );
    let lib = fs::read_to_string(root.join("exercises/src/lib.rs")).unwrap();
    for name in &names {
        for file in [
            format!("exercises/src/{name}.rs"),
            format!("exercises/checks/{name}.rs"),
            format!("solutions/src/{name}.rs"),
            format!("book/src/exercises/{name}.md"),
        ] {
            assert!(root.join(&file).is_file(), "exercise {name}: {file} is missing");
        }
        let gate = format!("#[cfg(feature = \"{name}\")]\npub mod {name};");
        assert!(lib.contains(&gate), "exercises/src/lib.rs must gate the module: {gate}");
        let feature = format!("\n{name} = [");
        assert!(manifest.contains(&feature), "exercises/Cargo.toml has no feature {name}");
    }
}

/// The root manifest, rewritten for a workspace at another place whose only
/// member is `exercises`: the member lists are replaced, dependency paths
/// made absolute, and each path dependency given the `[profile.release]` settings
/// it has as a member of the real workspace.
fn scratch_manifest(manifest: &str, root: &Path) -> String {
    let mut out = String::new();
    let mut in_array = false;
    let mut section = String::new();
    let mut dev_settings = Vec::new();
    let mut path_deps = Vec::new();
    let abs = format!("path = \"{}/", root.display());
    for line in manifest.lines() {
        let t = line.trim();
        if in_array {
            in_array = !t.starts_with(']');
            continue;
        }
        if t.starts_with("members") || t.starts_with("default-members") {
            in_array = !t.ends_with(']');
            if t.starts_with("members") {
                out.push_str("members = [\"exercises\"]\n");
            }
            continue;
        }
        if t.starts_with('[') {
            section = t.to_string();
        }
        if section == "[profile.release]" && t.contains('=') && !t.starts_with('#') {
            dev_settings.push(line.to_string());
        }
        if section == "[workspace.dependencies]" && t.contains("path = \"") {
            let name = t.split([' ', '=']).next().unwrap_or_default().to_string();
            path_deps.push(name);
            out.push_str(&line.replace("path = \"", &abs));
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    for name in path_deps {
        out.push_str(&format!("\n[profile.release.package.{name}]\n"));
        for s in &dev_settings {
            out.push_str(s);
            out.push('\n');
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            fs::copy(&path, &dest).unwrap();
        }
    }
}

/// A scratch workspace in the target directory with a fresh copy of `exercises/`.
fn scratch_workspace() -> PathBuf {
    let root = root();
    let dir = target_dir().join("tmp").join("exercises-checker-selftest");
    let _ = fs::remove_dir_all(dir.join("exercises"));
    fs::create_dir_all(&dir).unwrap();
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    fs::write(dir.join("Cargo.toml"), scratch_manifest(&manifest, &root)).unwrap();
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    copy_dir(&root.join("exercises"), &dir.join("exercises"));
    dir
}

fn expect(checker: &Checker, name: &str, status: Status) {
    let report = checker.check(name).expect("the checker runs");
    assert_eq!(
        report.status,
        status,
        "exercise {name}: expected {}, got {}; output:\n{}",
        status.label(),
        report.status.label(),
        report.output
    );
}

#[test]
fn fresh_exercises_are_unsolved_and_a_solution_solves_its_exercise() {
    let ws = scratch_workspace();
    let checker = Checker::new(&ws).with_target_dir(&target_dir());

    // A fresh tree: every exercise still has its todo!()s and is unsolved.
    // (If you have solved some in your own tree, those are skipped here.)
    for e in EXERCISES {
        let src = fs::read_to_string(ws.join(format!("exercises/src/{}.rs", e.name))).unwrap();
        if !src.contains("todo!(") {
            eprintln!("skipping {}: exercises/src/{}.rs has no todo!() left", e.name, e.name);
            continue;
        }
        expect(&checker, e.name, Status::Unsolved);
    }

    // Copying a solution over its exercise solves it.
    fs::copy(root().join("solutions/src/shrinkage.rs"), ws.join("exercises/src/shrinkage.rs"))
        .unwrap();
    expect(&checker, "shrinkage", Status::Solved);

    // A compile error in one exercise is reported there, and only there.
    fs::write(
        ws.join("exercises/src/new_school.rs"),
        "pub fn half_written(x: f64) -> f64 { x + }\n",
    )
    .unwrap();
    expect(&checker, "new_school", Status::DoesNotCompile);
    expect(&checker, "shrinkage", Status::Solved);
}

#[test]
fn unknown_exercise_is_a_clear_error() {
    let err = find("shrinkage_typo").err().expect("no such exercise");
    assert!(err.to_string().contains("exercises: shrinkage"), "{err}");
}

#[test]
fn scratch_manifest_keeps_one_member_and_absolute_paths() {
    let manifest = "[workspace]\nmembers = [\n    \"a\",\n]\ndefault-members = [\"a\"]\n\n\
                    [workspace.dependencies]\nsampler = { path = \"crates/sampler\" }\nrand = \"0.10\"\n\n\
                    [profile.release]\ndebug = \"line-tables-only\"\n";
    let out = scratch_manifest(manifest, Path::new("/w"));
    assert!(out.contains("members = [\"exercises\"]\n"), "{out}");
    assert!(!out.contains("\"a\""), "{out}");
    assert!(out.contains("sampler = { path = \"/w/crates/sampler\" }"), "{out}");
    assert!(
        out.contains("[profile.release.package.sampler]\ndebug = \"line-tables-only\"\n"),
        "{out}"
    );
}
