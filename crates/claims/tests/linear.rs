//! Linear time on pathological input: no full stop, deep nesting, huge numbers. Each case is run
//! at two sizes; the larger (4x) must not take more than ~8x as long (quadratic would be 16x),
//! with slack for timer noise on small inputs.

use std::time::{Duration, Instant};

use factcheck_claims::{Format, Options, parse};

fn time(text: &str, format: Format) -> Duration {
    let options = Options {
        format,
        date: Some(jiff::civil::date(2023, 10, 5)),
    };
    let start = Instant::now();
    let doc = parse(text, &options);
    let elapsed = start.elapsed();
    assert!(doc.sentences.iter().all(|s| s.span.end <= text.len()));
    elapsed
}

fn assert_linear(name: &str, make: impl Fn(usize) -> String, format: Format) {
    let small = make(1 << 18);
    let large = make(1 << 20);
    // Warm up (lexicon table, allocator).
    time(&small, format);
    let a = time(&small, format).max(Duration::from_micros(200));
    let b = time(&large, format);
    println!(
        "{name} ({format:?}): {} KiB in {a:?}, {} KiB in {b:?}",
        small.len() >> 10,
        large.len() >> 10
    );
    assert!(
        b < a * 10,
        "{name}: 4x the input took {:.1}x the time",
        b.as_secs_f64() / a.as_secs_f64()
    );
}

#[test]
fn a_paragraph_without_full_stop() {
    let make = |n: usize| {
        let words = [
            "officials ",
            "met ",
            "Istanbul ",
            "on ",
            "September ",
            "17 ",
            "over ",
            "100,000 ",
            "residents, ",
            "and ",
            "Louis ",
            "Bono ",
        ];
        let mut s = String::with_capacity(n + 16);
        let mut k = 0;
        while s.len() < n {
            s.push_str(words[k % words.len()]);
            k += 1;
        }
        s
    };
    assert_linear("no full stop", make, Format::Plain);
}

#[test]
fn nested_quotes_and_brackets() {
    let make = |n: usize| {
        let mut s = String::with_capacity(n + 8);
        while s.len() < n / 2 {
            s.push_str("(\"[“");
        }
        while s.len() < n {
            s.push_str("”]\")");
        }
        s
    };
    assert_linear("nested quotes", make, Format::Plain);
    assert_linear("nested quotes", make, Format::Auto);
    let quotes = |n: usize| "> ".repeat(n / 2);
    assert_linear("nested block quotes", quotes, Format::Markdown);
    let links = |n: usize| "[".repeat(n / 2) + &"]".repeat(n / 2);
    assert_linear("nested link brackets", links, Format::Markdown);
}

#[test]
fn huge_numbers_and_words() {
    let digits = |n: usize| format!("Over {} residents moved.", "9".repeat(n));
    assert_linear("huge number", digits, Format::Plain);
    let grouped = |n: usize| format!("Over 1{} residents moved.", ",000".repeat(n / 4));
    assert_linear("huge grouped number", grouped, Format::Plain);
    let word = |n: usize| "a".repeat(n);
    assert_linear("one long word", word, Format::Plain);
    let dots = |n: usize| "a.".repeat(n / 2);
    assert_linear("dotted word", dots, Format::Plain);
    let spaced_dots = |n: usize| ". ".repeat(n / 2);
    assert_linear("spaced dots", spaced_dots, Format::Plain);
    let caps = |n: usize| "Abc ".repeat(n / 4);
    assert_linear("capitalised words", caps, Format::Plain);
    let commas = |n: usize| "Louis Bono, ".repeat(n / 12);
    assert_linear("comma list of names", commas, Format::Plain);
    let lines = |n: usize| "US held meeting\n".repeat(n / 16);
    assert_linear("headline lines", lines, Format::Plain);
}

/// The 50 MB paragraph without a full stop: 50 MB in an optimised build (`cargo test
/// --release`), 5 MB in a debug build (same code path, a tenth of the size).
#[test]
fn fifty_megabytes_without_full_stop() {
    let size = if cfg!(debug_assertions) {
        5 << 20
    } else {
        50 << 20
    };
    let words = [
        "officials ",
        "met ",
        "Istanbul ",
        "on ",
        "September ",
        "17 ",
        "over ",
        "100,000 ",
        "residents, ",
        "and ",
        "Louis ",
        "Bono ",
    ];
    let mut text = String::with_capacity(size + 16);
    let mut k = 0;
    while text.len() < size {
        text.push_str(words[k % words.len()]);
        k += 1;
    }
    let start = Instant::now();
    let doc = parse(
        &text,
        &Options {
            format: Format::Plain,
            date: Some(jiff::civil::date(2023, 10, 5)),
        },
    );
    let elapsed = start.elapsed();
    println!(
        "{} MiB without a full stop: {elapsed:?}, {} sentences",
        text.len() >> 20,
        doc.sentences.len()
    );
    assert!(doc.sentences.iter().all(|s| s.span.end <= text.len()));
    // Generous: linear work is well under a second per MiB even unoptimised on a busy machine.
    assert!(
        elapsed < Duration::from_secs((text.len() >> 20) as u64 + 5),
        "took {elapsed:?}"
    );
}
