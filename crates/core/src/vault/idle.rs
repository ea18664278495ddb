//! When an unattended vault locks itself.
//!
//! Unlocked, unattended computers are among the violations inspectors find most often, so the
//! app locks after a period without input. The front end reports activity; this decides.

use std::time::{Duration, Instant};

/// Tracks the last user activity against the vault's auto-lock delay.
#[derive(Debug, Clone)]
pub struct IdleTimer {
    last_activity: Instant,
    limit: Duration,
    paused: bool,
}

impl IdleTimer {
    /// Start counting now, locking after `minutes` without activity.
    pub fn new(minutes: u32) -> Self {
        Self {
            last_activity: Instant::now(),
            limit: Duration::from_secs(u64::from(minutes) * 60),
            paused: false,
        }
    }

    /// The user did something.
    pub fn touch(&mut self) {
        self.last_activity = Instant::now();
    }

    /// Change the delay (the activity clock keeps running).
    pub fn set_minutes(&mut self, minutes: u32) {
        self.limit = Duration::from_secs(u64::from(minutes) * 60);
    }

    /// Hold off locking while something on screen would be lost for good by a lock — the new
    /// vault's recovery key, which someone may be copying by hand for minutes.
    pub fn pause(&mut self) {
        self.paused = true;
    }

    /// Count idle time again, from now.
    pub fn resume(&mut self) {
        self.paused = false;
        self.touch();
    }

    /// Whether the vault should be locked at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        !self.paused && now.saturating_duration_since(self.last_activity) >= self.limit
    }

    /// The configured delay in whole minutes.
    pub fn minutes(&self) -> u32 {
        (self.limit.as_secs() / 60) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_only_after_the_delay_and_activity_resets_it() {
        let mut t = IdleTimer::new(5);
        let start = t.last_activity;
        assert!(!t.is_due(start + Duration::from_secs(299)));
        assert!(t.is_due(start + Duration::from_secs(300)));
        t.touch();
        assert!(!t.is_due(t.last_activity + Duration::from_secs(10)));
        t.set_minutes(1);
        assert!(t.is_due(t.last_activity + Duration::from_secs(60)));
        assert_eq!(t.minutes(), 1);
        t.pause();
        assert!(!t.is_due(t.last_activity + Duration::from_secs(3600)));
        t.resume();
        assert!(t.is_due(t.last_activity + Duration::from_secs(60)));
    }
}
