//! End-to-end: the real `zhaoshang` binary in a real terminal. tmux runs it at 120×36 and
//! 60×20, sends keys (switch region, scroll, open a gauge's source, pinyin search, compare,
//! help, quit) and checks the captured screen: text where it should be, no line wider than
//! the terminal, a usable shell after quitting or after a panic, and a pane title untouched
//! by an article's OSC sequences. tmux is required (`.ci/run` installs it).

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use zhaoshang::text::width::display_width;

const BIN: &str = env!("CARGO_BIN_EXE_zhaoshang");

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux")
        .args(args)
        .output()
        .expect("tmux is required for the end-to-end tests: apt-get install tmux");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

struct Session(String);

impl Session {
    /// A detached tmux session of `w`×`h` running a clean shell, then `command` in it.
    fn start(name: &str, w: u16, h: u16, command: &str) -> Self {
        let name = format!("{name}-{}", std::process::id());
        let _ = tmux(&["kill-session", "-t", &name]);
        tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME=/tmp PS1='shell> ' bash --norc --noprofile",
        ]);
        tmux(&["set-option", "-t", &name, "allow-rename", "on"]);
        tmux(&["set-option", "-t", &name, "set-clipboard", "on"]);
        let s = Self(name);
        s.wait_for("shell>");
        s.literal(command);
        s.keys(&["Enter"]);
        s
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.0];
        args.extend_from_slice(keys);
        tmux(&args);
    }

    fn literal(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.0, "-l", text]);
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-t", &self.0, "-p"])
    }

    /// Waits until the screen contains `needle`; fails with the screen after 15 s.
    fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Waits until `ready` holds for the screen; fails with the screen after 15 s.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "never saw {what} in\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
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

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.0]);
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
    for (w, h) in [(120u16, 36u16), (60, 20)] {
        let s = Session::start(
            &format!("zs-e2e-{w}"),
            w,
            h,
            &format!("{BIN}; echo EXIT=$?"),
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
        s.keys(&["m"]);
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
}

#[test]
fn a_panic_restores_the_terminal() {
    let s = Session::start(
        "zs-e2e-panic",
        100,
        30,
        &format!("ZHAOSHANG_FORCE_PANIC=1 {BIN}; echo EXIT=$? DONE$((1+1))"),
    );
    let screen = s.wait_for("DONE2");
    assert!(
        screen.contains("forced panic"),
        "the panic message is printed after restoring:\n{screen}"
    );
    assert!(!screen.contains("EXIT=0"), "{screen}");
    s.shell_is_usable();
    // Mouse capture is off again: tmux reports no mouse mode for the pane.
    let mouse = tmux(&[
        "display-message",
        "-p",
        "-t",
        &s.0,
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
        &format!("{BIN} {}; echo EXIT=$?", dir.display()),
    );
    let before = tmux(&["display-message", "-p", "-t", &s.0, "#{pane_title}"]);
    let screen = s.wait_for("谷城经济开发区");
    fits(&screen, 100);
    s.keys(&["Tab"]);
    s.wait_for("通辽市");
    s.keys(&["s"]);
    s.literal("tl");
    s.wait_for("568");
    s.escape();
    let title = tmux(&["display-message", "-p", "-t", &s.0, "#{pane_title}"]);
    assert_eq!(title, before, "pane title changed");
    assert!(!title.contains("PWNED"));
    let buffers = tmux(&["list-buffers"]);
    assert!(
        !buffers.contains("pwned") && !buffers.contains("cHduZWQ"),
        "clipboard written: {buffers}"
    );
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    s.shell_is_usable();
    let _ = std::fs::remove_dir_all(dir);
}
