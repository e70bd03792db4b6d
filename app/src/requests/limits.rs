//! Per-address rate limits of starting, submitting and tracking requests (governor's keyed
//! GCRA limiters, in memory per instance). They slow down scripts without a CAPTCHA that would
//! lock out screen-reader users.

use super::settings::RequestSettings;
use crate::auth::throttle::ClientAddress;
use governor::{DefaultKeyedRateLimiter, Quota};
use leptos::prelude::use_context;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

/// What a limit counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Starting and submitting requests.
    Submissions,
    /// Looking up, answering and withdrawing requests.
    Tracking,
}

/// The limiters, shared by every request of an instance.
#[derive(Clone, Debug)]
pub struct RequestLimits {
    submissions: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    tracking: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

fn per_minute(count: u32) -> Quota {
    // A burst of the whole minute's allowance, refilled evenly.
    let count = NonZeroU32::new(count.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::per_minute(count).allow_burst(count)
}

impl RequestLimits {
    /// Limiters with the configured rates.
    pub fn new(settings: &RequestSettings) -> RequestLimits {
        RequestLimits {
            submissions: Arc::new(DefaultKeyedRateLimiter::keyed(per_minute(settings.submissions_per_minute))),
            tracking: Arc::new(DefaultKeyedRateLimiter::keyed(per_minute(settings.tracking_per_minute))),
        }
    }

    /// Counts one action of `address`; false when it is over the limit.
    pub fn allow(&self, limit: Limit, address: IpAddr) -> bool {
        let limiter = match limit {
            Limit::Submissions => &self.submissions,
            Limit::Tracking => &self.tracking,
        };
        limiter.check_key(&address).is_ok()
    }

    /// Forgets addresses whose allowance is full again (run now and then, to bound memory).
    pub fn forget_idle(&self) {
        self.submissions.retain_recent();
        self.tracking.retain_recent();
    }
}

/// Counts a tracking lookup of the current request's client (for server functions).
pub fn allow_tracking() -> bool {
    let address = use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<ClientAddress>().copied());
    match (use_context::<RequestLimits>(), address) {
        (Some(limits), Some(address)) => limits.allow(Limit::Tracking, address.0),
        _ => true,
    }
}
