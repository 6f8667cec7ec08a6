//! The corpus store at 1k and 10k synthetic articles (100k with `ZHAOSHANG_BENCH_100K=1`):
//! each corpus is written as raw files, parsed into a store once (throughput, and the same
//! files through `opencc -c t2s.json` when it is installed, for the ratio), then measured:
//! open → first frame on a 120×36 TestBackend; the region tree, the picker's filter and
//! the overview opened (as `benches/render.rs` measures them in memory); search per
//! keystroke over the same queries as `benches/search.rs` with a p95 report, and the
//! store's size against the raw text.
//! Files live in `target/bench-store/` and are reused between runs.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use latency::{Keystrokes, percentile};
use zhaoshang::store::Store;
use zhaoshang::store::sqlite::{SqliteCorpus, update};
use zhaoshang::tui::action::Action;
use zhaoshang::tui::{Options, app_for_view, render_buffer};

#[path = "support/latency.rs"]
mod latency;

/// The queries typed, by kind: the same set as the in-memory search benchmark.
const QUERIES: [(&str, &str); 7] = [
    ("chinese", "招商引资"),
    ("pinyin", "zhaoshang"),
    ("traditional", "項目建設"),
    ("initials", "zsyz"),
    ("pinyin", "xiangmu"),
    ("latin", "GDP"),
    ("chinese", "项目"),
];

/// Hits asked for per keystroke, as the TUI does.
const LIMIT: usize = 50;

/// Rounds of every keystroke in the p95 report.
const ROUNDS: usize = 10;

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("ZHAOSHANG_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    sizes
}

fn prefixes(query: &str) -> Vec<&str> {
    query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
        .collect()
}

fn work_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-store")
}

/// Writes `n` synthetic raw articles (once) and returns their folder and total bytes.
fn raw_corpus(n: usize) -> (PathBuf, u64) {
    let dir = work_dir().join(format!("raw-{n}"));
    let complete = std::fs::read_dir(&dir).map_or(0, Iterator::count) == n;
    if !complete {
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        for (name, bytes) in zhaoshang::synth::generate(n, 1) {
            let _ = std::fs::write(dir.join(name), bytes);
        }
    }
    let bytes = std::fs::read_dir(&dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum()
    });
    (dir, bytes)
}

/// Parses `raw` into a fresh store, printing the throughput; returns the store's path.
fn parse_store(n: usize, raw: &Path, bytes: u64) -> PathBuf {
    let db = work_dir().join(format!("corpus-{n}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let start = Instant::now();
    let report = update(&db, &[raw.to_path_buf()], false, u64::MAX, &|_| {}, &|| {});
    let took = start.elapsed();
    let mib = bytes as f64 / 1_048_576.0;
    match report {
        Ok(r) => eprintln!(
            "{n} articles: parsed {} into the store in {took:.2?}, {:.2} MiB/s ({mib:.1} MiB raw)",
            r.parsed,
            mib / took.as_secs_f64()
        ),
        Err(e) => eprintln!("{n} articles: the store was not written: {e}"),
    }
    if let Some(opencc) = opencc_time(raw) {
        eprintln!(
            "{n} articles: opencc -c t2s.json over the same files in {opencc:.2?}, {:.2} MiB/s; parse/opencc throughput {:.2}x",
            mib / opencc.as_secs_f64(),
            opencc.as_secs_f64() / took.as_secs_f64()
        );
    }
    let size = std::fs::metadata(&db).map_or(0, |m| m.len());
    eprintln!(
        "{n} articles: store {:.1} MiB, {:.2}x the raw text",
        size as f64 / 1_048_576.0,
        size as f64 / bytes.max(1) as f64
    );
    db
}

/// Converts every file of `raw` with `opencc -c t2s.json` (two processes at a time, one
/// per core), or `None` when opencc is not installed.
fn opencc_time(raw: &Path) -> Option<Duration> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(raw)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    // One input per core: the raw files concatenated, so process start-up does not count.
    let halves: Vec<PathBuf> = files
        .chunks(files.len().div_ceil(2).max(1))
        .enumerate()
        .map(|(i, chunk)| {
            let path = work_dir().join(format!("opencc-in-{i}.txt"));
            let mut text = Vec::new();
            for f in chunk {
                text.extend(std::fs::read(f).unwrap_or_default());
                text.push(b'\n');
            }
            let _ = std::fs::write(&path, text);
            path
        })
        .collect();
    let start = Instant::now();
    let children: Vec<_> = halves
        .iter()
        .enumerate()
        .map(|(i, input)| {
            Command::new("opencc")
                .args(["-c", "t2s.json", "-i"])
                .arg(input)
                .arg("-o")
                .arg(work_dir().join(format!("opencc-out-{i}.txt")))
                .spawn()
        })
        .collect::<Result<_, _>>()
        .ok()?;
    for mut child in children {
        if !child.wait().ok()?.success() {
            return None;
        }
    }
    Some(start.elapsed())
}

fn bench_store(c: &mut Criterion) {
    let options = Options::default();
    for n in sizes() {
        let (raw, bytes) = raw_corpus(n);
        let db = parse_store(n, &raw, bytes);
        let mut group = c.benchmark_group(format!("store/{n}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(2));
        group.bench_function("open_first_frame", |b| {
            b.iter(|| {
                let Ok(corpus) = SqliteCorpus::open(&db) else {
                    return;
                };
                let Ok(app) = app_for_view(Store::new(corpus), &options, None, 120, 36) else {
                    return;
                };
                black_box(render_buffer(&app, 120, 36));
            });
        });
        // The region tree, the picker's filter and the overview on a store (issue 11's
        // frame budget), as `benches/render.rs` measures them on a corpus in memory.
        let app_on = |view: Option<&str>| {
            let corpus = SqliteCorpus::open(&db).ok()?;
            app_for_view(Store::new(corpus), &options, view, 120, 36).ok()
        };
        if let Some(tree) = app_on(Some("tree")) {
            group.bench_function("tree", |b| {
                b.iter(|| render_buffer(black_box(&tree), 120, 36));
            });
        }
        if let Some(mut picker) = app_on(Some("tree")) {
            group.bench_function("picker_filter", |b| {
                b.iter(|| {
                    picker.update(Action::ClearInput);
                    picker.update(Action::Input('d'));
                    picker.update(Action::Input('s'));
                    render_buffer(black_box(&picker), 120, 36)
                });
            });
        }
        group.bench_function("overview_first", |b| {
            // Once the background work is done, as a user who opens it after the first screen.
            b.iter_batched_ref(
                || {
                    let app = app_on(None);
                    if let Some(app) = &app {
                        app.settle();
                    }
                    app
                },
                |app| {
                    if let Some(app) = app {
                        app.update(Action::ShowOverview);
                        black_box(render_buffer(app, 120, 36));
                    }
                },
                BatchSize::PerIteration,
            );
        });
        let Ok(corpus) = SqliteCorpus::open(&db) else {
            eprintln!("{n} articles: the store does not open");
            continue;
        };
        let never = AtomicBool::new(false);
        for (kind, query) in QUERIES.iter().take(3) {
            for prefix in prefixes(query) {
                group.bench_with_input(BenchmarkId::new(*kind, prefix), prefix, |b, q| {
                    b.iter(|| {
                        black_box(zhaoshang::store::Corpus::search(&corpus, q, LIMIT, &never))
                    });
                });
            }
        }
        group.finish();
        report_p95(n, &corpus);
    }
}

/// Prints the median and 95th percentile of one keystroke's search, and the slowest
/// keystrokes' medians.
fn report_p95(n: usize, corpus: &SqliteCorpus) {
    let never = AtomicBool::new(false);
    let mut all = Vec::new();
    let mut keystrokes = Keystrokes::default();
    for _ in 0..ROUNDS {
        for (_, query) in QUERIES {
            for prefix in prefixes(query) {
                let t = Instant::now();
                black_box(zhaoshang::store::Corpus::search(
                    corpus, prefix, LIMIT, &never,
                ));
                let took = t.elapsed();
                all.push(took);
                keystrokes.record(prefix, took);
            }
        }
    }
    eprintln!(
        "{n} articles (store): per keystroke median {:.2?}, p95 {:.2?} ({} keystrokes); slowest medians: {}",
        percentile(&mut all, 50),
        percentile(&mut all, 95),
        all.len(),
        keystrokes.slowest(6)
    );
}

criterion_group!(benches, bench_store);
criterion_main!(benches);
