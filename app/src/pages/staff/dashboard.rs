//! `/verwaltung/dashboard`: the "Lagebild" of requests, decision times, overdue requests,
//! searches and accessibility feedback, as SVG bar charts with tables.

use super::charts::{Bar, BarChart};
use super::frame::{staff_page, StaffFrame};
use crate::dashboard::stats::{german_days, Period, PERIOD_PARAM};
use crate::dashboard::{get_statistics, Dashboard, OverdueRequest};
use crate::i18n::Lang;
use crate::staff::StaffContext;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The dashboard page; `?zeitraum=30|90|alle` chooses the period.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let period = use_query_map().read_untracked().get(PERIOD_PARAM).unwrap_or_default();
    staff_page(get_statistics(period), |context, dashboard| {
        view! {
            <StaffFrame title="Lagebild" context=context.clone()>
                <p class="kern-body">"Anträge, Bearbeitungsdauer, Überfälliges, Suchen und Rückmeldungen auf einen Blick. Jedes Diagramm lässt sich als Tabelle aufklappen."</p>
                <PeriodFilter period=dashboard.period problem=dashboard.period_problem.clone()/>
                <RequestSections dashboard=dashboard.clone()/>
                <OverdueSection count=dashboard.overdue list=dashboard.most_overdue.clone()/>
                <super::dashboard_insight::SearchSection dashboard=dashboard.clone() context=context.clone()/>
                <super::dashboard_insight::FeedbackSection dashboard context/>
            </StaffFrame>
        }
    })
}

#[component]
fn PeriodFilter(period: Period, problem: Option<String>) -> impl IntoView {
    view! {
        {problem.map(|text| view! {
            <div class="kern-alert kern-alert--warning" role="alert">
                <div class="kern-alert__body"><p class="kern-body">{text}</p></div>
            </div>
        })}
        <form method="get" action="/verwaltung/dashboard" class="staff-filters">
            <div class="kern-form-input">
                <label class="kern-label" for="zeitraum">"Zeitraum (nach Eingang)"</label>
                <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="zeitraum" name=PERIOD_PARAM>
                    {Period::ALL.into_iter().map(|option| view! {
                        <option value=option.code() selected=option == period>{option.label()}</option>
                    }).collect_view()}
                </select></div>
            </div>
            <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Anzeigen"</span></button>
        </form>
        <p class="kern-body" role="status">{format!("Gezeigt: {}", period.label())}</p>
    }
}

/// An empty section's sentence instead of an empty chart.
#[component]
pub(super) fn Empty(#[prop(into)] text: String) -> impl IntoView {
    view! { <p class="kern-body dashboard-empty">{text}</p> }
}

#[component]
fn RequestSections(dashboard: Dashboard) -> impl IntoView {
    let requests = if dashboard.requests == 0 {
        view! { <Empty text="Im gewählten Zeitraum sind keine Anträge eingegangen."/> }.into_any()
    } else {
        let statuses = dashboard.per_status.iter().map(|(status, count)| Bar::count(status.label(Lang::De), *count)).collect();
        let mut services: Vec<Bar> = dashboard.per_service.iter().map(|(service, count)| Bar::count(service.clone(), *count)).collect();
        services.extend(dashboard.other_services.map(|others| Bar::count("Alle anderen Leistungen", others)));
        view! {
            <p class="kern-body">{format!("{} Anträge im Zeitraum eingegangen.", dashboard.requests)}</p>
            <BarChart id="antraege-status" title="Anträge nach Status" label_header="Status" value_header="Anträge" bars=statuses/>
            <BarChart id="antraege-leistung" title="Anträge nach Leistung" label_header="Leistung" value_header="Anträge" bars=services/>
        }
        .into_any()
    };
    let times = if dashboard.decision_times.is_empty() {
        view! { <Empty text="Im gewählten Zeitraum wurde noch kein Antrag entschieden."/> }.into_any()
    } else {
        let bars = dashboard
            .decision_times
            .iter()
            .map(|time| Bar {
                label: time.service.clone(),
                value: time.median_days,
                text: format!("{} Tage ({} entschieden)", german_days(time.median_days), time.decided),
                target: Some((time.expected_days, format!("{} Tage", german_days(time.expected_days)))),
            })
            .collect();
        view! {
            <p class="kern-body">"Balken: Median der Tage vom Eingang bis zur Entscheidung (abgeschlossen oder abgelehnt). Senkrechter Strich: erwartete Dauer, die den Antragstellenden genannt wurde."</p>
            <BarChart id="bearbeitungsdauer" title="Bearbeitungsdauer nach Leistung" label_header="Leistung"
                value_header="Median bis zur Entscheidung" target_header="Erwartete Dauer" bars/>
        }
        .into_any()
    };
    view! {
        <section class="kern-stack" aria-labelledby="antraege">
            <h2 class="kern-heading-medium" id="antraege">"Anträge"</h2>
            {requests}
        </section>
        <section class="kern-stack" aria-labelledby="dauer">
            <h2 class="kern-heading-medium" id="dauer">"Bearbeitungsdauer"</h2>
            {times}
        </section>
    }
}

#[component]
fn OverdueSection(count: i64, list: Option<Vec<OverdueRequest>>) -> impl IntoView {
    let summary = match count {
        0 => "Kein offener Antrag ist über die erwartete Dauer hinaus.".to_string(),
        1 => "1 offener Antrag ist über die erwartete Dauer hinaus (unabhängig vom Zeitraum).".to_string(),
        n => format!("{n} offene Anträge sind über die erwartete Dauer hinaus (unabhängig vom Zeitraum)."),
    };
    let details = match list {
        None => Some(view! { <p class="kern-body">"Aktenzeichen und Zuständige sehen Sachbearbeitung und Administration."</p> }.into_any()),
        Some(rows) if !rows.is_empty() => Some(
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label="Am längsten überfällige Anträge">
                    <table class="kern-table">
                        <caption class="kern-title">"Am längsten überfällige Anträge"</caption>
                        <thead class="kern-table__head"><tr class="kern-table__row">
                            <th scope="col" class="kern-table__header">"Aktenzeichen"</th>
                            <th scope="col" class="kern-table__header">"Leistung"</th>
                            <th scope="col" class="kern-table__header kern-table__header--numeric">"Tage überfällig"</th>
                            <th scope="col" class="kern-table__header">"Zuständig"</th>
                        </tr></thead>
                        <tbody class="kern-table__body">
                            {rows.into_iter().map(|row| view! {
                                <tr class="kern-table__row">
                                    <td class="kern-table__cell"><a class="kern-link" href=format!("/verwaltung/antraege/{}", row.reference)>{row.reference.clone()}</a></td>
                                    <td class="kern-table__cell">{row.service}</td>
                                    <td class="kern-table__cell kern-table__cell--numeric">{row.days_overdue}</td>
                                    <td class="kern-table__cell">{row.assignee.unwrap_or_else(|| "niemand".into())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any(),
        ),
        Some(_) => None,
    };
    view! {
        <section class="kern-stack" aria-labelledby="ueberfaellig">
            <h2 class="kern-heading-medium" id="ueberfaellig">"Überfällige Anträge"</h2>
            <p class="kern-body">{summary}</p>
            {details}
        </section>
    }
}

/// Whether `context` may open the page at `href` (for links to the detailed pages).
pub(super) fn may_open(context: &StaffContext, href: &str) -> bool {
    super::frame::sections(context).iter().any(|(path, _)| *path == href)
}
