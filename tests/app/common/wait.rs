//! Waiting for a condition instead of for a fixed time: look often, give up late. A
//! test waits only as long as the thing it waits for takes, and a slow machine fails
//! it only after `TIMEOUT`.

use std::future::Future;
use std::time::{Duration, Instant};

/// How long a test waits for anything before it fails.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// How often it looks: soon at first, then less often (some checks read hundreds of
/// files, and the machine is shared with the servers under test).
fn polls() -> impl Iterator<Item = Duration> {
    (0..).map(|n| Duration::from_millis((10 << n.min(5)).min(200)))
}

/// Calls `attempt` until it gives `Ok`, and returns that; fails after `TIMEOUT` with
/// `what` and the last `Err` (which says what was seen instead).
pub fn wait_until<T>(what: &str, attempt: impl FnMut() -> Result<T, String>) -> T {
    wait_until_within(TIMEOUT, what, attempt)
}

/// [`wait_until`] with another timeout.
pub fn wait_until_within<T>(
    timeout: Duration,
    what: &str,
    attempt: impl FnMut() -> Result<T, String>,
) -> T {
    try_wait_until(timeout, attempt)
        .unwrap_or_else(|last| panic!("timed out after {timeout:?} waiting for {what}: {last}"))
}

/// Calls `attempt` until it gives `Ok` (returned), or `timeout` has passed: then the last
/// `Err`, for a caller with something to clean up before it fails.
pub fn try_wait_until<T>(
    timeout: Duration,
    mut attempt: impl FnMut() -> Result<T, String>,
) -> Result<T, String> {
    let start = Instant::now();
    let mut polls = polls();
    loop {
        match attempt() {
            Ok(done) => return Ok(done),
            Err(last) if start.elapsed() >= timeout => return Err(last),
            Err(_) => std::thread::sleep(polls.next().unwrap()),
        }
    }
}

/// [`wait_until`] for a test on the tokio runtime: `attempt` is async, and the wait
/// yields to the runtime.
pub async fn eventually<T, F>(what: &str, mut attempt: impl FnMut() -> F) -> T
where
    F: Future<Output = Result<T, String>>,
{
    let start = Instant::now();
    let mut polls = polls();
    loop {
        match attempt().await {
            Ok(done) => return done,
            Err(last) if start.elapsed() >= TIMEOUT => {
                panic!("timed out after {TIMEOUT:?} waiting for {what}: {last}")
            }
            Err(_) => tokio::time::sleep(polls.next().unwrap()).await,
        }
    }
}

/// `Ok(())` if `done`, else `Err` with `seen` (for the message if it never is).
pub fn check(done: bool, seen: impl FnOnce() -> String) -> Result<(), String> {
    if done { Ok(()) } else { Err(seen()) }
}
