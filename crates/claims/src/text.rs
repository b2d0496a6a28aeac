//! The grammar's word knowledge for the other crates: the lexicon's closed word classes (units
//! of time, month and weekday names, number words, qualifiers) behind small functions, so that
//! the built-in checks and the rules crate read words the way the grammar does instead of
//! keeping lists of their own.

use factcheck_model::calendar::{Bound, Unit};

use crate::lexicon::{self, class};
use crate::types::Qualifier;

/// The unit of time a word names: "day", "days", "WEEK", "months", "year" (any ASCII case).
pub fn unit_of(word: &str) -> Option<Unit> {
    let e = lexicon::lookup(word.as_bytes());
    e.is(class::UNIT).then(|| lexicon::unit(e.val))
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
