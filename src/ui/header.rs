//! The top bar: scorecard name, review period, overall score, undo and redo.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::format::long_date;

use super::computed::Computed;
use super::derived::derived;
use super::dynamic::dynamic_text;
use super::explain::Explain;
use super::focus::{focus_first_field_on_mount, return_focus_on_close};
use super::state::use_state;
use super::status_badge::StatusBadge;
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::format::num;
use crate::domain::scoring::explain_overall;

/// The scorecard's title bar.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let name = move || state.framework.with(|f| f.name().to_owned());
    let period_label = move || state.review.get().label();
    let card = state.scorecard;
    let previous = move |_| state.anchor.set(state.review.get_untracked().previous().start());
    let next = move |_| state.anchor.set(state.review.get_untracked().next().start());
    let current = move |_| state.anchor.set(state.today);
    let is_current = move || state.review.get().contains(state.today);
    // What the headline stands on: how much has been reported, and whether the period is over.
    let standing = derived(move || {
        card.with(|c| {
            let mut text = c.coverage.describe();
            if c.in_progress {
                text.push_str(&format!(
                    " · {} is in progress (day {} of {}): scores so far, not final",
                    c.period.label(),
                    c.period.days_elapsed(state.today),
                    c.period.days()
                ));
            }
            text
        })
    });

    let renaming = Var::new(false);
    let rename_button = NodeRef::<leptos::html::Button>::new();
    return_focus_on_close(renaming.into(), rename_button);
    let draft = Var::new(String::new());
    let error = Var::new(None::<String>);
    let rename = move |ev: SubmitEvent| {
        ev.prevent_default();
        match state.commit(Edit::Rename { name: draft.get_untracked() }) {
            Ok(_) => {
                error.set(None);
                renaming.set(false);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    view! {
        // Not <header>/<nav>: inside a host page those would be a second banner and navigation
        // landmark beside the host's own.
        <div class="kk-header">
            <div class="kk-title">
                <When
                    when=move || renaming.get() && state.editable()
                    fallback=move || {
                        view! {
                            <h1>{dynamic_text(name)}</h1>
                            <When when=move || state.editable()>
                                <button type="button" class="kk-link" node_ref=rename_button on:click=move |_| {
                                    draft.set(state.framework.with_untracked(|f| f.name().to_owned()));
                                    renaming.set(true);
                                }>"Rename scorecard"</button>
                            </When>
                        }
                    }
                >
                    {
                    let form = NodeRef::<leptos::html::Form>::new();
                    focus_first_field_on_mount(form);
                    view! {
                    <form class="kk-inline-form" node_ref=form on:submit=rename>
                        <label>"Scorecard name "
                            <input type="text" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit">"Save name"</button>
                        <button type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                        <p class="kk-error" role="alert">{dynamic_text(move || error.get())}</p>
                    </form>
                    }
                    }
                </When>
            </div>
            <p class="kk-print-only kk-meta">{format!("Scorecard report, printed {}", long_date(state.today))}</p>
            <div class="kk-period" role="group" aria-label="Review period">
                <button type="button" on:click=previous aria-label="Previous review period">"‹"</button>
                <span class="kk-period-label" aria-live="polite">
                    <span class="kk-period-prefix">"Review period: "</span><strong data-testid="period-label">{dynamic_text(period_label)}</strong>
                    {dynamic_text(move || if is_current() { " (current)" } else { "" })}
                </span>
                <button type="button" on:click=next aria-label="Next review period">"›"</button>
                <When when=move || !is_current()>
                    <button type="button" class="kk-link" on:click=current>"Back to current period"</button>
                </When>
            </div>
            <div class="kk-overall" data-testid="overall">
                <span>{dynamic_text(move || if card.with(|c| c.in_progress) { "Overall score so far: " } else { "Overall score: " })}</span>
                <StatusBadge status=Computed::new(move || card.get().status) score=Computed::new(move || card.get().overall) />
                <Explain
                    subject=Computed::new(move || "the whole scorecard".to_string())
                    words=Computed::new(move || card.with(|c| state.framework.with_untracked(|f| explain_overall(f, c))))
                />
                <p class="kk-meta kk-coverage" data-testid="coverage">{dynamic_text(move || standing.get())}</p>
                <When when=move || card.with(|c| c.coverage.is_minority())>
                    <p class="kk-warning" role="note" data-testid="minority">
                        <span aria-hidden="true">"⚠ "</span>
                        {dynamic_text(move || card.with(|c| format!(
                            "This score rests on {} % of the scorecard's weight: it may change a lot as the other readings come in.",
                            num(c.coverage.weight)
                        )))}
                    </p>
                </When>
                <When when=move || card.with(|c| c.weight_warning.is_some())>
                    <p class="kk-warning" role="note">
                        <span aria-hidden="true">"⚠ "</span>
                        {dynamic_text(move || card.with(|c| c.weight_warning.clone()))}
                    </p>
                </When>
            </div>
            <When when=move || state.editable()>
                <div class="kk-history">
                    <button type="button" on:click=move |_| state.undo() disabled=move || !state.can_undo()>"Undo"</button>
                    <button type="button" on:click=move |_| state.redo() disabled=move || !state.can_redo()>"Redo"</button>
                </div>
            </When>
        </div>
    }
}
