//! A small but real SMTP server on loopback for the mail tests: it speaks RFC 5321 (EHLO/HELO,
//! AUTH PLAIN, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) over TCP and keeps
//! every accepted message. A port can be reserved before the server listens, so the client
//! first meets a refused connection (an outage) and later a server on the same address.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpSocket, TcpStream};

/// One accepted message: the envelope and the raw data as the client sent it.
#[derive(Clone, Debug)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub data: Vec<u8>,
}

/// A loopback address bound but not listening: connections to it are refused.
pub struct Reserved {
    socket: TcpSocket,
    addr: SocketAddr,
}

impl Reserved {
    pub fn new() -> Reserved {
        let socket = TcpSocket::new_v4().expect("socket");
        socket.bind("127.0.0.1:0".parse().expect("address")).expect("bind a loopback port");
        let addr = socket.local_addr().expect("local address");
        Reserved { socket, addr }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Starts the server on the reserved address.
    pub fn listen(self, credentials: Option<(&str, &str)>) -> SmtpSink {
        let listener = self.socket.listen(64).expect("listen");
        SmtpSink::serve(listener, self.addr, credentials)
    }
}

/// A running SMTP server; it stops with the test's runtime.
pub struct SmtpSink {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
}

impl SmtpSink {
    /// A server on a fresh loopback port that accepts mail without authentication.
    pub fn start() -> SmtpSink {
        Reserved::new().listen(None)
    }

    fn serve(listener: TcpListener, addr: SocketAddr, credentials: Option<(&str, &str)>) -> SmtpSink {
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        let credentials = credentials.map(|(user, password)| format!("\0{user}\0{password}"));
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, store.clone(), credentials.clone()));
            }
        });
        SmtpSink { addr, received }
    }

    /// `smtp://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Everything accepted so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    /// Waits until at least `count` messages arrived (panics after `limit`).
    pub async fn wait_for(&self, count: usize, limit: Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            assert!(tokio::time::Instant::now() < deadline, "{count} mails expected, {} arrived", received.len());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn session(stream: TcpStream, store: Arc<Mutex<Vec<Received>>>, credentials: Option<String>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let mut authenticated = credentials.is_none();
    let (mut mail_from, mut rcpt_to) = (None::<String>, Vec::new());
    write.write_all(b"220 sink.test ESMTP ready\r\n").await?;
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let command = String::from_utf8_lossy(&line).trim_end().to_string();
        let verb = command.split(' ').next().unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" if credentials.is_some() => b"250-sink.test\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n",
            "EHLO" => b"250-sink.test\r\n250 8BITMIME\r\n",
            "HELO" => b"250 sink.test\r\n",
            "AUTH" => {
                let given = command.split(' ').nth(2).map(decode_base64);
                if credentials.is_some() && given.flatten() == credentials.as_deref().map(|c| c.as_bytes().to_vec()) {
                    authenticated = true;
                    b"235 2.7.0 Authentication successful\r\n"
                } else {
                    b"535 5.7.8 Authentication credentials invalid\r\n"
                }
            }
            "MAIL" if !authenticated => b"530 5.7.0 Authentication required\r\n",
            "MAIL" => {
                mail_from = Some(path(&command));
                rcpt_to.clear();
                b"250 2.1.0 OK\r\n"
            }
            "RCPT" if mail_from.is_none() => b"503 5.5.1 MAIL first\r\n",
            "RCPT" => {
                rcpt_to.push(path(&command));
                b"250 2.1.5 OK\r\n"
            }
            "DATA" if rcpt_to.is_empty() => b"503 5.5.1 RCPT first\r\n",
            "DATA" => {
                write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
                let data = read_data(&mut lines).await?;
                let envelope = (mail_from.take().unwrap_or_default(), std::mem::take(&mut rcpt_to));
                store.lock().expect("lock").push(Received { mail_from: envelope.0, rcpt_to: envelope.1, data });
                b"250 2.0.0 OK queued\r\n"
            }
            "RSET" => {
                (mail_from, rcpt_to) = (None, Vec::new());
                b"250 2.0.0 OK\r\n"
            }
            "NOOP" => b"250 2.0.0 OK\r\n",
            "QUIT" => {
                write.write_all(b"221 2.0.0 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 Command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// The message up to the line holding only a dot, with dot-stuffing removed.
async fn read_data(lines: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" {
            return Ok(data);
        }
        data.extend_from_slice(line.strip_prefix(b".").unwrap_or(&line));
    }
}

/// The address in `MAIL FROM:<a@b>` or `RCPT TO:<a@b>`.
fn path(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command.rfind('>').unwrap_or(command.len());
    command.get(start..end).unwrap_or_default().to_string()
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for byte in text.trim_end_matches('=').bytes() {
        bits = (bits << 6) | ALPHABET.iter().position(|&c| c == byte)? as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}
