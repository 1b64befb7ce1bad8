//! Throughput of each stage on the golden fixture, next to jieba-rs `cut` on the same text in the
//! same run. Run with `cargo bench --bench pipeline`; criterion reports bytes per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use tiqu::normalize::normalize;
use tiqu::{Pipeline, Scope};

const FIXTURE: &str = include_str!("../fixtures/baotou-industry-2023.txt");

fn stages(c: &mut Criterion) {
    let pipeline = match Pipeline::shared() {
        Ok(p) => p,
        Err(e) => panic!("cannot build the pipeline: {e}"),
    };
    let norm = normalize(FIXTURE);
    // jieba-rs with its own dictionary, as a user would run it
    let jieba = jieba_rs::Jieba::new();
    let mut g = c.benchmark_group("fixture");
    g.throughput(Throughput::Bytes(FIXTURE.len() as u64));
    g.bench_function("jieba_cut_hmm", |b| {
        b.iter(|| jieba.cut(black_box(&norm.text), true))
    });
    g.bench_function("jieba_cut_no_hmm", |b| {
        b.iter(|| jieba.cut(black_box(&norm.text), false))
    });
    g.bench_function("normalize", |b| b.iter(|| normalize(black_box(FIXTURE))));
    g.bench_function("segment", |b| {
        b.iter(|| {
            norm.blocks
                .iter()
                .map(|block| {
                    pipeline
                        .segmenter()
                        .cut(&norm.text[block.span.range()])
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("quantities", |b| {
        b.iter(|| pipeline.extract_scoped("", black_box(FIXTURE), Scope::Quantities))
    });
    g.bench_function("entities", |b| {
        b.iter(|| pipeline.extract_scoped("", black_box(FIXTURE), Scope::Entities))
    });
    g.bench_function("pipeline", |b| {
        b.iter(|| pipeline.extract(black_box(FIXTURE)))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
