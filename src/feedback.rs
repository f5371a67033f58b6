//! The person's feedback, with no cookie, no identifier and JavaScript off: "How easy
//! was it to ask?" on the confirmation page (five points, and an optional choice from a
//! fixed list of what was hard), and "Was this page useful?" on each information page.
//! Only counters are kept (`store::feedback`). Here: the answers' vocabulary, the forms'
//! signed tokens, reading a post, and the one pure decision on it.
//!
//! An information page is the same for every reader and kept in memory, so its token
//! is page-level (an HMAC of the page's key): it only proves the form came from one of
//! our pages. Repeats from one network are bounded by the per-network limit instead.
//! The confirmation page is personal, so its token is bound to that confirmation (its
//! handoff id, the request's area and when it was shown) and used at most once.

use crate::i18n::Page;
use crate::keys::KeyRing;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::Mac;

/// How long a confirmation page's feedback token is accepted, and so how long its
/// used-token record is kept.
pub const SENT_TOKEN_SECONDS: i64 = 24 * 60 * 60;

/// Feedback posts (of either kind) one network may make in an hour.
pub const LIMIT_PER_HOUR: u32 = 20;

/// "How easy was it to ask?", five points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ease {
    VeryEasy,
    Easy,
    Neither,
    Difficult,
    VeryDifficult,
}

impl Ease {
    pub const ALL: [Ease; 5] = [
        Ease::VeryEasy,
        Ease::Easy,
        Ease::Neither,
        Ease::Difficult,
        Ease::VeryDifficult,
    ];

    /// The form's value and the counter's answer.
    pub fn value(self) -> &'static str {
        match self {
            Ease::VeryEasy => "very-easy",
            Ease::Easy => "easy",
            Ease::Neither => "neither",
            Ease::Difficult => "difficult",
            Ease::VeryDifficult => "very-difficult",
        }
    }

    pub fn parse(text: &str) -> Option<Ease> {
        Ease::ALL.into_iter().find(|e| e.value() == text)
    }

    /// The Fluent id of its label.
    pub fn message_id(self) -> String {
        format!("feedback-ease-{}", self.value())
    }
}

/// What was hard: a fixed list, so nothing personal can be typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hard {
    FindingArea,
    Questions,
    Contact,
    Time,
    Other,
}

impl Hard {
    pub const ALL: [Hard; 5] = [
        Hard::FindingArea,
        Hard::Questions,
        Hard::Contact,
        Hard::Time,
        Hard::Other,
    ];

    pub fn value(self) -> &'static str {
        match self {
            Hard::FindingArea => "area",
            Hard::Questions => "questions",
            Hard::Contact => "contact",
            Hard::Time => "time",
            Hard::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Hard> {
        Hard::ALL.into_iter().find(|h| h.value() == text)
    }

    pub fn message_id(self) -> String {
        format!("feedback-hard-{}", self.value())
    }
}

/// Signs and checks the forms' tokens.
#[derive(Clone)]
pub struct FeedbackTokens {
    keys: KeyRing,
    /// Which pages carry the "Was this page useful?" form: the pages know
    /// (`pages::content::has_feedback_form`), so they are asked, not imported.
    has_form: fn(Page) -> bool,
}

impl FeedbackTokens {
    pub fn new(keys: KeyRing, has_form: fn(Page) -> bool) -> Self {
        Self { keys, has_form }
    }

    fn tag(key: &crate::keys::Key, text: &str) -> String {
        let mut mac = key.mac();
        mac.update(text.as_bytes());
        URL_SAFE_NO_PAD.encode(&mac.finalize().into_bytes()[..16])
    }

    fn accepts(&self, text: &str, tag: &str) -> bool {
        self.keys.accepted().any(|key| {
            let mut mac = key.mac();
            mac.update(text.as_bytes());
            URL_SAFE_NO_PAD
                .decode(tag)
                .is_ok_and(|bytes| bytes.len() == 16 && mac.verify_truncated_left(&bytes).is_ok())
        })
    }

    /// An information page's token: the same for every reader, so the page can be kept.
    pub fn page_token(&self, page: Page) -> String {
        Self::tag(self.keys.current(), &format!("page\n{}", page.key()))
    }

    /// The confirmation page's token, bound to its handoff `id`, the request's `area`
    /// and the time it was shown.
    pub fn sent_token(&self, id: &str, area: &str, now: i64) -> String {
        let tag = Self::tag(self.keys.current(), &sent_text(now, area, id));
        format!("{now}.{area}.{id}.{tag}")
    }

    /// The information page named by `key`, if `token` is its own.
    fn check_page(&self, key: &str, token: &str) -> Option<Page> {
        let page = Page::from_key(key).filter(|p| (self.has_form)(*p))?;
        self.accepts(&format!("page\n{}", page.key()), token)
            .then_some(page)
    }

    /// What a confirmation's token binds, if it is ours and not expired.
    fn check_sent(&self, token: &str, now: i64) -> Option<SentBinding> {
        let mut parts = token.split('.');
        let (issued, area, id, tag) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let issued: i64 = issued.parse().ok()?;
        if !(0..=SENT_TOKEN_SECONDS).contains(&(now - issued)) {
            return None;
        }
        self.accepts(&sent_text(issued, area, id), tag)
            .then(|| SentBinding {
                area: area.to_string(),
                once: id.to_string(),
            })
    }
}

fn sent_text(issued: i64, area: &str, id: &str) -> String {
    format!("sent\n{issued}\n{area}\n{id}")
}

/// What a confirmation's token stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentBinding {
    /// The request's police area (its slug): what the answers are counted under.
    pub area: String,
    /// The confirmation's handoff id: each is counted once.
    pub once: String,
}

/// A feedback post as read from its body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posted {
    kind: String,
    page: String,
    token: String,
    useful: String,
    ease: String,
    hard: Vec<String>,
}

/// Reads a form body; unknown fields are ignored, nothing fails here.
pub fn read(body: &[u8]) -> Posted {
    let mut posted = Posted::default();
    for (key, value) in form_urlencoded::parse(body) {
        let value = value.into_owned();
        match key.as_ref() {
            "kind" => posted.kind = value,
            "page" => posted.page = value,
            "token" => posted.token = value,
            "useful" => posted.useful = value,
            "ease" => posted.ease = value,
            "hard" => posted.hard.push(value),
            _ => {}
        }
    }
    posted
}

/// What to do with a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Count "useful: yes/no" for an information page.
    Page { page: Page, useful: bool },
    /// Count the confirmation's answers, once per `binding.once`.
    Sent {
        binding: SentBinding,
        ease: Ease,
        hard: Vec<Hard>,
    },
    /// A forged or expired token, an unknown page or an answer not on the list: refused,
    /// always with the same message.
    Refuse,
}

/// The one decision: a post and the time in, what to count out.
pub fn decide(posted: &Posted, tokens: &FeedbackTokens, now: i64) -> Decision {
    match posted.kind.as_str() {
        "page" => {
            let useful = match posted.useful.as_str() {
                "yes" => true,
                "no" => false,
                _ => return Decision::Refuse,
            };
            match tokens.check_page(&posted.page, &posted.token) {
                Some(page) => Decision::Page { page, useful },
                None => Decision::Refuse,
            }
        }
        "sent" => {
            let Some(binding) = tokens.check_sent(&posted.token, now) else {
                return Decision::Refuse;
            };
            let Some(ease) = Ease::parse(&posted.ease) else {
                return Decision::Refuse;
            };
            let mut hard = Vec::new();
            for text in &posted.hard {
                match Hard::parse(text) {
                    Some(h) if !hard.contains(&h) => hard.push(h),
                    Some(_) => {}
                    None => return Decision::Refuse,
                }
            }
            Decision::Sent {
                binding,
                ease,
                hard,
            }
        }
        _ => Decision::Refuse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{Purpose, Secrets};

    fn tokens(secret: &str) -> FeedbackTokens {
        // Here only the home page has no form (the site asks `pages::content`).
        FeedbackTokens::new(Secrets::from_text(secret).ring(Purpose::Feedback), |p| {
            p != Page::Home
        })
    }

    fn body(pairs: &[(&str, &str)]) -> Vec<u8> {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
            .into_bytes()
    }

    #[test]
    fn a_page_token_is_the_pages_own() {
        let t = tokens("a-secret-of-thirty-two-characters!");
        let token = t.page_token(Page::WhatIsRj);
        let yes = read(&body(&[
            ("kind", "page"),
            ("page", "what-is-rj"),
            ("token", &token),
            ("useful", "yes"),
        ]));
        assert_eq!(
            decide(&yes, &t, 0),
            Decision::Page {
                page: Page::WhatIsRj,
                useful: true
            }
        );
        // Another page's token, an unknown page, a page with no form, another secret.
        for (page, token) in [
            ("ways", token.clone()),
            ("nowhere", token.clone()),
            ("home", t.page_token(Page::Home)),
            (
                "what-is-rj",
                tokens("another-secret-of-thirty-two-chars").page_token(Page::WhatIsRj),
            ),
        ] {
            let posted = read(&body(&[
                ("kind", "page"),
                ("page", page),
                ("token", &token),
                ("useful", "yes"),
            ]));
            assert_eq!(decide(&posted, &t, 0), Decision::Refuse, "{page}");
        }
    }

    #[test]
    fn a_sent_token_binds_its_confirmation_and_expires() {
        let t = tokens("a-secret-of-thirty-two-characters!");
        let token = t.sent_token("AAAAAAAAAAAAAAAAAAAAAA", "kent", 1000);
        let posted = |token: &str, ease: &str, hard: &[&str]| {
            let mut pairs = vec![("kind", "sent"), ("token", token), ("ease", ease)];
            pairs.extend(hard.iter().map(|h| ("hard", *h)));
            read(&body(&pairs))
        };
        assert_eq!(
            decide(
                &posted(&token, "difficult", &["area", "time", "area"]),
                &t,
                2000
            ),
            Decision::Sent {
                binding: SentBinding {
                    area: "kent".into(),
                    once: "AAAAAAAAAAAAAAAAAAAAAA".into()
                },
                ease: Ease::Difficult,
                hard: vec![Hard::FindingArea, Hard::Time],
            }
        );
        let forged = token.replace("kent", "essex");
        assert_eq!(
            decide(&posted(&forged, "easy", &[]), &t, 2000),
            Decision::Refuse
        );
        assert_eq!(
            decide(
                &posted(&token, "easy", &[]),
                &t,
                1000 + SENT_TOKEN_SECONDS + 1
            ),
            Decision::Refuse
        );
        assert_eq!(decide(&posted(&token, "", &[]), &t, 2000), Decision::Refuse);
        assert_eq!(
            decide(&posted(&token, "easy", &["my name"]), &t, 2000),
            Decision::Refuse
        );
    }
}
