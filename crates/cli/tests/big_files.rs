//! A 200 MB CSV: imported whole, in bounded memory, or not at all. Slow in a debug build, so it
//! is ignored by default; `scripts/test.sh` runs it with the release build.
//!
//! `cargo nextest run --release -p derbes --test big_files --run-ignored only`
//!
//! Linux only: the memory is read from /proc.
#![cfg(target_os = "linux")]

use std::io::{BufWriter, Write};
use std::time::{Duration, Instant};

mod common;
use common::{derbes, PW};

/// Peak resident memory of a running process, in MiB, from /proc.
fn peak_mib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace()
        .nth(1)?
        .parse::<u64>()
        .ok()
        .map(|kib| kib / 1024)
}

#[test]
#[ignore = "200 MB of CSV: run with the release build (scripts/test.sh does)"]
fn a_200_mb_csv_is_imported_whole_in_bounded_memory() {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["init", "--name", "Test"])
        .assert()
        .success();
    let file = t.path().join("200mb.csv");
    // Rows until the file passes 200 MiB (about 700,000 of them).
    let mut rows = 0usize;
    {
        let mut w = BufWriter::new(std::fs::File::create(&file).unwrap());
        let mut written = 0usize;
        let header = "surname,name,birth_date,sex,region,district,settlement,notes\n";
        w.write_all(header.as_bytes()).unwrap();
        written += header.len();
        while written < 200 * 1024 * 1024 + 1024 {
            let i = rows;
            let line = format!(
                "Үлкенфайлов{i},Адам,{:02}.{:02}.19{:02},{},Қарағанды облысы,Бұқар жырау ауданы,Ботақара кенті,\
                 \"Келісім қағаз түрінде алынды; отбасы үш адамнан тұрады, әлеуметтік қолдау көрсетілді — {i}\"\n",
                i % 28 + 1,
                i % 12 + 1,
                i % 90 + 10,
                if i.is_multiple_of(2) { "м" } else { "ж" }
            );
            w.write_all(line.as_bytes()).unwrap();
            written += line.len();
            rows += 1;
        }
    }
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size >= 200 * 1024 * 1024, "the file is {size} bytes");

    let started = Instant::now();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("derbes"))
        .arg("--vault")
        .arg(&v)
        .args([
            "--password-stdin",
            "subject",
            "import",
            "--basis",
            "art9:10",
            "--law",
            "Test law",
        ])
        .arg(&file)
        .env_remove("DERBES_VAULT")
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
    let mut peak = 0;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        peak = peak_mib(child.id()).unwrap_or(peak).max(peak);
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert!(status.success(), "{err}");
    eprintln!(
        "imported {rows} rows ({} MB) in {:.1?}, peak memory at least {peak} MiB",
        size / 1_000_000,
        started.elapsed()
    );

    // Bounded: the rows are checked whole before anything is written (all or nothing), and the
    // write runs with a 512 MiB page cache; 4 GiB leaves room on an office laptop.
    assert!(peak < 4096, "the import peaked at {peak} MiB");

    // Everything is there, the vault is sound, the journal holds.
    derbes(&v).arg("unlock-check").assert().success();
    derbes(&v).args(["journal", "verify"]).assert().success();
    let out = derbes(&v)
        .args(["--json", "subject", "list", "--search"])
        .arg(format!("үлкенфайлов{}", rows - 1))
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
}
