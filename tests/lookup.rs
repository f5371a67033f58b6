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
    // Letters and digits that look alike are not guessed: a wrong area is worse than
    // asking again.
    for input in ["CFI0 1AA", "CF1O 1AA", "CF10 IAA", "CF10 lAA", "CF10 1A4"] {
        let answer = areas().lookup(input);
        assert!(
            !matches!(answer.kind, Kind::Postcode | Kind::Sector | Kind::District),
            "{input}: {answer:?}"
        );
    }
    // O for 0 in a unit of a real sector: not a postcode, so the sector's answer.
    assert_eq!(areas().lookup("CF10 1AO").kind, Kind::Sector);
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
    let mut table = include_bytes!("../data/postcodes.bin").to_vec();
    // The first area code follows the magic number, version and area count.
    assert_eq!(&table[8..17], areas().all()[0].code.as_bytes());
    table[8..17].copy_from_slice(b"E23999999");
    let err = Areas::from_parts(
        include_str!("../data/areas.toml"),
        include_str!("../data/councils.csv"),
        &table,
        include_str!("../data/places.csv"),
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
            "Mae Y Gelli Gandryll yn agos at ffin ardal Dyfed-Powys. I fod yn siŵr, rhowch \
             eich cod post."
        )
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

mod parser_never_panics {
    use proptest::prelude::*;
    use rj::areas::postcode::Query;

    proptest! {
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

#[path = "../fuzz/checks.rs"]
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
        #![proptest_config(ProptestConfig::with_cases(200))]
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
