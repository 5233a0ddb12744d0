//! Reminders of readings still missing for review periods that are over, each one click from
//! its reading form.

use leptos::prelude::*;

use super::after_paint::after_paint;
use super::derived::derived;
use super::each::Each;
use super::effect::effect;
use super::state::{use_state, AppState};
use super::var::Var;
use super::when::When;
use crate::domain::id::Id;
use crate::domain::overdue::{overdue, Missing};
use crate::domain::period::Period;

/// How many past review periods the reminders cover.
const PERIODS: usize = 3;

/// KPIs listed per period before "and N more".
const SHOWN: usize = 8;

/// "3 readings missing for Oct 2026", per review period that is over, with a button per KPI
/// that opens its reading form on that period. Nothing when all is entered.
#[component]
pub fn Reminders() -> impl IntoView {
    let state = use_state();
    // Worked out once the edit's own scores are painted: it looks at every KPI, and a reminder
    // going away a frame after its reading is entered is not worth holding back that frame.
    let checked = Var::new(0_u32);
    effect(move |first| {
        state.framework.track();
        // The first time, `due` below has just read the framework as it is.
        if !first {
            after_paint(move || {
                let _ = checked.try_update(|n| *n = n.wrapping_add(1));
            });
        }
    });
    let due = derived(move || {
        checked.track();
        state.framework.with_untracked(|f| overdue(f, state.today, PERIODS))
    });
    view! {
        <When when=move || due.with(|d| !d.is_empty())>
            <section class="kk-reminders" aria-label="Missing readings" data-testid="reminders">
                <Each each=move || due.get() key=|o| (o.review.start(), o.missing.len()) let:o>
                    <ReminderGroup review=o.review missing=o.missing open=due.with_untracked(|d| d.first().map(|f| f.review)) == Some(o.review) />
                </Each>
            </section>
        </When>
    }
}

#[component]
fn ReminderGroup(review: Period, missing: Vec<Missing>, open: bool) -> impl IntoView {
    let state = use_state();
    let count = missing.len();
    let title = format!("{count} reading{} missing for {}", if count == 1 { "" } else { "s" }, review.label());
    let more = count.saturating_sub(SHOWN);
    let items = missing
        .into_iter()
        .take(SHOWN)
        .map(|m| {
            let name =
                state.framework.with_untracked(|f| f.kpi(m.kpi).map(|k| k.spec.name.clone()).unwrap_or_default());
            let label = format!("Enter the {} reading of {}", m.period.label(), name);
            view! {
                <li>
                    <span class="kk-reminder-name">{name.clone()}</span>
                    <button type="button" aria-label=label on:click=move |_| enter(state, m.kpi, review, m.period)>
                        "Enter " {m.period.label()}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="kk-reminder" open=open>
            <summary><span aria-hidden="true">"⚠ "</span>{title}</summary>
            <ul>{items}</ul>
            {(more > 0).then(|| view! {
                <p class="kk-hint">{format!(
                    "and {more} more: \"Enter many readings at once\" above takes a whole period in one go."
                )}</p>
            })}
        </details>
    }
}

/// Shows the review period, selects the KPI and opens its reading form on `period`.
fn enter(state: AppState, kpi: Id, review: Period, period: Period) {
    state.anchor.set(review.start());
    state.entry_period.set(Some((kpi, period.start())));
    state.entry_requested.set(Some(kpi));
    // Set only when it changes: setting it again would rebuild the open form and lose the focus.
    if state.selected.get_untracked() != Some(kpi) {
        state.selected.set(Some(kpi));
    }
}
