//! Drawing whole screens on TestBackend: the first screen, scrolling through a long article
//! (where the wrap cache matters), and each secondary view, at 80×24 and 120×36.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use zhaoshang::tui::action::Action;
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

fn bench_render(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("render");
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
    group.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
