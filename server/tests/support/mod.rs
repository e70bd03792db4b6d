//! Helpers for tests that run the real `rathaus` binary: a scratch folder, the server as a child
//! process on a free port, and a small HTTP/1.1 client (keep-alive, Content-Length and chunked
//! bodies) on a Tokio `TcpStream`, so the tests need no HTTP client crate.

#![allow(dead_code)]

use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

/// The binary under test, as cargo built it for this test run.
pub const BIN: &str = env!("CARGO_BIN_EXE_rathaus");

/// How long one request may take before the client gives up on it.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// A scratch folder, removed when dropped unless the test is failing (then it is kept and its
/// path printed, for the server log and the database).
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        let path = std::env::temp_dir().join(format!("rathaus-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(path.join("site/pkg")).expect("create the scratch folder");
        Scratch { path }
    }

    /// `sqlite://…` of the database file in the folder.
    pub fn database_url(&self) -> String {
        format!("sqlite://{}", self.path.join("rathaus.db").display())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("kept the scratch folder for inspection: {}", self.path.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// The environment every `rathaus` command of a test gets: the database, the (empty) site
/// folder, quiet logs and rate limits far above what the test sends from one address.
fn command(scratch: &Scratch, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env("DATABASE_URL", scratch.database_url())
        .env("LEPTOS_SITE_ROOT", scratch.path.join("site"))
        .env("RATHAUS_LOG", "warn")
        .env("RATHAUS_SUBMISSIONS_PER_MINUTE", "1000000")
        .env("RATHAUS_TRACKING_PER_MINUTE", "1000000")
        .env_remove("RATHAUS_CONFIG")
        .env_remove("RATHAUS_SMTP_URL")
        .env_remove("RATHAUS_PUBLIC_URL")
        .env_remove("RATHAUS_TRUSTED_PROXIES")
        .stdin(Stdio::null())
        .kill_on_drop(true);
    command
}

fn log_file(scratch: &Scratch, name: &str) -> std::fs::File {
    std::fs::OpenOptions::new().create(true).append(true).open(scratch.path.join(name)).expect("open a log file")
}

/// Runs `rathaus ARGS` to completion and panics with its output when it fails.
pub async fn run(scratch: &Scratch, args: &[&str]) {
    let output = command(scratch, args).stdout(Stdio::piped()).stderr(Stdio::piped()).output().await.expect("run rathaus");
    assert!(
        output.status.success(),
        "rathaus {args:?} failed: {}\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `rathaus serve` as a child process. Dropping it kills the process.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Starts `rathaus serve` on a free port and waits until `/readyz` answers 200.
    pub async fn start(scratch: &Scratch) -> Server {
        let mut last_error = String::new();
        // A port found free can be taken by someone else before the server binds it: try again.
        for _ in 0..5 {
            let addr = free_port();
            let mut child = command(scratch, &["serve"])
                .env("LEPTOS_SITE_ADDR", addr.to_string())
                .stdout(Stdio::from(log_file(scratch, "server.log")))
                .stderr(Stdio::from(log_file(scratch, "server.log")))
                .spawn()
                .expect("start rathaus serve");
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                if let Ok(Some(status)) = child.try_wait() {
                    last_error = format!("rathaus serve exited with {status}");
                    break;
                }
                if let Ok(response) = Connection::new(addr).get("/readyz").await {
                    if response.status == 200 {
                        return Server { child, addr };
                    }
                }
                if Instant::now() > deadline {
                    let _ = child.start_kill();
                    let _ = child.wait().await;
                    last_error = "rathaus serve did not become ready within 60 s".into();
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        let log = std::fs::read_to_string(scratch.path.join("server.log")).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
        panic!("{last_error}; the server log ends with:\n{}", tail.join("\n"));
    }

    /// SIGKILL: the process gets no chance to flush or clean up anything.
    pub async fn kill(mut self) {
        self.child.start_kill().expect("send SIGKILL");
        let status = self.child.wait().await.expect("wait for the killed server");
        assert!(!status.success(), "the server was killed, yet exited with {status}");
    }
}

/// An address on loopback nobody listens on right now.
fn free_port() -> SocketAddr {
    let listener = StdListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("the free port")
}

/// What a response said: the status, the `Location` header and the body (bodies are decoded
/// from chunked transfer encoding; nothing asks for compression).
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl Response {
    /// The `Location`'s path, if the response is a 303 redirect.
    pub fn see_other(&self) -> Option<&str> {
        if self.status == 303 {
            self.location.as_deref()
        } else {
            None
        }
    }
}

/// One keep-alive connection to the server, opened on first use and again after an error or a
/// `Connection: close`. A request that fails is never retried: the caller decides.
pub struct Connection {
    addr: SocketAddr,
    stream: Option<BufReader<TcpStream>>,
}

impl Connection {
    pub fn new(addr: SocketAddr) -> Connection {
        Connection { addr, stream: None }
    }

    pub async fn get(&mut self, path: &str) -> std::io::Result<Response> {
        self.send("GET", path, None).await
    }

    /// Posts `form` (already URL-encoded) as `application/x-www-form-urlencoded`.
    pub async fn post_form(&mut self, path: &str, form: &str) -> std::io::Result<Response> {
        self.send("POST", path, Some(form)).await
    }

    async fn send(&mut self, method: &str, path: &str, form: Option<&str>) -> std::io::Result<Response> {
        let result = tokio::time::timeout(REQUEST_TIMEOUT, self.exchange(method, path, form))
            .await
            .unwrap_or_else(|_| Err(std::io::Error::new(std::io::ErrorKind::TimedOut, format!("{method} {path} took longer than {REQUEST_TIMEOUT:?}"))));
        match result {
            Ok((response, keep)) => {
                if !keep {
                    self.stream = None;
                }
                Ok(response)
            }
            Err(error) => {
                self.stream = None;
                Err(error)
            }
        }
    }

    async fn exchange(&mut self, method: &str, path: &str, form: Option<&str>) -> std::io::Result<(Response, bool)> {
        if self.stream.is_none() {
            let stream = TcpStream::connect(self.addr).await?;
            stream.set_nodelay(true)?;
            self.stream = Some(BufReader::new(stream));
        }
        let stream = self.stream.as_mut().expect("connected");
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nAccept: text/html\r\n", self.addr);
        if let Some(form) = form {
            request.push_str(&format!("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}", form.len()));
        } else {
            request.push_str("\r\n");
        }
        stream.get_mut().write_all(request.as_bytes()).await?;
        read_response(stream, method == "HEAD").await
    }
}

fn broken(what: impl Into<String>) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.into())
}

/// Reads one response; the flag says whether the connection can carry another request.
async fn read_response(stream: &mut BufReader<TcpStream>, head_only: bool) -> std::io::Result<(Response, bool)> {
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the connection closed before a response"));
    }
    let status: u16 = line.split_whitespace().nth(1).and_then(|code| code.parse().ok()).ok_or_else(|| broken(format!("bad status line {line:?}")))?;
    let (mut length, mut chunked, mut keep, mut location) = (None, false, true, None);
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the connection closed inside the headers"));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else { return Err(broken(format!("bad header {header:?}"))) };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = Some(value.parse::<usize>().map_err(|_| broken("bad Content-Length"))?),
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            "connection" => keep = !value.eq_ignore_ascii_case("close"),
            "location" => location = Some(value.to_string()),
            _ => {}
        }
    }
    let mut body = Vec::new();
    let bodiless = head_only || status == 204 || status == 304 || (100..200).contains(&status);
    if bodiless {
        // Nothing follows the headers.
    } else if chunked {
        loop {
            line.clear();
            if stream.read_line(&mut line).await? == 0 {
                return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the connection closed inside a chunked body"));
            }
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or_default(), 16).map_err(|_| broken(format!("bad chunk size {line:?}")))?;
            if size == 0 {
                // Trailers, up to the empty line.
                loop {
                    line.clear();
                    if stream.read_line(&mut line).await? == 0 || line.trim_end().is_empty() {
                        break;
                    }
                }
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            stream.read_exact(&mut body[start..]).await?;
            let mut crlf = [0u8; 2];
            stream.read_exact(&mut crlf).await?;
        }
    } else if let Some(length) = length {
        body.resize(length, 0);
        stream.read_exact(&mut body).await?;
    } else {
        stream.read_to_end(&mut body).await?;
        keep = false;
    }
    Ok((Response { status, location, body: String::from_utf8_lossy(&body).into_owned() }, keep))
}

/// The value of the first `name="NAME" value="…"` attribute pair in `html`.
pub fn field_value<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    html[start..].split('"').next()
}
