//! `claimreview`: schema.org [ClaimReview](https://schema.org/ClaimReview) JSON-LD.
//!
//! A JSON array with one object per checked claim, in report order. The rating is on a stated
//! scale from 1 (`worstRating`) to 5 (`bestRating`):
//!
//! | verdict | `ratingValue` | `alternateName` |
//! | --- | --- | --- |
//! | contradicted | 1 | `False` |
//! | unverifiable | 3 | `Unverifiable` |
//! | supported | 5 | `True` |
//!
//! `itemReviewed` is a `Claim` whose `appearance` is the draft (a `CreativeWork` with the draft's
//! `url` when its path is an http(s) URL, its `name` otherwise). The sources of the facts the
//! verdict rests on are the review's `citation` and are named in its `reviewBody`. `author` is an
//! `Organization` named by `Options::author` (`factcheck` by default); `datePublished` is
//! `Options::date_published`, else the draft's document date, else absent.

use std::io;

use factcheck_model::{CheckedClaim, FileReport, Report, Verdict};
use serde::Serialize;

use crate::Options;
use crate::text;

const BEST: u8 = 5;
const WORST: u8 = 1;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    claim_reviewed: String,
    review_rating: Rating,
    item_reviewed: Claim,
    author: Organization,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    review_body: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citation: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    rating_value: u8,
    best_rating: u8,
    worst_rating: u8,
    alternate_name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating_explanation: Option<String>,
}

#[derive(Serialize)]
struct Claim {
    #[serde(rename = "@type")]
    kind: &'static str,
    appearance: CreativeWork,
}

#[derive(Serialize)]
struct CreativeWork {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

pub fn render(report: &Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let reviews: Vec<ClaimReview> = report
        .files
        .iter()
        .flat_map(|file| {
            file.claims
                .iter()
                .map(move |claim| review(file, claim, options))
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &reviews)?;
    out.write_all(b"\n")
}

/// `ratingValue` and `alternateName` of a verdict.
fn rating(verdict: Verdict) -> (u8, &'static str) {
    match verdict {
        Verdict::Contradicted => (WORST, "False"),
        Verdict::Unverifiable => (3, "Unverifiable"),
        Verdict::Supported => (BEST, "True"),
    }
}

fn review(file: &FileReport, claim: &CheckedClaim, options: &Options) -> ClaimReview {
    let (value, name) = rating(claim.verdict);
    let message = text::one_line(&claim.message);
    let is_url = file.path.starts_with("https://") || file.path.starts_with("http://");
    let appearance = CreativeWork {
        kind: "CreativeWork",
        url: is_url.then(|| file.path.clone()),
        name: (!is_url).then(|| file.path.clone()),
    };
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        claim_reviewed: text::one_line(&claim.text),
        review_rating: Rating {
            kind: "Rating",
            rating_value: value,
            best_rating: BEST,
            worst_rating: WORST,
            alternate_name: name,
            rating_explanation: (!message.is_empty()).then(|| message.clone()),
        },
        item_reviewed: Claim {
            kind: "Claim",
            appearance,
        },
        author: Organization {
            kind: "Organization",
            name: options
                .author
                .clone()
                .unwrap_or_else(|| "factcheck".to_string()),
        },
        date_published: options
            .date_published
            .clone()
            .or_else(|| file.date.map(|d| d.to_string())),
        review_body: body(claim, name, &message),
        citation: claim.sources.clone(),
    }
}

/// `False: <message>. The draft says …; the reference says …. Sources: <url> <url>`
fn body(claim: &CheckedClaim, rating: &str, message: &str) -> String {
    let mut body = rating.to_string();
    if !message.is_empty() {
        body.push_str(": ");
        body.push_str(message.trim_end_matches('.'));
    }
    body.push('.');
    match (&claim.found, &claim.expected) {
        (Some(found), Some(expected)) => body.push_str(&format!(
            " The draft says {}; the reference says {}.",
            text::one_line(found),
            text::one_line(expected)
        )),
        (None, Some(expected)) => body.push_str(&format!(
            " The reference says {}.",
            text::one_line(expected)
        )),
        (Some(found), None) => {
            body.push_str(&format!(" The draft says {}.", text::one_line(found)))
        }
        (None, None) => {}
    }
    if !claim.sources.is_empty() {
        let name = if claim.sources.len() == 1 {
            "Source"
        } else {
            "Sources"
        };
        body.push_str(&format!(
            " {name}: {}",
            text::one_line(&claim.sources.join(" "))
        ));
    }
    body
}
