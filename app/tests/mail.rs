//! The mail outbox on SQLite and PostgreSQL, delivering to a real SMTP server on loopback:
//! transactions decide whether mail exists, delivery keeps recipient, subject and body intact,
//! an outage delays mail without losing or doubling it, and templates say what they must.
#![cfg(feature = "ssr")]

mod smtp_sink;
mod support;

use app::db::{now, Db, Row};
use app::i18n::Lang;
use app::mail::templates::{self, RequestMail};
use app::mail::{self, MailSettings, OutgoingMail, SendReport};
use mail_parser::MessageParser;
use smtp_sink::{Received, Reserved, SmtpSink};
use std::time::Duration;
use support::on_each_backend;

const FROM: &str = "Stadt Wolfsburg <noreply@wolfsburg.example>";
/// Generous: the tests wait for mail, they do not measure how fast it comes.
const PATIENCE: Duration = Duration::from_secs(60);

fn settings(url: &str) -> MailSettings {
    let mut settings = MailSettings::new(Some(url), Some(FROM)).expect("mail settings");
    settings.retry_base = Duration::from_secs(1);
    settings.poll_interval = Duration::from_secs(1);
    settings
}

fn request() -> RequestMail {
    RequestMail {
        reference: "2026-K7M4-Q9XP".into(),
        service_title: "Baum fällen".into(),
        status: "Rückfrage".into(),
        message: "Bitte schicken Sie uns ein Foto des Baumes.\n.\nGrüße aus dem Grünflächenamt".into(),
        expected: "15. Dezember 2026".into(),
        tracking_url: "https://service.wolfsburg.de/antrag/2026-K7M4-Q9XP".into(),
        staff_url: "https://service.wolfsburg.de/verwaltung/antraege/2026-K7M4-Q9XP".into(),
        office_name: "Grünflächenamt".into(),
    }
}

fn simple(to: &str, subject: &str) -> OutgoingMail {
    OutgoingMail { to: to.into(), subject: subject.into(), body: "Guten Tag.".into() }
}

async fn enqueue(db: &Db, mail: &OutgoingMail) {
    let mut conn = db.pool().acquire().await.expect("connection");
    mail::enqueue(&mut conn, mail).await.expect("enqueue");
}

/// (attempts, next_attempt_at, sent_at, last_error) of every row, oldest first.
async fn rows(db: &Db) -> Vec<(i64, i64, Option<i64>, Option<String>)> {
    sqlx::query("SELECT attempts, next_attempt_at, sent_at, last_error FROM mail_outbox ORDER BY id")
        .fetch_all(db.pool())
        .await
        .expect("outbox rows")
        .iter()
        .map(|row| {
            (row.get("attempts"), row.get("next_attempt_at"), row.get("sent_at"), row.get("last_error"))
        })
        .collect()
}

/// Runs the outbox loop until the returned sender is dropped or sent to.
fn start_loop(db: &Db, settings: MailSettings) -> (tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(mail::run_outbox(db.clone(), settings, async move {
        let _ = stopped.await;
    }));
    (stop, task)
}

async fn stop_loop((stop, task): (tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<()>)) {
    let _ = stop.send(());
    tokio::time::timeout(PATIENCE, task).await.expect("the loop stops").expect("the loop does not panic");
}

fn parsed(received: &Received) -> mail_parser::Message<'_> {
    MessageParser::default().parse(&received.data).expect("a parsable message")
}

#[tokio::test]
async fn mail_exists_only_when_its_transaction_commits() {
    on_each_backend(|db| async move {
        let sink = SmtpSink::start();
        let mut tx = db.pool().begin().await.unwrap();
        mail::enqueue(&mut tx, &simple("verworfen@example.org", "Verworfen")).await.unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(mail::send_due(&db, &settings(&sink.url())).await.unwrap(), SendReport::default());
        assert!(rows(&db).await.is_empty());

        let mut tx = db.pool().begin().await.unwrap();
        mail::enqueue(&mut tx, &simple("bestaetigt@example.org", "Bestätigt")).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(mail::send_due(&db, &settings(&sink.url())).await.unwrap(), SendReport { sent: 1, failed: 0 });
        let received = sink.received();
        assert_eq!(received.len(), 1);
        assert_eq!(received[0].rcpt_to, ["bestaetigt@example.org"]);
    })
    .await;
}

#[tokio::test]
async fn the_server_receives_recipient_subject_and_body_intact() {
    on_each_backend(|db| async move {
        let sink = SmtpSink::start();
        let mut quiet = settings(&sink.url());
        quiet.poll_interval = Duration::from_secs(3600); // only a wake-up can send it in time
        let running = start_loop(&db, quiet);
        // Past the loop's first pass, so only the wake-up can send the mail in time.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let mail = templates::status_changed_to_resident(Lang::De, "anna.schulz@example.org", &request());
        assert_eq!(mail.subject, "Ihr Antrag 2026-K7M4-Q9XP: Rückfrage");
        let mut tx = db.pool().begin().await.unwrap();
        mail::enqueue(&mut tx, &mail).await.unwrap();
        tx.commit().await.unwrap();
        mail::wake();

        let received = sink.wait_for(1, PATIENCE).await;
        stop_loop(running).await;
        assert_eq!(received.len(), 1);
        assert_eq!((received[0].mail_from.as_str(), received[0].rcpt_to.as_slice()), ("noreply@wolfsburg.example", &["anna.schulz@example.org".to_string()][..]));
        let raw = String::from_utf8(received[0].data.clone()).expect("7-bit safe");
        let headers = raw.split("\r\n\r\n").next().unwrap();
        assert!(headers.is_ascii() && !headers.contains("Rückfrage"), "umlauts are encoded in headers:\n{headers}");
        assert!(raw.lines().all(|line| line.len() <= 998), "SMTP line limit");
        let message = parsed(&received[0]);
        assert_eq!(message.subject(), Some("Ihr Antrag 2026-K7M4-Q9XP: Rückfrage"));
        let to = message.to().and_then(|to| to.first()).and_then(|a| a.address()).unwrap();
        assert_eq!(to, "anna.schulz@example.org");
        let from = message.from().and_then(|from| from.first()).unwrap();
        assert_eq!((from.name(), from.address()), (Some("Stadt Wolfsburg"), Some("noreply@wolfsburg.example")));
        // The line break before the final dot belongs to SMTP, not to the text.
        assert_eq!(message.body_text(0).unwrap().replace("\r\n", "\n").strip_suffix('\n'), Some(mail.body.as_str()));
        assert!(mail.body.contains("\n.\n"), "a line of one dot survives dot-stuffing");
        let row = &rows(&db).await[0];
        assert_eq!((row.0, row.2.is_some(), row.3.as_deref()), (1, true, None));
    })
    .await;
}

#[tokio::test]
async fn an_outage_delays_mail_and_loses_none() {
    on_each_backend(|db| async move {
        let reserved = Reserved::new();
        let mut settings = settings(&format!("smtp://{}", reserved.addr()));
        settings.retry_base = Duration::from_secs(2);
        enqueue(&db, &simple("geduldig@example.org", "Während der Störung")).await;

        let before = now();
        assert_eq!(mail::send_due(&db, &settings).await.unwrap(), SendReport { sent: 0, failed: 1 });
        let (attempts, next_attempt_at, sent_at, last_error) = rows(&db).await.remove(0);
        assert_eq!((attempts, sent_at), (1, None));
        assert!(next_attempt_at >= before + 2, "back-off: {next_attempt_at} vs {before}");
        assert!(last_error.as_deref().is_some_and(|e| e.to_lowercase().contains("connect")), "{last_error:?}");
        assert_eq!(mail::send_due(&db, &settings).await.unwrap(), SendReport::default(), "not due again before the back-off");

        let sink = reserved.listen(None);
        let running = start_loop(&db, settings.clone());
        let received = sink.wait_for(1, PATIENCE).await;
        // Long enough for several more passes (1 s polls, 2 s back-off): none may send it again.
        tokio::time::sleep(Duration::from_secs(4)).await;
        stop_loop(running).await;
        assert_eq!(sink.received().len(), 1, "delivered exactly once");
        assert_eq!(received[0].rcpt_to, ["geduldig@example.org"]);
        assert_eq!(parsed(&received[0]).subject(), Some("Während der Störung"));
        let (attempts, _, sent_at, last_error) = rows(&db).await.remove(0);
        assert_eq!((attempts, sent_at.is_some(), last_error), (2, true, None));
    })
    .await;
}

#[tokio::test]
async fn smtp_credentials_reach_the_server_and_never_the_database() {
    on_each_backend(|db| async move {
        let reserved = Reserved::new();
        let addr = reserved.addr();
        let sink = reserved.listen(Some(("rathaus", "s3cret:pw")));
        enqueue(&db, &simple("a@example.org", "Mit Anmeldung")).await;
        let wrong = settings(&format!("smtp://rathaus:falsch-geheim@{addr}"));
        assert_eq!(mail::send_due(&db, &wrong).await.unwrap().failed, 1);
        let error = rows(&db).await.remove(0).3.unwrap_or_default();
        assert!(error.contains("535") && !error.contains("falsch-geheim"), "{error}");

        sqlx::query("UPDATE mail_outbox SET next_attempt_at = 0").execute(db.pool()).await.unwrap();
        let right = settings(&format!("smtp://rathaus:s3cret%3Apw@{addr}"));
        assert_eq!(mail::send_due(&db, &right).await.unwrap().sent, 1);
        assert_eq!(sink.received().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn two_senders_deliver_each_mail_exactly_once() {
    on_each_backend(|db| async move {
        let sink = SmtpSink::start();
        for n in 0..16 {
            enqueue(&db, &simple(&format!("person{n}@example.org"), &format!("Nachricht {n}"))).await;
        }
        let (one, two) = (settings(&sink.url()), settings(&sink.url()));
        let (a, b) = tokio::join!(mail::send_due(&db, &one), mail::send_due(&db, &two));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!((a.sent + b.sent, a.failed + b.failed), (16, 0));
        let mut recipients: Vec<String> = sink.received().into_iter().flat_map(|r| r.rcpt_to).collect();
        recipients.sort();
        recipients.dedup();
        assert_eq!((recipients.len(), sink.received().len()), (16, 16));
    })
    .await;
}

#[tokio::test]
async fn header_injection_is_refused_or_defused() {
    on_each_backend(|db| async move {
        let mut conn = db.pool().acquire().await.unwrap();
        for to in ["anna@example.org\r\nBcc: eve@example.org", "anna@example.org\nRCPT TO:<eve@example.org>", "keine-adresse", "anna@localhost"] {
            let refused = mail::enqueue(&mut conn, &simple(to, "Hallo")).await;
            assert!(matches!(refused, Err(sqlx::Error::InvalidArgument(_))), "{to:?}: {refused:?}");
        }
        drop(conn);
        assert!(rows(&db).await.is_empty());

        let sink = SmtpSink::start();
        enqueue(&db, &simple("anna@example.org", "Hallo\r\nBcc: eve@example.org\r\n\r\nFremder Text")).await;
        assert_eq!(mail::send_due(&db, &settings(&sink.url())).await.unwrap().sent, 1);
        let received = sink.received();
        assert_eq!(received[0].rcpt_to, ["anna@example.org"]);
        let message = parsed(&received[0]);
        assert_eq!(message.subject(), Some("Hallo Bcc: eve@example.org Fremder Text"));
        assert!(message.bcc().is_none());
        assert_eq!(message.body_text(0).unwrap().trim_end(), "Guten Tag.");
    })
    .await;
}

#[tokio::test]
async fn without_an_smtp_server_mail_waits_in_the_outbox() {
    on_each_backend(|db| async move {
        enqueue(&db, &simple("wartet@example.org", "Später")).await;
        let disabled = MailSettings::disabled();
        assert_eq!(mail::send_due(&db, &disabled).await.unwrap(), SendReport::default());
        tokio::time::timeout(PATIENCE, mail::run_outbox(db.clone(), disabled, async {})).await.expect("stops at shutdown");
        assert_eq!(rows(&db).await[0].2, None);
    })
    .await;
}

#[test]
fn templates_name_the_reference_and_the_tracking_link_in_both_languages() {
    let data = request();
    for lang in Lang::ALL {
        for mail in [
            templates::submitted_to_resident(lang, "anna@example.org", &data),
            templates::status_changed_to_resident(lang, "anna@example.org", &data),
        ] {
            assert_eq!(mail.to, "anna@example.org");
            assert!(mail.subject.contains(&data.reference), "{}", mail.subject);
            assert!(mail.body.contains(&data.reference) && mail.body.contains(&data.tracking_url), "{}", mail.body);
            assert!(mail.body.contains("Stadt Wolfsburg") && mail.body.contains(&data.office_name), "{}", mail.body);
            let (greeting, other) = match lang {
                Lang::De => ("Guten Tag", "Hello"),
                Lang::En => ("Hello", "Guten Tag"),
            };
            assert!(mail.body.starts_with(greeting) && !mail.body.contains(other), "{}", mail.body);
            assert!(mail.checked().is_ok());
        }
    }
    let submitted = templates::submitted_to_resident(Lang::En, "anna@example.org", &data);
    assert!(submitted.body.contains("15. Dezember 2026") && submitted.subject.starts_with("Your request"));
    let changed = templates::status_changed_to_resident(Lang::De, "anna@example.org", &data);
    assert!(changed.body.contains("Neuer Stand: Rückfrage") && changed.body.contains("Foto des Baumes"));
    let office = templates::new_request_to_office("gruenflaechen@wolfsburg.de", &data);
    assert_eq!(office.to, "gruenflaechen@wolfsburg.de");
    assert!(office.subject.contains(&data.reference) && office.body.contains(&data.staff_url), "{office:?}");
    assert!(office.body.contains("Stadt Wolfsburg") && office.body.contains("Baum fällen"));
}
