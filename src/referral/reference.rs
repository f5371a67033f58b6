//! Request references, `RJ-XXXX-XXXX`: seven random Crockford base32 symbols and a
//! Crockford check symbol, so a mistyped reference is caught. Values whose check would
//! be one of Crockford's five extra symbols (`*~$=U`) are never issued, so references
//! read aloud as plain letters and digits.

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_SYMBOLS: usize = 7;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reference(u64);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a request reference")]
pub struct InvalidReference;

impl Reference {
    /// A new random reference. `random` gives 35 random bits per call.
    pub fn generate(mut random: impl FnMut() -> u64) -> Reference {
        loop {
            let value = random() & ((1 << (5 * DATA_SYMBOLS)) - 1);
            if value % 37 < 32 {
                return Reference(value);
            }
        }
    }

    /// Reads a reference as people type it: any case, with or without `RJ-` and dashes,
    /// and Crockford's look-alikes (`O` for 0, `I` and `L` for 1).
    pub fn parse(s: &str) -> Result<Reference, InvalidReference> {
        let upper = s.trim().to_ascii_uppercase();
        let body = upper.strip_prefix("RJ").unwrap_or(&upper);
        let symbols: Vec<u8> = body.bytes().filter(|b| *b != b'-' && *b != b' ').collect();
        if symbols.len() != DATA_SYMBOLS + 1 {
            return Err(InvalidReference);
        }
        let mut value = 0u64;
        for &b in &symbols[..DATA_SYMBOLS] {
            value = value * 32 + decode(b).ok_or(InvalidReference)?;
        }
        let check = decode(symbols[DATA_SYMBOLS]).ok_or(InvalidReference)?;
        if value % 37 == check {
            Ok(Reference(value))
        } else {
            Err(InvalidReference)
        }
    }
}

fn decode(b: u8) -> Option<u64> {
    let b = match b {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        other => other,
    };
    ALPHABET.iter().position(|&a| a == b).map(|p| p as u64)
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut symbols = [0u8; DATA_SYMBOLS + 1];
        let mut v = self.0;
        for i in (0..DATA_SYMBOLS).rev() {
            symbols[i] = ALPHABET[(v % 32) as usize];
            v /= 32;
        }
        symbols[DATA_SYMBOLS] = ALPHABET[(self.0 % 37) as usize];
        let s = std::str::from_utf8(&symbols).expect("ASCII");
        write!(f, "RJ-{}-{}", &s[..4], &s[4..])
    }
}

impl fmt::Debug for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter(start: u64) -> impl FnMut() -> u64 {
        let mut n = start;
        move || {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            n >> 20
        }
    }

    #[test]
    fn format_and_round_trip() {
        let mut rng = counter(7);
        for _ in 0..10_000 {
            let r = Reference::generate(&mut rng);
            let s = r.to_string();
            assert!(
                s.len() == 12 && s.starts_with("RJ-") && s.as_bytes()[7] == b'-',
                "{s}"
            );
            assert!(
                s[3..].bytes().all(|b| b == b'-' || ALPHABET.contains(&b)),
                "{s}"
            );
            assert_eq!(Reference::parse(&s), Ok(r));
            assert_eq!(Reference::parse(&s.to_lowercase().replace('-', "")), Ok(r));
        }
    }

    #[test]
    fn a_single_mistyped_symbol_is_caught() {
        let r = Reference::generate(counter(1));
        let s = r.to_string();
        for i in [3, 4, 5, 6, 8, 9, 10, 11] {
            for &a in ALPHABET {
                let mut bytes = s.clone().into_bytes();
                if bytes[i] == a {
                    continue;
                }
                bytes[i] = a;
                let typo = String::from_utf8(bytes).unwrap();
                assert_eq!(
                    Reference::parse(&typo),
                    Err(InvalidReference),
                    "{s} → {typo}"
                );
            }
        }
    }

    #[test]
    fn look_alikes_and_junk() {
        let r = Reference::generate(counter(3));
        let s = r.to_string().replace('0', "o").replace('1', "l");
        assert_eq!(Reference::parse(&s), Ok(r));
        for bad in [
            "",
            "RJ-",
            "RJ-1234-567",
            "RJ-1234-56789",
            "RJ-UUUU-UUUU",
            "../../etc/passwd",
        ] {
            assert!(Reference::parse(bad).is_err(), "{bad}");
        }
    }
}
