//! The claim grammar on arbitrary bytes: never panics, and every span is sound.
//!
//! The first byte picks the format (auto, plain, Markdown) and whether there is a document date;
//! the rest is decoded lossily, as `factcheck check --lossy` does.

#![no_main]

use factcheck_claims::{Document, Format, Options, parse};
use factcheck_model::{LineIndex, Span};
use libfuzzer_sys::fuzz_target;

fn check_span(text: &str, idx: &LineIndex<'_>, span: &Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on a char boundary"
    );
    assert_eq!(
        idx.line_col(span.start),
        (span.line, span.column),
        "{what}: {span:?} line/column"
    );
}

fn check(text: &str, doc: &Document) {
    let idx = LineIndex::new(text);
    for s in &doc.sentences {
        check_span(text, &idx, &s.span, "sentence");
        assert_eq!(s.text.len(), s.span.len(), "sentence text length");
    }
    for w in doc.sentences.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "sentences overlap");
    }
    let mut last_end = 0;
    for c in &doc.claims {
        check_span(text, &idx, &c.span, "claim");
        assert!(
            c.span.start >= last_end,
            "claims overlap or are out of order"
        );
        assert!(!c.span.is_empty(), "empty claim");
        last_end = c.span.end;
        let sentence = &doc.sentences[c.sentence];
        assert!(
            sentence.span.start <= c.span.start && c.span.end <= sentence.span.end,
            "claim outside its sentence"
        );
        for m in &c.mentions {
            check_span(text, &idx, &m.span, "mention");
            assert!(
                c.span.start <= m.span.start && m.span.end <= c.span.end,
                "mention outside its claim"
            );
        }
    }
    for d in &doc.diagnostics {
        check_span(text, &idx, &d.span, "diagnostic");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let format = match flags % 3 {
        0 => Format::Auto,
        1 => Format::Plain,
        _ => Format::Markdown,
    };
    let date = (flags & 4 != 0).then(|| jiff::civil::date(2023, 10, 5));
    let doc = parse(&text, &Options { format, date });
    check(&text, &doc);
});
