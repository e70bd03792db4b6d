//! The texts of every mail Rathaus sends, in German and English (staff mail in German). They
//! are mail bodies, not UI strings, so they live here rather than in the locale files. Each
//! names the reference number in the subject, says what happens next, links to where the
//! request can be followed and ends with the city's sign-off.

use super::message::OutgoingMail;
use crate::i18n::Lang;

/// What the request mails say, already formatted for the recipient's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestMail {
    /// The reference number, `2026-K7M4-Q9XP`.
    pub reference: String,
    /// The service's title in the mail's language.
    pub service_title: String,
    /// The request's status, as a localized label ("In Bearbeitung").
    pub status: String,
    /// The caseworker's message to the resident; may be empty.
    pub message: String,
    /// The expected decision date, formatted ("15. Dezember 2026"); may be empty.
    pub expected: String,
    /// Where the resident follows the request (tracking page).
    pub tracking_url: String,
    /// Where staff open the request in the staff area (office mail only).
    pub staff_url: String,
    /// The responsible office, as residents know it ("Bürgerbüro Mitte").
    pub office_name: String,
}

/// To the resident when a request has been submitted: received, what happens next.
pub fn submitted_to_resident(lang: Lang, to: &str, data: &RequestMail) -> OutgoingMail {
    let RequestMail { reference, service_title, expected, tracking_url, office_name, .. } = data;
    let (subject, body) = match lang {
        Lang::De => (
            format!("Ihr Antrag {reference} ist eingegangen"),
            format!(
                "Guten Tag,\n\n\
                 vielen Dank für Ihren Antrag „{service_title}“. Er ist bei uns eingegangen.\n\n\
                 Ihre Vorgangsnummer: {reference}\n\
                 Zuständig: {office_name}\n\n\
                 So geht es weiter: Wir prüfen Ihren Antrag.{expected_de} Wenn wir Fragen haben \
                 oder sich der Stand ändert, schreiben wir Ihnen eine E-Mail.\n\n\
                 Den Stand Ihres Antrags sehen Sie jederzeit hier:\n{tracking_url}\n\n\
                 {sign_off}",
                expected_de = expected_sentence(Lang::De, expected),
                sign_off = sign_off(Lang::De, office_name),
            ),
        ),
        Lang::En => (
            format!("Your request {reference} has been received"),
            format!(
                "Hello,\n\n\
                 thank you for your request \"{service_title}\". We have received it.\n\n\
                 Your reference number: {reference}\n\
                 Responsible office: {office_name}\n\n\
                 What happens next: we will review your request.{expected_en} If we have questions \
                 or the status changes, we will send you an email.\n\n\
                 You can follow your request at any time here:\n{tracking_url}\n\n\
                 {sign_off}",
                expected_en = expected_sentence(Lang::En, expected),
                sign_off = sign_off(Lang::En, office_name),
            ),
        ),
    };
    OutgoingMail { to: to.to_string(), subject, body }
}

/// To the resident when the status of their request changed, with the caseworker's message.
pub fn status_changed_to_resident(lang: Lang, to: &str, data: &RequestMail) -> OutgoingMail {
    let RequestMail { reference, service_title, status, message, tracking_url, office_name, .. } = data;
    let message = message.trim();
    let (subject, body) = match lang {
        Lang::De => (
            format!("Ihr Antrag {reference}: {status}"),
            format!(
                "Guten Tag,\n\n\
                 der Stand Ihres Antrags „{service_title}“ (Vorgangsnummer {reference}) hat sich \
                 geändert. Neuer Stand: {status}\n\n\
                 {message_de}\
                 Alle Nachrichten und den weiteren Verlauf sehen Sie hier; dort können Sie uns \
                 auch antworten:\n{tracking_url}\n\n\
                 {sign_off}",
                message_de = staff_message(Lang::De, message),
                sign_off = sign_off(Lang::De, office_name),
            ),
        ),
        Lang::En => (
            format!("Your request {reference}: {status}"),
            format!(
                "Hello,\n\n\
                 the status of your request \"{service_title}\" (reference number {reference}) has \
                 changed. New status: {status}\n\n\
                 {message_en}\
                 You can see all messages and what happens next here, and reply to us there:\n\
                 {tracking_url}\n\n\
                 {sign_off}",
                message_en = staff_message(Lang::En, message),
                sign_off = sign_off(Lang::En, office_name),
            ),
        ),
    };
    OutgoingMail { to: to.to_string(), subject, body }
}

/// To the resident when the caseworker needs more (a document, an answer): the request waits
/// for them, and they answer on the tracking page.
pub fn more_needed_to_resident(lang: Lang, to: &str, data: &RequestMail) -> OutgoingMail {
    let RequestMail { reference, service_title, message, tracking_url, office_name, .. } = data;
    let (subject, body) = match lang {
        Lang::De => (
            format!("Ihr Antrag {reference}: Wir brauchen noch etwas von Ihnen"),
            format!(
                "Guten Tag,\n\n\
                 um Ihren Antrag „{service_title}“ (Vorgangsnummer {reference}) zu bearbeiten, \
                 brauchen wir noch etwas von Ihnen.\n\n\
                 {message_de}\
                 Bitte antworten Sie auf der Seite zu Ihrem Antrag; dort können Sie auch Dateien \
                 hochladen. Sie brauchen Ihre Vorgangsnummer und Ihre PIN:\n{tracking_url}\n\n\
                 {sign_off}",
                message_de = staff_message(Lang::De, message.trim()),
                sign_off = sign_off(Lang::De, office_name),
            ),
        ),
        Lang::En => (
            format!("Your request {reference}: we need something from you"),
            format!(
                "Hello,\n\n\
                 to process your request \"{service_title}\" (reference number {reference}) we \
                 need something more from you.\n\n\
                 {message_en}\
                 Please reply on your request's page, where you can also upload files. You need \
                 your reference number and your PIN:\n{tracking_url}\n\n\
                 {sign_off}",
                message_en = staff_message(Lang::En, message.trim()),
                sign_off = sign_off(Lang::En, office_name),
            ),
        ),
    };
    OutgoingMail { to: to.to_string(), subject, body }
}

/// To the resident when the caseworker writes without changing the status.
pub fn message_to_resident(lang: Lang, to: &str, data: &RequestMail) -> OutgoingMail {
    let RequestMail { reference, service_title, message, tracking_url, office_name, .. } = data;
    let (subject, body) = match lang {
        Lang::De => (
            format!("Ihr Antrag {reference}: Neue Nachricht"),
            format!(
                "Guten Tag,\n\n\
                 zu Ihrem Antrag „{service_title}“ (Vorgangsnummer {reference}) gibt es eine neue \
                 Nachricht.\n\n\
                 {message_de}\
                 Den Verlauf sehen Sie hier; dort können Sie uns auch antworten:\n{tracking_url}\n\n\
                 {sign_off}",
                message_de = staff_message(Lang::De, message.trim()),
                sign_off = sign_off(Lang::De, office_name),
            ),
        ),
        Lang::En => (
            format!("Your request {reference}: new message"),
            format!(
                "Hello,\n\n\
                 there is a new message about your request \"{service_title}\" (reference number \
                 {reference}).\n\n\
                 {message_en}\
                 You can see everything and reply to us here:\n{tracking_url}\n\n\
                 {sign_off}",
                message_en = staff_message(Lang::En, message.trim()),
                sign_off = sign_off(Lang::En, office_name),
            ),
        ),
    };
    OutgoingMail { to: to.to_string(), subject, body }
}

/// To the responsible office when a request has arrived (German: the staff's language). It
/// names no answers: staff read the request, with its personal data, in the staff area.
pub fn new_request_to_office(to: &str, data: &RequestMail) -> OutgoingMail {
    let RequestMail { reference, service_title, expected, staff_url, office_name, .. } = data;
    let expected = match expected.trim() {
        "" => String::new(),
        date => format!("Zu entscheiden bis: {date}\n"),
    };
    OutgoingMail {
        to: to.to_string(),
        subject: format!("Neuer Antrag {reference}: {service_title}"),
        body: format!(
            "Guten Tag,\n\n\
             für {office_name} ist ein neuer Online-Antrag eingegangen.\n\n\
             Leistung: {service_title}\n\
             Vorgangsnummer: {reference}\n\
             {expected}\n\
             Bitte übernehmen Sie den Antrag in der Verwaltung von Rathaus:\n{staff_url}\n\n\
             Diese Nachricht wurde automatisch erstellt.\n\n\
             Stadt Wolfsburg"
        ),
    }
}

fn expected_sentence(lang: Lang, expected: &str) -> String {
    match (lang, expected.trim()) {
        (_, "") => String::new(),
        (Lang::De, date) => format!(" Voraussichtlich entscheiden wir bis zum {date}."),
        (Lang::En, date) => format!(" We expect to decide by {date}."),
    }
}

fn staff_message(lang: Lang, message: &str) -> String {
    match (lang, message) {
        (_, "") => String::new(),
        (Lang::De, text) => format!("Nachricht der Sachbearbeitung:\n\n{text}\n\n"),
        (Lang::En, text) => format!("Message from the caseworker:\n\n{text}\n\n"),
    }
}

fn sign_off(lang: Lang, office_name: &str) -> String {
    let office = match office_name.trim() {
        "" => String::new(),
        name => format!("\n{name}"),
    };
    match lang {
        Lang::De => format!(
            "Mit freundlichen Grüßen\nStadt Wolfsburg{office}\n\n\
             Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht auf diese E-Mail, \
             sondern über den Link oben."
        ),
        Lang::En => format!(
            "Kind regards\nStadt Wolfsburg (City of Wolfsburg){office}\n\n\
             This email was sent automatically. Please do not reply to it; use the link above."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> RequestMail {
        RequestMail {
            reference: "2026-K7M4-Q9XP".into(),
            service_title: "Hundesteuer anmelden".into(),
            status: "In Bearbeitung".into(),
            message: String::new(),
            expected: "15. Dezember 2026".into(),
            tracking_url: "https://service.wolfsburg.de/antrag/2026-K7M4-Q9XP".into(),
            staff_url: "https://service.wolfsburg.de/verwaltung/antraege/2026-K7M4-Q9XP".into(),
            office_name: "Bürgerbüro Mitte".into(),
        }
    }

    #[test]
    fn an_empty_message_and_date_leave_no_gaps() {
        let mut quiet = data();
        quiet.expected.clear();
        let mail = submitted_to_resident(Lang::De, "anna@example.org", &quiet);
        assert!(mail.body.contains("Wir prüfen Ihren Antrag. Wenn wir Fragen"), "{}", mail.body);
        let mail = status_changed_to_resident(Lang::En, "anna@example.org", &quiet);
        assert!(!mail.body.contains("caseworker"), "{}", mail.body);
        let mut talk = data();
        talk.message = "Bitte senden Sie uns noch den Impfnachweis.".into();
        let mail = status_changed_to_resident(Lang::De, "anna@example.org", &talk);
        assert!(mail.body.contains("Nachricht der Sachbearbeitung:\n\nBitte senden Sie uns noch den Impfnachweis.\n\n"), "{}", mail.body);
    }

    #[test]
    fn office_mail_links_to_the_staff_area() {
        let mail = new_request_to_office("buergerbuero@wolfsburg.de", &data());
        assert_eq!(mail.subject, "Neuer Antrag 2026-K7M4-Q9XP: Hundesteuer anmelden");
        assert!(mail.body.contains("/verwaltung/antraege/2026-K7M4-Q9XP") && mail.body.contains("Zu entscheiden bis: 15. Dezember 2026"));
        assert!(mail.body.ends_with("Stadt Wolfsburg"));
    }
}
