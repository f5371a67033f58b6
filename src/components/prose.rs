//! Turns the plain-text markup of a Fluent message into HTML, so editors can write
//! paragraphs, lists and links in `locales/` without touching Rust.
//!
//! The markup: blocks are separated by a blank line; a block whose lines start with
//! `- ` is a bulleted list, with `1. ` a numbered list; `### ` starts a subheading;
//! anything else is a paragraph. Inline: `**strong**` and `[text](target)`, where the
//! target is `page:<key>` (a page of this site, in the reader's language), `#anchor`,
//! `tel:<digits>`, `sms:<digits>`, or an `https://` address (opened with `rel="noreferrer"`).
//! `<en>…</en>` (or `<cy>…</cy>`) marks words in the other language, such as an English
//! organisation's name on a Welsh page: they get their own `lang` (WCAG 3.1.2).

use crate::i18n::{Lang, Page, mixed};
use leptos::prelude::*;

#[derive(Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Numbered(Vec<Vec<Inline>>),
    Heading(Vec<Inline>),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Link {
        text: String,
        href: String,
        kind: LinkKind,
    },
    /// Words in another language than the page's.
    Foreign {
        lang: Lang,
        parts: Vec<Inline>,
    },
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum LinkKind {
    Internal,
    Phone,
    External,
}

/// Parses markup into blocks; `lang` decides where `page:` links point.
pub fn parse(text: &str, lang: Lang) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|block| !block.is_empty())
        .map(|block| {
            let lines: Vec<&str> = block.lines().map(str::trim).collect();
            if lines.iter().all(|l| l.starts_with("- ")) {
                Block::Bullets(lines.iter().map(|l| inlines(&l[2..], lang)).collect())
            } else if lines.iter().all(|l| numbered_item(l).is_some()) {
                Block::Numbered(
                    lines
                        .iter()
                        .filter_map(|l| numbered_item(l))
                        .map(|l| inlines(l, lang))
                        .collect(),
                )
            } else if let Some(heading) = block.strip_prefix("### ") {
                Block::Heading(inlines(heading.trim(), lang))
            } else {
                Block::Paragraph(inlines(&lines.join(" "), lang))
            }
        })
        .collect()
}

fn numbered_item(line: &str) -> Option<&str> {
    let (number, rest) = line.split_once(". ")?;
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(rest)
}

/// Splits a line into text, strong text, links and words marked as another language.
fn inlines(s: &str, lang: Lang) -> Vec<Inline> {
    mixed(s)
        .into_iter()
        .flat_map(|(other, text)| match other {
            Some(other) => vec![Inline::Foreign {
                lang: other,
                parts: plain_inlines(text, lang),
            }],
            None => plain_inlines(text, lang),
        })
        .collect()
}

/// Splits text in one language into text, strong text and links.
fn plain_inlines(mut s: &str, lang: Lang) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    while !s.is_empty() {
        if let Some(rest) = s.strip_prefix("**")
            && let Some(end) = rest.find("**")
        {
            flush(&mut text, &mut out);
            out.push(Inline::Strong(rest[..end].to_string()));
            s = &rest[end + 2..];
            continue;
        }
        if let Some(rest) = s.strip_prefix('[')
            && let Some(close) = rest.find("](")
            && let Some(end) = rest[close + 2..].find(')')
        {
            let label = &rest[..close];
            let target = &rest[close + 2..close + 2 + end];
            if let Some((href, kind)) = resolve(target, lang) {
                flush(&mut text, &mut out);
                out.push(Inline::Link {
                    text: label.to_string(),
                    href,
                    kind,
                });
                s = &rest[close + 3 + end..];
                continue;
            }
        }
        let ch = s.chars().next().expect("s is not empty");
        text.push(ch);
        s = &s[ch.len_utf8()..];
    }
    flush(&mut text, &mut out);
    out
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// Where a link target goes, or `None` if it is not one this site allows.
fn resolve(target: &str, lang: Lang) -> Option<(String, LinkKind)> {
    if let Some(key) = target.strip_prefix("page:") {
        let (key, anchor) = key
            .split_once('#')
            .map_or((key, None), |(k, a)| (k, Some(a)));
        let page = Page::from_key(key)?;
        let path = page.path(lang);
        Some((
            anchor.map_or(path.clone(), |a| format!("{path}#{a}")),
            LinkKind::Internal,
        ))
    } else if target.starts_with('#') && target.len() > 1 {
        Some((target.to_string(), LinkKind::Internal))
    } else if let Some(number) = target
        .strip_prefix("tel:")
        .or_else(|| target.strip_prefix("sms:"))
    {
        let ok = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit() || b == b'+');
        ok.then(|| (target.to_string(), LinkKind::Phone))
    } else if target.starts_with("https://") && !target.contains(char::is_whitespace) {
        Some((target.to_string(), LinkKind::External))
    } else {
        None
    }
}

/// Renders a Fluent message's markup.
#[component]
pub fn Prose(text: String, lang: Lang) -> impl IntoView {
    parse(&text, lang)
        .into_iter()
        .map(block_view)
        .collect_view()
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph(parts) => view! { <p>{inline_views(parts)}</p> }.into_any(),
        Block::Heading(parts) => view! { <h3>{inline_views(parts)}</h3> }.into_any(),
        Block::Bullets(items) => {
            view! { <ul class="rj-list rj-list--bullet">{list_items(items)}</ul> }.into_any()
        }
        Block::Numbered(items) => {
            view! { <ol class="rj-list rj-list--number">{list_items(items)}</ol> }.into_any()
        }
    }
}

fn list_items(items: Vec<Vec<Inline>>) -> impl IntoView {
    items
        .into_iter()
        .map(|parts| view! { <li>{inline_views(parts)}</li> })
        .collect_view()
}

/// One line of text that may hold words marked as another language, without blocks,
/// links or strong text: for short messages such as the footer's "run by" line.
pub fn mixed_text(text: &str) -> impl IntoView + use<> {
    mixed(text)
        .into_iter()
        .map(|(other, part)| match other {
            Some(other) => view! { <span lang=other.code()>{part.to_string()}</span> }.into_any(),
            None => part.to_string().into_any(),
        })
        .collect_view()
}

fn inline_views(parts: Vec<Inline>) -> AnyView {
    parts
        .into_iter()
        .map(|part| match part {
            Inline::Text(text) => text.into_any(),
            Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Link {
                text,
                href,
                kind: LinkKind::External,
            } => {
                view! { <a href=href rel="noreferrer" class="rj-link rj-link--external">{text}</a> }
                    .into_any()
            }
            Inline::Link {
                text,
                href,
                kind: LinkKind::Phone,
            } => view! { <a href=href class="rj-link rj-link--phone">{text}</a> }.into_any(),
            Inline::Link {
                text,
                href,
                kind: LinkKind::Internal,
            } => view! { <a href=href class="rj-link">{text}</a> }.into_any(),
            Inline::Foreign { lang, parts } => {
                view! { <span lang=lang.code()>{inline_views(parts)}</span> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_other_language_are_marked() {
        let blocks = parse(
            "Darllenwch <en>[Why me?](https://why-me.org/)</en> (Pam Fi?).",
            Lang::Cy,
        );
        let Block::Paragraph(parts) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert!(
            matches!(
                &parts[1],
                Inline::Foreign { lang: Lang::En, parts } if matches!(&parts[0], Inline::Link { text, .. } if text == "Why me?")
            ),
            "{parts:?}"
        );
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn paragraphs_and_lists() {
        let blocks = parse(
            "One\nline.\n\n- a\n- b\n\n1. first\n2. second\n\n### Sub",
            Lang::En,
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("One line.")]),
                Block::Bullets(vec![vec![text("a")], vec![text("b")]]),
                Block::Numbered(vec![vec![text("first")], vec![text("second")]]),
                Block::Heading(vec![text("Sub")]),
            ]
        );
    }

    #[test]
    fn links_resolve_in_the_reader_language() {
        let en = parse("See [home](page:home).", Lang::En);
        let cy = parse("Gweler [hafan](page:home).", Lang::Cy);
        let href = |b: &[Block]| match &b[0] {
            Block::Paragraph(parts) => match &parts[1] {
                Inline::Link { href, .. } => href.clone(),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        };
        assert_eq!(href(&en), "/");
        assert_eq!(href(&cy), "/cy");
    }

    #[test]
    fn phone_external_and_strong() {
        let blocks = parse(
            "Call **999** or [116 123](tel:116123), [site](https://www.example.org/).",
            Lang::En,
        );
        let Block::Paragraph(parts) = &blocks[0] else {
            panic!()
        };
        assert_eq!(parts[1], Inline::Strong("999".into()));
        assert!(
            matches!(&parts[3], Inline::Link { kind: LinkKind::Phone, href, .. } if href == "tel:116123")
        );
        assert!(matches!(
            &parts[5],
            Inline::Link {
                kind: LinkKind::External,
                ..
            }
        ));
    }

    #[test]
    fn unsafe_or_unknown_targets_stay_text() {
        for s in [
            "[x](javascript:alert(1))",
            "[x](http://plain.example)",
            "[x](page:nope)",
            "[x](tel:12a)",
        ] {
            let blocks = parse(s, Lang::En);
            let Block::Paragraph(parts) = &blocks[0] else {
                panic!()
            };
            assert!(
                parts.iter().all(|p| matches!(p, Inline::Text(_))),
                "{s}: {parts:?}"
            );
        }
    }

    #[test]
    fn unclosed_markup_is_plain_text() {
        let blocks = parse("a ** b [c](d", Lang::En);
        assert_eq!(blocks, vec![Block::Paragraph(vec![text("a ** b [c](d")])]);
    }
}
