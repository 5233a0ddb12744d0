//! The localStorage adapter: one scorecard's text under a namespaced key, its revision, and its
//! backups.
//!
//! Every browser call that can throw is guarded: storage may be missing (sandboxed iframes throw
//! on `window.localStorage`), full (`QuotaExceededError`) or hold text we cannot read. None of
//! these panics; each becomes a [`StorageProblem`] or [`LoadOutcome`] the UI explains, and the
//! user keeps working in memory.
//!
//! Keys, for a widget with key `k`: `k` holds the scorecard; `k:backup-1`, `k:backup-2`, … hold
//! copies of text that could not be used as it was (damaged, or an older format being upgraded);
//! `k:backups` lists when and why each backup was made. A widget's list of scorecards (see
//! [`super::shelf`]) keeps each scorecard under a key of its own, with backups under the widget's.

use std::fmt;

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use super::codec::{self, DecodeError, Decoded, Revision, SCHEMA_VERSION};
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
                "This browser does not allow saving here, so changes last only until you close the page. To keep them, download the scorecard as a file under \"Export and import\"."
            ),
            StorageProblem::Full => write!(
                f,
                "Browser storage is full, so your latest changes are not saved. They stay on screen while this page is open; deleting old backups (under \"Backups\") makes room, and \"Export and import\" downloads a copy."
            ),
            StorageProblem::Failed(e) => write!(
                f,
                "Saving failed ({e}). Your changes stay on screen but are not saved; \"Export and import\" downloads a copy."
            ),
        }
    }
}

/// What was found under the key at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// Nothing saved yet.
    Empty,
    /// A scorecard. When it was saved in an older format, `migration_backup` says where the
    /// original text was copied before anything is written in the new format.
    Loaded { decoded: Decoded, migration_backup: Option<Result<String, StorageProblem>> },
    /// Text that cannot be used. Nothing may be written under the key until the user decides;
    /// `backup` says where a copy was made (none is made of a newer version's data, which this
    /// version never overwrites at all).
    Refused { error: DecodeError, chars: usize, backup: Option<Result<String, StorageProblem>> },
    /// No storage: work in memory.
    Unavailable(StorageProblem),
}

/// What [`LocalStore::save`] found and did.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOutcome {
    /// Written as this revision.
    Saved(Revision),
    /// Another tab has written since `seen`: nothing was written. Its text is returned so the
    /// caller can re-apply its own edits on top and save again.
    Newer { text: String, revision: Revision },
    /// The key now holds text this version cannot read (a newer version saved it, or it is
    /// damaged): nothing was written, and nothing should be.
    Unreadable(DecodeError),
}

/// One backup copy, as listed in the settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    /// When it was made (ISO 8601, UTC), if known.
    pub made: Option<String>,
    /// Why it was made ("could not be read: …", "before upgrading from format 2").
    pub reason: Option<String>,
    /// Its length in characters.
    pub chars: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct BackupNote {
    key: String,
    made: String,
    reason: String,
}

/// One scorecard's place in localStorage.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalStore {
    key: String,
    /// The key backups are numbered under (`<base>:backup-<n>`): the widget's key, so a widget
    /// keeps one list of backups whichever of its scorecards they came from.
    base: String,
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `localStorage.getItem` returning the JavaScript string itself, so a prefix can be taken
    /// without copying the whole text into wasm.
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = getItem)]
    fn get_item_js(key: &str) -> Result<Option<js_sys::JsString>, JsValue>;

    /// The page's `TextEncoder`, which copies a string into wasm memory in one native call.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// `encodeInto`: writes `source` as UTF-8 into `destination`, returning how much it wrote.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &js_sys::JsString, destination: &js_sys::Uint8Array)
        -> EncodeIntoResult;
    /// What `encodeInto` did.
    type EncodeIntoResult;
    /// How many bytes `encodeInto` wrote.
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

/// How many bytes of memory decoding and showing a scorecard takes per byte of its saved text,
/// about (1,000 KPIs × 100 readings: 0.96 MB of text, 16 MiB of wasm memory once shown).
const ROOM_PER_BYTE: usize = 8;

/// Makes the allocator take `bytes` of wasm memory now, in one `memory.grow`, and keep it free
/// for what comes next. Without it, decoding a large save grew memory 64 KiB at a time as the
/// allocator ran out (about 80 times for 1 MB of text, each a few hundredths of a millisecond
/// in the browser). The allocator never returns memory to the browser, so the room stays.
fn make_room(bytes: usize) {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(bytes)));
}

/// A JavaScript string as a Rust `String`, copied by the browser's `TextEncoder.encodeInto`.
///
/// Why not wasm-bindgen's own conversion: it first copies character by character in JavaScript
/// for as long as the text is ASCII, which for a megabyte of saved JSON took longer than reading
/// the JSON. Lone surrogates become U+FFFD, as with that conversion.
fn copy_string(text: &js_sys::JsString) -> String {
    // One UTF-16 unit is at most three bytes of UTF-8, so the whole text always fits.
    let room = text.length() as usize * 3;
    let mut bytes = Vec::<u8>::with_capacity(room);
    let encoder = TextEncoder::new();
    // SAFETY: the view covers the vector's own (uninitialised) capacity and is used only by the
    // one call below, during which nothing allocates in wasm memory, so it cannot move.
    let written = unsafe {
        let view = js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr(), room);
        encoder.encode_into(text, &view).written() as usize
    };
    // SAFETY: `encodeInto` initialised the first `written` bytes (at most `room`), and it only
    // ever writes whole characters of UTF-8.
    unsafe {
        bytes.set_len(written.min(room));
        String::from_utf8_unchecked(bytes)
    }
}

/// The browser's storage, or why there is none. Never throws.
pub(super) fn storage() -> Result<web_sys::Storage, StorageProblem> {
    let window = web_sys::window().ok_or(StorageProblem::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageProblem::Unavailable),
    }
}

/// A text's length as the browser counts it (UTF-16 units), which is what the quota counts.
fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

pub(super) fn problem(error: JsValue) -> StorageProblem {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" => StorageProblem::Full,
        Ok(e) => StorageProblem::Failed(e.message()),
        Err(other) => StorageProblem::Failed(other.as_string().unwrap_or_else(|| "unknown error".into())),
    }
}

impl LocalStore {
    /// A store under `key`, e.g. `kra-kpi:default`.
    pub fn new(key: &str) -> LocalStore {
        LocalStore::with_backups(key, key)
    }

    /// A store under `key` whose backups are kept under `base` (one scorecard of a widget's
    /// list, see [`super::shelf`]).
    pub fn with_backups(key: &str, base: &str) -> LocalStore {
        LocalStore { key: key.to_owned(), base: base.to_owned() }
    }

    /// The key this store writes.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The saved text, if any.
    pub fn read_text(&self) -> Result<Option<String>, StorageProblem> {
        storage()?;
        let text = get_item_js(&self.key).map_err(|_| StorageProblem::Unavailable)?;
        Ok(text.as_ref().map(copy_string))
    }

    /// The first [`codec::HEADER_PREFIX`] characters of the saved text, copied into wasm without
    /// the rest.
    fn read_prefix(&self) -> Result<Option<String>, StorageProblem> {
        storage()?;
        let text = get_item_js(&self.key).map_err(|_| StorageProblem::Unavailable)?;
        Ok(text.map(|t| t.slice(0, codec::HEADER_PREFIX as u32).into()))
    }

    /// Reads the saved scorecard. Older formats are migrated after their text is copied to a
    /// backup; unreadable text is copied to a backup and nothing else is done with it.
    pub fn load(&self) -> LoadOutcome {
        let text = match self.read_text() {
            Ok(Some(text)) => text,
            Ok(None) => return LoadOutcome::Empty,
            Err(p) => return LoadOutcome::Unavailable(p),
        };
        make_room(text.len() * ROOM_PER_BYTE);
        match codec::decode_saved(&text) {
            Ok(decoded) if decoded.schema == SCHEMA_VERSION => LoadOutcome::Loaded { decoded, migration_backup: None },
            Ok(decoded) => {
                let reason = format!("the original before upgrading from format version {}", decoded.schema);
                let backup = Some(self.add_backup(&text, &reason));
                LoadOutcome::Loaded { decoded, migration_backup: backup }
            }
            Err(error @ DecodeError::TooNew(_)) => {
                LoadOutcome::Refused { error, chars: utf16_len(&text), backup: None }
            }
            Err(error) => {
                let backup = Some(self.add_backup(&text, &format!("could not be read: {error}")));
                LoadOutcome::Refused { error, chars: utf16_len(&text), backup }
            }
        }
    }

    /// Writes `framework` as revision `seen + 1`, but only if the key still holds revision
    /// `seen` (`None`: the key was empty). Otherwise writes nothing and says what is there.
    pub fn save(&self, framework: &Framework, seen: Option<Revision>) -> Result<SaveOutcome, StorageProblem> {
        let ours = |revision: Revision| Some(revision) == seen || (seen.is_none() && revision == 0);
        let quick = self.read_prefix()?.map(|p| codec::header_of_prefix(&p));
        let still_ours = matches!(quick, Some(Some(h)) if h.schema == SCHEMA_VERSION && ours(h.revision));
        if quick.is_some() && !still_ours {
            if let Some(text) = self.read_text()? {
                match codec::read_header(&text) {
                    Ok(header) if ours(header.revision) => {}
                    Ok(header) => return Ok(SaveOutcome::Newer { text, revision: header.revision }),
                    Err(error) => return Ok(SaveOutcome::Unreadable(error)),
                }
            }
        }
        let revision = seen.map_or(1, |r| r + 1);
        self.write(&codec::encode_revision(framework, revision))?;
        Ok(SaveOutcome::Saved(revision))
    }

    /// Writes `framework` as revision `revision` whatever the key holds. Only for a choice the
    /// user made (start over after damaged data).
    pub fn overwrite(&self, framework: &Framework, revision: Revision) -> Result<(), StorageProblem> {
        self.write(&codec::encode_revision(framework, revision))
    }

    /// Writes `text` under the key as it is.
    pub(super) fn write(&self, text: &str) -> Result<(), StorageProblem> {
        storage()?.set_item(&self.key, text).map_err(problem)
    }

    /// Removes the key (not its backups).
    pub(super) fn remove(&self) {
        if let Ok(storage) = storage() {
            let _ = storage.remove_item(&self.key);
        }
    }

    // ---- backups ------------------------------------------------------------------------------

    fn index_key(&self) -> String {
        format!("{}:backups", self.base)
    }

    fn notes(&self) -> Vec<BackupNote> {
        LocalStorage::get(self.index_key()).unwrap_or_default()
    }

    /// Replaces (with `None`: removes) the note of the backup under `key`. The copy matters more
    /// than its note: when storage is full, only the note is lost.
    fn set_note(&self, key: &str, note: Option<BackupNote>) {
        let mut notes = self.notes();
        notes.retain(|n| n.key != key);
        notes.extend(note);
        let _ = LocalStorage::set(self.index_key(), &notes);
    }

    /// Copies `text` to a free backup key (an identical existing backup is reused; an earlier
    /// backup is never overwritten) and notes when and why.
    pub fn add_backup(&self, text: &str, reason: &str) -> Result<String, StorageProblem> {
        let storage = storage()?;
        for n in 1.. {
            let key = format!("{}:backup-{n}", self.base);
            match storage.get_item(&key).map_err(problem)? {
                Some(existing) if existing == text => return Ok(key),
                Some(_) => continue,
                None => {
                    storage.set_item(&key, text).map_err(problem)?;
                    let made = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
                    self.set_note(&key, Some(BackupNote { key: key.clone(), made, reason: reason.to_owned() }));
                    return Ok(key);
                }
            }
        }
        unreachable!("an unbounded range ends only by returning")
    }

    /// The backups of this scorecard, oldest first.
    pub fn backups(&self) -> Vec<Backup> {
        let Ok(storage) = storage() else { return Vec::new() };
        let notes = self.notes();
        let prefix = format!("{}:backup-", self.base);
        let mut found: Vec<(u64, Backup)> = Vec::new();
        for i in 0..storage.length().unwrap_or(0) {
            let Ok(Some(key)) = storage.key(i) else { continue };
            let Some(n) = key.strip_prefix(&prefix).and_then(|n| n.parse::<u64>().ok()) else { continue };
            let chars = storage.get_item(&key).ok().flatten().map_or(0, |t| utf16_len(&t));
            let note = notes.iter().find(|note| note.key == key);
            let made = note.map(|n| n.made.clone()).filter(|m| !m.is_empty());
            let reason = note.map(|n| n.reason.clone()).filter(|r| !r.is_empty());
            found.push((n, Backup { key, made, reason, chars }));
        }
        crate::domain::ordered::sort_by(&mut found, |a, b| a.0.cmp(&b.0));
        found.into_iter().map(|(_, b)| b).collect()
    }

    /// The text of one backup.
    pub fn read_backup(&self, key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    /// Deletes one backup and its note.
    pub fn delete_backup(&self, key: &str) {
        if storage().is_ok() {
            LocalStorage::delete(key);
            self.set_note(key, None);
        }
    }
}
