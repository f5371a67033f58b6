//! Finding councils and police areas by name, in English or Welsh: case, accent and
//! punctuation insensitive, whole names before prefixes.

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
    Prefix,
    WordPrefix,
}

/// How close a folded query is to a folded name, if at all.
pub fn closeness(query: &str, name: &str) -> Option<Closeness> {
    if query.is_empty() || name.len() < query.len() {
        // A shorter name can neither equal nor contain the query: most names, for a
        // long query, so the scan over every name stays cheap.
        None
    } else if name == query {
        Some(Closeness::Exact)
    } else if name.starts_with(query) {
        Some(Closeness::Prefix)
    } else if name
        .match_indices(' ')
        .any(|(i, _)| name[i + 1..].starts_with(query))
    {
        Some(Closeness::WordPrefix)
    } else {
        None
    }
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
    }
}
