//! The saved format: JSON with an explicit schema version.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::migrate;
use crate::domain::framework::Framework;

/// The schema version this build writes. Older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 2;

/// What is written to storage: `{"app":"kra-kpi","schema":2,"framework":{…}}`.
#[derive(Serialize)]
pub struct SavedFile<'a> {
    pub app: &'static str,
    pub schema: u32,
    pub framework: &'a Framework,
}

impl<'a> SavedFile<'a> {
    /// The current-schema envelope around `framework`.
    pub fn of(framework: &'a Framework) -> SavedFile<'a> {
        SavedFile { app: "kra-kpi", schema: SCHEMA_VERSION, framework }
    }
}

#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    app: Option<String>,
    schema: Option<u32>,
    framework: Option<serde_json::Value>,
}

/// Why saved text could not be turned back into a framework.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, or another program's text).
    NotJson(String),
    /// JSON, but not a kra-kpi save (another app's data under our key).
    Foreign,
    /// Saved by a newer version of kra-kpi than this one.
    TooNew(u32),
    /// A kra-kpi save whose content is damaged.
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "the saved data is not valid JSON ({e})"),
            DecodeError::Foreign => write!(f, "the saved data was not written by kra-kpi"),
            DecodeError::TooNew(v) => write!(
                f,
                "the saved data uses format version {v}, newer than this app understands ({SCHEMA_VERSION}); update the app"
            ),
            DecodeError::Invalid(e) => write!(f, "the saved data is damaged ({e})"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Serialises a framework in the current schema.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::storage::{decode, encode};
///
/// let fw = Framework::new("Mine");
/// assert_eq!(decode(&encode(&fw)), Ok(fw));
/// ```
pub fn encode(framework: &Framework) -> String {
    let file = SavedFile::of(framework);
    // Cannot fail: every number is checked finite on entry and all keys are strings.
    serde_json::to_string(&file).unwrap_or_else(|e| panic!("a framework failed to serialise: {e}"))
}

/// Reads saved text of any known schema version, migrating older ones.
///
/// Text that is not JSON, not ours, from a newer version or internally inconsistent is
/// refused with a [`DecodeError`] the caller shows to the user; it is never partly loaded.
pub fn decode(text: &str) -> Result<Framework, DecodeError> {
    decode_versioned(text).map(|(framework, _)| framework)
}

/// Like [`decode`], and also returns the schema version the text was saved in, so the caller
/// can tell the user about a migration.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::storage::codec::{decode_versioned, encode, SCHEMA_VERSION};
///
/// let (_, version) = decode_versioned(&encode(&Framework::new("Mine"))).unwrap();
/// assert_eq!(version, SCHEMA_VERSION);
/// ```
pub fn decode_versioned(text: &str) -> Result<(Framework, u32), DecodeError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            DecodeError::Foreign
        } else {
            DecodeError::NotJson(e.to_string())
        }
    })?;
    let (Some(schema), Some(body)) = (envelope.schema, envelope.framework) else {
        return Err(DecodeError::Foreign);
    };
    if envelope.app.as_deref().is_some_and(|app| app != "kra-kpi") {
        return Err(DecodeError::Foreign);
    }
    let body = match schema {
        1 => migrate::v1_to_v2(body)?,
        SCHEMA_VERSION => body,
        newer if newer > SCHEMA_VERSION => return Err(DecodeError::TooNew(newer)),
        _ => return Err(DecodeError::Foreign),
    };
    let framework: Framework = serde_json::from_value(body).map_err(|e| DecodeError::Invalid(e.to_string()))?;
    framework.check_integrity().map_err(DecodeError::Invalid)?;
    Ok((framework, schema))
}
