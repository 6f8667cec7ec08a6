//! The explorer: the draw / read / update loop, and headless screenshots.
//!
//! State lives in [`app::App`] and changes only through [`app::App::update`]; keys are
//! translated by the one table in [`keymap`]; [`views`] draw from a read-only `&App`. The loop
//! here owns the terminal (alternate screen, raw mode, optional mouse capture), restores it
//! on every exit path (quit, Ctrl-C, error, panic, SIGTERM/SIGHUP), and runs the global
//! search on a worker thread so typing never waits: each query carries a generation number
//! and the worker skips to the newest query it has.

pub mod action;
pub mod app;
pub mod background;
pub mod clipboard;
pub mod export;
pub mod fixtures;
pub mod hangup;
pub mod keymap;
pub mod layout;
pub mod screens;
pub mod state;
pub mod theme;
pub mod tree;
pub mod views;
pub mod widgets;

#[cfg(test)]
mod testing;

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::search::Hit;
use crate::store::Store;
use action::Action;
use app::{App, Effect};

/// How the explorer should draw.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The terminal draws East Asian ambiguous-width characters two cells wide.
    pub ambiguous_wide: bool,
    /// Colour theme name: `dark`, `light` or `mono`.
    pub theme: String,
    /// Capture the mouse (wheel scrolling, clicking tabs); `m` toggles it while running.
    pub mouse: bool,
    /// Restore the position saved for this corpus on start and save it on quit (see
    /// [`state`]); off with `--no-state`.
    pub remember: bool,
    /// One line per file that could not be loaded, shown inside the explorer.
    pub load_errors: Vec<String>,
}

/// The view names [`screenshot`] accepts.
pub const VIEWS: [&str; 9] = [
    "reader", "gauges", "search", "compare", "overview", "help", "source", "tree", "trend",
];

/// The query the `search` screenshot is pre-filled with: pinyin for 通辽.
pub const SCREENSHOT_QUERY: &str = "tongliao";

/// How many hits the search overlay asks for.
const SEARCH_LIMIT: usize = 200;

/// Restores the terminal: leaves raw mode, the alternate screen and mouse capture, shows the
/// cursor. Safe to call more than once; errors are ignored because this runs on the way out.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        crossterm::event::DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Owns the terminal modes; dropping it restores the terminal.
struct TerminalGuard;

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<Self> {
        terminal::enable_raw_mode()?;
        let guard = Self;
        let mut out = io::stdout();
        // Cleared here rather than with `Terminal::clear`, which first asks the terminal
        // for the cursor position and waits up to two seconds for a terminal that never
        // answers.
        execute!(
            out,
            EnterAlternateScreen,
            terminal::Clear(terminal::ClearType::All)
        )?;
        if mouse {
            execute!(out, crossterm::event::EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Installs a panic hook that restores the terminal before the previous hook prints, and
/// puts the previous hook back when dropped.
struct PanicGuard {
    previous: Arc<PanicHook>,
}

impl PanicGuard {
    fn install() -> Self {
        let previous: Arc<PanicHook> = Arc::new(std::panic::take_hook());
        let chained = Arc::clone(&previous);
        std::panic::set_hook(Box::new(move |info| {
            restore();
            chained(info);
        }));
        Self { previous }
    }
}

impl Drop for PanicGuard {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let _ = std::panic::take_hook();
        let previous = Arc::clone(&self.previous);
        std::panic::set_hook(Box::new(move |info| previous(info)));
    }
}

/// The search worker: queries in, hits out, always answering the newest query it has.
/// Dropping it cancels the search in flight and ends the thread.
struct SearchWorker {
    queries: Option<Sender<(u64, String, Arc<AtomicBool>)>>,
    hits: Receiver<(u64, Vec<Hit>)>,
    /// Set to cancel the search in flight when a newer query is sent.
    current: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Starts the worker; it readies the corpus's search itself, so the first frame never
    /// waits for it.
    fn spawn(corpus: Store) -> Self {
        let (queries, query_rx) = mpsc::channel::<(u64, String, Arc<AtomicBool>)>();
        let (hit_tx, hits) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            corpus.warm_up_search();
            while let Ok(mut request) = query_rx.recv() {
                while let Ok(newer) = query_rx.try_recv() {
                    request = newer;
                }
                let (generation, query, cancel) = request;
                let Some(found) = corpus.search(&query, SEARCH_LIMIT, &cancel) else {
                    continue; // cancelled: a newer query is queued, or the explorer is leaving
                };
                if hit_tx.send((generation, found)).is_err() {
                    break;
                }
            }
        });
        Self {
            queries: Some(queries),
            hits,
            current: Arc::new(AtomicBool::new(false)),
            thread: Some(thread),
        }
    }

    /// Sends a query, cancelling the one in flight.
    fn send(&mut self, generation: u64, query: &str) {
        self.current.store(true, Ordering::Relaxed);
        self.current = Arc::new(AtomicBool::new(false));
        if let Some(queries) = &self.queries {
            let _ = queries.send((generation, query.to_owned(), Arc::clone(&self.current)));
        }
    }

    /// Cancels the search in flight and closes the queue, then waits up to `patience` for
    /// the thread to end; true when it has. Only an index still being built (which cannot
    /// be interrupted) outlasts the wait, and the process ends right after the loop anyway.
    fn stop(&mut self, patience: Duration) -> bool {
        self.current.store(true, Ordering::Relaxed);
        drop(self.queries.take());
        let deadline = Instant::now() + patience;
        // The thread holds the sending end of `hits`: disconnection means it has ended.
        loop {
            match self
                .hits
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(_) => {}
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => return false,
            }
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        true
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.stop(Duration::from_millis(200));
    }
}

/// Carries out an effect the state asked for and says how it went, for the status bar.
fn perform(effect: &Effect) -> String {
    match effect {
        Effect::Copy(text) => {
            let mut out = io::stdout();
            match out
                .write_all(&clipboard::osc52(text))
                .and_then(|()| out.flush())
            {
                Ok(()) => format!(
                    "已复制 copied {}",
                    crate::text::plural::count(text.chars().count(), "char", "chars")
                ),
                Err(e) => format!("复制失败 copy failed: {e}"),
            }
        }
        Effect::Export(request) => {
            let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            match export::write(&dir, request, now) {
                Ok(paths) => {
                    let home = std::env::var_os("HOME").map(PathBuf::from);
                    export::summary(&paths, &dir, home.as_deref())
                }
                Err(e) => format!("导出失败 export failed: {e}"),
            }
        }
        Effect::Mouse(on) => {
            let mut out = io::stdout();
            let done = if *on {
                execute!(out, crossterm::event::EnableMouseCapture)
            } else {
                execute!(out, crossterm::event::DisableMouseCapture)
            };
            match (done, on) {
                (Err(e), _) => format!("鼠标 mouse: {e}"),
                (Ok(()), true) => {
                    "鼠标 mouse on: wheel scrolls, clicks pick tabs (m: off)".to_owned()
                }
                (Ok(()), false) => "鼠标 mouse off: the terminal selects text (m: on)".to_owned(),
            }
        }
    }
}

/// How a run of the explorer ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// The terminal went away: SIGHUP, end of file or an error on its input, or a failed
    /// write. Says what was seen.
    Lost(String),
    /// SIGTERM asked the explorer to stop.
    Terminated,
}

impl Ending {
    /// The exit status, as a shell reports a process ended by the signal that stands for
    /// the ending: 0 for a quit, 129 (hang-up) for a lost terminal, 143 for SIGTERM.
    pub fn exit_status(&self) -> u8 {
        match self {
            Self::Quit => 0,
            Self::Lost(_) => 128 + signal_status(signal_hook::consts::SIGHUP),
            Self::Terminated => 128 + signal_status(signal_hook::consts::SIGTERM),
        }
    }
}

/// A signal number as the low bits of an exit status.
fn signal_status(signal: i32) -> u8 {
    u8::try_from(signal).unwrap_or(1) & 0x7f
}

/// A signal number as stored by `signal_hook::flag::register_usize`.
fn signal_number(signal: i32) -> usize {
    signal.unsigned_abs() as usize
}

/// The ending for the signal recorded in `signal` (the hang-up unless it was SIGTERM).
fn signalled(signal: &AtomicUsize) -> Ending {
    if signal.load(Ordering::Relaxed) == signal_number(signal_hook::consts::SIGTERM) {
        Ending::Terminated
    } else {
        Ending::Lost("the terminal went away (SIGHUP)".to_owned())
    }
}

/// How long the loop waits for input before looking at the search worker again.
const TICK: Duration = Duration::from_millis(40);

/// Saves the position held in `last` (taken, so it is saved once) to `path`.
fn save_position(path: Option<&Path>, last: &Mutex<Option<state::Position>>) {
    let mut last = last.lock().unwrap_or_else(PoisonError::into_inner);
    if let (Some(path), Some(position)) = (path, last.take()) {
        // Remembering is a convenience: a read-only or full disk must not spoil the exit.
        let _ = state::save(path, &position);
    }
}

/// Runs the explorer on a terminal until the user quits or the terminal goes away; the
/// position is saved (when remembering) however it ends.
pub fn run(corpus: impl Into<Store>, options: &Options) -> io::Result<Ending> {
    let corpus = corpus.into();
    let state_path = options
        .remember
        .then(|| state::default_path(corpus.headers()))
        .flatten();
    let mut worker = SearchWorker::spawn(corpus.clone());
    let mut app = App::new(corpus, options);

    let stop = Arc::new(AtomicBool::new(false));
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // The first signal asks the loop to leave (saving and restoring the terminal); a
        // second one, should the loop be stuck, terminates at once.
        signal_hook::flag::register_conditional_shutdown(
            sig,
            i32::from(128 + signal_status(sig)),
            Arc::clone(&stop),
        )?;
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), signal_number(sig))?;
    }
    // The position as of the last key, for the watchdog should it have to end the process.
    let last = Arc::new(Mutex::new(None));
    let _panic = PanicGuard::install();
    let terminal_modes = TerminalGuard::enter(options.mouse)?;
    let watchdog = {
        let (last, path, signal) = (Arc::clone(&last), state_path.clone(), Arc::clone(&signal));
        hangup::Watchdog::start(io::stdin(), Arc::clone(&stop), move || {
            save_position(path.as_deref(), &last);
            std::process::exit(i32::from(signalled(&signal).exit_status()));
        })?
    };
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    if let Some(position) = state_path.as_deref().and_then(state::load) {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        app.update(Action::Restore(position));
    }

    let ending = match event_loop(&mut terminal, &mut app, &mut worker, &stop, &last) {
        Ok(Some(ending)) => ending,
        Ok(None) => signalled(&signal),
        Err(e) => Ending::Lost(format!("the terminal went away ({e})")),
    };
    // ratatui's drop shows the cursor and reports a failure with `eprintln!`, which panics
    // when stderr is the terminal that has gone; `restore` shows the cursor instead.
    std::mem::forget(terminal);
    *last.lock().unwrap_or_else(PoisonError::into_inner) = Some(app.position());
    save_position(state_path.as_deref(), &last);
    drop(worker);
    drop(terminal_modes);
    drop(watchdog);
    Ok(ending)
}

/// The draw / read / update loop. Returns the ending when the user quits or the terminal
/// goes away, `None` when a signal set `stop`, and an error when drawing fails (the
/// terminal is gone too).
fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    worker: &mut SearchWorker,
    stop: &AtomicBool,
    last: &Mutex<Option<state::Position>>,
) -> io::Result<Option<Ending>> {
    let input = io::stdin();
    let mut sent = 0u64;
    let mut dirty = true;
    // crossterm may hold events from its last read that the terminal no longer shows.
    let mut buffered = false;
    loop {
        if app.quit {
            return Ok(Some(Ending::Quit));
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let size = terminal.size()?;
        if (size.width, size.height) != (app.viewport.width, app.viewport.height) {
            app.update(Action::Resize(size.width, size.height));
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| {
                frame.render_widget(&*app, frame.area());
                if let Some(pos) = views::cursor(app, frame.area()) {
                    frame.set_cursor_position(pos);
                }
            })?;
            dirty = false;
            // The first frame is on screen: what the overview and comparisons read is
            // prepared from now on, off this thread (later calls do nothing).
            app.prepare_in_background();
            // The end-to-end tests use this to prove a panic restores the terminal.
            assert!(
                std::env::var_os("ZHAOSHANG_FORCE_PANIC").is_none(),
                "forced panic (ZHAOSHANG_FORCE_PANIC is set)"
            );
        }
        let (generation, query) = app.search_request();
        if generation != sent {
            worker.send(generation, query);
            sent = generation;
        }
        while let Ok((generation, hits)) = worker.hits.try_recv() {
            app.update(Action::SearchResults { generation, hits });
            dirty = true;
        }
        // crossterm reads a hung-up terminal again and again without pausing: it is only
        // asked for events once poll(2) has said the terminal is still there.
        let wait = if buffered { Duration::ZERO } else { TICK };
        match hangup::wait_for_input(&input, wait)? {
            hangup::Input::Gone => {
                return Ok(Some(Ending::Lost(
                    "the terminal went away (its input hung up)".to_owned(),
                )));
            }
            hangup::Input::Idle if !buffered => continue,
            hangup::Input::Idle | hangup::Input::Ready => {}
        }
        buffered = event::poll(Duration::ZERO)?;
        if !buffered {
            continue;
        }
        let event = event::read()?;
        // Only the wheel scrolls three lines; `j` moves one line or one selected row.
        let from_wheel = matches!(
            event,
            Event::Mouse(m) if matches!(m.kind, MouseEventKind::ScrollDown | MouseEventKind::ScrollUp)
        );
        let action = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keymap::action_for(app.mode(), key)
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::ScrollDown),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp),
                MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            let wheel = from_wheel
                && app.mode() == keymap::Mode::Normal
                && !matches!(app.screen, app::Screen::Gauges | app::Screen::Overview);
            let repeat = if wheel { 3 } else { 1 };
            for _ in 0..repeat {
                app.update(action.clone());
            }
            dirty = true;
            *last.lock().unwrap_or_else(PoisonError::into_inner) = Some(app.position());
        }
        if let Some(effect) = app.effect().cloned() {
            let message = perform(&effect);
            app.update(Action::EffectDone(message));
            dirty = true;
        }
    }
}

/// Builds the state `view` shows at `width` × `height` without a terminal: `None` is the
/// first screen shown on start. The `search` view is pre-filled with [`SCREENSHOT_QUERY`] and
/// answered synchronously.
pub fn app_for_view(
    corpus: impl Into<Store>,
    options: &Options,
    view: Option<&str>,
    width: u16,
    height: u16,
) -> Result<App, String> {
    let corpus = corpus.into();
    let mut app = App::new(corpus.clone(), options);
    app.update(Action::Resize(width, height));
    match view {
        None | Some("reader") => {}
        Some("gauges") => app.update(Action::ShowGauges),
        Some("search") => {
            app.update(Action::OpenSearch);
            for c in SCREENSHOT_QUERY.chars() {
                app.update(Action::Input(c));
            }
            let hits = corpus
                .search(&app.search.query, SEARCH_LIMIT, &AtomicBool::new(false))
                .unwrap_or_default();
            app.update(Action::SearchResults {
                generation: app.search.generation,
                hits,
            });
        }
        Some("compare") => {
            // The pair of regions sharing the most indicator rows: what comparing is for.
            if let Some((left, right)) = app.best_compare_pair() {
                app.update(Action::SelectRegion(left));
                app.set_compare_right(right);
            }
            app.update(Action::ShowCompare);
        }
        Some("tree") => app.update(Action::OpenPicker),
        Some("trend") => {
            // The targets screen on the indicator the corpus has the most periods of.
            if let Some((region, article, item)) = app.best_trend() {
                app.open_article(region, article);
                app.update(Action::ShowGauges);
                app.select_item(item);
            } else {
                app.update(Action::ShowGauges);
            }
        }
        Some("overview") => app.update(Action::ShowOverview),
        Some("help") => app.update(Action::ToggleHelp),
        Some("source") => app.update(Action::ToggleSource),
        Some(other) => {
            return Err(format!(
                "unknown view `{other}`; valid views: {}",
                VIEWS.join(", ")
            ));
        }
    }
    Ok(app)
}

/// Renders one screen headlessly; `view` `None` is the first screen shown on start.
/// Returns plain text (`svg == false`) or an SVG document.
pub fn screenshot(
    corpus: impl Into<Store>,
    options: &Options,
    view: Option<&str>,
    width: u16,
    height: u16,
    svg: bool,
) -> Result<String, String> {
    let app = app_for_view(corpus, options, view, width, height)?;
    let buffer = render_buffer(&app, width, height);
    Ok(if svg {
        buffer_to_svg(&buffer, options.theme == "light")
    } else {
        buffer_to_text(&buffer)
    })
}

/// The font list every SVG screenshot names; also how an earlier one is recognised.
const SVG_FONTS: &str = "'Sarasa Mono SC','Noto Sans Mono CJK SC',monospace";

/// True when `bytes` look like a screenshot this program wrote, so that `screenshot -o` may
/// replace them: an SVG naming [`SVG_FONTS`], or (`svg == false`) at most 1000 lines of
/// plain text with no control character that hold the frame of a screen (a rounded or ASCII
/// border, or the too-small message).
pub fn is_screenshot(bytes: &[u8], svg: bool) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    if svg {
        return text.starts_with("<svg ") && text.contains(SVG_FONTS);
    }
    text.len() <= 1 << 20
        && text.lines().count() <= 1000
        && !text.chars().any(|c| c.is_control() && c != '\n')
        && ["╭", "╰", "+-", "terminal too small"]
            .iter()
            .any(|frame| text.contains(frame))
}

/// Draws `app` on a `width` × `height` TestBackend and returns the buffer.
pub fn render_buffer(app: &App, width: u16, height: u16) -> Buffer {
    // Going through a Terminal keeps the headless path identical to the real one; the test
    // backend cannot fail (its error type is uninhabited).
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let Ok(_) = terminal.draw(|f| f.render_widget(app, f.area()));
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text: cells hidden under a wide char are skipped, trailing spaces
/// trimmed.
pub fn buffer_to_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            skip = crate::text::width::display_width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// An sRGB hex colour for a terminal colour; `None` for the terminal default.
fn hex(color: Color) -> Option<String> {
    let rgb = match color {
        Color::Reset => return None,
        Color::Black => (0, 0, 0),
        Color::Red => (205, 49, 49),
        Color::Green => (13, 188, 121),
        Color::Yellow => (229, 229, 16),
        Color::Blue => (36, 114, 200),
        Color::Magenta => (188, 63, 188),
        Color::Cyan => (17, 168, 205),
        Color::Gray => (204, 204, 204),
        Color::DarkGray => (118, 118, 118),
        Color::LightRed => (241, 76, 76),
        Color::LightGreen => (35, 209, 139),
        Color::LightYellow => (245, 245, 67),
        Color::LightBlue => (59, 142, 234),
        Color::LightMagenta => (214, 112, 214),
        Color::LightCyan => (41, 184, 219),
        Color::White => (242, 242, 242),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => (i, i, i),
    };
    Some(format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The buffer as an SVG document with colours; wide chars are drawn two columns wide. The
/// terminal's default colours are dark on light when `light_background`, light on dark
/// otherwise.
pub fn buffer_to_svg(buffer: &Buffer, light_background: bool) -> String {
    const CW: f64 = 9.0;
    const CH: f64 = 20.0;
    let (fg_default, bg_default) = if light_background {
        ("#1e1e1e", "#fafafa")
    } else {
        ("#d4d4d4", "#1e1e1e")
    };
    let area = buffer.area;
    let (w, h) = (f64::from(area.width) * CW, f64::from(area.height) * CH);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{SVG_FONTS}\" font-size=\"15\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{bg_default}\"/>\n"
    );
    for y in area.top()..area.bottom() {
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            let cols = crate::text::width::display_width(symbol).max(1);
            skip = cols - 1;
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let mut fg = hex(cell.fg).unwrap_or_else(|| fg_default.to_owned());
            let mut bg = hex(cell.bg);
            if reversed {
                let old_fg = fg.clone();
                fg = bg.unwrap_or_else(|| bg_default.to_owned());
                bg = Some(old_fg);
            }
            let px = f64::from(x - area.x) * CW;
            let py = f64::from(y - area.y) * CH;
            let cw = CW * cols as f64;
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    "<rect x=\"{px}\" y=\"{py}\" width=\"{cw}\" height=\"{CH}\" fill=\"{bg}\"/>"
                );
            }
            if symbol.trim().is_empty() {
                continue;
            }
            let weight = if cell.modifier.contains(Modifier::BOLD) {
                " font-weight=\"bold\""
            } else {
                ""
            };
            let deco = if cell.modifier.contains(Modifier::UNDERLINED) {
                " text-decoration=\"underline\""
            } else if cell.modifier.contains(Modifier::CROSSED_OUT) {
                " text-decoration=\"line-through\""
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<text x=\"{px}\" y=\"{}\" fill=\"{fg}\" textLength=\"{cw}\" lengthAdjust=\"spacingAndGlyphs\"{weight}{deco}>{}</text>",
                py + CH * 0.75,
                xml_escape(symbol)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_worker_answers_the_newest_query() {
        let articles = fixtures::sample_corpus();
        let mut worker = SearchWorker::spawn(articles.into());
        for (generation, query) in [(1, "谷"), (2, "谷城"), (3, "通辽")] {
            worker.send(generation, query);
        }
        let mut last = 0;
        while last != 3 {
            let (generation, hits) = worker.hits.recv_timeout(Duration::from_secs(10)).unwrap();
            assert!(
                generation > last,
                "answers come newest-last and never go back"
            );
            last = generation;
            if generation == 3 {
                assert!(hits.iter().any(|h| h.text.contains("通辽")), "{hits:?}");
            }
        }
    }

    #[test]
    fn stopping_the_worker_cancels_its_search_and_ends_its_thread() {
        let mut worker = SearchWorker::spawn(fixtures::sample_corpus().into());
        worker.send(1, "通辽");
        // The first answer means the index is built; the next search is then in flight.
        let (generation, _) = worker.hits.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(generation, 1);
        worker.send(2, "tongliao");
        let start = Instant::now();
        assert!(worker.stop(Duration::from_secs(5)), "the thread ended");
        assert!(worker.thread.is_none());
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
        // Stopping twice (as the drop does after an explicit stop) is harmless.
        assert!(worker.stop(Duration::ZERO));
    }

    #[test]
    fn endings_exit_as_a_shell_reports_the_signal() {
        assert_eq!(Ending::Quit.exit_status(), 0);
        assert_eq!(Ending::Lost(String::new()).exit_status(), 129);
        assert_eq!(Ending::Terminated.exit_status(), 143);
        let signal = AtomicUsize::new(signal_number(signal_hook::consts::SIGTERM));
        assert_eq!(signalled(&signal), Ending::Terminated);
        signal.store(
            signal_number(signal_hook::consts::SIGHUP),
            Ordering::Relaxed,
        );
        assert!(matches!(signalled(&signal), Ending::Lost(_)));
    }

    #[test]
    fn earlier_screenshots_are_recognised_and_other_files_are_not() {
        let app =
            app_for_view(fixtures::sample_corpus(), &Options::default(), None, 80, 24).unwrap();
        let buffer = render_buffer(&app, 80, 24);
        assert!(is_screenshot(buffer_to_text(&buffer).as_bytes(), false));
        assert!(is_screenshot(
            buffer_to_svg(&buffer, false).as_bytes(),
            true
        ));
        assert!(!is_screenshot(b"[{\"title\": \"x\"}]", false));
        assert!(!is_screenshot("会议纪要\n".as_bytes(), false));
        assert!(!is_screenshot(
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            true
        ));
    }

    #[test]
    fn text_output_skips_cells_under_wide_chars() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 6, 2));
        buf.set_string(0, 0, "通辽a", ratatui::style::Style::new());
        assert_eq!(buffer_to_text(&buf), "通辽a\n\n");
    }
}
