//! Parse throughput in bytes of raw text: `corpus::parse_bytes` over 1k synthetic articles,
//! one after another and in parallel with rayon; and the gazetteer: loading the embedded
//! data (what the first `Gazetteer::global()` costs) and finding the places in a seed
//! article.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use zhaoshang::corpus::gazetteer::Gazetteer;
use zhaoshang::corpus::parse_bytes;

fn bench_parse(c: &mut Criterion) {
    let raw = zhaoshang::synth::generate(1_000, 1);
    let bytes: usize = raw.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("parse/1000");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("sequential", |b| {
        b.iter(|| {
            for (name, bytes) in &raw {
                black_box(parse_bytes(name, bytes).ok());
            }
        });
    });
    group.bench_function("rayon", |b| {
        b.iter(|| {
            let parsed: Vec<_> = raw
                .par_iter()
                .map(|(name, bytes)| parse_bytes(name, bytes).ok())
                .collect();
            black_box(parsed)
        });
    });
    group.finish();
}

fn bench_gazetteer(c: &mut Criterion) {
    let seed = include_str!("../data/raw/004-gucheng-kaifaqu.txt");
    let mut group = c.benchmark_group("gazetteer");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("load", |b| {
        b.iter(|| black_box(Gazetteer::embedded().map(|g| g.len()).ok()));
    });
    let gazetteer = Gazetteer::global();
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("mentions/seed", |b| {
        b.iter(|| black_box(gazetteer.mentions(seed)));
    });
    group.finish();
}

criterion_group!(benches, bench_parse, bench_gazetteer);
criterion_main!(benches);
