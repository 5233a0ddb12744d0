//! What the banner says about the saved data, as a type, so code decides by variant and never by
//! the wording.

use crate::domain::format::num;
use crate::domain::rebase::Dropped;
use crate::storage::{DecodeError, StorageProblem};

/// A persistent notice about the saved data.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Saving (or storage as a whole) does not work right now.
    Storage(StorageProblem),
    /// An older save was upgraded; `backup` is where the original was copied first.
    Migrated { from: u32, backup: Result<String, StorageProblem> },
    /// The saved data comes from a newer version: shown read-only, never written.
    NewerVersion { schema: u32 },
    /// The saved data could not be read. Nothing is written until the user starts over.
    Damaged { error: DecodeError, chars: usize, backup: Option<Result<String, StorageProblem>> },
    /// Another tab saved first; its changes were taken and this tab's re-applied on top, except
    /// `dropped`.
    OtherTab { dropped: Vec<Dropped> },
    /// Another tab or program wrote data under this key that this version cannot read.
    OtherTabUnreadable(DecodeError),
}

impl Notice {
    /// The banner text.
    pub fn text(&self) -> String {
        match self {
            Notice::Storage(problem) => problem.to_string(),
            Notice::Migrated { from, backup: Ok(key) } => format!(
                "Your saved scorecard was upgraded from format version {from}. The original is kept under the storage key \"{key}\" until the upgraded one is saved."
            ),
            Notice::Migrated { from, backup: Err(problem) } => format!(
                "Your saved scorecard was upgraded from format version {from}. A copy of the original could not be kept ({problem})."
            ),
            Notice::NewerVersion { schema } => format!(
                "This scorecard was saved by a newer version of the app (format version {schema}). This version cannot read it, so it is left exactly as it is and nothing is saved here. Open it with the newer version."
            ),
            Notice::Damaged { error, chars, backup } => {
                let kept = match backup {
                    Some(Ok(key)) => format!("A copy is kept under the storage key \"{key}\" (see Backups in the settings)."),
                    Some(Err(problem)) => format!("No copy could be made ({problem}), so it is left in place."),
                    None => "It is left in place.".into(),
                };
                format!(
                    "Your saved scorecard ({} characters) could not be read: {error}. {kept} Nothing is saved until you choose to start a new scorecard.",
                    num(*chars as f64)
                )
            }
            Notice::OtherTab { dropped } if dropped.is_empty() => {
                "Another tab changed this scorecard; its changes are shown here, together with yours.".into()
            }
            Notice::OtherTab { dropped } => {
                let list: Vec<String> = dropped.iter().map(|d| format!("{} ({})", d.description, d.reason)).collect();
                format!(
                    "Another tab changed this scorecard; its changes are shown here. {} of your changes could not be kept: {}.",
                    dropped.len(),
                    list.join("; ")
                )
            }
            Notice::OtherTabUnreadable(error) => format!(
                "Another tab or program saved data here that this version cannot use ({error}). To protect it, nothing more is saved from this tab; your latest changes stay on screen only."
            ),
        }
    }

    /// The stable code the host page's `error` event carries; `None` for notices that report
    /// no problem (an upgrade, another tab's changes all kept).
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::storage::StorageProblem;
    /// use kra_kpi::ui::notice::Notice;
    ///
    /// assert_eq!(Notice::Storage(StorageProblem::Full).code(), Some("storage-full"));
    /// assert_eq!(Notice::OtherTab { dropped: vec![] }.code(), None);
    /// ```
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Notice::Storage(StorageProblem::Unavailable) => Some("storage-unavailable"),
            Notice::Storage(StorageProblem::Full) => Some("storage-full"),
            Notice::Storage(StorageProblem::Failed(_)) => Some("storage-failed"),
            Notice::Migrated { .. } => None,
            Notice::NewerVersion { .. } => Some("newer-version"),
            Notice::Damaged { .. } => Some("damaged-data"),
            Notice::OtherTab { dropped } if dropped.is_empty() => None,
            Notice::OtherTab { .. } => Some("edits-dropped"),
            Notice::OtherTabUnreadable(_) => Some("foreign-write"),
        }
    }

    /// Whether a successful save makes this notice obsolete.
    pub fn cleared_by_save(&self) -> bool {
        matches!(self, Notice::Storage(_))
    }

    /// Whether the user may dismiss it. A notice that explains why the widget is read-only stays.
    pub fn dismissable(&self) -> bool {
        !matches!(self, Notice::NewerVersion { .. } | Notice::Damaged { .. } | Notice::OtherTabUnreadable(_))
    }

    /// Whether the notice offers to download the saved text and start over.
    pub fn offers_start_over(&self) -> bool {
        matches!(self, Notice::Damaged { .. })
    }
}
