//! "Export and import": the scorecard as a file and as CSV, its printed report, and importing a
//! file back with a preview first.

use leptos::prelude::*;

use super::computed::Computed;
use super::download::{download_text, CSV, JSON};
use super::dynamic::{dynamic, dynamic_text};
use super::lazy::{lazy, split_point};
use super::shelf;
use super::state::{use_state, AppState, Toast};
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::framework::Framework;
use crate::domain::reading_batch::{describe_tally, Tally};
use crate::domain::summary::Summary;
use crate::exchange::csv::{readings, review_scorecard, to_csv};
use crate::exchange::file::{check_size, export, file_name, import};
use crate::exchange::merge::merge_readings;

/// A file that was read and can be imported, waiting for the user's choice.
#[derive(Clone)]
struct Pending {
    file: String,
    summary: Summary,
    framework: Framework,
    /// What merging its readings into the open scorecard would do, and the first few reasons
    /// for leaving readings out; `None` when the open scorecard cannot take readings.
    merge: Option<(Tally, Vec<String>)>,
}

/// The export and import panel, folded away by default; its code is fetched the first time it
/// opens (`ui::lazy`).
#[component]
pub fn TransferPanel() -> impl IntoView {
    let opened = Var::new(false);
    view! {
        // Built the first time the panel opens, then kept (a chosen file waits there).
        <details class="kk-transfer" on:toggle=move |ev| super::disclosure::mark_opened(&ev, opened)>
            <summary>"Export and import"</summary>
            <When when=move || opened.get()>{lazy(transfer_body, |make| make())}</When>
        </details>
    }
}

split_point!(
    panels,
    fn transfer_body() -> fn() -> AnyView {
        || view! { <TransferBody /> }.into_any()
    }
);

/// The open panel: the downloads, the import and the share link.
#[component]
fn TransferBody() -> impl IntoView {
    let state = use_state();
    // "Present" is here: its code is fetched now, so that it opens at once when clicked.
    super::presentation::preload();
    let name = move || state.framework.with(|f| f.name().to_owned());
    let period = move || state.review.get().label();
    let offer = move |file: String, mime: &str, text: String| {
        if !download_text(&file, mime, &text) {
            state.toast.set(Some(Toast::info("This browser did not allow the download.")));
        }
    };
    let json = move |_| {
        let (file, text) = state.framework.with_untracked(|f| (file_name(f.name(), state.today, "json"), export(f)));
        offer(file, JSON, text);
    };
    let all_readings = move |_| {
        let (file, text) = state.framework.with_untracked(|f| {
            (file_name(&format!("{} readings", f.name()), state.today, "csv"), to_csv(&readings(f, state.today)))
        });
        offer(file, CSV, text);
    };
    let review_csv = move |_| {
        let review = state.review.get_untracked();
        let (file, text) = state.framework.with_untracked(|f| {
            let stem = format!("{} {}", f.name(), review.label());
            (file_name(&stem, state.today, "csv"), to_csv(&review_scorecard(f, &review, state.today)))
        });
        offer(file, CSV, text);
    };
    let print = move |_| {
        let _ = window().print();
    };
    let can_import = move || state.editable() || shelf::can_change(state);

    view! {
            <div class="kk-transfer-body">
                <section aria-labelledby="kk-export-title">
                    <h3 id="kk-export-title">"Export"</h3>
                    <p class="kk-hint">"Files are made on this device; nothing is sent anywhere."</p>
                    <ul class="kk-transfer-actions">
                        <li>
                            <button type="button" on:click=json>"Download the scorecard (JSON)"</button>
                            <span class="kk-meta">" Everything, to keep as a backup or import elsewhere."</span>
                        </li>
                        <li>
                            <button type="button" on:click=all_readings>"Download all readings (CSV)"</button>
                            <span class="kk-meta">" One row per reading, for a spreadsheet."</span>
                        </li>
                        <li>
                            <button type="button" on:click=review_csv>{dynamic_text(move || format!("Download the {} scorecard (CSV)", period()))}</button>
                            <span class="kk-meta">" Overall, KRA and KPI scores of the review period."</span>
                        </li>
                        <li>
                            <button type="button" class=super::presentation::OPEN_CLASS on:click=move |_| super::presentation::open(state)>
                                {dynamic_text(move || format!("Present the {} review", period()))}
                            </button>
                            <span class="kk-meta">" Full screen, large type, read-only; arrow keys move between KRAs."</span>
                        </li>
                        <li>
                            <button type="button" on:click=print>{dynamic_text(move || format!("Print the {} report", period()))}</button>
                            <span class="kk-meta">" Or save it as PDF from the print dialog."</span>
                        </li>
                    </ul>
                </section>
                <When when=can_import>
                    <Import name=Computed::new(name) />
                </When>
                <When when=move || state.share_links.get() && state.shared.with(Option::is_none)>
                    <super::share::ShareLinkMaker />
                </When>
            </div>
    }
}

/// Choosing a file, its preview, and replacing or adding.
#[component]
fn Import(name: Computed<String>) -> impl IntoView {
    let state = use_state();
    let pending = Var::new(None::<Pending>);
    let error = Var::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();

    let chosen = move |_| {
        let Some(element) = input.get_untracked() else { return };
        let Some(file) = element.files().and_then(|files| files.get(0)) else { return };
        // Chosen again later, the same file must fire `change` again.
        element.set_value("");
        pending.set(None);
        error.set(None);
        read_file(state, file, pending, error);
    };
    let cancel = move |_| {
        pending.set(None);
        state.toast.set(Some(Toast::info("Import cancelled; nothing was changed.")));
    };
    // Like a template: a new scorecard of the list when the open one has content, otherwise it
    // fills the open (empty) one.
    let adds_new = move || shelf::adds_new(state);
    let start = move |_| {
        if let Some(p) = pending.get_untracked() {
            let message = if untrack(adds_new) {
                format!("Imported \"{}\" from {} as a new scorecard.", p.summary.name, p.file)
            } else {
                format!("Imported \"{}\" from {}.", p.summary.name, p.file)
            };
            if shelf::start(state, p.framework, message) {
                pending.set(None);
            }
        }
    };
    let replace = move |_| {
        if let Some(p) = pending.get_untracked() {
            replace_with(state, p);
            pending.set(None);
        }
    };
    let merge = move |only_new: bool| {
        if let Some(p) = pending.get_untracked() {
            merge_into(state, &p, only_new);
            pending.set(None);
        }
    };

    view! {
        <section aria-labelledby="kk-import-title">
            <h3 id="kk-import-title">"Import"</h3>
            <label class="kk-field">
                <span class="kk-field-label">"Import a scorecard file (JSON)"</span>
                <input type="file" accept=".json,application/json" node_ref=input on:change=chosen />
            </label>
            <p class="kk-error" role="alert">{dynamic_text(move || error.get())}</p>
            // Only what the preview shows is copied out, not the pending scorecard itself.
            {dynamic(move || pending.with(|p| p.as_ref().map(|p| (p.file.clone(), p.summary.clone(), p.merge.clone()))).map(|(file, summary, merging)| {
                let replace_label = format!("Replace \"{}\"", name.get());
                let is_empty = !shelf::has_content(state);
                let first = if adds_new() {
                    "Add as a new scorecard".to_owned()
                } else if is_empty {
                    "Import".to_owned()
                } else {
                    replace_label.clone()
                };
                view! {
                    <div class="kk-import-preview" role="group" aria-labelledby="kk-import-preview-title">
                        <h4 id="kk-import-preview-title">{format!("\"{}\" from {file}", summary.name)}</h4>
                        <p>{summary.to_string()}"."</p>
                        <p class="kk-actions">
                            <button type="button" class="kk-primary" on:click=start>{first}</button>
                            <When when=move || adds_new() && state.editable()>
                                <button type="button" on:click=replace>{replace_label.clone()}</button>
                            </When>
                            <button type="button" on:click=cancel>"Cancel"</button>
                        </p>
                        <When when=move || state.editable() && !is_empty>
                            <p class="kk-hint">"Replacing keeps the open scorecard one Undo away."</p>
                        </When>
                        {merging.map(|(tally, reasons)| {
                            let into = name.get();
                            let saves = tally.added + tally.replaced;
                            view! {
                                <div class="kk-merge">
                                    <p>{format!("Or merge its readings into \"{into}\", matched by KRA and KPI name: {}.", describe_tally(&tally))}</p>
                                    {(!reasons.is_empty()).then(|| view! {
                                        <ul class="kk-merge-reasons">
                                            {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                        </ul>
                                    })}
                                    <p class="kk-actions">
                                        {(saves > 0).then(|| view! {
                                            <button type="button" on:click=move |_| merge(false)>{format!("Merge {saves} {} into \"{into}\"", if saves == 1 { "reading" } else { "readings" })}</button>
                                        })}
                                        {(tally.added > 0 && tally.replaced > 0).then(|| view! {
                                            <button type="button" on:click=move |_| merge(true)>{format!("Add only the {} new", tally.added)}</button>
                                        })}
                                    </p>
                                </div>
                            }
                        })}
                    </div>
                }
            }))}
            <When when=move || state.editable()>
                <super::csv_import::CsvReadingsImport />
            </When>
        </section>
    }
}

/// Puts an imported scorecard in place of the open one, undoably.
fn replace_with(state: AppState, p: Pending) {
    state.selected.set(None);
    let message = format!("Replaced the scorecard with \"{}\" from {}.", p.summary.name, p.file);
    state.commit_undoable(message, Edit::Replace { framework: Box::new(p.framework) });
}

/// Merges the pending file's readings into the open scorecard as one undoable edit, checked
/// again against the scorecard as it is now.
fn merge_into(state: AppState, p: &Pending, only_new: bool) {
    let plan = state.framework.with_untracked(|f| merge_readings(&p.framework, f, state.today));
    match plan.edit(only_new) {
        Some(edit) => {
            let count = match &edit {
                Edit::Batch { edits } => edits.len(),
                _ => 1,
            };
            let noun = if count == 1 { "reading" } else { "readings" };
            state.commit_undoable(format!("Merged {count} {noun} from {}.", p.file), edit);
        }
        None => state.toast.set(Some(Toast::info("Nothing to merge: the scorecard already has these readings."))),
    }
}

/// What merging `source` into the open scorecard would do, when it can take readings.
fn merge_preview(state: AppState, source: &Framework) -> Option<(Tally, Vec<String>)> {
    if !state.editable_untracked() || state.framework.with_untracked(|f| f.kpis().is_empty()) {
        return None;
    }
    let plan = state.framework.with_untracked(|f| merge_readings(source, f, state.today));
    let mut reasons: Vec<String> = Vec::new();
    for reason in plan.entries.iter().filter_map(|e| e.as_ref().err()) {
        let text = reason.to_string();
        if !reasons.contains(&text) && reasons.len() < 5 {
            reasons.push(text);
        }
    }
    let reasons = reasons.into_iter().map(|r| format!("Left out: {r}.")).collect();
    Some((plan.tally(), reasons))
}

/// Reads `file` and decodes it: a preview in `pending`, or the reason in `error`.
fn read_file(state: AppState, file: web_sys::File, pending: Var<Option<Pending>>, error: Var<Option<String>>) {
    let name = file.name();
    let file_label = StoredValue::new(name.clone());
    let refuse = move |reason: String| {
        let file = file_label.get_value();
        error.set(Some(format!("\"{file}\" was not imported: {reason}. Nothing was changed.")));
    };
    // `size` is a whole number of bytes, far below 2^53.
    if let Err(e) = check_size(file.size() as u64) {
        refuse(e.to_string());
        return;
    }
    super::file_text::read_text(&file, move |text| match text {
        Some(text) => match import(&text) {
            Ok(framework) => {
                let summary = Summary::of(&framework);
                let merge = merge_preview(state, &framework);
                pending.set(Some(Pending { file: name, summary, framework, merge }));
            }
            Err(e) => refuse(e.to_string()),
        },
        None => refuse("the browser could not read the file".into()),
    });
}
