//! Throughput of the whole grammar (sentences + claims + mentions) on news-like text.
//!
//! The corpus is built here, not read from disk: realistic sentences with varied names, numbers,
//! dates, attributions and enumerations, repeated with variations to a few megabytes.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factcheck_claims::{Format, Options, parse};

const PLACES: &[&str] = &[
    "Istanbul", "Brussels", "Geneva", "Vienna", "Baku", "Yerevan", "Tbilisi", "Ankara",
];
const ORGS: &[&str] = &[
    "Washington",
    "the EU",
    "Moscow",
    "Paris",
    "Berlin",
    "the UN",
    "Ankara",
];
const PEOPLE: &[&str] = &[
    "Louis Bono",
    "Toivo Klaar",
    "Igor Khovaev",
    "Anna Keller",
    "Jonas E. Smith",
    "Maria Lopez",
];
const MONTHS: &[&str] = &[
    "January",
    "March",
    "May",
    "September",
    "November",
    "Sept.",
    "Oct.",
];
const SOURCES: &[&str] = &[
    "Politico",
    "Reuters",
    "the ministry",
    "the report",
    "officials",
];
const NOUNS: &[&str] = &[
    "residents",
    "refugees",
    "soldiers",
    "protesters",
    "families",
    "buses",
];

fn pick<'a>(list: &[&'a str], k: usize) -> &'a str {
    list[k % list.len()]
}

fn sentence(k: usize) -> String {
    let place = pick(PLACES, k);
    let org = pick(ORGS, k / 3);
    let person = pick(PEOPLE, k / 2);
    let month = pick(MONTHS, k / 5);
    let day = 1 + k % 28;
    let year = 2015 + k % 9;
    let source = pick(SOURCES, k / 7);
    let noun = pick(NOUNS, k / 11);
    let n = 1000 + (k * 7919) % 200_000;
    match k % 12 {
        0 => format!(
            "A meeting was held in {place} on {month} {day} to discuss a possible settlement, {source} said in a report published on Wednesday citing officials informed on the matter. "
        ),
        1 => format!(
            "Over {n} {noun} have moved to {place} since {month} {day}, according to information provided by {person}, the spokesperson for the cabinet. "
        ),
        2 => format!(
            "The attending representatives were {org}'s special envoy for the region, {person}, and the U.S. Senior Advisor for Negotiations, Anna Keller.\n"
        ),
        3 => format!(
            "The ceasefire agreement was brokered in {month} {year}, ending the six-week conflict between the two countries, and the troops were withdrawn a day later. "
        ),
        4 => format!(
            "However, {place} announced last month the launching of an \"anti-terrorist\" operation to take control of the region and remove the authorities. "
        ),
        5 => format!(
            "The operation was concluded just one day later with {place} announcing that it was able to reclaim its \"sovereign territories.\"\n"
        ),
        6 => format!(
            "Prime Minister {person} said on Tuesday that about {n} people, or 40% of the population, had fled the 44-day war. "
        ),
        7 => format!(
            "Following this declaration, the authorities agreed to disarm and relinquish all their weaponry to {place} the following day.\n"
        ),
        8 => format!("Read more: {place} files a lawsuit against {org} with ICJ\n"),
        9 => format!(
            "Dr. Smith of Acme Inc. paid ${}.{}bn for the 17th-century estate near {place} in {year}. ",
            1 + k % 9,
            k % 10
        ),
        10 => format!(
            "Officials met in {place} two days before the vote, the report added, and nearly {} families were evacuated at 5 a.m. yesterday. ",
            10 + k % 90
        ),
        _ => format!("{place} held talks with {org} days before the nine-month blockade began\n"),
    }
}

fn corpus(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 512);
    let mut k = 0;
    while s.len() < bytes {
        s.push_str(&sentence(k));
        k += 1;
        if k % 9 == 0 {
            s.push('\n');
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

fn grammar(c: &mut Criterion) {
    let text = corpus(4 << 20);
    let options = Options {
        format: Format::Plain,
        date: Some(jiff::civil::date(2023, 10, 5)),
    };
    let doc = parse(&text, &options);
    assert!(doc.claims.len() > 10_000);
    let mentions: usize = doc.claims.iter().map(|c| c.mentions.len()).sum();
    println!(
        "corpus: {} bytes, {} sentences, {} claims, {mentions} mentions",
        text.len(),
        doc.sentences.len(),
        doc.claims.len()
    );
    let mut group = c.benchmark_group("grammar");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("news_4MiB", |b| {
        b.iter(|| parse(black_box(&text), black_box(&options)))
    });
    // The same, timed in CPU time of the benchmark thread (the per-core figure); the drop of
    // each result is timed too (`_cpu_time`) or not (`_cpu_time_parse_only`).
    if thread_cpu_time().is_some() {
        group.bench_function("news_4MiB_cpu_time", |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu_time().unwrap_or_default();
                for _ in 0..iters {
                    black_box(parse(black_box(&text), black_box(&options)));
                }
                thread_cpu_time().unwrap_or_default().saturating_sub(start)
            })
        });
        group.bench_function("news_4MiB_cpu_time_parse_only", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = thread_cpu_time().unwrap_or_default();
                    let doc = parse(black_box(&text), black_box(&options));
                    total += thread_cpu_time().unwrap_or_default().saturating_sub(start);
                    drop(black_box(doc));
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, grammar);
criterion_main!(benches);
