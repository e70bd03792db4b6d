//! The pages every public German website must have: accessibility statement, imprint, privacy.

use super::feedback_form::FeedbackSection;
use crate::components::Layout;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_meta::Title;

/// A legal page: a heading and its sections.
#[component]
fn LegalPage(lang: Lang, title: &'static str, children: Children) -> impl IntoView {
    let city = lang.pick("Stadt Wolfsburg", "City of Wolfsburg");
    view! {
        <Title text=format!("{title} – {city}")/>
        <Layout lang>
            <article class="kern-stack prose">
                <h1 class="kern-heading-x-large">{title}</h1>
                {children()}
            </article>
        </Layout>
    }
}

/// Erklärung zur Barrierefreiheit (BITV 2.0 / NBGG), with the feedback contact.
#[component]
pub fn AccessibilityPage(lang: Lang) -> impl IntoView {
    match lang {
        Lang::De => view! {
            <LegalPage lang title="Erklärung zur Barrierefreiheit">
                <p class="kern-body">"Die Stadt Wolfsburg ist bemüht, ihr digitales Rathaus im Einklang mit dem Niedersächsischen Behindertengleichstellungsgesetz (NBGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese Erklärung gilt für das Portal unter dieser Adresse."</p>
                <h2 class="kern-heading-medium">"Stand der Vereinbarkeit mit den Anforderungen"</h2>
                <p class="kern-body">"Das Portal soll die Anforderungen der WCAG 2.2 auf der Stufe AA erfüllen. Jede Seite wird vor der Veröffentlichung automatisch mit axe-core geprüft, mit der Tastatur bedient und bei 320 Pixel Breite sowie 200 Prozent Vergrößerung getestet. Alle Anträge funktionieren auch ohne JavaScript."</p>
                <h2 class="kern-heading-medium">"Nicht barrierefreie Inhalte"</h2>
                <p class="kern-body">"Das Portal ist im Aufbau. Noch nicht alle Leistungsbeschreibungen liegen in Leichter Sprache vor. Wir ergänzen sie laufend."</p>
                <h2 class="kern-heading-medium">"Erstellung dieser Erklärung"</h2>
                <p class="kern-body">"Diese Erklärung wurde am 26. November 2026 auf Grundlage einer Selbstbewertung erstellt."</p>
                <h2 class="kern-heading-medium">"Feedback und Kontakt"</h2>
                <p class="kern-body">"Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Nutzen Sie das Formular unten, schreiben Sie uns an "<a class="kern-link" href="mailto:barrierefreiheit@stadt.wolfsburg.de">"barrierefreiheit@stadt.wolfsburg.de"</a>" oder rufen Sie die Behördennummer 115 an. Wir antworten innerhalb von zwei Wochen."</p>
                <h2 class="kern-heading-medium">"Schlichtungsverfahren"</h2>
                <p class="kern-body">"Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Schlichtungsstelle bei der Landesbeauftragten für Menschen mit Behinderungen in Niedersachsen wenden, Hannah-Arendt-Platz 2, 30159 Hannover. Das Verfahren ist kostenlos."</p>
                <FeedbackSection lang/>
            </LegalPage>
        }.into_any(),
        Lang::En => view! {
            <LegalPage lang title="Accessibility statement">
                <p class="kern-body">"The City of Wolfsburg aims to make its digital town hall accessible in accordance with the Lower Saxony Disability Equality Act (NBGG) and the Barrier-free Information Technology Ordinance (BITV 2.0). This statement applies to the portal at this address."</p>
                <h2 class="kern-heading-medium">"Compliance status"</h2>
                <p class="kern-body">"The portal aims to meet WCAG 2.2 at level AA. Every page is checked automatically with axe-core before release, operated with the keyboard and tested at 320 pixels width and 200 percent zoom. Every request also works without JavaScript."</p>
                <h2 class="kern-heading-medium">"Content that is not accessible"</h2>
                <p class="kern-body">"The portal is being built. Not every service description is available in easy-to-read German (Leichte Sprache) yet. We are adding them continuously."</p>
                <h2 class="kern-heading-medium">"Preparation of this statement"</h2>
                <p class="kern-body">"This statement was prepared on 26 November 2026 based on a self-assessment."</p>
                <h2 class="kern-heading-medium">"Feedback and contact"</h2>
                <p class="kern-body">"Have you found a barrier? Use the form below, write to "<a class="kern-link" href="mailto:barrierefreiheit@stadt.wolfsburg.de">"barrierefreiheit@stadt.wolfsburg.de"</a>" or call the public service number 115. We reply within two weeks."</p>
                <h2 class="kern-heading-medium">"Conciliation procedure"</h2>
                <p class="kern-body">"If you are not satisfied with our reply, you can contact the conciliation body of the Lower Saxony Commissioner for People with Disabilities, Hannah-Arendt-Platz 2, 30159 Hannover. The procedure is free of charge."</p>
                <FeedbackSection lang/>
            </LegalPage>
        }.into_any(),
    }
}

/// Impressum: who runs the portal.
#[component]
pub fn ImprintPage(lang: Lang) -> impl IntoView {
    let title = lang.pick("Impressum", "Imprint");
    view! {
        <LegalPage lang title>
            <h2 class="kern-heading-medium">{lang.pick("Herausgeberin", "Publisher")}</h2>
            <address class="kern-body">
                "Stadt Wolfsburg"<br/>
                {lang.pick("Der Oberbürgermeister", "The Lord Mayor")}<br/>
                "Porschestraße 49"<br/>
                "38440 Wolfsburg"
            </address>
            <p class="kern-body">
                {lang.pick("Telefon: ", "Phone: ")}<a class="kern-link" href="tel:115">"115"</a><br/>
                {lang.pick("E-Mail: ", "Email: ")}<a class="kern-link" href="mailto:info@stadt.wolfsburg.de">"info@stadt.wolfsburg.de"</a>
            </p>
            <p class="kern-body">{lang.pick(
                "Die Stadt Wolfsburg ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch den Oberbürgermeister.",
                "The City of Wolfsburg is a public-law corporation, represented by the Lord Mayor.",
            )}</p>
            <h2 class="kern-heading-medium">{lang.pick("Software", "Software")}</h2>
            <p class="kern-body">{lang.pick(
                "Dieses Portal läuft mit Rathaus, freier Software unter der EUPL-1.2.",
                "This portal runs on Rathaus, free software under the EUPL-1.2.",
            )}</p>
        </LegalPage>
    }
}

/// Datenschutzerklärung: what the portal stores and why.
#[component]
pub fn PrivacyPage(lang: Lang) -> impl IntoView {
    let title = lang.pick("Datenschutz", "Privacy");
    view! {
        <LegalPage lang title>
            <p class="kern-body">{lang.pick(
                "Verantwortlich für die Verarbeitung Ihrer Daten ist die Stadt Wolfsburg, Porschestraße 49, 38440 Wolfsburg. Die behördliche Datenschutzbeauftragte erreichen Sie unter datenschutz@stadt.wolfsburg.de.",
                "The controller of your data is the City of Wolfsburg, Porschestraße 49, 38440 Wolfsburg. You can reach the data protection officer at datenschutz@stadt.wolfsburg.de.",
            )}</p>
            <h2 class="kern-heading-medium">{lang.pick("Beim Besuch der Seiten", "When you visit the pages")}</h2>
            <p class="kern-body">{lang.pick(
                "Das Portal setzt keine Cookies zur Analyse oder Werbung und bindet keine Inhalte Dritter ein. Die Server protokollieren zur Fehlersuche Zeitpunkt, aufgerufene Adresse und Statuscode, aber keine IP-Adressen. Diese Protokolle werden nach 14 Tagen gelöscht.",
                "The portal sets no cookies for analytics or advertising and embeds no third-party content. For troubleshooting the servers log the time, the address requested and the status code, but no IP addresses. These logs are deleted after 14 days.",
            )}</p>
            <h2 class="kern-heading-medium">{lang.pick("Bei Anträgen", "When you make a request")}</h2>
            <p class="kern-body">{lang.pick(
                "Was Sie in einem Antrag angeben, verarbeiten wir nur, um Ihr Anliegen zu bearbeiten (Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit dem jeweiligen Fachrecht). Die Daten werden gelöscht, sobald die gesetzlichen Aufbewahrungsfristen abgelaufen sind.",
                "We process what you enter in a request only to handle it (Art. 6(1)(e) GDPR together with the law governing the service). The data is deleted once the statutory retention periods have ended.",
            )}</p>
            <h2 class="kern-heading-medium">{lang.pick("Ihre Rechte", "Your rights")}</h2>
            <p class="kern-body">{lang.pick(
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie ein Beschwerderecht bei der Landesbeauftragten für den Datenschutz Niedersachsen.",
                "You have the right to access, rectification, erasure and restriction of processing, and the right to lodge a complaint with the Data Protection Commissioner of Lower Saxony.",
            )}</p>
        </LegalPage>
    }
}
