//! The HTML document and the route table.

use crate::i18n::Lang;
use crate::components::{bundle_href, IslandLoader};
use crate::pages::*;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
    path, SsrMode,
};

/// The whole HTML document around [`App`], rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1a52a6"/>
                <link rel="stylesheet" id="leptos" href=bundle_href(&options, "css")/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <IslandLoader options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The route table. German paths at the root, English ones under `/en`.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=|| {
                let lang = Lang::from_path(&use_location().pathname.get_untracked());
                view! { <NotFoundPage lang/> }
            }>
                <Route path=path!("/") view=|| view! { <HomePage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en") view=|| view! { <HomePage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/leistungen") view=|| view! { <AToZPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/services") view=|| view! { <AToZPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/leistungen/:slug") view=|| view! { <ServicePage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/leistungen/:slug/leichte-sprache") view=|| view! { <ServicePage lang=Lang::De easy_read=true/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/services/:slug") view=|| view! { <ServicePage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/themen") view=|| view! { <TopicIndexPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/topics") view=|| view! { <TopicIndexPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/themen/:slug") view=|| view! { <TopicPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/topics/:slug") view=|| view! { <TopicPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/lebenslagen") view=|| view! { <LifeSituationIndexPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/life-situations") view=|| view! { <LifeSituationIndexPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/lebenslagen/:slug") view=|| view! { <LifeSituationPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/life-situations/:slug") view=|| view! { <LifeSituationPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/dienststellen") view=|| view! { <OfficeIndexPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/offices") view=|| view! { <OfficeIndexPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/dienststellen/:slug") view=|| view! { <OfficePage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/offices/:slug") view=|| view! { <OfficePage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/suche") view=|| view! { <SearchPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/search") view=|| view! { <SearchPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/barrierefreiheit") view=|| view! { <AccessibilityPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/accessibility") view=|| view! { <AccessibilityPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/leichte-sprache") view=|| view! { <EasyReadPage lang=Lang::De/> }/>
                <Route path=path!("/en/easy-read") view=|| view! { <EasyReadPage lang=Lang::En/> }/>
                <Route path=path!("/impressum") view=|| view! { <ImprintPage lang=Lang::De/> }/>
                <Route path=path!("/en/imprint") view=|| view! { <ImprintPage lang=Lang::En/> }/>
                <Route path=path!("/datenschutz") view=|| view! { <PrivacyPage lang=Lang::De/> }/>
                <Route path=path!("/en/privacy") view=|| view! { <PrivacyPage lang=Lang::En/> }/>
                <Route path=path!("/leistungen/:slug/antrag") view=|| view! { <RequestStartPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/services/:slug/request") view=|| view! { <RequestStartPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/antrag/fortsetzen") view=|| view! { <ResumePage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/request/resume") view=|| view! { <ResumePage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/antrag/status") view=|| view! { <StatusPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/request/status") view=|| view! { <StatusPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/antrag/:code/frage/:page") view=|| view! { <QuestionPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/request/:code/question/:page") view=|| view! { <QuestionPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/antrag/:code/pruefen") view=|| view! { <CheckPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/request/:code/check") view=|| view! { <CheckPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/antrag/:code/bestaetigung") view=|| view! { <ConfirmationPage lang=Lang::De/> } ssr=SsrMode::Async/>
                <Route path=path!("/en/request/:code/confirmation") view=|| view! { <ConfirmationPage lang=Lang::En/> } ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung") view=StaffHomePage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/anmelden") view=SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/anmelden/code") view=SecondFactorPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/anmelden/einrichten") view=SecondFactorSetupPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/anmelden/wiederherstellungscodes") view=RecoveryCodesPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/konto") view=AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/dashboard") view=DashboardPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/leistungen") view=ListingsPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/leistungen/neu") view=ListingEditorPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/leistungen/:slug") view=ListingPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/leistungen/:slug/bearbeiten") view=ListingEditorPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/leistungen/:slug/vorschau") view=ListingPreviewPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/formulare") view=FormsPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/formulare/:slug") view=FormBuilderPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/formulare/:slug/vorschau") view=FormPreviewPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/formulare/:slug/seite/:page") view=FormPageEditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/formulare/:slug/feld/:page/:field") view=FormFieldPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/konten") view=AccountsPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/antraege") view=InboxPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/antraege/antwortvorlagen") view=CannedRepliesPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/antraege/:reference") view=InboxRequestPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/rueckmeldungen") view=FeedbackListPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/suchstatistik") view=SearchInsightPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/protokoll") view=AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/katalog") view=CatalogueTransferPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/themen") view=TaxonomyPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/themen/thema/neu") view=TopicEditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/themen/thema/:slug") view=TopicEditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/themen/lebenslage/neu") view=LifeSituationEditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/themen/lebenslage/:slug") view=LifeSituationEditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/dienststellen") view=OfficesPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/dienststellen/neu") view=OfficeEditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/dienststellen/:slug") view=OfficeEditPage ssr=SsrMode::Async/>
                <Route path=path!("/verwaltung/synonyme") view=SynonymsPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
