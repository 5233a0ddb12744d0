//! "Import readings (CSV)": a spreadsheet's readings into the open scorecard, with a preview of
//! what each row will do before anything is saved.

use leptos::prelude::*;

use super::dynamic::{dynamic, dynamic_text};
use super::state::{use_state, AppState};
use super::var::Var;
use super::when::When;
use crate::domain::reading_batch::{describe_tally, describe_value, Checked, Refusal, Tally, Verdict};
use crate::exchange::csv_import::{read_readings, CsvReadings, CsvRow};
use crate::exchange::file::check_size;

/// At most this many rows are listed in the preview (refused ones first); the counts cover all.
const SHOWN_ROWS: usize = 200;

/// A file read and checked, waiting for the user's choice. The text is kept so the plan can be
/// checked again, against the scorecard as it is, at the moment of saving.
#[derive(Clone)]
struct Pending {
    file: String,
    text: String,
    tally: Tally,
}

/// One preview line.
#[derive(Clone)]
struct Line {
    row: usize,
    kra: String,
    kpi: String,
    period: String,
    value: String,
    outcome: String,
    refused: bool,
}

/// Choosing a CSV file of readings, its preview, and saving the rows that can be saved.
#[component]
pub fn CsvReadingsImport() -> impl IntoView {
    let state = use_state();
    let pending = Var::new(None::<Pending>);
    let lines = Var::new(Vec::<Line>::new());
    let error = Var::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();

    let chosen = move |_| {
        let Some(element) = input.get_untracked() else { return };
        let Some(file) = element.files().and_then(|files| files.get(0)) else { return };
        element.set_value("");
        pending.set(None);
        error.set(None);
        let name = file.name();
        let refuse = move |file: &str, reason: String| {
            error.set(Some(format!("\"{file}\" was not imported: {reason}. Nothing was changed.")));
        };
        if let Err(e) = check_size(file.size() as u64) {
            refuse(&name, e.to_string());
            return;
        }
        super::file_text::read_text(&file, move |text| {
            let Some(text) = text else {
                refuse(&name, "the browser could not read the file".into());
                return;
            };
            let read = state.framework.with_untracked(|f| read_readings(f, &text, state.today));
            match read {
                Ok(read) => {
                    lines.set(preview_lines(&read));
                    pending.set(Some(Pending { file: name, tally: read.plan.tally(), text }));
                }
                Err(e) => refuse(&name, e.to_string()),
            }
        });
    };
    let cancel = move |_| {
        pending.set(None);
        lines.set(Vec::new());
    };
    let save = move |only_new: bool| {
        if let Some(p) = pending.get_untracked() {
            if save_readings(state, &p, only_new) {
                pending.set(None);
                lines.set(Vec::new());
            }
        }
    };

    view! {
        <label class="kk-field">
            <span class="kk-field-label">"Import readings (CSV)"</span>
            <input type="file" accept=".csv,.tsv,.txt,text/csv" node_ref=input on:change=chosen />
        </label>
        <p class="kk-hint">
            "Columns found by their names in the first row: KPI, Value, Period start (YYYY-MM-DD) or Period, "
            "and optionally KRA and Note, as in \"Download all readings (CSV)\"."
        </p>
        <p class="kk-error" role="alert">{dynamic_text(move || error.get())}</p>
        {dynamic(move || pending.get().map(|p| {
            let Tally { added, replaced, .. } = p.tally;
            let saves = added + replaced;
            let shown = lines.with(Vec::len);
            // Files without a KRA column (or with it empty) get no empty column.
            let has_kra = lines.with(|lines| lines.iter().any(|l| !l.kra.is_empty()));
            let total = p.tally.added + p.tally.replaced + p.tally.unchanged + p.tally.refused;
            view! {
                <div class="kk-import-preview" role="group" aria-labelledby="kk-csv-preview-title">
                    <h4 id="kk-csv-preview-title">{format!("Readings from {}", p.file)}</h4>
                    <p>{format!("{}.", describe_tally(&p.tally))}</p>
                    <div class="kk-table-scroll" tabindex="0" role="region" aria-label="Rows of the file">
                        <table class="kk-csv-rows">
                            <thead><tr>
                                <th scope="col">"Row"</th>
                                {has_kra.then(|| view! { <th scope="col">"KRA"</th> })}
                                <th scope="col">"KPI"</th>
                                <th scope="col">"Period"</th><th scope="col">"Value"</th><th scope="col">"What happens"</th>
                            </tr></thead>
                            <tbody>
                                {lines.get().into_iter().map(|l| view! {
                                    <tr class:kk-row-refused=l.refused>
                                        <td class="kk-nowrap">{l.row}</td>
                                        {has_kra.then(|| view! { <td>{l.kra}</td> })}
                                        <td>{l.kpi}</td>
                                        <td class="kk-nowrap">{l.period}</td><td class="kk-nowrap">{l.value}</td><td>{l.outcome}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <When when=move || { shown < total }>
                        <p class="kk-hint">{format!("The first {shown} of {total} rows are listed, refused ones first.")}</p>
                    </When>
                    <p class="kk-actions">
                        <When when=move || { saves > 0 }>
                            <button type="button" class="kk-primary" on:click=move |_| save(false)>
                                {format!("Save {saves} {}", if saves == 1 { "reading" } else { "readings" })}
                            </button>
                        </When>
                        <When when=move || { added > 0 && replaced > 0 }>
                            <button type="button" on:click=move |_| save(true)>
                                {format!("Add only the {added} new, keep existing readings")}
                            </button>
                        </When>
                        <button type="button" on:click=cancel>{if saves > 0 { "Cancel" } else { "Close" }}</button>
                    </p>
                    <When when=move || { saves > 0 }>
                        <p class="kk-hint">"Saved as one change: one Undo takes it back."</p>
                    </When>
                </div>
            }
        }))}
    }
}

/// Checks the file again against the scorecard as it is now and saves what it can, with an
/// undoable message. False when nothing was saved (the message says why).
fn save_readings(state: AppState, p: &Pending, only_new: bool) -> bool {
    let read = state.framework.with_untracked(|f| read_readings(f, &p.text, state.today));
    let Some(edit) = read.ok().and_then(|r| r.plan.edit(only_new)) else {
        state.toast.set(Some(super::state::Toast::info("Nothing to save: the scorecard already has these readings.")));
        return false;
    };
    let count = match &edit {
        crate::domain::edit::Edit::Batch { edits } => edits.len(),
        _ => 1,
    };
    let noun = if count == 1 { "reading" } else { "readings" };
    state.commit_undoable(format!("Saved {count} {noun} from {}.", p.file), edit);
    true
}

/// The preview's lines: refused rows first, then replacements, additions and unchanged rows,
/// each group in file order, at most [`SHOWN_ROWS`].
fn preview_lines(read: &CsvReadings) -> Vec<Line> {
    let rank = |entry: &Result<Checked, Refusal>| match entry {
        Err(_) => 0,
        Ok(Checked { verdict: Verdict::Replace { .. }, .. }) => 1,
        Ok(Checked { verdict: Verdict::Add, .. }) => 2,
        Ok(Checked { verdict: Verdict::Unchanged, .. }) => 3,
    };
    let mut order: Vec<usize> = (0..read.rows.len()).collect();
    crate::domain::ordered::sort_by(&mut order, |&a, &b| rank(&read.plan.entries[a]).cmp(&rank(&read.plan.entries[b])));
    order
        .into_iter()
        .take(SHOWN_ROWS)
        .map(|i| {
            let CsvRow { row, kra, kpi, period, value } = read.rows[i].clone();
            match &read.plan.entries[i] {
                Ok(checked) => {
                    let outcome = match checked.verdict {
                        Verdict::Add => "Added",
                        Verdict::Replace { .. } => "Replaces the reading there",
                        Verdict::Unchanged => "Unchanged: already there",
                    };
                    Line {
                        row,
                        kra,
                        kpi,
                        period: checked.period.label(),
                        value: describe_value(checked),
                        outcome: outcome.to_owned(),
                        refused: false,
                    }
                }
                Err(reason) => {
                    Line { row, kra, kpi, period, value, outcome: format!("Refused: {reason}"), refused: true }
                }
            }
        })
        .collect()
}
