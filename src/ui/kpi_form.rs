//! Adding and editing a KPI.

use jiff::civil::Date;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::effect::watch;
use super::fields::{FormError, FormErrors, SelectField, TextField};
use super::focus::focus_first_field_on_mount;
use super::lazy::{lazy, split_point};
use super::state::{use_state, Toast};
use super::var::Var;
use super::when::When;
use crate::domain::direction::Direction;
use crate::domain::edit::Edit;
use crate::domain::error::ValidationError;
use crate::domain::format::plain;
use crate::domain::id::Id;
use crate::domain::input::{parse_number, parse_optional_number, parse_weight};
use crate::domain::iso_date;
use crate::domain::keyword::Keyword;
use crate::domain::kpi::KpiSpec;
use crate::domain::period::Frequency;
use crate::domain::scoring::{Aggregation, Bands, ScoringMethod, Thresholds};
use crate::domain::target::TargetPlan;

/// Every field of the KPI form as the text the user typed.
#[derive(Clone, Copy)]
struct KpiFields {
    name: Var<String>,
    unit: Var<String>,
    direction: Var<String>,
    target: Var<String>,
    range_min: Var<String>,
    range_max: Var<String>,
    tolerance: Var<String>,
    baseline: Var<String>,
    frequency: Var<String>,
    aggregation: Var<String>,
    weight: Var<String>,
    method: Var<String>,
    red_flag: Var<String>,
    goal: Var<String>,
    green: Var<String>,
    amber: Var<String>,
    plan: Var<String>,
    steps: Var<String>,
    ramp_end: Var<String>,
    ramp_periods: Var<String>,
    plan_from: Var<String>,
}

impl KpiFields {
    fn new(spec: Option<&KpiSpec>, today: Date) -> KpiFields {
        let text = |f: &dyn Fn(&KpiSpec) -> Option<String>| Var::new(spec.and_then(f).unwrap_or_default());
        let (plan, target, steps, ramp_end, ramp_periods, plan_from) = match spec.map(|s| &s.target) {
            Some(TargetPlan::Steps { from, values }) => {
                let list: Vec<String> = values.iter().map(|v| plain(*v)).collect();
                ("steps", String::new(), list.join(", "), String::new(), String::new(), iso_date::format(*from))
            }
            Some(TargetPlan::Ramp { from, start, end, periods }) => {
                ("ramp", plain(*start), String::new(), plain(*end), periods.to_string(), iso_date::format(*from))
            }
            Some(TargetPlan::Constant { value }) => {
                ("constant", plain(*value), String::new(), String::new(), String::new(), iso_date::format(today))
            }
            None => ("constant", String::new(), String::new(), String::new(), String::new(), iso_date::format(today)),
        };
        let direction = spec.map(|s| s.direction);
        KpiFields {
            name: text(&|s| Some(s.name.clone())),
            unit: text(&|s| Some(s.unit.clone())),
            direction: Var::new(direction.map_or("higher", |d| d.key()).to_owned()),
            target: Var::new(target),
            range_min: Var::new(match direction {
                Some(Direction::KeepWithinRange { min, .. }) => plain(min),
                _ => String::new(),
            }),
            range_max: Var::new(match direction {
                Some(Direction::KeepWithinRange { max, .. }) => plain(max),
                _ => String::new(),
            }),
            tolerance: Var::new(match direction {
                Some(Direction::HitValue { tolerance }) => plain(tolerance),
                _ => "0".into(),
            }),
            baseline: text(&|s| s.baseline.map(plain)),
            frequency: Var::new(spec.map_or(Frequency::Monthly, |s| s.frequency).word().to_owned()),
            aggregation: Var::new(
                spec.map_or(Aggregation::default_for(&Direction::HigherIsBetter), |s| s.aggregation).word().to_owned(),
            ),
            weight: Var::new(spec.map_or_else(|| "0".into(), |s| plain(s.weight))),
            method: Var::new(spec.and_then(|s| s.method).map_or("default", |m| m.word()).to_owned()),
            red_flag: text(&|s| s.bands.map(|b| plain(b.red_flag))),
            goal: text(&|s| s.bands.map(|b| plain(b.goal))),
            green: text(&|s| s.thresholds.map(|t| plain(t.green))),
            amber: text(&|s| s.thresholds.map(|t| plain(t.amber))),
            plan: Var::new(plan.to_owned()),
            steps: Var::new(steps),
            ramp_end: Var::new(ramp_end),
            ramp_periods: Var::new(ramp_periods),
            plan_from: Var::new(plan_from),
        }
    }

    /// Reads every field into a spec, or the first error a user must fix.
    fn parse(&self) -> Result<KpiSpec, ValidationError> {
        let get = |s: Var<String>| s.get_untracked();
        let direction = match get(self.direction).as_str() {
            "lower" => Direction::LowerIsBetter,
            "range" => Direction::KeepWithinRange {
                min: parse_number("Range minimum", &get(self.range_min))?,
                max: parse_number("Range maximum", &get(self.range_max))?,
            },
            "hit" => Direction::HitValue { tolerance: parse_number("Tolerance", &get(self.tolerance))? },
            _ => Direction::HigherIsBetter,
        };
        let from = || -> Result<Date, ValidationError> {
            iso_date::parse(&get(self.plan_from))
                .ok_or_else(|| ValidationError::NotADate { field: "Plan starts (date)", input: get(self.plan_from) })
        };
        let target = match (direction, get(self.plan).as_str()) {
            (Direction::KeepWithinRange { .. }, _) => TargetPlan::constant(0.0),
            (_, "steps") => TargetPlan::Steps {
                from: from()?,
                values: get(self.steps)
                    .split([',', ';'])
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| parse_number("Step targets", s))
                    .collect::<Result<_, _>>()?,
            },
            (_, "ramp") => TargetPlan::Ramp {
                from: from()?,
                start: parse_number("Target", &get(self.target))?,
                end: parse_number("Ramp end target", &get(self.ramp_end))?,
                periods: ramp_periods(&get(self.ramp_periods))?,
            },
            _ => TargetPlan::constant(parse_number("Target", &get(self.target))?),
        };
        let method = ScoringMethod::from_word(&get(self.method));
        let bands = both(
            ("Red flag", parse_optional_number("Red flag", &get(self.red_flag))?),
            ("Goal", parse_optional_number("Goal", &get(self.goal))?),
        )?
        .map(|(red_flag, goal)| Bands { red_flag, goal });
        let thresholds = both(
            ("Green from (%)", parse_optional_number("Green from (%)", &get(self.green))?),
            ("Amber from (%)", parse_optional_number("Amber from (%)", &get(self.amber))?),
        )?
        .map(|(green, amber)| Thresholds { green, amber });
        Ok(KpiSpec {
            name: get(self.name),
            unit: get(self.unit),
            direction,
            target,
            baseline: parse_optional_number("Baseline", &get(self.baseline))?,
            frequency: Frequency::from_word(&get(self.frequency)).unwrap_or(Frequency::Monthly),
            aggregation: Aggregation::from_word(&get(self.aggregation)).unwrap_or_default(),
            weight: parse_weight(&get(self.weight))?,
            method,
            bands,
            thresholds,
        })
    }
}

/// Two optional fields that only mean something together: both or neither.
fn both(
    (first, a): (&'static str, Option<f64>),
    (second, b): (&'static str, Option<f64>),
) -> Result<Option<(f64, f64)>, ValidationError> {
    match (a, b) {
        (Some(a), Some(b)) => Ok(Some((a, b))),
        (None, None) => Ok(None),
        _ => Err(ValidationError::IncompletePair { first, second }),
    }
}

/// A ramp's length: a whole number of periods from 1 to 1000.
fn ramp_periods(input: &str) -> Result<u32, ValidationError> {
    let n = parse_number("Ramp periods", input)?;
    if n.fract() != 0.0 || !(1.0..=1000.0).contains(&n) {
        return Err(ValidationError::OutOfRange {
            field: "Ramp periods (whole number)",
            value: n,
            min: 1.0,
            max: 1000.0,
        });
    }
    Ok(n as u32)
}

fn options<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, String)> {
    all.iter().map(|&x| (key(x), label(x).to_owned())).collect()
}

/// The KPI form: adds a KPI to `kra` (`existing = None`) or edits one. Its code is fetched the
/// first time a KPI form is shown (`ui::lazy`).
#[component]
pub fn KpiForm(kra: Id, existing: Option<Id>, #[prop(optional, into)] on_done: Option<Callback<()>>) -> impl IntoView {
    lazy(kpi_form, move |make| make(kra, existing, on_done))
}

split_point!(
    editing,
    fn kpi_form() -> fn(Id, Option<Id>, Option<Callback<()>>) -> AnyView {
        |kra, existing, on_done| view! { <KpiFormBody kra=kra existing=existing on_done=on_done /> }.into_any()
    }
);

/// The form itself.
#[component]
fn KpiFormBody(kra: Id, existing: Option<Id>, on_done: Option<Callback<()>>) -> impl IntoView {
    let state = use_state();
    let initial = existing.and_then(|id| state.framework.with_untracked(|f| f.kpi(id).map(|k| k.spec.clone())));
    let fields = KpiFields::new(initial.as_ref(), state.today);
    let errors = FormErrors::new();
    // Opened on demand (Edit): start typing in it. The always-there add forms leave focus alone.
    let form = NodeRef::<leptos::html::Form>::new();
    if on_done.is_some() {
        focus_first_field_on_mount(form);
    }
    let direction_is = move |key: &'static str| move || fields.direction.get() == key;
    let plan_is = move |key: &'static str| move || fields.plan.get() == key;
    // Changing the direction brings the combine rule that fits it (a range averages), unless the
    // user has already chosen another rule than the old direction's default.
    let default_rule = |key: &str| {
        let direction = match key {
            "range" => Direction::KeepWithinRange { min: 0.0, max: 0.0 },
            "hit" => Direction::HitValue { tolerance: 0.0 },
            _ => Direction::HigherIsBetter,
        };
        Aggregation::default_for(&direction).word()
    };
    watch(
        move || fields.direction.get(),
        move |new, old| {
            if let Some(old) = old {
                if fields.aggregation.get_untracked() == default_rule(old) {
                    fields.aggregation.set(default_rule(new).to_owned());
                }
            }
        },
        false,
    );

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let result = fields.parse().and_then(|spec| {
            let label = spec.name.trim().to_owned();
            match existing {
                Some(id) => state.commit(Edit::UpdateKpi { id, spec }).map(|_| format!("Saved KPI \"{label}\".")),
                None => state.commit(Edit::AddKpi { kra, spec }).map(|_| format!("Added KPI \"{label}\".")),
            }
        });
        match result {
            Ok(message) => {
                errors.clear();
                state.toast.set(Some(Toast::undoable(message)));
                if existing.is_none() {
                    for field in [fields.name, fields.unit, fields.target, fields.baseline] {
                        field.set(String::new());
                    }
                }
                if let Some(done) = on_done {
                    done.run(());
                }
            }
            Err(e) => errors.show(&e),
        }
    };

    let directions = vec![
        ("higher", "Higher is better".to_owned()),
        ("lower", "Lower is better".to_owned()),
        ("range", "Keep within a range".to_owned()),
        ("hit", "Hit a value (± tolerance)".to_owned()),
    ];
    let mut methods = vec![("default", "Scorecard default".to_owned())];
    methods.extend(options(&ScoringMethod::ALL, ScoringMethod::word, ScoringMethod::label));
    let plans = vec![
        ("constant", "Same every period".to_owned()),
        ("steps", "A list of per-period targets".to_owned()),
        ("ramp", "A straight-line ramp".to_owned()),
    ];

    view! {
        <form node_ref=form class="kk-form kk-kpi-form" on:submit=submit>
            <TextField label="KPI name" errors=errors value=fields.name placeholder="e.g. Leads converted" />
            <TextField label="Unit" value=fields.unit placeholder="e.g. leads, %, ₹, hours" />
            <SelectField label="Direction" value=fields.direction options=directions />
            <When when=direction_is("range")>
                <TextField label="Range minimum" errors=errors value=fields.range_min numeric=true />
                <TextField label="Range maximum" errors=errors value=fields.range_max numeric=true />
            </When>
            <When when=move || fields.direction.get() != "range">
                <SelectField label="Target plan" value=fields.plan options=plans.clone() />
                <When when=move || fields.plan.get() != "steps">
                    <TextField label="Target" errors=errors value=fields.target numeric=true />
                </When>
                <When when=plan_is("steps")>
                    <TextField label="Step targets (comma-separated, one per period)" field="Step targets" errors=errors value=fields.steps placeholder="100, 110, 120" />
                </When>
                <When when=plan_is("ramp")>
                    <TextField label="Ramp end target" errors=errors value=fields.ramp_end numeric=true />
                    <TextField label="Ramp periods" errors=errors value=fields.ramp_periods numeric=true />
                </When>
                <When when=move || fields.plan.get() != "constant">
                    <TextField label="Plan starts (date)" errors=errors value=fields.plan_from input_type="date" />
                </When>
            </When>
            <When when=direction_is("hit")>
                <TextField label="Tolerance (±)" field="Tolerance" errors=errors value=fields.tolerance numeric=true />
            </When>
            <SelectField label="Measured" value=fields.frequency options=options(&Frequency::ALL, Frequency::word, Frequency::label) />
            <SelectField label="Combine readings in a review period by" value=fields.aggregation options=options(&Aggregation::ALL, Aggregation::word, Aggregation::label) />
            <TextField label="KPI weight (%)" field="Weight" errors=errors value=fields.weight numeric=true />
            <details class="kk-more">
                <summary>"Scoring options"</summary>
                <TextField label="Baseline (start value)" field="Baseline" errors=errors value=fields.baseline numeric=true />
                <SelectField label="Scoring method" value=fields.method options=methods />
                <TextField label="Red flag (scores 50 %)" field="Red flag" errors=errors value=fields.red_flag numeric=true />
                <TextField label="Goal (scores 100 %)" field="Goal" errors=errors value=fields.goal numeric=true />
                <TextField label="Green from (%)" field="Green from" errors=errors value=fields.green numeric=true placeholder="100" />
                <TextField label="Amber from (%)" field="Amber from" errors=errors value=fields.amber numeric=true placeholder="80" />
            </details>
            <FormError errors=errors />
            <div class="kk-actions">
                <button type="submit" class="kk-primary">{if existing.is_some() { "Save KPI" } else { "Add KPI" }}</button>
                {on_done.map(|done| view! { <button type="button" on:click=move |_| done.run(())>"Cancel"</button> })}
            </div>
        </form>
    }
}
