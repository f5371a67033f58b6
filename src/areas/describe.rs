//! What to tell a person about a lookup's answer, in their language. The find page and
//! the JSON API say the same things.

use super::{Answer, Areas, Elsewhere, Note};
use crate::i18n::{Lang, Tr};

/// The message for an answer, if it needs one (a plain, certain answer does not).
pub fn message(answer: &Answer, areas: &Areas, query: &str, lang: Lang) -> Option<String> {
    let tr = Tr(lang);
    let place = answer.place.clone().unwrap_or_default();
    let note = answer.note.as_ref()?;
    Some(match note {
        Note::Spans => spans(answer, areas, &place, lang),
        Note::NotLive { fell_back_to } => {
            let mut text = tr.t_args(
                "lookup-not-live",
                &[
                    ("place", place.clone().into()),
                    ("part", fell_back_to.clone().into()),
                ],
            );
            if answer.areas.len() > 1 || answer.areas.iter().map(|a| a.1).sum::<f64>() < 0.999 {
                text.push(' ');
                text.push_str(&spans(answer, areas, fell_back_to, lang));
            }
            text
        }
        Note::Terminated => tr.t_args(
            "lookup-terminated",
            &[
                ("place", place.clone().into()),
                ("area", area_name(answer, areas, lang).into()),
            ],
        ),
        Note::Outside(elsewhere) => tr.t(match elsewhere {
            Elsewhere::Scotland => "lookup-outside-scotland",
            Elsewhere::NorthernIreland => "lookup-outside-northern-ireland",
            Elsewhere::IsleOfMan => "lookup-outside-isle-of-man",
            Elsewhere::ChannelIslands => "lookup-outside-channel-islands",
            Elsewhere::ForcesAbroad => "lookup-outside-bfpo",
        }),
        Note::NotFound => tr.t_args("lookup-not-found", &[("place", place.into())]),
        Note::Several => tr.t("lookup-several"),
        Note::NearBoundary => tr.t_args(
            "lookup-near-boundary",
            &[
                ("place", place_name(answer, lang, query).into()),
                ("area", area_name(answer, areas, lang).into()),
            ],
        ),
        Note::NoMatch => tr.t_args(
            "lookup-no-match",
            &[("query", query.trim().to_string().into())],
        ),
        Note::Invalid => tr.t("lookup-invalid"),
    })
}

/// "Most of SY10 is in West Mercia; part is in Dyfed-Powys and North Wales. …"
fn spans(answer: &Answer, areas: &Areas, place: &str, lang: Lang) -> String {
    let tr = Tr(lang);
    let mut names: Vec<String> = answer
        .areas
        .iter()
        .map(|(id, _)| areas.get(*id).name(lang).to_string())
        .collect();
    if answer.areas.iter().map(|a| a.1).sum::<f64>() < 0.999 {
        names.push(tr.t("lookup-scotland"));
    }
    let first = names.first().cloned().unwrap_or_default();
    let rest = join(&names[1.min(names.len())..], &tr.t("lookup-and"));
    tr.t_args(
        "lookup-spans",
        &[
            ("place", place.to_string().into()),
            ("first", first.into()),
            ("rest", rest.into()),
        ],
    )
}

/// The town or village a name search found, in the reader's language.
fn place_name(answer: &Answer, lang: Lang, query: &str) -> String {
    answer
        .matches
        .iter()
        .find(|m| m.kind == super::MatchKind::Place)
        .map(|m| match lang {
            Lang::En => m.name.clone(),
            Lang::Cy => m.name_cy.clone(),
        })
        .unwrap_or_else(|| query.trim().to_string())
}

fn area_name(answer: &Answer, areas: &Areas, lang: Lang) -> String {
    answer
        .single()
        .map(|id| areas.get(id).name(lang).to_string())
        .unwrap_or_default()
}

fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}
