//! Every draft in `seeds/` through the whole pipeline (the real binary, the shipped rules),
//! snapshotted as the human and the JSON report into the top-level `snapshots/`. A change to a
//! rule file or to the grammar shows up here as a snapshot diff to review.

use std::path::Path;
use std::process::Command;

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("workspace root")
}

fn run(path: &Path, format: &str) -> (String, i32) {
    let relative = path
        .strip_prefix(workspace())
        .expect("seed inside the workspace");
    let out = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(workspace())
        .args([
            "check", "--rules", "rules", "--color", "never", "--format", format,
        ])
        .arg(relative)
        .env_remove("NO_COLOR")
        .output()
        .expect("factcheck runs");
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn seeds() {
    insta::glob!("../../../seeds", "*.{md,txt}", |path| {
        if path.file_name().is_some_and(|n| n == "README.md") {
            return; // documents the drafts; not a draft
        }
        let (human, code) = run(path, "human");
        let (json, code_json) = run(path, "json");
        assert_eq!(code, code_json, "the format does not change the exit code");
        insta::with_settings!({
            snapshot_path => "../../../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
            info => &format!("exit code {code}"),
        }, {
            insta::assert_snapshot!("human", format!("exit code: {code}\n\n{human}"));
            insta::assert_snapshot!("json", json);
        });
    });
}

/// The same input and rules give byte-identical output on any thread count.
#[test]
fn output_does_not_depend_on_thread_count() {
    let run_with = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .current_dir(workspace())
            .args(["check", "--format", "json", "seeds"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("factcheck runs")
    };
    let one = run_with("1");
    let two = run_with("2");
    assert_eq!(one.status.code(), two.status.code());
    assert_eq!(one.stdout, two.stdout);
    assert!(!one.stdout.is_empty());
}

/// `--format jsonl` is streamed (files checked and rendered in chunks, in parallel), yet it holds
/// the same claims in the same order as the JSON report, with the same exit code.
#[test]
fn jsonl_stream_matches_the_json_report() {
    let run_format = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_factcheck"))
            .current_dir(workspace())
            .args(["check", "--format", format, "seeds"])
            .output()
            .expect("factcheck runs")
    };
    let json = run_format("json");
    let jsonl = run_format("jsonl");
    assert_eq!(json.status.code(), jsonl.status.code());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let mut from_json = Vec::new();
    for file in report["files"].as_array().expect("files") {
        for claim in file["claims"].as_array().expect("claims") {
            let mut claim = claim.clone();
            claim["path"] = file["path"].clone();
            from_json.push(claim);
        }
    }
    let from_jsonl: Vec<serde_json::Value> = String::from_utf8(jsonl.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert!(!from_jsonl.is_empty());
    assert_eq!(from_json, from_jsonl);
}
