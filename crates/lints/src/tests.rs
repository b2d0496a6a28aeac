//! Unit tests over hand-built documents: one sentence a claim, split at full stops, so the checks
//! are tested apart from the grammar. End-to-end tests through `factcheck_claims::parse` live in
//! `tests/`.

use factcheck_claims::{Claim, ClaimKind, Document, Sentence, SentenceKind};
use factcheck_model::{Date, LineIndex};

use crate::{Finding, check};

/// A document with one sentence (and one statement claim) per `. `-terminated stretch of text.
pub fn doc(text: &str, date: Option<&str>) -> Document {
    let index = LineIndex::new(text);
    let mut sentences = Vec::new();
    let mut claims = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let end_here = i == bytes.len()
            || bytes[i] == b'\n'
            || (matches!(bytes[i], b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()));
        if end_here {
            let end = if i < bytes.len() && bytes[i] != b'\n' {
                i + 1
            } else {
                i
            };
            let s = text[start..end].trim_start();
            let s_start = end - s.len();
            if !s.trim().is_empty() {
                let span = index.span(s_start, end);
                let n = sentences.len();
                sentences.push(Sentence {
                    text: s.to_string(),
                    span,
                    kind: SentenceKind::Text,
                    tokens: 0..0,
                });
                claims.push(Claim {
                    text: s.to_string(),
                    span,
                    sentence: n,
                    kind: ClaimKind::Statement,
                    attribution: None,
                    mentions: Vec::new(),
                    clauses: Vec::new(),
                    tokens: 0..0,
                });
            }
            start = end;
        }
        i += 1;
    }
    Document {
        date: date.map(|d| d.parse::<Date>().expect("test date")),
        sentences,
        claims,
        diagnostics: Vec::new(),
        tokens: Vec::new(),
    }
}

/// `(code, focus text)` of each finding.
pub fn found(text: &str, date: Option<&str>) -> Vec<(&'static str, String)> {
    let d = doc(text, date);
    check(&d)
        .into_iter()
        .map(|f| (f.code, text[f.focus.range()].to_string()))
        .collect()
}

pub fn findings(text: &str, date: Option<&str>) -> Vec<Finding> {
    check(&doc(text, date))
}

fn codes(text: &str, date: Option<&str>) -> Vec<&'static str> {
    found(text, date).into_iter().map(|(c, _)| c).collect()
}

const DOC: Option<&str> = Some("2023-10-05");

// ---------------------------------------------------------------- CAL001

#[test]
fn cal001_weekday_before_a_full_date() {
    let f = findings("On Friday, September 20, 2023, the officials met.", None);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "CAL001");
    assert_eq!(f[0].expected.as_deref(), Some("Wednesday, 2023-09-20"));
    assert_eq!(f[0].found.as_deref(), Some("Friday, September 20, 2023"));
    assert!(
        f[0].message.contains("is a Wednesday, not a Friday"),
        "{}",
        f[0].message
    );
    assert!(found("On Wednesday, September 20, 2023, the officials met.", None).is_empty());
}

#[test]
fn cal001_year_from_the_document_date() {
    // 2023-09-17 was a Sunday.
    assert_eq!(
        found("Wednesday's meeting on 17 September was secret.", DOC),
        [("CAL001", "Wednesday's".to_string())]
    );
    assert!(found("Sunday's meeting on 17 September was secret.", DOC).is_empty());
    // No year and no document date: silent.
    assert!(found("Wednesday's meeting on 17 September was secret.", None).is_empty());
    assert!(found("On Friday, September 20, the officials met.", None).is_empty());
    // The latest such date not after the document date: December 1 is 2022-12-01, a Thursday.
    assert!(found("On Thursday, December 1, they met.", DOC).is_empty());
    assert_eq!(codes("On Friday, December 1, they met.", DOC), ["CAL001"]);
    let f = findings("Wednesday's meeting on 17 September was secret.", DOC);
    assert!(f[0].message.contains("year from the document date"));
    assert_eq!(f[0].related.len(), 1);
}

#[test]
fn cal001_forms_and_leap_years() {
    assert!(found("On Thursday, February 29, 2024, it snowed.", None).is_empty());
    assert_eq!(
        codes("On Friday, February 29, 2024, it snowed.", None),
        ["CAL001"]
    );
    assert!(found("Tuesday 19 September 2023 was the day.", None).is_empty());
    assert_eq!(
        codes("Monday 19 September 2023 was the day.", None),
        ["CAL001"]
    );
    assert!(found("On Sunday, 2023-12-31, the year ended.", None).is_empty());
    assert!(found("On Monday, 2024-01-01, the year began.", None).is_empty());
    // A weekday not next to a date is the rules' business, not this check's.
    assert!(
        found(
            "Politico said on Wednesday that they met on September 17.",
            DOC
        )
        .is_empty()
    );
}

// ---------------------------------------------------------------- CAL002

#[test]
fn cal002_impossible_days() {
    let f = findings("The deal was signed on February 30.", DOC);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "CAL002");
    assert_eq!(f[0].found.as_deref(), Some("February 30"));
    assert_eq!(
        f[0].expected.as_deref(),
        Some("February has at most 29 days")
    );
    let f = findings("It happened on 2023-02-29.", None);
    assert_eq!(
        f[0].expected.as_deref(),
        Some("February has 28 days in 2023")
    );
    assert_eq!(f[0].found.as_deref(), Some("2023-02-29"));
    let f = findings("They met on September 31, 2023.", None);
    assert_eq!(
        f[0].expected.as_deref(),
        Some("September has 30 days in 2023")
    );
    assert_eq!(codes("They met on 31 April.", None), ["CAL002"]);
    assert_eq!(codes("They met on February 29, 2023.", None), ["CAL002"]);
}

#[test]
fn cal002_possible_days_and_non_dates() {
    assert!(found("It happened on 2024-02-29.", None).is_empty());
    assert!(found("It happened on February 29, 2000.", None).is_empty());
    assert_eq!(codes("It happened on February 29, 1900.", None), ["CAL002"]);
    // Without a year, some year has a 29 February.
    assert!(found("It happened on February 29.", DOC).is_empty());
    assert!(found("In September 31 soldiers were wounded.", DOC).is_empty());
    assert!(found("On September 30 and October 31 they met.", DOC).is_empty());
    assert!(found("The score was September 45.", DOC).is_empty());
}

// ---------------------------------------------------------------- CAL003

#[test]
fn cal003_between_two_dated_events() {
    let text =
        "The officials met on September 17, three days before the offensive began on September 19.";
    let f = findings(text, DOC);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "CAL003");
    assert_eq!(&text[f[0].focus.range()], "three days before");
    assert_eq!(f[0].expected.as_deref(), Some("2 days before 2023-09-19"));
    assert_eq!(f[0].related.len(), 2);
    assert!(
        found(
            "The officials met on September 17, two days before the offensive began on September 19.",
            DOC
        )
        .is_empty()
    );
    // No document date: both a common and a leap year give 2 days.
    assert_eq!(codes(text, None), ["CAL003"]);
    // Wrong direction.
    assert_eq!(
        codes(
            "They met on September 21, two days before the offensive began on September 19.",
            DOC
        ),
        ["CAL003"]
    );
    assert!(
        found(
            "They met on September 21, two days after the offensive began on September 19.",
            DOC
        )
        .is_empty()
    );
}

#[test]
fn cal003_between_across_month_and_year_ends() {
    assert!(
        found(
            "They met on February 28, 2024, two days before the vote on March 1, 2024.",
            None
        )
        .is_empty()
    );
    assert_eq!(
        codes(
            "They met on February 28, 2023, two days before the vote on March 1, 2023.",
            None
        ),
        ["CAL003"]
    );
    assert!(
        found(
            "They met on December 30, two days before the vote on January 1.",
            Some("2024-03-01")
        )
        .is_empty()
    );
    assert!(
        found(
            "They met on December 30, 2023, two days before the vote on January 1.",
            None
        )
        .is_empty()
    );
    // "February 28, two days before March 1" without a year: true in a leap year, so silent.
    assert!(
        found(
            "They met on February 28, two days before the vote on March 1.",
            None
        )
        .is_empty()
    );
    // Weeks round: 13 days is two weeks.
    assert!(
        found(
            "They met on September 6, two weeks before the vote on September 19.",
            DOC
        )
        .is_empty()
    );
    assert_eq!(
        codes(
            "They met on September 6, four weeks before the vote on September 19.",
            DOC
        ),
        ["CAL003"]
    );
    // Vague amounts are left alone.
    assert!(
        found(
            "They met on September 6, some days before the vote on September 19.",
            DOC
        )
        .is_empty()
    );
    assert!(
        found(
            "They met on September 6, about three days before the vote on September 19.",
            DOC
        )
        .is_empty()
    );
}

#[test]
fn cal003_durations() {
    let text =
        "The war, which began on 27 September and ended on 10 November, lasted three months.";
    let f = findings(text, Some("2021-01-01"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(&text[f[0].focus.range()], "three months");
    assert_eq!(f[0].expected.as_deref(), Some("44 days, about 1.4 months"));
    assert_eq!(codes(text, None), ["CAL003"]);
    for ok in [
        "The war, which began on 27 September and ended on 10 November, lasted six weeks.",
        "The war, which began on 27 September and ended on 10 November, lasted 44 days.",
        "The war, which began on 27 September and ended on 10 November, lasted 45 days.",
        "The war, which began on 27 September and ended on 10 November, lasted more than a month.",
        "The six-week war, which began on 27 September 2020 and ended on 10 November 2020, changed the region.",
        "The talks, which began on 1 March and ended on 3 March, followed a three-year freeze.",
    ] {
        assert!(found(ok, None).is_empty(), "{ok}");
    }
    assert_eq!(
        codes(
            "The war, which began on 27 September and ended on 10 November, lasted 40 days.",
            None
        ),
        ["CAL003"]
    );
    assert_eq!(
        codes(
            "The three-week war, which began on 27 September 2020 and ended on 10 November 2020, changed the region.",
            None
        ),
        ["CAL003"]
    );
    assert_eq!(
        codes(
            "The war, which began on 27 September and ended on 10 November, lasted more than two months.",
            None
        ),
        ["CAL003"]
    );
    // Across a year end, year-less: the end is read in the year after the start.
    assert!(
        found(
            "The siege, which began on 20 December and ended on 3 January, lasted two weeks.",
            Some("2024-01-04")
        )
        .is_empty()
    );
}

#[test]
fn cal003_reads_the_grammars_qualifiers() {
    let war = |tail: &str| {
        format!("The war, which began on 27 September and ended on 10 November, lasted {tail}.")
    };
    // "no more than" bounds from above (it used to be read as "more than").
    assert!(found(&war("no more than two months"), None).is_empty());
    assert_eq!(codes(&war("no more than a week"), None), ["CAL003"]);
    // Qualifier words the scanner now steps over, as the grammar reads them.
    assert!(found(&war("approximately six weeks"), None).is_empty());
    assert_eq!(codes(&war("approximately three months"), None), ["CAL003"]);
    assert!(found(&war("less than two months"), None).is_empty());
    assert_eq!(codes(&war("less than three weeks"), None), ["CAL003"]);
    // "just under" stays "a little less".
    assert_eq!(codes(&war("just under four months"), None), ["CAL003"]);
    assert!(found(&war("just under two months"), None).is_empty());
    let f = findings(&war("approximately three months"), None);
    assert_eq!(
        &war("approximately three months")[f[0].focus.range()],
        "approximately three months"
    );
}

#[test]
fn cal003_one_day_later() {
    let text = "The offensive began on September 30. One day later, on October 2, it ended.";
    let f = findings(text, DOC);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(&text[f[0].focus.range()], "One day later");
    assert_eq!(f[0].claim, 1);
    assert_eq!(f[0].expected.as_deref(), Some("2 days after 2023-09-30"));
    assert_eq!(&text[f[0].related[0].span.range()], "September 30");
    // Across a month end.
    assert!(
        found(
            "The offensive began on September 30. One day later, on October 1, it ended.",
            DOC
        )
        .is_empty()
    );
    // Across a year end.
    assert!(
        found(
            "The talks ended on December 31, 2023. One day later, on January 1, the truce began.",
            None
        )
        .is_empty()
    );
    assert!(
        found(
            "The talks ended on December 31. One day later, on January 1, the truce began.",
            Some("2024-02-01")
        )
        .is_empty()
    );
    assert_eq!(
        codes(
            "The talks ended on December 31, 2023. One day later, on January 2, the truce began.",
            None
        ),
        ["CAL003"]
    );
    // Leap day.
    assert!(
        found(
            "The talks ended on February 28, 2024. One day later, on February 29, the truce began.",
            None
        )
        .is_empty()
    );
    assert_eq!(
        codes(
            "The talks ended on February 28, 2023. The following day, on March 2, the truce began.",
            None
        ),
        ["CAL003"]
    );
    assert!(
        found(
            "The talks ended on February 28, 2023. The following day, on March 1, the truce began.",
            None
        )
        .is_empty()
    );
    // In one sentence.
    assert_eq!(
        codes(
            "The offensive began on September 19 and ended two days later, on September 20.",
            DOC
        ),
        ["CAL003"]
    );
    assert!(
        found(
            "The offensive began on September 19 and ended one day later, on September 20.",
            DOC
        )
        .is_empty()
    );
    // The previous claim has no day date, or two: silent.
    assert!(
        found(
            "The offensive began last month. One day later, on October 2, it ended.",
            DOC
        )
        .is_empty()
    );
    assert!(found("The offensive began on September 30 after talks on September 17. One day later, on October 4, it ended.", DOC).is_empty());
    // No date of its own: silent (the rules check it against facts).
    assert!(
        found(
            "The offensive began on September 19. It ended one day later.",
            DOC
        )
        .is_empty()
    );
    // A "since" date is no event date.
    assert!(found("Over 100,000 residents have moved since September 24. They agreed to disarm the following day, on September 20.", DOC).is_empty());
}

// ---------------------------------------------------------------- ARI001

#[test]
fn ari001_percentage_change() {
    let text = "Arrivals rose from 40 to 50, a 20% increase.";
    let f = findings(text, None);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "ARI001");
    assert_eq!(&text[f[0].focus.range()], "20% increase");
    assert_eq!(
        f[0].expected.as_deref(),
        Some("a 25% increase (from 40 to 50)")
    );
    assert_eq!(&text[f[0].related[0].span.range()], "from 40 to 50");
    for ok in [
        "Arrivals rose from 40 to 50, a 25% increase.",
        "Arrivals rose 25 percent, from 40 to 50.",
        "Arrivals rose from 30 to 35, a 17% increase.",
        "Arrivals rose from 30 to 35, a 16.7% increase.",
        "Arrivals fell from 50 to 40, a 20% drop.",
        "Turnout rose from 40% to 50%, a 10 percentage point increase.",
        "Turnout rose from 40% to 50%, a 25% increase.",
        "Prices rose by more than 20% from 40 to 50.",
        "Revenue rose from $40 million to $50 million, up 25%.",
        "Revenue rose from 40 to 50 million, up 25%.",
    ] {
        assert!(found(ok, None).is_empty(), "{ok}: {:?}", found(ok, None));
    }
    for bad in [
        "Arrivals rose from 30 to 35, a 16.9% increase.",
        "Arrivals rose from 30 to 35, a 15% increase.",
        "Arrivals fell from 50 to 40, a 25% drop.",
        "Arrivals rose from 40 to 50, a 25% decrease.",
        "Turnout rose from 40% to 50%, a 12 percentage point increase.",
        "Prices rose by more than 30% from 40 to 50.",
    ] {
        assert_eq!(codes(bad, None), ["ARI001"], "{bad}");
    }
}

#[test]
fn ari001_leaves_unclear_sentences_alone() {
    // Years are not amounts; two percentages near one pair cannot be told apart.
    assert!(found("From 2019 to 2023, prices rose 20%.", None).is_empty());
    assert!(found("Sales rose from 40 to 50, a 20% or 30% increase.", None).is_empty());
    // A percentage in another clause is not the change of this pair.
    assert!(
        found(
            "Sales rose from 40 to 50, a 25% increase, while costs fell 3%.",
            None
        )
        .is_empty()
    );
    assert_eq!(
        codes(
            "Sales rose from 40 to 50, a 20% increase, while costs fell 3%.",
            None
        ),
        ["ARI001"]
    );
    assert!(
        found(
            "They met from 17 to 19 September, and 20% of them left.",
            None
        )
        .is_empty()
    );
}

// ---------------------------------------------------------------- ARI002

#[test]
fn ari002_multiples() {
    let text = "The number of checkpoints doubled from 40 to 90.";
    let f = findings(text, None);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(&text[f[0].focus.range()], "doubled");
    assert_eq!(f[0].expected.as_deref(), Some("×2.25 (from 40 to 90)"));
    for ok in [
        "The number doubled from 40 to 80.",
        "The number doubled from 40 to 85.",
        "The number more than doubled from 40 to 90.",
        "The number tripled to 120 from 40.",
        "The number nearly tripled from 40 to 110.",
        "The number halved from 90 to 45.",
        "The number more than halved from 90 to 40.",
        "The number quadrupled from 1.5 million to 6 million.",
    ] {
        assert!(found(ok, None).is_empty(), "{ok}: {:?}", found(ok, None));
    }
    for bad in [
        "The number tripled from 40 to 90.",
        "The number halved from 90 to 60.",
        "The number more than doubled from 40 to 70.",
        "The number quadrupled from 1.5 million to 4 million.",
    ] {
        assert_eq!(codes(bad, None), ["ARI002"], "{bad}");
    }
    // No pair of numbers: nothing to compare.
    assert!(found("The number doubled to 90.", None).is_empty());
    assert!(found("The number doubled, and from 40 to 90 people came.", None).is_empty());
}

// ---------------------------------------------------------------- ARI003

#[test]
fn ari003_parts_and_totals() {
    let text = "Of the 100 victims, 60 were men and 50 women.";
    let f = findings(text, None);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(&text[f[0].focus.range()], "60 were men and 50 women");
    assert_eq!(f[0].found.as_deref(), Some("60 + 50 = 110"));
    assert_eq!(f[0].expected.as_deref(), Some("at most 100 in all"));
    assert_eq!(&text[f[0].related[0].span.range()], "100 victims");
    assert_eq!(
        codes(
            "Of the ten victims, six were men, three were women and two were children.",
            None
        ),
        ["ARI003"]
    );
    assert_eq!(
        codes(
            "Among the 12 ministers, at least 7 were men and 6 women.",
            None
        ),
        ["ARI003"]
    );
    // The grammar's qualifiers: "well over" bounds from below, "no more than" from above.
    assert_eq!(
        codes(
            "Of the 100 victims, well over 60 were men and 50 women.",
            None
        ),
        ["ARI003"]
    );
    assert!(
        found(
            "Of the 100 victims, no more than 60 were men and 50 women.",
            None
        )
        .is_empty()
    );
    assert!(
        found(
            "Of the more than 100 victims, 60 were men and 50 women.",
            None
        )
        .is_empty()
    );
    // The grammar's multipliers: "two hundred" is 200, not 2.
    assert!(
        found(
            "Of the two hundred victims, 150 were men and 40 women.",
            None
        )
        .is_empty()
    );
    assert_eq!(
        codes(
            "Of the two hundred victims, 150 were men and 60 women.",
            None
        ),
        ["ARI003"]
    );
    assert!(found("Arrivals fell from 40 to two dozen, a 40% fall.", None).is_empty());
    for ok in [
        "Of the 100 victims, 60 were men and 40 women.",
        "Of the 100 victims, 60 were men, 30 women and 10 children.",
        "Of the 100 victims, 60 were men aged 20 to 40.",
        "Of the 100 victims, 60 were women and 50 were Americans.",
        "Of the 100 victims, about 60 were men and 50 women.",
        "Of the more than 100 victims, 60 were men and 50 women.",
        "Of the 100 victims, 60% were men and 50% women.",
        "One of the 100 victims, 60 years old, was a man.",
    ] {
        assert!(found(ok, None).is_empty(), "{ok}: {:?}", found(ok, None));
    }
}

// ---------------------------------------------------------------- SELF001

#[test]
fn self001_one_event_two_dates() {
    let text = "The offensive began on September 19. Officials met later. Two days later, when the offensive began on September 21, the talks had failed.";
    let f = findings(text, DOC);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "SELF001");
    assert_eq!(&text[f[0].focus.range()], "September 21");
    assert_eq!(f[0].claim, 2);
    assert_eq!(&text[f[0].related[0].span.range()], "September 19");
    assert_eq!(
        f[0].expected.as_deref(),
        Some("2023-09-19 (as the draft says earlier)")
    );
    // The date first.
    assert_eq!(
        codes(
            "On September 19, the offensive began. The offensive began on September 20 in the south.",
            DOC
        ),
        ["SELF001"]
    );
    // A relative clause.
    assert_eq!(
        codes(
            "The war, which began on 27 September 2020, was short. The war began on 28 September 2020.",
            None
        ),
        ["SELF001"]
    );
    assert_eq!(
        codes(
            "Azerbaijan's offensive began on September 19. Azerbaijan's offensive began on September 20.",
            None
        ),
        ["SELF001"]
    );
}

#[test]
fn self001_stays_silent_when_unsure() {
    for ok in [
        // The same date twice, or a month that contains the day.
        "The offensive began on September 19. The offensive began on September 19, officials said.",
        "The war began in September 2020. The war began on 27 September 2020.",
        // Repeatable verbs, indefinite subjects, different subjects.
        "The committee met on September 17. The committee met on October 3.",
        "A meeting took place on September 17. A meeting took place on October 3.",
        "The offensive began on September 19. The ceasefire began on September 20.",
        "Talks began on September 17. Talks began on October 3.",
        // Different objects.
        "Baku's army launched the offensive on September 19. Baku's army launched a new attack on October 3.",
    ] {
        assert!(found(ok, DOC).is_empty(), "{ok}: {:?}", found(ok, DOC));
    }
}

// ---------------------------------------------------------------- SELF002

#[test]
fn self002_one_count_two_values() {
    let text = "Over 100,000 residents have moved to Armenia. Later that day, officials said about 80,000 residents have moved to Armenia.";
    let f = findings(text, DOC);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "SELF002");
    assert_eq!(&text[f[0].focus.range()], "about 80,000");
    assert_eq!(&text[f[0].related[0].span.range()], "Over 100,000");
    assert_eq!(
        codes(
            "By September 30, 50,000 people had fled to Armenia. By September 30, 70,000 people had fled to Armenia.",
            DOC
        ),
        ["SELF002"]
    );
    for ok in [
        // Compatible values.
        "Over 100,000 residents have moved to Armenia. Some 100,625 residents have moved to Armenia.",
        "Over 100,000 residents have moved to Armenia. More than 90,000 residents have moved to Armenia.",
        // Different dates.
        "By September 28, 50,000 people had fled to Armenia. By September 30, 100,000 people had fled to Armenia.",
        "By September 28, 50,000 people had fled to Armenia. 100,000 people had fled to Armenia.",
        // Different counts.
        "Over 100,000 residents have moved to Armenia. About 120,000 residents lived in the region.",
        "Over 100,000 residents have moved to Armenia. About 20,000 residents have moved to Russia.",
        // "since" opens an interval: no as-of date, both undated and equal.
        "Over 100,000 residents have moved to Armenia since September 24. More than 100,000 residents have moved to Armenia.",
    ] {
        assert!(found(ok, DOC).is_empty(), "{ok}: {:?}", found(ok, DOC));
    }
}

// ---------------------------------------------------------------- spans and robustness

#[test]
fn spans_have_lines_and_character_columns() {
    let text = "Première phrase ici.\nÉté: On Friday, September 20, 2023, they met.";
    let f = findings(text, None);
    assert_eq!(f.len(), 1);
    assert_eq!(&text[f[0].focus.range()], "Friday, September 20, 2023");
    assert_eq!((f[0].focus.line, f[0].focus.column), (2, 9));
}

#[test]
fn odd_text_does_not_panic() {
    for text in [
        "",
        "of",
        "Of the",
        "Of the 100",
        "Of the 100 victims,",
        "Of the 100 victims, 60",
        "from",
        "from 40 to",
        "doubled from 0 to 5",
        "rose from 0 to 50, a 20% increase",
        "On Friday,",
        "Wednesday's",
        "Wednesday's meeting on",
        "September",
        "February 30",
        "2023-02-",
        "one day later",
        "The following",
        "the day before",
        "lasted three",
        "began on 27 September and ended on",
        "$",
        "$ 5",
        "9999-99-99",
        "99999999999999999999999999999 people have fled",
        "On September 19, the",
        "’s on 17 September",
    ] {
        let _ = found(text, DOC);
        let _ = found(text, None);
    }
}

#[test]
fn the_seed_has_no_findings_with_a_naive_split() {
    let seed = include_str!("../../../seeds/000_414de2cf1f6c4a3e.txt");
    assert_eq!(found(seed, DOC), Vec::<(&str, String)>::new());
}

#[test]
fn large_inputs_stay_linear() {
    // One huge sentence full of every pattern the checks read: it must finish quickly (each
    // check looks a bounded distance around each token).
    let unit = "On Friday, September 20, 2023, the offensive began on September 19, three days before \
                the vote on September 19, and one day later, on October 2, Of the 100 victims, 60 were men \
                and 50 women, rose from 40 to 50, a 20% increase, doubled from 40 to 90, over 100,000 \
                residents have moved to Armenia, February 30, ";
    let text = unit.repeat(2_000);
    let start = std::time::Instant::now();
    let f = findings(&text, DOC);
    assert!(!f.is_empty());
    assert!(
        start.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

mod props {
    use factcheck_claims::{
        Claim, ClaimKind, DateMention, Document, Mention, MentionValue, Sentence, SentenceKind,
    };
    use factcheck_model::{PartialDate, Precision, Span};
    use proptest::prelude::*;

    fn span(a: usize, b: usize) -> Span {
        Span {
            start: a.min(b),
            end: a.max(b),
            line: 1,
            column: 1,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,200}") {
            let _ = super::findings(&text, super::DOC);
            let _ = super::findings(&text, None);
        }

        #[test]
        fn never_panics_on_word_soup(words in proptest::collection::vec(prop::sample::select(vec![
            "On", "Friday", ",", "September", "20", "2023", "30", "February", "29", "of", "the",
            "100", "victims", "60", "were", "men", "and", "50", "women", "rose", "from", "40",
            "to", "a", "20%", "increase", "doubled", "one", "day", "later", "three", "days",
            "before", "began", "ended", "lasted", "months", "six-week", "war", "which", ".",
            "Wednesday's", "meeting", "over", "100,000", "residents", "have", "moved", "2023-02-29",
            "since", "following", "halved", "\n", "é", "’s", "-", "$", "million", "percent",
        ]), 0..80)) {
            let text = words.join(" ");
            let _ = super::findings(&text, super::DOC);
            let _ = super::findings(&text, None);
        }

        #[test]
        fn never_panics_on_inconsistent_documents(
            text in "[a-zA-Z0-9 ,.%é\n-]{0,80}",
            cuts in proptest::collection::vec((0usize..100, 0usize..100), 0..6),
            mentions in proptest::collection::vec((0usize..100, 0usize..100, 1u8..28), 0..6),
        ) {
            let sentences: Vec<Sentence> = cuts
                .iter()
                .map(|&(a, b)| {
                    let (a, b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
                    let t = text.get(a..b).unwrap_or("").to_string();
                    Sentence { text: t, span: span(a, b), kind: SentenceKind::Text, tokens: 0..0 }
                })
                .collect();
            let claims: Vec<Claim> = cuts
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| Claim {
                    text: text.get(a.min(b)..a.max(b)).unwrap_or("x").to_string(),
                    span: span(a, b),
                    sentence: i,
                    kind: if i % 2 == 0 { ClaimKind::Statement } else { ClaimKind::Attribution },
                    attribution: None,
                    mentions: mentions
                        .iter()
                        .map(|&(x, y, d)| Mention {
                            text: String::new(),
                            span: span(x, y),
                            value: MentionValue::Date(DateMention {
                                date: PartialDate::ymd(2023, 9, i8::try_from(d).unwrap_or(1)).ok(),
                                precision: Precision::Day,
                                since: false,
                                relative: None,
                                aspect: Default::default(),
                                after_verb: false,
                            }),
                        })
                        .collect(),
                    clauses: Vec::new(),
                    tokens: 0..0,
                })
                .collect();
            let doc = Document { date: None, sentences, claims, diagnostics: Vec::new(), tokens: Vec::new() };
            let _ = crate::check(&doc);
        }
    }
}

#[test]
fn lint_seeds_with_a_naive_split() {
    let t = include_str!("../../../seeds/lint_true.md");
    assert_eq!(found(t, DOC), Vec::<(&str, String)>::new());
    let f = include_str!("../../../seeds/lint_false.md");
    let got = found(f, DOC);
    let codes: Vec<&str> = got.iter().map(|(c, _)| *c).collect();
    assert_eq!(
        codes,
        [
            "CAL001", "CAL002", "CAL003", "CAL003", "CAL003", "ARI001", "ARI002", "ARI003",
            "SELF001", "SELF002"
        ],
        "{got:#?}"
    );
}

#[test]
#[ignore = "a throughput figure: cargo test --release -p factcheck-lints throughput -- --ignored --nocapture"]
fn throughput() {
    let seed = include_str!("../../../seeds/000_414de2cf1f6c4a3e.txt");
    let falses = include_str!("../../../seeds/lint_false.md");
    for (what, text) in [
        ("seed", format!("{seed}\n")),
        ("seed + lint_false", format!("{seed}\n{falses}\n")),
    ] {
        let text = text.repeat(4_000);
        let d = doc(&text, DOC);
        // The best of five runs: the machine is shared.
        let mut secs = f64::INFINITY;
        let mut f = Vec::new();
        for _ in 0..5 {
            let start = std::time::Instant::now();
            f = check(&d);
            secs = secs.min(start.elapsed().as_secs_f64());
        }
        #[allow(clippy::cast_precision_loss)]
        let mb = text.len() as f64 / 1e6;
        println!(
            "{what}: {mb:.1} MB, {} sentences, {} findings: {secs:.3} s, {:.0} MB/s",
            d.sentences.len(),
            f.len(),
            mb / secs
        );
    }
}

#[test]
fn cal003_reads_the_grammars_relative_dates_too() {
    use factcheck_claims::{Anchor, DateMention, Mention, MentionValue, Offset, Relative, Unit};
    use factcheck_model::Precision;
    // "Soon after" is no phrase the scan knows; the grammar's mention says +1 day from the
    // previous claim.
    let text = "The offensive began on September 30. Soon after, on October 2, it ended.";
    let mut d = doc(text, DOC);
    let at = text.find("Soon after").unwrap();
    let span = LineIndex::new(text).span(at, at + "Soon after".len());
    d.claims[1].mentions.push(Mention {
        text: "Soon after".into(),
        span,
        value: MentionValue::Date(DateMention {
            date: None,
            precision: Precision::Day,
            since: false,
            relative: Some(Relative {
                offset: Offset {
                    amount: Some(1),
                    unit: Unit::Day,
                    weekday: None,
                },
                anchor: Anchor::Previous,
            }),
            aspect: Default::default(),
            after_verb: false,
        }),
    });
    let f = check(&d);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].code, &text[f[0].focus.range()]),
        ("CAL003", "Soon after")
    );
    assert_eq!(f[0].expected.as_deref(), Some("2 days after 2023-09-30"));
}

// ---------------------------------------------------------------- pre-filters and look-back

/// Each check skips a segment that lacks what its pattern needs (`ctx::Cues`, no dates); these
/// sentences have just enough and must not be skipped.
#[test]
fn prefilters_keep_what_the_checks_read() {
    // ARI001, ARI002, ARI003 with numbers written as words only (no digit at all).
    assert_eq!(
        codes(
            "Arrivals rose from forty to fifty, a twenty percent increase.",
            None
        ),
        ["ARI001"]
    );
    assert_eq!(
        codes(
            "The number of checkpoints doubled to ninety from forty.",
            None
        ),
        ["ARI002"]
    );
    assert_eq!(
        codes(
            "Of the twelve ministers, seven were men and six women.",
            None
        ),
        ["ARI003"]
    );
    // CAL001: a possessive weekday far from its date, no weekday right before it.
    assert_eq!(
        codes(
            "Wednesday's meeting on 17 September 2023 was postponed.",
            None
        ),
        ["CAL001"]
    );
    // CAL001 needs a date: a weekday alone is no finding.
    assert!(codes("Wednesday's meeting was postponed.", None).is_empty());
    // SELF002: digits, with "from" and "to" elsewhere.
    assert_eq!(
        codes(
            "Over 100,000 residents have moved to Armenia. About 80,000 residents have moved to Armenia.",
            None
        ),
        ["SELF002"]
    );
}

/// SELF001 keeps only where an event was first dated; the words and dates it shows are written
/// from that segment when a later place contradicts it, in the same sentence or a later one.
#[test]
fn self001_conflicts_within_one_sentence_and_across_sentences() {
    let text =
        "The offensive began on September 19, and the offensive began on September 21, they said.";
    let f = findings(text, DOC);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].code, "SELF001");
    assert_eq!(&text[f[0].focus.range()], "September 21");
    assert_eq!(&text[f[0].related[0].span.range()], "September 19");
    assert_eq!(
        f[0].related[0].message,
        "\"the offensive began\" is dated 2023-09-19 here"
    );
    // Across sentences, with undated sentences between (they are not kept).
    let text = "The summit took place on May 3. Residents were calm. Shops closed early. \
                The summit took place on May 5.";
    let f = findings(text, DOC);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(&text[f[0].related[0].span.range()], "May 3");
    assert!(
        f[0].message.contains("\"the summit took place\""),
        "{}",
        f[0].message
    );
}
