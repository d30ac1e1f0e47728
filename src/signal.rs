//! Interruption: SIGINT and SIGTERM set a flag that the scan polls between values and
//! chunks, so that it stops within a second, writes what it has (a report marked
//! `"complete": false`) and exits 130. A second signal while the first is being handled
//! ends the process at once, with the same status.
//!
//! The handlers only store to an atomic (signal-hook's `flag`): nothing that allocates,
//! locks or unwinds runs in signal context.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The exit status of an interrupted scan (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: u8 = 130;

/// A flag set once the process is asked to stop.
#[derive(Clone, Debug, Default)]
pub struct Interrupt(Arc<AtomicBool>);

impl Interrupt {
    /// A flag nobody sets but [`Interrupt::raise`] (for scans run in-process, and tests).
    pub fn new() -> Interrupt {
        Interrupt::default()
    }

    /// A flag SIGINT and SIGTERM set. The first signal sets it; a second one, the flag
    /// being set, exits the process with [`EXIT_INTERRUPTED`].
    pub fn on_signals() -> std::io::Result<Interrupt> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let flag = Arc::new(AtomicBool::new(false));
        for signal in [SIGINT, SIGTERM] {
            // Registered first, so it runs before the flag is set: it sees the flag only
            // from an earlier signal.
            signal_hook::flag::register_conditional_shutdown(
                signal,
                i32::from(EXIT_INTERRUPTED),
                Arc::clone(&flag),
            )?;
            signal_hook::flag::register(signal, Arc::clone(&flag))?;
        }
        Ok(Interrupt(flag))
    }

    /// Sets the flag, as a signal would.
    pub fn raise(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the flag is set. One relaxed load: cheap enough to poll for every value.
    #[inline]
    pub fn is_raised(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raise_is_seen_by_every_clone() {
        let flag = Interrupt::new();
        let seen = flag.clone();
        assert!(!seen.is_raised());
        flag.raise();
        assert!(seen.is_raised());
    }
}
