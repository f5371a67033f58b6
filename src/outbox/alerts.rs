//! The emails that chase a request nobody has confirmed: the reminder to the service
//! (its email again, marked as a reminder), and the operator's alerts: an escalation
//! when the reminder too went unanswered, a permanent delivery failure, and a request
//! nearing the retention purge. An alert to the operator names the reference, the area
//! and the dates, never anything the person wrote. Each is stored before it is sent
//! (the `alerts` table) and has a stable Message-ID, so none is lost or sent twice.

use crate::areas::PoliceArea;
use crate::areas::directory::{Audience, Routed, Via};
use crate::calendar::{long_date, uk_date};
use crate::i18n::{Lang, Tr};
use crate::mail::address::EmailAddress;
use crate::mail::render::{RenderError, Sender, message_id};
use crate::store::AlertFacts;
use lettre::Message;
use lettre::message::{Mailbox, SinglePart};

/// What an alert is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AlertKind {
    /// To the service: nobody has confirmed the request within the period.
    Reminder,
    /// To the operator: nobody confirmed it after the reminder either.
    Escalation,
    /// To the operator: the service's mail server refused it for good.
    Failed,
    /// To the operator: nobody has confirmed it and its details will soon be purged.
    Retention,
    /// To the operator: the service's webhook receiver refused the request's event for
    /// good (the request itself is delivered as usual).
    Webhook,
}

impl AlertKind {
    pub const ALL: [AlertKind; 5] = [
        AlertKind::Reminder,
        AlertKind::Escalation,
        AlertKind::Failed,
        AlertKind::Retention,
        AlertKind::Webhook,
    ];

    /// The name stored in the database and used in metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::Reminder => "reminder",
            AlertKind::Escalation => "escalation",
            AlertKind::Failed => "failed",
            AlertKind::Retention => "retention",
            AlertKind::Webhook => "webhook",
        }
    }

    pub fn parse(s: &str) -> Option<AlertKind> {
        AlertKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether it goes to the operator (the reminder goes to the service).
    pub fn to_operator(self) -> bool {
        self != AlertKind::Reminder
    }

    /// Whether a confirmation from the service makes it unnecessary.
    pub fn ends_with_acknowledgement(self) -> bool {
        matches!(
            self,
            AlertKind::Reminder | AlertKind::Escalation | AlertKind::Retention
        )
    }
}

/// The email to the operator about `facts`. `purge_on` is when its details will be
/// deleted if nobody resolves it.
pub fn operator_email(
    kind: AlertKind,
    facts: &AlertFacts,
    area: &PoliceArea,
    to: &EmailAddress,
    sender: &Sender,
    purge_at: i64,
) -> Result<Message, RenderError> {
    let reference = facts.reference;
    // The person's choice is not kept with the facts: the area decides.
    let langs = crate::mail::render::email_languages(area, None);
    let subject = langs
        .iter()
        .map(|&lang| {
            Tr(lang).t_args(
                &format!("alert-{}-subject", kind.as_str()),
                &[
                    ("reference", reference.to_string().into()),
                    ("area", area.name(lang).to_string().into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" / ");
    let body = langs
        .iter()
        .map(|&lang| operator_text(kind, facts, area, lang, purge_at))
        .collect::<Vec<_>>()
        .join("\n----------------------------------------\n\n");
    let to: Mailbox = to
        .as_str()
        .parse()
        .map_err(|e| RenderError::new(format!("{e}")))?;
    Message::builder()
        .from(sender.mailbox(&langs))
        .to(to)
        .subject(subject)
        .message_id(Some(message_id(
            reference,
            sender,
            &format!("-{}", kind.as_str()),
        )))
        .singlepart(SinglePart::plain(body))
        .map_err(|e| RenderError::new(e.to_string()))
}

/// One language's text of an operator alert: what happened, the facts as labelled
/// lines, and the command that deals with it.
fn operator_text(
    kind: AlertKind,
    facts: &AlertFacts,
    area: &PoliceArea,
    lang: Lang,
    purge_at: i64,
) -> String {
    let tr = Tr(lang);
    let reference = facts.reference;
    let date = |at: i64| long_date(lang, uk_date(at));
    let args = [
        ("reference", reference.to_string().into()),
        ("area", area.name(lang).to_string().into()),
        ("date", date(purge_at).into()),
    ];
    let mut text = format!(
        "{}\n\n",
        tr.t_args(&format!("alert-{}-intro", kind.as_str()), &args)
    );
    let mut row = |label: &str, value: String| {
        text.push_str(&format!("{}: {value}\n", tr.t(label)));
    };
    row("alert-label-reference", reference.to_string());
    row("alert-label-area", area.name(lang).to_string());
    if let Some(routed) = facts.routed {
        row("alert-label-via", tr.t(via_id(routed)));
    }
    row("alert-label-stored", date(facts.created_at));
    if let Some(at) = facts.sent_at {
        row("alert-label-delivered", date(at));
    }
    if let Some(at) = facts.reminded_at {
        row("alert-label-reminded", date(at));
    }
    if kind == AlertKind::Failed
        && let Some(reply) = &facts.last_error
    {
        row("alert-label-reply", reply.clone());
    }
    row("alert-label-deleted", date(purge_at));
    let command = match kind {
        AlertKind::Failed => format!("rj outbox retry {reference}"),
        AlertKind::Webhook => "rj check-config".to_string(),
        _ => format!("rj outbox resolve {reference} --note \"…\""),
    };
    text.push_str(&format!(
        "\n{}\n\n    {command}\n\n{}\n",
        tr.t(&format!("alert-{}-todo", kind.as_str())),
        tr.t("alert-footer")
    ));
    text
}

/// Every Fluent id the alerts build from names (for the locale test).
pub fn message_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for kind in AlertKind::ALL.into_iter().filter(|k| k.to_operator()) {
        for part in ["subject", "intro", "todo"] {
            ids.push(format!("alert-{}-{part}", kind.as_str()));
        }
    }
    ids.extend(VIA_IDS.map(String::from));
    ids
}

/// How the request went, as the alert says it: straight to the service, to its youth
/// justice service, or through the operator's triage inbox.
const VIA_IDS: [&str; 3] = [
    "alert-via-service",
    "alert-via-youth-service",
    "alert-via-triage",
];

fn via_id(routed: Routed) -> &'static str {
    match (routed.via, routed.audience) {
        (Via::Triage, _) => VIA_IDS[2],
        (Via::Direct, Audience::Youth) => VIA_IDS[1],
        (Via::Direct, Audience::All) => VIA_IDS[0],
    }
}
