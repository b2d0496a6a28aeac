//! `docs/checks.md` is generated from the doc comments of `src/checks/*.rs`: this test fails when
//! it is out of date, and rewrites it when run with `UPDATE_DOCS=1`:
//!
//! ```sh
//! UPDATE_DOCS=1 cargo test -p factcheck-lints --test docs
//! ```

use std::path::{Path, PathBuf};

use factcheck_lints::CHECKS;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `//!` doc comment at the top of a file, without the markers.
fn module_doc(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("check source");
    let mut out = String::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("//!") else {
            break;
        };
        out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        out.push('\n');
    }
    out
}

/// One check's doc comment, with its first heading checked against [`CHECKS`].
struct CheckDoc {
    code: String,
    body: String,
}

fn check_docs() -> Vec<CheckDoc> {
    let dir = crate_dir().join("src/checks");
    let mut docs = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("src/checks")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "mod.rs"))
        .collect();
    entries.sort();
    for path in entries {
        let doc = module_doc(&path);
        let first = doc.lines().next().unwrap_or_default();
        let heading = first.strip_prefix("# ").unwrap_or_else(|| {
            panic!(
                "{}: the doc comment must start with `# CODE `name`: title`",
                path.display()
            )
        });
        let (code, rest) = heading.split_once(' ').expect("code and name");
        let name = rest.split('`').nth(1).expect("`name`");
        let info = CHECKS
            .iter()
            .find(|c| c.code == code)
            .unwrap_or_else(|| panic!("{code} of {} is not in CHECKS", path.display()));
        assert_eq!(
            info.name,
            name,
            "{}: name differs from CHECKS",
            path.display()
        );
        for section in ["## What it checks", "## Why", "## Example"] {
            assert!(
                doc.contains(section),
                "{}: no `{section}` section",
                path.display()
            );
        }
        docs.push(CheckDoc {
            code: code.to_string(),
            body: doc,
        });
    }
    docs
}

/// Headings one level down, outside code blocks.
fn demote(doc: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn render() -> String {
    let mut docs = check_docs();
    let order = |code: &str| {
        CHECKS
            .iter()
            .position(|c| c.code == code)
            .unwrap_or(usize::MAX)
    };
    docs.sort_by_key(|d| order(&d.code));
    let mut out = String::from(
        "# Built-in checks\n\n\
         <!-- Generated from the doc comments of crates/lints/src/checks/*.rs: do not edit by hand.\n     \
         Regenerate with `UPDATE_DOCS=1 cargo test -p factcheck-lints --test docs`. -->\n\n\
         factcheck runs these checks on every draft, also with an empty rules directory: the\n\
         calendar and arithmetic are facts everywhere, and a draft that contradicts itself is wrong\n\
         whatever the truth. A finding makes its claim `contradicted`; the report names the check's\n\
         code (`check`), says what the calendar or the arithmetic gives (`expected`) and what the\n\
         draft says (`found`), and points at the other places of the draft the finding rests on\n\
         (`related`: a second labelled span in the human report, related locations in SARIF).\n\
         Findings obey `--fail-on` like every other verdict.\n\n\
         The checks are conservative: each fires only on a pattern it reads unambiguously, so a true\n\
         draft stays free of them (a test asserts this for the seed article and for\n\
         `seeds/lint_true.md`). `seeds/lint_false.md` holds one false case per check, listed in\n\
         `seeds/README.md`.\n\n\
         | code | name | what it reports |\n| --- | --- | --- |\n",
    );
    for c in CHECKS {
        out.push_str(&format!(
            "| [{}](#{}) | `{}` | {} |\n",
            c.code,
            anchor(c.code, c.name, &docs),
            c.name,
            c.summary
        ));
    }
    for d in &docs {
        out.push('\n');
        out.push_str(&demote(&d.body));
    }
    out
}

/// The GitHub anchor of a check's heading.
fn anchor(code: &str, _name: &str, docs: &[CheckDoc]) -> String {
    let heading = docs
        .iter()
        .find(|d| d.code == code)
        .and_then(|d| d.body.lines().next())
        .unwrap_or_default()
        .trim_start_matches('#')
        .trim();
    heading
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else if c == ' ' || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn docs_list_every_check_and_are_up_to_date() {
    let path = crate_dir().join("../../docs/checks.md");
    let rendered = render();
    for c in CHECKS {
        assert!(
            rendered.contains(&format!("## {} `{}`", c.code, c.name)),
            "{} has no section",
            c.code
        );
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &rendered).expect("write docs/checks.md");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == rendered,
        "docs/checks.md is out of date: run `UPDATE_DOCS=1 cargo test -p factcheck-lints --test docs`"
    );
}

#[test]
fn every_check_has_a_source_file_and_codes_are_unique() {
    let docs = check_docs();
    assert_eq!(docs.len(), CHECKS.len(), "one file per check");
    let mut codes: Vec<&str> = CHECKS.iter().map(|c| c.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), CHECKS.len());
    for c in CHECKS {
        assert!(factcheck_lints::check_info(c.code).is_some());
        assert!(c.summary.ends_with('.'));
    }
}
