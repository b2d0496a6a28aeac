//! Hand-built documents for checker tests: the claim grammar's types filled in directly, so the
//! checker is tested on exactly the mentions a test names.
#![allow(dead_code)]

use factcheck_claims::{
    Anchor, Attribution, Claim, ClaimKind, DateMention, Document, Duration, Mention, MentionValue,
    Offset, Person, Qualifier, Quantity, Relative, Sentence, SentenceKind, Unit,
};
use factcheck_model::{Date, LineIndex, PartialDate, Precision, Span, Weekday};

pub struct Doc {
    pub text: String,
    pub date: Option<Date>,
    claims: Vec<Claim>,
}

/// Where a claim is, for its mentions.
pub struct At<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn span(text: &str, start: usize, end: usize) -> Span {
    LineIndex::new(text).span(start, end)
}

impl At<'_> {
    /// The span of `needle` inside the claim.
    pub fn span(&self, needle: &str) -> Span {
        let i = self.text[self.start..self.end]
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` is not in the claim"));
        span(self.text, self.start + i, self.start + i + needle.len())
    }

    fn mention(&self, needle: &str, value: MentionValue) -> Mention {
        Mention {
            text: needle.to_string(),
            span: self.span(needle),
            value,
        }
    }

    fn date_value(
        iso: Option<&str>,
        precision: Precision,
        since: bool,
        relative: Option<Relative>,
    ) -> MentionValue {
        let date = iso.map(|s| s.parse::<PartialDate>().expect("test date"));
        MentionValue::Date(DateMention {
            precision: date.map_or(precision, |d| d.precision()),
            date,
            since,
            relative,
            aspect: factcheck_claims::Aspect::Point,
            after_verb: false,
        })
    }

    /// An absolute date.
    pub fn date(&self, needle: &str, iso: &str) -> Mention {
        self.mention(
            needle,
            Self::date_value(Some(iso), Precision::Day, false, None),
        )
    }

    /// A date that opens a "since" interval.
    pub fn since(&self, needle: &str, iso: &str) -> Mention {
        self.mention(
            needle,
            Self::date_value(Some(iso), Precision::Day, true, None),
        )
    }

    /// A date relative to the document date ("last month"), resolved as the grammar would.
    pub fn doc_rel(
        &self,
        needle: &str,
        iso: Option<&str>,
        amount: i32,
        unit: Unit,
        doc: Option<Date>,
    ) -> Mention {
        let rel = Relative {
            offset: Offset {
                amount: Some(amount),
                unit,
                weekday: None,
            },
            anchor: Anchor::Document { date: doc },
        };
        self.mention(
            needle,
            Self::date_value(iso, Precision::Month, false, Some(rel)),
        )
    }

    /// "since last year".
    pub fn since_rel(&self, needle: &str, iso: &str, doc: Date) -> Mention {
        let rel = Relative {
            offset: Offset {
                amount: Some(-1),
                unit: Unit::Year,
                weekday: None,
            },
            anchor: Anchor::Document { date: Some(doc) },
        };
        self.mention(
            needle,
            Self::date_value(Some(iso), Precision::Year, true, Some(rel)),
        )
    }

    /// "on Wednesday", resolved (or not) against the document date.
    pub fn weekday(
        &self,
        needle: &str,
        iso: Option<&str>,
        weekday: Weekday,
        doc: Option<Date>,
    ) -> Mention {
        let rel = Relative {
            offset: Offset {
                amount: Some(0),
                unit: Unit::Day,
                weekday: Some(weekday),
            },
            anchor: Anchor::Document { date: doc },
        };
        self.mention(
            needle,
            Self::date_value(iso, Precision::Day, false, Some(rel)),
        )
    }

    /// "two days before <anchor>": the anchor is named in the claim.
    pub fn before_event(
        &self,
        needle: &str,
        amount: Option<i32>,
        unit: Unit,
        anchor: &str,
    ) -> Mention {
        let rel = Relative {
            offset: Offset {
                amount,
                unit,
                weekday: None,
            },
            anchor: Anchor::Event {
                text: anchor.to_string(),
                span: self.span(anchor),
            },
        };
        self.mention(
            needle,
            Self::date_value(None, Precision::Day, false, Some(rel)),
        )
    }

    /// "one day later": counts from the previous claim's event.
    pub fn later(&self, needle: &str, amount: Option<i32>, unit: Unit) -> Mention {
        let rel = Relative {
            offset: Offset {
                amount,
                unit,
                weekday: None,
            },
            anchor: Anchor::Previous,
        };
        self.mention(
            needle,
            Self::date_value(None, Precision::Day, false, Some(rel)),
        )
    }

    /// "the following day" after a demonstrative the grammar cannot resolve.
    pub fn unresolved(&self, needle: &str, demonstrative: &str) -> Mention {
        let rel = Relative {
            offset: Offset {
                amount: Some(1),
                unit: Unit::Day,
                weekday: None,
            },
            anchor: Anchor::Unresolved {
                text: demonstrative.to_string(),
            },
        };
        self.mention(
            needle,
            Self::date_value(None, Precision::Day, false, Some(rel)),
        )
    }

    pub fn qty(&self, needle: &str, number: f64, qualifier: Qualifier) -> Mention {
        self.mention(
            needle,
            MentionValue::Quantity(Quantity {
                number,
                qualifier,
                noun: None,
                measure: None,
            }),
        )
    }

    pub fn dur(&self, needle: &str, amount: f64, unit: Unit) -> Mention {
        self.mention(
            needle,
            MentionValue::Duration(Duration {
                amount,
                unit,
                qualifier: Qualifier::None,
                noun: None,
                elapsed: None,
            }),
        )
    }

    /// A person with a role as written: `role_text` is where role and organisation are written.
    pub fn person(
        &self,
        name: &str,
        role: Option<&str>,
        org: Option<&str>,
        role_text: Option<&str>,
    ) -> Mention {
        let mut m = self.mention(
            name,
            MentionValue::Person(Person {
                name: name.to_string(),
                role: role.map(str::to_string),
                organisation: org.map(str::to_string),
                role_span: role_text.map(|r| self.span(r)),
            }),
        );
        if let Some(r) = role_text {
            let rs = self.span(r);
            let s = rs.start.min(m.span.start);
            let e = rs.end.max(m.span.end);
            m.span = span(self.text, s, e);
            m.text = self.text[s..e].to_string();
        }
        m
    }
}

impl Doc {
    pub fn new(text: &str, date: Option<&str>) -> Doc {
        Doc {
            text: text.to_string(),
            date: date.map(|d| d.parse::<PartialDate>().expect("test date").first()),
            claims: Vec::new(),
        }
    }

    /// A statement claim over the first occurrence of `claim` (after the previous claim).
    pub fn claim(self, claim: &str, mentions: impl FnOnce(&At) -> Vec<Mention>) -> Doc {
        self.add(claim, ClaimKind::Statement, None, mentions)
    }

    /// A statement with an attribution.
    pub fn attributed(
        self,
        claim: &str,
        attribution: &str,
        mentions: impl FnOnce(&At) -> Vec<Mention>,
    ) -> Doc {
        self.add(claim, ClaimKind::Statement, Some(attribution), mentions)
    }

    /// An attribution claim ("Politico said in a report published on Wednesday").
    pub fn attribution(self, claim: &str, mentions: impl FnOnce(&At) -> Vec<Mention>) -> Doc {
        self.add(claim, ClaimKind::Attribution, None, mentions)
    }

    fn add(
        mut self,
        claim: &str,
        kind: ClaimKind,
        attribution: Option<&str>,
        mentions: impl FnOnce(&At) -> Vec<Mention>,
    ) -> Doc {
        let from = self.claims.last().map_or(0, |c| c.span.start + 1);
        let start = from
            + self.text[from..]
                .find(claim)
                .unwrap_or_else(|| panic!("`{claim}` is not in the text"));
        let end = start + claim.len();
        let at = At {
            text: &self.text,
            start,
            end,
        };
        let mentions = mentions(&at);
        let attribution = attribution.map(|a| {
            let i = self.text.find(a).expect("attribution in text");
            Attribution {
                text: a.to_string(),
                span: span(&self.text, i, i + a.len()),
                source: None,
            }
        });
        self.claims.push(Claim {
            text: claim.to_string(),
            span: span(&self.text, start, end),
            sentence: self.claims.len(),
            kind,
            attribution,
            mentions,
            clauses: Vec::new(),
            tokens: 0..0,
        });
        self
    }

    pub fn build(self) -> Document {
        let sentences = self
            .claims
            .iter()
            .map(|c| Sentence {
                text: c.text.clone(),
                span: c.span,
                kind: SentenceKind::Text,
                tokens: 0..0,
            })
            .collect();
        Document {
            date: self.date,
            sentences,
            claims: self.claims,
            diagnostics: Vec::new(),
            tokens: Vec::new(),
        }
    }
}

pub fn date(s: &str) -> Date {
    s.parse::<PartialDate>().expect("test date").first()
}

/// Facts for the checker tests (input data, in the rule-file format).
pub const RULES: &str = r#"
events:
  - id: report
    name: Politico report on the talks
    cues: [Politico said]
    date: 2023-10-04
    source: https://example.org/report
  - id: meeting
    name: meeting of envoys in Istanbul
    cues: [met in Istanbul, secret meeting]
    date: 2023-09-17
    source: https://example.org/meeting
  - id: operation
    name: the anti-terrorist operation
    aliases: [anti-terrorist operation, military operation, Baku's attack]
    date: 2023-09-19
    source: https://example.org/operation
  - id: ceasefire
    name: the ceasefire
    cues: [military operation was concluded, agreed to disarm]
    date: 2023-09-20
    source: https://example.org/ceasefire
  - id: blockade
    name: the blockade
    cues: [blockade]
    start: 2022-12-12
    source: https://example.org/blockade
  - id: war
    name: the 2020 war
    cues: [conflict between the two countries]
    start: 2020-09-27
    end: 2020-11-10
    source: https://example.org/war
  - id: truce
    name: the 2020 ceasefire
    cues: [ceasefire agreement was brokered]
    date: 2020-11-10
    source: https://example.org/truce
  - id: summit
    name: the summit
    cues: [summit]
    date: 2023-09
    source: https://example.org/summit
offices:
  - id: bono
    person: Louis L. Bono
    aliases: [Louis Bono, Bono]
    roles:
      - title: Senior Advisor for Caucasus Negotiations
        organisation: United States
        organisation_aliases: [US, Washington]
        from: 2023-02-01
    source: https://example.org/bono
  - id: klaar
    person: Toivo Klaar
    aliases: [Klaar]
    roles:
      - title: Special Representative for the South Caucasus and the crisis in Georgia
        aliases: [Special Representative for the South Caucasus]
        organisation: European Union
        organisation_aliases: [EU]
        from: 2017-11-13
        to: 2024-08-31
        source: https://example.org/klaar-role
    source: https://example.org/klaar
  - id: grono
    person: Magdalena Grono
    roles:
      - title: Special Representative for the South Caucasus and the crisis in Georgia
        aliases: [Special Representative for the South Caucasus]
        organisation: European Union
        organisation_aliases: [EU]
        from: 2024-09-01
    source: https://example.org/grono
  - id: baghdasaryan
    person: Nazeli Baghdasaryan
    roles:
      - title: press secretary of the Prime Minister of Armenia
        organisation: Armenia
        from: 2023
    source: https://example.org/nb
counts:
  - id: arrivals
    name: arrivals in Armenia
    cues: [moved to Armenia]
    unit: people
    since: 2023-09-24
    tolerance: 0.05
    series:
      - as_of: 2023-09-29
        value: 84770
      - as_of: 2023-09-29
        value: 97735
      - as_of: 2023-10-03
        value: 100625
        source: https://example.org/arrivals-1003
    source: https://example.org/arrivals
"#;

pub fn base() -> factcheck_rules::FactBase {
    factcheck_rules::load_sources(vec![("test.yaml".into(), RULES.to_string())])
        .unwrap_or_else(|e| panic!("{e}"))
}
