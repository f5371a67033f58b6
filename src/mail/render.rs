//! The emails: to the local service (safety instructions first, then every answer, in
//! plain text and HTML, with `referral.json` attached), and the optional confirmation
//! to the person, which says only that the request was sent, who will contact them,
//! and the reference. A request that goes through triage starts with the area's public
//! service facts, so the operator can pass it on; a youth justice case says so at the
//! top. Bilingual emails put Welsh first when the area is in Wales or the person chose
//! Welsh (the Welsh Language Standards' practice), in the subject, the sender's name
//! and the body. Every email to a service (straight, or through triage) carries the
//! link that confirms a person has it; a reminder is the same email again, marked as
//! one at the top.
//!
//! That full email goes only to a route with `delivery = "email"` (a secure or attested
//! address). By default a route gets the [`inbox_email`] instead: that a request for
//! the area is waiting, its reference, when it came, and the link into the staff inbox
//! ([`inbox_url`]), where it is read signed in and Received is pressed. It carries no
//! personal data, and neither do its reminder and the operator's alerts.

use crate::areas::PoliceArea;
use crate::areas::directory::{Audience, Route, Via, WhoSentence};
use crate::components::prose::mixed_text;
use crate::i18n::{Lang, Tr, foreign, unmarked};
use crate::referral::ack::AckTokens;
use crate::referral::fields::{Field, YesNo};
use crate::referral::form::Referral;
use crate::referral::reference::Reference;
use crate::site::SiteSettings;
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

/// Who the emails come from: the address and the sender's name in each language, the
/// operator, whose team the triage wording names, and what the emails' links need.
pub struct Sender {
    /// `RJ_MAIL_FROM`: the address, and the sender's name in English.
    pub from: Mailbox,
    /// The sender's name in Welsh, if known.
    pub name_cy: Option<String>,
    pub operator: String,
    pub operator_cy: Option<String>,
    /// The site's public address, for the links in emails (no trailing slash).
    pub public_url: String,
}

/// A reminder is the service's email again, sent because nobody has confirmed it:
/// marked as such at the top, with its own Message-ID and the first one's as
/// `In-Reply-To`, so mail programs thread it with the first.
#[derive(Clone, Copy, Debug)]
pub struct Reminder {
    /// When the first email was delivered (unix seconds).
    pub first_sent_at: i64,
}

impl Sender {
    /// The sender of `RJ_MAIL_FROM` (its name, or else the site's name, is the English
    /// name); `name_cy` (`RJ_MAIL_FROM_NAME_CY`), or else the Welsh site name when the
    /// English name is the site's; the operator's names and the public address from
    /// `site`.
    pub fn new(from: Mailbox, name_cy: Option<String>, site: &SiteSettings) -> Self {
        let site_en = Self::site_name(Lang::En);
        let name = from.name.clone().unwrap_or_else(|| site_en.clone());
        let name_cy = name_cy.or_else(|| (name == site_en).then(|| Self::site_name(Lang::Cy)));
        Self {
            from: Mailbox::new(Some(name), from.email),
            name_cy,
            operator: site.operator_name.clone(),
            operator_cy: site.operator_name_cy.clone(),
            public_url: site.public_url.trim_end_matches('/').to_string(),
        }
    }

    /// The page where the person checks their request, in `lang`.
    pub fn status_url(&self, lang: Lang) -> String {
        format!(
            "{}{}",
            self.public_url,
            crate::i18n::Page::Status.path(lang)
        )
    }

    /// The site's name in `lang`, as the emails' text names it.
    pub fn site_name(lang: Lang) -> String {
        Tr(lang).t("site-name")
    }

    /// The sender's name in `lang` (the English one when it has no Welsh one).
    pub fn name(&self, lang: Lang) -> &str {
        match (lang, &self.name_cy) {
            (Lang::Cy, Some(name)) => name,
            _ => self.from.name.as_deref().unwrap_or_default(),
        }
    }

    /// The From of an email in `langs`: the sender's names in that order, each once
    /// ("Cymorth cyfiawnder adferol / Restorative justice help").
    pub fn mailbox(&self, langs: &[Lang]) -> Mailbox {
        let mut names: Vec<&str> = langs.iter().map(|&l| self.name(l)).collect();
        names.dedup();
        Mailbox::new(Some(names.join(" / ")), self.from.email.clone())
    }

    /// The operator's name in `lang`, plain (the English one when it has no Welsh one).
    pub fn operator(&self, lang: Lang) -> &str {
        match (lang, &self.operator_cy) {
            (Lang::Cy, Some(name)) => name,
            _ => &self.operator,
        }
    }
}

/// The languages of the service's email: English, and Welsh when the area is in Wales
/// or the person chose Welsh; then Welsh comes first.
pub fn service_languages(area: &PoliceArea, referral: &Referral) -> Vec<Lang> {
    email_languages(area, Some(referral.contact_lang()))
}

/// The languages of an email about a request, in order: Welsh first, then English, for
/// an area in Wales or a person who asked for Welsh (`asked`); otherwise English. The
/// one choice every email about a request follows (the service's, reminders, alerts).
pub fn email_languages(area: &PoliceArea, asked: Option<Lang>) -> Vec<Lang> {
    if area.in_wales() || asked == Some(Lang::Cy) {
        vec![Lang::Cy, Lang::En]
    } else {
        vec![Lang::En]
    }
}

/// A request's page in the staff inbox, in `lang`: `/staff/requests/{REFERENCE}`, or
/// `/staff/cy/ceisiadau/{REFERENCE}` in Welsh (every staff path is under `/staff`, so
/// the staff cookie covers both languages).
pub fn inbox_url(public_url: &str, lang: Lang, reference: Reference) -> String {
    format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        crate::i18n::staff_request_path(lang, &reference.to_string())
    )
}

/// The email to the service or the triage inbox when its route delivers to the staff
/// inbox (or, with `reminder`, its reminder), in `langs` (see [`service_languages`]):
/// that a request for `area` is waiting, its reference, when it came (`received_at`,
/// UK time) and the link into the inbox. Nothing the person wrote, and no "I have it"
/// link: Received is pressed in the inbox.
pub fn inbox_email(
    reference: Reference,
    area: &PoliceArea,
    route: &Route,
    sender: &Sender,
    langs: &[Lang],
    received_at: i64,
    reminder: Option<Reminder>,
) -> Result<Message, RenderError> {
    let triage = route.via == Via::Triage;
    let subject = subject(reference, triage, langs, reminder);
    let text = langs
        .iter()
        .map(|&lang| inbox_text(reference, area, triage, sender, lang, received_at, reminder))
        .collect::<Vec<_>>()
        .join("\n----------------------------------------\n\n");
    let to: Mailbox = route
        .to
        .as_str()
        .parse()
        .map_err(|e| RenderError(format!("{e}")))?;
    threaded(
        Message::builder()
            .from(sender.mailbox(langs))
            .to(to)
            .subject(subject),
        reference,
        sender,
        reminder,
    )
    .singlepart(SinglePart::plain(text))
    .map_err(|e| RenderError(e.to_string()))
}

/// One language's text of the [`inbox_email`].
fn inbox_text(
    reference: Reference,
    area: &PoliceArea,
    triage: bool,
    sender: &Sender,
    lang: Lang,
    received_at: i64,
    reminder: Option<Reminder>,
) -> String {
    let tr = Tr(lang);
    let area_name = area.name(lang).to_string();
    let mut text = String::new();
    if let Some(r) = reminder {
        let first = crate::calendar::long_date(lang, crate::calendar::uk_date(r.first_sent_at));
        text.push_str(&tr.t_args("email-inbox-reminder", &[("date", first.into())]));
        text.push_str("\n\n");
    }
    let intro = if triage {
        "email-inbox-intro-triage"
    } else {
        "email-inbox-intro"
    };
    text.push_str(&tr.t_args(intro, &[("area", area_name.clone().into())]));
    text.push_str("\n\n");
    let when = tr.t_args(
        "email-inbox-when",
        &[
            (
                "date",
                crate::calendar::long_date(lang, crate::calendar::uk_date(received_at)).into(),
            ),
            ("time", uk_clock(received_at).into()),
        ],
    );
    for (label, value) in [
        ("email-label-reference", reference.to_string()),
        ("email-label-area", area_name),
        ("email-inbox-label-received", when),
    ] {
        text.push_str(&format!("{}: {value}\n", tr.t(label)));
    }
    text.push_str(&format!(
        "\n{}\n{}\n\n{}\n\n{}\n{}\n",
        tr.t("email-inbox-open"),
        inbox_url(&sender.public_url, lang, reference),
        tr.t("email-inbox-ack"),
        tr.t("email-inbox-private"),
        tr.t("email-inbox-footer"),
    ));
    text
}

/// The time of day at `unix` in the UK (GMT or BST), as `14:05`.
fn uk_clock(unix: i64) -> String {
    let local = (unix + crate::calendar::uk_offset(unix)).rem_euclid(24 * 3600);
    format!("{:02}:{:02}", local / 3600, local % 3600 / 60)
}

/// The subject of the email to a service or triage (or its reminder), in `langs`.
fn subject(
    reference: Reference,
    triage: bool,
    langs: &[Lang],
    reminder: Option<Reminder>,
) -> String {
    let subject_id = if triage {
        "email-subject-triage"
    } else {
        "email-subject"
    };
    langs
        .iter()
        .map(|&l| {
            let subject = Tr(l).t_args(subject_id, &[("reference", reference.to_string().into())]);
            match reminder {
                Some(_) => Tr(l).t_args("email-reminder-subject", &[("subject", subject.into())]),
                None => subject,
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A request's first email has a stable Message-ID; its reminder has its own and
/// names the first as `In-Reply-To`, so mail programs thread them.
fn threaded(
    builder: lettre::message::MessageBuilder,
    reference: Reference,
    sender: &Sender,
    reminder: Option<Reminder>,
) -> lettre::message::MessageBuilder {
    let first_id = message_id(reference, sender, "");
    match reminder {
        None => builder.message_id(Some(first_id)),
        Some(_) => builder
            .message_id(Some(message_id(reference, sender, "-reminder")))
            .in_reply_to(first_id.clone())
            .references(first_id),
    }
}

/// The stable Message-ID of a request's email, so receivers can drop duplicates.
pub fn message_id(reference: Reference, sender: &Sender, suffix: &str) -> String {
    format!("<{reference}{suffix}@{}>", sender.from.email.domain())
}

/// The email to the local service, or to the operator's triage inbox.
pub fn service_email(
    reference: Reference,
    referral: &Referral,
    area: &PoliceArea,
    route: &Route,
    sender: &Sender,
    ack: &AckTokens,
) -> Result<Message, RenderError> {
    service_email_with(reference, referral, area, route, sender, ack, None)
}

/// The email to the local service or the triage inbox, or (`reminder`) its reminder.
pub fn service_email_with(
    reference: Reference,
    referral: &Referral,
    area: &PoliceArea,
    route: &Route,
    sender: &Sender,
    // Signs the link that confirms the service has the request.
    ack: &AckTokens,
    reminder: Option<Reminder>,
) -> Result<Message, RenderError> {
    let langs = service_languages(area, referral);
    let subject = subject(reference, route.via == Via::Triage, &langs, reminder);
    let parts: Vec<Part> = langs
        .iter()
        .map(|&lang| {
            let extra = Extra {
                ack_url: ack.url(&sender.public_url, lang, reference),
                reminder: reminder.map(|r| {
                    let first =
                        crate::calendar::long_date(lang, crate::calendar::uk_date(r.first_sent_at));
                    Tr(lang).t_args("email-reminder", &[("date", first.into())])
                }),
            };
            Part::new(reference, referral, area, route, lang, extra)
        })
        .collect();
    let text = parts
        .iter()
        .map(Part::text)
        .collect::<Vec<_>>()
        .join("\n\n----------------------------------------\n\n");
    let html = service_html(&parts);
    let to: Mailbox = route
        .to
        .as_str()
        .parse()
        .map_err(|e| RenderError(format!("{e}")))?;
    let ack_url = ack.url(&sender.public_url, Lang::En, reference);
    let json = serde_json::to_string_pretty(&attachment(reference, referral, area, &ack_url))
        .expect("JSON");
    let builder = Message::builder()
        .from(sender.mailbox(&langs))
        .to(to)
        .subject(subject);
    threaded(builder, reference, sender, reminder)
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

/// The confirmation to the person, in their language: who will contact them (the
/// service, or the operator's team who will pass it on), the reference, and the page
/// where they can check whether the service has it.
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
    let service = route
        .service_name(lang)
        .map(str::to_string)
        .unwrap_or_else(|| tr.t("refer-service-fallback"));
    let args = [
        ("reference", reference.to_string().into()),
        ("service", service.into()),
        ("operator", sender.operator(lang).to_string().into()),
    ];
    const BODY: WhoSentence = WhoSentence {
        service: "confirm-body",
        team_for_service: "confirm-body-triage",
        team: "confirm-body-triage-none",
    };
    let body = BODY.id(route.contact());
    let to: Mailbox = email
        .as_str()
        .parse()
        .map_err(|e| RenderError(format!("{e}")))?;
    Message::builder()
        .from(sender.mailbox(&[lang]))
        .to(to)
        .subject(tr.t_args("confirm-subject", &args))
        .message_id(Some(message_id(reference, sender, "-confirmation")))
        .singlepart(SinglePart::plain(format!(
            "{}\n\n{}",
            tr.t_args(body, &args),
            tr.t_args("confirm-status", &[("url", sender.status_url(lang).into())])
        )))
        .map(Some)
        .map_err(|e| RenderError(e.to_string()))
}

/// One fact or answer: its label, and its value, which may hold words marked as
/// another language ([`foreign`]).
type Row = (String, String);

/// The triage part: what to do, and the area's public facts.
struct Triage {
    heading: String,
    intro: String,
    facts: Vec<Row>,
}

/// What one language's part of a service email adds to the answers: the
/// acknowledgement link, and a reminder's first line.
struct Extra {
    ack_url: String,
    reminder: Option<String>,
}

/// One language's part of the service email, shared by the plain text and the HTML.
struct Part {
    lang: Lang,
    extra: Extra,
    triage: Option<Triage>,
    youth: Option<String>,
    intro: String,
    safety: Vec<String>,
    rows: Vec<Row>,
}

impl Part {
    fn new(
        reference: Reference,
        r: &Referral,
        area: &PoliceArea,
        route: &Route,
        lang: Lang,
        extra: Extra,
    ) -> Self {
        let tr = Tr(lang);
        Part {
            lang,
            extra,
            triage: (route.via == Via::Triage).then(|| triage(route, area, lang)),
            youth: r.youth_justice().then(|| tr.t("email-youth-flag")),
            intro: tr.t_args("email-intro", &[("site", Sender::site_name(lang).into())]),
            safety: safety_lines(r, lang),
            rows: answer_rows(reference, r, area, lang),
        }
    }

    /// What the link is for: a person at the service has the request, or (through
    /// triage) a person in the operator's team.
    fn ack_text(&self) -> String {
        Tr(self.lang).t(if self.triage.is_some() {
            "email-ack-text-triage"
        } else {
            "email-ack-text"
        })
    }

    /// The plain-text part (marks of other languages removed).
    fn text(&self) -> String {
        let tr = Tr(self.lang);
        let mut text = String::new();
        if let Some(reminder) = &self.extra.reminder {
            text.push_str(&format!("{reminder}\n\n"));
        }
        if let Some(t) = &self.triage {
            text.push_str(&format!(
                "{}\n{}\n\n",
                t.heading.to_uppercase(),
                unmarked(&t.intro)
            ));
            for (label, value) in &t.facts {
                let value = unmarked(value).replace('\n', "\n    ");
                text.push_str(&format!("{label}: {value}\n"));
            }
            text.push('\n');
        }
        if let Some(youth) = &self.youth {
            text.push_str(&format!("{youth}\n\n"));
        }
        text.push_str(&format!(
            "{}\n\n{}\n",
            self.intro,
            tr.t("email-safety-heading").to_uppercase()
        ));
        for line in &self.safety {
            text.push_str(&format!("* {line}\n"));
        }
        text.push_str(&format!(
            "\n{}\n",
            tr.t("email-answers-heading").to_uppercase()
        ));
        for (label, value) in &self.rows {
            // A label that is a question (Welsh yes/no rows) is answered after it.
            let colon = if label.ends_with('?') { "" } else { ":" };
            text.push_str(&format!(
                "{label}{colon} {}\n",
                value.replace('\n', "\n    ")
            ));
        }
        text.push_str(&format!(
            "\n{}\n{}\n{}\n",
            tr.t("email-ack-heading").to_uppercase(),
            self.ack_text(),
            self.extra.ack_url
        ));
        text.push_str(&format!(
            "\n{}\n{}\n",
            unmarked(&tr.t("email-attachment")),
            tr.t("email-footer")
        ));
        text
    }
}

/// The triage part in `lang`: why the request came to the operator, and the facts the
/// public directory holds for the area's service (English-only facts marked as such).
fn triage(route: &Route, area: &PoliceArea, lang: Lang) -> Triage {
    let tr = Tr(lang);
    let english = |text: &str| match lang {
        Lang::Cy => foreign(Lang::En, text),
        Lang::En => text.to_string(),
    };
    let service = route.service.as_ref();
    let service_name = service.map(|s| match s.name_lang(lang) {
        Some(_) => english(s.name(lang)),
        None => s.name(lang).to_string(),
    });
    let intro = match &service_name {
        Some(name) => tr.t_args("email-triage-named", &[("service", name.clone().into())]),
        None => tr.t_args(
            "email-triage-none",
            &[("area", area.name(lang).to_string().into())],
        ),
    };
    let mut facts: Vec<Row> = vec![(tr.t("email-label-area"), area.name(lang).to_string())];
    if let (Some(s), Some(name)) = (service, service_name) {
        let name = match s.audience {
            Audience::Youth => format!("{name}\n{}", tr.t("area-youth-service")),
            Audience::All => name,
        };
        facts.push((tr.t("area-service-heading"), name));
        facts.extend(
            s.website(lang)
                .map(|(w, _)| (tr.t("area-website"), w.to_string())),
        );
        facts.extend(s.phone.clone().map(|p| {
            let note = s
                .phone_note(lang)
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            (tr.t("area-phone"), format!("{p}{note}"))
        }));
        facts.extend(
            s.email
                .as_ref()
                .map(|e| (tr.t("area-email"), e.to_string())),
        );
        facts.extend(
            s.eligibility(lang)
                .map(|e| (tr.t("area-eligibility"), e.to_string())),
        );
    }
    if let Some(l) = &route.listing {
        let (title, written) = l.commissioner_title(area, lang);
        let title = if written == lang {
            title
        } else {
            english(&title)
        };
        facts.push((
            tr.t("area-commissioner"),
            format!("{title} ({})", l.commissioner_url),
        ));
    }
    Triage {
        heading: tr.t("email-triage-heading"),
        intro,
        facts,
    }
}

/// The rows of answers, labelled in `lang`. A choice reads in the words the form used
/// for that question (in Welsh, each yes/no answer echoes its question's verb).
pub(crate) fn answer_rows(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    lang: Lang,
) -> Vec<Row> {
    let contact = Some(r.contact_method);
    // Only the questions the person was asked: no "voicemail: no" for someone who
    // asked for email.
    let asked = |label: &str| match label {
        "email-label-phone" => Field::Phone.asked(contact),
        "email-label-email" => Field::Email.asked(contact) || r.email.is_some(),
        "email-label-voicemail" => Field::VoicemailOk.asked(contact),
        "email-label-say-rj" => Field::SayRjOk.asked(contact),
        "email-label-confirmation" => Field::ConfirmationEmail.asked(contact),
        _ => true,
    };
    all_rows(reference, r, area, lang)
        .into_iter()
        .filter(|(id, _)| asked(id))
        .map(|(_, row)| row)
        .collect()
}

/// Every row with its label's id.
fn all_rows(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    lang: Lang,
) -> Vec<(&'static str, Row)> {
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
    let row = |id: &'static str, value: String| (id, (tr.t(id), value));
    vec![
        row("email-label-reference", reference.to_string()),
        row("email-label-area", area.name(lang).to_string()),
        row("email-label-relationship", relationship),
        row("email-label-name", r.full_name.clone()),
        row(
            "email-label-contact-method",
            tr.t(&format!("email-method-{}", r.contact_method.wire())),
        ),
        row("email-label-phone", opt(&r.phone)),
        row(
            "email-label-email",
            opt(&r.email.as_ref().map(|e| e.as_str().to_string())),
        ),
        row("email-label-voicemail", answer(Field::VoicemailOk)),
        row("email-label-say-rj", answer(Field::SayRjOk)),
        row("email-label-safe-times", opt(&r.safe_times)),
        row(
            "email-label-language",
            tr.t(&format!("email-language-{}", r.contact_lang().code())),
        ),
        row("email-label-reported", answer(Field::Reported)),
        row("email-label-crime-reference", opt(&r.crime_reference)),
        row("email-label-under-18", answer(Field::ResponsibleUnder18)),
        row("email-label-support-needs", opt(&r.support_needs)),
        row("email-label-message", opt(&r.message)),
        row(
            "email-label-confirmation",
            tr.t(
                &Field::ConfirmationEmail.option_label_id(YesNo::from(r.confirmation_email).wire())
            ),
        ),
    ]
}

/// Every Fluent id the service email may use with a computed name.
pub fn message_ids() -> Vec<String> {
    use crate::referral::fields::{ContactLanguage, ContactMethod, Relationship};
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
pub(crate) fn safety_lines(r: &Referral, lang: Lang) -> Vec<String> {
    let tr = Tr(lang);
    // Voicemail and what to say on the phone are asked only of someone who chose phone.
    let mut lines = if r.contact_method == crate::referral::fields::ContactMethod::Phone {
        vec![
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
        ]
    } else {
        Vec::new()
    };
    if let Some(times) = &r.safe_times {
        lines.push(tr.t_args("email-safe-times", &[("times", times.clone().into())]));
    }
    let language = tr.t(&format!("email-language-{}", r.contact_lang().code()));
    lines.push(tr.t_args("email-contact-in", &[("language", language.into())]));
    lines
}

/// The HTML part, every language in turn. Rendered by Leptos: every answer is a text
/// node, so it is escaped by construction; words marked as another language get
/// their own `lang`.
fn service_html(parts: &[Part]) -> String {
    use leptos::prelude::*;
    // Only the site's own facts may mark words as another language; the person's
    // answers are shown exactly as typed.
    let table = |rows: &[Row], marked: bool| {
        rows.iter()
            .map(|(label, value)| {
                let lines = value
                    .split('\n')
                    .enumerate()
                    .map(|(i, line)| {
                        let line = if marked {
                            mixed_text(line).into_any()
                        } else {
                            line.to_string().into_any()
                        };
                        view! { {(i > 0).then(|| view! { <br /> })}{line} }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row" style="text-align:left;vertical-align:top">{label.clone()}</th>
                        <td>{lines}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let sections = parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let tr = Tr(part.lang);
            let reminder = part
                .extra
                .reminder
                .clone()
                .map(|line| view! { <p><strong>{line}</strong></p> });
            let ack_url = part.extra.ack_url.clone();
            let triage = part.triage.as_ref().map(|t| {
                view! {
                    <h2>{t.heading.clone()}</h2>
                    <p>{mixed_text(&t.intro)}</p>
                    <table>{table(&t.facts, true)}</table>
                }
            });
            let youth = part
                .youth
                .clone()
                .map(|y| view! { <p><strong>{y}</strong></p> });
            let safety = part
                .safety
                .iter()
                .map(|line| view! { <li><strong>{line.clone()}</strong></li> })
                .collect_view();
            view! {
                {(i > 0).then(|| view! { <hr /> })}
                <div lang=part.lang.code()>
                    {reminder}
                    {triage}
                    {youth}
                    <p>{part.intro.clone()}</p>
                    <h2>{tr.t("email-safety-heading")}</h2>
                    <ul>{safety}</ul>
                    <h2>{tr.t("email-answers-heading")}</h2>
                    <table>{table(&part.rows, false)}</table>
                    <h2>{tr.t("email-ack-heading")}</h2>
                    <p>{part.ack_text()}</p>
                    <p><a href=ack_url>{tr.t("email-ack-link")}</a></p>
                    <p>{mixed_text(&tr.t("email-attachment"))}</p>
                    <p>{tr.t("email-footer")}</p>
                </div>
            }
        })
        .collect_view();
    let body = view! { <html><body>{sections}</body></html> }.to_html();
    format!("<!DOCTYPE html>{body}")
}

/// `referral.json`: the answers for case-management systems (schema in the README),
/// and the link that confirms the service has them. `youth_justice` is true when the
/// person responsible was under 18.
pub fn attachment(
    reference: Reference,
    r: &Referral,
    area: &PoliceArea,
    acknowledge_url: &str,
) -> serde_json::Value {
    json!({
        "schema": "rj-referral/1",
        "reference": reference.to_string(),
        "youth_justice": r.youth_justice(),
        "police_area": { "code": area.code, "slug": area.slug, "name": area.name },
        "acknowledge_url": acknowledge_url,
        "referral": r,
    })
}
