//! Helpers shared by the CLI test files.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The password of every test vault.
#[allow(dead_code)] // not every test file needs it
pub const PW: &str = "correct horse battery staple";

/// `derbes --vault VAULT --password-stdin`, with the password on standard input.
#[allow(dead_code)]
pub fn derbes(vault: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("derbes").unwrap();
    c.arg("--vault")
        .arg(vault)
        .arg("--password-stdin")
        .env_remove("DERBES_VAULT")
        // The sentences the tests read are English whatever the machine's locale.
        .env("DERBES_LANG", "en")
        .write_stdin(format!("{PW}\n"));
    c
}

/// Run with `--json` and expect success; the parsed output.
#[allow(dead_code)]
pub fn ok(vault: &Path, args: &[&str]) -> serde_json::Value {
    let out = derbes(vault).arg("--json").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Run and expect a user error: exit code 1 and one sentence on stderr, which is returned.
#[allow(dead_code)]
pub fn refused(vault: &Path, args: &[&str]) -> String {
    let out = derbes(vault).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?} should be refused");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    err
}

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

/// Make `c` speak as a person's machine would: `--lang` if given, else the locale (`LANG`, with
/// `LC_ALL` and `LC_MESSAGES` cleared), instead of the English the tests otherwise pin.
#[allow(dead_code)]
pub fn speaking<'a>(
    c: &'a mut assert_cmd::Command,
    lang: Option<&str>,
    locale: &str,
) -> &'a mut assert_cmd::Command {
    c.env_remove("DERBES_LANG")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", locale);
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    c
}

/// Run `derbes` under a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail
/// with an error instead of killing the process): the nearest thing to a full disk that needs
/// no root. Returns the exit code and stderr.
#[cfg(unix)]
#[allow(dead_code)]
pub fn with_file_limit(vault: &Path, limit_kib: u64, args: &[&str]) -> (Option<i32>, String) {
    use std::io::Write;
    let bin = assert_cmd::cargo::cargo_bin("derbes");
    let mut script = format!(
        "trap '' XFSZ; ulimit -f {limit_kib}; exec '{}' --vault '{}' --password-stdin",
        bin.display(),
        vault.display()
    );
    for a in args {
        script.push_str(&format!(" '{}'", a.replace('\'', "'\\''")));
    }
    let mut child = std::process::Command::new("bash")
        .args(["-c", &script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{PW}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
