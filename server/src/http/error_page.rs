//! The page shown when the server itself fails (a panic in a handler): in the site's design,
//! in German and English, with the request id staff need to find the log lines.

use axum::http::StatusCode;

/// The complete HTML document for a server error.
pub fn render(status: StatusCode, request_id: &str, stylesheet_href: &str) -> String {
    let code = status.as_u16();
    let request_id = escape(request_id);
    let stylesheet_href = escape(stylesheet_href);
    format!(
        r##"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Technischer Fehler – Stadt Wolfsburg</title>
<link rel="stylesheet" href="{stylesheet_href}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link kern-link" href="#inhalt">Zum Inhalt springen</a>
<header class="site-header"><div class="kern-container site-header__bar">
<a class="site-header__brand" href="/"><span><span class="site-header__name">Stadt Wolfsburg</span><span class="site-header__tagline">Digitales Rathaus</span></span></a>
</div></header>
<main id="inhalt" tabindex="-1"><div class="kern-container"><div class="kern-stack prose">
<h1 class="kern-heading-x-large">Technischer Fehler</h1>
<p class="kern-body">Auf unserer Seite ist ein Fehler aufgetreten (Code {code}). Ihre bisherigen Eingaben sind nicht verloren gegangen, sofern Sie sie bereits gespeichert hatten. Bitte versuchen Sie es in einigen Minuten noch einmal.</p>
<p class="kern-body">Wenn der Fehler bleibt, rufen Sie die Behördennummer <a class="kern-link" href="tel:115">115</a> an und nennen Sie diese Kennung: <code>{request_id}</code></p>
<p class="kern-body"><a class="kern-link" href="/">Zur Startseite</a></p>
<section lang="en" aria-labelledby="en-heading">
<h2 id="en-heading" class="kern-heading-medium">Technical error</h2>
<p class="kern-body">Something went wrong on our side (code {code}). Please try again in a few minutes. If the error persists, call 115 and quote this reference: <code>{request_id}</code></p>
<p class="kern-body"><a class="kern-link" href="/en">Go to the home page</a></p>
</section>
</div></div></main>
</body>
</html>
"##
    )
}

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_escaped() {
        let html = render(StatusCode::INTERNAL_SERVER_ERROR, "<script>x</script>", "/pkg/rathaus.css");
        assert!(!html.contains("<script>x"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("Code 500"));
    }
}
