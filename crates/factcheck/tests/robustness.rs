//! The robustness contract of the `factcheck` binary (docs/reliability.md): every bad input gets
//! a clear message and the right exit code, one bad draft never hides the others, nothing is
//! written to drafts or rule files, and `--output` is written atomically.
//!
//! Each test runs the real binary in a temporary directory (so no `factcheck.toml` is found) with
//! invented facts: no real event, person or count.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_factcheck");

const RULES: &str = "\
# Invented facts for the robustness tests.
events:
  - id: varenko-summit
    name: Varenko summit
    cues: [\"Varenko summit\", \"summit in Varenko\"]
    date: 2021-05-04
    source: https://example.org/varenko-summit
offices:
  - id: ada-quell
    person: Ada Quell
    aliases: [Quell]
    source: https://example.org/ada-quell
    roles:
      - title: Minister of Trade
        organisation: Ostria
        from: 2019-01-01
        to: 2020-12-31
";

const TRUE_DRAFT: &str =
    "---\ndate: 2021-06-01\n---\n# Summit report\n\nThe Varenko summit was held on May 4, 2021.\n";
const FALSE_DRAFT: &str =
    "---\ndate: 2021-06-01\n---\nThe Varenko summit was held on May 6, 2021.\n";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cut = |s: &str| s.chars().take(3000).collect::<String>();
        write!(
            f,
            "exit {:?} after {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code,
            self.took,
            cut(&self.stdout),
            cut(&self.stderr)
        )
    }
}

fn command(cwd: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    cmd
}

fn run(cwd: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let out = command(cwd, args).output().expect("run factcheck");
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: start.elapsed(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "factcheck panicked: {run:?}"
    );
    run
}

/// A temporary directory with `rules/facts.yaml`, `drafts/true.md` and `drafts/false.md`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "rules/facts.yaml", RULES.as_bytes());
    write(dir.path(), "drafts/true.md", TRUE_DRAFT.as_bytes());
    write(dir.path(), "drafts/false.md", FALSE_DRAFT.as_bytes());
    dir
}

fn write(root: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, bytes).expect("write");
    path
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {run:?}"))
}

/// The JSON report of one file.
fn file<'a>(report: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    report["files"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["path"] == path))
        .unwrap_or_else(|| panic!("{path} not in {report}"))
}

// ---------------------------------------------------------------------------------------------
// Rule files
// ---------------------------------------------------------------------------------------------

/// Replaces the rule file with `text`, runs a check, and expects exit 2 with `place` (file, line,
/// column, field) in the message, and no report at all (nothing was checked).
fn bad_rules(text: &str, place: &str) -> Run {
    let dir = workspace();
    write(dir.path(), "rules/facts.yaml", text.as_bytes());
    let run = run(dir.path(), &["check", "--rules", "rules", "drafts"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains(place), "{place:?} not in {run:?}");
    assert!(run.stderr.contains("nothing was checked"), "{run:?}");
    assert_eq!(
        run.stdout, "",
        "a report was written although the rules did not load: {run:?}"
    );
    run
}

#[test]
fn rules_invalid_yaml() {
    bad_rules(
        &RULES.replace(
            "cues: [\"Varenko summit\", \"summit in Varenko\"]",
            "cues: [\"Varenko summit\"",
        ),
        "error: rules/facts.yaml:",
    );
    let run = bad_rules(
        &RULES.replace("    name: Varenko summit", "   name: Varenko summit"),
        "error: rules/facts.yaml:",
    );
    assert!(run.stderr.contains("field `"), "{run:?}");
}

#[test]
fn rules_wrong_type() {
    bad_rules(
        &RULES.replace("aliases: [Quell]", "aliases: {a: b}"),
        "rules/facts.yaml:11:14: field `offices[0].aliases`: invalid type",
    );
}

#[test]
fn rules_unknown_field() {
    bad_rules(
        &RULES.replace(
            "    date: 2021-05-04",
            "    colour: red\n    date: 2021-05-04",
        ),
        "rules/facts.yaml:6:5: field `events[0].colour`: unknown field `colour`",
    );
}

#[test]
fn rules_missing_field() {
    bad_rules(
        &RULES.replace("    person: Ada Quell\n", ""),
        "field `offices[0].person`: missing field `person`",
    );
}

#[test]
fn rules_duplicate_key() {
    bad_rules(
        &RULES.replace(
            "    date: 2021-05-04\n",
            "    date: 2021-05-04\n    date: 2021-05-05\n",
        ),
        "rules/facts.yaml:7:5: field `events[0].date`: duplicate field `date`",
    );
}

#[test]
fn rules_duplicate_ids_within_a_file() {
    let text = RULES.replace("  - id: ada-quell", "  - id: varenko-summit");
    bad_rules(
        &text,
        "rules/facts.yaml:9:5: field `offices[0].id`: duplicate id `varenko-summit`: already used at rules/facts.yaml:3:5",
    );
}

#[test]
fn rules_duplicate_ids_across_files() {
    let dir = workspace();
    write(
        dir.path(),
        "rules/more/again.yaml",
        format!("# the same facts again\n{RULES}").as_bytes(),
    );
    let run = run(dir.path(), &["check", "--rules", "rules", "drafts"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("rules/more/again.yaml:4:5: field `events[0].id`: duplicate id `varenko-summit`: already used at rules/facts.yaml:3:5"), "{run:?}");
    assert!(
        run.stderr.contains(
            "rules/more/again.yaml:10:5: field `offices[0].id`: duplicate id `ada-quell`"
        ),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn rules_impossible_dates() {
    bad_rules(
        &RULES.replace("date: 2021-05-04", "date: 2021-02-30"),
        "rules/facts.yaml:6:11: field `events[0].date`: `2021-02-30` is not a day of the calendar",
    );
    bad_rules(
        &RULES.replace("date: 2021-05-04", "date: 2021-13-01"),
        "rules/facts.yaml:6:11: field `events[0].date`: `2021-13-01`",
    );
    bad_rules(
        &RULES.replace("date: 2021-05-04", "date: 10000-01-01"),
        "rules/facts.yaml:6:11: field `events[0].date`: `10000-01-01`",
    );
}

#[test]
fn rules_from_after_to() {
    bad_rules(
        &RULES.replace("from: 2019-01-01", "from: 2022-01-01"),
        "rules/facts.yaml:17:9: field `offices[0].roles[0].to`: `from` 2022-01-01 is after `to` 2020-12-31",
    );
}

/// A billion laughs: refused quickly, and the process stays small (run under a 1 GiB address-
/// space limit: expanding the bomb would need gigabytes).
#[cfg(target_os = "linux")]
#[test]
fn rules_alias_bomb() {
    let mut bomb = String::from(
        "events:\n  - id: x\n    name: x\n    date: 2023\n    aliases: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n    cues: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        bomb.push_str(&format!(
            "    note{}: &{} [{}]\n",
            w[1],
            w[1],
            vec![format!("*{}", w[0]); 9].join(",")
        ));
    }
    let top = format!(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n{}",
        (b'b'..=b'i')
            .map(|c| {
                let (c, p) = (c as char, (c - 1) as char);
                format!("{c}: &{c} [{}]\n", vec![format!("*{p}"); 9].join(","))
            })
            .collect::<String>()
    );
    for text in [bomb, top.clone(), format!("events: []\n{top}")] {
        let dir = workspace();
        write(dir.path(), "rules/bomb.yaml", text.as_bytes());
        let start = Instant::now();
        let out = Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
            .arg(BIN)
            .args(["check", "--rules", "rules", "drafts"])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .expect("run sh");
        let took = start.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("error: rules/bomb.yaml:"), "{stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("memory allocation"),
            "{stderr}"
        );
        assert!(took < Duration::from_secs(5), "took {took:?}");
    }
}

/// A 100 MB rule file: refused before it is parsed, with the limit in the message.
#[test]
fn rules_100_megabyte_file() {
    let dir = workspace();
    {
        use std::io::Write as _;
        let f = std::fs::File::create(dir.path().join("rules/big.yaml")).expect("create");
        let mut f = std::io::BufWriter::new(f);
        writeln!(f, "events:").expect("write");
        let mut written = 0usize;
        let mut i = 0;
        while written < 100 << 20 {
            let item = format!("  - id: e{i}\n    name: event number {i}\n    date: 2023-01-01\n");
            f.write_all(item.as_bytes()).expect("write");
            written += item.len();
            i += 1;
        }
    }
    let run = run(dir.path(), &["check", "--rules", "rules", "drafts"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("error: rules/big.yaml:1:1: the file is "),
        "{run:?}"
    );
    assert!(run.stderr.contains("over the limit"), "{run:?}");
    assert_eq!(run.stdout, "");
}

#[test]
fn rules_non_utf8_file() {
    let dir = workspace();
    let mut bytes = RULES.as_bytes().to_vec();
    let at = RULES.find("Varenko summit\n").expect("needle") + 3;
    bytes.insert(at, 0xff);
    std::fs::write(dir.path().join("rules/facts.yaml"), bytes).expect("write");
    let run = run(dir.path(), &["check", "--rules", "rules", "drafts"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("error: rules/facts.yaml:4:14: the file is not UTF-8"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
}

/// With no facts the built-in checks still run: the warning says so, and a calendar error is
/// contradicted (exit 1).
#[test]
fn rules_empty_directory_still_runs_the_built_in_checks() {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("empty-rules")).expect("mkdir");
    write(
        dir.path(),
        "weekday.md",
        b"---\ndate: 2023-10-05\n---\nThe talks opened on Monday, September 17, 2023.\n",
    );
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "empty-rules",
            "--format",
            "json",
            "weekday.md",
        ],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("only the built-in checks"), "{run:?}");
    let report = json(&run);
    assert_eq!(report["summary"]["contradicted"], 1, "{report}");
    let claim = &file(&report, "weekday.md")["claims"][0];
    assert_eq!(claim["check"], "CAL001", "{report}");
    assert_eq!(claim["assertions"][0]["kind"], "calendar", "{report}");
}

#[test]
fn rules_empty_directory() {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("empty-rules")).expect("mkdir");
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "empty-rules",
            "--format",
            "json",
            "drafts",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr
            .contains("warning: no facts in empty-rules: only the built-in checks (calendar, arithmetic, the draft against itself) can decide a claim; every other assertion is unverifiable"),
        "{run:?}"
    );
    let report = json(&run);
    assert_eq!(report["summary"]["supported"], 0, "{report}");
    assert_eq!(report["summary"]["contradicted"], 0, "{report}");
    assert!(
        report["summary"]["unverifiable"]
            .as_u64()
            .is_some_and(|n| n >= 2),
        "{report}"
    );
    // Everything unverifiable fails the run when asked to.
    let run = run_fail_on_unverifiable(dir.path());
    assert_eq!(run.code, Some(1), "{run:?}");
}

fn run_fail_on_unverifiable(dir: &Path) -> Run {
    run(
        dir,
        &[
            "check",
            "--rules",
            "empty-rules",
            "--fail-on",
            "unverifiable",
            "drafts",
        ],
    )
}

#[test]
fn rules_missing_directory() {
    let dir = workspace();
    let run = run(dir.path(), &["check", "--rules", "no-such-rules", "drafts"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("error: no-such-rules: cannot read the rules directory"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
    // `rules lint` and `rules test` say the same.
    for args in [
        ["rules", "lint", "no-such-rules"],
        ["rules", "test", "no-such-rules"],
    ] {
        let r = self::run(dir.path(), &args);
        assert_eq!(r.code, Some(2), "{r:?}");
        assert!(r.stderr.contains("no-such-rules"), "{r:?}");
    }
}

#[cfg(unix)]
#[test]
fn rules_symlink_loops() {
    use std::os::unix::fs::symlink;
    let dir = workspace();
    // A directory link back up is not followed: the rules load, no endless walk.
    std::fs::create_dir(dir.path().join("rules/sub")).expect("mkdir");
    symlink("..", dir.path().join("rules/sub/up")).expect("symlink");
    let ok = run(dir.path(), &["check", "--rules", "rules", "drafts/true.md"]);
    assert_eq!(ok.code, Some(0), "{ok:?}");
    // Rule files that link to each other: each named, exit 2, nothing checked.
    symlink("b.yaml", dir.path().join("rules/a.yaml")).expect("symlink");
    symlink("a.yaml", dir.path().join("rules/b.yaml")).expect("symlink");
    let run = run(dir.path(), &["check", "--rules", "rules", "drafts"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr.contains("error: rules/a.yaml: cannot read"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("error: rules/b.yaml: cannot read"),
        "{run:?}"
    );
    assert_eq!(run.stdout, "");
}

/// One bad rule file among good ones: nothing is checked at all, and every bad file is named.
#[test]
fn rules_no_partial_load() {
    let dir = workspace();
    write(
        dir.path(),
        "rules/z-bad.yaml",
        b"events:\n  - id: other\n    name: other\n    date: 2021-02-30\n",
    );
    write(dir.path(), "rules/y-bad.yaml", b"counts: 3\n");
    let run = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "drafts"],
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("error: rules/y-bad.yaml:1:9: field `counts`"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("error: rules/z-bad.yaml:4:11: field `events[0].date`"),
        "{run:?}"
    );
    assert!(run.stderr.contains("2 errors in the rules"), "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

#[test]
fn draft_not_utf8_names_the_file_and_byte_offset() {
    let dir = workspace();
    write(
        dir.path(),
        "drafts/bad.txt",
        b"Hello world.\nCaf\xc3\xa9 ok \xff bad.\n",
    );
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--format",
            "json",
            "drafts/bad.txt",
        ],
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    let report = json(&run);
    let d = &file(&report, "drafts/bad.txt")["diagnostics"][0];
    assert_eq!(d["level"], "error", "{report}");
    assert!(
        d["message"].as_str().is_some_and(
            |m| m.contains("invalid byte 0xff at byte offset 22") && m.contains("--lossy")
        ),
        "{report}"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(9)),
        "{report}"
    );
    // The human report names the file, line and column.
    let human = self::run(dir.path(), &["check", "--rules", "rules", "drafts/bad.txt"]);
    assert_eq!(human.code, Some(2));
    assert!(
        human.stdout.contains("drafts/bad.txt:2:9") && human.stdout.contains("byte offset 22"),
        "{human:?}"
    );
    // `claims` and `sentences` too.
    for cmd in ["claims", "sentences"] {
        let r = self::run(dir.path(), &[cmd, "drafts/bad.txt"]);
        assert_eq!(r.code, Some(2), "{r:?}");
        assert!(
            r.stderr.contains("error: drafts/bad.txt:")
                && r.stderr
                    .contains("2:9: not valid UTF-8: invalid byte 0xff at byte offset 22"),
            "{r:?}"
        );
    }
}

/// `claims` and `sentences` write `path:line:column: message` like `check` and the rule errors.
#[test]
fn claims_and_sentences_name_the_place_as_path_line_column() {
    let dir = workspace();
    write(
        dir.path(),
        "drafts/bad.txt",
        b"Hello world.\nCaf\xc3\xa9 ok \xff bad.\n",
    );
    for cmd in ["claims", "sentences"] {
        let r = run(dir.path(), &[cmd, "drafts/bad.txt"]);
        assert!(
            r.stderr
                .contains("error: drafts/bad.txt:2:9: not valid UTF-8"),
            "{r:?}"
        );
        let r = run(dir.path(), &[cmd, "--lossy", "drafts/bad.txt"]);
        assert!(
            r.stderr
                .contains("warning: drafts/bad.txt:2:9: not valid UTF-8"),
            "{r:?}"
        );
    }
}

#[test]
fn draft_not_utf8_lossy_decodes_with_a_warning() {
    let dir = workspace();
    write(
        dir.path(),
        "drafts/latin1.md",
        b"---\ndate: 2021-06-01\n---\nThe Varenko summit (caf\xe9) was held on May 4, 2021.\n",
    );
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--lossy",
            "--format",
            "json",
            "drafts/latin1.md",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let report = json(&run);
    let f = file(&report, "drafts/latin1.md");
    assert_eq!(f["diagnostics"][0]["level"], "warning", "{report}");
    assert!(
        f["diagnostics"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("decoded lossily")),
        "{report}"
    );
    assert_eq!(
        (
            f["diagnostics"][0]["line"].as_u64(),
            f["diagnostics"][0]["column"].as_u64()
        ),
        (Some(4), Some(24))
    );
    assert_eq!(f["claims"][0]["verdict"], "supported", "{report}");
    let r = self::run(dir.path(), &["claims", "--lossy", "drafts/latin1.md"]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(
        r.stderr.contains("warning: drafts/latin1.md:")
            && r.stderr.contains("4:24: not valid UTF-8"),
        "{r:?}"
    );
}

#[test]
fn binary_files_met_while_walking_are_skipped_with_a_warning() {
    let dir = workspace();
    write(
        dir.path(),
        "drafts/image.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe",
    );
    write(
        dir.path(),
        "drafts/nul.txt",
        b"The Varenko summit was held on May 6, 2021.\x00\x00",
    );
    let run = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "drafts"],
    );
    assert!(
        run.stderr
            .contains("warning: drafts/image.md: skipped: binary file"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("warning: drafts/nul.txt: skipped: binary file"),
        "{run:?}"
    );
    let report = json(&run);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, vec!["drafts/false.md", "drafts/true.md"], "{report}");
    // Skipping is not an error: the exit code is the other drafts' (one is contradicted).
    assert_eq!(run.code, Some(1), "{run:?}");
}

#[test]
fn empty_drafts() {
    let dir = workspace();
    write(dir.path(), "empty/a.md", b"");
    write(dir.path(), "empty/b.txt", b"\n\n  \r\n");
    write(dir.path(), "empty/c.md", b"---\ndate: 2021-06-01\n---\n");
    let run = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "empty"],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let report = json(&run);
    assert_eq!(report["summary"]["files"], 3, "{report}");
    assert_eq!(report["summary"]["claims"], 0, "{report}");
    let stdin = command(dir.path(), &["check", "--rules", "rules", "-"])
        .output()
        .expect("run");
    assert_eq!(
        stdin.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&stdin.stderr)
    );
    for cmd in ["claims", "sentences"] {
        let r = self::run(dir.path(), &[cmd, "empty/a.md"]);
        assert_eq!(r.code, Some(0), "{r:?}");
    }
}

/// Ten megabytes of one line with no full stop, naming a fact again and again (so hundreds of
/// claims are contradicted).
fn ten_megabytes(dir: &Path) {
    let words = [
        "officials ",
        "met ",
        "at ",
        "the ",
        "Varenko ",
        "summit ",
        "on ",
        "May ",
        "6, ",
        "2021 ",
        "and ",
        "Ada ",
        "Quell ",
    ];
    let mut text = String::with_capacity(10 << 20);
    let mut k = 0;
    while text.len() < 10 << 20 {
        text.push_str(words[k % words.len()]);
        k += 1;
    }
    write(dir, "big.txt", text.as_bytes());
}

/// The 100 MB draft without a full stop or newline, at 10 MB to keep CI fast: no hang, no
/// panic, a report.
#[test]
fn ten_megabytes_without_full_stop_or_newline() {
    let dir = workspace();
    ten_megabytes(dir.path());
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--date",
            "2021-06-01",
            "--format",
            "json",
            "--output",
            "report.json",
            "big.txt",
        ],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).expect("report"))
            .expect("JSON");
    assert!(
        report["summary"]["contradicted"]
            .as_u64()
            .is_some_and(|n| n > 100),
        "{}",
        report["summary"]
    );
}

/// The same draft in the default (human) format. Before the fix (bug 2 of docs/reliability.md)
/// rendering was quadratic in the length of the line: 0.5 s at 128 KB, 2.2 s at 256 KB, 7.9 s at
/// 512 KB (debug build), so hours at 10 MB.
#[test]
fn ten_megabytes_without_full_stop_or_newline_human_report() {
    let dir = workspace();
    ten_megabytes(dir.path());
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--date",
            "2021-06-01",
            "--output",
            "report.txt",
            "big.txt",
        ],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
}

#[test]
fn a_megabyte_of_nested_quotes_and_brackets() {
    let dir = workspace();
    let mut text = String::new();
    while text.len() < 1 << 19 {
        text.push_str("(\"[“«{");
    }
    text.push_str("The Varenko summit was held on May 6, 2021.");
    while text.len() < 1 << 20 {
        text.push_str("}»”]\")");
    }
    write(dir.path(), "nested.txt", text.as_bytes());
    write(
        dir.path(),
        "nested.md",
        format!("{}\n{}", "> ".repeat(1 << 18), "[".repeat(1 << 19)).as_bytes(),
    );
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--date",
            "2021-06-01",
            "--format",
            "json",
            "nested.txt",
            "nested.md",
        ],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{run:?}");
    assert_eq!(json(&run)["summary"]["files"], 2);
}

#[test]
fn a_ten_thousand_digit_number_february_30_and_year_10000() {
    let dir = workspace();
    let text = format!(
        "Over {} residents left. The Varenko summit was held on February 30, 2021. It will meet again in 10000. It met on March 3, 10000.\n",
        "9".repeat(10_000)
    );
    write(dir.path(), "odd.txt", text.as_bytes());
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--date",
            "2021-06-01",
            "--format",
            "json",
            "odd.txt",
        ],
    );
    // February 30 is not a day: a contradicted claim (exit 1), not a crash.
    assert_eq!(run.code, Some(1), "{run:?}");
    let report = json(&run);
    let claims = file(&report, "odd.txt")["claims"]
        .as_array()
        .expect("claims")
        .clone();
    assert!(
        claims.iter().any(|c| c["verdict"] == "contradicted"
            && c["found"]
                .as_str()
                .is_some_and(|f| f.contains("February 30"))),
        "{report}"
    );
    for c in &claims {
        let (start, end) = (
            c["span"]["start"].as_u64().expect("start") as usize,
            c["span"]["end"].as_u64().expect("end") as usize,
        );
        assert!(end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end));
    }
}

/// Line and 1-based character column of a byte offset, counted naively.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u64, text[start..offset].chars().count() as u64 + 1)
}

/// Every span and focus of a JSON report is on character boundaries of `text` with the right
/// line and column.
fn assert_spans(report: &serde_json::Value, path: &str, text: &str) -> usize {
    let mut n = 0;
    for c in file(report, path)["claims"].as_array().expect("claims") {
        for key in ["span", "focus"] {
            let s = &c[key];
            if s.is_null() {
                continue;
            }
            let (start, end) = (
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            );
            assert!(start <= end && end <= text.len(), "{s}");
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{key} {s} not on char boundaries"
            );
            assert_eq!(
                (
                    s["line"].as_u64().expect("line"),
                    s["column"].as_u64().expect("column")
                ),
                line_col(text, start),
                "{key} {s}"
            );
            n += 1;
        }
    }
    n
}

#[test]
fn emoji_combining_marks_and_right_to_left_text() {
    let dir = workspace();
    let text = "---\ndate: 2021-06-01\n---\n# Summit 🙂\n\nThe 👩‍👩‍👧 Varenko summit ﷽ שלום e\u{301} \u{202e}x\u{202c} was held on May 6, 2021.\nمرحبا. The Varenko summit 👍🏽 was held on May 4, 2021.\n";
    write(dir.path(), "u.md", text.as_bytes());
    let run = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "u.md"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let report = json(&run);
    assert!(assert_spans(&report, "u.md", text) >= 4, "{report}");
    let focus = &file(&report, "u.md")["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["verdict"] == "contradicted")
        .expect("contradicted")["focus"];
    // 51 characters precede "May" on its line (the family emoji is five: three people, two
    // joiners; the accented e two; the override and its pop one each).
    assert_eq!(
        (focus["line"].as_u64(), focus["column"].as_u64()),
        (Some(6), Some(52)),
        "{report}"
    );
    // The human report points at the same line and column.
    let human = self::run(dir.path(), &["check", "--rules", "rules", "u.md"]);
    assert!(human.stdout.contains("u.md:6:52"), "{human:?}");
}

#[test]
fn crlf_line_endings() {
    let dir = workspace();
    let text = FALSE_DRAFT.replace('\n', "\r\n")
        + "\r\nAda Quell, the Ostrian Minister of Trade, spoke on May 6, 2021.\r\n";
    write(dir.path(), "crlf.md", text.as_bytes());
    let run = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "crlf.md"],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    let report = json(&run);
    assert!(assert_spans(&report, "crlf.md", &text) >= 2, "{report}");
    let c = &file(&report, "crlf.md")["claims"][0];
    assert_eq!(
        (c["focus"]["line"].as_u64(), c["focus"]["column"].as_u64()),
        (Some(4), Some(32)),
        "{report}"
    );
    assert!(
        !c["text"].as_str().expect("text").contains('\r'),
        "{report}"
    );
    let human = self::run(dir.path(), &["check", "--rules", "rules", "crlf.md"]);
    assert!(human.stdout.contains("crlf.md:4:32"), "{human:?}");
}

#[test]
fn a_directory_of_10000_small_drafts() {
    let dir = workspace();
    for i in 0..10_000 {
        let day = if i % 2 == 0 { 4 } else { 6 };
        write(
            dir.path(),
            &format!("many/d{:02}/{i:05}.txt", i % 100),
            format!("The Varenko summit was held on May {day}, 2021. Item {i}.\n").as_bytes(),
        );
    }
    let run = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "many"],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let report = json(&run);
    assert_eq!(report["summary"]["files"], 10_000);
    assert_eq!(report["summary"]["supported"], 5_000);
    assert_eq!(report["summary"]["contradicted"], 5_000);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted, "files are reported in path order");
}

/// A draft that cannot be read, a non-UTF-8 draft and a missing path never hide the others:
/// every file is reported, then the exit code is 2 (an input error outranks a contradiction).
#[test]
fn one_bad_draft_never_hides_the_others() {
    let dir = workspace();
    write(dir.path(), "drafts/b-broken.txt", b"Broken \xff draft.\n");
    let run = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--format",
            "json",
            "drafts",
            "missing.md",
        ],
    );
    assert_eq!(run.code, Some(2), "{run:?}");
    let report = json(&run);
    let f = file(&report, "drafts/false.md");
    assert_eq!(f["claims"][0]["verdict"], "contradicted", "{report}");
    assert_eq!(
        file(&report, "drafts/true.md")["claims"]
            .as_array()
            .map(Vec::len),
        Some(2),
        "{report}"
    );
    assert_eq!(
        file(&report, "drafts/b-broken.txt")["diagnostics"][0]["level"],
        "error",
        "{report}"
    );
    assert_eq!(
        file(&report, "missing.md")["diagnostics"][0]["level"],
        "error",
        "{report}"
    );
    assert_eq!(report["summary"]["errors"], 2, "{report}");
    // The same in the human format: the contradiction is shown, and the errors.
    let human = self::run(
        dir.path(),
        &["check", "--rules", "rules", "drafts", "missing.md"],
    );
    assert_eq!(human.code, Some(2));
    assert!(
        human.stdout.contains("drafts/false.md:4:32")
            && human.stdout.contains("missing.md")
            && human.stdout.contains("b-broken.txt"),
        "{human:?}"
    );
    // `--fail-on never` does not hide input errors.
    let never = self::run(
        dir.path(),
        &["check", "--rules", "rules", "--fail-on", "never", "drafts"],
    );
    assert_eq!(never.code, Some(2), "{never:?}");
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_flags_and_bad_values_exit_2() {
    let dir = workspace();
    let cases: &[&[&str]] = &[
        &["check", "--no-such-flag", "drafts"],
        &["check", "--rules", "rules", "--format", "yaml", "drafts"],
        &[
            "check",
            "--rules",
            "rules",
            "--fail-on",
            "sometimes",
            "drafts",
        ],
        &["check", "--rules", "rules", "--color", "purple", "drafts"],
        &["check", "--rules"],
        &["check"],
        &["frobnicate"],
        &[],
        &["claims", "--format", "xml", "drafts/true.md"],
        &["claims"],
        &["rules", "nope"],
        &["check", "-z", "drafts"],
    ];
    for args in cases {
        let run = run(dir.path(), args);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("error:") || run.stderr.contains("Usage:"),
            "{args:?}: {run:?}"
        );
        assert_eq!(run.stdout, "", "{args:?}: {run:?}");
    }
    // A bad config file is a usage error too, with its line and column.
    write(
        dir.path(),
        "bad.toml",
        b"rules = \"rules\"\nfail-on = \"maybe\"\n",
    );
    let run = run(dir.path(), &["check", "--config", "bad.toml", "drafts"]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("bad.toml:2:"), "{run:?}");
    // Help and version are not errors.
    assert_eq!(self::run(dir.path(), &["--help"]).code, Some(0));
    assert_eq!(self::run(dir.path(), &["--version"]).code, Some(0));
}

#[test]
fn date_that_is_not_a_date() {
    let dir = workspace();
    for bad in [
        "2021-02-30",
        "2021-13-01",
        "tomorrow",
        "2021-06",
        "2021",
        "10000-01-01",
        "",
        "2021-06-01T00:00",
        "-1",
    ] {
        let arg = format!("--date={bad}");
        let run = run(
            dir.path(),
            &["check", "--rules", "rules", &arg, "drafts/true.md"],
        );
        assert_eq!(run.code, Some(2), "{bad:?}: {run:?}");
        assert!(
            run.stderr.contains("invalid value") && run.stderr.contains("--date"),
            "{bad:?}: {run:?}"
        );
        assert_eq!(run.stdout, "");
        let r = self::run(dir.path(), &["claims", &arg, "drafts/true.md"]);
        assert_eq!(r.code, Some(2), "{bad:?}: {r:?}");
    }
}

/// Files that cannot be read. As root, permissions do not stop reads, so an unreadable file is
/// made another way: `/proc/self/mem` fails every read from offset 0 (EIO) even for root.
#[test]
fn unreadable_files() {
    let dir = workspace();
    let locked = write(dir.path(), "drafts/locked.md", FALSE_DRAFT.as_bytes());
    let mut unreadable: Vec<String> = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read(&locked).is_err() {
            unreadable.push("drafts/locked.md".into());
        } else {
            eprintln!(
                "note: running as root, chmod 000 does not stop reads; using /proc/self/mem instead"
            );
        }
    }
    if Path::new("/proc/self/mem").exists() {
        unreadable.push("/proc/self/mem".into());
    }
    for path in &unreadable {
        let run = run(
            dir.path(),
            &[
                "check",
                "--rules",
                "rules",
                "--format",
                "json",
                path,
                "drafts/false.md",
            ],
        );
        assert_eq!(run.code, Some(2), "{path}: {run:?}");
        let report = json(&run);
        let d = &file(&report, path)["diagnostics"][0];
        assert!(
            d["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("cannot read")),
            "{report}"
        );
        assert_eq!(
            file(&report, "drafts/false.md")["claims"][0]["verdict"],
            "contradicted"
        );
        for cmd in ["claims", "sentences"] {
            let r = self::run(dir.path(), &[cmd, path]);
            assert_eq!(r.code, Some(2), "{r:?}");
            assert!(r.stderr.contains("cannot read"), "{r:?}");
        }
    }
    // A directory where a file is expected, and a path that does not exist.
    for args in [
        &["claims", "drafts"][..],
        &["sentences", "drafts"],
        &["claims", "missing.md"],
        &["check", "--rules", "drafts/true.md", "drafts"],
        &["check", "--rules", "rules", "--config", "drafts", "drafts"],
    ] {
        let run = run(dir.path(), args);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(run.stderr.contains("error"), "{args:?}: {run:?}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644));
    }
}

/// `factcheck … | head -c 10`: the run stops quietly when the reader goes away, exit code 0, no
/// error message, no panic.
#[test]
fn output_to_a_closed_pipe() {
    let dir = workspace();
    for i in 0..400 {
        write(
            dir.path(),
            &format!("many/{i:03}.md"),
            FALSE_DRAFT.as_bytes(),
        );
    }
    let big: String = (0..5000)
        .map(|i| format!("The Varenko summit was held on May 6, 2021, item {i}.\n"))
        .collect();
    write(dir.path(), "big.txt", big.as_bytes());
    let cases: &[&[&str]] = &[
        &["check", "--rules", "rules", "many"],
        &["check", "--rules", "rules", "--format", "json", "many"],
        &["check", "--rules", "rules", "--format", "sarif", "many"],
        &["claims", "big.txt"],
        &["claims", "--format", "json", "big.txt"],
        &["sentences", "big.txt"],
    ];
    for args in cases {
        // The whole run's exit code: the drafts are false (1); `claims`, `sentences` 0.
        let expected = if args[0] == "check" { 1 } else { 0 };
        let mut child = command(dir.path(), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = [0u8; 10];
        stdout.read_exact(&mut first).expect("some output");
        drop(stdout);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{args:?}: {:?} {stderr}",
            out.status
        );
        assert!(
            !stderr.contains("error")
                && !stderr.contains("panicked")
                && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Nothing lost
// ---------------------------------------------------------------------------------------------

/// Every file under `root` with its bytes and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir") {
            let path = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                todo.push(path);
            } else if meta.is_file() {
                out.insert(
                    path.clone(),
                    (
                        std::fs::read(&path).expect("read"),
                        meta.modified().expect("mtime"),
                    ),
                );
            }
        }
    }
    out
}

#[test]
fn drafts_and_rule_files_are_never_written() {
    let dir = workspace();
    write(dir.path(), "drafts/bad.txt", b"Broken \xff draft.\n");
    write(dir.path(), "drafts/empty.md", b"");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let before = (
        snapshot(&dir.path().join("drafts")),
        snapshot(&dir.path().join("rules")),
    );
    let runs: &[&[&str]] = &[
        &["check", "--rules", "rules", "drafts"],
        &[
            "check",
            "--rules",
            "rules",
            "--lossy",
            "--format",
            "sarif",
            "--output",
            "out/report.sarif",
            "drafts",
        ],
        &[
            "check",
            "--rules",
            "rules",
            "--format",
            "json",
            "--output",
            "out/report.json",
            "drafts",
        ],
        &["claims", "drafts/true.md"],
        &["sentences", "--lossy", "drafts/bad.txt"],
        &["rules", "lint", "rules"],
        &["rules", "test", "rules"],
    ];
    for args in runs {
        run(dir.path(), args);
    }
    let after = (
        snapshot(&dir.path().join("drafts")),
        snapshot(&dir.path().join("rules")),
    );
    assert!(
        before == after,
        "drafts or rules changed (or files were added to them)"
    );
}

#[test]
fn output_never_overwrites_a_draft_or_a_rule_file() {
    let dir = workspace();
    let before = (
        snapshot(&dir.path().join("drafts")),
        snapshot(&dir.path().join("rules")),
    );
    for target in ["drafts/false.md", "rules/facts.yaml"] {
        let run = run(
            dir.path(),
            &["check", "--rules", "rules", "--output", target, "drafts"],
        );
        assert_eq!(run.code, Some(2), "--output {target}: {run:?}");
        assert!(run.stderr.contains(target), "{run:?}");
    }
    let after = (
        snapshot(&dir.path().join("drafts")),
        snapshot(&dir.path().join("rules")),
    );
    assert!(
        before == after,
        "a draft or rule file was overwritten by --output"
    );
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".factcheck-") || n.starts_with(".tmp"))
        .collect()
}

/// `--output FILE` replaces FILE in one step: a reader sees the old report or the whole new one,
/// never a part; no temporary file is left behind, also when writing fails.
#[test]
fn output_is_written_atomically() {
    let dir = workspace();
    for i in 0..3000 {
        write(
            dir.path(),
            &format!("many/{i:04}.md"),
            FALSE_DRAFT.as_bytes(),
        );
    }
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let target = dir.path().join("out/report.json");
    let old = b"old report\n".to_vec();
    std::fs::write(&target, &old).expect("write");
    let expected = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "many"],
    );
    assert_eq!(expected.code, Some(1));

    let mut child = command(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--format",
            "json",
            "--output",
            "out/report.json",
            "many",
        ],
    )
    .spawn()
    .expect("spawn");
    let mut seen = std::collections::HashSet::new();
    let status = loop {
        if let Ok(bytes) = std::fs::read(&target) {
            seen.insert(bytes);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
    };
    assert_eq!(status.code(), Some(1));
    let new = std::fs::read(&target).expect("read");
    assert_eq!(
        String::from_utf8_lossy(&new),
        expected.stdout,
        "the file holds the same report as stdout"
    );
    seen.insert(new.clone());
    for content in &seen {
        assert!(
            *content == old || *content == new,
            "a reader saw a partial report ({} bytes)",
            content.len()
        );
    }
    assert!(
        leftovers(&dir.path().join("out")).is_empty(),
        "{:?}",
        leftovers(&dir.path().join("out"))
    );

    // Writing fails (the target is a directory; the directory does not exist): exit 2, a message,
    // no temporary file left, the directory untouched.
    std::fs::create_dir(dir.path().join("out/a-dir")).expect("mkdir");
    std::fs::write(dir.path().join("out/a-dir/keep.txt"), "keep").expect("write");
    for target in ["out/a-dir", "no-such-dir/report.json"] {
        let run = run(
            dir.path(),
            &["check", "--rules", "rules", "--output", target, "drafts"],
        );
        assert_eq!(run.code, Some(2), "{target}: {run:?}");
        assert!(
            run.stderr.contains("error:")
                && run
                    .stderr
                    .contains(target.split('/').next().unwrap_or(target)),
            "{run:?}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/a-dir/keep.txt")).expect("read"),
        "keep"
    );
    assert!(
        leftovers(&dir.path().join("out")).is_empty(),
        "{:?}",
        leftovers(&dir.path().join("out"))
    );
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// Runs `args` and kills the run after `limit`: `None` when it had to be killed.
fn run_with_limit(cwd: &Path, args: &[&str], limit: Duration) -> Option<Run> {
    let start = Instant::now();
    let mut child = command(cwd, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    loop {
        if child.try_wait().expect("wait").is_some() {
            let out = child.wait_with_output().expect("output");
            return Some(Run {
                code: out.status.code(),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
                took: start.elapsed(),
            });
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A named pipe called `*.yaml` in the rules directory: an error naming it, not a run that waits
/// forever for a writer.
#[cfg(target_os = "linux")]
#[test]
fn rules_fifo_does_not_hang() {
    let dir = workspace();
    let fifo = dir.path().join("rules/pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let run = run_with_limit(
        dir.path(),
        &["check", "--rules", "rules", "drafts"],
        Duration::from_secs(10),
    )
    .expect("factcheck hung on a FIFO in the rules directory");
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("rules/pipe.yaml"), "{run:?}");
}

/// A rule file that is a link to an endless device: refused by its size (at most
/// `MAX_FILE_BYTES` are read) or as not a regular file, not read until memory runs out. Run
/// under a 1 GiB address-space limit so that the bug cannot take the machine's memory.
#[cfg(target_os = "linux")]
#[test]
fn rules_link_to_an_endless_device_is_refused_without_reading_it_all() {
    let dir = workspace();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("rules/zero.yaml")).expect("symlink");
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(["check", "--rules", "rules", "drafts"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("rules/zero.yaml"), "{stderr}");
    assert!(
        !stderr.contains("out of memory"),
        "the loader read the device until memory ran out: {stderr}"
    );
}

/// Large rule files are kept parsed in the cache directory; a cached, a corrupted and an
/// uncached run all give the same report, and an edited file gets an entry of its own.
#[test]
fn rules_parse_cache() {
    let dir = workspace();
    let mut many = String::from("events:\n");
    for i in 0..700 {
        many.push_str(&format!(
            "  - {{ id: gathering-{i}, name: Gathering number {i} of Lorvia, date: 2020-03-{:02}, source: https://example.org/g/{i} }}\n",
            1 + i % 28
        ));
    }
    assert!(many.len() >= 64 * 1024, "{} bytes", many.len());
    write(dir.path(), "rules/many.yaml", many.as_bytes());
    let cache = dir.path().join("cache");
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "drafts", "--rules", "rules", "--format", "json"];
        args.extend_from_slice(extra);
        let out = command(dir.path(), &args)
            .env("FACTCHECK_CACHE_DIR", &cache)
            .output()
            .expect("run factcheck");
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8(out.stdout).expect("UTF-8 report")
    };
    let entries = || -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(&cache)
            .map(|d| d.map(|e| e.expect("entry").path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };

    let uncached = check(&["--no-cache"]);
    assert!(entries().is_empty(), "--no-cache wrote {:?}", entries());
    let cold = check(&[]);
    // Only the large file is cached (the small one parses faster than an entry reads).
    assert_eq!(entries().len(), 1, "{:?}", entries());
    let warm = check(&[]);
    assert_eq!(cold, uncached);
    assert_eq!(warm, uncached);

    std::fs::write(&entries()[0], "{\"events\": [").expect("corrupt the entry");
    assert_eq!(check(&[]), uncached);
    let rewritten = std::fs::read_to_string(&entries()[0]).expect("entry");
    assert!(rewritten.len() > 1000, "the broken entry was not rewritten");

    many.push_str("  - { id: gathering-late, name: Late gathering of Lorvia, date: 2020-04-01, source: https://example.org/late }\n");
    write(dir.path(), "rules/many.yaml", many.as_bytes());
    check(&[]);
    assert_eq!(
        entries().len(),
        2,
        "an edited file has a new key: {:?}",
        entries()
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile input, second round (issue 14)
// ---------------------------------------------------------------------------------------------

/// Runs `factcheck` under a 1 GiB address-space limit (so a memory blow-up fails fast).
fn run_limited(cwd: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run sh");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: start.elapsed(),
    }
}

/// One 2 MB anchored scalar replayed by 10,000 aliases (12 GB once expanded), and a list of
/// 10,000 cues replayed by 10,000 facts (10^8 phrases): refused by expanded size, fast, under
/// a 1 GiB limit, at the alias that goes over.
#[test]
fn rules_alias_bomb_by_size() {
    let mut scalar = String::from(
        "events:\n  - id: e0\n    name: talks zero\n    date: 2023-09-17\n    note: &n ",
    );
    scalar.push_str(&"A".repeat(2_000_000));
    scalar.push('\n');
    for i in 1..=10_000 {
        scalar.push_str(&format!(
            "  - {{id: e{i}, name: talks {i}, date: 2023-09-17, note: *n}}\n"
        ));
    }
    let cues: Vec<String> = (0..10_000).map(|i| format!("c{i}")).collect();
    let mut phrases = format!(
        "events:\n  - id: e0\n    name: talks zero\n    date: 2023-09-17\n    cues: &c [{}]\n",
        cues.join(", ")
    );
    for i in 1..=10_000 {
        phrases.push_str(&format!(
            "  - {{id: e{i}, name: talks {i}, date: 2023-09-17, cues: *c}}\n"
        ));
    }
    for text in [scalar, phrases] {
        let dir = workspace();
        write(dir.path(), "rules/bomb.yaml", text.as_bytes());
        let run = run_limited(
            dir.path(),
            &["check", "--no-cache", "--rules", "rules", "drafts"],
        );
        assert_eq!(run.code, Some(2), "{run:?}");
        assert!(
            run.stderr.contains("error: rules/bomb.yaml:")
                && run.stderr.contains("aliases expand the file by over"),
            "{run:?}"
        );
        assert!(run.took < Duration::from_secs(10), "{run:?}");
    }
    // Aliases that add little load as before.
    let dir = workspace();
    write(
        dir.path(),
        "rules/facts.yaml",
        RULES
            .replace(
                "    source: https://example.org/varenko-summit\n",
                "    source: &s https://example.org/varenko-summit\n    note: *s\n",
            )
            .as_bytes(),
    );
    let run = run(dir.path(), &["check", "--rules", "rules", "drafts/true.md"]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

/// Tags: YAML's core-schema tags load; `!custom`, `!!binary` and the like are refused at the
/// tagged value.
#[test]
fn rules_only_core_schema_tags() {
    for (text, place) in [
        (
            RULES.replace("name: Varenko summit", "name: !custom Varenko summit"),
            "rules/facts.yaml:4:11: field `events[0].name`: the tag `!custom` is not allowed",
        ),
        (
            RULES.replace("name: Varenko summit", "name: !!binary VmFyZW5rbw=="),
            "rules/facts.yaml:4:11: field `events[0].name`: the tag `!!binary` is not allowed",
        ),
        (
            RULES.replace("roles:", "roles: !<tag:example.org,2024:list>"),
            "is not allowed",
        ),
        (
            RULES.replace("date: 2021-05-04", "date: !!timestamp 2021-05-04"),
            "the tag `!!timestamp` is not allowed",
        ),
    ] {
        bad_rules(&text, place);
    }
    let dir = workspace();
    let core = RULES
        .replace("name: Varenko summit", "name: !!str Varenko summit")
        .replace("cues: [", "cues: !!seq [");
    write(dir.path(), "rules/facts.yaml", core.as_bytes());
    let run = run(dir.path(), &["check", "--rules", "rules", "drafts/true.md"]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

/// A stray quote in a plain scalar does not blind the flow-nesting guard (160,000 brackets
/// took 120 s): refused fast, on the same line, the next line, or inside a flow collection
/// that goes on over lines.
#[test]
fn rules_flow_nesting_guard_with_a_stray_quote() {
    let brackets = "[".repeat(160_000);
    for text in [
        format!("events:\n  - id: a\n    name: x \"y\n    cues: {brackets}\n"),
        format!("events:\n  - id: a\n    name: talks\n    cues: [x \"y {brackets}\n"),
        format!("events:\n  - id: a\n    name: talks\n    cues: [x\n      \"y {brackets}\n"),
        format!("events:\n  - id: a\n    name: x 'y\n    cues: {brackets}\n"),
    ] {
        let run = bad_rules(&text, "flow collections nested deeper than 64 levels");
        assert!(run.took < Duration::from_secs(5), "{run:?}");
    }
}

/// Secrets: a rule file that is a link out of the rules directory is not followed (its content
/// is never read, let alone shown), and a value quoted in an error is cut to a short excerpt.
#[test]
fn rules_secrets_are_not_echoed() {
    let secret = "sk-live-0123456789abcdefghijklmnopqrstuvwxyzSECRET";
    let dir = workspace();
    write(
        dir.path(),
        "home/.env",
        format!("TOKEN={secret}\n").as_bytes(),
    );
    std::os::unix::fs::symlink(
        dir.path().join("home/.env"),
        dir.path().join("rules/x.yaml"),
    )
    .expect("symlink");
    let out = run(dir.path(), &["check", "--rules", "rules", "drafts"]);
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(
        out.stderr.contains("rules/x.yaml: a link to ")
            && out
                .stderr
                .contains("outside the rules directory: not followed"),
        "{out:?}"
    );
    assert!(!out.stderr.contains("sk-live"), "{out:?}");
    // A link inside the rules directory is followed.
    let dir = workspace();
    std::fs::rename(
        dir.path().join("rules/facts.yaml"),
        dir.path().join("rules/real.yml"),
    )
    .expect("rename");
    std::os::unix::fs::symlink("real.yml", dir.path().join("rules/facts.yaml")).expect("symlink");
    let run2 = run(
        dir.path(),
        &["check", "--rules", "rules", "drafts/false.md"],
    );
    assert_eq!(
        run2.code,
        Some(2),
        "duplicate ids through the link: {run2:?}"
    );
    assert!(run2.stderr.contains("duplicate id"), "{run2:?}");
    // A secret written in a rule file: quoted, but only its first 24 characters.
    for text in [
        format!("TOKEN={secret}\n"),
        format!(
            "-----BEGIN OPENSSH PRIVATE KEY-----\n{secret}\n-----END OPENSSH PRIVATE KEY-----\n"
        ),
        format!("events:\n  - id: a\n    name: talks\n    date: [{secret}]\n"),
    ] {
        let run = bad_rules(&text, "rules/facts.yaml:");
        assert!(!run.stderr.contains(&secret[20..]), "{run:?}");
    }
}

/// NaN and infinities are load errors at the number, cold and warm alike (NaN was cached as
/// `null` and then passed); a 17-digit value round-trips exactly through the cache.
#[test]
fn rules_non_finite_numbers_and_exact_floats_through_the_cache() {
    let padding: String = (0..700)
        .map(|i| format!("  - {{ id: g-{i}, name: Gathering number {i} of Lorvia, date: 2020-03-{:02}, source: https://example.org/g/{i} }}\n", 1 + i % 28))
        .collect();
    let count = |tolerance: &str, value: &str| {
        format!(
            "events:\n{padding}counts:\n  - id: lorvia-arrivals\n    name: arrivals in Lorvia\n    unit: people\n{tolerance}    series:\n      - as_of: 2021-05-01\n        value: {value}\n        source: https://example.org/arrivals\n"
        )
    };
    for (text, place) in [
        (
            count("    tolerance: .nan\n", "100"),
            "field `counts[0].tolerance`: `NaN` is not a number",
        ),
        (
            count("", ".inf"),
            "field `counts[0].series[0].value`: `inf` is not a number",
        ),
        (
            count("    tolerance: -.Inf\n", "100"),
            "`-inf` is not a number",
        ),
    ] {
        assert!(text.len() >= 64 * 1024);
        let dir = workspace();
        write(dir.path(), "rules/facts.yaml", text.as_bytes());
        let cache = dir.path().join("cache");
        for _ in 0..2 {
            let run = {
                let out = command(dir.path(), &["check", "--rules", "rules", "drafts"])
                    .env("FACTCHECK_CACHE_DIR", &cache)
                    .output()
                    .expect("run");
                Run {
                    code: out.status.code(),
                    stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                    stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
                    took: Duration::ZERO,
                }
            };
            assert_eq!(run.code, Some(2), "{run:?}");
            assert!(run.stderr.contains(place), "{place}: {run:?}");
        }
        assert!(
            std::fs::read_dir(&cache).map_or(0, |d| d.count()) == 0,
            "a file that does not load was cached"
        );
    }
    let dir = workspace();
    write(
        dir.path(),
        "rules/facts.yaml",
        count("", "0.43150878218787675").as_bytes(),
    );
    write(
        dir.path(),
        "drafts/count.md",
        b"---\ndate: 2021-06-01\n---\nExactly 0.43150878218787675 arrivals in Lorvia were counted as of May 1, 2021.\n",
    );
    let cache = dir.path().join("cache");
    let check = || {
        let out = command(
            dir.path(),
            &[
                "check",
                "--rules",
                "rules",
                "--format",
                "json",
                "drafts/count.md",
            ],
        )
        .env("FACTCHECK_CACHE_DIR", &cache)
        .output()
        .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let cold = check();
    assert_eq!(std::fs::read_dir(&cache).expect("cache").count(), 1);
    let warm = check();
    assert_eq!(cold, warm);
}

/// The cache directory's trust model: created 0700; one writable by others is not used (one
/// warning, nothing read or written); a hand-edited entry fails its checksum and is parsed
/// again; a FIFO or a link to /dev/zero in place of an entry is neither waited on nor read.
#[test]
fn cache_trust_model() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let mut many = String::from(RULES);
    many.push_str("counts:\n  - id: lorvia-arrivals\n    name: arrivals in Lorvia\n    unit: people\n    series:\n      - as_of: 2021-05-01\n        value: 100\n        source: https://example.org/arrivals\n");
    many.push_str("# padding\n");
    while many.len() < 70 * 1024 {
        many.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    write(dir.path(), "rules/facts.yaml", many.as_bytes());
    write(
        dir.path(),
        "drafts/count.md",
        b"---\ndate: 2021-06-01\n---\nExactly 100 arrivals in Lorvia were counted as of May 1, 2021.\n",
    );
    let cache = dir.path().join("deep/cache");
    let check = || {
        let out = command(
            dir.path(),
            &[
                "check",
                "--rules",
                "rules",
                "--format",
                "json",
                "drafts/count.md",
            ],
        )
        .env("FACTCHECK_CACHE_DIR", &cache)
        .output()
        .expect("run");
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            took: Duration::ZERO,
        }
    };
    let cold = check();
    assert_eq!(cold.code, Some(0), "{cold:?}");
    let mode = std::fs::metadata(&cache)
        .expect("cache dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "{mode:o}");
    let entry = std::fs::read_dir(&cache)
        .expect("cache")
        .next()
        .expect("an entry")
        .expect("entry")
        .path();
    // Hand-edited: the checksum no longer matches, the file is parsed again.
    let text = std::fs::read_to_string(&entry).expect("entry");
    assert!(
        text.contains("\"value\":100.0") || text.contains("\"value\":100"),
        "{text}"
    );
    std::fs::write(&entry, text.replacen("\"value\":100", "\"value\":500", 1)).expect("edit");
    let edited = check();
    assert_eq!(
        edited.stdout, cold.stdout,
        "a hand-edited entry was believed"
    );
    // A FIFO and a link to an endless device in place of the entry.
    std::fs::remove_file(&entry).expect("rm");
    let status = Command::new("mkfifo").arg(&entry).status().expect("mkfifo");
    assert!(status.success());
    let start = Instant::now();
    let fifo = check();
    assert_eq!(fifo.stdout, cold.stdout);
    assert!(start.elapsed() < Duration::from_secs(20));
    std::fs::remove_file(&entry).ok();
    std::os::unix::fs::symlink("/dev/zero", &entry).expect("symlink");
    let zero = check();
    assert_eq!(zero.stdout, cold.stdout);
    // Writable by others: not used at all.
    std::fs::remove_file(&entry).ok();
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let open = check();
    assert_eq!(open.stdout, cold.stdout);
    assert_eq!(
        open.stderr.matches("warning: the cache directory").count(),
        1,
        "{open:?}"
    );
    assert!(
        open.stderr.contains("writable by its group or by others"),
        "{open:?}"
    );
    assert_eq!(
        std::fs::read_dir(&cache).expect("cache").count(),
        0,
        "an untrusted cache was written"
    );
}

/// `--output` to a character device or a FIFO writes through it (the device stays a device);
/// a link is followed and the file it points to replaced; a directory, a link to nothing, are
/// refused; a new file under the rules directory is refused like an existing one.
#[test]
fn output_to_devices_fifos_and_links() {
    use std::os::unix::fs::FileTypeExt;
    let dir = workspace();
    let expected = run(
        dir.path(),
        &["check", "--rules", "rules", "--format", "json", "drafts"],
    );
    assert_eq!(expected.code, Some(1));
    // /dev/null stays a character device.
    let null = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--output",
            "/dev/null",
            "drafts",
        ],
    );
    assert_eq!(null.code, Some(1), "{null:?}");
    assert!(
        std::fs::metadata("/dev/null")
            .expect("null")
            .file_type()
            .is_char_device()
    );
    // /dev/stdout: the report on standard output.
    let stdout = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--format",
            "json",
            "--output",
            "/dev/stdout",
            "drafts",
        ],
    );
    assert_eq!(stdout.code, Some(1), "{stdout:?}");
    assert_eq!(stdout.stdout, expected.stdout);
    // A FIFO: read by another thread, still a FIFO afterwards.
    let fifo = dir.path().join("out.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"))
    };
    let written = run(
        dir.path(),
        &[
            "check", "--rules", "rules", "--format", "json", "--output", "out.fifo", "drafts",
        ],
    );
    assert_eq!(written.code, Some(1), "{written:?}");
    assert_eq!(reader.join().expect("reader"), expected.stdout);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo()
    );
    // A link: followed, the real file replaced, the link kept.
    write(dir.path(), "reports/real.json", b"old");
    std::os::unix::fs::symlink("reports/real.json", dir.path().join("link.json")).expect("symlink");
    let linked = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--format",
            "json",
            "--output",
            "link.json",
            "drafts",
        ],
    );
    assert_eq!(linked.code, Some(1), "{linked:?}");
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.json"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("reports/real.json")).expect("real"),
        expected.stdout
    );
    // A link to nothing, a directory: refused, nothing created.
    std::os::unix::fs::symlink("nowhere/x.json", dir.path().join("dangling.json"))
        .expect("symlink");
    for (target, why) in [
        ("dangling.json", "a link to a file that does not exist"),
        ("reports", "it is a directory"),
    ] {
        let refused = run(
            dir.path(),
            &["check", "--rules", "rules", "--output", target, "drafts"],
        );
        assert_eq!(refused.code, Some(2), "{refused:?}");
        assert!(refused.stderr.contains(why), "{why}: {refused:?}");
    }
    assert!(!dir.path().join("nowhere").exists());
    // A new file under the rules directory (directly or through `..`): refused, so later runs
    // still load.
    for flag in ["--output", "--write-baseline"] {
        for target in ["rules/new.yaml", "drafts/../rules/new.yaml"] {
            let refused = run(
                dir.path(),
                &["check", "--rules", "rules", flag, target, "drafts"],
            );
            assert_eq!(refused.code, Some(2), "{refused:?}");
            assert!(
                refused
                    .stderr
                    .contains("would overwrite a file in the rules directory"),
                "{flag}: {refused:?}"
            );
            assert!(!dir.path().join("rules/new.yaml").exists());
        }
    }
    let later = run(dir.path(), &["check", "--rules", "rules", "drafts"]);
    assert_eq!(later.code, Some(1), "{later:?}");
}

/// `--output` keeps the mode of the file it replaces; a new file gets 0666 less the umask.
#[test]
fn output_file_modes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let report = write(dir.path(), "report.txt", b"old");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let kept = run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--output",
            "report.txt",
            "drafts",
        ],
    );
    assert_eq!(kept.code, Some(1), "{kept:?}");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&report), 0o644);
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    run(
        dir.path(),
        &[
            "check",
            "--rules",
            "rules",
            "--output",
            "report.txt",
            "drafts",
        ],
    );
    assert_eq!(mode(&report), 0o640);
    for (umask, want) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let name = format!("new-{umask}.txt");
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
            .arg(BIN)
            .args(["check", "--rules", "rules", "--output", &name, "drafts"])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .expect("run sh");
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        assert_eq!(mode(&dir.path().join(&name)), want, "umask {umask}");
    }
}

/// SIGINT or SIGTERM while `--output` is written: the temporary file is removed, and the
/// process ends by the signal.
#[test]
fn output_temporary_file_removed_on_sigint_and_sigterm() {
    use std::os::unix::process::ExitStatusExt;
    let dir = workspace();
    let body: String = (0..40)
        .map(|i| format!("The Varenko summit was held on May 6, 2021, item {i}.\n"))
        .collect();
    for i in 0..3000 {
        write(
            dir.path(),
            &format!("many/{i:04}.md"),
            format!("---\ndate: 2021-06-01\n---\n{body}").as_bytes(),
        );
    }
    std::fs::create_dir_all(dir.path().join("out")).expect("mkdir");
    let temps = || -> Vec<String> {
        std::fs::read_dir(dir.path().join("out"))
            .expect("out")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".factcheck-"))
            .collect()
    };
    for (signal, number) in [("-INT", 2), ("-TERM", 15)] {
        let mut child = command(
            dir.path(),
            &[
                "check",
                "--rules",
                "rules",
                "--format",
                "jsonl",
                "--output",
                "out/report.jsonl",
                "many",
            ],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
        let start = Instant::now();
        while temps().is_empty() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(2));
        }
        assert!(!temps().is_empty(), "no temporary file appeared");
        let status = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        let status = child.wait().expect("wait");
        assert_eq!(status.signal(), Some(number), "{status:?}");
        assert_eq!(
            temps(),
            Vec::<String>::new(),
            "the temporary file was left behind"
        );
        assert!(!dir.path().join("out/report.jsonl").exists());
    }
}

/// Output to a closed pipe: writing stops, checking goes on, and the exit code is the whole
/// run's (1 for a contradiction, whenever the reader went away), so `set -o pipefail` sees it.
#[test]
fn output_to_a_closed_pipe_keeps_the_verdict_exit_code() {
    let dir = workspace();
    for i in 0..400 {
        write(
            dir.path(),
            &format!("many/{i:03}.md"),
            TRUE_DRAFT.as_bytes(),
        );
    }
    write(dir.path(), "many/zzz.md", FALSE_DRAFT.as_bytes());
    for format in ["human", "json", "jsonl", "sarif"] {
        let out = Command::new("bash")
            .arg("-c")
            .arg("set -o pipefail; \"$0\" \"$@\" | head -c1 >/dev/null")
            .arg(BIN)
            .args([
                "check",
                "--rules",
                "rules",
                "--verbose",
                "--format",
                format,
                "many",
            ])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .expect("run sh");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(
            !stderr.contains("error") && !stderr.contains("panicked"),
            "{stderr}"
        );
    }
}

/// A year next to a date is the draft's, whatever it is: "September 17, 3023" is contradicted
/// (it was supported: the year was dropped), and from 10000 up the mention has no date (it is
/// never given the document's year).
#[test]
fn years_out_of_range_next_to_a_date() {
    let dir = workspace();
    for (text, code, verdict) in [
        (
            "The Varenko summit was held on May 4, 3021.",
            1,
            "contradicted",
        ),
        (
            "The Varenko summit was held on 4 May 3021.",
            1,
            "contradicted",
        ),
        (
            "The Varenko summit was held on May 4, 20213.",
            0,
            "unverifiable",
        ),
        (
            "The Varenko summit was held in May 20213.",
            0,
            "unverifiable",
        ),
        (
            "The Varenko summit was held on May 4, 2021.",
            0,
            "supported",
        ),
    ] {
        write(
            dir.path(),
            "drafts/year.md",
            format!("---\ndate: 2021-06-01\n---\n{text}\n").as_bytes(),
        );
        let run = run(
            dir.path(),
            &[
                "check",
                "--rules",
                "rules",
                "--format",
                "json",
                "drafts/year.md",
            ],
        );
        assert_eq!(run.code, Some(code), "{text}: {run:?}");
        let report = json(&run);
        assert_eq!(
            file(&report, "drafts/year.md")["claims"][0]["verdict"],
            verdict,
            "{text}: {run:?}"
        );
    }
}

/// `[dates]` lookups: a config named by its bare file name and a draft path with `..` still
/// find their date; a glob that matches no file is warned about.
#[test]
fn dates_config_paths_are_normalised() {
    let dir = workspace();
    write(
        dir.path(),
        "factcheck.toml",
        b"rules = \"rules\"\n[dates]\n\"drafts/plain.txt\" = \"2021-05-05\"\n\"drafts/typo-*.txt\" = \"2021-05-05\"\n",
    );
    write(
        dir.path(),
        "drafts/plain.txt",
        b"The Varenko summit was held yesterday.\n",
    );
    std::fs::create_dir_all(dir.path().join("other")).expect("mkdir");
    for args in [
        &[
            "check",
            "--config",
            "factcheck.toml",
            "--format",
            "json",
            "drafts/plain.txt",
        ][..],
        &[
            "check",
            "--config",
            "./factcheck.toml",
            "--format",
            "json",
            "other/../drafts/plain.txt",
        ],
        &["check", "--format", "json", "other/../drafts/plain.txt"],
    ] {
        let run = run(dir.path(), args);
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
        let report = json(&run);
        let claim = &report["files"][0]["claims"][0];
        assert_eq!(claim["verdict"], "supported", "{args:?}: {run:?}");
        assert_eq!(
            run.stderr
                .matches("[dates] `drafts/typo-*.txt` matches no file")
                .count(),
            1,
            "{run:?}"
        );
        assert!(
            !run.stderr.contains("drafts/plain.txt` matches no file"),
            "{run:?}"
        );
    }
}

/// `--config` naming a FIFO or `/dev/zero`: refused at once (regular files only), and a config
/// over 1 MiB is refused without reading it all.
#[test]
fn config_fifo_and_endless_device() {
    let dir = workspace();
    let fifo = dir.path().join("config.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    write(dir.path(), "big.toml", "# x\n".repeat(300_000).as_bytes());
    for (config, why) in [
        ("config.fifo", "not a regular file"),
        ("/dev/zero", "not a regular file"),
        ("big.toml", "over the limit of 1048576 bytes"),
    ] {
        let run = run_limited(
            dir.path(),
            &["check", "--config", config, "--rules", "rules", "drafts"],
        );
        assert_eq!(run.code, Some(2), "{run:?}");
        assert!(
            run.stderr.contains("cannot read config file") && run.stderr.contains(why),
            "{run:?}"
        );
        assert!(run.took < Duration::from_secs(10), "{run:?}");
    }
}

/// `rules lint` over 20,000 holders of one role at once: linear output (one finding per
/// holder after the first), in seconds, not minutes (it was 102 s and 11 GB).
#[test]
fn rules_lint_many_overlapping_holders() {
    let dir = workspace();
    let mut text = String::from("offices:\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "  - id: p{i}\n    person: Person Number{i} Example\n    source: https://example.org/{i}\n    roles:\n      - title: Special Envoy\n        organisation: Testland\n        from: 2020-01-01\n        to: 2021-12-31\n"
        ));
    }
    write(dir.path(), "rules/facts.yaml", text.as_bytes());
    let run = run_limited(dir.path(), &["rules", "lint", "rules"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout.lines().count(), 19_999, "{run:?}");
    assert!(
        run.stdout
            .lines()
            .all(|l| l.contains("overlaps `p0`'s tenure"))
    );
    assert!(run.took < Duration::from_secs(60), "{run:?}");
    // A shared role has no limit.
    write(
        dir.path(),
        "rules/facts.yaml",
        text.replace(
            "        to: 2021-12-31\n",
            "        to: 2021-12-31\n        shared: true\n",
        )
        .as_bytes(),
    );
    let shared = run_limited(dir.path(), &["rules", "lint", "rules"]);
    assert_eq!(shared.code, Some(0), "{shared:?}");
}

/// A phrase that is only articles (`the`, `the the`) would match every "the": a load error.
#[test]
fn rules_phrase_of_only_articles() {
    bad_rules(
        &RULES.replace("cues: [\"Varenko summit\", ", "cues: [\"the\", "),
        "rules/facts.yaml:5:5: field `events[0].cues[0]`: `the` is only articles",
    );
    bad_rules(
        &RULES.replace("cues: [\"Varenko summit\", ", "cues: [\"The the\", "),
        "field `events[0].cues[0]`: `The the` is only articles",
    );
}

/// Cosmetics: `--help` to a full disk fails; with `--date 0000-01-01` a date before year 0 is
/// no date (it printed as `-001-12-31`).
#[test]
fn help_to_a_full_disk_and_dates_before_year_zero() {
    let dir = workspace();
    for args in [&["--help"][..], &["--version"], &["check", "--help"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = command(dir.path(), args)
            .stdout(full)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("No space left"),
            "{out:?}"
        );
    }
    write(
        dir.path(),
        "drafts/zero.md",
        b"The Varenko summit was held yesterday.\n",
    );
    let run = run(
        dir.path(),
        &[
            "claims",
            "--date",
            "0000-01-01",
            "--format",
            "json",
            "drafts/zero.md",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        !run.stdout.contains("-001-") && !run.stdout.contains("-0001-"),
        "{run:?}"
    );
}

/// A number too large for a float to hold exactly is restated as the draft writes it, never as
/// the nearest float ("100000000000000000000").
#[test]
fn huge_numbers_are_quoted_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "rules/boats.yaml",
        b"counts:\n  - id: boats\n    name: boats\n    cues: [boats arrived]\n    unit: boats\n    series:\n      - as_of: 2020-01-01\n        value: 5\n        source: https://example.org/boats\n",
    );
    write(
        dir.path(),
        "draft.md",
        b"---\ndate: 2021-01-01\n---\n99999999999999999999 boats arrived.\n",
    );
    let run = run(dir.path(), &["check", "--color", "never", "draft.md"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout.contains("not 99999999999999999999 as written"),
        "{run:?}"
    );
    assert!(!run.stdout.contains("100000000000000000000"), "{run:?}");
}
