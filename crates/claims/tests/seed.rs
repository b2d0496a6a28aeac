//! The seed article, parsed with its document date, as a reviewed insta snapshot.

use factcheck_claims::{Options, parse};

#[test]
fn seed_claims_snapshot() {
    let text = include_str!("../../../seeds/000_414de2cf1f6c4a3e.txt");
    let options = Options {
        date: Some(jiff::civil::date(2023, 10, 5)),
        ..Options::default()
    };
    let doc = parse(text, &options);
    let json = serde_json::to_string_pretty(&doc).expect("a document serialises");
    insta::with_settings!({snapshot_path => "../../../snapshots/claims", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("seed_000_414de2cf1f6c4a3e", json);
    });
}
