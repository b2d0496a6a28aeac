//! Each semantic rule of docs/checking.md, on hand-built documents.

mod support;

use factcheck_claims::{Qualifier, Unit};
use factcheck_engine::check_document;
use factcheck_model::{CheckedClaim, FileReport, Verdict, Weekday};
use support::{Doc, base, date};

fn run(d: Doc) -> FileReport {
    let text = d.text.clone();
    let doc = d.build();
    check_document(&base(), &doc, "draft.txt", &text)
}

fn only(d: Doc) -> CheckedClaim {
    let mut r = run(d);
    assert_eq!(r.claims.len(), 1);
    r.claims.remove(0)
}

#[track_caller]
fn verdict(c: &CheckedClaim, v: Verdict) {
    assert_eq!(c.verdict, v, "{}: {}", c.text, c.message);
}

const DOC_DATE: &str = "2023-10-05";

// --- dates against events -------------------------------------------------------------------

fn truce(when: &str, iso: &str) -> CheckedClaim {
    let text = format!("The ceasefire agreement was brokered {when}.");
    only(Doc::new(&text, Some(DOC_DATE)).claim(&text, |c| {
        vec![c.date(
            when.trim_start_matches("in ").trim_start_matches("on "),
            iso,
        )]
    }))
}

#[test]
fn a_date_holds_at_its_own_precision() {
    let c = truce("in November 2020", "2020-11");
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["truce"]);
    assert_eq!(c.expected.as_deref(), Some("2020-11-10"));
    assert_eq!(c.check.as_deref(), Some("event-date"));
    assert_eq!(c.sources, vec!["https://example.org/truce"]);
    verdict(&truce("in 2020", "2020"), Verdict::Supported);
    verdict(
        &truce("on November 10, 2020", "2020-11-10"),
        Verdict::Supported,
    );
    let c = truce("on November 9, 2020", "2020-11-09");
    verdict(&c, Verdict::Contradicted);
    assert!(
        c.message.contains("2020-11-10") && c.message.contains("2020-11-09"),
        "{}",
        c.message
    );
    verdict(&truce("in October 2020", "2020-10"), Verdict::Contradicted);
    verdict(&truce("in 2019", "2019"), Verdict::Contradicted);
}

#[test]
fn a_fact_less_precise_than_the_draft_cannot_confirm_a_day() {
    let text = "The summit was held on September 5.";
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.date("September 5", "2023-09-05")]),
    );
    verdict(&c, Verdict::Unverifiable);
    assert!(c.message.contains("less precisely"), "{}", c.message);
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.date("September 5", "2023-10-05")]),
    );
    verdict(&c, Verdict::Contradicted);
}

#[test]
fn last_month_resolves_against_the_document_date() {
    let text = "Azerbaijan announced last month the launching of an \u{201c}anti-terrorist\u{201d} operation.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![c.doc_rel(
            "last month",
            Some("2023-09"),
            -1,
            Unit::Month,
            Some(date(DOC_DATE)),
        )]
    }));
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["operation"]);
    assert_eq!(c.found.as_deref(), Some("last month (2023-09)"));
    let c = only(Doc::new(text, Some("2023-11-15")).claim(text, |c| {
        vec![c.doc_rel(
            "last month",
            Some("2023-10"),
            -1,
            Unit::Month,
            Some(date("2023-11-15")),
        )]
    }));
    verdict(&c, Verdict::Contradicted);
    // Without a document date the grammar cannot resolve it.
    let c = only(Doc::new(text, None).claim(text, |c| {
        vec![c.doc_rel("last month", None, -1, Unit::Month, None)]
    }));
    verdict(&c, Verdict::Unverifiable);
    assert!(c.message.contains("no document date"), "{}", c.message);
}

#[test]
fn since_a_date_is_checked_against_the_start_of_an_event() {
    let text = "Baku had imposed the blockade on the region since last year.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![c.since_rel("since last year", "2022", date(DOC_DATE))]
    }));
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["blockade"]);
    let c = only(Doc::new(text, Some("2024-03-01")).claim(text, |c| {
        vec![c.since_rel("since last year", "2023", date("2024-03-01"))]
    }));
    verdict(&c, Verdict::Contradicted);
    assert!(c.message.contains("2022-12-12"), "{}", c.message);
}

#[test]
fn a_date_inside_an_interval_event_holds() {
    let text = "The conflict between the two countries raged in October 2020.";
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.date("October 2020", "2020-10")]),
    );
    verdict(&c, Verdict::Supported);
    assert_eq!(c.expected.as_deref(), Some("2020-09-27 to 2020-11-10"));
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.date("October 2020", "2021-10")]),
    );
    verdict(&c, Verdict::Contradicted);
}

#[test]
fn each_date_pairs_with_the_nearest_event() {
    let text = "The officials met in Istanbul on September 17 to lift the blockade imposed since last year.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![
            c.date("September 17", "2023-09-17"),
            c.since_rel("since last year", "2022", date(DOC_DATE)),
        ]
    }));
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["meeting", "blockade"]);
    assert_eq!(c.expected.as_deref(), Some("2023-09-17; began 2022-12-12"));
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![
            c.date("September 17", "2023-09-18"),
            c.since_rel("since last year", "2022", date(DOC_DATE)),
        ]
    }));
    verdict(&c, Verdict::Contradicted);
    assert_eq!(c.facts, vec!["meeting"], "only the failing comparison");
    assert_eq!(c.focus.map(|f| &text[f.range()]), Some("September 17"));
}

// --- weekdays ------------------------------------------------------------------------------

fn politico(day: &str, iso: Option<&str>, wd: Weekday, doc: Option<&str>) -> CheckedClaim {
    let text = format!("Politico said in a report published on {day} that the envoys met.");
    let claim = format!("Politico said in a report published on {day}");
    only(Doc::new(&text, doc).attribution(&claim, |c| vec![c.weekday(day, iso, wd, doc.map(date))]))
}

#[test]
fn a_weekday_resolved_against_the_document_date_must_be_the_event_date() {
    let c = politico(
        "Wednesday",
        Some("2023-10-04"),
        Weekday::Wednesday,
        Some(DOC_DATE),
    );
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["report"]);
    let c = politico(
        "Tuesday",
        Some("2023-10-03"),
        Weekday::Tuesday,
        Some(DOC_DATE),
    );
    verdict(&c, Verdict::Contradicted);
    assert!(c.message.contains("a Wednesday"), "{}", c.message);
    // A week later, "Wednesday" is another Wednesday.
    verdict(
        &politico(
            "Wednesday",
            Some("2023-10-11"),
            Weekday::Wednesday,
            Some("2023-10-12"),
        ),
        Verdict::Contradicted,
    );
}

#[test]
fn without_a_document_date_a_weekday_is_checked_against_the_event_weekday() {
    verdict(
        &politico("Wednesday", None, Weekday::Wednesday, None),
        Verdict::Supported,
    );
    let c = politico("Tuesday", None, Weekday::Tuesday, None);
    verdict(&c, Verdict::Contradicted);
    assert_eq!(c.expected.as_deref(), Some("2023-10-04 (Wednesday)"));
}

// --- relations -----------------------------------------------------------------------------

fn meeting_before(n: &str, amount: Option<i32>) -> CheckedClaim {
    let text = format!(
        "A secret meeting was held in Turkey just {n} before Baku launched its military operation."
    );
    let needle = format!("{n} before Baku launched its military operation");
    only(Doc::new(&text, Some(DOC_DATE)).claim(&text, |c| {
        vec![c.before_event(
            &needle,
            amount.map(|a| -a),
            Unit::Day,
            "Baku launched its military operation",
        )]
    }))
}

#[test]
fn two_days_before_an_event_named_in_the_sentence() {
    let c = meeting_before("two days", Some(2));
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["meeting", "operation"]);
    assert_eq!(c.check.as_deref(), Some("event-relation"));
    assert_eq!(c.related.len(), 1);
    assert_eq!(
        c.related[0].span.len(),
        "Baku launched its military operation".len()
    );
    let c = meeting_before("three days", Some(3));
    verdict(&c, Verdict::Contradicted);
    assert!(c.message.contains("2 days before"), "{}", c.message);
    assert_eq!(
        c.expected.as_deref(),
        Some("2023-09-17: 2 days before the anti-terrorist operation (2023-09-19)")
    );
}

#[test]
fn a_vague_relation_holds_for_two_to_six_days_in_its_direction() {
    verdict(&meeting_before("days", None), Verdict::Supported);
    let text = "US, Russia, EU held secret meeting in Turkey days after Baku's attack";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![c.before_event("days after Baku's attack", None, Unit::Day, "Baku's attack")]
    }));
    verdict(&c, Verdict::Contradicted);
    let text = "The ceasefire agreement was brokered days before the military operation.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![c.before_event(
            "days before the military operation",
            None,
            Unit::Day,
            "the military operation",
        )]
    }));
    verdict(&c, Verdict::Contradicted);
}

#[test]
fn an_anchor_no_rule_knows_is_unverifiable() {
    let text = "A secret meeting was held two days before the elections.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![c.before_event(
            "two days before the elections",
            Some(-2),
            Unit::Day,
            "the elections",
        )]
    }));
    verdict(&c, Verdict::Unverifiable);
    assert!(c.message.contains("the elections"), "{}", c.message);
}

fn op_then(later: &str, amount: i32) -> FileReport {
    let text = format!(
        "Azerbaijan launched its anti-terrorist operation on September 19. Politico said so. The military operation was concluded just {later}."
    );
    run(Doc::new(&text, Some(DOC_DATE))
        .claim(
            "Azerbaijan launched its anti-terrorist operation on September 19",
            |c| vec![c.date("September 19", "2023-09-19")],
        )
        .attribution("Politico said so", |_| vec![])
        .claim(
            &format!("The military operation was concluded just {later}"),
            |c| vec![c.later(later, Some(amount), Unit::Day)],
        ))
}

#[test]
fn one_day_later_counts_from_the_previous_statement_event() {
    let r = op_then("one day later", 1);
    verdict(&r.claims[0], Verdict::Supported);
    let c = &r.claims[2];
    verdict(c, Verdict::Supported);
    assert_eq!(c.facts, vec!["ceasefire", "operation"]);
    assert_eq!(
        c.related[0].span, r.claims[0].span,
        "the anchor claim is related"
    );
    let r = op_then("two days later", 2);
    verdict(&r.claims[2], Verdict::Contradicted);
    assert!(
        r.claims[2].message.contains("1 day after"),
        "{}",
        r.claims[2].message
    );
}

#[test]
fn a_later_with_no_earlier_event_is_unverifiable() {
    let text = "The military operation was concluded one day later.";
    let c = only(
        Doc::new(text, Some(DOC_DATE))
            .claim(text, |c| vec![c.later("one day later", Some(1), Unit::Day)]),
    );
    verdict(&c, Verdict::Unverifiable);
}

#[test]
fn an_unresolved_demonstrative_is_unverifiable_and_named() {
    let text = "Following this declaration, the authorities agreed to disarm the following day.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![c.unresolved("the following day", "Following this declaration")]
    }));
    verdict(&c, Verdict::Unverifiable);
    assert!(
        c.message.contains("`Following this declaration`"),
        "{}",
        c.message
    );
    assert_eq!(c.check.as_deref(), Some("event-relation"));
}

// --- durations -----------------------------------------------------------------------------

fn war(words: &str, amount: f64, unit: Unit) -> CheckedClaim {
    let text = format!("The truce ended the {words} conflict between the two countries.");
    only(Doc::new(&text, Some(DOC_DATE)).claim(&text, |c| vec![c.dur(words, amount, unit)]))
}

#[test]
fn durations_round_to_the_nearest_unit() {
    let c = war("six-week", 6.0, Unit::Week);
    verdict(&c, Verdict::Supported);
    assert_eq!(
        c.expected.as_deref(),
        Some("44 days (6.3 weeks): 2020-09-27 to 2020-11-10")
    );
    assert_eq!(c.check.as_deref(), Some("duration"));
    verdict(&war("44-day", 44.0, Unit::Day), Verdict::Supported);
    // Counting both ends: 27 September to 10 November is 44 days apart, 45 days inclusive.
    verdict(&war("45-day", 45.0, Unit::Day), Verdict::Supported);
    verdict(&war("46-day", 46.0, Unit::Day), Verdict::Contradicted);
    verdict(&war("seven-week", 7.0, Unit::Week), Verdict::Contradicted);
    verdict(
        &war("one-and-a-half-month", 1.5, Unit::Month),
        Verdict::Supported,
    );
    let c = war("three-month", 3.0, Unit::Month);
    verdict(&c, Verdict::Contradicted);
    assert!(c.message.contains("1.4 months"), "{}", c.message);
}

#[test]
fn a_duration_of_an_event_without_an_end_is_unverifiable() {
    let text = "The nine-month blockade ended.";
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.dur("nine-month", 9.0, Unit::Month)]),
    );
    verdict(&c, Verdict::Unverifiable);
}

// --- offices -------------------------------------------------------------------------------

fn official(
    text: &str,
    name: &str,
    role: &str,
    org: Option<&str>,
    written: &str,
    doc: &str,
) -> CheckedClaim {
    only(Doc::new(text, Some(doc)).claim(text, |c| {
        vec![c.person(name, Some(role), org, Some(written))]
    }))
}

#[test]
fn a_role_held_at_the_document_date_is_supported() {
    let text = "The attending representatives were Washington's Senior Advisor for Caucasus Negotiations, Louis Bono.";
    let c = official(
        text,
        "Louis Bono",
        "Senior Advisor for Caucasus Negotiations",
        Some("Washington"),
        "Washington's Senior Advisor for Caucasus Negotiations",
        DOC_DATE,
    );
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["bono"]);
    assert_eq!(c.check.as_deref(), Some("office-role"));
    assert_eq!(
        c.found.as_deref(),
        Some("Washington's Senior Advisor for Caucasus Negotiations")
    );
    let text = "They were joined by EU's designated special representative for the South Caucasus, Toivo Klaar.";
    let c = official(
        text,
        "Toivo Klaar",
        "designated special representative for the South Caucasus",
        Some("EU"),
        "EU's designated special representative for the South Caucasus",
        DOC_DATE,
    );
    verdict(&c, Verdict::Supported);
    assert_eq!(
        c.sources,
        vec![
            "https://example.org/klaar",
            "https://example.org/klaar-role"
        ]
    );
    // The organisation written in front of the title, not split off by the grammar.
    let text =
        "They were joined by the EU Special Representative for the South Caucasus, Toivo Klaar.";
    let c = official(
        text,
        "Toivo Klaar",
        "EU Special Representative for the South Caucasus",
        None,
        "EU Special Representative for the South Caucasus",
        DOC_DATE,
    );
    verdict(&c, Verdict::Supported);
}

#[test]
fn a_role_held_at_another_time_is_contradicted_with_the_tenure() {
    let text =
        "They were joined by EU's special representative for the South Caucasus, Toivo Klaar.";
    let c = official(
        text,
        "Toivo Klaar",
        "special representative for the South Caucasus",
        Some("EU"),
        "EU's special representative for the South Caucasus",
        "2024-10-01",
    );
    verdict(&c, Verdict::Contradicted);
    assert!(
        c.message.contains("from 2017-11-13 to 2024-08-31"),
        "{}",
        c.message
    );
    assert!(
        c.message.contains("Magdalena Grono"),
        "the holder then: {}",
        c.message
    );
    assert_eq!(c.facts, vec!["klaar", "grono"]);
    let text =
        "They were joined by EU's special representative for the South Caucasus, Magdalena Grono.";
    let c = official(
        text,
        "Magdalena Grono",
        "special representative for the South Caucasus",
        Some("EU"),
        "EU's special representative for the South Caucasus",
        DOC_DATE,
    );
    verdict(&c, Verdict::Contradicted);
    assert!(c.message.contains("since 2024-09-01"), "{}", c.message);
}

#[test]
fn a_role_of_someone_else_is_contradicted_naming_the_holder() {
    let text =
        "They were joined by EU's special representative for the South Caucasus, Louis Bono.";
    let c = official(
        text,
        "Louis Bono",
        "special representative for the South Caucasus",
        Some("EU"),
        "EU's special representative for the South Caucasus",
        DOC_DATE,
    );
    verdict(&c, Verdict::Contradicted);
    assert!(c.message.contains("Toivo Klaar"), "{}", c.message);
    assert_eq!(c.facts, vec!["klaar", "bono"]);
}

#[test]
fn a_role_wording_the_rules_do_not_know_is_unverifiable() {
    let text = "According to Nazeli Baghdasaryan, the spokesperson for the Armenian cabinet.";
    let c = official(
        text,
        "Nazeli Baghdasaryan",
        "spokesperson for the Armenian cabinet",
        None,
        "the spokesperson for the Armenian cabinet",
        DOC_DATE,
    );
    verdict(&c, Verdict::Unverifiable);
    assert!(
        c.message.contains("no role of Nazeli Baghdasaryan worded"),
        "{}",
        c.message
    );
    assert_eq!(c.facts, vec!["baghdasaryan"]);
    // The right title with another organisation: the rules cannot say.
    let text =
        "They were joined by Russia's special representative for the South Caucasus, Toivo Klaar.";
    let c = official(
        text,
        "Toivo Klaar",
        "special representative for the South Caucasus",
        Some("Russia"),
        "Russia's special representative for the South Caucasus",
        DOC_DATE,
    );
    verdict(&c, Verdict::Unverifiable);
    // Someone no rule knows.
    let text = "They were joined by the special representative for the South Caucasus, Jane Doe.";
    let c = official(
        text,
        "Jane Doe",
        "special representative for the South Caucasus",
        None,
        "the special representative for the South Caucasus",
        DOC_DATE,
    );
    verdict(&c, Verdict::Unverifiable);
    // No document date.
    let text =
        "They were joined by EU's special representative for the South Caucasus, Toivo Klaar.";
    let c = only(Doc::new(text, None).claim(text, |c| {
        vec![c.person(
            "Toivo Klaar",
            Some("special representative for the South Caucasus"),
            Some("EU"),
            None,
        )]
    }));
    verdict(&c, Verdict::Unverifiable);
}

// --- counts --------------------------------------------------------------------------------

fn arrivals(phrase: &str, n: f64, q: Qualifier, doc: Option<&str>) -> CheckedClaim {
    let text = format!("{phrase} Nagorno-Karabakh residents have moved to Armenia.");
    only(Doc::new(&text, doc).claim(&text, |c| vec![c.qty(phrase, n, q)]))
}

#[test]
fn qualified_counts_against_the_latest_value() {
    use Qualifier::*;
    let cases: &[(&str, f64, Qualifier, Verdict)] = &[
        ("Over 100,000", 100_000.0, Over, Verdict::Supported),
        ("Over 101,000", 101_000.0, Over, Verdict::Contradicted),
        ("More than 100,000", 100_000.0, MoreThan, Verdict::Supported),
        ("At least 100,625", 100_625.0, AtLeast, Verdict::Supported),
        (
            "At least 100,626",
            100_626.0,
            AtLeast,
            Verdict::Contradicted,
        ),
        ("Nearly 101,000", 101_000.0, Nearly, Verdict::Supported),
        ("Nearly 100,000", 100_000.0, Nearly, Verdict::Contradicted),
        ("Almost 110,000", 110_000.0, Almost, Verdict::Contradicted),
        ("About 100,000", 100_000.0, About, Verdict::Supported),
        ("Around 96,000", 96_000.0, Around, Verdict::Supported),
        ("Around 110,000", 110_000.0, Around, Verdict::Contradicted),
        ("Up to 100,625", 100_625.0, UpTo, Verdict::Supported),
        ("Up to 100,000", 100_000.0, UpTo, Verdict::Contradicted),
        (
            "Fewer than 100,000",
            100_000.0,
            FewerThan,
            Verdict::Contradicted,
        ),
        (
            "Fewer than 110,000",
            110_000.0,
            FewerThan,
            Verdict::Supported,
        ),
        ("Exactly 100,625", 100_625.0, Exactly, Verdict::Supported),
        ("Exactly 100,000", 100_000.0, Exactly, Verdict::Contradicted),
        ("101,000", 101_000.0, Qualifier::None, Verdict::Supported),
        ("100,625", 100_625.0, Qualifier::None, Verdict::Supported),
        ("100,000", 100_000.0, Qualifier::None, Verdict::Contradicted),
        ("100,600", 100_600.0, Qualifier::None, Verdict::Supported),
        ("100,700", 100_700.0, Qualifier::None, Verdict::Contradicted),
    ];
    for &(phrase, n, q, v) in cases {
        let c = arrivals(phrase, n, q, Some(DOC_DATE));
        assert_eq!(c.verdict, v, "{phrase}: {}", c.message);
        assert_eq!(
            c.expected.as_deref(),
            Some("100,625 people as of 2023-10-03"),
            "{phrase}"
        );
        assert_eq!(c.check.as_deref(), Some("count"));
    }
    let c = arrivals("Over 100,000", 100_000.0, Over, Some(DOC_DATE));
    assert_eq!(
        c.sources,
        vec![
            "https://example.org/arrivals",
            "https://example.org/arrivals-1003"
        ]
    );
}

#[test]
fn a_count_is_true_only_as_of_its_date() {
    // Two values on 2023-09-29: the later one counts.
    let c = arrivals(
        "Over 100,000",
        100_000.0,
        Qualifier::Over,
        Some("2023-09-29"),
    );
    verdict(&c, Verdict::Contradicted);
    assert_eq!(
        c.expected.as_deref(),
        Some("97,735 people as of 2023-09-29")
    );
    let c = arrivals(
        "Over 100,000",
        100_000.0,
        Qualifier::Over,
        Some("2023-09-28"),
    );
    verdict(&c, Verdict::Unverifiable);
    assert!(
        c.message.contains("the first is as of 2023-09-29"),
        "{}",
        c.message
    );
    verdict(
        &arrivals("Over 100,000", 100_000.0, Qualifier::Over, None),
        Verdict::Unverifiable,
    );
}

#[test]
fn since_a_date_is_checked_against_the_start_of_a_count() {
    let text = "Over 100,000 residents have moved to Armenia since September 24.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![
            c.qty("Over 100,000", 100_000.0, Qualifier::Over),
            c.since("since September 24", "2023-09-24"),
        ]
    }));
    verdict(&c, Verdict::Supported);
    assert_eq!(c.facts, vec!["arrivals"]);
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![
            c.qty("Over 100,000", 100_000.0, Qualifier::Over),
            c.since("since September 24", "2023-09-19"),
        ]
    }));
    verdict(&c, Verdict::Contradicted);
    assert_eq!(c.check.as_deref(), Some("count-since"));
}

// --- the verdict as a whole ----------------------------------------------------------------

#[test]
fn a_claim_no_rule_speaks_to_is_unverifiable() {
    let text = "The weather was fine on 2023-09-17.";
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.date("2023-09-17", "2023-09-17")]),
    );
    verdict(&c, Verdict::Unverifiable);
    // The date is an assertion of its own, and the message says why it is unchecked.
    assert_eq!(c.message, "no rule knows the event that `2023-09-17` dates");
    assert_eq!(c.assertions.len(), 1);
    assert!(c.facts.is_empty() && c.check.is_none());
    let text = "Parties tried to lift the blockade.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |_| vec![]));
    verdict(&c, Verdict::Unverifiable);
    assert!(c.message.contains("`blockade`"), "{}", c.message);
}

#[test]
fn claim_fields_come_from_the_claim() {
    let text = "Over 100,000 residents have moved to Armenia, according to officials.";
    let r = run(Doc::new(text, Some(DOC_DATE)).attributed(
        "Over 100,000 residents have moved to Armenia",
        "according to officials",
        |c| vec![c.qty("Over 100,000", 100_000.0, Qualifier::Over)],
    ));
    let c = &r.claims[0];
    assert_eq!(c.attribution.as_deref(), Some("according to officials"));
    assert_eq!(c.sentence, 0);
    assert_eq!(c.focus.map(|f| &text[f.range()]), Some("Over 100,000"));
    assert_eq!(c.found.as_deref(), Some("Over 100,000"));
    assert_eq!(r.path, "draft.txt");
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some(DOC_DATE));
    assert_eq!(r.source, text);
}

#[test]
fn the_index_matches_case_insensitively_on_word_boundaries_across_quotes() {
    let text = "Azerbaijan launched an \u{201c}ANTI-TERRORIST\u{201d} operation on September 19.";
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.date("September 19", "2023-09-19")]),
    );
    verdict(&c, Verdict::Supported);
    let text = "The Bonobo blockaders met on September 17.";
    let c = only(
        Doc::new(text, Some(DOC_DATE)).claim(text, |c| vec![c.date("September 17", "2023-09-17")]),
    );
    assert_eq!(
        c.message,
        "no rule knows the event that `September 17` dates"
    );
}

#[test]
fn grammar_diagnostics_become_warnings() {
    let text = "A claim.";
    let d = Doc::new(text, None).claim(text, |_| vec![]);
    let mut doc = d.build();
    doc.diagnostics.push(factcheck_claims::Diagnostic {
        message: "front matter `date:` is not a date".into(),
        span: factcheck_model::LineIndex::new(text).span(2, 7),
    });
    let r = check_document(&base(), &doc, "d.md", text);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].level, factcheck_model::Level::Warning);
    assert_eq!(
        (r.diagnostics[0].line, r.diagnostics[0].column),
        (Some(1), Some(3))
    );
    assert!(!r.has_errors());
}

#[test]
fn output_is_identical_on_one_and_two_threads() {
    let mut text = String::new();
    for i in 0..200 {
        text.push_str(&format!(
            "Over {i}00,000 residents have moved to Armenia since September 24. "
        ));
        text.push_str("The officials met in Istanbul on September 17. ");
    }
    let mut d = Doc::new(&text, Some(DOC_DATE));
    for i in 0..200 {
        let phrase = format!("Over {i}00,000");
        let n = f64::from(i) * 100_000.0;
        d = d
            .claim(
                &format!("{phrase} residents have moved to Armenia since September 24"),
                |c| {
                    vec![
                        c.qty(&phrase, n, Qualifier::Over),
                        c.since("since September 24", "2023-09-24"),
                    ]
                },
            )
            .claim("The officials met in Istanbul on September 17", |c| {
                vec![c.date("September 17", "2023-09-17")]
            });
    }
    let doc = d.build();
    let base = base();
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            serde_json::to_string(&check_document(&base, &doc, "d.txt", &text)).unwrap()
        })
    };
    let one = on(1);
    assert_eq!(one, on(2));
    assert_eq!(one, on(4));
    let report: FileReport = serde_json::from_str(&one).unwrap();
    assert_eq!(report.claims.len(), 400);
    assert!(
        report
            .claims
            .windows(2)
            .all(|w| w[0].span.start < w[1].span.start)
    );
}

// --- pairing: what a mention is compared with ----------------------------------------------

#[test]
fn a_weekday_written_with_a_date_is_that_dates_weekday() {
    // The grammar reads "Sunday" relative to the document date too; the full date decides.
    let text = "The officials met in Istanbul on Sunday, September 17, 2023.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![
            c.weekday(
                "Sunday",
                Some("2023-10-01"),
                Weekday::Sunday,
                Some(date(DOC_DATE)),
            ),
            c.date("September 17, 2023", "2023-09-17"),
        ]
    }));
    verdict(&c, Verdict::Supported);
    assert_eq!(c.found.as_deref(), Some("September 17, 2023 (2023-09-17)"));
}

#[test]
fn each_fact_pairs_with_its_nearest_date_only() {
    // "the offensive began" is no rule's phrase: September 19 must not be read as the meeting's.
    let text = "The officials met in Istanbul on September 17, two days before the offensive began on September 19.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![
            c.date("September 17", "2023-09-17"),
            c.date("September 19", "2023-09-19"),
        ]
    }));
    // The meeting's date holds; September 19 dates what no rule knows: partly checked, never ✓.
    verdict(&c, Verdict::Unverifiable);
    assert!(c.partly_checked);
    let held: Vec<_> = c.assertions_with(Verdict::Supported).collect();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].expected.as_deref(), Some("2023-09-17"));
}

#[test]
fn one_day_later_does_not_count_from_past_a_dated_claim_no_rule_knows() {
    let text = "The officials met in Istanbul on September 17. The offensive began on September 19. The military operation was concluded one day later.";
    let r = run(Doc::new(text, Some(DOC_DATE))
        .claim("The officials met in Istanbul on September 17", |c| {
            vec![c.date("September 17", "2023-09-17")]
        })
        .claim("The offensive began on September 19", |c| {
            vec![c.date("September 19", "2023-09-19")]
        })
        .claim("The military operation was concluded one day later", |c| {
            vec![c.later("one day later", Some(1), Unit::Day)]
        }));
    verdict(&r.claims[2], Verdict::Unverifiable);
    assert!(
        r.claims[2].message.contains("dates an event no rule knows"),
        "{}",
        r.claims[2].message
    );
}

#[test]
fn an_earlier_figure_and_a_percentage_are_not_contradicted() {
    let text = "Arrivals that had moved to Armenia rose from 84,770 to 97,735, a 15% increase.";
    let c = only(Doc::new(text, Some(DOC_DATE)).claim(text, |c| {
        vec![
            c.qty("84,770", 84_770.0, Qualifier::None),
            c.qty("97,735", 97_735.0, Qualifier::None),
            c.qty("15%", 15.0, Qualifier::None),
        ]
    }));
    verdict(&c, Verdict::Unverifiable);
    assert!(c.message.contains("as of 2023-09-29"), "{}", c.message);
    // A bare figure that never was the count is still contradicted.
    let c = arrivals("90,000", 90_000.0, Qualifier::None, Some(DOC_DATE));
    verdict(&c, Verdict::Contradicted);
}
