//! Throughput of the built-in checks over parsed drafts.
//!
//! The corpus is built here, not read from disk: the seed drafts, and generated news articles
//! of about 5 KB each (most sentences plain news text, some with the dates, weekdays,
//! percentages, changes, lists and repeated events the checks read), each parsed once into its
//! own `Document`. Only `factcheck_lints::check` is timed.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factcheck_claims::{Document, Format, Options, parse};

const SEEDS: &[&str] = &[
    include_str!("../../../seeds/010_wrong_dates.md"),
    include_str!("../../../seeds/012_wrong_roles.md"),
    include_str!("../../../seeds/013_ended_tenure.md"),
    include_str!("../../../seeds/015_true_rewording.md"),
    include_str!("../../../seeds/lint_false.md"),
    include_str!("../../../seeds/lint_true.md"),
];

const PLACES: &[&str] = &[
    "Istanbul", "Brussels", "Geneva", "Vienna", "Baku", "Yerevan", "Tbilisi", "Ankara",
];
const EVENTS: &[&str] = &[
    "offensive",
    "summit",
    "strike",
    "conference",
    "blockade",
    "talks",
];
const MONTHS: &[&str] = &[
    "January",
    "March",
    "May",
    "June",
    "September",
    "November",
    "Sept.",
    "Oct.",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const NOUNS: &[&str] = &["residents", "refugees", "soldiers", "families", "buses"];

fn pick<'a>(list: &[&'a str], k: usize) -> &'a str {
    list[k % list.len()]
}

fn sentence(k: usize) -> String {
    let place = pick(PLACES, k);
    let event = pick(EVENTS, k / 3);
    let month = pick(MONTHS, k / 5);
    let weekday = pick(WEEKDAYS, k / 7);
    let noun = pick(NOUNS, k / 11);
    let day = 1 + k % 31;
    let year = 2015 + k % 9;
    let n = 1000 + (k * 7919) % 200_000;
    let (a, b) = (20 + k % 80, 30 + (k * 13) % 90);
    match k % 40 {
        0 => format!("On {weekday}, {month} {day}, {year}, the officials met again in {place}. "),
        1 => format!("The {place} {event} began on {month} {day}, officials said. "),
        2 => format!(
            "The envoys met on {month} {day}, {} days before the {event} began on {month} {}. ",
            1 + k % 4,
            (day + 2).min(28)
        ),
        3 => format!(
            "Arrivals rose from {a} to {b}, a {}% increase. ",
            5 + k % 40
        ),
        4 => format!("In that time the number of checkpoints doubled from {a} to {b}.\n"),
        5 => format!(
            "Of the {} victims, {} were men and {} women. ",
            a + b,
            a,
            b / 2
        ),
        6 => format!("Over {n} {noun} have moved to {place}, the government said. "),
        7 => format!(
            "The war, which began on {day} {month} {year} and ended on 10 November {year}, lasted three months. "
        ),
        8 => format!(
            "Two days later, on {month} {}, the authorities agreed to disarm.\n",
            (day + 2).min(28)
        ),
        9 => format!("{weekday}'s meeting in {place} on {day} {month} was postponed. "),
        10 => format!(
            "Unemployment fell from {}.{}% to {}.{}%, down {} percentage points. ",
            a % 10,
            k % 10,
            b % 10,
            (k / 3) % 10,
            k % 5
        ),
        11 => format!("{place} said the {event} was held in {month} {year} without incident.\n"),
        12 | 16 | 20 | 30 => format!(
            "Residents said the streets of {place} were quiet in the evening, and shops closed early. "
        ),
        13 | 17 | 31 => {
            "Critics argued that the plan lacked detail, while supporters praised its ambition. "
                .to_string()
        }
        14 | 21 | 32 => format!(
            "Local reporters described long queues outside the offices of the agency in {place}. "
        ),
        15 => format!(
            "Prime Minister Anna Keller said on {weekday} that about {n} people, or 40% of the population, had fled. "
        ),
        18 | 33 => {
            "The committee will publish its findings after a review by independent experts.\n"
                .to_string()
        }
        19 | 34 => format!(
            "Analysts expect the debate to continue into the next session of parliament in {place}. "
        ),
        22 => format!(
            "Last month the {place} {event} drew criticism, and {} days later a review was announced. ",
            2 + k % 5
        ),
        23 | 35 => {
            format!("The {place} {event} took place on {month} {day}, {year}, officials said. ")
        }
        24 | 36 => {
            format!("{place}'s Special Envoy, Anna Keller, spoke to reporters on {weekday}. ")
        }
        25 | 37 => format!(
            "More than {n} {noun} in {place} have been registered, according to the agency.\n"
        ),
        26 => format!(
            "The ministry said {} percent of the {noun} had returned by {month}. ",
            k % 60
        ),
        27 | 38 => format!(
            "The minister, who arrived in {place} on {weekday}, declined to comment on the {event}. "
        ),
        _ => format!(
            "Officials met in {place} two days before the vote, and nearly {} families were evacuated at 5 a.m. yesterday. ",
            10 + k % 90
        ),
    }
}

/// An article of about `bytes` bytes, with front matter (a document date) on most of them.
fn article(seed: usize, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 512);
    if !seed.is_multiple_of(4) {
        s.push_str(&format!(
            "---\ndate: 20{:02}-{:02}-{:02}\n---\n",
            15 + seed % 9,
            1 + seed % 12,
            1 + seed % 28
        ));
    }
    s.push_str(&format!("# Report {seed}\n\n"));
    let mut k = seed * 7;
    let mut n = 0usize;
    while s.len() < bytes {
        s.push_str(&sentence(k));
        // Sentences in a varied order, so that patterns meet different neighbours.
        k = k.wrapping_mul(31).wrapping_add(17) % 100_003;
        n += 1;
        if n.is_multiple_of(5) {
            s.push_str("\n\n");
        }
    }
    s
}

/// CPU time of this thread (Linux: `/proc/thread-self/schedstat`, in nanoseconds), so that the
/// figure is per core even when other processes share the machine. `None` elsewhere.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn run(docs: &[Document]) -> usize {
    docs.iter()
        .map(|d| factcheck_lints::check(black_box(d)).len())
        .sum()
}

fn lints(c: &mut Criterion) {
    let mut texts: Vec<String> = Vec::new();
    for round in 0..8 {
        texts.extend(SEEDS.iter().map(|s| s.to_string()));
        for a in 0..50 {
            texts.push(article(round * 50 + a, 5 * 1024));
        }
    }
    let options = Options {
        format: Format::Markdown,
        date: None,
    };
    let docs: Vec<Document> = texts.iter().map(|t| parse(t, &options)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let claims: usize = docs.iter().map(|d| d.claims.len()).sum();
    let findings = run(&docs);
    assert!(findings > 100, "the corpus should exercise the checks");
    println!(
        "corpus: {} documents, {bytes} bytes, {claims} claims, {findings} findings",
        docs.len()
    );
    let mut group = c.benchmark_group("lints");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("check_2MiB", |b| b.iter(|| run(black_box(&docs))));
    if thread_cpu_time().is_some() {
        group.bench_function("check_2MiB_cpu_time", |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu_time().unwrap_or_default();
                for _ in 0..iters {
                    black_box(run(black_box(&docs)));
                }
                thread_cpu_time().unwrap_or_default().saturating_sub(start)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, lints);
criterion_main!(benches);
