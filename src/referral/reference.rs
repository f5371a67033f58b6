//! Request references, `RJ-XXXX-XXXX`: seven random Crockford base32 symbols and a
//! Crockford check symbol, so a mistyped reference is caught. Values whose check would
//! be one of Crockford's five extra symbols (`*~$=U`) are never issued, so references
//! read aloud as plain letters and digits.

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_SYMBOLS: usize = 7;
/// Draws before [`Reference::generate`] stops asking its random source.
const DRAWS: u32 = 16;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reference(u64);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a request reference")]
pub struct InvalidReference;

impl Reference {
    /// A new random reference. `random` gives 35 random bits per call. A value whose
    /// check would be an extra symbol is drawn again, at most [`DRAWS`] times (a real
    /// random source needs them all with a chance of (5/37)^16, about 10^-14); after
    /// that, it is moved down to the nearest value that has a plain check symbol, so a
    /// broken source (one that always gives the same value) cannot hang the caller.
    pub fn generate(mut random: impl FnMut() -> u64) -> Reference {
        let mut value = 0;
        for _ in 0..DRAWS {
            value = random() & ((1 << (5 * DATA_SYMBOLS)) - 1);
            if value % 37 < 32 {
                return Reference(value);
            }
        }
        // value % 37 is 32 to 36, so value is at least 32, and value - 5 has the check
        // symbol 27 to 31.
        Reference(value - 5)
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

    /// A constant source once looped for ever when its value's check was an extra
    /// symbol (1 in 7.4 values); every constant now gives a valid reference at once.
    /// (The source panics past its share of calls, so the old loop fails, not hangs.)
    #[test]
    fn a_constant_random_source_cannot_hang() {
        for constant in (0..200).chain([32, 36, u64::MAX, (1 << 35) - 1, 37 * 1000 + 33]) {
            let mut calls = 0;
            let r = Reference::generate(|| {
                calls += 1;
                assert!(calls <= DRAWS, "{constant}: drawn {calls} times");
                constant
            });
            assert_eq!(Reference::parse(&r.to_string()), Ok(r), "{constant}");
            assert!(r.0 % 37 < 32, "{constant}: a plain check symbol");
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
