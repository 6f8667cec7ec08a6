//! Drawing whole screens on TestBackend: the first screen, scrolling through a long article
//! (where the wrap cache matters), each secondary view at 80×24 and 120×36, a 1 MB article
//! (first frame and scrolling), and startup with the built-in corpus to the first frame.
//!
//! At 10,000 synthetic articles in about 2,000 regions placed in a tree of 31 provinces
//! (`*_10k`), each against the 16 ms frame budget: the region tree open in the picker
//! (`tree_10k`: one frame of the tree), typing a two-letter pinyin filter into it
//! (`picker_filter_10k`: filtering every node as the search box reads a query, then one
//! frame), and the overview (`overview_10k`: one frame of a table already built;
//! `overview_filter_10k`: the level filter stepped, which picks entries out of the rankings
//! prepared for the period and measure, then one frame; `overview_rerank_10k`: value and
//! percent of target toggled, each prepared once, then one frame; `overview_first_10k`: the
//! overview opened from the first screen and drawn, once the background worker has gathered
//! every region's figures and ranked them; `overview_next_period_10k`: the next period
//! asked for the first time, which ranks every region on it). `background_10k` is that
//! worker's whole job, done off the UI thread once the first frame is drawn.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use zhaoshang::tui::action::Action;
use zhaoshang::tui::app::App;
use zhaoshang::tui::background::{Background, RegionArticles};
use zhaoshang::tui::{Options, VIEWS, app_for_view, render_buffer};

fn long_corpus() -> Vec<zhaoshang::corpus::Article> {
    let mut corpus = zhaoshang::tui::fixtures::sample_corpus();
    let extra: Vec<String> = corpus
        .iter()
        .flat_map(|a| a.paragraphs.clone())
        .cycle()
        .take(300)
        .collect();
    corpus[0].paragraphs.extend(extra);
    corpus
}

/// The sample corpus with its first article grown to at least 1 MB of text.
fn megabyte_corpus() -> Vec<zhaoshang::corpus::Article> {
    let mut corpus = zhaoshang::tui::fixtures::sample_corpus();
    let pool: Vec<String> = corpus.iter().flat_map(|a| a.paragraphs.clone()).collect();
    let mut bytes: usize = corpus[0].paragraphs.iter().map(String::len).sum();
    for p in pool.iter().cycle() {
        if bytes >= 1 << 20 {
            break;
        }
        bytes += p.len();
        corpus[0].paragraphs.push(p.clone());
    }
    corpus
}

/// `n` articles copied from the seed articles' placed ones (the same base as before the
/// built-in corpus grew, so figures stay comparable), five to a county, 2,000
/// counties under 300 prefectures under 31 provinces, figures varied so rankings differ.
fn synthetic_regions(n: usize) -> Vec<zhaoshang::corpus::Article> {
    let base: Vec<_> = zhaoshang::corpus::builtin()
        .into_iter()
        .filter(|a| a.region.is_some() && a.file.starts_with("data/raw/00"))
        .collect();
    (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            let county = format!("第{}县", i / 5);
            a.file = format!("synthetic/{i}.txt");
            a.region = Some(county.clone());
            a.region_path = vec![
                format!("第{}省", i % 31),
                format!("第{}市", (i / 5) % 300),
                county,
            ];
            a.region_level = Some(zhaoshang::corpus::RegionLevel::County);
            for m in &mut a.metrics {
                m.value = m.value.map(|v| v * (1.0 + (i % 97) as f64 / 100.0));
            }
            a
        })
        .collect()
}

fn bench_10k(c: &mut Criterion) {
    let options = Options::default();
    let corpus = synthetic_regions(10_000);
    let mut group = c.benchmark_group("render");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    let (w, h) = (120u16, 36u16);
    let tree = app_for_view(corpus.clone(), &options, Some("tree"), w, h).expect("tree");
    group.bench_function("tree_10k", |b| {
        b.iter(|| render_buffer(black_box(&tree), w, h));
    });
    let mut picker = app_for_view(corpus.clone(), &options, Some("tree"), w, h).expect("tree");
    group.bench_function("picker_filter_10k", |b| {
        b.iter(|| {
            picker.update(Action::ClearInput);
            picker.update(Action::Input('d'));
            picker.update(Action::Input('s'));
            render_buffer(black_box(&picker), w, h)
        });
    });
    let overview = app_for_view(corpus.clone(), &options, Some("overview"), w, h).expect("view");
    let _ = render_buffer(&overview, w, h);
    group.bench_function("overview_10k", |b| {
        b.iter(|| render_buffer(black_box(&overview), w, h));
    });
    let mut filter = app_for_view(corpus.clone(), &options, Some("overview"), w, h).expect("view");
    group.bench_function("overview_filter_10k", |b| {
        b.iter(|| {
            filter.update(Action::NextLevelFilter);
            render_buffer(black_box(&filter), w, h)
        });
    });
    let mut rerank = app_for_view(corpus.clone(), &options, Some("overview"), w, h).expect("view");
    group.bench_function("overview_rerank_10k", |b| {
        b.iter(|| {
            rerank.update(Action::ToggleRankBy);
            render_buffer(black_box(&rerank), w, h)
        });
    });
    group.bench_function("overview_first_10k", |b| {
        // From the first screen once the background work is done, by reference so that
        // dropping the App (and its corpus) is not timed.
        b.iter_batched_ref(
            || {
                let app = app_for_view(corpus.clone(), &options, None, w, h).expect("view");
                app.settle();
                app
            },
            |app| {
                app.update(Action::ShowOverview);
                render_buffer(black_box(&*app), w, h)
            },
            BatchSize::PerIteration,
        );
    });
    group.bench_function("overview_next_period_10k", |b| {
        // The next period asked for the first time: every region ranked on it, then a frame.
        b.iter_batched_ref(
            || {
                let app = app_for_view(corpus.clone(), &options, Some("overview"), w, h);
                app.expect("view")
            },
            |app| {
                app.update(Action::NextPeriod);
                render_buffer(black_box(&*app), w, h)
            },
            BatchSize::PerIteration,
        );
    });
    // What the background worker does off the UI thread: every region's figures and the
    // overview's first rankings.
    let measures: std::sync::Arc<[zhaoshang::corpus::Article]> = corpus.clone().into();
    let mut regions: Vec<RegionArticles> = Vec::new();
    let mut tab = std::collections::HashMap::new();
    for (i, a) in corpus.iter().enumerate() {
        let at = *tab.entry(a.region.clone()).or_insert_with(|| {
            regions.push((a.region.clone(), Vec::new()));
            regions.len() - 1
        });
        regions[at].1.push(i);
    }
    group.bench_function("background_10k", |b| {
        b.iter(|| Background::new(measures.clone(), regions.clone(), false).wait());
    });
    group.finish();
}

fn bench_render(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("render");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (w, h) in [(80u16, 24u16), (120, 36)] {
        for view in VIEWS {
            let app = app_for_view(long_corpus(), &options, Some(view), w, h).expect("view");
            group.bench_with_input(
                BenchmarkId::new(view, format!("{w}x{h}")),
                &app,
                |b, app| {
                    b.iter(|| render_buffer(black_box(app), w, h));
                },
            );
        }
        let mut app = app_for_view(long_corpus(), &options, None, w, h).expect("first screen");
        group.bench_function(BenchmarkId::new("scroll_page", format!("{w}x{h}")), |b| {
            b.iter(|| {
                app.update(Action::PageDown);
                render_buffer(black_box(&app), w, h)
            });
        });
    }
    // A 1 MB article: the first frame (which wraps the whole article once) and then one
    // frame per page scrolled (which must reuse the wrap).
    let big = megabyte_corpus();
    for (w, h) in [(80u16, 24u16), (120, 36)] {
        group.bench_function(
            BenchmarkId::new("1mb_first_frame", format!("{w}x{h}")),
            |b| {
                b.iter(|| {
                    let app =
                        app_for_view(big.clone(), &options, Some("reader"), w, h).expect("reader");
                    render_buffer(black_box(&app), w, h)
                });
            },
        );
        let mut app = app_for_view(big.clone(), &options, Some("reader"), w, h).expect("reader");
        let _ = render_buffer(&app, w, h);
        group.bench_function(
            BenchmarkId::new("1mb_scroll_page", format!("{w}x{h}")),
            |b| {
                b.iter(|| {
                    app.update(Action::PageDown);
                    render_buffer(black_box(&app), w, h)
                });
            },
        );
    }
    group.finish();

    let mut startup = c.benchmark_group("startup");
    startup
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    startup.bench_function("builtin_first_frame", |b| {
        b.iter(|| {
            let mut app = App::new(zhaoshang::corpus::builtin(), &options);
            app.update(Action::Resize(120, 36));
            render_buffer(black_box(&app), 120, 36)
        });
    });
    startup.finish();
}

criterion_group!(benches, bench_render, bench_10k);
criterion_main!(benches);
