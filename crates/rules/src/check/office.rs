//! An official's role at the time the sentence speaks of.

use factcheck_claims::{Mention, Person};
use factcheck_model::Date;

use super::{Ctx, Outcome, Status};
use crate::format::Role;
use crate::index::Term;
use crate::text::role_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// Title and organisation (if the draft gives one) match.
    Full,
    /// The title matches but the draft names another organisation.
    TitleOnly,
    No,
}

/// Whether the role as written (`written`, and `org` when the draft names one) is this role.
/// Both sides are reduced with [`role_key`]; an organisation written in front of the title
/// ("EU special representative") is split off when the draft gives none separately.
pub(crate) fn matches(role: &Role, written: &str, org: Option<&str>) -> Match {
    let titles = &role.title_keys;
    let orgs = &role.organisation_keys;
    let mut forms: Vec<(&str, Option<&str>)> = vec![(written, org)];
    if org.is_none() {
        for o in orgs {
            if let Some(rest) = written
                .strip_prefix(o.as_str())
                .and_then(|r| r.strip_prefix(' '))
            {
                forms.push((rest, Some(o)));
            }
        }
    }
    let mut title_only = false;
    for (t, o) in forms {
        if titles.iter().any(|x| x == t) {
            match o {
                None => return Match::Full,
                Some(o) if orgs.iter().any(|x| x == o) => return Match::Full,
                Some(_) => title_only = true,
            }
        }
    }
    if title_only {
        Match::TitleOnly
    } else {
        Match::No
    }
}

/// Whether the role was held on `date` (a missing `from` or `to` leaves the tenure open).
pub(crate) fn covers(role: &Role, date: Date) -> bool {
    role.from.is_none_or(|f| f.get().first() <= date)
        && role.to.is_none_or(|t| date <= t.get().last())
}

pub(crate) fn tenure(role: &Role) -> String {
    match (role.from, role.to) {
        (Some(f), Some(t)) => format!("from {} to {}", f.get(), t.get()),
        (Some(f), None) => format!("since {}", f.get()),
        (None, Some(t)) => format!("until {}", t.get()),
        (None, None) => "(tenure not given)".into(),
    }
}

pub(crate) fn label(role: &Role) -> String {
    match &role.organisation {
        Some(o) => format!("{} ({o})", role.title),
        None => role.title.clone(),
    }
}

/// Whether the role was held at some time between `first` and `last`.
pub(crate) fn overlaps(role: &Role, first: Date, last: Date) -> bool {
    role.from.is_none_or(|f| f.get().first() <= last)
        && role.to.is_none_or(|t| first <= t.get().last())
}

/// A person's role, at the time the sentence speaks of: a date of the person's clause ("in
/// 1922"), else the document date.
pub(super) fn check_person(ctx: &Ctx, i: usize, m: &Mention, p: &Person) -> Option<Outcome> {
    let role_text = p.role.as_deref()?.trim();
    if role_text.is_empty() {
        return None;
    }
    let base = ctx.base;
    let focus = p.role_span.unwrap_or(m.span);
    let found = p
        .role_span
        .and_then(|s| ctx.text_at(s))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| match &p.organisation {
            Some(o) => format!("{o} {role_text}"),
            None => role_text.to_string(),
        });
    let name = p.name.trim();
    let Some(who) = base
        .index
        .hits(name, 0)
        .into_iter()
        .find(|h| h.term == Term::Person)
    else {
        return Some(Outcome::new(
            Status::Unknown,
            "office-role",
            focus,
            format!("no rule knows `{name}`"),
        ));
    };
    let fact = ctx.fact(who.fact);
    let office = fact.office()?;
    let person = office.person.as_str();
    let written = role_key(role_text);
    let org = p
        .organisation
        .as_deref()
        .map(role_key)
        .filter(|s| !s.is_empty());
    let org = org.as_deref();
    let own: Vec<&Role> = office
        .roles
        .iter()
        .filter(|r| matches(r, &written, org) == Match::Full)
        .collect();
    let with_role = |o: Outcome, r: &Role| o.sources(&r.source.0);

    let reference = super::dates::reference_date(ctx, i, m.span);
    let Some((first, last, date)) = reference else {
        return Some(
            Outcome::new(
                Status::Unknown,
                "office-role",
                focus,
                format!("no document date: cannot tell whether {person} held `{role_text}` then"),
            )
            .fact(base, who.fact)
            .found(found),
        );
    };
    // A year ("in 1922") is a span of days: the role holds if held during it, and fails only
    // if held at none of them.
    let held = |r: &Role| overlaps(r, first, last);
    let all_of = |r: &Role| covers(r, first) && covers(r, last);
    if let Some(r) = own.iter().find(|r| held(r)) {
        let out = Outcome::new(
            Status::Holds,
            "office-role",
            focus,
            format!("{person} was {} {date} ({})", label(r), tenure(r)),
        )
        .fact(base, who.fact)
        .expected(format!("{}, {}", label(r), tenure(r)))
        .found(found);
        return Some(with_role(out, r));
    }

    // Other people whose roles the role text names.
    let mut others: Vec<u32> = Vec::new();
    for h in base.index.hits(role_text, 0) {
        if matches!(h.term, Term::Role(_)) && h.fact != who.fact && !others.contains(&h.fact) {
            others.push(h.fact);
        }
    }
    let mut holders: Vec<(u32, &Role)> = Vec::new();
    let mut past: Vec<(u32, &Role)> = Vec::new();
    for &q in &others {
        let Some(o) = ctx.fact(q).office() else {
            continue;
        };
        for r in o
            .roles
            .iter()
            .filter(|r| matches(r, &written, org) == Match::Full)
        {
            if all_of(r) && !r.shared {
                holders.push((q, r));
            } else {
                past.push((q, r));
            }
        }
    }
    let holder_names = |hs: &[(u32, &Role)]| {
        hs.iter()
            .map(|(q, r)| format!("{} ({})", ctx.fact(*q).name(), tenure(r)))
            .collect::<Vec<_>>()
            .join(", ")
    };

    if !own.is_empty() {
        let tenures: Vec<String> = own.iter().map(|r| tenure(r)).collect();
        let mut message = format!(
            "{person} was {} {}, not {date}",
            label(own[0]),
            tenures.join(" and ")
        );
        if !holders.is_empty() {
            message.push_str(&format!("; {date} it was {}", holder_names(&holders)));
        }
        let mut out = Outcome::new(Status::Fails, "office-role", focus, message)
            .fact(base, who.fact)
            .expected(format!("{}, {}", label(own[0]), tenures.join(" and ")))
            .found(found);
        for r in &own {
            out = with_role(out, r);
        }
        for (q, r) in &holders {
            out = with_role(out.fact(base, *q), r);
        }
        return Some(out);
    }
    if let Some((q, r)) = holders.first() {
        let holder = ctx.fact(*q).name();
        let out = Outcome::new(
            Status::Fails,
            "office-role",
            focus,
            format!(
                "{date} the {} was {holder} ({}), not {person}",
                label(r),
                tenure(r)
            ),
        )
        .fact(base, *q)
        .fact(base, who.fact)
        .expected(format!("{}: {holder}, {}", label(r), tenure(r)))
        .found(found);
        return Some(with_role(out, r));
    }
    let message = if let Some(r) = office
        .roles
        .iter()
        .find(|r| matches(r, &written, org) == Match::TitleOnly)
    {
        format!(
            "the rules know {person} as {}, not of `{}`",
            label(r),
            p.organisation.as_deref().unwrap_or_default()
        )
    } else if !past.is_empty() {
        format!(
            "the rules give `{role_text}` to {}, not {date}, and never to {person}",
            holder_names(&past)
        )
    } else {
        let known: Vec<String> = office.roles.iter().map(label).collect();
        format!(
            "the rules know no role of {person} worded `{role_text}` (they know: {})",
            known.join("; ")
        )
    };
    Some(
        Outcome::new(Status::Unknown, "office-role", focus, message)
            .fact(base, who.fact)
            .found(found),
    )
}
