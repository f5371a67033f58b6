//! A bar chart drawn on the server as SVG: it needs no script, keeps its size (its
//! box scrolls sideways on a narrow screen rather than shrinking the text), and says
//! its numbers as text: each bar's value printed above it, and for a screen reader a
//! title and a description listing every value (the chart is one image to it).

use leptos::prelude::*;

/// One bar: its label under it (and a second line, such as the year), its height
/// (none: the value may not be shown, so no bar is drawn) and the text above it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub sublabel: Option<String>,
    pub height: Option<u64>,
    pub text: String,
    /// What a screen reader hears for this bar (for example the month in full).
    pub spoken: String,
}

/// The drawing's measures, in the SVG's own units (CSS pixels at full size).
const STEP: u32 = 44;
const BAR: u32 = 28;
const LEFT: u32 = 8;
const TOP: u32 = 24;
const PLOT: u32 = 140;
const BOTTOM: u32 = 44;

/// The chart, as a figure with `caption`; `id` must be unique on the page.
pub fn bar_chart(id: &str, caption: &str, bars: &[Bar]) -> AnyView {
    let width = LEFT * 2 + STEP * bars.len().max(1) as u32;
    let height = TOP + PLOT + BOTTOM;
    let base = TOP + PLOT;
    let highest = bars
        .iter()
        .filter_map(|b| b.height)
        .max()
        .unwrap_or(0)
        .max(1);
    let caption_id = format!("{id}-caption");
    let scroll_labelled_by = caption_id.clone();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let description = bars
        .iter()
        .map(|b| format!("{}: {}", b.spoken, b.text))
        .collect::<Vec<_>>()
        .join("; ");
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let x = LEFT + STEP * i as u32 + (STEP - BAR) / 2;
            let middle = x + BAR / 2;
            let h = b
                .height
                .map(|v| ((v as f64 / highest as f64) * f64::from(PLOT)).round() as u32);
            let top = base - h.unwrap_or(0);
            let rect = h.filter(|h| *h > 0).map(|h| {
                view! { <rect x=x y=top width=BAR height=h class="rj-chart__bar"></rect> }
            });
            let sub = b.sublabel.clone().map(|s| {
                view! { <text x=middle y=base + 36 text-anchor="middle" class="rj-chart__label">{s}</text> }
            });
            view! {
                {rect}
                <text x=middle y=top - 6 text-anchor="middle" class="rj-chart__value">{b.text.clone()}</text>
                <text x=middle y=base + 18 text-anchor="middle" class="rj-chart__label">{b.label.clone()}</text>
                {sub}
            }
        })
        .collect_view();
    let view_box = format!("0 0 {width} {height}");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <figure class="rj-chart">
            <figcaption id=caption_id class="rj-chart__caption">{caption.to_string()}</figcaption>
            // Focusable, so that a keyboard can scroll it when it is wider than the screen.
            <div class="rj-chart__scroll" tabindex="0" role="group" aria-labelledby=scroll_labelled_by>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox=view_box width=width height=height
                    role="img" aria-labelledby=labelled_by focusable="false">
                    <title id=title_id>{caption.to_string()}</title>
                    <desc id=desc_id>{description}</desc>
                    {drawn}
                    <line x1=LEFT y1=base x2=width - LEFT y2=base class="rj-chart__axis"></line>
                </svg>
            </div>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, height: Option<u64>, text: &str) -> Bar {
        Bar {
            label: label.into(),
            sublabel: None,
            height,
            text: text.into(),
            spoken: format!("{label} in full"),
        }
    }

    #[test]
    fn bars_are_scaled_to_the_highest_and_hidden_values_have_no_bar() {
        let svg = bar_chart(
            "c",
            "Requests & more",
            &[
                bar("Jan", Some(10), "10"),
                bar("Feb", Some(5), "5"),
                bar("Mar", None, "<5"),
                bar("Apr", Some(0), "0"),
            ],
        )
        .to_html();
        assert_eq!(svg.matches("<rect").count(), 2, "{svg}");
        assert!(svg.contains(&format!("height=\"{PLOT}\"")), "{svg}");
        assert!(svg.contains(&format!("height=\"{}\"", PLOT / 2)), "{svg}");
        // The numbers as text, escaped, for the eye and for a screen reader.
        assert!(svg.contains(">&lt;5</text>"), "{svg}");
        assert!(svg.contains("Requests &amp; more"), "{svg}");
        assert!(
            svg.contains("Jan in full: 10; Feb in full: 5; Mar in full: &lt;5; Apr in full: 0"),
            "{svg}"
        );
        assert!(svg.contains(r#"aria-labelledby="c-title c-desc""#), "{svg}");
    }
}
