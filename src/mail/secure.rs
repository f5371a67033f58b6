//! Which email addresses may receive a request's full answers: those in a secure email
//! domain (`RJ_SECURE_EMAIL_DOMAINS`: CJSM, the police's and government's networks,
//! the NHS) or a subdomain of one, and those the operator has attested. A domain is
//! parsed once into lower-case labels, so `Kent.PNN.Police.UK` matches `pnn.police.uk`
//! and `evilpolice.uk` never matches `police.uk`.

use super::address::EmailAddress;
use std::fmt;

/// The secure domains when `RJ_SECURE_EMAIL_DOMAINS` is not set.
pub const DEFAULT_SECURE_DOMAINS: &str =
    "cjsm.net, pnn.police.uk, police.uk, gov.uk, gov.wales, llyw.cymru, nhs.net";

/// A mail domain: two or more dotted labels of letters, digits and hyphens, kept in
/// lower case.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Domain(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("`{0}` is not a mail domain (such as `cjsm.net`)")]
pub struct InvalidDomain(pub String);

impl Domain {
    pub fn parse(text: &str) -> Result<Self, InvalidDomain> {
        let lower = text.trim().trim_end_matches('.').to_ascii_lowercase();
        let labels: Vec<&str> = lower.split('.').collect();
        let ok = labels.len() >= 2
            && lower.len() <= 253
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if ok {
            Ok(Self(lower))
        } else {
            Err(InvalidDomain(text.trim().to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `other` is this domain or one under it, label by label.
    pub fn covers(&self, other: &Domain) -> bool {
        other.0 == self.0
            || other
                .0
                .strip_suffix(&self.0)
                .is_some_and(|rest| rest.ends_with('.'))
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The list of secure domains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecureDomains(Vec<Domain>);

impl Default for SecureDomains {
    fn default() -> Self {
        Self::parse(DEFAULT_SECURE_DOMAINS).expect("the default list is valid")
    }
}

impl SecureDomains {
    /// A comma-separated list; blank entries are skipped.
    pub fn parse(text: &str) -> Result<Self, InvalidDomain> {
        text.split(',')
            .filter(|d| !d.trim().is_empty())
            .map(Domain::parse)
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    /// Whether mail to `address` stays within a secure domain.
    pub fn is_secure(&self, address: &EmailAddress) -> bool {
        let Ok(domain) = Domain::parse(address.domain()) else {
            return false;
        };
        self.0.iter().any(|d| d.covers(&domain))
    }

    pub fn domains(&self) -> &[Domain] {
        &self.0
    }
}

impl fmt::Display for SecureDomains {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.0.iter().map(Domain::as_str).collect();
        f.write_str(&names.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secure(address: &str) -> bool {
        SecureDomains::default().is_secure(&EmailAddress::parse(address).unwrap())
    }

    #[test]
    fn a_secure_domain_and_its_subdomains_are_secure() {
        for ok in [
            "referrals@cjsm.net",
            "rj@org.cjsm.net",
            "rj@kent.pnn.police.uk",
            "rj@rj.kent.pnn.police.uk",
            "rj@police.uk",
            "rj@justice.gov.uk",
            "rj@gov.wales",
            "rj@llyw.cymru",
            "rj@nhs.net",
            // Case does not matter.
            "RJ@Kent.PNN.Police.UK",
        ] {
            assert!(secure(ok), "{ok}");
        }
    }

    #[test]
    fn only_a_whole_label_matches() {
        for no in [
            "rj@evilpolice.uk",
            "rj@notcjsm.net",
            "rj@cjsm.net.example.org",
            "rj@police.uk.example.org",
            "rj@gov.uk.evil.org",
            "rj@xgov.wales",
            "rj@kent-service.example",
            "rj@gmail.com",
        ] {
            assert!(!secure(no), "{no}");
        }
    }

    #[test]
    fn the_list_is_parsed_once_and_mistakes_are_refused() {
        let list = SecureDomains::parse(" CJSM.net ,, Example.Org. ").unwrap();
        assert_eq!(list.to_string(), "cjsm.net, example.org");
        assert!(list.is_secure(&EmailAddress::parse("a@rj.example.org").unwrap()));
        assert!(!list.is_secure(&EmailAddress::parse("a@nhs.net").unwrap()));
        for bad in [
            "cjsm",
            "*.cjsm.net",
            "cjsm..net",
            "-a.net",
            "a b.net",
            "a@b.net",
        ] {
            assert!(SecureDomains::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(SecureDomains::default().domains().len(), 7);
        let d = Domain::parse("Police.UK").unwrap();
        assert!(d.covers(&Domain::parse("a.b.police.uk").unwrap()));
        assert!(!d.covers(&Domain::parse("evilpolice.uk").unwrap()));
    }
}
