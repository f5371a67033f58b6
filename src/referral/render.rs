//! The emails: to the local service (safety instructions first, then every answer, in
//! plain text and HTML, with `referral.json` attached), and the optional confirmation
//! to the person, which says only that the request was sent, to whom, and the reference.

use super::form::{Answer3, ContactMethod, Referral, Relationship};
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
    let mut text = String::new();
    let mut html = String::from("<!DOCTYPE html><html><body>");
    for (i, &lang) in langs.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n----------------------------------------\n\n");
            html.push_str("<hr>");
        }
        let (t, h) = service_body(reference, referral, area, lang, &sender.site_name);
        text.push_str(&t);
        html.push_str(&format!("<div lang=\"{}\">{h}</div>", lang.code()));
    }
    html.push_str("</body></html>");
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
    let (true, Some(email)) = (referral.confirmation_email, referral.email.as_deref()) else {
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
    let to: Mailbox = email.parse().map_err(|e| RenderError(format!("{e}")))?;
    Message::builder()
        .from(sender.from.clone())
        .to(to)
        .subject(tr.t_args("confirm-subject", &args))
        .message_id(Some(message_id(reference, sender, "-confirmation")))
        .singlepart(SinglePart::plain(tr.t_args("confirm-body", &args)))
        .map(Some)
        .map_err(|e| RenderError(e.to_string()))
}

/// The rows of answers, labelled in `lang`.
fn rows(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    lang: Lang,
) -> Vec<(String, String)> {
    let tr = Tr(lang);
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| tr.t("email-not-given"));
    let yes_no = |b: bool| tr.t(if b { "email-yes" } else { "email-no" });
    let three = |a: Answer3| {
        tr.t(match a {
            Answer3::Yes => "email-yes",
            Answer3::No => "email-no",
            Answer3::NotSure => "email-not-sure",
        })
    };
    let relationship = tr.t(match r.relationship {
        Relationship::Harmed => "email-relationship-harmed",
        Relationship::Family => "email-relationship-family",
        Relationship::Supporter => "email-relationship-supporter",
    });
    let method = tr.t(match r.contact_method {
        ContactMethod::Phone => "email-method-phone",
        ContactMethod::Email => "email-method-email",
    });
    vec![
        (tr.t("email-label-reference"), reference.to_string()),
        (tr.t("email-label-area"), area.name(lang).to_string()),
        (tr.t("email-label-relationship"), relationship),
        (tr.t("email-label-name"), r.full_name.clone()),
        (tr.t("email-label-contact-method"), method),
        (tr.t("email-label-phone"), opt(&r.phone)),
        (tr.t("email-label-email"), opt(&r.email)),
        (tr.t("email-label-voicemail"), yes_no(r.voicemail_ok)),
        (tr.t("email-label-say-rj"), yes_no(r.say_rj_ok)),
        (tr.t("email-label-safe-times"), opt(&r.safe_times)),
        (
            tr.t("email-label-language"),
            tr.t(&format!("email-language-{}", r.contact_lang().code())),
        ),
        (tr.t("email-label-reported"), three(r.reported)),
        (tr.t("email-label-crime-reference"), opt(&r.crime_reference)),
        (tr.t("email-label-under-18"), three(r.responsible_under_18)),
        (tr.t("email-label-support-needs"), opt(&r.support_needs)),
        (tr.t("email-label-message"), opt(&r.message)),
        (
            tr.t("email-label-confirmation"),
            yes_no(r.confirmation_email),
        ),
    ]
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

fn service_body(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    lang: Lang,
    site: &str,
) -> (String, String) {
    let tr = Tr(lang);
    let intro = tr.t_args("email-intro", &[("site", site.to_string().into())]);
    let safety = safety(r, lang);
    let rows = rows(reference, r, area, lang);
    let mut text = format!(
        "{intro}\n\n{}\n",
        tr.t("email-safety-heading").to_uppercase()
    );
    for line in &safety {
        text.push_str(&format!("* {line}\n"));
    }
    text.push_str(&format!(
        "\n{}\n",
        tr.t("email-answers-heading").to_uppercase()
    ));
    for (label, value) in &rows {
        text.push_str(&format!("{label}: {}\n", value.replace('\n', "\n    ")));
    }
    text.push_str(&format!(
        "\n{}\n{}\n",
        tr.t("email-attachment"),
        tr.t("email-footer")
    ));

    let mut html = format!(
        "<p>{}</p><h2>{}</h2><ul>",
        escape(&intro),
        escape(&tr.t("email-safety-heading"))
    );
    for line in &safety {
        html.push_str(&format!("<li><strong>{}</strong></li>", escape(line)));
    }
    html.push_str(&format!(
        "</ul><h2>{}</h2><table>",
        escape(&tr.t("email-answers-heading"))
    ));
    for (label, value) in &rows {
        html.push_str(&format!(
            "<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top\">{}</th><td>{}</td></tr>",
            escape(label),
            escape(value).replace('\n', "<br>")
        ));
    }
    html.push_str(&format!(
        "</table><p>{}</p><p>{}</p>",
        escape(&tr.t("email-attachment")),
        escape(&tr.t("email-footer"))
    ));
    (text, html)
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

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
