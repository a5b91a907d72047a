//! The HTTP side: one thread takes requests from tiny_http, answers the
//! cheap ones itself (static files, 404, refused queries) and hands the
//! pages to the worker [`Pool`]; a full queue is answered 503 at once.

use crate::html;
use crate::pages::eight::Eight;
use crate::pages::funnel::Funnel;
use crate::pages::schools::Schools;
use crate::pages::{Deadline, Failure, Page, whole};
use crate::params::Query;
use crate::pool::{Full, Pool};
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tiny_http::{Header, Method, Request, Response, Server};

/// Seconds a client is asked to wait before retrying after a 503.
pub const RETRY_AFTER_S: u32 = 2;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Port on 127.0.0.1 (0: any free port).
    pub port: u16,
    /// Worker threads computing pages.
    pub workers: usize,
    /// Pages that may wait for a worker; beyond that, 503.
    pub queue: usize,
    /// Longest a page may take, waiting included; then its fit is cancelled (503).
    pub time_limit: Duration,
    /// Print one line per request (path, status, time) to stderr.
    pub log: bool,
}

impl Default for Config {
    /// Port 8787, a worker per core, room for 16 waiting pages, 30 s per page.
    fn default() -> Self {
        Self {
            port: 8787,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue: 16,
            time_limit: Duration::from_secs(30),
            log: true,
        }
    }
}

/// A running server; [`Running::stop`] stops it.
pub struct Running {
    addr: SocketAddr,
    server: Arc<Server>,
    acceptor: Option<JoinHandle<()>>,
}

impl Running {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Its URL, `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Stops taking requests, lets the pages already queued finish, and
    /// returns when every thread has ended.
    pub fn stop(mut self) {
        self.server.unblock();
        if let Some(a) = self.acceptor.take() {
            let _ = a.join();
        }
    }

    /// Serves until the process ends (Ctrl-C).
    pub fn wait(mut self) {
        if let Some(a) = self.acceptor.take() {
            let _ = a.join();
        }
    }
}

/// Starts the server on 127.0.0.1 with `config`.
pub fn start(config: Config) -> io::Result<Running> {
    let server = Server::http(("127.0.0.1", config.port)).map_err(io::Error::other)?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| io::Error::other("the server is not on an IP address"))?;
    let server = Arc::new(server);
    let log = config.log;
    let pool = Pool::new(config.workers, config.queue, move |task: Task| {
        let (status, kind, body) = (task.work)();
        respond(task.request, status, kind, body, task.started, log);
    })?;
    let inner = Arc::clone(&server);
    let acceptor =
        std::thread::Builder::new().name("explorer-acceptor".into()).spawn(move || {
            // `recv` fails once `unblock` is called: then the pool is dropped,
            // which waits for the queued pages.
            while let Ok(request) = inner.recv() {
                route(request, &pool, &config);
            }
        })?;
    Ok(Running { addr, server, acceptor: Some(acceptor) })
}

/// A `Content-Type` header.
fn content_type(value: &str) -> Header {
    Header::from_bytes(&b"Content-Type"[..], value.as_bytes()).expect("a valid header")
}

/// Sends `body` with `status`; a client that has gone away is not an error
/// worth more than a log line.
fn respond(request: Request, status: u16, kind: &str, body: String, started: Instant, log: bool) {
    let mut response =
        Response::from_string(body).with_status_code(status).with_header(content_type(kind));
    if status == 503 {
        let retry = Header::from_bytes(&b"Retry-After"[..], RETRY_AFTER_S.to_string().as_bytes())
            .expect("a valid header");
        response = response.with_header(retry);
    }
    let url = request.url().to_string();
    if log {
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        eprintln!("{status} {url} ({ms:.0} ms)");
    }
    if let Err(e) = request.respond(response)
        && log
    {
        eprintln!("could not answer {url}: {e}");
    }
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// A page waiting for a worker: the request to answer and how.
pub struct Task {
    request: Request,
    work: Work,
    started: Instant,
}

/// Answers one request, or queues it.
fn route(request: Request, pool: &Pool<Task>, config: &Config) {
    let started = Instant::now();
    let log = config.log;
    if request.method() != &Method::Get {
        let body = "only GET is served\n".to_string();
        return respond(request, 405, TEXT, body, started, log);
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let (api, page_path) = match path.strip_prefix("/api") {
        Some(rest) => (true, rest),
        None => (false, path),
    };
    let fixed = |kind: &'static str, body: &str| Some((kind, body.to_string()));
    let static_file = match path {
        "/" => fixed(HTML, html::INDEX),
        "/static/style.css" => fixed("text/css; charset=utf-8", html::STYLE),
        "/static/app.js" => fixed("text/javascript; charset=utf-8", html::SCRIPT),
        _ => None,
    };
    if let Some((kind, body)) = static_file {
        return respond(request, 200, kind, body, started, log);
    }
    let deadline =
        Deadline { at: started + config.time_limit, limit_s: config.time_limit.as_secs_f64() };
    let job = match page_path {
        Schools::PATH => prepare::<Schools>(query, api, deadline),
        Eight::PATH => prepare::<Eight>(query, api, deadline),
        Funnel::PATH => prepare::<Funnel>(query, api, deadline),
        _ => {
            let body = format!("no page at {path}\n");
            return respond(request, 404, TEXT, body, started, log);
        }
    };
    let work = match job {
        Ok(work) => work,
        Err((kind, body)) => return respond(request, 400, kind, body, started, log),
    };
    let task = Task { request, work, started };
    if let Err(Full(task)) = pool.try_submit(task) {
        let body = format!("the explorer is busy: try again in {RETRY_AFTER_S} s\n");
        respond(task.request, 503, TEXT, body, started, log);
    }
}

/// What a queued page computes: status, content type, body.
type Work = Box<dyn FnOnce() -> (u16, &'static str, String) + Send>;

/// Checks the query of page `P` (refusing it with a 400 body) and returns
/// the work that computes its answer.
fn prepare<P: Page + Send + 'static>(
    query: &str,
    api: bool,
    deadline: Deadline,
) -> Result<Work, (&'static str, String)> {
    let parsed = Query::parse(query).and_then(|q| P::parse(&q, !api));
    let p = match parsed {
        Ok(p) => p,
        Err(bad) if api => return Err((TEXT, format!("{bad}\n"))),
        Err(bad) => return Err((HTML, whole::<P>(None, Some(&bad.0), ""))),
    };
    Ok(Box::new(move || {
        let (status, error, result) = match p.fragment(&deadline) {
            Ok(fragment) => (200, None, fragment),
            Err(e @ Failure::TimedOut(_)) => (503, Some(e.to_string()), String::new()),
            Err(e @ Failure::Internal(_)) => (500, Some(e.to_string()), String::new()),
        };
        match (api, error) {
            (true, None) => (status, HTML, result),
            (true, Some(error)) => (status, TEXT, format!("{error}\n")),
            (false, error) => (status, HTML, whole(Some(&p), error.as_deref(), &result)),
        }
    }))
}
