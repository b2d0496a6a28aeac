//! The rule-file format: what a YAML file under `rules/` may say.
//!
//! These types are the serde (and JSON Schema) description of a rule file and, once validated,
//! the facts the checker reads. They know nothing of YAML: `yaml.rs` turns text into them. Every
//! struct denies unknown fields, so a typo is an error with a line and column, not a silently
//! ignored key. The guide is `docs/rules.md`.

use std::borrow::Cow;
use std::fmt;

use factcheck_model::{PartialDate, Precision, Verdict};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// One rule file: any mix of the three kinds of fact. Every list may be left out.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "factcheck rule file")]
pub struct RuleFile {
    /// Events: something that happened on a date, or over a span of dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventFact>,
    /// People and the offices they held, each with a tenure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<OfficeFact>,
    /// Numbers that change over time: a series of values, each as of a date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<CountFact>,
}

/// Something that happened: on one `date`, or from `start` to `end`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventFact {
    /// Unique across all rule files: ASCII letters, digits, `-`, `_` or `.`.
    pub id: String,
    /// What happened, as a phrase a draft might use. Matched like a cue.
    pub name: String,
    /// Other names of the event ("Istanbul talks"). Matched like cues.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Phrases that point at the event in a draft ("met in Istanbul", "military operation").
    /// Matched case-insensitively (ASCII), on word boundaries, longest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// The day (or month, or year) it happened. Leave out for an event with `start`/`end`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateField>,
    /// The first day of an event that lasted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<DateField>,
    /// The last day of an event that lasted; leave out while it goes on or when not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<DateField>,
    /// Where it happened (for the reader; not checked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// A source URL, or a list of them.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub source: Sources,
    /// Anything a fact-checker should know: caveats, disputed wording, fields left out and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sentences that must get a given verdict (`factcheck rules test`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
}

/// A person and the roles they held.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeFact {
    /// Unique across all rule files.
    pub id: String,
    /// The person's full name. Matched like a cue.
    pub person: String,
    /// Other ways a draft names the person (surname alone, without the middle initial).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// At least one role.
    pub roles: Vec<Role>,
    /// A source URL, or a list of them.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub source: Sources,
    /// Anything a fact-checker should know: caveats, fields left out and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sentences that must get a given verdict (`factcheck rules test`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
}

/// One role a person held, with its tenure.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The official title ("Special Representative for the South Caucasus").
    pub title: String,
    /// Other wordings of the title a draft may use, without the organisation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The organisation or country the role belongs to ("European Union").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Other ways to name the organisation or country ("EU", "Brussels", "Washington").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisation_aliases: Vec<String>,
    /// First day in office; leave out when not known (then the tenure is open at the start).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<DateField>,
    /// Last day in office; leave out while in office or when not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<DateField>,
    /// Several people hold this role at once (a member of parliament): no overlap finding, and
    /// another holder does not contradict a draft.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared: bool,
    /// A source for this role, when it differs from the person's.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub source: Sources,
    /// Caveats about this role (a tenure date not found, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `title` and `aliases` reduced for comparison (`text::role_key`), filled once the file is
    /// read; not part of the format.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) title_keys: Vec<String>,
    /// `organisation` and `organisation_aliases` reduced the same way, empty ones left out.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) organisation_keys: Vec<String>,
}

impl Role {
    /// Fills the comparison keys of the role.
    pub(crate) fn prepare(&mut self) {
        use crate::text::role_key;
        self.title_keys = std::iter::once(&self.title)
            .chain(&self.aliases)
            .map(|t| role_key(t))
            .collect();
        self.organisation_keys = self
            .organisation
            .iter()
            .chain(&self.organisation_aliases)
            .map(|o| role_key(o))
            .filter(|o| !o.is_empty())
            .collect();
    }
}

/// What the values of a count measure (`measure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MeasureName {
    /// A percentage: "18%", "18 percent", "18 per cent".
    Percent,
    /// A difference of percentages: "3 percentage points".
    Points,
}

/// The currency of a count's values.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CurrencyField {
    /// The ISO 4217 code (`EUR`, `USD`); a draft writing the code after the number matches.
    pub code: String,
    /// The signs and words of this currency that a draft may write ("€", "euro", "euros"). A
    /// sign stands for a currency only where the fact lists it: `$` is also the sign of the
    /// Canadian, Australian and Hong Kong dollars.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepts: Vec<String>,
}

impl CurrencyField {
    /// Whether a sign or word a draft writes names this currency.
    pub fn accepts(&self, written: &str) -> bool {
        let w = written.trim();
        w.eq_ignore_ascii_case(&self.code)
            || self.accepts.iter().any(|a| {
                a.trim().eq_ignore_ascii_case(w) || a.trim().to_lowercase() == w.to_lowercase()
            })
    }

    /// `EUR (€, euro, euros)`.
    pub fn describe(&self) -> String {
        if self.accepts.is_empty() {
            self.code.clone()
        } else {
            format!("{} ({})", self.code, self.accepts.join(", "))
        }
    }
}

/// A number that changes over time.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountFact {
    /// Unique across all rule files.
    pub id: String,
    /// What is counted, as a phrase. Matched like a cue.
    pub name: String,
    /// Phrases that point at the count ("moved to Armenia", "refugees").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
    /// The unit, for messages ("people"). A label only: what is compared is `measure` or
    /// `currency`.
    pub unit: String,
    /// What the values measure, when a draft's number must say the same to be compared:
    /// `percent` ("18%", "18 percent") or `points` ("3 percentage points"). Left out (and without
    /// `currency`), a number is compared whatever it measures, and a percentage never is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<MeasureName>,
    /// The values are amounts of a currency: a number the draft writes with another currency's
    /// sign or word is unverifiable, never compared (no conversion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<CurrencyField>,
    /// The values are limits ("deposits are insured up to 100,000 euros"): "up to N" restates
    /// the limit, so it holds only when N is the limit, as a bare number would.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub limit: bool,
    /// The day counting started, when the count runs "since" a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<DateField>,
    /// Relative tolerance for approximate wording ("about", "nearly"); 0.05 when left out.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "finite_option"
    )]
    pub tolerance: Option<f64>,
    /// The values, each as of a date, oldest first.
    pub series: Vec<SeriesPoint>,
    /// A source URL, or a list of them (each value may also have its own).
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub source: Sources,
    /// Anything a fact-checker should know: caveats, fields left out and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sentences that must get a given verdict (`factcheck rules test`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
}

/// One value of a count.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesPoint {
    /// The day the value was true.
    pub as_of: DateField,
    /// The count on that day (a whole number or a decimal, without separators).
    #[serde(deserialize_with = "finite")]
    pub value: f64,
    /// The source of this value.
    #[serde(default, skip_serializing_if = "Sources::is_empty")]
    pub source: Sources,
    /// Caveats about this value (the hour it was given, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A sentence and the verdict it must get, for `factcheck rules test`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// A sentence (or a few) of a draft that speaks to this fact.
    pub text: String,
    /// The document date the sentence is read against (a full day).
    pub date: DateField,
    /// `supported`, `contradicted` or `unverifiable`.
    pub verdict: ExampleVerdict,
}

/// The verdict an example must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExampleVerdict {
    Supported,
    Contradicted,
    Unverifiable,
}

impl From<ExampleVerdict> for Verdict {
    fn from(v: ExampleVerdict) -> Verdict {
        match v {
            ExampleVerdict::Supported => Verdict::Supported,
            ExampleVerdict::Contradicted => Verdict::Contradicted,
            ExampleVerdict::Unverifiable => Verdict::Unverifiable,
        }
    }
}

/// A date of a rule file: `2023-09-17`, `2023-09` or `2023` (quoted or not), checked against
/// the calendar while it is read, so that the error points at the very scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateField(pub PartialDate);

impl DateField {
    pub fn get(&self) -> PartialDate {
        self.0
    }
}

impl<'de> Deserialize<'de> for DateField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DateField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<DateField, E> {
                s.trim()
                    .parse::<PartialDate>()
                    .map(DateField)
                    .map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<DateField, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<DateField, E> {
                self.visit_str(&n.to_string())
            }
        }
        d.deserialize_str(V)
    }
}

/// Written as it is read (`2023-09-17`), for the parse cache.
impl Serialize for DateField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl JsonSchema for DateField {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date to day, month or year precision: 2023-09-17, 2023-09 or 2023.",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
                { "type": "integer", "minimum": 1000, "maximum": 9999 }
            ]
        })
    }
}

/// One source URL or a list of them; each must be an `http://` or `https://` URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources(pub Vec<String>);

impl Sources {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One URL, checked while it is read.
struct Url(String);

/// A number that is not NaN or infinite (`.nan`, `.inf`): refused while parsing, so that it is
/// never cached (JSON has no NaN: it would come back as `null`, and a cached load would differ).
/// The check runs inside the deserializer's call, so the error is at the number itself.
fn finite<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    d.deserialize_f64(Finite)
}

fn finite_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_option(FiniteOption)
}

struct Finite;

impl<'de> Visitor<'de> for Finite {
    type Value = f64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a finite number")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        if v.is_finite() {
            Ok(v)
        } else {
            Err(E::custom(format_args!(
                "`{v}` is not a number: use a finite value"
            )))
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<f64, E> {
        Ok(v as f64)
    }
}

struct FiniteOption;

impl<'de> Visitor<'de> for FiniteOption {
    type Value = Option<f64>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a finite number")
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<f64>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<f64>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<f64>, D::Error> {
        d.deserialize_f64(Finite).map(Some)
    }
}

fn check_url<E: de::Error>(s: &str) -> Result<String, E> {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !s.contains(char::is_whitespace) => Ok(s.to_string()),
        _ => Err(E::custom(format!(
            "`{s}` is not an http:// or https:// URL"
        ))),
    }
}

impl<'de> Deserialize<'de> for Url {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Url;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a URL")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Url, E> {
                check_url(s).map(Url)
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for Sources {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Sources;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a URL or a list of URLs")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Sources, E> {
                check_url(s).map(|u| Sources(vec![u]))
            }
            // `source:` with nothing after it: no source (`rules lint` reports the fact).
            fn visit_unit<E: de::Error>(self) -> Result<Sources, E> {
                Ok(Sources::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<Sources, E> {
                Ok(Sources::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Sources, A::Error> {
                let mut urls = Vec::new();
                while let Some(Url(u)) = seq.next_element()? {
                    urls.push(u);
                }
                Ok(Sources(urls))
            }
        }
        d.deserialize_any(V)
    }
}

/// Always a list, for the parse cache.
impl Serialize for Sources {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl JsonSchema for Sources {
    fn schema_name() -> Cow<'static, str> {
        "Sources".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A source URL, or a list of them.",
            "anyOf": [
                { "type": "string", "pattern": "^https?://\\S+$" },
                { "type": "array", "items": { "type": "string", "pattern": "^https?://\\S+$" } }
            ]
        })
    }
}

/// The default relative tolerance of a count.
pub const DEFAULT_TOLERANCE: f64 = 0.05;

impl CountFact {
    pub fn tolerance(&self) -> f64 {
        self.tolerance.unwrap_or(DEFAULT_TOLERANCE)
    }
}

impl EventFact {
    /// The day the event happened or began, when the rules give it to the day.
    pub fn point(&self) -> Option<PartialDate> {
        self.date.or(self.start).map(|d| d.get())
    }
}

/// Whether a date names a single day.
pub fn is_day(d: &PartialDate) -> bool {
    d.precision() == Precision::Day
}
