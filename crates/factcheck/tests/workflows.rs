//! The CI workflows of docs/ci.md through the real binary, each in a temporary directory:
//! `factcheck snapshot` (pass, a difference with its diff, a missing snapshot, `--update`, an
//! orphan, a pending file, `snapshot review` at a pseudo-terminal), baselines (an accepted finding
//! hidden, a new one failing, with the draft edited above the claim), `--changed-since` in a
//! temporary git repository, and the same bytes on any thread count.
//!
//! The pseudo-terminal is opened with `libc::openpty` (libc is already a dependency of the
//! binary): the review prompt is answered the way a person at a terminal answers it.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RULES: &str = "# Invented facts: no real event or person.
events:
  - id: varenko-summit
    name: Varenko summit
    cues: [\"Varenko summit\"]
    date: 2021-05-04
    source: https://example.org/varenko-summit
  - id: orlen-treaty
    name: Orlen treaty
    cues: [\"Orlen treaty\"]
    date: 2019-03-02
    source: https://example.org/orlen-treaty
";

const FRONT: &str = "---\ndate: 2021-06-01\n---\n";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_factcheck")
}

/// A directory with `factcheck.toml`, `rules/` and the given drafts.
fn project(drafts: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    write(dir.path(), "factcheck.toml", "rules = \"rules\"\n");
    write(dir.path(), "rules/facts.yaml", RULES);
    for (path, text) in drafts {
        write(dir.path(), path, text);
    }
    dir
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_with(dir, args, &[])
}

fn run_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(bin());
    cmd.current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        // A temporary directory is never inside the repository of the tests.
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap_or(dir));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("factcheck runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

const SNAP: &str = ".factcheck/snapshots/drafts/a.md.fcsnap";

#[test]
fn snapshot_missing_then_updated_then_passing_then_differing() {
    let a = format!("{FRONT}The Varenko summit was held on May 4, 2021.\n");
    let dir = project(&[("drafts/a.md", &a)]);
    let root = dir.path();

    // No snapshot yet: a failure, with the new snapshot written beside it.
    let o = run(root, &["snapshot", "drafts"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("no snapshot of drafts/a.md yet"));
    assert!(stdout(&o).contains("+claim \"The Varenko summit was held on May 4, 2021\""));
    assert!(root.join(format!("{SNAP}.new")).exists());
    assert!(!root.join(SNAP).exists());

    // --update accepts it; the run passes and the `.new` file is gone.
    let o = run(root, &["snapshot", "--update", "drafts"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!root.join(format!("{SNAP}.new")).exists());
    let snap = read(root, SNAP);
    assert!(snap.contains("    verdict: supported\n    check: event-date\n"));
    assert!(
        !snap.contains("line:") && !snap.contains(":4:"),
        "no line numbers in a snapshot"
    );

    let o = run(root, &["snapshot", "drafts"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("1 unchanged"));

    // A paragraph added above changes the snapshot by its own claim only.
    let edited = format!(
        "{FRONT}The Orlen treaty was signed on March 2, 2019.\n\nThe Varenko summit was held on May 4, 2021.\n"
    );
    write(root, "drafts/a.md", &edited);
    let o = run(root, &["snapshot", "drafts"]);
    assert_eq!(code(&o), 1);
    let diff = stdout(&o);
    assert!(
        diff.contains(&format!("--- a/{SNAP}\n+++ b/{SNAP}.new\n")),
        "{diff}"
    );
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect();
    assert!(changed.iter().all(|l| l.starts_with('+')), "{diff}");
    assert!(changed.iter().any(|l| l.contains("Orlen treaty")), "{diff}");
    assert!(!changed.iter().any(|l| l.contains("Varenko")), "{diff}");
    // The snapshot itself is untouched until accepted.
    assert_eq!(read(root, SNAP), snap);

    // A verdict that changes is a difference too; the verdicts themselves never fail a run.
    let wrong = format!("{FRONT}The Varenko summit was held on May 6, 2021.\n");
    write(root, "drafts/a.md", &wrong);
    let o = run(root, &["snapshot", "--update", "drafts"]);
    assert_eq!(
        code(&o),
        0,
        "a contradicted claim does not fail a snapshot run"
    );
    assert!(read(root, SNAP).contains("verdict: contradicted"));
}

#[test]
fn orphans_and_left_over_pending_files_are_reported() {
    let a = format!("{FRONT}The Varenko summit was held on May 4, 2021.\n");
    let dir = project(&[("drafts/a.md", &a), ("drafts/b.md", &a)]);
    let root = dir.path();
    assert_eq!(code(&run(root, &["snapshot", "--update", "drafts"])), 0);

    // b.md is deleted: its snapshot is an orphan. c.md gets a pending file, then is left out.
    std::fs::remove_file(root.join("drafts/b.md")).expect("rm");
    write(root, "drafts/c.md", &a);
    assert_eq!(code(&run(root, &["snapshot", "drafts/c.md"])), 1);
    let o = run(root, &["snapshot", "drafts/a.md"]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(
        err.contains("orphan: .factcheck/snapshots/drafts/b.md.fcsnap: the draft drafts/b.md no longer exists"),
        "{err}"
    );
    assert!(
        err.contains(
            "pending: .factcheck/snapshots/drafts/c.md.fcsnap.new is left from an earlier run"
        ),
        "{err}"
    );

    // --update removes the orphan.
    let o = run(root, &["snapshot", "--update", "drafts"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("removed .factcheck/snapshots/drafts/b.md.fcsnap"));
    assert!(
        !root
            .join(".factcheck/snapshots/drafts/b.md.fcsnap")
            .exists()
    );
}

#[test]
fn snapshot_errors_exit_2_and_write_nothing() {
    let bad = format!(
        "{FRONT}<!-- factcheck-ignore: event-date -->\nThe Varenko summit was held on May 6, 2021.\n"
    );
    let good = format!("{FRONT}The Varenko summit was held on May 4, 2021.\n");
    let dir = project(&[("drafts/bad.md", &bad), ("drafts/good.md", &good)]);
    let root = dir.path();
    let o = run(root, &["snapshot", "drafts"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("error: drafts/bad.md:4:1: a suppression needs a reason"),
        "{}",
        stderr(&o)
    );
    assert!(
        !root
            .join(".factcheck/snapshots/drafts/bad.md.fcsnap.new")
            .exists()
    );
    // The other draft still gets its snapshot.
    assert!(
        root.join(".factcheck/snapshots/drafts/good.md.fcsnap.new")
            .exists()
    );
}

#[test]
fn draft_walks_skip_the_snapshot_directory() {
    let a = format!("{FRONT}The Varenko summit was held on May 4, 2021.\n");
    let dir = project(&[("drafts/a.md", &a)]);
    let root = dir.path();
    std::fs::write(
        root.join("factcheck.toml"),
        "rules = \"rules\"\nsnapshots = \"drafts/snapshots\"\n",
    )
    .expect("write");
    assert_eq!(code(&run(root, &["snapshot", "--update", "drafts"])), 0);
    assert!(root.join("drafts/snapshots/drafts/a.md.fcsnap").exists());
    // A Markdown file in the snapshot directory is never a draft.
    write(
        root,
        "drafts/snapshots/notes.md",
        "The Varenko summit was held on May 9, 2021.\n",
    );
    let o = run(root, &["check", "--format", "json", "drafts"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(!stdout(&o).contains("notes.md"));
}

#[test]
fn snapshots_are_byte_identical_on_any_thread_count() {
    let mut drafts = Vec::new();
    for i in 0..12 {
        let day = 3 + i % 4;
        drafts.push((
            format!("drafts/d{i:02}.md"),
            format!("{FRONT}The Varenko summit was held on May {day}, 2021. The Orlen treaty was signed on March 2, 2019.\n\nThe Varenko summit was held on May {day}, 2021.\n"),
        ));
    }
    let drafts: Vec<(&str, &str)> = drafts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let one = project(&drafts);
    let many = project(&drafts);
    for (dir, threads) in [(&one, "1"), (&many, "4")] {
        let o = run_with(
            dir.path(),
            &["snapshot", "--update", "drafts"],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let o = run_with(
            dir.path(),
            &["check", "--write-baseline", "baseline.json", "drafts"],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    for (path, _) in &drafts {
        let snap = format!(".factcheck/snapshots/{path}.fcsnap");
        assert_eq!(read(one.path(), &snap), read(many.path(), &snap), "{snap}");
    }
    assert_eq!(
        read(one.path(), "baseline.json"),
        read(many.path(), "baseline.json")
    );
    // And across runs.
    let again = run_with(
        many.path(),
        &["check", "--write-baseline", "again.json", "drafts"],
        &[("RAYON_NUM_THREADS", "2")],
    );
    assert_eq!(code(&again), 0);
    assert_eq!(
        read(many.path(), "baseline.json"),
        read(many.path(), "again.json")
    );
}

/// Opens a pseudo-terminal: (controller, the terminal's file for the child).
fn openpty() -> (std::fs::File, std::os::fd::OwnedFd) {
    use std::os::fd::FromRawFd;
    let (mut controller, mut terminal) = (0, 0);
    // SAFETY: openpty writes two new descriptors into the integers it is given; the name,
    // termios and window size pointers may be null.
    let rc = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned by nothing else.
    unsafe {
        (
            std::fs::File::from_raw_fd(controller),
            std::os::fd::OwnedFd::from_raw_fd(terminal),
        )
    }
}

#[test]
fn review_accepts_one_and_rejects_one_at_a_terminal() {
    let a = format!("{FRONT}The Varenko summit was held on May 4, 2021.\n");
    let b = format!("{FRONT}The Orlen treaty was signed on March 2, 2019.\n");
    let dir = project(&[("drafts/a.md", &a), ("drafts/b.md", &b)]);
    let root = dir.path();
    assert_eq!(code(&run(root, &["snapshot", "drafts"])), 1);

    // Without a terminal, review refuses and names the way out.
    let o = run(root, &["snapshot", "review"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--update"));

    let (mut controller, terminal) = openpty();
    let mut child = Command::new(bin())
        .current_dir(root)
        .args(["snapshot", "review"])
        .stdin(terminal.try_clone().expect("dup"))
        .stdout(terminal.try_clone().expect("dup"))
        .stderr(terminal)
        .spawn()
        .expect("factcheck runs");
    // The child holds the terminal now; the reader ends when it exits (EIO).
    let screen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let reader = {
        let screen = screen.clone();
        let mut controller = controller.try_clone().expect("dup");
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = controller.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen.lock().expect("lock").extend_from_slice(&buf[..n]);
            }
        })
    };
    let prompts = |screen: &std::sync::Mutex<Vec<u8>>| {
        String::from_utf8_lossy(&screen.lock().expect("lock"))
            .matches("accept (a), reject (r), skip (s), quit (q)? ")
            .count()
    };
    let wait_for = |n: usize| {
        let start = std::time::Instant::now();
        while prompts(&screen) < n {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(60),
                "no prompt {n}: {}",
                String::from_utf8_lossy(&screen.lock().expect("lock"))
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    wait_for(1);
    controller.write_all(b"a\n").expect("type");
    wait_for(2);
    controller.write_all(b"r\n").expect("type");
    let status = child.wait().expect("review ends");
    drop(controller);
    let _ = reader.join();
    let screen = String::from_utf8_lossy(&screen.lock().expect("lock")).into_owned();
    assert!(status.success(), "{screen}");
    assert!(
        screen.contains("── drafts/a.md (new; 1 of 2) ──"),
        "{screen}"
    );
    assert!(
        screen.contains("+claim \"The Varenko summit was held on May 4, 2021\""),
        "{screen}"
    );
    assert!(
        screen.contains("1 accepted, 1 rejected, 0 skipped"),
        "{screen}"
    );
    assert!(
        root.join(".factcheck/snapshots/drafts/a.md.fcsnap")
            .exists()
    );
    assert!(
        !root
            .join(".factcheck/snapshots/drafts/a.md.fcsnap.new")
            .exists()
    );
    assert!(
        !root
            .join(".factcheck/snapshots/drafts/b.md.fcsnap")
            .exists()
    );
    assert!(
        !root
            .join(".factcheck/snapshots/drafts/b.md.fcsnap.new")
            .exists()
    );
    // a.md now passes; b.md has no snapshot and still fails.
    let o = run(root, &["snapshot", "drafts"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("no snapshot of drafts/b.md yet"));
    assert!(!stdout(&o).contains("drafts/a.md"));
}

#[test]
fn a_baseline_hides_an_accepted_finding_and_fails_on_a_new_one() {
    let a = format!("{FRONT}# Coverage\n\nThe Varenko summit was held on May 6, 2021.\n");
    let dir = project(&[("drafts/a.md", &a)]);
    let root = dir.path();

    let o = run(root, &["check", "--color", "never", "drafts"]);
    assert_eq!(code(&o), 1);
    let o = run(
        root,
        &["check", "--write-baseline", "baseline.json", "drafts"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 1 finding to the baseline baseline.json"));
    let baseline = read(root, "baseline.json");
    assert!(baseline.contains("\"claim\": \"The Varenko summit was held on May 6, 2021\""));
    assert!(!baseline.contains("\"line\""), "keys carry no position");

    let o = run(
        root,
        &[
            "check",
            "--color",
            "never",
            "--baseline",
            "baseline.json",
            "drafts",
        ],
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(!stdout(&o).contains("error[event-date]"));

    // A paragraph with a new wrong date above the accepted claim: the accepted one moves two
    // lines down and stays accepted; the new one fails the run.
    let edited = format!(
        "{FRONT}# Coverage\n\nThe Orlen treaty was signed on March 9, 2019.\n\nThe Varenko summit was held on May 6, 2021.\n"
    );
    write(root, "drafts/a.md", &edited);
    let o = run(
        root,
        &[
            "check",
            "--color",
            "never",
            "--baseline",
            "baseline.json",
            "drafts",
        ],
    );
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.contains("Orlen treaty: 2019-03-02, not March 9, 2019"),
        "{out}"
    );
    assert!(!out.contains("Varenko summit: 2021-05-04"), "{out}");
    assert!(stderr(&o).contains("1 in the baseline"), "{}", stderr(&o));

    // --show-baselined shows it, marked.
    let o = run(
        root,
        &[
            "check",
            "--color",
            "never",
            "--baseline",
            "baseline.json",
            "--show-baselined",
            "drafts",
        ],
    );
    assert!(
        stdout(&o).contains("= accepted: baselined"),
        "{}",
        stdout(&o)
    );

    // JSON marks it; SARIF gives each result its baseline state.
    let o = run(
        root,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "drafts",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let marks: Vec<(String, bool)> = json["files"][0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .flat_map(|c| c["assertions"].as_array().cloned().unwrap_or_default())
        .filter(|a| a["verdict"] == "contradicted")
        .map(|a| {
            (
                a["text"].as_str().unwrap_or("").to_string(),
                a.get("baselined").is_some(),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            ("March 9, 2019".to_string(), false),
            ("May 6, 2021".to_string(), true)
        ]
    );
    let o = run(
        root,
        &[
            "check",
            "--format",
            "sarif",
            "--baseline",
            "baseline.json",
            "drafts",
        ],
    );
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let states: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["level"] == "error")
        .map(|r| r["baselineState"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(states, ["new", "unchanged"]);

    // The accepted claim is corrected: its entry is stale, and reported.
    let fixed = edited
        .replace("May 6", "May 4")
        .replace("March 9", "March 2");
    write(root, "drafts/a.md", &fixed);
    let o = run(root, &["check", "--baseline", "baseline.json", "drafts"]);
    assert_eq!(code(&o), 0);
    assert!(
        stderr(&o).contains("baseline.json: 1 baselined finding no longer occurs"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("drafts/a.md: event-date `May 6, 2021`"));

    // A baseline that is not one is an error naming the file, line and column.
    write(
        root,
        "broken.json",
        "{\n  \"factcheck_baseline\": 1,\n  \"findings\": [x]\n}\n",
    );
    let o = run(root, &["check", "--baseline", "broken.json", "drafts"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("broken.json:3:16: not a factcheck baseline"),
        "{}",
        stderr(&o)
    );
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=factcheck",
            "-c",
            "user.email=factcheck@example.org",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap_or(dir))
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn checked_paths(o: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(o), stderr(o)));
    json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn changed_since_checks_changed_drafts_or_all_when_a_rule_changed() {
    let a = format!("{FRONT}The Varenko summit was held on May 4, 2021.\n");
    let dir = project(&[
        ("drafts/a.md", &a),
        ("drafts/b.md", &a),
        ("drafts/c.md", &a),
    ]);
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "drafts"]);
    git(root, &["checkout", "-q", "-b", "topic"]);
    write(
        root,
        "drafts/b.md",
        &format!("{a}\nThe Orlen treaty was signed on March 2, 2019.\n"),
    );
    git(root, &["commit", "-q", "-am", "b"]);
    write(root, "drafts/d.md", &a); // untracked
    write(root, "drafts/c.md", &format!("{a}\nMore.\n")); // changed, not committed

    let args = [
        "check",
        "--format",
        "json",
        "--changed-since",
        "main",
        "drafts",
    ];
    let o = run(root, &args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        checked_paths(&o),
        ["drafts/b.md", "drafts/c.md", "drafts/d.md"]
    );
    assert!(
        stderr(&o).contains("3 of 4 drafts changed; no rule file changed"),
        "{}",
        stderr(&o)
    );

    // A changed rule file: every draft.
    let rules = read(root, "rules/facts.yaml").replace("2019-03-02", "2019-03-03");
    write(root, "rules/facts.yaml", &rules);
    git(root, &["commit", "-q", "-am", "rule"]);
    let o = run(root, &args);
    assert_eq!(code(&o), 1, "the changed rule contradicts b.md");
    assert_eq!(
        checked_paths(&o),
        ["drafts/a.md", "drafts/b.md", "drafts/c.md", "drafts/d.md"]
    );
    assert!(
        stderr(&o).contains("rules/facts.yaml changed: checking all 4 drafts"),
        "{}",
        stderr(&o)
    );

    // A revision the clone lacks (a shallow clone): an error naming the fix.
    let o = run(root, &["check", "--changed-since", "origin/main", "drafts"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("fetch-depth: 0"), "{}", stderr(&o));
}

#[test]
fn changed_since_outside_git_checks_everything_with_a_warning() {
    let a = format!("{FRONT}The Varenko summit was held on May 4, 2021.\n");
    let dir = project(&[("drafts/a.md", &a), ("drafts/b.md", &a)]);
    let o = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--changed-since",
            "main",
            "drafts",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(checked_paths(&o), ["drafts/a.md", "drafts/b.md"]);
    assert!(stderr(&o).contains("warning: --changed-since main: not inside a git repository"));
}

#[test]
fn gitlab_reports_are_code_quality_json() {
    let a = format!("{FRONT}The Varenko summit was held on May 6, 2021.\n");
    let dir = project(&[("drafts/a.md", &a)]);
    let o = run(dir.path(), &["check", "--format", "gitlab", "drafts"]);
    assert_eq!(code(&o), 1);
    let issues: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let issue = &issues[0];
    assert_eq!(issue["check_name"], "factcheck/event-date");
    assert_eq!(issue["severity"], "major");
    assert_eq!(issue["location"]["path"], "drafts/a.md");
    assert_eq!(issue["location"]["lines"]["begin"], 4);
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the workspace root")
        .to_path_buf()
}

/// The user-facing snapshot path over one seed draft, against the snapshot committed under
/// `.factcheck/snapshots/` (this repository's other seed snapshots are insta's, in `snapshots/`).
/// When it fails, review the `.new` file it wrote: `factcheck snapshot review`.
#[test]
fn the_seed_article_matches_its_committed_snapshot() {
    let o = Command::new(bin())
        .current_dir(workspace())
        .args(["snapshot", "seeds/000_414de2cf1f6c4a3e.txt"])
        .output()
        .expect("factcheck runs");
    assert_eq!(
        code(&o),
        0,
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 draft(s): 1 unchanged"));
}
