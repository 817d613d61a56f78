//! Terraform semantics: modules, variables, locals, count/for_each, references and module calls.
//!
//! Each module instance resolves names lazily with memoisation, so declaration order does not
//! matter, and marks what it is evaluating so a cycle ends with a `TF005` diagnostic instead of
//! a hang. Every limit (depth, work, instances, module nesting) is enforced by the shared
//! [`Budget`].

use super::model::{Block, BlockKind, Tree};
use super::successor;
use crate::eval::{
    err, Budget, EmptyScope, EvalError, EvalResult, Evaluator, FileAccess, Limits, Scope, Step,
};
use crate::finding::Emit;
use crate::i18n::tr;
use crate::json::{self, SpanMap};
use crate::source::{FileId, FileKind, Loc, SourceMap};
use crate::util::{shift, HashMap, HashSet};
use crate::value::{joined, Entry, Kind, Value};
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use std::cell::RefCell;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// Inputs of a run that Terraform takes from outside the configuration.
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    /// `--var NAME=VALUE`, in command-line order.
    pub vars: Vec<(String, String)>,
    /// `--var-file PATH`, in command-line order.
    pub var_files: Vec<PathBuf>,
    /// Environment variables (only `TF_VAR_*` are used).
    pub env: Vec<(String, String)>,
    pub limits: Limits,
    /// Budgets of the whole run, shared by its configurations.
    pub run: std::sync::Arc<crate::eval::RunBudget>,
}

impl EvalOptions {
    /// The `TF_VAR_*` variables of this process.
    pub fn with_process_env(mut self) -> Self {
        self.env = std::env::vars()
            .filter(|(k, _)| k.starts_with("TF_VAR_"))
            .collect();
        self
    }
}

/// Lexical normalisation (`a/./b/../c` → `a/c`), so module sources match discovered dirs.
pub fn normalize(p: &Path) -> PathBuf {
    crate::source::normalize(p)
}

/// `to` relative to `from`, lexically (both normalised).
fn relative(from: &Path, to: &Path) -> String {
    let f: Vec<_> = from
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let t: Vec<_> = to
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); f.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().to_string()),
    );
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

const META: &[&str] = &["count", "for_each", "depends_on", "provider", "providers"];
const CALL_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "depends_on",
    "providers",
];

/// Where a declaration is written: its file, and what the spans of its syntax are off by in
/// the file's text (a structure kept from an earlier text: see [`Tree`]).
#[derive(Clone, Copy)]
struct At {
    file: FileId,
    shift: isize,
}

struct VarDecl<'a> {
    name: String,
    default: Option<&'a Expression>,
    at: At,
    /// The declared type's source text (`string`, `list(string)`…).
    ty: String,
}

struct BlockDecl<'a> {
    kind: BlockKind,
    written: Arc<str>,
    /// `written`'s successor (see [`successor`]).
    rtype: Arc<str>,
    name: Arc<str>,
    at: At,
    header: Loc,
    loc: Loc,
    body: &'a Body,
    count: Option<&'a Expression>,
    for_each: Option<&'a Expression>,
}

struct CallDecl<'a> {
    name: String,
    at: At,
    header: Loc,
    body: &'a Body,
    source: Option<(String, Loc)>,
    /// The number of the scanned directory a local `source` names (see [`Decls::resolve`]).
    target: Option<usize>,
    count: Option<&'a Expression>,
    for_each: Option<&'a Expression>,
}

/// The declarations of one module directory.
pub(crate) struct Decls<'a> {
    dir: PathBuf,
    vars: Vec<VarDecl<'a>>,
    locals: HashMap<String, (At, &'a Expression)>,
    blocks: Vec<BlockDecl<'a>>,
    calls: Vec<CallDecl<'a>>,
    outputs: HashMap<String, (At, Option<&'a Expression>)>,
}

fn attr<'a>(body: &'a Body, name: &str) -> Option<&'a Expression> {
    body.iter().find_map(|s| match s {
        Structure::Attribute(a) if a.key.as_str() == name => Some(&a.value),
        _ => None,
    })
}

fn span_loc(at: At, s: &impl Span) -> Option<Loc> {
    s.span().map(|r| Loc::new(at.file, shift(r, at.shift)))
}

/// The header of a block: its type and labels (`resource "t" "n"`), without the `{` or any
/// comment after it.
fn header_of(at: At, b: &hcl_edit::structure::Block) -> (Loc, Loc) {
    let whole = b.span().map_or(0..0, |r| shift(r, at.shift));
    let end = b
        .labels
        .last()
        .and_then(|l| l.span())
        .or_else(|| b.ident.span())
        .map(|r| shift(r, at.shift).end)
        .unwrap_or(whole.start)
        .clamp(whole.start, whole.end.max(whole.start));
    (
        Loc::new(at.file, whole.start..end),
        Loc::new(at.file, whole),
    )
}

impl<'a> Decls<'a> {
    pub(crate) fn new(
        dir: PathBuf,
        files: &[(FileId, &'a Tree)],
        sources: &SourceMap,
    ) -> Decls<'a> {
        let mut d = Decls {
            dir,
            vars: Vec::new(),
            locals: HashMap::default(),
            blocks: Vec::new(),
            calls: Vec::new(),
            outputs: HashMap::default(),
        };
        for (file, tree) in files {
            let text = &sources.get(*file).text;
            for (b, by) in tree.blocks() {
                let at = At {
                    file: *file,
                    shift: by,
                };
                let labels: smallvec::SmallVec<[&str; 2]> =
                    b.labels.iter().map(|l| l.as_str()).collect();
                let (header, loc) = header_of(at, b);
                let mk = |kind, written: &str, name: &str| BlockDecl {
                    kind,
                    written: written.into(),
                    rtype: successor(written).into(),
                    name: name.into(),
                    at,
                    header,
                    loc,
                    body: &b.body,
                    count: attr(&b.body, "count"),
                    for_each: attr(&b.body, "for_each"),
                };
                match (b.ident.as_str(), labels.as_slice()) {
                    ("resource", [t, n]) => d.blocks.push(mk(BlockKind::Resource, t, n)),
                    ("data", [t, n]) => d.blocks.push(mk(BlockKind::Data, t, n)),
                    ("provider", [p]) => {
                        let mut bd = mk(BlockKind::Provider, p, p);
                        bd.count = None;
                        bd.for_each = None;
                        d.blocks.push(bd)
                    }
                    ("output", [n]) => {
                        d.outputs
                            .insert(n.to_string(), (at, attr(&b.body, "value")));
                        let mut bd = mk(BlockKind::Output, "output", n);
                        bd.count = None;
                        bd.for_each = None;
                        d.blocks.push(bd)
                    }
                    ("variable", [n]) => d.vars.push(VarDecl {
                        name: n.to_string(),
                        default: attr(&b.body, "default"),
                        at,
                        ty: attr(&b.body, "type")
                            .and_then(|e| e.span())
                            .and_then(|r| text.get(shift(r, by)))
                            .unwrap_or("")
                            .to_string(),
                    }),
                    ("locals", []) => {
                        for s in b.body.iter() {
                            if let Structure::Attribute(a) = s {
                                d.locals.insert(a.key.as_str().to_string(), (at, &a.value));
                            }
                        }
                    }
                    ("module", [n]) => d.calls.push(CallDecl {
                        name: n.to_string(),
                        at,
                        header,
                        body: &b.body,
                        source: attr(&b.body, "source").and_then(|e| match e {
                            Expression::String(s) => {
                                Some((s.value().to_string(), span_loc(at, e)?))
                            }
                            _ => None,
                        }),
                        target: None,
                        count: attr(&b.body, "count"),
                        for_each: attr(&b.body, "for_each"),
                    }),
                    _ => {}
                }
            }
        }
        d
    }

    /// Number each local module call's directory by `index` (the scanned directories of the
    /// component), once: the module tree's walks and evaluation then compare numbers instead of
    /// normalising, hashing and comparing paths.
    pub(crate) fn resolve(&mut self, index: &HashMap<&Path, usize>) {
        for c in &mut self.calls {
            c.target = match &c.source {
                Some((s, _)) if is_local(s) => index.get(normalize(&self.dir.join(s)).as_path()),
                _ => None,
            }
            .copied();
        }
    }

    /// Numbers of the scanned directories of local modules this module calls (after
    /// [`Decls::resolve`]).
    pub(crate) fn local_calls(&self) -> impl Iterator<Item = usize> + '_ {
        self.calls.iter().filter_map(|c| c.target)
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }
}

fn is_local(s: &str) -> bool {
    s.starts_with("./") || s.starts_with("../") || s == "." || s == ".."
}

/// Everything one configuration's evaluation shares.
pub(crate) struct Ctx<'a> {
    pub sources: &'a SourceMap,
    pub budget: Budget,
    pub files: FileAccess,
    /// The component's module directories by number, and the numbers by directory.
    pub decls: &'a [Decls<'a>],
    index: &'a HashMap<&'a Path, usize>,
    pub root_dir: PathBuf,
    /// Remote modules installed by `terraform init`: key path → directory. Read on the first
    /// call of a module that is not local: most configurations call none, and looking for
    /// `.terraform/modules/modules.json` under every root costs a path lookup each.
    installed: std::cell::OnceCell<HashMap<String, PathBuf>>,
    pub emits: RefCell<Vec<Emit>>,
    seen: RefCell<HashSet<(&'static str, Loc)>>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        sources: &'a SourceMap,
        decls: &'a [Decls<'a>],
        index: &'a HashMap<&'a Path, usize>,
        root_dir: PathBuf,
        limits: Limits,
        run: std::sync::Arc<crate::eval::RunBudget>,
        allowed: Vec<PathBuf>,
    ) -> Ctx<'a> {
        Ctx {
            sources,
            budget: Budget::in_run(limits, run),
            files: FileAccess::new(root_dir.clone(), allowed),
            decls,
            index,
            installed: Default::default(),
            root_dir,
            emits: RefCell::new(Vec::new()),
            seen: RefCell::new(HashSet::default()),
        }
    }

    fn emit_once(&self, e: Emit) {
        if let Some(l) = e.loc {
            if !self.seen.borrow_mut().insert((e.rule, l)) {
                return;
            }
        }
        self.emits.borrow_mut().push(e);
    }

    fn limit(&self, what: impl Into<String>, loc: Option<Loc>) {
        self.budget.hit(what, loc);
    }
}

/// `.terraform/modules/modules.json`: module keys (`a`, `a.b`) and their directories.
fn installed_modules(root: &Path) -> HashMap<String, PathBuf> {
    let mut out = HashMap::default();
    let p = root.join(".terraform/modules/modules.json");
    let Ok(text) =
        crate::source::read_regular(&p, 8 << 20).map(|b| String::from_utf8_lossy(&b).into_owned())
    else {
        return out;
    };
    let Ok(j) = serde_json::from_str::<serde_json::Value>(&text) else {
        return out;
    };
    for m in j
        .get("Modules")
        .and_then(|m| m.as_array())
        .into_iter()
        .flatten()
    {
        if let (Some(k), Some(d)) = (
            m.get("Key").and_then(|v| v.as_str()),
            m.get("Dir").and_then(|v| v.as_str()),
        ) {
            if !k.is_empty() {
                out.insert(k.to_string(), normalize(&root.join(d)));
            }
        }
    }
    out
}

enum Slot<T> {
    Busy,
    Done(T),
}

/// Slots by number, none filled at first.
type Slots<T> = RefCell<Vec<Option<Slot<T>>>>;

#[derive(Clone, Debug, PartialEq)]
enum Key {
    /// Not expanded.
    None,
    Int(usize),
    Str(String),
    /// `count`/`for_each` could not be decided: one instance stands for all.
    Unknown(String),
}

impl Key {
    fn suffix(&self) -> String {
        match self {
            Key::None | Key::Unknown(_) => String::new(),
            Key::Int(i) => format!("[{i}]"),
            Key::Str(s) => format!("[{}]", serde_json::to_string(s).unwrap_or_default()),
        }
    }
    fn matches(&self, v: &Value) -> bool {
        match (self, &v.kind) {
            (Key::Int(i), Kind::Number(n)) => *n == *i as f64,
            (Key::Str(s), Kind::String(x)) => s == x,
            (Key::Int(i), Kind::String(x)) => x.parse::<usize>().ok() == Some(*i),
            _ => false,
        }
    }
}

struct Instance {
    key: Key,
    value: Value,
}

struct Child<'a> {
    key: Key,
    inst: Rc<Inst<'a>>,
}

/// Not-analysed module calls give references to their outputs instead of values.
enum Children<'a> {
    Analysed(Vec<Child<'a>>),
    NotAnalysed(String),
}

/// One instance of a module (the root, or a call with its inputs).
pub(crate) struct Inst<'a> {
    ctx: &'a Ctx<'a>,
    decls: &'a Decls<'a>,
    /// `module.a` or `module.a["k"].module.b`; empty for the root. Shared with its blocks.
    path: Arc<str>,
    call_sites: Vec<Loc>,
    /// Numbers of the module directories from the root to this one.
    chain: Vec<usize>,
    vars: HashMap<String, Value>,
    locals: RefCell<HashMap<String, Slot<Value>>>,
    /// By block and by call: indexes into `decls.blocks` and `decls.calls` (a hash of each
    /// number per reference cost more than the slot it found).
    blocks: Slots<Rc<Vec<Instance>>>,
    children: Slots<Rc<Children<'a>>>,
    outputs: RefCell<HashMap<String, Slot<Value>>>,
    /// Each block's address without instance key, built on first use: every reference to a
    /// block and every instance of it needs it.
    bases: Vec<std::cell::OnceCell<String>>,
}

/// The scope of one block instance: the module plus `each` and `count`.
struct BlockScope<'i, 'a> {
    inst: &'i Inst<'a>,
    each: Option<(Value, Value)>,
    count: Option<Value>,
}

impl Scope for BlockScope<'_, '_> {
    fn lookup(
        &self,
        ev: &Evaluator,
        root: &str,
        steps: &[Step],
        loc: Option<Loc>,
    ) -> Option<Result<(Value, usize), EvalError>> {
        match root {
            "each" => Some(match &self.each {
                // `each.key` and `each.value.x…` copy what they read, not the element whole:
                // the same values the traversal takes out of the `each` object below.
                Some((k, _)) if matches!(steps.first(), Some(Step::Attr("key"))) => Ok((
                    Value::object(
                        vec![Entry {
                            key: "key".into(),
                            key_loc: None,
                            value: k.clone(),
                        }],
                        None,
                    ),
                    0,
                )),
                Some((_, v)) if matches!(steps.first(), Some(Step::Attr("value"))) => {
                    let (m, used) = ev.descend(v, &steps[1..]);
                    if used > 0 || m.loc.is_some() {
                        Ok((m.clone(), 1 + used))
                    } else {
                        // Without a location of its own, the element stays without one (the
                        // traversal would give a value it returns the reference's).
                        Ok((
                            Value::object(
                                vec![Entry {
                                    key: "value".into(),
                                    key_loc: None,
                                    value: v.clone(),
                                }],
                                None,
                            ),
                            0,
                        ))
                    }
                }
                Some((k, v)) => Ok((
                    Value::object(
                        vec![
                            Entry {
                                key: "key".into(),
                                key_loc: None,
                                value: k.clone(),
                            },
                            Entry {
                                key: "value".into(),
                                key_loc: None,
                                value: v.clone(),
                            },
                        ],
                        None,
                    ),
                    0,
                )),
                None => err("`each` is only available with `for_each`", loc),
            }),
            "count" => Some(match &self.count {
                Some(i) => Ok((
                    Value::object(
                        vec![Entry {
                            key: "index".into(),
                            key_loc: None,
                            value: i.clone(),
                        }],
                        None,
                    ),
                    0,
                )),
                None => err("`count` is only available with `count`", loc),
            }),
            _ => self.inst.lookup(ev, root, steps, loc),
        }
    }

    fn lookup_splat(
        &self,
        ev: &Evaluator,
        root: &str,
        steps: &[Step],
        attr: &str,
        loc: Option<Loc>,
    ) -> Option<EvalResult> {
        match root {
            "each" | "count" => None,
            _ => self.inst.lookup_splat(ev, root, steps, attr, loc),
        }
    }
}

impl Scope for Inst<'_> {
    fn lookup_splat(
        &self,
        ev: &Evaluator,
        root: &str,
        steps: &[Step],
        attr: &str,
        loc: Option<Loc>,
    ) -> Option<EvalResult> {
        // A resource's or data source's instances (`alicloud_x.y[*].attr`).
        let i = match (root, steps) {
            ("data", [Step::Attr(t), Step::Attr(n)]) => self.find_block(BlockKind::Data, t, n)?,
            (
                "var" | "local" | "path" | "terraform" | "each" | "count" | "module" | "self"
                | "data",
                _,
            ) => return None,
            (t, [Step::Attr(n)]) => self.find_block(BlockKind::Resource, t, n)?,
            _ => return None,
        };
        self.splat_attr(i, attr, ev, loc)
    }

    fn lookup(
        &self,
        ev: &Evaluator,
        root: &str,
        steps: &[Step],
        loc: Option<Loc>,
    ) -> Option<Result<(Value, usize), EvalError>> {
        Some(match root {
            "var" => match steps.first() {
                Some(Step::Attr(n)) => match self.vars.get(*n) {
                    Some(v) if v.is_unknown() => Ok((v.clone().with_loc(loc), 1)),
                    Some(v) => {
                        let (v, used) = ev.descend(v, &steps[1..]);
                        Ok((v.clone(), 1 + used))
                    }
                    None => err(format!("variable `{n}` is not declared"), loc),
                },
                _ => Ok((
                    Value::object(
                        self.vars
                            .iter()
                            .map(|(k, v)| Entry {
                                key: k.clone(),
                                key_loc: None,
                                value: v.clone(),
                            })
                            .collect(),
                        None,
                    ),
                    0,
                )),
            },
            "local" => match steps.first() {
                Some(Step::Attr(n)) => match Self::read_done(&self.locals, n, ev, &steps[1..]) {
                    Some(r) => Ok((r.0, 1 + r.1)),
                    None => self.local(n, loc).map(|v| (v, 1)),
                },
                _ => err("`local` needs a name", loc),
            },
            "path" => Ok((
                obj(&[
                    ("module", relative(&self.ctx.root_dir, &self.decls.dir)),
                    ("root", ".".into()),
                    ("cwd", ".".into()),
                ]),
                0,
            )),
            "terraform" => Ok((obj(&[("workspace", "default".into())]), 0)),
            "each" | "count" => err(format!("`{root}` is not available here"), loc),
            "module" => self.module_ref(ev, steps, loc),
            "data" => match (steps.first(), steps.get(1)) {
                (Some(Step::Attr(t)), Some(Step::Attr(n))) => {
                    match self.find_block(BlockKind::Data, t, n) {
                        Some(i) => self.block_ref(i, &steps[2..], 2, loc),
                        None => err(format!("`data.{t}.{n}` is not declared"), loc),
                    }
                }
                _ => err("`data` needs a type and a name", loc),
            },
            "self" => Ok((Value::unknown("`self` is only known after apply", loc), 0)),
            t => match steps.first() {
                Some(Step::Attr(n)) => match self.find_block(BlockKind::Resource, t, n) {
                    Some(i) => self.block_ref(i, &steps[1..], 1, loc),
                    None => {
                        if t.contains('_') {
                            err(format!("resource `{t}.{n}` is not declared"), loc)
                        } else {
                            return None;
                        }
                    }
                },
                _ => return None,
            },
        })
    }
}

impl Inst<'_> {
    /// Each instance's `attr` of block `i` with `count`, as the splat over the list of
    /// [`instance_object`]s gives it ([`Evaluator`]'s `take_attr` on each), copying that member
    /// alone; `None` when the instances are not a known list of objects.
    fn splat_attr(
        &self,
        i: usize,
        a: &str,
        ev: &Evaluator,
        loc: Option<Loc>,
    ) -> Option<EvalResult> {
        let d = &self.decls.blocks[i];
        d.count?;
        let insts = self.instances(i);
        if insts
            .iter()
            .any(|x| matches!(x.key, Key::Unknown(_)) || x.value.as_object().is_none())
        {
            return None;
        }
        let base = self.base_address(i);
        let mut out = Vec::with_capacity(insts.len());
        for x in insts.iter() {
            let addr = format!("{base}{}", x.key.suffix());
            let v = match x.value.get(a) {
                Some(m) => m.clone().with_origin(format!("{addr}.{a}")),
                None => {
                    // The `id` an instance object is given when it has none.
                    let id = (a == "id" && d.kind == BlockKind::Resource)
                        .then(|| super::links::plan_id(&d.written, &x.value))
                        .flatten();
                    match id {
                        Some(id) => id.present().with_origin(format!("{addr}.{a}")),
                        None => {
                            let none = Value::object(Vec::new(), None).with_origin(addr);
                            match ev.get_attr(&none, a, loc) {
                                Ok(v) => v,
                                Err(e) => return Some(Err(e)),
                            }
                        }
                    }
                }
            };
            out.push(v);
        }
        Some(Ok(Value::list(out, None)))
    }
}

fn obj(pairs: &[(&str, String)]) -> Value {
    Value::object(
        pairs
            .iter()
            .map(|(k, v)| Entry {
                key: k.to_string(),
                key_loc: None,
                value: Value::string(v.clone(), None),
            })
            .collect(),
        None,
    )
}

impl<'a> Inst<'a> {
    pub(crate) fn new(
        ctx: &'a Ctx<'a>,
        decls: &'a Decls<'a>,
        path: String,
        call_sites: Vec<Loc>,
        chain: Vec<usize>,
        vars: HashMap<String, Value>,
    ) -> Inst<'a> {
        Inst {
            ctx,
            decls,
            path: path.into(),
            call_sites,
            chain,
            vars,
            locals: RefCell::new(HashMap::default()),
            blocks: RefCell::new((0..decls.blocks.len()).map(|_| None).collect()),
            children: RefCell::new((0..decls.calls.len()).map(|_| None).collect()),
            outputs: RefCell::new(HashMap::default()),
            bases: (0..decls.blocks.len())
                .map(|_| Default::default())
                .collect(),
        }
    }

    fn evaluator<'s>(&'s self, at: At, scope: &'s dyn Scope) -> Evaluator<'s> {
        Evaluator::new(
            Some(at.file),
            &self.ctx.sources.get(at.file).text,
            scope,
            &self.ctx.budget,
            Some(self.ctx.sources),
            &self.ctx.files,
        )
        .shifted(at.shift)
    }

    fn prefix(&self) -> String {
        if self.path.is_empty() {
            String::new()
        } else {
            format!("{}.", self.path)
        }
    }

    /// The member that `steps` read in a local or output evaluated before, copied alone (see
    /// [`Evaluator::descend`]), and how many steps it took; `None` when the value is not
    /// evaluated yet or the steps go no further than the value itself.
    fn read_done(
        cache: &RefCell<HashMap<String, Slot<Value>>>,
        name: &str,
        ev: &Evaluator,
        steps: &[Step],
    ) -> Option<(Value, usize)> {
        if steps.is_empty() {
            return None;
        }
        match cache.borrow().get(name) {
            Some(Slot::Done(v)) => match ev.descend(v, steps) {
                (_, 0) => None,
                (m, used) => Some((m.clone(), used)),
            },
            _ => None,
        }
    }

    fn local(&self, name: &str, loc: Option<Loc>) -> Result<Value, EvalError> {
        match self.locals.borrow().get(name) {
            Some(Slot::Done(v)) => return Ok(v.clone()),
            Some(Slot::Busy) => {
                let why = tr!("local `{name}` depends on itself", name = name);
                self.ctx.limit(why.clone(), loc);
                return Ok(Value::unknown(why, loc));
            }
            None => {}
        }
        let Some((at, expr)) = self.decls.locals.get(name) else {
            return err(format!("local `{name}` is not declared"), loc);
        };
        self.locals
            .borrow_mut()
            .insert(name.to_string(), Slot::Busy);
        let v = self.evaluator(*at, self).value(expr);
        self.locals
            .borrow_mut()
            .insert(name.to_string(), Slot::Done(v.clone()));
        Ok(v)
    }

    fn find_block(&self, kind: BlockKind, t: &str, n: &str) -> Option<usize> {
        self.decls
            .blocks
            .iter()
            .position(|b| b.kind == kind && *b.written == *t && *b.name == *n)
    }

    /// The address of block `i` without instance key (`module.a.alicloud_x.y`).
    fn base_address(&self, i: usize) -> &str {
        self.bases[i].get_or_init(|| {
            // Pieces pushed into a string sized once: `format!` grew it piece by piece.
            let d = &self.decls.blocks[i];
            let (kind, first, second) = match d.kind {
                BlockKind::Resource => ("", &*d.written, Some(&*d.name)),
                BlockKind::Data => ("data.", &*d.written, Some(&*d.name)),
                BlockKind::Provider => ("provider.", &*d.written, None),
                BlockKind::Output => ("output.", &*d.name, None),
            };
            let p = &self.path;
            let mut s = String::with_capacity(
                p.len() + 1 + kind.len() + first.len() + 1 + second.map_or(0, str::len),
            );
            if !p.is_empty() {
                s.push_str(p);
                s.push('.');
            }
            s.push_str(kind);
            s.push_str(first);
            if let Some(n) = second {
                s.push('.');
                s.push_str(n);
            }
            s
        })
    }

    /// A reference to a resource or data source: its known attributes, or a symbolic reference.
    fn block_ref(
        &self,
        i: usize,
        rest: &[Step],
        used: usize,
        loc: Option<Loc>,
    ) -> Result<(Value, usize), EvalError> {
        let d = &self.decls.blocks[i];
        let insts = self.instances(i);
        let base = self.base_address(i);
        let expanded = d.count.is_some() || d.for_each.is_some();
        let (inst, rest, used, addr) = if expanded {
            match rest.first() {
                Some(Step::Index(k)) => match insts.iter().find(|x| x.key.matches(k)) {
                    Some(x) => (
                        x,
                        &rest[1..],
                        used + 1,
                        std::borrow::Cow::Owned(format!("{base}{}", x.key.suffix())),
                    ),
                    None => match insts.first() {
                        Some(x) if matches!(x.key, Key::Unknown(_)) => {
                            let addr = format!("{base}[{}]", k);
                            // Terraform rejects an index to an instance that does not exist,
                            // so the instance read here exists.
                            let mut v = reference(&addr, rest.get(1), loc);
                            if let Some(Step::Attr(a)) = rest.get(1) {
                                if self.always_set(d, a) {
                                    v = v.present();
                                }
                            }
                            return Ok((v, used + 1 + usize::from(rest.len() > 1)));
                        }
                        _ => return err(format!("`{base}` has no instance {k}"), loc),
                    },
                },
                _ => {
                    // The whole collection: a list for count, a map for for_each.
                    if insts.iter().any(|x| matches!(x.key, Key::Unknown(_))) {
                        return Ok((
                            Value::reference(
                                base,
                                format!("the instances of `{base}` are not known"),
                                loc,
                            ),
                            used,
                        ));
                    }
                    let one =
                        |x: &Instance| instance_object(d, x, &format!("{base}{}", x.key.suffix()));
                    let v = if d.count.is_some() {
                        Value::list(insts.iter().map(one).collect(), None)
                    } else {
                        Value::object(
                            insts
                                .iter()
                                .map(|x| Entry {
                                    key: match &x.key {
                                        Key::Str(s) => s.clone(),
                                        other => other.suffix(),
                                    },
                                    key_loc: None,
                                    value: one(x),
                                })
                                .collect(),
                            None,
                        )
                    };
                    return Ok((v, used));
                }
            }
        } else {
            match insts.first() {
                Some(x) => (x, rest, used, std::borrow::Cow::Borrowed(base)),
                None => return err(format!("`{base}` has no instance"), loc),
            }
        };
        match rest.first() {
            Some(Step::Attr(a)) => {
                let v = match inst.value.get(a) {
                    Some(v) if !v.is_null() => v.clone(),
                    // Not set in the configuration: computed by the provider, and set when
                    // the table says it always is.
                    _ => {
                        let v = match (*a, d.kind) {
                            ("id", BlockKind::Resource) => {
                                super::links::plan_id(&d.written, &inst.value)
                                    .unwrap_or_else(|| reference(&addr, rest.first(), loc))
                            }
                            _ => reference(&addr, rest.first(), loc),
                        };
                        if !self.always_set(d, a) {
                            v
                        } else if let (Some(Step::Index(k)), true) = (
                            rest.get(1),
                            crate::eval::computed::elements_set(
                                d.kind == BlockKind::Data,
                                successor(&d.written),
                                a,
                            ),
                        ) {
                            // An element of a list of IDs (`data.x.y.ids[0]`): it exists
                            // (Terraform rejects an index out of range), so it is set.
                            let key = match &k.kind {
                                Kind::String(s) => serde_json::to_string(s).unwrap_or_default(),
                                _ => k.to_string(),
                            };
                            let at = format!("{addr}.{a}[{key}]");
                            let v = Value::reference(
                                at.clone(),
                                format!("`{at}` is known only after apply"),
                                loc,
                            );
                            return Ok((v.present().with_origin(format!("{addr}.{a}")), used + 2));
                        } else {
                            v.present()
                        }
                    }
                };
                // A reference made above is to the same address: its name is the origin.
                let origin = match v.as_unknown().and_then(|u| u.reference.as_ref()) {
                    Some(r)
                        if r.strip_prefix(&*addr).and_then(|r| r.strip_prefix('.')) == Some(a) =>
                    {
                        r.clone()
                    }
                    _ => format!("{addr}.{a}").into(),
                };
                Ok((v.with_origin(origin), used + 1))
            }
            _ => Ok((instance_object(d, inst, &addr), used)),
        }
    }

    /// Is `attr` of an instance of `d` always set by the provider (`id`, a key's `arn`…)?
    fn always_set(&self, d: &BlockDecl, attr: &str) -> bool {
        crate::eval::computed::always_set(d.kind == BlockKind::Data, successor(&d.written), attr)
    }

    /// Instances of a block, evaluated once.
    fn instances(&self, i: usize) -> Rc<Vec<Instance>> {
        match &self.blocks.borrow()[i] {
            Some(Slot::Done(v)) => return v.clone(),
            Some(Slot::Busy) => {
                let d = &self.decls.blocks[i];
                let why = tr!(
                    "`{address}` refers to itself",
                    address = self.base_address(i)
                );
                self.ctx.limit(why.clone(), Some(d.header));
                return Rc::new(vec![Instance {
                    key: Key::None,
                    value: Value::unknown(why, Some(d.header)),
                }]);
            }
            None => {}
        }
        self.blocks.borrow_mut()[i] = Some(Slot::Busy);
        let d = &self.decls.blocks[i];
        let keys = self.expand(d.at, d.count, d.for_each, self.base_address(i));
        let mut out = Vec::with_capacity(keys.len());
        for (key, each, count) in keys {
            let scope = BlockScope {
                inst: self,
                each,
                count,
            };
            let ev = self.evaluator(d.at, &scope);
            let mut value = body_value(&ev, d.body, true);
            if d.kind == BlockKind::Data && &*d.written == "alicloud_ram_policy_document" {
                super::policydoc::add_document(&mut value, Some(d.header));
            }
            out.push(Instance { key, value });
        }
        let rc = Rc::new(out);
        self.blocks.borrow_mut()[i] = Some(Slot::Done(rc.clone()));
        rc
    }

    /// Instance keys of a block or call with `each`/`count` bindings.
    #[allow(clippy::type_complexity)]
    fn expand(
        &self,
        at: At,
        count: Option<&Expression>,
        for_each: Option<&Expression>,
        what: &str,
    ) -> Vec<(Key, Option<(Value, Value)>, Option<Value>)> {
        let max = self.ctx.budget.limits.max_instances;
        let unknown_one = |why: String| {
            vec![(
                Key::Unknown(why.clone()),
                Some((
                    Value::unknown(why.clone(), None),
                    Value::unknown(why.clone(), None),
                )),
                Some(Value::unknown(why, None)),
            )]
        };
        if let Some(c) = count {
            let ev = self.evaluator(at, self);
            let mut v = ev.value(c);
            // `count = "2"`: Terraform converts a numeric string.
            if let Kind::String(s) = &v.kind {
                if let Ok(n) = s.trim().parse::<f64>() {
                    v = Value::number(n, v.loc);
                }
            }
            return match &v.kind {
                Kind::Number(n) if *n >= 0.0 && n.fract() == 0.0 => {
                    if *n as usize > max {
                        let why = tr!(
                            "`count` of `{what}` is {n}, over the {max}-instance limit",
                            what = what,
                            n = n,
                            max = max
                        );
                        self.ctx.limit(why.clone(), ev.loc(c));
                        return unknown_one(why);
                    }
                    (0..*n as usize)
                        .map(|i| (Key::Int(i), None, Some(Value::number(i as f64, None))))
                        .collect()
                }
                Kind::Unknown(u) => {
                    unknown_one(format!("`count` of `{what}` is not known: {}", u.reason))
                }
                _ => unknown_one(format!("`count` of `{what}` is not a whole number")),
            };
        }
        if let Some(fe) = for_each {
            let ev = self.evaluator(at, self);
            let v = ev.value(fe);
            let pairs: Vec<(String, Value)> = match &v.kind {
                Kind::Object(es) => es
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect(),
                Kind::List(items) => {
                    let mut out = Vec::new();
                    for it in items {
                        match it.as_str() {
                            Some(s) => out.push((s.to_string(), it.clone())),
                            None => {
                                return unknown_one(format!(
                                    "`for_each` of `{what}` needs a map or a set of strings"
                                ))
                            }
                        }
                    }
                    out
                }
                Kind::Null => Vec::new(),
                Kind::Unknown(u) => {
                    return unknown_one(format!(
                        "`for_each` of `{what}` is not known: {}",
                        u.reason
                    ))
                }
                _ => {
                    return unknown_one(format!(
                        "`for_each` of `{what}` needs a map or a set of strings"
                    ))
                }
            };
            if pairs.len() > max {
                let why = tr!(
                    "`for_each` of `{what}` has {n} elements, over the {max}-instance limit",
                    what = what,
                    n = pairs.len(),
                    max = max
                );
                self.ctx.limit(why.clone(), ev.loc(fe));
                return unknown_one(why);
            }
            return pairs
                .into_iter()
                .map(|(k, v)| (Key::Str(k.clone()), Some((Value::string(k, None), v)), None))
                .collect();
        }
        vec![(Key::None, None, None)]
    }

    fn module_ref(
        &self,
        ev: &Evaluator,
        steps: &[Step],
        loc: Option<Loc>,
    ) -> Result<(Value, usize), EvalError> {
        let Some(Step::Attr(name)) = steps.first() else {
            return err("`module` needs a name", loc);
        };
        let Some(i) = self.decls.calls.iter().position(|c| &c.name == name) else {
            return err(format!("module `{name}` is not declared"), loc);
        };
        let call = &self.decls.calls[i];
        let children = self.children(i);
        let base = || format!("{}module.{name}", self.prefix());
        let expanded = call.count.is_some() || call.for_each.is_some();
        let (child, rest, used) = match &*children {
            Children::NotAnalysed(why) => {
                let mut addr = base();
                let mut used = 1;
                for s in steps[1..].iter().take(if expanded { 2 } else { 1 }) {
                    match s {
                        Step::Attr(a) => addr.push_str(&format!(".{a}")),
                        Step::Index(k) => addr.push_str(&format!("[{k}]")),
                    }
                    used += 1;
                }
                return Ok((Value::reference(addr, why.clone(), loc), used));
            }
            Children::Analysed(list) => {
                if expanded {
                    match steps.get(1) {
                        Some(Step::Index(k)) => match list.iter().find(|c| c.key.matches(k)) {
                            Some(c) => (c, &steps[2..], 2),
                            None => match list.first() {
                                Some(c) if matches!(c.key, Key::Unknown(_)) => (c, &steps[2..], 2),
                                _ => return err(format!("`{}` has no instance {k}", base()), loc),
                            },
                        },
                        _ => {
                            return Ok((
                                Value::unknown(
                                    format!("`{}` as a whole is not evaluated", base()),
                                    loc,
                                ),
                                1,
                            ))
                        }
                    }
                } else {
                    match list.first() {
                        Some(c) => (c, &steps[1..], 1),
                        None => return err(format!("`{}` has no instance", base()), loc),
                    }
                }
            }
        };
        match rest.first() {
            Some(Step::Attr(out)) => {
                match Self::read_done(&child.inst.outputs, out, ev, &rest[1..]) {
                    Some((v, more)) => Ok((v, used + 1 + more)),
                    None => child.inst.output(out, loc).map(|v| (v, used + 1)),
                }
            }
            _ => Ok((
                Value::unknown(format!("`{}` as a whole is not evaluated", base()), loc),
                used,
            )),
        }
    }

    fn output(&self, name: &str, loc: Option<Loc>) -> Result<Value, EvalError> {
        match self.outputs.borrow().get(name) {
            Some(Slot::Done(v)) => return Ok(v.clone()),
            Some(Slot::Busy) => {
                let why = tr!(
                    "output `{name}` of `{module}` depends on itself",
                    name = name,
                    module = self.path
                );
                self.ctx.limit(why.clone(), loc);
                return Ok(Value::unknown(why, loc));
            }
            None => {}
        }
        let Some((at, expr)) = self.decls.outputs.get(name) else {
            return err(format!("`{}` has no output `{name}`", self.path), loc);
        };
        self.outputs
            .borrow_mut()
            .insert(name.to_string(), Slot::Busy);
        let v = match expr {
            Some(e) => self.evaluator(*at, self).value(e),
            None => Value::new(Kind::Null, loc),
        };
        self.outputs
            .borrow_mut()
            .insert(name.to_string(), Slot::Done(v.clone()));
        Ok(v)
    }

    /// The instances of a module call, evaluated once with their inputs.
    fn children(&self, i: usize) -> Rc<Children<'a>> {
        match &self.children.borrow()[i] {
            Some(Slot::Done(v)) => return v.clone(),
            Some(Slot::Busy) => {
                let why = tr!(
                    "module `{name}` depends on itself",
                    name = self.decls.calls[i].name
                );
                self.ctx
                    .limit(why.clone(), Some(self.decls.calls[i].header));
                return Rc::new(Children::NotAnalysed(why));
            }
            None => {}
        }
        self.children.borrow_mut()[i] = Some(Slot::Busy);
        let r = Rc::new(self.make_children(i));
        self.children.borrow_mut()[i] = Some(Slot::Done(r.clone()));
        r
    }

    fn make_children(&self, i: usize) -> Children<'a> {
        let call = &self.decls.calls[i];
        let Some((src, src_loc)) = &call.source else {
            return Children::NotAnalysed(tr!(
                "module `{name}` has no literal `source`",
                name = call.name
            ));
        };
        let not_analysed = |reason: String| {
            self.ctx.emit_once(
                Emit::new("TF004", src_loc.file, Some(*src_loc))
                    .field("module", call.name.clone())
                    .field("source", src.clone())
                    .field("reason", reason.clone())
                    .resource(Some(format!("{}module.{}", self.prefix(), call.name))),
            );
            Children::NotAnalysed(tr!(
                "module `{name}` (`{src}`) is not analysed: {reason}",
                name = call.name,
                src = src,
                reason = reason
            ))
        };
        let dir = if is_local(src) {
            match call.target {
                Some(dir) => dir,
                None => {
                    return not_analysed(
                        tr!("its directory has no Terraform file among the scanned files").into(),
                    )
                }
            }
        } else {
            // `terraform init` records installed modules by their call path (`a.b`).
            let key = self
                .path
                .split('.')
                .filter(|p| !p.is_empty() && *p != "module")
                .map(|p| p.split('[').next().unwrap_or(p))
                .chain([call.name.as_str()])
                .collect::<Vec<_>>()
                .join(".");
            let installed = self
                .ctx
                .installed
                .get_or_init(|| installed_modules(&self.ctx.root_dir));
            match installed.get(&key).map(|d| self.ctx.index.get(d.as_path())) {
                Some(Some(&d)) => d,
                Some(None) => {
                    return not_analysed(
                        tr!("it is installed under .terraform/modules but its files were not scanned")
                            .into(),
                    )
                }
                None => {
                    return not_analysed(
                        tr!("remote modules are not downloaded; run `terraform init` to analyse it from .terraform/modules")
                            .into(),
                    )
                }
            }
        };
        if self.chain.contains(&dir) {
            let why = tr!("module `{name}` calls itself recursively", name = call.name);
            self.ctx.limit(why.clone(), Some(*src_loc));
            return Children::NotAnalysed(why);
        }
        if self.chain.len() >= self.ctx.budget.limits.max_module_depth {
            let why = tr!(
                "module calls nest deeper than {n} levels",
                n = self.ctx.budget.limits.max_module_depth
            );
            self.ctx.limit(why.clone(), Some(*src_loc));
            return Children::NotAnalysed(why);
        }
        let child_decls = &self.ctx.decls[dir];
        let base = format!("{}module.{}", self.prefix(), call.name);
        let keys = self.expand(call.at, call.count, call.for_each, &base);
        let mut out = Vec::new();
        for (key, each, count) in keys {
            let scope = BlockScope {
                inst: self,
                each,
                count,
            };
            let ev = self.evaluator(call.at, &scope);
            let mut inputs: HashMap<String, Value> = HashMap::default();
            for s in call.body.iter() {
                if let Structure::Attribute(a) = s {
                    if !CALL_META.contains(&a.key.as_str()) {
                        inputs.insert(a.key.as_str().to_string(), ev.value(&a.value));
                    }
                }
            }
            let child_path = format!("{base}{}", key.suffix());
            let vars = module_vars(
                self.ctx,
                child_decls,
                inputs,
                Some(call.header),
                &child_path,
            );
            let mut chain = self.chain.clone();
            chain.push(dir);
            let mut sites = self.call_sites.clone();
            sites.push(call.header);
            out.push(Child {
                key: key.clone(),
                inst: Rc::new(Inst::new(
                    self.ctx,
                    child_decls,
                    format!("{base}{}", key.suffix()),
                    sites,
                    chain,
                    vars,
                )),
            });
        }
        Children::Analysed(out)
    }

    /// Every block of this instance and the modules it calls, in order. Their values are moved
    /// out of the instance caches once the whole tree is evaluated (a block read by a later one
    /// is still needed until then), instead of copied: the caches die with the tree.
    pub(crate) fn into_blocks(self, out: &mut Vec<Block>) {
        let mut pending = Vec::new();
        self.collect(out, &mut pending);
        drop(self);
        for (start, insts) in pending {
            let insts = Rc::try_unwrap(insts).unwrap_or_else(|rc| {
                rc.iter()
                    .map(|x| Instance {
                        key: x.key.clone(),
                        value: x.value.clone(),
                    })
                    .collect()
            });
            for (b, x) in out[start..].iter_mut().zip(insts) {
                b.value = x.value;
            }
        }
    }

    /// The blocks of [`Inst::into_blocks`], values left null; `pending` gets, per block
    /// declaration, where its instances start in `out` and the instances whose values go there.
    fn collect(&self, out: &mut Vec<Block>, pending: &mut Vec<(usize, Rc<Vec<Instance>>)>) {
        // Every local is evaluated, used or not, so a cycle among them is always reported.
        let mut names: Vec<&String> = self.decls.locals.keys().collect();
        names.sort();
        for n in names {
            let _ = self.local(n, None);
        }
        for (i, d) in self.decls.blocks.iter().enumerate() {
            if self.ctx.budget.exhausted() && out.len() > 100_000 {
                return;
            }
            let base = self.base_address(i);
            // Only a provider has an alias: other bodies are not searched for one.
            let written_alias = match d.kind {
                BlockKind::Provider => attr(d.body, "alias"),
                _ => None,
            };
            let alias;
            let base = match written_alias {
                Some(Expression::String(s)) => {
                    alias = format!("{base}.{}", s.value());
                    &alias
                }
                _ => base,
            };
            let insts = self.instances(i);
            pending.push((out.len(), insts.clone()));
            for x in insts.iter() {
                out.push(Block {
                    kind: d.kind,
                    written_type: d.written.clone(),
                    rtype: d.rtype.clone(),
                    name: d.name.clone(),
                    address: match x.key {
                        Key::None | Key::Unknown(_) => base.to_string(),
                        _ => format!("{base}{}", x.key.suffix()),
                    },
                    module: self.path.clone(),
                    file: d.at.file,
                    header: d.header,
                    loc: d.loc,
                    value: Value::null(),
                    call_sites: self.call_sites.clone(),
                });
            }
        }
        for i in 0..self.decls.calls.len() {
            if let Children::Analysed(list) = &*self.children(i) {
                for c in list {
                    c.inst.collect(out, pending);
                }
            }
        }
    }
}

/// A resource instance as an object read whole (`alicloud_x.y`, `alicloud_x.y[*]`): its
/// attributes, its plan-time `id`, and its address as origin, so attributes read from it later
/// (through module outputs, splats and indexes) keep their link and unset ones are computed.
fn instance_object(d: &BlockDecl, x: &Instance, addr: &str) -> Value {
    let mut v = x.value.clone();
    if d.kind == BlockKind::Resource && v.get("id").is_none() {
        if let (Some(id), Kind::Object(es)) =
            (super::links::plan_id(&d.written, &x.value), &mut v.kind)
        {
            es.push(Entry {
                key: "id".into(),
                key_loc: None,
                // The ID of an instance is always set, even when it is built from unknowns.
                value: id.present(),
            });
        }
    }
    v.with_origin(addr.to_string())
}

fn reference(addr: &str, attr: Option<&Step>, loc: Option<Loc>) -> Value {
    match attr {
        Some(Step::Attr(a)) => Value::reference(
            joined(&[addr, ".", a]),
            joined(&["`", addr, ".", a, "` is known only after apply"]),
            loc,
        ),
        _ => Value::reference(
            addr,
            joined(&["`", addr, "` is known only after apply"]),
            loc,
        ),
    }
}

/// The object value of a block body: attributes by name, nested blocks as lists of objects
/// (`dynamic` blocks expanded). Meta-arguments are left out at the top level.
pub fn body_value(ev: &Evaluator, body: &Body, top: bool) -> Value {
    let mut entries: Vec<Entry> = Vec::with_capacity(body.len());
    let push_block =
        |entries: &mut Vec<Entry>, name: &str, key_loc: Option<Loc>, v: Value| match entries
            .iter_mut()
            .find(|e| e.key == name)
        {
            Some(Entry {
                value:
                    Value {
                        kind: Kind::List(l),
                        ..
                    },
                ..
            }) => l.push(v),
            _ => entries.push(Entry {
                key: name.to_string(),
                key_loc,
                value: Value::list(vec![v], key_loc),
            }),
        };
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => {
                if top && META.contains(&a.key.as_str()) {
                    continue;
                }
                let key = a.key.as_str().to_string();
                entries.retain(|e| e.key != key);
                entries.push(Entry {
                    key,
                    key_loc: ev.loc(&a.key),
                    value: ev.value(&a.value),
                });
            }
            Structure::Block(b) if b.ident.as_str() == "dynamic" => {
                let Some(label) = b.labels.first().map(|l| l.as_str().to_string()) else {
                    continue;
                };
                let iter = match attr(&b.body, "iterator") {
                    Some(Expression::Variable(v)) => v.as_str().to_string(),
                    _ => label.clone(),
                };
                let content = b.body.iter().find_map(|s| match s {
                    Structure::Block(c) if c.ident.as_str() == "content" => Some(c),
                    _ => None,
                });
                let (Some(fe), Some(content)) = (attr(&b.body, "for_each"), content) else {
                    continue;
                };
                let coll = ev.value(fe);
                let key_loc = ev.loc(b);
                match ev.iterate(&coll, key_loc) {
                    Ok(Some(pairs)) => {
                        if pairs.is_empty() && !entries.iter().any(|e| e.key == label) {
                            entries.push(Entry {
                                key: label.clone(),
                                key_loc,
                                value: Value::list(Vec::new(), key_loc),
                            });
                        }
                        for (k, v) in pairs.into_iter().take(ev.budget.limits.max_instances) {
                            let it = Value::object(
                                vec![
                                    Entry {
                                        key: "key".into(),
                                        key_loc: None,
                                        value: k,
                                    },
                                    Entry {
                                        key: "value".into(),
                                        key_loc: None,
                                        value: v,
                                    },
                                ],
                                None,
                            );
                            let nested =
                                ev.with_var(&iter, it, || body_value(ev, &content.body, false));
                            push_block(
                                &mut entries,
                                &label,
                                key_loc,
                                nested.with_loc(ev.loc(content)),
                            );
                        }
                    }
                    Ok(None) => push_block(
                        &mut entries,
                        &label,
                        key_loc,
                        Value::unknown(
                            format!("the `for_each` of dynamic block `{label}` is not known"),
                            key_loc,
                        ),
                    ),
                    Err(e) => push_block(
                        &mut entries,
                        &label,
                        key_loc,
                        Value::unknown(e.message, key_loc),
                    ),
                }
            }
            Structure::Block(b) => {
                let v = body_value(ev, &b.body, false).with_loc(ev.loc(b));
                push_block(&mut entries, b.ident.as_str(), ev.loc(&b.ident), v);
            }
        }
    }
    Value::object(entries, None)
}

/// A variable value given as text (`--var`, `TF_VAR_*`): complex types are HCL expressions,
/// anything else is the string itself.
fn text_value(ty: &str, text: &str) -> Value {
    let complex = ["list", "map", "object", "set", "tuple", "any"]
        .iter()
        .any(|p| ty.trim_start().starts_with(p));
    if complex || (ty.is_empty() && matches!(text.trim_start().chars().next(), Some('[' | '{'))) {
        if let Ok(e) = hcl_edit::parser::parse_expr(text) {
            let budget = Budget::new(Limits::default());
            let files = FileAccess::default();
            let ev = Evaluator::new(None, text, &EmptyScope, &budget, None, &files);
            return ev.value(&e);
        }
    }
    if ty.trim() == "number" {
        if let Ok(n) = text.trim().parse::<f64>() {
            return Value::number(n, None);
        }
    }
    if ty.trim() == "bool" && (text == "true" || text == "false") {
        return Value::bool(text == "true", None);
    }
    Value::string(text, None)
}

/// Values of a module's variables: call inputs (or root sources), then defaults, else unknown.
fn module_vars(
    ctx: &Ctx,
    decls: &Decls,
    mut given: HashMap<String, Value>,
    site: Option<Loc>,
    path: &str,
) -> HashMap<String, Value> {
    let mut out = HashMap::default();
    for v in &decls.vars {
        let value = match given.remove(&v.name) {
            Some(x) if !x.is_null() => x,
            other => match v.default {
                Some(d) => {
                    let text = &ctx.sources.get(v.at.file).text;
                    let ev = Evaluator::new(
                        Some(v.at.file),
                        text,
                        &EmptyScope,
                        &ctx.budget,
                        Some(ctx.sources),
                        &ctx.files,
                    )
                    .shifted(v.at.shift);
                    ev.value(d)
                }
                None => match other {
                    Some(null) => null,
                    None => {
                        let mut x = Value::reference(
                            format!("var.{}", v.name),
                            format!("variable `{}` has no value", v.name),
                            site,
                        );
                        // One value per module instance: `var.x` of two calls may differ.
                        if let Kind::Unknown(u) = &mut x.kind {
                            u.id = Some(crate::value::Unknown::name_id(&format!(
                                "{path}.var.{}",
                                v.name
                            )));
                        }
                        x
                    }
                },
            },
        };
        out.insert(v.name.clone(), value);
    }
    out
}

/// Root-module variable values in Terraform's precedence: defaults < `TF_VAR_*` <
/// terraform.tfvars < terraform.tfvars.json < *.auto.tfvars(.json) < --var-file / --var.
pub(crate) fn root_vars(
    ctx: &Ctx,
    decls: &Decls,
    opts: &EvalOptions,
    tfvars: &[FileId],
    ws_emits: &mut Vec<Emit>,
) -> HashMap<String, Value> {
    let mut given: HashMap<String, Value> = HashMap::default();
    let ty = |n: &str| {
        decls
            .vars
            .iter()
            .find(|v| v.name == n)
            .map(|v| v.ty.as_str())
    };
    for (k, v) in &opts.env {
        if let Some(n) = k.strip_prefix("TF_VAR_") {
            if let Some(t) = ty(n) {
                given.insert(n.to_string(), text_value(t, v));
            }
        }
    }
    // Files in the root directory, in Terraform's order.
    let mut files: Vec<(u8, String, FileId)> = Vec::new();
    for &id in tfvars {
        let f = ctx.sources.get(id);
        let name = f
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let rank = match name.as_str() {
            "terraform.tfvars" => 0,
            "terraform.tfvars.json" => 1,
            n if n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json") => 2,
            _ => continue,
        };
        files.push((rank, name, id));
    }
    files.sort();
    for (_, _, id) in files {
        for (k, v) in tfvars_values(
            ctx,
            Some(id),
            &ctx.sources.get(id).text,
            ctx.sources.get(id).kind == FileKind::TfvarsJson,
        ) {
            if ty(&k).is_some() {
                given.insert(k, v);
            }
        }
    }
    for p in &opts.var_files {
        let canon = std::fs::canonicalize(p).ok();
        let known = ctx
            .sources
            .files()
            .iter()
            .find(|f| canon.is_some() && std::fs::canonicalize(&f.path).ok() == canon);
        let json = p.to_string_lossy().ends_with(".json");
        let vals = match known {
            Some(f) => tfvars_values(ctx, Some(f.id), &f.text, json),
            None => match std::fs::read_to_string(p) {
                Ok(t) => tfvars_values(ctx, None, &t, json),
                Err(e) => {
                    let _ = e;
                    Vec::new()
                }
            },
        };
        for (k, v) in vals {
            if ty(&k).is_some() {
                given.insert(k, v);
            }
        }
    }
    for (k, v) in &opts.vars {
        if let Some(t) = ty(k) {
            given.insert(k.clone(), text_value(t, v));
        }
    }
    let _ = ws_emits;
    module_vars(ctx, decls, given, None, "")
}

fn tfvars_values(
    ctx: &Ctx,
    file: Option<FileId>,
    text: &str,
    json_file: bool,
) -> Vec<(String, Value)> {
    if json_file {
        let map = match file {
            Some(f) => SpanMap::Exact { file: f, offset: 0 },
            None => SpanMap::None,
        };
        return match json::parse(text, map) {
            Ok(v) => v
                .as_object()
                .map(|es| {
                    es.iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        };
    }
    let Ok(body) = hcl_edit::parser::parse_body(text) else {
        return Vec::new();
    };
    let ev = Evaluator::new(
        file,
        text,
        &EmptyScope,
        &ctx.budget,
        Some(ctx.sources),
        &ctx.files,
    );
    body.iter()
        .filter_map(|s| match s {
            Structure::Attribute(a) => Some((a.key.as_str().to_string(), ev.value(&a.value))),
            _ => None,
        })
        .collect()
}
