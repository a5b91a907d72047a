//! Every `cargo run … -p ch_x -- --flag …` line the book and the README show
//! must work: each flag after `--` is parsed by that chapter's own `Args`
//! (the parser its binary uses), so a renamed or removed flag fails here
//! rather than in a reader's terminal. No binary is run.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A command found in a page: where it is, the package, and its arguments.
#[derive(Debug, Clone, PartialEq)]
struct RunCommand {
    place: String,
    package: String,
    cargo_args: Vec<String>,
    program_args: Vec<String>,
}

/// Parses the text of one `cargo run` command (comment and backticks
/// already removed): cargo's own arguments, the `-p` package, and what
/// follows `--`.
fn parse_command(place: &str, text: &str) -> Result<RunCommand, String> {
    let words = shell_words(text).map_err(|e| format!("{place}: {e}"))?;
    let tokens: Vec<&str> = words.iter().map(String::as_str).collect();
    let start = tokens
        .windows(2)
        .position(|w| w == ["cargo", "run"])
        .ok_or_else(|| format!("{place}: no `cargo run` in {text:?}"))?;
    let tokens = &tokens[start + 2..];
    let split = tokens.iter().position(|t| *t == "--");
    let (cargo_args, program_args) = match split {
        Some(i) => (&tokens[..i], &tokens[i + 1..]),
        None => (tokens, &[][..]),
    };
    let package = cargo_args
        .iter()
        .position(|t| *t == "-p")
        .and_then(|i| cargo_args.get(i + 1))
        .ok_or_else(|| format!("{place}: `cargo run` without `-p PACKAGE`: {text:?}"))?;
    Ok(RunCommand {
        place: place.to_string(),
        package: package.to_string(),
        cargo_args: cargo_args.iter().map(|s| s.to_string()).collect(),
        program_args: program_args.iter().map(|s| s.to_string()).collect(),
    })
}

/// Splits a command line into words as a POSIX shell does for plain words
/// and single- or double-quoted strings (no escapes or expansions inside).
fn shell_words(text: &str) -> Result<Vec<String>, String> {
    let (mut words, mut word, mut quote, mut in_word) = (Vec::new(), String::new(), None, false);
    for ch in text.chars() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(ch);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(format!("unclosed quote in {text:?}"));
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// Every `cargo run` command of a markdown text, read with `pulldown-cmark`:
/// inline code spans and the lines of code blocks that hold one, with
/// `# comments` dropped and `\` continuations joined. Prose is not
/// searched: a command a reader can copy is always in code.
fn commands_in(name: &str, text: &str) -> Result<Vec<RunCommand>, String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let mut found = Vec::new();
    let mut in_block = false;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_block = true,
            Event::End(TagEnd::CodeBlock) => in_block = false,
            Event::Code(code) => {
                if let Some(at) = code.find("cargo run") {
                    let place = format!("{name}:{}", line_of(range.start));
                    found.push(parse_command(&place, &code[at..])?);
                }
            }
            Event::Text(block) if in_block => {
                let first = line_of(range.start);
                let lines: Vec<&str> = block.lines().collect();
                let mut i = 0;
                while i < lines.len() {
                    let place = format!("{name}:{}", first + i);
                    let Some(at) = lines[i].find("cargo run") else {
                        i += 1;
                        continue;
                    };
                    let mut command = lines[i][at..].to_string();
                    i += 1;
                    while command.trim_end().ends_with('\\') && i < lines.len() {
                        let trimmed = command.trim_end();
                        command = format!("{} {}", &trimmed[..trimmed.len() - 1], lines[i]);
                        i += 1;
                    }
                    if let Some(hash) = command.find(" #") {
                        command.truncate(hash);
                    }
                    found.push(parse_command(&place, &command)?);
                }
            }
            _ => {}
        }
    }
    Ok(found)
}

/// Parses `args` with package `package`'s own parser. `Ok` for a successful
/// parse and for `--help`; `Err` with clap's message otherwise.
fn check_flags(package: &str, args: &[String]) -> Result<(), String> {
    fn outcome<A>(r: Result<A, clap::Error>) -> Result<(), String> {
        match r {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }
    let argv = std::iter::once(package.to_string()).chain(args.iter().cloned());
    match package {
        "ch_beta_multilevel" => outcome(ch_beta_multilevel::Args::parse_from_iter(argv)),
        "ch_dirichlet_multinomial" => {
            outcome(ch_dirichlet_multinomial::Args::parse_from_iter(argv))
        }
        "ch_eight_schools" => outcome(ch_eight_schools::Args::parse_from_iter(argv)),
        "ch_funnel" => outcome(ch_funnel::Args::parse_from_iter(argv)),
        "ch_hsb" => outcome(ch_hsb::Args::parse_from_iter(argv)),
        "ch_loo" => outcome(ch_loo::Args::parse_from_iter(argv)),
        "ch_pooling" => outcome(ch_pooling::Args::parse_from_iter(argv)),
        "ch_recover" => outcome(ch_recover::Args::parse_from_iter(argv)),
        "ch_own_data" => outcome(ch_own_data::Args::parse_from_iter(argv)),
        "ch_sbc" => outcome(ch_sbc::Args::parse_from_iter(argv)),
        "ch_shrinkage" => outcome(ch_shrinkage::Args::parse_from_iter(argv)),
        "ch_stein" => outcome(ch_stein::Args::parse_from_iter(argv)),
        "explorer" => outcome(explorer::cli::Args::parse_from_iter(argv)),
        // The benchmark's flags live in its binary; the pages may run it bare.
        "bench" if args.is_empty() => Ok(()),
        other => Err(format!("no flag parser known for package `{other}`")),
    }
}

/// Checks one command: its flags, and an `--example NAME` it names.
fn check_command(c: &RunCommand) -> Result<(), String> {
    check_flags(&c.package, &c.program_args).map_err(|e| format!("{}: {e}", c.place))?;
    if let Some(i) = c.cargo_args.iter().position(|a| a == "--example") {
        let name =
            c.cargo_args.get(i + 1).ok_or(format!("{}: --example without a name", c.place))?;
        let file = root().join(format!("chapters/{}/examples/{name}.rs", c.package));
        if !file.is_file() {
            return Err(format!("{}: no example {}", c.place, file.display()));
        }
    }
    Ok(())
}

/// The book's pages (generated outputs excluded) and the README.
fn pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("book/src"))
        .expect("book/src")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.push(root().join("README.md"));
    pages.sort();
    pages
}

#[test]
fn every_run_command_in_the_book_parses() {
    let mut commands = Vec::new();
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{page:?}: {e}"));
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        commands.extend(commands_in(&name, &text).unwrap_or_else(|e| panic!("{e}")));
    }
    assert!(commands.len() > 40, "found only {} commands", commands.len());
    let chapters: std::collections::BTreeSet<&str> =
        commands.iter().map(|c| c.package.as_str()).collect();
    assert!(chapters.len() >= 11, "commands for only {chapters:?}");
    let failures: Vec<String> = commands.iter().filter_map(|c| check_command(c).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checker_catches_bad_commands() {
    let page = "```sh\n\
                cargo run --release -p ch_funnel -- --sweep-seeds 5 --no-such-flag  # comment\n\
                cargo run --release -p ch_stein -- --reps many\n\
                cargo run --release -p ch_hsb --example missing_example\n\
                cargo run --release -p ch_pooling -- --seed 7 \\\n  --draws-dir d/\n\
                cargo run --release -p ch_nowhere -- --seed 1\n\
                ```\nInline: (`cargo run --release -p ch_loo -- --help`) and more.\n";
    let commands = commands_in("test.md", page).unwrap();
    assert_eq!(commands.len(), 6);
    assert_eq!(commands[3].program_args, ["--seed", "7", "--draws-dir", "d/"]);
    assert_eq!(commands[5].program_args, ["--help"]);
    let results: Vec<bool> = commands.iter().map(|c| check_command(c).is_ok()).collect();
    assert_eq!(results, [false, false, false, true, false, true]);
    let err = check_command(&commands[0]).unwrap_err();
    assert!(err.contains("test.md:2") && err.contains("--no-such-flag"), "{err}");
    assert!(commands_in("t.md", "`cargo run --release`").is_err());
    assert_eq!(shell_words(r#"a "b c" 'd' e"#).unwrap(), ["a", "b c", "d", "e"]);
    assert!(shell_words("a \"b").is_err());
}
