//! Values of subexpressions kept across evaluations that share their inputs. A rule with
//! `each` judges a block once per element (NET001: 64 ports), and the conditions that read
//! nothing but `self` give the same value for every element: the first evaluation's result is
//! reused, with what it charged the budget charged again, so that the results, budgets and
//! limits reached are those of evaluating it again.

use super::{Budget, EvalResult, Evaluator};
use crate::source::FileId;
use crate::util::HashMap;
use crate::value::Value;
use hcl_edit::expr::{Expression, ForIntro};
use hcl_edit::template::ForTemplateExpr;
use hcl_edit::visit::{visit_expr, visit_for_intro, visit_for_template_expr, Visit};
use std::cell::OnceCell;

/// The subexpressions whose values are kept (by address: the expression outlives the memo),
/// each with its value once evaluated.
#[derive(Default)]
pub struct Memo<'e> {
    /// The kept subexpressions' addresses, apart from their cells: the lookup at every
    /// evaluation step scans these alone.
    at: std::borrow::Cow<'e, [usize]>,
    cells: Vec<OnceCell<(EvalResult, Charges)>>,
    tree: std::marker::PhantomData<&'e Expression>,
}

/// Which subexpressions of one expression a [`Memo`] keeps, found once for an expression that
/// is evaluated many times (a rule's assertion, on every block its rule judges): finding them
/// walks the tree once per subexpression, which costs more than a judgement.
#[derive(Clone, Debug, Default)]
pub struct Slots {
    /// The address of the expression they were found in: a moved or cloned expression has
    /// another, and its subexpressions are other nodes.
    root: usize,
    at: Vec<usize>,
}

impl Slots {
    /// [`Memo::over`]'s subexpressions of `e`.
    pub fn over(e: &Expression, roots: &[&str]) -> Slots {
        Slots {
            root: addr(e),
            at: largest(e, roots),
        }
    }

    /// A memo of these subexpressions for `e`, when `e` is the expression they were found in
    /// (`None` for another, a copy included).
    pub fn memo<'e>(&'e self, e: &'e Expression) -> Option<Memo<'e>> {
        (self.root == addr(e)).then(|| Memo {
            at: std::borrow::Cow::Borrowed(&self.at),
            cells: self.at.iter().map(|_| OnceCell::new()).collect(),
            tree: std::marker::PhantomData,
        })
    }
}

/// [`Slots`] found on first use, kept beside the expression they were found in. A clone starts
/// empty: the slots name nodes of that one tree by address, a clone's tree has other nodes, and
/// once the first tree is gone a later tree's nodes may sit at its addresses. (The expression
/// beside it is not replaced once judged, for the same reason.)
#[derive(Debug, Default)]
pub struct SlotsCell(std::sync::OnceLock<Slots>);

impl Clone for SlotsCell {
    fn clone(&self) -> Self {
        SlotsCell::default()
    }
}

impl SlotsCell {
    pub fn get_or_init(&self, find: impl FnOnce() -> Slots) -> &Slots {
        self.0.get_or_init(find)
    }

    pub fn get(&self) -> Option<&Slots> {
        self.0.get()
    }
}

fn addr(e: &Expression) -> usize {
    e as *const Expression as usize
}

/// The largest subexpressions of `e` that name no variable but `roots`, none when `e` binds one
/// of `roots` (see [`Memo::over`]).
fn largest(e: &Expression, roots: &[&str]) -> Vec<usize> {
    let mut binds = Binds {
        roots,
        found: false,
    };
    binds.visit_expr(e);
    let mut found = Largest {
        roots,
        slots: Vec::new(),
        other: false,
    };
    if !binds.found {
        found.visit_expr(e);
    }
    found.slots
}

impl<'e> Memo<'e> {
    /// The largest subexpressions of `e` that name no variable but `roots` (a literal alone is
    /// left out: copying it costs what evaluating it does). Nothing when `e` binds one of
    /// `roots` itself (`[for self in …]`): a name would then mean two things.
    pub fn over(e: &'e Expression, roots: &[&str]) -> Memo<'e> {
        let at = largest(e, roots);
        Memo {
            cells: at.iter().map(|_| OnceCell::new()).collect(),
            at: std::borrow::Cow::Owned(at),
            tree: std::marker::PhantomData,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// `e`'s value when it is one of the kept subexpressions (evaluated on its first use);
    /// `None` for the others.
    pub(super) fn eval(&self, ev: &Evaluator, e: &Expression) -> Option<EvalResult> {
        let slot = &self.cells[self.at.iter().position(|&k| k == addr(e))?];
        if let Some((r, charges)) = slot.get() {
            if ev.budget.recharge(charges) {
                return Some(r.clone());
            }
            // A limit would be reached on the way: evaluated again, it is reached where it is.
            return Some(ev.eval_here(e));
        }
        let before = ev.budget.snapshot();
        let r = ev.eval_here(e);
        // Kept only when no limit was reached: the value is then what any budget would give.
        if let Some(c) = before.and_then(|b| ev.budget.since(&b)) {
            let _ = slot.set((r.clone(), c));
        }
        Some(r)
    }
}

/// The value of an expression that names no variable and calls no function (a literal, such as
/// NET001's list of 64 ports): whatever the scope, every evaluation gives it. It is evaluated
/// once and kept with what it charged; a later evaluation borrows it and charges its budget
/// the same again, and evaluates it afresh when that would reach a limit (as [`Memo`] does).
#[derive(Debug)]
pub struct Constant {
    value: Value,
    charges: Charges,
}

impl Constant {
    /// `e`'s value (`Evaluator::value`) when `e` is constant, evaluated by `ev` (charging its
    /// budget), kept when no limit was reached.
    pub fn of(ev: &Evaluator, e: &Expression) -> Option<Constant> {
        let mut free = Free(true);
        free.visit_expr(e);
        if !free.0 {
            return None;
        }
        Constant::evaluated(ev, || ev.value(e))
    }

    /// What `value` gives, evaluating a constant with `ev` (charging its budget) as
    /// `Evaluator::value` evaluates its tree, kept when no limit was reached.
    pub fn evaluated(ev: &Evaluator, value: impl FnOnce() -> Value) -> Option<Constant> {
        let before = ev.budget.snapshot()?;
        let value = value();
        let charges = ev.budget.since(&before)?;
        Some(Constant { value, charges })
    }

    /// The kept value, its charges charged to `ev`'s budget again; `None`, charging nothing,
    /// when that would reach a limit.
    pub fn get(&self, ev: &Evaluator) -> Option<&Value> {
        ev.budget.recharge(&self.charges).then_some(&self.value)
    }
}

/// Whether an expression names no variable and calls no function.
struct Free(bool);

impl Visit for Free {
    fn visit_expr(&mut self, e: &Expression) {
        if !self.0 {
            return;
        }
        match e {
            Expression::Variable(_) | Expression::FuncCall(_) => self.0 = false,
            _ => visit_expr(self, e),
        }
    }
}

/// The largest subexpressions that name no variable but the roots, and are not literals, found
/// in one walk: a node names another variable when one of its descendants does, so each node
/// is decided after its children, and a node that names none takes the place of the slots its
/// children found (asking every node's subtree again made the walk quadratic: NET001's
/// assertion took 0.1 M instructions).
struct Largest<'r> {
    roots: &'r [&'r str],
    slots: Vec<usize>,
    /// Whether the subtree being walked names a variable other than the roots.
    other: bool,
}

impl Visit for Largest<'_> {
    fn visit_expr(&mut self, e: &Expression) {
        let outer = std::mem::replace(&mut self.other, false);
        let mark = self.slots.len();
        match e {
            Expression::Variable(v) => self.other = !self.roots.contains(&v.as_str()),
            // Its operands, arguments, elements and interpolations.
            _ => visit_expr(self, e),
        }
        if !self.other {
            self.slots.truncate(mark);
            let literal = matches!(
                e,
                Expression::Null(_)
                    | Expression::Bool(_)
                    | Expression::Number(_)
                    | Expression::String(_)
            );
            if !literal {
                self.slots.push(addr(e));
            }
        }
        self.other |= outer;
    }
}

/// Whether an expression binds one of the roots (`for` expressions and directives).
struct Binds<'r> {
    roots: &'r [&'r str],
    found: bool,
}

impl Binds<'_> {
    fn check(&mut self, key: Option<&str>, value: &str) {
        self.found |= key.is_some_and(|k| self.roots.contains(&k)) || self.roots.contains(&value);
    }
}

impl Visit for Binds<'_> {
    fn visit_for_intro(&mut self, f: &ForIntro) {
        self.check(f.key_var.as_ref().map(|k| k.as_str()), f.value_var.as_str());
        visit_for_intro(self, f);
    }

    fn visit_for_template_expr(&mut self, f: &ForTemplateExpr) {
        self.check(f.key_var.as_ref().map(|k| k.as_str()), f.value_var.as_str());
        visit_for_template_expr(self, f);
    }
}

/// What one evaluation charged a budget.
#[derive(Debug)]
pub(super) struct Charges {
    steps: u64,
    memory: u64,
    work: u64,
    files: Vec<(FileId, u64, u64)>,
}

/// A budget's counters before an evaluation.
pub(super) struct Snapshot {
    steps: u64,
    memory: u64,
    work: u64,
    files: HashMap<FileId, (u64, u64)>,
}

impl Budget {
    /// The counters now, when no limit was reached and no run budget is shared.
    pub(super) fn snapshot(&self) -> Option<Snapshot> {
        if self.snapshot_blocked() {
            return None;
        }
        Some(Snapshot {
            steps: self.steps.get(),
            memory: self.memory.get(),
            work: self.work.get(),
            files: self.file_charges(),
        })
    }

    /// Whether a run budget is shared (its other users could make the same charges reach a
    /// limit) or a limit was reached.
    fn snapshot_blocked(&self) -> bool {
        self.run.is_some()
            || self.exhausted()
            || !self.stopped_files.borrow().is_empty()
            || !self.hits.borrow().is_empty()
    }

    /// The memory and work charged to each file so far (the map and the last file's charges
    /// kept aside).
    pub(super) fn file_charges(&self) -> HashMap<FileId, (u64, u64)> {
        let mut files = self.files.borrow().clone();
        if let Some((f, e)) = self.last_file.get() {
            files.insert(f, e);
        }
        files
    }

    /// What was charged since `before`, when no limit was reached meanwhile.
    pub(super) fn since(&self, before: &Snapshot) -> Option<Charges> {
        if self.snapshot_blocked() {
            return None;
        }
        let files = self
            .file_charges()
            .into_iter()
            .map(|(f, (m, w))| {
                let (m0, w0) = before.files.get(&f).copied().unwrap_or_default();
                (f, m - m0, w - w0)
            })
            .filter(|&(_, m, w)| m != 0 || w != 0)
            .collect();
        Some(Charges {
            steps: self.steps.get() - before.steps,
            memory: self.memory.get() - before.memory,
            work: self.work.get() - before.work,
            files,
        })
    }

    /// Charge what an evaluation charged, when doing so reaches no limit (evaluating it again
    /// would then reach none either: the counters only grow, and the depth at a given
    /// subexpression is the same); `false`, charging nothing, otherwise.
    pub(super) fn recharge(&self, c: &Charges) -> bool {
        if self.snapshot_blocked() {
            return false;
        }
        let l = &self.limits;
        let within = self.steps.get() + c.steps <= l.max_steps
            && self.memory.get() + c.memory <= l.max_memory
            && self.work.get() + c.work <= l.max_work
            // Rule assertions charge no file: their budget's file map is not copied then.
            && (c.files.is_empty() || {
                let files = self.file_charges();
                c.files.iter().all(|(f, m, w)| {
                    let (m0, w0) = files.get(f).copied().unwrap_or_default();
                    m0 + m <= l.max_file_memory && w0 + w <= l.max_file_work
                })
            });
        if !within {
            return false;
        }
        self.steps.set(self.steps.get() + c.steps);
        self.memory.set(self.memory.get() + c.memory);
        self.work.set(self.work.get() + c.work);
        let mut files = self.files.borrow_mut();
        // The last file's charges, kept aside, go into the map first.
        if let Some((f, e)) = self.last_file.take() {
            files.insert(f, e);
        }
        for (f, m, w) in &c.files {
            let e = files.entry(*f).or_default();
            e.0 += m;
            e.1 += w;
        }
        true
    }
}
