//! Lists of services and of navigation links, as KERN cards.

use crate::catalogue::api::{NavLink, ServiceCard};
use crate::catalogue::Availability;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_i18n::td_string;

/// The badge that says how a service can be requested.
#[component]
pub fn AvailabilityBadge(lang: Lang, availability: Availability) -> impl IntoView {
    let (class, text) = match availability {
        Availability::Online => ("kern-badge kern-badge--success", td_string!(lang.locale(), availability.online)),
        Availability::Appointment => ("kern-badge kern-badge--info", td_string!(lang.locale(), availability.appointment)),
        Availability::InPerson => ("kern-badge kern-badge--info", td_string!(lang.locale(), availability.in_person)),
    };
    view! { <span class=class><span class="kern-label kern-label--small">{text}</span></span> }
}

/// Services as a list of linked cards with teaser and badge.
#[component]
pub fn ServiceList(lang: Lang, services: Vec<ServiceCard>) -> impl IntoView {
    view! {
        <ul class="card-list">
            {services
                .into_iter()
                .map(|service| view! {
                    <li class="card-list__item">
                        <h3 class="kern-title"><a class="kern-link card-list__link" href=service.href>{service.title}</a></h3>
                        <p class="kern-body">{service.teaser}</p>
                        <AvailabilityBadge lang availability=service.availability/>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}

/// Links to topics, life situations or offices, each with a line of description.
#[component]
pub fn NavLinkList(links: Vec<NavLink>) -> impl IntoView {
    view! {
        <ul class="card-list card-list--compact">
            {links
                .into_iter()
                .map(|link| view! {
                    <li class="card-list__item">
                        <h3 class="kern-title"><a class="kern-link card-list__link" href=link.href>{link.title}</a></h3>
                        <p class="kern-body kern-body--small">{link.description}</p>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}
