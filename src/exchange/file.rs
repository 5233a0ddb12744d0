//! The scorecard as a file: exported to keep or send, imported back.
//!
//! A scorecard file is exactly the saved format ([`crate::storage::codec`]): importing one goes
//! through the same decoder, migrations and integrity checks as opening saved data, so a file
//! this version can import is one it could have saved, and a file it refuses changes nothing.
//! Before the decoder sees a file, two cheap checks turn away what no scorecard file looks like
//! (too big, nested too deep) with a reason a user can act on.

use std::fmt;

use jiff::civil::Date;

use crate::domain::format::num;
use crate::domain::framework::Framework;
use crate::domain::iso_date;
use crate::storage::codec::{self, Damage, DecodeError, SCHEMA_VERSION};

/// The largest file imported, in bytes (10 MiB): four times the largest scorecard that fits in
/// the browser's storage, so no real export is refused.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The deepest nesting of `[` and `{` a scorecard file can have is 6; anything past this is not
/// one (and could exhaust the decoder's stack).
pub const MAX_DEPTH: usize = 32;

/// Why a file was not imported. Nothing was changed in any case.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The file is over [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// The file is empty (or only white space).
    Empty,
    /// Brackets nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The decoder refused it, as it would refuse saved data.
    Decode(DecodeError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "the file is {} MB, and files over {} MB are not imported",
                num(*bytes as f64 / 1_048_576.0),
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::TooDeep => {
                write!(f, "it is not a kra-kpi scorecard file (its data is nested more than {MAX_DEPTH} levels deep)")
            }
            ImportError::Decode(DecodeError::NotJson(e)) => write!(f, "it is not a JSON file ({e})"),
            ImportError::Decode(DecodeError::Foreign) => {
                write!(f, "it is a JSON file, but not a kra-kpi scorecard (it was written by another program)")
            }
            ImportError::Decode(DecodeError::TooNew(v)) => write!(
                f,
                "it was saved by a newer version of kra-kpi (file format {v}; this version reads formats up to {SCHEMA_VERSION})"
            ),
            ImportError::Decode(DecodeError::Invalid(Damage::Shape(e))) => write!(f, "the file is damaged ({e})"),
            ImportError::Decode(DecodeError::Invalid(Damage::Integrity(e))) => {
                write!(f, "the file is damaged ({e})")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// The text of a scorecard file for `framework`: the current saved format.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::template::sales_executive;
/// use kra_kpi::exchange::file::{export, import};
///
/// let fw = sales_executive();
/// assert_eq!(import(&export(&fw)), Ok(fw));
/// ```
pub fn export(framework: &Framework) -> String {
    codec::encode(framework)
}

/// A file name for exporting `name` on `day` with `extension`: `Sales executive 2026-12-02.json`.
///
/// Characters that some systems do not allow in file names (`/ \ : * ? " < > |` and control
/// characters) become spaces, runs of spaces one space, and an empty name `scorecard`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::exchange::file::file_name;
///
/// assert_eq!(file_name("Q3: A/B review", date(2026, 12, 2), "json"), "Q3 A B review 2026-12-02.json");
/// assert_eq!(file_name("  ", date(2026, 12, 2), "csv"), "scorecard 2026-12-02.csv");
/// ```
pub fn file_name(name: &str, day: Date, extension: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let stem = if words.is_empty() { "scorecard".to_owned() } else { words.join(" ") };
    // Long names are cut (on a character boundary) so the date and extension always fit.
    let stem: String = stem.chars().take(100).collect();
    format!("{} {}.{extension}", stem.trim_end(), iso_date::format(day))
}

/// Refuses a file by its size before it is read: call with the file's size in bytes.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        Err(ImportError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// Reads a scorecard file: the framework it holds, or why it cannot be imported.
///
/// Accepts every schema the app has ever saved (older ones are migrated) and a leading
/// byte-order mark, as editors on Windows write one.
///
/// # Example
///
/// ```
/// use kra_kpi::exchange::file::{import, ImportError};
/// use kra_kpi::storage::DecodeError;
///
/// assert_eq!(import(r#"{"name":"a list"}"#), Err(ImportError::Decode(DecodeError::Foreign)));
/// assert_eq!(import("  "), Err(ImportError::Empty));
/// ```
pub fn import(text: &str) -> Result<Framework, ImportError> {
    check_size(text.len() as u64)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    codec::decode(text).map_err(ImportError::Decode)
}

/// The deepest nesting of arrays and objects in JSON text (brackets inside strings not
/// counted). Malformed text gets some number; the decoder then says what is wrong with it.
fn depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(depth(r#"{"a":[1,{"b":"[[[["}]}"#), 3);
        assert_eq!(depth(r#""\"[""#), 0);
        assert_eq!(depth("[]"), 1);
    }
}
