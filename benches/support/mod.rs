//! What the benchmarks share: medians, milliseconds and CPU clocks.
//!
//! Each benchmark prints its results as `BENCH <name> <value> <unit>`
//! lines; BENCHMARKS.md records them with the machine they came from.

#![allow(dead_code, reason = "each benchmark uses a different part")]

use std::time::{Duration, Instant};

/// The middle value of some timings (the upper middle for an even count).
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// A duration in milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The median and the fastest of `runs` timed calls of `f`, and its last
/// result. One call first, untimed, warms caches. The fastest run shows
/// the work itself when other programs share the processor; the median is
/// the figure to compare with a target.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut last = f();
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            last = std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    let fastest = times.iter().min().copied().unwrap_or_default();
    (median(times), fastest, last)
}

/// The median of `runs` timed calls of `f`, without a warm-up call.
pub fn median_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

/// CPU time used so far by this thread.
pub fn thread_cpu() -> Duration {
    cpu_clock(3)
}

/// CPU time used so far by the whole process (all its threads), which
/// other programs on the machine do not inflate.
pub fn process_cpu() -> Duration {
    cpu_clock(2)
}

#[cfg(target_os = "linux")]
fn cpu_clock(clock: i32) -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the pointer given.
    let ok = unsafe { clock_gettime(clock, &mut t) } == 0;
    if ok { Duration::new(t.sec.max(0) as u64, t.nsec.clamp(0, 999_999_999) as u32) } else { Duration::ZERO }
}

/// Wall-clock time since the first call, where no CPU clock is at hand.
#[cfg(not(target_os = "linux"))]
fn cpu_clock(_clock: i32) -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}
