//! Opening a parsed corpus of synthetic articles: `serde_json` from bytes in memory to
//! `Vec<Article>` (size in bytes as throughput), and load + `App::new` + one frame on a
//! 120×36 TestBackend, at 10k articles (100k with `ZHAOSHANG_BENCH_100K=1`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use zhaoshang::corpus::{Article, parse_bytes};
use zhaoshang::tui::action::Action;
use zhaoshang::tui::app::App;
use zhaoshang::tui::{Options, render_buffer};

fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000];
    if std::env::var_os("ZHAOSHANG_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    sizes
}

fn bench_load(c: &mut Criterion) {
    let options = Options::default();
    for n in sizes() {
        let articles: Vec<Article> = zhaoshang::synth::generate(n, 1)
            .par_iter()
            .filter_map(|(name, raw)| parse_bytes(name, raw).ok())
            .collect();
        let Ok(json) = serde_json::to_vec(&articles) else {
            eprintln!("load bench: the corpus did not serialise");
            return;
        };
        drop(articles);
        eprintln!("{n} articles: {} bytes of JSON", json.len());
        let mut group = c.benchmark_group(format!("load/{n}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(3))
            .throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function("serde_json", |b| {
            b.iter(|| black_box(serde_json::from_slice::<Vec<Article>>(&json).ok()));
        });
        group.bench_function("first_frame", |b| {
            b.iter(|| {
                let articles: Vec<Article> = serde_json::from_slice(&json).unwrap_or_default();
                let mut app = App::new(articles, &options);
                app.update(Action::Resize(120, 36));
                black_box(render_buffer(&app, 120, 36))
            });
        });
        group.finish();
    }
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
