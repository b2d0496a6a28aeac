//! Loading 100,000 synthetic facts (YAML parse + validation + index) and checking a few KB.
//!
//! The facts are generated deterministically in the rule-file format, in memory, split across
//! 16 files (files parse in parallel). Run with `cargo bench -p factcheck-rules`; the phase
//! timings of one load are printed first.

#[path = "../../engine/tests/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use factcheck_claims::{Qualifier, Unit};
use support::{Doc, date};

const FACTS: usize = 100_000;
const FILES: usize = 16;

/// A pronounceable word from a number (distinct numbers give distinct words).
fn word(mut n: usize) -> String {
    const SYL: [&str; 20] = [
        "ka", "lo", "mi", "ra", "sen", "tu", "vo", "bar", "del", "fi", "gor", "ha", "jin", "ke",
        "lun", "mar", "nor", "pe", "qui", "zan",
    ];
    let mut s = String::new();
    loop {
        s.push_str(SYL[n % SYL.len()]);
        n /= SYL.len();
        if n == 0 {
            break;
        }
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn day(i: usize) -> String {
    format!("{}-{:02}-{:02}", 2000 + i % 24, 1 + i % 12, 1 + i % 28)
}

/// `FACTS` facts: 40% events, 40% offices, 20% counts.
fn rule_files() -> Vec<(PathBuf, String)> {
    let mut files = vec![String::new(); FILES];
    let mut parts: Vec<[String; 3]> = vec![Default::default(); FILES];
    for i in 0..FACTS {
        let w = word(i + 1000);
        let f = i % FILES;
        match i % 5 {
            0 | 1 => writeln!(
                parts[f][0],
                "  - id: ev-{i}\n    name: {w} summit\n    cues: [{w} accord, talks in {w}]\n    date: {}\n    source: https://example.org/ev/{i}",
                day(i)
            ),
            2 | 3 => writeln!(
                parts[f][1],
                "  - id: of-{i}\n    person: Ana {w}\n    aliases: [{w}]\n    source: https://example.org/of/{i}\n    roles:\n      - title: Minister of Foreign Affairs of {w}ia\n        organisation: {w}ia\n        organisation_aliases: [{w}ian]\n        from: {}",
                day(i)
            ),
            _ => writeln!(
                parts[f][2],
                "  - id: co-{i}\n    name: refugees from {w}\n    cues: [fled {w}]\n    unit: people\n    source: https://example.org/co/{i}\n    series:\n      - {{ as_of: {}, value: {} }}\n      - {{ as_of: {}, value: {} }}",
                day(i),
                1000 + i,
                day(i + 1).replacen("20", "21", 1),
                2000 + i
            ),
        }
        .expect("write to a String");
    }
    for (f, [ev, of, co]) in parts.into_iter().enumerate() {
        files[f] = format!("events:\n{ev}offices:\n{of}counts:\n{co}");
    }
    files
        .into_iter()
        .enumerate()
        .map(|(i, t)| (PathBuf::from(format!("r{i:02}.yaml")), t))
        .collect()
}

/// A draft of a few KB whose claims name synthetic facts, with the mentions a grammar gives.
fn draft() -> (String, factcheck_claims::Document) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    for k in 0..30 {
        let i = k * 5 * 97;
        let (ev, of, co) = (word(i + 1000), word(i + 2 + 1000), word(i + 4 + 1000));
        let s = [
            format!("The {ev} accord was signed on {}.", day(i)),
            format!("Ana {of}, {of}ia's Minister of Foreign Affairs of {of}ia, spoke on Tuesday."),
            format!(
                "Over {} people fled {co} since the war, officials said.",
                1000 + i
            ),
        ];
        for s in s {
            text.push_str(&s);
            text.push(' ');
            sentences.push(s);
        }
    }
    let mut d = Doc::new(&text, Some("2024-06-01"));
    for (n, s) in sentences.iter().enumerate() {
        let k = n / 3;
        let i = k * 5 * 97;
        let claim = s.trim_end_matches('.');
        d = match n % 3 {
            0 => d.claim(claim, |c| vec![c.date(&day(i), &day(i))]),
            1 => {
                let of = word(i + 2 + 1000);
                let name = format!("Ana {of}");
                let role = format!("Minister of Foreign Affairs of {of}ia");
                let written = format!("{of}ia's {role}");
                let org = format!("{of}ia");
                d.claim(claim, move |c| {
                    vec![
                        c.person(&name, Some(&role), Some(&org), Some(&written)),
                        c.weekday(
                            "Tuesday",
                            Some("2024-05-28"),
                            factcheck_model::Weekday::Tuesday,
                            Some(date("2024-06-01")),
                        ),
                    ]
                })
            }
            _ => {
                let phrase = format!("Over {}", 1000 + i);
                d.claim(claim, move |c| {
                    vec![c.qty(&phrase, (1000 + i) as f64, Qualifier::Over)]
                })
            }
        };
    }
    let _ = Unit::Day;
    (text, d.build())
}

fn bench(c: &mut Criterion) {
    let files = rule_files();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let cpu = cpu_seconds();
    let (base, t) = factcheck_rules::load_sources_timed(files.clone(), None);
    let cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    let base = base.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(base.len(), FACTS);
    println!(
        "{FACTS} facts, {:.1} MB of YAML in {FILES} files: total {:?} = parse {:?}, then validate {:?} alongside index {:?}",
        bytes as f64 / 1e6,
        t.total,
        t.parse,
        t.validate,
        t.index
    );
    if let Some(cpu) = cpu {
        println!("CPU time of that load (all threads): {cpu:.2} s");
    }

    let mut g = c.benchmark_group("load");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("load_sources_100k", |b| {
        b.iter_batched(
            || files.clone(),
            // The base is returned so that dropping it is not timed.
            |f| factcheck_rules::load_sources(black_box(f)),
            criterion::BatchSize::PerIteration,
        )
    });
    // The same files again, every one read back from a warm parse cache.
    let cache = Memory::default();
    factcheck_rules::load_sources_cached(files.clone(), &cache).unwrap_or_else(|e| panic!("{e}"));
    g.bench_function("load_sources_cached_100k", |b| {
        b.iter_batched(
            || files.clone(),
            |f| factcheck_rules::load_sources_cached(black_box(f), &cache),
            criterion::BatchSize::PerIteration,
        )
    });
    g.finish();

    let (text, doc) = draft();
    let report = factcheck_engine::check_document(&base, &doc, "draft.txt", &text);
    // Every claim reaches its fact and holds: supported, or partly checked where it also
    // dates what no fact knows ("spoke on Tuesday").
    assert!(
        report
            .claims
            .iter()
            .all(|c| c.verdict == factcheck_model::Verdict::Supported
                || (c.partly_checked
                    && c.assertions
                        .iter()
                        .all(|a| a.verdict != factcheck_model::Verdict::Contradicted))),
        "{report:#?}"
    );
    let mut g = c.benchmark_group("check");
    g.throughput(criterion::Throughput::Bytes(text.len() as u64));
    g.bench_function("check_document_draft", |b| {
        b.iter(|| {
            factcheck_engine::check_document(&base, black_box(&doc), "draft.txt", &text)
                .claims
                .len()
        })
    });
    g.finish();
}

/// A parse cache in memory.
#[derive(Default)]
struct Memory(std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>);

impl factcheck_rules::ParseCache for Memory {
    fn get(&self, key: &str) -> Option<Vec<u8>> {
        self.0.lock().ok()?.get(key).cloned()
    }
    fn put(&self, key: &str, bytes: &[u8]) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(key.to_string(), bytes.to_vec());
        }
    }
}

/// User + system CPU time of this process so far (Linux), to compare runs on a busy machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

criterion_group!(benches, bench);
criterion_main!(benches);
