//! The reader's state and update: the in-article find (which reads a query as the global
//! search does) and the sentence `y` copies.

use crate::corpus::Span;
use crate::corpus::extract::sentences;
use crate::tui::app::{App, chars};

/// The in-article find.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindState {
    /// What is being looked for.
    pub query: String,
    /// Every match in the current article.
    pub matches: Vec<Span>,
    /// Index into `matches` of the current one.
    pub current: usize,
}

impl App {
    /// Finds the query in the current article as the global search reads it: traditional
    /// characters and pinyin too (see [`crate::search::find_in_text`]).
    pub(crate) fn run_find(&mut self) {
        self.find.matches.clear();
        self.find.current = 0;
        let Some(prepared) = self.current().and_then(|a| self.prepared(a)) else {
            return;
        };
        let mut matches = Vec::new();
        for (p, text) in prepared.paragraphs.iter().enumerate() {
            for range in crate::search::find_in_text(text, &self.find.query) {
                matches.push(Span {
                    paragraph: p,
                    start: range.start,
                    end: range.end,
                });
            }
        }
        self.find.matches = matches;
    }

    pub(crate) fn goto_match(&mut self, forward: bool) {
        let n = self.find.matches.len();
        if n == 0 {
            if !self.find.query.is_empty() {
                self.message = Some(format!("没有找到 not found: {}", self.find.query));
            }
            return;
        }
        self.find.current = if forward {
            (self.find.current + 1) % n
        } else {
            (self.find.current + n - 1) % n
        };
        if let Some(&span) = self.find.matches.get(self.find.current) {
            self.reveal(span);
        }
        self.message = Some(format!("{}/{}", self.find.current + 1, n));
    }

    pub(crate) fn sentence_text(&self) -> Option<String> {
        let index = self.current()?;
        let article = self.article(index)?;
        if let Some(span) = self.highlight {
            let paragraph = article.paragraphs.get(span.paragraph)?;
            return Some(chars(paragraph, span.start, span.end));
        }
        let span = if let Some(&span) = self.find.matches.get(self.find.current) {
            span
        } else {
            let width = usize::from(self.main_text_area().width);
            let doc = self.doc(index, false, width);
            let line = doc
                .get(self.scroll..)?
                .iter()
                .find(|l| !l.range.is_empty())?;
            Span {
                paragraph: line.paragraph,
                start: line.range.start,
                end: line.range.end,
            }
        };
        let paragraph = article.paragraphs.get(span.paragraph)?;
        let (start, end) = sentences(paragraph)
            .into_iter()
            .find(|&(s, e)| s <= span.start && span.start < e)
            .unwrap_or((span.start, span.end));
        Some(chars(paragraph, start, end))
    }
}
