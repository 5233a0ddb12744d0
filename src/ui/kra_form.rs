//! Adding and editing a KRA.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::fields::{FormError, FormErrors, TextField};
use super::focus::focus_first_field_on_mount;
use super::lazy::{lazy, split_point};
use super::state::{use_state, Toast};
use super::var::Var;
use crate::domain::edit::Edit;
use crate::domain::format::plain;
use crate::domain::id::Id;
use crate::domain::input::parse_weight;
use crate::domain::kra::KraDraft;

/// The KRA form: adds a new KRA (`existing = None`) or edits one. Its code is fetched the
/// first time a KRA form is shown (`ui::lazy`).
#[component]
pub fn KraForm(existing: Option<Id>, #[prop(optional, into)] on_done: Option<Callback<()>>) -> impl IntoView {
    lazy(kra_form, move |make| make(existing, on_done))
}

split_point!(
    editing,
    fn kra_form() -> fn(Option<Id>, Option<Callback<()>>) -> AnyView {
        |existing, on_done| view! { <KraFormBody existing=existing on_done=on_done /> }.into_any()
    }
);

/// The form itself.
#[component]
fn KraFormBody(existing: Option<Id>, on_done: Option<Callback<()>>) -> impl IntoView {
    let state = use_state();
    let initial = existing.and_then(|id| state.framework.with_untracked(|f| f.kra(id).cloned()));
    let name = Var::new(initial.as_ref().map(|k| k.name.clone()).unwrap_or_default());
    let description = Var::new(initial.as_ref().map(|k| k.description.clone()).unwrap_or_default());
    let owner = Var::new(initial.as_ref().map(|k| k.owner.clone()).unwrap_or_default());
    let weight = Var::new(initial.as_ref().map(|k| plain(k.weight)).unwrap_or_else(|| "0".into()));
    let errors = FormErrors::new();
    // Opened on demand (Edit): start typing in it. The always-there add forms leave focus alone.
    let form = NodeRef::<leptos::html::Form>::new();
    if on_done.is_some() {
        focus_first_field_on_mount(form);
    }

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let draft = (|| {
            Ok(KraDraft {
                name: name.get_untracked(),
                description: description.get_untracked(),
                owner: owner.get_untracked(),
                weight: parse_weight(&weight.get_untracked())?,
            })
        })();
        let result = draft.and_then(|draft| {
            let label = draft.name.trim().to_owned();
            match existing {
                Some(id) => state.commit(Edit::UpdateKra { id, draft }).map(|_| format!("Saved KRA \"{label}\".")),
                None => state.commit(Edit::AddKra { draft }).map(|_| format!("Added KRA \"{label}\".")),
            }
        });
        match result {
            Ok(message) => {
                errors.clear();
                state.toast.set(Some(Toast::undoable(message)));
                if existing.is_none() {
                    for field in [name, description, owner] {
                        field.set(String::new());
                    }
                    weight.set("0".into());
                }
                if let Some(done) = on_done {
                    done.run(());
                }
            }
            Err(e) => errors.show(&e),
        }
    };

    view! {
        <form node_ref=form class="kk-form" on:submit=submit>
            <TextField label="KRA name" errors=errors value=name placeholder="e.g. Improve customer service" />
            <TextField label="Description (optional)" value=description />
            <TextField label="Owner or role" value=owner placeholder="e.g. Sales executive" />
            <TextField label="KRA weight (%)" field="Weight" errors=errors value=weight numeric=true />
            <FormError errors=errors />
            <div class="kk-actions">
                <button type="submit" class="kk-primary">{if existing.is_some() { "Save KRA" } else { "Add KRA" }}</button>
                {on_done.map(|done| view! { <button type="button" on:click=move |_| done.run(())>"Cancel"</button> })}
            </div>
        </form>
    }
}
