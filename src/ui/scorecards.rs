//! "Scorecards": the widget's list of scorecards, to open, create, copy for another person or
//! year, delete (undoably) and compare.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::compare::Compare;
use super::derived::{derived, Derived};
use super::dynamic::dynamic_text;
use super::each::Each;
use super::lazy::{lazy, split_point};
use super::shelf;
use super::state::use_state;
use super::var::Var;
use super::when::When;
use crate::domain::framework::Framework;
use crate::storage::shelf_index::CardId;

/// One scorecard in the list as shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: CardId,
    name: String,
    /// False for the open scorecard while nothing of it has been saved yet.
    saved: bool,
}

/// The list of scorecards, folded away until opened.
#[component]
pub fn Scorecards() -> impl IntoView {
    let state = use_state();
    let rows = derived(move || {
        let open = state.card.get();
        let mut rows: Vec<Row> = state.scorecards.with(|i| {
            i.iter().flat_map(|i| i.listed()).map(|c| Row { id: c.id, name: c.name.clone(), saved: true }).collect()
        });
        // The open scorecard shows its current name (saved a moment later), and is listed even
        // before its first save.
        if let Some(open) = open {
            let name = state.framework.with(|f| f.name().to_owned());
            match rows.iter_mut().find(|r| r.id == open) {
                Some(row) => row.name = name,
                None => rows.push(Row { id: open, name, saved: false }),
            }
        }
        rows
    });
    let opened = Var::new(false);
    view! {
        // Built the first time the panel opens, then kept; its code is fetched then (`ui::lazy`).
        <details class="kk-scorecards" on:toggle=move |ev| super::disclosure::mark_opened(&ev, opened)>
            <summary>{dynamic_text(move || format!("Scorecards ({})", rows.with(Vec::len)))}</summary>
            <When when=move || opened.get()>{lazy(scorecards_body, move |make| make(rows))}</When>
        </details>
    }
}

split_point!(
    panels,
    fn scorecards_body() -> fn(Derived<Vec<Row>>) -> AnyView {
        |rows| view! { <ScorecardsBody rows=rows /> }.into_any()
    }
);

/// The open panel: the list, the new scorecard's form, the comparison and the deleted ones.
#[component]
fn ScorecardsBody(rows: Derived<Vec<Row>>) -> impl IntoView {
    let state = use_state();
    let deleted = derived(move || {
        state.scorecards.with(|i| {
            i.iter()
                .flat_map(|i| i.deleted())
                .map(|c| (c.id, c.name.clone(), c.deleted.clone().unwrap_or_default()))
                .collect::<Vec<_>>()
        })
    });

    let name = Var::new(String::new());
    let error = Var::new(None::<String>);
    let typed = move || {
        let typed = name.get_untracked().trim().to_owned();
        if typed.is_empty() {
            error.set(Some("Type a name for the new scorecard first.".into()));
            None
        } else {
            error.set(None);
            Some(typed)
        }
    };
    let create_empty = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Some(typed) = typed() {
            let message = format!("Created \"{typed}\", an empty scorecard. Add its first KRA below.");
            if shelf::create(state, Framework::new(&typed), message) {
                name.set(String::new());
            }
        }
    };
    let copy = move |_| {
        if let Some(typed) = typed() {
            match shelf::duplicate(state, &typed) {
                Ok(()) => name.set(String::new()),
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let open_name = move || state.framework.with(|f| f.name().to_owned());

    view! {
            <ul class="kk-card-list" aria-label="Your scorecards">
                <Each each=move || rows.get() key=|row| row.clone() let:row>
                    <CardItem id=row.id name=row.name.clone() saved=row.saved />
                </Each>
            </ul>
            <form class="kk-new-card" on:submit=create_empty>
                <label class="kk-field">
                    <span class="kk-field-label">"Name of the new scorecard"</span>
                    <input type="text" prop:value=move || name.get() placeholder="e.g. Sales executive — employee 1042"
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <p class="kk-actions">
                    <button type="submit">"Create an empty scorecard"</button>
                    <button type="button" on:click=copy>
                        {dynamic_text(move || format!("Copy \"{}\" without its readings", open_name()))}
                    </button>
                </p>
                <p class="kk-error" role="alert">{dynamic_text(move || error.get())}</p>
                <p class="kk-hint">"A copy keeps every KRA, KPI, weight and target, for another person or for next year. To start from a template instead, use \"New scorecard from a template\"."</p>
            </form>
            <Compare />
            <When when=move || !deleted.with(Vec::is_empty)>
                <h3 class="kk-subheading">"Deleted scorecards"</h3>
                <ul class="kk-card-list" aria-label="Deleted scorecards">
                    <Each each=move || deleted.get() key=|(id, name, _)| (*id, name.clone()) let:entry>
                        <DeletedItem id=entry.0 name=entry.1 when=entry.2 />
                    </Each>
                </ul>
            </When>
    }
}

#[component]
fn CardItem(id: CardId, name: String, saved: bool) -> impl IntoView {
    let state = use_state();
    let is_open = move || state.card.get() == Some(id);
    let (open_label, delete_label) = (format!("Open {name}"), format!("Delete {name}"));
    view! {
        <li class="kk-card" class:kk-selected=is_open>
            <span class="kk-card-name">
                {name.clone()}
                <When when=is_open>
                    <span class="kk-meta">{if saved { " (open)" } else { " (open, not saved yet)" }}</span>
                </When>
            </span>
            <span class="kk-card-actions">
                <When when=move || !is_open()>
                    <button type="button" aria-label=open_label.clone() on:click=move |_| shelf::open(state, id)>"Open"</button>
                </When>
                <When when=move || saved>
                    <button type="button" class="kk-danger" aria-label=delete_label.clone() on:click=move |_| shelf::delete(state, id)>"Delete"</button>
                </When>
            </span>
        </li>
    }
}

#[component]
fn DeletedItem(id: CardId, name: String, when: String) -> impl IntoView {
    let state = use_state();
    let made = when.replace('T', " ").chars().take(16).collect::<String>();
    let forget_name = name.clone();
    let forget = move |_| {
        let question = format!("Delete \"{forget_name}\" and all its readings for good? This cannot be undone.");
        if window().confirm_with_message(&question).unwrap_or(false) {
            shelf::forget(state, id);
        }
    };
    view! {
        <li class="kk-card">
            <span class="kk-card-name">{name.clone()}<span class="kk-meta">{format!(" deleted {made} UTC")}</span></span>
            <span class="kk-card-actions">
                <button type="button" aria-label=format!("Restore {name}") on:click=move |_| shelf::restore(state, id)>"Restore"</button>
                <button type="button" class="kk-danger" aria-label=format!("Delete {name} for good") on:click=forget>"Delete for good"</button>
            </span>
        </li>
    }
}
