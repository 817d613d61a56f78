//! The one-thread run of a small check (`lint::alone`), in a process of its own: it sets up
//! rayon's global pool, which the other test binaries' tests share.

use acslint::lint;
use rayon::prelude::*;
use std::io::Write;

#[test]
fn a_small_run_is_one_thread_that_is_the_whole_pool() {
    let caller = std::thread::current().id();
    let (name, index, threads, same, other) = lint::alone(|| {
        let me = std::thread::current().id();
        // Every item of a parallel step runs on the thread that asked for it.
        let same = (0..64)
            .into_par_iter()
            .all(|_| std::thread::current().id() == me);
        (
            std::thread::current().name().map(String::from),
            rayon::current_thread_index(),
            rayon::current_num_threads(),
            same,
            me != caller,
        )
    });
    assert_eq!(name.as_deref(), Some("acslint-0"));
    assert_eq!(index, Some(0));
    assert_eq!(threads, 1);
    assert!(same);
    // The analysis stack is that of a thread started for it, not the caller's.
    assert!(other);
    // A panic inside reaches the caller as the panic it was.
    let p = std::panic::catch_unwind(|| lint::alone(|| panic!("inside"))).unwrap_err();
    assert_eq!(p.downcast_ref::<&str>(), Some(&"inside"));
}

#[test]
fn small_inputs_are_standard_input_and_a_few_named_files() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("main.tf");
    std::fs::write(&small, "a = 1\n").unwrap();
    let big = dir.path().join("big.tf");
    let mut f = std::fs::File::create(&big).unwrap();
    let line = [b'#'; 1023];
    for _ in 0..lint::SMALL_INPUT / 1024 {
        f.write_all(&line).unwrap();
        f.write_all(b"\n").unwrap();
    }
    drop(f);
    assert_eq!(std::fs::metadata(&big).unwrap().len(), lint::SMALL_INPUT);
    let p = |s: &std::path::Path| s.to_path_buf();
    assert!(lint::small_input(&[p(&small)]));
    assert!(lint::small_input(&["-".into()]));
    // Exactly the limit is small; a byte more over two files is not.
    assert!(lint::small_input(&[p(&big)]));
    assert!(!lint::small_input(&[p(&big), p(&small)]));
    // A directory, a missing path, or no path (the current directory) is not.
    assert!(!lint::small_input(&[p(dir.path())]));
    assert!(!lint::small_input(&[p(&small), p(dir.path())]));
    assert!(!lint::small_input(&[dir.path().join("missing.tf")]));
    assert!(!lint::small_input(&[]));
}
