//! The service page: what residents need to know to request a service, under the headings
//! German portals use, in German, English or Leichte Sprache.

use super::slug_param;
use crate::catalogue::api::{get_service, OfficeSummary, ServicePage as Page};
use crate::catalogue::hours::{german_date, OpenStatus};
use crate::catalogue::{Availability, Cost, Localized, Variant};
use crate::components::{load_page, AvailabilityBadge, LanguageLinks, Layout};
use crate::i18n::Lang;
use leptos::prelude::*;
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
    match (cost.amount_cents, cost.max_amount_cents) {
        (0, None) => lang.pick("gebührenfrei", "free of charge").into(),
        (min, Some(max)) => format!("{} {} {}", euros(min, lang), lang.pick("bis", "to"), euros(max, lang)),
        (amount, None) => euros(amount, lang),
    }
}

fn days_text(days: i64, max_days: Option<i64>, lang: Lang) -> String {
    match (days, max_days, lang) {
        (0, None, Lang::De) => "sofort".into(),
        (0, None, Lang::En) => "immediately".into(),
        (d, Some(m), Lang::De) => format!("{d} bis {m} Tage"),
        (d, Some(m), Lang::En) => format!("{d} to {m} days"),
        (1, None, Lang::De) => "1 Tag".into(),
        (1, None, Lang::En) => "1 day".into(),
        (d, None, Lang::De) => format!("{d} Tage"),
        (d, None, Lang::En) => format!("{d} days"),
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

#[component]
fn ServiceView(lang: Lang, page: Page, easy_read: bool) -> impl IntoView {
    let variant = if easy_read { Variant::Ls } else { Variant::from(lang) };
    let c = page.content.clone();
    let title = c.title.text(variant).to_string();
    let teaser = c.teaser.text(variant).to_string();
    let city = lang.pick("Stadt Wolfsburg", "City of Wolfsburg");
    let canonical = if easy_read { page.easy_read_href.clone().unwrap_or_else(|| page.href.clone()) } else { page.href.clone() };
    let json_ld = json_ld(&page, lang);
    let (cta_label, cta_href) = match c.availability {
        Availability::Online => (lang.pick("So beantragen Sie es online", "How to apply online"), "#ablauf"),
        Availability::Appointment => (lang.pick("Termin vereinbaren", "Make an appointment"), "#zustaendige-stelle"),
        Availability::InPerson => (lang.pick("Persönlich vorsprechen", "Visit in person"), "#zustaendige-stelle"),
    };
    let approved = page.approved_at.map(|at| {
        let by = page.approved_by.clone().unwrap_or_default();
        match lang {
            Lang::De => format!("Stand: fachlich freigegeben am {} durch {by}", german_date(at)),
            Lang::En => format!("Last reviewed: approved on {} by {by}", german_date(at)),
        }
    });
    let switches = language_switches(&page, lang, easy_read);
    let official = c.official_title.text(variant).to_string();
    let show_official = !official.is_empty() && official != title;
    view! {
        <Title text=format!("{title} – {city}")/>
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
                        <h2 id="voraussetzungen" class="kern-heading-medium">{lang.pick("Wer kann das beantragen?", "Who can apply?")}</h2>
                        {item_list(&c.requirements, variant, "kern-list kern-list--bullet")}
                    </section>
                })}

                {(!c.documents.is_empty()).then(|| view! {
                    <section aria-labelledby="unterlagen">
                        <h2 id="unterlagen" class="kern-heading-medium">{lang.pick("Welche Unterlagen brauche ich?", "What do I need to bring?")}</h2>
                        <p class="kern-body kern-body--small no-print">{lang.pick("Diese Liste können Sie ausdrucken und abhaken.", "You can print this list and tick it off.")}</p>
                        {item_list(&c.documents, variant, "checklist")}
                    </section>
                })}

                {(!c.costs.is_empty()).then(|| view! {
                    <section aria-labelledby="kosten">
                        <h2 id="kosten" class="kern-heading-medium">{lang.pick("Was kostet das?", "What does it cost?")}</h2>
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
                    <h2 id="dauer" class="kern-heading-medium">{lang.pick("Wie lange dauert es?", "How long does it take?")}</h2>
                    <p class="kern-body"><strong>{days_text(c.processing_time.days, c.processing_time.max_days, lang)}</strong></p>
                    {(!c.processing_time.note.de.is_empty()).then(|| paragraphs(&c.processing_time.note, variant))}
                </section>

                {(!c.deadlines.is_empty()).then(|| view! {
                    <section aria-labelledby="fristen">
                        <h2 id="fristen" class="kern-heading-medium">{lang.pick("Welche Fristen gibt es?", "Are there deadlines?")}</h2>
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
                        <h2 id="ablauf" class="kern-heading-medium">{lang.pick("So läuft es ab", "How it works")}</h2>
                        <ol class="kern-list kern-list--number">
                            {c.procedure.iter().map(|step| view! { <li>{text(step, variant)}</li> }).collect_view()}
                        </ol>
                    </section>
                })}

                {(!page.offices.is_empty()).then(|| view! {
                    <section aria-labelledby="zustaendige-stelle">
                        <h2 id="zustaendige-stelle" class="kern-heading-medium">{lang.pick("Zuständige Stelle", "Responsible office")}</h2>
                        {page.offices.iter().cloned().map(|office| view! { <OfficeCard lang office/> }).collect_view()}
                    </section>
                })}

                {(!c.legal_bases.is_empty()).then(|| view! {
                    <section aria-labelledby="rechtsgrundlagen">
                        <h2 id="rechtsgrundlagen" class="kern-heading-medium">{lang.pick("Rechtsgrundlagen", "Legal basis")}</h2>
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
                        <h2 id="rechtsbehelf" class="kern-heading-medium">{lang.pick("Rechtsbehelf", "How to appeal")}</h2>
                        <div class="prose">{paragraphs(&c.appeal, variant)}</div>
                    </section>
                })}

                {(!page.topics.is_empty()).then(|| view! {
                    <nav aria-label=lang.pick("Themen dieser Leistung", "Topics of this service") class="no-print">
                        <p class="kern-body">
                            {lang.pick("Themen: ", "Topics: ")}
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
            <p class="no-print"><a class="kern-link" href=href lang="de-x-ls">"Diese Seite in Leichter Sprache"</a></p>
        })}
        {back.map(|href| view! {
            <p class="no-print"><a class="kern-link" href=href lang="de">"Diese Seite in Alltagssprache"</a></p>
        })}
    }
}

/// An office with address, contact, opening status and accessibility of the building.
#[component]
pub fn OfficeCard(lang: Lang, office: OfficeSummary) -> impl IntoView {
    let OfficeSummary { href, office, status } = office;
    let status_text = match (&status, lang) {
        (OpenStatus::OpenUntil(until), Lang::De) => format!("Jetzt geöffnet bis {until} Uhr"),
        (OpenStatus::OpenUntil(until), Lang::En) => format!("Open now until {until}"),
        (OpenStatus::Closed, Lang::De) => "Jetzt geschlossen".into(),
        (OpenStatus::Closed, Lang::En) => "Closed now".into(),
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
                {(!office.phone.is_empty()).then(|| view! { {lang.pick("Telefon: ", "Phone: ")}<a class="kern-link" href=phone_href>{office.phone.clone()}</a><br/> })}
                {(!office.email.is_empty()).then(|| view! { {lang.pick("E-Mail: ", "Email: ")}<a class="kern-link" href=email_href>{office.email.clone()}</a> })}
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
        "provider": {"@type": "GovernmentOrganization", "name": lang.pick("Stadt Wolfsburg", "City of Wolfsburg")},
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
    }
}
