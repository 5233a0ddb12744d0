//! "Compare scorecards": the overall and KRA scores of several scorecards side by side, for the
//! review period shown (see [`crate::domain::compare`]).

use leptos::prelude::*;

use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::each::Each;
use super::state::use_state;
use super::var::Var;
use super::when::When;
use crate::domain::compare::{compare, Cell, Comparison};
use crate::domain::format::num;
use crate::domain::framework::Framework;
use crate::domain::iso_date;
use crate::storage::shelf_index::CardId;

/// The comparison, folded away until opened; scorecards other than the open one are read from
/// storage only while it is open.
#[component]
pub fn Compare() -> impl IntoView {
    let open = Var::new(false);
    let toggled = move |ev: leptos::ev::Event| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
    view! {
        <details class="kk-compare" on:toggle=toggled>
            <summary>"Compare scorecards"</summary>
            <When when=move || open.get()>
                <CompareBody />
            </When>
        </details>
    }
}

#[component]
fn CompareBody() -> impl IntoView {
    let state = use_state();
    let listed = derived(move || {
        let mut listed: Vec<(CardId, String)> =
            state.scorecards.with(|i| i.iter().flat_map(|i| i.listed()).map(|c| (c.id, c.name.clone())).collect());
        if let Some(open) = state.card.get() {
            if !listed.iter().any(|(id, _)| *id == open) {
                listed.push((open, state.framework.with(|f| f.name().to_owned())));
            }
        }
        listed
    });
    // Unticked ones are remembered, so a new scorecard is compared by default.
    let unticked = Var::new(Vec::<CardId>::new());
    // The other scorecards, read once per change of the list or the choice.
    let others = derived(move || {
        let open = state.card.get();
        let shelf = super::shelf::shelf(state);
        let skip = unticked.get();
        listed.with(|listed| {
            listed
                .iter()
                .filter(|(id, _)| Some(*id) != open && !skip.contains(id))
                .map(|(id, name)| {
                    let read = shelf.as_ref().map(|s| s.read_card(*id));
                    let framework = match read {
                        Some(Ok(Some(decoded))) => Ok(decoded.framework),
                        Some(Ok(None)) | None => Ok(Framework::new(name)),
                        Some(Err(e)) => Err(format!("\"{name}\" could not be read ({e}), so it is left out.")),
                    };
                    (*id, framework)
                })
                .collect::<Vec<_>>()
        })
    });
    let table = derived(move || {
        let open = state.card.get();
        let skip = unticked.get();
        let day = state.anchor.get();
        let order: Vec<CardId> = listed.with(|l| l.iter().map(|(id, _)| *id).filter(|id| !skip.contains(id)).collect());
        state.framework.with(|current| {
            others.with(|others| {
                let mut cards: Vec<&Framework> = Vec::new();
                for id in &order {
                    if Some(*id) == open {
                        cards.push(current);
                    } else if let Some((_, Ok(fw))) = others.iter().find(|(o, _)| o == id) {
                        cards.push(fw);
                    }
                }
                compare(&cards, day, state.today)
            })
        })
    });
    let problems = move || others.with(|o| o.iter().filter_map(|(_, f)| f.as_ref().err().cloned()).collect::<Vec<_>>());
    let day = move || iso_date::format(state.anchor.get());

    view! {
        <fieldset class="kk-compare-choice">
            <legend>"Scorecards to compare"</legend>
            <Each each=move || listed.get() key=|entry| entry.clone() let:entry>
                {
                    let id = entry.0;
                    view! {
                        <label class="kk-check">
                            <input type="checkbox" prop:checked=move || !unticked.with(|u| u.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    unticked.update(|u| {
                                        u.retain(|x| *x != id);
                                        if !on {
                                            u.push(id);
                                        }
                                    });
                                } />
                            {entry.1.clone()}
                        </label>
                    }
                }
            </Each>
        </fieldset>
        <p class="kk-hint">
            {dynamic_text(move || format!("Each scorecard is scored for its own review period that contains {} (the period shown above; change it with ‹ and ›). KRAs with the same name share a row.", day()))}
        </p>
        {dynamic(move || problems().into_iter().map(|p| view! { <p class="kk-warning" role="note">{p}</p> }).collect_view())}
        {dynamic(move || table.with(|t| if t.columns.len() < 2 {
            view! { <p class="kk-hint">"Tick at least two scorecards to compare them."</p> }.into_any()
        } else {
            comparison_table(t).into_any()
        }))}
    }
}

fn cell_view(cell: Option<Cell>) -> AnyView {
    match cell {
        None => view! { <td class="kk-compare-none">"—"<span class="kk-visually-hidden">" not in this scorecard"</span></td> }.into_any(),
        Some(cell) => view! {
            <td>
                <span class=format!("kk-status kk-status--{}", cell.status.css())>
                    {cell.score.map(|s| view! { <span class="kk-score">{format!("{} % ", num(s))}</span> })}
                    <span class="kk-status-word"><span aria-hidden="true">{cell.status.symbol()}</span>" "{cell.status.label()}</span>
                </span>
            </td>
        }
        .into_any(),
    }
}

fn comparison_table(t: &Comparison) -> impl IntoView {
    view! {
        // The title sits outside the scrolling box, so a narrow screen never cuts it.
        <h4 class="kk-subheading" id="kk-compare-title">"Overall and KRA scores side by side"</h4>
        <div class="kk-table-scroll" tabindex="0" role="group" aria-labelledby="kk-compare-title">
            <table class="kk-compare-table" aria-labelledby="kk-compare-title">
                <thead>
                    <tr>
                        <th scope="col">"KRA"</th>
                        {t.columns.iter().map(|c| view! {
                            <th scope="col">
                                {c.name.clone()}
                                <span class="kk-meta kk-block">{format!("{} · {} of {} KPIs reported", c.period, c.reported.0, c.reported.1)}</span>
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr class="kk-compare-overall">
                        <th scope="row">"Overall"</th>
                        {t.columns.iter().map(|c| cell_view(Some(c.overall))).collect_view()}
                    </tr>
                    {t.rows.iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.kra.clone()}</th>
                            {r.cells.iter().map(|c| cell_view(*c)).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
