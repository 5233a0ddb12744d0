//! The review of the period shown: who reviewed, a rating and comment per KRA, KPIs not
//! applicable this period, an overall comment, and closing or reopening the review.
//!
//! Every field commits its own edit when it changes (on `change`, not on each keystroke), so
//! each is one undo step and two tabs writing different fields both keep their work.

use leptos::prelude::*;

use super::derived::{derived, Derived};
use super::dynamic::{dynamic, dynamic_text};
use super::each::Each;
use super::state::{use_state, AppState, Toast};
use super::var::Var;
use super::when::When;
use crate::domain::edit::{Edit, ReviewChange};
use crate::domain::format::{long_date, num, plain};
use crate::domain::id::Id;
use crate::domain::input::read_number;
use crate::domain::review::{Closure, Review, ReviewKey};

/// The review of the period shown, or what there is to say about it.
///
/// With `folded` (a large scorecard), each KRA's rating and comment fields are built the first
/// time the user opens them (or prints): fifty KRAs' fields are some 1,300 elements, half of
/// what the page would otherwise build before showing the scorecard.
#[component]
pub fn ReviewPanel(#[prop(optional)] folded: bool) -> impl IntoView {
    let state = use_state();
    let key = derived(move || ReviewKey::of(&state.review.get()));
    let review = state.review_record;
    let closed = move || review.with(|r| r.as_ref().is_some_and(Review::is_closed));
    let locked = move || closed() || !state.editable();
    let kra_ids = derived(move || state.kras.with(|ks| ks.iter().map(|k| k.id).collect::<Vec<_>>()));
    let label = move || state.review.get().label();
    let error = Var::new(None::<String>);
    let kras_built = Var::new(!folded);
    let kras_summary = move || match kra_ids.with(Vec::len) {
        1 => "Rating and comment for the KRA".to_owned(),
        n => format!("Ratings and comments for {n} KRAs"),
    };

    // Nothing written and nothing can be: say so instead of a form of empty, disabled fields.
    let nothing_to_show = move || !state.editable() && review.with(Option::is_none);

    view! {
        <section class="kk-review" class:kk-review-empty=move || review.with(Option::is_none) aria-label=move || format!("Review of {}", label()) data-testid="review">
            <div class="kk-review-head">
                <h2>"Review of " {dynamic_text(label)}</h2>
                <ReviewState review=review />
            </div>
            <When when=move || !nothing_to_show() fallback=move || view! {
                <p class="kk-hint">"No review has been written for " {dynamic_text(label)} "."</p>
            }>
                <BlendHint />
                <fieldset class="kk-plain kk-review-fields" disabled=locked>
                    <label class="kk-field">
                        <span class="kk-field-label">"Reviewed by"</span>
                        <input type="text" placeholder="Name or role"
                            prop:value=move || review.with(|r| r.as_ref().map(|r| r.reviewer.clone()).unwrap_or_default())
                            on:change=move |ev| {
                                let reviewer = event_target_value(&ev);
                                send(state, key.get_untracked(), ReviewChange::Reviewer { reviewer }, error);
                            } />
                    </label>
                    <details class="kk-review-kras" open=!folded
                        on:toggle=move |ev| super::disclosure::mark_opened(&ev, kras_built)>
                        <summary>{dynamic_text(kras_summary)}</summary>
                        <When when=move || kras_built.get() || state.printing.get()>
                            <div class="kk-review-kra-list">
                                <Each each=move || kra_ids.get() key=|id| *id let:kra>
                                    <KraReviewFields kra=kra key=key review=review error=error />
                                </Each>
                            </div>
                        </When>
                    </details>
                    <label class="kk-field kk-wide">
                        <span class="kk-field-label">"Overall comment for " {dynamic_text(label)}</span>
                        <textarea rows="3"
                            prop:value=move || review.with(|r| r.as_ref().map(|r| r.comment.clone()).unwrap_or_default())
                            on:change=move |ev| {
                                let comment = event_target_value(&ev);
                                send(state, key.get_untracked(), ReviewChange::Comment { comment }, error);
                            }></textarea>
                    </label>
                </fieldset>
                <p class="kk-error" role="alert">{dynamic_text(move || error.get())}</p>
                <When when=move || state.editable()>
                    <CloseOrReopen key=key review=review error=error />
                </When>
            </When>
        </section>
    }
}

/// Commits one review change; a refusal is shown beside the review.
fn send(state: AppState, key: ReviewKey, change: ReviewChange, error: Var<Option<String>>) {
    match state.commit(Edit::SetReview { key, change }) {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(e.to_string())),
    }
}

/// "Open" or "Closed on … by …", with the scores it was closed with and whether they have moved.
#[component]
fn ReviewState(review: Derived<Option<Review>>) -> impl IntoView {
    let state = use_state();
    let text = move || {
        let closure = review.with(|r| r.as_ref().and_then(|r| r.closed.clone()));
        let reviewer = review.with(|r| r.as_ref().map(|r| r.reviewer.clone()).unwrap_or_default());
        match closure {
            None if state.scorecard.with(|c| c.in_progress) => "Open · the period is still in progress".to_owned(),
            None => "Open · not closed yet".to_owned(),
            Some(c) => {
                let by = if reviewer.is_empty() { String::new() } else { format!(" by {reviewer}") };
                let mut s = format!("✓ Closed on {}{by}", long_date(c.on));
                match c.overall {
                    Some(o) => s.push_str(&format!(" · overall score when closed: {} %", num(o))),
                    None => s.push_str(" · no overall score when closed (no readings)"),
                }
                let now = state.scorecard.with(|card| card.overall);
                if let (Some(then), Some(now)) = (c.overall, now) {
                    if (then - now).abs() >= 0.05 {
                        s.push_str(&format!(
                            " · now {} %: targets or weights were changed after the review was closed",
                            num(now)
                        ));
                    }
                }
                s
            }
        }
    };
    view! {
        <p class="kk-review-state" class:kk-closed=move || review.with(|r| r.as_ref().is_some_and(Review::is_closed))
            data-testid="review-state">{dynamic_text(text)}</p>
    }
}

/// Whether ratings change scores, in words, so nobody rates expecting an effect there is not.
#[component]
fn BlendHint() -> impl IntoView {
    let state = use_state();
    let text = move || {
        state.framework.with(|f| {
            let s = f.settings();
            if s.rating_blend > 0.0 {
                format!(
                    "Ratings (1 to {}) make up {} % of each rated KRA's score for this period.",
                    num(s.rating_scale),
                    num(s.rating_blend)
                )
            } else {
                format!(
                    "Ratings (1 to {}) are recorded with the review; they do not change scores while the rating share in Scoring settings is 0 %.",
                    num(s.rating_scale)
                )
            }
        })
    };
    view! { <p class="kk-hint">{dynamic_text(text)}</p> }
}

/// The name of `kra`, from the KRA list (not the framework, so a reading leaves it alone).
fn kra_name(state: AppState, kra: Id) -> Derived<String> {
    derived(move || state.kras.with(|ks| ks.iter().find(|k| k.id == kra).map(|k| k.name.clone()).unwrap_or_default()))
}

/// One KRA's rating, comment and N/A marks for the period.
#[component]
fn KraReviewFields(
    kra: Id,
    key: Derived<ReviewKey>,
    review: Derived<Option<Review>>,
    error: Var<Option<String>>,
) -> impl IntoView {
    let state = use_state();
    let name = kra_name(state, kra);
    let comment = move || {
        review.with(|r| r.as_ref().and_then(|r| r.kras.get(&kra)).map(|k| k.comment.clone()).unwrap_or_default())
    };
    let kra_score = state.kra_score(kra);
    let score = move || {
        kra_score.with(|k| k.as_ref().map(|k| k.score.map_or_else(|| "no score".into(), |s| format!("{} %", num(s)))))
    };
    let na_open = Var::new(false);
    let na_count = move || {
        review.with(|r| {
            r.as_ref().map_or(0, |r| {
                state.kpis.with(|ks| ks.iter().filter(|k| k.kra == kra && r.not_applicable.contains(&k.id)).count())
            })
        })
    };

    view! {
        <fieldset class="kk-review-kra">
            <legend>{dynamic_text(move || name.get())} <span class="kk-meta">" · " {dynamic_text(score)}</span></legend>
            <RatingSelect kra=kra label="Rating" what="Rating" review=review
                get=|r: &Review, kra| r.rating(kra)
                change=move |rating| send(state, key.get_untracked(), ReviewChange::Rating { kra, rating }, error) />
            <RatingSelect kra=kra label="Self-assessment" what="Self-assessment" review=review
                get=|r: &Review, kra| r.self_rating(kra)
                change=move |rating| send(state, key.get_untracked(), ReviewChange::SelfRating { kra, rating }, error) />
            <label class="kk-field kk-wide">
                <span class="kk-field-label">"Comment"</span>
                <textarea rows="2" aria-label=move || format!("Comment on {} for {}", name.get(), state.review.get().label())
                    prop:value=comment
                    on:change=move |ev| {
                        let comment = event_target_value(&ev);
                        send(state, key.get_untracked(), ReviewChange::KraComment { kra, comment }, error);
                    }></textarea>
            </label>
            <details class="kk-review-na" on:toggle=move |ev| na_open.set(super::disclosure::is_open(&ev))>
                <summary>{dynamic_text(move || match na_count() {
                    0 => format!("KPIs not applicable in {}", state.review.get().label()),
                    n => format!("KPIs not applicable in {} ({n})", state.review.get().label()),
                })}</summary>
                // Built only when opened: a KRA with many KPIs costs nothing until then.
                <When when=move || na_open.get()>
                    <NaChecks kra=kra key=key review=review error=error />
                </When>
            </details>
        </fieldset>
    }
}

/// One rating of `kra` for the period (the reviewer's, or the self-assessment), as a choice of
/// "Not rated" and every whole rating on the scale.
#[component]
fn RatingSelect(
    kra: Id,
    /// The visible label: "Rating", "Self-assessment".
    label: &'static str,
    /// The start of the accessible name: "Rating of Sales for Oct 2026".
    what: &'static str,
    review: Derived<Option<Review>>,
    /// Reads this rating from a review.
    get: fn(&Review, Id) -> Option<f64>,
    #[prop(into)] change: Callback<Option<f64>>,
) -> impl IntoView {
    let state = use_state();
    let name = kra_name(state, kra);
    let rating = move || review.with(|r| r.as_ref().and_then(|r| get(r, kra)));
    // Every whole rating on the scale, plus the rating given if it is not one of them (a half
    // point, or above a since-lowered scale).
    let options = move || {
        let scale = state.settings.with(|s| s.rating_scale);
        let mut values: Vec<f64> = (1..=scale.floor() as i64).map(|v| v as f64).collect();
        if let Some(r) = rating() {
            if !values.contains(&r) {
                values.push(r);
                crate::domain::ordered::sort_by(&mut values, f64::total_cmp);
            }
        }
        values
    };
    view! {
        <label class="kk-field">
            <span class="kk-field-label">{label}</span>
            <select aria-label=move || format!("{what} of {} for {}", name.get(), state.review.get().label())
                on:change=move |ev| change.run(read_number(&event_target_value(&ev)).finite())>
                <option value="" selected=move || rating().is_none()>"Not rated"</option>
                {dynamic(move || options().into_iter().map(|v| {
                    view! { <option value=plain(v) selected=move || rating() == Some(v)>{num(v)}</option> }
                }).collect_view())}
            </select>
        </label>
    }
}

/// A checkbox per KPI of `kra`: not applicable in the period.
#[component]
fn NaChecks(
    kra: Id,
    key: Derived<ReviewKey>,
    review: Derived<Option<Review>>,
    error: Var<Option<String>>,
) -> impl IntoView {
    let state = use_state();
    let kpis = derived(move || {
        state
            .kpis
            .with(|ks| ks.iter().filter(|k| k.kra == kra).map(|k| (k.id, k.spec.name.clone())).collect::<Vec<_>>())
    });
    view! {
        <ul class="kk-plain-list">
            <Each each=move || kpis.get() key=|(id, name)| (*id, name.clone()) let:item>
                {
                    let (kpi, name) = item;
                    let checked = move || review.with(|r| r.as_ref().is_some_and(|r| r.not_applicable.contains(&kpi)));
                    view! {
                        <li>
                            <label class="kk-check">
                                <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                    let yes = event_target_checked(&ev);
                                    send(state, key.get_untracked(), ReviewChange::NotApplicable { kpi, yes }, error);
                                } />
                                " " {name} " is N/A (left out of the scores)"
                            </label>
                        </li>
                    }
                }
            </Each>
        </ul>
    }
}

/// "Close review" once the period is over, "Reopen review" once closed.
#[component]
fn CloseOrReopen(
    key: Derived<ReviewKey>,
    review: Derived<Option<Review>>,
    error: Var<Option<String>>,
) -> impl IntoView {
    let state = use_state();
    let closed = move || review.with(|r| r.as_ref().is_some_and(Review::is_closed));
    let over = move || state.review.get().end() <= state.today;
    let close = move |_| {
        let period = state.review.get_untracked();
        let closure = Closure::of(&state.scorecard.get_untracked(), state.today);
        match state.commit(Edit::CloseReview { key: key.get_untracked(), closure }) {
            Ok(_) => {
                error.set(None);
                state.toast.set(Some(Toast::undoable(format!(
                    "Closed the review of {}: its readings and review are now read-only.",
                    period.label()
                ))));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let reopen = move |_| {
        let period = state.review.get_untracked();
        match state.commit(Edit::ReopenReview { key: key.get_untracked() }) {
            Ok(_) => {
                error.set(None);
                state.toast.set(Some(Toast::undoable(format!("Reopened the review of {}.", period.label()))));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <div class="kk-actions kk-review-actions">
            {dynamic(move || if closed() {
                view! { <button type="button" on:click=reopen>"Reopen review"</button> }.into_any()
            } else if over() {
                view! {
                    <button type="button" class="kk-primary" on:click=close>"Close review"</button>
                    <span class="kk-hint">"Closing keeps today's scores as the review's record and makes the period read-only until reopened."</span>
                }.into_any()
            } else {
                let period = state.review.get();
                view! {
                    <span class="kk-hint">{format!(
                        "The review can be closed from {}, when {} is over.",
                        long_date(period.end()),
                        period.label()
                    )}</span>
                }.into_any()
            })}
        </div>
    }
}
