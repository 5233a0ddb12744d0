//! Today's date from the browser clock (see [`crate::clock`]).

pub use crate::clock::today;
