//! Persistence: the versioned saved format and the localStorage adapter.
//!
//! [`codec`] and [`migrate`] are pure and host-tested; [`local`] is the thin browser edge.

pub mod codec;
pub mod local;
pub mod migrate;

pub use codec::{decode, encode, Damage, DecodeError, Revision, SCHEMA_VERSION};
pub use local::{LoadOutcome, LocalStore, StorageProblem};
