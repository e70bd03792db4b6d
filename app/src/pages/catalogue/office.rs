//! The office page: opening hours, address, building accessibility, services handled there.

use super::service::OfficeCard;
use super::slug_param;
use crate::catalogue::api::{get_office, OfficePage as Page};
use crate::catalogue::hours::german_date_of;
use crate::components::{load_page, LanguageLinks, Layout, ServiceList};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::Title;

/// An office page (`/dienststellen/:slug`, `/en/offices/:slug`).
#[component]
pub fn OfficePage(lang: Lang) -> impl IntoView {
    let slug = slug_param();
    load_page(lang, get_office(lang, slug), move |page| view! { <OfficeView lang page/> })
}

/// The name of a weekday, 1 being Monday.
fn weekday_name(weekday: i64, lang: Lang) -> &'static str {
    let locale = lang.locale();
    match weekday {
        1 => td_string!(locale, office.monday),
        2 => td_string!(locale, office.tuesday),
        3 => td_string!(locale, office.wednesday),
        4 => td_string!(locale, office.thursday),
        5 => td_string!(locale, office.friday),
        6 => td_string!(locale, office.saturday),
        7 => td_string!(locale, office.sunday),
        _ => "",
    }
}

fn intervals_text(intervals: &[(String, String)], lang: Lang) -> String {
    let locale = lang.locale();
    if intervals.is_empty() {
        return td_string!(locale, office.closed).into();
    }
    intervals
        .iter()
        .map(|(from, to)| td_string!(locale, office.interval, from, to))
        .collect::<Vec<_>>()
        .join(td_string!(locale, office.interval_separator))
}

#[component]
fn OfficeView(lang: Lang, page: Page) -> impl IntoView {
    let office = page.summary.office.clone();
    let name = office.name.text(lang.into()).to_string();
    let locale = lang.locale();
    let rows = (1..=7)
        .map(|weekday| {
            let day = office.hours.iter().find(|d| d.weekday == weekday);
            let hours = day.map(|d| intervals_text(&d.intervals, lang)).unwrap_or_else(|| td_string!(locale, office.closed).into());
            let note = day.map(|d| d.note.text(lang.into()).to_string()).unwrap_or_default();
            let label = weekday_name(weekday, lang);
            view! {
                <tr class="kern-table__row">
                    <th scope="row" class="kern-table__header">{label}</th>
                    <td class="kern-table__cell">{hours}{(!note.is_empty()).then(|| format!(" ({note})"))}</td>
                </tr>
            }
        })
        .collect_view();
    let exceptions = office.exceptions.clone();
    let accessibility = office.accessibility.text(lang.into()).to_string();
    view! {
        <Title text=td_string!(locale, site.page_title, title = &name)/>
        <LanguageLinks lang href=page.summary.href.clone() alternate=page.alternate_href.clone()/>
        <Layout lang alternate=page.alternate_href.clone()>
            <div class="kern-stack">
                <h1 class="kern-heading-x-large">{name.clone()}</h1>
                <OfficeCard lang office=page.summary.clone()/>
                <section aria-labelledby="oeffnungszeiten">
                    <h2 id="oeffnungszeiten" class="kern-heading-medium">{td_string!(locale, office.opening_hours)}</h2>
                    <div class="kern-table-responsive">
                        <table class="kern-table">
                            <caption class="kern-sr-only">{td_string!(locale, office.opening_hours_of, name = &name)}</caption>
                            <tbody class="kern-table__body">{rows}</tbody>
                        </table>
                    </div>
                    {(!exceptions.is_empty()).then(|| view! {
                        <h3 class="kern-title">{td_string!(locale, office.different_hours)}</h3>
                        <ul class="kern-list kern-list--bullet">
                            {exceptions.into_iter().map(|e| {
                                let when = german_date_of(&e.date);
                                view! { <li>{format!("{when}: {} – {}", intervals_text(&e.intervals, lang), e.reason.text(lang.into()))}</li> }
                            }).collect_view()}
                        </ul>
                    })}
                </section>
                {(!accessibility.is_empty()).then(|| view! {
                    <section aria-labelledby="barrierefreiheit">
                        <h2 id="barrierefreiheit" class="kern-heading-medium">{td_string!(locale, office.building_accessibility)}</h2>
                        <p class="kern-body prose">{accessibility}</p>
                    </section>
                })}
                <section aria-labelledby="leistungen">
                    <h2 id="leistungen" class="kern-heading-medium">{td_string!(locale, office.services_here)}</h2>
                    <ServiceList lang services=page.services/>
                </section>
            </div>
        </Layout>
    }
}
