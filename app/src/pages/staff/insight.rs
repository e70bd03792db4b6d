//! Reading pages: accessibility feedback, search statistics, the audit log.

use super::frame::{date_time, staff_page, StaffFrame};
use crate::staff::audit::{action_label, AUDIT_PAGE_SIZE};
use crate::staff::insight::{get_audit, get_feedback, get_search_insight, QueryRow};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/verwaltung/rueckmeldungen`: what residents reported about barriers.
#[component]
pub fn FeedbackListPage() -> impl IntoView {
    staff_page(get_feedback(), |context, rows| {
        view! {
            <StaffFrame title="Rückmeldungen zur Barrierefreiheit" context>
                {if rows.is_empty() {
                    view! { <p class="kern-body">"Bisher sind keine Rückmeldungen eingegangen."</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list">
                            {rows.into_iter().map(|row| view! {
                                <li class="card-list__item">
                                    <p class="kern-body kern-body--small">{date_time(row.created_at)}" · Sprache: "{row.lang.clone()}
                                        {(!row.page.is_empty()).then(|| format!(" · Seite: {}", row.page))}</p>
                                    <p class="kern-body staff-message">{row.message.clone()}</p>
                                    <p class="kern-body kern-body--small">"Kontakt: "{if row.contact.is_empty() { "keiner angegeben".to_string() } else { row.contact.clone() }}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </StaffFrame>
        }
    })
}

#[component]
fn QueryTable(#[prop(into)] caption: String, rows: Vec<QueryRow>) -> impl IntoView {
    let label = caption.clone();
    if rows.is_empty() {
        return view! { <p class="kern-body">{format!("{caption}: noch keine Suchen gezählt.")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="kern-table">
                <caption class="kern-title">{caption}</caption>
                <thead class="kern-table__head"><tr class="kern-table__row">
                    <th scope="col" class="kern-table__header">"Suchanfrage"</th>
                    <th scope="col" class="kern-table__header">"Sprache"</th>
                    <th scope="col" class="kern-table__header kern-table__header--numeric">"Suchen"</th>
                    <th scope="col" class="kern-table__header kern-table__header--numeric">"Treffer"</th>
                    <th scope="col" class="kern-table__header">"Meist geöffnet"</th>
                </tr></thead>
                <tbody class="kern-table__body">
                    {rows.into_iter().map(|row| view! {
                        <tr class="kern-table__row">
                            <td class="kern-table__cell">{row.query}</td>
                            <td class="kern-table__cell">{row.lang}</td>
                            <td class="kern-table__cell kern-table__cell--numeric">{row.searches}</td>
                            <td class="kern-table__cell kern-table__cell--numeric">{row.results}</td>
                            <td class="kern-table__cell">{row.top_click.unwrap_or_else(|| "–".into())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `/verwaltung/suchstatistik`: what residents search for, and what they do not find.
#[component]
pub fn SearchInsightPage() -> impl IntoView {
    staff_page(get_search_insight(), |context, insight| {
        view! {
            <StaffFrame title="Suchstatistik" context>
                <p class="kern-body">"Anonyme Zählung: Suchanfragen in Kleinbuchstaben, Ziffern durch # ersetzt, ohne IP-Adressen oder andere persönliche Daten. Suchen ohne Treffer zeigen, welche Wörter als Synonyme fehlen."</p>
                <QueryTable caption="Suchen ohne Treffer" rows=insight.zero_results/>
                <QueryTable caption="Häufigste Suchen" rows=insight.top/>
            </StaffFrame>
        }
    })
}

/// `/verwaltung/protokoll`: the audit log with filters (administrators).
#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let get = |key: &str| query.get(key).unwrap_or_default();
    let page = get("seite").parse::<usize>().unwrap_or(1);
    staff_page(get_audit(get("wer"), get("aktion"), get("betrifft"), page), |context, audit| {
        let filter = audit.filter.clone();
        let pages = (audit.total as usize).div_ceil(AUDIT_PAGE_SIZE).max(1);
        let link = move |page: usize| {
            let encode = |v: &str| url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
            format!("/verwaltung/protokoll?wer={}&aktion={}&betrifft={}&seite={page}", encode(&filter.actor), encode(&filter.action), encode(&filter.subject))
        };
        let current = audit.filter.page;
        view! {
            <StaffFrame title="Protokoll" context>
                <p class="kern-body">"Jede Handlung in der Verwaltung und jede Anmeldung, unveränderlich gespeichert."</p>
                <form method="get" action="/verwaltung/protokoll" class="staff-filters">
                    <div class="kern-form-input">
                        <label class="kern-label" for="wer">"Person (E-Mail)"</label>
                        <input class="kern-form-input__input" id="wer" name="wer" type="text" value=audit.filter.actor.clone()/>
                    </div>
                    <div class="kern-form-input">
                        <label class="kern-label" for="aktion">"Aktion"</label>
                        <div class="kern-form-input__select-wrapper"><select class="kern-form-input__select" id="aktion" name="aktion">
                            <option value="" selected=audit.filter.action.is_empty()>"Alle"</option>
                            {ACTIONS.iter().map(|action| view! {
                                <option value=*action selected=audit.filter.action == *action>{action_label(action).to_string()}</option>
                            }).collect_view()}
                        </select></div>
                    </div>
                    <div class="kern-form-input">
                        <label class="kern-label" for="betrifft">"Betrifft"</label>
                        <input class="kern-form-input__input" id="betrifft" name="betrifft" type="text" value=audit.filter.subject.clone()/>
                    </div>
                    <button class="kern-btn kern-btn--secondary" type="submit"><span class="kern-label">"Filtern"</span></button>
                </form>
                <p class="kern-body" role="status">{format!("{} Einträge", audit.total)}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Protokolleinträge">
                    <table class="kern-table">
                        <caption class="sr-only">"Protokolleinträge, neueste zuerst"</caption>
                        <thead class="kern-table__head"><tr class="kern-table__row">
                            <th scope="col" class="kern-table__header">"Zeit"</th>
                            <th scope="col" class="kern-table__header">"Person"</th>
                            <th scope="col" class="kern-table__header">"Aktion"</th>
                            <th scope="col" class="kern-table__header">"Betrifft"</th>
                            <th scope="col" class="kern-table__header">"Vorher und nachher"</th>
                        </tr></thead>
                        <tbody class="kern-table__body">
                            {audit.entries.into_iter().map(|entry| view! {
                                <tr class="kern-table__row">
                                    <td class="kern-table__cell">{date_time(entry.at)}</td>
                                    <td class="kern-table__cell">{entry.actor}</td>
                                    <td class="kern-table__cell">{action_label(&entry.action).to_string()}</td>
                                    <td class="kern-table__cell">{entry.subject}</td>
                                    <td class="kern-table__cell audit-summary">{entry.summary}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <nav class="pager" aria-label="Seiten">
                    {(current > 1).then(|| view! { <a class="kern-link" href=link(current - 1)>"Neuere Einträge"</a> })}
                    <span>{format!("Seite {current} von {pages}")}</span>
                    {(current < pages).then(|| view! { <a class="kern-link" href=link(current + 1)>"Ältere Einträge"</a> })}
                </nav>
            </StaffFrame>
        }
    })
}

/// The actions the filter offers.
const ACTIONS: &[&str] = &[
    "sign_in", "sign_in_failed", "sign_out", "sign_out_everywhere", "second_factor.enabled", "second_factor.reset", "recovery_code.used",
    "user.create", "user.password", "user.roles", "user.disable", "user.enable", "service.create", "service.save", "service.submit", "service.return",
    "service.publish", "service.archive", "service.restore", "topic.save", "topic.delete", "life_situation.save", "life_situation.delete",
    "office.save", "office.delete", "synonyms.save", "featured.save", "catalogue.export", "catalogue.import",
];
