//! Joins a list of names into one phrase, in each language's own grammar: the one place
//! that writes "A, B and C" or "A, B ac C", so no template glues a bare "a" before a vowel.
//!
//! Welsh: "a" before a consonant and "ac" before a vowel (in a Welsh word w and y count
//! as vowels, as in "ac wedyn", "ac Ynys Môn"; in an English name they do not: "a
//! Wiltshire"); before the article "y"/"yr" the two run together ("a'r Alban", "neu'r
//! Alban", "na'r Alban"); "a" and "na" cause the aspirate mutation (c, p, t → ch, ph,
//! th: "Dyfnaint a Chernyw"), "neu" the soft mutation ("Caerdydd neu Dde Cymru"). Only a
//! name written in Welsh is mutated: an English place name such as "Cleveland" is left as
//! it is, which is the usual practice in Welsh writing.

use super::Lang;

/// How the last item is joined to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conjunction {
    /// "and": "a"/"ac" in Welsh.
    And,
    /// "or": "neu" in Welsh.
    Or,
    /// "nor", after a negative: "na"/"nac" in Welsh; "or" in English ("not A or B").
    Nor,
}

/// One item of a list, and whether Welsh grammar may mutate its first letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item<'a> {
    pub text: &'a str,
    /// True for a Welsh word or name ("Caint", "De Cymru"); false for a name kept in
    /// English ("Cleveland"), a postcode or a number.
    pub mutable: bool,
}

impl<'a> Item<'a> {
    /// A Welsh word or name: it takes the mutation the conjunction causes.
    pub fn welsh(text: &'a str) -> Self {
        Self {
            text,
            mutable: true,
        }
    }

    /// A name that is never mutated (an English name, a code).
    pub fn fixed(text: &'a str) -> Self {
        Self {
            text,
            mutable: false,
        }
    }
}

/// "A", "A and B", "A, B and C" (no comma before the conjunction, as GOV.UK writes).
pub fn join(lang: Lang, conjunction: Conjunction, items: &[Item<'_>]) -> String {
    let Some((last, init)) = items.split_last() else {
        return String::new();
    };
    if init.is_empty() {
        return last.text.to_string();
    }
    let head = init.iter().map(|i| i.text).collect::<Vec<_>>().join(", ");
    let (word, last) = match lang {
        Lang::En => (
            match conjunction {
                Conjunction::And => "and",
                Conjunction::Or | Conjunction::Nor => "or",
            },
            last.text.to_string(),
        ),
        Lang::Cy => welsh_conjunction(conjunction, *last),
    };
    format!("{head} {word} {last}")
}

/// The Welsh conjunction before `item`, and `item` as it must then be written.
fn welsh_conjunction(conjunction: Conjunction, item: Item<'_>) -> (&'static str, String) {
    let text = item.text;
    let mutated = |m: fn(&str) -> Option<String>| {
        if item.mutable {
            m(text).unwrap_or_else(|| text.to_string())
        } else {
            text.to_string()
        }
    };
    if let Some(rest) = item.mutable.then(|| after_article(text)).flatten() {
        let word = match conjunction {
            Conjunction::And => "a'r",
            Conjunction::Nor => "na'r",
            Conjunction::Or => "neu'r",
        };
        return (word, rest.to_string());
    }
    let vowel = if item.mutable {
        starts_with_vowel(text)
    } else {
        // An English name: its w and y are consonants ("a Wiltshire", "a York").
        starts_with_vowel(text) && !text.starts_with(['w', 'W', 'y', 'Y'])
    };
    match conjunction {
        Conjunction::And if vowel => ("ac", text.to_string()),
        Conjunction::And => ("a", mutated(aspirate)),
        Conjunction::Nor if vowel => ("nac", text.to_string()),
        Conjunction::Nor => ("na", mutated(aspirate)),
        Conjunction::Or => ("neu", mutated(soft)),
    }
}

/// What follows a leading article "y" or "yr" ("yr Alban" → "Alban"), if there is one.
fn after_article(text: &str) -> Option<&str> {
    text.strip_prefix("yr ").or_else(|| text.strip_prefix("y "))
}

/// Whether a word starts with a Welsh vowel letter (a, e, i, o, u, w, y, with or
/// without an accent).
pub fn starts_with_vowel(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        let c = c.to_lowercase().next().unwrap_or(c);
        "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ".contains(c)
    })
}

/// The aspirate mutation: c → ch, p → ph, t → th; `None` when the word does not change.
pub fn aspirate(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if rest.starts_with(['h', 'H']) {
        // Already "ch", "ph", "th": a different letter, which does not mutate.
        return None;
    }
    let (upper, lower) = match first {
        'C' | 'c' => ("Ch", "ch"),
        'P' | 'p' => ("Ph", "ph"),
        'T' | 't' => ("Th", "th"),
        _ => return None,
    };
    let new = if first.is_uppercase() { upper } else { lower };
    Some(format!("{new}{rest}"))
}

/// The soft mutation: p → b, t → d, c → g, b → f, d → dd, g → (dropped), m → f,
/// ll → l, rh → r; `None` when the word does not change.
pub fn soft(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let upper = word.chars().next()?.is_uppercase();
    let case = |s: &str| {
        if upper {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        } else {
            s.to_string()
        }
    };
    let (cut, new) = if lower.starts_with("ll") {
        (2, "l")
    } else if lower.starts_with("rh") {
        (2, "r")
    } else if (lower.starts_with(['c', 'p', 't']) && lower[1..].starts_with('h'))
        || ["dd", "ff", "ng"].iter().any(|d| lower.starts_with(d))
    {
        // ch, ph, th, dd, ff, ng are letters of their own, which this mutation leaves.
        return None;
    } else {
        match lower.chars().next()? {
            'p' => (1, "b"),
            't' => (1, "d"),
            'c' => (1, "g"),
            'b' => (1, "f"),
            'd' => (1, "dd"),
            'm' => (1, "f"),
            'g' => (1, ""),
            _ => return None,
        }
    };
    let rest = &word[cut..];
    if new.is_empty() {
        // "Gwent" → "Went": the next letter takes the capital.
        return Some(case(rest));
    }
    Some(format!("{}{rest}", case(new)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(items: &[&'a str]) -> Vec<Item<'a>> {
        items.iter().map(|t| Item::welsh(t)).collect()
    }

    #[test]
    fn welsh_and_is_ac_before_a_vowel() {
        let and = |items: &[&str]| join(Lang::Cy, Conjunction::And, &names(items));
        assert_eq!(and(&["Swydd Hertford", "Essex"]), "Swydd Hertford ac Essex");
        assert_eq!(
            and(&["Metropolitan Police", "Essex"]),
            "Metropolitan Police ac Essex"
        );
        assert_eq!(
            and(&["Dorset", "Avon a Gwlad yr Haf"]),
            "Dorset ac Avon a Gwlad yr Haf"
        );
        assert_eq!(and(&["Gwent", "yr Alban"]), "Gwent a'r Alban");
        let or = |items: &[&str]| join(Lang::Cy, Conjunction::Or, &names(items));
        assert_eq!(or(&["Gwent", "yr Alban"]), "Gwent neu'r Alban");
        let nor = |items: &[&str]| join(Lang::Cy, Conjunction::Nor, &names(items));
        assert_eq!(nor(&["Gwent", "yr Alban"]), "Gwent na'r Alban");
        let english = [Item::welsh("Gwent"), Item::fixed("Wiltshire")];
        assert_eq!(
            join(Lang::Cy, Conjunction::And, &english),
            "Gwent a Wiltshire"
        );
        let english = [Item::welsh("Gwent"), Item::fixed("York")];
        assert_eq!(join(Lang::Cy, Conjunction::And, &english), "Gwent a York");
        assert_eq!(and(&["Gwent", "Ynys Wyth"]), "Gwent ac Ynys Wyth");
        assert_eq!(and(&["Gwent", "Gogledd Cymru"]), "Gwent a Gogledd Cymru");
    }

    #[test]
    fn welsh_and_mutates_welsh_names_only() {
        let list = [Item::fixed("Essex"), Item::welsh("Caint")];
        assert_eq!(join(Lang::Cy, Conjunction::And, &list), "Essex a Chaint");
        let list = [Item::fixed("Essex"), Item::fixed("Cleveland")];
        assert_eq!(join(Lang::Cy, Conjunction::And, &list), "Essex a Cleveland");
        let list = [Item::welsh("Dyfnaint"), Item::welsh("Chernyw")];
        assert_eq!(
            join(Lang::Cy, Conjunction::And, &list),
            "Dyfnaint a Chernyw"
        );
    }

    #[test]
    fn welsh_lists_of_three_use_commas() {
        let list = names(&["Gwent", "De Cymru", "Essex"]);
        assert_eq!(
            join(Lang::Cy, Conjunction::And, &list),
            "Gwent, De Cymru ac Essex"
        );
    }

    #[test]
    fn welsh_or_and_nor() {
        let list = names(&["Caerdydd", "De Cymru"]);
        assert_eq!(
            join(Lang::Cy, Conjunction::Or, &list),
            "Caerdydd neu Dde Cymru"
        );
        let list = names(&["Caerdydd", "Gwent"]);
        assert_eq!(join(Lang::Cy, Conjunction::Or, &list), "Caerdydd neu Went");
        let list = names(&["Caerdydd", "Powys"]);
        assert_eq!(
            join(Lang::Cy, Conjunction::Nor, &list),
            "Caerdydd na Phowys"
        );
        let list = names(&["Caerdydd", "Abertawe"]);
        assert_eq!(
            join(Lang::Cy, Conjunction::Nor, &list),
            "Caerdydd nac Abertawe"
        );
        let list = [Item::welsh("Caerdydd"), Item::fixed("Dorset")];
        assert_eq!(
            join(Lang::Cy, Conjunction::Or, &list),
            "Caerdydd neu Dorset"
        );
    }

    #[test]
    fn english_lists() {
        let list = names(&["Hertfordshire", "Essex"]);
        assert_eq!(
            join(Lang::En, Conjunction::And, &list),
            "Hertfordshire and Essex"
        );
        let list = names(&["A", "B", "C"]);
        assert_eq!(join(Lang::En, Conjunction::And, &list), "A, B and C");
        assert_eq!(join(Lang::En, Conjunction::Or, &list), "A, B or C");
        assert_eq!(join(Lang::En, Conjunction::Nor, &list), "A, B or C");
    }

    #[test]
    fn short_lists() {
        assert_eq!(join(Lang::Cy, Conjunction::And, &[]), "");
        assert_eq!(
            join(Lang::Cy, Conjunction::And, &names(&["Caint"])),
            "Caint"
        );
    }

    #[test]
    fn mutations() {
        assert_eq!(soft("Llundain").as_deref(), Some("Lundain"));
        assert_eq!(soft("Rhondda").as_deref(), Some("Rondda"));
        assert_eq!(soft("Bangor").as_deref(), Some("Fangor"));
        assert_eq!(soft("Dinbych").as_deref(), Some("Ddinbych"));
        assert_eq!(soft("Merthyr").as_deref(), Some("Ferthyr"));
        assert_eq!(soft("Ffestiniog"), None);
        assert_eq!(soft("Abertawe"), None);
        assert_eq!(aspirate("Tregaron").as_deref(), Some("Thregaron"));
        assert_eq!(aspirate("Chernyw"), None);
        assert_eq!(aspirate("Bangor"), None);
    }
}
