//! The remembered language choice, without JavaScript. The language switch links to
//! `/sprache?zu=en&weiter=/en/imprint`: the answer stores the choice in a cookie and redirects to
//! `weiter`. Afterwards the home page of the other language redirects to the chosen one, so a
//! resident who chose English and types the bare address lands on `/en`. Every other URL keeps
//! its language: links and search results stay what they say.

use super::AppState;
use app::i18n::{localized, Lang};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The cookie holding the chosen language's code.
pub const COOKIE: &str = "rathaus_lang";
/// How long the choice is remembered: a year.
const MAX_AGE_SECONDS: u32 = 31_536_000;
/// Longest `weiter` path followed; longer ones lead to the home page.
const MAX_TARGET: usize = 2048;

/// `/sprache?zu=<de|en>&weiter=<path>`: remembers `zu` and redirects (303) to `weiter`, a path
/// on this site. An unknown language sets nothing; a missing or foreign target leads to the
/// home page of the chosen language.
pub async fn choose(State(state): State<AppState>, request: Request) -> Response {
    let (mut chosen, mut target) = (None, None);
    for (name, value) in url::form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes()) {
        match &*name {
            "zu" => chosen = chosen.or(Lang::from_code(&value)),
            "weiter" => target = target.or(local_path(&value).map(str::to_string)),
            _ => {}
        }
    }
    let location = target.unwrap_or_else(|| localized("/", chosen.unwrap_or_default()).to_string());
    let mut response = see_other(&location);
    if let Some(lang) = chosen {
        let secure = if state.config.is_https() { "; Secure" } else { "" };
        let cookie = format!("{COOKIE}={}; Path=/; Max-Age={MAX_AGE_SECONDS}; SameSite=Lax; HttpOnly{secure}", lang.code());
        if let Ok(cookie) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, cookie);
        }
    }
    response
}

/// Sends a request for one language's home page (`/` or `/en`) to the other language's home
/// page when the cookie says the resident chose that one. Runs before the page cache; the
/// answer for these two addresses varies with the cookie, and says so.
pub async fn remembered_home(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let home = Lang::ALL.into_iter().find(|lang| localized("/", *lang) == path);
    let chosen = chosen_language(request.headers());
    let mut response = match (home, chosen) {
        (Some(home), Some(chosen)) if home != chosen => {
            let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
            see_other(&format!("{}{query}", localized("/", chosen)))
        }
        _ => next.run(request).await,
    };
    if home.is_some() {
        response.headers_mut().append(header::VARY, HeaderValue::from_static("cookie"));
    }
    response
}

/// The language the `rathaus_lang` cookie names, if any.
fn chosen_language(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, code)| Lang::from_code(code))
}

/// `target` if it is a path on this site: starts with exactly one `/`, has no backslash (some
/// browsers read `/\host` as `//host`), and only visible ASCII (browsers drop tabs and line
/// breaks, which could turn `/<tab>/host` into `//host`).
fn local_path(target: &str) -> Option<&str> {
    let bytes = target.as_bytes();
    let local = bytes.first() == Some(&b'/')
        && bytes.get(1) != Some(&b'/')
        && target.len() <= MAX_TARGET
        && bytes.iter().all(|b| b.is_ascii_graphic() && *b != b'\\');
    local.then_some(target)
}

/// 303 See Other to `location`, never stored by caches.
fn see_other(location: &str) -> Response {
    let location = HeaderValue::from_str(location).unwrap_or_else(|_| HeaderValue::from_static("/"));
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location), (header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        for local in ["/", "/en/imprint", "/leistungen/a-b?x=1#y"] {
            assert_eq!(local_path(local), Some(local));
        }
        for foreign in ["", "//evil.example", "/\\evil.example", "https://evil.example", "evil", "/\t/evil", "/ä"] {
            assert_eq!(local_path(foreign), None, "{foreign:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(MAX_TARGET))), None);
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=b; rathaus_lang=en; c=d"));
        assert_eq!(chosen_language(&headers), Some(Lang::En));
        headers.insert(header::COOKIE, HeaderValue::from_static("rathaus_lang=fr"));
        assert_eq!(chosen_language(&headers), None);
    }
}
