//! The lookup on the real embedded data: postcodes in every form, partial postcodes,
//! places outside England and Wales, council and area names in both languages.

use rj::areas::{Answer, Areas, DataError, Elsewhere, Kind, Note, describe};
use rj::i18n::Lang;
use std::sync::OnceLock;

fn areas() -> &'static Areas {
    static AREAS: OnceLock<Areas> = OnceLock::new();
    AREAS.get_or_init(|| Areas::embedded().expect("embedded data loads"))
}

fn slugs(answer: &Answer) -> Vec<&str> {
    answer
        .areas
        .iter()
        .map(|(id, _)| areas().get(*id).slug.as_str())
        .collect()
}

#[test]
fn forty_three_areas_and_every_council() {
    let a = areas();
    assert_eq!(a.all().len(), 43);
    assert_eq!(a.all().iter().filter(|x| x.in_wales()).count(), 4);
    assert_eq!(a.councils().len(), 318);
    assert!(a.all().iter().all(|x| !x.councils.is_empty()));
    assert_eq!(a.by_slug("south-wales").unwrap().code, "W15000003");
    assert_eq!(a.by_slug("south-wales").unwrap().name_cy, "De Cymru");
}

#[test]
fn full_postcodes_in_any_spacing() {
    for input in ["CF10 1AA", "cf101aa", " CF10  1AA "] {
        let answer = areas().lookup(input);
        assert_eq!(answer.kind, Kind::Postcode, "{input}");
        assert_eq!(slugs(&answer), ["south-wales"], "{input}");
        assert_eq!(answer.areas[0].1, 1.0);
        assert_eq!(answer.place.as_deref(), Some("CF10 1AA"));
        assert_eq!(answer.note, None);
    }
}

#[test]
fn every_way_people_type_a_postcode() {
    for input in [
        "CF10 1AA",
        "cf10 1aa",
        "Cf10 1Aa",
        "CF101AA",
        "CF10   1AA",
        "  CF10 1AA",
        "CF10 1AA  ",
        "\tcf101aa\n",
        "CF10 1AA.",
        "cf10 1aa .",
    ] {
        let answer = areas().lookup(input);
        assert_eq!(answer.kind, Kind::Postcode, "{input:?}");
        assert_eq!(slugs(&answer), ["south-wales"], "{input:?}");
        assert_eq!(answer.place.as_deref(), Some("CF10 1AA"), "{input:?}");
    }
    // A letter for a digit that looks like it (or the other way round) gives the one
    // real postcode it could be, marked as corrected so the person sees the guess.
    for input in ["CFI0 1AA", "CF1O 1AA", "CF10 IAA", "CF10 lAA", "cf1o-iaa"] {
        let answer = areas().lookup(input);
        assert_eq!(answer.kind, Kind::Postcode, "{input}: {answer:?}");
        assert_eq!(answer.place.as_deref(), Some("CF10 1AA"), "{input}");
        assert!(answer.corrected, "{input}");
        assert_eq!(
            describe::message(&answer, areas(), input, Lang::En).as_deref(),
            Some("Showing results for CF10 1AA.")
        );
        assert_eq!(
            describe::message(&answer, areas(), input, Lang::Cy).as_deref(),
            Some("Yn dangos canlyniadau ar gyfer CF10 1AA.")
        );
        // The hot path never guesses.
        assert_eq!(areas().postcode_area(input), None, "{input}");
    }
    // A typed postcode that is real is never "corrected".
    assert!(!areas().lookup("CF10 1AA").corrected);
    // A digit where no look-alike letter fits is not guessed at.
    assert_ne!(areas().lookup("CF10 1A4").kind, Kind::Postcode);
    // O for 0 in a unit of a real sector: not a postcode, so the sector's answer.
    assert_eq!(areas().lookup("CF10 1AO").kind, Kind::Sector);
}

#[test]
fn postcodes_typed_with_a_hyphen_or_a_full_stop() {
    for input in ["cf10-1aa", "CF10.1AA", "CF10 - 1AA", "cf10-1aa."] {
        let answer = areas().lookup(input);
        assert_eq!(answer.kind, Kind::Postcode, "{input}");
        assert_eq!(answer.place.as_deref(), Some("CF10 1AA"), "{input}");
        assert!(!answer.corrected, "{input}");
        assert!(areas().postcode_area(input).is_some(), "{input}");
    }
}

#[test]
fn a_postcode_among_other_words_is_used_and_the_result_says_what_matched() {
    let answer = areas().lookup("Maidstone ME14 1XQ");
    assert_eq!(
        (answer.kind, slugs(&answer)),
        (Kind::Postcode, vec!["kent"])
    );
    assert_eq!(
        describe::matched(&answer, areas(), Lang::En).as_deref(),
        Some("ME14 1XQ – Maidstone")
    );
    let answer = areas().lookup("ME14 1XQ, Maidstone");
    assert_eq!(slugs(&answer), ["kent"]);
    // A name from somewhere else is not shown beside the postcode.
    let answer = areas().lookup("Cardiff ME14 1XQ");
    assert_eq!(slugs(&answer), ["kent"]);
    assert_eq!(
        describe::matched(&answer, areas(), Lang::Cy).as_deref(),
        Some("ME14 1XQ")
    );
    // A place: its name and council, in the reader's language.
    let answer = areas().lookup("Chirk");
    assert_eq!(
        describe::matched(&answer, areas(), Lang::Cy).as_deref(),
        Some("Y Waun, Wrecsam")
    );
}

/// The misspelt name, what it finds, and that name in English and Welsh.
const MISSPELT: &[(&str, &str, &str, &str)] = &[
    ("Sheffeild", "south-yorkshire", "Sheffield", "Sheffield"),
    (
        "Midlesbrough",
        "cleveland",
        "Middlesbrough",
        "Middlesbrough",
    ),
    ("Stratfrod", "metropolitan", "Stratford", "Stratford"),
    ("Aberystwith", "dyfed-powys", "Aberystwyth", "Aberystwyth"),
    ("Caerdudd", "south-wales", "Cardiff", "Caerdydd"),
    ("Abertawa", "south-wales", "Swansea", "Abertawe"),
];

#[test]
fn misspelt_names_are_corrected_and_say_so_in_both_languages() {
    for &(input, slug, en, cy) in MISSPELT {
        let answer = areas().lookup(input);
        assert_eq!(slugs(&answer), [slug], "{input}: {answer:?}");
        assert!(answer.corrected, "{input}");
        let message = |lang| describe::message(&answer, areas(), input, lang).unwrap_or_default();
        assert!(
            message(Lang::En).starts_with(&format!("Showing results for {en}.")),
            "{input}: {}",
            message(Lang::En)
        );
        assert!(
            message(Lang::Cy).starts_with(&format!("Yn dangos canlyniadau ar gyfer {cy}.")),
            "{input}: {}",
            message(Lang::Cy)
        );
    }
    // A misspelling GeoNames lists among a place's other names finds it outright.
    let answer = areas().lookup("Middlesborough");
    assert_eq!(slugs(&answer), ["cleveland"]);
    // A name typed right is not a correction; nor is nonsense.
    assert!(!areas().lookup("Sheffield").corrected);
    assert_eq!(areas().lookup("Xyzzyville").note, Some(Note::NoMatch));
}

#[test]
fn a_misspelling_close_to_places_in_two_areas_is_not_guessed() {
    // Every corrected answer with one area came from names in that area only; one
    // that is as close to names in two areas lists them.
    for input in ["Newprot", "Richmnod", "St Ivse"] {
        let answer = areas().lookup(input);
        assert!(answer.corrected, "{input}: {answer:?}");
        assert_eq!(answer.note, Some(Note::Several), "{input}: {answer:?}");
        assert!(answer.areas.is_empty(), "{input}");
        assert_eq!(
            describe::message(&answer, areas(), input, Lang::En).as_deref(),
            Some("We could not find that name. Did you mean one of these?")
        );
        assert!(
            describe::message(&answer, areas(), input, Lang::Cy)
                .unwrap()
                .starts_with("Doedden ni ddim")
        );
    }
}

#[test]
fn saint_apostrophes_and_hyphens_are_optional() {
    for (a, b) in [
        ("St Ives", "Saint Ives"),
        ("St. Ives", "St Ives"),
        ("Kings Lynn", "King's Lynn"),
        ("Stratford upon Avon", "Stratford-upon-Avon"),
        ("St Helens", "Saint Helens"),
        ("Bishops Stortford", "Bishop's Stortford"),
    ] {
        let (x, y) = (areas().lookup(a), areas().lookup(b));
        assert_eq!((&x.areas, &x.matches), (&y.areas, &y.matches), "{a} / {b}");
        assert!(!x.areas.is_empty() || !x.matches.is_empty(), "{a}: {x:?}");
        assert!(!x.corrected, "{a}");
    }
}

/// The councils and areas listed for a name shared by several places.
fn listed(answer: &Answer) -> Vec<(String, &str)> {
    answer
        .matches
        .iter()
        .map(|m| {
            (
                m.council
                    .map_or(m.name.clone(), |c| areas().councils()[c].name.clone()),
                areas().get(m.area).slug.as_str(),
            )
        })
        .collect()
}

#[test]
fn names_shared_by_several_places_list_every_one() {
    for (input, expected) in [
        (
            "St Ives",
            &[
                ("Cornwall", "devon-and-cornwall"),
                ("Huntingdonshire", "cambridgeshire"),
            ][..],
        ),
        (
            "Stratford",
            &[
                ("Newham", "metropolitan"),
                ("Stratford-on-Avon", "warwickshire"),
            ],
        ),
        (
            "Richmond",
            &[
                ("Richmond upon Thames", "metropolitan"),
                ("North Yorkshire", "north-yorkshire"),
            ],
        ),
        (
            "Newcastle",
            &[
                ("Newcastle upon Tyne", "northumbria"),
                ("Newcastle-under-Lyme", "staffordshire"),
            ],
        ),
    ] {
        let answer = areas().lookup(input);
        assert_eq!(answer.note, Some(Note::Several), "{input}: {answer:?}");
        let listed = listed(&answer);
        for (council, slug) in expected {
            assert!(
                listed.contains(&(council.to_string(), slug)),
                "{input}: {council} ({slug}) in {listed:?}"
            );
        }
    }
}

#[test]
fn countries_and_regions_list_their_police_areas() {
    for (input, expected) in [
        (
            "Wales",
            &["dyfed-powys", "gwent", "north-wales", "south-wales"][..],
        ),
        (
            "Cymru",
            &["dyfed-powys", "gwent", "north-wales", "south-wales"],
        ),
        ("London", &["metropolitan", "city-of-london"]),
        ("Llundain", &["metropolitan", "city-of-london"]),
    ] {
        let answer = areas().lookup(input);
        assert_eq!(answer.note, Some(Note::Region), "{input}: {answer:?}");
        assert!(answer.areas.is_empty(), "{input}: never one area");
        let areas_listed: Vec<&str> = answer
            .matches
            .iter()
            .filter(|m| m.kind == rj::areas::MatchKind::Area)
            .map(|m| areas().get(m.area).slug.as_str())
            .collect();
        let mut sorted = areas_listed.clone();
        sorted.sort();
        let mut want = expected.to_vec();
        want.sort();
        assert_eq!(sorted, want, "{input}");
    }
    // The village of Wales, near Sheffield, is listed too.
    assert!(
        listed(&areas().lookup("Wales")).contains(&("Rotherham".to_string(), "south-yorkshire"))
    );
    let answer = areas().lookup("Cymru");
    assert_eq!(
        describe::message(&answer, areas(), "Cymru", Lang::Cy).as_deref(),
        Some("Mae mwy nag un ardal heddlu yma. Dewiswch eich un chi.")
    );
}

#[test]
fn force_names_and_the_finders_own_labels_find_their_area() {
    for (input, slug) in [
        ("Kent Police", "kent"),
        ("South Wales Police", "south-wales"),
        ("Heddlu De Cymru", "south-wales"),
        ("Heddlu Gogledd Cymru", "north-wales"),
        ("Dyfed-Powys Police", "dyfed-powys"),
        ("Avon and Somerset Constabulary", "avon-and-somerset"),
        ("Hampshire Constabulary", "hampshire"),
        ("Metropolitan Police Service", "metropolitan"),
        ("Heddlu Dyfed-Powys", "dyfed-powys"),
        ("Newport, Isle of Wight", "hampshire"),
        (
            "Newport, Isle of Wight (Hampshire and Isle of Wight)",
            "hampshire",
        ),
        ("Richmond, North Yorkshire", "north-yorkshire"),
        ("Newport, Casnewydd", "gwent"),
        ("Trefdraeth, Sir Benfro (Dyfed-Powys)", "dyfed-powys"),
    ] {
        let answer = areas().lookup(input);
        assert_eq!(slugs(&answer), [slug], "{input}: {answer:?}");
        assert!(!answer.corrected, "{input}");
    }
}

#[test]
fn welsh_names_of_places_find_them() {
    for (input, slug) in [
        ("Treforys", "south-wales"),
        ("Penarlâg", "north-wales"),
        ("Penarlag", "north-wales"),
        ("Cil-y-coed", "gwent"),
        ("Yr Orsedd", "north-wales"),
        ("Trefyclo", "dyfed-powys"),
        ("Crucywel", "dyfed-powys"),
        ("Bryste", "avon-and-somerset"),
        ("Lerpwl", "merseyside"),
        ("Henffordd", "west-mercia"),
        ("Amwythig", "west-mercia"),
    ] {
        let answer = areas().lookup(input);
        assert_eq!(slugs(&answer), [slug], "{input}: {answer:?}");
    }
    let answer = areas().lookup("Rossett");
    assert_eq!(answer.matches[0].name_cy, "Yr Orsedd");
}

#[test]
fn places_of_500_people_and_more_are_found() {
    for (input, slug) in [
        ("Ludgershall", "wiltshire"),
        ("Dulverton", "avon-and-somerset"),
        ("Porlock", "avon-and-somerset"),
        ("Crickhowell", "dyfed-powys"),
        ("Talgarth", "dyfed-powys"),
    ] {
        let answer = areas().lookup(input);
        assert!(
            slugs(&answer) == [slug]
                || answer
                    .matches
                    .iter()
                    .any(|m| areas().get(m.area).slug == slug),
            "{input}: {answer:?}"
        );
    }
}

#[test]
fn a_welsh_town_whose_nearest_postcode_is_in_england_is_in_wales() {
    for input in ["Knighton", "Trefyclo"] {
        let answer = areas().lookup(input);
        assert_eq!(slugs(&answer), ["dyfed-powys"], "{input}: {answer:?}");
        assert_eq!(answer.note, Some(Note::NearBoundary), "{input}");
        let m = &answer.matches[0];
        assert_eq!(areas().councils()[m.council.unwrap()].name, "Powys");
        // The boundary note's other area is the English one over the border.
        assert!(
            m.near
                .iter()
                .any(|&id| areas().get(id).slug == "west-mercia"),
            "{input}: {m:?}"
        );
    }
    assert_eq!(
        describe::message(&areas().lookup("Knighton"), areas(), "Knighton", Lang::Cy).as_deref(),
        Some(
            "Mae Trefyclo yn agos at ffin ardal Dyfed-Powys. I fod yn siŵr, rhowch eich cod post."
        )
    );
}

#[test]
fn old_postcodes_answer_with_their_area_and_a_note() {
    for (input, slug) in [
        ("CF1 1AA", "south-wales"),
        ("NPT 0AD", "gwent"),
        ("npt0ad", "gwent"),
        ("SO4 0AA", "hampshire"),
        ("WD2 1AA", "hertfordshire"),
        ("S31 0AA", "south-yorkshire"),
        ("CF10 1AN", "south-wales"),
    ] {
        let answer = areas().lookup(input);
        assert_eq!(answer.kind, Kind::Postcode, "{input}");
        assert_eq!(slugs(&answer), [slug], "{input}");
        assert_eq!(answer.note, Some(Note::Terminated), "{input}");
        assert!(answer.terminated());
        assert_eq!(
            areas()
                .postcode_area(input)
                .map(|id| areas().get(id).slug.as_str()),
            Some(slug)
        );
    }
    let answer = areas().lookup("CF1 1AA");
    assert_eq!(
        describe::message(&answer, areas(), "CF1 1AA", Lang::En).as_deref(),
        Some("The postcode CF1 1AA is no longer used, or it is very new. It is in South Wales.")
    );
    assert_eq!(
        describe::message(&answer, areas(), "CF1 1AA", Lang::Cy).as_deref(),
        Some(
            "Dydy'r cod post CF1 1AA ddim yn cael ei ddefnyddio mwyach, neu mae'n newydd iawn. \
             Mae'r cod post yn ardal De Cymru."
        )
    );
    // A live postcode is not marked.
    assert!(!areas().lookup("CF10 1AA").terminated());
    // An old district with no live postcode still answers for its part.
    let district = areas().lookup("CF1");
    assert_eq!(
        (district.kind, slugs(&district)),
        (Kind::District, vec!["south-wales"])
    );
}

#[test]
fn a_table_built_for_other_areas_is_reported_as_such() {
    let mut table = include_bytes!("../../data/postcodes.bin").to_vec();
    // The first area code follows the magic number, version and area count.
    assert_eq!(&table[8..17], areas().all()[0].code.as_bytes());
    table[8..17].copy_from_slice(b"E23999999");
    let err = Areas::from_parts(
        include_str!("../../data/areas.toml"),
        include_str!("../../data/councils.csv"),
        &table,
        include_str!("../../data/places.csv"),
    )
    .err()
    .expect("a mismatch is an error");
    assert!(matches!(err, DataError::TableAreas), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("data/postcodes.bin"), "{message}");
    assert!(!message.contains("councils.csv"), "{message}");
}

#[test]
fn partial_postcodes_give_shares() {
    let sector = areas().lookup("CF10 1");
    assert_eq!(sector.kind, Kind::Sector);
    assert_eq!(slugs(&sector), ["south-wales"]);

    let district = areas().lookup("SY10");
    assert_eq!(district.kind, Kind::District);
    assert_eq!(slugs(&district)[..2], ["west-mercia", "dyfed-powys"]);
    assert_eq!(district.note, Some(Note::Spans));
    let (west_mercia, dyfed_powys) = (district.areas[0].1, district.areas[1].1);
    assert!((0.7..0.76).contains(&west_mercia), "{west_mercia}");
    assert!((0.24..0.3).contains(&dyfed_powys), "{dyfed_powys}");
    assert!((district.areas.iter().map(|a| a.1).sum::<f64>() - 1.0).abs() < 1e-9);
}

#[test]
fn an_unknown_postcode_falls_back_to_its_sector() {
    // Find a unit in CF10 1 that is not a live postcode.
    let mut fallback = None;
    for a in 'A'..='Z' {
        for b in 'A'..='Z' {
            let candidate = format!("CF10 1{a}{b}");
            let answer = areas().lookup(&candidate);
            if answer.kind != Kind::Postcode {
                fallback = Some(answer);
                break;
            }
        }
        if fallback.is_some() {
            break;
        }
    }
    let answer = fallback.expect("some unit of CF10 1 is not live");
    assert_eq!(answer.kind, Kind::Sector);
    assert_eq!(
        answer.note,
        Some(Note::NotLive {
            fell_back_to: "CF10 1".into()
        })
    );
    assert_eq!(slugs(&answer), ["south-wales"]);
}

#[test]
fn outside_england_and_wales() {
    for (input, elsewhere) in [
        ("EH1", Elsewhere::Scotland),
        ("G1 1", Elsewhere::Scotland),
        ("BT1 1AA", Elsewhere::NorthernIreland),
        ("IM1 1AA", Elsewhere::IsleOfMan),
        ("JE2 3AB", Elsewhere::ChannelIslands),
        ("GY1 1AA", Elsewhere::ChannelIslands),
        ("BFPO 105", Elsewhere::ForcesAbroad),
    ] {
        let answer = areas().lookup(input);
        assert_eq!(answer.kind, Kind::Outside, "{input}");
        assert_eq!(answer.note, Some(Note::Outside(elsewhere)), "{input}");
        assert!(answer.areas.is_empty(), "{input}");
    }
}

#[test]
fn a_border_district_counts_its_scottish_part() {
    let answer = areas().lookup("TD15");
    assert_eq!(answer.kind, Kind::District);
    assert_eq!(slugs(&answer)[0], "northumbria");
    assert_eq!(answer.note, Some(Note::Spans));
    assert!(
        answer.areas.iter().map(|a| a.1).sum::<f64>() < 1.0,
        "the rest is in Scotland"
    );
}

#[test]
fn councils_and_areas_by_name_in_both_languages() {
    for (input, kind, slug) in [
        ("Cardiff", Kind::Council, "south-wales"),
        ("Caerdydd", Kind::Council, "south-wales"),
        ("caerd", Kind::Council, "south-wales"),
        (
            "Bath and North East Somerset",
            Kind::Council,
            "avon-and-somerset",
        ),
        (
            "bath & north east somerset",
            Kind::Council,
            "avon-and-somerset",
        ),
        ("Ynys Mon", Kind::Council, "north-wales"),
        ("Sir Benfro", Kind::Council, "dyfed-powys"),
        ("South Wales", Kind::Area, "south-wales"),
        ("De Cymru", Kind::Area, "south-wales"),
        ("Somerset", Kind::Council, "avon-and-somerset"),
        ("West Mercia", Kind::Area, "west-mercia"),
    ] {
        let answer = areas().lookup(input);
        assert_eq!((answer.kind, slugs(&answer)), (kind, vec![slug]), "{input}");
    }
}

#[test]
fn towns_and_villages_by_name() {
    for (input, slug) in [
        ("Bangor", "north-wales"), // the other Bangor is in Northern Ireland
        ("bangor", "north-wales"),
        ("Hay-on-Wye", "dyfed-powys"),
        ("hay on wye", "dyfed-powys"),
        ("Y Gelli Gandryll", "dyfed-powys"),
        ("Y Fenni", "gwent"),
        ("Abergavenny", "gwent"),
        ("St Davids", "dyfed-powys"),
        ("Saint David's", "dyfed-powys"),
        ("Stocksbridge", "south-yorkshire"),
        ("Houghton-le-Spring", "northumbria"),
    ] {
        let answer = areas().lookup(input);
        assert_eq!(slugs(&answer), [slug], "{input}: {answer:?}");
        assert!(
            matches!(answer.kind, Kind::Place | Kind::Council),
            "{input}"
        );
    }
    // A place named like its council is that council.
    for council in areas().councils() {
        let answer = areas().lookup(&council.name);
        assert!(
            answer.single() == Some(council.area)
                || answer.matches.iter().any(|m| m.area == council.area),
            "{}: {answer:?}",
            council.name
        );
    }
}

#[test]
fn a_name_shared_by_places_in_several_areas_lists_each_with_its_council() {
    let answer = areas().lookup("Newport");
    assert_eq!(answer.note, Some(Note::Several));
    let listed: Vec<(&str, &str)> = answer
        .matches
        .iter()
        .map(|m| {
            (
                m.council
                    .map_or(m.name.as_str(), |c| areas().councils()[c].name.as_str()),
                areas().get(m.area).slug.as_str(),
            )
        })
        .collect();
    for expected in [
        ("Newport", "gwent"),
        ("Telford and Wrekin", "west-mercia"),
        ("Pembrokeshire", "dyfed-powys"),
        ("Isle of Wight", "hampshire"),
    ] {
        assert!(listed.contains(&expected), "{expected:?} in {listed:?}");
    }
    // In Welsh, the Pembrokeshire one has its Welsh name.
    assert!(answer.matches.iter().any(|m| m.name_cy == "Trefdraeth"));
}

#[test]
fn a_place_near_a_boundary_says_so() {
    let answer = areas().lookup("Hay-on-Wye");
    assert_eq!(answer.note, Some(Note::NearBoundary));
    assert_eq!(
        describe::message(&answer, areas(), "Hay-on-Wye", Lang::En).as_deref(),
        Some("Hay is near the edge of Dyfed-Powys. To be sure, enter your postcode.")
    );
    assert_eq!(
        describe::message(&answer, areas(), "Hay-on-Wye", Lang::Cy).as_deref(),
        Some(
            "Mae'r Gelli Gandryll yn agos at ffin ardal Dyfed-Powys. I fod yn siŵr, rhowch \
             eich cod post."
        )
    );
    // G2 of the Welsh review: the article joins the verb.
    let answer = areas().lookup("Chirk");
    assert_eq!(answer.note, Some(Note::NearBoundary));
    assert!(
        describe::message(&answer, areas(), "Chirk", Lang::Cy)
            .unwrap()
            .starts_with("Mae'r Waun yn agos at ffin ardal Gogledd Cymru.")
    );
    assert!(
        describe::message(&answer, areas(), "Chirk", Lang::En)
            .unwrap()
            .starts_with("Chirk is near the edge of North Wales.")
    );
    assert_eq!(areas().lookup("Bangor").note, None);
}

#[test]
fn ambiguous_names_offer_a_few_candidates() {
    let answer = areas().lookup("North");
    assert_eq!(answer.note, Some(Note::Several));
    assert!(answer.areas.is_empty());
    assert!(answer.matches.len() > 1 && answer.matches.len() <= rj::areas::MAX_MATCHES);
}

#[test]
fn nonsense_is_invalid_or_unknown() {
    assert_eq!(areas().lookup("").kind, Kind::Invalid);
    assert_eq!(areas().lookup("CF10 1A").kind, Kind::Invalid);
    assert_eq!(areas().lookup("12345").kind, Kind::Invalid);
    let answer = areas().lookup("Xyzzyville");
    assert_eq!(
        (answer.kind, answer.note),
        (Kind::Unknown, Some(Note::NoMatch))
    );
    let answer = areas().lookup("QQ1 1AA");
    assert_eq!(answer.kind, Kind::Unknown);
}

/// Where proptest keeps the failures it found: `lookup.proptest-regressions` beside this
/// file. (Its default looks for the nearest `main.rs` and would pick
/// `tests/proptest-regressions/lookup.txt`, since `tests/app/main.rs` exists.)
fn regressions() -> Option<Box<dyn proptest::test_runner::FailurePersistence>> {
    Some(Box::new(
        proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
    ))
}

mod parser_never_panics {
    use proptest::prelude::*;
    use rj::areas::postcode::Query;

    proptest! {
        #![proptest_config(ProptestConfig {
            failure_persistence: super::regressions(),
            ..ProptestConfig::default()
        })]
        #[test]
        fn any_string(s in "\\PC{0,40}") {
            let _ = Query::parse(&s);
            let _ = super::areas().lookup(&s);
        }

        #[test]
        fn postcode_like_strings(s in "[A-Za-z0-9 ]{0,12}") {
            let _ = super::areas().lookup(&s);
        }

        #[test]
        fn valid_postcodes_round_trip(
            a in "[A-Z]{1,2}", d in 0u8..=99, s in 0u8..=9, u in "[A-Z]{2}"
        ) {
            let written = format!("{a}{d} {s}{u}");
            match Query::parse(&written) {
                Query::Full(p) => prop_assert_eq!(p.to_string(), written),
                other => prop_assert!(false, "{written}: {other:?}"),
            }
        }
    }
}

#[path = "../../fuzz/checks.rs"]
mod fuzz_checks;

/// The fuzz targets' checks (`fuzz/checks.rs`, the same functions `make fuzz` runs),
/// over every seed and every input a fuzzer once failed on, then over random bytes.
mod fuzz_replay {
    use super::fuzz_checks as checks;
    use proptest::prelude::*;
    use std::path::Path;

    /// The files of `fuzz/<folder>/<target>/`, if there are any.
    fn inputs(folder: &str, target: &str) -> Vec<(String, Vec<u8>)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(folder)
            .join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        entries
            .map(|e| e.unwrap().path())
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect()
    }

    #[test]
    fn seeds_and_regressions_pass_every_check() {
        for &(target, check) in checks::TARGETS {
            let seeds = inputs("seeds", target);
            assert!(!seeds.is_empty(), "fuzz/seeds/{target} has no seeds");
            for (name, data) in seeds.into_iter().chain(inputs("regressions", target)) {
                let outcome = std::panic::catch_unwind(|| check(&data));
                assert!(outcome.is_ok(), "{target} fails on {name}");
            }
        }
    }

    #[test]
    fn the_token_seed_is_a_token_that_checks() {
        let seed = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/token/issued"),
        )
        .unwrap();
        assert!(checks::is_issued_token(&seed));
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 200,
            failure_persistence: super::regressions(),
            ..ProptestConfig::default()
        })]
        #[test]
        fn random_bytes_pass_every_check(data in proptest::collection::vec(any::<u8>(), 0..300)) {
            for &(_, check) in checks::TARGETS {
                check(&data);
            }
        }

        #[test]
        fn random_text_passes_every_check(text in "\\PC{0,200}") {
            for &(_, check) in checks::TARGETS {
                check(text.as_bytes());
            }
        }
    }
}
