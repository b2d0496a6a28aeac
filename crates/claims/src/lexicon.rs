//! The closed word classes the grammar knows: month and weekday names, number words, units of
//! time, quantity qualifiers, function words, speech verbs and role titles; and, for the
//! sentence splitter, abbreviations and the words that may follow one ([`sbd`], [`SBD_WORDS`]).
//!
//! Lookup is one hash probe: a word of at most 16 ASCII letters is lower-cased into a `u128` key
//! and looked up in an open-addressing table built once. Longer or non-ASCII words have no entry,
//! which is the right answer for every class here.

use std::sync::OnceLock;

/// Class bits of an [`Entry`]. A word can be in several classes ("over" is a preposition and a
/// qualifier, "may" a month and a modal).
pub(crate) mod class {
    pub const MONTH: u32 = 1 << 0;
    pub const WEEKDAY: u32 = 1 << 1;
    pub const NUMWORD: u32 = 1 << 2;
    pub const MULT: u32 = 1 << 3;
    pub const UNIT: u32 = 1 << 4;
    pub const PLURAL: u32 = 1 << 5;
    pub const QUAL: u32 = 1 << 6;
    pub const DET: u32 = 1 << 7;
    pub const PRON: u32 = 1 << 8;
    pub const PREP: u32 = 1 << 9;
    pub const CONJ: u32 = 1 << 10;
    /// Finite auxiliaries and modals: is, was, has, will, could…
    pub const AUX: u32 = 1 << 11;
    /// Verbs of saying that introduce an attribution.
    pub const SPEECH: u32 = 1 << 12;
    /// Irregular finite past tenses (met, held, took…): a clause has a verb.
    pub const PAST: u32 = 1 << 13;
    /// Singular heads of a role ("minister", "envoy", "spokesperson").
    pub const ROLE: u32 = 1 << 14;
    /// Ordinary words: a capital at the start of a sentence does not make them a name.
    pub const FUNC: u32 = 1 << 16;
    /// Words of organisation and place names; never part of a person's name.
    pub const ORG: u32 = 1 << 17;
    /// Sentence adverbs dropped from the start of a claim ("However, …").
    pub const DISCOURSE: u32 = 1 << 18;
    /// Adverbs allowed between a subject and its verb ("it also said").
    pub const ADVERB: u32 = 1 << 19;
    /// this, that, these, those.
    pub const DEMONST: u32 = 1 << 20;
    /// Stop words that end a counted noun phrase.
    pub const STOP: u32 = 1 << 21;
    /// Name particles allowed inside a person's name ("de", "van", "al").
    pub const PARTICLE: u32 = 1 << 22;
    /// Currency words and ISO codes written after a number ("euros", "dollars", "EUR").
    pub const CURRENCY: u32 = 1 << 23;
    /// Words that are never the head of a counted noun ("the", "was", "said", "in", "and", "it").
    pub const NOT_A_NOUN: u32 = STOP | AUX | PAST | SPEECH | PREP | CONJ | DET | PRON;
}

/// The unit of a time-unit word (its lexicon value: day 0, week 1, month 2, year 3).
pub(crate) fn unit(val: u32) -> crate::types::Unit {
    use crate::types::Unit;
    match val {
        0 => Unit::Day,
        1 => Unit::Week,
        2 => Unit::Month,
        _ => Unit::Year,
    }
}

/// Words the parsers match one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    None,
    Before,
    After,
    Later,
    Earlier,
    Ago,
    Prior,
    Since,
    Last,
    Next,
    This,
    Past,
    Yesterday,
    Today,
    Tomorrow,
    The,
    A,
    An,
    On,
    In,
    Following,
    Previous,
    Preceding,
    More,
    Less,
    Fewer,
    Than,
    At,
    Least,
    Most,
    Up,
    To,
    Just,
    Well,
    According,
    Percent,
    Per,
    Cent,
    And,
    But,
    Or,
    Of,
    By,
    From,
    That,
    Several,
    Few,
    Some,
    Long,
    Old,
    AmPm,
    Citing,
    As,
    Many,
    No,
    Dozen,
    Dozens,
    For,
    Same,
    Estimated,
    Early,
    Late,
    Mid,
    During,
    Until,
    Half,
}

/// What the lexicon knows of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub class: u32,
    pub kw: Kw,
    /// Month number, weekday (0 = Monday), number value, multiplier exponent, unit (0 day,
    /// 1 week, 2 month, 3 year) or qualifier code, depending on the class.
    pub val: u32,
    /// What the sentence splitter knows of the word ([`sbd`] bits); kept apart from `class`, so
    /// that a word known only as an abbreviation is still an unknown word to the claim grammar.
    pub sbd: u16,
}

impl Entry {
    pub const NONE: Entry = Entry {
        class: 0,
        kw: Kw::None,
        val: 0,
        sbd: 0,
    };

    pub fn is(&self, class: u32) -> bool {
        self.class & class != 0
    }

    /// Whether the word has one of the sentence splitter's [`sbd`] bits.
    pub fn is_sbd(&self, bits: u16) -> bool {
        self.sbd & bits != 0
    }
}

/// What the sentence splitter knows of a word before or after a full stop (the bits of
/// [`Entry::sbd`]). The words are in [`SBD_WORDS`]; dotted acronyms ("U.S.", "e.g.") are
/// recognised by their shape, not listed.
pub(crate) mod sbd {
    /// A title before a name ("Dr.", "Sen.", "Mt."): never ends a sentence before a capital or a
    /// number, when written with a capital.
    pub const TITLE: u16 = 1 << 0;
    /// Takes a number after it ("p. 55", "No. 5", "Sept. 17"): a digit next continues.
    pub const NUMBER: u16 = 1 << 1;
    /// May end a sentence ("Inc.", "etc.", "oz.", "Jan."): before a capital it ends the sentence
    /// unless the capital is a [`CONTINUES`] word.
    pub const ABBR: u16 = 1 << 2;
    /// Never ends a sentence ("e.g.", "i.e.", "cf.", "vs."): a capital after it continues.
    pub const NEVER_FINAL: u16 = 1 << 3;
    /// A word that continues a name after an abbreviation: "U.S. Government", "U.N. Security
    /// Council", "E.U. High Representative", "U.S. Sen.". Role and organisation words
    /// (`class::ROLE`, `class::ORG`) continue too.
    pub const CONTINUES: u16 = 1 << 4;
    /// A time-zone abbreviation after a clock time ("9 a.m. GMT").
    pub const ZONE: u16 = 1 << 5;
}

use class::*;

/// Qualifier codes (the `val` of a `QUAL` word).
pub(crate) mod qual {
    pub const OVER: u32 = 1;
    pub const NEARLY: u32 = 2;
    pub const ALMOST: u32 = 3;
    pub const ABOUT: u32 = 4;
    pub const AROUND: u32 = 5;
    pub const EXACTLY: u32 = 6;
    pub const FEWER: u32 = 7;
}

const F: u32 = FUNC;

#[rustfmt::skip]
const WORDS: &[(&str, u32, Kw, u32)] = &[
    // currencies written after a number: words (not "won", "real", "rand", which are ordinary
    // words too) and ISO 4217 codes (not TRY)
    ("euro", CURRENCY, Kw::None, 0), ("euros", CURRENCY, Kw::None, 0),
    ("dollar", CURRENCY, Kw::None, 0), ("dollars", CURRENCY, Kw::None, 0),
    ("pound", CURRENCY, Kw::None, 0), ("pounds", CURRENCY, Kw::None, 0),
    ("yen", CURRENCY, Kw::None, 0), ("yuan", CURRENCY, Kw::None, 0), ("renminbi", CURRENCY, Kw::None, 0),
    ("franc", CURRENCY, Kw::None, 0), ("francs", CURRENCY, Kw::None, 0),
    ("rupee", CURRENCY, Kw::None, 0), ("rupees", CURRENCY, Kw::None, 0),
    ("ruble", CURRENCY, Kw::None, 0), ("rubles", CURRENCY, Kw::None, 0),
    ("rouble", CURRENCY, Kw::None, 0), ("roubles", CURRENCY, Kw::None, 0),
    ("peso", CURRENCY, Kw::None, 0), ("pesos", CURRENCY, Kw::None, 0),
    ("lira", CURRENCY, Kw::None, 0), ("krona", CURRENCY, Kw::None, 0), ("kronor", CURRENCY, Kw::None, 0),
    ("krone", CURRENCY, Kw::None, 0), ("kroner", CURRENCY, Kw::None, 0),
    ("shekel", CURRENCY, Kw::None, 0), ("shekels", CURRENCY, Kw::None, 0),
    ("dram", CURRENCY, Kw::None, 0), ("drams", CURRENCY, Kw::None, 0),
    ("manat", CURRENCY, Kw::None, 0), ("manats", CURRENCY, Kw::None, 0),
    ("lari", CURRENCY, Kw::None, 0), ("zloty", CURRENCY, Kw::None, 0), ("forint", CURRENCY, Kw::None, 0),
    ("dinar", CURRENCY, Kw::None, 0), ("dinars", CURRENCY, Kw::None, 0),
    ("dirham", CURRENCY, Kw::None, 0), ("dirhams", CURRENCY, Kw::None, 0),
    ("riyal", CURRENCY, Kw::None, 0), ("riyals", CURRENCY, Kw::None, 0),
    ("eur", CURRENCY, Kw::None, 0), ("usd", CURRENCY, Kw::None, 0), ("gbp", CURRENCY, Kw::None, 0),
    ("jpy", CURRENCY, Kw::None, 0), ("cny", CURRENCY, Kw::None, 0), ("chf", CURRENCY, Kw::None, 0),
    ("cad", CURRENCY, Kw::None, 0), ("aud", CURRENCY, Kw::None, 0), ("hkd", CURRENCY, Kw::None, 0),
    ("rub", CURRENCY, Kw::None, 0), ("inr", CURRENCY, Kw::None, 0), ("amd", CURRENCY, Kw::None, 0),
    ("azn", CURRENCY, Kw::None, 0), ("sek", CURRENCY, Kw::None, 0), ("nok", CURRENCY, Kw::None, 0),
    ("dkk", CURRENCY, Kw::None, 0), ("pln", CURRENCY, Kw::None, 0), ("huf", CURRENCY, Kw::None, 0),
    ("czk", CURRENCY, Kw::None, 0), ("brl", CURRENCY, Kw::None, 0), ("mxn", CURRENCY, Kw::None, 0),
    ("zar", CURRENCY, Kw::None, 0), ("krw", CURRENCY, Kw::None, 0), ("sgd", CURRENCY, Kw::None, 0),
    ("nzd", CURRENCY, Kw::None, 0),
    // months
    ("january", MONTH, Kw::None, 1), ("jan", MONTH, Kw::None, 1),
    ("february", MONTH, Kw::None, 2), ("feb", MONTH, Kw::None, 2),
    ("march", MONTH, Kw::None, 3), ("mar", MONTH, Kw::None, 3),
    ("april", MONTH, Kw::None, 4), ("apr", MONTH, Kw::None, 4),
    ("may", MONTH | AUX | F, Kw::None, 5),
    ("june", MONTH, Kw::None, 6), ("jun", MONTH, Kw::None, 6),
    ("july", MONTH, Kw::None, 7), ("jul", MONTH, Kw::None, 7),
    ("august", MONTH, Kw::None, 8), ("aug", MONTH, Kw::None, 8),
    ("september", MONTH, Kw::None, 9), ("sept", MONTH, Kw::None, 9), ("sep", MONTH, Kw::None, 9),
    ("october", MONTH, Kw::None, 10), ("oct", MONTH, Kw::None, 10),
    ("november", MONTH, Kw::None, 11), ("nov", MONTH, Kw::None, 11),
    ("december", MONTH, Kw::None, 12), ("dec", MONTH, Kw::None, 12),
    // weekdays (0 = Monday)
    ("monday", WEEKDAY, Kw::None, 0), ("mon", WEEKDAY, Kw::None, 0),
    ("tuesday", WEEKDAY, Kw::None, 1), ("tue", WEEKDAY, Kw::None, 1), ("tues", WEEKDAY, Kw::None, 1),
    ("wednesday", WEEKDAY, Kw::None, 2), ("wed", WEEKDAY, Kw::None, 2),
    ("thursday", WEEKDAY, Kw::None, 3), ("thu", WEEKDAY, Kw::None, 3), ("thurs", WEEKDAY, Kw::None, 3),
    ("friday", WEEKDAY, Kw::None, 4), ("fri", WEEKDAY, Kw::None, 4),
    ("saturday", WEEKDAY, Kw::None, 5), ("sat", WEEKDAY, Kw::None, 5),
    ("sunday", WEEKDAY, Kw::None, 6), ("sun", WEEKDAY, Kw::None, 6),
    // number words
    ("zero", NUMWORD, Kw::None, 0), ("one", NUMWORD | F, Kw::None, 1), ("two", NUMWORD | F, Kw::None, 2),
    ("three", NUMWORD | F, Kw::None, 3), ("four", NUMWORD | F, Kw::None, 4), ("five", NUMWORD | F, Kw::None, 5),
    ("six", NUMWORD | F, Kw::None, 6), ("seven", NUMWORD | F, Kw::None, 7), ("eight", NUMWORD | F, Kw::None, 8),
    ("nine", NUMWORD | F, Kw::None, 9), ("ten", NUMWORD | F, Kw::None, 10), ("eleven", NUMWORD, Kw::None, 11),
    ("twelve", NUMWORD, Kw::None, 12), ("thirteen", NUMWORD, Kw::None, 13), ("fourteen", NUMWORD, Kw::None, 14),
    ("fifteen", NUMWORD, Kw::None, 15), ("sixteen", NUMWORD, Kw::None, 16), ("seventeen", NUMWORD, Kw::None, 17),
    ("eighteen", NUMWORD, Kw::None, 18), ("nineteen", NUMWORD, Kw::None, 19), ("twenty", NUMWORD, Kw::None, 20),
    ("thirty", NUMWORD, Kw::None, 30), ("forty", NUMWORD, Kw::None, 40), ("fifty", NUMWORD, Kw::None, 50),
    ("sixty", NUMWORD, Kw::None, 60), ("seventy", NUMWORD, Kw::None, 70), ("eighty", NUMWORD, Kw::None, 80),
    ("ninety", NUMWORD, Kw::None, 90),
    ("dozen", MULT, Kw::Dozen, 0), ("dozens", F, Kw::Dozens, 0),
    ("hundred", MULT, Kw::None, 2), ("thousand", MULT, Kw::None, 3), ("million", MULT, Kw::None, 6),
    ("billion", MULT, Kw::None, 9), ("trillion", MULT, Kw::None, 12),
    ("bn", MULT, Kw::None, 9), ("mn", MULT, Kw::None, 6), ("tn", MULT, Kw::None, 12),
    ("half", F, Kw::Half, 0),
    // units of time
    ("day", UNIT, Kw::None, 0), ("days", UNIT | PLURAL, Kw::None, 0),
    ("week", UNIT, Kw::None, 1), ("weeks", UNIT | PLURAL, Kw::None, 1),
    ("month", UNIT, Kw::None, 2), ("months", UNIT | PLURAL, Kw::None, 2),
    ("year", UNIT, Kw::None, 3), ("years", UNIT | PLURAL, Kw::None, 3),
    // qualifiers and their parts
    ("over", QUAL | PREP | F | STOP, Kw::None, qual::OVER), ("above", QUAL | PREP | F | STOP, Kw::None, qual::OVER),
    ("nearly", QUAL | F, Kw::None, qual::NEARLY), ("almost", QUAL | F, Kw::None, qual::ALMOST),
    ("about", QUAL | PREP | F | STOP, Kw::None, qual::ABOUT), ("approximately", QUAL | F, Kw::None, qual::ABOUT),
    ("roughly", QUAL | F, Kw::None, qual::ABOUT), ("some", QUAL | DET | F | STOP, Kw::Some, qual::ABOUT),
    ("around", QUAL | PREP | F | STOP, Kw::None, qual::AROUND), ("exactly", QUAL | F, Kw::None, qual::EXACTLY),
    ("precisely", QUAL | F, Kw::None, qual::EXACTLY),
    ("under", QUAL | PREP | F | STOP, Kw::None, qual::FEWER), ("below", QUAL | PREP | F | STOP, Kw::None, qual::FEWER),
    ("more", F | STOP, Kw::More, 0), ("less", F | STOP, Kw::Less, 0), ("fewer", F | STOP, Kw::Fewer, 0),
    ("than", F | STOP, Kw::Than, 0), ("least", F, Kw::Least, 0), ("most", F | STOP, Kw::Most, 0),
    ("up", F | STOP, Kw::Up, 0), ("just", F | ADVERB, Kw::Just, 0), ("well", F | ADVERB, Kw::Well, 0),
    ("estimated", F, Kw::Estimated, 0), ("many", F | STOP, Kw::Many, 0), ("as", F | PREP | STOP, Kw::As, 0),
    ("several", F | DET, Kw::Several, 0), ("few", F, Kw::Few, 0),
    ("percent", 0, Kw::Percent, 0), ("per", F | PREP | STOP, Kw::Per, 0), ("cent", 0, Kw::Cent, 0),
    ("long", 0, Kw::Long, 0), ("old", 0, Kw::Old, 0),
    ("a.m", F, Kw::AmPm, 0), ("p.m", F, Kw::AmPm, 0), ("am", F, Kw::AmPm, 0), ("pm", F, Kw::AmPm, 0),
    // relative-date words
    ("before", PREP | F | STOP, Kw::Before, 0), ("after", PREP | F | STOP, Kw::After, 0),
    ("later", F | ADVERB | STOP, Kw::Later, 0), ("earlier", F | ADVERB | STOP, Kw::Earlier, 0),
    ("ago", F | STOP, Kw::Ago, 0), ("prior", F | STOP, Kw::Prior, 0),
    ("since", PREP | F | STOP, Kw::Since, 0), ("last", F, Kw::Last, 0), ("next", F, Kw::Next, 0),
    ("past", F, Kw::Past, 0), ("yesterday", F | STOP, Kw::Yesterday, 0),
    ("today", F | STOP, Kw::Today, 0), ("tomorrow", F | STOP, Kw::Tomorrow, 0),
    ("following", F | STOP, Kw::Following, 0), ("previous", F, Kw::Previous, 0),
    ("preceding", F, Kw::Preceding, 0), ("same", F, Kw::Same, 0),
    ("early", F, Kw::Early, 0), ("late", F, Kw::Late, 0), ("mid", F, Kw::Mid, 0),
    ("during", PREP | F | STOP, Kw::During, 0), ("until", PREP | F | STOP, Kw::Until, 0),
    ("till", PREP | F | STOP, Kw::Until, 0),
    // determiners and pronouns
    ("the", DET | F | STOP, Kw::The, 0), ("a", DET | F | STOP, Kw::A, 0),
    ("an", DET | F | STOP, Kw::An, 0),
    ("this", DET | DEMONST | F | STOP, Kw::This, 0), ("that", DET | DEMONST | F | STOP, Kw::That, 0),
    ("these", DET | DEMONST | F | STOP, Kw::None, 0), ("those", DET | DEMONST | F | STOP, Kw::None, 0),
    ("its", DET | F | STOP, Kw::None, 0), ("their", DET | F | STOP, Kw::None, 0),
    ("his", DET | F | STOP, Kw::None, 0), ("her", DET | PRON | F | STOP, Kw::None, 0),
    ("our", DET | F | STOP, Kw::None, 0), ("my", DET | F | STOP, Kw::None, 0),
    ("your", DET | F | STOP, Kw::None, 0), ("each", DET | F | STOP, Kw::None, 0),
    ("every", DET | F | STOP, Kw::None, 0), ("all", DET | F | STOP, Kw::None, 0),
    ("both", DET | F | STOP, Kw::None, 0), ("no", DET | F | STOP, Kw::No, 0),
    ("any", DET | F | STOP, Kw::None, 0), ("other", F, Kw::None, 0),
    ("it", PRON | F | STOP, Kw::None, 0), ("he", PRON | F | STOP, Kw::None, 0),
    ("she", PRON | F | STOP, Kw::None, 0), ("they", PRON | F | STOP, Kw::None, 0),
    ("we", PRON | F | STOP, Kw::None, 0), ("i", PRON | F | STOP, Kw::None, 0),
    ("you", PRON | F | STOP, Kw::None, 0), ("there", PRON | F | STOP, Kw::None, 0),
    ("them", PRON | F | STOP, Kw::None, 0), ("him", PRON | F | STOP, Kw::None, 0),
    ("us", PRON | F | STOP, Kw::None, 0), ("me", PRON | F | STOP, Kw::None, 0),
    ("who", F | STOP, Kw::None, 0), ("which", F | STOP, Kw::None, 0),
    ("what", F | STOP, Kw::None, 0), ("when", F | STOP, Kw::None, 0),
    ("where", F | STOP, Kw::None, 0), ("why", F | STOP, Kw::None, 0),
    ("how", F | STOP, Kw::None, 0), ("whose", F | STOP, Kw::None, 0),
    ("here", F | STOP, Kw::None, 0), ("then", F | ADVERB | STOP, Kw::None, 0),
    ("now", F | ADVERB | STOP, Kw::None, 0), ("also", F | ADVERB | STOP, Kw::None, 0),
    ("still", F | ADVERB | STOP, Kw::None, 0), ("already", F | ADVERB | STOP, Kw::None, 0),
    ("reportedly", F | ADVERB | STOP, Kw::None, 0), ("not", F | ADVERB | STOP, Kw::None, 0),
    ("never", F | ADVERB | STOP, Kw::None, 0), ("only", F | ADVERB | STOP, Kw::None, 0),
    ("even", F | ADVERB | STOP, Kw::None, 0), ("allegedly", F | ADVERB | STOP, Kw::None, 0),
    ("subsequently", F | ADVERB | STOP, Kw::None, 0), ("finally", F | ADVERB | STOP, Kw::None, 0),
    ("eventually", F | ADVERB | STOP, Kw::None, 0), ("recently", F | ADVERB | STOP, Kw::None, 0),
    ("officially", F | ADVERB | STOP, Kw::None, 0), ("initially", F | ADVERB | STOP, Kw::None, 0),
    ("so", CONJ | F | STOP, Kw::None, 0), ("yet", CONJ | F | STOP, Kw::None, 0),
    // discourse adverbs
    ("however", DISCOURSE | F | STOP, Kw::None, 0), ("meanwhile", DISCOURSE | F | STOP, Kw::None, 0),
    ("moreover", DISCOURSE | F | STOP, Kw::None, 0), ("furthermore", DISCOURSE | F | STOP, Kw::None, 0),
    ("additionally", DISCOURSE | F | STOP, Kw::None, 0), ("nevertheless", DISCOURSE | F | STOP, Kw::None, 0),
    ("nonetheless", DISCOURSE | F | STOP, Kw::None, 0), ("instead", DISCOURSE | F | STOP, Kw::None, 0),
    ("indeed", DISCOURSE | F | STOP, Kw::None, 0), ("separately", DISCOURSE | F | STOP, Kw::None, 0),
    ("thus", DISCOURSE | F | STOP, Kw::None, 0), ("therefore", DISCOURSE | F | STOP, Kw::None, 0),
    // prepositions and conjunctions
    ("in", PREP | F | STOP, Kw::In, 0), ("on", PREP | F | STOP, Kw::On, 0),
    ("at", PREP | F | STOP, Kw::At, 0), ("of", PREP | F | STOP, Kw::Of, 0),
    ("for", PREP | F | STOP, Kw::For, 0), ("from", PREP | F | STOP, Kw::From, 0),
    ("to", PREP | F | STOP, Kw::To, 0), ("by", PREP | F | STOP, Kw::By, 0),
    ("with", PREP | F | STOP, Kw::None, 0), ("without", PREP | F | STOP, Kw::None, 0),
    ("between", PREP | F | STOP, Kw::None, 0), ("into", PREP | F | STOP, Kw::None, 0),
    ("onto", PREP | F | STOP, Kw::None, 0), ("through", PREP | F | STOP, Kw::None, 0),
    ("across", PREP | F | STOP, Kw::None, 0), ("against", PREP | F | STOP, Kw::None, 0),
    ("among", PREP | F | STOP, Kw::None, 0), ("amid", PREP | F | STOP, Kw::None, 0),
    ("within", PREP | F | STOP, Kw::None, 0), ("toward", PREP | F | STOP, Kw::None, 0),
    ("towards", PREP | F | STOP, Kw::None, 0), ("via", PREP | F | STOP, Kw::None, 0),
    ("despite", PREP | F | STOP, Kw::None, 0), ("near", PREP | F | STOP, Kw::None, 0),
    ("like", PREP | F | STOP, Kw::None, 0), ("including", PREP | F | STOP, Kw::None, 0),
    ("along", PREP | F | STOP, Kw::None, 0), ("upon", PREP | F | STOP, Kw::None, 0),
    ("according", F | STOP, Kw::According, 0), ("citing", F | STOP, Kw::Citing, 0),
    ("and", CONJ | F | STOP, Kw::And, 0), ("but", CONJ | F | STOP, Kw::But, 0),
    ("or", CONJ | F | STOP, Kw::Or, 0), ("nor", CONJ | F | STOP, Kw::None, 0),
    ("if", F | STOP, Kw::None, 0), ("while", F | STOP, Kw::None, 0),
    ("although", F | STOP, Kw::None, 0), ("though", F | STOP, Kw::None, 0),
    ("because", F | STOP, Kw::None, 0), ("whether", F | STOP, Kw::None, 0),
    ("unless", F | STOP, Kw::None, 0), ("once", F | STOP, Kw::None, 0),
    // auxiliaries and modals
    ("is", AUX | F | STOP, Kw::None, 0), ("are", AUX | F | STOP, Kw::None, 0), ("was", AUX | F | STOP, Kw::None, 0),
    ("were", AUX | F | STOP, Kw::None, 0), ("be", F | STOP, Kw::None, 0), ("been", F | STOP, Kw::None, 0),
    ("being", F | STOP, Kw::None, 0), ("has", AUX | F | STOP, Kw::None, 0), ("have", AUX | F | STOP, Kw::None, 0),
    ("had", AUX | F | STOP, Kw::None, 0), ("will", AUX | F | STOP, Kw::None, 0), ("would", AUX | F | STOP, Kw::None, 0),
    ("can", AUX | F | STOP, Kw::None, 0), ("could", AUX | F | STOP, Kw::None, 0), ("shall", AUX | F | STOP, Kw::None, 0),
    ("should", AUX | F | STOP, Kw::None, 0), ("might", AUX | F | STOP, Kw::None, 0), ("must", AUX | F | STOP, Kw::None, 0),
    ("do", AUX | F | STOP, Kw::None, 0), ("does", AUX | F | STOP, Kw::None, 0), ("did", AUX | F | STOP, Kw::None, 0),
    ("won't", AUX | F | STOP, Kw::None, 0), ("wasn't", AUX | F | STOP, Kw::None, 0), ("isn't", AUX | F | STOP, Kw::None, 0),
    ("didn't", AUX | F | STOP, Kw::None, 0), ("hasn't", AUX | F | STOP, Kw::None, 0), ("haven't", AUX | F | STOP, Kw::None, 0),
    // speech verbs (finite)
    ("said", SPEECH | PAST | STOP, Kw::None, 0), ("says", SPEECH | STOP, Kw::None, 0), ("say", SPEECH | STOP, Kw::None, 0),
    ("reported", SPEECH | STOP, Kw::None, 0), ("reports", SPEECH, Kw::None, 0), ("added", SPEECH | STOP, Kw::None, 0),
    ("adds", SPEECH | STOP, Kw::None, 0), ("told", SPEECH | PAST | STOP, Kw::None, 0), ("tells", SPEECH | STOP, Kw::None, 0),
    ("wrote", SPEECH | PAST | STOP, Kw::None, 0), ("writes", SPEECH | STOP, Kw::None, 0), ("stated", SPEECH | STOP, Kw::None, 0),
    ("noted", SPEECH | STOP, Kw::None, 0), ("notes", SPEECH, Kw::None, 0),
    ("claimed", SPEECH | STOP, Kw::None, 0), ("claims", SPEECH, Kw::None, 0), ("explained", SPEECH | STOP, Kw::None, 0),
    ("confirmed", SPEECH | STOP, Kw::None, 0), ("announced", SPEECH | STOP, Kw::None, 0), ("insisted", SPEECH | STOP, Kw::None, 0),
    ("warned", SPEECH | STOP, Kw::None, 0), ("argued", SPEECH | STOP, Kw::None, 0), ("revealed", SPEECH | STOP, Kw::None, 0),
    ("disclosed", SPEECH | STOP, Kw::None, 0), ("alleged", SPEECH | STOP, Kw::None, 0),
    // irregular finite past tenses
    ("met", PAST | STOP, Kw::None, 0), ("held", PAST | STOP, Kw::None, 0), ("took", PAST | STOP, Kw::None, 0),
    ("made", PAST | STOP, Kw::None, 0), ("gave", PAST | STOP, Kw::None, 0), ("went", PAST | STOP, Kw::None, 0),
    ("came", PAST | STOP, Kw::None, 0), ("began", PAST | STOP, Kw::None, 0), ("left", PAST | STOP, Kw::None, 0),
    ("fled", PAST | STOP, Kw::None, 0), ("won", PAST | STOP, Kw::None, 0), ("lost", PAST | STOP, Kw::None, 0),
    ("fell", PAST | STOP, Kw::None, 0), ("rose", PAST | STOP, Kw::None, 0), ("saw", PAST | STOP, Kw::None, 0),
    ("knew", PAST | STOP, Kw::None, 0), ("thought", PAST | STOP, Kw::None, 0), ("brought", PAST | STOP, Kw::None, 0),
    ("kept", PAST | STOP, Kw::None, 0), ("sent", PAST | STOP, Kw::None, 0), ("spent", PAST | STOP, Kw::None, 0),
    ("struck", PAST | STOP, Kw::None, 0), ("fought", PAST | STOP, Kw::None, 0), ("led", PAST | STOP, Kw::None, 0),
    ("paid", PAST | STOP, Kw::None, 0), ("ran", PAST | STOP, Kw::None, 0), ("stood", PAST | STOP, Kw::None, 0),
    ("became", PAST | STOP, Kw::None, 0), ("broke", PAST | STOP, Kw::None, 0), ("chose", PAST | STOP, Kw::None, 0),
    ("drove", PAST | STOP, Kw::None, 0), ("grew", PAST | STOP, Kw::None, 0), ("meant", PAST | STOP, Kw::None, 0),
    ("sold", PAST | STOP, Kw::None, 0), ("shot", PAST | STOP, Kw::None, 0), ("sought", PAST | STOP, Kw::None, 0),
    ("spoke", PAST | STOP, Kw::None, 0), ("threw", PAST | STOP, Kw::None, 0), ("got", PAST | STOP, Kw::None, 0),
    ("found", PAST | STOP, Kw::None, 0), ("built", PAST | STOP, Kw::None, 0), ("felt", PAST | STOP, Kw::None, 0),
    ("heard", PAST | STOP, Kw::None, 0), ("bought", PAST | STOP, Kw::None, 0), ("caught", PAST | STOP, Kw::None, 0),
    ("taught", PAST | STOP, Kw::None, 0), ("wore", PAST | STOP, Kw::None, 0), ("withdrew", PAST | STOP, Kw::None, 0),
    ("overtook", PAST | STOP, Kw::None, 0), ("undertook", PAST | STOP, Kw::None, 0), ("arose", PAST | STOP, Kw::None, 0),
    ("forbade", PAST | STOP, Kw::None, 0), ("drew", PAST | STOP, Kw::None, 0), ("flew", PAST | STOP, Kw::None, 0),
    ("hid", PAST | STOP, Kw::None, 0), ("swore", PAST | STOP, Kw::None, 0), ("understood", PAST | STOP, Kw::None, 0),
    // role heads (singular)
    ("minister", ROLE, Kw::None, 0), ("president", ROLE, Kw::None, 0), ("premier", ROLE, Kw::None, 0),
    ("chancellor", ROLE, Kw::None, 0), ("secretary", ROLE, Kw::None, 0), ("spokesperson", ROLE, Kw::None, 0),
    ("spokesman", ROLE, Kw::None, 0), ("spokeswoman", ROLE, Kw::None, 0), ("representative", ROLE, Kw::None, 0),
    ("envoy", ROLE, Kw::None, 0), ("ambassador", ROLE, Kw::None, 0), ("advisor", ROLE, Kw::None, 0),
    ("adviser", ROLE, Kw::None, 0), ("aide", ROLE, Kw::None, 0), ("chief", ROLE, Kw::None, 0),
    ("head", ROLE, Kw::None, 0), ("director", ROLE, Kw::None, 0), ("chairman", ROLE, Kw::None, 0),
    ("chairwoman", ROLE, Kw::None, 0), ("chair", ROLE, Kw::None, 0), ("chairperson", ROLE, Kw::None, 0),
    ("commander", ROLE, Kw::None, 0), ("general", ROLE, Kw::None, 0), ("governor", ROLE, Kw::None, 0),
    ("mayor", ROLE, Kw::None, 0), ("senator", ROLE, Kw::None, 0), ("congressman", ROLE, Kw::None, 0),
    ("congresswoman", ROLE, Kw::None, 0), ("lawmaker", ROLE, Kw::None, 0), ("deputy", ROLE, Kw::None, 0),
    ("leader", ROLE, Kw::None, 0), ("official", ROLE, Kw::None, 0), ("officer", ROLE, Kw::None, 0),
    ("negotiator", ROLE, Kw::None, 0), ("diplomat", ROLE, Kw::None, 0), ("coordinator", ROLE, Kw::None, 0),
    ("commissioner", ROLE, Kw::None, 0), ("ceo", ROLE, Kw::None, 0), ("founder", ROLE, Kw::None, 0),
    ("editor", ROLE, Kw::None, 0), ("correspondent", ROLE, Kw::None, 0), ("analyst", ROLE, Kw::None, 0),
    ("professor", ROLE, Kw::None, 0), ("judge", ROLE, Kw::None, 0), ("prosecutor", ROLE, Kw::None, 0),
    ("attorney", ROLE, Kw::None, 0), ("lawyer", ROLE, Kw::None, 0), ("king", ROLE, Kw::None, 0),
    ("queen", ROLE, Kw::None, 0), ("prince", ROLE, Kw::None, 0), ("ombudsman", ROLE, Kw::None, 0),
    ("mediator", ROLE, Kw::None, 0), ("emissary", ROLE, Kw::None, 0), ("delegate", ROLE, Kw::None, 0),
    ("counsellor", ROLE, Kw::None, 0), ("counselor", ROLE, Kw::None, 0), ("consul", ROLE, Kw::None, 0),
    ("administrator", ROLE, Kw::None, 0), ("manager", ROLE, Kw::None, 0), ("executive", ROLE, Kw::None, 0),
    ("mp", ROLE, Kw::None, 0), ("mep", ROLE, Kw::None, 0), ("speaker", ROLE, Kw::None, 0),
    ("ruler", ROLE, Kw::None, 0), ("emir", ROLE, Kw::None, 0), ("sheikh", ROLE, Kw::None, 0),
    // organisation and place words: never part of a person's name
    ("union", ORG, Kw::None, 0), ("states", ORG, Kw::None, 0), ("kingdom", ORG, Kw::None, 0),
    ("republic", ORG, Kw::None, 0), ("nations", ORG, Kw::None, 0), ("ministry", ORG, Kw::None, 0),
    ("council", ORG, Kw::None, 0), ("committee", ORG, Kw::None, 0), ("party", ORG, Kw::None, 0),
    ("government", ORG, Kw::None, 0), ("agency", ORG, Kw::None, 0), ("court", ORG, Kw::None, 0),
    ("bank", ORG, Kw::None, 0), ("army", ORG, Kw::None, 0), ("forces", ORG, Kw::None, 0),
    ("news", ORG, Kw::None, 0), ("times", ORG, Kw::None, 0), ("post", ORG, Kw::None, 0),
    ("inc", ORG, Kw::None, 0), ("corp", ORG, Kw::None, 0), ("ltd", ORG, Kw::None, 0),
    ("university", ORG, Kw::None, 0), ("institute", ORG, Kw::None, 0), ("office", ORG, Kw::None, 0),
    ("department", ORG, Kw::None, 0), ("organization", ORG, Kw::None, 0), ("organisation", ORG, Kw::None, 0),
    ("parliament", ORG, Kw::None, 0), ("assembly", ORG, Kw::None, 0), ("senate", ORG, Kw::None, 0),
    ("house", ORG, Kw::None, 0), ("city", ORG, Kw::None, 0), ("region", ORG, Kw::None, 0),
    ("province", ORG, Kw::None, 0), ("county", ORG, Kw::None, 0), ("street", ORG, Kw::None, 0),
    ("sea", ORG, Kw::None, 0), ("river", ORG, Kw::None, 0), ("island", ORG, Kw::None, 0),
    ("islands", ORG, Kw::None, 0), ("mountains", ORG, Kw::None, 0), ("group", ORG, Kw::None, 0),
    ("company", ORG, Kw::None, 0), ("commission", ORG, Kw::None, 0), ("federation", ORG, Kw::None, 0),
    ("association", ORG, Kw::None, 0), ("service", ORG, Kw::None, 0), ("church", ORG, Kw::None, 0),
    ("airport", ORG, Kw::None, 0), ("corridor", ORG, Kw::None, 0), ("front", ORG, Kw::None, 0),
    ("east", ORG, Kw::None, 0), ("west", ORG, Kw::None, 0), ("north", ORG, Kw::None, 0),
    ("south", ORG, Kw::None, 0), ("caucasus", ORG, Kw::None, 0), ("negotiations", ORG, Kw::None, 0),
    // name particles
    ("de", PARTICLE, Kw::None, 0), ("van", PARTICLE, Kw::None, 0), ("von", PARTICLE, Kw::None, 0),
    ("der", PARTICLE, Kw::None, 0), ("da", PARTICLE, Kw::None, 0), ("di", PARTICLE, Kw::None, 0),
    ("al", PARTICLE, Kw::None, 0), ("bin", PARTICLE, Kw::None, 0), ("ibn", PARTICLE, Kw::None, 0),
    ("le", PARTICLE, Kw::None, 0), ("la", PARTICLE, Kw::None, 0), ("du", PARTICLE, Kw::None, 0),
    ("dos", PARTICLE, Kw::None, 0), ("del", PARTICLE, Kw::None, 0),
    // other ordinary words often capitalised at the start of a sentence
    ("read", F, Kw::None, 0), ("see", F, Kw::None, 0), ("more", F, Kw::More, 0), ("related", F, Kw::None, 0),
    ("watch", F, Kw::None, 0), ("parties", F, Kw::None, 0), ("officials", F, Kw::None, 0),
    ("people", F, Kw::None, 0), ("residents", F, Kw::None, 0),
];

/// The sentence splitter's words ([`sbd`] bits), lower case. Month and weekday abbreviations
/// are in [`WORDS`] too (their class there is the grammar's).
#[rustfmt::skip]
pub(crate) const SBD_WORDS: &[(&str, u16)] = &[
    // titles before a name
    ("mr", sbd::TITLE), ("mrs", sbd::TITLE), ("ms", sbd::TITLE), ("dr", sbd::TITLE),
    ("prof", sbd::TITLE), ("gen", sbd::TITLE), ("st", sbd::TITLE | sbd::ABBR), ("mt", sbd::TITLE | sbd::ABBR),
    ("ft", sbd::TITLE | sbd::ABBR), ("sen", sbd::TITLE), ("rep", sbd::TITLE), ("gov", sbd::TITLE),
    ("lt", sbd::TITLE), ("col", sbd::TITLE | sbd::NUMBER), ("sgt", sbd::TITLE), ("capt", sbd::TITLE),
    ("cmdr", sbd::TITLE), ("adm", sbd::TITLE), ("rev", sbd::TITLE), ("hon", sbd::TITLE),
    ("pres", sbd::TITLE), ("messrs", sbd::TITLE), ("mme", sbd::TITLE), ("mlle", sbd::TITLE),
    ("maj", sbd::TITLE), ("brig", sbd::TITLE), ("supt", sbd::TITLE), ("insp", sbd::TITLE),
    ("fr", sbd::TITLE), ("sr", sbd::TITLE | sbd::ABBR), ("jr", sbd::TITLE | sbd::ABBR), ("mx", sbd::TITLE),
    ("cpl", sbd::TITLE), ("pvt", sbd::TITLE), ("amb", sbd::TITLE), ("atty", sbd::TITLE),
    ("rt", sbd::TITLE | sbd::NUMBER), ("sens", sbd::TITLE), ("reps", sbd::TITLE), ("govs", sbd::TITLE),
    // abbreviations that take a number
    ("p", sbd::NUMBER), ("pp", sbd::NUMBER), ("no", sbd::NUMBER | sbd::ABBR), ("nos", sbd::NUMBER),
    ("nr", sbd::NUMBER), ("vol", sbd::NUMBER), ("vols", sbd::NUMBER), ("fig", sbd::NUMBER),
    ("figs", sbd::NUMBER), ("art", sbd::NUMBER), ("sec", sbd::NUMBER), ("ch", sbd::NUMBER),
    ("chap", sbd::NUMBER), ("para", sbd::NUMBER), ("approx", sbd::NUMBER | sbd::ABBR), ("ca", sbd::NUMBER),
    ("c", sbd::NUMBER), ("v", sbd::NUMBER | sbd::NEVER_FINAL), ("vs", sbd::NUMBER | sbd::NEVER_FINAL),
    ("op", sbd::NUMBER), ("ed", sbd::NUMBER), ("tel", sbd::NUMBER), ("ext", sbd::NUMBER),
    ("est", sbd::NUMBER | sbd::ABBR | sbd::ZONE), ("rs", sbd::NUMBER), ("ref", sbd::NUMBER), ("pt", sbd::NUMBER | sbd::ZONE),
    ("pts", sbd::NUMBER), ("ex", sbd::NUMBER),
    ("jan", sbd::NUMBER | sbd::ABBR), ("feb", sbd::NUMBER | sbd::ABBR), ("mar", sbd::NUMBER | sbd::ABBR),
    ("apr", sbd::NUMBER | sbd::ABBR), ("jun", sbd::NUMBER | sbd::ABBR), ("jul", sbd::NUMBER | sbd::ABBR),
    ("aug", sbd::NUMBER | sbd::ABBR), ("sep", sbd::NUMBER | sbd::ABBR), ("sept", sbd::NUMBER | sbd::ABBR),
    ("oct", sbd::NUMBER | sbd::ABBR), ("nov", sbd::NUMBER | sbd::ABBR), ("dec", sbd::NUMBER | sbd::ABBR),
    // abbreviations that may end a sentence
    ("inc", sbd::ABBR), ("co", sbd::ABBR), ("corp", sbd::ABBR), ("ltd", sbd::ABBR), ("llc", sbd::ABBR),
    ("plc", sbd::ABBR), ("etc", sbd::ABBR), ("al", sbd::ABBR), ("dept", sbd::ABBR), ("govt", sbd::ABBR),
    ("intl", sbd::ABBR), ("assn", sbd::ABBR), ("bros", sbd::ABBR), ("univ", sbd::ABBR),
    ("mon", sbd::ABBR), ("tue", sbd::ABBR), ("tues", sbd::ABBR), ("wed", sbd::ABBR), ("thu", sbd::ABBR),
    ("thurs", sbd::ABBR), ("fri", sbd::ABBR), ("sat", sbd::ABBR), ("sun", sbd::ABBR),
    ("ave", sbd::ABBR), ("blvd", sbd::ABBR), ("rd", sbd::ABBR), ("mins", sbd::ABBR), ("min", sbd::ABBR),
    ("hrs", sbd::ABBR), ("hr", sbd::ABBR), ("sq", sbd::ABBR), ("km", sbd::ABBR), ("kg", sbd::ABBR),
    ("lb", sbd::ABBR), ("lbs", sbd::ABBR), ("oz", sbd::ABBR), ("mi", sbd::ABBR), ("ibid", sbd::ABBR),
    // never at the end of a sentence
    ("cf", sbd::NEVER_FINAL), ("viz", sbd::NEVER_FINAL), ("eg", sbd::NEVER_FINAL), ("ie", sbd::NEVER_FINAL),
    ("e.g", sbd::NEVER_FINAL), ("i.e", sbd::NEVER_FINAL),
    // words that continue a name after an abbreviation ("U.S. Air Force"); roles and
    // organisation words (class ROLE, ORG) continue as well
    ("air", sbd::CONTINUES), ("navy", sbd::CONTINUES), ("marine", sbd::CONTINUES), ("marines", sbd::CONTINUES),
    ("congress", sbd::CONTINUES), ("embassy", sbd::CONTINUES), ("consulate", sbd::CONTINUES),
    ("treasury", sbd::CONTINUES), ("census", sbd::CONTINUES), ("capitol", sbd::CONTINUES),
    ("coast", sbd::CONTINUES), ("border", sbd::CONTINUES), ("customs", sbd::CONTINUES), ("postal", sbd::CONTINUES),
    ("supreme", sbd::CONTINUES), ("federal", sbd::CONTINUES), ("national", sbd::CONTINUES), ("high", sbd::CONTINUES),
    ("security", sbd::CONTINUES), ("special", sbd::CONTINUES), ("central", sbd::CONTINUES),
    ("district", sbd::CONTINUES), ("circuit", sbd::CONTINUES), ("open", sbd::CONTINUES),
    ("dollar", sbd::CONTINUES), ("dollars", sbd::CONTINUES), ("economy", sbd::CONTINUES),
    ("military", sbd::CONTINUES), ("intelligence", sbd::CONTINUES), ("troops", sbd::CONTINUES),
    ("soldiers", sbd::CONTINUES), ("citizens", sbd::CONTINUES), ("authorities", sbd::CONTINUES),
    ("mission", sbd::CONTINUES), ("delegation", sbd::CONTINUES), ("envoys", sbd::CONTINUES),
    ("officials", sbd::CONTINUES), ("summit", sbd::CONTINUES), ("member", sbd::CONTINUES),
    ("members", sbd::CONTINUES), ("team", sbd::CONTINUES), ("policy", sbd::CONTINUES),
    ("attorney", sbd::CONTINUES), ("justice", sbd::CONTINUES), ("energy", sbd::CONTINUES),
    ("defense", sbd::CONTINUES), ("defence", sbd::CONTINUES), ("state", sbd::CONTINUES),
    ("health", sbd::CONTINUES), ("trade", sbd::CONTINUES), ("steel", sbd::CONTINUES),
    // time zones after a clock time
    ("gmt", sbd::ZONE), ("utc", sbd::ZONE), ("et", sbd::ZONE), ("edt", sbd::ZONE), ("ct", sbd::ZONE),
    ("cdt", sbd::ZONE), ("cst", sbd::ZONE), ("pdt", sbd::ZONE), ("pst", sbd::ZONE), ("mdt", sbd::ZONE),
    ("mst", sbd::ZONE), ("cet", sbd::ZONE), ("cest", sbd::ZONE), ("bst", sbd::ZONE), ("jst", sbd::ZONE),
    ("ist", sbd::ZONE), ("aest", sbd::ZONE), ("local", sbd::ZONE),
];

const TABLE_BITS: u32 = 11;
const TABLE_SIZE: usize = 1 << TABLE_BITS;

/// Two open-addressing tables: words of up to 8 bytes (most of them, and most words of a text)
/// with `u64` keys, longer ones with `u128` keys.
pub(crate) struct Table {
    short_keys: Vec<u64>,
    short: Vec<Entry>,
    long_keys: Vec<u128>,
    long: Vec<Entry>,
}

fn hash64(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

fn hash128(key: u128) -> usize {
    hash64((key as u64) ^ ((key >> 64) as u64).rotate_left(29))
}

const ONES64: u64 = 0x0101_0101_0101_0101;

/// Lower-cases ASCII bytes packed in a `u64`; `None` if one is not ASCII.
fn lower64(raw: u64) -> Option<u64> {
    if raw & (ONES64 * 0x80) != 0 {
        return None;
    }
    // SWAR: add 0x20 to each byte in 'A'..='Z'.
    let above_a = raw.wrapping_add(ONES64 * (0x80 - b'A' as u64));
    let above_z = raw.wrapping_add(ONES64 * (0x80 - b'Z' as u64 - 1));
    let upper = (above_a & !above_z) & (ONES64 * 0x80);
    Some(raw | (upper >> 2))
}

/// The key of a word: the lower-cased bytes packed little-endian, zero after the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Short(u64),
    Long(u128),
}

/// Packs a word of at most 16 ASCII bytes, lower-cased, into a key; `None` for anything else.
pub(crate) fn key(word: &[u8]) -> Option<Key> {
    let len = word.len();
    if len == 0 || len > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..len].copy_from_slice(word);
    let lo = u64::from_le_bytes(buf[..8].try_into().unwrap_or([0; 8]));
    let hi = u64::from_le_bytes(buf[8..].try_into().unwrap_or([0; 8]));
    if len <= 8 {
        lower64(lo).map(Key::Short)
    } else {
        Some(Key::Long(
            u128::from(lower64(lo)?) | (u128::from(lower64(hi)?) << 64),
        ))
    }
}

/// The lexicon's tables (built on first use).
pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            short_keys: vec![0; TABLE_SIZE],
            short: vec![Entry::NONE; TABLE_SIZE],
            long_keys: vec![0; TABLE_SIZE],
            long: vec![Entry::NONE; TABLE_SIZE],
        };
        for &(word, class, kw, val) in WORDS {
            let entry = match key(word.as_bytes()) {
                Some(Key::Short(k)) => insert(&mut t.short_keys, &mut t.short, k, hash64(k)),
                Some(Key::Long(k)) => insert(&mut t.long_keys, &mut t.long, k, hash128(k)),
                None => continue,
            };
            // A later duplicate adds its classes (a word listed in two groups).
            entry.class |= class;
            if entry.kw == Kw::None {
                entry.kw = kw;
            }
            if entry.val == 0 {
                entry.val = val;
            }
        }
        for &(word, bits) in SBD_WORDS {
            let entry = match key(word.as_bytes()) {
                Some(Key::Short(k)) => insert(&mut t.short_keys, &mut t.short, k, hash64(k)),
                Some(Key::Long(k)) => insert(&mut t.long_keys, &mut t.long, k, hash128(k)),
                None => continue,
            };
            entry.sbd |= bits;
        }
        t
    })
}

/// The entry of `k`, inserted empty if it is new.
fn insert<'a, K: Copy + PartialEq + Default>(
    keys: &mut [K],
    entries: &'a mut [Entry],
    k: K,
    mut slot: usize,
) -> &'a mut Entry {
    loop {
        if keys[slot] == K::default() {
            keys[slot] = k;
            return &mut entries[slot];
        }
        if keys[slot] == k {
            return &mut entries[slot];
        }
        slot = (slot + 1) & (TABLE_SIZE - 1);
    }
}

#[inline]
fn probe<K: Copy + PartialEq + Default>(
    keys: &[K],
    entries: &[Entry],
    k: K,
    mut slot: usize,
) -> Entry {
    loop {
        let stored = keys[slot];
        if stored == k {
            return entries[slot];
        }
        if stored == K::default() {
            return Entry::NONE;
        }
        slot = (slot + 1) & (TABLE_SIZE - 1);
    }
}

fn probe_key(k: Key) -> Entry {
    let t = table();
    match k {
        Key::Short(k) => probe(&t.short_keys, &t.short, k, hash64(k)),
        Key::Long(k) => probe(&t.long_keys, &t.long, k, hash128(k)),
    }
}

/// Calls `f` with `s` lower-cased (ASCII) in a stack buffer; `None` if `s` is longer than 16
/// bytes.
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let b = s.as_bytes();
    if b.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    Some(f(&buf[..b.len()]))
}

/// The lexicon entry of a word (case-insensitive); [`Entry::NONE`] when it has none.
pub(crate) fn lookup(word: &[u8]) -> Entry {
    match key(word) {
        Some(k) => probe_key(k),
        None => Entry::NONE,
    }
}

/// [`lookup`] of `text[start..end]`; a word of up to 8 bytes is read with one 8-byte load when
/// the text allows. Inlined into the tokenizer's word loop (one call per word: the call itself
/// cost as much as the probe).
#[inline(always)]
pub(crate) fn lookup_in(t: &Table, text: &[u8], start: usize, end: usize) -> Entry {
    let len = end.wrapping_sub(start);
    if len == 0 || len > 16 || end > text.len() {
        return Entry::NONE;
    }
    if len <= 8
        && let Some(chunk) = text.get(start..start + 8)
    {
        let raw = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let raw = if len < 8 {
            raw & ((1u64 << (8 * len)) - 1)
        } else {
            raw
        };
        let Some(k) = lower64(raw) else {
            return Entry::NONE;
        };
        return probe(&t.short_keys, &t.short, k, hash64(k));
    }
    lookup(&text[start..end])
}

/// A verb or noun of beginning or ending ("began", "launched", "ended", "concluded"), which
/// makes a date it governs speak of an event's start or end. `lower`: the word, lower-cased.
pub(crate) fn aspect_word(lower: &[u8]) -> Option<crate::types::Aspect> {
    use crate::types::Aspect::{Begin, End};
    Some(match lower {
        b"began" | b"begun" | b"begin" | b"begins" | b"beginning" | b"start" | b"started"
        | b"starts" | b"launched" | b"launch" | b"launches" | b"launching" | b"opened"
        | b"imposed" | b"introduced" | b"initiated" | b"erupted" | b"broke" | b"commenced"
        | b"outbreak" | b"onset" => Begin,
        b"ended" | b"end" | b"ends" | b"ending" | b"concluded" | b"conclude" | b"concludes"
        | b"finished" | b"lifted" | b"completed" | b"expired" | b"halted" | b"closed"
        | b"ceased" => End,
        _ => return None,
    })
}

/// A word that opens a relative or temporal clause ("who", "which", "when").
pub(crate) fn opens_clause(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"who" | b"whom" | b"whose" | b"which" | b"where" | b"when" | b"while" | b"whereas"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_case_insensitively() {
        assert_eq!(lookup(b"September").val, 9);
        assert!(lookup(b"SEPT").is(MONTH));
        assert!(lookup(b"Wednesday").is(WEEKDAY));
        assert_eq!(lookup(b"six").val, 6);
        assert!(lookup(b"over").is(QUAL) && lookup(b"over").is(PREP));
        assert!(lookup(b"may").is(MONTH) && lookup(b"may").is(AUX));
        assert_eq!(lookup(b"Nagorno-Karabakh"), Entry::NONE);
        assert_eq!(lookup("é".as_bytes()), Entry::NONE);
        assert_eq!(lookup(b"abcdefghijklmnopqrstuvwxyz"), Entry::NONE);
        assert_eq!(lookup(b""), Entry::NONE);
    }

    #[test]
    fn every_word_is_found() {
        for &(word, class, _, _) in WORDS {
            assert!(lookup(word.as_bytes()).class & class == class, "{word}");
        }
        for &(word, bits) in SBD_WORDS {
            assert!(lookup(word.as_bytes()).sbd & bits == bits, "{word}");
        }
    }

    #[test]
    fn splitter_words_are_no_grammar_words() {
        // A word the splitter knows, and the grammar does not, stays an unknown word to it.
        assert_eq!(lookup(b"oz").class, 0);
        assert!(lookup(b"oz").is_sbd(sbd::ABBR));
        assert!(lookup(b"Jan").is(MONTH) && lookup(b"Jan").is_sbd(sbd::NUMBER));
    }
}
