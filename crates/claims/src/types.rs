//! The public data model of the grammar. Its serde form is the JSON contract of
//! `factcheck sentences` and `factcheck claims` (documented in `docs/json.md`).

use factcheck_model::{Date, PartialDate, Span};
use serde::Serialize;

/// How to read the input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Markdown for `.md`/`.markdown` paths or text that starts with front matter; plain otherwise.
    #[default]
    Auto,
    Plain,
    Markdown,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    /// The document date from the command line; wins over the front matter's `date:`.
    pub date: Option<Date>,
}

/// What the grammar found in one draft.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The document date relative dates were resolved against (`--date`, else front matter).
    pub date: Option<Date>,
    pub sentences: Vec<Sentence>,
    /// Claims in span order; attribution claims included (see [`ClaimKind`]).
    pub claims: Vec<Claim>,
    /// The tokens of every sentence, in order ([`Sentence::tokens`] and [`Claim::tokens`] are
    /// ranges of it): what the alias index and the built-in checks read. Not part of the JSON.
    #[serde(skip)]
    pub tokens: Vec<crate::text::Token>,
    /// Problems with the text that are not failures (an unparseable front-matter date, …).
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The tokens of sentence `si`: its range of [`Document::tokens`], or its text cut now when
    /// the sentence was built by hand (offsets from its span's start).
    pub fn sentence_tokens(&self, si: usize) -> std::borrow::Cow<'_, [crate::text::Token]> {
        match self.sentences.get(si) {
            Some(s) => self.tokens_of(&s.tokens, &s.text, s.span.start),
            None => std::borrow::Cow::Borrowed(&[]),
        }
    }

    /// The tokens of claim `ci` (see [`Document::sentence_tokens`]).
    pub fn claim_tokens(&self, ci: usize) -> std::borrow::Cow<'_, [crate::text::Token]> {
        match self.claims.get(ci) {
            Some(c) => self.tokens_of(&c.tokens, &c.text, c.span.start),
            None => std::borrow::Cow::Borrowed(&[]),
        }
    }

    fn tokens_of(
        &self,
        range: &std::ops::Range<usize>,
        text: &str,
        base: usize,
    ) -> std::borrow::Cow<'_, [crate::text::Token]> {
        match self.tokens.get(range.clone()) {
            Some(toks) if !toks.is_empty() || text.trim().is_empty() => {
                std::borrow::Cow::Borrowed(toks)
            }
            _ => {
                let mut out = Vec::new();
                crate::text::tokenize(text, 0, text.len(), &mut out);
                for t in &mut out {
                    t.start += base;
                    t.end += base;
                }
                std::borrow::Cow::Owned(out)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub message: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// Ordinary body text (also a headline or standfirst that has no final punctuation).
    Text,
    /// A Markdown heading.
    Heading,
    /// A related-link teaser such as `Read more: …`: kept as a sentence, never a claim.
    Teaser,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub span: Span,
    pub kind: SentenceKind,
    /// Its tokens in [`Document::tokens`] (empty when the sentence was built by hand: then
    /// [`Document::sentence_tokens`] cuts its text).
    #[serde(skip)]
    pub tokens: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A proposition of the draft itself.
    Statement,
    /// The attribution of other claims ("Politico said in a report published on Wednesday"),
    /// checkable in its own right: the report's date is a claim too.
    Attribution,
}

/// One checkable proposition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub text: String,
    pub span: Span,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    pub kind: ClaimKind,
    /// The attribution of a statement, when the sentence gives one.
    pub attribution: Option<Attribution>,
    /// Mentions in span order, all inside `span`.
    pub mentions: Vec<Mention>,
    /// The subordinate clauses inside the claim, in span order: relative clauses ("who died in
    /// 2008"), temporal clauses ("when she took office in 2011") and parentheticals. A date,
    /// number or role attaches to what a fact is about only within one clause: the clause it
    /// stands in, the claim's main clause being everything outside these spans.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Span>,
    /// Its tokens in [`Document::tokens`] (see [`Sentence::tokens`]).
    #[serde(skip)]
    pub tokens: std::ops::Range<usize>,
}

impl Claim {
    /// The clause of a byte offset: `Some(k)` inside `clauses[k]`, `None` in the main clause.
    pub fn clause_of(&self, start: usize, end: usize) -> Option<usize> {
        self.clauses
            .iter()
            .rposition(|c| c.start <= start && end <= c.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub text: String,
    pub span: Span,
    /// Who is cited: `Politico`, `Nazeli Baghdasaryan`, `the report`.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub span: Span,
    #[serde(flatten)]
    pub value: MentionValue,
}

/// The typed value of a mention. Serialises as `"kind": …, "value": …`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum MentionValue {
    Date(DateMention),
    Quantity(Quantity),
    Duration(Duration),
    Person(Person),
    Name(Name),
}

/// A date, absolute ("September 17", "2020") or relative ("last month", "on Wednesday",
/// "two days before ‹event›", "one day later").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// The date, resolved as far as the text allows: absolute dates always; dates relative to the
    /// document date when it is known; dates relative to an event only when the draft itself dates
    /// that event. `None` otherwise (the checker resolves it against facts).
    pub date: Option<PartialDate>,
    /// The precision of `date`, or of the expression when unresolved.
    pub precision: factcheck_model::Precision,
    /// "since last year", "since September 24": the date opens an interval that lasts until now.
    pub since: bool,
    /// Set for relative expressions.
    pub relative: Option<Relative>,
    /// Whether a verb of beginning ("began", "launched", "imposed") or ending ("ended",
    /// "concluded", "lifted") governs the date in its clause: then it dates an event's start or
    /// end, not any day inside it.
    #[serde(skip_serializing_if = "Aspect::is_point")]
    pub aspect: Aspect,
    /// Whether a finite verb stands before the date in its clause ("the envoys had met on
    /// September 17"): the date then belongs to that verb, and is never attached to an event
    /// named after it. `false` for a fronted date ("On September 17, the envoys met").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub after_verb: bool,
}

/// Which part of an event a date speaks of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Aspect {
    /// The event as a whole (a day of it, or all of it).
    #[default]
    Point,
    /// Its start: "began on March 21", "launched on September 19".
    Begin,
    /// Its end: "ended on March 22", "concluded one day later".
    End,
}

impl Aspect {
    pub fn is_point(&self) -> bool {
        *self == Aspect::Point
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relative {
    /// Signed offset from the anchor: "two days before" is -2 days, "one day later" +1 day,
    /// "last month" -1 month, "yesterday" -1 day. Zero for a weekday ("on Wednesday"), whose
    /// resolution is the latest such weekday on or before the anchor.
    pub offset: Offset,
    pub anchor: Anchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Offset {
    /// Signed amount; `None` for a vague amount ("days before").
    pub amount: Option<i32>,
    pub unit: Unit,
    /// For weekday expressions: which weekday (serialised in lower case, `"wednesday"`).
    #[serde(serialize_with = "serialize_weekday")]
    pub weekday: Option<factcheck_model::Weekday>,
}

/// A unit of time (day, week, month, year); it lives with the calendar arithmetic.
pub use factcheck_model::calendar::Unit;

/// What a relative date counts from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Anchor {
    /// The document date ("last month", "on Wednesday", "yesterday").
    Document { date: Option<Date> },
    /// The event of the previous claim ("one day later", "the following day").
    Previous,
    /// An event named in the same sentence ("two days before Baku launched its operation").
    Event { text: String, span: Span },
    /// A demonstrative the grammar cannot resolve ("following this declaration").
    Unresolved { text: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exactly,
    Over,
    MoreThan,
    AtLeast,
    Nearly,
    Almost,
    About,
    Around,
    UpTo,
    FewerThan,
    /// No qualifier: the number must match at its stated precision.
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub number: f64,
    pub qualifier: Qualifier,
    /// The counted noun phrase ("Nagorno-Karabakh residents").
    pub noun: Option<String>,
    /// What the number measures, when the draft says so: a currency, a percentage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

/// What a number measures, as the draft writes it. The rules decide what a measure may be
/// compared with: a currency only with a fact that accepts its sign or word (no conversion).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "measure", content = "as_written", rename_all = "lowercase")]
pub enum Measure {
    /// A currency sign before the number (`$`, `€`, `£`) or a currency word or ISO code after it
    /// (`euros`, `dollars`, `EUR`), as written.
    Currency(String),
    /// `%`, "percent", "per cent".
    Percent,
    /// "percentage points": a difference of two percentages.
    Points,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duration {
    pub amount: f64,
    pub unit: Unit,
    /// The qualifier written before it, from the quantities' words ("less than two months",
    /// "more than 40 days", "nearly a year", "about six weeks"); `none` without one.
    pub qualifier: Qualifier,
    /// What lasted ("conflict" in "six-week conflict").
    pub noun: Option<String>,
    /// Set when the duration is the time elapsed up to the time the sentence speaks of, not
    /// the length of an event: "in the 90 years since …", "for the past ten years".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed: Option<Elapsed>,
}

/// What an elapsed time counts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "lowercase")]
pub enum Elapsed {
    /// "N years since ‹event›": from the event named after "since" to the reference date.
    Since { text: String, span: Span },
    /// "for the past N years", "over the last N months": a span that ends at the reference
    /// date and began N units before it.
    Past,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    /// The role as written, without the organisation ("Senior Advisor for Caucasus Negotiations").
    pub role: Option<String>,
    /// The organisation or country of the role ("Washington", "EU", "Russia").
    pub organisation: Option<String>,
    /// Where the role (with its organisation) is written.
    pub role_span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Name {
    pub name: String,
}

fn serialize_weekday<S: serde::Serializer>(
    weekday: &Option<factcheck_model::Weekday>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use factcheck_model::Weekday::*;
    let name = weekday.map(|w| match w {
        Monday => "monday",
        Tuesday => "tuesday",
        Wednesday => "wednesday",
        Thursday => "thursday",
        Friday => "friday",
        Saturday => "saturday",
        Sunday => "sunday",
    });
    name.serialize(s)
}
