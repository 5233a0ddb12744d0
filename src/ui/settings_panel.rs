//! Framework-wide scoring settings: review cycle, fiscal year, method, floor and caps.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::derived::derived;
use super::effect::watch;
use super::fields::{FormError, FormErrors, SelectField, TextField};
use super::lazy::{lazy, split_point};
use super::state::{use_state, Toast};
use super::var::Var;
use super::when::When;
use crate::domain::edit::Edit;
use crate::domain::error::ValidationError;
use crate::domain::format::plain;
use crate::domain::input::parse_number;
use crate::domain::keyword::Keyword;
use crate::domain::period::{FiscalYearStart, Frequency, MONTH_NAMES};
use crate::domain::scoring::{LowerRatio, ScoringMethod, ScoringSettings, Thresholds};

/// The scoring settings form, folded away by default; its code is fetched the first time the
/// panel opens (`ui::lazy`).
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let opened = Var::new(false);
    view! {
        // The form is built the first time the panel opens, then kept.
        <details class="kk-settings" on:toggle=move |ev| super::disclosure::mark_opened(&ev, opened)>
            <summary>"Scoring settings"</summary>
            <When when=move || opened.get()>{lazy(settings_form, |make| make())}</When>
        </details>
    }
}

split_point!(
    panels,
    fn settings_form() -> fn() -> AnyView {
        || view! { <SettingsForm /> }.into_any()
    }
);

/// The settings form itself.
#[component]
fn SettingsForm() -> impl IntoView {
    let state = use_state();
    let s = state.framework.with_untracked(|f| f.settings().clone());
    let cycle = Var::new(s.review_cycle.word().to_owned());
    let fiscal = Var::new(s.fiscal_year_start.month().to_string());
    let method = Var::new(s.method.word().to_owned());
    let lower = Var::new(s.lower_ratio.word().to_owned());
    let floor = Var::new(plain(s.floor));
    let kpi_cap = Var::new(plain(s.kpi_cap));
    let rollup_cap = Var::new(plain(s.rollup_cap));
    let blend = Var::new(plain(s.rating_blend));
    let scale = Var::new(plain(s.rating_scale));
    let green = Var::new(plain(s.rollup_thresholds.green));
    let amber = Var::new(plain(s.rollup_thresholds.amber));
    let errors = FormErrors::new();

    // Loading a template or undoing replaces the settings: show what is really in force.
    let in_force = derived(move || state.framework.with(|f| f.settings().clone()));
    watch(
        move || in_force.get(),
        move |s, _| {
            cycle.set(s.review_cycle.word().to_owned());
            fiscal.set(s.fiscal_year_start.month().to_string());
            method.set(s.method.word().to_owned());
            lower.set(s.lower_ratio.word().to_owned());
            for (field, v) in [
                (floor, s.floor),
                (kpi_cap, s.kpi_cap),
                (rollup_cap, s.rollup_cap),
                (blend, s.rating_blend),
                (scale, s.rating_scale),
                (green, s.rollup_thresholds.green),
                (amber, s.rollup_thresholds.amber),
            ] {
                field.set(plain(v));
            }
        },
        false,
    );

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let parsed = (|| -> Result<ScoringSettings, ValidationError> {
            let get = |s: Var<String>| s.get_untracked();
            let settings = ScoringSettings {
                review_cycle: Frequency::from_word(&get(cycle)).unwrap_or(Frequency::Monthly),
                fiscal_year_start: get(fiscal).parse().ok().and_then(FiscalYearStart::new).unwrap_or_default(),
                method: ScoringMethod::from_word(&get(method)).unwrap_or_default(),
                lower_ratio: LowerRatio::from_word(&get(lower)).unwrap_or_default(),
                floor: parse_number("Floor", &get(floor))?,
                kpi_cap: parse_number("KPI cap", &get(kpi_cap))?,
                rollup_cap: parse_number("Roll-up cap", &get(rollup_cap))?,
                rating_blend: parse_number("Rating share", &get(blend))?,
                rating_scale: parse_number("Rating scale", &get(scale))?,
                rollup_thresholds: Thresholds {
                    green: parse_number("Green from", &get(green))?,
                    amber: parse_number("Amber from", &get(amber))?,
                },
            };
            Ok(settings)
        })();
        match parsed.and_then(|settings| state.commit(Edit::SetSettings { settings })) {
            Ok(_) => {
                errors.clear();
                state.toast.set(Some(Toast::undoable("Scoring settings saved.")));
            }
            Err(e) => errors.show(&e),
        }
    };

    let cycles: Vec<_> = Frequency::ALL.iter().map(|f| (f.word(), f.label().to_owned())).collect();
    let months: Vec<_> = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
        .into_iter()
        .zip(MONTH_NAMES)
        .map(|(k, m)| (k, m.to_owned()))
        .collect();
    let methods: Vec<_> = ScoringMethod::ALL.iter().map(|m| (m.word(), m.label().to_owned())).collect();
    let lowers: Vec<_> = LowerRatio::ALL.iter().map(|l| (l.word(), l.label().to_owned())).collect();

    view! {
            <When when=move || !state.editable()>
                <p class="kk-hint">"This scorecard is read-only, so its settings cannot be changed here."</p>
            </When>
            <form class="kk-form kk-settings-form" on:submit=submit>
              <fieldset class="kk-plain" disabled=move || !state.editable()>
                <SelectField label="Review cycle" value=cycle options=cycles.clone() />
                <SelectField label="Fiscal year starts in" value=fiscal options=months.clone() />
                <SelectField label="Default scoring method" value=method options=methods.clone() />
                <SelectField label="Lower-is-better ratio" value=lower options=lowers.clone() />
                <TextField label="Floor (%)" field="Floor" errors=errors value=floor numeric=true />
                <TextField label="KPI cap (%)" field="KPI cap" errors=errors value=kpi_cap numeric=true />
                <TextField label="Roll-up cap (%)" field="Roll-up cap" errors=errors value=rollup_cap numeric=true />
                <TextField label="Rating share of KRA score (%)" field="Rating share" errors=errors value=blend numeric=true />
                <TextField label="Rating scale (top rating)" field="Rating scale" errors=errors value=scale numeric=true />
                <TextField label="KRA and overall green from (%)" field="Green from" errors=errors value=green numeric=true />
                <TextField label="KRA and overall amber from (%)" field="Amber from" errors=errors value=amber numeric=true />
                <FormError errors=errors />
                <button type="submit" class="kk-primary">"Save settings"</button>
              </fieldset>
            </form>
    }
}
