//! What a person typed in the search box, parsed once: a full postcode, a postcode
//! sector (`CF10 1`) or district (`CF10`), a BFPO number, or words to match against
//! place names. Parsing never allocates and never panics.

use std::fmt;

/// The outward code (the part before the space): `CF10`, `SW1A`, `M1`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Outward {
    /// ASCII, space-padded on the right, as stored in the postcode table.
    bytes: [u8; 4],
}

impl Outward {
    /// Parses an outward code in any of the UK formats: A9, A99, AA9, AA99, A9A, AA9A,
    /// and the old `NPT`.
    pub fn parse(s: &[u8]) -> Option<Outward> {
        let ok = match *s {
            [a, d] => a.is_ascii_uppercase() && d.is_ascii_digit(),
            // Newport's outward code until 1984, still on old letters.
            [b'N', b'P', b'T'] => true,
            [a, b, c] => {
                a.is_ascii_uppercase()
                    && ((b.is_ascii_digit() && (c.is_ascii_digit() || c.is_ascii_uppercase()))
                        || (b.is_ascii_uppercase() && c.is_ascii_digit()))
            }
            [a, b, c, d] => {
                a.is_ascii_uppercase()
                    && b.is_ascii_uppercase()
                    && c.is_ascii_digit()
                    && (d.is_ascii_digit() || d.is_ascii_uppercase())
            }
            _ => false,
        };
        if !ok {
            return None;
        }
        let mut bytes = [b' '; 4];
        bytes[..s.len()].copy_from_slice(s);
        Some(Outward { bytes })
    }

    /// The fixed-width form used as the table's key.
    pub fn key(&self) -> [u8; 4] {
        self.bytes
    }

    pub fn as_str(&self) -> &str {
        let len = self.bytes.iter().position(|&b| b == b' ').unwrap_or(4);
        std::str::from_utf8(&self.bytes[..len]).expect("outward codes are ASCII")
    }

    /// The postcode area: the leading letters (`CF`, `M`).
    pub fn area(&self) -> &str {
        let len = self
            .bytes
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        &self.as_str()[..len]
    }
}

impl fmt::Debug for Outward {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A full postcode such as `CF10 1AA`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Postcode {
    pub outward: Outward,
    /// The sector digit: the first character of the inward code.
    pub sector: u8,
    /// The unit: the last two letters, as 26 × first + second (0..676).
    pub unit: u16,
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = (b'A' + (self.unit / 26) as u8) as char;
        let b = (b'A' + (self.unit % 26) as u8) as char;
        write!(f, "{} {}{a}{b}", self.outward.as_str(), self.sector)
    }
}

impl fmt::Debug for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// A search query, classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Query<'a> {
    Empty,
    Full(Postcode),
    Sector(Outward, u8),
    District(Outward),
    /// `GIR 0AA`: a real non-geographic postcode (formerly Girobank).
    Girobank,
    /// British Forces Post Office, e.g. `BFPO 105`: not in any police area.
    Bfpo,
    /// Anything else: words to match against place and area names.
    Text(&'a str),
}

impl<'a> Query<'a> {
    /// Classifies what was typed, in any case and spacing (`cf101aa`, ` CF10  1AA `).
    pub fn parse(input: &'a str) -> Query<'a> {
        let trimmed = input.trim();
        // A full stop typed after a postcode, as at the end of a sentence.
        let trimmed = trimmed.strip_suffix('.').map_or(trimmed, str::trim_end);
        if trimmed.is_empty() {
            return Query::Empty;
        }
        // Postcodes are at most 7 characters plus spaces; gather them upper-cased.
        let mut buf = [0u8; 8];
        let mut len = 0;
        let mut parts = 0;
        let mut split_at = None;
        let mut in_space = true;
        for ch in trimmed.chars() {
            // A hyphen or a full stop between the parts, as people type on phones
            // (`cf10-1aa`, `CF10.1AA`), separates like a space.
            if ch.is_whitespace() || ch == '-' || ch == '.' {
                in_space = true;
                continue;
            }
            if !ch.is_ascii_alphanumeric() || len == buf.len() {
                return Query::Text(trimmed);
            }
            if in_space {
                parts += 1;
                if parts == 2 {
                    split_at = Some(len);
                }
                in_space = false;
            }
            buf[len] = ch.to_ascii_uppercase() as u8;
            len += 1;
        }
        if parts > 2 {
            return Query::Text(trimmed);
        }
        let s = &buf[..len];
        if s.starts_with(b"BFPO") && s.len() > 4 && s[4..].iter().all(u8::is_ascii_digit) {
            return Query::Bfpo;
        }
        if s == b"GIR0AA" {
            return Query::Girobank;
        }
        match split_at {
            // Written with a space: the outward code is exactly the first part.
            Some(at) => {
                let Some(outward) = Outward::parse(&s[..at]) else {
                    return Query::Text(trimmed);
                };
                match &s[at..] {
                    [d] if d.is_ascii_digit() => Query::Sector(outward, d - b'0'),
                    inward => full(outward, inward).map_or(Query::Text(trimmed), Query::Full),
                }
            }
            // No space: a full postcode ends in digit-letter-letter.
            None => {
                if s.len() >= 5
                    && let Some(outward) = Outward::parse(&s[..s.len() - 3])
                    && let Some(postcode) = full(outward, &s[s.len() - 3..])
                {
                    return Query::Full(postcode);
                }
                if let Some(outward) = Outward::parse(s) {
                    return Query::District(outward);
                }
                if let [rest @ .., d] = s
                    && d.is_ascii_digit()
                    && let Some(outward) = Outward::parse(rest)
                {
                    return Query::Sector(outward, d - b'0');
                }
                Query::Text(trimmed)
            }
        }
    }

    /// Whether the input looks like an attempt at a postcode rather than a place name:
    /// short, and mixing letters with digits.
    pub fn looks_like_postcode(input: &str) -> bool {
        let s = input.trim();
        s.len() <= 10
            && s.chars().any(|c| c.is_ascii_digit())
            && s.chars().any(|c| c.is_ascii_alphabetic())
    }
}

/// The full postcodes that `input` could be with letters and digits that look alike
/// swapped: O and 0, I (or l) and 1, each either way ("CF1O 1AA" could be CF10 1AA).
/// Only the well-formed ones; whether they are real is for the table to say.
pub fn look_alikes(input: &str) -> Vec<Postcode> {
    let mut chars: Vec<u8> = Vec::with_capacity(8);
    for ch in input.trim().trim_end_matches('.').chars() {
        if ch.is_whitespace() || ch == '-' || ch == '.' {
            continue;
        }
        if !ch.is_ascii_alphanumeric() || chars.len() == 7 {
            return Vec::new();
        }
        chars.push(ch.to_ascii_uppercase() as u8);
    }
    if chars.len() < 5 {
        return Vec::new();
    }
    let swaps: Vec<usize> = (0..chars.len())
        .filter(|&i| b"OI01L".contains(&chars[i]))
        .collect();
    let mut out = Vec::new();
    for mask in 1u32..1 << swaps.len() {
        let mut s = chars.clone();
        for (bit, &i) in swaps.iter().enumerate() {
            if mask & 1 << bit != 0 {
                s[i] = match s[i] {
                    b'O' => b'0',
                    b'0' => b'O',
                    b'I' | b'L' => b'1',
                    _ => b'I',
                };
            }
        }
        let (outward, inward) = s.split_at(s.len() - 3);
        if let Some(p) = Outward::parse(outward).and_then(|o| full(o, inward))
            && !out.contains(&p)
        {
            out.push(p);
        }
    }
    out
}

fn full(outward: Outward, inward: &[u8]) -> Option<Postcode> {
    match *inward {
        [d, a, b] if d.is_ascii_digit() && a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            Some(Postcode {
                outward,
                sector: d - b'0',
                unit: u16::from(a - b'A') * 26 + u16::from(b - b'A'),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_str(q: Query) -> String {
        match q {
            Query::Full(p) => p.to_string(),
            other => panic!("not a full postcode: {other:?}"),
        }
    }

    #[test]
    fn every_uk_format() {
        for (input, expected) in [
            ("M1 1AE", "M1 1AE"),     // A9 9AA
            ("B33 8TH", "B33 8TH"),   // A99 9AA
            ("CR2 6XH", "CR2 6XH"),   // AA9 9AA
            ("DN55 1PT", "DN55 1PT"), // AA99 9AA
            ("W1A 0AX", "W1A 0AX"),   // A9A 9AA
            ("EC1A 1BB", "EC1A 1BB"), // AA9A 9AA
            ("cf101aa", "CF10 1AA"),
            (" CF10  1AA ", "CF10 1AA"),
            ("sw1a2aa", "SW1A 2AA"),
            ("CF10 1AA.", "CF10 1AA"),
            ("\tcf10   1aa . ", "CF10 1AA"),
            ("NPT 0AD", "NPT 0AD"),
            ("npt0ad", "NPT 0AD"),
            ("cf10-1aa", "CF10 1AA"),
            ("CF10.1AA", "CF10 1AA"),
            ("CF10 - 1AA", "CF10 1AA"),
        ] {
            assert_eq!(full_str(Query::parse(input)), expected, "{input}");
        }
    }

    #[test]
    fn partial_postcodes() {
        let cf10 = Outward::parse(b"CF10").unwrap();
        assert_eq!(Query::parse("CF10 1"), Query::Sector(cf10, 1));
        assert_eq!(Query::parse("cf101"), Query::Sector(cf10, 1));
        assert_eq!(Query::parse("CF10"), Query::District(cf10));
        assert_eq!(
            Query::parse(" sy10 "),
            Query::District(Outward::parse(b"SY10").unwrap())
        );
        assert_eq!(
            Query::parse("SW1A"),
            Query::District(Outward::parse(b"SW1A").unwrap())
        );
        assert_eq!(
            Query::parse("M1"),
            Query::District(Outward::parse(b"M1").unwrap())
        );
    }

    #[test]
    fn special_postcodes() {
        assert_eq!(Query::parse("GIR 0AA"), Query::Girobank);
        assert_eq!(Query::parse("gir0aa"), Query::Girobank);
        assert_eq!(Query::parse("BFPO 105"), Query::Bfpo);
        assert_eq!(Query::parse("bfpo105"), Query::Bfpo);
    }

    #[test]
    fn words_are_text() {
        for input in [
            "Cardiff",
            "Caerdydd",
            "Bath and North East Somerset",
            "Ynys Môn",
            "12345",
            "CF10 1AAA",
            "1AA",
            "CF10 1A",
        ] {
            assert!(
                matches!(Query::parse(input), Query::Text(_)),
                "{input}: {:?}",
                Query::parse(input)
            );
        }
        assert_eq!(Query::parse("   "), Query::Empty);
    }

    #[test]
    fn look_alike_letters_and_digits() {
        let all = |input| {
            look_alikes(input)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert!(all("CF1O 1AA").contains(&"CF10 1AA".to_string()));
        assert!(all("CFI0 IAA").contains(&"CF10 1AA".to_string()));
        assert!(all("cf10 laa").contains(&"CF10 1AA".to_string()));
        assert!(all("SW1A 2AA").iter().all(|p| p != "SW1A 2AA"));
        assert!(all("Cardiff").is_empty());
        assert!(all("CF10 1A4").is_empty());
    }

    #[test]
    fn outward_area_letters() {
        assert_eq!(Outward::parse(b"CF10").unwrap().area(), "CF");
        assert_eq!(Outward::parse(b"M1").unwrap().area(), "M");
        assert_eq!(Outward::parse(b"W1A").unwrap().area(), "W");
    }
}
