//! The global search's state and update: the query, its generation (stale answers are
//! dropped), the answers and the selected hit, and jumping to it.

use crate::search::{Hit, HitTarget};
use crate::tui::app::{App, Overlay, Screen, step_row};

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
    /// Opens the search box on the last query.
    pub(crate) fn open_search(&mut self) {
        // As in fzf and shells: the last query comes back selected, typing replaces it.
        self.search.replace = !self.search.query.is_empty();
        self.overlay = Overlay::Search;
    }

    /// Moves the selected hit one row, within the hits.
    pub(crate) fn move_search_selection(&mut self, down: bool) {
        self.search.selected = step_row(self.search.selected, down, self.search.hits.len());
    }

    /// After the query changed: a new generation, so that answers to the old one are dropped.
    pub(crate) fn search_query_changed(&mut self) {
        self.search.generation = self.search.generation.wrapping_add(1);
    }

    /// The worker's answer for `generation`, kept only if the query has not changed since.
    pub(crate) fn search_results(&mut self, generation: u64, hits: Vec<Hit>) {
        if generation == self.search.generation {
            self.search.hits = hits;
            self.search.answered = generation;
            self.search.selected = 0;
        }
    }

    /// Enter in the search box: opens the selected hit's article and highlights it.
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

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::action_for;
    use crate::tui::testing::{app, copied, ctrl, press, typed};

    #[test]
    fn ctrl_y_copies_the_search_hit_cleaned() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "tl");
        let hit = Hit {
            article: 1,
            target: HitTarget::Title,
            score: 1,
            text: "通辽\u{1b}]52;c;cHduZWQ=\u{7}市\n招商".to_owned(),
            indices: vec![],
        };
        app.update(Action::SearchResults {
            generation: app.search.generation,
            hits: vec![hit],
        });
        let key = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL);
        app.update(action_for(app.mode(), key).unwrap());
        assert_eq!(copied(&app), "通辽市 招商");
        assert_eq!(app.search.query, "tl", "ctrl-y is not typed");
    }

    #[test]
    fn typing_q_in_an_input_types_it() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "qj");
        assert_eq!(app.search.query, "qj");
        assert_eq!(app.search.generation, 2);
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.search.query, "q");
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.overlay, Overlay::None);
        press(&mut app, KeyCode::Char('q'));
        assert!(app.quit);
    }

    #[test]
    fn stale_search_results_are_dropped_and_enter_jumps() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "tl");
        let span = app.article(3).unwrap().metrics[2].source;
        let hit = Hit {
            article: 3,
            target: HitTarget::Sentence(span),
            score: 10,
            text: "实际到位资金32.5亿元".to_owned(),
            indices: vec![0, 1],
        };
        app.update(Action::SearchResults {
            generation: 1,
            hits: vec![hit.clone()],
        });
        assert!(app.search.hits.is_empty(), "generation 1 is stale");
        app.update(Action::SearchResults {
            generation: 2,
            hits: vec![hit],
        });
        assert_eq!(app.search.hits.len(), 1);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.overlay, Overlay::None);
        assert_eq!((app.region, app.current()), (2, Some(3)));
        assert_eq!(app.highlight, Some(span));
    }

    #[test]
    fn search_box_edits_like_a_shell() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "tong liao");
        ctrl(&mut app, 'w');
        assert_eq!(app.search.query, "tong ", "C-w deletes the last word");
        ctrl(&mut app, 'w');
        assert_eq!(app.search.query, "");
        typed(&mut app, "通辽 招商");
        ctrl(&mut app, 'u');
        assert_eq!(app.search.query, "", "C-u clears");
        let generation = app.search.generation;
        typed(&mut app, "通辽");
        assert!(app.search.generation > generation);
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('s'));
        assert_eq!(
            app.search.query, "通辽",
            "a fresh s brings the last query back"
        );
        assert!(app.search.replace, "selected, so typing replaces it");
        typed(&mut app, "谷");
        assert_eq!(app.search.query, "谷");
        assert!(!app.search.replace);
        typed(&mut app, "城");
        assert_eq!(app.search.query, "谷城");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('s'));
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.search.query, "", "Backspace deletes the selected query");
        // The find line edits the same way.
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('/'));
        typed(&mut app, "到位 资金");
        ctrl(&mut app, 'w');
        assert_eq!(app.find.query, "到位 ");
        ctrl(&mut app, 'u');
        assert_eq!(app.find.query, "");
    }
}
