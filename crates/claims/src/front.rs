//! YAML front matter: a `---` line, `key: value` lines, and a closing `---` (or `...`) line at
//! the very start of the draft.
//!
//! Only the `date:` key is read, by hand (this crate has no YAML parser): `date: 2023-10-05`,
//! quoted or not, optionally followed by a time (`2023-10-05T08:00:00Z`, `2023-10-05 08:00`).
//! A value that is not a calendar day is a diagnostic, never a failure. Without a closing line
//! the opening `---` is ordinary text (a Markdown thematic break).

use factcheck_model::Date;
use nom::Parser;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::combinator::map_res;

/// What the front matter says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// Byte offset where the body (the text after the front matter) starts; 0 without one.
    pub body: usize,
    /// Whether the draft has front matter at all.
    pub present: bool,
    pub date: Option<Date>,
    /// Problems: (message, start, end) in bytes.
    pub problems: Vec<(String, usize, usize)>,
}

/// Iterates over the lines of `text` from `from`: (start, end without line break, next start).
fn lines(text: &str, from: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= b.len() {
            return None;
        }
        let start = pos;
        let (end, next) = match memchr::memchr(b'\n', &b[start..]) {
            Some(k) => (start + k, start + k + 1),
            None => (b.len(), b.len()),
        };
        let end = if end > start && b[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        pos = next;
        Some((start, end, next))
    })
}

/// Reads the front matter at the start of `text`, if there is one.
pub(crate) fn parse(text: &str) -> FrontMatter {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut it = lines(text, bom);
    match it.next() {
        Some((s, e, _)) if text[s..e].trim_end() == "---" => {}
        _ => return FrontMatter::default(),
    }
    let mut date_line = None;
    for (s, e, next) in it {
        let line = &text[s..e];
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let mut fm = FrontMatter {
                body: next,
                present: true,
                ..FrontMatter::default()
            };
            if let Some((vs, ve)) = date_line {
                read_date(text, vs, ve, &mut fm);
            }
            return fm;
        }
        if let Some(rest) = line.strip_prefix("date:") {
            let value_start = s + 5 + (rest.len() - rest.trim_start().len());
            date_line = Some((value_start, s + line.trim_end().len()));
        }
    }
    FrontMatter::default()
}

/// A calendar day `YYYY-MM-DD` at the start of `i`.
fn ymd(i: &str) -> nom::IResult<&str, (i16, i8, i8)> {
    let digits = |n| {
        map_res(
            take_while_m_n(n, n, |c: char| c.is_ascii_digit()),
            str::parse::<i16>,
        )
    };
    let (rest, (y, _, m, _, d)) = (digits(4), tag("-"), digits(2), tag("-"), digits(2)).parse(i)?;
    Ok((rest, (y, m as i8, d as i8)))
}

fn read_date(text: &str, start: usize, end: usize, fm: &mut FrontMatter) {
    let raw = &text[start..end];
    // Strip a trailing comment and quotes.
    let value = raw.split(" #").next().unwrap_or(raw).trim();
    let unquoted = value.trim_matches(|c| c == '"' || c == '\'');
    if unquoted.is_empty() {
        return;
    }
    let parsed = ymd(unquoted).ok().and_then(|(rest, (y, m, d))| {
        let rest_ok = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
        rest_ok.then(|| Date::new(y, m, d).ok()).flatten()
    });
    match parsed {
        Some(date) => fm.date = Some(date),
        None => fm.problems.push((
            format!("front matter `date: {value}` is not a date of the form YYYY-MM-DD; relative dates are left unresolved"),
            start,
            end,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_date() {
        let text = "---\ntitle: x\ndate: 2023-10-05\n---\nBody.";
        let fm = parse(text);
        assert!(fm.present);
        assert_eq!(&text[fm.body..], "Body.");
        assert_eq!(fm.date, Some(jiff::civil::date(2023, 10, 5)));
        let fm = parse("---\r\ndate: \"2023-10-05T08:00:00Z\"\r\n---\r\nBody.");
        assert_eq!(fm.date, Some(jiff::civil::date(2023, 10, 5)));
    }

    #[test]
    fn a_bad_date_is_a_problem_not_a_failure() {
        let text = "---\ndate: 2023-02-30\n---\nBody.";
        let fm = parse(text);
        assert_eq!(fm.date, None);
        assert_eq!(fm.problems.len(), 1);
        let (_, s, e) = &fm.problems[0];
        assert_eq!(&text[*s..*e], "2023-02-30");
        assert_eq!(parse("---\ndate: soon\n---\n").problems.len(), 1);
    }

    #[test]
    fn no_closing_line_means_no_front_matter() {
        assert_eq!(
            parse("---\ndate: 2023-10-05\nno end"),
            FrontMatter::default()
        );
        assert_eq!(parse("Plain text."), FrontMatter::default());
        assert_eq!(parse(""), FrontMatter::default());
    }
}
