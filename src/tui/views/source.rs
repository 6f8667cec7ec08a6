//! The source view: the original text as decoded, with what the cleaner repaired marked
//! (`Article::repairs`, char ranges in the original) and the boilerplate lines it removed
//! (`Article::boilerplate`, by line number) struck through.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::reader::{Mark, text_pane};
use super::{block, title};
use crate::tui::app::App;

/// Draws the source view into `body`.
pub(crate) fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(index) = app.current() else {
        block(app, title(app, "没有文章 no articles", body.width)).render(body, buf);
        return;
    };
    let warnings = app.article(index).map_or(0, |a| a.warnings.len());
    let text = format!(
        "原文 original - 反白=修复 repaired - 删除线=样板 boilerplate - 警告 warnings {warnings} - O 返回"
    );
    let head = title(app, &text, body.width);
    text_pane(
        app,
        body,
        index,
        true,
        app.scroll,
        head,
        &marks(app, index),
        buf,
    );
}

/// Marks for repairs and boilerplate, by original line.
fn marks(app: &App, index: usize) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    let (Some(article), Some(prepared)) = (app.article(index), app.prepared(index)) else {
        return out;
    };
    let original = prepared.original(&article);
    for b in &article.boilerplate {
        let line = b.line.saturating_sub(1);
        if let Some(text) = original.lines.get(line) {
            out.push((line, 0..text.chars().count(), app.theme.boilerplate));
        }
    }
    for r in &article.repairs {
        for (line, &start) in original.starts.iter().enumerate() {
            let len = original.lines.get(line).map_or(0, |l| l.chars().count());
            let end = start + len;
            // A deletion (empty range) is still shown: mark the char after it.
            let (rs, re) = if r.start == r.end {
                (r.start, r.start + 1)
            } else {
                (r.start, r.end)
            };
            if rs < end.max(start + 1) && re > start {
                out.push((
                    line,
                    rs.saturating_sub(start)..re.min(end) - start,
                    app.theme.repair,
                ));
            }
        }
    }
    out
}
