//! Wrapping a long Chinese article at the widths terminals actually have (40, 80, 120), and
//! the width helpers it is built on.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use zhaoshang::text::width::{disambiguate, display_width};
use zhaoshang::text::wrap::{wrap, wrap_document};

fn long_article() -> Vec<String> {
    zhaoshang::tui::fixtures::sample_corpus()
        .into_iter()
        .flat_map(|a| a.paragraphs)
        .cycle()
        .take(200)
        .collect()
}

fn bench_wrap(c: &mut Criterion) {
    let paragraphs = long_article();
    let one_line = paragraphs.concat();
    let mut group = c.benchmark_group("wrap");
    for width in [40usize, 80, 120] {
        group.bench_with_input(BenchmarkId::new("document", width), &width, |b, &w| {
            b.iter(|| wrap_document(black_box(&paragraphs), w, true));
        });
        group.bench_with_input(BenchmarkId::new("one_long_line", width), &width, |b, &w| {
            b.iter(|| wrap(black_box(&one_line), w));
        });
    }
    group.finish();
    c.bench_function("display_width", |b| {
        b.iter(|| display_width(black_box(&one_line)));
    });
    c.bench_function("disambiguate", |b| {
        b.iter(|| disambiguate(black_box(&one_line)));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = bench_wrap
}
criterion_main!(benches);
