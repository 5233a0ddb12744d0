//! "Compared with Oct 2026": this review period against the previous one, KRA by KRA and KPI by
//! KPI, biggest movers first.

use leptos::prelude::*;

use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::state::use_state;
use super::var::Var;
use super::when::When;
use crate::domain::format::num;
use crate::domain::movers::{movers, Mover, Movers};
use crate::domain::scoring::{score_framework_with, ScoreCache};

/// KPIs listed before "Show all".
const TOP: usize = 8;

/// The comparison, folded away for a large scorecard (`folded`) so that an edit does not also
/// re-score the previous period until asked.
#[component]
pub fn MoversPanel(#[prop(optional)] folded: bool) -> impl IntoView {
    let state = use_state();
    let open = Var::new(!folded);
    let all = Var::new(false);
    // The previous period keeps its own cache: after an edit it re-scores only what changed.
    let cache = StoredValue::new(ScoreCache::numbers_only());
    let compared = derived(move || -> Option<Movers> {
        if !open.get() {
            return None;
        }
        let previous = state.review.get().previous();
        state.framework.with(|f| {
            let before = cache.try_update_value(|c| score_framework_with(f, &previous, state.today, c))?;
            state.scorecard.with(|now| Some(movers(f, now, &before)))
        })
    });
    let now_label = move || state.review.get().label();
    let before_label = move || state.review.get().previous().label();
    let headline = move || compared.with(|m| m.as_ref().map(|m| headline(&m.overall, &now_label(), &before_label())));
    let kpi_count = move || compared.with(|m| m.as_ref().map_or(0, |m| m.kpis.len()));
    // Tables of "no score" against "no score" (a new scorecard) say nothing the headline does not.
    let any_score = move || {
        let scored = |m: &Mover| m.before.is_some() || m.now.is_some();
        compared.with(|m| m.as_ref().is_some_and(|m| m.kras.iter().chain(&m.kpis).any(scored)))
    };

    view! {
        <details class="kk-movers" open=!folded on:toggle=move |ev| open.set(super::disclosure::is_open(&ev))>
            <summary>"Compared with " {dynamic_text(before_label)}</summary>
            <p class="kk-movers-overall" data-testid="movers-overall">{dynamic_text(headline)}</p>
            <When when=any_score>
            <div class="kk-scroll">
                <table class="kk-movers-table" data-testid="movers-kras">
                    <caption>"KRAs, biggest change first"</caption>
                    <thead><tr>
                        <th scope="col">"KRA"</th>
                        <th scope="col">{dynamic_text(before_label)}</th>
                        <th scope="col">{dynamic_text(now_label)}</th>
                        <th scope="col">"Change"</th>
                    </tr></thead>
                    <tbody>
                        {dynamic(move || compared.with(|m| m.as_ref().map(|m| m.kras.iter().map(|k| row(k, false, &before_label(), &now_label())).collect_view())))}
                    </tbody>
                </table>
            </div>
            <div class="kk-scroll">
                <table class="kk-movers-table" data-testid="movers-kpis">
                    <caption>{dynamic_text(move || if all.get() || kpi_count() <= TOP {
                        "KPIs, biggest change first".to_owned()
                    } else {
                        format!("The {TOP} KPIs that moved most, of {}", kpi_count())
                    })}</caption>
                    <thead><tr>
                        <th scope="col">"KPI"</th>
                        <th scope="col">{dynamic_text(before_label)}</th>
                        <th scope="col">{dynamic_text(now_label)}</th>
                        <th scope="col">"Change"</th>
                    </tr></thead>
                    <tbody>
                        {dynamic(move || {
                            let limit = if all.get() { usize::MAX } else { TOP };
                            compared.with(|m| m.as_ref().map(|m| m.kpis.iter().take(limit).map(|k| row(k, true, &before_label(), &now_label())).collect_view()))
                        })}
                    </tbody>
                </table>
            </div>
            <When when=move || { kpi_count() > TOP }>
                <button type="button" aria-expanded=move || all.get().to_string() on:click=move |_| all.update(|a| *a = !*a)>
                    {dynamic_text(move || if all.get() { format!("Show the {TOP} that moved most") } else { format!("Show all {} KPIs", kpi_count()) })}
                </button>
            </When>
            </When>
        </details>
    }
}

/// One table row; each cell names its column (`data-label`), which a phone shows beside the
/// value when the table becomes a list of cards.
fn row(m: &Mover, kpi: bool, before: &str, now: &str) -> impl IntoView {
    let class = match m.delta() {
        Some(d) if d >= 0.05 => "kk-up",
        Some(d) if d <= -0.05 => "kk-down",
        _ => "",
    };
    let name = m.name.clone();
    let kra = kpi.then(|| m.kra.clone());
    view! {
        <tr>
            <th scope="row">{name}{kra.map(|k| view! { <span class="kk-meta kk-movers-kra">{k}</span> })}</th>
            <td data-label=before.to_owned()>{score_text(m.before)}</td>
            <td data-label=now.to_owned()>{score_text(m.now)}</td>
            <td data-label="Change" class=class>{change_text(m)}</td>
        </tr>
    }
}

/// The panel's first line: both periods' overall scores and the change between them, or, when
/// neither period has a score, just that ("no score …, against no score …: —" said nothing).
fn headline(overall: &Mover, now: &str, before: &str) -> String {
    match (overall.now, overall.before) {
        (None, None) => format!("Overall: no score yet for {now} or {before}."),
        _ => format!(
            "Overall: {} for {now}, against {} for {before}: {}.",
            score_text(overall.now),
            score_text(overall.before),
            change_text(overall)
        ),
    }
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "no score".to_owned(), |s| format!("{} %", num(s)))
}

/// "▲ 4.2 points", "▼ 3 points", "no change", "new this period" or "no score now": the
/// direction is in the words and the arrow, never in the colour alone.
fn change_text(m: &Mover) -> String {
    match (m.before, m.now, m.delta()) {
        (_, _, Some(d)) if d.abs() < 0.05 => "no change".to_owned(),
        (_, _, Some(d)) if d > 0.0 => format!("▲ up {} points", num(d)),
        (_, _, Some(d)) => format!("▼ down {} points", num(-d)),
        (None, Some(_), None) => "new this period".to_owned(),
        (Some(_), None, None) => "no score now".to_owned(),
        _ => "—".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::Id;

    fn overall(before: Option<f64>, now: Option<f64>) -> Mover {
        Mover { id: Id(1), name: "Overall".into(), kra: String::new(), before, now }
    }

    #[test]
    fn the_headline_says_plainly_when_neither_period_has_a_score() {
        assert_eq!(
            headline(&overall(None, None), "Dec 2026", "Nov 2026"),
            "Overall: no score yet for Dec 2026 or Nov 2026."
        );
        assert_eq!(
            headline(&overall(None, Some(83.2)), "Dec 2026", "Nov 2026"),
            "Overall: 83.2 % for Dec 2026, against no score for Nov 2026: new this period."
        );
        assert_eq!(
            headline(&overall(Some(99.48), Some(97.04)), "Nov 2026", "Oct 2026"),
            "Overall: 97.04 % for Nov 2026, against 99.48 % for Oct 2026: ▼ down 2.44 points."
        );
    }
}
