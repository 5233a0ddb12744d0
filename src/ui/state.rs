//! The widget's reactive state and the one path by which the framework changes.

use std::rc::Rc;

use jiff::civil::Date;
use leptos::prelude::*;

use super::computed::Computed;
use super::derived::{derived, Derived};
use super::effect::effect;
use super::notice::Notice;
use super::persistence::{Opened, Persistence};
use super::slots::Slots;
use super::var::{ReadVar, Var};
use crate::domain::edit::{Applied, Edit};
use crate::domain::error::ValidationError;
use crate::domain::framework::Framework;
use crate::domain::history::{History, Step};
use crate::domain::id::Id;
use crate::domain::kpi::Kpi;
use crate::domain::kra::Kra;
use crate::domain::period::Period;
use crate::domain::reading::Series;
use crate::domain::rebase::PendingEdit;
use crate::domain::review::{Review, ReviewKey, Reviews};
use crate::domain::scoring::{
    score_framework, score_framework_with, KpiScore, KraScore, ScoreCache, Scorecard, ScoringSettings,
};
use crate::domain::shared::Shared;
use crate::storage::shelf_index::{CardId, ShelfIndex};

/// A short message after an action, optionally offering to take it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// What happened.
    pub text: String,
    /// The button shown beside it, if any.
    pub action: ToastAction,
}

/// What a toast's button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastAction {
    /// No button.
    None,
    /// "Undo": undoes the edit the toast describes.
    Undo,
    /// "Undo": brings back the scorecard just deleted.
    Restore(CardId),
}

impl Toast {
    /// A message with no button.
    pub fn info(text: impl Into<String>) -> Toast {
        Toast { text: text.into(), action: ToastAction::None }
    }

    /// A message with an Undo button for the edit it describes.
    pub fn undoable(text: impl Into<String>) -> Toast {
        Toast { text: text.into(), action: ToastAction::Undo }
    }
}

/// Everything the components share, provided as context by the root component.
///
/// All fields are `Copy` handles, so the struct is cheap to pass around. There is no global
/// state: each mounted widget creates its own.
///
/// Components read the framework through [`AppState::framework`] and change it only through
/// [`AppState::commit`] (and undo/redo): apply through the domain, record the inverse for undo,
/// queue the edit for saving and for other tabs, and schedule the save.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The framework being edited. Read-only here: changes go through [`AppState::commit`].
    pub framework: ReadSignal<Framework>,
    set_framework: WriteSignal<Framework>,
    history: StoredValue<History>,
    /// Bumped on every history change, so undo/redo buttons know when to re-check.
    history_version: Var<u32>,
    /// A day inside the review period being looked at.
    pub anchor: Var<Date>,
    /// Today, for pace and defaults.
    pub today: Date,
    /// The KPI whose readings and chart are open.
    pub selected: Var<Option<crate::domain::id::Id>>,
    /// The share link the page was opened with, if any (see `ui::share`).
    pub shared: Var<Option<super::share::SharedView>>,
    /// Whether this widget makes share links for its page (the `shareLinks` option).
    pub share_links: Var<bool>,
    /// The viewer's own storage key while a share link is shown, for "Import a copy".
    pub home_key: StoredValue<Option<String>>,
    /// True while the review is shown as a full-screen presentation.
    pub presenting: Var<bool>,
    /// True while the page is being printed: folded KRAs unfold, so the report shows every KPI.
    pub printing: Var<bool>,
    /// Whether the widget is wide enough (1060 px, as the stylesheet's two-column layout) for
    /// the readings panel beside the KRAs; when narrower, it opens under the KPI that asked
    /// for it (`ui::layout`).
    pub side_panel: Var<bool>,
    /// The KPI whose reading form should take the focus once it is on screen ("+ Reading").
    pub entry_requested: Var<Option<crate::domain::id::Id>>,
    /// The period a reading form should offer when it opens (a missing reading chosen from the
    /// reminders), for that KPI.
    pub entry_period: Var<Option<(crate::domain::id::Id, Date)>>,
    /// A persistent notice about the saved data (storage problems, migration, other tabs).
    pub notice: Var<Option<Notice>>,
    /// The latest action's message.
    pub toast: Var<Option<Toast>>,
    /// Why the saved data may not be changed, if it may not.
    pub read_only: Var<Option<ReadOnly>>,
    /// Whether the host page asked for a read-only view: no edit controls, no writes. Separate
    /// from [`AppState::read_only`], so lifting it never lifts a data problem's protection.
    pub host_read_only: Var<bool>,
    /// Who is told about every committed change (the embedding API's `change` event).
    listener: StoredValue<Option<Listener>, LocalStorage>,
    /// The KRAs in display order. Unlike [`AppState::framework`], this changes only when a KRA
    /// does (not when a reading is entered), and it is a signal of its own, written after each
    /// change of the framework only if the list changed: the views kept per KRA and per KPI read
    /// names, settings and structure from here and the signals below, so an edit wakes only the
    /// views of what it changed, not every card's and row's (marking, waking and re-linking
    /// hundreds of views of one signal was most of an edit's time at 1,000 KPIs).
    pub kras: ReadVar<Shared<Vec<Kra>>>,
    /// The KPIs in display order, each with its spec and KRA; not their readings.
    pub kpis: ReadVar<Shared<Vec<Kpi>>>,
    /// The scorecard's scoring settings (rating scale, review cycle, …).
    pub settings: ReadVar<ScoringSettings>,
    /// The review record (ratings, comments, N/A, closing) of the period shown, if any.
    pub review_record: Derived<Option<Review>>,
    /// The review period shown.
    pub review: Derived<Period>,
    /// Scores of the whole tree for the review period.
    pub scorecard: Derived<Scorecard>,
    /// The parts above that are copied out of the framework after each change (see
    /// [`AppState::publish`]), and the per-KPI and per-KRA slots.
    parts: Parts,
    pub(super) persistence: StoredValue<Persistence>,
    /// Bumped when the list of backups changes.
    pub backups_version: Var<u32>,
    /// The widget's list of scorecards; `None` when it keeps only one (no storage of its own,
    /// or a single saved scorecard that could not be moved into a list).
    pub scorecards: Var<Option<ShelfIndex>>,
    /// The open scorecard's number in that list.
    pub card: Var<Option<CardId>>,
}

/// Who is told about each committed [`Change`] (see [`AppState::set_listener`]).
pub type Listener = Rc<dyn Fn(&Change)>;

/// What changed the framework, as the host page's `change` event reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeSource {
    /// The user committed an edit.
    Edit,
    /// The user undid an edit.
    Undo,
    /// The user redid an edit.
    Redo,
    /// Another tab saved, and its data was taken in.
    OtherTab,
    /// The host page replaced the data (`setData`).
    Host,
    /// The user opened another scorecard of the widget's list.
    Switch,
}

impl ChangeSource {
    /// The stable name used in events.
    pub fn key(self) -> &'static str {
        match self {
            ChangeSource::Edit => "edit",
            ChangeSource::Undo => "undo",
            ChangeSource::Redo => "redo",
            ChangeSource::OtherTab => "other-tab",
            ChangeSource::Host => "host",
            ChangeSource::Switch => "switch",
        }
    }
}

/// One committed change, as announced to the listener.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What caused it.
    pub source: ChangeSource,
    /// The kind of edit (`"add-reading"`, …; `"replace"` for other tabs and the host, `"open"`
    /// when another scorecard is opened).
    pub kind: &'static str,
    /// A sentence saying what changed, in the words the undo toast uses.
    pub description: String,
}

/// Why the widget does not accept edits.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOnly {
    /// The saved data comes from a newer version; this one never writes over it.
    NewerVersion,
    /// The saved data could not be read; nothing is written until the user starts over.
    Damaged,
    /// Another tab or program wrote data here that this version cannot read.
    ForeignWrite,
}

impl AppState {
    /// State around an initial framework.
    pub fn new(framework: Framework, today: Date, persistence: Persistence) -> AppState {
        let parts = Parts {
            kras: Var::new(framework.kras_shared()),
            kpis: Var::new(framework.kpis_shared()),
            settings: Var::new(framework.settings().clone()),
            reviews: Var::new(framework.reviews_shared()),
            series: Slots::new(),
            kpi_scores: Slots::new(),
            kra_scores: Slots::new(),
        };
        let (framework, set_framework) = signal(framework);
        let anchor = Var::new(today);
        let settings = parts.settings.read_only();
        let review = derived(move || {
            let (cycle, fiscal) = settings.with(|s| (s.review_cycle, s.fiscal_year_start));
            Period::containing(anchor.get(), cycle, fiscal)
        });
        // One edit re-scores only the KPIs it touched; the cache lives as long as the widget.
        let cache = StoredValue::new(ScoreCache::numbers_only());
        let scorecard = derived(move || {
            let period = review.get();
            framework.with(|f| {
                cache
                    .try_update_value(|c| score_framework_with(f, &period, today, c))
                    .unwrap_or_else(|| score_framework(f, &period, today))
            })
        });
        let reviews = parts.reviews;
        let review_record = derived(move || reviews.with(|r| r.get(&ReviewKey::of(&review.get())).cloned()));
        // After each scoring, the rows' and cards' scores, written only where they changed.
        effect(move |_| {
            scorecard.with(|c| {
                parts.kpi_scores.refresh(&mut |id| c.kpis.get(&id).map(Shared::erased));
                parts.kra_scores.refresh(&mut |id| c.kras.get(&id).map(Shared::erased));
            })
        });
        AppState {
            framework,
            set_framework,
            kras: parts.kras.read_only(),
            kpis: parts.kpis.read_only(),
            settings,
            review_record,
            parts,
            history: StoredValue::new(History::new(100)),
            history_version: Var::new(0),
            anchor,
            today,
            selected: Var::new(None),
            entry_requested: Var::new(None),
            entry_period: Var::new(None),
            printing: Var::new(false),
            side_panel: Var::new(true),
            presenting: Var::new(false),
            shared: Var::new(None),
            share_links: Var::new(false),
            home_key: StoredValue::new(None),
            notice: Var::new(None),
            toast: Var::new(None),
            read_only: Var::new(None),
            host_read_only: Var::new(false),
            listener: StoredValue::new_local(None),
            review,
            scorecard,
            persistence: StoredValue::new(persistence),
            backups_version: Var::new(0),
            scorecards: Var::new(None),
            card: Var::new(None),
        }
    }

    /// Shows another scorecard of the list, opened from storage (see `ui::shelf`): its own
    /// saving state, notice and protection; nothing before it can be undone, and the review
    /// period goes back to today's.
    pub(super) fn open_other(&self, opened: Opened, card: CardId) {
        let Opened { framework, persistence, notice, read_only, .. } = opened;
        let description = format!("open the scorecard \"{}\"", framework.name());
        self.persistence.set_value(persistence);
        self.selected.set(None);
        self.clear_history();
        self.notice.set(notice);
        self.read_only.set(read_only);
        self.anchor.set(self.today);
        self.card.set(Some(card));
        self.replace_framework(framework);
        self.announce(|| Change { source: ChangeSource::Switch, kind: "open", description });
    }

    /// KPI `id`'s readings, as a handle that changes only when they do: a view of one KPI
    /// tracks this (with [`AppState::with_kpi`]) instead of the whole framework, so entering a
    /// reading re-runs the views of that KPI alone.
    pub fn series_of(&self, id: Id) -> Computed<Option<Shared<Series>>> {
        let framework = self.framework;
        self.parts.series.part(id, move || framework.with_untracked(|f| f.series(id)))
    }

    /// KPI `id` from the KPI list (tracked: not its readings), if it is there.
    pub fn kpi(&self, id: Id) -> Option<Kpi> {
        self.kpis.with(|ks| ks.iter().find(|k| k.id == id).cloned())
    }

    /// KPI `id`'s score for the review period; a view reading it re-runs only when it changes.
    pub fn kpi_score(&self, id: Id) -> Computed<Option<Shared<KpiScore>>> {
        let scorecard = self.scorecard;
        self.parts.kpi_scores.part(id, move || scorecard.with_untracked(|c| c.kpis.get(&id).cloned()))
    }

    /// KRA `id`'s score for the review period; a view reading it re-runs only when it changes.
    pub fn kra_score(&self, id: Id) -> Computed<Option<Shared<KraScore>>> {
        let scorecard = self.scorecard;
        self.parts.kra_scores.part(id, move || scorecard.with_untracked(|c| c.kras.get(&id).cloned()))
    }

    /// Copies what changed out of the framework into the signals views of one part read (the
    /// KRA and KPI lists, the settings, the review records, each shown KPI's readings). Called
    /// after every write of the framework, in the same task, so a handler that commits an edit
    /// reads the new lists right after.
    fn publish(&self) {
        let parts = self.parts;
        self.framework.with_untracked(|f| {
            put(parts.kras, f.kras_shared());
            put(parts.kpis, f.kpis_shared());
            put(parts.reviews, f.reviews_shared());
            if parts.settings.with_untracked(|s| s != f.settings()) {
                parts.settings.set(f.settings().clone());
            }
            parts.series.refresh(&mut |id| f.series(id).as_ref().map(Shared::erased));
        });
    }

    /// Replaces the framework and publishes its parts.
    fn replace_framework(&self, framework: Framework) {
        self.set_framework.set(framework);
        self.publish();
    }

    /// Reads the framework for a view of one KPI, subscribing only to what such a view depends
    /// on: that KPI's readings (`series`, from [`AppState::series_of`]), the KPI list and the
    /// settings. `f` must read nothing else that changes (not another KPI's readings, not the
    /// review records).
    pub fn with_kpi<T>(&self, series: Computed<Option<Shared<Series>>>, f: impl FnOnce(&Framework) -> T) -> T {
        series.track();
        self.kpis.track();
        self.settings.track();
        self.framework.with_untracked(f)
    }

    /// Whether edits are accepted (reactive).
    pub fn editable(&self) -> bool {
        !self.host_read_only.get() && self.read_only.with(Option::is_none)
    }

    /// Whether the widget saves to a store of its own (not with `storage: "none"`, nor when
    /// storage is unavailable).
    pub fn has_store(&self) -> bool {
        self.persistence.try_with_value(|p| p.store().is_some()).unwrap_or(false)
    }

    /// Whether edits are accepted, without subscribing.
    pub fn editable_untracked(&self) -> bool {
        !self.host_read_only.get_untracked() && self.read_only.with_untracked(Option::is_none)
    }

    /// Sets who hears about committed changes (one listener; the embedding API).
    pub fn set_listener(&self, listener: Option<Listener>) {
        self.listener.try_set_value(listener);
    }

    /// Replaces the framework on the host page's request (`setData`): like opening a different
    /// scorecard, so nothing before it can be undone. Saved when `save` (an editable widget);
    /// only shown otherwise (read-only).
    pub(super) fn replace_by_host(&self, framework: Framework, save: bool) {
        let description = format!("replace the scorecard with \"{}\"", framework.name());
        if self.selected.with_untracked(|s| s.is_some_and(|id| framework.kpi(id).is_none())) {
            self.selected.set(None);
        }
        self.clear_history();
        self.toast.set(None);
        if save {
            let edit = Edit::Replace { framework: Box::new(framework.clone()) };
            self.replace_framework(framework);
            self.queue(PendingEdit { edit, created: Vec::new() });
        } else {
            self.replace_framework(framework);
        }
        self.announce(|| Change { source: ChangeSource::Host, kind: "replace", description });
    }

    /// The kind and description of `edit` for the listener; `None` (and no work) without one.
    fn describe(&self, edit: &Edit) -> Option<(&'static str, String)> {
        let listening = self.listener.try_with_value(Option::is_some).unwrap_or(false);
        listening.then(|| (edit.kind(), self.framework.with_untracked(|f| edit.describe(f))))
    }

    /// Tells the listener about a change that has been applied.
    pub(super) fn announce(&self, change: impl FnOnce() -> Change) {
        if let Some(listener) = self.listener.try_get_value().flatten() {
            listener(&change());
        }
    }

    /// The one commit path: applies `edit` through the domain; on success records its inverse
    /// for undo, queues it for saving (and for re-applying if another tab saves first), and
    /// schedules the save. On failure nothing changes and the error is returned for the form to
    /// show.
    pub fn commit(&self, edit: Edit) -> Result<Applied, ValidationError> {
        if !self.editable_untracked() {
            return Err(ValidationError::ReadOnly);
        }
        let queued = edit.clone();
        // Described before it applies, while what it deletes still has its name.
        let described = self.describe(&edit);
        let applied = self
            .set_framework
            .try_maybe_update(|f| match f.apply(edit) {
                Ok(applied) => (applied.changed, Ok(applied)),
                Err(e) => (false, Err(e)),
            })
            .unwrap_or(Err(ValidationError::ReadOnly))?;
        if applied.changed {
            self.publish();
            // The toast's Undo must never undo a different edit from the one it describes.
            self.toast.set(None);
            self.history.update_value(|h| h.record(applied.inverse.clone()));
            self.history_version.update(|v| *v += 1);
            self.queue(PendingEdit { edit: queued, created: applied.created.clone() });
            if let Some((kind, description)) = described {
                self.announce(|| Change { source: ChangeSource::Edit, kind, description });
            }
        }
        Ok(applied)
    }

    /// Like [`AppState::commit`], then shows `message` with an Undo button (or the error).
    pub fn commit_undoable(&self, message: String, edit: Edit) {
        match self.commit(edit) {
            Ok(_) => self.toast.set(Some(Toast::undoable(message))),
            Err(e) => self.toast.set(Some(Toast::info(e.to_string()))),
        }
    }

    /// Steps back one edit.
    pub fn undo(&self) {
        let described = self.history.with_value(|h| h.next_undo().and_then(|e| self.describe(e)));
        self.travel(History::undo, ChangeSource::Undo, described, "Undone.", "Could not undo");
    }

    /// Steps forward one undone edit.
    pub fn redo(&self) {
        let described = self.history.with_value(|h| h.next_redo().and_then(|e| self.describe(e)));
        self.travel(History::redo, ChangeSource::Redo, described, "Redone.", "Could not redo");
    }

    fn travel(
        &self,
        step: fn(&mut History, &mut Framework) -> Option<Result<Step, ValidationError>>,
        source: ChangeSource,
        described: Option<(&'static str, String)>,
        done: &str,
        failed: &str,
    ) {
        if !self.editable_untracked() {
            return;
        }
        let set_framework = self.set_framework;
        let outcome = self.history.try_update_value(|history| {
            set_framework.try_maybe_update(|f| match step(history, f) {
                Some(Ok(step)) => (step.1.changed, Some(Ok(step))),
                other => (false, other),
            })
        });
        self.history_version.update(|v| *v += 1);
        match outcome.flatten().flatten() {
            Some(Ok((edit, applied))) => {
                self.publish();
                self.queue(PendingEdit { edit, created: applied.created });
                self.toast.set(Some(Toast::info(done)));
                if let Some((kind, description)) = described {
                    self.announce(|| Change { source, kind, description });
                }
            }
            Some(Err(e)) => self.toast.set(Some(Toast::info(format!("{failed}: {e}")))),
            None => {}
        }
    }

    fn queue(&self, pending: PendingEdit) {
        self.persistence.update_value(|p| p.queue(pending));
        super::persistence::schedule_save(*self);
    }

    /// Replaces the framework with data read from storage (another tab's save), keeping the
    /// undo history with its ids rewritten by `remap`.
    pub(super) fn replace_from_storage(
        &self,
        framework: Framework,
        remap: &crate::domain::ordered::Map<crate::domain::id::Id, crate::domain::id::Id>,
    ) {
        self.history.update_value(|h| h.remap(remap));
        self.history_version.update(|v| *v += 1);
        self.replace_framework(framework);
    }

    /// Forgets undo and redo (after starting over, nothing before it can be undone).
    pub(super) fn clear_history(&self) {
        self.history.update_value(History::clear);
        self.history_version.update(|v| *v += 1);
    }

    /// Whether undo is possible (reactive).
    pub fn can_undo(&self) -> bool {
        self.history_version.track();
        self.editable() && self.history.with_value(|h| h.can_undo())
    }

    /// Whether redo is possible (reactive).
    pub fn can_redo(&self) -> bool {
        self.history_version.track();
        self.editable() && self.history.with_value(|h| h.can_redo())
    }
}

/// Writes `now` into `signal` unless it already holds the same handle.
fn put<T: Send + Sync + 'static>(signal: Var<Shared<T>>, now: Shared<T>) {
    if !signal.with_untracked(|held| Shared::ptr_eq(held, &now)) {
        signal.set(now);
    }
}

/// The signals [`AppState::publish`] writes, and the per-KPI and per-KRA slots.
#[derive(Clone, Copy)]
struct Parts {
    kras: Var<Shared<Vec<Kra>>>,
    kpis: Var<Shared<Vec<Kpi>>>,
    settings: Var<ScoringSettings>,
    reviews: Var<Shared<Reviews>>,
    series: Slots,
    kpi_scores: Slots,
    kra_scores: Slots,
}

/// The state provided by the enclosing widget.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
