//! Every refusal or hold-up of the referral flow, each with its HTTP status and the
//! Fluent id that explains it: the one place that maps them.

/// Why a post was not taken as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    /// Posted from another site's page (`Sec-Fetch-Site` / `Origin`).
    OtherSite,
    /// A body over the size limit.
    TooBig,
    /// The hidden field was filled in: an automated sender.
    Automated,
    /// Too many new requests from one client in an hour.
    TooMany,
    /// The request could not be stored (database error).
    NotStored,
    /// The confirmation page could not be read (database error).
    Unavailable,
    /// Text that is not UTF-8, or a field the form does not have: answers shown again.
    Unreadable,
    /// A token we did not issue: answers back to check, with a fresh token.
    Expired,
    /// Sent faster than a person could fill in the form: answers back to check.
    TooFast,
    /// A form opened more than a day ago: answers back to check, with a fresh token.
    TooOld,
    /// A page after a post, opened again once its answers were deleted (sent, changed,
    /// Exit) or had expired: nothing personal is shown again.
    Gone,
    /// A feedback post not counted: a forged or expired token, an unknown page, an
    /// answer not on the list, or too many from one network. One message for all.
    FeedbackNotCounted,
}

impl Problem {
    pub const ALL: [Problem; 12] = [
        Problem::OtherSite,
        Problem::TooBig,
        Problem::Automated,
        Problem::TooMany,
        Problem::NotStored,
        Problem::Unavailable,
        Problem::Unreadable,
        Problem::Expired,
        Problem::TooFast,
        Problem::TooOld,
        Problem::Gone,
        Problem::FeedbackNotCounted,
    ];

    /// The HTTP status of a page that shows this problem on its own. Problems shown
    /// above the person's answers are 200: the page is the form, working as meant.
    pub fn status(self) -> u16 {
        match self {
            Problem::OtherSite => 403,
            Problem::TooBig => 413,
            Problem::Automated => 400,
            Problem::TooMany => 429,
            Problem::NotStored | Problem::Unavailable => 503,
            Problem::Gone => 410,
            Problem::FeedbackNotCounted => 400,
            Problem::Unreadable | Problem::Expired | Problem::TooFast | Problem::TooOld => 200,
        }
    }

    /// The Fluent id of the explanation.
    pub fn message_id(self) -> &'static str {
        match self {
            Problem::OtherSite => "refer-problem-other-site",
            Problem::TooBig => "refer-problem-too-big",
            Problem::Automated | Problem::NotStored => "refer-problem-not-sent",
            Problem::TooMany => "refer-problem-too-many",
            Problem::Unavailable => "refer-problem-unavailable",
            Problem::Unreadable => "refer-error-unreadable",
            Problem::Expired | Problem::TooFast => "refer-error-expired",
            Problem::TooOld => "refer-error-too-old",
            Problem::Gone => "refer-problem-gone",
            Problem::FeedbackNotCounted => "feedback-not-counted",
        }
    }
}
