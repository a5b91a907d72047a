//! A chapter's default run, computed once per test binary: every test of a
//! chapter that reads the default outcome shares one computation, and the
//! committed outputs are written from that same outcome.

use crate::chapter::{Chapter, ChapterArgs};
use crate::output::OutputDir;
use std::any::{Any, TypeId};
use std::sync::{Mutex, OnceLock, PoisonError};
use tempfile::TempDir;

/// Chapter `C`'s flags: `--quiet`, then `extra`, as if typed after the
/// binary's name. Panics on a flag the chapter does not accept.
pub fn args<C: Chapter>(extra: &[&str]) -> ChapterArgs<C> {
    let program = format!("ch_{}", C::NAME);
    let all = [&[program.as_str(), "--quiet"], extra].concat();
    ChapterArgs::parse_from_iter(all)
        .unwrap_or_else(|e| panic!("ch_{} does not accept {extra:?}: {e}", C::NAME))
}

/// One cell per chapter type, for [`default_outcome`]: a `static` inside a
/// generic function is shared by all its instances, so the cells are kept
/// by type.
type Cells = Vec<(TypeId, &'static (dyn Any + Send + Sync))>;

/// The cell that holds chapter `C`'s default outcome, created on first use.
fn cell<C: Chapter>() -> &'static OnceLock<C::Outcome>
where
    C::Outcome: Send + Sync,
{
    static CELLS: Mutex<Cells> = Mutex::new(Vec::new());
    let mut cells = CELLS.lock().unwrap_or_else(PoisonError::into_inner);
    let id = TypeId::of::<C>();
    let any = match cells.iter().find(|(t, _)| *t == id) {
        Some((_, any)) => *any,
        None => {
            let new: &'static OnceLock<C::Outcome> = Box::leak(Box::default());
            cells.push((id, new));
            new
        }
    };
    any.downcast_ref().expect("the cell of a chapter holds that chapter's outcome")
}

/// Chapter `C`'s default run (its [`Chapter::COMPUTE`] with only `--quiet`),
/// computed the first time a test asks for it and shared by every later
/// caller in the same test binary; callers that ask while it is being
/// computed wait for it. Panics if the chapter fails.
pub fn default_outcome<C: Chapter>() -> &'static C::Outcome
where
    C::Outcome: Send + Sync,
{
    cell::<C>().get_or_init(|| {
        (C::COMPUTE)(&args::<C>(&[]))
            .unwrap_or_else(|e| panic!("the default run of ch_{} failed: {e:#}", C::NAME))
    })
}

/// Writes the figures and tables of chapter `C`'s shared
/// [`default_outcome`] into a fresh temporary directory, as a default run
/// writes them, and fails unless they are the committed outputs byte for
/// byte ([`super::assert_committed`]).
pub fn assert_default_outputs_committed<C: Chapter>()
where
    C::Outcome: Send + Sync,
{
    let fresh = tempfile::tempdir().expect("a temporary directory");
    let out = OutputDir::create(fresh.path()).expect("an output directory");
    C::write(&args::<C>(&[]), default_outcome::<C>(), &out)
        .unwrap_or_else(|e| panic!("writing the outputs of ch_{} failed: {e:#}", C::NAME));
    super::assert_committed(C::NAME, fresh.path());
}

/// Runs chapter `C` (the whole [`crate::run`]) with `extra` followed by
/// [`super::ThreadRun::flags`], for 1 and then 3 threads, each inside a rayon
/// pool of as many threads (for the chapter's own parallel work beside the
/// sampler's chains), and fails unless the two runs wrote the same bytes
/// ([`super::assert_thread_count_invariant`]). Returns the 1-thread run's
/// directory.
pub fn assert_run_thread_count_invariant<C: Chapter>(extra: &[&str]) -> TempDir
where
    C::Outcome: Send,
    ChapterArgs<C>: Sync,
{
    super::assert_thread_count_invariant(|r| {
        let pool =
            rayon::ThreadPoolBuilder::new().num_threads(r.threads).build().expect("a thread pool");
        let args = args::<C>(&r.flags(extra));
        pool.install(|| crate::run(&args))
            .unwrap_or_else(|e| panic!("ch_{} {extra:?} failed: {e:#}", C::NAME));
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Defaults, NoFlags};
    use std::sync::atomic::{AtomicUsize, Ordering};

    static COMPUTED: AtomicUsize = AtomicUsize::new(0);

    /// A chapter that counts its runs and returns its seed.
    struct Counting;
    impl Chapter for Counting {
        const NAME: &'static str = "counting";
        const ABOUT: &'static str = "counts its runs";
        const DEFAULTS: Defaults = &[("seed", "11")];
        type Flags = NoFlags;
        type Outcome = u64;
        const COMPUTE: fn(&ChapterArgs<Self>) -> anyhow::Result<u64> = |a| {
            COMPUTED.fetch_add(1, Ordering::SeqCst);
            Ok(a.sampling.seed)
        };
        const REPORT: fn(&u64) -> anyhow::Result<String> = |_| Ok(String::new());
    }

    /// A second chapter, whose outcome has another type.
    struct Other;
    impl Chapter for Other {
        const NAME: &'static str = "other";
        const ABOUT: &'static str = "another outcome type";
        type Flags = NoFlags;
        type Outcome = String;
        const COMPUTE: fn(&ChapterArgs<Self>) -> anyhow::Result<String> =
            |a| Ok(format!("quiet {}", a.sampling.quiet));
        const REPORT: fn(&String) -> anyhow::Result<String> = |_| Ok(String::new());
    }

    #[test]
    fn the_default_run_is_computed_once_and_kept_per_chapter() {
        let firsts: Vec<&u64> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4).map(|_| s.spawn(default_outcome::<Counting>)).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(firsts.iter().all(|o| **o == 11));
        assert_eq!(default_outcome::<Other>(), "quiet true");
        assert_eq!(*default_outcome::<Counting>(), 11);
        assert_eq!(COMPUTED.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn args_start_quiet_and_take_the_chapter_defaults() {
        let a = args::<Counting>(&["--chains", "2"]);
        assert!(a.sampling.quiet);
        assert_eq!((a.sampling.chains, a.sampling.seed), (2, 11));
    }

    #[test]
    #[should_panic(expected = "ch_counting does not accept")]
    fn an_unknown_flag_panics_naming_the_chapter() {
        args::<Counting>(&["--no-such-flag"]);
    }
}
