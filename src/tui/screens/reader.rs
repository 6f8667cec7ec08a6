//! The reader's state and update: the in-article find (which reads a query as the global
//! search does), clicks on the article list, and the sentence `y` copies.

use crate::corpus::Span;
use crate::corpus::extract::sentences;
use crate::tui::app::{App, Overlay, Screen, chars};
use crate::tui::layout;

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
    /// Opens the find line with an empty query, on the reader unless the gauges screen
    /// (which shows the text too) is up.
    pub(crate) fn open_find(&mut self) {
        if self.screen != Screen::Reader && self.screen != Screen::Gauges {
            self.show(Screen::Reader);
        }
        self.find.query.clear();
        self.find.matches.clear();
        self.overlay = Overlay::Find;
    }

    /// After the find query changed: finds it again and reveals the first match.
    pub(crate) fn find_query_changed(&mut self) {
        self.run_find();
        if let Some(&span) = self.find.matches.first() {
            self.reveal(span);
        }
    }

    /// Enter on the find line: closes it and goes to the first match.
    pub(crate) fn submit_find(&mut self) {
        self.overlay = Overlay::None;
        self.run_find();
        self.find.current = self.find.matches.len().saturating_sub(1);
        self.goto_match(true);
    }

    /// A click at `column`, `row` on the reader's article list opens the article there.
    pub(crate) fn click_article_list(&mut self, column: u16, row: u16) {
        let list = layout::inner(layout::reader_panes(layout::frame(self.viewport).body).list);
        let position = ratatui::layout::Position::new(column, row);
        if self.screen == Screen::Reader && list.contains(position) {
            // The same window the list is drawn with: the selection on its last row at most.
            let height = usize::from(list.height);
            let first = self.article.saturating_sub(height.saturating_sub(1));
            let index = first + usize::from(row - list.y);
            let count = self
                .regions
                .get(self.region)
                .map_or(0, |r| r.articles.len());
            if index < count {
                self.open_article(self.region, index);
            }
        }
    }

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

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::Mode;
    use crate::tui::testing::{app, press, typed};

    #[test]
    fn find_in_article_with_n_and_shift_n() {
        let mut app = app();
        press(&mut app, KeyCode::Char('/'));
        assert_eq!(app.mode(), Mode::Input);
        typed(&mut app, "到位资金");
        assert_eq!(app.find.matches.len(), 3);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.mode(), Mode::Normal);
        assert_eq!(app.find.current, 0);
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.find.current, 1);
        press(&mut app, KeyCode::Char('N'));
        press(&mut app, KeyCode::Char('N'));
        assert_eq!(app.find.current, 2);
        press(&mut app, KeyCode::Esc);
        assert!(app.find.matches.is_empty());
        assert!(!app.quit);
    }

    #[test]
    fn clicking_the_article_list_opens_an_article() {
        let mut app = app();
        app.update(Action::SelectRegion(1));
        // The list's first row is below the tab row and the pane border.
        app.update(Action::Click(5, 3));
        assert_eq!(app.current(), Some(2));
        app.update(Action::Click(5, 2));
        assert_eq!(app.current(), Some(1));
        app.update(Action::Click(5, 20));
        assert_eq!(
            app.current(),
            Some(1),
            "a click below the list changes nothing"
        );
    }

    #[test]
    fn find_accepts_traditional_characters_and_pinyin() {
        let mut app = app();
        press(&mut app, KeyCode::Char('/'));
        typed(&mut app, "到位資金");
        assert_eq!(app.find.matches.len(), 3, "traditional finds simplified");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('/'));
        typed(&mut app, "daoweizijin");
        assert_eq!(app.find.matches.len(), 3, "pinyin finds the characters");
        let m = app.find.matches[0];
        assert_eq!(
            chars(
                &app.article(0).unwrap().paragraphs[m.paragraph],
                m.start,
                m.end
            ),
            "到位资金"
        );
    }
}
