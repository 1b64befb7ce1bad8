//! The `extract` example as a user runs it: inputs, errors, exit codes and output formats.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The example binary that `cargo test` builds next to the test binaries (a filtered run such
/// as `cargo test --test cli` does not rebuild examples: run the whole `cargo test`).
fn extract() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let bin = dir
        .join("examples")
        .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let Some(bin) = extract() else {
        panic!("the extract example was not built (cargo test builds it)");
    };
    let mut child = match Command::new(bin)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("cannot run extract: {e}"),
    };
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin);
    }
    match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("extract did not finish: {e}"),
    }
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("tiqu-cli-{}-{name}", std::process::id()));
    if let Err(e) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    path
}

#[test]
fn the_fixture_gives_one_json_line_with_the_path_as_id() {
    let o = run(&["fixtures/baotou-industry-2023.txt"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docs = lines(&o);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "fixtures/baotou-industry-2023.txt");
    assert!(docs[0]["mentions"].as_array().is_some_and(|m| m.len() > 80));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let o = run(&["-"], "去年全市工业投资增长87%。".as_bytes());
    assert!(o.status.success());
    let docs = lines(&o);
    assert_eq!(docs[0]["id"], "-");
    assert_eq!(docs[0]["mentions"][0]["value"], 87);
}

#[test]
fn a_missing_file_is_an_error_naming_it_and_the_rest_still_runs() {
    let good = temp_file("good.txt", "完成投资943亿元。".as_bytes());
    let good = good.to_string_lossy().to_string();
    let o = run(&["/nonexistent/tiqu-missing.txt", &good], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/nonexistent/tiqu-missing.txt"), "{err}");
    let docs = lines(&o);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["mentions"][0]["value"], 94300000000u64);
}

#[test]
fn invalid_utf8_names_the_file_and_the_byte_offset() {
    let bad = temp_file("bad.txt", b"abc\xff\xfe");
    let bad = bad.to_string_lossy().to_string();
    let o = run(&[&bad], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&bad) && err.contains("offset 3"), "{err}");
}

#[test]
fn jsonl_keeps_ids_and_reports_bad_lines() {
    let input =
        "{\"id\": \"a\", \"text\": \"增长87%\"}\nnot json\n{\"id\": 7, \"text\": \"利税4800万\"}\n";
    let o = run(&["--jsonl", "-"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 2"));
    let docs = lines(&o);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[1]["id"], "7");
    assert_eq!(docs[1]["mentions"][0]["implicit_unit"], true);
}

#[test]
fn facts_as_tsv_have_a_header_and_one_row_per_fact() {
    let o = run(
        &["--format", "tsv", "-"],
        "去年全市工业投资增长87%，完成投资943亿元。".as_bytes(),
    );
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0][..5],
        ["id", "subject", "indicator", "predicate", "value"]
    );
    assert_eq!(rows.len(), 3, "{out}");
    assert_eq!(rows[1][2..5], ["工业投资", "增长", "87"]);
    assert_eq!(rows[2][4], "94300000000");
}

#[test]
fn an_unknown_option_is_an_error() {
    let o = run(&["--format", "xml", "-"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_document_date_resolves_relative_dates() {
    let o = run(
        &["--date", "2023-08-25", "-"],
        "去年全市工业投资增长87%。".as_bytes(),
    );
    assert!(o.status.success());
    let doc = &lines(&o)[0];
    assert_eq!(doc["date"], "2023-08-25");
    assert_eq!(doc["facts"][0]["period_resolved"], "2022");
    let o = run(&["--date", "2023-02-30", "-"], b"");
    assert_eq!(
        o.status.code(),
        Some(2),
        "a day that does not exist is a bad option"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("2023-02-30"));
}
