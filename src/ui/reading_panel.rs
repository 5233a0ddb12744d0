//! Entering and reviewing one KPI's readings, with its chart.

use jiff::civil::Date;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::chart::TrendChart;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::each::Each;
use super::effect::effect;
use super::fields::{FormError, FormErrors, TextField};
use super::focus::{focus_first_field_on_mount, return_focus_on_close};
use super::lazy::{lazy, split_point};
use super::state::{use_state, Toast};
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::error::ValidationError;
use crate::domain::format::{plain, with_unit};
use crate::domain::id::Id;
use crate::domain::input::parse_reading;
use crate::domain::iso_date;
use crate::domain::next_reading::next_period;
use crate::domain::period::Period;

/// How many readings the list shows, latest first, before "Show all": two years of monthly
/// readings.
const LISTED: usize = 24;

/// The side panel for the selected KPI, or a hint when none is selected. With `on_close`, the
/// panel is the one shown under the KPI's row on a narrow widget, with a Close button that
/// calls it (the row then gives the focus back to the KPI's name).
#[component]
pub fn ReadingPanel(#[prop(optional, into)] on_close: Option<Callback<()>>) -> impl IntoView {
    let state = use_state();
    let inline = on_close.is_some();
    let close_label = move || {
        let name = state.selected.get().and_then(|id| state.kpi(id)).map(|k| k.spec.name);
        format!("Close the readings of {}", name.unwrap_or_default())
    };
    view! {
        <aside class="kk-panel" class:kk-panel-inline=inline aria-label="Readings and chart"
            hidden=move || state.selected.with(Option::is_none) && state.kpis.with(|ks| ks.is_empty())>
            {on_close.map(|close| view! { <button type="button" class="kk-panel-close" aria-label=close_label on:click=move |_| close.run(())>"Close"</button> })}
            {dynamic(move || match state.selected.get() {
                // Its readings, forms and chart: code fetched the first time (`ui::lazy`).
                Some(id) => lazy(kpi_detail, move |make| make(id)),
                None if state.kpis.with(|ks| ks.is_empty()) => ().into_any(),
                None if state.editable() => view! { <p class="kk-hint">"Choose a KPI to enter readings and see its chart."</p> }.into_any(),
                None => view! { <p class="kk-hint">"Choose a KPI to see its readings and chart."</p> }.into_any(),
            })}
        </aside>
    }
}

split_point!(
    editing,
    fn kpi_detail() -> fn(Id) -> AnyView {
        |id| view! { <KpiDetail id=id /> }.into_any()
    }
);

#[component]
fn KpiDetail(id: Id) -> impl IntoView {
    let state = use_state();
    let kpi = derived(move || state.kpi(id));
    let name = move || kpi.with(|k| k.as_ref().map(|k| k.spec.name.clone()).unwrap_or_default());
    let unit = move || kpi.with(|k| k.as_ref().map(|k| k.spec.unit.clone()).unwrap_or_default());
    // The period after the latest reading: a run of readings is typed without retyping dates.
    let next_day =
        move || state.framework.with_untracked(|f| f.kpi(id).map(|k| next_period(f, k, state.today).start()));
    let day = Var::new(iso_date::format(next_day().unwrap_or(state.today)));
    // A missing reading chosen from the reminders: offer its period.
    effect(move |_| {
        if let Some((kpi, start)) = state.entry_period.get() {
            if kpi == id {
                day.set(iso_date::format(start));
                state.entry_period.set(None);
            }
        }
    });
    let value_field = NodeRef::<leptos::html::Input>::new();
    // "+ Reading" asked for this form: focus its value once it is on screen (the period is filled in).
    effect(move |_| {
        if state.entry_requested.get() == Some(id) {
            if let Some(input) = value_field.get() {
                let _ = input.focus();
                state.entry_requested.set(None);
            }
        }
    });
    let value = Var::new(String::new());
    let note = Var::new(String::new());
    let errors = FormErrors::new();

    let parsed_day = move || iso_date::parse(&day.get());
    // A period depends on the KPI's frequency and the settings' fiscal year, not on readings.
    let period_of = move |d: Date| {
        state.settings.track();
        state.framework.with_untracked(|f| kpi.with(|k| k.as_ref().map(|k| f.period_of(k, d))))
    };
    let period_hint = move || match parsed_day().and_then(period_of) {
        Some(p) => format!("Counts for {}", p.label()),
        None => "Enter a date to choose the period".into(),
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let result = (|| {
            let d = iso_date::parse(&day.get_untracked())
                .ok_or_else(|| ValidationError::NotADate { field: "Period (date)", input: day.get_untracked() })?;
            let v = parse_reading(&value.get_untracked())?;
            let period = period_of(d);
            let label = period.map(|p: Period| p.label()).unwrap_or_default();
            // A reading measures a period that has at least begun (the batch paths refuse the
            // same, see `domain::reading_batch`).
            if period.is_some_and(|p| p.start() > state.today) {
                return Err(ValidationError::NotStarted { period: label });
            }
            state.commit(Edit::AddReading { kpi: id, day: d, value: v, note: note.get_untracked() })?;
            Ok::<_, ValidationError>(format!("Recorded {} for {} in {label}.", with_unit(v, &unit()), name()))
        })();
        match result {
            Ok(message) => {
                errors.clear();
                value.set(String::new());
                note.set(String::new());
                // Ready for the next period, with the focus back in the value.
                if let Some(next) = next_day() {
                    day.set(iso_date::format(next));
                }
                if let Some(input) = value_field.get_untracked() {
                    let _ = input.focus();
                }
                state.toast.set(Some(Toast::undoable(message)));
            }
            // A reading already there, or a period not yet begun: the date typed is what to change.
            Err(
                e @ (ValidationError::DuplicateReading { .. }
                | ValidationError::NotStarted { .. }
                | ValidationError::ReviewClosed { .. }),
            ) => errors.show_on(&e, vec!["Period"]),
            Err(e) => errors.show(&e),
        }
    };

    let series = state.series_of(id);
    // The latest readings first, and only the latest LISTED until asked for all: years of weekly
    // readings would make a list a user scrolls past to reach the chart, and every new reading
    // would rebuild and compare all of it.
    let show_all = Var::new(false);
    let total = derived(move || state.with_kpi(series, |f| f.readings_of(id).len()));
    let readings = derived(move || {
        let limit = if show_all.get() { usize::MAX } else { LISTED };
        state.with_kpi(series, |f| {
            let Some(k) = f.kpi(id) else { return Vec::new() };
            f.readings_of(id)
                .iter()
                .rev()
                .take(limit)
                .map(|(&start, r)| (start, f.period_of(k, start).label(), r.value, r.note.clone(), k.spec.unit.clone()))
                .collect::<Vec<_>>()
        })
    });
    let more = move || {
        let total = total.get();
        (total > LISTED).then(|| {
            let (hint, action) = if show_all.get() {
                (format!("All {total} readings, latest first."), format!("Show only the latest {LISTED}"))
            } else {
                (format!("The latest {LISTED} of {total} readings."), format!("Show all {total}"))
            };
            view! {
                <p class="kk-hint kk-readings-more">
                    {hint} " "
                    <button type="button" class="kk-link" aria-expanded=move || show_all.get().to_string()
                        on:click=move |_| show_all.update(|all| *all = !*all)>{action}</button>
                </p>
            }
        })
    };

    view! {
        <section class="kk-detail" aria-label=move || format!("Readings: {}", name())>
            <h2>{dynamic_text(move || format!("Readings: {}", name()))}</h2>
            <When when=move || state.editable()>
            <form class="kk-form kk-reading-form" on:submit=submit>
                <TextField label="Period (any date in it)" field="Period" errors=errors value=day input_type="date" />
                <p class="kk-hint" aria-live="polite">{dynamic_text(period_hint)}</p>
                <label class="kk-field">
                    <span class="kk-field-label">"Value"</span>
                    // Written out rather than a TextField: this one takes the focus.
                    <input type="text" inputmode="decimal" node_ref=value_field
                        aria-invalid=move || errors.invalid("Value") aria-describedby=move || errors.described_by("Value")
                        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                </label>
                <TextField label="Note (optional)" value=note />
                <FormError errors=errors />
                <button type="submit" class="kk-primary">"Save reading"</button>
            </form>
            </When>
            <TrendChart kpi=id />
            <h3>"All readings"</h3>
            <When when=move || !readings.with(|r| r.is_empty()) fallback=|| view! { <p class="kk-hint">"No readings yet."</p> }>
                <ul class="kk-readings">
                    <Each each=move || readings.get() key=|r| (r.0, r.1.clone(), r.2.to_bits(), r.3.clone(), r.4.clone()) let:r>
                        <ReadingItem kpi=id period_start=r.0 label=r.1 value=r.2 note=r.3 unit=r.4 />
                    </Each>
                </ul>
                {dynamic(more)}
            </When>
        </section>
    }
}

/// One reading in the list, with Edit (value and note, in place) and Delete.
#[component]
fn ReadingItem(kpi: Id, period_start: Date, label: String, value: f64, note: String, unit: String) -> impl IntoView {
    let state = use_state();
    let editing = Var::new(false);
    let value_text = Var::new(plain(value));
    let note_text = Var::new(note.clone());
    let errors = FormErrors::new();
    let text = format!("{label}: {}", with_unit(value, &unit));
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let result = parse_reading(&value_text.get_untracked()).and_then(|value| {
            state.commit(Edit::UpdateReading { kpi, period_start, value, note: note_text.get_untracked() })
        });
        match result {
            Ok(_) => {
                editing.set(false);
                state.toast.set(Some(Toast::undoable("Reading updated.")));
            }
            Err(e) => errors.show(&e),
        }
    };
    let edit_button = NodeRef::<leptos::html::Button>::new();
    return_focus_on_close(editing.into(), edit_button);
    let (edit_label, delete_label) = (format!("Edit reading {label}"), format!("Delete reading {label}"));
    view! {
        <li>
            <When
                when=move || editing.get() && state.editable()
                fallback=move || {
                    let note = note.clone();
                    view! {
                        <span>{text.clone()}</span>
                        {(!note.is_empty()).then(|| view! { <span class="kk-note">{format!(" — {note}")}</span> })}
                        {state.editable().then(|| view! {
                            <button type="button" class="kk-link" node_ref=edit_button aria-label=edit_label.clone() on:click=move |_| editing.set(true)>"Edit"</button>
                            <button type="button" class="kk-link kk-danger" aria-label=delete_label.clone()
                                on:click=move |_| state.commit_undoable("Deleted the reading.".into(), Edit::DeleteReading { kpi, period_start })>"Delete"</button>
                        })}
                    }
                }
            >
                {
                    let edit_form = NodeRef::<leptos::html::Form>::new();
                    focus_first_field_on_mount(edit_form);
                    view! {
                <form class="kk-inline-form" node_ref=edit_form on:submit=save>
                    <TextField label="Value" errors=errors value=value_text numeric=true />
                    <TextField label="Note (optional)" value=note_text />
                    <button type="submit">"Save"</button>
                    <button type="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                    <FormError errors=errors />
                </form>
                    }
                }
            </When>
        </li>
    }
}
