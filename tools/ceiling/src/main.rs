//! `ceiling --addr 127.0.0.1:PORT FILE CONTENT_TYPE`: answers every GET, whatever the path,
//! with the bytes of FILE (read once at start) and that content type. Two tokio workers, as
//! on the 2-core machines Rathaus is benchmarked on.

use axum::body::Bytes;
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::process::ExitCode;

const USAGE: &str = "usage: ceiling --addr HOST:PORT FILE CONTENT_TYPE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (addr, file, content_type) = match args.as_slice() {
        [flag, addr, file, content_type] if flag == "--addr" => (addr, file, content_type),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let addr: SocketAddr = match addr.parse() {
        Ok(addr) => addr,
        Err(error) => {
            eprintln!("ceiling: --addr {addr}: {error}");
            return ExitCode::from(2);
        }
    };
    let body = match std::fs::read(file) {
        Ok(bytes) => Bytes::from(bytes),
        Err(error) => {
            eprintln!("ceiling: {file}: {error}");
            return ExitCode::from(2);
        }
    };
    let content_type = match HeaderValue::from_str(content_type) {
        Ok(value) => value,
        Err(error) => {
            eprintln!("ceiling: content type {content_type:?}: {error}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ceiling: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let handler = get(move || {
        let body = body.clone();
        let content_type = content_type.clone();
        async move { ([(header::CONTENT_TYPE, content_type)], body) }
    });
    let app = Router::new().fallback_service(handler);
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("ceiling: cannot listen on {addr}: {error}");
                return ExitCode::FAILURE;
            }
        };
        match axum::serve(listener, app).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("ceiling: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
