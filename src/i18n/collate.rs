//! Alphabetical order in the reader's language. Welsh has its own alphabet: ch, dd, ff,
//! ng, ll, ph, rh and th are single letters, each after the letter it starts with ("Caint"
//! before "Cumbria" before "Chwilog"), and a circumflex or other accent does not move a
//! letter ("Gaerlŷr" sorts as "Gaerlyr").

use super::Lang;

/// The key that sorts `name` in `lang`'s alphabetical order.
pub fn sort_key(lang: Lang, name: &str) -> Vec<u32> {
    let letters: Vec<char> = name
        .chars()
        .flat_map(char::to_lowercase)
        .map(plain)
        .collect();
    let mut key = Vec::with_capacity(letters.len());
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        let next = letters.get(i + 1).copied();
        // A digraph sorts just after its first letter: the first letter's place, plus a
        // half step that no single letter takes.
        let digraph = lang == Lang::Cy
            && matches!(
                (c, next),
                ('c', Some('h'))
                    | ('d', Some('d'))
                    | ('f', Some('f'))
                    | ('n', Some('g'))
                    | ('l', Some('l'))
                    | ('p', Some('h'))
                    | ('r', Some('h'))
                    | ('t', Some('h'))
            );
        // Twice the code point leaves room for the half step.
        let place = u32::from(if digraph && c == 'n' { 'g' } else { c }) * 2;
        if digraph {
            // "ng" comes after "g" in the Welsh alphabet, not after "n".
            key.push(place + 1);
            i += 2;
        } else {
            key.push(place);
            i += 1;
        }
    }
    key
}

/// The letter without its accent: â, ê, î, ô, û, ŵ, ŷ and the diaeresis and acute forms.
fn plain(c: char) -> char {
    match c {
        'â' | 'ä' | 'á' | 'à' => 'a',
        'ê' | 'ë' | 'é' | 'è' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' => 'o',
        'û' | 'ü' | 'ú' | 'ù' => 'u',
        'ŵ' | 'ẅ' | 'ẃ' | 'ẁ' => 'w',
        'ŷ' | 'ÿ' | 'ý' | 'ỳ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lang: Lang, names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by_cached_key(|n| sort_key(lang, n));
        v
    }

    #[test]
    fn welsh_digraphs_are_letters_of_their_own() {
        assert_eq!(
            sorted(
                Lang::Cy,
                &["Cheshire", "Cumbria", "Caint", "Dyfed-Powys", "Durham"]
            ),
            ["Caint", "Cumbria", "Cheshire", "Durham", "Dyfed-Powys"]
        );
        assert_eq!(
            sorted(Lang::Cy, &["Llundain", "Lloegr", "Lancashire", "Lincoln"]),
            ["Lancashire", "Lincoln", "Lloegr", "Llundain"]
        );
        // English keeps the plain alphabet.
        assert_eq!(
            sorted(Lang::En, &["Cheshire", "Cumbria", "Caint"]),
            ["Caint", "Cheshire", "Cumbria"]
        );
    }

    #[test]
    fn ng_follows_g_and_accents_do_not_move_a_letter() {
        assert_eq!(
            sorted(Lang::Cy, &["Nant", "Ngwent", "Gwent", "Hafod"]),
            ["Gwent", "Ngwent", "Hafod", "Nant"]
        );
        assert_eq!(
            sorted(
                Lang::Cy,
                &["Swydd Gaerlŷr", "Swydd Gaerloyw", "Swydd Gaergrawnt"]
            ),
            ["Swydd Gaergrawnt", "Swydd Gaerloyw", "Swydd Gaerlŷr"]
        );
    }
}
