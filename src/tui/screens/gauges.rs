//! The gauges screen's state and update: the selected gauge or metric, which highlights and
//! reveals its source sentence, and the one-line summaries the status bar and `y` use.

use crate::corpus::{Gauge, Metric, MetricKind};
use crate::report;
use crate::tui::app::App;

/// A gauge on one line: `到位资金 298/259亿元 115%`.
pub(crate) fn gauge_summary(g: &Gauge) -> String {
    let mut text = format!("{} {}", g.label, report::number(g.actual));
    if let Some(target) = g.target {
        text = format!("{text}/{}", report::number(target));
    }
    text.push_str(&g.unit);
    let percent = crate::tui::widgets::gauge::TargetGauge::new("", g.actual, g.target)
        .percent(g.percent)
        .shown_percent();
    if let Some(p) = percent {
        text = format!("{text} {p:.0}%");
    }
    if g.cross_period {
        // Last period's actual against this period's target is not progress: say so.
        let periods = match (&g.actual_period, &g.target_period) {
            (Some(a), Some(t)) => format!(" {a}→{t}"),
            _ => String::new(),
        };
        text = format!("{text} [跨期 cross-period{periods}]");
    }
    text
}

/// A metric on one line: `签约项目 568个 actual 2022`.
pub(crate) fn metric_summary(m: &Metric) -> String {
    let value = match m.value {
        Some(v) if !m.redacted => report::number(v),
        _ => format!("[隐去 redacted {}]", m.raw),
    };
    let mut text = format!("{} {value}{} {}", m.label, m.unit, m.kind.as_str());
    if let Some(period) = &m.period {
        text = format!("{text} {period}");
    }
    text
}

impl App {
    /// Number of gauge and metric rows on the gauges screen for the current article.
    pub fn item_count(&self) -> usize {
        self.current()
            .and_then(|a| self.article(a))
            .map_or(0, |a| a.gauges.len().saturating_add(a.metrics.len()))
    }

    pub(crate) fn select_item(&mut self, item: usize) {
        let count = self.item_count();
        self.item = item.min(count.saturating_sub(1));
        let Some(article) = self.current().and_then(|a| self.article(a)) else {
            return;
        };
        let span = if self.item < article.gauges.len() {
            article.gauges.get(self.item).map(|g| g.source)
        } else {
            article
                .metrics
                .get(self.item - article.gauges.len())
                .map(|m| m.source)
        };
        self.highlight = span;
        if let Some(span) = span {
            self.reveal(span);
        }
    }

    pub(crate) fn item_text(&self) -> Option<String> {
        let article = self.article(self.current()?)?;
        let region = self.region_name();
        if let Some(g) = article.gauges.get(self.item) {
            return Some(format!("{region} {}", gauge_summary(g)));
        }
        let m = article.metrics.get(self.item - article.gauges.len())?;
        Some(format!("{region} {}", metric_summary(m)))
    }
}

impl App {
    /// The region, article (its position in the region) and item whose indicator has the
    /// longest trend: the most differing actual figures the region reports for it. `None`
    /// when no indicator has two or more.
    pub fn best_trend(&self) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, (usize, usize, usize))> = None;
        for (region, r) in self.regions.iter().enumerate() {
            let Some(figures) = self.figures_of(region) else {
                continue;
            };
            for (at, &id) in r.articles.iter().enumerate() {
                let Some(article) = self.article(id) else {
                    continue;
                };
                let indicators = article
                    .gauges
                    .iter()
                    .map(|g| g.indicator.as_ref())
                    .chain(article.metrics.iter().map(|m| m.indicator.as_ref()));
                for (item, indicator) in indicators.enumerate() {
                    let Some(indicator) = indicator else {
                        continue;
                    };
                    // Points that differ: one figure stated for a quarter and again for
                    // its year is not a trend.
                    let mut seen: Vec<(Option<f64>, Option<f64>)> = Vec::new();
                    for f in &figures.figures {
                        let point = (f.value, f.percent);
                        if f.indicator == *indicator
                            && f.kind == MetricKind::Actual
                            && point != (None, None)
                            && !seen.contains(&point)
                        {
                            seen.push(point);
                        }
                    }
                    let points = seen.len();
                    if points >= 2 && best.is_none_or(|(p, _)| points > p) {
                        best = Some((points, (region, at, item)));
                    }
                }
            }
        }
        best.map(|(_, found)| found)
    }
}
