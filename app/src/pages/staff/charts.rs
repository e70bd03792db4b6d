//! Charts drawn on the server as SVG, without JavaScript: a horizontal bar chart whose numbers
//! are written next to the bars and repeated in a table for screen readers.
//!
//! Bar lengths are percentages of the chart's width and text is in CSS pixels, so the chart
//! fills any width (320 px phones included) without shrinking its text. Colours come from the
//! KERN variables in `style/main.css` (`.bar-chart`), with system colours in forced-colours mode.

use leptos::prelude::*;

/// Share of the width the longest bar takes, in percent (room for the target marker).
const FULL: f64 = 98.0;
/// The shortest visible bar for a value above zero, in percent.
const THINNEST: f64 = 0.5;
/// Label characters shown beside a bar; the table holds the whole label.
const LABEL_CHARS: usize = 30;
/// Height of one row (label line and bar), in pixels.
const ROW: usize = 46;

/// One bar: what it is, how long, and the value as people read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What the bar stands for.
    pub label: String,
    /// Its length, in any unit shared by the chart.
    pub value: f64,
    /// The value as text ("12", "3,5 Tage").
    pub text: String,
    /// A target drawn as a marker across the bar (value and text), e.g. the expected time.
    pub target: Option<(f64, String)>,
}

impl Bar {
    /// A bar for a count.
    pub fn count(label: impl Into<String>, value: i64) -> Bar {
        Bar { label: label.into(), value: value as f64, text: value.to_string(), target: None }
    }
}

/// The position of `value` on a scale up to `max`, in percent of the chart's width: 0 for
/// nothing (or nonsense), at least [`THINNEST`] for anything above zero.
pub fn bar_percent(value: f64, max: f64) -> f64 {
    if !value.is_finite() || !max.is_finite() || value <= 0.0 || max <= 0.0 {
        return 0.0;
    }
    (value / max * FULL).clamp(THINNEST, FULL)
}

/// `label` cut to [`LABEL_CHARS`] characters, with "…" when cut.
pub fn fit_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(LABEL_CHARS - 1).collect::<String>().trim_end())
    }
}

/// A horizontal bar chart (`role="img"`, named by its title) followed by a table with the same
/// numbers, folded into a `<details>`.
#[component]
pub fn BarChart(
    /// Unique on the page; the title's and table's ids derive from it.
    #[prop(into)]
    id: String,
    /// What the chart shows; its accessible name and the table's caption.
    #[prop(into)]
    title: String,
    /// The table's header for the labels.
    #[prop(into)]
    label_header: String,
    /// The table's header for the values.
    #[prop(into)]
    value_header: String,
    /// The table's header for the targets, when bars have them.
    #[prop(into, optional)]
    target_header: Option<String>,
    /// The bars, top to bottom.
    bars: Vec<Bar>,
) -> impl IntoView {
    let max = bars.iter().flat_map(|bar| [Some(bar.value), bar.target.as_ref().map(|t| t.0)]).flatten().fold(0.0, f64::max);
    let height = bars.len() * ROW + 4;
    let title_id = format!("{id}-titel");
    let labelled_by = title_id.clone();
    let rows = bars
        .iter()
        .enumerate()
        .map(|(index, bar)| {
            let top = index * ROW;
            let marker = bar.target.as_ref().map(|(target, _)| {
                view! { <rect class="bar-chart__target" x=format!("{:.2}%", bar_percent(*target, max)) y=(top + 18).to_string() width="3" height="22"/> }
            });
            view! {
                <g>
                    <text class="bar-chart__label" x="0" y=(top + 14).to_string()>{fit_label(&bar.label)}</text>
                    <text class="bar-chart__value" x="100%" y=(top + 14).to_string() text-anchor="end">{bar.text.clone()}</text>
                    <rect class="bar-chart__track" x="0" y=(top + 22).to_string() width=format!("{FULL}%") height="14"/>
                    <rect class="bar-chart__bar" x="0" y=(top + 22).to_string() width=format!("{:.2}%", bar_percent(bar.value, max)) height="14"/>
                    {marker}
                </g>
            }
        })
        .collect_view();
    let has_target = target_header.is_some();
    let table_rows = bars
        .into_iter()
        .map(|bar| {
            view! {
                <tr class="kern-table__row">
                    <th scope="row" class="kern-table__cell">{bar.label}</th>
                    <td class="kern-table__cell kern-table__cell--numeric">{bar.text}</td>
                    {has_target.then(|| view! { <td class="kern-table__cell kern-table__cell--numeric">{bar.target.map(|t| t.1).unwrap_or_else(|| "–".into())}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="bar-chart">
            <svg class="bar-chart__svg" width="100%" height=height.to_string() role="img" aria-labelledby=labelled_by focusable="false">
                <title id=title_id>{title.clone()}</title>
                {rows}
            </svg>
            <details class="bar-chart__table">
                <summary class="kern-link">{format!("Als Tabelle: {title}")}</summary>
                <table class="kern-table chart-table" id=format!("{id}-tabelle")>
                    <caption class="kern-title">{title.clone()}</caption>
                    <thead class="kern-table__head"><tr class="kern-table__row">
                        <th scope="col" class="kern-table__header">{label_header}</th>
                        <th scope="col" class="kern-table__header kern-table__header--numeric">{value_header}</th>
                        {target_header.map(|header| view! { <th scope="col" class="kern-table__header kern-table__header--numeric">{header}</th> })}
                    </tr></thead>
                    <tbody class="kern-table__body">{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value() {
        assert_eq!(bar_percent(10.0, 10.0), FULL, "one value fills the chart");
        assert_eq!(bar_percent(5.0, 10.0), FULL / 2.0);
        assert_eq!(bar_percent(0.0, 10.0), 0.0, "zero draws nothing");
        assert_eq!(bar_percent(0.0, 0.0), 0.0, "all zero divides by nothing");
        assert_eq!(bar_percent(-3.0, 10.0), 0.0);
        assert_eq!(bar_percent(f64::NAN, 10.0), 0.0);
    }

    #[test]
    fn huge_and_tiny_values_stay_inside_and_visible() {
        let huge = i64::MAX as f64;
        assert_eq!(bar_percent(huge, huge), FULL);
        assert_eq!(bar_percent(1.0, huge), THINNEST, "a value above zero is never invisible");
        assert_eq!(bar_percent(huge, 1.0), FULL, "a value beyond the scale is clamped");
        assert_eq!(bar_percent(1.0, f64::INFINITY), 0.0);
    }

    #[test]
    fn long_labels_are_cut_short_ones_kept() {
        assert_eq!(fit_label("Personalausweis"), "Personalausweis");
        let long = "Antrag auf Erteilung einer Sondernutzungserlaubnis für Straßen";
        let fitted = fit_label(long);
        assert!(fitted.ends_with('…'));
        assert_eq!(fitted.chars().count(), LABEL_CHARS);
        assert_eq!(fit_label(&"ß".repeat(LABEL_CHARS)), "ß".repeat(LABEL_CHARS), "exactly the limit is kept");
    }
}
