//! The server binary: all wiring lives in `rj::server`.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    rj::server::main().await
}
