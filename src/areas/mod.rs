//! Police areas, the councils they cover, and finding a person's area from what they
//! type: a postcode (full or partial), a council, or an area's name.
//!
//! The data is embedded: `data/areas.toml` (written by hand), `data/councils.csv`,
//! `data/postcodes.bin` and `data/places.csv` (towns and villages, from GeoNames; all
//! built by `data/build.py`). Nothing typed leaves the server.

pub mod describe;
pub mod directory;
pub mod names;
pub mod postcode;
pub mod table;

use crate::i18n::Lang;
use postcode::Query;
use serde::Deserialize;
use table::{Found, PostcodeTable};

/// A police area, by its index in [`Areas::all`] (code order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AreaId(u8);

/// One of the 43 territorial police areas of England and Wales.
#[derive(Clone, Debug)]
pub struct PoliceArea {
    pub id: AreaId,
    /// ONS code, e.g. `W15000003`.
    pub code: String,
    /// The police.uk force id, used in URLs: `south-wales`.
    pub slug: String,
    pub name: String,
    pub name_cy: String,
    /// Indexes into [`Areas::councils`], by English name.
    pub councils: Vec<usize>,
}

impl PoliceArea {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name,
            Lang::Cy => &self.name_cy,
        }
    }

    pub fn in_wales(&self) -> bool {
        self.code.starts_with('W')
    }
}

/// A council (local authority district) and the area it is in.
#[derive(Clone, Debug)]
pub struct Council {
    pub code: String,
    /// The code ONS gave it in April 2025, if that differs (the NSPD uses it).
    pub recoded: Option<String>,
    pub name: String,
    pub name_cy: String,
    pub area: AreaId,
}

impl Council {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name,
            Lang::Cy => &self.name_cy,
        }
    }
}

/// What a lookup found, in the words of the API: `postcode`, `sector`, …
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Postcode,
    Sector,
    District,
    Council,
    Place,
    Area,
    Outside,
    Unknown,
    Invalid,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Postcode => "postcode",
            Kind::Sector => "sector",
            Kind::District => "district",
            Kind::Council => "council",
            Kind::Place => "place",
            Kind::Area => "area",
            Kind::Outside => "outside",
            Kind::Unknown => "unknown",
            Kind::Invalid => "invalid",
        }
    }
}

/// Somewhere outside England and Wales, with its own justice system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    Scotland,
    NorthernIreland,
    IsleOfMan,
    ChannelIslands,
    ForcesAbroad,
}

/// Something to tell the person about the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A partial postcode (or an unknown full one) that spans more than one area.
    Spans,
    /// A well-formed postcode that is not live; the answer is for its sector or district.
    NotLive { fell_back_to: String },
    /// A postcode that is not live in Code-Point Open but that the ONS directory lists
    /// with its council: nearly always a terminated postcode, rarely one created since.
    /// The answer is its own area.
    Terminated,
    /// Outside England and Wales.
    Outside(Elsewhere),
    /// A postcode (or part of one) that is nowhere in the data.
    NotFound,
    /// Several places match the name.
    Several,
    /// A town or village near the edge of its police area: the postcode is surer.
    NearBoundary,
    /// Nothing matches the name.
    NoMatch,
    /// A country or region ("Wales", "London", "England"): its police areas are listed
    /// (which one is in [`Answer::region`]).
    Region,
    /// Nothing was typed, or it cannot be a postcode or a name.
    Invalid,
}

/// A country or region that is several police areas, found by its name in English or
/// Welsh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    England,
    Wales,
    London,
}

/// What kind of place a name matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    Area,
    Council,
    /// A town or village (GeoNames), in a council.
    Place,
}

/// A place whose name matched.
#[derive(Clone, Debug, PartialEq)]
pub struct NameMatch {
    pub name: String,
    pub name_cy: String,
    pub area: AreaId,
    pub kind: MatchKind,
    /// For a town or village: its council's index in [`Areas::councils`], which tells
    /// apart places of the same name.
    pub council: Option<usize>,
    /// For a town or village: other police areas within 2 km of its centre.
    pub near: Vec<AreaId>,
}

/// The answer to a lookup.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub kind: Kind,
    /// Areas with the share of live postcodes (1.0 for an exact answer), largest first.
    pub areas: Vec<(AreaId, f64)>,
    pub note: Option<Note>,
    /// The postcode or part that was looked up, written properly (`CF10 1AA`, `SY10`).
    pub place: Option<String>,
    /// For a name search: what matched (empty otherwise).
    pub matches: Vec<NameMatch>,
    /// A slip was corrected: the answer is for what was probably meant (the postcode in
    /// `place`, or the names in `matches`), a suggestion the person should see as one.
    pub corrected: bool,
    /// For a postcode typed with a place's name ("Maidstone ME14 1XQ"): that place, when
    /// it is in the postcode's area.
    pub named: Option<NameMatch>,
    /// For a country or region's name ([`Note::Region`]): which.
    pub region: Option<Region>,
}

impl Answer {
    fn new(kind: Kind) -> Self {
        Self {
            kind,
            areas: Vec::new(),
            note: None,
            place: None,
            matches: Vec::new(),
            corrected: false,
            named: None,
            region: None,
        }
    }

    fn note(mut self, note: Note) -> Self {
        self.note = Some(note);
        self
    }

    /// A postcode that is no longer used (or too new for Code-Point Open): the API's
    /// `terminated` flag.
    pub fn terminated(&self) -> bool {
        self.note == Some(Note::Terminated)
    }

    /// The one area, when the answer is certain.
    pub fn single(&self) -> Option<AreaId> {
        match self.areas.as_slice() {
            [(id, _)] => Some(*id),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("data/areas.toml: {0}")]
    Areas(#[from] toml::de::Error),
    #[error("data/councils.csv: {0}")]
    Councils(String),
    #[error("data/places.csv: {0}")]
    Places(String),
    #[error("data/postcodes.bin: {0}")]
    Table(#[from] table::TableError),
    #[error(
        "data/postcodes.bin was built for other areas than data/areas.toml: rerun data/build.py"
    )]
    TableAreas,
}

#[derive(Deserialize)]
struct AreasFile {
    area: Vec<AreaSpec>,
}

#[derive(Deserialize)]
struct AreaSpec {
    code: String,
    slug: String,
    name: String,
    name_cy: String,
}

/// All areas and councils, the postcode table and the name index.
pub struct Areas {
    areas: Vec<PoliceArea>,
    councils: Vec<Council>,
    table: PostcodeTable,
    /// The table's area index for each of ours (the table also has Scotland).
    scotland: table::AreaIndex,
    /// What a name finds: areas, councils and places, indexed by [`names::Index`].
    targets: Vec<NameMatch>,
    index: names::Index,
    /// Countries and regions that are several police areas: (region, folded names,
    /// areas in the order they are listed).
    regions: Vec<(Region, Vec<&'static str>, Vec<AreaId>)>,
}

/// At most this many places are offered for a name that only starts like theirs, or
/// that is misspelt.
pub const MAX_MATCHES: usize = 6;
/// At most this many places of exactly the typed name (every Newport, every Richmond).
pub const MAX_EXACT: usize = 12;

impl Areas {
    /// Loads the data embedded in the binary.
    pub fn embedded() -> Result<Self, DataError> {
        Self::from_parts(
            include_str!("../../data/areas.toml"),
            include_str!("../../data/councils.csv"),
            include_bytes!("../../data/postcodes.bin"),
            include_str!("../../data/places.csv"),
        )
    }

    pub fn from_parts(
        areas_toml: &str,
        councils_csv: &str,
        table: &[u8],
        places_csv: &str,
    ) -> Result<Self, DataError> {
        let file: AreasFile = toml::from_str(areas_toml)?;
        let mut specs = file.area;
        specs.sort_by(|a, b| a.code.cmp(&b.code));
        let mut areas: Vec<PoliceArea> = specs
            .into_iter()
            .enumerate()
            .map(|(i, s)| PoliceArea {
                id: AreaId(i as u8),
                code: s.code,
                slug: s.slug,
                name: s.name,
                name_cy: s.name_cy,
                councils: Vec::new(),
            })
            .collect();

        let mut councils = Vec::new();
        let mut reader = csv::Reader::from_reader(councils_csv.as_bytes());
        for record in reader.records() {
            let r = record.map_err(|e| DataError::Councils(e.to_string()))?;
            let area = areas
                .iter()
                .find(|a| a.code == r[3])
                .ok_or_else(|| DataError::Councils(format!("unknown area {}", &r[3])))?
                .id;
            councils.push(Council {
                code: r[0].into(),
                recoded: r.get(4).filter(|c| !c.is_empty()).map(String::from),
                name: r[1].into(),
                name_cy: r[2].into(),
                area,
            });
        }
        councils.sort_by(|a, b| a.name.cmp(&b.name));
        for (i, c) in councils.iter().enumerate() {
            areas[usize::from(c.area.0)].councils.push(i);
        }

        let table = PostcodeTable::from_bytes(table)?;
        let ours: Vec<&str> = areas.iter().map(|a| a.code.as_str()).collect();
        let theirs = table.area_codes();
        if theirs.len() != ours.len() + 1 || theirs[..ours.len()] != ours[..] {
            return Err(DataError::TableAreas);
        }

        let mut targets: Vec<NameMatch> = Vec::new();
        let mut entries: Vec<names::Entry> = Vec::new();
        fn add_names(
            entries: &mut Vec<names::Entry>,
            target: u32,
            names: &[&str],
            exact_only: bool,
        ) {
            for n in names.iter().filter(|n| !n.is_empty()) {
                entries.push(names::Entry {
                    key: names::fold(n).into(),
                    target,
                    exact_only,
                });
            }
        }
        let mut add = |entries: &mut Vec<names::Entry>,
                       matched: NameMatch,
                       names: &[&str],
                       exact_only: &[&str]| {
            let target = targets.len() as u32;
            targets.push(matched);
            add_names(entries, target, names, false);
            add_names(entries, target, exact_only, true);
        };
        for a in &areas {
            let matched = NameMatch {
                name: a.name.clone(),
                name_cy: a.name_cy.clone(),
                area: a.id,
                kind: MatchKind::Area,
                council: None,
                near: Vec::new(),
            };
            add(&mut entries, matched, &[&a.name, &a.name_cy], &[]);
        }
        // The target of each council's own entry, by council index.
        let council_targets: Vec<u32> = (0..councils.len())
            .map(|i| (areas.len() + i) as u32)
            .collect();
        for c in &councils {
            let matched = NameMatch {
                name: c.name.clone(),
                name_cy: c.name_cy.clone(),
                area: c.area,
                kind: MatchKind::Council,
                council: None,
                near: Vec::new(),
            };
            add(&mut entries, matched, &[&c.name, &c.name_cy], &[]);
        }
        let mut reader = csv::Reader::from_reader(places_csv.as_bytes());
        for record in reader.records() {
            let r = record.map_err(|e| DataError::Places(e.to_string()))?;
            let problem = |what: &str| DataError::Places(format!("{}: {what}", &r[0]));
            let council = councils
                .iter()
                .position(|c| c.code == r[4])
                .ok_or_else(|| problem("unknown council"))?;
            // A place named like its council is the council's own entry, which takes
            // the place's other names ("Bryste" for Bristol).
            if names::fold(&r[0]) == names::fold(&councils[council].name) {
                let target = council_targets[council];
                add_names(
                    &mut entries,
                    target,
                    &r[2].split(';').collect::<Vec<_>>(),
                    false,
                );
                add_names(
                    &mut entries,
                    target,
                    &r[3].split(';').collect::<Vec<_>>(),
                    true,
                );
                continue;
            }
            // Scotland (S92000003) is no police area of ours: a place near it alone
            // (Norham) is not called near a boundary.
            let near = r[5]
                .split(';')
                .filter(|code| !code.is_empty() && !code.starts_with('S'))
                .map(|code| {
                    areas
                        .iter()
                        .find(|a| a.code == code)
                        .map(|a| a.id)
                        .ok_or_else(|| problem("unknown area"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let matched = NameMatch {
                name: r[0].into(),
                name_cy: r[1].into(),
                area: councils[council].area,
                kind: MatchKind::Place,
                council: Some(council),
                near,
            };
            let typed: Vec<&str> = [&r[0], &r[1]].into_iter().chain(r[2].split(';')).collect();
            let alternates: Vec<&str> = r[3].split(';').collect();
            add(&mut entries, matched, &typed, &alternates);
        }
        let index = names::Index::new(entries);
        let slugs = |slugs: &[&str]| -> Vec<AreaId> {
            areas
                .iter()
                .filter(|a| slugs.contains(&a.slug.as_str()))
                .map(|a| a.id)
                .collect()
        };
        let country = |wales: bool| -> Vec<AreaId> {
            let mut these: Vec<&PoliceArea> =
                areas.iter().filter(|a| a.in_wales() == wales).collect();
            // England's areas are a long list: in alphabetical order (of the English
            // names, as one answer serves both languages), to be scanned for one's own.
            these.sort_by(|a, b| a.name.cmp(&b.name));
            these.into_iter().map(|a| a.id).collect()
        };
        let regions = vec![
            (Region::Wales, vec!["wales", "cymru"], country(true)),
            (Region::England, vec!["england", "lloegr"], country(false)),
            (
                Region::London,
                vec!["london", "llundain", "greater london"],
                slugs(&["metropolitan", "city-of-london"]),
            ),
        ];

        Ok(Self {
            scotland: ours.len() as u8,
            areas,
            councils,
            table,
            targets,
            index,
            regions,
        })
    }

    pub fn all(&self) -> &[PoliceArea] {
        &self.areas
    }

    pub fn get(&self, id: AreaId) -> &PoliceArea {
        &self.areas[usize::from(id.0)]
    }

    pub fn by_slug(&self, slug: &str) -> Option<&PoliceArea> {
        self.areas.iter().find(|a| a.slug == slug)
    }

    pub fn councils(&self) -> &[Council] {
        &self.councils
    }

    pub fn table(&self) -> &PostcodeTable {
        &self.table
    }

    /// The area of a full postcode (live or not) written in any case or spacing: the hot
    /// path, which never allocates. `None` for anything else (use [`Areas::lookup`]).
    pub fn postcode_area(&self, input: &str) -> Option<AreaId> {
        match Query::parse(input) {
            Query::Full(postcode) => match self.table.find(&postcode) {
                Found::Postcode(a) | Found::NotLive(a) if a != self.scotland => Some(AreaId(a)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Answers what a person typed in the one search box.
    pub fn lookup(&self, input: &str) -> Answer {
        match Query::parse(input) {
            Query::Empty => Answer::new(Kind::Invalid).note(Note::Invalid),
            Query::Full(postcode) => {
                if let Some(elsewhere) = elsewhere_by_letters(postcode.outward.area()) {
                    return outside(elsewhere);
                }
                let place = postcode.to_string();
                let found = self.table.find(&postcode);
                if !matches!(found, Found::Postcode(_) | Found::NotLive(_))
                    && let Some(answer) = self.look_alike(input)
                {
                    return answer;
                }
                let answer = match found {
                    Found::Postcode(a) => self.answer_from_counts(Kind::Postcode, &[(a, 1)]),
                    Found::NotLive(a) => {
                        let answer = self.answer_from_counts(Kind::Postcode, &[(a, 1)]);
                        match answer.kind {
                            Kind::Outside => answer,
                            _ => answer.note(Note::Terminated),
                        }
                    }
                    Found::InSector(s) => {
                        let sector = format!("{} {}", postcode.outward.as_str(), postcode.sector);
                        self.answer_from_counts(Kind::Sector, self.table.sector_counts(s))
                            .with_fallback(sector)
                    }
                    Found::InDistrict(d) => self
                        .answer_from_counts(Kind::District, self.table.district_counts(d))
                        .with_fallback(postcode.outward.as_str().to_string()),
                    Found::Nowhere => Answer::new(Kind::Unknown).note(Note::NotFound),
                };
                answer.at(place)
            }
            Query::Sector(outward, digit) => {
                if let Some(elsewhere) = elsewhere_by_letters(outward.area()) {
                    return outside(elsewhere);
                }
                let place = format!("{} {digit}", outward.as_str());
                let found = self
                    .table
                    .district(&outward)
                    .map(|d| (d, self.table.sector(d, digit)));
                match found {
                    Some((_, Some(s))) => {
                        self.answer_from_counts(Kind::Sector, self.table.sector_counts(s))
                    }
                    Some((d, None)) => self
                        .answer_from_counts(Kind::District, self.table.district_counts(d))
                        .with_fallback(outward.as_str().to_string()),
                    None => Answer::new(Kind::Unknown).note(Note::NotFound),
                }
                .at(place)
            }
            Query::District(outward) => {
                if let Some(elsewhere) = elsewhere_by_letters(outward.area()) {
                    return outside(elsewhere);
                }
                match self.table.district(&outward) {
                    Some(d) => {
                        self.answer_from_counts(Kind::District, self.table.district_counts(d))
                    }
                    None => Answer::new(Kind::Unknown).note(Note::NotFound),
                }
                .at(outward.as_str().to_string())
            }
            Query::Bfpo => outside(Elsewhere::ForcesAbroad),
            Query::Girobank => Answer::new(Kind::Unknown)
                .note(Note::NotFound)
                .at("GIR 0AA".into()),
            Query::Text(text) => {
                if let Some(answer) = self.look_alike(text) {
                    return answer;
                }
                if Query::looks_like_postcode(text) {
                    return Answer::new(Kind::Invalid).note(Note::Invalid);
                }
                if let Some(answer) = self.postcode_within(text) {
                    return answer;
                }
                self.by_name(text)
            }
        }
    }

    /// Areas and their shares from live-postcode counts (table indexes, most first).
    fn answer_from_counts(&self, kind: Kind, counts: &[(table::AreaIndex, u32)]) -> Answer {
        let total: u32 = counts.iter().map(|(_, n)| n).sum();
        let scotland = counts
            .iter()
            .find(|(a, _)| *a == self.scotland)
            .map_or(0, |(_, n)| *n);
        if total > 0 && scotland == total {
            return outside(Elsewhere::Scotland);
        }
        let mut answer = Answer::new(kind);
        answer.areas = counts
            .iter()
            .filter(|(a, _)| *a != self.scotland)
            .map(|&(a, n)| (AreaId(a), f64::from(n) / f64::from(total)))
            .collect();
        if answer.areas.len() > 1 || scotland > 0 {
            answer.note = Some(Note::Spans);
        }
        answer
    }

    /// Answers a name: a label the finder offered, typed back ("Newport, Isle of
    /// Wight"); a country or region; a whole name, or the start of one; a force's name
    /// ("Kent Police", "Heddlu De Cymru"); and, when nothing else matches, a misspelt
    /// name (marked as corrected).
    fn by_name(&self, text: &str) -> Answer {
        let query = names::fold(text);
        if query.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return Answer::new(Kind::Invalid).note(Note::Invalid);
        }
        if let Some(answer) = self.by_label(text) {
            return answer;
        }
        if let Some((region, _, listed)) = self
            .regions
            .iter()
            .find(|(_, n, _)| n.contains(&query.as_str()))
        {
            let mut answer = self.region(&query, listed);
            answer.region = Some(*region);
            return answer;
        }
        let mut hits = self.index.find(&query);
        if hits.is_empty()
            && let Some(force) = without_force_words(&query)
        {
            // The force's area ("Hampshire Constabulary" is Hampshire and Isle of
            // Wight's, "Metropolitan Police Service" the Metropolitan Police's), or a
            // council of exactly that name.
            hits = self.index.find(force);
            let area = |h: &names::Hit| self.targets[h.target as usize].kind == MatchKind::Area;
            if hits.iter().any(area) {
                hits.retain(area);
            } else {
                hits.retain(|h| h.closeness == names::Closeness::Exact);
            }
        }
        let mut corrected = false;
        if hits.is_empty() {
            hits = self
                .index
                .fuzzy(&query)
                .into_iter()
                .map(|(_, h)| h)
                .collect();
            corrected = !hits.is_empty();
        }
        hits.sort_by_key(|h| (h.closeness, h.key_len, h.target));
        let exact = !corrected
            && hits
                .first()
                .is_some_and(|h| h.closeness <= names::Closeness::Qualified);
        let mut matches: Vec<NameMatch> = Vec::new();
        for h in hits {
            let m = &self.targets[h.target as usize];
            if !matches.contains(m) {
                matches.push(m.clone());
            }
        }
        let mut answer = self.answer_for(matches, exact);
        answer.corrected = corrected && answer.kind != Kind::Unknown;
        answer
    }

    /// The answer for the places a name matched: one area, or the places to choose from.
    fn answer_for(&self, mut matches: Vec<NameMatch>, exact: bool) -> Answer {
        let mut answer = Answer::new(if matches.iter().all(|m| m.kind == MatchKind::Area) {
            Kind::Area
        } else if matches.iter().any(|m| m.kind == MatchKind::Council) {
            Kind::Council
        } else {
            Kind::Place
        });
        let mut distinct: Vec<AreaId> = matches.iter().map(|m| m.area).collect();
        distinct.sort();
        distinct.dedup();
        match distinct.as_slice() {
            [] => return Answer::new(Kind::Unknown).note(Note::NoMatch),
            [one] => {
                answer.areas = vec![(*one, 1.0)];
                if answer.kind == Kind::Place && matches.iter().any(|m| !m.near.is_empty()) {
                    answer.note = Some(Note::NearBoundary);
                }
            }
            _ => {
                answer.note = Some(Note::Several);
                matches.truncate(if exact { MAX_EXACT } else { MAX_MATCHES });
            }
        }
        answer.matches = matches;
        answer
    }

    /// "Wales", "Cymru", "England", "Lloegr", "London", "Llundain": the region's police
    /// areas, and any place of that name elsewhere (the village of Wales near Sheffield).
    fn region(&self, query: &str, region: &[AreaId]) -> Answer {
        let mut matches: Vec<NameMatch> = region
            .iter()
            .map(|&id| {
                let a = self.get(id);
                NameMatch {
                    name: a.name.clone(),
                    name_cy: a.name_cy.clone(),
                    area: id,
                    kind: MatchKind::Area,
                    council: None,
                    near: Vec::new(),
                }
            })
            .collect();
        for h in self.index.find(query) {
            let m = &self.targets[h.target as usize];
            if h.closeness == names::Closeness::Exact && !region.contains(&m.area) {
                matches.push(m.clone());
            }
        }
        let mut answer = Answer::new(Kind::Area).note(Note::Region);
        answer.matches = matches;
        answer
    }

    /// One of the finder's own labels typed back, or a name with its council, county or
    /// area after a comma: "Newport, Isle of Wight", "Richmond, North Yorkshire",
    /// "Newport, Isle of Wight (Hampshire and Isle of Wight)".
    fn by_label(&self, text: &str) -> Option<Answer> {
        let (name, rest) = text.split_once([',', '('])?;
        let qualifiers: Vec<String> = rest
            .split([',', '(', ')'])
            .map(names::fold)
            .filter(|q| !q.is_empty())
            .collect();
        if qualifiers.is_empty() {
            return None;
        }
        let named = |m: &NameMatch, q: &str| {
            let area = self.get(m.area);
            let council = m.council.map(|c| &self.councils[c]);
            [Some(&area.name), Some(&area.name_cy)]
                .into_iter()
                .chain(
                    [&m.name, &m.name_cy]
                        .into_iter()
                        .filter(|_| m.kind == MatchKind::Council)
                        .map(Some),
                )
                .chain([council.map(|c| &c.name), council.map(|c| &c.name_cy)])
                .flatten()
                .any(|n| names::fold(n).starts_with(q))
        };
        let mut matches: Vec<NameMatch> = Vec::new();
        for h in self.index.find(&names::fold(name)) {
            let m = &self.targets[h.target as usize];
            if h.closeness == names::Closeness::Exact
                && qualifiers.iter().all(|q| named(m, q))
                && !matches.contains(m)
            {
                matches.push(m.clone());
            }
        }
        (!matches.is_empty()).then(|| self.answer_for(matches, true))
    }

    /// A full postcode inside other words ("Maidstone ME14 1XQ"): its answer, with the
    /// place named beside it when that place is in the postcode's area.
    fn postcode_within(&self, text: &str) -> Option<Answer> {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        for len in [2, 1] {
            for (i, pair) in words.windows(len).enumerate() {
                let candidate = pair.join(" ");
                if !matches!(Query::parse(&candidate), Query::Full(_)) {
                    continue;
                }
                let mut answer = self.lookup(&candidate);
                let rest: Vec<&str> = words[..i]
                    .iter()
                    .chain(&words[i + len..])
                    .copied()
                    .collect();
                if !rest.is_empty() {
                    let named = self.by_name(&rest.join(" "));
                    let area = answer.single();
                    answer.named = named.matches.into_iter().find(|m| {
                        !named.corrected && Some(m.area) == area && m.kind != MatchKind::Area
                    });
                }
                return Some(answer);
            }
        }
        None
    }

    /// A postcode with a letter O or I where a digit belongs, or a 0 or 1 where a letter
    /// does ("CF1O 1AA"): the real postcode it gives, if exactly one area's.
    fn look_alike(&self, input: &str) -> Option<Answer> {
        let mut found: Vec<(postcode::Postcode, table::AreaIndex)> = Vec::new();
        for p in postcode::look_alikes(input) {
            if let Found::Postcode(a) | Found::NotLive(a) = self.table.find(&p)
                && !found.iter().any(|f| f.0 == p)
            {
                found.push((p, a));
            }
        }
        // Two real postcodes in different areas: no guess.
        let (first, rest) = found.split_first()?;
        if rest.iter().any(|f| f.1 != first.1) {
            return None;
        }
        let mut answer = self.lookup(&first.0.to_string());
        answer.corrected = true;
        Some(answer)
    }

    /// Bytes held by the name index and what it finds, roughly.
    pub fn names_memory_bytes(&self) -> usize {
        self.index.memory_bytes()
            + self
                .targets
                .iter()
                .map(|m| {
                    size_of::<NameMatch>()
                        + m.name.capacity()
                        + m.name_cy.capacity()
                        + m.near.capacity() * size_of::<AreaId>()
                })
                .sum::<usize>()
    }

    /// How many places, councils and areas a name can find.
    pub fn names_len(&self) -> usize {
        self.targets.len()
    }
}

/// A force's name without "Police", "Constabulary" or "Heddlu": "kent" for "kent police".
fn without_force_words(query: &str) -> Option<&str> {
    [
        " police service",
        " police force",
        " police",
        " constabulary",
    ]
    .iter()
    .find_map(|w| query.strip_suffix(w))
    .or_else(|| query.strip_prefix("heddlu "))
    .filter(|rest| !rest.is_empty())
}

impl Answer {
    fn at(mut self, place: String) -> Self {
        self.place = Some(place);
        self
    }

    fn with_fallback(mut self, part: String) -> Self {
        // An unknown postcode: say what the answer is based on (and keep any
        // "spans areas" advice, which follows from the shares).
        if self.kind != Kind::Outside {
            self.note = Some(Note::NotLive { fell_back_to: part });
        }
        self
    }
}

fn outside(elsewhere: Elsewhere) -> Answer {
    Answer::new(Kind::Outside).note(Note::Outside(elsewhere))
}

/// Postcode areas of places with their own justice systems and no place in the table.
fn elsewhere_by_letters(area: &str) -> Option<Elsewhere> {
    match area {
        "BT" => Some(Elsewhere::NorthernIreland),
        "IM" => Some(Elsewhere::IsleOfMan),
        "GY" | "JE" => Some(Elsewhere::ChannelIslands),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas() -> &'static Areas {
        static AREAS: std::sync::OnceLock<Areas> = std::sync::OnceLock::new();
        AREAS.get_or_init(|| Areas::embedded().expect("embedded data loads"))
    }

    fn slugs(answer: &Answer) -> Vec<&'static str> {
        answer
            .areas
            .iter()
            .map(|(id, _)| areas().get(*id).slug.as_str())
            .collect()
    }

    /// Issue 25: a slip in the first letter is corrected like any other, and said to be.
    #[test]
    fn a_slip_in_the_first_letter_finds_the_place() {
        for (input, slug, name) in [
            ("Aheffield", "south-yorkshire", "Sheffield"),
            ("Lheffield", "south-yorkshire", "Sheffield"),
            ("Gardiff", "south-wales", "Cardiff"),
            ("Hseffield", "south-yorkshire", "Sheffield"),
            ("Nottinhgam", "nottinghamshire", "Nottingham"),
        ] {
            let answer = areas().lookup(input);
            assert_eq!(slugs(&answer), [slug], "{input}: {answer:?}");
            assert!(answer.corrected, "{input}: a guess is marked as one");
            assert_eq!(answer.matches[0].name, name, "{input}");
        }
        // "Kardiff" is among GeoNames' other names for Cardiff: found outright.
        assert_eq!(slugs(&areas().lookup("Kardiff")), ["south-wales"]);
        // At the same distance a name that starts right wins: "heffield" is one slip
        // from Henfield as from Sheffield. Nonsense still finds nothing.
        assert_eq!(areas().lookup("heffield").matches[0].name, "Henfield");
        assert_eq!(slugs(&areas().lookup("Sheffeild")), ["south-yorkshire"]);
        assert_eq!(areas().lookup("Xyzzyville").note, Some(Note::NoMatch));
        assert_eq!(areas().lookup("Qwertyuiop").note, Some(Note::NoMatch));
    }

    /// A first-letter slip as close to places in two police areas is not guessed: the
    /// places are listed, as for any other ambiguous correction.
    #[test]
    fn an_ambiguous_first_letter_slip_lists_the_candidates() {
        let answer = areas().lookup("Bewport");
        assert!(answer.corrected, "{answer:?}");
        assert_eq!(answer.note, Some(Note::Several), "{answer:?}");
        assert!(answer.areas.is_empty(), "no one area is guessed");
        let listed: Vec<&str> = answer
            .matches
            .iter()
            .map(|m| areas().get(m.area).slug.as_str())
            .collect();
        assert!(
            listed.contains(&"gwent") && listed.contains(&"hampshire"),
            "{listed:?}"
        );
        assert!(answer.matches.iter().all(|m| m.name == "Newport"));
        // One slip from Nottingham, Cottingham and Mottingham, in four areas.
        let answer = areas().lookup("Bottingham");
        assert!(answer.corrected && answer.areas.is_empty(), "{answer:?}");
        assert_eq!(answer.note, Some(Note::Several));
    }

    /// Issue 25: "England" and "Lloegr" list England's police areas, as "Wales" and
    /// "Cymru" list Wales's, with a message that puts the postcode first.
    #[test]
    fn england_and_lloegr_list_englands_police_areas() {
        let english: Vec<AreaId> = areas()
            .all()
            .iter()
            .filter(|a| !a.in_wales())
            .map(|a| a.id)
            .collect();
        assert_eq!(english.len(), 39);
        for input in ["England", "england", "Lloegr", " LLOEGR "] {
            let answer = areas().lookup(input);
            assert_eq!(answer.note, Some(Note::Region), "{input}: {answer:?}");
            assert_eq!(answer.region, Some(Region::England), "{input}");
            assert_eq!(answer.kind, Kind::Area, "{input}");
            assert!(answer.areas.is_empty(), "{input}: never one area");
            assert!(!answer.corrected, "{input}");
            let mut listed: Vec<AreaId> = answer
                .matches
                .iter()
                .filter(|m| m.kind == MatchKind::Area)
                .map(|m| m.area)
                .collect();
            // In alphabetical order, to be scanned.
            let names: Vec<&str> = listed.iter().map(|&id| &*areas().get(id).name).collect();
            assert!(names.is_sorted(), "{names:?}");
            listed.sort();
            assert_eq!(listed, english, "{input}");
        }
        let answer = areas().lookup("Lloegr");
        assert_eq!(
            describe::message(&answer, areas(), "Lloegr", Lang::Cy).as_deref(),
            Some(
                "Mae 39 ardal heddlu yn Lloegr. Rhowch eich cod post i ddod o hyd i'ch un \
                 chi, neu ddewiswch hi o'r rhestr hon."
            )
        );
        let answer = areas().lookup("England");
        assert_eq!(
            describe::message(&answer, areas(), "England", Lang::En).as_deref(),
            Some(
                "England has 39 police areas. Enter your postcode to find yours, or choose \
                 it from this list."
            )
        );
        // Wales keeps its own message and list.
        let answer = areas().lookup("Cymru");
        assert_eq!(answer.region, Some(Region::Wales));
        assert_eq!(answer.matches.len(), 4);
        assert_eq!(
            describe::message(&answer, areas(), "Cymru", Lang::Cy).as_deref(),
            Some("Mae mwy nag un ardal heddlu yma. Dewiswch eich un chi.")
        );
        // A place or council only starting with "England" is no region.
        assert_eq!(areas().lookup("Englan").region, None);
    }

    /// Issue 25: Corfe Mullen, in no GeoNames extract, is found from
    /// data/missing-places.toml: a place in Dorset, so Dorset Police.
    #[test]
    fn corfe_mullen_is_found_in_dorset() {
        for input in [
            "Corfe Mullen",
            "corfe mullen",
            "Corfe-Mullen",
            "Corfe Mullne",
        ] {
            let answer = areas().lookup(input);
            assert_eq!(slugs(&answer), ["dorset"], "{input}: {answer:?}");
            let m = &answer.matches[0];
            assert_eq!(
                (m.name.as_str(), m.kind),
                ("Corfe Mullen", MatchKind::Place)
            );
            let council = m.council.map(|c| areas().councils()[c].name.as_str());
            assert_eq!(council, Some("Dorset"), "{input}");
            assert!(
                m.near.is_empty(),
                "no coordinates, so never near a boundary"
            );
        }
        assert_eq!(
            describe::matched(&areas().lookup("Corfe Mullen"), areas(), Lang::En).as_deref(),
            Some("Corfe Mullen, Dorset")
        );
    }
}
