//! The reader screen: the region's article list, the article text wrapped with the CJK
//! rules (highlighted source sentence, find matches, scrollbar and position), and a compact
//! column of target gauges. Also home of `text_pane`, which the other text views share.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{block, marked_list, scrollbar, title};
use crate::text::width::{display_width, ellipsize};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::widgets::gauge::{GaugeStyles, TargetGauge, format_percent};

/// A styled char range inside one paragraph (or original line).
pub(crate) type Mark = (usize, Range<usize>, Style);

/// Draws the reader screen into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let panes = layout::reader_panes(body);
    article_list(app, panes.list, buf);
    match app.current() {
        Some(article) => {
            let name = app.title(article);
            let head = title(app, &name, panes.reader.width);
            text_pane(
                app,
                panes.reader,
                article,
                false,
                app.scroll,
                head,
                &marks(app),
                buf,
            );
        }
        None => {
            block(app, title(app, "没有文章 no articles", panes.reader.width))
                .render(panes.reader, buf);
        }
    }
    side_gauges(app, panes.side, buf);
    gauge_summary(app, panes.summary, buf);
    metadata(app, panes.reader, buf);
}

/// The gauges on one line, for terminals too narrow for the gauge column, ending with the
/// key that shows them all.
fn gauge_summary(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let Some(article) = app.current().and_then(|a| app.article(a)) else {
        return;
    };
    let key = keymap::key_for(&Action::ShowGauges).unwrap_or_default();
    let hint = format!(" {key} 指标 targets ");
    let items: Vec<String> = article
        .gauges
        .iter()
        .map(|g| {
            let percent = TargetGauge::from_gauge(g, "", "")
                .shown_percent()
                .map_or_else(|| "--".to_owned(), format_percent);
            let tag = match (g.cross_period, g.disagreeing_percent().is_some()) {
                (true, _) => "[跨期]",
                (false, true) => "[不符]",
                (false, false) => "",
            };
            format!("{} {percent}{tag}", app.safe(&g.label))
        })
        .collect();
    let text = if items.is_empty() {
        " 无目标对比 no target pairs".to_owned()
    } else {
        format!(" 目标 {}", items.join("  "))
    };
    let room = usize::from(area.width).saturating_sub(display_width(&hint));
    let shown = ellipsize(&text, room, app.ambiguous_wide);
    let line = Line::from(vec![
        Span::styled(shown.into_owned(), app.theme.dim),
        Span::styled(hint, app.theme.key),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// Source, date and period of the current article, on the reader's bottom border.
fn metadata(app: &App, pane: Rect, buf: &mut Buffer) {
    let Some(article) = app.current().and_then(|a| app.article(a)) else {
        return;
    };
    let parts: Vec<String> = [&article.source, &article.published, &article.period]
        .into_iter()
        .flatten()
        .map(|s| app.safe(s).into_owned())
        .filter(|s| !s.trim().is_empty())
        .collect();
    if parts.is_empty() || pane.height < 3 {
        return;
    }
    // Leave room for the corner, the position label (up to 16 columns) and a gap.
    let room = usize::from(pane.width).saturating_sub(22);
    let text = format!(" {} ", parts.join(" | "));
    let shown = crate::text::width::ellipsize(&text, room, app.ambiguous_wide);
    buf.set_stringn(pane.x + 1, pane.bottom() - 1, &shown, room, app.theme.dim);
}

/// The marks on the current article: the source highlight, find matches, current match.
pub(crate) fn marks(app: &App) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    if let Some(t) = app.target_highlight {
        marks.push((t.paragraph, t.start..t.end, app.theme.matched));
    }
    if let Some(h) = app.highlight {
        marks.push((h.paragraph, h.start..h.end, app.theme.source));
    }
    for (i, m) in app.find.matches.iter().enumerate() {
        let style = if i == app.find.current {
            app.theme.current
        } else {
            app.theme.matched
        };
        marks.push((m.paragraph, m.start..m.end, style));
    }
    marks
}

/// Draws a bordered, scrollable text pane for an article's clean text (`source == false`)
/// or original lines, with `marks` applied, a scrollbar and the position on the border.
#[allow(clippy::too_many_arguments)]
pub(crate) fn text_pane(
    app: &App,
    pane: Rect,
    article: usize,
    source: bool,
    scroll: usize,
    head: Line<'_>,
    marks: &[Mark],
    buf: &mut Buffer,
) {
    if pane.is_empty() {
        return;
    }
    let (text, bar) = layout::text_and_scrollbar(pane);
    let doc = app.doc(article, source, usize::from(text.width));
    let total = doc.len();
    let height = usize::from(text.height);
    let scroll = scroll.min(total.saturating_sub(height));
    let shown_end = (scroll + height).min(total);
    let position = if total == 0 {
        " 0/0 ".to_owned()
    } else {
        format!(" {}-{}/{} ", scroll + 1, shown_end, total)
    };
    block(app, head)
        .title_bottom(Line::from(Span::styled(position, app.theme.dim)).right_aligned())
        .render(pane, buf);
    let Some(prepared) = app.prepared(article) else {
        return;
    };
    let shown = app.article(article);
    let headings = shown.as_ref().map_or(&[][..], |a| a.headings.as_slice());
    let source_lines: &[String] = match shown.as_ref() {
        Some(a) if source => &prepared.original(a).lines,
        _ if source => &[],
        _ => &prepared.paragraphs,
    };
    for (row, dl) in doc.iter().skip(scroll).take(height).enumerate() {
        let Some(par) = source_lines.get(dl.paragraph) else {
            continue;
        };
        let text_of_line = par.get(dl.bytes.clone()).unwrap_or("");
        let base = if !source && headings.contains(&dl.paragraph) {
            app.theme.title
        } else {
            app.theme.text
        };
        let line = styled_line(text_of_line, dl.range.start, dl.paragraph, marks, base);
        buf.set_line(text.x, text.y + row as u16, &line, text.width);
    }
    scrollbar(app, bar, total, scroll, buf);
}

/// One wrapped line of `paragraph` as styled spans: `text` is the line's own text, `start`
/// the char index where it begins in the paragraph, and each char takes the style of the
/// last mark covering it.
pub(crate) fn styled_line<'a>(
    text: &str,
    start: usize,
    paragraph: usize,
    marks: &[Mark],
    base: Style,
) -> Line<'a> {
    let end = start + text.chars().count();
    let here: Vec<&Mark> = marks
        .iter()
        .filter(|(p, r, _)| *p == paragraph && r.start < end && r.end > start)
        .collect();
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut run = String::new();
    let mut run_style = base;
    for (i, c) in (start..).zip(text.chars()) {
        if c == '\n' {
            continue;
        }
        let style = here
            .iter()
            .rev()
            .find(|(_, r, _)| r.contains(&i))
            .map_or(base, |(_, _, s)| *s);
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    Line::from(spans)
}

/// The current region's articles, the current one marked.
fn article_list(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let name = app.regions.get(app.region).map_or("", |r| r.name.as_str());
    block(app, title(app, &format!("{name} 文章"), area.width)).render(area, buf);
    let inner = layout::inner(area);
    let Some(region) = app.regions.get(app.region) else {
        return;
    };
    let titles: Vec<String> = region.articles.iter().map(|&a| app.title(a)).collect();
    marked_list(app, inner, &titles, app.article, buf);
}

/// The gauge styles of the current theme.
pub(crate) fn gauge_styles(app: &App) -> GaugeStyles {
    GaugeStyles {
        text: app.theme.text,
        under: app.theme.gauge_under,
        over: app.theme.gauge_over,
        empty: app.theme.gauge_empty,
        tag: app.theme.warn,
        selected: app.theme.selected,
    }
}

/// A column of the current article's gauges, three rows each.
fn side_gauges(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    block(app, title(app, "目标完成 targets", area.width)).render(area, buf);
    let inner = layout::inner(area);
    let Some(article) = app.current().and_then(|a| app.article(a)) else {
        return;
    };
    if article.gauges.is_empty() {
        let msg = if article.metrics.is_empty() {
            "无目标数据 no targets".to_owned()
        } else {
            let key = keymap::key_for(&Action::ShowGauges).unwrap_or_default();
            format!("无目标对比 ({key} 查看指标)")
        };
        buf.set_stringn(
            inner.x,
            inner.y,
            &msg,
            usize::from(inner.width),
            app.theme.dim,
        );
        return;
    }
    let styles = gauge_styles(app);
    for (i, g) in article.gauges.iter().enumerate() {
        let y = inner.y.saturating_add((i * 3) as u16);
        if y.saturating_add(2) > inner.bottom() {
            break;
        }
        let label = app.safe(&g.label);
        let unit = app.safe(&g.unit);
        let gauge = TargetGauge::from_gauge(g, label, unit)
            .ascii(app.ambiguous_wide)
            .styles(styles);
        (&gauge).render(Rect::new(inner.x, y, inner.width, 2), buf);
    }
}
