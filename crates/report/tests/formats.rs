//! Every format of the fixture report, snapshotted, and the properties each format promises.

mod fixture;

use factcheck_model::{Report, Span};
use factcheck_report::{Format, Options, render, render_to_string};

fn options() -> Options {
    Options {
        tool_version: "0.1.0".to_string(),
        ..Options::default()
    }
}

fn verbose() -> Options {
    Options {
        verbose: true,
        ..options()
    }
}

fn rendered(format: Format, options: &Options) -> String {
    render_to_string(&fixture::report(), format, options)
}

#[test]
fn human() {
    insta::assert_snapshot!(rendered(Format::Human, &options()));
}

#[test]
fn human_verbose() {
    insta::assert_snapshot!(rendered(Format::Human, &verbose()));
}

#[test]
fn json() {
    insta::assert_snapshot!(rendered(Format::Json, &options()));
}

#[test]
fn jsonl() {
    insta::assert_snapshot!(rendered(Format::Jsonl, &options()));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(rendered(Format::Sarif, &options()));
}

#[test]
fn claimreview() {
    insta::assert_snapshot!(rendered(Format::ClaimReview, &options()));
}

#[test]
fn github() {
    insta::assert_snapshot!(rendered(Format::Github, &options()));
}

#[test]
fn github_verbose() {
    insta::assert_snapshot!(rendered(Format::Github, &verbose()));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(rendered(Format::Markdown, &options()));
}

#[test]
fn markdown_verbose() {
    insta::assert_snapshot!(rendered(Format::Markdown, &verbose()));
}

#[test]
fn human_without_colour_has_no_escape_codes_and_with_colour_has_them() {
    let plain = rendered(Format::Human, &verbose());
    assert!(!plain.contains('\x1b'), "{plain}");
    let coloured = rendered(
        Format::Human,
        &Options {
            color: true,
            ..verbose()
        },
    );
    assert!(coloured.contains("\x1b["));
    // Colour changes nothing but the escapes.
    assert_eq!(strip_ansi(&coloured), plain);
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn human_quotes_the_focus_with_the_columns_of_the_model() {
    let out = rendered(Format::Human, &options());
    let met = fixture::span(fixture::ISTANBUL, "September 18", 0);
    assert!(out.contains(&format!(
        " --> drafts/istanbul.md:{}:{}\n",
        met.line, met.column
    )));
    // The CRLF draft is quoted without its carriage returns.
    assert!(!out.contains('\r'));
    let ceasefire = fixture::span(fixture::KARABAKH, "December 2020", 0);
    assert!(out.contains(&format!(
        " --> drafts/karabakh.txt:{}:{}\n",
        ceasefire.line, ceasefire.column
    )));
    assert!(out.ends_with(
        "factcheck: 2 files, 7 claims: 2 supported, 3 contradicted, 2 unverifiable, 1 file with errors\n"
    ));
}

#[test]
fn json_is_the_contract_and_round_trips() {
    let report = fixture::report();
    let out = render_to_string(&report, Format::Json, &options());
    assert!(out.ends_with("}\n"));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let claim = &value["files"][0]["claims"][0];
    for key in [
        "text", "span", "verdict", "facts", "expected", "found", "sources", "message",
    ] {
        assert!(claim.get(key).is_some(), "claim has no `{key}`: {claim}");
    }
    for key in [
        "files",
        "claims",
        "supported",
        "contradicted",
        "unverifiable",
    ] {
        assert!(
            value["summary"].get(key).is_some(),
            "summary has no `{key}`"
        );
    }
    let back: Report = serde_json::from_str(&out).unwrap();
    let mut expected = report.clone();
    for file in &mut expected.files {
        file.source.clear();
    }
    assert_eq!(back, expected);
}

#[test]
fn jsonl_has_one_claim_a_line_with_its_path_first() {
    let report = fixture::report();
    let out = render_to_string(&report, Format::Jsonl, &options());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), report.summary.claims);
    let claims = report
        .files
        .iter()
        .flat_map(|f| f.claims.iter().map(move |c| (f, c)));
    for (line, (file, claim)) in lines.iter().zip(claims) {
        assert!(line.starts_with(&format!(
            "{{\"path\":{}",
            serde_json::to_string(&file.path).unwrap()
        )));
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["text"], claim.text.as_str());
        assert_eq!(value["verdict"], claim.verdict.as_str());
    }
}

#[test]
fn claimreview_rates_every_claim_on_the_stated_scale() {
    let options = Options {
        author: Some("Newsroom Desk".to_string()),
        date_published: Some("2023-10-06".to_string()),
        ..options()
    };
    let out = rendered(Format::ClaimReview, &options);
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(reviews.len(), 7);
    for review in &reviews {
        assert_eq!(review["@context"], "https://schema.org");
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["author"]["name"], "Newsroom Desk");
        assert_eq!(review["datePublished"], "2023-10-06");
        let rating = &review["reviewRating"];
        let expected = match rating["alternateName"].as_str().unwrap() {
            "False" => 1,
            "Unverifiable" => 3,
            "True" => 5,
            other => panic!("unexpected rating {other}"),
        };
        assert_eq!(rating["ratingValue"], expected);
        assert_eq!(
            (
                rating["worstRating"].as_u64(),
                rating["bestRating"].as_u64()
            ),
            (Some(1), Some(5))
        );
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
    }
    // Without options: `factcheck`, and the draft's date (or none).
    let out = rendered(Format::ClaimReview, &self::options());
    let reviews: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(reviews[0]["author"]["name"], "factcheck");
    let dates: Vec<_> = reviews
        .iter()
        .map(|r| r.get("datePublished").cloned())
        .collect();
    assert!(dates.contains(&Some(serde_json::json!("2023-10-05"))));
    assert!(dates.contains(&None));
}

#[test]
fn github_annotates_contradictions_and_only_verbosely_unverifiable_claims() {
    let out = rendered(Format::Github, &options());
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("::error file=drafts/"))
            .count(),
        4
    );
    assert!(!out.contains("::notice"));
    let met = fixture::span(fixture::ISTANBUL, "September 18", 0);
    assert!(out.contains(&format!(
        "::error file=drafts/istanbul.md,line={0},col={1},endLine={0},endColumn={2},title=",
        met.line,
        met.column,
        met.column + "September 18".len() - 1
    )));
    let verbose = rendered(Format::Github, &verbose());
    assert_eq!(
        verbose
            .lines()
            .filter(|l| l.starts_with("::notice "))
            .count(),
        2
    );
    // Every command is one line.
    assert!(verbose.lines().all(|l| l.starts_with("::")));
}

#[test]
fn markdown_cells_do_not_split_on_pipes() {
    let out = rendered(Format::Markdown, &options());
    let row = out.lines().find(|l| l.contains("December 2020")).unwrap();
    assert!(row.contains("December 2020 \\| ending"));
    // 6 unescaped pipes: the borders of 5 cells.
    let unescaped = row
        .match_indices('|')
        .filter(|(i, _)| !row[..*i].ends_with('\\'))
        .count();
    assert_eq!(unescaped, 6, "{row}");
}

/// A report whose spans do not fit its sources (an empty source, a span past the end, a span
/// inside a character) renders in every format without a quote rather than a panic.
#[test]
fn spans_that_do_not_fit_the_source_are_not_trusted() {
    let mut report = fixture::report();
    // Files by path, claims by span: istanbul (heading, met, interval, arrivals), karabakh.
    report.files[1].source.clear();
    let istanbul = &mut report.files[0];
    let emoji = fixture::ISTANBUL.find('📍').unwrap();
    istanbul.claims[1].focus = Some(Span {
        start: emoji + 1,
        end: emoji + 3,
        line: 6,
        column: 1,
    });
    istanbul.claims[2].related[0].span = Span {
        start: 5,
        end: 2,
        line: 1,
        column: 6,
    };
    istanbul.claims[2].related[1].span.end = fixture::ISTANBUL.len() + 10;
    for format in Format::ALL {
        for options in [
            options(),
            Options {
                color: true,
                ..verbose()
            },
        ] {
            let mut out = Vec::new();
            render(&report, format, &options, &mut out).unwrap();
            assert!(!out.is_empty(), "{format}");
        }
    }
    let human = render_to_string(&report, Format::Human, &options());
    assert!(human.contains("drafts/istanbul.md:6:"), "{human}");
}

#[test]
fn an_empty_report_renders_in_every_format() {
    let report = Report::new(vec![]);
    let human = render_to_string(&report, Format::Human, &options());
    assert_eq!(
        human,
        "factcheck: 0 files, 0 claims: 0 supported, 0 contradicted, 0 unverifiable\n"
    );
    assert_eq!(render_to_string(&report, Format::Jsonl, &options()), "");
    assert_eq!(render_to_string(&report, Format::Github, &options()), "");
    assert_eq!(
        render_to_string(&report, Format::ClaimReview, &options()),
        "[]\n"
    );
}
