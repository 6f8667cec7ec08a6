//! The explorer's state and its one mutator, [`App::update`]. Nothing here draws; views read
//! an `&App`. The terminal, the search worker and the clock live in the event loop outside,
//! which turns everything that happens into an [`Action`].
//!
//! [`App`] holds what the screens share: the corpus and its regions, the current region,
//! article, screen and overlay, the main text's scroll and highlighted sentence, the terminal
//! size, the status message and the pending [`Effect`]. Each screen's own state is a
//! `…State` value defined in its file under [`super::screens`], and so is its update, as an
//! `impl App` block. `update` routes every action to the method that owns it; the helpers
//! several actions share (`move_selection`, `edit_input`, `submit`, `click`, `copy_text`,
//! `export`, `status_selection`) only pick the screen or overlay and call it; `next_period`
//! steps whichever of the compare screen and the overview is shown.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::Options;
use super::action::Action;
use super::clipboard;
use super::export::{ExportFormat, ExportRequest};
use super::keymap::Mode;
use super::layout;
pub use super::screens::compare::CompareState;
pub use super::screens::gauges::GaugesState;
pub use super::screens::help::HelpState;
pub use super::screens::overview::{OverviewFilters, OverviewState};

use super::background::Background;
pub use super::screens::reader::FindState;
pub use super::screens::regions::PickerState;
pub use super::screens::search::SearchState;
use super::state::Position;
use super::theme::Theme;
use super::tree::RegionTree;
use crate::corpus::figures::{PeriodChoice, RegionFigures};
use crate::corpus::{Article, RegionLevel, Span};
use crate::store::{ArticleRef, Header, Store};
use crate::text::sanitize::{sanitize_aligned, sanitize_line};
use crate::text::width::disambiguate;
use crate::text::wrap::{DocLine, WrapCache, wrap_document};

/// The label for articles whose region the parser could not name.
pub const UNNAMED_REGION: &str = "未具名地区";

/// The screens the explorer can show under the tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Article list, reader and a compact gauge column.
    Reader,
    /// Gauges and metrics table beside the reader.
    Gauges,
    /// Two regions side by side.
    Compare,
    /// All regions ranked on common metrics.
    Overview,
    /// The original text with the cleaner's repairs and removed boilerplate marked.
    Source,
}

impl Screen {
    /// The screen's name, as remembered between sessions.
    pub fn name(self) -> &'static str {
        match self {
            Self::Reader => "reader",
            Self::Gauges => "gauges",
            Self::Compare => "compare",
            Self::Overview => "overview",
            Self::Source => "source",
        }
    }

    /// The screen called `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Reader,
            Self::Gauges,
            Self::Compare,
            Self::Overview,
            Self::Source,
        ]
        .into_iter()
        .find(|s| s.name() == name)
    }
}

/// Something the event loop must do outside the state, because it writes to the terminal
/// or to files; it answers with [`Action::EffectDone`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this one-line, control-free text on the clipboard with OSC 52.
    Copy(String),
    /// Write these tables to files in the working directory.
    Export(ExportRequest),
    /// Turn mouse capture on (`true`) or off.
    Mouse(bool),
}

/// What is drawn over the screen, taking the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing: the screen has the keys.
    None,
    /// The key help.
    Help,
    /// The global fuzzy search.
    Search,
    /// The region picker.
    Picker,
    /// The in-article find line (drawn in the status bar).
    Find,
    /// The files that could not be loaded.
    LoadErrors,
}

/// A region tab: its display name and the articles in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Terminal-safe name, or [`UNNAMED_REGION`].
    pub name: String,
    /// Article ids (indices into the corpus's headers).
    pub articles: Vec<usize>,
    /// Names from the province down to the region (gazetteer path); empty when unplaced.
    pub path: Vec<String>,
    /// The region's administrative level, when known.
    pub level: Option<RegionLevel>,
}

/// Terminal-safe, display-ready text of one article, prepared once.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// The title on one line.
    pub title: String,
    /// Body paragraphs, char-for-char aligned with `Article::paragraphs`.
    pub paragraphs: Vec<String>,
    /// The original's lines, prepared when first asked for: only the source view reads
    /// them, and a long article is not held twice more for the reader.
    original: std::sync::OnceLock<PreparedOriginal>,
    ambiguous_wide: bool,
}

/// Terminal-safe lines of an article's original text.
#[derive(Debug, Clone, Default)]
pub struct PreparedOriginal {
    /// Lines of `Article::original`, char-for-char aligned.
    pub lines: Vec<String>,
    /// The char offset in `Article::original` where each line starts.
    pub starts: Vec<usize>,
}

impl Prepared {
    /// The lines of `article`'s original; `article` is the one this text was prepared from.
    pub fn original(&self, article: &Article) -> &PreparedOriginal {
        self.original
            .get_or_init(|| prepare_original(article, self.ambiguous_wide))
    }
}

/// Prepared text per article id, filled while drawing (hence the interior mutability) and
/// started over when it grows large, so that a long session never holds a whole corpus.
#[derive(Debug, Default)]
pub struct PreparedCache {
    entries: std::cell::RefCell<std::collections::HashMap<usize, Arc<Prepared>>>,
}

/// How many prepared articles the cache keeps before starting over.
const PREPARED_LIMIT: usize = 64;

impl PreparedCache {
    /// Article `id`'s prepared text, made with `make` on a miss.
    pub(crate) fn get_or_prepare(
        &self,
        id: usize,
        make: impl FnOnce() -> Option<Prepared>,
    ) -> Option<Arc<Prepared>> {
        if let Some(hit) = self.entries.borrow().get(&id) {
            return Some(Arc::clone(hit));
        }
        let prepared = Arc::new(make()?);
        let mut entries = self.entries.borrow_mut();
        if entries.len() >= PREPARED_LIMIT {
            entries.clear();
        }
        entries.insert(id, Arc::clone(&prepared));
        Some(prepared)
    }
}

/// The whole explorer state. Its fields are private to the crate: views read them, and
/// everything else changes them only through [`App::update`].
#[derive(Debug)]
pub struct App {
    /// The corpus: headers at hand, an article's text read when it is shown.
    pub(crate) corpus: Store,
    /// Display-ready text of the articles shown lately.
    pub(crate) prepared: PreparedCache,
    /// Region tabs in order of first appearance; the unnamed group last.
    pub(crate) regions: Vec<Region>,
    /// The regions as a tree by gazetteer path.
    pub(crate) tree: RegionTree,
    /// Draw for a terminal with ambiguous-wide chars: disambiguated text, ASCII chrome.
    pub(crate) ambiguous_wide: bool,
    /// The styles.
    pub(crate) theme: Theme,
    /// The screen under the tabs.
    pub(crate) screen: Screen,
    /// What is drawn over it.
    pub(crate) overlay: Overlay,
    /// The current region tab.
    pub(crate) region: usize,
    /// The current article, as an index into the region's list.
    pub(crate) article: usize,
    /// First visible line of the main text (reader, source, left compare text), or first
    /// visible row of the overview.
    pub(crate) scroll: usize,
    /// The gauges screen.
    pub(crate) gauges: GaugesState,
    /// The highlighted source sentence in the current article (set from the gauges screen
    /// and the search, drawn wherever the article's text is).
    pub(crate) highlight: Option<Span>,
    /// The selected gauge's target sentence, when it is another sentence.
    pub(crate) target_highlight: Option<Span>,
    /// The in-article find.
    pub(crate) find: FindState,
    /// The global search.
    pub(crate) search: SearchState,
    /// The compare screen.
    pub(crate) compare: CompareState,
    /// The overview: filters, selected row, rankings and table.
    pub(crate) overview: OverviewState,
    /// The region picker.
    pub(crate) picker: PickerState,
    /// The help and load-errors overlays.
    pub(crate) help: HelpState,
    /// The terminal size.
    pub(crate) viewport: Rect,
    /// A one-line message for the status bar.
    pub(crate) message: Option<String>,
    /// Set by [`Action::Quit`].
    pub(crate) quit: bool,
    /// Whether the mouse is captured (off: the terminal selects text).
    pub(crate) mouse: bool,
    /// What the event loop has to do next, if anything.
    pub(crate) effect: Option<Effect>,
    /// Wrapped documents per width.
    pub(crate) wraps: WrapCache,
    /// One line per file that could not be loaded.
    pub(crate) load_errors: Vec<String>,
    /// Each region's figures on canonical indicators and the overview's first rankings,
    /// prepared on a worker thread once the first frame is drawn.
    pub(crate) background: Background,
}

impl App {
    /// Builds the state for a corpus (a [`Store`], or the articles themselves), sized for a
    /// 120×36 terminal until told otherwise.
    pub fn new(corpus: impl Into<Store>, options: &Options) -> Self {
        let corpus = corpus.into();
        let ambiguous_wide = options.ambiguous_wide;
        let mut regions = group_regions(corpus.headers(), ambiguous_wide);
        place_regions(&mut regions, &corpus.measures());
        let tree = RegionTree::build(&regions);
        let background = Background::new(
            corpus.measures(),
            regions
                .iter()
                .map(|r| {
                    (
                        (r.name != UNNAMED_REGION).then(|| r.name.clone()),
                        r.articles.clone(),
                    )
                })
                .collect(),
            ambiguous_wide,
        );
        let compare_right = usize::from(regions.len() > 1);
        Self {
            corpus,
            prepared: PreparedCache::default(),
            regions,
            tree,
            ambiguous_wide,
            theme: Theme::from_env(&options.theme),
            screen: Screen::Reader,
            overlay: Overlay::None,
            region: 0,
            article: 0,
            scroll: 0,
            gauges: GaugesState::default(),
            highlight: None,
            target_highlight: None,
            find: FindState::default(),
            search: SearchState::default(),
            compare: CompareState {
                right: compare_right,
                right_scroll: 0,
                locked: true,
                row: 0,
                period: PeriodChoice::Latest,
                picking_right: false,
            },
            overview: OverviewState::default(),
            picker: PickerState::default(),
            help: HelpState::default(),
            viewport: Rect::new(0, 0, 120, 36),
            quit: false,
            mouse: options.mouse,
            effect: None,
            wraps: WrapCache::default(),
            load_errors: options.load_errors.clone(),
            message: load_notice(&options.load_errors),
            background,
        }
    }

    /// Region `region`'s figures on canonical indicators (empty for the unnamed group, which
    /// is not a region).
    pub(crate) fn figures_of(&self, region: usize) -> Option<&RegionFigures> {
        self.background.figures().get(region)
    }

    /// Starts preparing every region's figures and the overview's first rankings on a
    /// worker thread; the event loop calls it once the first frame is drawn.
    pub fn prepare_in_background(&self) {
        self.background.spawn();
    }

    /// Waits until what is prepared in the background is ready (computing it here when no
    /// worker was started).
    pub fn settle(&self) {
        self.background.wait();
    }

    /// Makes a short field from article data terminal-safe and, in ambiguous-wide mode,
    /// unambiguous.
    pub fn safe<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        safe_text(s, self.ambiguous_wide)
    }

    /// The effect the event loop has to carry out, if any.
    pub fn effect(&self) -> Option<&Effect> {
        self.effect.as_ref()
    }

    /// Whether the mouse is captured.
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// Whether the user asked to leave.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The message shown in the status bar, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Where the user is, to be remembered.
    pub fn position(&self) -> Position {
        Position {
            region: self
                .regions
                .get(self.region)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            article: self.article,
            screen: self.screen.name().to_owned(),
            scroll: self.scroll,
        }
    }

    /// Which key bindings apply now.
    pub fn mode(&self) -> Mode {
        match self.overlay {
            Overlay::Help | Overlay::LoadErrors => Mode::Help,
            Overlay::Picker => Mode::Picker,
            Overlay::Search | Overlay::Find => Mode::Input,
            Overlay::None => Mode::Normal,
        }
    }

    /// Article `id`, read from the corpus when it is not at hand.
    pub(crate) fn article(&self, id: usize) -> Option<ArticleRef> {
        self.corpus.article(id)
    }

    /// Display-ready text of article `id`, prepared on first use.
    pub(crate) fn prepared(&self, id: usize) -> Option<Arc<Prepared>> {
        self.prepared.get_or_prepare(id, || {
            Some(prepare(&*self.article(id)?, self.ambiguous_wide))
        })
    }

    /// Article `id`'s title on one terminal-safe line.
    pub(crate) fn title(&self, id: usize) -> String {
        self.corpus
            .headers()
            .get(id)
            .map_or_else(String::new, |h| self.safe(&h.title).into_owned())
    }

    /// The current article's id.
    pub fn current(&self) -> Option<usize> {
        self.regions
            .get(self.region)?
            .articles
            .get(self.article)
            .copied()
    }

    /// The first article of region `region`.
    pub fn first_of(&self, region: usize) -> Option<usize> {
        self.regions.get(region)?.articles.first().copied()
    }

    /// The wrapped lines of an article's clean text (`source == false`) or original.
    pub fn doc(&self, article: usize, source: bool, width: usize) -> Arc<Vec<DocLine>> {
        let key = article
            .saturating_mul(2)
            .saturating_add(usize::from(source));
        self.wraps
            .get_or_wrap(key, width, || match self.prepared(article) {
                Some(p) if source => self.article(article).map_or_else(Vec::new, |a| {
                    wrap_document(&p.original(&a).lines, width, false)
                }),
                Some(p) => wrap_document(&p.paragraphs, width, true),
                None => Vec::new(),
            })
    }

    /// The text area (without border and scrollbar) of the main reader on this screen.
    pub fn main_text_area(&self) -> Rect {
        let body = layout::frame(self.viewport).body;
        let pane = match self.screen {
            Screen::Reader => layout::reader_panes(body).reader,
            Screen::Gauges => layout::gauge_panes(body).reader,
            Screen::Compare => layout::compare_panes(body).left,
            Screen::Overview | Screen::Source => body,
        };
        layout::text_and_scrollbar(pane).0
    }

    /// Lines of the main text and the visible height, for clamping.
    pub(crate) fn main_extent(&self) -> (usize, usize) {
        let area = self.main_text_area();
        let height = usize::from(area.height);
        let Some(article) = self.current() else {
            return (0, height);
        };
        if self.screen == Screen::Overview {
            // One row of the overview goes to its header.
            return (self.overview_rows(), height.saturating_sub(1));
        }
        let lines = self
            .doc(
                article,
                self.screen == Screen::Source,
                usize::from(area.width),
            )
            .len();
        (lines, height)
    }

    pub(crate) fn clamp_scroll(&mut self) {
        let (lines, height) = self.main_extent();
        self.scroll = self.scroll.min(lines.saturating_sub(height));
        self.clamp_right_scroll();
    }

    pub(crate) fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        if self.screen == Screen::Compare && self.compare.locked {
            self.compare.right_scroll = self.compare.right_scroll.saturating_add_signed(delta);
        }
        self.clamp_scroll();
    }

    pub(crate) fn page(&self) -> isize {
        isize::try_from(self.main_text_area().height.max(1)).unwrap_or(1)
    }

    /// Scrolls the main text so that `span` sits a third of the way down.
    pub(crate) fn reveal(&mut self, span: Span) {
        let area = self.main_text_area();
        let Some(article) = self.current() else {
            return;
        };
        let doc = self.doc(article, false, usize::from(area.width));
        let line = doc
            .iter()
            .position(|l| l.paragraph == span.paragraph && l.range.end > span.start)
            .or_else(|| doc.iter().position(|l| l.paragraph == span.paragraph))
            .unwrap_or(0);
        self.scroll = line.saturating_sub(usize::from(area.height) / 3);
        self.clamp_scroll();
    }

    pub(crate) fn open_article(&mut self, region: usize, article: usize) {
        self.region = region.min(self.regions.len().saturating_sub(1));
        let count = self
            .regions
            .get(self.region)
            .map_or(0, |r| r.articles.len());
        self.article = article.min(count.saturating_sub(1));
        self.scroll = 0;
        self.gauges.item = 0;
        self.highlight = None;
        self.target_highlight = None;
        self.find.matches.clear();
        self.find.current = 0;
        self.left_region_changed();
        if self.screen == Screen::Gauges {
            self.select_item(0);
        }
    }

    /// Opens the article at index `global` of `articles`, in its region.
    pub(crate) fn open_global(&mut self, global: usize) {
        for (r, region) in self.regions.iter().enumerate() {
            if let Some(i) = region.articles.iter().position(|&a| a == global) {
                self.open_article(r, i);
                return;
            }
        }
    }

    /// Moves to the next (or previous) region beside the current one in the tree (same
    /// parent, in tab order); a region alone under its parent moves through all regions.
    pub(crate) fn step_region(&mut self, forward: bool) {
        let mut ring = self.tree.siblings(self.region);
        ring.sort_unstable();
        if ring.len() < 2 {
            ring = (0..self.regions.len()).collect();
        }
        let n = ring.len();
        if n == 0 {
            return;
        }
        let at = ring.iter().position(|&r| r == self.region).unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.open_article(ring[next], 0);
    }

    /// `j`/`k`: moves the selection of the overlay or screen that has one, else scrolls.
    pub(crate) fn move_selection(&mut self, down: bool) {
        match self.overlay {
            Overlay::Search => self.move_search_selection(down),
            Overlay::Picker => self.move_picker_selection(down),
            _ if self.screen == Screen::Gauges => self.move_item(down),
            _ if self.screen == Screen::Overview => self.move_overview_row(down),
            _ => self.scroll_by(if down { 1 } else { -1 }),
        }
    }

    pub(crate) fn show(&mut self, screen: Screen) {
        self.screen = if self.screen == screen && screen != Screen::Reader {
            Screen::Reader
        } else {
            screen
        };
        self.scroll = 0;
        match self.screen {
            Screen::Gauges => self.select_item(self.gauges.item),
            Screen::Reader => {
                if let Some(span) = self.highlight {
                    self.reveal(span);
                }
            }
            _ => {}
        }
        self.clamp_scroll();
    }

    /// Applies one action. This is the only place the state changes; it never panics and
    /// clamps every index and scroll offset.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::SearchResults { .. } | Action::Resize(..)) {
            self.message = None;
        }
        if matches!(self.overlay, Overlay::Help | Overlay::LoadErrors) && self.scroll_help(&action)
        {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.back(),
            Action::NextRegion => self.step_region(true),
            Action::PrevRegion => self.step_region(false),
            Action::SelectRegion(r) if r < self.regions.len() => self.open_article(r, 0),
            Action::SelectRegion(_) => {}
            Action::OpenPicker => self.open_picker(),
            Action::NextArticle => self.open_article(self.region, self.article.saturating_add(1)),
            Action::PrevArticle => self.open_article(self.region, self.article.saturating_sub(1)),
            Action::ScrollDown => self.move_selection(true),
            Action::ScrollUp => self.move_selection(false),
            Action::PageDown => self.scroll_by(self.page()),
            Action::PageUp => self.scroll_by(-self.page()),
            Action::HalfPageDown => self.scroll_by((self.page() / 2).max(1)),
            Action::HalfPageUp => self.scroll_by(-(self.page() / 2).max(1)),
            Action::Top => self.scroll_by(isize::MIN),
            Action::Bottom => self.scroll_by(isize::MAX),
            Action::ShowReader => self.show(Screen::Reader),
            Action::ShowGauges => self.show(Screen::Gauges),
            Action::ShowCompare => self.show(Screen::Compare),
            Action::ShowOverview => self.show(Screen::Overview),
            Action::ToggleSource => self.show(Screen::Source),
            Action::ToggleHelp => self.toggle_help(),
            Action::ShowLoadErrors => self.show_load_errors(),
            Action::OpenFind => self.open_find(),
            Action::OpenSearch => self.open_search(),
            Action::Input(c) => self.edit_input(Edit::Type(c)),
            Action::Backspace => self.edit_input(Edit::Backspace),
            Action::DeleteWord => self.edit_input(Edit::Word),
            Action::ClearInput => self.edit_input(Edit::Clear),
            Action::Submit => self.submit(),
            Action::FindNext | Action::FindPrev if self.screen == Screen::Compare => {
                self.step_compare_row(action == Action::FindNext);
            }
            Action::FindNext => self.goto_match(true),
            Action::FindPrev => self.goto_match(false),
            Action::NextPeriod => self.next_period(),
            Action::NextCompareRegion
            | Action::PrevCompareRegion
            | Action::PickCompareRegion
            | Action::CompareWithParent
            | Action::ToggleScrollLock
            | Action::ScrollRightDown
            | Action::ScrollRightUp => self.update_compare(&action),
            Action::NextLevelFilter | Action::ScopeToParent | Action::ToggleRankBy => {
                self.update_overview(&action);
            }
            Action::Copy => self.copy(),
            Action::Export(format) => self.export(format),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.effect = Some(Effect::Mouse(self.mouse));
            }
            Action::Restore(position) => self.restore(&position),
            Action::EffectDone(message) => {
                self.effect = None;
                self.message = Some(message);
            }
            Action::Click(column, row) => self.click(column, row),
            Action::Resize(w, h) => {
                self.viewport = Rect::new(0, 0, w, h);
                self.clamp_scroll();
            }
            Action::SearchResults { generation, hits } => self.search_results(generation, hits),
        }
    }

    /// Esc: closes the overlay, else goes back to the reader, else clears the reader's marks.
    pub(crate) fn back(&mut self) {
        match self.overlay {
            Overlay::None if self.screen != Screen::Reader => self.show(Screen::Reader),
            Overlay::None if !self.find.matches.is_empty() || self.highlight.is_some() => {
                self.find.matches.clear();
                self.highlight = None;
                self.target_highlight = None;
            }
            // At the top level Esc only clears the message (done in `update`): it never quits.
            Overlay::None => {}
            _ => self.overlay = Overlay::None,
        }
    }

    /// Goes back to a remembered position; an unknown region leaves everything as it is.
    pub(crate) fn restore(&mut self, position: &Position) {
        let Some(region) = self.regions.iter().position(|r| r.name == position.region) else {
            return;
        };
        self.screen = Screen::Reader;
        self.overlay = Overlay::None;
        self.open_article(region, position.article);
        match Screen::from_name(&position.screen) {
            Some(Screen::Reader) | None => {}
            Some(screen) => self.show(screen),
        }
        self.scroll = position.scroll;
        self.clamp_scroll();
    }

    /// Opens `screen` unless it is already shown (`show` toggles back to the reader).
    pub(crate) fn show_at_least(&mut self, screen: Screen) {
        if self.screen != screen {
            self.show(screen);
        }
    }

    /// Lines up the next period on the compare screen or the overview.
    pub(crate) fn next_period(&mut self) {
        let next = |current: &PeriodChoice, periods: &[String]| match current {
            PeriodChoice::Latest => periods
                .first()
                .map_or(PeriodChoice::Latest, |p| PeriodChoice::Exactly(p.clone())),
            PeriodChoice::Exactly(p) => periods
                .iter()
                .position(|x| x == p)
                .and_then(|i| periods.get(i + 1))
                .map_or(PeriodChoice::Latest, |p| PeriodChoice::Exactly(p.clone())),
        };
        if self.screen == Screen::Overview {
            let periods = super::screens::overview::overview_periods(self);
            self.overview.filters.period = next(&self.overview.filters.period, &periods);
            self.overview_changed();
            let label = self.overview.filters.period.label();
            self.message = Some(format!("期 period: {label}"));
        } else {
            let periods = super::screens::compare::compare_periods(self);
            self.compare.period = next(&self.compare.period, &periods);
            self.compare.row = 0;
            self.show_at_least(Screen::Compare);
            self.message = Some(format!("期 period: {}", self.compare.period.label()));
        }
    }

    /// Queues the selection for the clipboard, cleaned to one safe line.
    pub(crate) fn copy(&mut self) {
        let text = self
            .copy_text()
            .map(|t| clipboard::clean(&t))
            .filter(|t| !t.is_empty());
        match text {
            Some(text) => self.effect = Some(Effect::Copy(text)),
            None => self.message = Some("没有可复制的 nothing to copy".to_owned()),
        }
    }

    /// The selected row in full, for the status bar, where a table or gauge may have cut it:
    /// the gauge or metric on the targets screen, the overview row.
    pub fn status_selection(&self) -> Option<String> {
        if self.overlay != Overlay::None {
            return None;
        }
        match self.screen {
            Screen::Gauges => self.item_summary(),
            Screen::Overview => self.overview_row_text(),
            Screen::Reader | Screen::Compare | Screen::Source => None,
        }
    }

    /// What `y` copies here: the selected search hit, gauge, metric or table row, or the
    /// reader's highlighted (else current, else topmost) sentence. Not yet cleaned.
    pub fn copy_text(&self) -> Option<String> {
        if self.overlay == Overlay::Search {
            return self
                .search
                .hits
                .get(self.search.selected)
                .map(|h| h.text.clone());
        }
        match self.screen {
            Screen::Gauges => self.item_text(),
            Screen::Compare => self.compare_row_text(),
            Screen::Overview => self.overview_row_text(),
            Screen::Reader => self.sentence_text(),
            Screen::Source => self.source_line_text(),
        }
    }

    pub(crate) fn region_name(&self) -> &str {
        self.regions
            .get(self.region)
            .map_or("", |r| r.name.as_str())
    }

    /// Queues the current view's tables for export, built by [`crate::report`] as the CLI
    /// builds them.
    pub(crate) fn export(&mut self, format: ExportFormat) {
        let request = match self.screen {
            Screen::Compare => self.compare_export(format),
            Screen::Overview => Some(self.overview_export(format)),
            Screen::Reader | Screen::Gauges | Screen::Source => self.article_export(format),
        };
        match request {
            Some(request) => self.effect = Some(Effect::Export(request)),
            None => self.message = Some("没有可导出的 nothing to export".to_owned()),
        }
    }

    /// A click on a region tab opens the region; one on the article list opens the article.
    pub(crate) fn click(&mut self, column: u16, row: u16) {
        if self.overlay != Overlay::None || layout::too_small(self.viewport) {
            return;
        }
        if row == 0 {
            self.click_tabs(column);
        } else {
            self.click_article_list(column, row);
        }
    }

    fn edit_input(&mut self, edit: Edit) {
        let replace = self.overlay == Overlay::Search && std::mem::take(&mut self.search.replace);
        let target = match self.overlay {
            Overlay::Find => &mut self.find.query,
            Overlay::Search => &mut self.search.query,
            Overlay::Picker => &mut self.picker.query,
            _ => return,
        };
        let before = target.clone();
        if replace {
            target.clear();
        }
        match edit {
            Edit::Type(c) if c.is_control() => {}
            Edit::Type(c) => target.push(c),
            Edit::Backspace if replace => {}
            Edit::Backspace => {
                target.pop();
            }
            Edit::Word => delete_word(target),
            Edit::Clear => target.clear(),
        }
        if *target == before {
            return;
        }
        match self.overlay {
            Overlay::Find => self.find_query_changed(),
            Overlay::Picker => self.picker_query_changed(),
            _ => self.search_query_changed(),
        }
    }

    /// Enter: what it does belongs to the overlay, else to the screen.
    pub(crate) fn submit(&mut self) {
        match self.overlay {
            Overlay::Find => self.submit_find(),
            Overlay::Search => self.jump_to_hit(),
            Overlay::Picker => self.submit_picker(),
            Overlay::Help | Overlay::LoadErrors => self.overlay = Overlay::None,
            Overlay::None if self.screen == Screen::Gauges => self.submit_gauges(),
            Overlay::None => {}
        }
    }
}

/// Makes a short field from article data terminal-safe and, for a terminal that draws
/// ambiguous-width characters wide, unambiguous.
pub(crate) fn safe_text(s: &str, ambiguous_wide: bool) -> std::borrow::Cow<'_, str> {
    let line = sanitize_line(s);
    if ambiguous_wide {
        std::borrow::Cow::Owned(disambiguate(&line).into_owned())
    } else {
        line
    }
}

/// What the first screen says when some files could not be loaded.
fn load_notice(errors: &[String]) -> Option<String> {
    if errors.is_empty() {
        return None;
    }
    let n = errors.len();
    let key = super::keymap::key_for(&Action::ShowLoadErrors).unwrap_or_default();
    Some(format!(
        "{n} 个文件未载入 {n} files not loaded - {key} 查看 list"
    ))
}

/// One edit of the find line or the search query.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Type(char),
    Backspace,
    Word,
    Clear,
}

/// Deletes the last word of `text` as shells do with C-w: trailing spaces, then a run of
/// ASCII letters and digits or a run of other non-space characters.
fn delete_word(text: &mut String) {
    while text.ends_with(char::is_whitespace) {
        text.pop();
    }
    let Some(last) = text.chars().next_back() else {
        return;
    };
    let alnum = last.is_ascii_alphanumeric();
    while let Some(c) = text.chars().next_back() {
        if c.is_whitespace() || c.is_ascii_alphanumeric() != alnum {
            break;
        }
        text.pop();
    }
}

/// Row `at` of a list of `len` moved one down (never past the last) or one up.
pub(crate) fn step_row(at: usize, down: bool, len: usize) -> usize {
    if down {
        at.saturating_add(1).min(len.saturating_sub(1))
    } else {
        at.saturating_sub(1)
    }
}

/// Chars `start..end` of `text`.
pub(crate) fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Makes untrusted text safe and one line, char for char; with `ambiguous_wide`, ambiguous
/// width characters get stand-ins.
fn display_ready(s: &str, ambiguous_wide: bool) -> String {
    let safe = sanitize_aligned(s);
    // Newlines inside a paragraph would break the one-line rendering; keep char count.
    let one_line = safe.replace('\n', " ");
    if ambiguous_wide {
        disambiguate(&one_line).into_owned()
    } else {
        one_line
    }
}

fn prepare(article: &Article, ambiguous_wide: bool) -> Prepared {
    let title = {
        let t = sanitize_line(&article.title);
        if ambiguous_wide {
            disambiguate(&t).into_owned()
        } else {
            t.into_owned()
        }
    };
    Prepared {
        title,
        paragraphs: article
            .paragraphs
            .iter()
            .map(|p| display_ready(p, ambiguous_wide))
            .collect(),
        original: std::sync::OnceLock::new(),
        ambiguous_wide,
    }
}

fn prepare_original(article: &Article, ambiguous_wide: bool) -> PreparedOriginal {
    let mut original = PreparedOriginal::default();
    let mut offset = 0usize;
    for line in article.original.split('\n') {
        original.starts.push(offset);
        offset = offset
            .saturating_add(line.chars().count())
            .saturating_add(1);
        original.lines.push(display_ready(line, ambiguous_wide));
    }
    original
}

fn group_regions(articles: &[Header], ambiguous_wide: bool) -> Vec<Region> {
    let mut regions: Vec<Region> = Vec::new();
    let mut unnamed = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let Some(name) = a.region.as_deref().filter(|r| !r.trim().is_empty()) else {
            unnamed.push(i);
            continue;
        };
        let safe = sanitize_line(name);
        let name = if ambiguous_wide {
            disambiguate(&safe).into_owned()
        } else {
            safe.into_owned()
        };
        match regions.iter_mut().find(|r| r.name == name) {
            Some(r) => r.articles.push(i),
            None => regions.push(Region {
                name,
                articles: vec![i],
                path: Vec::new(),
                level: None,
            }),
        }
    }
    if !unnamed.is_empty() {
        regions.push(Region {
            name: UNNAMED_REGION.to_owned(),
            articles: unnamed,
            path: Vec::new(),
            level: None,
        });
    }
    regions
}

/// Gives each region the gazetteer path and level of its first article that has one.
fn place_regions(regions: &mut [Region], measures: &[Article]) {
    for r in regions {
        if r.name == UNNAMED_REGION {
            continue;
        }
        if let Some(a) = r
            .articles
            .iter()
            .filter_map(|&i| measures.get(i))
            .find(|a| !a.region_path.is_empty())
        {
            r.path.clone_from(&a.region_path);
            r.level = a.region_level;
        }
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::*;
    use crate::corpus::extract::sentences;
    use crate::corpus::figures::RankBy;
    use crate::report;
    use crate::search::{Hit, HitTarget};
    use crate::tui::fixtures::sample_corpus;
    use crate::tui::testing::{app, copied, press, typed};

    #[test]
    fn regions_group_in_order_with_unnamed_last() {
        let app = app();
        let names: Vec<&str> = app.regions.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            ["谷城经济开发区", "通辽市", "田家庵区", UNNAMED_REGION]
        );
        assert_eq!(app.regions[1].articles, [1, 2]);
    }

    #[test]
    fn tab_and_number_keys_switch_regions() {
        let mut app = app();
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.region, 1);
        press(&mut app, KeyCode::BackTab);
        press(&mut app, KeyCode::BackTab);
        assert_eq!(app.region, 3);
        press(&mut app, KeyCode::Char('3'));
        assert_eq!(app.region, 2);
        press(&mut app, KeyCode::Char('9'));
        assert_eq!(app.region, 2, "out-of-range region keys are ignored");
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char(']'));
        assert_eq!(app.current(), Some(2));
        press(&mut app, KeyCode::Char(']'));
        assert_eq!(app.current(), Some(2), "the last article stays selected");
    }

    #[test]
    fn scrolling_is_clamped() {
        let mut app = app();
        app.update(Action::Resize(60, 12));
        press(&mut app, KeyCode::Char('G'));
        let bottom = app.scroll;
        assert!(bottom > 0);
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::PageDown);
        assert_eq!(app.scroll, bottom);
        press(&mut app, KeyCode::Char('g'));
        press(&mut app, KeyCode::Char('k'));
        assert_eq!(app.scroll, 0);
        app.update(Action::HalfPageDown);
        assert!(app.scroll > 0);
        app.update(Action::Resize(0, 0));
        app.update(Action::Resize(400, 200));
        assert_eq!(app.scroll, 0, "a tall terminal shows everything");
    }

    #[test]
    fn y_copies_the_selection_of_every_screen() {
        let mut app = app();
        press(&mut app, KeyCode::Char('y'));
        let shown = app.article(0).unwrap();
        let first = &shown.paragraphs[0];
        let (s, e) = sentences(first)[0];
        assert_eq!(copied(&app), chars(first, s, e), "topmost sentence");
        app.update(Action::EffectDone("已复制 copied 9 chars".to_owned()));
        assert_eq!(app.effect(), None);
        assert_eq!(app.message(), Some("已复制 copied 9 chars"));

        press(&mut app, KeyCode::Char('t'));
        press(&mut app, KeyCode::Char('y'));
        assert_eq!(copied(&app), "谷城经济开发区 合同投资额 84.57亿元 114%");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('y'));
        let span = app.highlight.unwrap();
        assert_eq!(
            copied(&app),
            chars(&shown.paragraphs[span.paragraph], span.start, span.end),
            "the highlighted source sentence"
        );

        press(&mut app, KeyCode::Char('c'));
        press(&mut app, KeyCode::Char('n'));
        press(&mut app, KeyCode::Char('N'));
        assert_eq!(app.compare.row, 0);
        press(&mut app, KeyCode::Char('y'));
        assert_eq!(
            copied(&app),
            "签约项目 2023年 | 谷城经济开发区 23个 | 通辽市 568个 | 差 -545个 | 比 0.04x"
        );

        press(&mut app, KeyCode::Char('o'));
        press(&mut app, KeyCode::Char('y'));
        assert_eq!(copied(&app), "签约项目 (3) 2023年 #1 通辽市 568个");
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('y'));
        assert_eq!(
            copied(&app),
            "签约项目 (3) 2023年 #2 田家庵区 31个",
            "the indicator comes from the ranking's first row"
        );
    }

    #[test]
    fn nothing_to_copy_or_export_on_an_empty_corpus() {
        let mut app = App::new(Vec::new(), &Options::default());
        app.update(Action::Copy);
        app.update(Action::Export(ExportFormat::Csv));
        assert_eq!(app.effect(), None);
        assert_eq!(app.message(), Some("没有可导出的 nothing to export"));
    }

    #[test]
    fn e_and_shift_e_export_the_views_tables_from_report() {
        let mut app = app();
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('e'));
        let Some(Effect::Export(request)) = app.effect().cloned() else {
            panic!("no export")
        };
        let second = app.article(1).unwrap();
        let one = std::slice::from_ref(&*second);
        assert_eq!(request.scope, "tongliaoshi");
        assert_eq!(request.format, ExportFormat::Csv);
        assert_eq!(
            request.tables,
            [
                ("gauges", report::gauges(one)),
                ("metrics", report::metrics(one))
            ]
        );
        press(&mut app, KeyCode::Char('c'));
        press(&mut app, KeyCode::Char('E'));
        let Some(Effect::Export(request)) = app.effect().cloned() else {
            panic!("no export")
        };
        assert_eq!(request.format, ExportFormat::Json);
        let right = app.corpus.headers()[app.first_of(app.compare.right).unwrap()]
            .region
            .clone()
            .unwrap();
        assert_eq!(
            request.tables,
            [(
                "compare",
                report::compare(
                    &app.corpus.measures(),
                    "通辽市",
                    &right,
                    &PeriodChoice::Latest,
                    &report::Filter::default()
                )
            )]
        );
        press(&mut app, KeyCode::Char('o'));
        press(&mut app, KeyCode::Char('e'));
        let Some(Effect::Export(request)) = app.effect().cloned() else {
            panic!("no export")
        };
        assert_eq!(request.scope, "all");
        assert_eq!(
            request.tables,
            [(
                "overview",
                report::overview(
                    &app.corpus.measures(),
                    &report::Filter::default(),
                    RankBy::Value
                )
            )]
        );
        // Under a parent and by percent of target, the export is what the screen ranks.
        app.overview.filters.parent = Some("内蒙古自治区".to_owned());
        app.update(Action::ToggleRankBy);
        app.update(Action::EffectDone(String::new()));
        press(&mut app, KeyCode::Char('e'));
        let Some(Effect::Export(request)) = app.effect().cloned() else {
            panic!("no export")
        };
        let filter = report::Filter {
            parent: Some("内蒙古自治区".to_owned()),
            ..report::Filter::default()
        };
        assert_eq!(request.scope, "neimengguzizhiqu");
        assert_eq!(
            request.tables,
            [(
                "overview",
                report::overview(&app.corpus.measures(), &filter, RankBy::Percent)
            )]
        );
    }

    #[test]
    fn m_toggles_mouse_capture_and_t_opens_the_gauges() {
        let mut app = App::new(
            sample_corpus(),
            &Options {
                mouse: true,
                ..Options::default()
            },
        );
        press(&mut app, KeyCode::Char('m'));
        assert!(!app.mouse());
        assert_eq!(app.effect(), Some(&Effect::Mouse(false)));
        app.update(Action::EffectDone("鼠标 mouse off".to_owned()));
        press(&mut app, KeyCode::Char('m'));
        assert_eq!(app.effect(), Some(&Effect::Mouse(true)));
        assert_eq!(app.screen, Screen::Reader, "m no longer opens the gauges");
        press(&mut app, KeyCode::Char('t'));
        assert_eq!(app.screen, Screen::Gauges);
    }

    #[test]
    fn a_saved_position_is_restored() {
        let mut app = app();
        app.update(Action::Resize(60, 12));
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('j'));
        let saved = app.position();
        assert_eq!(saved.region, "通辽市");
        assert_eq!((saved.article, saved.scroll), (0, 2));
        assert_eq!(saved.screen, "reader");

        let mut fresh = App::new(sample_corpus(), &Options::default());
        fresh.update(Action::Resize(60, 12));
        fresh.update(Action::Restore(saved.clone()));
        assert_eq!(fresh.position(), saved);
        assert_eq!(fresh.current(), Some(1));

        let gauges = Position {
            screen: "gauges".to_owned(),
            scroll: 0,
            ..saved.clone()
        };
        fresh.update(Action::Restore(gauges));
        assert_eq!(fresh.screen, Screen::Gauges);

        let unknown = Position {
            region: "北京市".to_owned(),
            ..saved
        };
        let before = fresh.position();
        fresh.update(Action::Restore(unknown));
        assert_eq!(
            fresh.position(),
            before,
            "an unknown region changes nothing"
        );
        fresh.update(Action::Restore(Position {
            region: "通辽市".to_owned(),
            article: 99,
            screen: "nonsense".to_owned(),
            scroll: usize::MAX,
        }));
        assert_eq!(fresh.current(), Some(2), "indices are clamped");
        assert_eq!(fresh.screen, Screen::Reader);
    }

    #[test]
    fn esc_never_quits() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "tl");
        for _ in 0..4 {
            press(&mut app, KeyCode::Esc);
        }
        assert!(!app.quit, "s, typing, Esc, Esc must not leave the explorer");
        press(&mut app, KeyCode::Char('t'));
        for _ in 0..4 {
            press(&mut app, KeyCode::Esc);
        }
        assert!(!app.quit);
        assert_eq!((app.screen, app.overlay), (Screen::Reader, Overlay::None));
    }

    fn any_action() -> impl proptest::strategy::Strategy<Value = Action> {
        use proptest::prelude::*;
        let table: Vec<Action> = crate::tui::keymap::BINDINGS
            .iter()
            .map(|b| b.action.clone())
            .filter(|a| *a != Action::Quit)
            .collect();
        prop_oneof![
            proptest::sample::select(table),
            any::<char>().prop_map(Action::Input),
            (0u16..200, 0u16..80).prop_map(|(w, h)| Action::Resize(w, h)),
            (0u16..200, 0u16..40).prop_map(|(x, y)| Action::Click(x, y)),
            (0u64..4).prop_map(|generation| Action::SearchResults {
                generation,
                hits: vec![Hit {
                    article: 7,
                    target: HitTarget::Sentence(Span {
                        paragraph: 9,
                        start: 5,
                        end: 1
                    }),
                    score: 0,
                    text: "通辽".to_owned(),
                    indices: vec![0, 99],
                }],
            }),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_action_sequence_updates_and_draws_without_panicking(
            actions in proptest::collection::vec(any_action(), 0..40),
            (w, h) in (0u16..130, 0u16..40),
            ambiguous_wide: bool,
        ) {
            let options = Options { ambiguous_wide, ..Options::default() };
            let mut app = App::new(sample_corpus(), &options);
            for action in actions {
                app.update(action);
                let _ = crate::tui::render_buffer(&app, w, h);
            }
            proptest::prop_assert!(app.region < app.regions.len());
        }
    }

    #[test]
    fn every_action_on_an_empty_corpus_is_harmless() {
        let mut app = App::new(Vec::new(), &Options::default());
        for action in crate::tui::keymap::BINDINGS
            .iter()
            .map(|b| b.action.clone())
        {
            if action != Action::Quit {
                app.update(action);
            }
        }
        app.update(Action::Input('x'));
        app.update(Action::Resize(1, 1));
        assert!(app.current().is_none());
    }
}
