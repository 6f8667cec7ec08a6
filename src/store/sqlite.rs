//! The corpus in one SQLite file: schema and its version, writing and reading articles, and
//! the incremental parse that keeps a store in step with a folder of raw articles.
//!
//! The schema (`schema.sql`, also in the README) is the contract for anyone who queries the
//! file with other tools. `PRAGMA user_version` holds [`SCHEMA_VERSION`] and
//! `PRAGMA application_id` marks the file as a zhaoshang store; a file with another version
//! is refused with a message that says how to rebuild it, never read as if it matched.
//!
//! Writes go through WAL, one transaction per article, so that a reader (the explorer) can
//! read while a parse writes and a parse killed at any moment leaves only whole articles.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, Transaction, params};
use sha2::{Digest, Sha256};

use super::fts::SearchRows;
use super::{ArticleRef, Corpus, Header};
use crate::corpus::load::{LoadError, Source, load_corpus, read_raw, sources};
use crate::corpus::{
    Article, Boilerplate, Gauge, Metric, MetricKind, PARSER_VERSION, RegionLevel, Repair, Script,
    Span, Warning, parse_bytes,
};
use crate::search::{Hit, HitTarget, SearchIndex, normalize_query};

/// The version of the schema this build reads and writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i32 = 3;

/// `PRAGMA application_id` of a zhaoshang store: "zhsh" in ASCII.
pub const APPLICATION_ID: i32 = 0x7a68_7368;

/// The schema, as documented in the README.
pub const SCHEMA: &str = include_str!("schema.sql");

/// Why a store could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The store file.
        path: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The file is SQLite but not a zhaoshang store, or not SQLite at all.
    #[error("{path}: not a zhaoshang corpus store ({why})")]
    NotAStore {
        /// The file.
        path: String,
        /// What was found instead.
        why: String,
    },
    /// The store was written with another schema version.
    #[error(
        "{path}: corpus store schema version {found}, this zhaoshang reads version {expected}; {advice}"
    )]
    Version {
        /// The file.
        path: String,
        /// `PRAGMA user_version` of the file.
        found: i32,
        /// [`SCHEMA_VERSION`].
        expected: i32,
        /// What to do about it.
        advice: String,
    },
    /// The store holds a value this build cannot read back (a hand-edited row).
    #[error("{path}: article {file}: {message}")]
    Row {
        /// The store file.
        path: String,
        /// The article's file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// An open corpus store.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: String,
}

/// One parsed file on its way to the writer: the article and its search rows, or why not.
type Parsed = Result<(Article, SearchRows), String>;

/// What one incremental parse did.
#[derive(Debug, Default)]
pub struct UpdateReport {
    /// Files parsed and written (new, changed, or parsed by another parser version).
    pub parsed: usize,
    /// Files whose content and parser version were unchanged, left as they were.
    pub unchanged: usize,
    /// Articles removed because their file is gone.
    pub removed: usize,
    /// Files that could not be read or parsed.
    pub errors: Vec<LoadError>,
}

/// True when `path` names a store: a `.db`, `.sqlite` or `.sqlite3` file, or any existing
/// file that starts with the SQLite header.
///
/// ```
/// use std::path::Path;
/// use zhaoshang::store::sqlite::is_store_path;
/// assert!(is_store_path(Path::new("corpus.db")));
/// assert!(!is_store_path(Path::new("corpus.json")));
/// ```
pub fn is_store_path(path: &Path) -> bool {
    let by_name = path.extension().is_some_and(|e| {
        ["db", "sqlite", "sqlite3"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    by_name || has_sqlite_header(path)
}

fn has_sqlite_header(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"SQLite format 3\0"
}

/// SHA-256 of `bytes` as lowercase hex: the content hash that decides whether a file changed.
///
/// ```
/// use zhaoshang::store::sqlite::content_hash;
/// assert_eq!(&content_hash(b"")[..16], "e3b0c44298fc1c14");
/// ```
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes as lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

impl SqliteStore {
    /// Opens a store for reading; the file must exist and carry this build's schema.
    /// Readers never write, so they can run beside a parse writing the same file.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        if !path.is_file() {
            return Err(StoreError::NotAStore {
                path: name,
                why: "no such file".to_owned(),
            });
        }
        // Read-write without create: a WAL reader may need to create the -shm file.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .or_else(|_| {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        })
        .map_err(|e| sqlite(&name, e))?;
        let store = Self { conn, path: name };
        store.configure()?;
        store.check_version(false)?;
        store
            .conn
            .execute_batch("PRAGMA query_only = ON;")
            .map_err(|e| store.err(e))?;
        Ok(store)
    }

    /// Opens a store for writing, creating the file and its schema when it does not exist.
    pub fn create_or_open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|e| sqlite(&name, e))?;
        let store = Self { conn, path: name };
        store.configure()?;
        if store.check_version(true)? {
            store
                .conn
                .execute_batch(&format!(
                    "BEGIN; {SCHEMA}\nPRAGMA application_id = {APPLICATION_ID};\nPRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                ))
                .map_err(|e| store.err(e))?;
        }
        // One transaction per article makes many small commits: checkpoint the WAL less
        // often, and let the search index's segments pile up a little longer before FTS5
        // merges them (fewer, larger merges; a query reads at most a few dozen segments).
        store
            .conn
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 8000;
                 INSERT INTO search_keys(search_keys, rank) VALUES ('automerge', 0);
                 INSERT INTO search_keys(search_keys, rank) VALUES ('crisismerge', 32);
                 INSERT INTO search_pinyin(search_pinyin, rank) VALUES ('automerge', 0);
                 INSERT INTO search_pinyin(search_pinyin, rank) VALUES ('crisismerge', 32);
                 INSERT INTO search_loose(search_loose, rank) VALUES ('automerge', 0);
                 INSERT INTO search_loose(search_loose, rank) VALUES ('crisismerge', 32);",
            )
            .map_err(|e| store.err(e))?;
        Ok(store)
    }

    fn configure(&self) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;",
            )
            .map_err(|e| self.err(e))
    }

    /// Checks the file's identity and schema version. Returns true when the file is empty
    /// and may be given the schema (only when `creating`).
    fn check_version(&self, creating: bool) -> Result<bool, StoreError> {
        let read = |pragma: &str| -> Result<i32, StoreError> {
            self.conn
                .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
                .map_err(|e| self.err(e))
        };
        let application = read("application_id")?;
        let version = read("user_version")?;
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if application == 0 && version == 0 && tables == 0 {
            if creating {
                return Ok(true);
            }
            return Err(StoreError::NotAStore {
                path: self.path.clone(),
                why: "an empty database".to_owned(),
            });
        }
        if application != APPLICATION_ID {
            return Err(StoreError::NotAStore {
                path: self.path.clone(),
                why: format!("an SQLite database with application_id {application:#x}"),
            });
        }
        if version != SCHEMA_VERSION {
            let advice = if version > SCHEMA_VERSION {
                "it was written by a newer zhaoshang: use that, or rebuild the store from the \
                 raw articles with `zhaoshang parse SOURCES -o NEW.db`"
            } else {
                "rebuild it from the raw articles: `zhaoshang parse SOURCES -o NEW.db` (or \
                 delete it and parse again; `zhaoshang export` from the older zhaoshang keeps \
                 a JSON copy)"
            };
            return Err(StoreError::Version {
                path: self.path.clone(),
                found: version,
                expected: SCHEMA_VERSION,
                advice: advice.to_owned(),
            });
        }
        Ok(false)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        sqlite(&self.path, source)
    }

    /// The underlying connection, for queries the store does not wrap.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// How many articles the store holds.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.err(e))
    }

    /// True when the store holds no article.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.len().map(|n| n == 0)
    }

    /// Every stored file with its content hash and the parser version that parsed it.
    pub fn known_files(&self) -> Result<HashMap<String, (String, u32)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT file, content_hash, parser_version FROM articles")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Writes one article in one transaction, replacing any stored article of the same
    /// file; returns its row id.
    pub fn put(&mut self, hash: &str, article: &Article) -> Result<i64, StoreError> {
        self.put_with(hash, article, &SearchRows::of(article))
    }

    /// [`put`](Self::put) with the article's search rows already computed.
    pub fn put_with(
        &mut self,
        hash: &str,
        article: &Article,
        rows: &SearchRows,
    ) -> Result<i64, StoreError> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| sqlite(&path, e))?;
        let id = write_article(&tx, hash, article, rows).map_err(|e| sqlite(&path, e))?;
        tx.commit().map_err(|e| sqlite(&path, e))?;
        Ok(id)
    }

    /// Removes the article of `file` with everything that belongs to it.
    pub fn remove(&mut self, file: &str) -> Result<bool, StoreError> {
        self.conn
            .execute("DELETE FROM articles WHERE file = ?1", [file])
            .map(|n| n > 0)
            .map_err(|e| self.err(e))
    }

    /// Drops regions that no article and no other region refers to any more.
    pub fn prune_regions(&mut self) -> Result<(), StoreError> {
        loop {
            let n = self
                .conn
                .execute(
                    "DELETE FROM regions WHERE id NOT IN
                       (SELECT region_id FROM articles WHERE region_id IS NOT NULL)
                     AND id NOT IN (SELECT parent_id FROM regions WHERE parent_id IS NOT NULL)",
                    [],
                )
                .map_err(|e| self.err(e))?;
            if n == 0 {
                return Ok(());
            }
        }
    }

    /// Merges each search table's segments into one, so that lookups read one b-tree; run
    /// after a parse (its one transaction per article leaves many small segments).
    pub fn optimize_search(&self) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "INSERT INTO search_keys(search_keys) VALUES ('optimize');
                 INSERT INTO search_pinyin(search_pinyin) VALUES ('optimize');
                 INSERT INTO search_loose(search_loose) VALUES ('optimize');",
            )
            .map_err(|e| self.err(e))
    }

    /// Records store-wide facts (the parser version, when it last ran).
    fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Every article's row id and header, in file order.
    pub fn headers(&self) -> Result<Vec<(i64, Header)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, file, title, region FROM articles ORDER BY file")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    Header {
                        file: r.get(1)?,
                        title: r.get(2)?,
                        region: r.get(3)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The articles of `rows` (in that order, with their `headers`) without their text:
    /// file, region, metrics and gauges, read in two passes over those tables.
    pub fn measures(&self, rows: &[i64], headers: &[Header]) -> Result<Vec<Article>, StoreError> {
        let place: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        let mut out: Vec<Article> = headers
            .iter()
            .map(|h| Article {
                file: h.file.clone(),
                title: h.title.clone(),
                region: h.region.clone(),
                ..Article::default()
            })
            .collect();
        // Where each article's region sits (the region tree and the overview's filters).
        let mut stmt = self
            .conn
            .prepare("SELECT id, region_code, region_level, region_path, period FROM articles")
            .map_err(|e| self.err(e))?;
        let places = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in places {
            let (article, code, level, path, period) = row.map_err(|e| self.err(e))?;
            if let Some(a) = place.get(&article).and_then(|&i| out.get_mut(i)) {
                a.region_code = code;
                a.region_level = level.as_deref().and_then(parse_enum);
                a.region_path = serde_json::from_str(&path).unwrap_or_default();
                a.period = period;
            }
        }
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT article_id, {METRIC_COLUMNS} FROM metrics ORDER BY article_id, idx"
            ))
            .map_err(|e| self.err(e))?;
        let metrics = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, metric_row(r, 1)?)))
            .map_err(|e| self.err(e))?;
        for row in metrics {
            let (article, metric) = row.map_err(|e| self.err(e))?;
            if let (Some(&i), Ok(metric)) = (place.get(&article), metric) {
                out[i].metrics.push(metric);
            }
        }
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT article_id, {GAUGE_COLUMNS} FROM gauges ORDER BY article_id, idx"
            ))
            .map_err(|e| self.err(e))?;
        let gauges = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, gauge_row(r, 1)?)))
            .map_err(|e| self.err(e))?;
        for row in gauges {
            let (article, gauge) = row.map_err(|e| self.err(e))?;
            if let Some(&i) = place.get(&article) {
                out[i].gauges.push(gauge);
            }
        }
        Ok(out)
    }

    /// One whole article by row id.
    pub fn article(&self, id: i64) -> Result<Option<Article>, StoreError> {
        read_article(&self.conn, id).map_err(|e| match e {
            ReadError::Sqlite(e) => self.err(e),
            ReadError::Row(file, message) => StoreError::Row {
                path: self.path.clone(),
                file,
                message,
            },
        })
    }

    /// Every article, in file order (for export and for loading a store whole).
    pub fn articles(&self) -> Result<Vec<Article>, StoreError> {
        let mut out = Vec::new();
        for (row, _) in self.headers()? {
            if let Some(article) = self.article(row)? {
                out.push(article);
            }
        }
        Ok(out)
    }

    /// Checks that SQLite finds the file sound and that every article is whole (its child
    /// rows are all there); returns one line per problem.
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if integrity != "ok" {
            problems.push(format!("integrity_check: {integrity}"));
        }
        let mut stmt = self
            .conn
            .prepare("PRAGMA foreign_key_check")
            .map_err(|e| self.err(e))?;
        let bad: usize = stmt
            .query_map([], |_| Ok(()))
            .map_err(|e| self.err(e))?
            .count();
        if bad > 0 {
            problems.push(format!("foreign_key_check: {bad} rows"));
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT file,
                    paragraph_count - (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id),
                    metric_count - (SELECT count(*) FROM metrics m WHERE m.article_id = a.id),
                    gauge_count - (SELECT count(*) FROM gauges g WHERE g.article_id = a.id)
                 FROM articles a",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (file, p, m, g) = row.map_err(|e| self.err(e))?;
            if (p, m, g) != (0, 0, 0) {
                problems.push(format!(
                    "{file}: missing {p} paragraphs, {m} metrics, {g} gauges"
                ));
            }
        }
        Ok(problems)
    }
}

/// How many candidate texts a search ranks at most.
const CANDIDATES: usize = 1000;

/// How many whole articles a [`SqliteCorpus`] keeps in memory.
const ARTICLE_CACHE: usize = 32;

/// A store opened for the explorer: headers are read at open, an article's text when it is
/// asked for (the last few are kept), the metrics and gauges of all articles on first use.
#[derive(Debug)]
pub struct SqliteCorpus {
    /// The row id of each article, by article id (corpus order: by file).
    rows: Vec<i64>,
    headers: Vec<Header>,
    /// The article id of each row id.
    place: HashMap<i64, usize>,
    store: Mutex<SqliteStore>,
    /// A connection of its own for the search thread, so showing an article never waits
    /// for a search.
    search: Mutex<SqliteStore>,
    cache: Mutex<HashMap<usize, Arc<Article>>>,
    measures: OnceLock<Arc<[Article]>>,
    /// How many whole articles have been read from the file.
    reads: AtomicUsize,
}

impl SqliteCorpus {
    /// How many whole articles have been read from the file so far (cache hits not
    /// counted): opening reads none.
    pub fn articles_read(&self) -> usize {
        self.reads.load(Ordering::Relaxed)
    }

    /// Opens the store at `path` and reads every article's header (not its text).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let store = SqliteStore::open(path)?;
        let search = SqliteStore::open(path)?;
        let (rows, headers): (Vec<i64>, Vec<Header>) = store.headers()?.into_iter().unzip();
        let place = rows.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        Ok(Self {
            rows,
            headers,
            place,
            store: Mutex::new(store),
            search: Mutex::new(search),
            cache: Mutex::new(HashMap::new()),
            measures: OnceLock::new(),
            reads: AtomicUsize::new(0),
        })
    }

    fn with_store<T>(&self, f: impl FnOnce(&SqliteStore) -> Result<T, StoreError>) -> Option<T> {
        let store = self.store.lock().ok()?;
        f(&store).ok()
    }

    fn read_measures(&self) -> Arc<[Article]> {
        let found = self.with_store(|store| store.measures(&self.rows, &self.headers));
        found.unwrap_or_default().into()
    }

    /// The candidates for `query` from the persisted index, as docs in corpus order.
    fn candidates(&self, query: &str) -> Option<Vec<(usize, HitTarget, String)>> {
        let store = self.search.lock().ok()?;
        let found = super::fts::candidates(store.connection(), query, CANDIDATES).ok()?;
        let mut docs: Vec<(usize, i64, HitTarget, String)> = found
            .into_iter()
            .filter_map(|c| Some((*self.place.get(&c.article)?, c.seq, c.target, c.text)))
            .collect();
        docs.sort_by_key(|d| (d.0, d.1));
        Some(
            docs.into_iter()
                .map(|(a, _, t, text)| (a, t, text))
                .collect(),
        )
    }
}

impl Corpus for SqliteCorpus {
    fn headers(&self) -> &[Header] {
        &self.headers
    }

    fn article(&self, id: usize) -> Option<ArticleRef> {
        if let Some(hit) = self.cache.lock().ok()?.get(&id) {
            return Some(ArticleRef::one(Arc::clone(hit)));
        }
        let row = *self.rows.get(id)?;
        self.reads.fetch_add(1, Ordering::Relaxed);
        let article = Arc::new(self.with_store(|store| store.article(row))??);
        let mut cache = self.cache.lock().ok()?;
        if cache.len() >= ARTICLE_CACHE {
            cache.clear();
        }
        cache.insert(id, Arc::clone(&article));
        Some(ArticleRef::one(article))
    }

    fn measures(&self) -> Arc<[Article]> {
        Arc::clone(self.measures.get_or_init(|| self.read_measures()))
    }

    fn search(&self, query: &str, limit: usize, cancel: &AtomicBool) -> Option<Vec<Hit>> {
        let normalized = normalize_query(query);
        if normalized.is_empty() {
            return Some(Vec::new());
        }
        let docs = self.candidates(&normalized).unwrap_or_default();
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        SearchIndex::from_docs(&docs).search_cancellable(query, limit, cancel)
    }
}

fn sqlite(path: &str, source: rusqlite::Error) -> StoreError {
    match source {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotAStore {
                path: path.to_owned(),
                why: "not an SQLite database".to_owned(),
            }
        }
        source => StoreError::Sqlite {
            path: path.to_owned(),
            source,
        },
    }
}

/// Parses `inputs` into the store at `path`, creating it if needed: only files that are new,
/// changed (by content hash) or parsed by another [`PARSER_VERSION`] are parsed (all of them
/// with `force`); articles whose file lies under an input but no longer exists are removed.
/// Raw files over `max_file_bytes` are refused, as when loading.
/// Each file is written in its own transaction as soon as it is parsed. `start` is told how
/// many files there are and `done` is called after each.
pub fn update(
    path: &Path,
    inputs: &[PathBuf],
    force: bool,
    max_file_bytes: u64,
    start: &dyn Fn(usize),
    done: &(dyn Fn() + Sync),
) -> Result<UpdateReport, StoreError> {
    let mut store = SqliteStore::create_or_open(path)?;
    let known = store.known_files()?;
    let mut report = UpdateReport::default();
    let found = sources(inputs, &mut report.errors);
    start(found.len());
    let mut seen: HashSet<String> = HashSet::new();
    let mut raw = Vec::new();
    for source in found {
        match source {
            Source::Raw(p) => {
                seen.insert(p.display().to_string());
                raw.push(p);
            }
            Source::Corpus(p) => {
                match load_corpus(&p) {
                    Ok(articles) => {
                        for article in articles {
                            seen.insert(article.file.clone());
                            let hash = content_hash(
                                serde_json::to_string(&article)
                                    .unwrap_or_default()
                                    .as_bytes(),
                            );
                            let same = known.get(&article.file).is_some_and(|(h, _)| *h == hash);
                            if same && !force {
                                report.unchanged += 1;
                            } else {
                                store.put(&hash, &article)?;
                                report.parsed += 1;
                            }
                        }
                    }
                    Err(e) => report.errors.push(e),
                }
                done();
            }
        }
    }
    store.set_meta("parser_version", &PARSER_VERSION.to_string())?;

    // Parse on the rayon pool, write here: SQLite has one writer, and each article is
    // committed as soon as it arrives so that an interrupted run keeps what it finished.
    let (tx, rx) = mpsc::sync_channel::<(String, String, Parsed)>(64);
    let skipped = AtomicUsize::new(0);
    let outcome = std::thread::scope(|scope| {
        let known = &known;
        let skipped = &skipped;
        scope.spawn(move || {
            raw.par_iter().for_each_with(tx, |tx, p| {
                let file = p.display().to_string();
                let item = match read_raw(p, max_file_bytes) {
                    Err(e) => Some((file, String::new(), Err(e.message))),
                    Ok(bytes) => {
                        let hash = content_hash(&bytes);
                        let fresh = known
                            .get(&file)
                            .is_some_and(|(h, v)| *h == hash && *v == PARSER_VERSION);
                        if fresh && !force {
                            None
                        } else {
                            let parsed = parse_bytes(&file, &bytes)
                                .map(|a| {
                                    let rows = SearchRows::of(&a);
                                    (a, rows)
                                })
                                .map_err(|e| e.to_string());
                            Some((file, hash, parsed))
                        }
                    }
                };
                if let Some(item) = item {
                    let _ = tx.send(item);
                } else {
                    skipped.fetch_add(1, Ordering::Relaxed);
                    done();
                }
            });
        });
        let mut written = 0;
        for (file, hash, parsed) in rx {
            match parsed {
                Ok((article, rows)) => {
                    store.put_with(&hash, &article, &rows)?;
                    written += 1;
                }
                Err(message) => report.errors.push(LoadError { file, message }),
            }
            done();
        }
        Ok::<usize, StoreError>(written)
    })?;
    report.parsed += outcome;
    report.unchanged += skipped.load(Ordering::Relaxed);

    for file in known.keys() {
        if !seen.contains(file) && is_gone(file, inputs) {
            store.remove(file)?;
            report.removed += 1;
        }
    }
    store.prune_regions()?;
    if report.parsed + report.removed > 0 {
        store.optimize_search()?;
    }
    Ok(report)
}

/// True when `file` lies in the scope of this run's inputs and no longer exists.
fn is_gone(file: &str, inputs: &[PathBuf]) -> bool {
    let path = Path::new(file);
    let in_scope = inputs
        .iter()
        .any(|input| path == input || (input.is_dir() && path.starts_with(input)));
    in_scope && !path.exists()
}

fn write_article(
    tx: &Transaction<'_>,
    hash: &str,
    a: &Article,
    rows: &SearchRows,
) -> rusqlite::Result<i64> {
    tx.execute("DELETE FROM articles WHERE file = ?1", [&a.file])?;
    let region_id = match &a.region {
        Some(region) => Some(put_region(tx, region, a)?),
        None => None,
    };
    tx.execute(
        "INSERT INTO articles (file, content_hash, parser_version, title, title_derived, region,
            region_id, region_code, region_level, region_path, published, source, byline,
            keywords, period, script, encoding, paragraph_count, metric_count, gauge_count,
            original)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21)",
        params![
            a.file,
            hash,
            PARSER_VERSION,
            a.title,
            a.title_derived,
            a.region,
            region_id,
            a.region_code,
            a.region_level.map(RegionLevel::as_str),
            json_list(&a.region_path),
            a.published,
            a.source,
            a.byline,
            json_list(&a.keywords),
            a.period,
            script_name(a.script),
            a.encoding,
            a.paragraphs.len(),
            a.metrics.len(),
            a.gauges.len(),
            a.original,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let headings: HashSet<usize> = a.headings.iter().copied().collect();
    let mut stmt = tx.prepare_cached("INSERT INTO paragraphs VALUES (?1, ?2, ?3, ?4)")?;
    for (i, text) in a.paragraphs.iter().enumerate() {
        stmt.execute(params![id, i, headings.contains(&i), text])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO metrics VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (i, m) in a.metrics.iter().enumerate() {
        stmt.execute(params![
            id,
            i,
            m.label,
            m.value,
            m.unit,
            m.kind.as_str(),
            m.period,
            m.redacted,
            m.raw,
            m.approximate,
            m.forecast,
            m.indicator,
            m.source.paragraph,
            m.source.start,
            m.source.end,
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO gauges VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
            ?15, ?16, ?17, ?18)",
    )?;
    for (i, g) in a.gauges.iter().enumerate() {
        stmt.execute(params![
            id,
            i,
            g.label,
            g.actual,
            g.target,
            g.percent,
            g.percent_stated,
            g.unit,
            g.actual_period,
            g.target_period,
            g.cross_period,
            g.indicator,
            g.source.paragraph,
            g.source.start,
            g.source.end,
            g.target_source.map(|s| s.paragraph),
            g.target_source.map(|s| s.start),
            g.target_source.map(|s| s.end),
        ])?;
    }
    let mut stmt = tx.prepare_cached("INSERT INTO warnings VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for (i, w) in a.warnings.iter().enumerate() {
        stmt.execute(params![id, i, w.kind, w.offset, w.line, w.text, w.hint])?;
    }
    let mut stmt = tx.prepare_cached("INSERT INTO boilerplate VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, b) in a.boilerplate.iter().enumerate() {
        stmt.execute(params![id, i, b.kind, b.line, b.text])?;
    }
    let mut stmt = tx.prepare_cached("INSERT INTO repairs VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for (i, r) in a.repairs.iter().enumerate() {
        stmt.execute(params![id, i, r.rule, r.start, r.end, r.replacement])?;
    }
    super::fts::write(tx, id, rows)?;
    Ok(id)
}

/// Inserts the article's region and its ancestors (from `region_path`), returning the id of
/// the region itself.
fn put_region(tx: &Transaction<'_>, region: &str, a: &Article) -> rusqlite::Result<i64> {
    let names: Vec<&str> = if a.region_path.last().map(String::as_str) == Some(region) {
        a.region_path.iter().map(String::as_str).collect()
    } else {
        vec![region]
    };
    let mut parent: Option<i64> = None;
    let mut path = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            path.push('/');
        }
        path.push_str(name);
        let leaf = i + 1 == names.len();
        let (code, level) = if leaf {
            (
                a.region_code.as_deref(),
                a.region_level.map(RegionLevel::as_str),
            )
        } else {
            (None, None)
        };
        tx.execute(
            "INSERT INTO regions (name, path, code, level, parent_id) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(path) DO UPDATE SET
                code = coalesce(excluded.code, code), level = coalesce(excluded.level, level)",
            params![name, path, code, level, parent],
        )?;
        let id: i64 = tx.query_row("SELECT id FROM regions WHERE path = ?1", [&path], |r| {
            r.get(0)
        })?;
        parent = Some(id);
    }
    Ok(parent.unwrap_or_default())
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

fn script_name(script: Script) -> &'static str {
    match script {
        Script::Simplified => "simplified",
        Script::Traditional => "traditional",
    }
}

enum ReadError {
    Sqlite(rusqlite::Error),
    Row(String, String),
}

impl From<rusqlite::Error> for ReadError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

fn read_article(conn: &Connection, id: i64) -> Result<Option<Article>, ReadError> {
    let head = conn
        .query_row(
            "SELECT file, title, title_derived, region, region_code, region_level, region_path,
                published, source, byline, keywords, period, script, encoding, original
             FROM articles WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    Article {
                        file: r.get(0)?,
                        title: r.get(1)?,
                        title_derived: r.get(2)?,
                        region: r.get(3)?,
                        region_code: r.get(4)?,
                        published: r.get(7)?,
                        source: r.get(8)?,
                        byline: r.get(9)?,
                        period: r.get(11)?,
                        encoding: r.get(13)?,
                        original: r.get(14)?,
                        ..Article::default()
                    },
                    [
                        r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, String>(12)?,
                    ],
                ))
            },
        )
        .optional()?;
    let Some((mut a, [level, path, keywords, script])) = head else {
        return Ok(None);
    };
    let bad = |what: &str, value: &str| ReadError::Row(a.file.clone(), format!("{what} {value:?}"));
    a.region_level = match level.as_str() {
        "" => None,
        s => Some(parse_enum(s).ok_or_else(|| bad("region_level", s))?),
    };
    a.region_path = serde_json::from_str(&path).map_err(|_| bad("region_path", &path))?;
    a.keywords = serde_json::from_str(&keywords).map_err(|_| bad("keywords", &keywords))?;
    a.script = parse_enum(&script).ok_or_else(|| bad("script", &script))?;

    let mut stmt = conn.prepare_cached(
        "SELECT heading, text FROM paragraphs WHERE article_id = ?1 ORDER BY idx",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get::<_, bool>(0)?, r.get::<_, String>(1)?)))?;
    for (i, row) in rows.enumerate() {
        let (heading, text) = row?;
        if heading {
            a.headings.push(i);
        }
        a.paragraphs.push(text);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {METRIC_COLUMNS} FROM metrics WHERE article_id = ?1 ORDER BY idx"
    ))?;
    let rows = stmt.query_map([id], |r| metric_row(r, 0))?;
    for row in rows {
        a.metrics
            .push(row?.map_err(|(what, value)| bad(what, &value))?);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GAUGE_COLUMNS} FROM gauges WHERE article_id = ?1 ORDER BY idx"
    ))?;
    let rows = stmt.query_map([id], |r| gauge_row(r, 0))?;
    a.gauges = rows.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT kind, \"offset\", line, text, hint FROM warnings WHERE article_id = ?1 ORDER BY idx",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Warning {
            kind: r.get(0)?,
            offset: r.get(1)?,
            line: r.get(2)?,
            text: r.get(3)?,
            hint: r.get(4)?,
        })
    })?;
    a.warnings = rows.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT kind, line, text FROM boilerplate WHERE article_id = ?1 ORDER BY idx",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Boilerplate {
            kind: r.get(0)?,
            line: r.get(1)?,
            text: r.get(2)?,
        })
    })?;
    a.boilerplate = rows.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT rule, start, \"end\", replacement FROM repairs WHERE article_id = ?1 ORDER BY idx",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Repair {
            rule: r.get(0)?,
            start: r.get(1)?,
            end: r.get(2)?,
            replacement: r.get(3)?,
        })
    })?;
    a.repairs = rows.collect::<rusqlite::Result<_>>()?;
    Ok(Some(a))
}

/// The columns [`metric_row`] reads, in order.
const METRIC_COLUMNS: &str = "label, value, unit, kind, period, redacted, raw, approximate, \
    forecast, indicator, paragraph, start, \"end\"";

/// The columns [`gauge_row`] reads, in order.
const GAUGE_COLUMNS: &str = "label, actual, target, percent, percent_stated, unit, \
    actual_period, target_period, cross_period, indicator, paragraph, start, \"end\", \
    target_paragraph, target_start, target_end";

/// A metric from [`METRIC_COLUMNS`] starting at column `at`; an unknown kind is returned as
/// the column name and value.
fn metric_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Result<Metric, (&'static str, String)>> {
    let kind: String = r.get(at + 3)?;
    let Some(kind) = parse_enum::<MetricKind>(&kind) else {
        return Ok(Err(("metric kind", kind)));
    };
    Ok(Ok(Metric {
        label: r.get(at)?,
        value: r.get(at + 1)?,
        unit: r.get(at + 2)?,
        kind,
        period: r.get(at + 4)?,
        redacted: r.get(at + 5)?,
        raw: r.get(at + 6)?,
        approximate: r.get(at + 7)?,
        forecast: r.get(at + 8)?,
        indicator: r.get(at + 9)?,
        source: span(r, at + 10)?,
        ..Metric::default()
    }))
}

/// A gauge from [`GAUGE_COLUMNS`] starting at column `at`.
fn gauge_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Gauge> {
    let target_source = match (
        r.get::<_, Option<usize>>(at + 13)?,
        r.get::<_, Option<usize>>(at + 14)?,
        r.get::<_, Option<usize>>(at + 15)?,
    ) {
        (Some(paragraph), Some(start), Some(end)) => Some(Span {
            paragraph,
            start,
            end,
        }),
        _ => None,
    };
    Ok(Gauge {
        label: r.get(at)?,
        actual: r.get::<_, Option<f64>>(at + 1)?.unwrap_or(f64::NAN),
        target: r.get(at + 2)?,
        percent: r.get(at + 3)?,
        percent_stated: r.get(at + 4)?,
        unit: r.get(at + 5)?,
        actual_period: r.get(at + 6)?,
        target_period: r.get(at + 7)?,
        cross_period: r.get(at + 8)?,
        indicator: r.get(at + 9)?,
        source: span(r, at + 10)?,
        target_source,
    })
}

fn span(r: &Row<'_>, first: usize) -> rusqlite::Result<Span> {
    Ok(Span {
        paragraph: r.get(first)?,
        start: r.get(first + 1)?,
        end: r.get(first + 2)?,
    })
}

/// Reads a lowercase enum name the way serde writes it.
fn parse_enum<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::builtin;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("zhaoshang-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn no_progress() -> (impl Fn(usize), impl Fn() + Sync) {
        (|_| {}, || {})
    }

    #[test]
    fn articles_round_trip_exactly() {
        let dir = temp("round-trip");
        let mut store = SqliteStore::create_or_open(&dir.join("c.db")).unwrap();
        let mut articles = builtin();
        // The gazetteer fields are filled in elsewhere; store them all the same.
        articles[1].region_code = Some("150500".to_owned());
        articles[1].region_level = Some(RegionLevel::Prefecture);
        articles[1].region_path = vec!["内蒙古自治区".to_owned(), "通辽市".to_owned()];
        articles[0].metrics[0].indicator = Some("funds_in_place".to_owned());
        articles[0].metrics[0].approximate = true;
        articles[0].gauges[0].indicator = Some("funds_in_place".to_owned());
        for a in &articles {
            store.put("h", a).unwrap();
        }
        let back = store.articles().unwrap();
        let mut sorted = articles.clone();
        sorted.sort_by(|a, b| a.file.cmp(&b.file));
        assert_eq!(back, sorted);
        assert!(store.check().unwrap().is_empty());
        let (code, parent): (String, String) = store
            .connection()
            .query_row(
                "SELECT r.code, p.name FROM regions r JOIN regions p ON p.id = r.parent_id
                 WHERE r.name = '通辽市'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((code.as_str(), parent.as_str()), ("150500", "内蒙古自治区"));
    }

    #[test]
    fn putting_an_article_again_replaces_it_and_cascades() {
        let dir = temp("replace");
        let mut store = SqliteStore::create_or_open(&dir.join("c.db")).unwrap();
        let mut a = builtin().remove(0);
        store.put("1", &a).unwrap();
        a.metrics.truncate(1);
        store.put("2", &a).unwrap();
        assert_eq!(store.len().unwrap(), 1);
        let metrics: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM metrics", [], |r| r.get(0))
            .unwrap();
        assert_eq!(metrics, 1);
        assert!(store.remove(&a.file).unwrap());
        let paragraphs: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM paragraphs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(paragraphs, 0, "children go with their article");
        for table in [
            "search_docs",
            "search_keys",
            "search_pinyin",
            "search_loose",
        ] {
            let n: i64 = store
                .connection()
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0, "{table} follows its article");
        }
    }

    #[test]
    fn another_schema_version_is_refused_with_advice() {
        let dir = temp("version");
        let path = dir.join("c.db");
        drop(SqliteStore::create_or_open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        drop(conn);
        let newer = SqliteStore::open(&path).unwrap_err().to_string();
        assert!(newer.contains("schema version 99"), "{newer}");
        assert!(newer.contains("newer zhaoshang"), "{newer}");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 0").unwrap();
        drop(conn);
        let older = SqliteStore::create_or_open(&path).unwrap_err().to_string();
        assert!(older.contains("schema version 0"), "{older}");
        assert!(
            older.contains("zhaoshang parse SOURCES -o NEW.db"),
            "{older}"
        );
    }

    #[test]
    fn foreign_files_are_not_stores() {
        let dir = temp("foreign");
        let text = dir.join("notes.db");
        std::fs::write(&text, "这不是数据库 not a database at all, just some words").unwrap();
        let e = SqliteStore::open(&text).unwrap_err().to_string();
        assert!(e.contains("not a zhaoshang corpus store"), "{e}");
        let other = dir.join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        let e = SqliteStore::create_or_open(&other).unwrap_err().to_string();
        assert!(e.contains("application_id 0x0"), "{e}");
        let e = SqliteStore::open(&dir.join("missing.db"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("no such file"), "{e}");
    }

    #[test]
    fn update_parses_only_new_and_changed_files_and_removes_gone_ones() {
        let dir = temp("incremental");
        let raw = dir.join("raw");
        std::fs::create_dir_all(&raw).unwrap();
        for (name, bytes) in crate::synth::generate(4, 3) {
            std::fs::write(raw.join(name), bytes).unwrap();
        }
        let db = dir.join("c.db");
        let (start, done) = no_progress();
        let inputs = [raw.clone()];
        let first = update(&db, &inputs, false, u64::MAX, &start, &done).unwrap();
        assert_eq!((first.parsed, first.unchanged, first.removed), (4, 0, 0));

        let again = update(&db, &inputs, false, u64::MAX, &start, &done).unwrap();
        assert_eq!((again.parsed, again.unchanged, again.removed), (0, 4, 0));

        let changed = raw.join("synth-000001.txt");
        let mut bytes = std::fs::read(&changed).unwrap();
        bytes.extend_from_slice("\n今年新增签约项目12个。\n".as_bytes());
        std::fs::write(&changed, bytes).unwrap();
        std::fs::remove_file(raw.join("synth-000002.txt")).unwrap();
        std::fs::write(raw.join("new.txt"), "通辽市招商引资签约项目8个。").unwrap();
        let third = update(&db, &inputs, false, u64::MAX, &start, &done).unwrap();
        assert_eq!((third.parsed, third.unchanged, third.removed), (2, 2, 1));
        let store = SqliteStore::open(&db).unwrap();
        let files: Vec<String> = store
            .headers()
            .unwrap()
            .into_iter()
            .map(|(_, h)| h.file)
            .collect();
        assert_eq!(files.len(), 4);
        assert!(!files.iter().any(|f| f.ends_with("synth-000002.txt")));
        let id = store
            .headers()
            .unwrap()
            .into_iter()
            .find(|(_, h)| h.file.ends_with("synth-000001.txt"))
            .unwrap()
            .0;
        let text = store.article(id).unwrap().unwrap().paragraphs.join("");
        assert!(
            text.contains("今年新增签约项目12个"),
            "the changed file was reparsed"
        );
        drop(store);

        let forced = update(&db, &inputs, true, u64::MAX, &start, &done).unwrap();
        assert_eq!((forced.parsed, forced.unchanged), (4, 0));

        // Rows made by another parser version are parsed again.
        Connection::open(&db)
            .unwrap()
            .execute(
                "UPDATE articles SET parser_version = 0 WHERE file LIKE '%new.txt'",
                [],
            )
            .unwrap();
        let bumped = update(&db, &inputs, false, u64::MAX, &start, &done).unwrap();
        assert_eq!((bumped.parsed, bumped.unchanged), (1, 3));
        assert!(SqliteStore::open(&db).unwrap().check().unwrap().is_empty());
    }

    #[test]
    fn a_store_opens_lazily_and_serves_what_memory_serves() {
        let dir = temp("lazy");
        let db = dir.join("c.db");
        let mut store = SqliteStore::create_or_open(&db).unwrap();
        // The five seeds. Over the whole built-in corpus the two disagree on `x`: the
        // in-memory index finds 省 by its reading xǐng (湖北省, 山西省), the store does not.
        let mut articles = builtin();
        articles.truncate(5);
        for a in &articles {
            store.put("h", a).unwrap();
        }
        drop(store);
        let corpus = Arc::new(SqliteCorpus::open(&db).unwrap());
        let memory = crate::store::MemoryCorpus::new(articles.clone());
        assert_eq!(corpus.headers(), memory.headers());
        assert_eq!(corpus.articles_read(), 0, "opening reads headers only");
        assert_eq!(*corpus.article(3).unwrap(), articles[3]);
        assert_eq!(*corpus.article(3).unwrap(), articles[3]);
        assert_eq!(corpus.articles_read(), 1, "the second read is cached");
        assert!(corpus.article(articles.len()).is_none());
        let measures = corpus.measures();
        for (m, a) in measures.iter().zip(&articles) {
            assert_eq!(
                (&m.metrics, &m.gauges, &m.region),
                (&a.metrics, &a.gauges, &a.region)
            );
            assert!(m.paragraphs.is_empty());
        }
        let cancel = AtomicBool::new(false);
        for query in [
            "tongliao",
            "通遼",
            "谷城",
            "gc",
            "谷",
            "zs",
            "zhaoshang",
            "招商引資",
            "gdp",
            "5月",
            "x",
            "签约项目",
            "qianyue",
            "tljs",
            "hefei",
            "",
        ] {
            assert_eq!(
                corpus.search(query, 20, &cancel),
                memory.search(query, 20, &cancel),
                "{query}"
            );
        }
        // Punctuation alone has no key to look up (the in-memory index matches it).
        assert_eq!(corpus.search("。", 20, &cancel), Some(Vec::new()));
    }

    #[test]
    fn articles_outside_the_inputs_are_kept() {
        let dir = temp("scope");
        let (a, b) = (dir.join("a"), dir.join("b"));
        for (d, (name, bytes)) in [&a, &b].into_iter().zip(crate::synth::generate(2, 5)) {
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(d.join(name), bytes).unwrap();
        }
        let db = dir.join("c.db");
        let (start, done) = no_progress();
        update(
            &db,
            std::slice::from_ref(&a),
            false,
            u64::MAX,
            &start,
            &done,
        )
        .unwrap();
        let second = update(
            &db,
            std::slice::from_ref(&b),
            false,
            u64::MAX,
            &start,
            &done,
        )
        .unwrap();
        assert_eq!((second.parsed, second.removed), (1, 0));
        assert_eq!(SqliteStore::open(&db).unwrap().len().unwrap(), 2);
    }
}
