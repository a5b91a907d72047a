//! Worked answers to the exercises. Each module mirrors one in `exercises/`
//! and is checked by the same file of tests (`exercises/checks/`), so the
//! student and the solution are judged by the same assertions.

pub mod shrinkage;
