//! The explorer's state and its one mutator, [`App::update`]. Nothing here draws; views read
//! an `&App`. The terminal, the search worker and the clock live in the event loop outside,
//! which turns everything that happens into an [`Action`].

use std::sync::Arc;

use ratatui::layout::Rect;

use super::Options;
use super::action::Action;
use super::clipboard;
use super::export::{ExportFormat, ExportRequest, slug};
use super::keymap::Mode;
use super::layout;
pub use super::screens::compare::CompareState;
use super::screens::gauges::{gauge_summary, metric_summary};
pub use super::screens::overview::{OverviewRows, OverviewState, RankedAll};

/// The overview's rankings prepared so far, one per period and measure.
pub(crate) type PreparedRankings = Vec<(PeriodChoice, RankBy, Arc<RankedAll>)>;
use super::background::Background;
pub use super::screens::reader::FindState;
pub use super::screens::regions::PickerCache;
pub use super::screens::search::SearchState;
use super::state::Position;
use super::theme::Theme;
use super::tree::RegionTree;
use crate::corpus::figures::{PeriodChoice, RankBy, RegionFigures};
use crate::corpus::{Article, RegionLevel, Span};
use crate::report;
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
    /// Selected gauge or metric on the gauges screen (gauges first, then metrics).
    pub(crate) item: usize,
    /// The highlighted source sentence in the current article.
    pub(crate) highlight: Option<Span>,
    /// The selected gauge's target sentence, when it is another sentence.
    pub(crate) target_highlight: Option<Span>,
    /// The in-article find.
    pub(crate) find: FindState,
    /// The global search.
    pub(crate) search: SearchState,
    /// The compare screen.
    pub(crate) compare: CompareState,
    /// The selected row of the overview (moved with `j`/`k`, copied with `y`).
    pub(crate) overview_row: usize,
    /// The overview's filters.
    pub(crate) overview: OverviewState,
    /// The rankings of every named region, per period and measure asked for so far.
    pub(crate) prepared_rankings: std::cell::RefCell<PreparedRankings>,
    /// The overview's table rows for the last filters asked for.
    pub(crate) overview_lines: std::cell::RefCell<Option<(OverviewState, OverviewRows)>>,
    /// The selected row of the region picker.
    pub(crate) picker: usize,
    /// What is typed into the picker: regions are filtered as the search box reads a query
    /// (simplified, traditional, pinyin, initials).
    pub(crate) picker_query: String,
    /// Every region in picker order (computed once), and the last filter's matches.
    pub(crate) picker_cache: std::cell::RefCell<PickerCache>,
    /// First visible line of the help overlay.
    pub(crate) help_scroll: usize,
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
    /// prepared on a worker thread from the start.
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
        let background = Background::start(
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
            item: 0,
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
            overview_row: 0,
            overview: OverviewState::default(),
            prepared_rankings: std::cell::RefCell::new(Vec::new()),
            overview_lines: std::cell::RefCell::new(None),
            picker: 0,
            picker_query: String::new(),
            picker_cache: std::cell::RefCell::new(PickerCache::default()),
            help_scroll: 0,
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

    /// Waits until what is prepared in the background at start is ready.
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
        if let Some(right) = self.first_of(self.compare.right) {
            let area = self.main_text_area();
            let lines = self.doc(right, false, usize::from(area.width)).len();
            let max = lines.saturating_sub(usize::from(area.height));
            self.compare.right_scroll = self.compare.right_scroll.min(max);
        }
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
        self.item = 0;
        self.highlight = None;
        self.target_highlight = None;
        self.find.matches.clear();
        self.find.current = 0;
        if self.compare.right == self.region && self.regions.len() > 1 {
            self.compare.right = (self.region + 1) % self.regions.len();
        }
        self.compare.right_scroll = 0;
        self.compare.row = 0;
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

    pub(crate) fn move_selection(&mut self, down: bool) {
        match self.overlay {
            Overlay::Search => {
                let n = self.search.hits.len();
                self.search.selected = if down {
                    self.search
                        .selected
                        .saturating_add(1)
                        .min(n.saturating_sub(1))
                } else {
                    self.search.selected.saturating_sub(1)
                };
            }
            Overlay::Picker => {
                let n = self.picker_order().len();
                self.picker = if down {
                    self.picker.saturating_add(1).min(n.saturating_sub(1))
                } else {
                    self.picker.saturating_sub(1)
                };
            }
            _ if self.screen == Screen::Gauges => {
                let item = if down {
                    self.item.saturating_add(1)
                } else {
                    self.item.saturating_sub(1)
                };
                self.select_item(item);
            }
            _ if self.screen == Screen::Overview => {
                let rows = self.overview_rows();
                self.overview_row = if down {
                    self.overview_row.saturating_add(1)
                } else {
                    self.overview_row.saturating_sub(1)
                }
                .min(rows.saturating_sub(1));
                // Keep the selection on screen.
                let (_, height) = self.main_extent();
                if self.overview_row < self.scroll {
                    self.scroll = self.overview_row;
                } else if self.overview_row >= self.scroll + height.max(1) {
                    self.scroll = self.overview_row + 1 - height.max(1);
                }
                self.clamp_scroll();
            }
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
            Screen::Gauges => self.select_item(self.item),
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
            Action::Back => match self.overlay {
                Overlay::None if self.screen != Screen::Reader => self.show(Screen::Reader),
                Overlay::None if !self.find.matches.is_empty() || self.highlight.is_some() => {
                    self.find.matches.clear();
                    self.highlight = None;
                    self.target_highlight = None;
                }
                // At the top level Esc only clears the message (done above): it never quits.
                Overlay::None => {}
                _ => self.overlay = Overlay::None,
            },
            Action::NextRegion => self.step_region(true),
            Action::PrevRegion => self.step_region(false),
            Action::SelectRegion(r) if r < self.regions.len() => self.open_article(r, 0),
            Action::SelectRegion(_) => {}
            Action::OpenPicker => {
                self.picker_query.clear();
                self.compare.picking_right = false;
                self.picker = self.picker_row_of(self.region);
                self.overlay = Overlay::Picker;
            }
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
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    self.help_scroll = 0;
                    Overlay::Help
                };
            }
            Action::ShowLoadErrors if self.load_errors.is_empty() => {
                self.message = Some("每个文件都已载入 every file loaded".to_owned());
            }
            Action::ShowLoadErrors => {
                self.help_scroll = 0;
                self.overlay = Overlay::LoadErrors;
            }
            Action::OpenFind => {
                if self.screen != Screen::Reader && self.screen != Screen::Gauges {
                    self.show(Screen::Reader);
                }
                self.find.query.clear();
                self.find.matches.clear();
                self.overlay = Overlay::Find;
            }
            Action::OpenSearch => {
                // As in fzf and shells: the last query comes back selected, typing replaces it.
                self.search.replace = !self.search.query.is_empty();
                self.overlay = Overlay::Search;
            }
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
            Action::SearchResults { generation, hits } => {
                if generation == self.search.generation {
                    self.search.hits = hits;
                    self.search.answered = generation;
                    self.search.selected = 0;
                }
            }
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
            let periods = crate::corpus::figures::periods(
                (0..self.regions.len())
                    .filter_map(|r| self.figures_of(r))
                    .flat_map(|f| f.figures.iter()),
            );
            self.overview.period = next(&self.overview.period, &periods);
            self.overview_changed();
            self.message = Some(format!("期 period: {}", self.overview.period.label()));
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
            Screen::Gauges => {
                let article = self.article(self.current()?)?;
                match article.gauges.get(self.item) {
                    Some(g) => Some(gauge_summary(g)),
                    None => article
                        .metrics
                        .get(self.item.checked_sub(article.gauges.len())?)
                        .map(metric_summary),
                }
            }
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
        let headers = self.corpus.headers();
        let raw_region = |r: usize| {
            self.first_of(r)
                .and_then(|i| headers.get(i))
                .map(|h| h.region.as_deref().unwrap_or(report::UNNAMED_REGION))
        };
        let request = match self.screen {
            Screen::Compare => match (raw_region(self.region), raw_region(self.compare.right)) {
                (Some(a), Some(b)) if self.compare.right != self.region => Some(ExportRequest {
                    scope: format!("{}-vs-{}", slug(a), slug(b)),
                    tables: vec![(
                        "compare",
                        report::compare(
                            &self.corpus.measures(),
                            a,
                            b,
                            &self.compare.period,
                            &report::Filter::default(),
                        ),
                    )],
                    format,
                }),
                _ => None,
            },
            Screen::Overview => Some(ExportRequest {
                scope: "all".to_owned(),
                tables: vec![(
                    "overview",
                    report::overview(
                        &self.corpus.measures(),
                        &report::Filter {
                            level: self.overview.level,
                            period: match &self.overview.period {
                                PeriodChoice::Latest => None,
                                PeriodChoice::Exactly(p) => Some(p.clone()),
                            },
                            ..report::Filter::default()
                        },
                    ),
                )],
                format,
            }),
            Screen::Reader | Screen::Gauges | Screen::Source => {
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
            let (tabs, _) = super::screens::regions::tab_layout(self, self.viewport.width);
            let hit = tabs.iter().find(|(_, x, label)| {
                column >= *x && usize::from(column - *x) < crate::text::width::display_width(label)
            });
            if let Some(&(region, _, _)) = hit {
                self.open_article(region, 0);
            }
            return;
        }
        let list = layout::inner(layout::reader_panes(layout::frame(self.viewport).body).list);
        let position = ratatui::layout::Position::new(column, row);
        if self.screen == Screen::Reader && list.contains(position) {
            // The same window the list is drawn with: the selection on its last row at most.
            let height = usize::from(list.height);
            let first = self.article.saturating_sub(height.saturating_sub(1));
            let index = first + usize::from(row - list.y);
            let count = self
                .regions
                .get(self.region)
                .map_or(0, |r| r.articles.len());
            if index < count {
                self.open_article(self.region, index);
            }
        }
    }

    fn edit_input(&mut self, edit: Edit) {
        let replace = self.overlay == Overlay::Search && std::mem::take(&mut self.search.replace);
        let target = match self.overlay {
            Overlay::Find => &mut self.find.query,
            Overlay::Search => &mut self.search.query,
            Overlay::Picker => &mut self.picker_query,
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
            Overlay::Find => {
                self.run_find();
                if let Some(&span) = self.find.matches.first() {
                    self.reveal(span);
                }
            }
            Overlay::Picker => {
                // The first region whose own name matches, not a region above it that is
                // listed for the path (湖北省 above 谷城经济开发区); else the first region.
                let rows = self.picker_order();
                let query = self.picker_query.trim();
                let region = |n: usize| self.tree.nodes.get(n).filter(|x| x.region.is_some());
                let first = rows
                    .iter()
                    .position(|&n| {
                        region(n).is_some_and(|x| {
                            !crate::search::find_in_text(&x.name, query).is_empty()
                        })
                    })
                    .or_else(|| rows.iter().position(|&n| region(n).is_some()))
                    .unwrap_or(0);
                self.picker = first;
            }
            _ => self.search.generation = self.search.generation.wrapping_add(1),
        }
    }

    pub(crate) fn submit(&mut self) {
        match self.overlay {
            Overlay::Find => {
                self.overlay = Overlay::None;
                self.run_find();
                self.find.current = self.find.matches.len().saturating_sub(1);
                self.goto_match(true);
            }
            Overlay::Search => self.jump_to_hit(),
            Overlay::Picker => {
                let node = self.picker_order().get(self.picker).copied();
                match node.and_then(|n| self.tree.nodes.get(n)) {
                    Some(n) if n.region.is_some() => {
                        let region = n.region.unwrap_or_default();
                        self.overlay = Overlay::None;
                        self.pick_region(region);
                    }
                    // A place without articles of its own: go down to the first that has.
                    Some(_) => {
                        let rows = self.picker_order();
                        let below = rows.iter().skip(self.picker).position(|&n| {
                            self.tree.nodes.get(n).is_some_and(|x| x.region.is_some())
                        });
                        match below {
                            Some(step) => self.picker += step,
                            None => self.message = Some("此处无文章 no articles here".to_owned()),
                        }
                    }
                    None => self.overlay = Overlay::None,
                }
            }
            Overlay::Help | Overlay::LoadErrors => self.overlay = Overlay::None,
            Overlay::None if self.screen == Screen::Gauges => {
                let keep = self.highlight;
                self.show(Screen::Reader);
                self.highlight = keep;
                if let Some(span) = keep {
                    self.reveal(span);
                }
            }
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
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::corpus::extract::sentences;
    use crate::search::{Hit, HitTarget};
    use crate::tui::fixtures::sample_corpus;
    use crate::tui::keymap::action_for;

    fn app() -> App {
        let mut app = App::new(sample_corpus(), &Options::default());
        app.update(Action::Resize(120, 36));
        app
    }

    fn press(app: &mut App, code: KeyCode) {
        let mods = if matches!(code, KeyCode::Char(c) if c.is_ascii_uppercase()) {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        if let Some(action) = action_for(app.mode(), KeyEvent::new(code, mods)) {
            app.update(action);
        }
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            press(app, KeyCode::Char(c));
        }
    }

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
        assert_eq!(app.item, 3);
        assert_eq!(app.highlight, Some(metric));
        // Far down the list: the redacted metric in the last paragraph scrolls the reader.
        for _ in 0..20 {
            press(&mut app, KeyCode::Char('j'));
        }
        assert_eq!(app.item, app.item_count() - 1);
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

    fn copied(app: &App) -> String {
        match app.effect() {
            Some(Effect::Copy(text)) => text.clone(),
            other => panic!("expected a copy, got {other:?}"),
        }
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
    fn ctrl_y_copies_the_search_hit_cleaned() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "tl");
        let hit = Hit {
            article: 1,
            target: HitTarget::Title,
            score: 1,
            text: "通辽\u{1b}]52;c;cHduZWQ=\u{7}市\n招商".to_owned(),
            indices: vec![],
        };
        app.update(Action::SearchResults {
            generation: app.search.generation,
            hits: vec![hit],
        });
        let key = KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL);
        app.update(action_for(app.mode(), key).unwrap());
        assert_eq!(copied(&app), "通辽市 招商");
        assert_eq!(app.search.query, "tl", "ctrl-y is not typed");
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
                report::overview(&app.corpus.measures(), &report::Filter::default())
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
    fn find_in_article_with_n_and_shift_n() {
        let mut app = app();
        press(&mut app, KeyCode::Char('/'));
        assert_eq!(app.mode(), Mode::Input);
        typed(&mut app, "到位资金");
        assert_eq!(app.find.matches.len(), 3);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.mode(), Mode::Normal);
        assert_eq!(app.find.current, 0);
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.find.current, 1);
        press(&mut app, KeyCode::Char('N'));
        press(&mut app, KeyCode::Char('N'));
        assert_eq!(app.find.current, 2);
        press(&mut app, KeyCode::Esc);
        assert!(app.find.matches.is_empty());
        assert!(!app.quit);
    }

    #[test]
    fn typing_q_in_an_input_types_it() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "qj");
        assert_eq!(app.search.query, "qj");
        assert_eq!(app.search.generation, 2);
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.search.query, "q");
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.overlay, Overlay::None);
        press(&mut app, KeyCode::Char('q'));
        assert!(app.quit);
    }

    #[test]
    fn stale_search_results_are_dropped_and_enter_jumps() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "tl");
        let span = app.article(3).unwrap().metrics[2].source;
        let hit = Hit {
            article: 3,
            target: HitTarget::Sentence(span),
            score: 10,
            text: "实际到位资金32.5亿元".to_owned(),
            indices: vec![0, 1],
        };
        app.update(Action::SearchResults {
            generation: 1,
            hits: vec![hit.clone()],
        });
        assert!(app.search.hits.is_empty(), "generation 1 is stale");
        app.update(Action::SearchResults {
            generation: 2,
            hits: vec![hit],
        });
        assert_eq!(app.search.hits.len(), 1);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.overlay, Overlay::None);
        assert_eq!((app.region, app.current()), (2, Some(3)));
        assert_eq!(app.highlight, Some(span));
    }

    #[test]
    fn compare_never_pairs_a_region_with_itself() {
        let mut app = app();
        press(&mut app, KeyCode::Char('c'));
        assert_eq!(app.screen, Screen::Compare);
        assert_eq!(app.compare.right, 1);
        for _ in 0..10 {
            press(&mut app, KeyCode::Char('>'));
            assert_ne!(app.compare.right, app.region);
        }
        press(&mut app, KeyCode::Char('<'));
        assert_ne!(app.compare.right, app.region);
        press(&mut app, KeyCode::Char('L'));
        assert!(!app.compare.locked);
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.screen, Screen::Reader);
    }

    #[test]
    fn clicking_a_tab_opens_its_region() {
        let mut app = app();
        let (tabs, overflow) = crate::tui::screens::regions::tab_layout(&app, 120);
        assert!(!overflow);
        let (region, x, _) = tabs[2].clone();
        app.update(Action::Click(x + 1, 0));
        assert_eq!(app.region, region);
        app.update(Action::Click(x + 1, 5));
        assert_eq!(app.region, region, "clicks below the tabs do not switch");
        app.update(Action::Resize(50, 20));
        let (tabs, overflow) = crate::tui::screens::regions::tab_layout(&app, 50);
        assert!(overflow);
        assert!(tabs.iter().any(|t| t.0 == app.region));
    }

    #[test]
    fn clicking_the_article_list_opens_an_article() {
        let mut app = app();
        app.update(Action::SelectRegion(1));
        // The list's first row is below the tab row and the pane border.
        app.update(Action::Click(5, 3));
        assert_eq!(app.current(), Some(2));
        app.update(Action::Click(5, 2));
        assert_eq!(app.current(), Some(1));
        app.update(Action::Click(5, 20));
        assert_eq!(
            app.current(),
            Some(1),
            "a click below the list changes nothing"
        );
    }

    #[test]
    fn picker_selects_a_region() {
        let mut app = app();
        press(&mut app, KeyCode::Char('r'));
        assert_eq!(app.mode(), Mode::Picker);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.regions[app.region].name, "通辽市",
            "the third in pinyin order"
        );
        assert_eq!(app.overlay, Overlay::None);
    }

    fn ctrl(app: &mut App, c: char) {
        if let Some(action) = action_for(
            app.mode(),
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        ) {
            app.update(action);
        }
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

    #[test]
    fn shift_j_and_k_scroll_the_right_pane_only() {
        let mut app = app();
        app.update(Action::Resize(60, 12));
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('J'));
        assert_eq!(app.scroll, 0, "the reader has no right-hand text to scroll");
        assert!(
            app.message().is_some_and(|m| m.contains("J/K")),
            "{:?}",
            app.message()
        );
        // Targets: the right pane is the source text; the selection stays.
        press(&mut app, KeyCode::Char('t'));
        press(&mut app, KeyCode::Char('g'));
        let item = app.item;
        press(&mut app, KeyCode::Char('J'));
        assert_eq!((app.scroll, app.item), (1, item));
        // Compare, unlocked: only the right text moves.
        press(&mut app, KeyCode::Char('c'));
        press(&mut app, KeyCode::Char('L'));
        press(&mut app, KeyCode::Char('J'));
        assert_eq!((app.scroll, app.compare.right_scroll), (0, 1));
        press(&mut app, KeyCode::Char('K'));
        assert_eq!(app.compare.right_scroll, 0);
    }

    #[test]
    fn search_box_edits_like_a_shell() {
        let mut app = app();
        press(&mut app, KeyCode::Char('s'));
        typed(&mut app, "tong liao");
        ctrl(&mut app, 'w');
        assert_eq!(app.search.query, "tong ", "C-w deletes the last word");
        ctrl(&mut app, 'w');
        assert_eq!(app.search.query, "");
        typed(&mut app, "通辽 招商");
        ctrl(&mut app, 'u');
        assert_eq!(app.search.query, "", "C-u clears");
        let generation = app.search.generation;
        typed(&mut app, "通辽");
        assert!(app.search.generation > generation);
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('s'));
        assert_eq!(
            app.search.query, "通辽",
            "a fresh s brings the last query back"
        );
        assert!(app.search.replace, "selected, so typing replaces it");
        typed(&mut app, "谷");
        assert_eq!(app.search.query, "谷");
        assert!(!app.search.replace);
        typed(&mut app, "城");
        assert_eq!(app.search.query, "谷城");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('s'));
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.search.query, "", "Backspace deletes the selected query");
        // The find line edits the same way.
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('/'));
        typed(&mut app, "到位 资金");
        ctrl(&mut app, 'w');
        assert_eq!(app.find.query, "到位 ");
        ctrl(&mut app, 'u');
        assert_eq!(app.find.query, "");
    }

    #[test]
    fn find_accepts_traditional_characters_and_pinyin() {
        let mut app = app();
        press(&mut app, KeyCode::Char('/'));
        typed(&mut app, "到位資金");
        assert_eq!(app.find.matches.len(), 3, "traditional finds simplified");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('/'));
        typed(&mut app, "daoweizijin");
        assert_eq!(app.find.matches.len(), 3, "pinyin finds the characters");
        let m = app.find.matches[0];
        assert_eq!(
            chars(
                &app.article(0).unwrap().paragraphs[m.paragraph],
                m.start,
                m.end
            ),
            "到位资金"
        );
    }

    #[test]
    fn picker_is_sorted_by_pinyin_and_filters_as_you_type() {
        let mut app = app();
        press(&mut app, KeyCode::Char('r'));
        let names = |app: &App| -> Vec<String> {
            app.picker_order()
                .iter()
                .filter_map(|&n| app.tree.nodes[n].region)
                .map(|r| app.regions[r].name.clone())
                .collect()
        };
        assert_eq!(
            names(&app),
            ["谷城经济开发区", "田家庵区", "通辽市", UNNAMED_REGION]
        );
        // Pinyin initials, as in the search box; then traditional characters.
        typed(&mut app, "tl");
        assert_eq!(names(&app), ["通辽市"]);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.overlay, Overlay::None);
        assert_eq!(app.regions[app.region].name, "通辽市");
        press(&mut app, KeyCode::Char('r'));
        assert!(app.picker_query.is_empty(), "a new picker starts empty");
        typed(&mut app, "田家");
        assert_eq!(names(&app), ["田家庵区"]);
        press(&mut app, KeyCode::Backspace);
        press(&mut app, KeyCode::Backspace);
        typed(&mut app, "穀城");
        assert_eq!(names(&app), ["谷城经济开发区"]);
        typed(&mut app, "qqq");
        assert!(names(&app).is_empty());
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.regions[app.region].name, "通辽市", "nothing to pick");
    }

    #[test]
    fn help_scrolls_at_any_size() {
        let mut app = app();
        app.update(Action::Resize(80, 24));
        press(&mut app, KeyCode::Char('?'));
        press(&mut app, KeyCode::Char('G'));
        assert!(app.help_scroll > 0, "G goes to the end of the help");
        press(&mut app, KeyCode::Char('k'));
        let up = app.help_scroll;
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(app.help_scroll, up + 1);
        press(&mut app, KeyCode::Char('g'));
        assert_eq!(app.help_scroll, 0);
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
