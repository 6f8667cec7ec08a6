//! What the explorer prepares off the UI thread once it has started: every region's figures
//! on canonical indicators (the compare screen, the trend and the overview read them) and
//! the overview's first rankings. With thousands of regions these take tens of
//! milliseconds, more than a frame; done on a worker thread, they are ready before anyone
//! presses `o`.
//!
//! The worker starts after the explorer's first frame is drawn. Each result sits in a
//! [`OnceLock`]: the worker fills it, and a screen that asks before the worker is done waits
//! for the one computation under way (never a second one). Where no worker was started (the
//! `screenshot` command, tests) or none could be, the first screen to ask computes the
//! result itself.

use std::sync::{Arc, OnceLock};

use crate::corpus::Article;
use crate::corpus::figures::{RankBy, RegionFigures, region_figures};
use crate::tui::screens::overview::{RankedAll, rank_all};

/// A region as the worker needs it: its name as shown, and its articles (indices into the
/// corpus); `None` for the group of articles whose region is unknown, which is not a region.
pub type RegionArticles = (Option<String>, Vec<usize>);

/// The results, shared between the UI thread and the worker.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Each region's figures, in tab order.
    figures: OnceLock<Vec<RegionFigures>>,
    /// The overview's rankings for its opening filters (each region's latest, by value).
    first: OnceLock<Arc<RankedAll>>,
}

/// What the results are computed from; moved to the worker.
#[derive(Debug)]
struct Inputs {
    measures: Arc<[Article]>,
    regions: Vec<RegionArticles>,
    ambiguous_wide: bool,
}

/// The handle the explorer keeps: the shared results and, until they are computed, their
/// inputs (for the UI thread to compute them itself if the worker could not start).
#[derive(Debug)]
pub struct Background {
    prepared: Arc<Prepared>,
    inputs: Arc<Inputs>,
    spawned: std::sync::Once,
}

impl Background {
    /// Holds what the figures of `regions` (in tab order) are computed from `measures`;
    /// nothing is computed until [`Self::spawn`] or the first screen that asks.
    pub fn new(
        measures: Arc<[Article]>,
        regions: Vec<RegionArticles>,
        ambiguous_wide: bool,
    ) -> Self {
        Self {
            prepared: Arc::new(Prepared::default()),
            inputs: Arc::new(Inputs {
                measures,
                regions,
                ambiguous_wide,
            }),
            spawned: std::sync::Once::new(),
        }
    }

    /// Starts the worker (once; later calls do nothing). The explorer calls it after its
    /// first frame, so that the worker never competes with drawing it.
    pub fn spawn(&self) {
        self.spawned.call_once(|| {
            if self.inputs.regions.is_empty() {
                return;
            }
            let (prepared, inputs) = (Arc::clone(&self.prepared), Arc::clone(&self.inputs));
            let spawned = std::thread::Builder::new()
                .name("figures".to_owned())
                .spawn(move || {
                    first_rankings(&prepared, &inputs);
                });
            // Without a thread, the first screen that asks computes; nothing else changes.
            drop(spawned);
        });
    }

    /// Every region's figures, in tab order (waiting for the worker if it is still at work).
    pub fn figures(&self) -> &[RegionFigures] {
        figures(&self.prepared, &self.inputs)
    }

    /// The overview's rankings for its opening filters (each region's latest, by value).
    pub fn first_rankings(&self) -> Arc<RankedAll> {
        first_rankings(&self.prepared, &self.inputs)
    }

    /// Waits until everything is prepared, computing it here if no worker was started
    /// (benchmarks measure what a user sees once the explorer has settled).
    pub fn wait(&self) {
        self.first_rankings();
    }
}

fn figures<'a>(prepared: &'a Prepared, inputs: &Inputs) -> &'a [RegionFigures] {
    prepared.figures.get_or_init(|| {
        inputs
            .regions
            .iter()
            .map(|(name, articles)| match name {
                None => RegionFigures::default(),
                Some(_) => region_figures(articles.iter().filter_map(|&i| inputs.measures.get(i))),
            })
            .collect()
    })
}

fn first_rankings(prepared: &Prepared, inputs: &Inputs) -> Arc<RankedAll> {
    Arc::clone(prepared.first.get_or_init(|| {
        let figures = figures(prepared, inputs);
        let names: Vec<Option<&str>> = inputs.regions.iter().map(|(n, _)| n.as_deref()).collect();
        Arc::new(rank_all(
            &names,
            figures,
            &crate::corpus::figures::PeriodChoice::Latest,
            RankBy::Value,
            inputs.ambiguous_wide,
        ))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_and_the_ui_thread_agree_with_a_computation_on_the_spot() {
        let corpus: Arc<[Article]> = crate::corpus::builtin().into();
        let mut regions: Vec<RegionArticles> = Vec::new();
        for (i, a) in corpus.iter().enumerate() {
            let name = a.region.clone();
            match regions.iter_mut().find(|(n, _)| *n == name) {
                Some((_, list)) => list.push(i),
                None => regions.push((name, vec![i])),
            }
        }
        let background = Background::new(Arc::clone(&corpus), regions.clone(), false);
        background.spawn();
        background.spawn();
        let expected: Vec<RegionFigures> = regions
            .iter()
            .map(|(name, articles)| match name {
                None => RegionFigures::default(),
                Some(_) => region_figures(articles.iter().map(|&i| &corpus[i])),
            })
            .collect();
        assert_eq!(background.figures(), expected.as_slice());
        let first = background.first_rankings();
        assert!(first.rankings.iter().any(|r| r.entries.len() >= 3));
        // The group of unknown region is never ranked.
        let unnamed = regions.iter().position(|(n, _)| n.is_none());
        assert!(unnamed.is_some());
        assert!(
            first
                .rankings
                .iter()
                .all(|r| r.entries.iter().all(|e| Some(e.0) != unnamed))
        );
        // Asked again: the same prepared rankings, not a second computation.
        assert!(Arc::ptr_eq(&first, &background.first_rankings()));
    }

    #[test]
    fn an_empty_corpus_prepares_nothing_and_answers_empty() {
        let background = Background::new(Arc::from(Vec::new()), Vec::new(), false);
        background.spawn();
        assert!(background.figures().is_empty());
        assert!(background.first_rankings().rankings.is_empty());
    }
}
