//! A fixed pool of worker threads behind a bounded queue: a job waits in the
//! queue only while there is room, otherwise it is refused at once (the
//! server answers 503), so a burst of requests never piles up without bound.

use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The queue was full: the task comes back to the caller, not run.
#[derive(Debug)]
pub struct Full<T>(pub T);

/// Worker threads taking tasks of type `T` from one bounded queue and
/// handing each to the same handler.
pub struct Pool<T> {
    sender: Option<SyncSender<T>>,
    workers: Vec<JoinHandle<()>>,
}

/// One worker: handles tasks until the queue is closed and empty.
fn work<T>(queue: &Mutex<Receiver<T>>, handle: &(dyn Fn(T) + Sync)) {
    loop {
        // Hold the lock only while taking a task, not while handling it.
        let task = match queue.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        match task {
            Ok(task) => handle(task),
            Err(_) => return,
        }
    }
}

impl<T: Send + 'static> Pool<T> {
    /// `workers` threads (at least one) running `handle`, and room for
    /// `queue` waiting tasks.
    pub fn new(
        workers: usize,
        queue: usize,
        handle: impl Fn(T) + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let (sender, receiver) = sync_channel::<T>(queue);
        let receiver = Arc::new(Mutex::new(receiver));
        let handle = Arc::new(handle);
        let workers = (0..workers.max(1))
            .map(|i| {
                let (receiver, handle) = (Arc::clone(&receiver), Arc::clone(&handle));
                std::thread::Builder::new()
                    .name(format!("explorer-worker-{i}"))
                    .spawn(move || work(&receiver, &*handle))
            })
            .collect::<std::io::Result<_>>()?;
        Ok(Self { sender: Some(sender), workers })
    }

    /// Queues `task`, or hands it back if the queue is full.
    pub fn try_submit(&self, task: T) -> Result<(), Full<T>> {
        let Some(sender) = &self.sender else {
            return Err(Full(task));
        };
        sender.try_send(task).map_err(|e| match e {
            TrySendError::Full(task) | TrySendError::Disconnected(task) => Full(task),
        })
    }
}

impl<T> Drop for Pool<T> {
    /// Closes the queue, lets the workers finish what was queued, and joins them.
    fn drop(&mut self) {
        self.sender = None;
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn a_full_queue_refuses_and_every_queued_task_runs() {
        // Task 0 blocks its worker until released; the others report back.
        let (release, blocked) = channel::<()>();
        let blocked = Mutex::new(blocked);
        let (started_tx, started) = channel::<()>();
        let (done_tx, done) = channel::<u32>();
        let (started_tx, done_tx) = (Mutex::new(started_tx), Mutex::new(done_tx));
        let pool = Pool::new(1, 1, move |task: u32| {
            if task == 0 {
                started_tx.lock().unwrap().send(()).unwrap();
                blocked.lock().unwrap().recv().unwrap();
            } else {
                done_tx.lock().unwrap().send(task).unwrap();
            }
        })
        .unwrap();
        pool.try_submit(0).unwrap();
        started.recv().unwrap();
        // One task fits in the queue; the next one comes back.
        pool.try_submit(1).unwrap();
        assert_eq!(pool.try_submit(2).unwrap_err().0, 2);
        release.send(()).unwrap();
        assert_eq!(done.recv().unwrap(), 1);
        drop(pool);
        assert!(done.try_recv().is_err(), "the refused task never ran");
    }
}
