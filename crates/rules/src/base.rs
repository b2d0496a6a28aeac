//! The fact base: validated facts, where each was written, and the alias index.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::cache::{self, ParseCache};
use crate::format::{CountFact, EventFact, Example, OfficeFact, RuleFile};
use crate::index::Index;
use crate::yaml::{self, Locator};
use crate::{LoadError, MAX_FILE_BYTES, RuleError, validate};

/// Every fact of a rules directory and one alias index over them, built once by [`crate::load`]
/// and shared read-only by every check (it is `Send + Sync`).
pub struct FactBase {
    pub(crate) facts: Vec<Fact>,
    pub(crate) files: Vec<PathBuf>,
    /// The text of each file, for positions found when they are needed (examples, lint).
    pub(crate) sources: Vec<String>,
    places: Vec<OnceLock<Places>>,
    pub(crate) index: Index,
}

/// Where the facts and examples of one file are written.
#[derive(Default)]
struct Places {
    items: HashMap<(String, usize), (usize, usize)>,
    examples: HashMap<(String, usize), Vec<usize>>,
}

impl std::fmt::Debug for FactBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FactBase")
            .field("facts", &self.facts.len())
            .field("files", &self.files.len())
            .field("phrases", &self.index.patterns().len())
            .finish()
    }
}

impl FactBase {
    /// A fact base with no facts: every assertion is unverifiable, and the built-in checks
    /// (run by the engine) still decide theirs.
    pub fn empty() -> FactBase {
        FactBase {
            facts: Vec::new(),
            files: Vec::new(),
            sources: Vec::new(),
            places: Vec::new(),
            index: Index::build(&[]).expect("an empty index builds"),
        }
    }

    /// Number of facts.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Number of rule files read.
    pub fn files(&self) -> usize {
        self.files.len()
    }

    /// Ids of every fact, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.facts.iter().map(|f| f.id())
    }

    /// Every example of every fact, in file order: what `rules test` runs through the pipeline.
    pub fn example_cases(&self) -> Vec<ExampleCase<'_>> {
        let mut out = Vec::new();
        for fact in &self.facts {
            for (j, ex) in fact.examples().iter().enumerate() {
                out.push(ExampleCase {
                    fact_id: fact.id(),
                    path: self.path_of(fact),
                    line: self.example_line(fact, j),
                    text: &ex.text,
                    date: ex.date.get().first(),
                    expected: ex.verdict.into(),
                });
            }
        }
        out
    }

    pub(crate) fn fact(&self, i: u32) -> &Fact {
        &self.facts[i as usize]
    }

    pub(crate) fn path_of(&self, fact: &Fact) -> &Path {
        &self.files[fact.file as usize]
    }

    fn places(&self, file: u32) -> &Places {
        self.places[file as usize].get_or_init(|| {
            let locator = Locator::new(&self.sources[file as usize]);
            let mut places = Places::default();
            for (list, i, line, column) in locator.items() {
                places.items.insert((list.to_string(), i), (line, column));
            }
            for (list, i, _j, line) in locator.examples() {
                places
                    .examples
                    .entry((list.to_string(), i))
                    .or_default()
                    .push(line);
            }
            places
        })
    }

    /// Line and column where a fact is written (the first key of its list item).
    pub(crate) fn position(&self, fact: &Fact) -> (usize, usize) {
        let key = (fact.list().to_string(), fact.index as usize);
        self.places(fact.file)
            .items
            .get(&key)
            .copied()
            .unwrap_or((1, 1))
    }

    /// Line of example `j` of a fact.
    pub(crate) fn example_line(&self, fact: &Fact, j: usize) -> usize {
        let key = (fact.list().to_string(), fact.index as usize);
        let line = self
            .places(fact.file)
            .examples
            .get(&key)
            .and_then(|l| l.get(j))
            .copied();
        line.unwrap_or_else(|| self.position(fact).0)
    }
}

/// One example of a fact (`examples:` in a rule file), for `rules test`.
#[derive(Debug, Clone, Copy)]
pub struct ExampleCase<'a> {
    pub fact_id: &'a str,
    /// The rule file and the line of the example in it.
    pub path: &'a Path,
    pub line: usize,
    pub text: &'a str,
    /// The document date the example is read against.
    pub date: factcheck_model::Date,
    /// The verdict it must get.
    pub expected: factcheck_model::Verdict,
}

/// A validated fact and where it was written.
#[derive(Debug)]
pub(crate) struct Fact {
    pub body: Body,
    pub file: u32,
    /// Position of the fact in its file's list (`events[index]`).
    pub index: u32,
}

#[derive(Debug)]
pub(crate) enum Body {
    Event(EventFact),
    Office(OfficeFact),
    Count(CountFact),
}

impl Fact {
    pub fn id(&self) -> &str {
        match &self.body {
            Body::Event(e) => &e.id,
            Body::Office(o) => &o.id,
            Body::Count(c) => &c.id,
        }
    }

    /// What a message calls the fact.
    pub fn name(&self) -> &str {
        match &self.body {
            Body::Event(e) => &e.name,
            Body::Office(o) => &o.person,
            Body::Count(c) => &c.name,
        }
    }

    /// The list the fact is written in.
    pub fn list(&self) -> &'static str {
        match &self.body {
            Body::Event(_) => "events",
            Body::Office(_) => "offices",
            Body::Count(_) => "counts",
        }
    }

    /// The field path of the fact in its file (`events[3]`).
    pub fn path(&self) -> String {
        format!("{}[{}]", self.list(), self.index)
    }

    /// The fact's own sources.
    pub fn sources(&self) -> &[String] {
        match &self.body {
            Body::Event(e) => &e.source.0,
            Body::Office(o) => &o.source.0,
            Body::Count(c) => &c.source.0,
        }
    }

    pub fn examples(&self) -> &[Example] {
        match &self.body {
            Body::Event(e) => &e.examples,
            Body::Office(o) => &o.examples,
            Body::Count(c) => &c.examples,
        }
    }

    pub fn event(&self) -> Option<&EventFact> {
        match &self.body {
            Body::Event(e) => Some(e),
            _ => None,
        }
    }

    pub fn office(&self) -> Option<&OfficeFact> {
        match &self.body {
            Body::Office(o) => Some(o),
            _ => None,
        }
    }

    pub fn count(&self) -> Option<&CountFact> {
        match &self.body {
            Body::Count(c) => Some(c),
            _ => None,
        }
    }
}

fn error(
    path: &Path,
    pos: Option<(usize, usize)>,
    field: Option<String>,
    message: String,
) -> RuleError {
    // A rule file may hold (or be a link to) a secret: messages quote excerpts only.
    RuleError {
        path: path.to_path_buf(),
        line: pos.map(|p| p.0),
        column: pos.map(|p| p.1),
        field: field.map(|f| {
            if f.chars().count() > 80 {
                yaml::excerpt(&f)
            } else {
                f
            }
        }),
        message: yaml::shorten_quotes(&message),
    }
}

/// Reads the rule files of a directory (recursively; `.yaml`/`.yml`; hidden entries skipped).
pub(crate) fn read_dir(dir: &Path) -> Result<Vec<(PathBuf, String)>, LoadError> {
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(error(
                    &d,
                    None,
                    None,
                    format!("cannot read the rules directory: {e}"),
                ));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(error(
                        &d,
                        None,
                        None,
                        format!("cannot list the directory: {e}"),
                    ));
                    continue;
                }
            };
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if is_dir {
                todo.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            ) {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    // Links to rule files are followed inside the rules directory only: a link leading out of
    // it (`rules/x.yaml -> ~/.env`) is refused without reading what it points to.
    let root = std::fs::canonicalize(dir).ok();
    for path in paths {
        if let Some(root) = &root
            && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
            && let Ok(real) = std::fs::canonicalize(&path)
            && !real.starts_with(root)
        {
            errors.push(error(
                &path,
                None,
                None,
                format!(
                    "a link to {}, outside the rules directory: not followed",
                    real.display()
                ),
            ));
            continue;
        }
        match std::fs::metadata(&path) {
            // A FIFO would block forever and a device never ends: only regular files are read.
            Ok(m) if !m.is_file() => {
                errors.push(error(&path, None, None, "not a regular file".into()));
                continue;
            }
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                errors.push(too_big(&path, m.len() as usize));
                continue;
            }
            Err(e) => {
                errors.push(error(&path, None, None, format!("cannot read: {e}")));
                continue;
            }
            Ok(_) => {}
        }
        match read_at_most(&path, MAX_FILE_BYTES) {
            Ok(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => {
                errors.push(too_big(&path, bytes.len()));
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push((path, text)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(&e.as_bytes()[..at]);
                    let line = text.matches('\n').count() + 1;
                    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    errors.push(error(
                        &path,
                        Some((line, column)),
                        None,
                        "the file is not UTF-8".into(),
                    ));
                }
            },
            Err(e) => errors.push(error(&path, None, None, format!("cannot read: {e}"))),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(LoadError { errors })
    }
}

/// Reads at most `limit + 1` bytes, so a file that grows (or lies about its size) cannot exhaust
/// memory; a result longer than `limit` means "too big".
fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn too_big(path: &Path, len: usize) -> RuleError {
    error(
        path,
        Some((1, 1)),
        None,
        format!("the file is {len} bytes, over the limit of {MAX_FILE_BYTES} bytes: split it"),
    )
}

fn parse_file(
    path: &Path,
    text: &str,
    cache: Option<&dyn ParseCache>,
) -> (Option<RuleFile>, Vec<RuleError>) {
    if text.len() as u64 > MAX_FILE_BYTES {
        return (None, vec![too_big(path, text.len())]);
    }
    match cache::parse(cache, text, yaml::parse) {
        Ok(mut f) => {
            for role in f.offices.iter_mut().flat_map(|o| &mut o.roles) {
                role.prepare();
            }
            (Some(f), Vec::new())
        }
        Err(e) => (
            None,
            vec![error(path, Some((e.line, e.column)), e.field, e.message)],
        ),
    }
}

/// The problems of the facts of one file, each at the line and column of its field.
fn validate_file(path: &Path, text: &str, facts: &[Fact]) -> Vec<RuleError> {
    let problems: Vec<(String, String)> = facts.iter().flat_map(validate::fact).collect();
    if problems.is_empty() {
        return Vec::new();
    }
    let locator = Locator::new(text);
    problems
        .into_iter()
        .map(|(field, message)| {
            let pos = locator.locate(&field).unwrap_or((1, 1));
            error(path, Some(pos), Some(field), message)
        })
        .collect()
}

/// How long each phase of a load took.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadTimings {
    /// Reading the YAML of every file into facts (files in parallel), or reading them back from
    /// the parse cache.
    pub parse: std::time::Duration,
    /// Checking what serde cannot (facts in parallel, while the index is built).
    pub validate: std::time::Duration,
    /// Building the alias index (alongside validation).
    pub index: std::time::Duration,
    /// The whole load, wall clock.
    pub total: std::time::Duration,
}

/// Validates every file and builds the base; nothing is returned unless all is valid.
pub(crate) fn build(
    files: Vec<(PathBuf, String)>,
    cache: Option<&dyn ParseCache>,
) -> Result<FactBase, LoadError> {
    build_timed(files, cache).0
}

pub(crate) fn build_timed(
    files: Vec<(PathBuf, String)>,
    cache: Option<&dyn ParseCache>,
) -> (Result<FactBase, LoadError>, LoadTimings) {
    let mut timings = LoadTimings::default();
    let t = std::time::Instant::now();
    let result = build_inner(files, cache, &mut timings);
    timings.total = t.elapsed();
    (result, timings)
}

fn build_inner(
    mut files: Vec<(PathBuf, String)>,
    cache: Option<&dyn ParseCache>,
    timings: &mut LoadTimings,
) -> Result<FactBase, LoadError> {
    let t = std::time::Instant::now();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let parsed: Vec<(Option<RuleFile>, Vec<RuleError>)> = files
        .par_iter()
        .map(|(path, text)| parse_file(path, text, cache))
        .collect();
    timings.parse = t.elapsed();

    let mut errors: Vec<RuleError> = Vec::new();
    let mut facts: Vec<Fact> = Vec::new();
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(files.len());
    for (n, (file, mut errs)) in parsed.into_iter().enumerate() {
        errors.append(&mut errs);
        let start = facts.len();
        if let Some(file) = file {
            let file_no = n as u32;
            let mut push = |i: usize, body: Body| {
                facts.push(Fact {
                    body,
                    file: file_no,
                    index: i as u32,
                });
            };
            for (i, e) in file.events.into_iter().enumerate() {
                push(i, Body::Event(e));
            }
            for (i, o) in file.offices.into_iter().enumerate() {
                push(i, Body::Office(o));
            }
            for (i, c) in file.counts.into_iter().enumerate() {
                push(i, Body::Count(c));
            }
        }
        ranges.push(start..facts.len());
    }

    let parsed_ok = errors.is_empty();
    let ((problems, validate), (index, index_time)) = rayon::join(
        || {
            let t = std::time::Instant::now();
            let problems: Vec<Vec<RuleError>> = ranges
                .par_iter()
                .zip(files.par_iter())
                .map(|(r, (path, text))| validate_file(path, text, &facts[r.clone()]))
                .collect();
            (problems, t.elapsed())
        },
        || {
            let t = std::time::Instant::now();
            let index = parsed_ok.then(|| Index::build(&facts));
            (index, t.elapsed())
        },
    );
    timings.validate = validate;
    timings.index = index_time;
    errors.extend(problems.into_iter().flatten());
    errors.extend(duplicate_ids(&facts, &files));
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        return Err(LoadError { errors });
    }
    let first = files
        .first()
        .map_or_else(|| PathBuf::from("."), |f| f.0.clone());
    let index = match index {
        Some(Ok(index)) => index,
        Some(Err(e)) => {
            return Err(LoadError {
                errors: vec![error(&first, None, None, e.to_string())],
            });
        }
        None => return Err(LoadError { errors }),
    };
    let (files, sources): (Vec<PathBuf>, Vec<String>) = files.into_iter().unzip();
    let places = (0..files.len()).map(|_| OnceLock::new()).collect();
    Ok(FactBase {
        facts,
        files,
        sources,
        places,
        index,
    })
}

fn duplicate_ids(facts: &[Fact], files: &[(PathBuf, String)]) -> Vec<RuleError> {
    let mut first: HashMap<&str, &Fact> = HashMap::with_capacity(facts.len());
    let mut dups: Vec<(&Fact, &Fact)> = Vec::new();
    for fact in facts {
        if fact.id().is_empty() {
            continue;
        }
        match first.get(fact.id()) {
            Some(prev) => dups.push((prev, fact)),
            None => {
                first.insert(fact.id(), fact);
            }
        }
    }
    let mut locators: HashMap<u32, Locator> = HashMap::new();
    let mut locate = |fact: &Fact| {
        let loc = locators
            .entry(fact.file)
            .or_insert_with(|| Locator::new(&files[fact.file as usize].1));
        loc.locate(&format!("{}.id", fact.path())).unwrap_or((1, 1))
    };
    dups.into_iter()
        .map(|(prev, fact)| {
            let (pl, pc) = locate(prev);
            let pos = locate(fact);
            error(
                &files[fact.file as usize].0,
                Some(pos),
                Some(format!("{}.id", fact.path())),
                format!(
                    "duplicate id `{}`: already used at {}:{pl}:{pc}",
                    fact.id(),
                    files[prev.file as usize].0.display(),
                ),
            )
        })
        .collect()
}
