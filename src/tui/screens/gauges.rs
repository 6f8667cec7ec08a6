//! The gauges screen's state and update: the selected gauge or metric, which highlights and
//! reveals its source sentence (Enter keeps it highlighted in the reader), the one-line
//! summaries the status bar and `y` use, and the article's gauge and metric tables that `e`
//! exports from the reader, gauges and source screens.

use crate::corpus::{Gauge, Metric, MetricKind};
use crate::report;
use crate::tui::app::{App, Screen};
use crate::tui::export::{ExportFormat, ExportRequest, slug};

/// The gauges screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GaugesState {
    /// The selected row: gauges first, then metrics.
    pub item: usize,
}

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
    if let Some(computed) = g.disagreeing_percent() {
        // The text's own figures do not give its percent: show both, keep the text's.
        text = format!("{text} [不符 stated ≠ {computed:.1}%]");
    }
    text
}

/// A metric on one line: `签约项目 568个 actual 2022`.
pub(crate) fn metric_summary(m: &Metric) -> String {
    let value = match m.value {
        Some(v) if !m.redacted => report::number(v),
        _ => format!("[隐去 redacted {}]", m.raw),
    };
    let mut text = format!("{} {value}{} {}", m.label, m.unit, m.kind_name());
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
        self.gauges.item = item.min(count.saturating_sub(1));
        let Some(article) = self.current().and_then(|a| self.article(a)) else {
            return;
        };
        let (span, target) = match article.gauges.get(self.gauges.item) {
            Some(g) => (Some(g.source), g.target_source.filter(|t| *t != g.source)),
            None => (
                article
                    .metrics
                    .get(self.gauges.item - article.gauges.len())
                    .map(|m| m.source),
                None,
            ),
        };
        self.highlight = span;
        // A target stated in another sentence is marked too, as find matches are.
        self.target_highlight = target;
        if let Some(span) = span {
            self.reveal(span);
        }
    }

    /// Moves the selection one row, revealing its source.
    pub(crate) fn move_item(&mut self, down: bool) {
        let item = if down {
            self.gauges.item.saturating_add(1)
        } else {
            self.gauges.item.saturating_sub(1)
        };
        self.select_item(item);
    }

    /// Enter on the gauges screen: the reader, with the selection's source still highlighted.
    pub(crate) fn submit_gauges(&mut self) {
        let keep = self.highlight;
        let target = self.target_highlight;
        self.show(Screen::Reader);
        self.highlight = keep;
        self.target_highlight = target;
        if let Some(span) = keep {
            self.reveal(span);
        }
    }

    /// The selected gauge or metric in full, for the status bar.
    pub(crate) fn item_summary(&self) -> Option<String> {
        let article = self.article(self.current()?)?;
        match article.gauges.get(self.gauges.item) {
            Some(g) => Some(gauge_summary(g)),
            None => article
                .metrics
                .get(self.gauges.item.checked_sub(article.gauges.len())?)
                .map(metric_summary),
        }
    }

    /// What `y` copies on the gauges screen: the selection after its region.
    pub(crate) fn item_text(&self) -> Option<String> {
        let article = self.article(self.current()?)?;
        let region = self.region_name();
        if let Some(g) = article.gauges.get(self.gauges.item) {
            return Some(format!("{region} {}", gauge_summary(g)));
        }
        let m = article
            .metrics
            .get(self.gauges.item - article.gauges.len())?;
        Some(format!("{region} {}", metric_summary(m)))
    }

    /// The current article's gauges and metrics, built by [`crate::report`] as the CLI
    /// builds them, to export from the reader, gauges and source screens.
    pub(crate) fn article_export(&self, format: ExportFormat) -> Option<ExportRequest> {
        self.current().and_then(|i| self.article(i)).map(|a| {
            let one = std::slice::from_ref(&*a);
            ExportRequest {
                scope: slug(report::region_of(&a)),
                tables: vec![
                    ("gauges", report::gauges(one)),
                    ("metrics", report::metrics(one)),
                ],
                format,
            }
        })
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

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::testing::{app, copied, press};

    #[test]
    fn selecting_a_gauge_highlights_and_reveals_its_source() {
        let mut app = app();
        app.update(Action::Resize(80, 14));
        press(&mut app, KeyCode::Char('t'));
        assert_eq!(app.screen, Screen::Gauges);
        let first = app.article(0).unwrap().gauges[0].source;
        assert_eq!(app.highlight, Some(first));
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('j'));
        let metric = app.article(0).unwrap().metrics[1].source;
        assert_eq!(app.gauges.item, 3);
        assert_eq!(app.highlight, Some(metric));
        // Far down the list: the redacted metric in the last paragraph scrolls the reader.
        for _ in 0..20 {
            press(&mut app, KeyCode::Char('j'));
        }
        assert_eq!(app.gauges.item, app.item_count() - 1);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Reader);
        assert_eq!(
            app.highlight,
            Some(app.article(0).unwrap().metrics[6].source)
        );
        let area = app.main_text_area();
        let doc = app.doc(0, false, usize::from(area.width));
        let line = doc.iter().position(|l| l.paragraph == 2).unwrap();
        assert!(app.scroll <= line && line < app.scroll + usize::from(area.height));
    }

    #[test]
    fn a_target_stated_in_another_sentence_is_marked_too() {
        let mut app = App::new(crate::corpus::builtin(), &crate::tui::Options::default());
        app.update(Action::Resize(120, 36));
        // The first article whose gauge states its target in a sentence of its own.
        let (region, at, item, gauge) = (0..app.regions.len())
            .flat_map(|r| (0..app.regions[r].articles.len()).map(move |i| (r, i)))
            .find_map(|(r, i)| {
                let article = app.article(app.regions[r].articles[i])?;
                let item = article
                    .gauges
                    .iter()
                    .position(|g| g.target_source.is_some_and(|t| t != g.source))?;
                Some((r, i, item, article.gauges[item].clone()))
            })
            .expect("a gauge whose target is in another sentence");
        app.open_article(region, at);
        press(&mut app, KeyCode::Char('t'));
        app.select_item(item);
        assert_eq!(app.highlight, Some(gauge.source));
        assert_eq!(app.target_highlight, gauge.target_source);
        // Enter keeps both marks in the reader; a metric has no target sentence.
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Reader);
        assert_eq!(app.target_highlight, gauge.target_source);
        press(&mut app, KeyCode::Char('t'));
        app.select_item(app.item_count() - 1);
        assert_eq!(app.target_highlight, None);
    }

    #[test]
    fn a_percent_the_figures_do_not_give_says_what_they_give() {
        let g = Gauge {
            label: "实际完成投资".to_owned(),
            actual: 72.06,
            target: Some(140.0),
            percent: Some(53.0),
            percent_stated: true,
            unit: "亿元".to_owned(),
            ..Gauge::default()
        };
        assert_eq!(
            gauge_summary(&g),
            "实际完成投资 72.06/140亿元 53% [不符 stated ≠ 51.5%]"
        );
    }

    #[test]
    fn copying_a_cross_period_gauge_says_so() {
        let mut app = app();
        press(&mut app, KeyCode::Char('t'));
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('y'));
        let text = copied(&app);
        assert!(
            text.contains("50.23/110亿元") && text.contains("跨期"),
            "{text}"
        );
    }
}
