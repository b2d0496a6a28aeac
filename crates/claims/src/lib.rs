//! The claim grammar of factcheck.
//!
//! [`parse`] turns a draft (plain text or Markdown, with optional YAML front matter) into
//! sentences and atomic claims, each with exact spans into the original bytes and typed mentions
//! (dates, quantities, durations, people with roles, names). Text is never an error: whatever the
//! input, the result is claims plus diagnostics, and nothing panics.
//!
//! This crate knows nothing of reference facts: it says what a draft asserts, not whether it is
//! true.
//!
//! # Pipeline
//!
//! 1. `front`: YAML front matter and its `date:` (the document date, unless
//!    [`Options::date`] overrides it).
//! 2. `blocks`: the prose blocks. Markdown is read with pulldown-cmark; code, HTML, comments and
//!    link destinations are masked out (replaced by spaces in a copy of the same length, so
//!    offsets never need mapping).
//! 3. `sentences`: boundaries inside each block (abbreviations, initials, numbers, ellipses,
//!    quotes, numbered lists, headline lines, `Read more:` teasers).
//! 4. `tokens`: words and punctuation of a sentence, each with its lexicon entry
//!    (`lexicon`), as a nom input.
//! 5. `people` and `claims`: attribution, coordinated clauses and enumerations of people cut
//!    the sentence into claims.
//! 6. `mentions` (`dates`, `numbers`): the typed mentions of each claim.
//! 7. `spans`: line and column of every span, in one pass.
//!
//! Every stage is a forward pass over its input with bounded look-around, so the whole grammar
//! runs in time linear in the size of the draft (an over-long sentence is cut at
//! `sentences::MAX_SENTENCE` (16 KiB) bytes, which bounds the per-sentence work).
//!
//! # Spans and text
//!
//! Spans are byte offsets into the original input, on character boundaries, with a 1-based line
//! and a column in characters (`\r\n` is one line break), as
//! [`factcheck_model::LineIndex`] computes them. For plain text, the `text` of a sentence, claim
//! or mention is exactly the input's slice at its span. For Markdown it is that slice with markup
//! that is not prose (emphasis markers, link destinations, inline HTML) replaced by spaces, so it
//! always has the span's length and byte `i` of the text is byte `span.start + i` of the input.
//!
//! # Dates
//!
//! A day or month written without a year ("September 17") takes the year of the document date:
//! the latest such date that is not after the document date. Relative dates are resolved against
//! their [`Anchor`]: the document date, the previous claim's (single) day date, or a day date
//! written inside the named event; otherwise `date` is `None`. Weekdays: "on Wednesday" (or a
//! bare "Wednesday") is the latest Wednesday on or before the anchor (offset 0), "last
//! Wednesday" the latest before it (-1), "next Wednesday" the first after it (+1). "this week"
//! and "last week" stay unresolved (a week is no day, month or year).
//!
//! # Claims
//!
//! A sentence gives one claim per proposition: coordinated clauses with their own subject and
//! verb are split, an enumeration of people with roles gives one claim per person, and an
//! attribution ("Politico said in a report published on Wednesday", "according to …", "the
//! report added") is a claim of its own ([`ClaimKind::Attribution`]) that every statement of the
//! sentence points at (one attribution a sentence; a leading one wins over a trailing one).
//! Claims leave out the final full stop and a leading sentence adverb ("However,"). Teasers
//! ("Read more: …") and questions give no claim.
//!
//! # Mention texts
//!
//! - date: the expression, with its "on" for a weekday ("on Wednesday") and its "since"
//!   ("since last year"); for "two days before ‹event›" the event is in the anchor, not the text;
//! - quantity: qualifier, number and counted noun ("Over 100,000 Nagorno-Karabakh residents");
//!   a percent sign gives the noun "percent", a currency sign "USD", "EUR" or "GBP";
//! - duration: amount, unit and noun ("six-week conflict", "44 days of fighting"); a relative
//!   date such as "one day later" is never also a duration;
//! - person: from the organisation or role to the name ("Washington's Senior Advisor for Caucasus
//!   Negotiations, Louis Bono"), with `role_span` covering organisation and role;
//! - name: a run of capitalised words, possessive `'s` removed, outside dates, quantities and
//!   people; a lone capitalised word at the start of a sentence is a name only if the draft also
//!   capitalises it mid-sentence.

mod blocks;
mod claims;
mod clauses;
mod dates;
mod front;
mod lexicon;
mod mentions;
mod numbers;
mod people;
mod sentences;
mod spans;
pub mod text;
mod tokens;
mod types;

use factcheck_model::{PartialDate, Precision};

use crate::lexicon::class;
use crate::mentions::Pending;
use crate::spans::raw;
use crate::tokens::{Kind, Tok};
pub use types::*;

/// Splits `text` into sentences and claims. See the crate docs.
pub fn parse(text: &str, options: &Options) -> Document {
    parse_with_default_date(text, options, None)
}

/// [`parse`], with a document date for a draft that has none of its own: `options.date`
/// wins, then the front matter's `date:`, then `default` (a config's `[dates]` entry). The
/// draft is parsed once whichever gives the date.
pub fn parse_with_default_date(
    text: &str,
    options: &Options,
    default: Option<factcheck_model::Date>,
) -> Document {
    let fm = front::parse(text);
    let date = options.date.or(fm.date).or(default);
    let mut cursor = spans::Cursor::new(text);
    let diagnostics = fm
        .problems
        .iter()
        .map(|(message, s, e)| {
            let mut span = raw(*s, *e);
            cursor.fill(&mut span);
            Diagnostic {
                message: message.clone(),
                span,
            }
        })
        .collect();
    let markdown = match options.format {
        Format::Markdown => true,
        Format::Plain => false,
        Format::Auto => fm.present || blocks::looks_like_markdown(&text[fm.body..]),
    };
    let blocks = if markdown {
        blocks::markdown(text, fm.body)
    } else {
        blocks::plain(text, fm.body)
    };
    // Room for a typical density of news text (one sentence per ~150 bytes), so that the large
    // vectors are not copied again and again as they grow.
    let expected = text.len() / 150 + 1;
    let mut doc = Document {
        date,
        sentences: Vec::with_capacity(expected),
        claims: Vec::with_capacity(expected * 2),
        diagnostics,
        // News text has about one token in six bytes.
        tokens: Vec::with_capacity(text.len() / 6 + 1),
    };
    let mut g = Grammar {
        text: &blocks.text,
        cursor: spans::Cursor::new(text),
        doc: &mut doc,
        toks: Vec::new(),
        raw: Vec::new(),
        prev_day: None,
        // Room for the capitalised words of typical news text (about one in 40 bytes, many of
        // them repeated), so that the set is rarely rehashed as it grows.
        caps: FxSet::with_capacity_and_hasher(text.len() / 64, Default::default()),
        pending: Vec::new(),
        scratch: mentions::Scratch::default(),
        claim_scratch: claims::Scratch::default(),
        segments: Vec::new(),
    };
    for block in &blocks.blocks {
        g.block(block);
    }
    let Grammar { caps, pending, .. } = g;
    add_pending_names(&mut doc, &caps, &pending, &blocks.text, text);
    doc
}

/// The set of capitalised words, with rustc's Fx hash (no untrusted-key concerns here: the set
/// only decides names, and its cost is bounded by the number of words).
type FxSet<'a> = rustc_hash::FxHashSet<&'a str>;

struct Grammar<'t, 'd> {
    /// The text the grammar reads (masked for Markdown).
    text: &'t str,
    /// Lines and columns, in the original input.
    cursor: spans::Cursor<'t>,
    doc: &'d mut Document,
    toks: Vec<Tok>,
    raw: Vec<sentences::RawSentence>,
    /// The single day date of the previous statement claim.
    prev_day: Option<PartialDate>,
    /// Words capitalised somewhere other than at the start of a sentence.
    caps: FxSet<'t>,
    pending: Vec<Pending>,
    /// Scratch buffers of the claim and mention grammars.
    scratch: mentions::Scratch,
    claim_scratch: claims::Scratch,
    segments: Vec<claims::Segment>,
}

impl<'t> Grammar<'t, '_> {
    fn block(&mut self, block: &blocks::Block) {
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        sentences::split(self.text, block.start, block.end, &mut raw);
        for rs in &raw {
            self.sentence(rs, block.heading);
        }
        self.raw = raw;
    }

    fn sentence(&mut self, rs: &sentences::RawSentence, heading: bool) {
        let text = self.text;
        let kind = if rs.teaser {
            SentenceKind::Teaser
        } else if heading {
            SentenceKind::Heading
        } else {
            SentenceKind::Text
        };
        let si = self.doc.sentences.len();
        let mut span = raw(rs.start, rs.end);
        self.cursor.fill(&mut span);
        let mut toks = std::mem::take(&mut self.toks);
        tokens::tokenize(text, rs.body, rs.end, &mut toks);
        let t0 = self.doc.tokens.len();
        self.doc.tokens.extend(toks.iter().map(text::Token::of));
        self.doc.sentences.push(Sentence {
            text: text.get(rs.start..rs.end).unwrap_or("").to_string(),
            span,
            kind,
            tokens: t0..self.doc.tokens.len(),
        });
        let initial = usize::from(
            toks.first()
                .is_some_and(|t| matches!(t.kind, Kind::Punct('"' | '“' | '‘' | '\'' | '('))),
        );
        if !heading {
            for (k, t) in toks.iter().enumerate() {
                // Only words that could be a lone sentence-initial name matter (not "The").
                if !t.is_cap_word() || t.is(class::FUNC) || k == initial {
                    continue;
                }
                let after_opener =
                    k > 0 && matches!(toks[k - 1].kind, Kind::Punct('"' | '“' | '‘' | '(' | ':'));
                if !after_opener && let Some(s) = text.get(t.start..t.end) {
                    self.caps.insert(s);
                }
            }
        }
        if kind != SentenceKind::Teaser {
            self.claims(&toks, si, initial, t0);
        }
        self.toks = toks;
    }

    /// The claims of sentence `si`, whose tokens `toks` start at `t0` in the document's.
    fn claims(&mut self, toks: &[Tok], si: usize, initial: usize, t0: usize) {
        let text = self.text;
        // A question is not a claim.
        let last = toks
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, Kind::Punct('"' | '”' | '’' | '\'' | ')' | ']')));
        if last.is_none_or(|t| t.is_punct('?')) {
            return;
        }
        let mut b = toks.len();
        while b > 0 && matches!(toks[b - 1].kind, Kind::Punct('.' | '!' | '…')) {
            b -= 1;
        }
        let mut a = 0;
        if toks.len() > 2 && toks[0].is(class::DISCOURSE) && toks[1].is_punct(',') {
            a = 2;
        }
        if a >= b {
            return;
        }
        let people = people::find(toks, a, b);
        let mut segments = std::mem::take(&mut self.segments);
        claims::segment(toks, a, b, &people, &mut self.claim_scratch, &mut segments);
        let first = self.doc.claims.len();
        for seg in &segments {
            let cx = mentions::Cx {
                text,
                toks,
                people: &people,
                doc: self.doc.date,
                prev_day: self.prev_day,
                initial,
            };
            let claim_index = self.doc.claims.len();
            let mut mentions = mentions::extract(
                &cx,
                seg.a,
                seg.b,
                claim_index,
                &mut self.pending,
                &mut self.scratch,
            );
            let (s, e) = (toks[seg.a].start, toks[seg.b - 1].end);
            if seg.kind == ClaimKind::Statement {
                self.prev_day = single_day(&mentions);
            }
            let mut span = raw(s, e);
            self.cursor.fill(&mut span);
            for m in &mut mentions {
                self.cursor.fill(&mut m.span);
                match &mut m.value {
                    MentionValue::Person(Person {
                        role_span: Some(span),
                        ..
                    }) => self.cursor.fill(span),
                    MentionValue::Date(DateMention {
                        relative:
                            Some(Relative {
                                anchor: Anchor::Event { span, .. },
                                ..
                            }),
                        ..
                    }) => self.cursor.fill(span),
                    MentionValue::Duration(Duration {
                        elapsed: Some(Elapsed::Since { span, .. }),
                        ..
                    }) => self.cursor.fill(span),
                    _ => {}
                }
            }
            let clauses = clauses::subordinate(text, toks, seg.a, seg.b)
                .into_iter()
                .map(|(x, y)| {
                    let mut span = raw(toks[x].start, toks[y - 1].end);
                    self.cursor.fill(&mut span);
                    span
                })
                .collect();
            self.doc.claims.push(Claim {
                text: text.get(s..e).unwrap_or("").to_string(),
                span,
                sentence: si,
                kind: seg.kind,
                attribution: None,
                mentions,
                clauses,
                tokens: t0 + seg.a..t0 + seg.b,
            });
        }
        for (k, seg) in segments.iter().enumerate() {
            let Some(ai) = seg.attribution else { continue };
            let Some(attr) = self.doc.claims.get(first + ai) else {
                continue;
            };
            let source = segments[ai].source.map(|(x, y)| {
                text.get(toks[x].start..toks[y - 1].end)
                    .unwrap_or("")
                    .to_string()
            });
            let attribution = Attribution {
                text: attr.text.clone(),
                span: attr.span,
                source,
            };
            if let Some(c) = self.doc.claims.get_mut(first + k) {
                c.attribution = Some(attribution);
            }
        }
        self.segments = segments;
    }
}

/// The one day-precision date of a claim (not a "since" date), if it has exactly one.
fn single_day(mentions: &[Mention]) -> Option<PartialDate> {
    let mut found: Option<PartialDate> = None;
    for m in mentions {
        if let MentionValue::Date(d) = &m.value {
            if d.since || d.precision != Precision::Day {
                continue;
            }
            match (d.date, found) {
                (Some(x), None) => found = Some(x),
                (Some(x), Some(y)) if x == y => {}
                _ => return None,
            }
        }
    }
    found
}

/// Adds the lone sentence-initial words that the draft capitalises elsewhere as names.
fn add_pending_names(
    doc: &mut Document,
    caps: &FxSet<'_>,
    pending: &[Pending],
    text: &str,
    original: &str,
) {
    // Pending words come in text order: one forward cursor fills their spans.
    let mut cursor = spans::Cursor::new(original);
    for p in pending {
        let Some(word) = text.get(p.start..p.end) else {
            continue;
        };
        if !caps.contains(word) {
            continue;
        }
        let Some(claim) = doc.claims.get_mut(p.claim) else {
            continue;
        };
        let mut span = raw(p.start, p.end);
        cursor.fill(&mut span);
        let m = Mention {
            text: word.to_string(),
            span,
            value: MentionValue::Name(Name {
                name: word.to_string(),
            }),
        };
        let at = claim
            .mentions
            .partition_point(|x| (x.span.start, x.span.end) < (p.start, p.end));
        claim.mentions.insert(at, m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factcheck_model::LineIndex;

    fn date(y: i16, m: i8, d: i8) -> factcheck_model::Date {
        jiff::civil::date(y, m, d)
    }

    fn dates(doc: &Document) -> Vec<(String, Option<String>)> {
        doc.claims
            .iter()
            .flat_map(|c| &c.mentions)
            .filter_map(|m| match &m.value {
                MentionValue::Date(d) => Some((m.text.clone(), d.date.map(|d| d.to_string()))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn crlf_spans_point_into_the_original_bytes() {
        let text = "Headline without stop\r\nThe officials met in Istanbul on September 17.\r\nRead more: something\r\n";
        let doc = parse(
            text,
            &Options {
                date: Some(date(2023, 10, 5)),
                ..Options::default()
            },
        );
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[0].text, "Headline without stop");
        assert_eq!(doc.sentences[2].kind, SentenceKind::Teaser);
        let idx = LineIndex::new(text);
        let m = doc.claims[1]
            .mentions
            .iter()
            .find(|m| m.text == "September 17")
            .expect("the date");
        assert_eq!(&text[m.span.range()], "September 17");
        assert_eq!((m.span.line, m.span.column), (2, 34));
        assert_eq!(idx.line_col(m.span.start), (2, 34));
        assert!(doc.claims.iter().all(|c| !c.text.contains('\r')));
    }

    #[test]
    fn columns_count_characters() {
        let text = "Ça va. Éric Müller met Zoë in Genève on September 17.";
        let doc = parse(
            text,
            &Options {
                date: Some(date(2023, 10, 5)),
                ..Options::default()
            },
        );
        let m = doc
            .claims
            .iter()
            .flat_map(|c| &c.mentions)
            .find(|m| m.text == "September 17")
            .expect("date");
        assert_eq!(m.span.column, text[..m.span.start].chars().count() + 1);
        assert_eq!(m.span.line, 1);
        let names: Vec<&str> = doc
            .claims
            .iter()
            .flat_map(|c| &c.mentions)
            .map(|m| m.text.as_str())
            .collect();
        assert!(names.contains(&"Genève"), "{names:?}");
    }

    #[test]
    fn front_matter_date_and_override() {
        let text = "---\ntitle: x\ndate: 2023-10-05\n---\nThe report came out on Wednesday, after talks last month.\n";
        let doc = parse(text, &Options::default());
        assert_eq!(doc.date, Some(date(2023, 10, 5)));
        assert_eq!(
            dates(&doc),
            [
                ("on Wednesday".into(), Some("2023-10-04".into())),
                ("last month".into(), Some("2023-09".into()))
            ]
        );
        // --date wins over the front matter.
        let doc = parse(
            text,
            &Options {
                date: Some(date(2024, 1, 10)),
                ..Options::default()
            },
        );
        assert_eq!(doc.date, Some(date(2024, 1, 10)));
        assert_eq!(
            dates(&doc),
            [
                ("on Wednesday".into(), Some("2024-01-10".into())),
                ("last month".into(), Some("2023-12".into()))
            ]
        );
        // No date at all: relative dates stay unresolved, absolute ones do not.
        let doc = parse(
            "It happened last month, on 17 September 2023.",
            &Options::default(),
        );
        assert_eq!(
            dates(&doc),
            [
                ("last month".into(), None),
                ("17 September 2023".into(), Some("2023-09-17".into()))
            ]
        );
    }

    #[test]
    fn an_unparseable_front_matter_date_is_a_diagnostic() {
        let text = "---\ndate: 5 October\n---\nIt happened yesterday.\n";
        let doc = parse(text, &Options::default());
        assert_eq!(doc.date, None);
        assert_eq!(doc.diagnostics.len(), 1);
        let d = &doc.diagnostics[0];
        assert_eq!(&text[d.span.range()], "5 October");
        assert_eq!((d.span.line, d.span.column), (2, 7));
        assert_eq!(doc.claims.len(), 1);
    }

    #[test]
    fn markdown_code_comments_and_link_urls_are_not_text() {
        let text = "# A heading on September 1\n\nSee [the report](https://example.com/2020-01-01/100,000) from Politico.\n\n<!-- Draft note: 5,000 people on May 3, 2021. -->\n\n```\nOver 100,000 people moved on September 24.\n```\n\n    indented code on March 3, 2020\n\n- An item from 2019.\n";
        let doc = parse(
            text,
            &Options {
                format: Format::Markdown,
                date: Some(date(2023, 10, 5)),
            },
        );
        let kinds: Vec<SentenceKind> = doc.sentences.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SentenceKind::Heading,
                SentenceKind::Text,
                SentenceKind::Text
            ]
        );
        assert_eq!(
            dates(&doc),
            [
                ("September 1".into(), Some("2023-09-01".into())),
                ("2019".into(), Some("2019".into()))
            ]
        );
        assert!(
            doc.claims
                .iter()
                .flat_map(|c| &c.mentions)
                .all(|m| !matches!(m.value, MentionValue::Quantity(_)))
        );
        // The link text is prose; the link's URL is blanked out of the claim text.
        let see = &doc.claims[1];
        assert!(see.text.starts_with("See  the report "), "{:?}", see.text);
        assert!(!see.text.contains("https"));
        assert_eq!(see.text.len(), see.span.len());
        // Auto: front matter or block syntax means Markdown.
        let auto = parse(
            text,
            &Options {
                date: Some(date(2023, 10, 5)),
                ..Options::default()
            },
        );
        assert_eq!(dates(&auto), dates(&doc));
    }

    #[test]
    fn plain_text_headline_and_teaser() {
        let text = "US, Russia, EU held secret meeting in Turkey days before Baku's attack\nRead more: Armenia files a lawsuit. It says so.\nThe officials met.";
        let doc = parse(text, &Options::default());
        let kinds: Vec<SentenceKind> = doc.sentences.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [SentenceKind::Text, SentenceKind::Teaser, SentenceKind::Text]
        );
        assert_eq!(doc.claims.len(), 2);
        assert!(doc.claims.iter().all(|c| c.sentence != 1));
        let headline = &doc.claims[0];
        let date = headline.mentions.iter().find_map(|m| match &m.value {
            MentionValue::Date(d) => Some(d),
            _ => None,
        });
        let rel = date
            .and_then(|d| d.relative.as_ref())
            .expect("a relative date");
        assert_eq!(rel.offset.amount, None);
        assert!(matches!(&rel.anchor, Anchor::Event { text, .. } if text == "Baku's attack"));
    }

    #[test]
    fn previous_claim_anchors_resolve_only_from_a_day() {
        let text = "The talks were held on September 17. The deal was signed one day later. It was announced last month. The troops left a day later.";
        let doc = parse(
            text,
            &Options {
                date: Some(date(2023, 10, 5)),
                ..Options::default()
            },
        );
        assert_eq!(
            dates(&doc),
            [
                ("September 17".into(), Some("2023-09-17".into())),
                ("one day later".into(), Some("2023-09-18".into())),
                ("last month".into(), Some("2023-09".into())),
                ("a day later".into(), None),
            ]
        );
    }

    #[test]
    fn questions_are_not_claims() {
        let doc = parse(
            "Did the officials meet in Istanbul? They did.",
            &Options::default(),
        );
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.claims.len(), 1);
        assert_eq!(doc.claims[0].sentence, 1);
    }
}
