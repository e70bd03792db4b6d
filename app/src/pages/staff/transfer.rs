//! `/verwaltung/katalog`: export and import of the whole catalogue (administrators).

use super::frame::{staff_page, CsrfField, StaffFrame};
use crate::staff::admin::get_catalogue_size;
use leptos::prelude::*;

/// The export link and the import form.
#[component]
pub fn CatalogueTransferPage() -> impl IntoView {
    staff_page(get_catalogue_size(), |context, size| {
        let csrf = context.csrf.clone();
        view! {
            <StaffFrame title="Export und Import" context>
                <p class="kern-body">{format!(
                    "Der Katalog enthält {} Leistungen ({} veröffentlicht), {} Themen und {} Dienststellen.",
                    size.services, size.published, size.topics, size.offices
                )}</p>
                <h2 class="kern-heading-medium">"Export"</h2>
                <p class="kern-body">"Der Export enthält alle Leistungen mit allen Versionen, Themen, Lebenslagen, Dienststellen, Synonyme und die Startseite als JSON-Datei. Er eignet sich als Sicherung und zum Übertragen in eine andere Installation."</p>
                <p class="kern-body"><a class="kern-btn kern-btn--secondary" href="/verwaltung/katalog/export" download="">
                    <span class="kern-label">"Katalog herunterladen (JSON)"</span>
                </a></p>
                <h2 class="kern-heading-medium">"Import"</h2>
                <div class="kern-alert kern-alert--warning">
                    <div class="kern-alert__body"><p class="kern-body">"Der Import ersetzt den gesamten Katalog. Laden Sie vorher einen Export als Sicherung herunter."</p></div>
                </div>
                <form method="post" action="/verwaltung/katalog/import" enctype="multipart/form-data" class="kern-stack staff-form">
                    <CsrfField token=csrf/>
                    <div class="kern-form-input">
                        <label class="kern-label" for="katalog-datei">"Katalog-Datei (JSON aus einem Export)"</label>
                        <input class="kern-form-input__input" id="katalog-datei" name="file" type="file" accept="application/json,.json" required=true/>
                    </div>
                    <div><button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">"Katalog importieren"</span></button></div>
                </form>
            </StaffFrame>
        }
    })
}
