//! Helpers shared by the CLI test files.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Start `derbes --vault VAULT ARGS…` in the background with `stdin` written to it (passwords,
/// one per line), its output discarded: for the tests that kill it part-way.
#[allow(dead_code)] // not every test file needs it
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

/// A BIN with a valid check digit (the IIN rule).
#[allow(dead_code)] // not every test file needs it
pub fn bin() -> String {
    for serial in 0..1000u32 {
        let head = format!("1504400{serial:04}");
        let d: Vec<u32> = head.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let sum = |w: [u32; 11]| d.iter().zip(w).map(|(a, w)| a * w).sum::<u32>() % 11;
        let mut c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        if c == 10 {
            c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
        }
        if c < 10 {
            return format!("{head}{c}");
        }
    }
    unreachable!()
}
