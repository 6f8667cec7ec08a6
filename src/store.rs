//! The corpus behind one small interface, and the SQLite file that keeps it.
//!
//! The explorer and the commands see a corpus only as a [`Corpus`]: every article's header
//! (file, title, region — enough for the region tabs and article lists), one whole article
//! when it is shown, the metrics and gauges of all articles for the overview and comparisons,
//! and search. Two implementations: [`MemoryCorpus`] (the built-in corpus, `.json`/`.jsonl`
//! files and raw articles, all in memory) and [`sqlite::SqliteCorpus`] (a store file, read
//! lazily: opening reads the headers only, an article's text is read when it is shown).
//! [`Store`] is the cheap, shareable handle the explorer holds; nothing in `tui/` knows which
//! implementation it has.
//!
//! [`sqlite`] also owns the store file itself: its documented schema and version, and the
//! incremental parse that writes it.

pub mod fts;
pub mod sqlite;

use std::ops::Deref;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, LazyLock, OnceLock};

use crate::corpus::{Article, Gauge, Metric};
use crate::search::{Hit, SearchIndex};

/// What the article lists need of an article, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// The source file, as given when the corpus was parsed.
    pub file: String,
    /// The title.
    pub title: String,
    /// The main subject region, simplified; `None` when the text never names it.
    pub region: Option<String>,
}

impl Header {
    /// The header of `article`.
    pub fn of(article: &Article) -> Self {
        Self {
            file: article.file.clone(),
            title: article.title.clone(),
            region: article.region.clone(),
        }
    }
}

/// A corpus as the explorer reads it. An article's id is its index in [`Corpus::headers`].
pub trait Corpus: Send + Sync + std::fmt::Debug {
    /// Every article's header, in corpus order.
    fn headers(&self) -> &[Header];

    /// Article `id`, whole (text, metrics, gauges, repairs, original).
    fn article(&self, id: usize) -> Option<ArticleRef>;

    /// Every article with its file, region, metrics and gauges but without its text, in
    /// corpus order: what the overview and comparisons rank.
    fn measures(&self) -> Arc<[Article]>;

    /// The best `limit` hits for `query`, or `None` when `cancel` was raised first. Hits name
    /// articles by id.
    fn search(&self, query: &str, limit: usize, cancel: &AtomicBool) -> Option<Vec<Hit>>;

    /// Prepares whatever searching needs, so that the first query does not wait for it;
    /// called on the search thread before the first query.
    fn warm_up_search(&self) {}
}

/// A shared handle on a corpus: cheap to clone, safe to send to the search thread.
#[derive(Debug, Clone)]
pub struct Store(Arc<dyn Corpus>);

impl Store {
    /// Wraps any corpus.
    pub fn new(corpus: impl Corpus + 'static) -> Self {
        Self(Arc::new(corpus))
    }

    /// Wraps a corpus the caller keeps a handle on too.
    pub fn shared(corpus: Arc<dyn Corpus>) -> Self {
        Self(corpus)
    }

    /// How many articles the corpus holds.
    pub fn len(&self) -> usize {
        self.0.headers().len()
    }

    /// True when the corpus holds no article.
    pub fn is_empty(&self) -> bool {
        self.0.headers().is_empty()
    }
}

impl Deref for Store {
    type Target = dyn Corpus;

    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl From<Vec<Article>> for Store {
    fn from(articles: Vec<Article>) -> Self {
        Self::new(MemoryCorpus::new(articles))
    }
}

/// A borrowed-looking article that owns a share of its storage: a slot of an in-memory
/// corpus, or one article read from a store.
#[derive(Debug, Clone)]
pub struct ArticleRef(Shared);

#[derive(Debug, Clone)]
enum Shared {
    Slot(Arc<[Article]>, usize),
    One(Arc<Article>),
}

impl ArticleRef {
    /// Slot `index` of `articles`, when there is one.
    pub fn slot(articles: &Arc<[Article]>, index: usize) -> Option<Self> {
        (index < articles.len()).then(|| Self(Shared::Slot(Arc::clone(articles), index)))
    }

    /// One article on its own.
    pub fn one(article: Arc<Article>) -> Self {
        Self(Shared::One(article))
    }
}

/// What an out-of-range slot reads as; [`ArticleRef::slot`] never makes one.
static EMPTY: LazyLock<Article> = LazyLock::new(Article::default);

impl Deref for ArticleRef {
    type Target = Article;

    fn deref(&self) -> &Article {
        match &self.0 {
            Shared::Slot(articles, i) => articles.get(*i).unwrap_or(&EMPTY),
            Shared::One(article) => article,
        }
    }
}

/// A corpus held in memory: the built-in articles, a JSON corpus or parsed raw files. The
/// search index is built on first use (on the search thread).
#[derive(Debug)]
pub struct MemoryCorpus {
    articles: Arc<[Article]>,
    headers: Vec<Header>,
    index: OnceLock<SearchIndex>,
}

impl MemoryCorpus {
    /// Holds `articles` in the given order.
    pub fn new(articles: Vec<Article>) -> Self {
        let headers = articles.iter().map(Header::of).collect();
        Self {
            articles: articles.into(),
            headers,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::new(&self.articles))
    }
}

impl Corpus for MemoryCorpus {
    fn headers(&self) -> &[Header] {
        &self.headers
    }

    fn article(&self, id: usize) -> Option<ArticleRef> {
        ArticleRef::slot(&self.articles, id)
    }

    fn measures(&self) -> Arc<[Article]> {
        Arc::clone(&self.articles)
    }

    fn search(&self, query: &str, limit: usize, cancel: &AtomicBool) -> Option<Vec<Hit>> {
        self.index().search_cancellable(query, limit, cancel)
    }

    fn warm_up_search(&self) {
        self.index();
    }
}

/// An article reduced to what ranking needs: file, region, metrics and gauges.
pub fn measures_of(article: &Article) -> Article {
    Article {
        file: article.file.clone(),
        title: article.title.clone(),
        region: article.region.clone(),
        region_code: article.region_code.clone(),
        region_level: article.region_level,
        region_path: article.region_path.clone(),
        period: article.period.clone(),
        metrics: article.metrics.iter().map(Metric::clone).collect(),
        gauges: article.gauges.iter().map(Gauge::clone).collect(),
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::builtin;

    #[test]
    fn memory_corpus_serves_headers_articles_measures_and_search() {
        let articles = builtin();
        let store = Store::from(articles.clone());
        assert_eq!(store.len(), articles.len());
        assert_eq!(store.headers()[1].region.as_deref(), Some("通辽市"));
        assert_eq!(*store.article(1).unwrap(), articles[1]);
        assert!(store.article(articles.len()).is_none());
        assert_eq!(store.measures()[4].gauges, articles[4].gauges);
        let hits = store
            .search("tongliao", 5, &AtomicBool::new(false))
            .unwrap();
        // 通辽市 itself first, and its own sentences before any other article's.
        assert_eq!(hits.first().map(|h| h.article), Some(1), "{hits:?}");
        let first_other = hits
            .iter()
            .position(|h| h.article != 1)
            .unwrap_or(hits.len());
        assert!(
            hits[first_other..].iter().all(|h| h.article != 1),
            "{hits:?}"
        );
        assert!(first_other >= 3, "{hits:?}");
    }

    #[test]
    fn measures_keep_figures_and_drop_text() {
        let a = &builtin()[4];
        let m = measures_of(a);
        assert_eq!(
            (m.metrics.len(), m.gauges.len()),
            (a.metrics.len(), a.gauges.len())
        );
        assert!(m.paragraphs.is_empty() && m.original.is_empty());
    }
}
