//! The store's persisted search index: writing an article's search texts and their
//! full-text keys, and finding the candidate texts for a query.
//!
//! Candidates are found with SQLite FTS5 over one token per character (so one- and
//! two-character queries are token and phrase lookups, not scans) and over each character's
//! pinyin readings; [`crate::search::SearchIndex::from_docs`] then ranks them exactly as the
//! in-memory index would. The lookups run best kind of match first (the query as written,
//! then its characters anywhere, then pinyin) and stop at a fixed number of texts taken in
//! storage order, so a query that matches a large share of a big corpus ranks that many of
//! its matches, not all of them: the cost of a keystroke does not grow with the corpus.

use rusqlite::{Connection, Transaction, params};

use crate::corpus::{Article, Span};
use crate::search::{HitTarget, IndexKeys, documents, index_keys, pinyin_cuts};

/// How many pinyin cuts a query is looked up with.
const CUTS: usize = 6;

/// The search texts of an article and their keys, computed before the write (on the parse
/// threads) so that the one writer only inserts.
#[derive(Debug, Clone, Default)]
pub struct SearchRows(Vec<(HitTarget, IndexKeys)>);

impl SearchRows {
    /// The rows of `article`.
    pub fn of(article: &Article) -> Self {
        Self(
            documents(article)
                .into_iter()
                .map(|(target, text)| (target, index_keys(&text)))
                .collect(),
        )
    }
}

/// Writes the search texts of article row `id` and their keys.
pub(crate) fn write(tx: &Transaction<'_>, id: i64, rows: &SearchRows) -> rusqlite::Result<()> {
    let mut doc = tx.prepare_cached(
        "INSERT INTO search_docs (article_id, seq, kind, paragraph, start, \"end\", metric)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut keys = tx.prepare_cached("INSERT INTO search_keys (rowid, chars) VALUES (?1, ?2)")?;
    let mut pinyin =
        tx.prepare_cached("INSERT INTO search_pinyin (rowid, pinyin) VALUES (?1, ?2)")?;
    let mut loose = tx.prepare_cached("INSERT INTO search_loose (rowid, loose) VALUES (?1, ?2)")?;
    for (seq, (target, k)) in rows.0.iter().enumerate() {
        let (kind, span, metric) = match *target {
            HitTarget::Title => (0, None, None),
            HitTarget::Region => (1, None, None),
            HitTarget::Sentence(span) => (2, Some(span), None),
            HitTarget::Metric(i) => (3, None, Some(i)),
        };
        doc.execute(params![
            id,
            seq,
            kind,
            span.map(|s| s.paragraph),
            span.map(|s| s.start),
            span.map(|s| s.end),
            metric,
        ])?;
        let row = tx.last_insert_rowid();
        keys.execute(params![row, k.chars])?;
        pinyin.execute(params![row, k.pinyin])?;
        loose.execute(params![row, k.loose])?;
    }
    Ok(())
}

/// One candidate text: its article's row id, its place in the article, what it is, and
/// the text itself.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// The search_docs row.
    pub doc: i64,
    /// The article's row id.
    pub article: i64,
    /// Order within the article.
    pub seq: i64,
    /// What the text is.
    pub target: HitTarget,
    /// The text.
    pub text: String,
}

/// The FTS5 lookups whose matches hold every text `query` (normalised) can match, as
/// (table, query): the characters as one phrase (contiguous matches, the best), every
/// character anywhere (all fuzzy matches), and for a query of letters the phrases of its
/// pinyin cuts over first readings, then the same cuts over every reading and neighbouring
/// initials (polyphones: 重庆 as `chongqing`). Only the cuts with the fewest pieces (and
/// one more) are looked up, so a match that needs a cut into many more pieces than the
/// query's likeliest reading is not found.
pub(crate) fn match_queries(query: &str) -> Vec<(&'static str, String)> {
    let tokens: Vec<String> = query
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| {
            format!(
                "\"{}\"",
                c.to_lowercase().collect::<String>().replace('"', "\"\"")
            )
        })
        .collect();
    let mut out = Vec::new();
    if !tokens.is_empty() {
        out.push(("search_keys", tokens.join(" + ")));
        if tokens.len() > 1 {
            let mut distinct = tokens.clone();
            distinct.sort();
            distinct.dedup();
            out.push(("search_keys", distinct.join(" AND ")));
        }
    }
    if query.bytes().all(|b| b.is_ascii_alphabetic()) {
        let mut cuts = pinyin_cuts(&query.to_ascii_lowercase(), CUTS);
        // Cuts into many short pieces are costly prefix lookups and rarely what was meant:
        // keep those at most one piece longer than the shortest.
        let fewest = cuts.first().map_or(0, Vec::len);
        cuts.retain(|cut| cut.len() <= fewest + 1);
        // One lookup per cut, fewest pieces first, so that a query whose likeliest reading
        // already finds enough never pays for the single-letter cuts.
        for cut in &cuts {
            let pieces: Vec<String> = cut.iter().map(|p| format!("\"{p}\" *")).collect();
            out.push(("search_pinyin", pieces.join(" + ")));
        }
        for cut in &cuts {
            let mut terms: Vec<String> = cut.iter().map(|p| format!("\"{p}\" *")).collect();
            for pair in cut.windows(2) {
                let initial = |p: &String| p.chars().next().unwrap_or('0');
                terms.push(format!("\"9{}{}\"", initial(&pair[0]), initial(&pair[1])));
            }
            out.push(("search_loose", terms.join(" AND ")));
        }
    }
    out
}

/// The candidates for a normalised `query`, without duplicates: the lookups of
/// [`match_queries`] in order, best kind of match first, until `most` texts are found.
pub(crate) fn candidates(
    conn: &Connection,
    query: &str,
    most: usize,
) -> rusqlite::Result<Vec<Candidate>> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (table, expression) in match_queries(query) {
        let each = most.saturating_sub(out.len());
        if each == 0 {
            break;
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT d.id, d.article_id, d.seq, d.kind, d.paragraph, d.start, d.\"end\", d.metric,
                CASE d.kind
                    WHEN 0 THEN (SELECT title FROM articles WHERE id = d.article_id)
                    WHEN 1 THEN (SELECT region FROM articles WHERE id = d.article_id)
                    WHEN 2 THEN (SELECT substr(text, d.start + 1, d.\"end\" - d.start)
                                 FROM paragraphs
                                 WHERE article_id = d.article_id AND idx = d.paragraph)
                    ELSE (SELECT label FROM metrics
                          WHERE article_id = d.article_id AND idx = d.metric)
                END
             FROM (SELECT rowid FROM {table} WHERE {table} MATCH ?1 LIMIT ?2) AS f
             JOIN search_docs d ON d.id = f.rowid"
        ))?;
        let rows = stmt.query_map(params![expression, each], |r| {
            let span = |r: &rusqlite::Row<'_>| -> rusqlite::Result<Span> {
                Ok(Span {
                    paragraph: r.get::<_, Option<usize>>(4)?.unwrap_or_default(),
                    start: r.get::<_, Option<usize>>(5)?.unwrap_or_default(),
                    end: r.get::<_, Option<usize>>(6)?.unwrap_or_default(),
                })
            };
            let target = match r.get::<_, i64>(3)? {
                0 => HitTarget::Title,
                1 => HitTarget::Region,
                2 => HitTarget::Sentence(span(r)?),
                _ => HitTarget::Metric(r.get::<_, Option<usize>>(7)?.unwrap_or_default()),
            };
            Ok(Candidate {
                doc: r.get(0)?,
                article: r.get(1)?,
                seq: r.get(2)?,
                target,
                text: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
            })
        })?;
        for row in rows {
            let candidate = row?;
            if seen.insert(candidate.doc) {
                out.push(candidate);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_look_up_phrases_characters_and_pinyin_cuts() {
        let keys =
            |q: &str| -> Vec<String> { match_queries(q).into_iter().map(|(_, m)| m).collect() };
        assert_eq!(keys("谷城"), ["\"谷\" + \"城\"", "\"城\" AND \"谷\""]);
        assert_eq!(keys("谷"), ["\"谷\""]);
        let tl = keys("tl");
        assert_eq!(tl.len(), 4);
        assert_eq!(tl[2], "\"t\" * + \"l\" *");
        assert_eq!(tl[3], "\"t\" * AND \"l\" * AND \"9tl\"");
        let tongliao = keys("TongLiao");
        assert_eq!(tongliao[2], "\"tong\" * + \"liao\" *", "{tongliao:?}");
        assert!(keys("，。").is_empty());
        assert!(keys("\"a").iter().all(|q| !q.contains("\"\"\"a")));
    }
}
