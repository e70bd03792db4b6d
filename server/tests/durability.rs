//! `kill -9` durability on SQLite: a stream of online-request submissions is cut by SIGKILL at a
//! random moment, again and again, and no acknowledged request may be lost.
//!
//! The binary under test is the real `rathaus` (`serve` on a free port, one SQLite file in a
//! scratch folder). Each cycle:
//! 1. starts the server and waits for `/readyz`;
//! 2. tops up a pool of drafts filled in up to the check page (the Sperrmüll form), with their
//!    submit keys; drafts left over from the cycle before are reused;
//! 3. lets several clients fire the final `POST /antrag/{CODE}/absenden` for the pooled drafts
//!    (drafts whose submission was cut by the last kill come first, so they are retried with the
//!    same key); a client whose pool runs dry fills in a new draft and submits it, so the stream
//!    never stops before the kill;
//! 4. sends SIGKILL 100–600 ms into the submission stream;
//! 5. opens the database file directly: `PRAGMA integrity_check` must say `ok`, foreign keys
//!    must hold, every draft whose submission was acknowledged (303 to its confirmation page)
//!    ever since the first cycle must be joined to a request carrying its submit key, each
//!    request must belong to exactly one draft we submitted and have its "submitted" event.
//!
//! At the end the server starts once more, every submission that was cut is repeated, some
//! acknowledged ones are replayed (same key: same answer, no new request), and then each
//! submitted draft must have exactly one request and the confirmation pages show the references.
//! `DURABILITY_SEED=N` repeats a run's random kill times.

mod support;

use app::db::sha256_hex;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Row};
use std::collections::{HashMap, HashSet, VecDeque};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{field_value, Connection, Scratch, Server};

/// Kill cycles (the issue asks for at least 20).
const CYCLES: usize = 20;
/// Concurrent clients, each on its own keep-alive connection.
const CLIENTS: usize = 8;
/// Drafts ready to submit at the start of each submission stream.
const POOL: usize = 48;
/// The kill comes this many milliseconds into the submission stream (uniformly at random).
const KILL_AFTER_MS: std::ops::RangeInclusive<u64> = 100..=600;
/// How many acknowledged submissions the final phase replays.
const REPLAYS: usize = 40;

/// A draft filled in up to the check page, with the key the check page issued.
#[derive(Clone, Debug)]
struct Draft {
    code: String,
    key: String,
}

impl Draft {
    fn submit_path(&self) -> String {
        format!("/antrag/{}/absenden", self.code)
    }

    fn confirmation_path(&self) -> String {
        format!("/antrag/{}/bestaetigung", self.code)
    }

    fn submit_form(&self) -> String {
        format!("schluessel={}&erklaerung=ja", self.key)
    }
}

/// Why a request of the journey did not go as expected.
#[derive(Debug)]
enum Failure {
    /// No answer (connection refused, reset or closed): what a kill does.
    Io(std::io::Error),
    /// An answer, but not the expected one: a bug, whenever the server is alive.
    Unexpected(String),
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::Io(error)
    }
}

/// What every draft is filled in with; `version` is the form version the pages post.
struct Answers {
    version: String,
    pickup_day: String,
}

/// Posts a question page and expects a redirect to `next`.
async fn answer(connection: &mut Connection, page: &str, form: String, next: &str) -> Result<(), Failure> {
    let response = connection.post_form(page, &form).await?;
    match response.see_other() {
        Some(location) if location == next => Ok(()),
        _ => Err(Failure::Unexpected(format!("POST {page}: expected 303 to {next}, got {} {:?}", response.status, response.location))),
    }
}

/// Fills in a Sperrmüll request up to the check page (five requests) and reads its submit key.
async fn prepare(connection: &mut Connection, answers: &Answers) -> Result<Draft, Failure> {
    let response = connection.post_form("/antrag/neu", "service=sperrmuell-anmelden&website=").await?;
    let first = response.see_other().unwrap_or_default().to_string();
    let code = match first.strip_prefix("/antrag/").and_then(|rest| rest.strip_suffix("/frage/sperrmuell")) {
        Some(code) => code.to_string(),
        None => return Err(Failure::Unexpected(format!("POST /antrag/neu: got {} {:?}", response.status, response.location))),
    };
    let page = |id: &str| format!("/antrag/{code}/frage/{id}");
    let version = &answers.version;
    answer(connection, &first, format!("_version={version}&_aktion=weiter&gegenstaende=Sofa&menge=2&elektrogeraete=nein"), &page("abholung")).await?;
    let pickup = format!(
        "_version={version}&_aktion=weiter&adresse.strasse=Porschestra%C3%9Fe+1&adresse.plz=38440&adresse.ort=Wolfsburg&wunschtermin={}",
        answers.pickup_day
    );
    answer(connection, &page("abholung"), pickup, &page("kontakt")).await?;
    let check = format!("/antrag/{code}/pruefen");
    answer(connection, &page("kontakt"), format!("_version={version}&_aktion=weiter&name=Erika+Mustermann&email=erika%40example.org"), &check).await?;
    let response = connection.get(&check).await?;
    match field_value(&response.body, "schluessel") {
        Some(key) if response.status == 200 && key.len() == 32 => Ok(Draft { code, key: key.to_string() }),
        _ => Err(Failure::Unexpected(format!("GET {check}: {} without a submit key", response.status))),
    }
}

/// The form version the Sperrmüll pages post, read from a fresh draft's first page.
async fn form_version(connection: &mut Connection) -> String {
    let response = connection.post_form("/antrag/neu", "service=sperrmuell-anmelden&website=").await.expect("start a draft");
    let first = response.see_other().expect("POST /antrag/neu redirects to the first page").to_string();
    let page = connection.get(&first).await.expect("the first question page");
    assert_eq!(page.status, 200, "GET {first}");
    field_value(&page.body, "_version").expect("the page's _version field").to_string()
}

/// What the clients of one submission stream saw.
#[derive(Default)]
struct Stream {
    /// Submissions answered with a 303 to their confirmation page.
    acknowledged: Vec<Draft>,
    /// Submissions without an answer, with the moment they were sent.
    unanswered: Vec<(Draft, Instant)>,
    /// Answers that were neither an acknowledgement nor silence.
    unexpected: Vec<String>,
    /// Connection errors seen while the server was still alive (there should be none).
    errors_before_kill: Vec<String>,
    /// Drafts a client filled in because the pool ran dry.
    filled_in: usize,
}

/// One client of the stream: submits pooled drafts (filling in new ones when the pool is
/// empty) until the server is gone.
async fn client(addr: std::net::SocketAddr, pool: Arc<Mutex<VecDeque<Draft>>>, killed: Arc<AtomicBool>, answers: Arc<Answers>) -> Stream {
    let mut seen = Stream::default();
    let mut connection = Connection::new(addr);
    while !killed.load(Ordering::SeqCst) {
        let pooled = pool.lock().unwrap().pop_front();
        let draft = match pooled {
            Some(draft) => draft,
            None => match prepare(&mut connection, &answers).await {
                Ok(draft) => {
                    seen.filled_in += 1;
                    draft
                }
                Err(Failure::Io(error)) => {
                    if !killed.load(Ordering::SeqCst) {
                        seen.errors_before_kill.push(format!("filling in a draft: {error}"));
                    }
                    continue;
                }
                Err(Failure::Unexpected(what)) => {
                    seen.unexpected.push(what);
                    break;
                }
            },
        };
        let sent = Instant::now();
        match connection.post_form(&draft.submit_path(), &draft.submit_form()).await {
            Ok(response) if response.see_other() == Some(draft.confirmation_path().as_str()) => seen.acknowledged.push(draft),
            Ok(response) => {
                seen.unexpected.push(format!("POST {}: {} {:?}", draft.submit_path(), response.status, response.location));
                seen.unanswered.push((draft, sent));
            }
            Err(error) => {
                if !killed.load(Ordering::SeqCst) {
                    seen.errors_before_kill.push(format!("POST {}: {error}", draft.submit_path()));
                }
                seen.unanswered.push((draft, sent));
            }
        }
    }
    seen
}

/// Fills drafts in with `CLIENTS` clients until `pool` holds `POOL` of them.
async fn top_up(addr: std::net::SocketAddr, pool: &mut VecDeque<Draft>, answers: &Arc<Answers>) {
    let missing = POOL.saturating_sub(pool.len());
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|index| {
            let answers = answers.clone();
            let count = missing / CLIENTS + usize::from(index < missing % CLIENTS);
            tokio::spawn(async move {
                let mut connection = Connection::new(addr);
                let mut drafts = Vec::with_capacity(count);
                for _ in 0..count {
                    match prepare(&mut connection, &answers).await {
                        Ok(draft) => drafts.push(draft),
                        Err(failure) => panic!("filling in a draft while the server runs: {failure:?}"),
                    }
                }
                drafts
            })
        })
        .collect();
    for task in tasks {
        pool.extend(task.await.expect("a filling-in client panicked"));
    }
}

/// What the database holds after a kill.
struct Stored {
    /// Draft token hash → the idempotency key of its request.
    submitted: HashMap<String, String>,
}

/// Opens the database file of the killed server and checks it (see the module documentation).
async fn check_database(url: &str, acknowledged: &HashMap<String, String>, attempted: &HashSet<String>, seeded: &HashSet<String>, when: &str) -> Stored {
    let mut db = SqliteConnectOptions::from_str(url).expect("the database URL").create_if_missing(false).connect().await.expect("open the database");
    let integrity: Vec<String> = sqlx::query("PRAGMA integrity_check").fetch_all(&mut db).await.expect("integrity_check").iter().map(|row| row.get(0)).collect();
    assert_eq!(integrity, ["ok"], "{when}: PRAGMA integrity_check");
    let foreign = sqlx::query("PRAGMA foreign_key_check").fetch_all(&mut db).await.expect("foreign_key_check");
    assert!(foreign.is_empty(), "{when}: {} rows break a foreign key", foreign.len());

    let rows = sqlx::query("SELECT d.token_hash, r.idempotency_key FROM request_drafts d JOIN requests r ON r.id = d.request_id")
        .fetch_all(&mut db)
        .await
        .expect("submitted drafts");
    let submitted: HashMap<String, String> = rows.iter().map(|row| (row.get(0), row.get(1))).collect();
    assert_eq!(submitted.len(), rows.len(), "{when}: a draft appears twice");
    let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
    let requests = count("SELECT COUNT(*) FROM requests").fetch_one(&mut db).await.expect("count requests");
    let linked = count("SELECT COUNT(DISTINCT request_id) FROM request_drafts WHERE request_id IS NOT NULL").fetch_one(&mut db).await.expect("count linked");
    let events = count("SELECT COUNT(*) FROM request_events WHERE kind = 'submitted'").fetch_one(&mut db).await.expect("count events");
    let keys = count("SELECT COUNT(DISTINCT idempotency_key) FROM requests").fetch_one(&mut db).await.expect("count keys");
    let drafts = i64::try_from(submitted.len()).expect("a count");
    assert_eq!(requests, drafts, "{when}: every request belongs to one submitted draft and back");
    assert_eq!(linked, drafts, "{when}: two drafts share a request");
    assert_eq!(keys, requests, "{when}: an idempotency key is used twice");
    assert_eq!(events, requests, "{when}: a request without its 'submitted' event (or one too many)");

    let mut lost = Vec::new();
    for (code, key) in acknowledged {
        match submitted.get(&sha256_hex(code)) {
            Some(stored) => assert_eq!(stored, key, "{when}: the request of draft {code} carries another key"),
            None => lost.push(code.as_str()),
        }
    }
    assert!(lost.is_empty(), "{when}: {} acknowledged requests are missing, e.g. {:?}", lost.len(), &lost[..lost.len().min(5)]);
    let attempted: HashSet<String> = attempted.iter().map(|code| sha256_hex(code)).collect();
    let strangers = submitted.keys().filter(|hash| !attempted.contains(*hash) && !seeded.contains(*hash)).count();
    assert_eq!(strangers, 0, "{when}: requests of drafts nobody submitted");
    drop(db);
    Stored { submitted }
}

/// xorshift64*: random kill moments without a dependency; the seed is printed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn in_range(&mut self, range: &std::ops::RangeInclusive<u64>) -> u64 {
        range.start() + self.next() % (range.end() - range.start() + 1)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_loses_no_acknowledged_request() {
    let began = Instant::now();
    let seed = std::env::var("DURABILITY_SEED").ok().and_then(|seed| seed.parse().ok()).unwrap_or_else(|| {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().subsec_nanos();
        u64::from(nanos) | 1
    });
    eprintln!("durability: seed {seed} (DURABILITY_SEED={seed} repeats the kill moments)");
    let mut random = Random(seed);
    let scratch = Scratch::new("durability");
    let url = scratch.database_url();
    support::run(&scratch, &["seed", "--demo"]).await;
    // The demo requests that `seed --demo` submits (draft hashes): there before any kill.
    let seeded: HashSet<String> = {
        let mut db = SqliteConnectOptions::from_str(&url).expect("the database URL").connect().await.expect("open the database");
        let rows = sqlx::query("SELECT token_hash FROM request_drafts WHERE request_id IS NOT NULL").fetch_all(&mut db).await.expect("seeded drafts");
        rows.iter().map(|row| row.get(0)).collect()
    };

    let pickup_day = app::requests::date::Day::from_unix(app::db::now()).plus(10).iso();
    let mut answers: Option<Arc<Answers>> = None;
    let mut pool: VecDeque<Draft> = VecDeque::new();
    let mut acknowledged: HashMap<String, String> = HashMap::new();
    let mut attempted: HashSet<String> = HashSet::new();
    let mut problems: Vec<String> = Vec::new();
    let (mut cycles_with_cut, mut cycles_with_ack, mut total_cut, mut committed_unanswered) = (0, 0, 0, 0);

    for cycle in 1..=CYCLES {
        let server = Server::start(&scratch).await;
        let addr = server.addr;
        let answers = match &answers {
            Some(answers) => answers.clone(),
            None => answers.insert(Arc::new(Answers { version: form_version(&mut Connection::new(addr)).await, pickup_day: pickup_day.clone() })).clone(),
        };
        let retried = pool.iter().filter(|draft| attempted.contains(&draft.code)).count();
        top_up(addr, &mut pool, &answers).await;

        // The submission stream, cut by SIGKILL.
        let shared = Arc::new(Mutex::new(std::mem::take(&mut pool)));
        let killed = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..CLIENTS).map(|_| tokio::spawn(client(addr, shared.clone(), killed.clone(), answers.clone()))).collect();
        let delay = random.in_range(&KILL_AFTER_MS);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        let kill_at = Instant::now();
        killed.store(true, Ordering::SeqCst);
        server.kill().await;

        let mut stream = Stream::default();
        for task in clients {
            let seen = task.await.expect("a client panicked");
            stream.acknowledged.extend(seen.acknowledged);
            stream.unanswered.extend(seen.unanswered);
            stream.unexpected.extend(seen.unexpected);
            stream.errors_before_kill.extend(seen.errors_before_kill);
            stream.filled_in += seen.filled_in;
        }
        problems.extend(stream.unexpected.iter().chain(&stream.errors_before_kill).map(|problem| format!("cycle {cycle}: {problem}")));
        let cut: Vec<&Draft> = stream.unanswered.iter().filter(|(_, sent)| *sent < kill_at).map(|(draft, _)| draft).collect();
        for draft in stream.acknowledged.iter().chain(stream.unanswered.iter().map(|(draft, _)| draft)) {
            attempted.insert(draft.code.clone());
        }
        for draft in &stream.acknowledged {
            acknowledged.insert(draft.code.clone(), draft.key.clone());
        }

        let stored = check_database(&url, &acknowledged, &attempted, &seeded, &format!("after kill {cycle}")).await;
        let committed = cut.iter().filter(|draft| stored.submitted.contains_key(&sha256_hex(&draft.code))).count();
        committed_unanswered += committed;
        total_cut += cut.len();
        cycles_with_cut += usize::from(!cut.is_empty());
        cycles_with_ack += usize::from(!stream.acknowledged.is_empty());
        eprintln!(
            "durability: cycle {cycle:2}: kill {delay:3} ms into the stream; {:3} acknowledged (the first {retried} submissions repeated cut ones), \
             {} cut by the kill ({committed} of those committed), {} drafts filled in during the stream; {} acknowledged in total",
            stream.acknowledged.len(),
            cut.len(),
            stream.filled_in,
            acknowledged.len()
        );

        // The next stream starts with the cut submissions (same key), then the unused drafts.
        let mut next: VecDeque<Draft> = stream.unanswered.into_iter().map(|(draft, _)| draft).collect();
        next.extend(shared.lock().unwrap().drain(..));
        pool = next;
    }

    // Once more without a kill: repeat every unanswered submission and replay acknowledged ones.
    let server = Server::start(&scratch).await;
    let mut connection = Connection::new(server.addr);
    let unanswered: Vec<Draft> = pool.iter().filter(|draft| attempted.contains(&draft.code)).cloned().collect();
    let replays: Vec<Draft> = acknowledged.iter().take(REPLAYS).map(|(code, key)| Draft { code: code.clone(), key: key.clone() }).collect();
    for draft in unanswered.iter().chain(&replays) {
        let response = connection.post_form(&draft.submit_path(), &draft.submit_form()).await.expect("submit to the running server");
        assert_eq!(response.see_other(), Some(draft.confirmation_path().as_str()), "POST {}", draft.submit_path());
        acknowledged.insert(draft.code.clone(), draft.key.clone());
    }
    let stored = check_database(&url, &acknowledged, &attempted, &seeded, "at the end").await;
    assert_eq!(stored.submitted.len(), attempted.len() + seeded.len(), "every submitted draft has exactly one request");
    // The confirmation pages show the stored references.
    let mut db = SqliteConnectOptions::from_str(&url).expect("the database URL").connect().await.expect("open the database");
    for draft in replays.iter().take(5) {
        let reference: String = sqlx::query_scalar("SELECT r.reference FROM requests r JOIN request_drafts d ON d.request_id = r.id WHERE d.token_hash = $1")
            .bind(sha256_hex(&draft.code))
            .fetch_one(&mut db)
            .await
            .expect("the reference");
        let page = connection.get(&draft.confirmation_path()).await.expect("the confirmation page");
        assert!(page.status == 200 && page.body.contains(&reference), "{} shows {reference}", draft.confirmation_path());
    }
    drop(db);
    server.kill().await;

    eprintln!(
        "durability: {CYCLES} kills in {:.1} s; {} requests acknowledged, {} submissions cut by a kill ({committed_unanswered} of them committed, answered on retry); \
         {cycles_with_cut} kills cut submissions in flight, {cycles_with_ack} streams acknowledged submissions before the kill",
        began.elapsed().as_secs_f64(),
        acknowledged.len(),
        total_cut
    );
    assert!(problems.is_empty(), "the live server answered unexpectedly:\n{}", problems.join("\n"));
    // The kills really came mid-stream: most cut submissions in flight, most streams had
    // acknowledged some before. (Both are near CYCLES in practice; the margins absorb a machine
    // too busy to start submitting within a kill's first 100 ms.)
    assert!(cycles_with_cut * 2 >= CYCLES, "only {cycles_with_cut} of {CYCLES} kills found a submission in flight");
    assert!(cycles_with_ack * 2 >= CYCLES, "only {cycles_with_ack} of {CYCLES} streams acknowledged a submission before the kill");
    assert!(acknowledged.len() >= 10 * CYCLES, "only {} submissions acknowledged in {CYCLES} cycles", acknowledged.len());
}
