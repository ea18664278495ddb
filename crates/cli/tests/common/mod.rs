//! Helpers shared by the CLI test files.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Start `derbes --vault VAULT ARGS…` in the background with `stdin` written to it (passwords,
/// one per line), its output discarded: for the tests that kill it part-way.
pub fn spawn_derbes(vault: &Path, args: &[&str], stdin: &str) -> Child {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("derbes"))
        .arg("--vault")
        .arg(vault)
        .args(args)
        .env_remove("DERBES_VAULT")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child
}
