//! The service page: what residents need to know to request a service, under the headings
//! German portals use, in German, English or Leichte Sprache.

use super::slug_param;
use crate::catalogue::api::{get_service, OfficeSummary, ServicePage as Page};
use crate::catalogue::hours::{german_date, OpenStatus};
use crate::catalogue::{Availability, Cost, Localized, Variant};
use crate::components::{load_page, AvailabilityBadge, LanguageLinks, Layout};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::{Meta, Title};

/// A service page (`/leistungen/:slug`, `/en/services/:slug`); with `easy_read` the Leichte
/// Sprache version (`/leistungen/:slug/leichte-sprache`).
#[component]
pub fn ServicePage(lang: Lang, #[prop(optional)] easy_read: bool) -> impl IntoView {
    let slug = slug_param();
    load_page(
        lang,
        async move {
            let page = get_service(lang, slug).await?;
            // The Leichte Sprache address exists only where that version is written.
            Ok(page.filter(|p| !easy_read || p.easy_read_href.is_some()))
        },
        move |page| view! { <ServiceView lang page easy_read/> },
    )
}

/// Formats cents as euros the way each language writes them.
pub fn euros(cents: i64, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    match lang {
        Lang::De => format!("{sign}{},{:02} €", group(cents / 100, '.'), cents % 100),
        Lang::En => format!("{sign}€{}.{:02}", group(cents / 100, ','), cents % 100),
    }
}

fn group(value: i64, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn cost_amount(cost: &Cost, lang: Lang) -> String {
    let locale = lang.locale();
    match (cost.amount_cents, cost.max_amount_cents) {
        (0, None) => td_string!(locale, service.free_of_charge).into(),
        (min, Some(max)) => td_string!(locale, service.amount_range, min = euros(min, lang), max = euros(max, lang)),
        (amount, None) => euros(amount, lang),
    }
}

fn days_text(days: i64, max_days: Option<i64>, lang: Lang) -> String {
    let locale = lang.locale();
    match (days, max_days) {
        (0, None) => td_string!(locale, service.immediately).into(),
        (min, Some(max)) => td_string!(locale, service.days_range, min, max),
        (count, None) => td_string!(locale, service.days, count),
    }
}

/// A text in the page's variant, marked with its own language when it fell back to German.
fn text(value: &Localized, variant: Variant) -> impl IntoView {
    let (text, actual) = value.get(variant);
    let lang = (actual != variant).then(|| actual.lang_code());
    view! { <span lang=lang>{text.to_string()}</span> }
}

fn paragraphs(value: &Localized, variant: Variant) -> impl IntoView {
    let (text, actual) = value.get(variant);
    let lang = (actual != variant).then(|| actual.lang_code());
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines = p.lines().map(|l| view! { {l.to_string()}<br/> }).collect_view();
            view! { <p class="kern-body" lang=lang>{lines}</p> }
        })
        .collect_view()
}

fn item_list(items: &[Localized], variant: Variant, class: &'static str) -> impl IntoView {
    let items = items.iter().map(|i| view! { <li>{text(i, variant)}</li> }).collect_view();
    view! { <ul class=class>{items}</ul> }
}

/// The service page for `page`; also the staff preview of a draft.
#[component]
pub fn ServiceView(lang: Lang, page: Page, easy_read: bool) -> impl IntoView {
    let variant = if easy_read { Variant::Ls } else { Variant::from(lang) };
    let c = page.content.clone();
    let title = c.title.text(variant).to_string();
    let teaser = c.teaser.text(variant).to_string();
    let locale = lang.locale();
    let canonical = if easy_read { page.easy_read_href.clone().unwrap_or_else(|| page.href.clone()) } else { page.href.clone() };
    let json_ld = json_ld(&page, lang);
    let (cta_label, cta_href) = match (c.availability, page.request_href.clone()) {
        (Availability::Online, Some(start)) => (td_string!(locale, service.apply_online), start),
        (Availability::Online, None) => (td_string!(locale, service.apply_online), "#ablauf".to_string()),
        (Availability::Appointment, _) => (td_string!(locale, service.make_appointment), "#zustaendige-stelle".to_string()),
        (Availability::InPerson, _) => (td_string!(locale, service.visit_in_person), "#zustaendige-stelle".to_string()),
    };
    let approved = page.approved_at.map(|at| {
        let by = page.approved_by.clone().unwrap_or_default();
        td_string!(locale, service.approved, date = german_date(at), by)
    });
    let switches = language_switches(&page, lang, easy_read);
    let official = c.official_title.text(variant).to_string();
    let show_official = !official.is_empty() && official != title;
    view! {
        <Title text=td_string!(locale, site.page_title, title = &title)/>
        <Meta name="description" content=teaser.clone()/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=teaser.clone()/>
        <Meta property="og:type" content="website"/>
        <LanguageLinks lang href=canonical alternate=page.alternate_href.clone()/>
        <Layout lang alternate=page.alternate_href.clone()>
            <article class="service kern-stack" lang=easy_read.then_some("de-x-ls")>
                <script type="application/ld+json" inner_html=json_ld></script>
                <header class="kern-stack">
                    <h1 class="kern-heading-x-large">{title.clone()}</h1>
                    {show_official.then(|| view! { <p class="kern-subline">{official}</p> })}
                    <p class="kern-body kern-body--large prose">{teaser}</p>
                    <p><AvailabilityBadge lang availability=c.availability/></p>
                    <p class="no-print"><a class="kern-btn kern-btn--primary" href=cta_href><span class="kern-label">{cta_label}</span></a></p>
                    {switches}
                </header>
                <div class="prose">{paragraphs(&c.description, variant)}</div>

                {(!c.requirements.is_empty()).then(|| view! {
                    <section aria-labelledby="voraussetzungen">
                        <h2 id="voraussetzungen" class="kern-heading-medium">{td_string!(locale, service.who_can_apply)}</h2>
                        {item_list(&c.requirements, variant, "kern-list kern-list--bullet")}
                    </section>
                })}

                {(!c.documents.is_empty()).then(|| view! {
                    <section aria-labelledby="unterlagen">
                        <h2 id="unterlagen" class="kern-heading-medium">{td_string!(locale, service.documents)}</h2>
                        <p class="kern-body kern-body--small no-print">{td_string!(locale, service.documents_hint)}</p>
                        {item_list(&c.documents, variant, "checklist")}
                    </section>
                })}

                {(!c.costs.is_empty()).then(|| view! {
                    <section aria-labelledby="kosten">
                        <h2 id="kosten" class="kern-heading-medium">{td_string!(locale, service.costs)}</h2>
                        <dl class="facts">
                            {c.costs.iter().map(|cost| {
                                let note = cost.note.text(variant).to_string();
                                view! {
                                    <div class="facts__row">
                                        <dt>{text(&cost.label, variant)}</dt>
                                        <dd>
                                            <strong>{cost_amount(cost, lang)}</strong>
                                            {(!note.is_empty()).then(|| view! { <br/><span class="kern-body--small">{text(&cost.note, variant)}</span> })}
                                        </dd>
                                    </div>
                                }
                            }).collect_view()}
                        </dl>
                    </section>
                })}

                <section aria-labelledby="dauer">
                    <h2 id="dauer" class="kern-heading-medium">{td_string!(locale, service.duration)}</h2>
                    <p class="kern-body"><strong>{days_text(c.processing_time.days, c.processing_time.max_days, lang)}</strong></p>
                    {(!c.processing_time.note.de.is_empty()).then(|| paragraphs(&c.processing_time.note, variant))}
                </section>

                {(!c.deadlines.is_empty()).then(|| view! {
                    <section aria-labelledby="fristen">
                        <h2 id="fristen" class="kern-heading-medium">{td_string!(locale, service.deadlines)}</h2>
                        <dl class="facts">
                            {c.deadlines.iter().map(|deadline| view! {
                                <div class="facts__row">
                                    <dt>{text(&deadline.label, variant)}</dt>
                                    <dd>
                                        {deadline.days.map(|d| view! { <strong>{days_text(d, None, lang)}</strong><br/> })}
                                        {text(&deadline.note, variant)}
                                    </dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    </section>
                })}

                {(!c.procedure.is_empty()).then(|| view! {
                    <section aria-labelledby="ablauf">
                        <h2 id="ablauf" class="kern-heading-medium">{td_string!(locale, service.procedure)}</h2>
                        <ol class="kern-list kern-list--number">
                            {c.procedure.iter().map(|step| view! { <li>{text(step, variant)}</li> }).collect_view()}
                        </ol>
                    </section>
                })}

                {(!page.offices.is_empty()).then(|| view! {
                    <section aria-labelledby="zustaendige-stelle">
                        <h2 id="zustaendige-stelle" class="kern-heading-medium">{td_string!(locale, service.responsible_office)}</h2>
                        {page.offices.iter().cloned().map(|office| view! { <OfficeCard lang office/> }).collect_view()}
                    </section>
                })}

                {(!c.legal_bases.is_empty()).then(|| view! {
                    <section aria-labelledby="rechtsgrundlagen">
                        <h2 id="rechtsgrundlagen" class="kern-heading-medium">{td_string!(locale, service.legal_basis)}</h2>
                        <ul class="kern-list kern-list--bullet">
                            {c.legal_bases.iter().map(|basis| {
                                let label = text(&basis.title, variant);
                                match basis.url.clone() {
                                    Some(url) => view! { <li><a class="kern-link" href=url>{label}</a></li> }.into_any(),
                                    None => view! { <li>{label}</li> }.into_any(),
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })}

                {(!c.appeal.de.is_empty()).then(|| view! {
                    <section aria-labelledby="rechtsbehelf">
                        <h2 id="rechtsbehelf" class="kern-heading-medium">{td_string!(locale, service.appeal)}</h2>
                        <div class="prose">{paragraphs(&c.appeal, variant)}</div>
                    </section>
                })}

                {(!page.topics.is_empty()).then(|| view! {
                    <nav aria-label=td_string!(locale, service.topics_nav) class="no-print">
                        <p class="kern-body">
                            {td_string!(locale, service.topics_label)}
                            {page.topics.iter().enumerate().map(|(i, topic)| view! {
                                {(i > 0).then_some(", ")}<a class="kern-link" href=topic.href.clone()>{topic.title.clone()}</a>
                            }).collect_view()}
                        </p>
                    </nav>
                })}
                {approved.map(|line| view! { <p class="kern-body kern-body--small service__approved">{line}</p> })}
            </article>
        </Layout>
    }
}

fn language_switches(page: &Page, lang: Lang, easy_read: bool) -> impl IntoView {
    let standard = crate::catalogue::paths::PageKind::Service.href(Lang::De, &page.slug_de, &page.slug_en);
    let easy = page.easy_read_href.clone().filter(|_| lang == Lang::De && !easy_read);
    let back = easy_read.then_some(standard);
    view! {
        {easy.map(|href| view! {
            <p class="no-print"><a class="kern-link" href=href lang="de-x-ls">{td_string!(Lang::De.locale(), service.easy_read_link)}</a></p>
        })}
        {back.map(|href| view! {
            <p class="no-print"><a class="kern-link" href=href lang="de">{td_string!(Lang::De.locale(), service.everyday_link)}</a></p>
        })}
    }
}

/// An office with address, contact, opening status and accessibility of the building.
#[component]
pub fn OfficeCard(lang: Lang, office: OfficeSummary) -> impl IntoView {
    let OfficeSummary { href, office, status } = office;
    let locale = lang.locale();
    let status_text = match &status {
        OpenStatus::OpenUntil(time) => td_string!(locale, office.open_until, time),
        OpenStatus::Closed => td_string!(locale, office.closed_now).into(),
    };
    let status_class = match status {
        OpenStatus::OpenUntil(_) => "kern-badge kern-badge--success",
        OpenStatus::Closed => "kern-badge kern-badge--warning",
    };
    let phone_href = format!("tel:{}", office.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>());
    let email_href = format!("mailto:{}", office.email);
    view! {
        <div class="office-card kern-stack">
            <h3 class="kern-title"><a class="kern-link" href=href>{office.name.text(lang.into()).to_string()}</a></h3>
            <p><span class=status_class><span class="kern-label kern-label--small">{status_text}</span></span></p>
            <address class="kern-body">
                {office.street.clone()}<br/>{format!("{} {}", office.postcode, office.city)}
            </address>
            <p class="kern-body">
                {(!office.phone.is_empty()).then(|| view! { {td_string!(locale, site.phone)}<a class="kern-link" href=phone_href>{office.phone.clone()}</a><br/> })}
                {(!office.email.is_empty()).then(|| view! { {td_string!(locale, site.email)}<a class="kern-link" href=email_href>{office.email.clone()}</a> })}
            </p>
        </div>
    }
}

/// schema.org `GovernmentService` for search engines.
fn json_ld(page: &Page, lang: Lang) -> String {
    let variant = Variant::from(lang);
    let c = &page.content;
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": c.title.text(variant),
        "description": c.teaser.text(variant),
        "url": page.href,
        "serviceType": c.official_title.text(variant),
        "provider": {"@type": "GovernmentOrganization", "name": td_string!(lang.locale(), site.city)},
        "areaServed": {"@type": "City", "name": "Wolfsburg"},
        "availableChannel": page.offices.iter().map(|o| serde_json::json!({
            "@type": "ServiceChannel",
            "serviceLocation": {
                "@type": "GovernmentOffice",
                "name": o.office.name.text(variant),
                "telephone": o.office.phone,
                "address": {"@type": "PostalAddress", "streetAddress": o.office.street, "postalCode": o.office.postcode, "addressLocality": o.office.city}
            }
        })).collect::<Vec<_>>(),
    });
    // `</` inside a script element would end it early.
    value.to_string().replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_are_written_the_way_each_language_writes_them() {
        assert_eq!(euros(3700, Lang::De), "37,00 €");
        assert_eq!(euros(2280, Lang::En), "€22.80");
        assert_eq!(euros(123_456_789, Lang::De), "1.234.567,89 €");
        assert_eq!(euros(100_000, Lang::En), "€1,000.00");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(days_text(0, None, Lang::De), "sofort");
        assert_eq!(days_text(14, Some(28), Lang::En), "14 to 28 days");
        assert_eq!(days_text(1, None, Lang::De), "1 Tag");
        assert_eq!(days_text(1, None, Lang::En), "1 day");
        assert_eq!(days_text(21, None, Lang::De), "21 Tage");
        let cost = |amount_cents, max_amount_cents| Cost { label: Localized::default(), amount_cents, max_amount_cents, note: Localized::default() };
        assert_eq!(cost_amount(&cost(0, None), Lang::En), "free of charge");
        assert_eq!(cost_amount(&cost(1000, Some(5000)), Lang::De), "10,00 € bis 50,00 €");
    }
}
