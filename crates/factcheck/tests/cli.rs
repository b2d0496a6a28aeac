//! CLI tests (trycmd): exit codes and messages of the real binary, one case a `.toml` file under
//! `tests/cmd/`, with the expected standard output and error beside it. Regenerate the expected
//! files with `TRYCMD=overwrite cargo test -p factcheck --test cli` and review the diff.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
