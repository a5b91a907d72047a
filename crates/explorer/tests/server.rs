//! The explorer over real sockets: each test starts a server on an ephemeral
//! port of 127.0.0.1, talks to it with a plain `TcpStream` client, and stops
//! it. Fits are kept small (few draws, few schools) so the tests are quick.

use explorer::{Config, Running, start};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::Duration;

/// A server with `workers`, `queue` and `time_limit`, quiet.
fn server(workers: usize, queue: usize, time_limit: Duration) -> Running {
    start(Config { port: 0, workers, queue, time_limit, log: false })
        .expect("the server starts on an ephemeral port")
}

/// One answer: status, headers (lower-cased names), body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Sends `method path` and reads the whole answer (the connection closes).
fn request(addr: SocketAddr, method: &str, path: &str) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no end of headers"))?;
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line in {head:?}")))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok(Answer { status, headers, body: raw[split + 4..].to_vec() })
}

fn get(addr: SocketAddr, path: &str) -> Answer {
    request(addr, "GET", path).unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

const SMALL_SCHOOLS: &str = "/api/schools?K=5&n=5&tau=3&seed=7&draws=100&arrows=bayes";
const SMALL_FUNNEL: &str = "/api/funnel?param=centred&accept=0.8&seed=3&draws=100";

#[test]
fn every_endpoint_answers() {
    let s = server(2, 8, Duration::from_secs(120));
    let a = s.addr();
    let index = get(a, "/");
    assert_eq!(index.status, 200);
    for page in ["/schools", "/eight", "/funnel"] {
        assert!(index.text().contains(&format!("href=\"{page}\"")));
    }
    let css = get(a, "/static/style.css");
    assert_eq!((css.status, css.header("content-type")), (200, Some("text/css; charset=utf-8")));
    let js = get(a, "/static/app.js");
    assert!(js.status == 200 && js.text().contains("fetch("));
    // The pages with their defaults, and with a query that sets everything.
    for path in [
        "/schools?draws=100",
        "/eight",
        "/funnel?draws=100",
        "/schools?K=6&n=10&tau=2.5&seed=1&draws=200&arrows=eb",
    ] {
        let page = get(a, path);
        assert_eq!(page.status, 200, "{path}: {}", page.text());
        let text = page.text();
        assert!(text.starts_with("<!doctype html>") && text.contains("<svg"), "{path}");
        assert!(text.contains("<form id=\"controls\""), "{path}");
    }
    // The fragments the script fetches: figures and tables, no page around them.
    for (path, figures) in [
        (SMALL_SCHOOLS, 2),
        ("/api/schools?K=30&n=100&tau=15&seed=0&draws=100&arrows=eb", 2),
        ("/api/eight?prior=hn&scale=5&tau=2", 2),
        ("/api/eight?prior=d&scale=10&tau=30", 2),
        (SMALL_FUNNEL, 1),
        ("/api/funnel?param=non-centred&accept=0.99&seed=3&draws=100", 1),
    ] {
        let answer = get(a, path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.text());
        let text = answer.text();
        assert_eq!(text.matches("<svg").count(), figures, "{path}");
        assert!(text.contains("<table>") && !text.contains("<html"), "{path}");
    }
    for path in ["/nope", "/api/nope", "/api", "/static/other.js"] {
        assert_eq!(get(a, path).status, 404, "{path}");
    }
    let post = request(a, "POST", "/schools").unwrap();
    assert_eq!(post.status, 405);
    s.stop();
}

#[test]
fn bad_inputs_are_refused_with_one_line() {
    let s = server(1, 4, Duration::from_secs(120));
    let a = s.addr();
    let full = "K=5&n=5&tau=3&seed=7&draws=100&arrows=bayes";
    let cases = [
        ("/api/schools?K=31&n=5&tau=3&seed=7&draws=100&arrows=bayes", "K must be from 5 to 30"),
        ("/api/schools?K=5&n=7&tau=3&seed=7&draws=100&arrows=bayes", "steps of 5"),
        ("/api/schools?K=5&n=5&tau=abc&seed=7&draws=100&arrows=bayes", "tau must be a number"),
        ("/api/schools?K=5&n=5&tau=0.5&seed=7&draws=100&arrows=bayes", "tau must be from 1 to 15"),
        (
            "/api/schools?K=5&n=5&tau=3&seed=-1&draws=100&arrows=bayes",
            "seed must be a whole number",
        ),
        ("/api/schools?K=5&n=5&tau=3&seed=7&draws=100", "arrows is missing"),
        ("/api/schools?K=5&n=5&tau=3&seed=7&draws=5000&arrows=bayes", "draws must be from 100"),
        ("/api/schools?K=5&K=6&n=5&tau=3&seed=7&draws=100&arrows=bayes", "given twice"),
        ("/api/eight?prior=z&scale=10&tau=2", "prior must be one of"),
        ("/api/eight?prior=a&scale=10&tau=inf", "tau must be from"),
        ("/api/funnel?param=centred&accept=1&seed=3&draws=100", "accept must be from"),
        ("/api/funnel?param=centred&accept=0.8&seed=3", "draws is missing"),
    ];
    for (path, reason) in cases {
        let answer = get(a, path);
        assert_eq!(answer.status, 400, "{path}");
        let text = answer.text();
        assert!(text.contains(reason), "{path}: {text:?}");
        assert_eq!(text.trim_end().lines().count(), 1, "{path}: {text:?}");
    }
    let unknown = get(a, &format!("/api/schools?{full}&extra=1"));
    assert_eq!(unknown.status, 400);
    assert!(unknown.text().contains("unknown parameter \"extra\""));
    // A page shows the reason in its error line, with the controls at their defaults.
    let page = get(a, "/schools?K=99");
    assert_eq!(page.status, 400);
    let text = page.text();
    assert!(text.contains("role=\"alert\">K must be from 5 to 30, got 99</p>"), "{text}");
    assert!(text.contains("name=\"K\" min=\"5\" max=\"30\" step=\"1\" value=\"12\""));
    s.stop();
}

#[test]
fn the_same_query_gives_the_same_bytes() {
    let s = server(2, 8, Duration::from_secs(120));
    let a = s.addr();
    for path in
        [SMALL_SCHOOLS, SMALL_FUNNEL, "/api/eight?prior=b&scale=10&tau=4", "/funnel?draws=100"]
    {
        let (first, second) = (get(a, path), get(a, path));
        assert_eq!(first.status, 200, "{path}");
        assert!(first.body == second.body, "{path} changed between two requests");
    }
    let other_seed = get(a, &SMALL_SCHOOLS.replace("seed=7", "seed=8"));
    assert!(other_seed.body != get(a, SMALL_SCHOOLS).body);
    s.stop();
}

#[test]
fn fifty_concurrent_requests_are_all_answered() {
    let s = server(2, 4, Duration::from_secs(120));
    let a = s.addr();
    let start = Arc::new(Barrier::new(50));
    let clients: Vec<_> = (0..50)
        .map(|i| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                let path = match i % 3 {
                    0 => SMALL_SCHOOLS.replace("seed=7", &format!("seed={i}")),
                    1 => SMALL_FUNNEL.replace("seed=3", &format!("seed={i}")),
                    _ => format!("/api/eight?prior=hn&scale={}&tau=3", 1 + i % 40),
                };
                start.wait();
                request(a, "GET", &path)
            })
        })
        .collect();
    let (mut ok, mut busy) = (0, 0);
    for c in clients {
        let answer = c.join().unwrap().expect("every request gets an answer");
        match answer.status {
            200 => ok += 1,
            503 => {
                busy += 1;
                assert_eq!(answer.header("retry-after"), Some("2"));
            }
            other => panic!("status {other}: {}", answer.text()),
        }
    }
    assert_eq!(ok + busy, 50);
    eprintln!("50 concurrent requests: {ok} answered 200, {busy} answered 503");
    assert!(ok > 0, "no request was served");
    // Still responsive, and still computing.
    assert_eq!(get(a, "/").status, 200);
    assert_eq!(get(a, SMALL_SCHOOLS).status, 200);
    s.stop();
}

#[test]
fn a_request_past_its_time_limit_is_cancelled() {
    // A time limit of zero: the hook stops the fit at its first iteration.
    let s = server(1, 4, Duration::ZERO);
    let a = s.addr();
    for path in [SMALL_SCHOOLS, SMALL_FUNNEL] {
        let answer = get(a, path);
        assert_eq!(answer.status, 503, "{path}");
        assert_eq!(answer.header("retry-after"), Some("2"));
        assert!(answer.text().contains("time limit"), "{}", answer.text());
    }
    // The exact Eight Schools page has no fit to cancel.
    assert_eq!(get(a, "/api/eight?prior=a&scale=10&tau=4").status, 200);
    s.stop();
}

/// The `n`-th `<svg>…</svg>` of `html`.
fn nth_svg(html: &str, n: usize) -> &str {
    let start = html.match_indices("<svg").nth(n).expect("an svg").0;
    let end = html[start..].find("</svg>").expect("a closing tag") + start + "</svg>".len();
    &html[start..end]
}

#[test]
#[cfg_attr(
    not(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu")),
    ignore = "exact bytes are promised on x86_64 Linux only"
)]
fn the_default_school_scores_are_the_shrinkage_chapters_figures() {
    // The book says the page's defaults show the chapter's run: same code,
    // same data, same fit, so the same SVG bytes as the committed figures.
    let s = server(2, 4, Duration::from_secs(120));
    let page = get(s.addr(), "/schools").text();
    s.stop();
    let generated =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../book/src/generated/shrinkage");
    for (n, file) in [(0, "arrows.svg"), (1, "mse.svg")] {
        let book = std::fs::read_to_string(generated.join(file)).expect("the book's figure");
        assert!(nth_svg(&page, n) == book.trim_end(), "{file} differs from the page's figure {n}");
    }
}
