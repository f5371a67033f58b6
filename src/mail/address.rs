//! An email address, checked for the shape every mail system accepts. Used for service
//! addresses in the directory and for the referral form.

use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("`{0}` is not a valid email address")]
pub struct InvalidEmail(pub String);

impl EmailAddress {
    /// Accepts `local@domain.tld`: no spaces or control characters, one `@`, a local
    /// part of printable ASCII, and a domain of letters, digits and hyphens in dotted
    /// labels. Internationalised addresses are rare enough in this setting to refuse.
    pub fn parse(s: &str) -> Result<Self, InvalidEmail> {
        let s = s.trim();
        let err = || InvalidEmail(s.to_string());
        if s.len() > 254 {
            return Err(err());
        }
        let (local, domain) = s.rsplit_once('@').ok_or_else(err)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
        if local_ok && domain_ok {
            Ok(Self(s.to_string()))
        } else {
            Err(err())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }

    /// Whether this is a placeholder under a domain reserved for examples (RFC 2606).
    pub fn is_example(&self) -> bool {
        is_example_domain(self.domain())
    }
}

/// `example.com`, `example.org`, `example.net`, `*.example` and their subdomains.
pub fn is_example_domain(domain: &str) -> bool {
    let d = domain.to_ascii_lowercase();
    ["example.com", "example.org", "example.net", "example"]
        .iter()
        .any(|e| d == *e || d.ends_with(&format!(".{e}")))
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for EmailAddress {
    // An address is personal data: never print it in logs by accident.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmailAddress(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "a@example.org",
            "first.last+tag@sub.example.co.uk",
            "o'neill@example.com",
        ] {
            assert!(EmailAddress::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in [
            "",
            "a",
            "a@",
            "@b.org",
            "a@b",
            "a b@c.org",
            "a@b..org",
            "a@-b.org",
            "a@b.org\r\nBcc: x@y.org",
            "a..b@c.org",
            "a@b.c0",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn knows_example_domains() {
        assert!(EmailAddress::parse("x@example.org").unwrap().is_example());
        assert!(
            EmailAddress::parse("x@referrals.example.org")
                .unwrap()
                .is_example()
        );
        assert!(EmailAddress::parse("x@rj.example").unwrap().is_example());
        assert!(!EmailAddress::parse("x@myexample.org").unwrap().is_example());
    }

    #[test]
    fn debug_hides_the_address() {
        let e = EmailAddress::parse("secret@example.org").unwrap();
        assert!(!format!("{e:?}").contains("secret"));
    }
}
