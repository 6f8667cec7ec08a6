//! The explorer on a pseudo-terminal whose other end goes away, as when an SSH connection
//! drops: the kernel hangs the terminal up, reads return end of file, and no SIGHUP arrives
//! (the terminal is not the explorer's controlling terminal here). The event loop must
//! notice, save the position as on a normal quit and exit with a non-zero status instead of
//! reading the dead terminal again and again.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::{Mode, OFlags};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

const BIN: &str = env!("CARGO_BIN_EXE_zhaoshang");

/// Kills and reaps the child if the test fails before it exits by itself.
struct Reaper(Child);

impl Drop for Reaper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A pseudo-terminal of `cols` × `rows`: the master end and the slave end.
fn pty(cols: u16, rows: u16) -> (File, OwnedFd) {
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = rustix::fs::open(
        name.as_c_str(),
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .expect("open the slave end");
    let size = Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&master, size).expect("window size");
    (File::from(master), slave)
}

/// Reads what the explorer draws until `needle` appears; fails after 40 s or when the
/// explorer has gone, with what it printed on stderr.
fn read_until(master: &mut File, child: &mut Reaper, seen: &mut Vec<u8>, needle: &str) {
    let start = Instant::now();
    let tick = Timespec::try_from(Duration::from_millis(50)).expect("timespec");
    while !visible(seen).contains(needle) {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "never saw {needle} in {}",
            visible(seen)
        );
        let mut fds = [PollFd::new(&*master, PollFlags::IN)];
        if poll(&mut fds, Some(&tick)).expect("poll") == 0 {
            continue;
        }
        let mut chunk = [0u8; 4096];
        let Ok(n) = master.read(&mut chunk) else {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.0.stderr.take() {
                let _ = pipe.read_to_string(&mut stderr);
            }
            panic!("the explorer stopped before showing {needle}: {stderr}");
        };
        seen.extend_from_slice(&chunk[..n]);
    }
}

/// Reads and drops output until none has come for `quiet`.
fn drain(master: &mut File, quiet: Duration) {
    let quiet = Timespec::try_from(quiet).expect("timespec");
    loop {
        let mut fds = [PollFd::new(&*master, PollFlags::IN)];
        if poll(&mut fds, Some(&quiet)).expect("poll") == 0 {
            return;
        }
        let mut chunk = [0u8; 4096];
        if master.read(&mut chunk).unwrap_or(0) == 0 {
            return;
        }
    }
}

/// The text drawn, without the control sequences: ratatui moves the cursor after each
/// wide char, so `濉溪` arrives as `濉ESC[1;6H溪`.
fn visible(output: &[u8]) -> String {
    let text = String::from_utf8_lossy(output);
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        if chars.next() == Some('[') {
            // Parameters and intermediates, up to the final byte.
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    out
}

fn state_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("zhaoshang"))
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_explorer_exits_when_its_terminal_hangs_up() {
    let dir = std::env::temp_dir().join(format!("zs-hangup-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (mut master, slave) = pty(100, 30);
    let child = {
        let mut command = Command::new(BIN);
        command
            .env("TERM", "xterm-256color")
            .env("XDG_STATE_HOME", &dir)
            .env_remove("ZHAOSHANG_CONFIG")
            .stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(Stdio::from(slave))
            .stderr(Stdio::piped());
        // The command, and with it the test's copies of the slave end, is dropped here.
        command.spawn().expect("the binary starts")
    };
    let mut child = Reaper(child);
    let mut seen = Vec::new();
    read_until(&mut master, &mut child, &mut seen, "濉溪");
    // Move to the second region, so that the saved position differs from the first screen.
    master.write_all(b"\t").expect("type Tab");
    read_until(&mut master, &mut child, &mut seen, "招商引资始终是硬招数");
    assert!(state_files(&dir).is_empty(), "nothing saved before the end");

    // Let the explorer finish drawing and sit waiting for a key, as it does most of the time.
    drain(&mut master, Duration::from_millis(300));
    drop(master);
    let hung_up = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().expect("wait") {
            break status;
        }
        assert!(
            hung_up.elapsed() < Duration::from_secs(2),
            "still running 2 s after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = hung_up.elapsed();
    let mut stderr = String::new();
    if let Some(mut pipe) = child.0.stderr.take() {
        pipe.read_to_string(&mut stderr).expect("stderr");
    }
    eprintln!("exited {took:?} after the hangup with {status}; stderr: {stderr}");
    assert!(!status.success(), "a lost terminal is not a normal quit");
    assert_eq!(status.code(), Some(129), "{stderr}");
    assert!(stderr.contains("terminal"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let saved = state_files(&dir);
    assert_eq!(saved.len(), 1, "the position is saved as on a normal quit");
    let position = std::fs::read_to_string(&saved[0]).expect("state file");
    assert!(position.contains("通辽市"), "{position}");
    let _ = std::fs::remove_dir_all(dir);
}
