//! "Enter many readings at once": a grid of KPIs × periods, typed cell by cell from the keyboard
//! or pasted as a block from a spreadsheet, saved as one undoable change.
//!
//! One table per measurement frequency (monthly KPIs get months, quarterly ones quarters), each
//! ending with today's period. Each cell holds its own signals, so typing in one re-renders only
//! that cell. A cell's text is checked as it is typed ([`cell_value`]); saving checks the changed
//! cells once more as a [`BatchPlan`], saves the good ones and leaves the bad ones marked with
//! their reason.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::effect::effect;
use super::lazy::{lazy, split_point};
use super::state::{use_state, AppState};
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::entry_grid::{cell_value, paste_block, recent_periods};
use crate::domain::id::Id;
use crate::domain::period::{Frequency, Period};
use crate::domain::reading_batch::{BatchPlan, Proposal};

/// One cell: which reading it is, the text the saved value gives (`base`), what is typed, and
/// why it cannot be saved, if so.
#[derive(Clone, Copy)]
struct GridCell {
    kpi: Id,
    period: Period,
    base: Var<String>,
    text: Var<String>,
    error: Var<Option<String>>,
    label: StoredValue<String>,
}

impl GridCell {
    fn changed(&self) -> bool {
        self.text.with(|t| self.base.with(|b| t.trim() != b.trim()))
    }

    /// Checks what is typed, marking the cell if it cannot be saved.
    fn validate(&self) {
        let problem = self.text.with_untracked(|t| cell_value(t).err().map(|e| e.to_string()));
        self.error.set(problem);
    }
}

/// A KPI row of a table.
#[derive(Clone, PartialEq)]
struct GridKpi {
    id: Id,
    name: String,
    kra: String,
}

/// The grid panel, folded away by default; the grid exists only while it is open, and its code
/// is fetched the first time (`ui::lazy`).
#[component]
pub fn EntryGridPanel() -> impl IntoView {
    let open = Var::new(false);
    let toggled = move |ev: leptos::ev::Event| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
    view! {
        <details class="kk-grid-entry" on:toggle=toggled>
            <summary>"Enter many readings at once"</summary>
            <When when=move || open.get()>{lazy(entry_grid, |make| make())}</When>
        </details>
    }
}

split_point!(
    panels,
    fn entry_grid() -> fn() -> AnyView {
        || view! { <EntryGrid /> }.into_any()
    }
);

#[component]
fn EntryGrid() -> impl IntoView {
    let state = use_state();
    // The tables' shape: KPIs by frequency, in KRA order. Readings changing does not rebuild it.
    let groups = derived(move || {
        state.framework.with(|f| {
            let mut groups: Vec<(Frequency, Vec<GridKpi>)> = Vec::new();
            for kra in f.kras() {
                for kpi in f.kpis_of(kra.id) {
                    let row = GridKpi { id: kpi.id, name: kpi.spec.name.clone(), kra: kra.name.clone() };
                    match groups.iter_mut().find(|(freq, _)| *freq == kpi.spec.frequency) {
                        Some((_, rows)) => rows.push(row),
                        None => groups.push((kpi.spec.frequency, vec![row])),
                    }
                }
            }
            crate::domain::ordered::sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
            (f.settings().fiscal_year_start, groups)
        })
    });
    let cells = StoredValue::new(Vec::<GridCell>::new());
    let status = Var::new(String::new());
    // Cells nobody has changed follow the saved data (an undo, another tab, the reading form).
    effect(move |_| {
        state.framework.with(|f| {
            cells.with_value(|cells| {
                for cell in cells {
                    let now = saved_text(f, cell.kpi, cell.period);
                    if cell.text.with_untracked(|t| cell.base.with_untracked(|b| t == b)) {
                        if cell.base.with_untracked(|b| *b != now) {
                            cell.base.set(now.clone());
                            cell.text.set(now);
                            cell.error.set(None);
                        }
                    } else if cell.base.with_untracked(|b| *b != now) {
                        cell.base.set(now);
                    }
                }
            })
        })
    });

    let tables = move || {
        let (fiscal, groups) = groups.get();
        let mut all = Vec::new();
        let views = groups
            .into_iter()
            .map(|(frequency, kpis)| {
                let periods = recent_periods(frequency, fiscal, state.today);
                let rows: Vec<Vec<GridCell>> = state.framework.with_untracked(|f| {
                    kpis.iter()
                        .map(|k| {
                            periods
                                .iter()
                                .map(|&period| {
                                    let saved = saved_text(f, k.id, period);
                                    GridCell {
                                        kpi: k.id,
                                        period,
                                        base: Var::new(saved.clone()),
                                        text: Var::new(saved),
                                        error: Var::new(None),
                                        label: StoredValue::new(format!("{}, {}", k.name, period.label())),
                                    }
                                })
                                .collect()
                        })
                        .collect()
                });
                all.extend(rows.iter().flatten().copied());
                view! { <GridTable frequency=frequency kpis=kpis periods=periods rows=rows status=status /> }
            })
            .collect_view();
        cells.set_value(all);
        views
    };

    let problems = move || {
        cells.with_value(|cells| {
            cells
                .iter()
                .filter_map(|c| c.error.get().map(|e| (c.label.get_value(), e, error_id(c))))
                .collect::<Vec<_>>()
        })
    };
    let changed_count = move || cells.with_value(|cells| cells.iter().filter(|c| c.changed()).count());
    let save = move |_| save_grid(state, cells, status);
    let discard = move |_| {
        cells.with_value(|cells| {
            for c in cells {
                c.text.set(c.base.get_untracked());
                c.error.set(None);
            }
        });
        status.set("Changes discarded.".into());
    };

    view! {
        <div class="kk-grid-body">
            <p class="kk-hint">
                "Type a value in each cell. Tab or the arrow keys move between cells, Enter moves down. "
                "Paste a block copied from a spreadsheet onto the cell where its top-left value should go. "
                "Clearing a cell deletes its reading. Nothing is saved until you press Save."
            </p>
            {dynamic(tables)}
            <When when=move || !problems().is_empty()>
                <div class="kk-grid-problems">
                    <h4>"Cells that will not be saved"</h4>
                    <ul>
                        {dynamic(move || problems().into_iter().map(|(label, reason, id)| view! {
                            <li id=id>{format!("{label}: {reason}")}</li>
                        }).collect_view())}
                    </ul>
                </div>
            </When>
            <p class="kk-actions">
                <button type="button" class="kk-primary" on:click=save disabled=move || changed_count() == 0>
                    {dynamic_text(move || match changed_count() {
                        0 => "Save".to_owned(),
                        1 => "Save 1 changed cell".to_owned(),
                        n => format!("Save {n} changed cells"),
                    })}
                </button>
                <button type="button" on:click=discard disabled=move || changed_count() == 0>"Discard changes"</button>
            </p>
            <p class="kk-grid-status" aria-live="polite">{dynamic_text(move || status.get())}</p>
        </div>
    }
}

/// One frequency's table.
#[component]
fn GridTable(
    frequency: Frequency,
    kpis: Vec<GridKpi>,
    periods: Vec<Period>,
    rows: Vec<Vec<GridCell>>,
    status: Var<String>,
) -> impl IntoView {
    let grid = StoredValue::new(rows.clone());
    let caption = format!("{} KPIs", frequency.label());
    let body = kpis
        .into_iter()
        .zip(rows)
        .enumerate()
        .map(|(r, (kpi, cells))| {
            view! {
                <tr>
                    <th scope="row">
                        <span class="kk-grid-kpi">{kpi.name}</span>
                        <span class="kk-meta">{kpi.kra}</span>
                    </th>
                    {cells.into_iter().enumerate().map(|(c, cell)| view! { <Cell cell=cell r=r c=c grid=grid status=status /> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="kk-table-scroll">
            <table class="kk-grid">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"KPI"</th>
                        {periods.iter().map(|p| view! { <th scope="col">{p.label()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Cell(
    cell: GridCell,
    r: usize,
    c: usize,
    grid: StoredValue<Vec<Vec<GridCell>>>,
    status: Var<String>,
) -> impl IntoView {
    let input = move |ev: leptos::ev::Event| {
        cell.text.set(event_target_value(&ev));
        cell.validate();
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let length = target.value().encode_utf16().count() as u32;
        let caret = (target.selection_start().ok().flatten(), target.selection_end().ok().flatten());
        let (dr, dc): (isize, isize) = match ev.key().as_str() {
            "Enter" if ev.shift_key() => (-1, 0),
            "Enter" | "ArrowDown" => (1, 0),
            "ArrowUp" => (-1, 0),
            "ArrowLeft" if caret == (Some(0), Some(0)) => (0, -1),
            "ArrowRight" if caret == (Some(length), Some(length)) => (0, 1),
            _ => return,
        };
        ev.prevent_default();
        focus_cell(&target, r as isize + dr, c as isize + dc);
    };
    let paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        if !text.contains(['\t', '\n']) {
            return; // one value: the browser pastes it into this cell as usual
        }
        ev.prevent_default();
        let (filled, outside) = grid.with_value(|rows| {
            let (mut filled, mut outside) = (0, 0);
            for (i, line) in paste_block(&text).into_iter().enumerate() {
                for (j, value) in line.into_iter().enumerate() {
                    match rows.get(r + i).and_then(|row| row.get(c + j)) {
                        Some(target) => {
                            target.text.set(value.trim().to_owned());
                            target.validate();
                            filled += 1;
                        }
                        None => outside += 1,
                    }
                }
            }
            (filled, outside)
        });
        status.set(match outside {
            0 => format!("Pasted {filled} cells. Check them, then press Save."),
            n => format!("Pasted {filled} cells; {n} fell outside the grid and were left out."),
        });
    };
    view! {
        <td class:kk-cell-bad=move || cell.error.with(Option::is_some) class:kk-cell-changed=move || cell.changed()>
            <input type="text" inputmode="decimal" autocomplete="off"
                data-r=r data-c=c
                aria-label=cell.label.get_value()
                aria-invalid=move || cell.error.with(Option::is_some).then_some("true")
                aria-describedby=move || cell.error.with(Option::is_some).then(|| error_id(&cell))
                prop:value=move || cell.text.get()
                on:input=input on:keydown=keydown on:paste=paste />
            <When when=move || cell.error.with(Option::is_some)>
                <span class="kk-cell-mark" aria-hidden="true">"!"</span>
            </When>
        </td>
    }
}

/// The id of the line that says why `cell` cannot be saved.
fn error_id(cell: &GridCell) -> String {
    format!("kk-grid-error-{}-{}", cell.kpi, cell.period.start())
}

/// The text a saved reading shows in the grid: its value in full, or nothing.
fn saved_text(f: &crate::domain::framework::Framework, kpi: Id, period: Period) -> String {
    f.reading(kpi, period.start()).map(|r| r.value.to_string()).unwrap_or_default()
}

/// Moves the focus to the cell at row `r`, column `c` of the table holding `from`, selecting its
/// text so typing replaces it, as in a spreadsheet.
fn focus_cell(from: &web_sys::HtmlInputElement, r: isize, c: isize) {
    if r < 0 || c < 0 {
        return;
    }
    let Ok(Some(table)) = from.closest("table") else { return };
    let selector = format!("input[data-r=\"{r}\"][data-c=\"{c}\"]");
    if let Some(next) =
        table.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = next.focus();
        next.select();
    }
}

/// Saves every changed cell that can be saved, as one undoable edit, and marks the others.
fn save_grid(state: AppState, cells: StoredValue<Vec<GridCell>>, status: Var<String>) {
    let mut proposals = Vec::new();
    let mut owners = Vec::new();
    let mut deletions = Vec::new();
    let mut deleted_cells = Vec::new();
    cells.with_value(|cells| {
        for cell in cells.iter().filter(|c| c.changed()) {
            match cell.text.with_untracked(|t| cell_value(t)) {
                Ok(Some(value)) => {
                    proposals.push(Ok(Proposal { kpi: cell.kpi, day: cell.period.start(), value, note: None }));
                    owners.push(*cell);
                }
                Ok(None) => {
                    deletions.push(Edit::DeleteReading { kpi: cell.kpi, period_start: cell.period.start() });
                    deleted_cells.push(*cell);
                }
                Err(e) => cell.error.set(Some(e.to_string())),
            }
        }
    });
    let plan = state.framework.with_untracked(|f| BatchPlan::check(f, proposals, state.today));
    for (entry, cell) in plan.entries.iter().zip(&owners) {
        if let Err(reason) = entry {
            cell.error.set(Some(reason.to_string()));
        }
    }
    let tally = plan.tally();
    let mut edits = match plan.edit(false) {
        Some(Edit::Batch { edits }) => edits,
        _ => Vec::new(),
    };
    edits.extend(deletions);
    let bad = cells.with_value(|cells| cells.iter().filter(|c| c.error.with_untracked(Option::is_some)).count());
    let not_saved = match bad {
        0 => String::new(),
        1 => " 1 cell was not saved: it is marked, with the reason below.".to_owned(),
        n => format!(" {n} cells were not saved: they are marked, with the reasons below."),
    };
    // Cells that were saved (or already held their value) show the value as saved.
    let settle = || {
        state.framework.with_untracked(|f| {
            let accepted = owners.iter().zip(&plan.entries).filter(|(_, e)| e.is_ok()).map(|(c, _)| c);
            for cell in accepted.chain(&deleted_cells) {
                let now = saved_text(f, cell.kpi, cell.period);
                cell.base.set(now.clone());
                cell.text.set(now);
                cell.error.set(None);
            }
        })
    };
    if edits.is_empty() {
        settle();
        status.set(format!("Nothing to save: the scorecard already has these values.{not_saved}"));
        return;
    }
    let mut parts = Vec::new();
    let saved = tally.added + tally.replaced;
    if saved > 0 {
        parts.push(format!("{saved} {}", if saved == 1 { "reading saved" } else { "readings saved" }));
    }
    if !deleted_cells.is_empty() {
        parts.push(format!("{} deleted", deleted_cells.len()));
    }
    let summary = parts.join(", ");
    match state.commit(Edit::Batch { edits }) {
        Ok(_) => {
            settle();
            status.set(format!("{summary}.{not_saved}"));
            state.toast.set(Some(super::state::Toast::undoable(format!("{summary} from the grid."))));
        }
        Err(e) => status.set(format!("Nothing was saved: {e}")),
    }
}
