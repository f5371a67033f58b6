//! What to tell a person about a lookup's answer, in their language. The find page and
//! the JSON API say the same things.

use super::{Answer, Areas, Elsewhere, MatchKind, NameMatch, Note, Region};
use crate::i18n::list::{Conjunction, Item, join};
use crate::i18n::{Lang, Tr};

/// The message for an answer, if it needs one (a plain, certain answer does not): a
/// corrected slip says so first ("Showing results for Sheffield.").
pub fn message(answer: &Answer, areas: &Areas, query: &str, lang: Lang) -> Option<String> {
    let corrected = corrected(answer, lang);
    if answer.corrected && answer.note == Some(Note::Several) {
        // "Did you mean one of these?" says all there is to say.
        return corrected;
    }
    let note = note_message(answer, areas, query, lang);
    match (corrected, note) {
        (Some(c), Some(n)) => Some(format!("{c} {n}")),
        (c, n) => c.or(n),
    }
}

/// "Showing results for Sheffield." for an answer to a corrected slip with one place or
/// postcode; "Did you mean one of these?" when it has several.
fn corrected(answer: &Answer, lang: Lang) -> Option<String> {
    if !answer.corrected {
        return None;
    }
    let tr = Tr(lang);
    if answer.note == Some(Note::Several) {
        return Some(tr.t("lookup-did-you-mean"));
    }
    let name = match (&answer.place, answer.matches.first()) {
        (Some(postcode), _) => postcode.clone(),
        (None, Some(m)) => in_sentence(display_name(m, lang), lang).to_string(),
        (None, None) => return None,
    };
    Some(tr.t_args("lookup-corrected", &[("name", name.into())]))
}

/// What the answer is for, as police.uk says it: "ME14 1XQ – Maidstone", "Chirk,
/// Wrexham", "Cardiff". None for an area's own name or a list to choose from.
pub fn matched(answer: &Answer, areas: &Areas, lang: Lang) -> Option<String> {
    answer.single()?;
    if let Some(postcode) = &answer.place {
        return Some(match &answer.named {
            Some(m) => format!("{postcode} – {}", display_name(m, lang)),
            None => postcode.clone(),
        });
    }
    let m = answer
        .matches
        .first()
        .filter(|m| m.kind != MatchKind::Area)?;
    Some(match m.council {
        Some(c) => format!(
            "{}, {}",
            display_name(m, lang),
            areas.councils()[c].name(lang)
        ),
        None => display_name(m, lang).to_string(),
    })
}

fn display_name(m: &NameMatch, lang: Lang) -> &str {
    match lang {
        Lang::En => &m.name,
        Lang::Cy => &m.name_cy,
    }
}

/// A Welsh name inside a sentence: its article in lower case ("ar gyfer y Waun").
fn in_sentence(name: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    match (lang, article(name)) {
        (Lang::Cy, Some((the, rest))) => format!("{} {rest}", the.to_lowercase()).into(),
        _ => name.into(),
    }
}

/// A Welsh place name's article and the rest: ("Y", "Waun") for "Y Waun".
fn article(name: &str) -> Option<(&str, &str)> {
    ["Yr ", "Y "]
        .iter()
        .find_map(|a| name.strip_prefix(a).map(|rest| (a.trim_end(), rest)))
}

fn note_message(answer: &Answer, areas: &Areas, query: &str, lang: Lang) -> Option<String> {
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
        // England's list is long: the postcode is the quicker way to one's own area.
        Note::Region if answer.region == Some(Region::England) => {
            let count = answer
                .matches
                .iter()
                .filter(|m| m.kind == MatchKind::Area)
                .count();
            tr.t_args("lookup-region-england", &[("count", count.into())])
        }
        Note::Region => tr.t("lookup-region"),
        Note::NearBoundary => {
            // "Mae'r Waun…": a Welsh name's article joins the verb before it.
            let name = place_name(answer, lang, query);
            let (id, name) = match article(&name) {
                Some((_, rest)) if lang == Lang::Cy => {
                    ("lookup-near-boundary-article", rest.to_string())
                }
                _ => ("lookup-near-boundary", name.clone()),
            };
            tr.t_args(
                id,
                &[
                    ("place", name.into()),
                    ("area", area_name(answer, areas, lang).into()),
                ],
            )
        }
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
    // A Welsh name ("Caint") takes the mutation after "a"; one kept in English does not.
    let names: Vec<Item> = answer
        .areas
        .iter()
        .map(|(id, _)| {
            let area = areas.get(*id);
            if area.name_cy != area.name {
                Item::welsh(area.name(lang))
            } else {
                Item::fixed(area.name(lang))
            }
        })
        .collect();
    let in_scotland = answer.areas.iter().map(|a| a.1).sum::<f64>() < 0.999;
    let first = names.first().map(|i| i.text).unwrap_or_default();
    let others = names.get(1..).unwrap_or_default();
    let place = ("place", place.to_string().into());
    // Scotland is no police area of this site: "a rhan yn yr Alban", never "yn ardal
    // yr Alban"; two or more other areas are "ardaloedd", not one joint "ardal".
    let id = match (others.len(), in_scotland) {
        (0, true) => "lookup-spans-scotland",
        (1, false) => "lookup-spans",
        (_, false) => "lookup-spans-several",
        (1, true) => "lookup-spans-and-scotland",
        (_, true) => "lookup-spans-several-and-scotland",
    };
    let rest = join(lang, Conjunction::And, others);
    tr.t_args(
        id,
        &[
            place,
            ("first", first.to_string().into()),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The review's real outputs: "…Metropolitan Police a Essex" and "…Dorset a Avon a
    /// Gwlad yr Haf" must read "ac" before a vowel.
    #[test]
    fn joined_area_names_take_ac_before_a_vowel() {
        let areas = Areas::embedded().expect("embedded data loads");
        for (query, expected) in [("EN8", "ac Essex"), ("EX13", "ac Avon a Gwlad yr Haf")] {
            let answer = areas.lookup(query);
            let cy = message(&answer, &areas, query, Lang::Cy).expect("a spans message");
            assert!(cy.contains(expected), "{query}: {cy}");
            let en = message(&answer, &areas, query, Lang::En).expect("a spans message");
            assert!(en.contains(" and "), "{query}: {en}");
        }
    }

    /// S13 of the Welsh review: a district shared only with Scotland says "yn yr Alban".
    #[test]
    fn a_district_shared_with_scotland_alone_names_scotland_without_area() {
        let areas = Areas::embedded().expect("embedded data loads");
        let (query, answer) = ["TD15", "TD12", "DG16", "CA6"]
            .into_iter()
            .map(|q| (q, areas.lookup(q)))
            .find(|(_, a)| a.areas.len() == 1 && a.areas[0].1 < 0.999)
            .expect("a district partly in Scotland");
        let cy = message(&answer, &areas, query, Lang::Cy).expect("a spans message");
        assert!(cy.contains("Mae rhan ohono yn yr Alban."), "{cy}");
        let en = message(&answer, &areas, query, Lang::En).expect("a spans message");
        assert!(en.contains("Part of it is in Scotland."), "{en}");
    }

    /// S13 of the third review: two or more other areas are "ardaloedd".
    #[test]
    fn several_other_areas_are_ardaloedd() {
        let areas = Areas::embedded().expect("embedded data loads");
        let answer = areas.lookup("EN8");
        assert!(answer.areas.len() >= 3, "EN8 spans three areas");
        let cy = message(&answer, &areas, "EN8", Lang::Cy).expect("a spans message");
        assert!(cy.contains("Mae rhan ohono yn ardaloedd "), "{cy}");
    }
}
