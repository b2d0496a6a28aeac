//! `cargo xtask bench`: the archive-scale benchmark.
//!
//! 1. Generates, deterministically from `--seed`, a fact base of `--facts` facts (events, officials
//!    with roles and tenures, count series, with aliases) in the rule-file format, and a news-like
//!    corpus of `--mb` megabytes of articles whose sentences mention those facts with dates,
//!    counts, roles and relative dates — some true, some false — plus prose that mentions
//!    nothing. Both go under `target/bench/`.
//! 2. Runs the release binary over the corpus (`--format jsonl` to a file) with 1 and 2 threads
//!    and reports MB/s, claims/s, peak RSS and the verdict counts; times loading the rules alone,
//!    cold (YAML parsed) and warm (the parse cache, kept in `target/bench/cache`); times one 5 KB
//!    draft against the shipped rules, process start included.
//! 3. If `rg` is on PATH, times `rg -F -c -f <every alias>` (case-sensitive) over the same corpus: the floor a
//!    checker cannot beat by much.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

struct Params {
    facts: usize,
    mb: usize,
    seed: u64,
    skip_generate: bool,
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let mut p = Params {
        facts: 100_000,
        mb: 50,
        seed: 42,
        skip_generate: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = |name: &str| -> Result<u64> {
            it.next()
                .with_context(|| format!("{name} needs a value"))?
                .parse()
                .with_context(|| format!("{name} needs a whole number"))
        };
        match a.as_str() {
            "--facts" => p.facts = num("--facts")? as usize,
            "--mb" => p.mb = num("--mb")? as usize,
            "--seed" => p.seed = num("--seed")?,
            "--reuse" => p.skip_generate = true,
            other => bail!("unknown option {other}; options: --facts N --mb N --seed N --reuse"),
        }
    }
    let dir = root.join("target").join("bench");
    let rules = dir.join("rules");
    let corpus = dir.join("corpus");
    let aliases = dir.join("aliases.txt");
    if !p.skip_generate {
        let t = Instant::now();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&rules)?;
        std::fs::create_dir_all(&corpus)?;
        let world = World::new(p.facts, p.seed);
        world.write_rules(&rules)?;
        world.write_aliases(&aliases)?;
        world.write_corpus(&corpus, p.mb * 1_000_000, p.seed)?;
        eprintln!(
            "xtask: generated {} facts and {} MB in {:.1?}",
            p.facts,
            p.mb,
            t.elapsed()
        );
    }
    crate::run(crate::cargo().args(["build", "--release", "-p", "factcheck"]))?;
    let bin = root.join("target").join("release").join("factcheck");
    let corpus_bytes = dir_size(&corpus)?;
    let mb = corpus_bytes as f64 / 1e6;

    // Loading and indexing alone: one empty draft. Cold: the parse cache emptied first (every
    // rule file parsed, and stored); warm: every rule file read back from it. The corpus runs
    // below find the cache warm, as a second run on a machine would.
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "")?;
    let cache = dir.join("cache");
    let load_once = || {
        measure(
            Command::new(&bin)
                .args(["check", "--fail-on", "never", "--format", "jsonl"])
                .arg("--rules")
                .arg(&rules)
                .arg(&empty)
                .env("FACTCHECK_CACHE_DIR", &cache),
        )
    };
    let cold = best_of(3, || {
        if cache.exists() {
            std::fs::remove_dir_all(&cache)?;
        }
        load_once()
    })?;
    let load = best_of(3, load_once)?;

    let mut rows = Vec::new();
    let mut per_thread = Vec::new();
    for threads in [1, 2] {
        let out = dir.join(format!("out-{threads}.jsonl"));
        let m = measure(
            Command::new(&bin)
                .args([
                    "check",
                    "--fail-on",
                    "never",
                    "--format",
                    "jsonl",
                    "--no-progress",
                ])
                .arg("--rules")
                .arg(&rules)
                .arg("--output")
                .arg(&out)
                .arg(&corpus)
                .env("RAYON_NUM_THREADS", threads.to_string())
                .env("FACTCHECK_CACHE_DIR", &cache),
        )?;
        let counts = verdict_counts(&out)?;
        per_thread.push(m.wall);
        rows.push((threads, m, counts));
    }

    let rg = if Command::new("rg").arg("--version").output().is_ok() {
        Some(best_of(2, || {
            measure(
                Command::new("rg")
                    // Case-sensitive: with -i and this many patterns rg leaves its literal
                    // engine and takes minutes. The size limits let it compile 100,000s of names.
                    .args([
                        "-F",
                        "-c",
                        "--regex-size-limit",
                        "2G",
                        "--dfa-size-limit",
                        "2G",
                        "-f",
                    ])
                    .arg(&aliases)
                    .arg(&corpus),
            )
        })?)
    } else {
        None
    };

    // One 5 KB draft against the shipped rules, process start included.
    let draft = dir.join("draft-5k.txt");
    std::fs::write(&draft, five_kb_draft(root)?)?;
    let mut singles: Vec<Duration> = (0..21)
        .map(|_| {
            measure(
                Command::new(&bin)
                    .args(["check", "--fail-on", "never", "--format", "json"])
                    .arg("--rules")
                    .arg(root.join("rules"))
                    .arg(&draft),
            )
            .map(|m| m.wall)
        })
        .collect::<Result<_>>()?;
    singles.sort();

    let mut report = String::new();
    writeln!(
        report,
        "factcheck bench: {} facts, {:.1} MB corpus, {} cores",
        p.facts,
        mb,
        num_cpus()
    )?;
    writeln!(
        report,
        "load + index rules (empty draft, process included): cold {:.3} s (YAML parsed), warm {:.3} s (parse cache), peak RSS {} MB",
        cold.wall.as_secs_f64(),
        load.wall.as_secs_f64(),
        load.max_rss_kb / 1024
    )?;
    for (threads, m, c) in &rows {
        let secs = m.wall.as_secs_f64();
        writeln!(
            report,
            "{threads} thread(s): {secs:.2} s, {:.1} MB/s, {:.0} claims/s, peak RSS {} MB; claims {} = {} supported, {} contradicted, {} unverifiable",
            mb / secs,
            c.claims as f64 / secs,
            m.max_rss_kb / 1024,
            c.claims,
            c.supported,
            c.contradicted,
            c.unverifiable
        )?;
    }
    writeln!(
        report,
        "speed-up 1 -> 2 threads: {:.2}x",
        per_thread[0].as_secs_f64() / per_thread[1].as_secs_f64()
    )?;
    match &rg {
        Some(m) => writeln!(
            report,
            "rg -F -c -f <aliases>: {:.2} s ({:.1} MB/s); factcheck (2 threads) / rg = {:.2}",
            m.wall.as_secs_f64(),
            mb / m.wall.as_secs_f64(),
            per_thread[1].as_secs_f64() / m.wall.as_secs_f64()
        )?,
        None => writeln!(
            report,
            "rg not on PATH: no floor measured (apt-get install ripgrep)"
        )?,
    }
    writeln!(
        report,
        "one 5 KB draft, shipped rules, process start included: median {:.1} ms, min {:.1} ms (21 runs)",
        singles[singles.len() / 2].as_secs_f64() * 1e3,
        singles[0].as_secs_f64() * 1e3
    )?;
    print!("{report}");
    std::fs::write(dir.join("report.txt"), &report)?;
    Ok(())
}

fn num_cpus() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

struct Measured {
    wall: Duration,
    max_rss_kb: u64,
}

/// Runs a command to completion, with its wall time and peak resident set size (from `wait4`).
fn measure(cmd: &mut Command) -> Result<Measured> {
    cmd.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let start = Instant::now();
    let child = cmd
        .spawn()
        .with_context(|| format!("cannot start {cmd:?}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: plain FFI call with valid pointers; rusage is zero-initialised POD.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if rc < 0 {
        bail!("wait4 failed for {cmd:?}");
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // rg -c exits 1 when nothing matched; factcheck --fail-on never exits 0.
    if code != 0 && code != 1 {
        bail!("{cmd:?} exited with {code}");
    }
    drop(child);
    Ok(Measured {
        wall,
        max_rss_kb: usage.ru_maxrss as u64,
    })
}

fn best_of(n: usize, mut f: impl FnMut() -> Result<Measured>) -> Result<Measured> {
    let mut best: Option<Measured> = None;
    for _ in 0..n {
        let m = f()?;
        if best.as_ref().is_none_or(|b| m.wall < b.wall) {
            best = Some(m);
        }
    }
    best.context("no run")
}

#[derive(Default)]
struct Counts {
    claims: usize,
    supported: usize,
    contradicted: usize,
    unverifiable: usize,
}

fn verdict_counts(path: &Path) -> Result<Counts> {
    let text = std::fs::read_to_string(path)?;
    let mut c = Counts::default();
    for line in text.lines() {
        c.claims += 1;
        if line.contains("\"verdict\":\"supported\"") {
            c.supported += 1;
        } else if line.contains("\"verdict\":\"contradicted\"") {
            c.contradicted += 1;
        } else if line.contains("\"verdict\":\"unverifiable\"") {
            c.unverifiable += 1;
        }
    }
    Ok(c)
}

fn dir_size(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        total += e.metadata()?.len();
    }
    Ok(total)
}

/// The seed drafts repeated to about 5 KB.
fn five_kb_draft(root: &Path) -> Result<String> {
    let seed = std::fs::read_to_string(root.join("seeds").join("000_414de2cf1f6c4a3e.txt"))?;
    let mut s = String::from("---\ndate: 2023-10-05\n---\n");
    while s.len() < 5_000 {
        s.push_str(&seed);
        s.push_str("\n\n");
    }
    Ok(s)
}

/// A small deterministic generator (xorshift64*): the same seed gives the same files.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ven", "to", "sa", "dri", "mar", "bel", "qu", "zor", "ni", "tal", "es",
    "gor", "vi", "an", "del", "ru", "pe", "hol", "ish", "ta", "mon", "sel", "ob", "cra", "lun",
    "dev", "ar", "ko",
];

/// A made-up proper name, unique for each `n` (base-32 digits as syllables).
fn name(mut n: usize, min_syllables: usize) -> String {
    let mut s = String::new();
    let mut count = 0;
    while n > 0 || count < min_syllables {
        s.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        count += 1;
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const EVENT_KINDS: &[&str] = &[
    "summit",
    "accord",
    "talks",
    "conference",
    "referendum",
    "flood",
    "strike",
];
const OFFICES: &[&str] = &[
    "Minister of Trade",
    "Minister of Health",
    "Special Envoy",
    "Governor",
    "Ambassador",
    "Chief Justice",
];
const FILLER: &[&str] = &[
    "The weather was mild and the markets were calm as traders waited for news.",
    "Residents said the streets were quiet in the evening, and shops closed early.",
    "Analysts expect the debate to continue into the next session of parliament.",
    "The committee will publish its findings after a review by independent experts.",
    "Local reporters described long queues outside the offices of the agency.",
    "Critics argued that the plan lacked detail, while supporters praised its ambition.",
];

#[derive(Clone, Copy)]
struct Day {
    y: i32,
    m: usize,
    d: usize,
}

impl Day {
    fn random(rng: &mut Rng) -> Day {
        Day {
            y: 2000 + rng.below(24) as i32,
            m: 1 + rng.below(12),
            d: 1 + rng.below(28),
        }
    }
    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
    fn words(&self) -> String {
        format!("{} {}, {}", MONTHS[self.m - 1], self.d, self.y)
    }
    fn shifted(&self, days: usize) -> Day {
        let d = (self.d + days - 1) % 28 + 1;
        Day { d, ..*self }
    }
}

struct Event {
    cue: String,
    date: Day,
}
struct Office {
    person: String,
    surname: String,
    title: String,
    country: String,
    from: Day,
}
struct Count {
    cue: String,
    as_of: Day,
    value: u64,
}

struct World {
    events: Vec<Event>,
    offices: Vec<Office>,
    counts: Vec<Count>,
}

impl World {
    fn new(facts: usize, seed: u64) -> World {
        let mut rng = Rng::new(seed);
        let (mut events, mut offices, mut counts) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..facts {
            let unique = i + 1000;
            match i % 5 {
                0 | 1 => events.push(Event {
                    cue: format!(
                        "{} {}",
                        name(unique, 3),
                        EVENT_KINDS[rng.below(EVENT_KINDS.len())]
                    ),
                    date: Day::random(&mut rng),
                }),
                2 | 3 => {
                    let surname = name(unique, 3);
                    offices.push(Office {
                        person: format!("{} {surname}", name(rng.below(900) + 40, 2)),
                        surname,
                        title: OFFICES[rng.below(OFFICES.len())].to_string(),
                        country: format!("{}ia", name(unique, 3)),
                        from: Day {
                            y: 1995 + rng.below(20) as i32,
                            m: 1 + rng.below(12),
                            d: 1 + rng.below(28),
                        },
                    })
                }
                _ => counts.push(Count {
                    cue: format!("refugees in {}", name(unique, 3)),
                    as_of: Day {
                        y: 2015 + rng.below(8) as i32,
                        m: 1 + rng.below(12),
                        d: 1 + rng.below(28),
                    },
                    value: 1_000 + rng.below(900) as u64 * 100,
                }),
            }
        }
        World {
            events,
            offices,
            counts,
        }
    }

    /// Writes the facts as rule files of at most [`FACTS_PER_FILE`] facts each, as a newsroom
    /// would keep them (one file per beat or region), so loading can parse them in parallel.
    fn write_rules(&self, dir: &Path) -> Result<()> {
        write_chunked(dir, "events", &self.events, |s, i, e| {
            writeln!(
                s,
                "  - id: ev-{i}\n    name: {}\n    cues: [\"the {}\"]\n    date: {}\n    source: https://example.org/ev/{i}",
                e.cue,
                e.cue,
                e.date.iso()
            )
        })?;
        write_chunked(dir, "offices", &self.offices, |s, i, o| {
            writeln!(
                s,
                "  - id: of-{i}\n    person: {}\n    aliases: [{}]\n    source: https://example.org/of/{i}\n    roles:\n      - title: {} of {}\n        organisation: {}\n        from: {}",
                o.person,
                o.surname,
                o.title,
                o.country,
                o.country,
                o.from.iso()
            )
        })?;
        write_chunked(dir, "counts", &self.counts, |s, i, c| {
            let later = Day {
                y: c.as_of.y + 1,
                ..c.as_of
            };
            writeln!(
                s,
                "  - id: co-{i}\n    name: {}\n    unit: people\n    source: https://example.org/co/{i}\n    series:\n      - {{ as_of: {}, value: {} }}\n      - {{ as_of: {}, value: {} }}",
                c.cue,
                c.as_of.iso(),
                c.value,
                later.iso(),
                c.value * 2
            )
        })
    }

    fn write_aliases(&self, path: &Path) -> Result<()> {
        let mut s = String::new();
        for e in &self.events {
            writeln!(s, "{}", e.cue)?;
        }
        for o in &self.offices {
            writeln!(
                s,
                "{}\n{}\n{} of {}",
                o.person, o.surname, o.title, o.country
            )?;
        }
        for c in &self.counts {
            writeln!(s, "{}", c.cue)?;
        }
        std::fs::write(path, s)?;
        Ok(())
    }

    fn sentence(&self, rng: &mut Rng, doc_year: i32, out: &mut String) -> Result<()> {
        let truth = rng.chance(80);
        match rng.below(10) {
            0..=2 if !self.events.is_empty() => {
                let e = &self.events[rng.below(self.events.len())];
                let day = if truth {
                    e.date
                } else {
                    e.date.shifted(1 + rng.below(5))
                };
                write!(
                    out,
                    "The {} took place on {}, officials said. ",
                    e.cue,
                    day.words()
                )?;
            }
            3..=4 if !self.offices.is_empty() => {
                let o = &self.offices[rng.below(self.offices.len())];
                let other = &self.offices[rng.below(self.offices.len())];
                let (title, country) = if truth {
                    (&o.title, &o.country)
                } else {
                    (&other.title, &other.country)
                };
                write!(
                    out,
                    "{country}'s {title}, {}, spoke to reporters on Tuesday. ",
                    o.person
                )?;
            }
            5 if !self.counts.is_empty() => {
                let c = &self.counts[rng.below(self.counts.len())];
                let n = if truth {
                    c.value * 2 - 100
                } else {
                    c.value * 3
                };
                write!(
                    out,
                    "More than {} {} have been registered, according to the agency. ",
                    group(n),
                    c.cue
                )?;
            }
            6 if !self.events.is_empty() => {
                let e = &self.events[rng.below(self.events.len())];
                write!(
                    out,
                    "Last month the {} drew criticism, and {} days later a review was announced. ",
                    e.cue,
                    2 + rng.below(5)
                )?;
            }
            _ => {
                let _ = doc_year;
                out.push_str(FILLER[rng.below(FILLER.len())]);
                out.push(' ');
            }
        }
        Ok(())
    }

    fn write_corpus(&self, dir: &Path, bytes: usize, seed: u64) -> Result<()> {
        let mut rng = Rng::new(seed ^ 0xA5A5);
        let mut written = 0;
        let mut n = 0;
        while written < bytes {
            let date = Day {
                y: 2024,
                m: 1 + rng.below(12),
                d: 1 + rng.below(28),
            };
            let mut s = format!(
                "---\ndate: {}\n---\n# {} report {n}\n\n",
                date.iso(),
                name(n + 7, 2)
            );
            while s.len() < 5_000 {
                for _ in 0..(3 + rng.below(4)) {
                    self.sentence(&mut rng, date.y, &mut s)?;
                }
                s.push_str("\n\n");
            }
            written += s.len();
            std::fs::write(dir.join(format!("article-{n:06}.md")), &s)?;
            n += 1;
        }
        Ok(())
    }
}

/// Facts per generated rule file.
const FACTS_PER_FILE: usize = 5_000;

/// Writes `items` under the YAML key `kind` into `kind-NNN.yaml` files of [`FACTS_PER_FILE`].
fn write_chunked<T>(
    dir: &Path,
    kind: &str,
    items: &[T],
    mut fact: impl FnMut(&mut String, usize, &T) -> std::fmt::Result,
) -> Result<()> {
    for (n, chunk) in items.chunks(FACTS_PER_FILE).enumerate() {
        let mut s = format!("{kind}:\n");
        for (j, item) in chunk.iter().enumerate() {
            fact(&mut s, n * FACTS_PER_FILE + j, item)?;
        }
        std::fs::write(dir.join(format!("{kind}-{n:03}.yaml")), s)?;
    }
    Ok(())
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
