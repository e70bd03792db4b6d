//! The dashboard's sections about residents' searches and accessibility feedback.

use super::charts::{Bar, BarChart};
use super::dashboard::{may_open, Empty};
use super::frame::date_time;
use crate::dashboard::Dashboard;
use crate::staff::insight::QueryRow;
use crate::staff::StaffContext;
use leptos::prelude::*;

fn query_bars(rows: &[QueryRow]) -> Vec<Bar> {
    rows.iter().map(|row| Bar::count(format!("{} ({})", row.query, row.lang), row.searches)).collect()
}

/// Most searched queries and those without results (all time: the counts are cumulative).
#[component]
pub(super) fn SearchSection(dashboard: Dashboard, context: StaffContext) -> impl IntoView {
    let top = if dashboard.top_queries.is_empty() {
        view! { <Empty text="Noch keine Suchen gezählt."/> }.into_any()
    } else {
        view! { <BarChart id="suchen" title="Häufigste Suchen" label_header="Suchanfrage (Sprache)" value_header="Suchen" bars=query_bars(&dashboard.top_queries)/> }.into_any()
    };
    let zero = if dashboard.zero_result_queries.is_empty() {
        view! { <Empty text="Bisher keine Suche ohne Treffer."/> }.into_any()
    } else {
        view! {
            <BarChart id="suchen-ohne-treffer" title="Häufigste Suchen ohne Treffer" label_header="Suchanfrage (Sprache)" value_header="Suchen"
                bars=query_bars(&dashboard.zero_result_queries)/>
        }
        .into_any()
    };
    let more = may_open(&context, "/verwaltung/suchstatistik")
        .then(|| view! { <p class="kern-body"><a class="kern-link" href="/verwaltung/suchstatistik">"Zur ganzen Suchstatistik"</a></p> });
    view! {
        <section class="kern-stack" aria-labelledby="suche">
            <h2 class="kern-heading-medium" id="suche">"Suche"</h2>
            <p class="kern-body">"Anonyme Zählung seit Beginn, unabhängig vom Zeitraum."</p>
            {top}
            {zero}
            {more}
        </section>
    }
}

/// Accessibility feedback in the period: per page, per language, the newest messages.
#[component]
pub(super) fn FeedbackSection(dashboard: Dashboard, context: StaffContext) -> impl IntoView {
    let feedback = dashboard.feedback;
    let body = if feedback.total == 0 {
        view! { <Empty text="Im gewählten Zeitraum sind keine Rückmeldungen eingegangen."/> }.into_any()
    } else {
        let pages = feedback
            .per_page
            .iter()
            .map(|(page, count)| Bar::count(if page.is_empty() { "Keine Seite angegeben".to_string() } else { page.clone() }, *count))
            .collect();
        let languages = feedback.per_lang.iter().map(|(lang, count)| Bar::count(language(lang), *count)).collect();
        let latest = feedback.latest.map(|entries| {
            view! {
                <h3 class="kern-heading-small">"Neueste Rückmeldungen"</h3>
                <ul class="card-list card-list--compact">
                    {entries.into_iter().map(|entry| view! {
                        <li class="card-list__item">
                            <p class="kern-body kern-body--small">{date_time(entry.created_at)}
                                {(!entry.page.is_empty()).then(|| format!(" · Seite: {}", entry.page))}</p>
                            <p class="kern-body staff-message">{entry.summary}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }
        });
        view! {
            <p class="kern-body">{format!("{} Rückmeldungen im Zeitraum.", feedback.total)}</p>
            <BarChart id="rueckmeldungen-seite" title="Rückmeldungen nach Seite" label_header="Seite" value_header="Rückmeldungen" bars=pages/>
            <BarChart id="rueckmeldungen-sprache" title="Rückmeldungen nach Sprache" label_header="Sprache" value_header="Rückmeldungen" bars=languages/>
            {latest}
        }
        .into_any()
    };
    let more = may_open(&context, "/verwaltung/rueckmeldungen")
        .then(|| view! { <p class="kern-body"><a class="kern-link" href="/verwaltung/rueckmeldungen">"Alle Rückmeldungen lesen"</a></p> });
    view! {
        <section class="kern-stack" aria-labelledby="rueckmeldungen">
            <h2 class="kern-heading-medium" id="rueckmeldungen">"Rückmeldungen zur Barrierefreiheit"</h2>
            {body}
            {more}
        </section>
    }
}

fn language(code: &str) -> String {
    match code {
        "de" => "Deutsch".into(),
        "en" => "Englisch".into(),
        other => other.to_string(),
    }
}
