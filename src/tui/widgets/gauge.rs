//! A target-versus-actual gauge that never panics: the bar is clamped to 0..=1 while the
//! label prints the true percent (114%), a zero, negative, NaN, infinite or missing target
//! just leaves the bar empty, and over-target gauges are drawn in a different style with a
//! `>` at the end of the bar. Tags mark a target implied by a stated percent (`[推算]`), a
//! pair whose actual and target come from different periods (`[跨期]`) and a stated percent
//! that actual ÷ target does not give (`[不符]`).

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::corpus::Gauge;
use crate::text::width::{display_width, ellipsize, truncate};

/// Formats a figure compactly: at most two decimals, no trailing zeros, scientific notation
/// for absurd magnitudes, `?` for NaN.
///
/// ```
/// use zhaoshang::tui::widgets::gauge::format_value;
/// assert_eq!(format_value(84.57), "84.57");
/// assert_eq!(format_value(298.0), "298");
/// assert_eq!(format_value(74.184_210), "74.18");
/// assert_eq!(format_value(f64::NAN), "?");
/// assert_eq!(format_value(1e300), "1.00e300");
/// ```
pub fn format_value(v: f64) -> String {
    if v.is_nan() {
        return "?".to_owned();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "inf".to_owned()
        } else {
            "-inf".to_owned()
        };
    }
    if v.abs() >= 1e12 {
        return format!("{v:.2e}");
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Formats a percent the way the reports do: whole numbers from 10% up (`114%`), one
/// decimal below.
///
/// ```
/// use zhaoshang::tui::widgets::gauge::format_percent;
/// assert_eq!(format_percent(114.0), "114%");
/// assert_eq!(format_percent(45.66), "46%");
/// assert_eq!(format_percent(4.56), "4.6%");
/// assert_eq!(format_percent(1e308), ">99999%");
/// ```
pub fn format_percent(p: f64) -> String {
    if !p.is_finite() {
        return "?%".to_owned();
    }
    // A corrupt or absurd figure must not push the label off the gauge.
    if p.abs() > 99_999.0 {
        return if p > 0.0 { ">99999%" } else { "<-99999%" }.to_owned();
    }
    if p.abs() >= 10.0 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

/// The styles a gauge draws with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GaugeStyles {
    /// Label and figures.
    pub text: Style,
    /// The filled bar under 100%.
    pub under: Style,
    /// The filled bar and percent at or over 100%.
    pub over: Style,
    /// The unfilled bar.
    pub empty: Style,
    /// Tags such as `[推算]`.
    pub tag: Style,
    /// The label when selected.
    pub selected: Style,
}

/// A two-row gauge: label and figures on the first row, bar and percent on the second. In a
/// one-row area only the label and percent are drawn.
// Each flag is an independent marker the builder sets; an enum would not fit.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq)]
pub struct TargetGauge<'a> {
    label: Cow<'a, str>,
    unit: Cow<'a, str>,
    actual: f64,
    target: Option<f64>,
    percent: Option<f64>,
    implied: bool,
    cross_period: bool,
    disagrees: bool,
    ascii: bool,
    selected: bool,
    styles: GaugeStyles,
}

impl<'a> TargetGauge<'a> {
    /// A gauge for `actual` against `target`.
    pub fn new(label: impl Into<Cow<'a, str>>, actual: f64, target: Option<f64>) -> Self {
        Self {
            label: label.into(),
            unit: Cow::Borrowed(""),
            actual,
            target,
            percent: None,
            implied: false,
            cross_period: false,
            disagrees: false,
            ascii: false,
            selected: false,
            styles: GaugeStyles::default(),
        }
    }

    /// A gauge for a parsed [`Gauge`]; label and unit should already be terminal-safe, so
    /// they are passed separately.
    pub fn from_gauge(
        g: &Gauge,
        label: impl Into<Cow<'a, str>>,
        unit: impl Into<Cow<'a, str>>,
    ) -> Self {
        let implied = g.target.is_none() && g.implied_target().is_some();
        Self::new(label, g.actual, g.implied_target())
            .unit(unit)
            .percent(g.percent)
            .implied(implied)
            .cross_period(g.cross_period)
            .disagrees(g.disagreeing_percent().is_some())
    }

    /// The unit printed after the figures.
    #[must_use]
    pub fn unit(mut self, unit: impl Into<Cow<'a, str>>) -> Self {
        self.unit = unit.into();
        self
    }

    /// A stated percent, used instead of actual ÷ target.
    #[must_use]
    pub fn percent(mut self, percent: Option<f64>) -> Self {
        self.percent = percent;
        self
    }

    /// Marks the target as computed from a stated percent.
    #[must_use]
    pub fn implied(mut self, implied: bool) -> Self {
        self.implied = implied;
        self
    }

    /// Marks actual and target as coming from different periods.
    #[must_use]
    pub fn cross_period(mut self, cross: bool) -> Self {
        self.cross_period = cross;
        self
    }

    /// Marks a stated percent that actual ÷ target does not give.
    #[must_use]
    pub fn disagrees(mut self, disagrees: bool) -> Self {
        self.disagrees = disagrees;
        self
    }

    /// Draws the bar with ASCII only (`#`, `.`), for ambiguous-wide terminals.
    #[must_use]
    pub fn ascii(mut self, ascii: bool) -> Self {
        self.ascii = ascii;
        self
    }

    /// Draws the label as selected, with a `>` marker.
    #[must_use]
    pub fn selected(mut self, selected: bool) -> Self {
        self.selected = selected;
        self
    }

    /// The styles to draw with.
    #[must_use]
    pub fn styles(mut self, styles: GaugeStyles) -> Self {
        self.styles = styles;
        self
    }

    /// The percent shown: the stated one, else actual ÷ target when the target is a positive
    /// finite number.
    ///
    /// ```
    /// use zhaoshang::tui::widgets::gauge::TargetGauge;
    /// assert_eq!(TargetGauge::new("到位资金", 55.0, Some(110.0)).shown_percent(), Some(50.0));
    /// assert_eq!(TargetGauge::new("x", 5.0, Some(0.0)).shown_percent(), None);
    /// assert_eq!(TargetGauge::new("x", f64::NAN, Some(1.0)).shown_percent(), None);
    /// ```
    pub fn shown_percent(&self) -> Option<f64> {
        self.percent.filter(|p| p.is_finite()).or_else(|| {
            let t = self.target.filter(|t| t.is_finite() && *t > 0.0)?;
            Some(self.actual / t * 100.0).filter(|p| p.is_finite())
        })
    }

    /// The filled fraction of the bar, always inside 0..=1.
    pub fn ratio(&self) -> f64 {
        self.shown_percent()
            .map_or(0.0, |p| (p / 100.0).clamp(0.0, 1.0))
    }

    fn figures(&self) -> String {
        let actual = format_value(self.actual);
        match self.target {
            // An estimate of a count is a whole number of things.
            Some(t) if self.implied && crate::corpus::units::is_count(&self.unit) => {
                format!("{actual}/~{}{}", format_value(t.round()), self.unit)
            }
            Some(t) if self.implied => format!("{actual}/~{}{}", format_value(t), self.unit),
            Some(t) => format!("{actual}/{}{}", format_value(t), self.unit),
            None => format!("{actual}{}", self.unit),
        }
    }

    /// The tags that fit whole in `room` columns; a tag is never cut.
    fn tags(&self, room: usize) -> String {
        let mut tags = String::new();
        for (on, tag) in [
            (self.implied, "[推算]"),
            (self.cross_period, "[跨期]"),
            (self.disagrees, "[不符]"),
        ] {
            if on && display_width(&tags) + display_width(tag) <= room {
                tags.push_str(tag);
            }
        }
        tags
    }
}

impl Widget for &TargetGauge<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let width = usize::from(area.width);
        let percent = self.shown_percent();
        let over = percent.is_some_and(|p| p >= 100.0);
        let pct_text = percent.map_or_else(|| "--".to_owned(), format_percent);
        let pct_style = if over {
            self.styles.over
        } else {
            self.styles.text
        };

        // Row one: marker, label, tags … figures (or the percent in a one-row area).
        let right = if area.height == 1 {
            pct_text.clone()
        } else {
            self.figures()
        };
        let right_w = display_width(&right).min(width);
        let marker = if self.selected { "> " } else { "  " };
        let label_style = if self.selected {
            self.styles.selected
        } else {
            self.styles.text
        };
        let room = width.saturating_sub(right_w + 1);
        let label_room = room.saturating_sub(display_width(marker));
        let head = format!(
            "{marker}{} ",
            ellipsize(&self.label, label_room, self.ascii)
        );
        let head_w = display_width(&head).min(room);
        let tags = self.tags(room.saturating_sub(head_w));
        let line = Line::from(vec![
            Span::styled(truncate(&head, room).to_owned(), label_style),
            Span::styled(tags, self.styles.tag),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
        let right_x = area.x + (width - right_w) as u16;
        let right_style = if area.height == 1 {
            pct_style
        } else {
            self.styles.text
        };
        buf.set_stringn(
            right_x,
            area.y,
            truncate(&right, right_w),
            right_w,
            right_style,
        );

        if area.height < 2 {
            return;
        }
        // Row two: two-space indent, bar, percent.
        let pct_w = display_width(&pct_text).max(4) + 1;
        let bar_w = width.saturating_sub(2 + pct_w);
        let filled = ((self.ratio() * bar_w as f64).round() as usize).min(bar_w);
        let (full, empty, end) = if self.ascii {
            ("#", ".", ">")
        } else {
            ("█", "░", "▶")
        };
        let y = area.y + 1;
        let bar_style = if over {
            self.styles.over
        } else {
            self.styles.under
        };
        for i in 0..bar_w {
            let x = area.x + 2 + i as u16;
            let (sym, style) = if over && i + 1 == bar_w {
                (end, self.styles.over)
            } else if i < filled {
                (full, bar_style)
            } else {
                (empty, self.styles.empty)
            };
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(sym).set_style(style);
            }
        }
        let pct_x = area.x + (2 + bar_w) as u16 + 1;
        let pct_cols = width.saturating_sub(2 + bar_w + 1);
        buf.set_stringn(pct_x, y, &pct_text, pct_cols, pct_style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(g: &TargetGauge<'_>, w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        g.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn shows_true_percent_over_target() {
        let g = TargetGauge::new("合同投资额", 84.57, None)
            .unit("亿元")
            .percent(Some(114.0))
            .ascii(true);
        let buf = render(&g, 30, 2);
        assert_eq!(
            buf,
            Buffer::with_lines([
                "  合同投资额         84.57亿元",
                "  ######################> 114%"
            ])
        );
        assert!((g.ratio() - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn under_target_bar_is_partial() {
        let g = TargetGauge::new("到位资金", 50.23, Some(110.0))
            .unit("亿元")
            .ascii(true);
        let buf = render(&g, 24, 2);
        assert_eq!(
            buf,
            Buffer::with_lines(["  到位资金 50.23/110亿元", "  ########......... 46%"])
        );
    }

    #[test]
    fn implied_and_cross_period_tags_show() {
        let g = TargetGauge::new("投资", 57.0, Some(50.0))
            .implied(true)
            .cross_period(true)
            .ascii(true);
        let buf = render(&g, 40, 2);
        let row = crate::tui::buffer_to_text(&buf);
        assert!(
            row.contains("[推算]") && row.contains("[跨期]") && row.contains("57/~50"),
            "{row}"
        );
    }

    #[test]
    fn a_stated_percent_the_figures_do_not_give_is_tagged() {
        let gauge = |target: f64| crate::corpus::Gauge {
            actual: 72.06,
            target: Some(target),
            percent: Some(53.0),
            percent_stated: true,
            unit: "亿元".to_owned(),
            ..crate::corpus::Gauge::default()
        };
        let row = |g: &crate::corpus::Gauge| {
            let w = TargetGauge::from_gauge(g, "实际完成投资", "亿元").ascii(true);
            crate::tui::buffer_to_text(&render(&w, 44, 2))
        };
        let off = row(&gauge(140.0));
        assert!(off.contains("[不符]") && off.contains("53%"), "{off}");
        let fits = row(&gauge(136.0));
        assert!(!fits.contains("[不符]"), "{fits}");
    }

    #[test]
    fn never_panics_on_odd_figures_or_sizes() {
        let odd = [
            0.0,
            -5.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e308,
            f64::MIN_POSITIVE,
        ];
        for &a in &odd {
            for &t in &odd {
                for p in [None, Some(f64::NAN), Some(-3.0), Some(1e9)] {
                    let g = TargetGauge::new("通辽市到位资金", a, Some(t)).percent(p);
                    let r = g.ratio();
                    assert!((0.0..=1.0).contains(&r));
                    for (w, h) in [(0, 0), (1, 1), (2, 2), (5, 1), (12, 2), (40, 3)] {
                        render(&g, w, h);
                    }
                }
            }
        }
    }

    #[test]
    fn percent_only_gauge_still_shows_percent() {
        let g = TargetGauge::new("完成率", 0.0, None)
            .percent(Some(87.5))
            .ascii(true);
        let buf = render(&g, 20, 1);
        assert_eq!(buf, Buffer::with_lines(["  完成率         88%"]));
    }
}
