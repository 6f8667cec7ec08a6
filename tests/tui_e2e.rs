//! End-to-end: the real `zhaoshang` binary in a real terminal. tmux runs it at 120×36 and
//! 60×20, sends keys (switch region, scroll, open a gauge's source, pinyin search, compare,
//! help, quit) and checks the captured screen: text where it should be, no line wider than
//! the terminal, a usable shell after quitting or after a panic, and a pane title untouched
//! by an article's OSC sequences; no colour codes under `NO_COLOR`; `y` reaching tmux's
//! clipboard, `e` writing a file and the position remembered between runs. tmux is required
//! (`.ci/run` installs it).

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use zhaoshang::text::width::display_width;

const BIN: &str = env!("CARGO_BIN_EXE_zhaoshang");

fn tmux_output(args: &[&str]) -> std::process::Output {
    Command::new("tmux")
        .args(args)
        .output()
        .expect("tmux is required for the end-to-end tests: apt-get install tmux")
}

fn tmux(args: &[&str]) -> String {
    String::from_utf8_lossy(&tmux_output(args).stdout).into_owned()
}

/// A session on a tmux server of its own: sessions of tests running in parallel share no
/// server, so one server shutting down (tmux exits with its last session) cannot swallow
/// another test's `new-session`, and paste buffers are not shared.
struct Session {
    server: Server,
    name: String,
}

impl Session {
    /// A detached tmux session of `w`×`h` running a clean shell, then `command` in it.
    fn start(name: &str, w: u16, h: u16, command: &str) -> Self {
        let s = Self {
            server: Server::new(name),
            name: name.to_string(),
        };
        s.server.checked(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME=/tmp PS1='shell> ' bash --norc --noprofile",
        ]);
        s.tmux(&["set-option", "-t", name, "allow-rename", "on"]);
        s.tmux(&["set-option", "-t", name, "set-clipboard", "on"]);
        s.wait_for("shell>");
        s.literal(command);
        s.keys(&["Enter"]);
        s
    }

    /// Runs a tmux command on this session's server.
    fn tmux(&self, args: &[&str]) -> String {
        self.server.tmux(args)
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.name.as_str()];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-t", &self.name, "-p"])
    }

    /// Waits until the screen contains `needle`; fails with the screen after 40 s.
    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Waits until `ready` holds for the screen; fails with the screen after 40 s.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(40),
                "never saw {what} in\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `title` and a row holding `label` and every one of
    /// `values` (a frame can be read half drawn).
    fn wait_for_row(&self, title: &str, label: &str, values: &[&str]) -> String {
        self.wait_until(&format!("{title} with {label} {values:?}"), |screen| {
            screen.contains(title)
                && screen
                    .lines()
                    .any(|l| l.contains(label) && values.iter().all(|v| l.contains(v)))
        })
    }

    /// Esc followed at once by a key reads as Alt+key: leave a gap.
    fn escape(&self) {
        self.keys(&["Escape"]);
        sleep(Duration::from_millis(200));
    }

    fn shell_is_usable(&self) {
        self.literal("stty -a | grep -o ' -\\?icanon'; echo READY$((40+2))");
        self.keys(&["Enter"]);
        let screen = self.wait_for("READY42");
        assert!(
            screen.contains(" icanon"),
            "terminal left in raw mode:\n{screen}"
        );
        assert!(
            !screen.contains("-icanon"),
            "terminal left in raw mode:\n{screen}"
        );
    }
}

/// True when the reader's position indicator (`45-60/60`) shows the last line.
fn at_the_end(screen: &str) -> bool {
    screen
        .split(|c: char| !(c.is_ascii_digit() || c == '-' || c == '/'))
        .any(|word| {
            let Some((range, total)) = word.split_once('/') else {
                return false;
            };
            let Some((_, last)) = range.split_once('-') else {
                return false;
            };
            !last.is_empty() && last == total
        })
}

fn fits(screen: &str, width: u16) {
    for line in screen.lines() {
        assert!(
            display_width(line) <= usize::from(width),
            "line wider than {width}: {line}"
        );
    }
}

#[test]
fn drive_the_explorer_in_tmux() {
    // The built-in corpus at two sizes, then a store parsed from the same seeds.
    let dir = std::env::temp_dir().join(format!("zs-e2e-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("seeds.db");
    let raw = concat!(env!("CARGO_MANIFEST_DIR"), "/data/raw");
    let store = format!(
        "{BIN} parse {raw} -o {} && {BIN} {}",
        db.display(),
        db.display()
    );
    for (w, h, command) in [
        (120u16, 36u16, BIN.to_owned()),
        (60, 20, BIN.to_owned()),
        (120, 36, store),
    ] {
        let s = Session::start(
            &format!("zs-e2e-{w}-{}", command.len()),
            w,
            h,
            &format!("{command} --no-state; echo EXIT=$?"),
        );
        let screen = s.wait_for("濉溪经济开发区");
        fits(&screen, w);
        // Switch region: the reader opens 通辽市's article.
        s.keys(&["Tab"]);
        s.wait_for("招商引资始终是硬招数");
        // Scroll to the end of the article.
        s.keys(&["j", "j", "G"]);
        let screen = s.wait_until("the reader at its last line", at_the_end);
        fits(&screen, w);
        // 谷城: open the gauges, select the second gauge, jump to its source sentence.
        s.keys(&["4"]);
        s.wait_for("谷城");
        s.keys(&["t"]);
        let screen = s.wait_for("指标 metrics");
        fits(&screen, w);
        assert!(
            screen.contains("114%") || screen.contains("53%"),
            "gauges shown:\n{screen}"
        );
        s.keys(&["j", "Enter"]);
        let screen = s.wait_for("实到投资额35.8亿元");
        fits(&screen, w);
        // Global search by pinyin, without a Chinese input method.
        s.escape();
        s.keys(&["s"]);
        s.wait_for("搜索 search");
        s.literal("tongliao");
        let screen = s.wait_for("通辽市将2023年");
        fits(&screen, w);
        s.escape();
        // Compare two regions side by side.
        s.keys(&["c"]);
        let screen = s.wait_for("对比 compare");
        fits(&screen, w);
        s.escape();
        s.keys(&["?"]);
        let screen = s.wait_for("按键 keys");
        fits(&screen, w);
        s.escape();
        s.keys(&["q"]);
        s.wait_for("EXIT=0");
        s.shell_is_usable();
    }
    assert!(db.is_file(), "the store run parsed into {}", db.display());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_panic_restores_the_terminal() {
    let s = Session::start(
        "zs-e2e-panic",
        100,
        30,
        &format!("ZHAOSHANG_FORCE_PANIC=1 {BIN} --no-state; echo EXIT=$? DONE$((1+1))"),
    );
    let screen = s.wait_for("DONE2");
    assert!(
        screen.contains("forced panic"),
        "the panic message is printed after restoring:\n{screen}"
    );
    assert!(!screen.contains("EXIT=0"), "{screen}");
    s.shell_is_usable();
    // Mouse capture is off again: tmux reports no mouse mode for the pane.
    let mouse = s.tmux(&[
        "display-message",
        "-p",
        "-t",
        &s.name,
        "#{mouse_any_flag}#{mouse_button_flag}#{alternate_on}",
    ]);
    assert_eq!(
        mouse.trim(),
        "000",
        "mouse capture or alternate screen left on"
    );
}

fn hostile_corpus() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zs-e2e-osc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let evil =
        "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]2;PWNED2\u{1b}\\\u{1b}[2J\u{202e}";
    // A raw article (cleaned by the parser) and a parsed corpus whose fields bypass the
    // cleaner (sanitised when drawn).
    std::fs::write(
        dir.join("a.txt"),
        format!("恶意标题{evil}\n\n{evil}谷城经济开发区签约项目12个。谷城经济开发区总投资35亿元。"),
    )
    .expect("write");
    let article = serde_json::json!({
        "title": format!("{evil}通辽市报告"),
        "region": format!("通辽市{evil}"),
        "paragraphs": [format!("通辽市签约{evil}项目568个。")],
    });
    std::fs::write(dir.join("b.jsonl"), format!("{article}\n")).expect("write");
    dir
}

#[test]
fn osc_sequences_in_articles_do_not_reach_the_terminal() {
    let dir = hostile_corpus();
    let s = Session::start(
        "zs-e2e-osc",
        100,
        30,
        &format!("{BIN} --no-state {}; echo EXIT=$?", dir.display()),
    );
    let before = s.tmux(&["display-message", "-p", "-t", &s.name, "#{pane_title}"]);
    let screen = s.wait_for("谷城经济开发区");
    fits(&screen, 100);
    s.keys(&["Tab"]);
    s.wait_for("通辽市");
    s.keys(&["s"]);
    s.literal("tl");
    s.wait_for("568");
    s.escape();
    let title = s.tmux(&["display-message", "-p", "-t", &s.name, "#{pane_title}"]);
    assert_eq!(title, before, "pane title changed");
    assert!(!title.contains("PWNED"));
    let buffers = s.tmux(&["list-buffers"]);
    assert!(
        !buffers.contains("pwned") && !buffers.contains("cHduZWQ"),
        "clipboard written: {buffers}"
    );
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    s.shell_is_usable();
    let _ = std::fs::remove_dir_all(dir);
}

/// The SGR parameters of every `ESC [ ... m` in `text`.
fn sgr_params(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("\u{1b}[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.push(rest[..end].to_owned());
        }
        rest = &rest[end..];
    }
    out
}

/// True for an SGR parameter list that sets a foreground or background colour.
fn sets_colour(params: &str) -> bool {
    params.split([';', ':']).any(|p| {
        matches!(
            p.parse::<u16>(),
            Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
        )
    })
}

#[test]
fn no_color_draws_without_colour_codes() {
    assert!(sets_colour("38;5;12") && sets_colour("1;31") && sets_colour("44"));
    assert!(!sets_colour("0") && !sets_colour("1;7") && !sets_colour("39;49") && !sets_colour("4"));
    let s = Session::start(
        "zs-e2e-nocolor",
        120,
        36,
        &format!("NO_COLOR=1 {BIN} --no-state; echo EXIT=$?"),
    );
    s.wait_for("濉溪经济开发区");
    let mut screens = vec![s.tmux(&["capture-pane", "-t", &s.name, "-e", "-p"])];
    s.keys(&["4", "t"]);
    s.wait_for("指标 metrics");
    screens.push(s.tmux(&["capture-pane", "-t", &s.name, "-e", "-p"]));
    s.keys(&["s"]);
    s.literal("tongliao");
    s.wait_for("通辽市将2023年");
    let search = s.tmux(&["capture-pane", "-t", &s.name, "-e", "-p"]);
    assert!(
        sgr_params(&search)
            .iter()
            .any(|p| p.split(';').any(|x| x == "7" || x == "4")),
        "selection and matches still marked with reverse or underline:\n{search}"
    );
    screens.push(search);
    for screen in &screens {
        let coloured: Vec<String> = sgr_params(screen)
            .into_iter()
            .filter(|p| sets_colour(p))
            .collect();
        assert!(
            coloured.is_empty(),
            "colour codes {coloured:?} in\n{screen}"
        );
    }
    s.escape();
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn copy_export_and_a_remembered_position() {
    let dir = std::env::temp_dir().join(format!("zs-e2e-ssh-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let command = format!(
        "cd {} && XDG_STATE_HOME={}/state {BIN}; echo EXIT=$?",
        dir.display(),
        dir.display()
    );
    let s = Session::start("zs-e2e-ssh", 120, 36, &command);
    s.wait_for("濉溪经济开发区");
    // Copy: the OSC 52 sequence reaches tmux (set-clipboard on) as a paste buffer.
    s.keys(&["Tab", "y"]);
    s.wait_for("已复制 copied");
    let buffer = s.tmux(&["show-buffer"]);
    assert!(buffer.contains("通辽"), "clipboard holds {buffer:?}");
    assert!(
        !buffer.contains('\u{1b}') && !buffer.contains('\n'),
        "{buffer:?}"
    );
    // Export: a CSV file in the working directory, named in the status bar.
    s.keys(&["e"]);
    s.wait_for("已导出 exported");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .expect("read dir")
        .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "csv")
        })
        .collect();
    assert!(
        files
            .iter()
            .any(|n| n.starts_with("zhaoshang-gauges-tongliaoshi-")),
        "{files:?}"
    );
    // Mouse toggle is announced.
    s.keys(&["m"]);
    s.wait_for("鼠标 mouse off");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    // The next run opens where this one quit: 通辽市, not the first region.
    s.literal(&format!("clear; {command} SECOND$((1+1))"));
    s.keys(&["Enter"]);
    s.wait_for("招商引资始终是硬招数");
    s.keys(&["q"]);
    s.wait_for("EXIT=0 SECOND2");
    s.shell_is_usable();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn keys_rebound_in_the_config_file_drive_the_explorer_and_its_hints() {
    let dir = std::env::temp_dir().join(format!("zs-e2e-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let config = dir.join("config.toml");
    std::fs::write(&config, "[keys]\nquit = \"x\"\ntargets = \"F2\"\n").expect("write");
    let s = Session::start(
        "zs-e2e-keys",
        120,
        36,
        &format!(
            "ZHAOSHANG_CONFIG={} {BIN} --no-state; echo EXIT=$? DONE$((1+1))",
            config.display()
        ),
    );
    // The hints bar is drawn last: wait for it, not only for the region tabs.
    let screen = s.wait_until("the first frame with its hints", |screen| {
        screen.contains("濉溪经济开发区") && screen.contains("帮助")
    });
    assert!(
        screen.contains("x 退出") && screen.contains("F2 指标"),
        "hints follow the table:\n{screen}"
    );
    s.keys(&["q"]);
    sleep(Duration::from_millis(300));
    assert!(!s.screen().contains("DONE2"), "q no longer quits");
    s.keys(&["F2"]);
    s.wait_for("指标 metrics");
    s.keys(&["x"]);
    let screen = s.wait_for("DONE2");
    assert!(screen.contains("EXIT=0"), "{screen}");
    let _ = std::fs::remove_dir_all(dir);
}

/// A tmux server of its own (`tmux -S SOCKET`), so that killing it touches no other test;
/// killed when dropped, if a test has not killed it already, and its socket file removed
/// (tmux leaves it behind).
struct Server(String);

impl Server {
    fn new(name: &str) -> Self {
        let socket = std::env::temp_dir()
            .join(format!("{name}-{}.tmux", std::process::id()))
            .display()
            .to_string();
        let _ = Command::new("tmux")
            .args(["-S", &socket, "kill-server"])
            .output();
        Self(socket)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let mut all = vec!["-S", self.0.as_str()];
        all.extend_from_slice(args);
        tmux(&all)
    }

    /// Runs a tmux command that must succeed (such as `new-session`), failing with tmux's
    /// own message otherwise.
    fn checked(&self, args: &[&str]) {
        let mut all = vec!["-S", self.0.as_str()];
        all.extend_from_slice(args);
        let out = tmux_output(&all);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Starts `command` in a clean environment as the only process of a new session's
    /// pane (the shell `exec`s it, so the pane's process is the explorer itself), waits for
    /// its first screen and returns its pid.
    fn start_explorer(&self, command: &str, first_screen: &str) -> Explorer {
        self.checked(&[
            "new-session",
            "-d",
            "-s",
            "explorer",
            "-x",
            "100",
            "-y",
            "30",
            &format!(
                "exec env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME=/tmp {command}"
            ),
        ]);
        self.wait_for(first_screen);
        let pid: u32 = self
            .tmux(&["display-message", "-p", "-t", "explorer", "#{pane_pid}"])
            .trim()
            .parse()
            .expect("the pane's pid");
        let explorer = Explorer(pid);
        assert!(explorer.alive(), "pid {pid} is the explorer");
        explorer
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-t", "explorer", "-p"])
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "never saw {needle} in\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-S", &self.0, "kill-server"])
            .output();
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The explorer's process, killed when dropped should a test fail while it still runs.
struct Explorer(u32);

impl Explorer {
    /// True while the process runs: it exists, is not a zombie waiting to be reaped, and
    /// is the explorer (not a later process that reused the pid).
    fn alive(&self) -> bool {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{}/stat", self.0)) else {
            return false;
        };
        // `pid (comm) state ...`: the name is in parentheses, the state follows.
        let Some((name, rest)) = stat.split_once(") ") else {
            return false;
        };
        name.ends_with("(zhaoshang") && !rest.starts_with('Z') && !rest.starts_with('X')
    }

    /// Waits up to two seconds for the process to end; returns how long it took.
    fn gone_within_two_seconds(&self, what: &str) -> Duration {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "the explorer (pid {}) still runs 2 s after {what}",
                self.0
            );
            sleep(Duration::from_millis(10));
        }
        let took = start.elapsed();
        eprintln!("explorer gone {took:?} after {what}");
        took
    }
}

impl Drop for Explorer {
    fn drop(&mut self) {
        if self.alive() {
            let _ = Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .output();
        }
    }
}

#[test]
fn killing_the_tmux_server_ends_the_explorer_and_saves_its_position() {
    let dir = std::env::temp_dir().join(format!("zs-e2e-hup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let server = Server::new("zs-hup-server");
    let explorer = server.start_explorer(
        &format!("XDG_STATE_HOME={} {BIN}", dir.display()),
        "濉溪经济开发区",
    );
    server.tmux(&["send-keys", "-t", "explorer", "Tab"]);
    server.wait_for("招商引资始终是硬招数");
    server.tmux(&["kill-server"]);
    explorer.gone_within_two_seconds("tmux kill-server");
    let saved: Vec<String> = std::fs::read_dir(dir.join("zhaoshang"))
        .expect("the state directory was made")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    assert!(
        saved.iter().any(|s| s.contains("通辽市")),
        "the position is saved as on a normal quit: {saved:?}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn killing_only_the_explorer_pane_ends_the_explorer() {
    let server = Server::new("zs-hup-pane");
    let explorer = server.start_explorer(&format!("{BIN} --no-state"), "濉溪经济开发区");
    // A second window keeps the session and the server alive after the pane goes.
    server.tmux(&["new-window", "-d", "-t", "explorer", "sleep 60"]);
    server.tmux(&["kill-pane", "-t", "explorer:0.0"]);
    explorer.gone_within_two_seconds("tmux kill-pane");
    let windows = server.tmux(&["list-windows", "-t", "explorer"]);
    assert_eq!(
        windows.lines().count(),
        1,
        "only the pane was killed: {windows}"
    );
}

/// A corpus large enough that the search worker is still busy (building its index, then
/// scanning) well after the first screen: synthetic articles written as a parsed corpus,
/// so that loading does not have to parse them.
fn large_corpus(dir: &std::path::Path, n: usize) -> PathBuf {
    let articles: Vec<zhaoshang::corpus::Article> = zhaoshang::synth::generate(n, 2024)
        .into_iter()
        .enumerate()
        .map(|(i, (file, raw))| {
            let text = String::from_utf8_lossy(&raw).into_owned();
            let mut lines = text.lines().filter(|l| !l.trim().is_empty());
            zhaoshang::corpus::Article {
                file,
                title: lines.next().unwrap_or_default().to_owned(),
                region: Some(format!("合成{}区", i % 20)),
                paragraphs: lines.map(str::to_owned).collect(),
                ..zhaoshang::corpus::Article::default()
            }
        })
        .collect();
    let path = dir.join("large.jsonl");
    let text = zhaoshang::corpus::load::to_jsonl(&articles).expect("jsonl");
    std::fs::write(&path, text).expect("write the corpus");
    path
}

#[test]
fn killing_the_server_during_a_global_search_ends_the_explorer() {
    let dir = std::env::temp_dir().join(format!("zs-e2e-hup-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let corpus = large_corpus(&dir, 4000);
    let server = Server::new("zs-hup-search");
    let explorer =
        server.start_explorer(&format!("{BIN} --no-state {}", corpus.display()), "合成0区");
    server.tmux(&["send-keys", "-t", "explorer", "s"]);
    server.wait_for("搜索 search");
    server.tmux(&["send-keys", "-t", "explorer", "-l", "xiangmu"]);
    // `(...)`: the query is typed and its answer has not come yet.
    server.wait_for("搜索 search (...)");
    server.tmux(&["kill-server"]);
    explorer.gone_within_two_seconds("tmux kill-server during a search");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn escape_never_leaves_the_explorer() {
    let s = Session::start(
        "zs-e2e-esc",
        80,
        24,
        &format!("{BIN} --no-state; echo EXIT=$? DONE$((1+1))"),
    );
    // The hints bar is drawn last: once it shows, the whole first frame is there.
    let screen = s.wait_for("? 帮助");
    fits(&screen, 80);
    assert!(screen.contains("濉溪经济开发区"), "{screen}");
    // Search, type, then Esc more times than there is anything to close.
    s.keys(&["s"]);
    s.wait_for("搜索 search");
    s.literal("tl");
    for _ in 0..3 {
        s.escape();
    }
    sleep(Duration::from_millis(300));
    let screen = s.screen();
    assert!(
        !screen.contains("DONE2"),
        "Esc quit the explorer:\n{screen}"
    );
    assert!(screen.contains("濉溪经济开发区"), "{screen}");
    s.keys(&["q"]);
    let screen = s.wait_for("DONE2");
    assert!(screen.contains("EXIT=0"), "{screen}");
}

#[test]
fn region_tree_picker_filter_compare_and_overview_chart_in_tmux() {
    let s = Session::start(
        "zs-e2e-tree",
        120,
        36,
        &format!("{BIN} --no-state; echo EXIT=$?"),
    );
    s.wait_for("濉溪经济开发区");
    // The tree, filtered by pinyin: 谷城 with the places above it (湖北省 has a report of its
    // own), the selection on 谷城经济开发区 itself.
    s.keys(&["r"]);
    // Every row of the built-in corpus's tree: `地区树 regions (N/N)`.
    let screen = s.wait_for("地区树 regions (");
    let rows = screen
        .split("地区树 regions (")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("a row count");
    let all = format!("地区树 regions ({rows}/{rows})");
    s.wait_for(&all);
    s.literal("gucheng");
    let screen = s.wait_for(&format!("地区树 regions (4/{rows}) > gucheng"));
    assert!(
        screen.contains("• 湖北省 (")
            && screen.contains("襄阳市 (1)")
            && screen.contains(">       • 谷城经济开发区 (1)"),
        "{screen}"
    );
    s.keys(&["Enter"]);
    let screen = s.wait_for("湖北省 › 襄阳市 › 谷城县 › 4 谷城经济开发区(1)");
    fits(&screen, 120);
    // Compare with the parent: the nearest region up the path is 湖北省.
    s.keys(&["P"]);
    s.wait_for_row(
        "对比 compare: 谷城经济开发区 | 湖北省",
        "签约金额",
        &["84.57亿元", "21482亿元"],
    );
    s.escape();
    // Tree navigation: three rows up from 谷城经济开发区 is 湖北省.
    s.keys(&["r"]);
    s.wait_for(&all);
    s.keys(&["Up", "Up", "Up"]);
    s.wait_for("> • 湖北省 (");
    s.keys(&["Enter"]);
    s.wait_for("湖北省 文章");
    // Compare 通辽市, found in the tree by pinyin, with a region chosen in the picker.
    s.keys(&["r"]);
    s.wait_for(&all);
    s.literal("tongliao");
    let screen = s.wait_for(&format!("地区树 regions (2/{rows}) > tongliao"));
    assert!(screen.contains(">   • 通辽市 (1)"), "{screen}");
    s.keys(&["Enter"]);
    s.wait_for("内蒙古自治区 › 2 通辽市(1)");
    s.keys(&["R"]);
    s.wait_for("地区树 regions");
    s.literal("谷城经");
    s.wait_for("> 谷城经");
    s.keys(&["Enter"]);
    let screen = s.wait_for_row(
        "对比 compare: 通辽市 | 谷城经济开发区",
        "签约金额",
        &["1861.44亿元", "84.57亿元"],
    );
    fits(&screen, 120);
    // The overview's chart follows the selected ranking: past the regions that report
    // funds in place (`到位资金 (N)`), the chart is the next ranking's.
    s.keys(&["o"]);
    let screen = s.wait_for_row("到位资金 - 亿元", "陕西省", &["9394.21亿元 █"]);
    let count = |name: &str| -> usize {
        // The status line names the selected ranking in full: `到位资金 (27) 期不详* #1 …`.
        screen
            .split(&format!("{name} ("))
            .skip(1)
            .find_map(|rest| rest.split(')').next()?.parse().ok())
            .unwrap_or_else(|| panic!("a count for {name} in\n{screen}"))
    };
    let funds = count("到位资金");
    // Past the regions that report funds in place, the chart is the next ranking's.
    for _ in 0..funds {
        s.keys(&["j"]);
    }
    let chart_title = |screen: &str| -> Option<String> {
        let at = screen.find("╭ ")?;
        let rest = &screen[at + "╭ ".len()..];
        rest.lines()
            .next()
            .and_then(|l| l.split(" - ").next())
            .map(str::to_owned)
    };
    let screen = s.wait_until("the next ranking's chart", |screen| {
        screen.lines().any(|l| {
            l.rfind("╭ ")
                .and_then(|at| chart_title(&l[at..]))
                .is_some_and(|t| !t.starts_with("到位资金") && !t.starts_with("总览"))
        })
    });
    fits(&screen, 120);
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}
