//! "New scorecard from a template": the template library with a search, a department filter and
//! a preview of each template's KRAs and KPIs before anything changes.

use leptos::prelude::*;

use super::derived::derived;
use super::dynamic::dynamic;
use super::each::Each;
use super::effect::watch;
use super::lazy::{lazy, split_point};
use super::state::{use_state, AppState, Toast};
use super::var::Var;
use super::when::When;
use crate::domain::demo::{demo, demo_review_day, DEMO_SEED};
use crate::domain::direction::Direction;
use crate::domain::format::{num, with_unit};
use crate::domain::templates::{KpiDef, TemplateDef, LIBRARY};

/// Whether `template` matches what was typed (every word, anywhere in its name, department,
/// summary, KRA or KPI names; case-insensitive) and the department chosen ("" for all).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::templates::find;
/// use kra_kpi::ui::template_picker::matches;
///
/// let sales = find("sales-executive").unwrap();
/// assert!(matches(sales, "revenue", ""));
/// assert!(matches(sales, "CLIENT retention", "Sales"));
/// assert!(!matches(sales, "attrition", ""));
/// assert!(!matches(sales, "", "HR"));
/// ```
pub fn matches(template: &TemplateDef, query: &str, department: &str) -> bool {
    if !department.is_empty() && template.department != department {
        return false;
    }
    let haystack = {
        let mut text = format!("{} {} {}", template.name, template.department, template.summary);
        for kra in template.kras {
            text.push(' ');
            text.push_str(kra.name);
            for kpi in kra.kpis {
                text.push(' ');
                text.push_str(kpi.name);
            }
        }
        crate::case::lowercase(&text)
    };
    crate::case::lowercase(query).split_whitespace().all(|word| haystack.contains(word))
}

/// Replaces the scorecard with the consultant's demo (undoable) and opens its last complete
/// month, so every score and chart has readings to show.
pub fn load_demo(state: AppState) {
    match demo(state.today, DEMO_SEED) {
        Ok(framework) => {
            let day = demo_review_day(state.today, &framework);
            state.selected.set(None);
            let period = crate::domain::period::Period::containing(
                day,
                framework.settings().review_cycle,
                framework.settings().fiscal_year_start,
            );
            let message =
                format!("Loaded the demo: 12 months of readings. Showing {}, its last complete month.", period.label());
            if super::shelf::start(state, framework, message) {
                state.anchor.set(day);
            }
        }
        Err(e) => state.toast.set(Some(Toast::info(format!("The demo could not be made: {e}")))),
    }
}

/// The departments in library order, each once.
fn departments() -> Vec<&'static str> {
    let mut seen = Vec::new();
    for t in LIBRARY {
        if !seen.contains(&t.department) {
            seen.push(t.department);
        }
    }
    seen
}

/// The template library, folded away until opened.
#[component]
pub fn TemplatePicker() -> impl IntoView {
    // What was typed and chosen is kept while the panel is closed.
    let choice = Choice { query: Var::new(String::new()), department: Var::new(String::new()), chosen: Var::new(None) };
    let open = Var::new(false);
    let toggled = move |ev: leptos::ev::Event| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
    view! {
        <details class="kk-templates" on:toggle=toggled>
            <summary>"New scorecard from a template"</summary>
            // Built only while open: the library costs nothing at start-up, and its code is
            // fetched the first time (`ui::lazy`).
            <When when=move || open.get()>{lazy(library_body, move |make| make(choice))}</When>
        </details>
    }
}

/// The template panel's filters and chosen template.
#[derive(Clone, Copy)]
struct Choice {
    query: Var<String>,
    department: Var<String>,
    /// Templates are named by their place in the library, so there is nothing to look up.
    chosen: Var<Option<usize>>,
}

split_point!(
    panels,
    fn library_body() -> fn(Choice) -> AnyView {
        |choice| view! { <LibraryBody choice=choice /> }.into_any()
    }
);

/// The open template panel: the demo, the filters, the list and the chosen template's preview.
#[component]
fn LibraryBody(choice: Choice) -> impl IntoView {
    let state = use_state();
    let Choice { query, department, chosen } = choice;
    let shown = derived(move || {
        let (q, d) = (query.get(), department.get());
        (0..LIBRARY.len()).filter(|&i| matches(&LIBRARY[i], &q, &d)).collect::<Vec<_>>()
    });
    // Choosing a template moves focus to its preview (on a phone it is far below the list).
    let preview = NodeRef::<leptos::html::Div>::new();
    watch(
        move || chosen.get(),
        move |key, _| {
            if key.is_some() {
                request_animation_frame(move || {
                    let section = preview.get_untracked().and_then(|d| d.first_element_child());
                    if let Some(section) =
                        section.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                    {
                        let _ = section.focus();
                    }
                });
            }
        },
        false,
    );

    view! {
                <p class="kk-hint">
                    {format!("{} frameworks from common practice, one per department or role. Targets are illustrative defaults: edit them to fit.", LIBRARY.len())}
                </p>
                <p>
                    <button type="button" on:click=move |_| load_demo(state)>"Load the demo: Sales executive with 12 months of readings"</button>
                </p>
                <div class="kk-template-filters" role="search">
                    <label class="kk-field">
                        <span class="kk-field-label">"Search templates"</span>
                        <input type="text" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                    </label>
                    <label class="kk-field">
                        <span class="kk-field-label">"Department"</span>
                        <select on:change=move |ev| department.set(event_target_value(&ev))>
                            <option value="" selected=true>"All departments"</option>
                            {departments().into_iter().map(|d| view! { <option value=d>{d}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <p class="kk-hint" aria-live="polite">
                    {dynamic(move || match shown.with(Vec::len) {
                        0 => "No template matches. Try another word, or all departments.".to_owned(),
                        1 => "1 template.".to_owned(),
                        n => format!("{n} templates."),
                    })}
                </p>
                <ul class="kk-template-list">
                    <Each each=move || shown.get() key=|i| *i let:index>
                        <TemplateItem index=index chosen=chosen />
                    </Each>
                </ul>
                <div node_ref=preview>
                {dynamic(move || chosen.get().map(|index| view! { <Preview template=&LIBRARY[index] on_create=move || {
                    let template = &LIBRARY[index];
                    match template.build() {
                        Ok(framework) => {
                            let replacing = state.framework.with_untracked(|f| !f.kras().is_empty())
                                && !untrack(|| super::shelf::adds_new(state));
                            let message = if replacing {
                                format!("Replaced the scorecard with the \"{}\" template.", template.name)
                            } else {
                                format!("Created a scorecard from the \"{}\" template.", template.name)
                            };
                            if super::shelf::start(state, framework, message) {
                                chosen.set(None);
                            }
                        }
                        Err(e) => state.toast.set(Some(Toast::info(format!("This template could not be built: {e}")))),
                    }
                } /> }))}
                </div>
    }
}

/// What a KPI aims for, in words: a target and its direction, or the band it must stay in.
fn goal(kpi: &KpiDef) -> String {
    match kpi.direction {
        Direction::HigherIsBetter => format!("target {} or more", with_unit(kpi.target, kpi.unit)),
        Direction::LowerIsBetter => format!("target {} or less", with_unit(kpi.target, kpi.unit)),
        Direction::KeepWithinRange { min, max } => format!("keep within {}–{}", num(min), with_unit(max, kpi.unit)),
        Direction::HitValue { tolerance } => format!("hit {} ± {}", with_unit(kpi.target, kpi.unit), num(tolerance)),
    }
}

#[component]
fn TemplateItem(index: usize, chosen: Var<Option<usize>>) -> impl IntoView {
    let template = &LIBRARY[index];
    let is_chosen = move || chosen.get() == Some(index);
    view! {
        <li class="kk-template" class:kk-selected=is_chosen>
            <button type="button" class="kk-template-button" aria-pressed=move || is_chosen().to_string()
                aria-label=format!("Preview {}", template.name)
                on:click=move |_| chosen.set(Some(index))>
                <strong>{template.name}</strong>
                <span class="kk-meta">{format!("{} · {} KRAs · {} KPIs", template.department, template.kras.len(), template.kpi_count())}</span>
            </button>
            <p class="kk-description">{template.summary}</p>
        </li>
    }
}

#[component]
fn Preview(template: &'static TemplateDef, on_create: impl Fn() + 'static) -> impl IntoView {
    let state = use_state();
    let adds = move || super::shelf::adds_new(state);
    let replacing = move || !adds() && state.framework.with(|f| !f.kras().is_empty());
    view! {
        <section class="kk-template-preview" tabindex="-1" aria-label=format!("Preview: {}", template.name)>
            <h3>{format!("Preview: {}", template.name)}</h3>
            <p class="kk-description">{template.summary}</p>
            <p class="kk-meta">{format!("Reviewed {}.", template.review_cycle.label().to_ascii_lowercase())}</p>
            {template.kras.iter().map(|kra| view! {
                <div class="kk-template-kra">
                    <h4>{format!("{} ({} %)", kra.name, num(kra.weight))}</h4>
                    <p class="kk-meta">{format!("Owner: {}. {}", kra.owner, kra.description)}</p>
                    <ul>
                        {kra.kpis.iter().map(|kpi| view! {
                            <li>
                                <strong>{kpi.name}</strong>
                                {format!(": {}, measured {}, weight {} %", goal(kpi), kpi.frequency.label().to_ascii_lowercase(), num(kpi.weight))}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
            <When when=replacing>
                <p class="kk-hint">"This replaces the scorecard on screen. Undo brings it back."</p>
            </When>
            <When when=adds>
                <p class="kk-hint">"It is added to your scorecards and opened; the one on screen is kept."</p>
            </When>
            <button type="button" class="kk-primary" on:click=move |_| on_create()>
                {dynamic(move || if replacing() {
                    format!("Replace this scorecard with \"{}\"", template.name)
                } else {
                    format!("Create the \"{}\" scorecard", template.name)
                })}
            </button>
        </section>
    }
}
