//! Numbers with qualifiers against the latest value of a count.

use factcheck_claims::{Claim, Measure, Mention, MentionValue, Qualifier, Quantity};

use super::{Ctx, Outcome, Status, push_unique};
use crate::format::{CountFact, MeasureName};
use crate::index::Hit;
use crate::text::format_number;

/// How many significant digits a bare number states: its digits up to the last non-zero one,
/// but never fewer than three for a whole number (its trailing zeros may be significant); a
/// decimal states every digit written.
pub(crate) fn stated_digits(n: f64) -> i32 {
    let s = format!("{}", n.abs());
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    if s.contains('.') {
        digits.len().max(1) as i32
    } else {
        (digits.trim_end_matches('0').len() as i32).max(3)
    }
}

/// The range of values that round to `n` at `p` significant digits: `[lo, hi)`.
pub(crate) fn precision_range(n: f64, p: i32) -> (f64, f64) {
    if n == 0.0 {
        return (0.0, 0.0);
    }
    let magnitude = n.abs().log10().floor() as i32;
    let step = 10f64.powi(magnitude - p + 1);
    (n - step / 2.0, n + step / 2.0)
}

/// A bare number holds when the value, rounded to the digits the number states, is the number.
pub(crate) fn bare_holds(n: f64, v: f64) -> bool {
    if n == 0.0 {
        return v == 0.0;
    }
    let (lo, hi) = precision_range(n, stated_digits(n));
    lo <= v && v < hi
}

/// The number as a message restates it: formatted, unless it is too large for a float to hold
/// exactly (2^53 and up), when it is quoted as the draft writes it ("99999999999999999999", not
/// "100000000000000000000").
fn stated_number(text: &str, n: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if n.abs() < EXACT {
        return format_number(n);
    }
    let start = text.find(|c: char| c.is_ascii_digit());
    let written = start.map(|s| {
        let rest = &text[s..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(rest.len());
        rest[..end].trim_end_matches(['.', ','])
    });
    written.map_or_else(|| format_number(n), str::to_string)
}

fn pct(t: f64) -> String {
    format!("{}%", format_number((t * 1000.0).round() / 10.0))
}

/// Whether a number is part of a date or a duration ("2020", "44-day").
fn in_other(claim: &Claim, m: &Mention) -> bool {
    claim.mentions.iter().any(|o| {
        matches!(o.value, MentionValue::Date(_) | MentionValue::Duration(_))
            && o.span.start < m.span.end
            && m.span.start < o.span.end
    })
}

/// What kind of share a number is, if it is one: a percentage ("18%", "about 5 percent") or a
/// difference of percentages ("3 percentage points").
pub(crate) fn share_kind(m: &Mention, q: &Quantity) -> Option<MeasureName> {
    match q.measure {
        Some(Measure::Percent) => Some(MeasureName::Percent),
        Some(Measure::Points) => Some(MeasureName::Points),
        Some(Measure::Currency(_)) => None,
        None => {
            let text = m.text.to_lowercase();
            (text.contains('%') || text.contains("percent") || text.contains("per cent"))
                .then_some(MeasureName::Percent)
        }
    }
}

/// Whether a number of a claim is compared with counts at all: not part of a date or a
/// duration ("2020", "44-day").
pub(crate) fn is_a_number(claim: &Claim, m: &Mention, q: &Quantity) -> bool {
    !in_other(claim, m) && q.number.is_finite()
}

/// Whether count `c` may be compared with the number: a percentage only with a count of
/// percentages, points only with points, any other number only with a count of neither.
pub(crate) fn fits(c: &CountFact, m: &Mention, q: &Quantity) -> bool {
    c.measure == share_kind(m, q)
}

/// `hit`: the count the number is paired with (see `pairing`).
pub(super) fn check_quantity(
    ctx: &Ctx,
    i: usize,
    m: &Mention,
    q: &Quantity,
    hit: Hit,
) -> Option<Outcome> {
    let base = ctx.base;
    let fact = ctx.fact(hit.fact);
    let c = fact.count()?;
    let text = m.text.trim();
    // As of the time the sentence speaks of: the last day of a date in its clause ("in 2021"),
    // never later than the document date; else the document date.
    let date = super::dates::reference_date(ctx, i, m.span)
        .map(|(_, last, _)| ctx.date().map_or(last, |d| d.min(last)));
    let Some(date) = date else {
        return Some(
            Outcome::new(
                Status::Unknown,
                "count",
                m.span,
                format!(
                    "no document date: {} is true only as of a date",
                    fact.name()
                ),
            )
            .fact(base, hit.fact),
        );
    };
    let point = c
        .series
        .iter()
        .filter(|p| p.as_of.get().first() <= date)
        .max_by_key(|p| p.as_of);
    let Some(point) = point else {
        let first = c
            .series
            .iter()
            .map(|p| p.as_of)
            .min()
            .map(|d| d.get().to_string());
        return Some(
            Outcome::new(
                Status::Unknown,
                "count",
                m.span,
                format!(
                    "the rules have no value of {} as of {date}{}",
                    fact.name(),
                    first
                        .map(|f| format!(": the first is as of {f}"))
                        .unwrap_or_default()
                ),
            )
            .fact(base, hit.fact),
        );
    };
    // No conversion: a sum in another currency than the count's is not compared.
    if let (Some(cur), Some(Measure::Currency(written))) = (&c.currency, &q.measure)
        && !cur.accepts(written)
    {
        return Some(
            Outcome::new(
                Status::Unknown,
                "count",
                m.span,
                format!(
                    "`{text}` is written in `{written}`; {} is counted in {}: factcheck converts no currency",
                    fact.name(),
                    cur.describe()
                ),
            )
            .fact(base, hit.fact),
        );
    }
    let (v, n, t) = (point.value, q.number, c.tolerance());
    let nn = stated_number(text, n);
    let (holds, rule) = match q.qualifier {
        // "Up to N" of a limit restates the limit: N must be it.
        Qualifier::UpTo if c.limit => (bare_holds(n, v), format!("a limit of {nn}")),
        Qualifier::Over | Qualifier::MoreThan => (v > n, format!("more than {nn}")),
        Qualifier::AtLeast => (v >= n, format!("at least {nn}")),
        Qualifier::Nearly | Qualifier::Almost => (
            v < n && v >= n * (1.0 - t),
            format!("just below {nn} (within {})", pct(t)),
        ),
        Qualifier::About | Qualifier::Around => (
            (v - n).abs() <= n.abs() * t,
            format!("within {} of {nn}", pct(t)),
        ),
        Qualifier::UpTo => (v <= n, format!("at most {nn}")),
        Qualifier::FewerThan => (v < n, format!("fewer than {nn}")),
        Qualifier::Exactly => (v == n, format!("exactly {nn}")),
        Qualifier::None => {
            let (lo, hi) = precision_range(n, stated_digits(n));
            let rule = if lo.ceil() >= hi.ceil() - 1.0 || n.abs() >= 9_007_199_254_740_992.0 {
                format!("{nn} as written")
            } else {
                format!(
                    "{nn} as written ({} to {})",
                    format_number(lo.ceil()),
                    format_number(hi.ceil() - 1.0)
                )
            };
            (bare_holds(n, v), rule)
        }
    };
    let value = format!(
        "{}{} {} as of {}",
        if c.limit { "at most " } else { "" },
        format_number(v),
        c.unit,
        point.as_of.get()
    );
    // A precise figure that was the count earlier ("rose from 84,770 to 100,417"): the draft may
    // be quoting that day's figure, so it is not contradicted.
    if !holds && q.qualifier == Qualifier::None {
        let earlier = c
            .series
            .iter()
            .filter(|p| p.as_of.get().first() <= date && bare_holds(n, p.value))
            .max_by_key(|p| p.as_of);
        if let Some(p) = earlier {
            let message = format!(
                "`{text}` was {} as of {}; the latest value before {date} is {value}: the draft may quote the earlier figure",
                fact.name(),
                p.as_of.get()
            );
            return Some(
                Outcome::new(Status::Unknown, "count", m.span, message)
                    .fact(base, hit.fact)
                    .expected(value)
                    .found(text),
            );
        }
    }
    let message = if holds {
        format!("{}: {value}, {rule}: `{text}` holds", fact.name())
    } else {
        format!("{}: {value}, which is not {rule} (`{text}`)", fact.name())
    };
    let mut out = Outcome::new(
        if holds { Status::Holds } else { Status::Fails },
        "count",
        m.span,
        message,
    )
    .fact(base, hit.fact)
    .expected(value)
    .found(text);
    for s in &point.source.0 {
        push_unique(&mut out.sources, s);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_precision() {
        assert_eq!(stated_digits(100_000.0), 3);
        assert_eq!(stated_digits(84_770.0), 4);
        assert_eq!(stated_digits(100_625.0), 6);
        assert_eq!(stated_digits(3.5), 2);
        assert_eq!(stated_digits(0.05), 1);
        assert!(bare_holds(100_000.0, 100_417.0));
        assert!(bare_holds(100_000.0, 99_500.0));
        assert!(!bare_holds(100_000.0, 100_625.0));
        assert!(!bare_holds(100_000.0, 100_500.0));
        assert!(!bare_holds(100_000.0, 99_499.0));
        assert!(bare_holds(120_000.0, 120_000.0));
        assert!(bare_holds(84_770.0, 84_770.0));
        assert!(bare_holds(84_770.0, 84_771.0));
        assert!(!bare_holds(84_770.0, 84_775.0));
        assert!(bare_holds(3.5, 3.46));
        assert!(!bare_holds(3.5, 3.56));
        assert!(bare_holds(50.0, 50.0));
        assert!(!bare_holds(50.0, 51.0));
    }
}
