//! Expression evaluation: HCL expressions (hcl-edit AST) to [`Value`]s with spans.
//!
//! The evaluator is scope-agnostic: names (`var`, `local`, resource types, `self`…) are resolved
//! by a [`Scope`], so the same code evaluates Terraform modules and rule assertions. Work is
//! bounded by a shared [`Budget`] (depth, steps, string and collection sizes): exceeding it makes
//! the value unknown and records why, so hostile input ends with a diagnostic, never a hang.

pub mod address;
pub mod computed;
pub mod funcs;
pub mod memo;

use crate::source::{FileId, Loc, SourceMap};
use crate::value::{joined, Entry, Kind, Value};
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::Span;
use smallvec::SmallVec;
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

/// Bounds on the work done for one configuration (or one rule evaluation).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Nesting of expression evaluation, including lazy evaluation of locals and references.
    pub max_depth: u32,
    /// Expression nodes evaluated in total.
    pub max_steps: u64,
    /// Length of any string produced.
    pub max_string: usize,
    /// Elements produced by one `for`, `range` or expansion.
    pub max_collection: usize,
    /// Instances of one `count`/`for_each`.
    pub max_instances: usize,
    /// Nesting of module calls.
    pub max_module_depth: usize,
    /// Bytes of values produced while evaluating one configuration (strings built, references
    /// copied, literals evaluated in loops): the memory budget. Values are only produced while
    /// a configuration is evaluated, so the bytes alive are bounded by this times the threads.
    pub max_memory: u64,
    /// Bytes that functions scan or build (`replace`, `regex`, `join`, `format`…) for one
    /// configuration: the work budget.
    pub max_work: u64,
    /// The share of the memory and work budgets that the expressions of one file may use
    /// (values and work are charged to the file of the expression that produces them). A file
    /// that spends its share stops evaluating; the configuration's other files go on, so a bomb
    /// in one file does not turn the findings of its neighbours into unknowns.
    pub max_file_memory: u64,
    pub max_file_work: u64,
}

/// Budgets shared by every configuration of a run (one per [`crate::tf::EvalOptions`]).
#[derive(Debug)]
pub struct RunBudget {
    /// Bytes of values produced by the configurations being evaluated now (each returns its
    /// share when it is done).
    pub memory: std::sync::atomic::AtomicU64,
    /// Function work of the whole run.
    pub work: std::sync::atomic::AtomicU64,
    pub max_memory: u64,
    pub max_work: u64,
}

impl Default for RunBudget {
    fn default() -> Self {
        RunBudget {
            memory: Default::default(),
            work: Default::default(),
            max_memory: 1 << 30,
            max_work: 4 << 30,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 96,
            max_steps: 2_000_000,
            max_string: 1 << 20,
            max_collection: 10_000,
            max_instances: 1000,
            max_module_depth: 16,
            max_memory: 256 << 20,
            max_work: 512 << 20,
            max_file_memory: 128 << 20,
            max_file_work: 256 << 20,
        }
    }
}

/// Why an expression of a file that spent its budget share is not evaluated (the `TF005` at
/// the expression that spent it says how much).
const FILE_STOPPED: &str = "evaluation of this file stopped: it spent its budget share";

/// A limit that was reached, for a `TF005` diagnostic.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitHit {
    pub what: String,
    pub loc: Option<Loc>,
}

/// Shared counters for one evaluation run. [`memo`] takes and replays what an evaluation
/// charged them: a counter added here is to be counted there too.
#[derive(Debug)]
pub struct Budget {
    pub limits: Limits,
    steps: Cell<u64>,
    depth: Cell<u32>,
    memory: Cell<u64>,
    work: Cell<u64>,
    /// `None` for a budget of its own ([`Budget::new`], e.g. one rule on one block): a run
    /// budget nothing else shares has larger limits than the budget's own, so it could never
    /// stop anything, and allocating one per rule evaluation costs time.
    run: Option<std::sync::Arc<RunBudget>>,
    /// Memory and work charged to each file, and the files that spent their share.
    files: RefCell<crate::util::HashMap<FileId, (u64, u64)>>,
    /// The last file charged and its charges, not yet added to `files`: nearly every charge
    /// is to the file of the one before, and spares a hash lookup.
    last_file: Cell<Option<(FileId, (u64, u64))>>,
    stopped_files: RefCell<crate::util::HashSet<FileId>>,
    /// Whether `stopped_files` holds any: it is asked at every step, and is nearly always
    /// empty (hashing the file for an empty set was most of a step's cost).
    any_stopped: Cell<bool>,
    /// Limits reached (first few, deduplicated by location).
    pub hits: RefCell<Vec<LimitHit>>,
}

impl Drop for Budget {
    fn drop(&mut self) {
        // The configuration is done: its values no longer count against the run.
        let Some(run) = &self.run else { return };
        run.memory
            .fetch_sub(self.memory.get(), std::sync::atomic::Ordering::Relaxed);
    }
}

impl Budget {
    pub fn new(limits: Limits) -> Budget {
        // A run budget of its own counts what this budget counts: when its limits are not
        // below this budget's, it can never be the one that stops, and it is left out.
        let run = RunBudget::default();
        if limits.max_memory <= run.max_memory && limits.max_work <= run.max_work {
            Budget::with_run(limits, None)
        } else {
            Budget::with_run(limits, Some(std::sync::Arc::new(run)))
        }
    }

    /// A budget that also counts against the run's shared budgets.
    pub fn in_run(limits: Limits, run: std::sync::Arc<RunBudget>) -> Budget {
        Budget::with_run(limits, Some(run))
    }

    fn with_run(limits: Limits, run: Option<std::sync::Arc<RunBudget>>) -> Budget {
        Budget {
            limits,
            steps: Cell::new(0),
            depth: Cell::new(0),
            memory: Cell::new(0),
            work: Cell::new(0),
            run,
            files: RefCell::default(),
            last_file: Cell::new(None),
            stopped_files: RefCell::default(),
            any_stopped: Cell::new(false),
            hits: RefCell::new(Vec::new()),
        }
    }

    /// Charge `bytes` to the file of `loc` (`memory` or work); `Err` once the file's share is
    /// spent: that file stops evaluating, the others go on.
    fn charge_file(&self, bytes: usize, loc: Option<Loc>, memory: bool) -> Result<(), String> {
        let Some(l) = loc else { return Ok(()) };
        if self.stopped(l.file) {
            return Err(FILE_STOPPED.to_string());
        }
        let mut e = match self.last_file.get() {
            Some((f, e)) if f == l.file => e,
            last => {
                let mut files = self.files.borrow_mut();
                if let Some((f, e)) = last {
                    files.insert(f, e);
                }
                files.get(&l.file).copied().unwrap_or_default()
            }
        };
        let (used, max) = if memory {
            e.0 += bytes as u64;
            (e.0, self.limits.max_file_memory)
        } else {
            e.1 += bytes as u64;
            (e.1, self.limits.max_file_work)
        };
        self.last_file.set(Some((l.file, e)));
        if used <= max {
            return Ok(());
        }
        self.stopped_files.borrow_mut().insert(l.file);
        self.any_stopped.set(true);
        let why = if memory {
            crate::i18n::tr!(
                "the values built in this file reached {n} MiB (the memory budget of a file)",
                n = max >> 20
            )
        } else {
            crate::i18n::tr!(
                "functions in this file processed {n} MiB (the work budget of a file)",
                n = max >> 20
            )
        };
        self.hit(why.clone(), loc);
        Err(why)
    }

    /// Stop the evaluation: every later step fails at once.
    fn stop(&self, why: String, loc: Option<Loc>) -> String {
        if !self.exhausted() {
            self.hit(why.clone(), loc);
        }
        self.steps.set(self.limits.max_steps.saturating_add(2));
        why
    }

    /// Count `bytes` of values produced; `Err` with the reason once the memory budget is spent.
    pub fn alloc(&self, bytes: usize, loc: Option<Loc>) -> Result<(), String> {
        self.charge_file(bytes, loc, true)?;
        self.charge(
            bytes,
            (&self.memory, self.limits.max_memory),
            self.run.as_ref().map(|r| (&r.memory, r.max_memory)),
            loc,
            |mib| format!("its values reached {mib} MiB (the memory budget of a configuration)"),
            |mib| format!("the values of the configurations being evaluated reached {mib} MiB (the memory budget of a run)"),
        )
    }

    /// Count `bytes` of function work; `Err` with the reason once the work budget is spent.
    pub fn work(&self, bytes: usize, loc: Option<Loc>) -> Result<(), String> {
        self.charge_file(bytes, loc, false)?;
        self.charge(
            bytes,
            (&self.work, self.limits.max_work),
            self.run.as_ref().map(|r| (&r.work, r.max_work)),
            loc,
            |mib| format!("functions processed {mib} MiB (the work budget of a configuration)"),
            |mib| format!("functions processed {mib} MiB in this run (the work budget of a run)"),
        )
    }

    /// Add `bytes` to a budget counted per configuration and per run; stop at either limit.
    fn charge(
        &self,
        bytes: usize,
        (mine, my_max): (&Cell<u64>, u64),
        run: Option<(&std::sync::atomic::AtomicU64, u64)>,
        loc: Option<Loc>,
        my_why: impl Fn(u64) -> String,
        run_why: impl Fn(u64) -> String,
    ) -> Result<(), String> {
        let b = bytes as u64;
        let m = mine.get() + b;
        mine.set(m);
        let r = run.map(|(run, run_max)| {
            (
                run.fetch_add(b, std::sync::atomic::Ordering::Relaxed) + b,
                run_max,
            )
        });
        if m > my_max {
            return Err(self.stop(my_why(my_max >> 20), loc));
        }
        if let Some((r, run_max)) = r {
            if r > run_max {
                return Err(self.stop(run_why(run_max >> 20), loc));
            }
        }
        Ok(())
    }

    pub fn hit(&self, what: impl Into<String>, loc: Option<Loc>) {
        let mut h = self.hits.borrow_mut();
        if h.len() < 50 && !h.iter().any(|x| x.loc == loc) {
            h.push(LimitHit {
                what: what.into(),
                loc,
            });
        }
    }
    /// Whether `file` spent its share of a budget.
    fn stopped(&self, file: FileId) -> bool {
        self.any_stopped.get() && self.stopped_files.borrow().contains(&file)
    }

    /// Enter one level of evaluation; `Err` with the reason when a limit is reached.
    pub fn enter(&self, loc: Option<Loc>) -> Result<(), String> {
        if loc.is_some_and(|l| self.stopped(l.file)) {
            return Err(FILE_STOPPED.to_string());
        }
        let s = self.steps.get() + 1;
        self.steps.set(s);
        if s > self.limits.max_steps {
            let why = crate::i18n::tr!(
                "evaluation stopped after {n} steps (the work limit)",
                n = self.limits.max_steps
            );
            if s == self.limits.max_steps + 1 {
                self.hit(why.clone(), loc);
            }
            return Err(why);
        }
        let d = self.depth.get() + 1;
        if d > self.limits.max_depth {
            let why = crate::i18n::tr!(
                "expressions nest deeper than {n} levels (the depth limit)",
                n = self.limits.max_depth
            );
            self.hit(why.clone(), loc);
            return Err(why);
        }
        self.depth.set(d);
        Ok(())
    }
    pub fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }
    pub fn exhausted(&self) -> bool {
        self.steps.get() > self.limits.max_steps
    }

    /// Steps, memory and work charged so far.
    pub fn spent(&self) -> (u64, u64, u64) {
        (self.steps.get(), self.memory.get(), self.work.get())
    }
}

/// An evaluation error (Terraform would reject the configuration). `try` and `can` catch it;
/// elsewhere it becomes an unknown value with the message as reason.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalError {
    pub message: String,
    pub loc: Option<Loc>,
}

pub type EvalResult = Result<Value, EvalError>;

pub fn err<T>(message: impl Into<String>, loc: Option<Loc>) -> Result<T, EvalError> {
    Err(EvalError {
        message: message.into(),
        loc,
    })
}

/// One leading step of a traversal, offered to the scope (`var.x`, `aws_x.y[0].id`); an
/// attribute name is borrowed from the expression, not copied per traversal.
#[derive(Clone, Debug)]
pub enum Step<'e> {
    Attr(&'e str),
    Index(Value),
}

/// Resolves root names and extra functions.
pub trait Scope {
    /// The value of `root` followed by some of `steps`; returns how many steps were consumed.
    /// `None` when the name is not defined here.
    fn lookup(
        &self,
        ev: &Evaluator,
        root: &str,
        steps: &[Step],
        loc: Option<Loc>,
    ) -> Option<Result<(Value, usize), EvalError>>;
    /// Functions beyond Terraform's (rule helpers); `None` when not handled.
    fn call(
        &self,
        _ev: &Evaluator,
        _name: &str,
        _args: &[Value],
        _loc: Option<Loc>,
    ) -> Option<EvalResult> {
        None
    }
    /// `root.steps[*].attr` (or `.*.attr`): the list the splat gives over the collection that
    /// `root` and all of `steps` name, when the scope can read each element's `attr` without
    /// copying the elements whole (a resource's instances); `None` leaves it to
    /// [`Scope::lookup`] and the splat.
    fn lookup_splat(
        &self,
        _ev: &Evaluator,
        _root: &str,
        _steps: &[Step],
        _attr: &str,
        _loc: Option<Loc>,
    ) -> Option<EvalResult> {
        None
    }
    /// The whole value of `root`, when the scope holds it as is (a rule's `self`), so that
    /// `lookup(root, key, default)` reads one member instead of copying it all.
    fn value_of(&self, _root: &str) -> Option<&Value> {
        None
    }
}

/// A scope with no names, for tfvars and templates.
pub struct EmptyScope;
impl Scope for EmptyScope {
    fn lookup(
        &self,
        _: &Evaluator,
        _: &str,
        _: &[Step],
        _: Option<Loc>,
    ) -> Option<Result<(Value, usize), EvalError>> {
        None
    }
}

/// Where `file()` and `templatefile()` may read.
#[derive(Clone, Debug, Default)]
pub struct FileAccess {
    /// Relative paths are resolved against this directory (Terraform's working directory: the
    /// root module).
    pub base: PathBuf,
    /// Directories inside which files may be read; none forbids reading.
    pub dirs: Vec<PathBuf>,
    /// `dirs` made canonical (those that exist), on the first read: most configurations
    /// read no file, and resolving every module directory of a tree costs a system call per
    /// path component.
    roots: std::sync::OnceLock<Vec<PathBuf>>,
}

impl FileAccess {
    pub fn new(base: PathBuf, dirs: Vec<PathBuf>) -> FileAccess {
        FileAccess {
            base,
            dirs,
            roots: Default::default(),
        }
    }

    /// The canonical directories inside which files may be read; empty forbids reading.
    fn roots(&self) -> &[PathBuf] {
        self.roots.get_or_init(|| {
            self.dirs
                .iter()
                .filter_map(|d| std::fs::canonicalize(d).ok())
                .collect()
        })
    }
}

/// Evaluates expressions of one file against a scope.
pub struct Evaluator<'a> {
    /// File the expressions come from (`None` for text outside the source map).
    pub file: Option<FileId>,
    pub text: &'a str,
    pub scope: &'a dyn Scope,
    pub budget: &'a Budget,
    pub sources: Option<&'a SourceMap>,
    pub files: &'a FileAccess,
    /// Variables bound by `for` expressions, template directives and dynamic blocks.
    vars: RefCell<Vec<(String, Value)>>,
    /// Subexpressions whose values earlier evaluations kept.
    memo: Option<&'a memo::Memo<'a>>,
    /// What the spans of the syntax evaluated are off by in `text` (see [`crate::tf::Tree`]).
    shift: isize,
}

fn describe(v: &Value) -> String {
    match &v.kind {
        Kind::String(_) => "string".into(),
        _ => v.type_name().into(),
    }
}

/// The unknown that makes a value unknown, kept (reason and reference) for the result.
fn unknown_like(u: &Value, loc: Option<Loc>) -> Value {
    match u.first_unknown() {
        // Without a span of its own (rule-file expressions), the result keeps its origin's.
        Some((un, origin)) => {
            let mut un = un.clone();
            derive(&mut un, u.is_unknown() && loc == u.loc, loc);
            Value::new(Kind::Unknown(Box::new(un)), loc.or(origin))
        }
        None => Value::unknown("unknown value", loc),
    }
}

/// [`unknown_like`] of a value no longer needed: an unknown's box is reused, not copied (values
/// computed from unknowns are unknowns made at every step of the expression).
fn unknown_from(mut v: Value, loc: Option<Loc>) -> Value {
    let at = loc.or(v.loc);
    match &mut v.kind {
        Kind::Unknown(un) => {
            derive(un, loc == v.loc, loc);
            Value::new(std::mem::replace(&mut v.kind, Kind::Null), at)
        }
        _ => unknown_like(&v, loc),
    }
}

/// `un` as the unknown a value computed at `loc` from it is, unless it is the `same` value.
/// A value computed from an unknown is a new unknown; the same expression over the same unknown
/// gives the same one (identity from the inner one and the expression).
fn derive(un: &mut crate::value::Unknown, same: bool, loc: Option<Loc>) {
    if !same {
        un.id = crate::value::Unknown::derived_id(un.id, loc);
        // What is computed from a value that is set may well be null or empty.
        un.present = false;
    }
}

impl<'a> Evaluator<'a> {
    pub fn new(
        file: Option<FileId>,
        text: &'a str,
        scope: &'a dyn Scope,
        budget: &'a Budget,
        sources: Option<&'a SourceMap>,
        files: &'a FileAccess,
    ) -> Evaluator<'a> {
        Evaluator {
            file,
            text,
            scope,
            budget,
            sources,
            files,
            vars: RefCell::new(Vec::new()),
            memo: None,
            shift: 0,
        }
    }

    /// The evaluator of syntax whose spans are off by `by` in the text (see
    /// [`crate::tf::Tree`]).
    pub fn shifted(mut self, by: isize) -> Self {
        self.shift = by;
        self
    }

    /// The evaluator reusing the values `memo` keeps (see [`memo::Memo`]).
    pub fn with_memo(mut self, memo: &'a memo::Memo<'a>) -> Self {
        self.memo = (!memo.is_empty()).then_some(memo);
        self
    }

    pub fn loc(&self, s: &impl Span) -> Option<Loc> {
        let f = self.file?;
        s.span()
            .map(|r| Loc::new(f, crate::util::shift(r, self.shift)))
    }

    /// Source text of a node, for messages.
    pub fn source_of(&self, s: &impl Span) -> &str {
        s.span()
            .and_then(|r| self.text.get(crate::util::shift(r, self.shift)))
            .unwrap_or("expression")
            .trim()
    }

    /// Bind a variable while `f` runs.
    pub fn with_var<T>(&self, name: &str, v: Value, f: impl FnOnce() -> T) -> T {
        self.vars.borrow_mut().push((name.to_string(), v));
        let r = f();
        self.vars.borrow_mut().pop();
        r
    }

    fn bound(&self, name: &str) -> Option<Value> {
        self.vars
            .borrow()
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    /// Evaluate to a value; errors become unknown values carrying the message.
    pub fn value(&self, e: &Expression) -> Value {
        match self.eval(e) {
            Ok(v) => v,
            Err(er) => Value::unknown(er.message, er.loc.or(self.loc(e))),
        }
    }

    pub fn eval(&self, e: &Expression) -> EvalResult {
        if let Some(r) = self.memo.and_then(|m| m.eval(self, e)) {
            return r;
        }
        self.eval_here(e)
    }

    /// [`Self::eval`] without looking in the memo.
    fn eval_here(&self, e: &Expression) -> EvalResult {
        let l = self.loc(e);
        if let Err(why) = self.budget.enter(l) {
            return Ok(Value::unknown(why, l));
        }
        let r = self.eval_inner(e, l);
        self.budget.leave();
        r
    }

    /// Count a function's work (bytes scanned or built) against the budget.
    pub fn work(&self, bytes: usize, l: Option<Loc>) -> Result<(), EvalError> {
        self.budget.work(bytes, l).map_err(|why| EvalError {
            message: why,
            loc: l,
        })
    }

    fn check_string(&self, s: String, l: Option<Loc>) -> EvalResult {
        if let Err(why) = self.budget.alloc(s.len(), l) {
            return Ok(Value::unknown(why, l));
        }
        if s.len() > self.budget.limits.max_string {
            let why = crate::i18n::tr!(
                "a string longer than {n} bytes was produced (the size limit)",
                n = self.budget.limits.max_string
            );
            self.budget.hit(why.clone(), l);
            return Ok(Value::unknown(why, l));
        }
        Ok(Value::string(s, l))
    }

    fn check_len(&self, n: usize, l: Option<Loc>) -> Result<(), Value> {
        if n > self.budget.limits.max_collection {
            let why = crate::i18n::tr!(
                "a collection of more than {n} elements was produced (the size limit)",
                n = self.budget.limits.max_collection
            );
            self.budget.hit(why.clone(), l);
            return Err(Value::unknown(why, l));
        }
        Ok(())
    }

    fn eval_inner(&self, e: &Expression, l: Option<Loc>) -> EvalResult {
        match e {
            Expression::Null(_) => Ok(Value::new(Kind::Null, l)),
            Expression::Bool(b) => Ok(Value::bool(*b.value(), l)),
            Expression::Number(n) => Ok(Value::number(n.value().as_f64().unwrap_or(f64::NAN), l)),
            Expression::String(s) => {
                if let Err(why) = self.budget.alloc(s.value().len(), l) {
                    return Ok(Value::unknown(why, l));
                }
                Ok(Value::string(s.value().to_string(), l))
            }
            Expression::Array(a) => {
                let mut items = Vec::with_capacity(a.len());
                for x in a.iter() {
                    items.push(self.eval(x)?);
                }
                Ok(Value::list(items, l))
            }
            Expression::Object(o) => {
                let mut entries = Vec::with_capacity(o.len());
                for (k, v) in o.iter() {
                    let (key, key_loc) = match k {
                        ObjectKey::Ident(i) => (i.as_str().to_string(), self.loc(i)),
                        // A bare name as key is the name itself, not a variable.
                        ObjectKey::Expression(Expression::Variable(i)) => {
                            (i.as_str().to_string(), self.loc(i))
                        }
                        ObjectKey::Expression(x) => {
                            let kv = self.eval(x)?;
                            match self.to_str(&kv, self.loc(x))? {
                                Some(s) => (s, self.loc(x)),
                                None => return Ok(unknown_like(&kv, l)),
                            }
                        }
                    };
                    let value = self.eval(v.expr())?;
                    // A later duplicate replaces the earlier one, as in Terraform.
                    entries.retain(|e: &Entry| e.key != key);
                    entries.push(Entry {
                        key,
                        key_loc,
                        value,
                    });
                }
                Ok(Value::object(entries, l))
            }
            Expression::StringTemplate(t) => {
                // A template that is a single interpolation yields the value itself.
                if let Some(Element::Interpolation(i)) = t.as_single_element() {
                    let v = self.eval(&i.expr)?;
                    return Ok(if v.loc.is_none() { v.with_loc(l) } else { v });
                }
                self.template(t, l)
            }
            Expression::HeredocTemplate(h) => self.template(&h.template, l),
            Expression::Parenthesis(p) => self.eval(p.inner()),
            Expression::Variable(v) => self.traverse(v.as_str(), &[], l),
            Expression::Traversal(t) => match &t.expr {
                Expression::Variable(v) => self.traverse(v.as_str(), &t.operators, l),
                base => {
                    let b = self.eval(base)?;
                    self.apply_ops(b, &t.operators, l)
                }
            },
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr)?;
                if cond.is_unknown() {
                    return Ok(unknown_from(cond, l));
                }
                match &cond.kind {
                    Kind::Bool(true) => self.eval(&c.true_expr),
                    Kind::Bool(false) => self.eval(&c.false_expr),
                    Kind::Unknown(_) => Ok(unknown_like(&cond, l)),
                    Kind::String(s) if s == "true" => self.eval(&c.true_expr),
                    Kind::String(s) if s == "false" => self.eval(&c.false_expr),
                    _ => err(
                        format!("a condition must be a bool, not {}", describe(&cond)),
                        cond.loc.or(l),
                    ),
                }
            }
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr)?;
                if v.is_unknown() {
                    return Ok(unknown_from(v, l));
                }
                match *u.operator.value() {
                    // Without a span of its own (rule expressions) a result keeps the span of
                    // the value that decided it, so a failing rule can point at that value.
                    UnaryOperator::Not => match self.to_bool(&v, l)? {
                        Some(b) => Ok(Value::bool(!b, l.or(v.loc))),
                        None => Ok(unknown_like(&v, l)),
                    },
                    UnaryOperator::Neg => match self.to_num(&v, l)? {
                        Some(n) => Ok(Value::number(-n, l)),
                        None => Ok(unknown_like(&v, l)),
                    },
                }
            }
            Expression::BinaryOp(b) => self.binary(b, l),
            Expression::ForExpr(f) => self.for_expr(f, l),
            Expression::FuncCall(c) => {
                let name = c.name.name.as_str();
                // Most calls take a few arguments: their list is kept on the stack.
                let n = c.args.len();
                match c.args.get(0) {
                    Some(first) if n <= 4 => {
                        let mut args = [first; 4];
                        for (slot, a) in args.iter_mut().zip(c.args.iter()) {
                            *slot = a;
                        }
                        funcs::call(self, name, &args[..n], c.args.expand_final(), l)
                    }
                    _ => {
                        let args: Vec<&Expression> = c.args.iter().collect();
                        funcs::call(self, name, &args, c.args.expand_final(), l)
                    }
                }
            }
        }
    }

    /// Resolve a name and the traversal after it.
    fn traverse(
        &self,
        root: &str,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        l: Option<Loc>,
    ) -> EvalResult {
        if let Some(v) = self.bound(root) {
            return self.apply_ops(v, ops, l);
        }
        // The leading attribute/index steps, for scopes that resolve references symbolically.
        // On the stack: nearly every reference has at most four leading steps.
        let mut steps: SmallVec<[Step; 4]> = SmallVec::new();
        for op in ops {
            match op.value() {
                TraversalOperator::GetAttr(i) => steps.push(Step::Attr(i.as_str())),
                TraversalOperator::Index(x) => {
                    let v = self.eval(x)?;
                    if v.is_unknown() {
                        break;
                    }
                    steps.push(Step::Index(v));
                }
                TraversalOperator::LegacyIndex(n) => {
                    steps.push(Step::Index(Value::number(*n.value() as f64, None)))
                }
                _ => break,
            }
        }
        // `x[*].attr` or `x.*.attr` and nothing more for the splat to apply to each element.
        let k = steps.len();
        if let (Some(splat), Some(TraversalOperator::GetAttr(a))) = (
            ops.get(k).map(|o| o.value()),
            ops.get(k + 1).map(|o| o.value()),
        ) {
            let alone = match (splat, ops.get(k + 2).map(|o| o.value())) {
                (TraversalOperator::FullSplat(_), next) => next.is_none(),
                (TraversalOperator::AttrSplat(_), next) => {
                    !matches!(next, Some(TraversalOperator::GetAttr(_)))
                }
                _ => false,
            };
            if alone {
                if let Some(r) = self.scope.lookup_splat(self, root, &steps, a.as_str(), l) {
                    let v = r?;
                    if let Err(why) = self.budget.alloc(v.weight(), l) {
                        return Ok(Value::unknown(why, l));
                    }
                    return self.apply_ops(v.with_loc(l), &ops[k + 2..], l);
                }
            }
        }
        match self.scope.lookup(self, root, &steps, l) {
            Some(Ok((v, used))) => {
                // A reference copies its value: `[for i in range(1000) : local.a]` is 1000
                // copies of `local.a`.
                if let Err(why) = self.budget.alloc(v.weight(), l) {
                    return Ok(Value::unknown(why, l));
                }
                let v = if v.loc.is_none() { v.with_loc(l) } else { v };
                self.apply_ops(v, &ops[used.min(ops.len())..], l)
            }
            Some(Err(e)) => Err(e),
            None => err(format!("`{root}` is not defined"), l),
        }
    }

    fn apply_ops(
        &self,
        mut v: Value,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        l: Option<Loc>,
    ) -> EvalResult {
        let mut i = 0;
        while i < ops.len() {
            if v.is_unknown() {
                return Ok(unknown_from(v, l));
            }
            match ops[i].value() {
                TraversalOperator::GetAttr(a) => v = self.take_attr(v, a.as_str(), l)?,
                TraversalOperator::Index(x) => {
                    let k = self.eval(x)?;
                    v = self.take_index(v, &k, l)?;
                }
                TraversalOperator::LegacyIndex(n) => {
                    v = self.take_index(v, &Value::number(*n.value() as f64, None), l)?
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let full = matches!(ops[i].value(), TraversalOperator::FullSplat(_));
                    // The operations the splat applies to each element.
                    let mut j = i + 1;
                    while j < ops.len()
                        && (full || matches!(ops[j].value(), TraversalOperator::GetAttr(_)))
                    {
                        j += 1;
                    }
                    // The value is not needed after the splat: its elements are moved out.
                    let items: Vec<Value> = match std::mem::replace(&mut v.kind, Kind::Null) {
                        Kind::Null => Vec::new(),
                        Kind::List(items) => items,
                        kind => {
                            v.kind = kind;
                            vec![v]
                        }
                    };
                    let mut out = Vec::with_capacity(items.len());
                    for it in items {
                        out.push(self.apply_ops(it, &ops[i + 1..j], l)?);
                    }
                    v = Value::list(out, l);
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        Ok(v)
    }

    /// Follow `steps` into `v` by reference as far as [`Evaluator::apply_ops`] would only copy
    /// a member out (an attribute of an object without origin, an element in range, a key
    /// present), stopping before a member without a location (the traversal would give it one)
    /// unless the evaluator has no file (its references have no location either, as in rule
    /// expressions: the copy keeps none, as the member taken out does): the member and how
    /// many steps it took. A scope that holds a value whole copies only the member an
    /// expression reads (`self.rule[0].algorithm`, `each.value.port`), not the whole attribute.
    pub fn descend<'v>(&self, mut v: &'v Value, steps: &[Step]) -> (&'v Value, usize) {
        let mut used = 0;
        for step in steps {
            let next = match (step, &v.kind) {
                (Step::Attr(a), Kind::Object(_)) if v.origin.is_none() => v.get(a),
                (Step::Index(k), Kind::List(items)) => match self.to_num(k, None) {
                    Ok(Some(n)) if n.fract() == 0.0 && n >= 0.0 && (n as usize) < items.len() => {
                        items.get(n as usize)
                    }
                    _ => None,
                },
                (Step::Index(k), Kind::Object(_)) if !k.is_unknown() => {
                    match self.to_str(k, None) {
                        Ok(Some(key)) => v.get(&key),
                        _ => None,
                    }
                }
                _ => None,
            };
            match next {
                Some(n) if n.loc.is_some() || self.file.is_none() => {
                    v = n;
                    used += 1;
                }
                _ => break,
            }
        }
        (v, used)
    }

    /// [`Evaluator::get_attr`] of a value no longer needed: the member is moved out, not copied.
    fn take_attr(&self, mut v: Value, a: &str, l: Option<Loc>) -> EvalResult {
        if let Kind::Object(es) = &mut v.kind {
            if let Some(i) = es.iter().position(|e| e.key == a) {
                let member = es.swap_remove(i).value;
                return Ok(match &v.origin {
                    // Attributes of a resource instance keep the link to it.
                    Some(o) => member.with_origin(joined(&[o, ".", a])),
                    None => member,
                });
            }
        }
        self.get_attr(&v, a, l)
    }

    /// [`Evaluator::index`] of a value no longer needed: the element is moved out, not copied.
    fn take_index(&self, mut v: Value, k: &Value, l: Option<Loc>) -> EvalResult {
        if !k.is_unknown() {
            match &mut v.kind {
                Kind::List(items) => {
                    if let Ok(Some(n)) = self.to_num(k, l) {
                        if n.fract() == 0.0 && n >= 0.0 && (n as usize) < items.len() {
                            return Ok(items.swap_remove(n as usize));
                        }
                    }
                }
                Kind::Object(es) => {
                    if let Ok(Some(key)) = self.to_str(k, l) {
                        if let Some(i) = es.iter().position(|e| e.key == key) {
                            return Ok(es.swap_remove(i).value);
                        }
                    }
                }
                _ => {}
            }
        }
        self.index(&v, k, l)
    }

    pub fn get_attr(&self, v: &Value, a: &str, l: Option<Loc>) -> EvalResult {
        match &v.kind {
            Kind::Object(_) => match (v.entry(a), &v.origin) {
                // Attributes of a resource instance keep the link to it.
                (Some(e), Some(o)) => Ok(e.value.clone().with_origin(joined(&[o, ".", a]))),
                (Some(e), None) => Ok(e.value.clone()),
                // A resource's attributes that are not written are computed by the provider.
                (None, Some(o)) if address::is_instance_address(o) => {
                    let at = joined(&[o, ".", a]);
                    let r = Value::reference(
                        at.clone(),
                        joined(&["`", &at, "` is known only after apply"]),
                        l,
                    )
                    .with_origin(at);
                    // The instance exists (it was read), so what the provider always sets is set.
                    let set = address::address_type(o)
                        .is_some_and(|t| computed::always_set(address::is_data_address(o), t, a));
                    Ok(if set { r.present() } else { r })
                }
                (None, _) => err(format!("the object has no attribute `{a}`"), l),
            },
            Kind::Unknown(_) => Ok(unknown_like(v, l)),
            Kind::Null => err(format!("cannot read `{a}` of null"), l),
            _ => err(
                format!("cannot read attribute `{a}` of a {}", describe(v)),
                l,
            ),
        }
    }

    pub fn index(&self, v: &Value, k: &Value, l: Option<Loc>) -> EvalResult {
        if k.is_unknown() {
            return Ok(unknown_like(k, l));
        }
        match &v.kind {
            Kind::List(items) => {
                let n = self.to_num(k, l)?.unwrap_or(f64::NAN);
                if n.fract() != 0.0 || n < 0.0 || n as usize >= items.len() {
                    return err(
                        format!("index {k} is out of range for a list of {}", items.len()),
                        l,
                    );
                }
                Ok(items[n as usize].clone())
            }
            Kind::Object(_) => {
                let key = self.to_str(k, l)?.unwrap_or_default();
                match v.entry(&key) {
                    Some(e) => Ok(e.value.clone()),
                    None => err(format!("the map has no element `{key}`"), l),
                }
            }
            Kind::Unknown(_) => Ok(unknown_like(v, l)),
            Kind::Null => err("cannot index null", l),
            _ => err(format!("cannot index a {}", describe(v)), l),
        }
    }

    /// A value as a string for interpolation; `None` when unknown.
    pub fn to_str(&self, v: &Value, l: Option<Loc>) -> Result<Option<String>, EvalError> {
        match &v.kind {
            Kind::String(s) => Ok(Some(s.clone())),
            Kind::Number(_) | Kind::Bool(_) => Ok(Some(v.to_string())),
            Kind::Unknown(_) => Ok(None),
            Kind::Null => err("a null value cannot be used as a string", v.loc.or(l)),
            _ => err(
                format!("a {} cannot be used as a string", describe(v)),
                v.loc.or(l),
            ),
        }
    }

    pub fn to_num(&self, v: &Value, l: Option<Loc>) -> Result<Option<f64>, EvalError> {
        match &v.kind {
            Kind::Number(n) => Ok(Some(*n)),
            Kind::String(s) => match s.trim().parse::<f64>() {
                Ok(n) => Ok(Some(n)),
                Err(_) => err(format!("`{s}` is not a number"), v.loc.or(l)),
            },
            Kind::Unknown(_) => Ok(None),
            _ => err(
                format!("a number is required, not a {}", describe(v)),
                v.loc.or(l),
            ),
        }
    }

    pub fn to_bool(&self, v: &Value, l: Option<Loc>) -> Result<Option<bool>, EvalError> {
        match &v.kind {
            Kind::Bool(b) => Ok(Some(*b)),
            Kind::String(s) if s == "true" => Ok(Some(true)),
            Kind::String(s) if s == "false" => Ok(Some(false)),
            Kind::Unknown(_) => Ok(None),
            _ => err(
                format!("a bool is required, not a {}", describe(v)),
                v.loc.or(l),
            ),
        }
    }

    fn template(&self, t: &Template, l: Option<Loc>) -> EvalResult {
        let mut out = String::new();
        let mut unknown: Option<Value> = None;
        self.render(t, &mut out, &mut unknown, l, (false, false))?;
        if let Some(u) = unknown {
            // A template makes a string (interpolating null is an error): with text of its
            // own around the unknown parts, it is a string that is not empty.
            let v = unknown_from(u, l);
            return Ok(if out.is_empty() { v } else { v.present() });
        }
        self.check_string(out, l)
    }

    fn render(
        &self,
        t: &Template,
        out: &mut String,
        unknown: &mut Option<Value>,
        l: Option<Loc>,
        (lead, trail): (bool, bool),
    ) -> Result<(), EvalError> {
        let elements: Vec<&Element> = t.iter().collect();
        let last = elements.len().saturating_sub(1);
        for (n, el) in elements.iter().enumerate() {
            if out.len() > self.budget.limits.max_string {
                return Ok(());
            }
            // `~` strip markers remove whitespace next to the directive or interpolation.
            // Markers of the enclosing directive strip the ends of its body.
            let strip_next =
                elements.get(n + 1).is_some_and(|e| strip_start(e)) || (trail && n == last);
            let strip_prev = (n > 0 && strip_end(elements[n - 1])) || (lead && n == 0);
            match el {
                Element::Literal(s) => {
                    let mut s: &str = s.value();
                    if strip_prev {
                        s = s.trim_start();
                    }
                    if strip_next {
                        s = s.trim_end();
                    }
                    out.push_str(s);
                }
                Element::Interpolation(i) => {
                    let v = self.eval(&i.expr)?;
                    if v.contains_unknown() {
                        unknown.get_or_insert(v);
                        continue;
                    }
                    match self.to_str(&v, self.loc(&i.expr))? {
                        Some(s) => out.push_str(&s),
                        None => {
                            unknown.get_or_insert(v);
                        }
                    }
                }
                Element::Directive(d) => match &**d {
                    Directive::If(ifd) => {
                        let c = self.eval(&ifd.if_expr.cond_expr)?;
                        match self.to_bool(&c, l)? {
                            Some(true) => {
                                let trail = match &ifd.else_expr {
                                    Some(e) => e.strip.strip_start(),
                                    None => ifd.endif_expr.strip.strip_start(),
                                };
                                let lead = ifd.if_expr.strip.strip_end();
                                self.render(&ifd.if_expr.template, out, unknown, l, (lead, trail))?
                            }
                            Some(false) => {
                                if let Some(e) = &ifd.else_expr {
                                    let ends =
                                        (e.strip.strip_end(), ifd.endif_expr.strip.strip_start());
                                    self.render(&e.template, out, unknown, l, ends)?
                                }
                            }
                            None => {
                                unknown.get_or_insert(c);
                            }
                        }
                    }
                    Directive::For(fd) => {
                        let f = &fd.for_expr;
                        let coll = self.eval(&f.collection_expr)?;
                        let Some(pairs) = self.iterate(&coll, l)? else {
                            unknown.get_or_insert(coll);
                            continue;
                        };
                        let ends = (f.strip.strip_end(), fd.endfor_expr.strip.strip_start());
                        for (k, v) in pairs {
                            let kname = f.key_var.as_ref().map(|k| k.as_str().to_string());
                            let vname = f.value_var.as_str().to_string();
                            let r = self.with_var(&vname, v, || match &kname {
                                Some(kn) => self.with_var(kn, k, || {
                                    self.render(&f.template, out, unknown, l, ends)
                                }),
                                None => self.render(&f.template, out, unknown, l, ends),
                            });
                            r?;
                        }
                    }
                },
            }
        }
        Ok(())
    }

    /// The (key, value) pairs of a collection; `None` when it is unknown.
    pub fn iterate(
        &self,
        coll: &Value,
        l: Option<Loc>,
    ) -> Result<Option<Vec<(Value, Value)>>, EvalError> {
        match &coll.kind {
            Kind::List(items) => Ok(Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (Value::number(i as f64, None), v.clone()))
                    .collect(),
            )),
            Kind::Object(entries) => Ok(Some(
                entries
                    .iter()
                    .map(|e| (Value::string(e.key.clone(), e.key_loc), e.value.clone()))
                    .collect(),
            )),
            Kind::Unknown(_) => Ok(None),
            _ => err(
                format!("cannot iterate over a {}", describe(coll)),
                coll.loc.or(l),
            ),
        }
    }

    fn for_expr(&self, f: &hcl_edit::expr::ForExpr, l: Option<Loc>) -> EvalResult {
        let coll = self.eval(&f.intro.collection_expr)?;
        let Some(pairs) = self.iterate(&coll, l)? else {
            return Ok(unknown_like(&coll, l));
        };
        if let Err(v) = self.check_len(pairs.len(), l) {
            return Ok(v);
        }
        let kname = f.intro.key_var.as_ref().map(|k| k.as_str().to_string());
        let vname = f.intro.value_var.as_str().to_string();
        let mut items: Vec<Value> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        for (k, v) in pairs {
            let step = || -> Result<ForItem, EvalError> {
                if let Some(c) = &f.cond {
                    let cv = self.eval(&c.expr)?;
                    match self.to_bool(&cv, l)? {
                        Some(false) => return Ok(ForItem::Skip),
                        Some(true) => {}
                        None => return Ok(ForItem::Unknown(unknown_like(&cv, l))),
                    }
                }
                let key = match &f.key_expr {
                    Some(ke) => Some(self.eval(ke)?),
                    None => None,
                };
                Ok(ForItem::Item(key, self.eval(&f.value_expr)?))
            };
            let r = self.with_var(&vname, v, || match &kname {
                Some(kn) => self.with_var(kn, k, step),
                None => step(),
            })?;
            let (key, val) = match r {
                ForItem::Skip => continue,
                // An unknown condition makes the whole result unknown.
                ForItem::Unknown(u) => return Ok(u),
                ForItem::Item(k, v) => (k, v),
            };
            match key {
                None => items.push(val),
                Some(kv) => {
                    let Some(ks) = self.to_str(&kv, l)? else {
                        return Ok(unknown_like(&kv, l));
                    };
                    if f.grouping {
                        match entries.iter_mut().find(|e| e.key == ks) {
                            Some(Entry {
                                value:
                                    Value {
                                        kind: Kind::List(g),
                                        ..
                                    },
                                ..
                            }) => g.push(val),
                            _ => entries.push(Entry {
                                key: ks,
                                key_loc: kv.loc,
                                value: Value::list(vec![val], None),
                            }),
                        }
                    } else {
                        if entries.iter().any(|e| e.key == ks) {
                            return err(format!("duplicate key `{ks}` in a for expression"), l);
                        }
                        entries.push(Entry {
                            key: ks,
                            key_loc: kv.loc,
                            value: val,
                        });
                    }
                }
            }
        }
        Ok(if f.key_expr.is_some() {
            Value::object(entries, l)
        } else {
            Value::list(items, l)
        })
    }

    fn binary(&self, b: &hcl_edit::expr::BinaryOp, l: Option<Loc>) -> EvalResult {
        use BinaryOperator as B;
        let op = *b.operator.value();
        let lhs = self.eval(&b.lhs_expr)?;
        // Short circuits that are decidable whatever the other side is.
        if matches!(op, B::And | B::Or) {
            let lb = self.to_bool(&lhs, l)?;
            match (op, lb) {
                (B::Or, Some(true)) => return Ok(Value::bool(true, l.or(lhs.loc))),
                (B::And, Some(false)) => return Ok(Value::bool(false, l.or(lhs.loc))),
                _ => {}
            }
            let rhs = self.eval(&b.rhs_expr)?;
            let rb = self.to_bool(&rhs, l)?;
            return Ok(match (op, lb, rb) {
                (B::Or, _, Some(true)) => Value::bool(true, l.or(rhs.loc)),
                (B::And, _, Some(false)) => Value::bool(false, l.or(rhs.loc)),
                (_, Some(_), Some(r)) => Value::bool(r, l),
                (_, None, _) => unknown_from(lhs, l),
                _ => unknown_from(rhs, l),
            });
        }
        let rhs = self.eval(&b.rhs_expr)?;
        match op {
            B::Eq | B::NotEq => Ok(match equal(&lhs, &rhs) {
                Some(e) => Value::bool(if op == B::Eq { e } else { !e }, l.or(lhs.loc).or(rhs.loc)),
                None => unknown_from(if lhs.contains_unknown() { lhs } else { rhs }, l),
            }),
            _ => {
                let (Some(x), Some(y)) = (self.to_num(&lhs, l)?, self.to_num(&rhs, l)?) else {
                    return Ok(unknown_from(if lhs.is_unknown() { lhs } else { rhs }, l));
                };
                let bl = l.or(lhs.loc).or(rhs.loc);
                Ok(match op {
                    B::Less => Value::bool(x < y, bl),
                    B::LessEq => Value::bool(x <= y, bl),
                    B::Greater => Value::bool(x > y, bl),
                    B::GreaterEq => Value::bool(x >= y, bl),
                    B::Plus => Value::number(x + y, l),
                    B::Minus => Value::number(x - y, l),
                    B::Mul => Value::number(x * y, l),
                    B::Div => {
                        if y == 0.0 {
                            return err("division by zero", l);
                        }
                        Value::number(x / y, l)
                    }
                    B::Mod => {
                        if y == 0.0 {
                            return err("modulo by zero", l);
                        }
                        Value::number(x % y, l)
                    }
                    _ => unreachable_value(l),
                })
            }
        }
    }

    /// Resolve a directory for `fileset()`: only inside the allowed roots.
    pub fn dir_path(&self, p: &str) -> Result<PathBuf, String> {
        if self.files.roots().is_empty() {
            return Err(format!("`{p}` is not read: file access is disabled here"));
        }
        let path = Path::new(p);
        let joined = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.files.base.join(path)
        };
        let refuse =
            || format!("`{p}` is not a directory inside the scanned directory; it is not read");
        let canon = std::fs::canonicalize(&joined).map_err(|_| refuse())?;
        if !self.files.roots().iter().any(|r| canon.starts_with(r))
            || !std::fs::metadata(&canon).is_ok_and(|m| m.is_dir())
        {
            return Err(refuse());
        }
        Ok(canon)
    }

    /// Resolve a path for `file()`: only inside the allowed root.
    pub fn file_path(&self, p: &str) -> Result<PathBuf, String> {
        if self.files.roots().is_empty() {
            return Err(format!("`{p}` is not read: file access is disabled here"));
        }
        let path = Path::new(p);
        let joined = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.files.base.join(path)
        };
        // One answer for "missing", "outside" and "not a regular file": a refusal must not
        // tell whether a path outside the tree exists.
        let refuse =
            || format!("`{p}` is not a regular file inside the scanned directory; it is not read");
        let canon = std::fs::canonicalize(&joined).map_err(|_| refuse())?;
        if !self.files.roots().iter().any(|r| canon.starts_with(r))
            || !std::fs::metadata(&canon).is_ok_and(|m| m.is_file())
        {
            return Err(refuse());
        }
        Ok(canon)
    }
}

enum ForItem {
    Skip,
    Unknown(Value),
    Item(Option<Value>, Value),
}

fn unreachable_value(l: Option<Loc>) -> Value {
    Value::unknown("unsupported operator", l)
}

fn strip_start(e: &Element) -> bool {
    match e {
        Element::Interpolation(i) => i.strip.strip_start(),
        Element::Directive(d) => match &**d {
            Directive::If(i) => i.if_expr.strip.strip_start(),
            Directive::For(f) => f.for_expr.strip.strip_start(),
        },
        Element::Literal(_) => false,
    }
}

fn strip_end(e: &Element) -> bool {
    match e {
        Element::Interpolation(i) => i.strip.strip_end(),
        Element::Directive(d) => match &**d {
            Directive::If(i) => i.endif_expr.strip.strip_end(),
            Directive::For(f) => f.endfor_expr.strip.strip_end(),
        },
        Element::Literal(_) => false,
    }
}

/// Structural equality ignoring spans; `None` when it depends on an unknown.
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    match (&a.kind, &b.kind) {
        // Two unknowns of the same identity are one value, whatever it turns out to be.
        (Kind::Unknown(x), Kind::Unknown(y)) if x.same(y) => Some(true),
        // An unknown that is known to be set is neither null nor an empty string.
        (Kind::Unknown(u), Kind::Null) | (Kind::Null, Kind::Unknown(u)) if u.present => Some(false),
        (Kind::Unknown(u), Kind::String(s)) | (Kind::String(s), Kind::Unknown(u))
            if u.present && s.is_empty() =>
        {
            Some(false)
        }
        (Kind::Unknown(_), _) | (_, Kind::Unknown(_)) => None,
        (Kind::Null, Kind::Null) => Some(true),
        (Kind::Bool(x), Kind::Bool(y)) => Some(x == y),
        (Kind::Number(x), Kind::Number(y)) => Some(x == y),
        (Kind::String(x), Kind::String(y)) => Some(x == y),
        (Kind::List(x), Kind::List(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let mut unknown = false;
            for (p, q) in x.iter().zip(y) {
                match equal(p, q) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    _ => {}
                }
            }
            (!unknown).then_some(true)
        }
        (Kind::Object(x), Kind::Object(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let mut unknown = false;
            for e in x {
                let Some(o) = b.get(&e.key) else {
                    return Some(false);
                };
                match equal(&e.value, o) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    _ => {}
                }
            }
            (!unknown).then_some(true)
        }
        _ => Some(false),
    }
}

#[cfg(test)]
mod tests;
