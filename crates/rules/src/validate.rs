//! Checks a fact gets after it has been read: what serde cannot see (a start after its end, an
//! empty cue, an example without a full date). Each problem names its field path (`events[2].end`);
//! the loader turns the path into a line and column. Paths are only formatted for problems.

use factcheck_model::PartialDate;

use crate::base::{Body, Fact};
use crate::format::{DateField, Example, is_day};
use crate::text::is_blank;

/// `(field path, message)` pairs.
pub(crate) type Problems = Vec<(String, String)>;

/// Collects the problems of one fact, its path written only when there is one.
struct Out<'a> {
    fact: &'a Fact,
    problems: Problems,
}

impl Out<'_> {
    fn push(&mut self, field: impl std::fmt::Display, message: impl Into<String>) {
        self.problems
            .push((format!("{}{field}", self.fact.path()), message.into()));
    }

    fn id(&mut self, id: &str) {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !ok {
            self.push(
                ".id",
                format!("`{id}` is not an id: use letters, digits, `-`, `_` or `.`"),
            );
        }
    }

    fn phrase(&mut self, field: impl std::fmt::Display, s: &str) {
        if is_blank(s) {
            self.push(field, "is empty: an empty phrase would match nothing");
        } else if crate::text::normalize(s)
            .split(' ')
            .filter(|w| !w.is_empty())
            .all(|w| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a)))
        {
            // Articles are dropped from phrases: `the` (or `the the`) would be left empty, or
            // match every "the" of a draft.
            self.push(
                field,
                format!(
                    "`{}` is only articles: nothing is left once they are dropped",
                    s.trim()
                ),
            );
        }
    }

    fn phrases(&mut self, prefix: &str, key: &str, list: &[String]) {
        for (j, s) in list.iter().enumerate() {
            self.phrase(format_args!("{prefix}.{key}[{j}]"), s);
        }
    }

    fn order(&mut self, field: &str, a: &str, from: DateField, b: &str, to: DateField) {
        let (from, to): (PartialDate, PartialDate) = (from.get(), to.get());
        if from.first() > to.last() {
            self.push(field, format!("`{a}` {from} is after `{b}` {to}"));
        }
    }

    fn examples(&mut self, list: &[Example]) {
        for (j, ex) in list.iter().enumerate() {
            if ex.text.trim().is_empty() {
                self.push(
                    format_args!(".examples[{j}].text"),
                    "the example has no text",
                );
            }
            if !is_day(&ex.date.get()) {
                self.push(
                    format_args!(".examples[{j}].date"),
                    format!(
                        "an example needs a full document date (YYYY-MM-DD), not {}",
                        ex.date.get()
                    ),
                );
            }
        }
    }
}

pub(crate) fn fact(fact: &Fact) -> Problems {
    let mut out = Out {
        fact,
        problems: Vec::new(),
    };
    match &fact.body {
        Body::Event(e) => {
            out.id(&e.id);
            out.phrase(".name", &e.name);
            out.phrases("", "aliases", &e.aliases);
            out.phrases("", "cues", &e.cues);
            match (e.date, e.start, e.end) {
                (Some(_), Some(_), _) => {
                    out.push(
                        ".start",
                        "give either `date`, or `start` (and `end`), not both",
                    );
                }
                (Some(_), None, Some(_)) => {
                    out.push(
                        ".end",
                        "give either `date`, or `start` (and `end`), not both",
                    );
                }
                (None, None, None) => {
                    out.push(
                        ".date",
                        "an event needs a `date`, or a `start` (and an `end`)",
                    );
                }
                (None, None, Some(_)) => out.push(".end", "`end` without a `start`"),
                (None, Some(s), Some(end)) => out.order(".end", "start", s, "end", end),
                _ => {}
            }
            out.examples(&e.examples);
        }
        Body::Office(o) => {
            out.id(&o.id);
            out.phrase(".person", &o.person);
            out.phrases("", "aliases", &o.aliases);
            if o.roles.is_empty() {
                out.push(".roles", "a person needs at least one role");
            }
            for (r, role) in o.roles.iter().enumerate() {
                let rp = format!(".roles[{r}]");
                out.phrase(format_args!("{rp}.title"), &role.title);
                out.phrases(&rp, "aliases", &role.aliases);
                out.phrases(&rp, "organisation_aliases", &role.organisation_aliases);
                if let Some(org) = &role.organisation {
                    out.phrase(format_args!("{rp}.organisation"), org);
                }
                if let (Some(from), Some(to)) = (role.from, role.to) {
                    out.order(&format!("{rp}.to"), "from", from, "to", to);
                }
            }
            out.examples(&o.examples);
        }
        Body::Count(c) => {
            out.id(&c.id);
            out.phrase(".name", &c.name);
            out.phrases("", "cues", &c.cues);
            if c.unit.trim().is_empty() {
                out.push(".unit", "the unit is empty");
            }
            if let Some(t) = c.tolerance
                && !(0.0..1.0).contains(&t)
            {
                out.push(
                    ".tolerance",
                    format!("a tolerance is a fraction from 0 up to 1 (0.05 = 5%), not {t}"),
                );
            }
            if c.series.is_empty() {
                out.push(".series", "a count needs at least one value");
            }
            if let Some(cur) = &c.currency {
                if c.measure.is_some() {
                    out.push(
                        ".currency",
                        "a count measures a currency or a percentage, not both: drop `measure` or `currency`",
                    );
                }
                let code = cur.code.trim();
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                    out.push(
                        ".currency.code",
                        format!("`{code}` is not an ISO 4217 code: three capital letters, such as EUR or USD"),
                    );
                }
                for (j, a) in cur.accepts.iter().enumerate() {
                    if a.trim().is_empty() {
                        out.push(
                            format_args!(".currency.accepts[{j}]"),
                            "is empty: write a sign or a word of the currency",
                        );
                    }
                }
            }
            for (k, point) in c.series.iter().enumerate() {
                if !point.value.is_finite() || point.value < 0.0 {
                    out.push(
                        format_args!(".series[{k}].value"),
                        format!("`{}` is not a count", point.value),
                    );
                }
                if let Some(since) = c.since
                    && point.as_of.get().last() < since.get().first()
                {
                    out.push(
                        format_args!(".series[{k}].as_of"),
                        format!(
                            "as of {} is before the count starts (since {})",
                            point.as_of.get(),
                            since.get()
                        ),
                    );
                }
            }
            out.examples(&c.examples);
        }
    }
    out.problems
}
