//! [`Each`]: Leptos's keyed `<For>`, compiled once for every list instead of once per list.

use std::any::Any;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::reactive_graph::OwnedView;
use leptos::tachys::view::keyed::keyed;

/// Renders one view per item of `each`, keyed by `key`; the same contract as Leptos's `<For>`
/// (an item whose key stays is kept with its DOM and its reactive owner, a new key is built, a
/// gone one is dropped), and the same markup, `let:item` included.
///
/// Why not `<For>`: it is generic over the items, their key and their view, so each of the
/// widget's lists compiled its own keyed diff, key set and row owner handling (issue 9). Here
/// the items travel boxed, their keys behind [`ErasedKey`] and their views as erased views,
/// so one copy of that machinery serves every list. What stays per list is turning its items
/// into boxes and its rows' own view code.
///
/// # Example
///
/// ```ignore
/// view! {
///     <ul>
///         <Each each=move || kpi_ids.get() key=|id| *id let:kpi>
///             <KpiRow id=kpi />
///         </Each>
///     </ul>
/// }
/// ```
#[component]
pub fn Each<IF, I, T, KF, K, EF, N>(
    /// The items, read reactively.
    each: IF,
    /// Each item's key: equal keys mean the same row.
    key: KF,
    /// The view of one item.
    children: EF,
) -> impl IntoView
where
    IF: Fn() -> I + Send + Sync + 'static,
    I: IntoIterator<Item = T>,
    T: Send + 'static,
    KF: Fn(&T) -> K + Send + Sync + 'static,
    K: Eq + Hash + Send + Sync + 'static,
    EF: Fn(T) -> N + Send + Sync + 'static,
    N: IntoView + 'static,
{
    let items = move || {
        each()
            .into_iter()
            .map(|item| {
                let k = ErasedKey(Arc::new(key(&item)));
                (k, Box::new(item) as Item)
            })
            .collect()
    };
    let view = move |item: Item| match item.downcast::<T>() {
        Ok(item) => children(*item).into_any(),
        // Cannot happen: every box in this list was made from a `T` just above.
        Err(_) => ().into_any(),
    };
    keyed_list(Box::new(items), Arc::new(view))
}

/// One item of a list, boxed.
type Item = Box<dyn Any + Send>;

/// The one compiled body behind every [`Each`], as Leptos's `<For>` has it: each row gets a
/// reactive owner of its own under the list's, so that a row's signals and context outlive
/// updates of the list and do not reach its neighbours.
fn keyed_list(
    items: Box<dyn Fn() -> Vec<(ErasedKey, Item)> + Send + Sync>,
    view: Arc<dyn Fn(Item) -> AnyView + Send + Sync>,
) -> AnyView {
    let parent = Owner::current();
    let row = move |_, (_, item): (ErasedKey, Item)| {
        let owner = parent.as_ref().map_or_else(Owner::new, |p| p.with(Owner::new));
        let view = owner.with(|| view(item));
        (drop, OwnedView::new_with_owner(view, owner))
    };
    (move || keyed(items(), |(key, _): &(ErasedKey, Item)| key.clone(), row.clone())).into_any()
}

/// A list key of any `Eq + Hash` type, compared and hashed as that type: two keys are equal
/// only when both their types and their values are.
#[derive(Clone)]
pub struct ErasedKey(Arc<dyn KeyValue>);

/// What [`ErasedKey`] needs of a key: equality across the erasure, and hashing.
pub trait KeyValue: Send + Sync {
    /// The key, for comparing with another of the same type.
    fn as_any(&self) -> &dyn Any;
    /// Whether `other` is a key of the same type and value.
    fn same_as(&self, other: &dyn Any) -> bool;
    /// Feeds the key to `state`, as its own `Hash` does.
    fn hash_into(&self, state: &mut dyn Hasher);
}

impl<K: Eq + Hash + Send + Sync + 'static> KeyValue for K {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same_as(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<K>() == Some(self)
    }

    fn hash_into(&self, mut state: &mut dyn Hasher) {
        self.hash(&mut state);
    }
}

impl PartialEq for ErasedKey {
    fn eq(&self, other: &ErasedKey) -> bool {
        self.0.same_as(other.0.as_any())
    }
}

impl Eq for ErasedKey {}

impl Hash for ErasedKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash_into(state);
    }
}

#[cfg(test)]
mod tests {
    use super::ErasedKey;
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    use std::sync::Arc;

    fn key<K: Eq + Hash + Send + Sync + 'static>(k: K) -> ErasedKey {
        ErasedKey(Arc::new(k))
    }

    fn hash(k: &ErasedKey) -> u64 {
        let mut h = DefaultHasher::new();
        k.hash(&mut h);
        h.finish()
    }

    #[test]
    fn keys_are_equal_only_in_type_and_value() {
        assert!(key(7u64) == key(7u64));
        assert!(key((3u64, String::from("Leeds"))) == key((3u64, String::from("Leeds"))));
        assert!(key(7u64) != key(8u64));
        assert!(key(7u64) != key(7u32), "another type with the same value is another key");
        assert!(key((3u64, String::from("Leeds"))) != key((3u64, String::from("York"))));
    }

    #[test]
    fn equal_keys_hash_alike_as_their_own_type_does() {
        let text = (3u64, String::from("Leeds"));
        assert_eq!(hash(&key(text.clone())), hash(&key(text.clone())));
        let mut own = DefaultHasher::new();
        text.hash(&mut own);
        assert_eq!(hash(&key(text)), own.finish());
    }
}
