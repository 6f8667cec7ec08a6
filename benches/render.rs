//! Drawing whole screens on TestBackend: the first screen, scrolling through a long article
//! (where the wrap cache matters), each secondary view at 80×24 and 120×36, a 1 MB article
//! (first frame and scrolling), and startup with the built-in corpus to the first frame.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use zhaoshang::tui::action::Action;
use zhaoshang::tui::app::App;
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

criterion_group!(benches, bench_render);
criterion_main!(benches);
