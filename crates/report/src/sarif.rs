//! `sarif`: a SARIF 2.1.0 log (serde-sarif) for GitHub code scanning and other SARIF viewers.
//!
//! One run whose tool driver is `factcheck` with a rule per distinct check found (`ruleId` is the
//! claim's `check`, or `unverifiable` when it has none; descriptions from the check registry);
//! one result per contradicted claim (level `error`) and per unverifiable claim (level `note`),
//! located at the part of the claim the verdict is about, with the related spans and then every
//! assertion of the claim (its verdict, kind, words and message) as `relatedLocations`,
//! `partialFingerprints["claimText/v1"]` from the claim's text, and the expected and found
//! values, the fact ids and their source URLs in the message. File diagnostics become tool execution
//! notifications of the run's invocation.
//!
//! Lines and columns are 1-based. Columns count Unicode code points (the run says so with
//! `columnKind: unicodeCodePoints`), as everywhere in factcheck; `endColumn` is the column of the
//! first character after the region, as SARIF defines it.

use std::collections::BTreeMap;
use std::io;

use factcheck_model::{CheckedClaim, Diagnostic, FileReport, Level, Report, Span, Verdict};
use serde_json::Value;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingDescriptor, Result as SarifResult, ResultLevel,
    Run, Sarif, Tool, ToolComponent,
};

use crate::Options;
use crate::text::{self, Locator};

/// `$schema` of the log: the SARIF 2.1.0 schema as GitHub's documentation links it.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The rule id of unverifiable claims that no check decided.
const UNVERIFIABLE: &str = "unverifiable";

pub fn render(report: &Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(report, options))?;
    out.write_all(b"\n")
}

/// The rule a claim's result is filed under, when it gets a result at all.
fn rule_id(claim: &CheckedClaim) -> Option<&str> {
    match claim.verdict {
        Verdict::Supported => None,
        Verdict::Contradicted | Verdict::Unverifiable => {
            Some(claim.check.as_deref().unwrap_or(UNVERIFIABLE))
        }
    }
}

/// Builds the SARIF log of a report.
pub fn log(report: &Report, options: &Options) -> Sarif {
    // Distinct rule ids, sorted, with their index in `rules`.
    let ids: BTreeMap<&str, i64> = {
        let mut ids: Vec<&str> = report
            .files
            .iter()
            .flat_map(|f| &f.claims)
            .filter_map(rule_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().zip(0..).collect()
    };
    let rules: Vec<ReportingDescriptor> = ids.keys().map(|id| rule(id)).collect();

    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in &report.files {
        let locator = Locator::new(file);
        for diagnostic in &file.diagnostics {
            notifications.push(notification(file, diagnostic));
        }
        for claim in &file.claims {
            if let Some(id) = rule_id(claim) {
                let index = ids.get(id).copied().unwrap_or(-1);
                results.push(result(file, &locator, claim, id, index, options));
            }
        }
    }

    let mut driver = ToolComponent::builder()
        .name("factcheck")
        .full_name("factcheck: checks the facts in news drafts against reference facts")
        .rules(rules)
        .build();
    if !options.tool_version.is_empty() {
        driver.version = Some(options.tool_version.clone());
    }
    driver.information_uri = information_uri();

    let failed = report.files.iter().any(FileReport::has_errors);
    let mut invocation = Invocation::builder().execution_successful(!failed).build();
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }

    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(Value::from("unicodeCodePoints"))
        .invocations(vec![invocation])
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA_URI)
        .version(Value::from("2.1.0"))
        .runs(vec![run])
        .build()
}

/// The project's address for `tool.driver.informationUri`: the `repository` (or `homepage`) of
/// this crate's manifest, absent while the manifest has neither.
fn information_uri() -> Option<String> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|uri| !uri.is_empty())
        .map(str::to_string)
}

fn rule(id: &str) -> ReportingDescriptor {
    let (short, level) = if id == UNVERIFIABLE {
        (
            "A claim that no reference fact confirms or contradicts".to_string(),
            "note",
        )
    } else {
        match factcheck_model::checks::info(id) {
            Some(info) => (info.summary.to_string(), "error"),
            None => (
                format!("A claim that factcheck's `{id}` check finds false"),
                "error",
            ),
        }
    };
    let mut rule = ReportingDescriptor::builder()
        .id(id)
        .short_description(MultiformatMessageString::builder().text(short).build())
        .build();
    rule.default_configuration = Some(
        serde_sarif::sarif::ReportingConfiguration::builder()
            .level(Value::from(level))
            .build(),
    );
    rule
}

fn result(
    file: &FileReport,
    locator: &Locator<'_>,
    claim: &CheckedClaim,
    rule_id: &str,
    rule_index: i64,
    options: &Options,
) -> SarifResult {
    let level = match claim.verdict {
        Verdict::Contradicted => ResultLevel::Error,
        _ => ResultLevel::Note,
    };
    // The spans the verdict rests on, then every part of the claim with its verdict.
    let parts = claim
        .assertions
        .iter()
        .map(|a| (a.span, text::assertion_line(a)));
    let related: Vec<Location> = claim
        .related
        .iter()
        .map(|r| (r.span, text::one_line(&r.message)))
        .chain(parts)
        .zip(1..)
        .map(|((span, text), id)| {
            let mut location = location(file, locator, &span);
            location.id = Some(id);
            location.message = Some(message(text));
            location
        })
        .collect();

    let mut properties = BTreeMap::new();
    properties.insert("verdict".to_string(), Value::from(claim.verdict.as_str()));
    properties.insert("claim".to_string(), Value::from(claim.text.as_str()));
    if !claim.facts.is_empty() {
        properties.insert("facts".to_string(), Value::from(claim.facts.clone()));
    }
    if !claim.sources.is_empty() {
        properties.insert("sources".to_string(), Value::from(claim.sources.clone()));
    }
    for (key, value) in [("expected", &claim.expected), ("found", &claim.found)] {
        if let Some(value) = value {
            properties.insert(key.to_string(), Value::from(value.as_str()));
        }
    }

    let mut result = SarifResult::builder()
        .rule_id(rule_id)
        .level(level)
        .message(message(text::explanation(claim).join("\n")))
        .locations(vec![location(file, locator, &text::focus(claim))])
        .properties(
            PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        )
        .build();
    if rule_index >= 0 {
        result.rule_index = Some(rule_index);
    }
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert("claimText/v1".to_string(), fingerprint(&claim.text));
    result.partial_fingerprints = Some(fingerprints);
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    accepted(claim, options, &mut result);
    result
}

/// `baselineState` (with a baseline) and, when every finding of the claim was accepted and some
/// by an inline directive, `suppressions` (`inSource`, with the directive's reason).
fn accepted(claim: &CheckedClaim, options: &Options, result: &mut SarifResult) {
    let accepted = text::accepted(claim).is_some();
    let findings: Vec<_> = claim.assertions_with(claim.verdict).collect();
    if options.baseline {
        let baselined = claim.baselined || findings.iter().any(|a| a.baselined);
        let state = if accepted && baselined {
            "unchanged"
        } else {
            "new"
        };
        result.baseline_state = Some(Value::from(state));
    }
    if !accepted {
        return;
    }
    let mut reasons: Vec<&str> = Vec::new();
    for a in &findings {
        if let Some(s) = &a.suppressed
            && !reasons.contains(&s.reason.as_str())
        {
            reasons.push(&s.reason);
        }
    }
    if !reasons.is_empty() {
        let suppressions = reasons
            .into_iter()
            .map(|reason| {
                serde_sarif::sarif::Suppression::builder()
                    .kind(Value::from("inSource"))
                    .justification(text::one_line(reason))
                    .build()
            })
            .collect();
        result.suppressions = Some(suppressions);
    }
}

/// `partialFingerprints["claimText/v1"]`: 64-bit FNV-1a of the claim's text with white space
/// folded and ASCII case ignored, as 16 hex digits. Spelled out here rather than taken from a
/// hashing crate, because a fingerprint must stay the same across releases of factcheck and of
/// its dependencies: code scanning matches results across runs by it, so a moved claim stays
/// the same alert.
fn fingerprint(claim: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text::one_line(claim).bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn message(text: String) -> Message {
    Message::builder().text(text).build()
}

fn artifact(file: &FileReport) -> ArtifactLocation {
    ArtifactLocation::builder()
        .uri(uri_reference(&file.path))
        .build()
}

fn location(file: &FileReport, locator: &Locator<'_>, span: &Span) -> Location {
    let pos = locator.position(span);
    let mut region = Region::builder()
        .start_line(pos.line as i64)
        .start_column(pos.column as i64)
        .build();
    if let Some((end_line, end_column)) = pos.end {
        region.end_line = Some(end_line as i64);
        region.end_column = Some(end_column as i64);
    }
    let physical = PhysicalLocation::builder()
        .artifact_location(artifact(file))
        .region(region)
        .build();
    Location::builder().physical_location(physical).build()
}

fn notification(file: &FileReport, diagnostic: &Diagnostic) -> Notification {
    let level = match diagnostic.level {
        Level::Error => "error",
        Level::Warning => "warning",
    };
    let mut physical = PhysicalLocation::builder()
        .artifact_location(artifact(file))
        .build();
    if let Some(line) = diagnostic.line {
        let mut region = Region::builder().start_line(line.max(1) as i64).build();
        region.start_column = diagnostic.column.map(|c| c.max(1) as i64);
        physical.region = Some(region);
    }
    Notification::builder()
        .level(Value::from(level))
        .message(message(text::one_line(&diagnostic.message)))
        .locations(vec![
            Location::builder().physical_location(physical).build(),
        ])
        .build()
}

/// A file path as a relative URI reference: unreserved characters, `/` and most sub-delimiters
/// stay, everything else (spaces, `%`, `#`, `?`, `:`, `\`, non-ASCII) is percent-encoded as
/// UTF-8, so that no path reads as a scheme, a query or a fragment.
pub fn uri_reference(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&byte);
        if keep {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_reference("drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(uri_reference("C:\\x#1?.md"), "C%3A%5Cx%231%3F.md");
        assert_eq!(uri_reference("é.md"), "%C3%A9.md");
    }
}
