//! Labelled form controls. Every control has a visible label that is also its accessible name.

use leptos::prelude::*;

/// A labelled text input bound to a string signal.
///
/// Numbers are typed into text inputs with a decimal keyboard rather than `type="number"`, so
/// whatever the user typed reaches the domain's parser and gets a precise message instead of the
/// browser silently turning it into an empty value.
#[component]
pub fn TextField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] input_type: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label class="kk-field">
            <span class="kk-field-label">{label}</span>
            <input
                type=input_type.unwrap_or("text")
                inputmode=if numeric { "decimal" } else { "text" }
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// A labelled select bound to a string signal holding the chosen option's key.
#[component]
pub fn SelectField(
    label: &'static str,
    value: RwSignal<String>,
    options: Vec<(&'static str, String)>,
) -> impl IntoView {
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

/// Shows a form's error, announced as an alert.
#[component]
pub fn FormError(error: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p class="kk-error" role="alert">{move || error.get()}</p> }
}
