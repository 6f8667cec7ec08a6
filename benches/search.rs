//! Global search latency per keystroke over synthetic corpora of 1k and 10k articles (100k
//! with `ZHAOSHANG_BENCH_100K=1`): a Chinese query typed character by character, a pinyin
//! query letter by letter and a traditional query, each prefix searched from scratch, plus
//! whole typing runs that reuse the previous keystroke's matches. After the criterion runs,
//! a p95 per keystroke is printed for each corpus.

use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use latency::{Keystrokes, percentile};
use zhaoshang::corpus::{Article, parse_bytes};
use zhaoshang::search::{SearchCache, SearchIndex};

#[path = "support/latency.rs"]
mod latency;

/// The queries typed, by kind.
const QUERIES: [(&str, &str); 3] = [
    ("chinese", "招商引资"),
    ("pinyin", "zhaoshang"),
    ("traditional", "項目建設"),
];

/// More queries for the p95 report only: pinyin initials, a short pinyin word, Latin letters
/// and a two-character word that thousands of sentences contain.
const EXTRA: [(&str, &str); 4] = [
    ("initials", "zsyz"),
    ("pinyin", "xiangmu"),
    ("latin", "GDP"),
    ("chinese", "项目"),
];

/// Rounds of every keystroke in the p95 report.
const ROUNDS: usize = 10;

/// Hits asked for per keystroke, as the TUI does.
const LIMIT: usize = 50;

fn corpus(n: usize) -> Vec<Article> {
    zhaoshang::synth::generate(n, 1)
        .iter()
        .filter_map(|(name, raw)| parse_bytes(name, raw).ok())
        .collect()
}

/// Every prefix of `query`, one per keystroke.
fn prefixes(query: &str) -> Vec<&str> {
    query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
        .collect()
}

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("ZHAOSHANG_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    sizes
}

fn bench_search(c: &mut Criterion) {
    for n in sizes() {
        let articles = corpus(n);
        let start = Instant::now();
        let index = SearchIndex::new(&articles);
        eprintln!(
            "{n} articles: {} texts indexed in {:?}, {:.1} MB on the heap",
            index.len(),
            start.elapsed(),
            index.heap_bytes() as f64 / 1e6
        );
        let mut group = c.benchmark_group(format!("search/{n}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1));
        for (kind, query) in QUERIES {
            for prefix in prefixes(query) {
                group.bench_with_input(BenchmarkId::new(kind, prefix), prefix, |b, q| {
                    b.iter(|| black_box(index.search(q, LIMIT)));
                });
            }
            let never = AtomicBool::new(false);
            group.bench_with_input(BenchmarkId::new("typed", kind), query, |b, q| {
                b.iter(|| {
                    let mut cache = SearchCache::default();
                    for prefix in prefixes(q) {
                        black_box(index.search_incremental(prefix, LIMIT, &mut cache, &never));
                    }
                });
            });
        }
        group.finish();
        report_p95(n, &index);
    }
}

/// Prints the 95th percentile of single-keystroke latency, from scratch and incremental, and
/// the median of each keystroke from scratch (slowest first), so that a regression points at
/// its query.
fn report_p95(n: usize, index: &SearchIndex) {
    let never = AtomicBool::new(false);
    let mut scratch = Vec::new();
    let mut typed = Vec::new();
    let mut keystrokes = Keystrokes::default();
    for _ in 0..ROUNDS {
        for (_, query) in QUERIES.iter().chain(EXTRA.iter()) {
            let mut cache = SearchCache::default();
            for prefix in prefixes(query) {
                let t = Instant::now();
                black_box(index.search(prefix, LIMIT));
                let took = t.elapsed();
                scratch.push(took);
                keystrokes.record(prefix, took);
                let t = Instant::now();
                black_box(index.search_incremental(prefix, LIMIT, &mut cache, &never));
                typed.push(t.elapsed());
            }
        }
    }
    eprintln!(
        "{n} articles: per keystroke median {:.2?}, p95 {:.2?} from scratch, p95 {:.2?} typing with SearchCache ({} keystrokes); slowest medians: {}",
        percentile(&mut scratch, 50),
        percentile(&mut scratch, 95),
        percentile(&mut typed, 95),
        scratch.len(),
        keystrokes.slowest(6)
    );
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
