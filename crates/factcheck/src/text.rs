//! Human output of `factcheck sentences` and `factcheck claims`: one line a sentence or claim,
//! `path:line:column`, then the mentions indented below their claim.

use std::io::{self, Write};

use factcheck_claims::{Anchor, ClaimKind, Document, MentionValue, SentenceKind};

pub fn sentences(name: &str, doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    for s in &doc.sentences {
        let kind = match s.kind {
            SentenceKind::Text => "",
            SentenceKind::Heading => " [heading]",
            SentenceKind::Teaser => " [teaser]",
        };
        writeln!(
            out,
            "{name}:{}:{}{kind}  {}",
            s.span.line,
            s.span.column,
            one_line(&s.text)
        )?;
    }
    Ok(())
}

pub fn claims(name: &str, doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    match doc.date {
        Some(d) => writeln!(out, "{name}: document date {d}")?,
        None => writeln!(
            out,
            "{name}: no document date (relative dates stay unresolved)"
        )?,
    }
    for d in &doc.diagnostics {
        writeln!(
            out,
            "{name}:{}:{}: warning: {}",
            d.span.line, d.span.column, d.message
        )?;
    }
    for c in &doc.claims {
        let kind = match c.kind {
            ClaimKind::Statement => "claim",
            ClaimKind::Attribution => "attribution",
        };
        writeln!(
            out,
            "{name}:{}:{}: {kind} (sentence {}): {}",
            c.span.line,
            c.span.column,
            c.sentence,
            one_line(&c.text)
        )?;
        if let Some(a) = &c.attribution {
            writeln!(out, "    attributed to: {}", one_line(&a.text))?;
        }
        for m in &c.mentions {
            writeln!(
                out,
                "    {:<9} {:?} = {}",
                kind_name(&m.value),
                m.text,
                describe(&m.value)
            )?;
        }
    }
    Ok(())
}

fn kind_name(v: &MentionValue) -> &'static str {
    match v {
        MentionValue::Date(_) => "date",
        MentionValue::Quantity(_) => "quantity",
        MentionValue::Duration(_) => "duration",
        MentionValue::Person(_) => "person",
        MentionValue::Name(_) => "name",
    }
}

fn describe(v: &MentionValue) -> String {
    match v {
        MentionValue::Date(d) => {
            let mut s = match d.date {
                Some(date) => date.to_string(),
                None => "unresolved".to_string(),
            };
            if d.since {
                s = format!("since {s}");
            }
            if let Some(rel) = &d.relative {
                let amount = rel
                    .offset
                    .amount
                    .map_or("some".to_string(), |a| a.to_string());
                let anchor = match &rel.anchor {
                    Anchor::Document { date } => match date {
                        Some(d) => format!("the document date {d}"),
                        None => "the document date (unknown)".to_string(),
                    },
                    Anchor::Previous => "the previous claim's event".to_string(),
                    Anchor::Event { text, .. } => format!("{text:?}"),
                    Anchor::Unresolved { text } => format!("{text:?} (unresolved)"),
                };
                s = format!("{s} ({amount} {:?} from {anchor})", rel.offset.unit).to_lowercase();
            }
            s
        }
        MentionValue::Quantity(q) => {
            let noun = q
                .noun
                .as_deref()
                .map(|n| format!(" {n}"))
                .unwrap_or_default();
            format!("{:?} {}{noun}", q.qualifier, q.number).to_lowercase()
        }
        MentionValue::Duration(d) => {
            let noun = d
                .noun
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            format!("{} {:?}{noun}", d.amount, d.unit).to_lowercase()
        }
        MentionValue::Person(p) => {
            let role = match (&p.organisation, &p.role) {
                (Some(o), Some(r)) => format!(", {o}: {r}"),
                (None, Some(r)) => format!(", {r}"),
                _ => String::new(),
            };
            format!("{}{role}", p.name)
        }
        MentionValue::Name(n) => n.name.clone(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
