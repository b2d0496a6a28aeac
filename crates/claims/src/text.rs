//! The grammar's word knowledge for the other crates: the lexicon's closed word classes (units
//! of time, month and weekday names, number words, qualifiers) behind small functions, so that
//! the built-in checks and the rules crate read words the way the grammar does instead of
//! keeping lists of their own.

use factcheck_model::Weekday;
use factcheck_model::calendar::{Bound, Unit};

use crate::lexicon::{self, Kw, class};
use crate::numbers;
use crate::tokens::{Kind, Tok, Toks};
use crate::types::Qualifier;

/// The unit of time a word names: "day", "days", "WEEK", "months", "year" (any ASCII case).
pub fn unit_of(word: &str) -> Option<Unit> {
    let e = lexicon::lookup(word.as_bytes());
    e.is(class::UNIT).then(|| lexicon::unit(e.val))
}

/// The years a bare four-digit number is read as ("in 2020", "since 1991"): 1800 to 2200. The
/// grammar reads such a number as a year unless it counts something ("over 2000 people"); the
/// built-in checks do not take it for a count.
pub fn is_bare_year(value: f64) -> bool {
    (1800.0..=2200.0).contains(&value)
}

/// The factor of a multiplier word written after a number: "hundred", "thousand", "million",
/// "billion", "trillion", "bn", "mn", "tn", "dozen" ("two dozen" is 24); with `attached` (no
/// space: "1.2bn", "10k", "5m") also the suffixes "k", "m", "mln", "b".
pub fn multiplier(word: &str, attached: bool) -> Option<f64> {
    let e = lexicon::lookup(word.as_bytes());
    if e.is(class::MULT) {
        return Some(numbers::multiplier(e.val, e.kw));
    }
    if attached {
        numbers::multiplier_suffix(word)
    } else {
        None
    }
}

/// The value of a number word from "zero" to "ninety" ("six", "Forty"; any ASCII case).
pub fn number_word(word: &str) -> Option<u32> {
    let e = lexicon::lookup(word.as_bytes());
    e.is(class::NUMWORD).then_some(e.val)
}

/// The month a capitalised word names ("September", "Sept", "Sep", "MAY"), 1-based, and whether
/// it is abbreviated ("may" in lower case names none).
pub fn month_of(word: &str) -> Option<(i8, bool)> {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let e = lexicon::lookup(word.as_bytes());
    let month = i8::try_from(e.val).ok().filter(|_| e.is(class::MONTH))?;
    Some((month, !crate::dates::full_month_length(month, word.len())))
}

/// The weekday a capitalised word written in full names ("Friday"; "Fri" names none).
pub fn weekday_of(word: &str) -> Option<Weekday> {
    if word.len() < 6 || !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let e = lexicon::lookup(word.as_bytes());
    e.is(class::WEEKDAY)
        .then(|| crate::dates::weekday_of(e.val))
}

/// The qualifier that the words right before a number end with ("more than", "nearly",
/// "just over", "as many as"; `words` nearest last, the last three read) and how many words it
/// takes: the quantities' qualifier grammar, for text cut into words by another tokenizer.
pub fn qualifier_ending(words: &[&str]) -> Option<(Qualifier, usize)> {
    let words = &words[words.len().saturating_sub(3)..];
    // Most numbers have no qualifier before them, and one probe of the last word says so.
    if !numbers::may_end_qualifier(lexicon::lookup(words.last()?.as_bytes())) {
        return None;
    }
    let toks = word_toks(words);
    numbers::qualifier_ending(Toks::new(&toks[..words.len()], ""))
}

/// The qualifier that `words` start with ("more than 60", "well over 60"; the first three
/// read) and how many words it takes.
pub fn qualifier_starting(words: &[&str]) -> Option<(Qualifier, usize)> {
    let words = &words[..words.len().min(3)];
    let toks = word_toks(words);
    numbers::qualifier_starting(Toks::new(&toks[..words.len()], ""))
}

/// Tokens of the grammar for up to three words (their lexicon entries; no text behind them).
fn word_toks(words: &[&str]) -> [Tok; 3] {
    let mut toks = [Tok {
        start: 0,
        end: 0,
        kind: Kind::Word,
        flags: 0,
        lex: lexicon::Entry::NONE,
    }; 3];
    for (t, w) in toks.iter_mut().zip(words) {
        t.lex = lexicon::lookup(w.as_bytes());
    }
    toks
}

/// Whether a word can be part of a qualifier ("more", "than", "nearly", "at", "least", "just",
/// "over", "no", …): what a scanner may step over to reach the number a qualifier stands before.
pub fn is_qualifier_word(word: &str) -> bool {
    let e = lexicon::lookup(word.as_bytes());
    e.is(class::QUAL)
        || matches!(
            e.kw,
            Kw::More
                | Kw::Less
                | Kw::Fewer
                | Kw::Than
                | Kw::At
                | Kw::Least
                | Kw::Most
                | Kw::Just
                | Kw::Well
                | Kw::No
        )
}

impl Qualifier {
    /// The bound a qualifier puts on a stated length of time, for
    /// [`factcheck_model::calendar::duration_matches`]: "over", "more than", "at least" are
    /// [`Bound::AtLeast`]; "nearly", "almost" [`Bound::Nearly`]; "up to", "fewer/less than",
    /// "under", "below" [`Bound::AtMost`]; "about", "around", "exactly" and none
    /// [`Bound::Near`].
    pub fn bound(self) -> Bound {
        match self {
            Qualifier::Over | Qualifier::MoreThan | Qualifier::AtLeast => Bound::AtLeast,
            Qualifier::Nearly | Qualifier::Almost => Bound::Nearly,
            Qualifier::UpTo | Qualifier::FewerThan => Bound::AtMost,
            Qualifier::Exactly | Qualifier::About | Qualifier::Around | Qualifier::None => {
                Bound::Near
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MentionValue, Options, parse};

    fn durations(text: &str) -> Vec<(String, f64, Unit, Qualifier)> {
        let doc = parse(text, &Options::default());
        doc.claims
            .iter()
            .flat_map(|c| &c.mentions)
            .filter_map(|m| match &m.value {
                MentionValue::Duration(d) => Some((m.text.clone(), d.amount, d.unit, d.qualifier)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn durations_carry_the_quantities_qualifiers() {
        use Qualifier::*;
        let one = |text: &str| durations(text).into_iter().next().expect(text);
        assert_eq!(
            one("The war lasted less than two months."),
            ("two months".into(), 2.0, Unit::Month, FewerThan)
        );
        assert_eq!(one("The siege lasted more than 40 days.").3, MoreThan);
        assert_eq!(
            one("The talks took nearly a year."),
            ("a year".into(), 1.0, Unit::Year, Nearly)
        );
        assert_eq!(one("The crossing took about six weeks.").3, About);
        assert_eq!(one("It lasted just over a week.").3, Over);
        assert_eq!(one("It lasted at least 44 days.").3, AtLeast);
        assert_eq!(one("The six-week conflict ended.").3, None);
        assert_eq!(one("It lasted 44 days.").3, None);
        // A bare article is no count of a duration.
        assert!(durations("They meet once a year.").is_empty());
        assert!(durations("It happened nearly a year ago.").is_empty());
    }

    #[test]
    fn qualifiers_of_words() {
        use Qualifier::*;
        assert_eq!(
            qualifier_ending(&["lasted", "more", "than"]),
            Some((MoreThan, 2))
        );
        assert_eq!(qualifier_ending(&["just", "over"]), Some((Over, 2)));
        assert_eq!(qualifier_ending(&["x", "Nearly"]), Some((Nearly, 1)));
        assert_eq!(qualifier_ending(&["as", "many", "as"]), Some((UpTo, 3)));
        assert_eq!(qualifier_ending(&["lasted", "for"]), Option::None);
        assert_eq!(qualifier_ending(&[]), Option::None);
        assert_eq!(qualifier_starting(&["well", "over", "60"]), Some((Over, 2)));
        assert_eq!(qualifier_starting(&["no", "more", "than"]), Some((UpTo, 3)));
        assert_eq!(qualifier_starting(&["60", "were"]), Option::None);
        assert!(is_qualifier_word("than") && is_qualifier_word("About"));
        assert!(!is_qualifier_word("to") && !is_qualifier_word("lasted"));
    }

    #[test]
    fn month_weekday_and_number_words() {
        assert_eq!(month_of("Sept"), Some((9, true)));
        assert_eq!(month_of("September"), Some((9, false)));
        assert_eq!(month_of("MAY"), Some((5, false)));
        assert_eq!(month_of("June"), Some((6, false)));
        assert_eq!(month_of("Jun"), Some((6, true)));
        assert_eq!(month_of("may"), None);
        assert_eq!(month_of("Mayday"), None);
        assert_eq!(weekday_of("Friday"), Some(Weekday::Friday));
        assert_eq!(weekday_of("Fri"), None);
        assert_eq!(weekday_of("friday"), None);
        assert_eq!(number_word("Ninety"), Some(90));
        assert_eq!(number_word("zero"), Some(0));
        assert_eq!(number_word("nine-ty"), None);
        assert_eq!(number_word("hundred"), None);
        assert_eq!(multiplier("hundred", false), Some(100.0));
        assert_eq!(multiplier("Dozen", false), Some(12.0));
        assert_eq!(multiplier("million", false), Some(1e6));
        assert_eq!(multiplier("bn", false), Some(1e9));
        assert_eq!(multiplier("k", false), None);
        assert_eq!(multiplier("k", true), Some(1e3));
        assert_eq!(multiplier("thousand", true), Some(1e3));
        assert_eq!(multiplier("men", true), None);
    }

    #[test]
    fn words_and_bounds() {
        assert_eq!(unit_of("Weeks"), Some(Unit::Week));
        assert_eq!(unit_of("day"), Some(Unit::Day));
        assert_eq!(unit_of("dais"), None);
        assert_eq!(Qualifier::FewerThan.bound(), Bound::AtMost);
        assert_eq!(Qualifier::Over.bound(), Bound::AtLeast);
        assert_eq!(Qualifier::Almost.bound(), Bound::Nearly);
        assert_eq!(Qualifier::None.bound(), Bound::Near);
    }
}

/// A token of the text core: what the grammar's one tokenizer cut, kept in the [`Document`]
/// so that the alias index and the built-in checks read the same tokens instead of cutting the
/// text again.
///
/// A word keeps its internal joiners ("U.S.A", "3.5", "100,000", "Nagorno-Karabakh",
/// "O'Brien", "10:30") but not a final full stop; a possessive `'s` is a token of its own; white
/// space and control characters are no token. Offsets are byte offsets into the input (for
/// Markdown, its masked copy of the same length).
///
/// [`Document`]: crate::Document
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    flags: u8,
}

/// What a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits and the joiners between them ("Nagorno-Karabakh", "2023-09-17").
    Word,
    /// Digits with `,` grouping and `.` decimals only ("100,000", "3.5", "2020").
    Number,
    /// A possessive `'s` or `’s`.
    Possessive,
    /// Any other character.
    Punct(char),
}

impl Token {
    pub(crate) fn of(t: &Tok) -> Token {
        Token {
            start: t.start,
            end: t.end,
            kind: match t.kind {
                Kind::Word => TokenKind::Word,
                Kind::Number => TokenKind::Number,
                Kind::Poss => TokenKind::Possessive,
                Kind::Punct(c) => TokenKind::Punct(c),
            },
            flags: t.flags,
        }
    }

    /// One run of letters, or one of digits: nothing to cut further.
    fn is_one_run(&self) -> bool {
        use crate::tokens::flag;
        let joined = self.flags & flag::JOINED != 0;
        match self.kind {
            TokenKind::Word => !joined && self.flags & flag::DIGIT == 0,
            TokenKind::Number => !joined,
            _ => false,
        }
    }
}

/// Cuts `text[start..end]` into tokens, appended to `out`: the grammar's tokenizer.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    crate::tokens::TOKS.with_borrow_mut(|toks| {
        crate::tokens::tokenize(text, start, end, toks);
        out.extend(toks.iter().map(Token::of));
    });
}

/// A piece of a [`Token`]: a run of one class of characters, or one other character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub class: PieceClass,
    /// White space separates this piece from the one before (always on the first).
    pub space_before: bool,
}

/// The class of a [`Piece`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceClass {
    /// Alphabetic characters ("Karabakh", "Ünal").
    Letters,
    /// ASCII digits.
    Digits,
    /// Other alphanumeric characters (numerals of other scripts, "²").
    Numeral,
    /// One character that is none of those: a joiner inside a word, punctuation, a quote.
    Mark(char),
}

/// The pieces of `tokens`, in order: each token cut where the class of its characters changes,
/// so that "Nagorno-Karabakh" is `Nagorno`, `-`, `Karabakh` and "2023-09-17" is three runs of
/// digits with two marks between. `text` is the slice of the input that starts at byte `base`;
/// tokens outside it are skipped. What the alias index and the built-in checks see of a text:
/// the grammar's tokens, never a cut of their own.
pub fn pieces<'a>(text: &'a str, base: usize, tokens: &'a [Token]) -> Pieces<'a> {
    Pieces {
        text,
        base,
        tokens: tokens.iter(),
        prev_end: None,
        word: None,
    }
}

/// The iterator of [`pieces`].
#[derive(Debug, Clone)]
pub struct Pieces<'a> {
    text: &'a str,
    base: usize,
    tokens: std::slice::Iter<'a, Token>,
    prev_end: Option<usize>,
    /// The token being cut: its start in the input, its text, the offset reached in it, and
    /// whether white space came before it.
    word: Option<(usize, &'a str, usize, bool)>,
}

fn class_of(c: char) -> PieceClass {
    if c.is_ascii_digit() {
        PieceClass::Digits
    } else if c.is_alphabetic() {
        PieceClass::Letters
    } else if c.is_alphanumeric() {
        PieceClass::Numeral
    } else {
        PieceClass::Mark(c)
    }
}

impl Iterator for Pieces<'_> {
    type Item = Piece;

    #[inline]
    fn next(&mut self) -> Option<Piece> {
        loop {
            if let Some((start, word, at, space)) = self.word {
                let rest = &word[at..];
                let mut chars = rest.char_indices();
                let Some((_, c)) = chars.next() else {
                    self.word = None;
                    continue;
                };
                let class = class_of(c);
                let len = match class {
                    PieceClass::Mark(_) => c.len_utf8(),
                    _ => chars
                        .find(|&(_, c)| class_of(c) != class)
                        .map_or(rest.len(), |(k, _)| k),
                };
                self.word = Some((start, word, at + len, false));
                return Some(Piece {
                    start: start + at,
                    end: start + at + len,
                    class,
                    space_before: space,
                });
            }
            let t = self.tokens.next()?;
            if t.start < self.base || t.end - self.base > self.text.len() {
                continue;
            }
            // Only white space and control characters lie between two tokens.
            let space_before = self.prev_end.is_none_or(|p| p < t.start);
            self.prev_end = Some(t.end);
            let class = match t.kind {
                TokenKind::Punct(c) => Some(PieceClass::Mark(c)),
                _ if t.is_one_run() => Some(if t.kind == TokenKind::Number {
                    PieceClass::Digits
                } else {
                    PieceClass::Letters
                }),
                _ => None,
            };
            match class {
                Some(class) => {
                    return Some(Piece {
                        start: t.start,
                        end: t.end,
                        class,
                        space_before,
                    });
                }
                None => {
                    let Some(word) = self.text.get(t.start - self.base..t.end - self.base) else {
                        continue;
                    };
                    self.word = Some((t.start, word, 0, space_before));
                }
            }
        }
    }
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    fn cut(text: &str) -> Vec<(&str, PieceClass, bool)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        pieces(text, 0, &toks)
            .map(|p| (&text[p.start..p.end], p.class, p.space_before))
            .collect()
    }

    #[test]
    fn pieces_cut_tokens_where_the_class_changes() {
        use PieceClass::*;
        assert_eq!(
            cut("Nagorno-Karabakh’s 2023-09-17 COVID19 “U.S.”"),
            vec![
                ("Nagorno", Letters, true),
                ("-", Mark('-'), false),
                ("Karabakh", Letters, false),
                ("’", Mark('’'), false),
                ("s", Letters, false),
                ("2023", Digits, true),
                ("-", Mark('-'), false),
                ("09", Digits, false),
                ("-", Mark('-'), false),
                ("17", Digits, false),
                ("COVID", Letters, true),
                ("19", Digits, false),
                ("“", Mark('“'), true),
                ("U", Letters, false),
                (".", Mark('.'), false),
                ("S", Letters, false),
                (".", Mark('.'), false),
                ("”", Mark('”'), false),
            ]
        );
        assert_eq!(
            cut("100,000 and 3.5 ½"),
            vec![
                ("100", Digits, true),
                (",", Mark(','), false),
                ("000", Digits, false),
                ("and", Letters, true),
                ("3", Digits, true),
                (".", Mark('.'), false),
                ("5", Digits, false),
                ("½", Numeral, true),
            ]
        );
    }

    #[test]
    fn pieces_skip_tokens_outside_the_text() {
        let text = "one two three";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let two: Vec<_> = pieces(&text[4..7], 4, &toks)
            .map(|p| (p.start, p.end))
            .collect();
        assert_eq!(two, vec![(4, 7)]);
    }
}

/// Whether a lower-case word is a verb form the grammar knows: a past tense ("died", "met",
/// "held"), a verb of saying ("said", "announced") or an auxiliary ("was", "has"). `rules lint`
/// warns about a cue that is one such word: it matches every sentence that uses it.
pub fn is_verb_form(word: &str) -> bool {
    let w = word.trim();
    if w.is_empty() || !w.chars().all(|c| c.is_lowercase()) {
        return false;
    }
    let e = lexicon::lookup(w.as_bytes());
    e.is(class::PAST | class::SPEECH | class::AUX) || (w.len() >= 4 && w.ends_with("ed"))
}
