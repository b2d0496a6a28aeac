//! The drafts of `seeds/`: every injected error listed in `seeds/README.md` is contradicted, and
//! nothing else is. Also: the same output on one and two threads.

use std::collections::BTreeSet;
use std::path::Path;

use factcheck_claims::{Options, parse};
use factcheck_model::{FileReport, Verdict};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The drafts this test covers: the rewordings of the seed (`01*`).
fn drafts() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("01") && (n.ends_with(".md") || n.ends_with(".txt")))
        .collect();
    names.sort();
    names
}

fn check_all(base: &factcheck_rules::FactBase) -> Vec<FileReport> {
    drafts()
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(root().join("seeds").join(&name)).unwrap();
            let doc = parse(&text, &Options::default());
            factcheck_engine::check_document(base, &doc, &name, &text)
        })
        .collect()
}

/// `(draft, claim prefix)` of each row of the "Injected errors" table.
fn injected() -> BTreeSet<(String, String)> {
    let readme = std::fs::read_to_string(root().join("seeds/README.md")).unwrap();
    let table = readme
        .split("## Injected errors")
        .nth(1)
        .expect("an Injected errors section");
    table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].trim_matches('`').to_string(), cells[2].to_string())
        })
        .collect()
}

#[test]
fn every_injected_error_is_contradicted_and_nothing_else() {
    let base = factcheck_rules::load(&root().join("rules")).unwrap_or_else(|e| panic!("{e}"));
    let reports = check_all(&base);
    assert!(reports.len() >= 4, "{} drafts", reports.len());
    let expected = injected();
    assert!(expected.len() >= 10);
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut wrong = Vec::new();
    for r in &reports {
        assert!(r.date.is_some(), "{} has a document date", r.path);
        for c in &r.claims {
            let row = expected
                .iter()
                .find(|(d, p)| *d == r.path && c.text.starts_with(p.as_str()));
            match (c.verdict, row) {
                (Verdict::Contradicted, Some(row)) => {
                    seen.insert(row.clone());
                }
                (Verdict::Contradicted, None) => wrong.push(format!(
                    "{}: true claim contradicted: {:?}: {}",
                    r.path, c.text, c.message
                )),
                (v, Some(_)) => wrong.push(format!(
                    "{}: injected error {v}: {:?}: {}",
                    r.path, c.text, c.message
                )),
                _ => {}
            }
        }
    }
    for row in expected.difference(&seen) {
        wrong.push(format!("{}: no claim starts with {:?}", row.0, row.1));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_true_rewording_is_all_supported_where_checkable() {
    let base = factcheck_rules::load(&root().join("rules")).unwrap();
    let reports = check_all(&base);
    let r = reports.iter().find(|r| r.path.starts_with("015")).unwrap();
    let supported = r
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Supported)
        .count();
    assert!(supported >= 10, "{supported} supported");
    for c in &r.claims {
        assert_ne!(
            c.verdict,
            Verdict::Contradicted,
            "{:?}: {}",
            c.text,
            c.message
        );
    }
    for needle in [
        "days before Baku's attack",
        "Nazeli Baghdasaryan, the press secretary",
    ] {
        let c = r.claims.iter().find(|c| c.text.contains(needle)).unwrap();
        assert_eq!(c.verdict, Verdict::Supported, "{needle}: {}", c.message);
    }
}

/// The built-in checks' true draft (seeds/lint_true.md) is true for the rules too.
#[test]
fn the_lints_true_draft_is_not_contradicted() {
    let base = factcheck_rules::load(&root().join("rules")).unwrap();
    let path = root().join("seeds/lint_true.md");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let doc = parse(&text, &Options::default());
    let r = factcheck_engine::check_document(&base, &doc, "lint_true.md", &text);
    for c in &r.claims {
        assert_ne!(
            c.verdict,
            Verdict::Contradicted,
            "{:?}: {}",
            c.text,
            c.message
        );
    }
    assert!(
        r.claims
            .iter()
            .filter(|c| c.verdict == Verdict::Supported)
            .count()
            >= 5
    );
}

#[test]
fn one_and_two_threads_give_identical_output() {
    let base = factcheck_rules::load(&root().join("rules")).unwrap();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| serde_json::to_string(&check_all(&base)).unwrap())
    };
    assert_eq!(run(1), run(2));
}
