//! The global fuzzy search overlay: the query line (where the terminal cursor is put, so an
//! input method anchors its window there) and the hits, with the matched chars highlighted
//! by display column. Results arrive from the search worker; a stale answer is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{block, clear_popup, title};
use crate::search::{Hit, HitTarget};
use crate::text::plural;
use crate::text::width::{column_of, display_width, ellipsize};
use crate::tui::app::App;
use crate::tui::layout;

/// The popup rectangle inside `body`.
pub(crate) fn area(body: Rect) -> Rect {
    layout::centered(body, 85, 85, 40, 8)
}

/// Where the terminal cursor goes: after the query.
pub(crate) fn cursor(app: &App, body: Rect) -> Position {
    let inner = layout::inner(area(body));
    let prompt = display_width(PROMPT) + display_width(&app.safe(&app.search.query));
    let x = inner
        .x
        .saturating_add(prompt as u16)
        .min(inner.right().saturating_sub(1));
    Position::new(x, inner.y)
}

const PROMPT: &str = "> ";

/// Draws the search overlay over `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let area = area(body);
    clear_popup(area, buf);
    let search = &app.search;
    let stale = search.answered != search.generation;
    let head = if stale {
        "搜索 search (...)"
    } else {
        "搜索 search - 拼音/简繁 pinyin ok"
    };
    block(app, title(app, head, area.width)).render(area, buf);
    let inner = layout::inner(area);
    if inner.is_empty() {
        return;
    }
    let query = app.safe(&search.query);
    let input = Line::from(vec![
        Span::styled(PROMPT, app.theme.key),
        Span::styled(query.into_owned(), app.theme.text),
    ]);
    buf.set_line(inner.x, inner.y, &input, inner.width);
    let count = plural::count(search.hits.len(), "hit", "hits");
    let cw = display_width(&count) as u16;
    if inner.width > cw + 20 {
        buf.set_stringn(
            inner.right() - cw,
            inner.y,
            &count,
            usize::from(cw),
            app.theme.dim,
        );
    }
    let list = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    if search.hits.is_empty() {
        let msg = if search.query.is_empty() {
            "输入查询 type to search: 通辽, tongliao, tl"
        } else {
            "没有结果 no hits"
        };
        buf.set_stringn(list.x, list.y, msg, usize::from(list.width), app.theme.dim);
        return;
    }
    let h = usize::from(list.height);
    let first = search.selected.saturating_sub(h.saturating_sub(1));
    for (row, (i, hit)) in search
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .enumerate()
    {
        let line = hit_line(app, hit, i == search.selected, usize::from(list.width));
        let y = list.y + row as u16;
        if i == search.selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), app.theme.selected);
        }
        buf.set_line(list.x, y, &line, list.width);
    }
}

/// One hit: marker, kind, where it is, and the text windowed around the first match.
fn hit_line<'a>(app: &App, hit: &Hit, selected: bool, width: usize) -> Line<'a> {
    let kind = match hit.target {
        HitTarget::Title => "标题",
        HitTarget::Region => "地区",
        HitTarget::Sentence(_) => "正文",
        HitTarget::Metric(_) => "指标",
    };
    let base = if selected {
        app.theme.selected
    } else {
        app.theme.text
    };
    let marker = if selected { "> " } else { "  " };
    // Where the hit is: the article title for a region hit (the region is the hit itself),
    // the region (or title) otherwise.
    let place = app
        .corpus
        .headers()
        .get(hit.article)
        .map(|a| match (hit.target, a.region.as_deref()) {
            (HitTarget::Region, _) | (_, None) => app.safe(&a.title).into_owned(),
            (_, Some(region)) => app.safe(region).into_owned(),
        })
        .unwrap_or_default();
    let place = format!("{} ", ellipsize(&place, 12, app.ambiguous_wide));
    let mut spans = vec![
        Span::styled(marker, base),
        Span::styled(format!("{kind} "), app.theme.dim),
        Span::styled(place.clone(), app.theme.dim),
    ];
    let room = width.saturating_sub(2 + 5 + display_width(&place));
    if let HitTarget::Metric(i) = hit.target
        && let Some(article) = app.article(hit.article)
        && let Some(metric) = article.metrics.get(i)
    {
        spans.extend(metric_hit(app, hit, metric, &article, room, base));
        return Line::from(spans);
    }
    spans.extend(highlighted(
        app,
        &hit.text,
        &hit.indices,
        room,
        base,
        app.theme.matched,
    ));
    Line::from(spans)
}

/// A metric hit: its label (the match highlighted), its value, and the sentence it was read
/// from with the label highlighted there, so that hits with one label tell themselves apart.
fn metric_hit<'a>(
    app: &App,
    hit: &Hit,
    metric: &crate::corpus::Metric,
    article: &crate::corpus::Article,
    room: usize,
    base: Style,
) -> Vec<Span<'a>> {
    let label_room = display_width(&hit.text).min(room / 3).max(4);
    let mut spans = highlighted(
        app,
        &hit.text,
        &hit.indices,
        label_room,
        base,
        app.theme.matched,
    );
    let value = format!(
        " {}{} ",
        super::gauges::metric_value(app, metric),
        app.safe(&metric.unit)
    );
    spans.push(Span::styled(value.clone(), app.theme.title));
    let used = label_room.min(display_width(&hit.text)) + display_width(&value);
    // The whole sentence around the figure's source.
    let span = metric.source;
    let sentence: String = article
        .paragraphs
        .get(span.paragraph)
        .map(|p| {
            let (start, end) = crate::corpus::extract::sentences(p)
                .into_iter()
                .find(|&(s, e)| s <= span.start && span.start < e)
                .unwrap_or((span.start, span.end));
            p.chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .collect()
        })
        .unwrap_or_default();
    if sentence.is_empty() {
        return spans;
    }
    let marks: Vec<usize> = crate::search::find_in_text(&sentence, &metric.label)
        .into_iter()
        .flatten()
        .collect();
    spans.push(Span::styled("| ", app.theme.dim));
    spans.extend(highlighted(
        app,
        &sentence,
        &marks,
        room.saturating_sub(used + 2),
        app.theme.dim,
        app.theme.matched,
    ));
    spans
}

/// `text` (sanitised one char per char, so `indices` stay valid) with `indices` in `hit`
/// style; if the first match would fall in the right half of `room`, the text is shifted
/// left and starts with `..`.
fn highlighted<'a>(
    app: &App,
    text: &str,
    indices: &[usize],
    room: usize,
    base: Style,
    hit: Style,
) -> Vec<Span<'a>> {
    let safe = crate::text::sanitize::sanitize_aligned(text).replace('\n', " ");
    let safe = if app.ambiguous_wide {
        crate::text::width::disambiguate(&safe).into_owned()
    } else {
        safe
    };
    let first = indices.iter().copied().min().unwrap_or(0);
    let mut skip = 0;
    let mut prefix = "";
    if column_of(&safe, first) > room / 2 {
        // Keep about a third of the room as context before the first match.
        let chars: Vec<char> = safe.chars().collect();
        let mut context = 0usize;
        skip = first.min(chars.len());
        while skip > 0 && context + crate::text::width::char_width(chars[skip - 1]) <= room / 3 {
            skip -= 1;
            context += crate::text::width::char_width(chars[skip]);
        }
        prefix = "..";
    }
    let mut spans = vec![Span::styled(prefix, app.theme.dim)];
    let mut used = display_width(prefix);
    for (i, c) in safe.chars().enumerate().skip(skip) {
        let w = crate::text::width::char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        let style = if indices.contains(&i) { hit } else { base };
        spans.push(Span::styled(c.to_string(), style));
    }
    spans
}
