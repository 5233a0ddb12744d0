//! Enums saved as one of a few words (`"monthly"`, `"half-yearly"`), read and written by one
//! shared piece of serde code.
//!
//! serde's derive writes, for every such enum, a visitor for the word, a visitor for the enum
//! and the JSON reader's enum access around them: about 1.5 KB of WebAssembly each, for what is
//! a lookup in a list of words. A [`Keyword`] lists its values and their words once; its serde
//! impls ([`keyword_serde!`](crate::keyword_serde)) read a string and look it up. The saved
//! form is the same word, and an unknown word gets serde's own message ("unknown variant
//! `hourly`, expected one of `weekly`, `monthly`, …").

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serializer};

/// An enum whose values are written as fixed words.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::keyword::Keyword;
/// use kra_kpi::domain::period::Frequency;
///
/// assert_eq!(Frequency::HalfYearly.word(), "half-yearly");
/// assert_eq!(Frequency::from_word("annual"), Some(Frequency::Annual));
/// assert_eq!(serde_json::to_string(&Frequency::Monthly).unwrap(), r#""monthly""#);
/// let err = serde_json::from_str::<Frequency>(r#""hourly""#).unwrap_err().to_string();
/// assert!(err.starts_with("unknown variant `hourly`, expected one of `weekly`, `monthly`"), "{err}");
/// ```
pub trait Keyword: Copy + PartialEq + Sized + 'static {
    /// Every value, in the order of [`Keyword::WORDS`].
    const VALUES: &'static [Self];
    /// Each value's word, as saved: `WORDS[i]` is the word of `VALUES[i]`.
    const WORDS: &'static [&'static str];

    /// This value's word.
    fn word(self) -> &'static str {
        let i = Self::VALUES.iter().position(|v| *v == self).unwrap_or(0);
        Self::WORDS.get(i).copied().unwrap_or_default()
    }

    /// The value whose word is `word`, if any.
    fn from_word(word: &str) -> Option<Self> {
        let i = Self::WORDS.iter().position(|w| *w == word)?;
        Self::VALUES.get(i).copied()
    }
}

/// Writes `value` as its word (serde's `serialize_with` shape).
pub fn serialize<T: Keyword, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.word())
}

/// Reads a value from its word (serde's `deserialize_with` shape).
pub fn deserialize<'de, T: Keyword, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let word = String::deserialize(deserializer)?;
    T::from_word(&word).ok_or_else(|| D::Error::unknown_variant(&word, T::WORDS))
}

/// Implements `Serialize` and `Deserialize` for a [`Keyword`] through [`serialize`] and
/// [`deserialize`].
#[macro_export]
macro_rules! keyword_serde {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::domain::keyword::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::domain::keyword::deserialize(deserializer)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Keyword;
    use crate::domain::period::Frequency;
    use crate::domain::scoring::method::{LowerRatio, ScoringMethod};
    use crate::domain::scoring::Aggregation;

    /// Every value has one word, no two share it, and each survives JSON both ways.
    fn round_trips<T: Keyword + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned>() {
        assert_eq!(T::VALUES.len(), T::WORDS.len());
        for (i, &v) in T::VALUES.iter().enumerate() {
            assert_eq!(v.word(), T::WORDS[i]);
            assert_eq!(T::from_word(v.word()), Some(v));
            assert_eq!(T::WORDS.iter().filter(|w| **w == v.word()).count(), 1);
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.word()));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
        }
        assert_eq!(T::from_word("no such word"), None);
    }

    #[test]
    fn every_keyword_enum_round_trips_through_its_words() {
        round_trips::<Frequency>();
        round_trips::<Aggregation>();
        round_trips::<ScoringMethod>();
        round_trips::<LowerRatio>();
    }

    #[test]
    fn a_wrong_type_or_word_is_refused_with_serde_s_message() {
        let err = |json: &str| serde_json::from_str::<Aggregation>(json).unwrap_err().to_string();
        assert_eq!(
            err(r#""median""#),
            "unknown variant `median`, expected one of `sum`, `average`, `last`, `min`, `max`"
        );
        // Inside a save, the reader of the object around it says where.
        let nested = serde_json::from_str::<Vec<Aggregation>>(r#"["sum", "median"]"#).unwrap_err().to_string();
        assert_eq!(
            nested,
            "unknown variant `median`, expected one of `sum`, `average`, `last`, `min`, `max` at line 1 column 17"
        );
        assert!(err("3").starts_with("invalid type: integer `3`, expected a string"));
        assert!(err("null").starts_with("invalid type: null, expected a string"));
    }
}
