//! The emails: to the local service (safety instructions first, then every answer, in
//! plain text and HTML, with `referral.json` attached), and the optional confirmation
//! to the person, which says only that the request was sent, to whom, and the reference.

use super::ack::AckTokens;
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

impl RenderError {
    pub(crate) fn new(why: String) -> Self {
        Self(why)
    }
}

/// Who the emails come from, the site's name, and what its links need.
pub struct Sender {
    pub from: Mailbox,
    pub site_name: String,
    /// The site's public address, for the links in emails (no trailing slash).
    pub public_url: String,
    /// Signs each request's acknowledgement link.
    pub ack: AckTokens,
}

impl Sender {
    /// The service's "Confirm you have received this request" link, in `lang`.
    pub fn ack_url(&self, lang: Lang, reference: Reference) -> String {
        self.ack.url(&self.public_url, lang, reference)
    }

    /// The page where the person checks their request, in `lang`.
    pub fn status_url(&self, lang: Lang) -> String {
        format!(
            "{}{}",
            self.public_url,
            crate::i18n::Page::Status.path(lang)
        )
    }
}

/// A reminder is the service's email again, sent because nobody has confirmed it:
/// marked as such at the top, with its own Message-ID and the first one's as
/// `In-Reply-To`, so mail programs thread it with the first.
#[derive(Clone, Copy, Debug)]
pub struct Reminder {
    /// When the first email was delivered (unix seconds).
    pub first_sent_at: i64,
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
    service_email_with(reference, referral, area, route, sender, None)
}

/// The email to the local service, or its reminder.
pub fn service_email_with(
    reference: Reference,
    referral: &Referral,
    area: &PoliceArea,
    route: &Route,
    sender: &Sender,
    reminder: Option<Reminder>,
) -> Result<Message, RenderError> {
    let langs = service_languages(area, referral);
    let subject = langs
        .iter()
        .map(|&l| {
            let subject = Tr(l).t_args(
                "email-subject",
                &[("reference", reference.to_string().into())],
            );
            match reminder {
                Some(_) => Tr(l).t_args("email-reminder-subject", &[("subject", subject.into())]),
                None => subject,
            }
        })
        .collect::<Vec<_>>()
        .join(" / ");
    let extra = |lang| Extra {
        ack_url: sender.ack_url(lang, reference),
        reminder: reminder.map(|r| {
            Tr(lang).t_args(
                "email-reminder",
                &[(
                    "date",
                    crate::calendar::long_date(lang, crate::calendar::uk_date(r.first_sent_at))
                        .into(),
                )],
            )
        }),
    };
    let text = langs
        .iter()
        .map(|&lang| {
            service_text(
                reference,
                referral,
                area,
                lang,
                &sender.site_name,
                &extra(lang),
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n----------------------------------------\n\n");
    let extras: Vec<Extra> = langs.iter().map(|&lang| extra(lang)).collect();
    let html = service_html(
        reference,
        referral,
        area,
        &langs,
        &sender.site_name,
        &extras,
    );
    let to: Mailbox = route
        .to
        .as_str()
        .parse()
        .map_err(|e| RenderError(format!("{e}")))?;
    let ack_url = sender.ack_url(Lang::En, reference);
    let json = serde_json::to_string_pretty(&attachment(reference, referral, area, &ack_url))
        .expect("JSON");
    let first_id = message_id(reference, sender, "");
    let builder = Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(subject);
    let builder = match reminder {
        None => builder.message_id(Some(first_id)),
        Some(_) => builder
            .message_id(Some(message_id(reference, sender, "-reminder")))
            .in_reply_to(first_id.clone())
            .references(first_id),
    };
    builder
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
    let body = format!(
        "{}\n\n{}",
        tr.t_args("confirm-body", &args),
        tr.t_args("confirm-status", &[("url", sender.status_url(lang).into())])
    );
    Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(tr.t_args("confirm-subject", &args))
        .message_id(Some(message_id(reference, sender, "-confirmation")))
        .singlepart(SinglePart::plain(body))
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

/// What one language's part of a service email adds to the answers: the
/// acknowledgement link, and a reminder's first line.
struct Extra {
    ack_url: String,
    reminder: Option<String>,
}

/// The plain-text part in one language.
fn service_text(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    lang: Lang,
    site: &str,
    extra: &Extra,
) -> String {
    let tr = Tr(lang);
    let intro = tr.t_args("email-intro", &[("site", site.to_string().into())]);
    let mut text = String::new();
    if let Some(reminder) = &extra.reminder {
        text.push_str(&format!("{reminder}\n\n"));
    }
    text.push_str(&format!(
        "{intro}\n\n{}\n",
        tr.t("email-safety-heading").to_uppercase()
    ));
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
        "\n{}\n{}\n{}\n",
        tr.t("email-ack-heading").to_uppercase(),
        tr.t("email-ack-text"),
        extra.ack_url
    ));
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
    extras: &[Extra],
) -> String {
    use leptos::prelude::*;
    let sections = langs
        .iter()
        .zip(extras)
        .enumerate()
        .map(|(i, (&lang, extra))| {
            let tr = Tr(lang);
            let reminder = extra
                .reminder
                .clone()
                .map(|line| view! { <p><strong>{line}</strong></p> });
            let ack_url = extra.ack_url.clone();
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
                    {reminder}
                    <p>{intro}</p>
                    <h2>{tr.t("email-safety-heading")}</h2>
                    <ul>{safety}</ul>
                    <h2>{tr.t("email-answers-heading")}</h2>
                    <table>{rows}</table>
                    <h2>{tr.t("email-ack-heading")}</h2>
                    <p>{tr.t("email-ack-text")}</p>
                    <p><a href=ack_url>{tr.t("email-ack-link")}</a></p>
                    <p>{tr.t("email-attachment")}</p>
                    <p>{tr.t("email-footer")}</p>
                </div>
            }
        })
        .collect_view();
    let body = view! { <html><body>{sections}</body></html> }.to_html();
    format!("<!DOCTYPE html>{body}")
}

/// `referral.json`: the answers for case-management systems (schema in the README),
/// and the link that confirms the service has them.
pub fn attachment(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    acknowledge_url: &str,
) -> serde_json::Value {
    json!({
        "schema": "rj-referral/1",
        "reference": reference.to_string(),
        "police_area": { "code": area.code, "slug": area.slug, "name": area.name },
        "acknowledge_url": acknowledge_url,
        "referral": r,
    })
}
