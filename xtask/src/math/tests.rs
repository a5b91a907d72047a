//! Tests of the TeX-to-MathML conversion.

use super::*;
use mdbook_preprocessor::book::Chapter;
use mdbook_preprocessor::config::Config;

#[test]
fn sized_delimiters_give_well_formed_attributes() {
    let mathml = tex_to_mathml(r"\Big(1 - x\Big)", true).unwrap();
    assert!(mathml.contains(r#"stretchy="true" minsize="#), "{mathml}");
    assert!(!mathml.contains(r#""minsize"#), "{mathml}");
}

fn converted(markdown: &str) -> String {
    convert_markdown(markdown).expect("the markdown converts")
}

#[test]
fn inline_fragment_becomes_math_element() {
    let out = converted(r"The scale \\( \tau \\) is unknown.");
    assert!(out.starts_with("The scale <math"), "{out}");
    assert!(out.ends_with("</math> is unknown."), "{out}");
    assert!(!out.contains(r"\tau"), "{out}");
    assert!(out.contains('τ'), "{out}");
    assert!(!out.contains("display=\"block\""), "{out}");
}

#[test]
fn display_fragment_is_a_block_on_one_line() {
    let out = converted("Before.\n\n\\\\[\n  \\frac{1}{\\sigma_j^2}\n\\\\]\n\nAfter.");
    assert!(out.starts_with("Before.\n\n<math display=\"block\""), "{out}");
    assert!(out.contains("<mfrac>"), "{out}");
    assert!(out.ends_with("</math>\n\nAfter."), "{out}");
    let math_line = out.lines().nth(2).unwrap();
    assert!(math_line.starts_with("<math") && math_line.ends_with("</math>"));
}

#[test]
fn markdown_escapes_inside_math_are_undone() {
    // `\\{` in markdown is the TeX `\{`: a literal brace, not a group.
    let out = converted(r"\\( \\{ a \\} \\)");
    assert!(out.contains("&#123;") && out.contains("&#125;"), "{out}");
    // `\\\\` is the TeX line break `\\`, not the end of the fragment.
    let out = converted(r"\\[ \begin{aligned} a &= 1 \\\\ b &= 2 \end{aligned} \\]");
    assert!(out.contains("<mtable"), "{out}");
    assert!(!out.contains(r"\\"), "{out}");
}

#[test]
fn relations_after_alignment_marks_keep_their_space() {
    let out = tex_to_mathml(r"\begin{aligned} a &\sim b, & c &= d \end{aligned}", true)
        .expect("converts");
    assert_eq!(out.matches("<mrow></mrow><mo>").count(), 2, "{out}");
    // Outside align-like tables nothing is added.
    let out = tex_to_mathml(r"a = -b", false).expect("converts");
    assert!(!out.contains("<mrow></mrow>"), "{out}");
}

#[test]
fn control_space_is_a_space_not_an_entity_name() {
    let out = tex_to_mathml(r"a,\ b~c", false).expect("converts");
    assert!(!out.contains("nbsp"), "{out}");
    assert_eq!(out.matches('\u{a0}').count(), 2, "{out}");
}

#[test]
fn mu_is_the_greek_letter() {
    let out = tex_to_mathml(r"\mu", false).expect("converts");
    assert!(out.contains('\u{3bc}') && !out.contains('\u{b5}'), "{out}");
}

#[test]
fn text_outside_math_is_untouched() {
    let text = "# Title\n\nPlain *emphasis*, a [link](x.md) and \\_escapes\\_.\n";
    assert_eq!(converted(text), text);
}

#[test]
fn code_blocks_and_inline_code_are_untouched() {
    let text = "Inline `\\\\( \\tau \\\\)` code.\n\n\
                ```text\n\\\\[ \\sum_j x_j \\\\]\n```\n\n\
                ```rust\nlet s = \"\\\\( x \\\\)\";\n```\n\n\
                \x20   indented \\\\( y \\\\)\n";
    assert_eq!(converted(text), text);
    let mixed = format!("{text}\nBut \\\\( z \\\\) is math.\n");
    let out = converted(&mixed);
    assert!(out.starts_with(text), "{out}");
    assert!(out.contains("But <math"), "{out}");
}

#[test]
fn punctuation_in_mathml_cannot_become_markdown() {
    // `*` and `|` in the MathML text must not start emphasis or split a table cell.
    let out = converted("| a | b |\n|---|---|\n| \\\\( \\theta^* \\\\) | \\\\( |x| \\\\) |\n");
    assert!(!out.contains("<mo>*</mo>") && !out.contains("<mo>|</mo>"), "{out}");
    assert_eq!(out.lines().nth(2).unwrap().matches('|').count(), 3, "{out}");
}

#[test]
fn bad_fragment_is_reported_with_its_text_and_line() {
    let errors = convert_markdown("ok \\\\( x \\\\)\n\nbad \\\\( \\frac{1 \\\\) here\n")
        .expect_err("an unbalanced brace does not convert");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 3);
    assert_eq!(errors[0].fragment, r"\\( \frac{1 \\)");
}

#[test]
fn unclosed_fragment_is_reported() {
    let errors = convert_markdown("an open \\\\( x without end\n").expect_err("unclosed");
    assert!(errors[0].message.contains("no closing"), "{errors:?}");
}

#[test]
fn single_backslash_math_is_an_error_outside_code_only() {
    let errors =
        convert_markdown("ok \\\\(x\\\\) and `\\(x\\)`\n\nsmall \\(\\nu\\).\n").unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 3);
    assert!(errors[0].message.contains("single backslash"));
    assert!(convert_markdown("fine \\\\(\\nu\\\\)\n").is_ok());
}

#[test]
fn preprocessor_fails_naming_chapter_and_fragment() {
    let mut book = Book::new();
    book.push_item(Chapter::new("Good", "\\\\( \\alpha \\\\)".to_string(), "good.md", vec![]));
    book.push_item(Chapter::new("Bad", "\\\\( \\notacommand \\\\)".to_string(), "bad.md", vec![]));
    let ctx = PreprocessorContext::new(".".into(), Config::default(), "html".into());
    let err = MathPreprocessor
        .run(&ctx, book)
        .expect_err("an unknown command fails the build")
        .to_string();
    assert!(err.contains("bad.md"), "{err}");
    assert!(err.contains(r"\\( \notacommand \\)"), "{err}");
    assert!(!err.contains("good.md"), "{err}");
}

#[test]
fn preprocessor_converts_every_chapter() {
    let mut book = Book::new();
    book.push_item(Chapter::new(
        "One",
        "\\\\[ \\sum_{j=1}^J \\theta_j \\\\]".to_string(),
        "one.md",
        vec![],
    ));
    let ctx = PreprocessorContext::new(".".into(), Config::default(), "html".into());
    let mut book = MathPreprocessor.run(&ctx, book).expect("converts");
    let mut contents = Vec::new();
    book.for_each_chapter_mut(|c| contents.push(c.content.clone()));
    assert!(contents[0].starts_with("<math display=\"block\""), "{contents:?}");
    assert!(contents[0].contains("<munderover>"), "{contents:?}");
}
