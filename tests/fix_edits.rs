//! A process that reads no fix's edits (`util::set_fix_edits_read(false)`: a check that prints
//! no JSON and applies nothing) skips aligning them; everything else it reports is the same.
//! A process of its own: the switch is the process's.

use acslint::lint::{self, LintOptions};
use acslint::rules::Registry;

#[test]
fn unread_edits_are_left_unaligned_and_nothing_else_changes() {
    let reg = Registry::builtin();
    let sel = acslint::engine::Selection::defaults(reg);
    let opts = LintOptions {
        paths: vec!["fixtures".into()],
        ..Default::default()
    };
    let run = |read: bool| {
        acslint::util::set_fix_edits_read(read);
        let res = lint::lint(&opts, reg, &sel).unwrap();
        let mut seen = Vec::new();
        let mut edits = Vec::new();
        for f in &res.findings {
            let fix = f.fix.as_ref().map(|x| (x.safety, x.description.clone()));
            seen.push(format!(
                "{} {:?} {:?} {} {:?}",
                f.rule, f.file, f.loc, f.message, fix
            ));
            if let Some(x) = &f.fix {
                assert!(x.edits.windows(2).all(|w| w[0] <= w[1]), "{}", f.rule);
                edits.push(format!("{:?}", x.edits));
            }
        }
        (seen, edits)
    };
    let (unread, unaligned) = run(false);
    let (read, aligned) = run(true);
    assert_eq!(unread, read);
    assert!(aligned.len() > 50, "{}", aligned.len());
    // Aligning changed some fixes' edits: those were not aligned.
    let differ = unaligned
        .iter()
        .zip(&aligned)
        .filter(|(a, b)| a != b)
        .count();
    assert!(differ > 0);
}
