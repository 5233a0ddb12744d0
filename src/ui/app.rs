//! The root component: opens the saved data, provides state, wires saving to the page's life.

use leptos::ev;
use leptos::prelude::*;

use super::backups::BackupsPanel;
use super::bullet_panel::BulletPanel;
use super::derived::derived;
use super::each::Each;
use super::entry_grid::EntryGridPanel;
use super::header::Header;
use super::kra_card::KraCard;
use super::kra_form::KraForm;
use super::movers::MoversPanel;
use super::notices::Notices;
use super::persistence::{flush, on_storage_event, schedule_save};
use super::presentation::Presentation;
use super::reading_panel::ReadingPanel;
use super::reminders::Reminders;
use super::review_panel::ReviewPanel;
use super::score_history::ScoreHistoryPanel;
use super::scorecards::Scorecards;
use super::settings_panel::SettingsPanel;
use super::share::SharedView;
use super::shelf::on_list_changed;
use super::state::AppState;
use super::template_picker::TemplatePicker;
use super::transfer::TransferPanel;
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::template::sales_executive;

/// Above this many KPIs in all, KRA cards start folded, so a large scorecard opens with one line
/// per KRA instead of every KPI row at once.
const UNFOLDED_KPI_LIMIT: usize = 60;

/// How many KRA cards a large scorecard (over [`UNFOLDED_KPI_LIMIT`] KPIs) shows in its first
/// frame: more than a tall screen holds of folded cards. The rest follow right after that frame
/// is painted, so the first screen is not held back by building fifty cards, most of them below
/// it.
const FIRST_KRAS: usize = 12;

/// The whole widget, around `state` (made by [`mount`](super::mount::mount)).
#[component]
pub fn App(state: AppState) -> impl IntoView {
    let start_folded = state.framework.with_untracked(|f| f.kpis().len()) > UNFOLDED_KPI_LIMIT;
    provide_context(state);
    // An upgraded save is written at once (see `Persistence::open`).
    schedule_save(state);

    // Save before the page goes away: hidden (tab switched, phone locked) or closed.
    let hidden = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush(state);
        }
    });
    let closing = window_event_listener(ev::pagehide, move |_| flush(state));
    // Another tab saved: the open scorecard (take its changes in) or the list of scorecards.
    let other_tab = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        let Some(changed) = e.key() else { return };
        let (card, list) = state.persistence.with_value(|p| {
            (p.store().map(|s| s.key() == changed), p.place().map(|place| place.shelf.key() == changed))
        });
        if card == Some(true) {
            on_storage_event(state, e.new_value());
        } else if list == Some(true) {
            on_list_changed(state);
        }
    });
    // A printed report shows every KPI, folded or not.
    let before_print = window_event_listener(ev::beforeprint, move |_| state.printing.set(true));
    let after_print = window_event_listener(ev::afterprint, move |_| state.printing.set(false));
    super::share::follow_address(state);
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
        hidden.remove();
        closing.remove();
        other_tab.remove();
    });

    let kra_ids = derived(move || state.kras.with(|ks| ks.iter().map(|k| k.id).collect::<Vec<_>>()));
    // Every card at once for a small scorecard; for a large one the first screen's worth, then
    // the rest (and the review below them) once that is painted.
    let in_two_steps = start_folded && state.kras.with_untracked(|ks| ks.len()) > FIRST_KRAS;
    let shown = Var::new(if in_two_steps { FIRST_KRAS } else { usize::MAX });
    let add_opened = Var::new(false);
    if in_two_steps {
        super::after_paint::after_paint(move || shown.set(usize::MAX));
    }
    let shown_ids = move || kra_ids.with(|ids| ids.iter().copied().take(shown.get()).collect::<Vec<_>>());
    let all_shown = move || shown.get() == usize::MAX;
    let is_empty = move || kra_ids.with(|ids| ids.is_empty());
    let has_kpis = derived(move || state.kpis.with(|ks| !ks.is_empty()));
    let tree = NodeRef::<leptos::html::Section>::new();
    let app = NodeRef::<leptos::html::Div>::new();
    super::layout::track_layout(state, app);

    view! {
        <div node_ref=app class="kk-app" class:kk-read-only=move || !state.editable() role="region" aria-label="KRA/KPI scorecard">
            // A skip link for keyboard users, past the header and the panels to the first KPI
            // (Enter there opens its reading form), or to the KRA list when no KPI is shown. A
            // button, not `href="#…"`: a fragment would change the host page's address, and
            // cannot reach into a shadow root.
            <When when=move || !is_empty()>
                <button type="button" class="kk-skip" on:click=move |_| {
                    use wasm_bindgen::JsCast;
                    let Some(tree) = tree.get_untracked() else { return };
                    let first_kpi = tree
                        .query_selector(".kk-kpi-name")
                        .ok()
                        .flatten()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                    match first_kpi {
                        Some(kpi) => drop(kpi.focus()),
                        None => {
                            let _ = tree.focus();
                            tree.scroll_into_view();
                        }
                    }
                }>"Skip to the KRAs and KPIs"</button>
            </When>
            <super::share::SharedBanner />
            <Notices />
            // While a share link is being opened, or when it cannot be, the banner is the whole
            // story: an empty scorecard under it would look like the viewer's own, lost.
            <When when=move || !state.shared.with(|s| matches!(s, Some(SharedView::Opening | SharedView::Failed(_))))>
            <Header />
            <When when=move || state.editable()>
                <Reminders />
            </When>
            <SettingsPanel />
            <When when=move || super::shelf::can_change(state)>
                <Scorecards />
            </When>
            <When when=move || state.editable() || super::shelf::can_change(state)>
                <TemplatePicker />
            </When>
            <TransferPanel />
            <When when=move || state.editable() && has_kpis.get()>
                <EntryGridPanel />
            </When>
            <When when=move || state.has_store() && !state.host_read_only.get()>
                <BackupsPanel />
            </When>
            <When when=move || has_kpis.get()>
                <ScoreHistoryPanel folded=start_folded />
                <MoversPanel folded=start_folded />
                <BulletPanel folded=start_folded />
            </When>
            <div class="kk-body">
                // A labelled region, not <main>: the host page has its own main landmark. On a
                // large scorecard (`kk-many`) cards off screen skip layout (see the stylesheet).
                <section node_ref=tree class="kk-tree" class:kk-many=start_folded aria-label="KRAs and KPIs" tabindex="-1">
                    <When when=move || is_empty() && state.editable() fallback=|| ()>
                        <EmptyState />
                    </When>
                    <Each each=shown_ids key=|id| *id let:id>
                        <KraCard id=id folded=start_folded />
                    </Each>
                    // Built the first time it opens, then kept, as a KRA's "Add a KPI": the forms'
                    // code is fetched then (`ui::lazy`).
                    <When when=move || state.editable()>
                        <details class="kk-add" on:toggle=move |ev| super::disclosure::mark_opened(&ev, add_opened)>
                            <summary>"Add a KRA"</summary>
                            <When when=move || add_opened.get()>
                                <KraForm existing=None />
                            </When>
                        </details>
                    </When>
                </section>
                // On a narrow widget the panel opens under the KPI that asked for it (`KpiRow`).
                <When when=move || state.side_panel.get()>
                    <ReadingPanel />
                </When>
            </div>
            <When when=move || !is_empty() && all_shown()>
                <ReviewPanel folded=start_folded />
            </When>
            <When when=move || state.presenting.get()>
                <Presentation />
            </When>
            </When>
        </div>
    }
}

/// What a new user sees: the first step, and a template to start from.
#[component]
fn EmptyState() -> impl IntoView {
    let state = super::state::use_state();
    let section = NodeRef::<leptos::html::Section>::new();
    // The scorecard replaces this section and its buttons: the focus goes to its first control.
    let keep_focus = move || {
        if let Some(el) = section.get_untracked() {
            super::focus::keep_focus_near(&el);
        }
    };
    let load_template = move |_| {
        keep_focus();
        let edit = Edit::Replace { framework: Box::new(sales_executive()) };
        state.commit_undoable("Loaded the Sales executive template.".into(), edit);
    };
    view! {
        <section class="kk-empty" aria-label="Start your scorecard" node_ref=section>
            <h2>"Start your scorecard"</h2>
            <p>
                "A scorecard lists your Key Result Areas (KRAs: the broad responsibilities of a role) and, under each, "
                "Key Performance Indicators (KPIs: numbers you measure against a target)."
            </p>
            <p>"First step: add a KRA below, or start from an example you can edit (more under \"New scorecard from a template\" above)."</p>
            <p class="kk-actions">
                <button type="button" class="kk-primary" on:click=load_template>
                    "Load the Sales executive template"
                </button>
                <button type="button" on:click=move |_| {
                    keep_focus();
                    super::template_picker::load_demo(state);
                }>
                    "Load a demo with 12 months of readings"
                </button>
            </p>
        </section>
    }
}
