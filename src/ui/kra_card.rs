//! One KRA with its KPIs.

use leptos::prelude::*;

use super::computed::Computed;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::each::Each;
use super::effect::effect;
use super::explain::{words_of, Explain};
use super::kpi_form::KpiForm;
use super::kpi_row::KpiRow;
use super::kra_form::KraForm;
use super::row_actions::RowActions;
use super::state::use_state;
use super::status_badge::StatusBadge;
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::format::num;
use crate::domain::id::Id;
use crate::domain::scoring::{explain_kra, KraScore, Status};

/// A KRA card: its score, its KPIs' table, and controls to edit, move and delete.
///
/// With `folded`, the KPI table is left out of the page until the user shows it, so a scorecard
/// of a thousand KPIs opens as one line per KRA.
#[component]
pub fn KraCard(id: Id, #[prop(optional)] folded: bool) -> impl IntoView {
    let state = use_state();
    // Each card watches only its own KRA and its own score, so editing another KRA leaves
    // this card's DOM untouched; and it reads the KRA list, not the framework, so entering a
    // reading does not even re-run its memos.
    let kra = derived(move || state.kras.with(|ks| ks.iter().find(|k| k.id == id).cloned()));
    let score = state.kra_score(id);
    let kpi_ids =
        derived(move || state.kpis.with(|ks| ks.iter().filter(|k| k.kra == id).map(|k| k.id).collect::<Vec<_>>()));
    let name = move || kra.with(|k| k.as_ref().map(|k| k.name.clone()).unwrap_or_default());
    let field =
        move |f: fn(&KraScore) -> String| dynamic_text(move || score.with(|s| s.as_deref().map(f).unwrap_or_default()));
    let coverage = derived(move || score.with(|s| s.as_ref().map(|s| s.coverage.describe()).unwrap_or_default()));
    let editing = Var::new(false);
    let open = Var::new(!folded);
    let add_opened = Var::new(false);
    // A KPI of a folded KRA chosen elsewhere (a reminder's "Enter Oct 2026") unfolds its KRA:
    // on a narrow widget its readings open under its row, which must be there.
    effect(move |_| {
        if let Some(kpi) = state.selected.get() {
            if !open.get_untracked() && kpi_ids.with(|ids| ids.contains(&kpi)) {
                open.set(true);
            }
        }
    });
    let kpi_count = move || kpi_ids.with(Vec::len);
    let has_kpis = move || kpi_count() != 0;
    let toggle_label = move || match (open.get(), kpi_count()) {
        (true, _) => "Hide KPIs".to_owned(),
        (false, 1) => "Show 1 KPI".to_owned(),
        (false, n) => format!("Show {n} KPIs"),
    };

    let delete = move |_| {
        let label = name();
        state.commit_undoable(format!("Deleted KRA \"{label}\" and its KPIs."), Edit::DeleteKra { id });
    };
    // Moving past either end changes nothing, so there is no error to show.
    let move_by = move |offset: isize| {
        let _ = state.commit(Edit::MoveKra { id, offset });
    };

    view! {
        <article class="kk-kra" aria-label=name>
            <header class="kk-kra-header">
                <div class="kk-kra-title">
                    <h2>{dynamic_text(name)}</h2>
                    <p class="kk-meta">
                        {dynamic(move || kra.with(|k| k.as_ref().map(|k| {
                            let mut parts = Vec::new();
                            if !k.owner.is_empty() { parts.push(format!("Owner: {}", k.owner)); }
                            parts.push(format!("Weight {} %", num(k.weight)));
                            let period = state.review.get();
                            let (rated, own) = state.review_record.with(|r| {
                                (r.as_ref().and_then(|r| r.rating(k.id)), r.as_ref().and_then(|r| r.self_rating(k.id)))
                            });
                            let scale = state.settings.with(|s| s.rating_scale);
                            if let Some(r) = rated {
                                parts.push(format!("Rated {} of {} for {}", num(r), num(scale), period.label()));
                            }
                            if let Some(r) = own {
                                parts.push(format!("Self-assessed {} of {}", num(r), num(scale)));
                            }
                            parts.join(" · ")
                        })))}
                    </p>
                    <p class="kk-description">{dynamic_text(move || kra.with(|k| k.as_ref().map(|k| k.description.clone())))}</p>
                </div>
                <div class="kk-kra-score" data-testid="kra-score">
                    <StatusBadge
                        status=Computed::new(move || score.with(|s| s.as_ref().map_or(Status::NoData, |s| s.status)))
                        score=Computed::new(move || score.with(|s| s.as_ref().and_then(|s| s.score)))
                    />
                    <Explain subject=Computed::new(move || format!("KRA {}", name())) words=words_of(state, id, score, explain_kra) />
                    <When when=move || has_kpis()>
                        <span class="kk-meta kk-coverage" data-testid="kra-coverage">{dynamic_text(move || coverage.get())}</span>
                    </When>
                </div>
                <div class="kk-row-actions">
                    <When when=move || has_kpis()>
                        <button type="button" class="kk-kra-toggle" aria-expanded=move || open.get().to_string()
                            aria-label=move || format!("{} of {}", toggle_label(), name())
                            on:click=move |_| open.update(|o| *o = !*o)>{dynamic_text(toggle_label)}</button>
                    </When>
                    <When when=move || state.editable()>
                        <RowActions kind="KRA" name=Computed::new(name) on_edit=move |_| editing.update(|e| *e = !*e) editing=editing on_move=move_by on_delete=delete />
                    </When>
                </div>
            </header>
            <When when=move || score.with(|s| s.as_ref().is_some_and(|s| s.weight_warning.is_some()))>
                <p class="kk-warning" role="note"><span aria-hidden="true">"⚠ "</span>{field(|s| s.weight_warning.clone().unwrap_or_default())}</p>
            </When>
            // Put away, not dropped, while the widget is read-only: what was typed is still there after.
            <When when=move || editing.get()>
                <div hidden=move || !state.editable()>
                    <KraForm existing=Some(id) on_done=move |_| editing.set(false) />
                </div>
            </When>
            <When when=move || has_kpis() fallback=|| view! { <p class="kk-hint">"No KPIs yet: add one to make this KRA measurable."</p> }>
              <When when=move || open.get() || state.printing.get()>
                <table class="kk-kpis">
                    <caption class="kk-visually-hidden">{dynamic_text(move || format!("KPIs of {}", name()))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"KPI"</th>
                            <th scope="col">"Value"</th>
                            <th scope="col">"Target"</th>
                            <th scope="col">"Score and status"</th>
                            <th scope="col" class="kk-actions-col">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <Each each=move || kpi_ids.get() key=|id| *id let:kpi>
                            <KpiRow id=kpi />
                        </Each>
                    </tbody>
                </table>
              </When>
            </When>
            // The form is built the first time the user opens it, then kept (a half-typed KPI
            // survives closing): fifty KRAs would otherwise hold fifty hidden forms of 70 nodes.
            <When when=move || state.editable()>
                <details class="kk-add" on:toggle=move |ev| super::disclosure::mark_opened(&ev, add_opened)>
                    <summary>{dynamic_text(move || format!("Add a KPI to {}", name()))}</summary>
                    <When when=move || add_opened.get()>
                        <KpiForm kra=id existing=None />
                    </When>
                </details>
            </When>
        </article>
    }
}
