//! Labelled form controls. Every control has a visible label that is also its accessible name.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;

use super::dynamic::dynamic_text;
use super::var::Var;
use crate::domain::error::ValidationError;

/// A form's error: its message, and the fields it is about.
///
/// The form shows the message once ([`FormError`]); each [`TextField`] whose `field` the error
/// names gets `aria-invalid="true"` and `aria-describedby` pointing at the message, so a screen
/// reader moving to the field hears what is wrong with it.
///
/// ```ignore
/// let errors = FormErrors::new();
/// view! { <TextField label="KPI weight (%)" field="Weight" value=weight errors=errors /> <FormError errors=errors /> }
/// // on submit: errors.show(&err) or errors.clear()
/// ```
#[derive(Clone, Copy)]
pub struct FormErrors {
    message: Var<Option<String>>,
    fields: Var<Vec<&'static str>>,
    id: u32,
}

impl FormErrors {
    /// No error yet, under an id unique in the page (several forms can be open at once).
    pub fn new() -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        Self { message: Var::new(None), fields: Var::new(Vec::new()), id: NEXT.fetch_add(1, Ordering::Relaxed) }
    }

    /// Shows `error`, marking the fields it names.
    pub fn show(&self, error: &ValidationError) {
        self.show_on(error, error.fields());
    }

    /// Shows `error` against `fields`: for a form that knows better than the error which of its
    /// controls caused it (a duplicate reading is about the date typed).
    pub fn show_on(&self, error: &ValidationError, fields: Vec<&'static str>) {
        self.message.set(Some(error.to_string()));
        self.fields.set(fields);
    }

    /// Clears the message and every field's mark.
    pub fn clear(&self) {
        self.message.set(None);
        self.fields.set(Vec::new());
    }

    /// The `id` of the element holding the message.
    pub fn message_id(&self) -> String {
        format!("kk-form-error-{}", self.id)
    }

    /// `"true"` while the error is about `field`, for `aria-invalid`.
    pub fn invalid(&self, field: &str) -> Option<&'static str> {
        self.is_about(field).then_some("true")
    }

    /// The message's id while the error is about `field`, for `aria-describedby`.
    pub fn described_by(&self, field: &str) -> Option<String> {
        self.is_about(field).then(|| self.message_id())
    }

    /// Whether the current error is about `field`: the same name, or that name followed by a
    /// qualifier ("Ramp periods (whole number)" is about "Ramp periods").
    pub fn is_about(&self, field: &str) -> bool {
        self.fields.with(|fields| {
            fields.iter().any(|f| f.strip_prefix(field).is_some_and(|rest| rest.is_empty() || rest.starts_with(" (")))
        })
    }
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

/// A labelled text input bound to a string signal.
///
/// Numbers are typed into text inputs with a decimal keyboard rather than `type="number"`, so
/// whatever the user typed reaches the domain's parser and gets a precise message instead of the
/// browser silently turning it into an empty value.
#[component]
pub fn TextField(
    label: &'static str,
    value: Var<String>,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] input_type: Option<&'static str>,
    /// The form's error, to mark this field when the error is about it.
    #[prop(optional)]
    errors: Option<FormErrors>,
    /// The name errors use for this field, when it differs from the label ("Weight" for
    /// "KPI weight (%)").
    #[prop(optional)]
    field: Option<&'static str>,
) -> impl IntoView {
    let field = field.unwrap_or(label);
    let invalid = move || errors.and_then(|e| e.invalid(field));
    let described = move || errors.and_then(|e| e.described_by(field));
    view! {
        <label class="kk-field">
            <span class="kk-field-label">{label}</span>
            <input
                type=input_type.unwrap_or("text")
                inputmode=if numeric { "decimal" } else { "text" }
                placeholder=placeholder
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// A labelled select bound to a string signal holding the chosen option's key.
#[component]
pub fn SelectField(label: &'static str, value: Var<String>, options: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <label class="kk-field">
            <span class="kk-field-label">{label}</span>
            <select on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                {options
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key selected=move || value.get() == key>{text}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Shows a form's error, announced as an alert; the fields it is about point here.
#[component]
pub fn FormError(errors: FormErrors) -> impl IntoView {
    view! { <p class="kk-error" role="alert" id=errors.message_id()>{dynamic_text(move || errors.message.get())}</p> }
}
