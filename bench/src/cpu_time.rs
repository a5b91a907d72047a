//! CPU time of this process, for timings that a loaded machine disturbs less
//! than wall-clock time does.
//!
//! Linux reports, per thread, the nanoseconds it has spent running
//! (`/proc/self/task/<tid>/schedstat`, first field). The benchmark runs every
//! fit on rayon's global pool, whose threads live as long as the process, so
//! the sum over threads before and after a fit is the CPU time the fit used,
//! whatever else the machine was running. Time spent waiting for a core is
//! not counted, which wall-clock time would add.

/// Seconds of CPU time used so far by the live threads of this process, or
/// `None` where `/proc` does not say (not Linux). Threads that end while it
/// reads are left out.
pub fn process_cpu_seconds() -> Option<f64> {
    let tasks = std::fs::read_dir("/proc/self/task").ok()?;
    let mut total_ns: u64 = 0;
    for task in tasks.flatten() {
        // A thread that ends between listing and reading has no file any
        // more: skip it rather than lose the whole reading.
        let Ok(text) = std::fs::read_to_string(task.path().join("schedstat")) else {
            continue;
        };
        total_ns += text.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total_ns as f64 * 1e-9)
}

/// Wall-clock and CPU seconds of `f`, with its result. CPU time is NaN
/// where it cannot be read.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let cpu0 = process_cpu_seconds();
    let start = std::time::Instant::now();
    let out = f();
    let wall = start.elapsed().as_secs_f64();
    let cpu = match (cpu0, process_cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => f64::NAN,
    };
    (out, wall, cpu)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_work_uses_cpu_time() {
        let (x, wall, cpu) = timed(|| {
            (0..20_000_000u64).fold(0u64, |a, b| a ^ std::hint::black_box(b).wrapping_mul(31))
        });
        std::hint::black_box(x);
        assert!(wall > 0.0);
        if cfg!(target_os = "linux") {
            // Other tests' threads in this process may run at the same time
            // and count too, so the bound is one core's worth per core.
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            assert!(
                cpu > 0.0 && cpu <= wall * (cores as f64 + 0.5) + 0.01,
                "cpu {cpu}, wall {wall}"
            );
        }
    }
}
