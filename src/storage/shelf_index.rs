//! The list of scorecards a widget keeps: which exist, what they are called, which was open
//! last, and which were deleted (kept until deleted for good).
//!
//! # Layout
//!
//! A widget with storage key `k` keeps this index under `k` itself and each scorecard under
//! `k:card-<id>` (backups stay under `k:backup-<n>`, whichever scorecard they came from). One key
//! per scorecard means a save writes only the scorecard that changed, two tabs editing different
//! scorecards never meet, and one large scorecard does not make the others unsaveable; the index
//! is small and rewritten only when the list itself changes. Because every key starts with `k`,
//! a host page's storage key still isolates its widgets from each other.
//!
//! The index names `"schema": 999` and an empty `"framework"`, so versions of kra-kpi from before
//! this layout read it as "saved by a newer version" and leave it exactly as it is, instead of
//! treating it as damaged. (It was 4 until scorecards themselves reached schema 4; any number
//! above every scorecard schema works, and 999 leaves room.)
//!
//! This module is pure (no browser calls): the browser side is [`super::shelf`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// The version of the index format this build writes and reads.
pub const INDEX_VERSION: u32 = 1;

/// The schema number the index shows to the scorecard decoder (far above any scorecard schema),
/// so that older versions, and this one if ever handed the index as a scorecard, refuse it as
/// newer data and never overwrite it.
const LEGACY_GUARD_SCHEMA: u32 = 999;

/// A scorecard's number within one widget's list; part of its storage key, never reused.
///
/// # Example
///
/// ```
/// use kra_kpi::storage::shelf_index::CardId;
///
/// assert_eq!(CardId(3).to_string(), "3");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(pub u32);

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One scorecard in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardEntry {
    /// Its number (its storage key is `<key>:card-<id>`).
    pub id: CardId,
    /// Its name, as last saved (the scorecard itself holds the name; this is the list's copy).
    pub name: String,
    /// When it was deleted (ISO 8601, UTC), if it was: it stays in storage, listed under
    /// "Deleted", until restored or deleted for good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<String>,
}

/// The list of a widget's scorecards.
///
/// Every change is made on the freshly read index and written at once (see
/// [`super::shelf::Shelf::update`]), so two tabs changing the list never lose each other's
/// changes.
///
/// # Example
///
/// ```
/// use kra_kpi::storage::shelf_index::ShelfIndex;
///
/// let mut index = ShelfIndex::default();
/// let sales = index.add("Sales executive");
/// let hr = index.add("HR manager");
/// index.delete(sales, "2026-12-02T10:00:00Z");
/// assert_eq!(index.listed().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["HR manager"]);
/// assert_eq!(index.first_listed(), Some(hr));
/// index.restore(sales);
/// assert_eq!(index.listed().count(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ShelfIndex {
    /// The scorecard open last, opened again at start-up.
    #[serde(default)]
    pub selected: Option<CardId>,
    /// Every scorecard, listed and deleted, in the order they were created.
    #[serde(default)]
    pub cards: Vec<CardEntry>,
}

/// Why text under a widget's key is not an index this version can use.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexError {
    /// The text is not an index at all (a single scorecard of an older layout, or anything else).
    NotAnIndex,
    /// An index of a newer format than [`INDEX_VERSION`].
    TooNew(u32),
    /// An index whose content is damaged (the JSON reader's words).
    Damaged(String),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::NotAnIndex => f.write_str("the text is not a list of scorecards"),
            IndexError::TooNew(v) => write!(
                f,
                "the list of scorecards uses format version {v}, newer than this version of the app understands ({INDEX_VERSION})"
            ),
            IndexError::Damaged(e) => write!(f, "the list of scorecards is damaged ({e})"),
        }
    }
}

impl std::error::Error for IndexError {}

#[derive(Serialize)]
struct IndexOut<'a> {
    app: &'static str,
    schema: u32,
    framework: Empty,
    scorecards: ListOut<'a>,
}

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
struct ListOut<'a> {
    version: u32,
    selected: Option<CardId>,
    cards: &'a [CardEntry],
}

/// Read in two steps: first whose and which version (so a newer list is refused by its number,
/// not by a field it may have changed), then the list itself.
#[derive(Deserialize)]
struct Probe {
    app: Option<String>,
    scorecards: Option<ProbeVersion>,
}

#[derive(Deserialize)]
struct ProbeVersion {
    version: Option<u32>,
}

#[derive(Deserialize)]
struct IndexIn {
    scorecards: ShelfIndex,
}

impl ShelfIndex {
    /// The index as saved text.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::storage::shelf_index::ShelfIndex;
    ///
    /// let mut index = ShelfIndex::default();
    /// index.add("Organisation");
    /// assert_eq!(ShelfIndex::decode(&index.encode()), Ok(index));
    /// ```
    pub fn encode(&self) -> String {
        let out = IndexOut {
            app: "kra-kpi",
            schema: LEGACY_GUARD_SCHEMA,
            framework: Empty {},
            scorecards: ListOut { version: INDEX_VERSION, selected: self.selected, cards: &self.cards },
        };
        // Cannot fail: strings and integers only.
        serde_json::to_string(&out).unwrap_or_else(|e| panic!("an index failed to serialise: {e}"))
    }

    /// Reads an index; [`IndexError::NotAnIndex`] for any other text (including a single saved
    /// scorecard, which is then moved into the list).
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::framework::Framework;
    /// use kra_kpi::storage::encode;
    /// use kra_kpi::storage::shelf_index::{IndexError, ShelfIndex};
    ///
    /// assert_eq!(ShelfIndex::decode(&encode(&Framework::new("Mine"))), Err(IndexError::NotAnIndex));
    /// assert_eq!(ShelfIndex::decode("not json"), Err(IndexError::NotAnIndex));
    /// ```
    pub fn decode(text: &str) -> Result<ShelfIndex, IndexError> {
        let probe: Probe = serde_json::from_str(text).map_err(|_| IndexError::NotAnIndex)?;
        let Some(version) = probe.scorecards.filter(|_| probe.app.as_deref() == Some("kra-kpi")) else {
            return Err(IndexError::NotAnIndex);
        };
        match version.version {
            Some(v) if v > INDEX_VERSION => return Err(IndexError::TooNew(v)),
            Some(_) => {}
            None => return Err(IndexError::Damaged("no version".into())),
        }
        let read: IndexIn = serde_json::from_str(text).map_err(|e| IndexError::Damaged(e.to_string()))?;
        let index = read.scorecards;
        let mut ids: Vec<CardId> = index.cards.iter().map(|c| c.id).collect();
        crate::domain::ordered::sort_by(&mut ids, Ord::cmp);
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(IndexError::Damaged("two scorecards share one number".into()));
        }
        Ok(index)
    }

    /// Adds a scorecard named `name` with a number never used in this list, and returns it.
    pub fn add(&mut self, name: &str) -> CardId {
        let id = self.next_id();
        self.cards.push(CardEntry { id, name: name.to_owned(), deleted: None });
        id
    }

    /// The number the next scorecard gets: one above the highest ever listed (deleted ones
    /// included, so a number is never reused while its data may still exist).
    pub fn next_id(&self) -> CardId {
        CardId(self.cards.iter().map(|c| c.id.0).max().map_or(1, |m| m.saturating_add(1)))
    }

    /// The entry for `id`, listed or deleted.
    pub fn get(&self, id: CardId) -> Option<&CardEntry> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// Makes sure `id` is listed (not deleted) under `name`. Returns whether anything changed.
    ///
    /// Called after each save of a scorecard, so that a scorecard another tab deleted while
    /// this one was editing it comes back instead of being lost.
    pub fn upsert(&mut self, id: CardId, name: &str) -> bool {
        match self.cards.iter_mut().find(|c| c.id == id) {
            Some(entry) if entry.name == name && entry.deleted.is_none() => false,
            Some(entry) => {
                entry.name = name.to_owned();
                entry.deleted = None;
                true
            }
            None => {
                self.cards.push(CardEntry { id, name: name.to_owned(), deleted: None });
                true
            }
        }
    }

    /// Moves `id` to the deleted list, noting `when`. Its data stays until [`ShelfIndex::forget`].
    pub fn delete(&mut self, id: CardId, when: &str) {
        if let Some(entry) = self.cards.iter_mut().find(|c| c.id == id) {
            entry.deleted = Some(when.to_owned());
        }
        if self.selected == Some(id) {
            self.selected = None;
        }
    }

    /// Brings a deleted scorecard back into the list.
    pub fn restore(&mut self, id: CardId) {
        if let Some(entry) = self.cards.iter_mut().find(|c| c.id == id) {
            entry.deleted = None;
        }
    }

    /// Removes `id` from the list for good (its data is removed by the caller).
    pub fn forget(&mut self, id: CardId) {
        self.cards.retain(|c| c.id != id);
        if self.selected == Some(id) {
            self.selected = None;
        }
    }

    /// The scorecards in the list (not deleted), in creation order.
    pub fn listed(&self) -> impl Iterator<Item = &CardEntry> {
        self.cards.iter().filter(|c| c.deleted.is_none())
    }

    /// The deleted scorecards, most recently deleted first.
    pub fn deleted(&self) -> Vec<&CardEntry> {
        let mut deleted: Vec<&CardEntry> = self.cards.iter().filter(|c| c.deleted.is_some()).collect();
        crate::domain::ordered::sort_by(&mut deleted, |a, b| b.deleted.cmp(&a.deleted));
        deleted
    }

    /// The first listed scorecard, if any.
    pub fn first_listed(&self) -> Option<CardId> {
        self.listed().next().map(|c| c.id)
    }

    /// The scorecard to open at start-up: the one open last if it is still listed, else the
    /// first listed.
    pub fn to_open(&self) -> Option<CardId> {
        self.selected.filter(|id| self.get(*id).is_some_and(|c| c.deleted.is_none())).or_else(|| self.first_listed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::codec::{decode_saved, DecodeError};

    #[test]
    fn numbers_are_never_reused_even_after_a_delete_for_good() {
        let mut index = ShelfIndex::default();
        let a = index.add("A");
        let b = index.add("B");
        index.forget(b);
        let c = index.add("C");
        assert_eq!((a, c), (CardId(1), CardId(2)), "forgetting the highest frees its number only once gone");
        index.delete(c, "2026-12-02T00:00:00Z");
        assert_eq!(index.add("D"), CardId(3), "a deleted scorecard's number stays taken");
    }

    #[test]
    fn older_versions_read_the_index_as_newer_data_and_leave_it_alone() {
        let mut index = ShelfIndex::default();
        index.add("Organisation");
        assert_eq!(decode_saved(&index.encode()), Err(DecodeError::TooNew(999)));
    }

    #[test]
    fn a_newer_or_damaged_index_is_refused_not_guessed() {
        let newer = r#"{"app":"kra-kpi","schema":4,"framework":{},"scorecards":{"version":9,"cards":[]}}"#;
        assert_eq!(ShelfIndex::decode(newer), Err(IndexError::TooNew(9)));
        let twice = r#"{"app":"kra-kpi","scorecards":{"version":1,"cards":[{"id":1,"name":"A"},{"id":1,"name":"B"}]}}"#;
        assert!(matches!(ShelfIndex::decode(twice), Err(IndexError::Damaged(_))));
        let foreign = r#"{"app":"other","scorecards":{"version":1,"cards":[]}}"#;
        assert_eq!(ShelfIndex::decode(foreign), Err(IndexError::NotAnIndex));
    }

    #[test]
    fn upsert_brings_back_a_scorecard_deleted_elsewhere_and_renames() {
        let mut index = ShelfIndex::default();
        let a = index.add("A");
        assert!(!index.upsert(a, "A"));
        index.delete(a, "2026-12-02T00:00:00Z");
        assert!(index.upsert(a, "A renamed"));
        assert_eq!(index.listed().map(|c| c.name.clone()).collect::<Vec<_>>(), ["A renamed"]);
        assert!(index.upsert(CardId(7), "Found"));
        assert_eq!(index.next_id(), CardId(8));
    }

    #[test]
    fn start_up_opens_the_last_open_scorecard_unless_it_was_deleted() {
        let mut index = ShelfIndex::default();
        let a = index.add("A");
        let b = index.add("B");
        index.selected = Some(b);
        assert_eq!(index.to_open(), Some(b));
        index.delete(b, "2026-12-02T00:00:00Z");
        assert_eq!(index.to_open(), Some(a));
        index.delete(a, "2026-12-02T00:00:01Z");
        assert_eq!(index.to_open(), None);
        assert_eq!(index.deleted().iter().map(|c| c.id).collect::<Vec<_>>(), [a, b], "most recently deleted first");
    }
}
