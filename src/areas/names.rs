//! Finding councils, police areas and places by name, in English or Welsh: case, accent
//! and punctuation insensitive; whole names before prefixes, and small misspellings
//! ("Sheffeild") found by edit distance when nothing else matches.

/// Folds a name for matching: lower case, accents removed, `&` as `and`, punctuation
/// as spaces, spaces collapsed. `Bro Morgannwg`, `bro  morgannwg`, `Brô-Morgannwg` match.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for ch in s.chars().flat_map(char::to_lowercase) {
        let ch = match ch {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ẁ' | 'ẃ' | 'ŵ' | 'ẅ' => 'w',
            'ỳ' | 'ý' | 'ŷ' | 'ÿ' => 'y',
            'ç' => 'c',
            '&' => {
                if !space {
                    out.push(' ');
                }
                out.push_str("and ");
                space = true;
                continue;
            }
            '\'' | '’' | '.' => continue,
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if ch == ' ' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(ch);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    // "Saint" and "St" are the same word: St Helens, Saint David's.
    if out == "saint"
        || out.starts_with("saint ")
        || out.contains(" saint ")
        || out.ends_with(" saint")
    {
        out = out
            .split(' ')
            .map(|w| if w == "saint" { "st" } else { w })
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// How well a name matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    Exact,
    /// The name, then a word that qualifies it: "Stratford upon Avon" for "Stratford".
    Qualified,
    Prefix,
    WordPrefix,
}

/// How close a folded query is to a folded name, if at all.
pub fn closeness(query: &str, name: &str) -> Option<Closeness> {
    if query.is_empty() || name.len() < query.len() {
        // A shorter name can neither equal nor contain the query.
        None
    } else if name == query {
        Some(Closeness::Exact)
    } else if let Some(rest) = name.strip_prefix(query) {
        if QUALIFIERS.iter().any(|q| rest.starts_with(q)) {
            Some(Closeness::Qualified)
        } else {
            Some(Closeness::Prefix)
        }
    } else if name
        .match_indices(' ')
        .any(|(i, _)| name[i + 1..].starts_with(query))
    {
        Some(Closeness::WordPrefix)
    } else {
        None
    }
}

/// Words that join a name to what tells it apart from others of that name: one place
/// for someone who types only the name (Stratford upon Avon, Newcastle under Lyme).
const QUALIFIERS: &[&str] = &[
    " upon ", " on ", " under ", " in ", " by ", " le ", " cum ", " next ",
];

/// One searchable name: a folded key and what it finds (an index the caller keeps).
#[derive(Clone, Debug)]
pub struct Entry {
    pub key: Box<str>,
    pub target: u32,
    /// Found only when typed whole (GeoNames' alternate names, force names): a prefix
    /// of one is too loose a guess.
    pub exact_only: bool,
}

/// Every name, sorted by key so that whole names and prefixes are binary searches; the
/// words after the first of each name, for a word's prefix ("somerset" in "north
/// somerset").
#[derive(Default)]
pub struct Index {
    entries: Vec<Entry>,
    /// (the rest of a key from one of its words on, entry index), sorted.
    words: Vec<(Box<str>, u32)>,
    /// The letters in each entry's key, as bits: a cheap first test for [`Index::fuzzy`].
    letters: Vec<u32>,
}

/// The letters a-z in `s`, as bits 0..26 (other characters share bit 26).
fn letters(s: &[u8]) -> u32 {
    s.iter().fold(0, |bits, &b| {
        bits | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            _ => 1 << 26,
        }
    })
}

/// A name found for a query.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub closeness: Closeness,
    pub target: u32,
    pub key_len: usize,
}

impl Index {
    pub fn new(mut entries: Vec<Entry>) -> Self {
        entries.sort_by(|a, b| (&a.key, a.target).cmp(&(&b.key, b.target)));
        entries.dedup_by(|a, b| a.key == b.key && a.target == b.target);
        let mut words: Vec<(Box<str>, u32)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.exact_only)
            .flat_map(|(i, e)| {
                e.key
                    .match_indices(' ')
                    .map(move |(at, _)| (e.key[at + 1..].into(), i as u32))
            })
            .collect();
        words.sort();
        let letters = entries.iter().map(|e| letters(e.key.as_bytes())).collect();
        Self {
            entries,
            words,
            letters,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes held, roughly: the keys and the two arrays.
    pub fn memory_bytes(&self) -> usize {
        self.entries
            .iter()
            .map(|e| e.key.len() + size_of::<Entry>())
            .sum::<usize>()
            + self
                .words
                .iter()
                .map(|w| w.0.len() + size_of::<(Box<str>, u32)>())
                .sum::<usize>()
    }

    /// The entries whose key starts with `prefix`, as a range of `entries`.
    fn range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.entries.partition_point(|e| &*e.key < prefix);
        let len = self.entries[start..].partition_point(|e| e.key.starts_with(prefix));
        start..start + len
    }

    /// Names equal to the query, or starting with it, or with a word starting with it;
    /// whole names and qualified ones ("Stratford upon Avon") when there are any.
    pub fn find(&self, query: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for e in &self.entries[self.range(query)] {
            if let Some(closeness) = closeness(query, &e.key)
                && (!e.exact_only || closeness == Closeness::Exact)
            {
                hits.push(Hit {
                    closeness,
                    target: e.target,
                    key_len: e.key.len(),
                });
            }
        }
        if hits.iter().any(|h| h.closeness == Closeness::Exact) {
            hits.retain(|h| h.closeness <= Closeness::Qualified);
            return hits;
        }
        let start = self.words.partition_point(|w| &*w.0 < query);
        for (rest, i) in &self.words[start..] {
            if !rest.starts_with(query) {
                break;
            }
            let e = &self.entries[*i as usize];
            hits.push(Hit {
                closeness: Closeness::WordPrefix,
                target: e.target,
                key_len: e.key.len() + usize::from(rest.len() == query.len()),
            });
        }
        hits
    }

    /// Names within a small edit distance of the query (one slip in 5 to 7 letters, two
    /// in 8 or more), the closest only, as (distance, hit). Shorter queries are not
    /// guessed at. Misspellings rarely change the first letter, so names that start like
    /// the query are compared first (a binary search away), and the others only when
    /// none of those is within one slip: a slip in the first letter ("Aheffield",
    /// "Gardiff") is found too, and wins only when strictly closer ("Lheffield" is one
    /// slip from Sheffield, two from Leafield); at the same distance, the name that
    /// starts like the query wins.
    pub fn fuzzy(&self, query: &str) -> Vec<(usize, Hit)> {
        let q = query.as_bytes();
        let max = match q.len() {
            0..=4 => return Vec::new(),
            5..=7 => 1,
            _ => 2,
        };
        let first = &query[..query.chars().next().map_or(0, char::len_utf8)];
        let same = self.range(first);
        let mut search = Fuzzy {
            query: q,
            query_letters: letters(q),
            max,
            best: max + 1,
            out: Vec::new(),
            scratch: Scratch::default(),
        };
        search.scan(self, same.clone());
        if search.best > 1 {
            // Only a strictly closer name may replace those found.
            search.max = search.best.min(max + 1) - 1;
            search.scan(self, 0..same.start);
            search.scan(self, same.end..self.entries.len());
        }
        search.out
    }
}

/// One fuzzy search: the closest names so far.
struct Fuzzy<'q> {
    query: &'q [u8],
    query_letters: u32,
    max: usize,
    /// The distance of the names in `out` (more than `max` while there are none).
    best: usize,
    out: Vec<(usize, Hit)>,
    scratch: Scratch,
}

impl Fuzzy<'_> {
    /// Compares the entries in `range` with the query, keeping the closest.
    fn scan(&mut self, index: &Index, range: std::ops::Range<usize>) {
        let q = self.query;
        for (e, &key_letters) in index.entries[range.clone()]
            .iter()
            .zip(&index.letters[range])
        {
            let limit = self.best.min(self.max) as u32;
            // Each slip changes the length by at most one and adds at most one letter the
            // other lacks, each way: cheap tests (the key's length is beside its pointer)
            // that rule out nearly every name before the distance is worked out.
            if e.key.len().abs_diff(q.len()) > limit as usize
                || (key_letters & !self.query_letters).count_ones() > limit
                || (self.query_letters & !key_letters).count_ones() > limit
            {
                continue;
            }
            let k = e.key.as_bytes();
            if let Some(d) = self.scratch.distance(q, k, limit as usize) {
                if d < self.best {
                    self.best = d;
                    self.out.clear();
                }
                self.out.push((
                    d,
                    Hit {
                        closeness: Closeness::Exact,
                        target: e.target,
                        key_len: k.len(),
                    },
                ));
            }
        }
    }
}

/// Reused rows for [`Scratch::distance`].
#[derive(Default)]
struct Scratch {
    rows: [Vec<usize>; 3],
}

impl Scratch {
    /// The optimal string alignment distance (Levenshtein plus swapping two neighbours:
    /// "Sheffeild") between `a` and `b` if it is at most `max`.
    fn distance(&mut self, a: &[u8], b: &[u8], max: usize) -> Option<usize> {
        let [before, prev, cur] = &mut self.rows;
        for row in [&mut *before, &mut *prev, &mut *cur] {
            row.clear();
            row.resize(b.len() + 1, 0);
        }
        for (j, v) in prev.iter_mut().enumerate() {
            *v = j;
        }
        for i in 1..=a.len() {
            cur[0] = i;
            let mut row_min = i;
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(before[j - 2] + 1);
                }
                cur[j] = d;
                row_min = row_min.min(d);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(before, prev);
            std::mem::swap(prev, cur);
        }
        Some(prev[b.len()]).filter(|&d| d <= max)
    }
}

/// The edit distance between two folded names, if at most `max` (for tests).
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    Scratch::default().distance(a.as_bytes(), b.as_bytes(), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  Ynys Môn "), "ynys mon");
        assert_eq!(
            fold("Bath & North-East Somerset"),
            "bath and north east somerset"
        );
        assert_eq!(fold("St. Helens"), "st helens");
        assert_eq!(
            fold("Bournemouth, Christchurch and Poole"),
            "bournemouth christchurch and poole"
        );
        assert_eq!(fold("Swydd Gaerlŷr"), "swydd gaerlyr");
        assert_eq!(fold("Saint David's"), fold("St Davids"));
        assert_eq!(fold("saint"), "st");
        assert_eq!(fold("Saintfield"), "saintfield");
    }

    #[test]
    fn closeness_order() {
        assert_eq!(closeness("cardiff", "cardiff"), Some(Closeness::Exact));
        assert_eq!(closeness("card", "cardiff"), Some(Closeness::Prefix));
        assert_eq!(
            closeness("somerset", "north somerset"),
            Some(Closeness::WordPrefix)
        );
        assert_eq!(closeness("omerset", "north somerset"), None);
        assert!(Closeness::Exact < Closeness::Prefix && Closeness::Prefix < Closeness::WordPrefix);
        assert_eq!(
            closeness("stratford", "stratford upon avon"),
            Some(Closeness::Qualified)
        );
    }

    #[test]
    fn edit_distance_counts_each_kind_of_slip_once() {
        assert_eq!(distance("sheffeild", "sheffield", 2), Some(1)); // swapped
        assert_eq!(distance("middlesborough", "middlesbrough", 2), Some(1)); // one more
        assert_eq!(distance("aberystwith", "aberystwyth", 2), Some(1)); // one changed
        assert_eq!(distance("abrystwth", "aberystwyth", 2), Some(2));
        assert_eq!(distance("cardiff", "swansea", 2), None);
        assert_eq!(distance("kent", "kent", 0), Some(0));
    }

    #[test]
    fn the_index_finds_whole_names_prefixes_and_words() {
        let entry = |key: &str, target| Entry {
            key: key.into(),
            target,
            exact_only: false,
        };
        let index = Index::new(vec![
            entry("stratford", 0),
            entry("stratford upon avon", 1),
            entry("north somerset", 2),
            entry("somerset", 3),
            Entry {
                key: "lerpwl".into(),
                target: 4,
                exact_only: true,
            },
        ]);
        let targets = |hits: Vec<Hit>| hits.iter().map(|h| h.target).collect::<Vec<_>>();
        assert_eq!(targets(index.find("stratford")), [0, 1]);
        assert_eq!(targets(index.find("strat")), [0, 1]);
        assert_eq!(targets(index.find("somerset")), [3]);
        assert_eq!(targets(index.find("somer")), [3, 2]);
        assert_eq!(targets(index.find("lerpwl")), [4]);
        assert!(index.find("lerp").is_empty());
        let fuzzy = index.fuzzy("stratfrod");
        assert_eq!(fuzzy.len(), 1);
        assert_eq!((fuzzy[0].0, fuzzy[0].1.target), (1, 0));
    }

    #[test]
    fn a_slip_in_the_first_letter_is_found_when_no_name_starts_right() {
        let entry = |key: &str, target| Entry {
            key: key.into(),
            target,
            exact_only: false,
        };
        let index = Index::new(vec![
            entry("sheffield", 0),
            entry("cardiff", 1),
            entry("barnsley", 2),
            entry("carnslee", 3),
            entry("leafield", 4),
        ]);
        let targets = |query: &str| {
            index
                .fuzzy(query)
                .iter()
                .map(|(d, h)| (*d, h.target))
                .collect::<Vec<_>>()
        };
        // Changed, added, dropped or swapped first letters.
        assert_eq!(targets("aheffield"), [(1, 0)]);
        assert_eq!(targets("lheffield"), [(1, 0)]);
        assert_eq!(targets("kardiff"), [(1, 1)]);
        assert_eq!(targets("scheffield"), [(1, 0)]);
        assert_eq!(targets("heffield"), [(1, 0)]);
        assert_eq!(targets("hseffield"), [(1, 0)]);
        // Leafield starts right but is two slips away: Sheffield, one away, wins.
        assert_eq!(targets("lheffield"), [(1, 0)]);
        assert_eq!(targets("leafeild"), [(1, 4)]);
        // The same rule: one slip in 5 to 7 letters ("kardif" is two from "cardiff").
        assert!(targets("kardif").is_empty());
        // A name that starts like the query wins over an equally close one that does
        // not: "barnslee" is one slip from both "barnsley" and "carnslee".
        assert_eq!(targets("barnslee"), [(1, 2)]);
        // With none that starts right, every name as close is offered.
        assert_eq!(targets("darnslee"), [(1, 3)]);
        assert_eq!(targets("xarnsley"), [(1, 2)]);
        assert!(targets("xyzzyville").is_empty());
    }
}
