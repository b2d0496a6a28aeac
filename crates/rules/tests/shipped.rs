//! The shipped rules load, lint as expected, and match the JSON Schema.

use std::path::Path;

fn rules_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules"))
}

#[test]
fn shipped_rules_load() {
    let base = factcheck_rules::load(rules_dir()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(base.files(), 3);
    assert!(base.len() >= 19, "{}", base.len());
}

#[test]
fn shipped_rules_lint() {
    let (_, findings) = factcheck_rules::lint(rules_dir()).unwrap_or_else(|e| panic!("{e}"));
    // Two facts have no source in the reference facts, and their notes say so.
    let ids: Vec<&str> = findings.iter().map(|f| f.fact_id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["mikhail-galuzin", "ilham-aliyev"],
        "{findings:#?}"
    );
    assert!(findings.iter().all(|f| f.message.starts_with("no source")));
}

/// `rules/rules.schema.json` is what `json_schema()` generates (set UPDATE_SCHEMA=1 to rewrite).
#[test]
fn the_committed_schema_is_current() {
    let path = rules_dir().join("rules.schema.json");
    let schema = factcheck_rules::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &schema).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == schema,
        "rules/rules.schema.json is stale: run with UPDATE_SCHEMA=1 and review the diff"
    );
    assert!(schema.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(value["title"], "factcheck rule file");
    assert_eq!(value["additionalProperties"], false);
}
