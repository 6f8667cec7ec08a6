//! Loading a parsed corpus of 10k synthetic articles: `serde_json` from bytes in memory to
//! `Vec<Article>`, with the size in bytes as throughput.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhaoshang::corpus::{Article, parse_bytes};

fn bench_load(c: &mut Criterion) {
    let articles: Vec<Article> = zhaoshang::synth::generate(10_000, 1)
        .iter()
        .filter_map(|(name, raw)| parse_bytes(name, raw).ok())
        .collect();
    let Ok(json) = serde_json::to_vec(&articles) else {
        eprintln!("load bench: the corpus did not serialise");
        return;
    };
    eprintln!("10000 articles: {} bytes of JSON", json.len());
    let mut group = c.benchmark_group("load/10000");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("serde_json", |b| {
        b.iter(|| black_box(serde_json::from_slice::<Vec<Article>>(&json).ok()));
    });
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
