//! Decimal text to `f64`, exactly: the one number reader behind saved data, imports, share links
//! and every typed number.
//!
//! Every number the widget reads must come back as the same `f64` it was written from (a save
//! loaded again, a file imported, a reading typed twice), so the reader must give the `f64`
//! nearest to the decimal value. Exact readers carry large tables: serde_json's
//! `float_roundtrip` (a 6.8 KB table of powers of ten that no compressor shrinks, and the big
//! integer arithmetic behind it) and core's `str::parse::<f64>` (a 10 KB table of powers of
//! five). This module ships neither in the WebAssembly module (issue 9):
//!
//! - **The fast path** (Clinger's): when the digits, leading zeros aside, form an integer of at
//!   most 2⁵³ and the decimal exponent is within ±22, both the integer and the power of ten are
//!   exact `f64`s, and one IEEE multiplication or division rounds their product correctly.
//!   Nearly every number people type or the widget writes (`42.125`, `0.1`, `1500`, `-3.75e2`)
//!   takes this path.
//! - **The rest** (seventeen significant digits such as `0.30000000000000004`, or a far
//!   exponent) go to a correctly rounding reader that is already there: in WebAssembly, the
//!   JavaScript engine's own `parseFloat` (V8, SpiderMonkey and JavaScriptCore all round
//!   correctly); natively, core's `str::parse`. A browser test compares the two readers on
//!   generated numbers, and host tests compare the fast path with `str::parse`.
//!
//! That slow path is the one place the domain core calls the browser, and only through a
//! function of text to number. [`serde`] reads a saved number's text through [`parse`].

/// The `f64` nearest to `text`, a number in JSON's grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?`
/// followed by an optional exponent), or `None` when it is out of `f64`'s range (or not such a
/// number at all).
///
/// A number too small for `f64` reads as zero, as `str::parse` reads it.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::decimal::parse;
///
/// assert_eq!(parse("42.125"), Some(42.125));
/// assert_eq!(parse("-0.5e1"), Some(-5.0));
/// assert_eq!(parse("0.30000000000000004"), Some(0.1 + 0.2));
/// assert_eq!(parse("1e400"), None);
/// ```
pub fn parse(text: &str) -> Option<f64> {
    fast(text).or_else(|| slow(text)).filter(|v| v.is_finite())
}

/// Clinger's fast path (see the module comment), or `None` when it does not apply. One pass
/// over the bytes: it reads every number of a large save.
fn fast(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut i = usize::from(negative);
    let (mut digits, mut taken, mut whole, mut fraction, mut point) = (0_u64, 0, 0, 0_i32, false);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                if point {
                    fraction += 1;
                } else {
                    whole += 1;
                }
                if digits > 0 || b != b'0' {
                    // Nineteen digits always fit a u64; more never pass the 2⁵³ test below.
                    if taken == 19 {
                        return None;
                    }
                    digits = digits * 10 + u64::from(b - b'0');
                    taken += 1;
                }
            }
            b'.' if !point => point = true,
            b'e' | b'E' => break,
            _ => return None,
        }
        i += 1;
    }
    if whole == 0 || digits > 1 << 53 {
        return None;
    }
    let written = match text.get(i + 1..) {
        Some(exponent) => small_exponent(exponent)?,
        None => 0,
    };
    let exponent = written - fraction;
    let magnitude = if digits == 0 {
        0.0
    } else if exponent.unsigned_abs() > 22 {
        return None;
    } else {
        // 10^k is exact for k <= 22 (5^22 < 2^53), and so is every step of this product.
        let power = (0..exponent.unsigned_abs()).fold(1.0_f64, |p, _| p * 10.0);
        let integer = digits as f64;
        if exponent < 0 {
            integer / power
        } else {
            integer * power
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// An exponent's text (`+3`, `-12`, `7`) as a number, when it has at most four digits: a larger
/// one is far outside the fast path, whatever the digits before it.
fn small_exponent(text: &str) -> Option<i32> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits.bytes().fold(0_i32, |v, b| v * 10 + i32::from(b - b'0'));
    Some(if negative { -value } else { value })
}

/// The JavaScript engine's `parseFloat`, which rounds correctly (module comment). `NaN` for a
/// text that is not a number, which [`parse`] then refuses.
#[cfg(target_arch = "wasm32")]
fn slow(text: &str) -> Option<f64> {
    Some(js_sys::parse_float(text))
}

/// Core's correctly rounded reader; natively it costs no download.
#[cfg(not(target_arch = "wasm32"))]
fn slow(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// Reading saved numbers through [`parse`]: `#[serde(deserialize_with = "…")]` helpers for the
/// `f64` fields of saved types.
///
/// Each number is borrowed from the saved text as written ([`RawValue`]: nothing is allocated,
/// which matters for the 100,000 readings of a large save) and read exactly. They work with
/// serde_json reading from a string, as every saved-data path does. Writing needs nothing of the
/// kind: serde_json writes the shortest text that reads back as the same `f64`.
///
/// ```
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Target {
///     #[serde(deserialize_with = "kra_kpi::domain::decimal::serde::number")]
///     value: f64,
/// }
///
/// let t: Target = serde_json::from_str(r#"{"value": 0.30000000000000004}"#).unwrap();
/// assert_eq!(t.value, 0.1 + 0.2);
/// let wrong = serde_json::from_str::<Target>(r#"{"value": "95"}"#).err().unwrap();
/// assert_eq!(wrong.to_string(), "invalid type: string \"95\", expected a number at line 1 column 15");
/// ```
///
/// [`RawValue`]: serde_json::value::RawValue
pub mod serde {
    use serde::de::{Deserialize, Deserializer, Error, Unexpected};
    use serde_json::value::RawValue;

    /// A number, read exactly.
    pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        read(<&RawValue>::deserialize(d)?.get())
    }

    /// A number or `null`, read exactly.
    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<&RawValue>::deserialize(d)?.map(|raw| read(raw.get())).transpose()
    }

    /// Whether one saved value's text (valid JSON) is a number rather than a string, a list, an
    /// object, `true`, `false` or `null`: JSON's numbers, and only they, start with `-` or a digit.
    pub fn is_number(text: &str) -> bool {
        text.starts_with(|c: char| c == '-' || c.is_ascii_digit())
    }

    /// One saved value's text (valid JSON) through [`parse`](super::parse), or the error serde
    /// would give for a value that is not a number.
    pub fn read<E: Error>(text: &str) -> Result<f64, E> {
        if is_number(text) {
            return super::parse(text).ok_or_else(|| E::custom(format_args!("number out of range: {text}")));
        }
        let unexpected = match text.as_bytes().first() {
            Some(b'"') => Unexpected::Str(text.trim_matches('"')),
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'[') => Unexpected::Seq,
            Some(b'{') => Unexpected::Map,
            _ => Unexpected::Unit,
        };
        Err(E::invalid_type(unexpected, &"a number"))
    }
}

/// A saved number read exactly, as a type: for the fields of the flat records that are read and
/// then checked (a KPI's direction and target plan), where serde's own handling of `Option`
/// (absent is `None`, and a list in place of the record is refused) should stay as it is.
/// `#[serde(deserialize_with)]` would need `default`, which lets a short list through.
///
/// ```
/// use kra_kpi::domain::decimal::Exact;
///
/// let read: Option<Exact> = serde_json::from_str("0.30000000000000004").unwrap();
/// assert_eq!(read, Some(Exact(0.1 + 0.2)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exact(pub f64);

impl<'de> ::serde::Deserialize<'de> for Exact {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Exact, D::Error> {
        serde::number(d).map(Exact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_agrees_with_core() {
        for text in [
            "0",
            "-0",
            "1",
            "10",
            "0.1",
            "0.5",
            "42.125",
            "1500",
            "-3.75e2",
            "123456789012345",
            "9007199254740992",
            "1e22",
            "1e-22",
            "0.000125",
            "100e-3",
            "1.50",
            "0e400",
            "0.0000",
            "4.35",
            "1E+3",
            "1e-0",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(fast(text).map(f64::to_bits), Some(expected.to_bits()), "{text}");
        }
    }

    #[test]
    fn fast_path_steps_aside_where_it_could_round_twice() {
        for text in ["9007199254740993", "0.30000000000000004", "1e23", "1e-23", "12345678901234567890", "1e99999"] {
            assert_eq!(fast(text), None, "{text}");
            assert_eq!(parse(text), text.parse::<f64>().ok().filter(|v| v.is_finite()), "{text}");
        }
    }

    #[test]
    fn out_of_range_and_foreign_text() {
        assert_eq!(parse("1e309"), None);
        assert_eq!(parse("-1e309"), None);
        assert_eq!(parse("1e-400"), Some(0.0));
        assert_eq!(parse("12 %"), None);
        assert_eq!(parse(""), None);
    }
}
