//! The office page: opening hours, address, building accessibility, services handled there.

use super::service::OfficeCard;
use super::slug_param;
use crate::catalogue::api::{get_office, OfficePage as Page};
use crate::catalogue::hours::german_date_of;
use crate::components::{load_page, LanguageLinks, Layout, ServiceList};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_meta::Title;

const WEEKDAYS_DE: [&str; 7] = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
const WEEKDAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// An office page (`/dienststellen/:slug`, `/en/offices/:slug`).
#[component]
pub fn OfficePage(lang: Lang) -> impl IntoView {
    let slug = slug_param();
    load_page(lang, get_office(lang, slug), move |page| view! { <OfficeView lang page/> })
}

fn intervals_text(intervals: &[(String, String)], lang: Lang) -> String {
    if intervals.is_empty() {
        return lang.pick("geschlossen", "closed").into();
    }
    intervals
        .iter()
        .map(|(from, to)| match lang {
            Lang::De => format!("{from}–{to} Uhr"),
            Lang::En => format!("{from}–{to}"),
        })
        .collect::<Vec<_>>()
        .join(lang.pick(" und ", " and "))
}

#[component]
fn OfficeView(lang: Lang, page: Page) -> impl IntoView {
    let office = page.summary.office.clone();
    let name = office.name.text(lang.into()).to_string();
    let city = lang.pick("Stadt Wolfsburg", "City of Wolfsburg");
    let weekdays = if lang == Lang::De { WEEKDAYS_DE } else { WEEKDAYS_EN };
    let rows = (1..=7)
        .map(|weekday| {
            let day = office.hours.iter().find(|d| d.weekday == weekday);
            let hours = day.map(|d| intervals_text(&d.intervals, lang)).unwrap_or_else(|| lang.pick("geschlossen", "closed").into());
            let note = day.map(|d| d.note.text(lang.into()).to_string()).unwrap_or_default();
            let label = usize::try_from(weekday - 1).ok().and_then(|i| weekdays.get(i)).copied().unwrap_or_default();
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
        <Title text=format!("{name} – {city}")/>
        <LanguageLinks lang href=page.summary.href.clone() alternate=page.alternate_href.clone()/>
        <Layout lang alternate=page.alternate_href.clone()>
            <div class="kern-stack">
                <h1 class="kern-heading-x-large">{name.clone()}</h1>
                <OfficeCard lang office=page.summary.clone()/>
                <section aria-labelledby="oeffnungszeiten">
                    <h2 id="oeffnungszeiten" class="kern-heading-medium">{lang.pick("Öffnungszeiten", "Opening hours")}</h2>
                    <div class="kern-table-responsive">
                        <table class="kern-table">
                            <caption class="kern-sr-only">{format!("{} {name}", lang.pick("Öffnungszeiten", "Opening hours of"))}</caption>
                            <tbody class="kern-table__body">{rows}</tbody>
                        </table>
                    </div>
                    {(!exceptions.is_empty()).then(|| view! {
                        <h3 class="kern-title">{lang.pick("Abweichende Öffnungszeiten", "Different opening hours")}</h3>
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
                        <h2 id="barrierefreiheit" class="kern-heading-medium">{lang.pick("Barrierefreiheit des Gebäudes", "Accessibility of the building")}</h2>
                        <p class="kern-body prose">{accessibility}</p>
                    </section>
                })}
                <section aria-labelledby="leistungen">
                    <h2 id="leistungen" class="kern-heading-medium">{lang.pick("Leistungen dieser Stelle", "Services handled here")}</h2>
                    <ServiceList lang services=page.services/>
                </section>
            </div>
        </Layout>
    }
}
