//! Sorting and building ordered collections without a copy of the standard sort per type.
//!
//! `slice::sort_by` and `collect::<BTreeMap<_, _>>()` (which sorts what it collects) are
//! instantiated once for every element type and comparator they are used with: about 3 KB of
//! WebAssembly each, eighteen times over in this crate before these helpers. [`sort_by`] sorts
//! positions through one shared instantiation and then moves the items; [`map_from`] and
//! [`set_from`] insert one by one, reusing the map's `insert` that every map type has anyway.
//! All three cost O(n log n), like what they replace. The hot path of loading a large
//! scorecard (each KPI's readings, already in order) keeps `collect`'s bulk build.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, keeping equal items in their order (a stable sort).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::sort_by;
///
/// let mut words = vec![("pear", 2), ("fig", 1), ("kiwi", 2), ("plum", 1)];
/// sort_by(&mut words, |a, b| a.1.cmp(&b.1));
/// assert_eq!(words, [("fig", 1), ("plum", 1), ("pear", 2), ("kiwi", 2)]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..len` in the order `compare` puts them, stable: the one place the
/// standard library's sort is instantiated for [`sort_by`].
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// A map of `pairs`; of pairs with equal keys the last one wins, as with `collect`.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::map_from;
///
/// let map = map_from([(3, "c"), (1, "a"), (3, "C")]);
/// assert_eq!(map.into_iter().collect::<Vec<_>>(), [(1, "a"), (3, "C")]);
/// ```
pub fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// A set of `items`.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::set_from;
///
/// assert_eq!(set_from([3, 1, 3]).into_iter().collect::<Vec<_>>(), [1, 3]);
/// ```
pub fn set_from<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}
