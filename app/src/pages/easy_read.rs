//! The site explained in Leichte Sprache (and in plain English on the English side). The two
//! texts are written separately, each with its own structure, so they stay in this file
//! instead of the locale files.

use crate::components::Layout;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::Title;

/// `/leichte-sprache` and `/en/easy-read`.
#[component]
pub fn EasyReadPage(lang: Lang) -> impl IntoView {
    let title = td_string!(lang.locale(), site.page_title, title = td_string!(lang.locale(), nav.easy_read));
    match lang {
        Lang::De => view! {
            <Title text=title/>
            <Layout lang>
                <article class="kern-stack prose easy-read" lang="de-x-ls">
                    <h1 class="kern-heading-x-large">"Informationen in Leichter Sprache"</h1>
                    <p class="kern-body">"Das ist die Internet-Seite von der Stadt Wolfsburg."</p>
                    <p class="kern-body">"Hier heißt sie: Digitales Rat-Haus."</p>
                    <h2 class="kern-heading-medium">"Was finden Sie hier?"</h2>
                    <p class="kern-body">"Sie finden hier Dienst-Leistungen von der Stadt."</p>
                    <p class="kern-body">"Eine Dienst-Leistung ist zum Beispiel:"</p>
                    <ul class="kern-list kern-list--bullet">
                        <li>"Sie brauchen einen neuen Personal-Ausweis."</li>
                        <li>"Sie ziehen in eine neue Wohnung."</li>
                        <li>"Sie wollen Sperr-Müll abholen lassen."</li>
                    </ul>
                    <p class="kern-body">"Zu jeder Dienst-Leistung steht hier:"</p>
                    <ul class="kern-list kern-list--bullet">
                        <li>"Wer kann das bekommen?"</li>
                        <li>"Welche Papiere brauchen Sie?"</li>
                        <li>"Was kostet das?"</li>
                        <li>"Wie lange dauert das?"</li>
                        <li>"Wohin gehen Sie?"</li>
                    </ul>
                    <h2 class="kern-heading-medium">"Manche Seiten gibt es in Leichter Sprache"</h2>
                    <p class="kern-body">"Dann steht oben auf der Seite:"</p>
                    <p class="kern-body"><strong>"Diese Seite in Leichter Sprache"</strong></p>
                    <p class="kern-body">"Klicken Sie darauf."</p>
                    <h2 class="kern-heading-medium">"So finden Sie sich zurecht"</h2>
                    <p class="kern-body">"Oben auf jeder Seite ist ein Menü."</p>
                    <p class="kern-body">"Dort finden Sie alle Dienst-Leistungen von A bis Z."</p>
                    <p class="kern-body">"Sie können auch nach Themen suchen."</p>
                    <p class="kern-body">"Zum Beispiel: Auto, Hund oder Umzug."</p>
                    <h2 class="kern-heading-medium">"Sie haben Fragen?"</h2>
                    <p class="kern-body">"Rufen Sie an: "<a class="kern-link" href="tel:115">"115"</a></p>
                    <p class="kern-body">"Das ist die Telefon-Nummer von den Ämtern."</p>
                    <p class="kern-body">"Die Nummer ist Montag bis Freitag besetzt."</p>
                    <p class="kern-body">"Von 8 Uhr bis 18 Uhr."</p>
                </article>
            </Layout>
        }
        .into_any(),
        Lang::En => view! {
            <Title text=title/>
            <Layout lang>
                <article class="kern-stack prose easy-read">
                    <h1 class="kern-heading-x-large">"About this website in easy words"</h1>
                    <p class="kern-body">"This is the website of the City of Wolfsburg."</p>
                    <p class="kern-body">"Here you find the services of the city."</p>
                    <p class="kern-body">"For example: a new ID card, moving house, or having old furniture collected."</p>
                    <p class="kern-body">"For every service you can read:"</p>
                    <ul class="kern-list kern-list--bullet">
                        <li>"Who can get it."</li>
                        <li>"Which papers you need."</li>
                        <li>"What it costs."</li>
                        <li>"How long it takes."</li>
                        <li>"Where to go."</li>
                    </ul>
                    <p class="kern-body">"The menu at the top of every page shows all services from A to Z, and topics like car, dog or moving."</p>
                    <p class="kern-body">"Questions? Call "<a class="kern-link" href="tel:115">"115"</a>". Monday to Friday, 8 am to 6 pm."</p>
                </article>
            </Layout>
        }
        .into_any(),
    }
}
