//! The built-in checks, one module each, and the small matchers they share.

pub mod ari001_percent_change;
pub mod ari002_multiple;
pub mod ari003_parts_exceed_total;
pub mod cal001_weekday_date;
pub mod cal002_impossible_date;
pub mod cal003_interval;
pub mod self001_event_dates;
pub mod self002_count_values;

use factcheck_claims::{Qualifier, Unit};
use factcheck_model::Date;

use crate::Finding;
use crate::calendar::{self, Bound};
use crate::ctx::{Ctx, DateAt, Segment};
use crate::text::{self, Kind};

/// What the checks that compare places of the draft remember of the segments before.
#[derive(Default)]
pub struct State {
    pub events: self001_event_dates::Seen,
    pub counts: self002_count_values::Seen,
}

/// Runs every check on one segment; `ctx.segments` holds the segments before it.
pub fn run_all(ctx: &Ctx<'_>, seg: &Segment<'_>, state: &mut State, out: &mut Vec<Finding>) {
    cal001_weekday_date::run(ctx, seg, out);
    cal002_impossible_date::run(ctx, seg, out);
    cal003_interval::run(ctx, seg, out);
    ari001_percent_change::run(ctx, seg, out);
    ari002_multiple::run(ctx, seg, out);
    ari003_parts_exceed_total::run(ctx, seg, out);
    self001_event_dates::run(ctx, seg, &mut state.events, out);
    self002_count_values::run(ctx, seg, &mut state.counts, out);
}

/// An amount of time written in the text: "three days", "a week", "six-week".
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    pub value: f64,
    pub unit: Unit,
    pub last: usize,
    /// Written as a compound adjective ("six-week conflict").
    pub compound: bool,
}

/// Reads "three days", "a week", "44 days", "one month" or "six-week" at token `i`.
pub fn amount_at(seg: &Segment<'_>, i: usize) -> Option<Amount> {
    let tok = seg.tok(i)?;
    if seg.in_date.get(i).copied().unwrap_or(false) {
        return None;
    }
    let (value, last_num) = if tok.is_any(&["a", "an"]) {
        (1.0, i)
    } else {
        let n = text::number_at(&seg.toks, i)?;
        if n.percent || n.points || n.year_like || n.multiplied || seg.toks[i].kind == Kind::Punct {
            return None;
        }
        (n.value, n.last)
    };
    let next = seg.tok(last_num + 1)?;
    if next.is_punct('-') && !next.space_before {
        let unit_tok = seg.tok(last_num + 2).filter(|t| !t.space_before)?;
        let unit = factcheck_claims::text::unit_of(unit_tok.text)?;
        // "six-week", singular only.
        if unit_tok.text.ends_with('s') || tok.is_any(&["a", "an"]) {
            return None;
        }
        return Some(Amount {
            value,
            unit,
            last: last_num + 2,
            compound: true,
        });
    }
    let unit = factcheck_claims::text::unit_of(next.text).filter(|_| next.kind == Kind::Word)?;
    // "a day" but not "a days"; "three days" but not "three day" (that is a compound noun).
    let plural = next.text.ends_with('s') || next.text.ends_with('S');
    if (value == 1.0) == plural {
        return None;
    }
    Some(Amount {
        value,
        unit,
        last: last_num + 1,
        compound: false,
    })
}

/// The qualifier written right before token `i` ("more than three months"), the first token of
/// the qualifier (or `i`), and whether it is one (a focus adverb such as "just" or "only", or
/// "exactly", moves the first token but qualifies nothing). The words are the grammar's
/// qualifiers (`factcheck_claims::text::qualifier_ending`), their bound its
/// [`factcheck_claims::Qualifier::bound`].
pub fn bound_before(seg: &Segment<'_>, i: usize) -> (Bound, usize, bool) {
    let from = i.saturating_sub(3);
    let mut words = [""; 3];
    let mut n = 0;
    for t in &seg.toks[from..i.min(seg.toks.len())] {
        // A punctuation mark ends any qualifier: only the words after it count.
        if t.kind == Kind::Word {
            words[n] = t.text;
            n += 1;
        } else {
            n = 0;
        }
    }
    if let Some((q, len)) = factcheck_claims::text::qualifier_ending(&words[..n]) {
        let qualified = !matches!(q, Qualifier::None | Qualifier::Exactly);
        // "just under" is a little less, not anything less.
        let just = len >= 2 && words[n - len].eq_ignore_ascii_case("just");
        let bound = match q {
            Qualifier::FewerThan if just => Bound::Nearly,
            q => q.bound(),
        };
        return (bound, i - len, qualified);
    }
    match i.checked_sub(1).and_then(|p| seg.tok(p)) {
        Some(x) if x.is_any(&["just", "only"]) => (Bound::Near, i - 1, false),
        // Vague, but not one of the grammar's qualifiers: there "circa 1990" is a year.
        Some(x) if x.is("circa") => (Bound::Near, i - 1, true),
        _ => (Bound::Near, i, false),
    }
}

/// The day dates `a` and `b` as the draft relates them, for every reading the text allows: a
/// year-less date is read in the year that puts it nearest the other one; when neither has a
/// year, `b` takes the document date's rule, and with no document date both a common year and a
/// leap year are tried (a check fires only when every reading fails).
pub fn day_pairs(a: &DateAt, b: &DateAt, doc: Option<Date>) -> Vec<(Date, Date)> {
    let (Some(am), Some(ad), Some(bm), Some(bd)) =
        (Some(a.raw.month), a.raw.day, Some(b.raw.month), b.raw.day)
    else {
        return Vec::new();
    };
    match (a.explicit_year, b.explicit_year) {
        (true, true) => match (a.day(), b.day()) {
            (Some(x), Some(y)) => vec![(x, y)],
            _ => Vec::new(),
        },
        (true, false) => a
            .day()
            .and_then(|x| calendar::nearest_to(bm, bd, x).map(|y| (x, y)))
            .into_iter()
            .collect(),
        (false, true) => b
            .day()
            .and_then(|y| calendar::nearest_to(am, ad, y).map(|x| (x, y)))
            .into_iter()
            .collect(),
        (false, false) => {
            let bases: Vec<Date> = match doc {
                Some(_) => b.day().into_iter().collect(),
                None => [2001, 2004]
                    .iter()
                    .filter_map(|&y| Date::new(y, bm, bd).ok())
                    .collect(),
            };
            bases
                .into_iter()
                .filter_map(|y| calendar::nearest_to(am, ad, y).map(|x| (x, y)))
                .collect()
        }
    }
}

/// Whether the year of either date is known (written, or from the document date).
pub fn years_known(a: &DateAt, b: &DateAt, doc: Option<Date>) -> bool {
    a.explicit_year || b.explicit_year || doc.is_some()
}

/// Whether tokens `from..to` (exclusive) contain a clause break (`;`, `:` or a full stop).
pub fn has_break(seg: &Segment<'_>, from: usize, to: usize) -> bool {
    (from..to.min(seg.toks.len())).any(|k| {
        let t = &seg.toks[k];
        t.is_punct(';') || t.is_punct(':') || t.is_punct('.') && t.space_before
    })
}

/// A number in a readable form: `25`, `16.7`, `1,250`.
pub fn show_number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        let n = v.round();
        #[allow(clippy::cast_possible_truncation)]
        let i = n as i64;
        let s = i.abs().to_string();
        let mut out = String::new();
        for (k, c) in s.chars().enumerate() {
            if k > 0 && (s.len() - k).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if i < 0 { format!("-{out}") } else { out }
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A number that can be a count or an amount: not part of a date, not a year.
pub fn value_at(seg: &Segment<'_>, i: usize) -> Option<text::Number> {
    if seg.in_date.get(i).copied().unwrap_or(true) {
        return None;
    }
    let n = text::number_at(&seg.toks, i)?;
    if n.year_like || seg.in_date.get(n.last).copied().unwrap_or(true) {
        return None;
    }
    Some(n)
}

/// Two numbers a change runs between: "from 40 to 50", "from 40 tanks to 50", "to 50 from 40".
#[derive(Debug, Clone, Copy)]
pub struct FromTo {
    pub first: usize,
    pub last: usize,
    pub a: text::Number,
    pub b: text::Number,
}

impl FromTo {
    /// The two values, a bare first number taking the multiplier of the second ("from 40 to 50
    /// million"; not "hundred" or "dozen": "from 40 to two dozen" is 40 to 24).
    pub fn values(&self) -> (f64, f64) {
        let mut a = self.a.value;
        if !self.a.multiplied && self.b.multiplied && self.b.scale >= 1000.0 && a < 1000.0 {
            a *= self.b.scale;
        }
        (a, self.b.value)
    }
}

/// Reads a [`FromTo`] at token `k` ("from" or "to").
pub fn from_to_at(seg: &Segment<'_>, k: usize) -> Option<FromTo> {
    let tok = seg.tok(k)?;
    let (first_word, second_word) = if tok.is("from") {
        ("from", "to")
    } else if tok.is("to") {
        ("to", "from")
    } else {
        return None;
    };
    let x = value_at(seg, k + 1)?;
    let mut j = x.last + 1;
    // Up to two words of unit between: "from 40 tanks to 50".
    let mut words = 0;
    while seg
        .tok(j)
        .is_some_and(|t| t.kind == Kind::Word && !t.is(second_word))
        && words < 2
    {
        if !seg.tok(j).is_some_and(text::Tok::is_lowercase_word) {
            return None;
        }
        j += 1;
        words += 1;
    }
    if !seg.tok(j).is_some_and(|t| t.is(second_word)) {
        return None;
    }
    let y = value_at(seg, j + 1)?;
    let (a, b) = if first_word == "from" { (x, y) } else { (y, x) };
    // "from 40% to 50%" or neither; points never.
    if a.points || b.points {
        return None;
    }
    Some(FromTo {
        first: k,
        last: y.last,
        a,
        b,
    })
}

/// All the [`FromTo`] of a segment.
pub fn from_tos(seg: &Segment<'_>) -> Vec<FromTo> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < seg.toks.len() {
        if let Some(ft) = from_to_at(seg, k) {
            k = ft.last + 1;
            out.push(ft);
        } else {
            k += 1;
        }
    }
    out
}

/// `text` with its first letter in lower case when its first word is a common word that only
/// starts a sentence ("Two days later", "Over 100,000", "The offensive"); names stay as written.
pub fn lower_first(text: &str) -> String {
    const COMMON: &[&str] = &[
        "the",
        "a",
        "an",
        "its",
        "their",
        "this",
        "that",
        "over",
        "about",
        "around",
        "more",
        "less",
        "fewer",
        "nearly",
        "almost",
        "some",
        "up",
        "at",
        "just",
        "only",
        "roughly",
        "approximately",
        "exactly",
        "under",
        "one",
        "the",
        "by",
    ];
    let first: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let common =
        COMMON.iter().any(|w| first.eq_ignore_ascii_case(w)) || text::word_number(&first).is_some();
    let mut chars = text.chars();
    match chars.next() {
        Some(a) if common && a.is_uppercase() => a.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// "a" or "an" before a number written in digits ("an 18% increase", "a 25% increase").
pub fn article(number: &str) -> &'static str {
    let digits: String = number
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    let eleven_or_eighteen =
        (digits.starts_with("11") || digits.starts_with("18")) && digits.len() % 3 == 2;
    if digits.starts_with('8') || eleven_or_eighteen {
        "an"
    } else {
        "a"
    }
}
