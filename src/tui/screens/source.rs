//! The source screen's update: the original line `y` copies.

use crate::tui::app::App;

impl App {
    pub(crate) fn source_line_text(&self) -> Option<String> {
        let index = self.current()?;
        let width = usize::from(self.main_text_area().width);
        let doc = self.doc(index, true, width);
        let line = doc
            .get(self.scroll..)?
            .iter()
            .find(|l| !l.range.is_empty())?;
        let article = self.article(index)?;
        let original = article.original.split('\n').nth(line.paragraph)?;
        Some(original.to_owned())
    }
}
