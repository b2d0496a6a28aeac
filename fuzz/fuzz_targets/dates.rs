//! The date resolver: text built around date phrases (month names, days and years of any size,
//! weekdays, relative phrases, ISO dates) with any document date. Never panics; every mention
//! span is inside the text and its claim; a resolved date is a real stretch of the calendar.

#![no_main]

use arbitrary::Arbitrary;
use factcheck_claims::{Format, MentionValue, Options, parse};
use libfuzzer_sys::fuzz_target;

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
    "Jan.",
    "Feb",
    "Sept.",
    "Sep",
    "Dec.",
    "march",
    "MAY",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Wed.",
];
const RELATIVE: &[&str] = &[
    "yesterday",
    "today",
    "tomorrow",
    "last month",
    "last year",
    "last week",
    "next week",
    "the following day",
    "the next day",
    "the day before",
    "one day later",
    "two days before",
    "three weeks after",
    "days before",
    "a year ago",
    "since",
    "earlier this month",
    "later that year",
    "on the same day",
    "the previous day",
];
const WORDS: &[&str] = &[
    "The officials met ",
    "in Istanbul ",
    "on ",
    "of ",
    ", ",
    ". ",
    "\n",
    "\r\n",
    " and ",
    " before ",
    " after ",
    "Baku launched its operation",
    "the 44-day war ",
    "Over ",
    "residents ",
    "since ",
    "(",
    ")",
    "\"",
    "🙂",
    "e\u{301}",
];

#[derive(Debug, Arbitrary)]
enum Piece {
    MonthDayYear { month: u8, day: u64, year: i64 },
    DayMonthYear { day: u64, month: u8, year: i64 },
    MonthYear { month: u8, year: i64 },
    MonthDay { month: u8, day: u64 },
    Ordinal { day: u8, month: u8 },
    Iso { year: i64, month: i64, day: i64 },
    Year { year: i64 },
    Weekday { day: u8 },
    Relative { phrase: u8, amount: Option<u32> },
    Word { word: u8 },
    Raw(String),
}

#[derive(Debug, Arbitrary)]
struct Input {
    pieces: Vec<Piece>,
    date: Option<(i16, i8, i8)>,
    format: u8,
}

fn pick(list: &[&'static str], i: u8) -> &'static str {
    list[usize::from(i) % list.len()]
}

fn render(p: &Piece) -> String {
    match p {
        Piece::MonthDayYear { month, day, year } => {
            format!("{} {day}, {year}", pick(MONTHS, *month))
        }
        Piece::DayMonthYear { day, month, year } => {
            format!("{day} {} {year}", pick(MONTHS, *month))
        }
        Piece::MonthYear { month, year } => format!("{} {year}", pick(MONTHS, *month)),
        Piece::MonthDay { month, day } => format!("{} {day}", pick(MONTHS, *month)),
        Piece::Ordinal { day, month } => {
            let suffix = ["st", "nd", "rd", "th"][usize::from(*day) % 4];
            format!("the {day}{suffix} of {}", pick(MONTHS, *month))
        }
        Piece::Iso { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
        Piece::Year { year } => format!("in {year}"),
        Piece::Weekday { day } => format!("on {}", pick(WEEKDAYS, *day)),
        Piece::Relative { phrase, amount } => match amount {
            Some(n) => format!("{n} {}", pick(RELATIVE, *phrase)),
            None => pick(RELATIVE, *phrase).to_string(),
        },
        Piece::Word { word } => pick(WORDS, *word).to_string(),
        Piece::Raw(s) => s.chars().take(16).collect(),
    }
}

fuzz_target!(|input: Input| {
    let mut text = String::new();
    for (i, p) in input.pieces.iter().take(64).enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(&render(p));
    }
    text.push('.');
    let date = input
        .date
        .and_then(|(y, m, d)| jiff::civil::Date::new(y, m, d).ok());
    let format = match input.format % 3 {
        0 => Format::Auto,
        1 => Format::Plain,
        _ => Format::Markdown,
    };
    let doc = parse(&text, &Options { format, date });
    for c in &doc.claims {
        assert!(
            c.span.end <= text.len()
                && text.is_char_boundary(c.span.start)
                && text.is_char_boundary(c.span.end)
        );
        for m in &c.mentions {
            assert!(
                m.span.start <= m.span.end && m.span.end <= text.len(),
                "mention {m:?} out of bounds"
            );
            assert!(
                text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end),
                "mention {m:?} off a char boundary"
            );
            assert!(
                c.span.start <= m.span.start && m.span.end <= c.span.end,
                "mention {m:?} outside its claim"
            );
            if let MentionValue::Date(d) = &m.value {
                if let Some(date) = d.date {
                    assert!(date.first() <= date.last(), "{date}");
                }
            }
        }
    }
});
