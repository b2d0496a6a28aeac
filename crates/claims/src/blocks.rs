//! The blocks of prose in a draft, and the text the grammar reads inside them.
//!
//! Plain text: a block is a run of non-blank lines (blank lines separate paragraphs; single line
//! breaks are decided by the sentence splitter). The text read is the input itself.
//!
//! Markdown: pulldown-cmark (with source offsets) finds the blocks: paragraphs, headings, list
//! items, block-quoted paragraphs and table cells. Code blocks, HTML blocks and comments, inline
//! HTML, images and link destinations are not prose. The grammar reads a *masked* copy of the
//! input of the same length in which every byte that is not prose (markup characters, link URLs,
//! code, comments) is a space and line breaks are kept. Offsets in the masked text are offsets in
//! the original, so spans need no mapping; a claim's text is the masked slice of its span.

use std::borrow::Cow;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// A block of prose: `start..end` in bytes, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    pub start: usize,
    pub end: usize,
    pub heading: bool,
}

/// The text the grammar reads (the input, or its masked copy) and the blocks in it.
pub(crate) struct Blocks<'a> {
    pub text: Cow<'a, str>,
    pub blocks: Vec<Block>,
}

/// Whether `body` looks like Markdown: a line that starts with block syntax (`#` heading, `>`
/// quote, `-`/`*`/`+` bullet, fenced code, HTML comment or tag), or an inline link `](`.
pub(crate) fn looks_like_markdown(body: &str) -> bool {
    let b = body.as_bytes();
    if memchr::memmem::find(b, b"](").is_some() {
        return true;
    }
    let mut pos = 0;
    while pos < b.len() {
        let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |k| pos + k);
        let line = &b[pos..end];
        let t = line
            .iter()
            .position(|c| *c != b' ')
            .map_or(&line[..0], |k| &line[k..]);
        let starts = |p: &[u8]| t.starts_with(p);
        let heading = {
            let hashes = t.iter().take_while(|c| **c == b'#').count();
            (1..=6).contains(&hashes) && matches!(t.get(hashes), Some(b' ') | None)
        };
        if heading
            || starts(b"> ")
            || t == b">"
            || starts(b"- ")
            || starts(b"* ")
            || starts(b"+ ")
            || starts(b"```")
            || starts(b"~~~")
            || starts(b"<!--")
        {
            return true;
        }
        pos = end + 1;
    }
    false
}

/// Plain-text blocks of `text[from..]`: runs of non-blank lines.
pub(crate) fn plain(text: &str, from: usize) -> Blocks<'_> {
    let b = text.as_bytes();
    let mut blocks = Vec::new();
    let mut pos = from.min(b.len());
    let mut block_start: Option<usize> = None;
    let mut last_content_end = pos;
    while pos < b.len() {
        let end = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |k| pos + k);
        let blank = text[pos..end].trim().is_empty();
        if blank {
            if let Some(s) = block_start.take() {
                blocks.push(Block {
                    start: s,
                    end: last_content_end,
                    heading: false,
                });
            }
        } else {
            if block_start.is_none() {
                let lead = text[pos..end].len() - text[pos..end].trim_start().len();
                block_start = Some(pos + lead);
            }
            last_content_end = pos + text[pos..end].trim_end().len();
        }
        pos = end + 1;
    }
    if let Some(s) = block_start {
        blocks.push(Block {
            start: s,
            end: last_content_end,
            heading: false,
        });
    }
    Blocks {
        text: Cow::Borrowed(text),
        blocks,
    }
}

/// Markdown blocks of `text[from..]` and the masked text.
pub(crate) fn markdown(text: &str, from: usize) -> Blocks<'_> {
    let from = from.min(text.len());
    let mut masked: Vec<u8> = text
        .bytes()
        .map(|c| if c == b'\n' || c == b'\r' { c } else { b' ' })
        .collect();
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut skip = 0usize; // depth of code blocks, HTML blocks, images, autolinks
    let mut links: Vec<bool> = Vec::new(); // per open link: whether its text is skipped
    let mut heading = false;

    let flush = |current: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(b) = current.take() {
            blocks.push(b);
        }
    };
    let unmask = |masked: &mut Vec<u8>, s: usize, e: usize| {
        if s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e) {
            masked[s..e].copy_from_slice(&text.as_bytes()[s..e]);
        }
    };

    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(&text[from..], opts).into_offset_iter();
    for (event, range) in parser {
        let (s, e) = (range.start + from, range.end + from);
        match event {
            Event::Start(tag) => match tag {
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript => {}
                Tag::Link { link_type, .. } => {
                    let skipped = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    links.push(skipped);
                    if skipped {
                        skip += 1;
                    }
                }
                Tag::Image { .. } => skip += 1,
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    flush(&mut current, &mut blocks);
                    skip += 1;
                }
                Tag::Heading { .. } => {
                    flush(&mut current, &mut blocks);
                    heading = true;
                }
                _ => flush(&mut current, &mut blocks),
            },
            Event::End(tag) => match tag {
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript => {}
                TagEnd::Link => {
                    if links.pop() == Some(true) {
                        skip = skip.saturating_sub(1);
                    }
                }
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    skip = skip.saturating_sub(1);
                    flush(&mut current, &mut blocks);
                }
                TagEnd::Heading(_) => {
                    flush(&mut current, &mut blocks);
                    heading = false;
                }
                _ => flush(&mut current, &mut blocks),
            },
            Event::Text(_) | Event::Code(_) if skip == 0 => {
                let (mut s, mut e) = (s, e);
                if matches!(event, Event::Code(_)) {
                    // Drop the backticks around inline code.
                    while s < e && text.as_bytes()[s] == b'`' {
                        s += 1;
                    }
                    while e > s && text.as_bytes()[e - 1] == b'`' {
                        e -= 1;
                    }
                }
                if s >= e {
                    continue;
                }
                unmask(&mut masked, s, e);
                match &mut current {
                    Some(b) => {
                        b.start = b.start.min(s);
                        b.end = b.end.max(e);
                    }
                    None => {
                        current = Some(Block {
                            start: s,
                            end: e,
                            heading,
                        })
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    match String::from_utf8(masked) {
        Ok(masked) => Blocks {
            text: Cow::Owned(masked),
            blocks,
        },
        // Unreachable (only whole characters are copied), but never fail on text.
        Err(_) => plain(text, from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Vec<String> {
        let b = markdown(text, 0);
        b.blocks
            .iter()
            .map(|k| b.text[k.start..k.end].to_string())
            .collect()
    }

    #[test]
    fn markdown_masks_what_is_not_prose() {
        let text = "# Title here\n\nSee [the report](https://example.com/x) and *this*.\n\n```\ncode. Not prose.\n```\n\n<!-- a comment. -->\n\n- item one\n- item two\n\n> quoted text\n";
        let blocks: Vec<String> = prose(text)
            .iter()
            .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            blocks,
            [
                "Title here",
                "See the report and this .",
                "item one",
                "item two",
                "quoted text"
            ]
        );
        let b = markdown(text, 0);
        assert!(b.blocks[0].heading && !b.blocks[1].heading);
        assert_eq!(b.text.len(), text.len());
    }

    #[test]
    fn detects_markdown() {
        assert!(looks_like_markdown("# Heading\ntext"));
        assert!(looks_like_markdown("text with [a link](http://x)"));
        assert!(looks_like_markdown("text\n- item"));
        assert!(!looks_like_markdown(
            "US, Russia, EU held a meeting\nRead more: x"
        ));
        assert!(!looks_like_markdown("#hashtag text"));
    }

    #[test]
    fn plain_blocks_are_paragraphs() {
        let text = "a b\nc\n\n  \n d e \n";
        let b = plain(text, 0);
        let got: Vec<&str> = b.blocks.iter().map(|k| &text[k.start..k.end]).collect();
        assert_eq!(got, ["a b\nc", "d e"]);
    }
}
