//! Demo requests for `rathaus seed --demo`, so that the inbox and the dashboard of `make run`
//! show something: residents fill the demo forms through the real draft and submission
//! functions, the demo administration (a caseworker too) assigns, asks, completes and rejects
//! through the inbox's actions, residents answer through the tracking functions. Then each
//! request's whole history is moved back in time together (submitted over the last 60 days,
//! its later steps spread after that), which keeps every state one the application could reach.

use super::actions::{act, Action, MailContext};
use crate::catalogue::published_services;
use crate::db::{now, Db};
use crate::i18n::Lang;
use crate::requests::answers::Answers;
use crate::requests::date::Day;
use crate::requests::form::{Field, FieldKind, FormDefinition};
use crate::requests::status::RequestStatus;
use crate::requests::store::{issue_submit_key, live_form_by_slug, reply, save_answers, start_draft, submit, RequestError, Submission, SubmitOutcome};
use crate::requests::validate::check_field;

/// The caseworker of the demo (the demo administrator holds every role).
const CASEWORKER: &str = "admin@rathaus.example";
/// Residents' addresses end in this reserved domain; it also marks the demo requests.
const DOMAIN: &str = "demo.rathaus.example";
/// Where mail links point (`make run`'s address).
const ORIGIN: &str = "http://127.0.0.1:3000";

const PEOPLE: [&str; 36] = [
    "Anna Schneider", "Jürgen Weiß", "Fatma Yılmaz", "Lukas Becker", "Marie Hoffmann", "Ömer Demir", "Sophie Krüger", "Tobias Wagner",
    "Emma Schulz", "Paul Richter", "Leonie Koch", "Mehmet Kaya", "Hannah Wolf", "Felix Schäfer", "Lea Neumann", "Jonas Zimmermann",
    "Mia Braun", "Elias Hartmann", "Lina Lange", "Noah Schmitt", "Clara Werner", "Ben Krause", "Ida Meier", "Karl Lehmann",
    "Greta Schmid", "Anton Köhler", "Ella Maier", "Theo Herrmann", "Nele König", "Emil Walter", "Zeynep Arslan", "Piotr Nowak",
    "Frieda Peters", "Oskar Möller", "Helene Jung", "Mats Günther",
];

/// What happens to a demo request after it is submitted, and how many days ago it came in.
struct Story {
    steps: &'static [Step],
    days_ago: i64,
}

enum Step {
    Assign,
    Progress,
    Ask(&'static str),
    Reply(&'static str),
    Note(&'static str),
    Complete(&'static str),
    Reject(&'static str),
}

const ASK: &str = "Bitte laden Sie noch eine Kopie Ihres Personalausweises (Vorder- und Rückseite) hoch.";
const STORIES: [Story; 12] = [
    Story { steps: &[], days_ago: 1 },
    Story { steps: &[Step::Assign], days_ago: 3 },
    Story { steps: &[Step::Assign, Step::Progress], days_ago: 6 },
    Story { steps: &[Step::Assign, Step::Progress, Step::Ask(ASK)], days_ago: 9 },
    Story { steps: &[Step::Assign, Step::Ask(ASK), Step::Reply("Die Kopie habe ich eben hochgeladen.")], days_ago: 12 },
    Story { steps: &[Step::Assign, Step::Progress, Step::Complete("Ihr Antrag ist bewilligt. Den Bescheid erhalten Sie in den nächsten Tagen per Post.")], days_ago: 20 },
    Story { steps: &[Step::Assign, Step::Reject("Leider liegen die Voraussetzungen nicht vor: Der Wohnsitz ist nicht in Wolfsburg gemeldet.")], days_ago: 25 },
    Story { steps: &[Step::Note("Rückruf am Vormittag vereinbart."), Step::Assign, Step::Progress], days_ago: 4 },
    Story { steps: &[], days_ago: 48 },
    Story { steps: &[Step::Assign, Step::Progress], days_ago: 57 },
    Story { steps: &[Step::Assign, Step::Progress, Step::Complete("Erledigt. Vielen Dank für Ihre Geduld.")], days_ago: 40 },
    Story { steps: &[Step::Progress, Step::Complete("Ihr Antrag ist abgeschlossen.")], days_ago: 33 },
];

/// An answer for `field` that its checks accept, or `None` (then an optional field stays empty).
fn answer(field: &Field, name: &str, email: &str, today: Day) -> Option<Vec<String>> {
    let candidates: Vec<Vec<String>> = match field.kind {
        FieldKind::Text if field.id == "name" => vec![vec![name.into()]],
        FieldKind::Text => ["Wolfsburg", "WOB-AB 123", "WOB AB 123", "Schwarzes Fahrrad", "12345", "Ja"].iter().map(|t| vec![(*t).to_string()]).collect(),
        FieldKind::LongText => vec![vec!["Bitte um Bearbeitung; Rückfragen gern per E-Mail.".into()]],
        FieldKind::Number => ["2", "1", "10", "100"].iter().map(|t| vec![(*t).to_string()]).collect(),
        FieldKind::Date => [14, 30, 7, 1, -30, -365, -10_000].iter().map(|d| vec![today.plus(*d).iso()]).collect(),
        FieldKind::Email => vec![vec![email.into()]],
        FieldKind::Phone => vec![vec!["05361 28-0".into()]],
        FieldKind::YesNo => vec![vec!["ja".into()]],
        FieldKind::SingleChoice | FieldKind::MultipleChoice => field.options.first().map(|o| vec![o.value.clone()]).into_iter().collect(),
        FieldKind::Address => vec![vec!["Porschestraße 49".into(), "38440".into(), "Wolfsburg".into()]],
        FieldKind::File => Vec::new(),
    };
    candidates.into_iter().find(|values| check_field(field, values, today).is_none())
}

/// A complete set of answers for `form`, or `None` when it needs a file (demo residents upload none).
fn answers_for(form: &FormDefinition, name: &str, email: &str, today: Day) -> Option<Answers> {
    let mut answers = Answers::default();
    for field in form.fields() {
        if !answers.shows(field) {
            continue;
        }
        match answer(field, name, email, today) {
            Some(values) => {
                answers.0.insert(field.id.clone(), values);
            }
            None if field.required => return None,
            None => {}
        }
    }
    Some(answers)
}

/// Adds the demo requests unless there are some already; returns how many were added.
pub async fn seed_demo_requests(db: &Db) -> Result<usize, RequestError> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE email LIKE $1").bind(format!("%@{DOMAIN}")).fetch_one(db.pool()).await?;
    if existing > 0 {
        return Ok(0);
    }
    let today = Day::from_unix(now());
    let mut services = Vec::new();
    for service in published_services(db).await.map_err(|e| RequestError::Corrupt(e.to_string()))? {
        if let Some(form) = live_form_by_slug(db, &service.slug_de).await? {
            services.push((service, form));
        }
    }
    let no_office = |_: &str, _: Lang| String::new();
    let mail = MailContext { origin: ORIGIN, office_name: &no_office };
    let mut added = 0;
    let mut service_index = 0;
    for (i, name) in PEOPLE.iter().enumerate() {
        let email = format!("{}@{DOMAIN}", crate::inbox::store::search_keys::fold(name).replace(' ', "."));
        // The next service whose form a demo resident can fill (no required upload).
        let mut chosen = None;
        for _ in 0..services.len() {
            let (service, form) = &services[service_index % services.len()];
            service_index += 1;
            if let Some(answers) = answers_for(&form.definition, name, &email, today) {
                chosen = Some((service, form, answers));
                break;
            }
        }
        let Some((service, form, answers)) = chosen else { break };
        let code = start_draft(db, form.id, Lang::De, 1).await?;
        save_answers(db, &code, &answers, 1).await?;
        let key = issue_submit_key(db, &code).await?.unwrap_or_default();
        let submission = Submission {
            code: &code,
            submit_key: &key,
            service_title: &service.content.title.de,
            office_slug: service.content.offices.first().map(String::as_str).unwrap_or(""),
            processing_days: service.content.processing_time.days,
            answers: &answers,
            mails: &|_| Vec::new(),
        };
        let SubmitOutcome::Submitted(receipt) = submit(db, &submission).await? else {
            return Err(RequestError::Corrupt(format!("demo request of {} not submitted", service.slug_de)));
        };
        let story = &STORIES[i % STORIES.len()];
        let id: i64 = sqlx::query_scalar("SELECT id FROM requests WHERE reference = $1").bind(&receipt.reference).fetch_one(db.pool()).await?;
        for step in story.steps {
            let action = match step {
                Step::Assign => Action::Assign(Some(CASEWORKER.into())),
                Step::Progress => Action::Status(RequestStatus::InProgress, String::new()),
                Step::Ask(text) => Action::Ask((*text).into()),
                Step::Note(text) => Action::Note((*text).into()),
                Step::Complete(text) => Action::Status(RequestStatus::Completed, (*text).into()),
                Step::Reject(text) => Action::Status(RequestStatus::Rejected, (*text).into()),
                Step::Reply(text) => {
                    reply(db, id, text, &[], &[]).await?.map_err(|refusal| RequestError::Corrupt(format!("demo reply refused: {refusal:?}")))?;
                    continue;
                }
            };
            if let Err(refusal) = act(db, &receipt.reference, CASEWORKER, action, &mail).await? {
                return Err(RequestError::Corrupt(format!("demo step refused: {refusal}")));
            }
        }
        move_back(db, id, story.days_ago + (i / STORIES.len()) as i64).await?;
        added += 1;
    }
    Ok(added)
}

/// Moves a request's history `days` back: submitted then, each later event up to two days after
/// the one before, never after now.
async fn move_back(db: &Db, id: i64, days: i64) -> Result<(), RequestError> {
    let shift = days * 86_400;
    let events: Vec<i64> = sqlx::query_scalar("SELECT id FROM request_events WHERE request_id = $1 ORDER BY id").bind(id).fetch_all(db.pool()).await?;
    let gap = (shift / (events.len() as i64 + 1)).min(2 * 86_400);
    let mut tx = db.begin_write().await?;
    for (n, event) in events.iter().enumerate() {
        sqlx::query("UPDATE request_events SET at = at - $1 WHERE id = $2").bind(shift - n as i64 * gap).bind(event).execute(&mut *tx).await?;
    }
    let last_shift = shift - (events.len().max(1) as i64 - 1) * gap;
    sqlx::query("UPDATE requests SET submitted_at = submitted_at - $1, expected_day = expected_day - $2, updated_at = updated_at - $3 WHERE id = $4")
        .bind(shift)
        .bind(days)
        .bind(last_shift)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
