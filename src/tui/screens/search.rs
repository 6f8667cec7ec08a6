//! The global search's state and update: the query, its generation (stale answers are
//! dropped) and the selected hit, and jumping to it.

use crate::search::{Hit, HitTarget};
use crate::tui::app::{App, Overlay, Screen};

/// The global fuzzy search overlay.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    /// The query as typed.
    pub query: String,
    /// Increases with every edit of `query`; results for older generations are dropped.
    pub generation: u64,
    /// The generation `hits` answer.
    pub answered: u64,
    /// The latest hits, best first.
    pub hits: Vec<Hit>,
    /// Index of the selected hit.
    pub selected: usize,
    /// The query is selected: the next char typed replaces it.
    pub replace: bool,
}

impl App {
    pub(crate) fn jump_to_hit(&mut self) {
        let Some(hit) = self.search.hits.get(self.search.selected).cloned() else {
            return;
        };
        self.overlay = Overlay::None;
        self.screen = Screen::Reader;
        self.open_global(hit.article);
        let span = match hit.target {
            HitTarget::Sentence(span) => Some(span),
            HitTarget::Metric(i) => self
                .article(hit.article)
                .and_then(|a| a.metrics.get(i).map(|m| m.source)),
            HitTarget::Title | HitTarget::Region => None,
        };
        self.highlight = span;
        self.target_highlight = None;
        if let Some(span) = span {
            self.reveal(span);
        }
    }

    /// The search query to send to the worker when it has not been sent yet: the loop
    /// compares the generation with the last one it sent.
    pub fn search_request(&self) -> (u64, &str) {
        (self.search.generation, &self.search.query)
    }
}
