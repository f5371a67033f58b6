//! The staff inbox's pages, rendered to HTML strings by the handlers in `server::staff`
//! (they are personal: never kept in the page cache). Small parts composed: a frame
//! (header with who is signed in, navigation, sign-out, the other language), tables,
//! and forms that work with JavaScript off; only the passkey ceremony needs a script.

use crate::calendar::{long_date, uk_clock, uk_date};
use crate::components::assets::stylesheet_url;
use crate::i18n::{Lang, Tr};
use crate::staff::audit::Row as AuditRow;
use crate::staff::{InboxState, Member, Outcome, Role};
use crate::store::{InboxFilter, InboxRow, MemberRow};
use leptos::prelude::*;

/// A staff page's address in `lang`: English under `/staff`, Welsh under `/staff/cy`,
/// with the Welsh slugs.
pub fn path(lang: Lang, page: StaffPage) -> String {
    let (en, cy) = match page {
        StaffPage::List => ("", ""),
        StaffPage::SignIn => ("/sign-in", "/mewngofnodi"),
        StaffPage::Audit => ("/audit", "/archwilio"),
        StaffPage::Members => ("/members", "/aelodau"),
        StaffPage::Export => ("/export", "/allforio"),
        StaffPage::Numbers => ("/numbers", "/ffigurau"),
    };
    match lang {
        Lang::En => format!("/staff{en}"),
        Lang::Cy => format!("/staff/cy{cy}"),
    }
}

/// A request's page.
pub fn request_path(lang: Lang, reference: &str) -> String {
    crate::i18n::staff_request_path(lang, reference)
}

/// An invitation's page.
pub fn invitation_path(lang: Lang, token: &str) -> String {
    match lang {
        Lang::En => format!("/staff/invitation/{token}"),
        Lang::Cy => format!("/staff/cy/gwahoddiad/{token}"),
    }
}

/// The staff pages with a fixed address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffPage {
    List,
    SignIn,
    Audit,
    Members,
    /// The list as a file (`?format=csv|json`, with the list's filters).
    Export,
    /// A commissioner's numbers (`pages::numbers`).
    Numbers,
}

/// The passkey helper's address (`public/js/passkey.js`), versioned by its content.
pub fn passkey_script_url() -> String {
    const VERSION: u64 =
        crate::components::assets::content_hash(include_bytes!("../../public/js/passkey.js"));
    format!("/js/passkey.js?v={VERSION:016x}")
}

/// Who is signed in, for the header.
pub struct Header<'a> {
    pub member: Option<&'a Member>,
    /// The same page in the other language.
    pub other: String,
}

/// The whole document around `body`.
pub fn document(lang: Lang, title: &str, header: Header<'_>, body: AnyView) -> String {
    let tr = Tr(lang);
    let other_lang = lang.other();
    let full_title = format!("{title} - {}", tr.t("staff-title"));
    let who = header.member.map(|m| {
        let admin = m.roles.has(Role::Admin);
        let commissioner = m.roles.has(Role::Commissioner);
        let sign_out = format!("{}/sign-out", path(lang, StaffPage::List).trim_end_matches('/'));
        // Its own bar, not the public site's `rj-nav`: that one has white links for the
        // header's dark background and is hidden on narrow screens (the public menu
        // takes over there), so on a white page its links could not be read or reached.
        view! {
            <div class="rj-staff-bar">
                <p class="rj-meta">{tr.t_args("staff-signed-in-as", &[("email", m.email.as_str().to_string().into())])}</p>
                <nav class="rj-staff-nav" aria-label=tr.t("staff-title")>
                    <ul class="rj-staff-nav__list">
                        <li><a href=path(lang, StaffPage::List)>{tr.t("staff-nav-requests")}</a></li>
                        {commissioner.then(|| view! {
                            <li><a href=path(lang, StaffPage::Numbers)>{tr.t("staff-nav-numbers")}</a></li>
                        })}
                        {admin.then(|| view! {
                            <li><a href=path(lang, StaffPage::Audit)>{tr.t("staff-nav-audit")}</a></li>
                            <li><a href=path(lang, StaffPage::Members)>{tr.t("staff-nav-members")}</a></li>
                        })}
                    </ul>
                </nav>
                <form method="post" action=sign_out>
                    <button type="submit" class="rj-link-button">{tr.t("staff-sign-out")}</button>
                </form>
            </div>
        }
    });
    let html = view! {
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="robots" content="noindex, nofollow" />
                <title>{full_title}</title>
                <link rel="stylesheet" href=stylesheet_url() />
            </head>
            <body>
                <a class="rj-skip-link" href="#main">{tr.t("frame-skip-link")}</a>
                <header class="rj-header">
                    <div class="rj-header__inner rj-width">
                        <p class="rj-header__name">{tr.t("staff-site")}</p>
                        <a class="rj-header__lang" href=header.other hreflang=other_lang.code() lang=other_lang.code()>
                            {other_lang.endonym()}
                        </a>
                    </div>
                </header>
                <div class="rj-width">
                    {who}
                    <main id="main" class="rj-main">
                        <h1>{title.to_string()}</h1>
                        {body}
                    </main>
                </div>
            </body>
        </html>
    }
    .to_html();
    format!("<!DOCTYPE html>{html}")
}

/// A short message above a page's content: a notice (done) or an error.
pub fn notice(text: Option<String>, error: bool) -> AnyView {
    match text {
        None => ().into_any(),
        Some(text) if error => view! {
            <div class="rj-error-summary" role="alert" tabindex="-1">
                <p class="rj-error-summary__title">{text}</p>
            </div>
        }
        .into_any(),
        Some(text) => view! { <div class="rj-inset" role="status"><p>{text}</p></div> }.into_any(),
    }
}

/// The sign-in page: one button (the script runs the ceremony) and, without the script,
/// the reason it cannot work.
pub fn sign_in(lang: Lang, message: Option<(String, bool)>, providers: &[SignInLink]) -> String {
    let tr = Tr(lang);
    let (text, error) = message.map_or((None, false), |(t, e)| (Some(t), e));
    // Links, not forms: the staff policy's `form-action 'self'` would stop a form's
    // redirect to the provider, and a link works with JavaScript off.
    let organisation = (!providers.is_empty()).then(|| {
        let links = providers
            .iter()
            .map(|p| {
                let text = match &p.label {
                    Some(label) => tr.t_args("staff-oidc-button", &[("label", label.clone().into())]),
                    None => tr.t("staff-oidc-button-default"),
                };
                view! { <li><a class="rj-button" href=p.href.clone() draggable="false">{text}</a></li> }
            })
            .collect::<Vec<_>>();
        view! {
            <p>{tr.t("staff-oidc-intro")}</p>
            <ul class="rj-staff-oidc">{links}</ul>
        }
    });
    let body = view! {
        {notice(text, error)}
        {organisation}
        <p>{tr.t("staff-sign-in-intro")}</p>
        <div id="passkey" data-mode="sign-in" data-options=format!("{}/options", path(lang, StaffPage::SignIn))
            data-finish=format!("{}/finish", path(lang, StaffPage::SignIn))
            data-failed=tr.t("staff-sign-in-failed") data-next=path(lang, StaffPage::List)>
            <p class="rj-error-message" hidden data-error></p>
            <button type="button" class="rj-button" hidden data-start>{tr.t("staff-sign-in-button")}</button>
            <p data-needs-js>{tr.t("staff-needs-js")}</p>
        </div>
        <script src=passkey_script_url() defer></script>
    }
    .into_any();
    document(
        lang,
        &tr.t("staff-sign-in-title"),
        Header {
            member: None,
            other: path(lang.other(), StaffPage::SignIn),
        },
        body,
    )
}

/// A button on the sign-in page for one organisation's account.
pub struct SignInLink {
    /// The operator's text ("Contoso account"), or none for the default words.
    pub label: Option<String>,
    pub href: String,
}

/// The one page for every refused (or unfinished) sign-in with an organisation's
/// account: the same words whatever the reason, and the way back to signing in.
pub fn oidc_refused(lang: Lang, message_id: &str) -> String {
    let tr = Tr(lang);
    let body = view! {
        {notice(Some(tr.t(message_id)), true)}
        <p><a href=path(lang, StaffPage::SignIn)>{tr.t("staff-oidc-back")}</a></p>
    }
    .into_any();
    document(
        lang,
        &tr.t("staff-oidc-refused-title"),
        Header {
            member: None,
            other: path(lang.other(), StaffPage::SignIn),
        },
        body,
    )
}

/// Signed in with an organisation's account: on to the list. The browser arrives here
/// from the provider (another site), so it holds back the SameSite=Strict session
/// cookie until a navigation starts on this site: this page's refresh (or its link).
pub fn oidc_signed_in(lang: Lang) -> String {
    let tr = Tr(lang);
    let next = path(lang, StaffPage::List);
    let body = view! {
        <p><a class="rj-button" href=next.clone()>{tr.t("staff-oidc-continue")}</a></p>
    }
    .into_any();
    let page = document(
        lang,
        &tr.t("staff-oidc-signed-in-title"),
        Header {
            member: None,
            other: path(lang.other(), StaffPage::List),
        },
        body,
    );
    page.replacen(
        "<head>",
        &format!("<head><meta http-equiv=\"refresh\" content=\"0; url={next}\">"),
        1,
    )
}

/// An invitation: make a passkey (or why the invitation cannot be used).
pub fn invitation(lang: Lang, token: &str, email: Option<&str>) -> String {
    let tr = Tr(lang);
    let here = invitation_path(lang, token);
    let body = match email {
        None => view! { <p>{tr.t("staff-invitation-gone")}</p> }.into_any(),
        Some(email) => view! {
            <p>{tr.t_args("staff-invitation-intro", &[("email", email.to_string().into())])}</p>
            <div id="passkey" data-mode="register" data-options=format!("{here}/options")
                data-finish=format!("{here}/finish") data-failed=tr.t("staff-sign-in-failed")
                data-next=path(lang, StaffPage::List)>
                <p class="rj-error-message" hidden data-error></p>
                <button type="button" class="rj-button" hidden data-start>{tr.t("staff-invitation-button")}</button>
                <p data-needs-js>{tr.t("staff-needs-js")}</p>
            </div>
            <script src=passkey_script_url() defer></script>
        }
        .into_any(),
    };
    document(
        lang,
        &tr.t("staff-invitation-title"),
        Header {
            member: None,
            other: invitation_path(lang.other(), token),
        },
        body,
    )
}

fn state_label(lang: Lang, state: InboxState) -> String {
    Tr(lang).t(&format!("staff-state-{}", state.as_str()))
}

/// An audit entry's action in `lang`; a word with no message (none today) as stored.
fn event_label(lang: Lang, action: &str) -> String {
    let tr = Tr(lang);
    let id = format!("staff-event-{action}");
    if tr.has(&id) {
        tr.t(&id)
    } else {
        action.to_string()
    }
}

/// A member's roles in `lang`, joined.
fn roles_label(lang: Lang, roles: &crate::staff::Roles) -> String {
    let tr = Tr(lang);
    roles
        .iter()
        .map(|r| tr.t(&format!("staff-role-{}", r.as_str())))
        .collect::<Vec<_>>()
        .join(", ")
}

fn outcome_label(lang: Lang, outcome: Outcome) -> String {
    Tr(lang).t(&format!("staff-outcome-{}", outcome.as_str()))
}

/// The area's name in `lang`, or its slug if unknown.
pub type AreaName<'a> = &'a dyn Fn(&str) -> String;

/// The list of requests with its filter form (a GET form: works without JavaScript).
#[allow(clippy::too_many_arguments)]
pub fn list(
    lang: Lang,
    member: &Member,
    rows: &[InboxRow],
    filter: &InboxFilter,
    next: Option<i64>,
    areas: &[(String, String)],
    now: i64,
    area_name: AreaName<'_>,
) -> String {
    let tr = Tr(lang);
    let here = path(lang, StaffPage::List);
    let body = if !member.reads_requests() && member.roles.has(Role::Commissioner) {
        view! {
            <p>{tr.t("staff-list-numbers-only")}</p>
            <p><a href=path(lang, StaffPage::Numbers)>{tr.t("staff-list-numbers-link")}</a></p>
        }
        .into_any()
    } else if !member.reads_requests() {
        view! { <p>{tr.t("staff-list-admin-only")}</p> }.into_any()
    } else {
        let state_options = InboxState::ALL
            .iter()
            .map(|s| {
                let selected = filter.state == Some(*s);
                view! { <option value=s.as_str() selected=selected>{state_label(lang, *s)}</option> }
            })
            .collect_view();
        let area_options = areas
            .iter()
            .map(|(slug, name)| {
                let selected = filter.area.as_deref() == Some(slug.as_str());
                view! { <option value=slug.clone() selected=selected>{name.clone()}</option> }
            })
            .collect_view();
        let table_rows = rows
            .iter()
            .map(|r| {
                let reference = r.reference.to_string();
                let days = (now - r.created_at).max(0) / 86_400;
                view! {
                    <tr>
                        <td><a href=request_path(lang, &reference)>{reference.clone()}</a></td>
                        <td>{area_name(&r.area)}</td>
                        <td>{state_label(lang, r.state)}</td>
                        <td>{tr.t_args("staff-age-days", &[("days", days.into())])}</td>
                    </tr>
                }
            })
            .collect_view();
        let older = next.map(|id| {
            let mut query = format!("?before={id}");
            if let Some(s) = filter.state {
                query.push_str(&format!("&state={}", s.as_str()));
            }
            if let Some(a) = &filter.area {
                query.push_str(&format!("&area={a}"));
            }
            view! { <p><a href=format!("{here}{query}")>{tr.t("staff-older")}</a></p> }
        });
        // The same requests as a file, with the same filters (the newest 1,000).
        let download = (!rows.is_empty()).then(|| {
            let export = path(lang, StaffPage::Export);
            let mut query = String::new();
            if let Some(s) = filter.state {
                query.push_str(&format!("&state={}", s.as_str()));
            }
            if let Some(a) = &filter.area {
                query.push_str(&format!("&area={a}"));
            }
            let csv = format!("{export}?format=csv{query}");
            let json = format!("{export}?format=json{query}");
            view! {
                <p>
                    {tr.t("staff-download")}" "
                    <a href=csv download="">{tr.t("staff-download-csv")}</a>
                    " | "
                    <a href=json download="">{tr.t("staff-download-json")}</a>
                </p>
            }
        });
        let table = if rows.is_empty() {
            view! { <p>{tr.t("staff-list-none")}</p> }.into_any()
        } else {
            view! {
                <table class="rj-table">
                    <thead><tr>
                        <th scope="col">{tr.t("staff-col-reference")}</th>
                        <th scope="col">{tr.t("staff-col-area")}</th>
                        <th scope="col">{tr.t("staff-col-state")}</th>
                        <th scope="col">{tr.t("staff-col-age")}</th>
                    </tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            }
            .into_any()
        };
        view! {
            <form method="get" action=here.clone() class="rj-filter">
                <div class="rj-form-group">
                    <label class="rj-label" for="state">{tr.t("staff-filter-state")}</label>
                    <select class="rj-select" id="state" name="state">
                        <option value="">{tr.t("staff-filter-any")}</option>
                        {state_options}
                    </select>
                </div>
                <div class="rj-form-group">
                    <label class="rj-label" for="area">{tr.t("staff-filter-area")}</label>
                    <select class="rj-select" id="area" name="area">
                        <option value="">{tr.t("staff-filter-any")}</option>
                        {area_options}
                    </select>
                </div>
                <button type="submit" class="rj-button">{tr.t("staff-filter-button")}</button>
            </form>
            {table}
            {older}
            {download}
        }
        .into_any()
    };
    document(
        lang,
        &tr.t("staff-list-title"),
        Header {
            member: Some(member),
            other: path(lang.other(), StaffPage::List),
        },
        body,
    )
}

/// A request's answers as its page shows them: the safety lines, then each answer's
/// label and value.
pub struct Answers {
    pub safety: Vec<String>,
    pub rows: Vec<(String, String)>,
}

/// What a request's page shows besides its facts.
pub struct RequestView {
    pub row: InboxRow,
    /// The safety lines and the answers (label, value), while they are held.
    pub answers: Option<Answers>,
    /// Services on the site triage may pass it to (slug, name); `None`: not triage.
    pub pass_targets: Option<Vec<(String, String)>>,
    pub message: Option<(String, bool)>,
}

/// One request: safety first, then the answers, then what can be recorded.
pub fn request(lang: Lang, member: &Member, v: RequestView, area_name: AreaName<'_>) -> String {
    let tr = Tr(lang);
    let r = &v.row;
    let reference = r.reference.to_string();
    let here = request_path(lang, &reference);
    let came = tr.t_args(
        "staff-came",
        &[
            ("date", long_date(lang, uk_date(r.created_at)).into()),
            ("time", uk_clock(r.created_at).into()),
        ],
    );
    let route = tr.t(match r.routed.via {
        crate::areas::directory::Via::Direct => "staff-route-direct",
        crate::areas::directory::Via::Triage => "staff-route-triage",
    });
    let youth = (r.routed.audience == crate::areas::directory::Audience::Youth)
        .then(|| view! { <li>{tr.t("staff-route-youth")}</li> });
    let outcome = r.outcome.map(|o| {
        view! { <li>{tr.t_args("staff-outcome-was", &[("outcome", outcome_label(lang, o).into())])}</li> }
    });
    let passed = r.passed_to.as_deref().and_then(|p| p.strip_prefix("outside:")).map(|name| {
        view! { <li>{tr.t_args("staff-passed-to", &[("service", name.to_string().into())])}</li> }
    });
    let answers = match v.answers {
        None => view! { <p>{tr.t("staff-answers-gone")}</p> }.into_any(),
        Some(Answers { safety, rows }) => {
            let safety = safety
                .into_iter()
                .map(|line| view! { <li><strong>{line}</strong></li> })
                .collect_view();
            let rows = rows
                .into_iter()
                .map(|(label, value)| {
                    let lines = value
                        .split('\n')
                        .enumerate()
                        .map(|(i, line)| view! { {(i > 0).then(|| view! { <br /> })}{line.to_string()} })
                        .collect_view();
                    view! {
                        <div class="rj-summary__row">
                            <dt class="rj-summary__key">{label}</dt>
                            <dd class="rj-summary__value">{lines}</dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2>{tr.t("staff-safety-heading")}</h2>
                <div class="rj-callout rj-callout--urgent"><ul class="rj-list--bullet">{safety}</ul></div>
                <h2>{tr.t("staff-answers-heading")}</h2>
                <dl class="rj-summary">{rows}</dl>
            }
            .into_any()
        }
    };
    let actions = if !r.state.is_open() {
        view! { <p>{tr.t("staff-not-open")}</p> }.into_any()
    } else {
        let received = r.acknowledged_at.is_none().then(|| {
            view! {
                <form method="post" action=format!("{here}/received")>
                    <p class="rj-hint" id="received-hint">{tr.t("staff-action-received-hint")}</p>
                    <button type="submit" class="rj-button" aria-describedby="received-hint">{tr.t("staff-action-received")}</button>
                </form>
            }
        });
        let contacted = r.contacted_at.is_none().then(|| {
            view! {
                <form method="post" action=format!("{here}/contacted")>
                    <p class="rj-hint" id="contacted-hint">{tr.t("staff-action-contacted-hint")}</p>
                    <button type="submit" class="rj-button" aria-describedby="contacted-hint">{tr.t("staff-action-contacted")}</button>
                </form>
            }
        });
        let outcomes = Outcome::ALL
            .iter()
            .map(|o| view! { <option value=o.as_str()>{outcome_label(lang, *o)}</option> })
            .collect_view();
        let pass_on = v.pass_targets.map(|targets| {
            let options = targets
                .into_iter()
                .map(|(slug, name)| view! { <option value=slug>{name}</option> })
                .collect_view();
            view! {
                <form method="post" action=format!("{here}/pass-on")>
                    <h3>{tr.t("staff-pass-on-heading")}</h3>
                    <div class="rj-form-group">
                        <label class="rj-label" for="pass-area">{tr.t("staff-pass-on-area")}</label>
                        <select class="rj-select" id="pass-area" name="area">
                            <option value="">{tr.t("staff-pass-on-none")}</option>
                            {options}
                        </select>
                    </div>
                    <div class="rj-form-group">
                        <label class="rj-label" for="pass-outside">{tr.t("staff-pass-on-outside")}</label>
                        <p class="rj-hint" id="pass-outside-hint">{tr.t("staff-pass-on-outside-hint")}</p>
                        <input class="rj-input" type="text" id="pass-outside" name="outside" maxlength="200"
                            autocomplete="off" aria-describedby="pass-outside-hint" />
                    </div>
                    <button type="submit" class="rj-button">{tr.t("staff-pass-on-button")}</button>
                </form>
            }
        });
        view! {
            <h2>{tr.t("staff-actions-heading")}</h2>
            <div class="rj-actions">
                {received}
                {contacted}
                <form method="post" action=format!("{here}/closed")>
                    <h3>{tr.t("staff-action-close")}</h3>
                    <div class="rj-form-group">
                        <label class="rj-label" for="outcome">{tr.t("staff-outcome-label")}</label>
                        <select class="rj-select" id="outcome" name="outcome">{outcomes}</select>
                    </div>
                    <button type="submit" class="rj-button">{tr.t("staff-action-close")}</button>
                </form>
                {pass_on}
            </div>
        }
        .into_any()
    };
    let (text, error) = v.message.map_or((None, false), |(t, e)| (Some(t), e));
    let body = view! {
        {notice(text, error)}
        <ul class="rj-list--bullet">
            <li>{area_name(&r.area)}</li>
            <li>{state_label(lang, r.state)}</li>
            <li>{route}</li>
            {youth}
            <li>{came}</li>
            {outcome}
            {passed}
        </ul>
        {answers}
        {actions}
        <p><a href=path(lang, StaffPage::List)>{tr.t("staff-back")}</a></p>
    }
    .into_any();
    document(
        lang,
        &tr.t_args(
            "staff-request-title",
            &[("reference", reference.clone().into())],
        ),
        Header {
            member: Some(member),
            other: request_path(lang.other(), &reference),
        },
        body,
    )
}

/// Not found, or not allowed: the same page either way.
pub fn not_found(lang: Lang, member: Option<&Member>) -> String {
    let tr = Tr(lang);
    let body = view! {
        <p>{tr.t("staff-not-found")}</p>
        <p><a href=path(lang, StaffPage::List)>{tr.t("staff-back")}</a></p>
    }
    .into_any();
    document(
        lang,
        &tr.t("staff-not-found-title"),
        Header {
            member,
            other: path(lang.other(), StaffPage::List),
        },
        body,
    )
}

/// A refused post (from another site).
pub fn refused(lang: Lang, member: Option<&Member>, message_id: &str) -> String {
    let tr = Tr(lang);
    let body = view! {
        {notice(Some(tr.t(message_id)), true)}
        <p><a href=path(lang, StaffPage::List)>{tr.t("staff-back")}</a></p>
    }
    .into_any();
    document(
        lang,
        &tr.t("staff-title"),
        Header {
            member,
            other: path(lang.other(), StaffPage::List),
        },
        body,
    )
}

/// The newest audit entries (admins).
pub fn audit(lang: Lang, member: &Member, rows: &[AuditRow]) -> String {
    let tr = Tr(lang);
    let rows = rows
        .iter()
        .map(|r| {
            let when = format!("{} {}", uk_date(r.at), uk_clock(r.at));
            view! {
                <tr>
                    <td>{when}</td>
                    <td>{r.actor.clone().unwrap_or_default()}</td>
                    <td>{event_label(lang, &r.action)}</td>
                    <td>{r.reference.clone().unwrap_or_default()}</td>
                    <td lang="en">{r.detail.clone().unwrap_or_default()}</td>
                    <td>{r.network.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let body = view! {
        <p>{tr.t("staff-audit-intro")}</p>
        <table class="rj-table">
            <thead><tr>
                <th scope="col">{tr.t("staff-col-when")}</th>
                <th scope="col">{tr.t("staff-col-who")}</th>
                <th scope="col">{tr.t("staff-col-action")}</th>
                <th scope="col">{tr.t("staff-col-reference")}</th>
                <th scope="col">{tr.t("staff-col-detail")}</th>
                <th scope="col">{tr.t("staff-col-network")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any();
    document(
        lang,
        &tr.t("staff-audit-title"),
        Header {
            member: Some(member),
            other: path(lang.other(), StaffPage::Audit),
        },
        body,
    )
}

/// Every member (admins), each with a Remove button.
pub fn members(lang: Lang, member: &Member, rows: &[MemberRow], message: Option<String>) -> String {
    let tr = Tr(lang);
    let remove = format!("{}/remove", path(lang, StaffPage::Members));
    let rows = rows
        .iter()
        .map(|m| {
            let areas = m
                .scopes
                .iter()
                .map(|s| match s.audience {
                    crate::areas::directory::Audience::All => s.area.clone(),
                    crate::areas::directory::Audience::Youth => format!("{} ({})", s.area, tr.t("staff-youth")),
                })
                .collect::<Vec<_>>()
                .join(", ");
            let status = if m.removed_at.is_some() {
                tr.t("staff-member-removed")
            } else {
                tr.t("staff-member-active")
            };
            let button = (m.removed_at.is_none() && m.id != member.id).then(|| {
                let label = format!("{} {}", tr.t("staff-member-remove"), m.email);
                view! {
                    <form method="post" action=remove.clone()>
                        <input type="hidden" name="member" value=m.id.to_string() />
                        <button type="submit" class="rj-link-button" aria-label=label>{tr.t("staff-member-remove")}</button>
                    </form>
                }
            });
            view! {
                <tr>
                    <td>{m.email.clone()}</td>
                    <td>{roles_label(lang, &m.roles)}</td>
                    <td>{areas}</td>
                    <td>{m.passkeys}</td>
                    <td>{status}</td>
                    <td>{button}</td>
                </tr>
            }
        })
        .collect_view();
    let body = view! {
        {notice(message, false)}
        <p>{tr.t("staff-members-intro")}</p>
        <table class="rj-table">
            <thead><tr>
                <th scope="col">{tr.t("staff-col-email")}</th>
                <th scope="col">{tr.t("staff-col-roles")}</th>
                <th scope="col">{tr.t("staff-col-areas")}</th>
                <th scope="col">{tr.t("staff-col-passkeys")}</th>
                <th scope="col">{tr.t("staff-col-status")}</th>
                <th scope="col"><span class="rj-visually-hidden">{tr.t("staff-member-remove")}</span></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any();
    document(
        lang,
        &tr.t("staff-members-title"),
        Header {
            member: Some(member),
            other: path(lang.other(), StaffPage::Members),
        },
        body,
    )
}
