//! Setting the HTTP status of a server-rendered page.

/// Sets the status code of the page being rendered (for example 404 on the not-found page).
/// In the browser this does nothing: the status belongs to the server's response.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
