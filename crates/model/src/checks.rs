//! The one registry of check ids.
//!
//! Every check that can decide an assertion is declared here once, with its id, a short name and
//! one sentence saying what it reports. The checker (`factcheck-rules`), the built-in checks
//! (`factcheck-lints`), SARIF's rule descriptors and the docs all read this table; an id that is
//! not in it is a bug (a test in each crate says so).

use serde::Serialize;

use crate::verdict::AssertionKind;

/// Where a check gets its truth from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A comparison with reference facts from rule files.
    Rule,
    /// A built-in check: the calendar, arithmetic, or the draft against itself.
    Builtin,
}

/// One check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CheckInfo {
    /// The id that outputs carry: `event-date`, `CAL001`.
    pub code: &'static str,
    /// A short kebab-case name: `event-date`, `weekday-date`.
    pub name: &'static str,
    /// One sentence: what the check reports.
    pub summary: &'static str,
    pub origin: Origin,
    /// The kind of assertion the check decides.
    pub kind: AssertionKind,
}

const fn rule(code: &'static str, kind: AssertionKind, summary: &'static str) -> CheckInfo {
    CheckInfo {
        code,
        name: code,
        summary,
        origin: Origin::Rule,
        kind,
    }
}

const fn builtin(
    code: &'static str,
    name: &'static str,
    kind: AssertionKind,
    summary: &'static str,
) -> CheckInfo {
    CheckInfo {
        code,
        name,
        summary,
        origin: Origin::Builtin,
        kind,
    }
}

pub const EVENT_DATE: &str = "event-date";
pub const EVENT_RELATION: &str = "event-relation";
pub const DURATION: &str = "duration";
pub const ELAPSED: &str = "elapsed";
pub const COUNT: &str = "count";
pub const COUNT_SINCE: &str = "count-since";
pub const OFFICE_ROLE: &str = "office-role";

/// The checks that compare a draft with reference facts, in the order docs list them.
pub const RULE_CHECKS: &[CheckInfo] = &[
    rule(
        EVENT_DATE,
        AssertionKind::Date,
        "A date that the reference date of the event it is attached to contradicts.",
    ),
    rule(
        EVENT_RELATION,
        AssertionKind::Relation,
        "A relation between two events (\"two days before\", \"one day later\") that their reference dates contradict.",
    ),
    rule(
        DURATION,
        AssertionKind::Duration,
        "How long an event lasted, against its reference start and end.",
    ),
    rule(
        ELAPSED,
        AssertionKind::Elapsed,
        "The time since an event (\"in the 90 years since\", \"three years ago\"), against its reference date.",
    ),
    rule(
        COUNT,
        AssertionKind::Count,
        "A number against the value of a reference count as of the document date.",
    ),
    rule(
        COUNT_SINCE,
        AssertionKind::Date,
        "The start date of a count (\"since September 24\") against the count's reference start.",
    ),
    rule(
        OFFICE_ROLE,
        AssertionKind::Role,
        "A person's role against the offices the rules give them, at the time the sentence speaks of.",
    ),
];

/// The built-in checks, in code order (each has a file of its own in `factcheck-lints`).
pub const BUILTIN_CHECKS: &[CheckInfo] = &[
    builtin(
        "CAL001",
        "weekday-date",
        AssertionKind::Calendar,
        "A weekday written with a date is not that date's weekday.",
    ),
    builtin(
        "CAL002",
        "impossible-date",
        AssertionKind::Calendar,
        "A date that is not a day of the calendar, such as February 30.",
    ),
    builtin(
        "CAL003",
        "interval",
        AssertionKind::Calendar,
        "An interval or duration that the draft's own dates contradict.",
    ),
    builtin(
        "ARI001",
        "percent-change",
        AssertionKind::Arithmetic,
        "A percentage change that does not match the two numbers it describes.",
    ),
    builtin(
        "ARI002",
        "multiple",
        AssertionKind::Arithmetic,
        "Doubled, tripled, quadrupled or halved, against the two numbers given.",
    ),
    builtin(
        "ARI003",
        "parts-exceed-total",
        AssertionKind::Arithmetic,
        "Parts that add up to more than the total stated in the same sentence.",
    ),
    builtin(
        "SELF001",
        "event-dates",
        AssertionKind::Consistency,
        "One event given two different dates in one draft.",
    ),
    builtin(
        "SELF002",
        "count-values",
        AssertionKind::Consistency,
        "One count given two different values as of the same date in one draft.",
    ),
];

/// The entry for a check id, rule or built-in.
pub fn info(code: &str) -> Option<&'static CheckInfo> {
    RULE_CHECKS
        .iter()
        .chain(BUILTIN_CHECKS)
        .find(|c| c.code == code)
}

/// Every check, rule checks first.
pub fn all() -> impl Iterator<Item = &'static CheckInfo> {
    RULE_CHECKS.iter().chain(BUILTIN_CHECKS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<&str> = all().map(|c| c.code).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
