//! `lint::alone` called on the process's first thread, as the CLI calls it. Run without the test
//! harness, whose tests run on threads of their own: `main` here is the process's first thread.

use acslint::lint;
use rayon::prelude::*;

/// Recurse through about `n` KiB of stack (more in a debug build); `black_box` keeps the frames.
fn deep(n: usize) -> usize {
    let frame = std::hint::black_box([n as u8; 1024]);
    if n == 0 {
        return 0;
    }
    deep(n - 1) + std::hint::black_box(frame[n % 1024]) as usize
}

fn stack_limit() -> (libc::rlim_t, libc::rlim_t) {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct it is given.
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_STACK, &mut lim) }, 0);
    (lim.rlim_cur, lim.rlim_max)
}

fn main() {
    let want = lint::STACK_SIZE as libc::rlim_t;
    let (_, hard) = stack_limit();
    let first = cfg!(target_os = "linux") && (hard == libc::RLIM_INFINITY || hard >= want);
    let caller = std::thread::current().id();
    let (here, index, threads, same, sum) = lint::alone(|| {
        let me = std::thread::current().id();
        // Every item of a parallel step runs on the thread that asked for it.
        let same = (0..64)
            .into_par_iter()
            .all(|_| std::thread::current().id() == me);
        // 12 MiB and more of stack: past the default 8 MiB limit of the first thread's stack.
        let sum = deep(12 << 10);
        (
            me == caller,
            rayon::current_thread_index(),
            rayon::current_num_threads(),
            same,
            sum,
        )
    });
    assert_eq!(
        here, first,
        "the first thread is the analysis thread when its stack can grow"
    );
    if first {
        let (soft, _) = stack_limit();
        assert!(
            soft == libc::RLIM_INFINITY || soft >= want,
            "soft limit {soft}"
        );
    }
    assert_eq!(index, Some(0));
    assert_eq!(threads, 1);
    assert!(same);
    assert_eq!(sum, (1..=12usize << 10).map(|n| n % 256).sum::<usize>());
    // A panic inside reaches the caller as the panic it was.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let p = std::panic::catch_unwind(|| lint::alone(|| panic!("inside"))).unwrap_err();
    std::panic::set_hook(hook);
    assert_eq!(p.downcast_ref::<&str>(), Some(&"inside"));
    println!("main_thread: ok (first thread: {first})");
}
