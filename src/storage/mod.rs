//! Persistence: the versioned saved format and the localStorage adapter.
//!
//! [`codec`], [`migrate`] and [`shelf_index`] are pure and host-tested; [`local`] and [`shelf`]
//! are the thin browser edge.

pub mod codec;
pub mod local;
pub mod migrate;
mod review_codec;
pub mod shelf;
pub mod shelf_index;

pub use codec::{decode, encode, Damage, DecodeError, Revision, SCHEMA_VERSION};
pub use local::{LoadOutcome, LocalStore, StorageProblem};
