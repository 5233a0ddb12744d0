//! The root component: loads, provides state, saves.

use leptos::prelude::*;

use super::header::Header;
use super::kra_card::KraCard;
use super::kra_form::KraForm;
use super::mount::WidgetOptions;
use super::notices::Notices;
use super::reading_panel::ReadingPanel;
use super::settings_panel::SettingsPanel;
use super::state::{AppState, Toast};
use super::today::today;
use crate::domain::framework::Framework;
use crate::domain::template::sales_executive;
use crate::storage::{LoadOutcome, LocalStore};

/// The whole widget.
#[component]
pub fn App(options: WidgetOptions) -> impl IntoView {
    let store = LocalStore::new(&options.storage_key);
    let (framework, notice, writable) = match store.load() {
        LoadOutcome::Empty => (Framework::default(), None, true),
        LoadOutcome::Loaded { framework, migrated_from: None } => (framework, None, true),
        LoadOutcome::Loaded { framework, migrated_from: Some(v) } => (
            framework,
            Some(format!("Your saved scorecard was upgraded from format version {v}; it is saved in the new format from now on.")),
            true,
        ),
        LoadOutcome::Damaged { reason, backup_key: Some(key) } => (
            Framework::default(),
            Some(format!("Your saved scorecard could not be read: {reason}. It was kept unchanged under the storage key \"{key}\", and you are starting with an empty scorecard.")),
            true,
        ),
        LoadOutcome::Damaged { reason, backup_key: None } => (
            Framework::default(),
            Some(format!("Your saved scorecard could not be read: {reason}. It could not be backed up either, so nothing will be saved until you reload; your original data is untouched.")),
            false,
        ),
        LoadOutcome::Unavailable(problem) => (Framework::default(), Some(problem.to_string()), false),
    };
    let state = AppState::new(framework, options.today.unwrap_or_else(today), writable.then_some(store));
    state.storage_notice.set(notice);
    provide_context(state);

    Effect::watch(
        move || state.framework.get(),
        move |framework, _, _| {
            let result = state.store.with_value(|s| s.as_ref().map(|s| s.save(framework)));
            match result {
                Some(Err(problem)) => state.storage_notice.set(Some(problem.to_string())),
                Some(Ok(())) if state.storage_notice.with_untracked(|n| n.as_deref().is_some_and(is_save_problem)) => {
                    state.storage_notice.set(None)
                }
                _ => {}
            }
        },
        false,
    );

    let kra_ids = Memo::new(move |_| state.framework.with(|f| f.kras.iter().map(|k| k.id).collect::<Vec<_>>()));
    let is_empty = move || kra_ids.with(|ids| ids.is_empty());

    view! {
        <div class="kk-app">
            <Notices />
            <Header />
            <SettingsPanel />
            <div class="kk-body">
                <main class="kk-tree" aria-label="KRAs and KPIs">
                    <Show when=is_empty fallback=|| ()>
                        <EmptyState />
                    </Show>
                    <For each=move || kra_ids.get() key=|id| *id let:id>
                        <KraCard id=id />
                    </For>
                    <details class="kk-add">
                        <summary>"Add a KRA"</summary>
                        <KraForm existing=None />
                    </details>
                </main>
                <ReadingPanel />
            </div>
        </div>
    }
}

fn is_save_problem(notice: &str) -> bool {
    notice.starts_with("Browser storage is full") || notice.starts_with("Saving failed")
}

/// What a new user sees: the first step, and a template to start from.
#[component]
fn EmptyState() -> impl IntoView {
    let state = super::state::use_state();
    let load_template = move |_| {
        let template = sales_executive();
        let result = state.edit(|fw| {
            *fw = template;
            Ok(())
        });
        if result.is_ok() {
            state.toast.set(Some(Toast { text: "Loaded the Sales executive template.".into(), undoable: true }));
        }
    };
    view! {
        <section class="kk-empty" aria-label="Start your scorecard">
            <h2>"Start your scorecard"</h2>
            <p>
                "A scorecard lists your Key Result Areas (KRAs: the broad responsibilities of a role) and, under each, "
                "Key Performance Indicators (KPIs: numbers you measure against a target)."
            </p>
            <p>"First step: add a KRA below, or start from an example you can edit."</p>
            <button type="button" class="kk-primary" on:click=load_template>
                "Load the Sales executive template"
            </button>
        </section>
    }
}
