//! Property tests: whatever the input, the grammar does not panic and its spans are sound.

use factcheck_claims::{Anchor, Document, Format, MentionValue, Options, parse};
use factcheck_model::{LineIndex, Span};
use proptest::prelude::*;

/// Fragments that reach the grammar's paths: abbreviations, dates, numbers, quotes, Markdown
/// markup, teasers, line breaks of both kinds, multibyte and control characters.
fn fragment() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "The ",
        "officials ",
        "met ",
        "in ",
        "Istanbul ",
        "on ",
        "September 17",
        " 2023",
        "Sept. ",
        "17 ",
        "U.S. ",
        "Dr. ",
        "a.m. ",
        "Jonas E. Smith",
        ". ",
        ".",
        "!",
        "?",
        "...",
        ". . . ",
        "…",
        ", ",
        ", and ",
        "; ",
        ": ",
        "\"",
        "“",
        "”",
        "'",
        "’s ",
        "(",
        ")",
        "[",
        "]",
        "\n",
        "\r\n",
        "\n\n",
        "\t",
        "Read more: ",
        "- ",
        "* ",
        "# ",
        "> ",
        "1. ",
        "2) ",
        "• ",
        "```\n",
        "<!-- ",
        " -->",
        "[link](http://x.y/z) ",
        "`code` ",
        "---\n",
        "date: 2023-10-05\n",
        "Over ",
        "100,000 ",
        "1.2 million ",
        "$1.2bn ",
        "40% ",
        "six-week ",
        "44-day war ",
        "two days before ",
        "one day later ",
        "the following day ",
        "last month ",
        "since ",
        "last year ",
        "on Wednesday ",
        "yesterday ",
        "Politico said ",
        "according to ",
        "the report added",
        "Washington's ",
        "Senior Advisor ",
        "envoy ",
        "Louis Bono",
        "Igor ",
        "Prime Minister ",
        "Nazeli Baghdasaryan, the spokesperson ",
        "Following this declaration, ",
        "é",
        "ß",
        "日本",
        "🙂",
        "\u{0}",
        "\u{7f}",
        "\u{2028}",
        "\u{feff}",
        "\u{a0}",
        "-",
        "—",
        "9999999999999999999999999999999999999999999",
        "2020",
        "November 2020",
        "2023-09-17 ",
        "However, ",
        "Mr. ",
        "Inc. ",
        "No. 5 ",
        "p. 55 ",
        "e.g. ",
        "\\",
        "&amp; ",
        "*",
        "_",
    ]);
    prop_oneof![
        6 => fixed.prop_map(String::from),
        1 => any::<String>(),
        1 => "[a-zA-Z0-9 .,]{0,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Auto),
        Just(Format::Plain),
        Just(Format::Markdown)
    ]
}

fn check_span(text: &str, idx: &LineIndex<'_>, span: &Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
    assert_eq!(
        idx.line_col(span.start),
        (span.line, span.column),
        "{what}: {span:?} line/column"
    );
}

/// The text of a span is the input's slice (Markdown: with non-prose bytes blanked to spaces).
fn check_text(text: &str, span: &Span, got: &str, markdown_possible: bool, what: &str) {
    let original = &text[span.range()];
    if original == got {
        return;
    }
    assert!(
        markdown_possible,
        "{what}: text {got:?} != input slice {original:?}"
    );
    assert_eq!(
        got.len(),
        original.len(),
        "{what}: masked text has the span's length"
    );
    for (g, o) in got.bytes().zip(original.bytes()) {
        assert!(
            g == o || g == b' ',
            "{what}: masked text {got:?} differs from {original:?}"
        );
    }
}

fn check(text: &str, doc: &Document, markdown_possible: bool) {
    let idx = LineIndex::new(text);
    for s in &doc.sentences {
        check_span(text, &idx, &s.span, "sentence");
        check_text(text, &s.span, &s.text, markdown_possible, "sentence");
    }
    let mut last_end = 0;
    for c in &doc.claims {
        check_span(text, &idx, &c.span, "claim");
        check_text(text, &c.span, &c.text, markdown_possible, "claim");
        assert!(
            c.span.start >= last_end,
            "claims overlap or are out of order: {:?}",
            doc.claims
        );
        assert!(!c.span.is_empty(), "empty claim");
        last_end = c.span.end;
        let sentence = &doc.sentences[c.sentence];
        assert!(
            sentence.span.start <= c.span.start && c.span.end <= sentence.span.end,
            "claim outside its sentence"
        );
        if let Some(a) = &c.attribution {
            check_span(text, &idx, &a.span, "attribution");
        }
        let mut prev = (0, 0);
        for m in &c.mentions {
            check_span(text, &idx, &m.span, "mention");
            check_text(text, &m.span, &m.text, markdown_possible, "mention");
            assert!(
                c.span.start <= m.span.start && m.span.end <= c.span.end,
                "mention {m:?} outside claim {c:?}"
            );
            assert!((m.span.start, m.span.end) >= prev, "mentions out of order");
            prev = (m.span.start, m.span.end);
            match &m.value {
                MentionValue::Date(d) => {
                    if let Some(rel) = &d.relative
                        && let Anchor::Event { span, .. } = &rel.anchor
                    {
                        check_span(text, &idx, span, "event");
                        assert!(
                            c.span.start <= span.start && span.end <= c.span.end,
                            "event outside claim"
                        );
                    }
                }
                MentionValue::Person(p) => {
                    if let Some(span) = &p.role_span {
                        check_span(text, &idx, span, "role");
                        assert!(
                            m.span.start <= span.start && span.end <= m.span.end,
                            "role outside person"
                        );
                    }
                }
                _ => {}
            }
        }
    }
    for w in doc.sentences.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "sentences overlap");
    }
    for d in &doc.diagnostics {
        check_span(text, &idx, &d.span, "diagnostic");
    }
}

/// 512 cases, or `PROPTEST_CASES` for a longer run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn spans_are_sound(text in text(), format in format()) {
        let doc = parse(&text, &Options { format, date: Some(jiff::civil::date(2023, 10, 5)) });
        check(&text, &doc, format != Format::Plain);
    }

    #[test]
    fn any_string_is_fine(text in any::<String>(), format in format()) {
        let doc = parse(&text, &Options { format, date: None });
        check(&text, &doc, format != Format::Plain);
    }

    #[test]
    fn crlf_and_lf_give_the_same_claims(text in text()) {
        let lf = text.replace("\r\n", "\n").replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        let options = Options { format: Format::Plain, date: None };
        let a = parse(&lf, &options);
        let b = parse(&crlf, &options);
        let claims = |d: &Document| d.claims.iter().map(|c| (c.text.replace('\r', ""), c.span.line, c.span.column)).collect::<Vec<_>>();
        prop_assert_eq!(claims(&a), claims(&b));
    }
}
