//! Latency summaries shared by the search benchmarks: percentiles of per-keystroke times,
//! and the keystrokes whose median is slowest, so that a regression points at its query.

use std::time::Duration;

/// Times of each keystroke (a query prefix), in the order first seen.
#[derive(Debug, Default)]
pub struct Keystrokes(Vec<(String, Vec<Duration>)>);

impl Keystrokes {
    /// Records one search of `prefix` that took `took`.
    pub fn record(&mut self, prefix: &str, took: Duration) {
        match self.0.iter_mut().find(|(p, _)| p == prefix) {
            Some((_, times)) => times.push(took),
            None => self.0.push((prefix.to_owned(), vec![took])),
        }
    }

    /// The `n` slowest keystrokes by median, as `prefix time` pairs.
    pub fn slowest(self, n: usize) -> String {
        let mut medians: Vec<(Duration, String)> = self
            .0
            .into_iter()
            .map(|(p, mut v)| (percentile(&mut v, 50), p))
            .collect();
        medians.sort_by(|a, b| b.cmp(a));
        medians
            .iter()
            .take(n)
            .map(|(d, p)| format!("{p} {d:.2?}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The `p`th percentile of `times` (sorted in place); zero when there are none.
pub fn percentile(times: &mut [Duration], p: usize) -> Duration {
    times.sort();
    times
        .get((times.len() * p / 100).min(times.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}
