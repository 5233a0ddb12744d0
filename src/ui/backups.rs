//! The list of backups kept beside the scorecard: restore, download or delete each.

use leptos::prelude::*;

use super::derived::derived;
use super::download::{download_text, JSON};
use super::dynamic::dynamic_text;
use super::each::Each;
use super::state::{use_state, Toast};
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::format::num;
use crate::storage::codec::decode_saved;
use crate::storage::local::Backup;

/// The backups section of the settings, folded away by default.
///
/// Backups are made when saved data could not be read, and while an older format is upgraded.
/// They are deleted only here, by the user.
#[component]
pub fn BackupsPanel() -> impl IntoView {
    let state = use_state();
    let list = derived(move || {
        state.backups_version.track();
        state.persistence.with_value(|p| p.store().map(|s| s.backups()).unwrap_or_default())
    });
    // Each entry reads and decodes its backup (to say what it holds), so entries exist only
    // while the list is open, not at every start-up.
    let open = Var::new(false);
    let toggled = move |ev: leptos::ev::Event| {
        open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
        state.backups_version.update(|v| *v += 1);
    };
    view! {
        <details class="kk-backups" on:toggle=toggled>
            <summary>{dynamic_text(move || format!("Backups ({})", list.with(Vec::len)))}</summary>
            <When when=move || open.get() && !list.with(Vec::is_empty) fallback=|| view! { <p class="kk-hint">"No backups. One is made whenever saved data cannot be used as it is."</p> }>
                <ul class="kk-backup-list">
                    <Each each=move || list.get() key=|b| (b.key.clone(), b.chars) let:backup>
                        <BackupItem backup=backup />
                    </Each>
                </ul>
            </When>
        </details>
    }
}

#[component]
fn BackupItem(backup: Backup) -> impl IntoView {
    let state = use_state();
    let key = backup.key.clone();
    let text = state.persistence.with_value(|p| p.store().and_then(|s| s.read_backup(&key)));
    // A backup is restorable when this version can read it; otherwise it can still be downloaded.
    let readable = text.as_deref().map(decode_saved);
    let summary = match &readable {
        Some(Ok(d)) => format!(
            "\"{}\": {} KRAs, {} KPIs, {} readings.",
            d.framework.name(),
            d.framework.kras().len(),
            d.framework.kpis().len(),
            num(d.framework.reading_count() as f64)
        ),
        Some(Err(e)) => format!("Cannot be restored by this version: {e}."),
        None => "It is empty.".into(),
    };
    let made = backup.made.as_deref().map_or("date unknown".to_owned(), |m| {
        format!("made {} UTC", m.replace('T', " ").chars().take(16).collect::<String>())
    });
    let title = format!("{} · {} · {} characters", backup.key, made, num(backup.chars as f64));
    let restorable = readable.as_ref().is_some_and(Result::is_ok);
    let framework = readable.and_then(Result::ok).map(|d| d.framework);
    let restore = move |_| {
        if let Some(fw) = framework.clone() {
            let message = format!("Restored \"{}\" from the backup.", fw.name());
            state.commit_undoable(message, Edit::Replace { framework: Box::new(fw) });
        }
    };
    let (download_key, delete_key) = (backup.key.clone(), backup.key.clone());
    let download = move |_| {
        if let Some(text) = text.as_deref() {
            download_text(&format!("{}.json", download_key.replace(':', " ")), JSON, text);
        }
    };
    let delete = move |_| {
        let sure = window().confirm_with_message(&format!("Delete the backup {delete_key} for good?")).unwrap_or(false);
        if sure {
            state.persistence.with_value(|p| p.store().map(|s| s.delete_backup(&delete_key)));
            state.backups_version.update(|v| *v += 1);
            state.toast.set(Some(Toast::info("Backup deleted.")));
        }
    };
    let name = backup.key.clone();
    view! {
        <li class="kk-backup">
            <p><strong>{title}</strong></p>
            <p class="kk-meta">{backup.reason.clone().map(|r| format!("Kept because: {r}."))}</p>
            <p>{summary}</p>
            <When when=move || restorable && state.editable()>
                <button type="button" on:click=restore.clone() aria-label=format!("Restore backup {name}")>"Restore"</button>
            </When>
            <button type="button" on:click=download aria-label=format!("Download backup {}", backup.key)>"Download"</button>
            <button type="button" class="kk-danger" on:click=delete aria-label=format!("Delete backup {}", backup.key)>"Delete"</button>
        </li>
    }
}
