//! Form parts in the GOV.UK Design System's patterns: error summary, text input,
//! textarea, list, radios, checkbox. Each shows its label, hint and error (with
//! `aria-invalid` and the error border), and keeps the answer. Answers are always
//! text nodes or attribute values, so Leptos escapes them.

use crate::components::prose::mixed_text;
use crate::i18n::{Lang, Tr};
use leptos::prelude::*;

/// The list of problems at the top of the page, each linking to its field.
#[component]
pub fn ErrorSummary(lang: Lang, errors: Vec<(String, String)>) -> impl IntoView {
    let tr = Tr(lang);
    (!errors.is_empty()).then(|| {
        let items = errors
            .into_iter()
            .map(|(field, message)| view! { <li><a href=format!("#{field}")>{message}</a></li> })
            .collect_view();
        // Focused as the page loads (`autofocus`, so also without the script): the
        // person hears and sees the problems first.
        view! {
            <div class="rj-error-summary" role="alert" tabindex="-1" autofocus="" aria-labelledby="error-summary-title">
                <h2 class="rj-error-summary__title" id="error-summary-title">{tr.t("form-error-summary")}</h2>
                <ul class="rj-error-summary__list">{items}</ul>
            </div>
        }
    })
}

/// The ids a control (or its fieldset) names in `aria-describedby`.
pub fn described_by(name: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{name}-hint"));
    }
    if error {
        ids.push(format!("{name}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What a question is introduced by.
pub enum Heading {
    /// A label for the one control, which names the hint and error itself (see
    /// [`described_by`]).
    Label(String),
    /// A fieldset around several controls (or one with its own label), with an
    /// optional legend; the fieldset names the hint and error.
    Legend(Option<String>),
}

/// What every question shares: the form group (marked when its answer has a problem),
/// its label or fieldset, its hint and its error message; `children` are the controls.
#[component]
pub fn FormGroup(
    lang: Lang,
    name: &'static str,
    heading: Heading,
    hint: Option<String>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let has_error = error.is_some();
    let describedby = described_by(name, hint.is_some(), has_error);
    let prefix = Tr(lang).t("form-error-prefix");
    let hint = hint.map(|h| view! { <div id=format!("{name}-hint") class="rj-hint">{h}</div> });
    let error = error.map(|e| {
        view! {
            <p id=format!("{name}-error") class="rj-error-message">
                <span class="rj-visually-hidden">{prefix} " "</span>
                {e}
            </p>
        }
    });
    let inner = match heading {
        Heading::Label(label) => view! {
            <label class="rj-label" for=name>{label}</label>
            {hint}
            {error}
            {children()}
        }
        .into_any(),
        Heading::Legend(legend) => {
            let legend = legend.map(|l| view! { <legend class="rj-fieldset__legend">{l}</legend> });
            view! {
                <fieldset class="rj-fieldset" aria-describedby=describedby>
                    {legend}
                    {hint}
                    {error}
                    {children()}
                </fieldset>
            }
            .into_any()
        }
    };
    view! { <div class="rj-form-group" class:rj-form-group--error=has_error>{inner}</div> }
}

/// A one-line or multi-line text answer.
#[component]
pub fn TextField(
    lang: Lang,
    name: &'static str,
    label: String,
    #[prop(default = None)] hint: Option<String>,
    value: String,
    error: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    /// A text area of this many lines, instead of a one-line input.
    #[prop(default = None)]
    rows: Option<u32>,
    #[prop(optional)] spellcheck: bool,
) -> impl IntoView {
    let has_error = error.is_some();
    let describedby = described_by(name, hint.is_some(), has_error);
    // What a text area and a one-line input both carry.
    let common = view! {
        <{..}
            id=name
            name=name
            aria-describedby=describedby
            aria-invalid=has_error.then_some("true")
            spellcheck=if spellcheck { "true" } else { "false" }
        />
    };
    let field = match rows {
        Some(rows) => view! {
            <textarea
                {..common}
                class="rj-textarea"
                class:rj-input--error=has_error
                rows=rows
                // Leptos writes a text area's children as they are (unlike any other
                // element's), so the answer is escaped here, the one place a text area
                // is drawn: `</textarea><script>` stays text.
                inner_html=html_escape::encode_text(&value).into_owned()
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                {..common}
                class="rj-input"
                class:rj-input--error=has_error
                type=input_type
                value=value
                autocomplete=autocomplete
            />
        }
        .into_any(),
    };
    view! {
        <FormGroup lang name heading=Heading::Label(label) hint error>
            {field}
        </FormGroup>
    }
}

/// A choice from a long list: `options` are (value, label); an empty first option
/// stands for "not chosen yet". `children` follow the list (e.g. a help link).
#[component]
pub fn Select(
    lang: Lang,
    name: &'static str,
    label: String,
    #[prop(default = None)] hint: Option<String>,
    options: Vec<(String, String)>,
    value: String,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let has_error = error.is_some();
    let describedby = described_by(name, hint.is_some(), has_error);
    let items = options
        .into_iter()
        .map(|(v, label)| {
            let selected = v == value;
            view! { <option value=v selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <FormGroup lang name heading=Heading::Label(label) hint error>
            <select
                class="rj-select"
                class:rj-input--error=has_error
                id=name
                name=name
                aria-describedby=describedby
                aria-invalid=has_error.then_some("true")
            >
                <option value="" selected=value.is_empty()>""</option>
                {items}
            </select>
            {children()}
        </FormGroup>
    }
}

/// A choice of one, as real radio buttons in a fieldset.
#[component]
pub fn Radios(
    lang: Lang,
    name: &'static str,
    legend: String,
    #[prop(default = None)] hint: Option<String>,
    /// (value, label)
    options: Vec<(&'static str, String)>,
    value: String,
    error: Option<String>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (v, label))| {
            // The first radio carries the field's id, so the error summary can link to it.
            let id = if i == 0 { name.to_string() } else { format!("{name}-{v}") };
            view! {
                <div class="rj-radios__item">
                    <input class="rj-radios__input" id=id.clone() name=name type="radio" value=v checked=value == v />
                    <label class="rj-radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <FormGroup lang name heading=Heading::Legend(Some(legend)) hint error>
            <div class="rj-radios" class:rj-radios--inline=inline>{items}</div>
        </FormGroup>
    }
}

/// One tick box with value `yes`.
#[component]
pub fn Checkbox(
    lang: Lang,
    name: &'static str,
    legend: Option<String>,
    label: String,
    #[prop(default = None)] hint: Option<String>,
    checked: bool,
    error: Option<String>,
) -> impl IntoView {
    view! {
        <FormGroup lang name heading=Heading::Legend(legend) hint error>
            <div class="rj-checkboxes__item">
                <input class="rj-checkboxes__input" id=name name=name type="checkbox" value="yes" checked=checked />
                <label class="rj-checkboxes__label" for=name>{mixed_text(&label)}</label>
            </div>
        </FormGroup>
    }
}
