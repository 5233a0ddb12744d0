//! The localStorage adapter: load and save one framework under a namespaced key.
//!
//! Every browser call that can throw is guarded: storage may be missing (sandboxed iframes throw
//! on `window.localStorage`), full (`QuotaExceededError`) or hold text we cannot read. None of
//! these panics; each becomes a [`StorageProblem`] or [`LoadOutcome`] the UI explains, and the
//! user keeps working in memory.

use std::fmt;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use super::codec::{self, SavedFile, SCHEMA_VERSION};
use crate::domain::framework::Framework;

/// The default key; a host page passes its own to keep several widgets apart.
pub const DEFAULT_KEY: &str = "kra-kpi:default";

/// Why saving or loading did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageProblem {
    /// The browser offers no localStorage here (private mode, sandboxed iframe, disabled).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageProblem::Unavailable => write!(
                f,
                "This browser does not allow saving here, so changes last only until you close the page. Export your data to keep it."
            ),
            StorageProblem::Full => write!(
                f,
                "Browser storage is full, so your latest changes are not saved. They stay on screen; free space or export your data."
            ),
            StorageProblem::Failed(e) => write!(f, "Saving failed ({e}). Your changes stay on screen but are not saved."),
        }
    }
}

/// What was found under the key at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// Nothing saved yet.
    Empty,
    /// A framework, and whether it was migrated from an older format.
    Loaded { framework: Framework, migrated_from: Option<u32> },
    /// Unreadable data, copied to `backup_key` (or not, if `backup_key` is `None`: then saving is
    /// switched off so the original is not overwritten).
    Damaged { reason: String, backup_key: Option<String> },
    /// No storage: work in memory.
    Unavailable(StorageProblem),
}

/// One framework's place in localStorage.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalStore {
    key: String,
}

impl LocalStore {
    /// A store under `key`, e.g. `kra-kpi:default`.
    pub fn new(key: &str) -> LocalStore {
        LocalStore { key: key.to_owned() }
    }

    /// The key this store writes.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The browser's storage, or why there is none. Never throws.
    fn storage() -> Result<web_sys::Storage, StorageProblem> {
        let window = web_sys::window().ok_or(StorageProblem::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(storage),
            _ => Err(StorageProblem::Unavailable),
        }
    }

    /// Reads the saved framework.
    pub fn load(&self) -> LoadOutcome {
        let storage = match Self::storage() {
            Ok(s) => s,
            Err(p) => return LoadOutcome::Unavailable(p),
        };
        let text = match storage.get_item(&self.key) {
            Ok(Some(text)) => text,
            Ok(None) => return LoadOutcome::Empty,
            Err(_) => return LoadOutcome::Unavailable(StorageProblem::Unavailable),
        };
        match codec::decode_versioned(&text) {
            Ok((framework, schema)) => {
                LoadOutcome::Loaded { framework, migrated_from: (schema != SCHEMA_VERSION).then_some(schema) }
            }
            Err(error) => {
                let backup_key = self.back_up(&storage, &text);
                LoadOutcome::Damaged { reason: error.to_string(), backup_key }
            }
        }
    }

    /// Copies unreadable text to a free backup key, never overwriting an earlier backup.
    fn back_up(&self, storage: &web_sys::Storage, text: &str) -> Option<String> {
        (1..100).map(|n| format!("{}:backup-{n}", self.key)).find_map(|key| match storage.get_item(&key) {
            Ok(Some(existing)) if existing == text => Some(Some(key)),
            Ok(Some(_)) => None,
            Ok(None) => Some(storage.set_item(&key, text).ok().map(|_| key)),
            Err(_) => Some(None),
        })?
    }

    /// Writes the framework in the current schema.
    pub fn save(&self, framework: &Framework) -> Result<(), StorageProblem> {
        Self::storage()?;
        LocalStorage::set(&self.key, SavedFile::of(framework)).map_err(|e| match e {
            StorageError::JsError(js) if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" => {
                StorageProblem::Full
            }
            StorageError::JsError(js) => StorageProblem::Failed(js.message),
            other => StorageProblem::Failed(other.to_string()),
        })
    }
}
