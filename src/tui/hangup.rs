//! Noticing that the terminal has gone (an SSH connection dropped, a window or tmux pane
//! closed) so that the explorer ends instead of reading a dead terminal forever.
//!
//! crossterm's reader retries a read that returns end of file or an error without pausing,
//! so a hung-up terminal must never reach it: the loop asks [`wait_for_input`] first, which
//! blocks in poll(2) and reports [`Input::Gone`] on a hang-up or an error. A [`Watchdog`]
//! thread covers what that check cannot: the terminal hanging up between the check and
//! crossterm's read, or a write that never returns. Once the terminal is gone, or SIGHUP
//! or SIGTERM has arrived, it gives the loop [`GRACE`] to return and then runs its last
//! resort (save the position, exit), so the process is gone within a second either way.

use std::io;
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// How long the loop has to return once the terminal is gone before the watchdog acts.
pub const GRACE: Duration = Duration::from_millis(500);

/// How often the watchdog looks at the terminal and the signal flag.
const TICK: Duration = Duration::from_millis(100);

/// What the terminal's input has for the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Bytes are waiting: a read will not block.
    Ready,
    /// Nothing arrived before the timeout (or a signal interrupted the wait).
    Idle,
    /// The terminal hung up or reports an error: reading it again would return at once with
    /// nothing.
    Gone,
}

/// Polls `input` with `events`, waiting at most `timeout`.
fn check(input: impl AsFd, events: PollFlags, timeout: Duration) -> io::Result<Input> {
    let timeout = Timespec::try_from(timeout).map_err(io::Error::other)?;
    let mut fds = [PollFd::new(&input, events)];
    match poll(&mut fds, Some(&timeout)) {
        // Nothing before the timeout, or a signal: the caller looks at its flags again.
        Ok(0) | Err(rustix::io::Errno::INTR) => Ok(Input::Idle),
        Ok(_) => {
            let seen = fds[0].revents();
            if seen.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                Ok(Input::Gone)
            } else if seen.intersects(PollFlags::IN) {
                Ok(Input::Ready)
            } else {
                Ok(Input::Idle)
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// Waits up to `timeout` for input on the terminal. A hang-up wins over pending bytes: a
/// terminal that has gone cannot be answered anyway.
pub fn wait_for_input(input: impl AsFd, timeout: Duration) -> io::Result<Input> {
    check(input, PollFlags::IN, timeout)
}

/// True when the terminal has hung up or reports an error; never blocks.
pub fn has_hung_up(input: impl AsFd) -> bool {
    // With no events asked for, poll reports only hang-ups and errors.
    matches!(
        check(input, PollFlags::empty(), Duration::ZERO),
        Ok(Input::Gone) | Err(_)
    )
}

/// A thread that ends the process if the loop does not return within [`GRACE`] of the
/// terminal going away or a stop signal. Dropping it (the loop has returned and saved)
/// stops the thread at once.
pub struct Watchdog {
    finished: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Watches `input` and `stop` (set by the SIGHUP and SIGTERM handlers); `last_resort`
    /// runs on the watchdog's thread when the loop is stuck, and normally exits.
    pub fn start<F>(
        input: F,
        stop: Arc<AtomicBool>,
        last_resort: impl FnOnce() + Send + 'static,
    ) -> io::Result<Self>
    where
        F: AsFd + Send + 'static,
    {
        let (finished, done) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("terminal watchdog".to_owned())
            .spawn(move || {
                loop {
                    match done.recv_timeout(TICK) {
                        Err(RecvTimeoutError::Timeout) => {}
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                    }
                    if stop.load(Ordering::Relaxed) || has_hung_up(&input) {
                        break;
                    }
                }
                if let Err(RecvTimeoutError::Timeout) = done.recv_timeout(GRACE) {
                    last_resort();
                }
            })?;
        Ok(Self {
            finished: Some(finished),
            thread: Some(thread),
        })
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        drop(self.finished.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::time::Instant;

    #[test]
    fn a_closed_writer_reads_as_gone_and_data_as_ready() {
        let (reader, mut writer) = io::pipe().unwrap();
        let start = Instant::now();
        assert_eq!(
            wait_for_input(&reader, Duration::from_millis(30)).unwrap(),
            Input::Idle
        );
        assert!(start.elapsed() >= Duration::from_millis(25), "it blocked");
        assert!(!has_hung_up(&reader));
        writer.write_all(b"q").unwrap();
        assert_eq!(
            wait_for_input(&reader, Duration::from_secs(5)).unwrap(),
            Input::Ready
        );
        drop(writer);
        let start = Instant::now();
        assert_eq!(
            wait_for_input(&reader, Duration::from_secs(5)).unwrap(),
            Input::Gone
        );
        assert!(start.elapsed() < Duration::from_secs(1), "it did not wait");
        assert!(has_hung_up(&reader));
    }

    #[test]
    fn the_watchdog_acts_after_the_grace_when_the_loop_is_stuck() {
        let (reader, writer) = io::pipe().unwrap();
        let (acted, seen) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let watchdog = Watchdog::start(reader, stop, move || {
            let _ = acted.send(Instant::now());
        })
        .unwrap();
        let lost = Instant::now();
        drop(writer);
        let when = seen.recv_timeout(Duration::from_secs(5)).unwrap();
        let after = when - lost;
        assert!(after >= GRACE, "acted after {after:?}, before the grace");
        assert!(after < Duration::from_secs(1), "acted after {after:?}");
        drop(watchdog);
    }

    #[test]
    fn the_watchdog_acts_on_a_stop_signal_and_not_after_a_normal_return() {
        let (reader, _writer) = io::pipe().unwrap();
        let (acted, seen) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let watchdog = Watchdog::start(reader, Arc::clone(&stop), move || {
            let _ = acted.send(());
        })
        .unwrap();
        stop.store(true, Ordering::Relaxed);
        seen.recv_timeout(Duration::from_secs(5)).unwrap();
        drop(watchdog);

        let (reader, writer) = io::pipe().unwrap();
        let (acted, seen) = mpsc::channel();
        let watchdog = Watchdog::start(reader, Arc::new(AtomicBool::new(false)), move || {
            let _ = acted.send(());
        })
        .unwrap();
        drop(writer);
        let start = Instant::now();
        // The loop returned in time: dropping the watchdog ends it without acting.
        drop(watchdog);
        assert!(
            start.elapsed() < Duration::from_millis(200),
            "drop is quick"
        );
        assert!(
            seen.recv_timeout(GRACE * 2).is_err(),
            "acted after a return"
        );
    }
}
