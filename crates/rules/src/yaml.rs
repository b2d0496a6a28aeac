//! Every line of YAML handling in the crate: reading a rule file with serde_yaml, turning its
//! errors into positions, and finding where a field is written.
//!
//! serde_yaml is archived upstream; a maintained fork (or another parser) replaces it by changing
//! this module only. What the rest of the crate needs from here:
//! - [`parse`]: text → [`RuleFile`] or one [`YamlError`] with line, column and field path;
//! - [`Locator`]: the line and column of a field path (`events[2].date`) in the text, for the
//!   errors and lint findings found after parsing.
//!
//! Hostile input: serde_yaml refuses nesting deeper than 128 levels and stops alias expansion at
//! 100 times the number of parsed events ("repetition limit exceeded"), so a billion-laughs file
//! fails in microseconds; the loader also refuses files over [`crate::MAX_FILE_BYTES`] before
//! parsing them.

use std::collections::HashMap;

use crate::format::RuleFile;

/// A file serde_yaml could not read into a [`RuleFile`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub line: usize,
    pub column: usize,
    /// The path of the field (`events[0].date`), when there is one.
    pub field: Option<String>,
    pub message: String,
}

/// Reads one rule file. An empty file (or one with only comments) has no facts.
pub(crate) fn parse(text: &str) -> Result<RuleFile, YamlError> {
    // A byte-order mark, as some Windows editors write, is not part of the document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank_document(text) {
        return Ok(RuleFile::default());
    }
    check_flow_depth(text)?;
    check_events(text)?;
    serde_yaml::from_str::<RuleFile>(text).map_err(|e| convert(&e, text))
}

/// What aliases may add to a file, in bytes: every value counts its text plus
/// [`VALUE_COST`]. At least 16 MiB, or as much as the file itself when it is larger.
pub(crate) const MAX_ALIAS_EXPANSION: u64 = 16 * 1024 * 1024;

/// What one value (a scalar, a list, a map) counts for in [`MAX_ALIAS_EXPANSION`] besides its
/// text: about what a `String` or a `Vec` takes in memory, so a list of ten thousand empty cues
/// repeated by aliases is not free.
pub(crate) const VALUE_COST: u64 = 32;

/// The tags of YAML's core schema: the only ones a rule file may use.
const CORE_TAGS: [&str; 7] = ["str", "int", "float", "bool", "null", "seq", "map"];

/// Reads the file's YAML events once (libyaml, as serde_yaml does) when it may hold an alias or
/// a tag, and refuses what serde_yaml would accept silently or expand without bound:
/// - a tag other than the core schema's (`!custom`, `!!binary`), at the tagged value;
/// - aliases that expand the file by more than [`MAX_ALIAS_EXPANSION`] (or the file's own size,
///   when larger): serde_yaml's own guard counts alias replays, not their size, so one 2 MB
///   scalar replayed 10,000 times grew to 12 GB. The size of every anchored value is summed
///   once, when it is defined; an alias adds it without replaying anything, so this is linear.
///
/// A syntax error is left to serde_yaml, which reports it from the same libyaml.
fn check_events(text: &str) -> Result<(), YamlError> {
    if !text.contains(['*', '!']) {
        return Ok(());
    }
    let limit = MAX_ALIAS_EXPANSION.max(text.len() as u64);
    let mut parser = events::Parser::new(text.as_bytes());
    let mut anchors: HashMap<Vec<u8>, u64> = HashMap::new();
    // Open collections: their anchor and their size so far.
    let mut open: Vec<(Option<Vec<u8>>, u64)> = Vec::new();
    let mut added: u64 = 0;
    let fail = |line: usize, column: usize, message: String| YamlError {
        line,
        column,
        field: Locator::new(text).path_at_line(line),
        message,
    };
    loop {
        let Ok((event, line, column)) = parser.next() else {
            return Ok(());
        };
        let tag = match &event {
            events::Event::Scalar { tag, .. } | events::Event::Start { tag, .. } => tag.as_deref(),
            _ => None,
        };
        if let Some(tag) = tag {
            let core = tag
                .strip_prefix(b"tag:yaml.org,2002:".as_slice())
                .is_some_and(|t| CORE_TAGS.iter().any(|c| c.as_bytes() == t));
            if !core {
                let shown = String::from_utf8_lossy(tag);
                let shown = match shown.strip_prefix("tag:yaml.org,2002:") {
                    Some(t) => format!("!!{t}"),
                    None => shown.into_owned(),
                };
                return Err(fail(
                    line,
                    column,
                    format!(
                        "the tag `{}` is not allowed: a rule file uses only YAML's core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)",
                        excerpt(&shown)
                    ),
                ));
            }
        }
        let mut finished: Option<(Option<Vec<u8>>, u64)> = None;
        match event {
            events::Event::Scalar { anchor, len, .. } => {
                finished = Some((anchor, len as u64 + VALUE_COST));
            }
            events::Event::Start { anchor, .. } => open.push((anchor, VALUE_COST)),
            events::Event::End => finished = open.pop(),
            events::Event::Alias(name) => {
                let size = anchors.get(&name).copied().unwrap_or(0);
                added = added.saturating_add(size);
                if added > limit {
                    return Err(fail(
                        line,
                        column,
                        format!(
                            "aliases expand the file by over {limit} bytes: write the values out, or use fewer aliases"
                        ),
                    ));
                }
                if let Some(top) = open.last_mut() {
                    top.1 = top.1.saturating_add(size);
                }
            }
            events::Event::StreamEnd => return Ok(()),
            events::Event::Other => {}
        }
        if let Some((anchor, size)) = finished {
            if let Some(top) = open.last_mut() {
                top.1 = top.1.saturating_add(size);
            }
            if let Some(name) = anchor {
                anchors.insert(name, size);
            }
        }
    }
}

/// libyaml's event stream, as much of it as [`check_events`] needs (serde_yaml reads the same
/// events but does not expose them).
mod events {
    use std::mem::MaybeUninit;

    use unsafe_libyaml as unsafe_sys;

    pub(super) enum Event {
        Scalar {
            anchor: Option<Vec<u8>>,
            tag: Option<Vec<u8>>,
            len: usize,
        },
        /// A sequence or a mapping starts.
        Start {
            anchor: Option<Vec<u8>>,
            tag: Option<Vec<u8>>,
        },
        /// A sequence or a mapping ends.
        End,
        Alias(Vec<u8>),
        StreamEnd,
        Other,
    }

    pub(super) struct Parser<'a> {
        sys: Box<MaybeUninit<unsafe_sys::yaml_parser_t>>,
        /// libyaml initialised the parser (it needs deleting).
        init: bool,
        /// No error and no end of stream yet.
        ready: bool,
        /// libyaml reads the input through a pointer: it must outlive the parser.
        _input: &'a [u8],
    }

    impl<'a> Parser<'a> {
        pub fn new(input: &'a [u8]) -> Parser<'a> {
            let mut sys = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
            let p = sys.as_mut_ptr();
            // SAFETY: `p` points at memory owned by the box, which libyaml initialises; the
            // input is borrowed for the parser's lifetime.
            let init = unsafe {
                let init = !unsafe_sys::yaml_parser_initialize(p).fail;
                if init {
                    unsafe_sys::yaml_parser_set_encoding(p, unsafe_sys::YAML_UTF8_ENCODING);
                    unsafe_sys::yaml_parser_set_input_string(p, input.as_ptr(), input.len() as u64);
                }
                init
            };
            Parser {
                sys,
                init,
                ready: init,
                _input: input,
            }
        }

        /// The next event and its line and column (1-based); `Err` on a syntax error.
        pub fn next(&mut self) -> Result<(Event, usize, usize), ()> {
            if !self.ready {
                return Err(());
            }
            let mut event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
            // SAFETY: the parser was initialised in `new`; an event libyaml filled in is read
            // only before `yaml_event_delete` frees it, and its strings are NUL-terminated.
            unsafe {
                let parser = self.sys.as_mut_ptr();
                let event = event.as_mut_ptr();
                if unsafe_sys::yaml_parser_parse(parser, event).fail {
                    self.ready = false;
                    return Err(());
                }
                let e = &*event;
                let bytes = |ptr: *const u8| {
                    (!ptr.is_null())
                        .then(|| std::ffi::CStr::from_ptr(ptr.cast()).to_bytes().to_vec())
                };
                let out = match e.type_ {
                    unsafe_sys::YAML_SCALAR_EVENT => Event::Scalar {
                        anchor: bytes(e.data.scalar.anchor),
                        tag: bytes(e.data.scalar.tag),
                        len: e.data.scalar.length as usize,
                    },
                    unsafe_sys::YAML_SEQUENCE_START_EVENT => Event::Start {
                        anchor: bytes(e.data.sequence_start.anchor),
                        tag: bytes(e.data.sequence_start.tag),
                    },
                    unsafe_sys::YAML_MAPPING_START_EVENT => Event::Start {
                        anchor: bytes(e.data.mapping_start.anchor),
                        tag: bytes(e.data.mapping_start.tag),
                    },
                    unsafe_sys::YAML_SEQUENCE_END_EVENT | unsafe_sys::YAML_MAPPING_END_EVENT => {
                        Event::End
                    }
                    unsafe_sys::YAML_ALIAS_EVENT => {
                        Event::Alias(bytes(e.data.alias.anchor).unwrap_or_default())
                    }
                    unsafe_sys::YAML_STREAM_END_EVENT => {
                        self.ready = false;
                        Event::StreamEnd
                    }
                    _ => Event::Other,
                };
                let (line, column) = (
                    e.start_mark.line as usize + 1,
                    e.start_mark.column as usize + 1,
                );
                unsafe_sys::yaml_event_delete(event);
                Ok((out, line, column))
            }
        }
    }

    impl Drop for Parser<'_> {
        fn drop(&mut self) {
            if self.init {
                // SAFETY: initialised in `new`, deleted once.
                unsafe { unsafe_sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
            }
        }
    }
}

/// At most [`EXCERPT_CHARS`] characters of a value, for messages: a rule file may be a link to
/// a secret, and an error must not print it whole.
pub(crate) fn excerpt(value: &str) -> String {
    if value.chars().count() <= EXCERPT_CHARS {
        return value.to_string();
    }
    let mut out: String = value.chars().take(EXCERPT_CHARS).collect();
    out.push('…');
    out
}

/// A message with every quoted run (`"…"`, `` `…` ``) longer than [`EXCERPT_CHARS`] cut to an
/// excerpt, and the whole message cut at [`MAX_MESSAGE_CHARS`]: serde_yaml quotes whole values
/// (`invalid type: string "…"`), and a value may be a private key.
pub(crate) fn shorten_quotes(message: &str) -> String {
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS * 4));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '"' && c != '`' {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && chars[j] != c {
            j += if c == '"' && chars[j] == '\\' { 2 } else { 1 };
        }
        let inner = &chars[i + 1..j.min(chars.len())];
        out.push(c);
        if inner.len() > EXCERPT_CHARS {
            out.extend(&inner[..EXCERPT_CHARS]);
            out.push('…');
        } else {
            out.extend(inner);
        }
        if j < chars.len() {
            out.push(c);
        }
        i = j + 1;
    }
    if out.chars().count() > MAX_MESSAGE_CHARS {
        out = out.chars().take(MAX_MESSAGE_CHARS).collect();
        out.push('…');
    }
    out
}

/// The longest message an error shows.
pub(crate) const MAX_MESSAGE_CHARS: usize = 400;

/// How much of a value an error message quotes.
pub(crate) const EXCERPT_CHARS: usize = 24;

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before parsing.
pub(crate) const MAX_FLOW_DEPTH: usize = 64;

/// libyaml takes time quadratic in the nesting of flow collections under a block key (100,000
/// `[` take minutes), so nesting no rule file needs is refused by a linear scan first. Quoted
/// scalars and comments are skipped; a bracket counts only where a flow collection can start.
///
/// The scan is not a YAML scanner, and must never skip a bracket libyaml nests: a quote opens a
/// quoted scalar only where a value starts (not inside a plain scalar: `name: x "y` is one
/// plain scalar, and its quote is a character), and a quoted scalar is taken to end at the end
/// of its line. A quoted scalar that goes on over lines then has its later lines scanned as if
/// unquoted, which can only count brackets that are not there (refusing a file that nests
/// brackets more than 64 deep inside a multi-line quoted string), never miss one.
fn check_flow_depth(text: &str) -> Result<(), YamlError> {
    let mut depth = 0usize;
    let (mut line, mut column) = (1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut comment = false;
    // Inside a plain scalar, and inside a property (`&anchor`, `!tag`) before its value.
    let mut plain = false;
    let mut property = false;
    let mut prev = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            (line, column, comment, quote, escaped, property) =
                (line + 1, 0, false, None, false, false);
            // A plain scalar goes on over lines inside a flow collection.
            if depth == 0 {
                plain = false;
            }
            prev = c;
            continue;
        }
        if comment {
            continue;
        }
        let next_blank = chars.peek().is_none_or(|n| n.is_whitespace());
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => {
                let token_start = !plain
                    && !property
                    && (prev.is_whitespace() || matches!(prev, '[' | '{' | ',' | ':'));
                match c {
                    '#' if prev.is_whitespace() => comment = true,
                    '"' | '\'' if token_start => quote = Some(c),
                    '[' | '{' if token_start || depth > 0 => {
                        plain = false;
                        depth += 1;
                        if depth > MAX_FLOW_DEPTH {
                            return Err(YamlError {
                                line,
                                column,
                                field: Locator::new(text).path_at_line(line),
                                message: format!(
                                    "flow collections nested deeper than {MAX_FLOW_DEPTH} levels"
                                ),
                            });
                        }
                    }
                    ']' | '}' => {
                        depth = depth.saturating_sub(1);
                        plain = false;
                    }
                    ',' if depth > 0 => plain = false,
                    ':' if next_blank || depth > 0 => plain = false,
                    '-' | '?' if token_start && next_blank => {}
                    '&' | '!' if token_start => property = true,
                    c if c.is_whitespace() => property = false,
                    _ if property => {}
                    _ => plain = true,
                }
            }
        }
        prev = c;
    }
    Ok(())
}

fn is_blank_document(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
}

/// Splits a serde_yaml error into position, field path and message.
fn convert(e: &serde_yaml::Error, text: &str) -> YamlError {
    let full = e.to_string();
    let (line, column) = match e.location() {
        Some(l) => (l.line(), l.column()),
        // Errors without a mark (the alias repetition limit): point at the first alias.
        None => first_alias(text).unwrap_or((1, 1)),
    };
    // serde_yaml writes "path: message at line L column C[, context at …]".
    let mut message = full.replacen(&format!(" at line {line} column {column}"), "", 1);
    let mut path: Option<String> = None;
    if let Some((head, rest)) = message.split_once(": ")
        && looks_like_path(head)
    {
        path = Some(head.to_string());
        message = rest.to_string();
    }
    // The field an unknown/missing/duplicate-field error is about is named in backticks.
    let named = ["unknown field `", "missing field `", "duplicate field `"]
        .iter()
        .find_map(|p| message.strip_prefix(p))
        .and_then(|rest| rest.split('`').next())
        .map(str::to_string);
    let field = match (path, named) {
        (Some(p), Some(n)) => Some(format!("{p}.{n}")),
        (None, Some(n)) => Some(n),
        (Some(p), None) => Some(p),
        (None, None) => Locator::new(text).path_at_line(line),
    };
    // serde reports a duplicate field where the mapping starts: point at the second one.
    let (line, column) = match &field {
        Some(f) if message.starts_with("duplicate field") => {
            Locator::new(text).second(f).unwrap_or((line, column))
        }
        _ => (line, column),
    };
    YamlError {
        line,
        column,
        field,
        message,
    }
}

fn looks_like_path(s: &str) -> bool {
    !s.is_empty()
        && !s.contains(' ')
        && s.chars()
            .all(|c| c.is_alphanumeric() || "_-.[]?".contains(c))
}

/// Line and column of the first alias (`*name`) in the text.
fn first_alias(text: &str) -> Option<(usize, usize)> {
    for (i, line) in text.lines().enumerate() {
        let bytes = line.as_bytes();
        for (j, &b) in bytes.iter().enumerate() {
            let before_ok = j == 0 || matches!(bytes[j - 1], b' ' | b'[' | b',' | b'-' | b':');
            if b == b'*' && before_ok && bytes.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                return Some((i + 1, line[..j].chars().count() + 1));
            }
        }
    }
    None
}

/// A segment of a field path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

#[derive(Debug, Clone, Copy)]
struct Node<'a> {
    parent: Option<usize>,
    seg: Seg<'a>,
    line: usize,
    column: usize,
}

/// Where each key and list item of a block-style YAML file is written.
///
/// A line scanner, not a parser: it follows indentation, `- ` list items and `key:` pairs, and
/// does not descend into flow collections (`[a, b]`, `{a: 1}`) or block scalars (`|`, `>`), whose
/// fields resolve to the enclosing key. It is only ever asked about text serde_yaml has already
/// accepted, and an answer it cannot give falls back to the nearest enclosing field.
pub(crate) struct Locator<'a> {
    nodes: Vec<Node<'a>>,
    paths: std::sync::OnceLock<HashMap<String, usize>>,
}

struct Frame {
    indent: usize,
    node: Option<usize>,
    seq: bool,
    next: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut nodes: Vec<Node<'a>> = Vec::new();
        let mut stack = vec![Frame {
            indent: 0,
            node: None,
            seq: false,
            next: 0,
        }];
        // A key with nothing after it: its value (a block collection) starts on a later line.
        let mut pending: Option<(usize, usize)> = None;
        let mut block_scalar: Option<usize> = None;
        let mut flow_depth: i32 = 0;

        for (lineno, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let indent = line.len() - line.trim_start_matches(' ').len();
            let content = &line[indent..];
            let content_trim = content.trim_end();
            if let Some(bi) = block_scalar {
                if content_trim.is_empty() || indent > bi {
                    continue;
                }
                block_scalar = None;
            }
            if content_trim.is_empty() || content_trim.starts_with('#') {
                continue;
            }
            if flow_depth > 0 {
                flow_depth += flow_balance(content_trim);
                continue;
            }
            if indent == 0 && (content_trim == "---" || content_trim == "...") {
                continue;
            }
            let mut col = indent;
            let mut rest = content_trim;
            if let Some((pnode, pindent)) = pending.take()
                && (col > pindent || (col == pindent && is_dash(rest)))
            {
                stack.push(Frame {
                    indent: col,
                    node: Some(pnode),
                    seq: is_dash(rest),
                    next: 0,
                });
            }
            while stack.len() > 1 {
                let top = &stack[stack.len() - 1];
                if top.indent > col || (top.indent == col && top.seq && !is_dash(rest)) {
                    stack.pop();
                } else {
                    break;
                }
            }
            while let Some(top) = stack.last_mut() {
                if top.indent != col {
                    break;
                }
                let column = line[..col].chars().count() + 1;
                if is_dash(rest) {
                    if !top.seq {
                        break;
                    }
                    let index = top.next;
                    top.next += 1;
                    let parent = top.node;
                    let after = &rest[1..];
                    let inner = after.trim_start();
                    let empty = inner.is_empty() || inner.starts_with('#');
                    // An item is where its content starts (the dash when it has none inline).
                    let content_col = col + 1 + (after.len() - inner.len());
                    let column = if empty {
                        column
                    } else {
                        line[..content_col].chars().count() + 1
                    };
                    nodes.push(Node {
                        parent,
                        seg: Seg::Index(index),
                        line: lineno + 1,
                        column,
                    });
                    let item = nodes.len() - 1;
                    if empty {
                        pending = Some((item, col));
                        break;
                    }
                    col = content_col;
                    rest = inner;
                    if is_dash(rest) {
                        stack.push(Frame {
                            indent: col,
                            node: Some(item),
                            seq: true,
                            next: 0,
                        });
                        continue;
                    }
                    if split_key(rest).is_some() {
                        stack.push(Frame {
                            indent: col,
                            node: Some(item),
                            seq: false,
                            next: 0,
                        });
                        continue;
                    }
                    flow_depth = flow_balance(rest).max(0);
                    break;
                }
                if top.seq {
                    break;
                }
                let Some((key, value)) = split_key(rest) else {
                    break;
                };
                let parent = top.node;
                nodes.push(Node {
                    parent,
                    seg: Seg::Key(key),
                    line: lineno + 1,
                    column,
                });
                let node = nodes.len() - 1;
                let value = strip_properties(value.trim());
                if value.is_empty() || value.starts_with('#') {
                    pending = Some((node, col));
                } else if value.starts_with('|') || value.starts_with('>') {
                    block_scalar = Some(col);
                } else if value.starts_with('[') || value.starts_with('{') {
                    flow_depth = flow_balance(value).max(0);
                }
                break;
            }
        }
        Locator {
            nodes,
            paths: std::sync::OnceLock::new(),
        }
    }

    fn path_of(&self, mut i: usize) -> String {
        let mut segs = Vec::new();
        loop {
            let n = &self.nodes[i];
            segs.push(n.seg);
            match n.parent {
                Some(p) => i = p,
                None => break,
            }
        }
        let mut out = String::new();
        for seg in segs.iter().rev() {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// Line and column (1-based) of a field path such as `offices[1].roles[0].to`; when that
    /// field is not written (a missing field, a flow collection), of the nearest enclosing one.
    pub fn locate(&self, path: &str) -> Option<(usize, usize)> {
        let paths = self.paths.get_or_init(|| {
            let mut m = HashMap::with_capacity(self.nodes.len());
            for i in 0..self.nodes.len() {
                m.entry(self.path_of(i)).or_insert(i);
            }
            m
        });
        let mut p = path;
        loop {
            if let Some(&i) = paths.get(p) {
                return Some((self.nodes[i].line, self.nodes[i].column));
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// Line and column of the second time the field at `path` is written (a duplicate key).
    pub fn second(&self, path: &str) -> Option<(usize, usize)> {
        let last = path.rsplit(['.', ']']).next()?;
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.seg == Seg::Key(last))
            .filter(|&(i, _)| self.path_of(i) == path)
            .nth(1)
            .map(|(_, n)| (n.line, n.column))
    }

    /// The path of the last field written on or before `line`, for errors that have a line
    /// but no field (YAML syntax errors).
    pub fn path_at_line(&self, line: usize) -> Option<String> {
        let i = self.nodes.iter().rposition(|n| n.line <= line)?;
        Some(self.path_of(i))
    }

    /// Positions of the top-level list items (`events[3]`, …): `(list, index, line, column)`.
    pub fn items(&self) -> impl Iterator<Item = (&'a str, usize, usize, usize)> + '_ {
        self.nodes.iter().filter_map(|n| {
            let (Seg::Index(i), Some(p)) = (n.seg, n.parent) else {
                return None;
            };
            let parent = &self.nodes[p];
            match (parent.seg, parent.parent) {
                (Seg::Key(list), None) => Some((list, i, n.line, n.column)),
                _ => None,
            }
        })
    }

    /// Lines of the examples: `(list, fact index, example index, line)`.
    pub fn examples(&self) -> impl Iterator<Item = (&'a str, usize, usize, usize)> + '_ {
        self.nodes.iter().filter_map(|n| {
            let (Seg::Index(j), Some(p)) = (n.seg, n.parent) else {
                return None;
            };
            let key = &self.nodes[p];
            let (Seg::Key("examples"), Some(f)) = (key.seg, key.parent) else {
                return None;
            };
            let fact = &self.nodes[f];
            let (Seg::Index(i), Some(l)) = (fact.seg, fact.parent) else {
                return None;
            };
            let list = &self.nodes[l];
            match (list.seg, list.parent) {
                (Seg::Key(name), None) => Some((name, i, j, n.line)),
                _ => None,
            }
        })
    }
}

fn is_dash(s: &str) -> bool {
    s == "-" || s.starts_with("- ")
}

/// `key: value` or `key:` → (key, value); quoted keys lose their quotes.
fn split_key(s: &str) -> Option<(&str, &str)> {
    let first = s.chars().next()?;
    if "[{#&*!|>%@`".contains(first) || is_dash(s) {
        return None;
    }
    let (key, value) = if first == '"' || first == '\'' {
        let close = s[1..].find(first)? + 1;
        let key = &s[1..close];
        let after = &s[close + 1..];
        let value = after.strip_prefix(':')?;
        if !(value.is_empty() || value.starts_with(' ')) {
            return None;
        }
        (key, value)
    } else {
        let colon = s
            .match_indices(':')
            .map(|(i, _)| i)
            .find(|&i| s[i + 1..].is_empty() || s[i + 1..].starts_with(' '))?;
        (s[..colon].trim_end(), &s[colon + 1..])
    };
    Some((key, value))
}

/// Drops an anchor (`&a`) or a tag (`!t`) in front of a value.
fn strip_properties(mut v: &str) -> &str {
    while v.starts_with('&') || v.starts_with('!') {
        v = v.find(' ').map_or("", |i| v[i..].trim_start());
    }
    v
}

/// How many flow collections a line opens minus how many it closes (quotes and comments
/// skipped, as in [`check_flow_depth`]).
fn flow_balance(s: &str) -> i32 {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => {
                let token_start = prev.is_whitespace() || matches!(prev, '[' | '{' | ',' | ':');
                match c {
                    '#' if prev.is_whitespace() => break,
                    '"' | '\'' if token_start => quote = Some(c),
                    '[' | '{' => depth += 1,
                    ']' | '}' => depth -= 1,
                    _ => {}
                }
            }
        }
        prev = c;
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# a comment
events:
  - id: a
    name: \"x: y\"
    cues: [one, two]
    date: 2023-09-17
    note: |
      text: not a key
      - not an item
  - id: b
    source:
      - https://a.example
      - https://b.example
offices:
- id: c
  roles:
    - title: T
      from: 2020
      to: 2021
counts: []
";

    #[test]
    fn locates_fields_items_and_falls_back() {
        let l = Locator::new(TEXT);
        assert_eq!(l.locate("events"), Some((2, 1)));
        assert_eq!(l.locate("events[0]"), Some((3, 5)));
        assert_eq!(l.locate("offices[0]"), Some((15, 3)));
        assert_eq!(l.locate("events[0].id"), Some((3, 5)));
        assert_eq!(l.locate("events[0].date"), Some((6, 5)));
        assert_eq!(l.locate("events[1].id"), Some((10, 5)));
        assert_eq!(l.locate("events[1].source[1]"), Some((13, 9)));
        assert_eq!(l.locate("offices[0].roles[0].to"), Some((19, 7)));
        assert_eq!(l.locate("counts"), Some((20, 1)));
        // Inside a flow collection or a missing field: the enclosing field.
        assert_eq!(l.locate("events[0].cues[1]"), Some((5, 5)));
        assert_eq!(l.locate("events[1].name"), Some((10, 5)));
        let items: Vec<_> = l.items().collect();
        assert_eq!(
            items,
            vec![
                ("events", 0, 3, 5),
                ("events", 1, 10, 5),
                ("offices", 0, 15, 3)
            ]
        );
        assert_eq!(l.path_at_line(7).as_deref(), Some("events[0].note"));
    }

    #[test]
    fn splits_keys() {
        assert_eq!(split_key("id: a"), Some(("id", " a")));
        assert_eq!(
            split_key("source: https://x.org/a:b"),
            Some(("source", " https://x.org/a:b"))
        );
        assert_eq!(split_key("roles:"), Some(("roles", "")));
        assert_eq!(split_key("'a b': 1"), Some(("a b", " 1")));
        assert_eq!(split_key("https://x.org"), None);
        assert_eq!(split_key("[a, b]"), None);
    }

    #[test]
    fn syntax_errors_have_a_position_and_a_field() {
        let e = parse("events:\n  - id: a\n    name: [unclosed\n").unwrap_err();
        assert!(e.line >= 3, "{e:?}");
        assert!(e.field.is_some(), "{e:?}");
    }
}
