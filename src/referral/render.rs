//! The emails: to the local service (safety instructions first, then every answer, in
//! plain text and HTML, with `referral.json` attached), and the optional confirmation
//! to the person, which says only that the request was sent, to whom, and the reference.

use super::fields::{Field, YesNo};
use super::form::Referral;
use super::reference::Reference;
use crate::areas::PoliceArea;
use crate::areas::directory::Route;
use crate::i18n::{Lang, Tr};
use lettre::Message;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
#[error("cannot build the email: {0}")]
pub struct RenderError(String);

/// Who the emails come from, and the site's name.
pub struct Sender {
    pub from: Mailbox,
    pub site_name: String,
}

/// The languages of the service's email: English, plus Welsh when the area is in
/// Wales or the person chose Welsh.
pub fn service_languages(area: &PoliceArea, referral: &Referral) -> Vec<Lang> {
    if area.in_wales() || referral.contact_lang() == Lang::Cy {
        vec![Lang::En, Lang::Cy]
    } else {
        vec![Lang::En]
    }
}

/// The stable Message-ID of a request's email, so receivers can drop duplicates.
pub fn message_id(reference: Reference, sender: &Sender, suffix: &str) -> String {
    format!("<{reference}{suffix}@{}>", sender.from.email.domain())
}

/// The email to the local service.
pub fn service_email(
    reference: Reference,
    referral: &Referral,
    area: &PoliceArea,
    route: &Route,
    sender: &Sender,
) -> Result<Message, RenderError> {
    let langs = service_languages(area, referral);
    let subject = langs
        .iter()
        .map(|&l| {
            Tr(l).t_args(
                "email-subject",
                &[("reference", reference.to_string().into())],
            )
        })
        .collect::<Vec<_>>()
        .join(" / ");
    let text = langs
        .iter()
        .map(|&lang| service_text(reference, referral, area, lang, &sender.site_name))
        .collect::<Vec<_>>()
        .join("\n\n----------------------------------------\n\n");
    let html = service_html(reference, referral, area, &langs, &sender.site_name);
    let to: Mailbox = route
        .to
        .as_str()
        .parse()
        .map_err(|e| RenderError(format!("{e}")))?;
    let json = serde_json::to_string_pretty(&attachment(reference, referral, area)).expect("JSON");
    Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(message_id(reference, sender, "")))
        .multipart(
            MultiPart::mixed()
                .multipart(MultiPart::alternative_plain_html(text, html))
                .singlepart(
                    Attachment::new("referral.json".into())
                        .body(json, ContentType::parse("application/json").expect("valid")),
                ),
        )
        .map_err(|e| RenderError(e.to_string()))
}

/// The confirmation to the person, in their language.
pub fn confirmation_email(
    reference: Reference,
    referral: &Referral,
    route: &Route,
    sender: &Sender,
) -> Result<Option<Message>, RenderError> {
    let (true, Some(email)) = (referral.confirmation_email, referral.email.as_ref()) else {
        return Ok(None);
    };
    let lang = referral.contact_lang();
    let tr = Tr(lang);
    let args = [
        ("reference", reference.to_string().into()),
        (
            "service",
            route
                .service_name(lang)
                .unwrap_or_default()
                .to_string()
                .into(),
        ),
    ];
    let to: Mailbox = email
        .as_str()
        .parse()
        .map_err(|e| RenderError(format!("{e}")))?;
    Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(tr.t_args("confirm-subject", &args))
        .message_id(Some(message_id(reference, sender, "-confirmation")))
        .singlepart(SinglePart::plain(tr.t_args("confirm-body", &args)))
        .map(Some)
        .map_err(|e| RenderError(e.to_string()))
}

/// The rows of answers, labelled in `lang`. A choice reads in the words the form used
/// for that question (in Welsh, each yes/no answer echoes its question's verb).
fn rows(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    lang: Lang,
) -> Vec<(String, String)> {
    let tr = Tr(lang);
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| tr.t("email-not-given"));
    let answer = |field: Field| {
        let wire = r.wire(field).unwrap_or_default();
        tr.t(&field.option_label_id(&wire))
    };
    let relationship = tr.t(&format!(
        "email-relationship-{}",
        r.relationship.wire().replace('_', "-")
    ));
    vec![
        (tr.t("email-label-reference"), reference.to_string()),
        (tr.t("email-label-area"), area.name(lang).to_string()),
        (tr.t("email-label-relationship"), relationship),
        (tr.t("email-label-name"), r.full_name.clone()),
        (
            tr.t("email-label-contact-method"),
            tr.t(&format!("email-method-{}", r.contact_method.wire())),
        ),
        (tr.t("email-label-phone"), opt(&r.phone)),
        (
            tr.t("email-label-email"),
            opt(&r.email.as_ref().map(|e| e.as_str().to_string())),
        ),
        (tr.t("email-label-voicemail"), answer(Field::VoicemailOk)),
        (tr.t("email-label-say-rj"), answer(Field::SayRjOk)),
        (tr.t("email-label-safe-times"), opt(&r.safe_times)),
        (
            tr.t("email-label-language"),
            tr.t(&format!("email-language-{}", r.contact_lang().code())),
        ),
        (tr.t("email-label-reported"), answer(Field::Reported)),
        (tr.t("email-label-crime-reference"), opt(&r.crime_reference)),
        (
            tr.t("email-label-under-18"),
            answer(Field::ResponsibleUnder18),
        ),
        (tr.t("email-label-support-needs"), opt(&r.support_needs)),
        (tr.t("email-label-message"), opt(&r.message)),
        (
            tr.t("email-label-confirmation"),
            tr.t(
                &Field::ConfirmationEmail.option_label_id(YesNo::from(r.confirmation_email).wire())
            ),
        ),
    ]
}

/// Every Fluent id the service email may use with a computed name.
pub fn message_ids() -> Vec<String> {
    use super::fields::{ContactLanguage, ContactMethod, Relationship};
    let mut ids: Vec<String> = Relationship::WIRE
        .iter()
        .map(|w| format!("email-relationship-{}", w.replace('_', "-")))
        .collect();
    ids.extend(
        ContactMethod::WIRE
            .iter()
            .map(|w| format!("email-method-{w}")),
    );
    ids.extend(
        ContactLanguage::WIRE
            .iter()
            .map(|w| format!("email-language-{w}")),
    );
    ids
}

/// The safety lines, most important first.
fn safety(r: &Referral, lang: Lang) -> Vec<String> {
    let tr = Tr(lang);
    let mut lines = vec![
        tr.t(if r.voicemail_ok {
            "email-voicemail-ok"
        } else {
            "email-no-voicemail"
        }),
        tr.t(if r.say_rj_ok {
            "email-rj-ok"
        } else {
            "email-no-rj"
        }),
    ];
    if let Some(times) = &r.safe_times {
        lines.push(tr.t_args("email-safe-times", &[("times", times.clone().into())]));
    }
    let language = tr.t(&format!("email-language-{}", r.contact_lang().code()));
    lines.push(tr.t_args("email-contact-in", &[("language", language.into())]));
    lines
}

/// The plain-text part in one language.
fn service_text(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    lang: Lang,
    site: &str,
) -> String {
    let tr = Tr(lang);
    let intro = tr.t_args("email-intro", &[("site", site.to_string().into())]);
    let mut text = format!(
        "{intro}\n\n{}\n",
        tr.t("email-safety-heading").to_uppercase()
    );
    for line in safety(r, lang) {
        text.push_str(&format!("* {line}\n"));
    }
    text.push_str(&format!(
        "\n{}\n",
        tr.t("email-answers-heading").to_uppercase()
    ));
    for (label, value) in rows(reference, r, area, lang) {
        text.push_str(&format!("{label}: {}\n", value.replace('\n', "\n    ")));
    }
    text.push_str(&format!(
        "\n{}\n{}\n",
        tr.t("email-attachment"),
        tr.t("email-footer")
    ));
    text
}

/// The HTML part, every language in turn. Rendered by Leptos: every answer is a text
/// node, so it is escaped by construction.
fn service_html(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    langs: &[Lang],
    site: &str,
) -> String {
    use leptos::prelude::*;
    let sections = langs
        .iter()
        .enumerate()
        .map(|(i, &lang)| {
            let tr = Tr(lang);
            let intro = tr.t_args("email-intro", &[("site", site.to_string().into())]);
            let safety = safety(r, lang)
                .into_iter()
                .map(|line| view! { <li><strong>{line}</strong></li> })
                .collect_view();
            let rows = rows(reference, r, area, lang)
                .into_iter()
                .map(|(label, value)| {
                    let lines = value
                        .split('\n')
                        .enumerate()
                        .map(|(i, line)| view! { {(i > 0).then(|| view! { <br /> })}{line.to_string()} })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row" style="text-align:left;vertical-align:top">{label}</th>
                            <td>{lines}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                {(i > 0).then(|| view! { <hr /> })}
                <div lang=lang.code()>
                    <p>{intro}</p>
                    <h2>{tr.t("email-safety-heading")}</h2>
                    <ul>{safety}</ul>
                    <h2>{tr.t("email-answers-heading")}</h2>
                    <table>{rows}</table>
                    <p>{tr.t("email-attachment")}</p>
                    <p>{tr.t("email-footer")}</p>
                </div>
            }
        })
        .collect_view();
    let body = view! { <html><body>{sections}</body></html> }.to_html();
    format!("<!DOCTYPE html>{body}")
}

/// `referral.json`: the answers for case-management systems (schema in the README).
pub fn attachment(reference: Reference, r: &Referral, area: &PoliceArea) -> serde_json::Value {
    json!({
        "schema": "rj-referral/1",
        "reference": reference.to_string(),
        "police_area": { "code": area.code, "slug": area.slug, "name": area.name },
        "referral": r,
    })
}
