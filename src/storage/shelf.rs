//! The browser side of a widget's list of scorecards: the index under the widget's key, each
//! scorecard under a key of its own, and the move of a single saved scorecard (the layout before
//! the list) into the list.
//!
//! See [`super::shelf_index`] for the layout and why it is one key per scorecard.

use super::codec::{self, DecodeError, Decoded};
use super::local::{problem, storage, LocalStore, StorageProblem};
use super::shelf_index::{CardId, IndexError, ShelfIndex};

/// A widget's list of scorecards in localStorage, under its key.
#[derive(Clone, Debug, PartialEq)]
pub struct Shelf {
    key: String,
}

/// What opening the list found.
#[derive(Clone, Debug, PartialEq)]
pub enum ShelfOpen {
    /// The list (empty when nothing is saved yet).
    Ready(ShelfIndex),
    /// The key holds a single scorecard that cannot be moved into a list (unreadable, from a
    /// newer version, or there was no room to copy it): the widget opens it as one scorecard
    /// under the key itself, as before the list existed, and never writes a list over it.
    Single,
    /// No storage at all.
    Unavailable(StorageProblem),
}

impl Shelf {
    /// The list under the widget key `key`.
    pub fn new(key: &str) -> Shelf {
        Shelf { key: key.to_owned() }
    }

    /// The widget's key, which holds the index.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The storage key of scorecard `id`: `<key>:card-<id>`.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::storage::shelf::Shelf;
    /// use kra_kpi::storage::shelf_index::CardId;
    ///
    /// assert_eq!(Shelf::new("hr:emp-1042").card_key(CardId(2)), "hr:emp-1042:card-2");
    /// ```
    pub fn card_key(&self, id: CardId) -> String {
        format!("{}:card-{id}", self.key)
    }

    /// The store of scorecard `id` (its backups kept with the widget's).
    pub fn card_store(&self, id: CardId) -> LocalStore {
        LocalStore::with_backups(&self.card_key(id), &self.key)
    }

    /// Reads the list, moving a single saved scorecard into it first when that is what the key
    /// holds.
    ///
    /// The move copies the saved text unchanged to the scorecard's own key and only then writes
    /// the list over the original, so at every step the scorecard exists, byte for byte, under
    /// some key, and the move needs room for one extra copy, not two. (No backup is needed for a
    /// copy that changes nothing; a save in an older format is then upgraded by the scorecard's
    /// own load, which keeps the original as a backup until the upgraded one is written.) If the
    /// copy cannot be written, nothing is changed and [`ShelfOpen::Single`] is returned.
    pub fn open(&self) -> ShelfOpen {
        let store = LocalStore::new(&self.key);
        let text = match store.read_text() {
            Ok(Some(text)) => text,
            Ok(None) => return ShelfOpen::Ready(ShelfIndex::default()),
            Err(p) => return ShelfOpen::Unavailable(p),
        };
        match ShelfIndex::decode(&text) {
            Ok(index) => return ShelfOpen::Ready(index),
            Err(IndexError::NotAnIndex) => {}
            // A newer or damaged list: opened as one scorecard, whose decoder refuses it and
            // protects it (nothing is written over it).
            Err(IndexError::TooNew(_) | IndexError::Damaged(_)) => return ShelfOpen::Single,
        }
        let Ok(Decoded { framework, .. }) = codec::decode_saved(&text) else {
            return ShelfOpen::Single;
        };
        let mut index = ShelfIndex::default();
        let card = index.add(framework.name());
        index.selected = Some(card);
        let card_store = self.card_store(card);
        if card_store.write(&text).is_err() {
            return ShelfOpen::Single;
        }
        if store.write(&index.encode()).is_err() {
            card_store.remove();
            return ShelfOpen::Single;
        }
        ShelfOpen::Ready(index)
    }

    /// Changes the list as it is in storage now (another tab may have changed it since this one
    /// read it) and writes it back; returns the list written.
    pub fn update(&self, change: impl FnOnce(&mut ShelfIndex)) -> Result<ShelfIndex, StorageProblem> {
        let storage = storage()?;
        let mut index = match storage.get_item(&self.key).map_err(|_| StorageProblem::Unavailable)? {
            None => ShelfIndex::default(),
            Some(text) => ShelfIndex::decode(&text).map_err(|e| StorageProblem::Failed(e.to_string()))?,
        };
        change(&mut index);
        storage.set_item(&self.key, &index.encode()).map_err(problem)?;
        Ok(index)
    }

    /// The list as it is in storage now, without changing it.
    pub fn read(&self) -> Option<ShelfIndex> {
        LocalStore::new(&self.key).read_text().ok().flatten().and_then(|t| ShelfIndex::decode(&t).ok())
    }

    /// Reads scorecard `id` (for comparing it with the open one). `Ok(None)`: never saved.
    pub fn read_card(&self, id: CardId) -> Result<Option<Decoded>, DecodeError> {
        match self.card_store(id).read_text() {
            Ok(Some(text)) => codec::decode_saved(&text).map(Some),
            _ => Ok(None),
        }
    }

    /// Writes scorecard `id` for the first time (a new or duplicated scorecard), at revision 1.
    pub fn create_card(
        &self,
        id: CardId,
        framework: &crate::domain::framework::Framework,
    ) -> Result<(), StorageProblem> {
        self.card_store(id).write(&codec::encode_revision(framework, 1))
    }

    /// Removes scorecard `id`'s data for good.
    pub fn remove_card(&self, id: CardId) {
        self.card_store(id).remove();
    }
}
