//! One KPI's row in its KRA's table.

use leptos::prelude::*;

use super::computed::Computed;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::explain::{words_of, Explain};
use super::kpi_form::KpiForm;
use super::kpi_sparkline::KpiSparkline;
use super::reading_panel::ReadingPanel;
use super::row_actions::RowActions;
use super::state::use_state;
use super::status_badge::StatusBadge;
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::format::{goal_text, with_unit};
use crate::domain::id::Id;
use crate::domain::scoring::{explain_kpi, Status};

/// A KPI row: value, target, score and status for the review period, and its controls.
#[component]
pub fn KpiRow(id: Id) -> impl IntoView {
    let state = use_state();
    // The KPI list, not the framework: entering a reading elsewhere does not re-run this.
    let kpi = derived(move || state.kpi(id));
    let score = state.kpi_score(id);
    let name = move || kpi.with(|k| k.as_ref().map(|k| k.spec.name.clone()).unwrap_or_default());
    let unit = move || kpi.with(|k| k.as_ref().map(|k| k.spec.unit.clone()).unwrap_or_default());
    let editing = Var::new(false);
    let selected = move || state.selected.get() == Some(id);

    let value = move || {
        score.with(|s| match s.as_ref().and_then(|s| s.value) {
            Some(v) => with_unit(v, &unit()),
            None => "No reading".into(),
        })
    };
    // The most recent reading, when it lies outside the period shown: "nothing this month" should
    // not hide what was last measured.
    let series = state.series_of(id);
    let latest_elsewhere = derived(move || {
        let review = state.review.get();
        state.with_kpi(series, |f| {
            let k = f.kpi(id)?;
            let (&start, r) = f.readings_of(id).last().filter(|(&start, _)| !review.contains(start))?;
            Some(format!("Latest: {} ({})", with_unit(r.value, &k.spec.unit), f.period_of(k, start).label()))
        })
    });
    let target = move || {
        let direction = kpi.with(|k| k.as_ref().map(|k| k.spec.direction));
        score.with(|s| s.as_ref().zip(direction).map(|(s, d)| goal_text(&d, s.target, &unit())).unwrap_or_default())
    };
    // Pace exists only for the period in progress: its score is so far, not the period's result.
    let pace = move || score.with(|s| s.as_ref().and_then(|s| s.pace).map(|p| format!("So far · Pace: {}", p.label())));
    let delete = move |_| {
        let label = name();
        if state.selected.get_untracked() == Some(id) {
            state.selected.set(None);
        }
        state.commit_undoable(format!("Deleted KPI \"{label}\" and its readings."), Edit::DeleteKpi { id });
    };
    // Moving past either end changes nothing, so there is no error to show.
    let move_by = move |offset: isize| {
        let _ = state.commit(Edit::MoveKpi { id, offset });
    };
    // Re-selecting the open KPI must not rebuild its panel and lose a half-typed reading.
    let select = move || {
        if state.selected.get_untracked() != Some(id) {
            state.selected.set(Some(id));
        }
    };
    // Chosen from the keyboard (a click with no pointer: `detail` 0), the KPI's reading form
    // takes the focus, so Enter, a value and Enter save a reading; a tap or a click only shows
    // the KPI, without popping up a phone's keyboard.
    let choose = move |ev: leptos::ev::MouseEvent| {
        select();
        if ev.detail() == 0 && state.editable() {
            state.entry_requested.set(Some(id));
        }
    };
    let kra = move || kpi.with(|k| k.as_ref().map(|k| k.kra));
    let name_button = NodeRef::<leptos::html::Button>::new();
    let close_inline = move |_: ()| {
        state.selected.set(None);
        if let Some(button) = name_button.get_untracked() {
            let _ = button.focus();
        }
    };

    view! {
        <tr class="kk-kpi" class:kk-selected=selected data-testid="kpi-row">
            <th scope="row">
                <button type="button" class="kk-kpi-name" node_ref=name_button aria-pressed=move || selected().to_string()
                    on:click=choose>{dynamic_text(name)}</button>
            </th>
            <td data-label="Value">
                <span data-testid="kpi-value">{dynamic_text(value)}</span>
                <span class="kk-latest">{dynamic_text(move || latest_elsewhere.get())}</span>
                <KpiSparkline id=id series=series />
            </td>
            <td data-testid="kpi-target" data-label="Target">{dynamic_text(target)}</td>
            <td data-testid="kpi-score">
                <StatusBadge
                    status=Computed::new(move || score.with(|s| s.as_ref().map_or(Status::NoData, |s| s.status)))
                    score=Computed::new(move || score.with(|s| s.as_ref().and_then(|s| s.score)))
                />
                <span class="kk-pace">{dynamic_text(pace)}</span>
                <Explain
                    subject=Computed::new(name)
                    words=words_of(state, id, score, explain_kpi)
                />
            </td>
            <td class="kk-row-actions">
                <When when=move || state.editable()>
                    <button type="button" on:click=move |_| { state.entry_requested.set(Some(id)); select() } aria-label=move || format!("Add reading for {}", name())>"+ Reading"</button>
                    <RowActions kind="KPI" name=Computed::new(name) on_edit=move |_| editing.update(|e| *e = !*e) editing=editing on_move=move_by on_delete=delete />
                </When>
            </td>
        </tr>
        // Put away, not dropped, while the widget is read-only: what was typed is still there after.
        <When when=move || editing.get()>
            <tr class="kk-edit-row" hidden=move || !state.editable()>
                <td colspan="5">
                    {dynamic(move || kra().map(|kra| view! { <KpiForm kra=kra existing=Some(id) on_done=move |_| editing.set(false) /> }))}
                </td>
            </tr>
        </When>
        // Too narrow for a panel beside the KRAs: the readings open right under this KPI, where
        // the user tapped, instead of a screen's height below the last KRA.
        <When when=move || selected() && !state.side_panel.get()>
            <tr class="kk-inline-panel">
                <td colspan="5"><ReadingPanel on_close=close_inline /></td>
            </tr>
        </When>
    }
}
