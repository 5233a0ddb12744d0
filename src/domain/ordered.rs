//! Sorting and building ordered collections without a copy of the standard sort per type.
//!
//! `slice::sort_by` and `collect::<BTreeMap<_, _>>()` (which sorts what it collects) are
//! instantiated once for every element type and comparator they are used with: about 3 KB of
//! WebAssembly each, eighteen times over in this crate before these helpers. [`sort_by`] sorts
//! positions through one shared instantiation and then moves the items; [`map_from`] and
//! [`set_from`] insert one by one, reusing the map's `insert` that every map type has anyway.
//! All three make O(n log n) comparisons, like what they replace; an insert out of order also
//! moves the entries after it, which for the domain's few thousand entries at most is a few
//! microseconds. [`map_of`] builds a map from a list in any order without those moves, through
//! [`sort_by`]'s shared sort, and [`deserialize_map`] reads one through `insert`. A [`Map`]'s own
//! `collect`, `extend` and serde reader sort with a copy of the standard sort per key and value
//! type, so the crate does not use them. The hot path of loading a large scorecard (each KPI's
//! readings, already in order) appends.
//!
//! The maps themselves are [`Map`]s, sorted vectors, for the same reason: `BTreeMap`'s node
//! code (insert, remove, rebalance, clone, drop) is instantiated for every key and value type,
//! about 4 KB each.

use std::cmp::Ordering;
use std::ops::{Bound, RangeBounds};

/// A map kept as one vector of `(key, value)` pairs sorted by key ([`litemap::LiteMap`]): the
/// domain's ordered map (a KPI's readings by period, scores by id, reviews by period).
///
/// Lookups are binary searches, iteration is in key order, as with `BTreeMap`; an insert or a
/// remove moves the entries after it, which at the domain's sizes (a few hundred readings per
/// KPI, a thousand KPIs) costs less than a tree's nodes, and builds to far less WebAssembly.
/// Build one with [`map_from`] or [`map_of`] and read one with [`deserialize_map`], rather than
/// with `collect`, `extend` or litemap's serde reader (see the module's documentation).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::Map;
///
/// let mut map = Map::new();
/// map.insert(3, "c");
/// map.insert(1, "a");
/// assert_eq!(map.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [1, 3]);
/// assert_eq!(map.get(&3), Some(&"c"));
/// ```
pub type Map<K, V> = litemap::LiteMap<K, V>;

/// The entries of `map` whose keys are in `range`, in key order (`BTreeMap::range`).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::{map_from, range};
///
/// let map = map_from([(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
/// assert_eq!(range(&map, 2..4).map(|(_, v)| *v).collect::<Vec<_>>(), ["b", "c"]);
/// assert_eq!(range(&map, 3..).next_back(), Some((&4, &"d")));
/// ```
pub fn range<K: Ord, V>(
    map: &Map<K, V>,
    range: impl RangeBounds<K>,
) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
    let pairs = map.as_slice();
    let start = match range.start_bound() {
        Bound::Included(k) => pairs.partition_point(|(key, _)| key < k),
        Bound::Excluded(k) => pairs.partition_point(|(key, _)| key <= k),
        Bound::Unbounded => 0,
    };
    let end = match range.end_bound() {
        Bound::Included(k) => pairs.partition_point(|(key, _)| key <= k),
        Bound::Excluded(k) => pairs.partition_point(|(key, _)| key < k),
        Bound::Unbounded => pairs.len(),
    };
    pairs[start..end.max(start)].iter().map(|(k, v)| (k, v))
}

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
pub fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Map<K, V> {
    let mut map = Map::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// The map of `pairs`, in any order; of pairs with equal keys the last one wins, as with
/// [`map_from`]. Unlike [`map_from`], pairs out of order are sorted once rather than each moving
/// the entries after it, so this is the one for long lists in no particular order.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::map_of;
///
/// let map = map_of(vec![(3, "c"), (1, "a"), (2, "b"), (1, "A")]);
/// assert_eq!(map.into_iter().collect::<Vec<_>>(), [(1, "A"), (2, "b"), (3, "c")]);
/// ```
pub fn map_of<K: Ord, V>(mut pairs: Vec<(K, V)>) -> Map<K, V> {
    if !pairs.is_sorted_by(|a, b| a.0 < b.0) {
        // Stable: of equal keys, the last stays last.
        sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        // `dedup_by` keeps the first of a run: hand it the later pair each time.
        pairs.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(later, kept);
            }
            same
        });
    }
    Map::from_sorted_store_unchecked(pairs)
}

/// Reads a [`Map`] from a serde map (a JSON object), for `#[serde(deserialize_with = …)]`: of
/// keys read twice the last one wins, as with `serde_json`'s own maps. Anything else, such as a
/// list of pairs (which litemap's own reader would take), is refused.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::{deserialize_map, Map};
///
/// #[derive(serde::Deserialize)]
/// struct Run {
///     #[serde(deserialize_with = "deserialize_map")]
///     notes: Map<usize, String>,
/// }
///
/// let run: Run = serde_json::from_str(r#"{"notes":{"2":"late","0":"first"}}"#).unwrap();
/// assert_eq!(run.notes.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 2]);
/// assert!(serde_json::from_str::<Run>(r#"{"notes":[[0,"first"]]}"#).is_err());
/// ```
pub fn deserialize_map<'de, D, K, V>(reader: D) -> Result<Map<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord,
    V: serde::Deserialize<'de>,
{
    struct Entries<K, V>(std::marker::PhantomData<(K, V)>);

    impl<'de, K, V> serde::de::Visitor<'de> for Entries<K, V>
    where
        K: serde::Deserialize<'de> + Ord,
        V: serde::Deserialize<'de>,
    {
        type Value = Map<K, V>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<Map<K, V>, A::Error> {
            let mut map = Map::with_capacity(entries.size_hint().unwrap_or(0));
            while let Some((key, value)) = entries.next_entry()? {
                map.insert(key, value);
            }
            Ok(map)
        }
    }

    reader.deserialize_map(Entries(std::marker::PhantomData))
}

/// A set kept as one sorted vector: a [`Map`] to nothing, for the same reason (`BTreeSet` is a
/// `BTreeMap` underneath, with all its per-type code).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::Set;
///
/// let mut set = Set::new();
/// assert!(set.insert(3));
/// assert!(set.insert(1));
/// assert!(!set.insert(3));
/// assert!(set.contains(&1));
/// assert_eq!(set.iter().copied().collect::<Vec<_>>(), [1, 3]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Set<T>(Map<T, ()>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Map::new())
    }
}

impl<T: Ord> Set<T> {
    /// An empty set.
    pub fn new() -> Self {
        Set(Map::new())
    }

    /// Adds `item`; false when it was already there.
    pub fn insert(&mut self, item: T) -> bool {
        self.0.insert(item, ()).is_none()
    }

    /// Removes `item`; false when it was not there.
    pub fn remove(&mut self, item: &T) -> bool {
        self.0.remove(item).is_some()
    }

    /// Whether `item` is in the set.
    pub fn contains(&self, item: &T) -> bool {
        self.0.contains_key(item)
    }

    /// Keeps only the items `keep` holds for.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.0.retain(|item, _| keep(item));
    }
}

impl<T> Set<T> {
    /// The items, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.0.as_slice().iter().map(|(item, _)| item)
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (T, ())>, fn(&'a (T, ())) -> &'a T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.as_slice().iter().map(|(item, _)| item)
    }
}

/// A set of `items`.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::ordered::set_from;
///
/// assert_eq!(set_from([3, 1, 3]).iter().copied().collect::<Vec<_>>(), [1, 3]);
/// ```
pub fn set_from<T: Ord>(items: impl IntoIterator<Item = T>) -> Set<T> {
    let mut set = Set::new();
    for item in items {
        set.insert(item);
    }
    set
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::ops::Bound::{self, Excluded, Included, Unbounded};

    use super::{map_from, map_of, range};

    /// `range` against the standard library's `BTreeMap::range`, for every pair of bounds
    /// around, on and between the keys (even and odd numbers from 0 to 10).
    #[test]
    fn range_matches_btree_map_range_for_every_pair_of_bounds() {
        let keys = [2, 4, 6, 8];
        let ours = map_from(keys.map(|k| (k, k * 10)));
        let std: BTreeMap<i32, i32> = keys.iter().map(|&k| (k, k * 10)).collect();
        let bounds = |k: i32| [Included(k), Excluded(k)];
        let mut all: Vec<Bound<i32>> = (0..=10).flat_map(bounds).collect();
        all.push(Unbounded);
        for &start in &all {
            for &end in &all {
                // The standard library panics on an empty range it calls invalid.
                let invalid = match (start, end) {
                    (Included(s) | Excluded(s), Included(e) | Excluded(e)) if s > e => true,
                    (Excluded(s), Excluded(e)) => s == e,
                    _ => false,
                };
                let got: Vec<_> = range(&ours, (start, end)).collect();
                if invalid {
                    assert!(got.is_empty(), "{start:?}..{end:?}");
                } else {
                    let want: Vec<_> = std.range((start, end)).collect();
                    assert_eq!(got, want, "{start:?}..{end:?}");
                    assert_eq!(
                        range(&ours, (start, end)).rev().collect::<Vec<_>>(),
                        want.into_iter().rev().collect::<Vec<_>>()
                    );
                }
            }
        }
    }

    /// `map_of` against `BTreeMap`'s `collect` (which also keeps the last of equal keys), for
    /// lists in order, reversed, shuffled and with repeated keys.
    #[test]
    fn map_of_matches_a_btree_map_collected_from_the_same_pairs() {
        let lists: [Vec<(u8, usize)>; 5] = [
            vec![],
            (0..20).map(|k| (k, 0)).collect(),
            (0..20).rev().map(|k| (k, 0)).collect(),
            (0..60).map(|i| ((i * 37 % 23) as u8, i)).collect(),
            (0..40).map(|i| ((i % 3) as u8, i)).collect(),
        ];
        for list in lists {
            let want: BTreeMap<u8, usize> = list.iter().copied().collect();
            let got = map_of(list);
            assert_eq!(got.into_iter().collect::<Vec<_>>(), want.into_iter().collect::<Vec<_>>());
        }
    }
}
