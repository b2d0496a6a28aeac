//! `rules lint`: findings about rules that load but look wrong.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use factcheck_model::Date;

use crate::LoadError;
use crate::base::{self, Body, Fact, FactBase};
use crate::index::{Term, strip_article};
use crate::text::{normalize, role_key};
use crate::yaml::Locator;

/// Something suspicious in rules that load: a phrase two facts share, tenures of one role that
/// overlap, a fact without a source, a count series out of order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub fact_id: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: `{}`: {}",
            self.path.display(),
            self.line,
            self.column,
            self.fact_id,
            self.message
        )
    }
}

/// Loads the rules of `dir` (the load errors are those of [`crate::load`]) and lints them.
pub fn lint(dir: &Path) -> Result<(FactBase, Vec<Finding>), LoadError> {
    lint_sources(base::read_dir(dir)?)
}

/// [`lint`] from memory: `(path, text)` pairs.
pub fn lint_sources(files: Vec<(PathBuf, String)>) -> Result<(FactBase, Vec<Finding>), LoadError> {
    let base = base::build(files, None)?;
    let findings = lint_base(&base);
    Ok((base, findings))
}

/// How many people may hold a role that is not `shared: true` at once. One today; the fact
/// format is to say how many seats a role has, and this is then the role's seat count.
const SEATS: usize = 1;

/// The tenures of one role (title and organisation) held by more than [`SEATS`] people at once:
/// sorted by start and swept once, keeping the tenures still running (by end, and by start to
/// name the earliest), so `n` tenures take `O(n log n)` and give at most `n` findings (the
/// pairwise comparison took 102 s and 11 GB for 20,000 overlapping holders). A finding is at
/// the tenure that starts while [`SEATS`] others run, and names the one of them that started
/// first.
fn overlapping_tenures(
    base: &FactBase,
    group: &[(u32, usize)],
    raw: &mut Vec<(u32, String, String)>,
) {
    use std::collections::BTreeSet;
    let mut tenures: Vec<(Date, Date, u32, usize)> = group
        .iter()
        .filter_map(|&(f, r)| {
            let role = base.fact(f).office()?.roles.get(r)?;
            Some((
                role.from.map_or(Date::MIN, |d| d.get().first()),
                role.to.map_or(Date::MAX, |d| d.get().last()),
                f,
                r,
            ))
        })
        .collect();
    tenures.sort();
    // Running tenures: by end (to drop those over), and by position (to name the earliest).
    let mut by_end: BTreeSet<(Date, usize)> = BTreeSet::new();
    let mut by_start: BTreeSet<usize> = BTreeSet::new();
    for (i, &(start, end, fb, rb)) in tenures.iter().enumerate() {
        // Ends are inclusive, but a handover on one day (one tenure ends the day the next
        // starts) is no overlap.
        while let Some(&(e, j)) = by_end.first()
            && e <= start
        {
            by_end.pop_first();
            by_start.remove(&j);
        }
        if by_start.len() >= SEATS
            && let Some(&j) = by_start.first()
        {
            let (_, _, fa, ra) = tenures[j];
            if let (Some(oa), Some(ob)) = (base.fact(fa).office(), base.fact(fb).office()) {
                let (x, y) = (&oa.roles[ra], &ob.roles[rb]);
                raw.push((
                    fb,
                    format!("{}.roles[{rb}]", base.fact(fb).path()),
                    format!(
                        "{} overlaps `{}`'s tenure of the same role ({}, {}): mark the role `shared: true` if several people hold it at once",
                        crate::check::tenure_of(y),
                        base.fact(fa).id(),
                        crate::check::label_of(x),
                        crate::check::tenure_of(x)
                    ),
                ));
            }
        }
        by_end.insert((end, i));
        by_start.insert(i);
    }
}

/// The field path of the phrase of `fact` whose normalised key is `key`.
fn phrase_field(fact: &Fact, key: &str) -> String {
    let same = |s: &str| strip_article(normalize(s)).eq_ignore_ascii_case(key);
    let p = fact.path();
    let find = |list: &[String], name: &str| {
        list.iter()
            .position(|s| same(s))
            .map(|j| format!("{p}.{name}[{j}]"))
    };
    match &fact.body {
        Body::Event(e) => (same(&e.name).then(|| format!("{p}.name")))
            .or_else(|| find(&e.aliases, "aliases"))
            .or_else(|| find(&e.cues, "cues")),
        Body::Office(o) => {
            (same(&o.person).then(|| format!("{p}.person"))).or_else(|| find(&o.aliases, "aliases"))
        }
        Body::Count(c) => {
            (same(&c.name).then(|| format!("{p}.name"))).or_else(|| find(&c.cues, "cues"))
        }
    }
    .unwrap_or(p)
}

/// Whether a phrase looks like a piece of a YAML flow list split at a comma: an unbalanced
/// quotation mark, or an apostrophe or quotation mark at either end.
fn looks_split(phrase: &str) -> bool {
    let p = phrase.trim();
    let quotes = |c: char| matches!(c, '"' | '“' | '”');
    let edge = |c: char| matches!(c, '\'' | '’' | '‘' | '"' | '“' | '”');
    p.chars().filter(|&c| quotes(c)).count() % 2 == 1 || p.starts_with(edge) || p.ends_with(edge)
}

/// Lint findings about the phrases of one fact: one repeated within it (5), one that looks like
/// a piece of a split flow list (6), a cue that is one common verb (7), a one-word role title
/// with no organisation (8), and a phrase that another fact's match hides in the fact's own
/// examples (9).
fn phrase_findings(base: &FactBase, f: u32, fact: &Fact, raw: &mut Vec<(u32, String, String)>) {
    let terms = crate::index::terms(fact);
    // A phrase twice among the names, aliases and cues, or twice in one role's title and
    // aliases (one title in two roles is a second term, not a slip).
    let mut seen: std::collections::HashSet<(String, Option<u16>)> = Default::default();
    for &(phrase, term) in &terms {
        // Articles kept: a name "the talks" with a cue "talks" is no slip.
        let key = normalize(phrase).to_ascii_lowercase();
        if key.is_empty() {
            continue;
        }
        let group = match term {
            Term::Role(r) => Some(r),
            _ => None,
        };
        if !seen.insert((key.clone(), group)) {
            raw.push((
                f,
                phrase_field(fact, &strip_article(key.clone())),
                format!("`{}` is listed twice in this fact", phrase.trim()),
            ));
        }
        if looks_split(phrase) {
            raw.push((
                f,
                phrase_field(fact, &strip_article(normalize(phrase)).to_ascii_lowercase()),
                format!(
                    "`{}` looks like a piece of a list split at a comma (a quotation mark or apostrophe left at its edge): quote a phrase that holds a comma, as `\"don't ask, don't tell\"`",
                    phrase.trim()
                ),
            ));
        }
        if term == Term::Cue && factcheck_claims::text::is_verb_form(phrase) {
            raw.push((
                f,
                phrase_field(fact, &phrase.trim().to_ascii_lowercase()),
                format!(
                    "the cue `{}` is one common verb: it matches every sentence that uses it (was a list like `[Doe died, Doe, died]` split at a comma?)",
                    phrase.trim()
                ),
            ));
        }
    }
    if let Body::Office(o) = &fact.body {
        for (r, role) in o.roles.iter().enumerate() {
            if role.organisation.is_none() && role.title.split_whitespace().count() == 1 {
                raw.push((
                    f,
                    format!("{}.roles[{r}].title", fact.path()),
                    format!(
                        "the one-word title `{}` has no organisation: every sentence that says `{}` near {} speaks of this role; add `organisation`",
                        role.title.trim(),
                        role.title.trim(),
                        o.person
                    ),
                ));
            }
        }
    }
    // 9. A phrase of this fact that an example writes, but another fact's match takes.
    for (k, ex) in fact.examples().iter().enumerate() {
        let hits = base.index.hits(&ex.text, 0);
        if hits.iter().any(|h| h.fact == f) {
            continue;
        }
        let lower = ex.text.to_ascii_lowercase();
        for &(phrase, _) in &terms {
            let key = strip_article(normalize(phrase)).to_ascii_lowercase();
            let Some(at) = (!key.is_empty()).then(|| lower.find(&key)).flatten() else {
                continue;
            };
            let span = (at, at + key.len());
            if let Some(h) = hits.iter().find(|h| h.start < span.1 && span.0 < h.end) {
                let other = base.fact(h.fact);
                raw.push((
                    f,
                    format!("{}.examples[{k}].text", fact.path()),
                    format!(
                        "in this example `{}` is taken by `{}` of `{}` (the longest phrase that starts first wins), so this fact is never reached: change a phrase or the example",
                        phrase.trim(),
                        ex.text.get(h.start..h.end).unwrap_or("").trim(),
                        other.id()
                    ),
                ));
                break;
            }
        }
    }
}

pub(crate) fn lint_base(base: &FactBase) -> Vec<Finding> {
    // (fact, field path, message)
    let mut raw: Vec<(u32, String, String)> = Vec::new();

    // 1. A phrase (not a role title: several people hold one role) used by two facts.
    for (p, phrase) in base.index.patterns().iter().enumerate() {
        let mut facts: Vec<u32> = Vec::new();
        let mut seen: std::collections::HashSet<u32> = std::collections::HashSet::new();
        for e in base.index.entries(p) {
            if !matches!(e.term, Term::Role(_)) && seen.insert(e.fact) {
                facts.push(e.fact);
            }
        }
        if facts.len() < 2 {
            continue;
        }
        let first = base.fact(facts[0]).id();
        for &f in &facts[1..] {
            let fact = base.fact(f);
            raw.push((
                f,
                phrase_field(fact, &phrase.to_ascii_lowercase()),
                format!(
                    "`{phrase}` is also a phrase of `{first}`: a draft that uses it matches both"
                ),
            ));
        }
    }

    // 2. Overlapping tenures of one role (same title and organisation).
    let mut roles: HashMap<(String, String), Vec<(u32, usize)>> = HashMap::new();
    for (f, fact) in base.facts.iter().enumerate() {
        if let Body::Office(o) = &fact.body {
            for (r, role) in o.roles.iter().enumerate() {
                if role.shared {
                    continue;
                }
                let key = (
                    role_key(&role.title),
                    role_key(role.organisation.as_deref().unwrap_or("")),
                );
                roles.entry(key).or_default().push((f as u32, r));
            }
        }
    }
    let mut groups: Vec<&Vec<(u32, usize)>> = roles.values().filter(|v| v.len() > 1).collect();
    groups.sort();
    for group in groups {
        overlapping_tenures(base, group, &mut raw);
    }

    for (f, fact) in base.facts.iter().enumerate() {
        let f = f as u32;
        // 3. No source anywhere.
        let extra = match &fact.body {
            Body::Office(o) => o.roles.iter().any(|r| !r.source.is_empty()),
            Body::Count(c) => c.series.iter().any(|p| !p.source.is_empty()),
            Body::Event(_) => false,
        };
        if fact.sources().is_empty() && !extra {
            raw.push((
                f,
                fact.path(),
                "no source: add the URL the fact was checked against".into(),
            ));
        }
        // 4. A count series out of order.
        if let Body::Count(c) = &fact.body {
            for (k, pair) in c.series.windows(2).enumerate() {
                if pair[1].as_of.get().first() < pair[0].as_of.get().first() {
                    raw.push((
                        f,
                        format!("{}.series[{}].as_of", fact.path(), k + 1),
                        format!(
                            "as of {} comes after {}: a series runs oldest first",
                            pair[1].as_of.get(),
                            pair[0].as_of.get()
                        ),
                    ));
                }
            }
        }
    }

    // 5–8: phrases that cannot do what they look meant to.
    for (f, fact) in base.facts.iter().enumerate() {
        phrase_findings(base, f as u32, fact, &mut raw);
    }

    let mut locators: HashMap<u32, Locator> = HashMap::new();
    let mut out: Vec<Finding> = raw
        .into_iter()
        .map(|(f, field, message)| {
            let fact = base.fact(f);
            let loc = locators
                .entry(fact.file)
                .or_insert_with(|| Locator::new(&base.sources[fact.file as usize]));
            let (line, column) = loc.locate(&field).unwrap_or_else(|| base.position(fact));
            Finding {
                path: base.path_of(fact).to_path_buf(),
                line,
                column,
                fact_id: fact.id().to_string(),
                message,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
    });
    out.dedup();
    out
}
