//! The rule engine: offers each target (file, document, block, configuration) to the rules that
//! apply to it, runs built-in checks once per target, evaluates expression rules, and turns
//! emits into findings with their rule's metadata. It knows nothing about output formats.

use crate::checks::{self, Builtin};
use crate::finding::{
    render_template, render_template_into, Emit, Finding, Severity, Sink, UnknownNote,
};
pub use crate::rules::Selection;
use crate::rules::{Registry, Rule, RuleRef, Scope};
use crate::source::{FileId, Loc, SourceFile, SourceMap};
use crate::tf::{Block, Configuration, Workspace};
use crate::util::{HashMap, HashSet};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the engine returns.
#[derive(Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub unknowns: Vec<UnknownNote>,
    /// Checks that panicked (each reported as `TF006` when selected; the run continued).
    pub internal_errors: usize,
}

/// The verdicts of expression rules on blocks, kept from one run to the next over the same
/// configuration (the language server lints a document on every change, and most of its
/// blocks are as they were). A verdict is reused only when the rule is the same rule (the same
/// `Arc`, held here so that its address is never another rule's), the block is equal in every
/// field — kind, types, name, address, module, file, spans, the whole evaluated value with its
/// spans, the call sites — and everything else the evaluation read is as it was: the blocks of
/// each type it listed (`attached()`, `resources()`) are equal to those it saw, compared once
/// per run and type against a copy ([`crate::rules::expr::Reads`]). An evaluation that looked
/// among all the blocks for the one holding a value is never reused. A block that only moved
/// (text inserted or removed above it, or in it between its values: see [`Moves`]) keeps the
/// verdicts of the rules that read nothing but the rule and the block, their spans moved with
/// it; and a rule that listed blocks of some types keeps its verdict when its block and those
/// blocks are the last run's moved, their identities renamed one to one across them all. What
/// is kept is what the rule produced (emits and unknown notes) before the engine places labels
/// and computes fixes, which read the file's text and are redone on every run.
#[derive(Default)]
pub struct VerdictCache {
    blocks: std::sync::Mutex<HashMap<String, CachedBlock>>,
    /// The blocks of a type key in a configuration (by its directory), as the last run saw them.
    types: std::sync::Mutex<HashMap<(std::path::PathBuf, String), TypeSnapshot>>,
    /// The run in progress (see [`VerdictCache::begin`]) and the last version number given.
    run: std::sync::atomic::AtomicU64,
    versions: std::sync::atomic::AtomicU64,
    /// The plan of the last run, with what it was made from.
    plan: std::sync::Mutex<Option<(PlanKey, Arc<Parts>)>>,
    /// The files of the last run, by id: the next run's offsets are mapped from theirs.
    files: std::sync::Mutex<Vec<Arc<SourceFile>>>,
    /// The verdicts of document checks in the last run and in the run in progress (see
    /// [`VerdictCache::document`]).
    documents: std::sync::Mutex<(Vec<CachedDocument>, Vec<CachedDocument>)>,
    /// Verdicts reused for blocks that moved.
    #[cfg(test)]
    moved: std::sync::atomic::AtomicUsize,
    /// Document checks' verdicts reused.
    #[cfg(test)]
    moved_documents: std::sync::atomic::AtomicUsize,
    /// Verdicts of rules that read other blocks reused when something they read moved.
    #[cfg(test)]
    moved_reads: std::sync::atomic::AtomicUsize,
}

impl std::fmt::Debug for VerdictCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.blocks.lock().map_or(0, |m| m.len());
        write!(f, "VerdictCache({n} blocks)")
    }
}

struct CachedBlock {
    block: Block,
    /// The run whose files its spans (and its verdicts') are offsets into.
    run: u64,
    /// While its rules run: how the last run's block maps onto this run's. `moved`: it was
    /// equal only once moved, and its verdicts' spans are moved already; `ids`: the renaming
    /// of its unknowns' identities (`None`: not computed yet; `Some(None)`: it has none).
    moved: bool,
    ids: Option<Option<Renaming>>,
    /// By the address of the rule (kept alive by the `Arc` beside it).
    rules: HashMap<usize, CachedVerdict>,
    /// Met by a run since the last [`VerdictCache::sweep`].
    used: bool,
}

struct CachedVerdict {
    rule: Arc<Rule>,
    /// The type keys whose blocks the evaluation listed, with the version it saw.
    types: Vec<(String, u64)>,
    emits: Vec<Emit>,
    unknowns: Vec<UnknownNote>,
}

/// What the built-in document checks emitted for a document (before fixes and use sites),
/// with what they were given besides it: the checks (the plan) and the rules' options.
struct CachedDocument {
    doc: crate::tf::Document,
    run: u64,
    parts: Arc<Parts>,
    options: HashMap<String, serde_json::Map<String, serde_json::Value>>,
    emits: Vec<Emit>,
    unknowns: Vec<UnknownNote>,
}

struct TypeSnapshot {
    blocks: Vec<Block>,
    /// A number no other content of any snapshot had (versions only grow).
    version: u64,
    /// Set by the run's first comparison when the last run compared it too: the last run's
    /// version, its blocks when they differ from these (else `blocks` are they), and, once
    /// asked, the renaming under which the last run's blocks moved are these (`Some(None)`:
    /// they are not these moved). See [`VerdictCache::moved_type`].
    prev: u64,
    prev_blocks: Option<Vec<Block>>,
    prev_ids: Option<Option<Renaming>>,
    /// The run that last compared it with a configuration, and which (its address during
    /// that run): another configuration of the same directory in the same run compares again.
    run: u64,
    cfg: usize,
}

impl VerdictCache {
    /// Start a run over `sources`: each type's blocks are compared again; how the last run's
    /// offsets map to this run's.
    fn begin(&self, sources: &SourceMap) -> Moves {
        self.run.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut last = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let moves = Moves(
            sources
                .files()
                .iter()
                .map(|f| match last.get(f.id.0 as usize) {
                    Some(o) if o.path == f.path && o.origin.is_none() && f.origin.is_none() => {
                        Move::between(&o.text, &f.text)
                    }
                    Some(o) if o.path == f.path && o.text == f.text => Move::Same,
                    _ => Move::Unmapped,
                })
                .collect(),
        );
        *last = sources.files().to_vec();
        let mut docs = self.documents.lock().unwrap_or_else(|e| e.into_inner());
        docs.0 = std::mem::take(&mut docs.1);
        moves
    }

    /// What the document checks of `parts` emit on `doc` with the options of `sel`, when the
    /// last run checked a document equal to it, or equal to it once its spans are moved as the
    /// last run's text became this run's: the checks read nothing but the document and the
    /// options (the policy analyzer sees no text and no file), and use spans as rules do (see
    /// [`Moves`]), so their verdict is the cached one with its spans moved.
    fn document(
        &self,
        doc: &crate::tf::Document,
        moves: &Moves,
        parts: &Arc<Parts>,
        sel: &Selection,
    ) -> Option<Sink> {
        let run = self.run.load(std::sync::atomic::Ordering::Relaxed);
        let mut docs = self.documents.lock().unwrap_or_else(|e| e.into_inner());
        let given = |c: &CachedDocument| Arc::ptr_eq(&c.parts, parts) && c.options == sel.options;
        let near = |c: &CachedDocument| {
            c.doc.file == doc.file
                && c.doc.kind == doc.kind
                && c.doc.resource == doc.resource
                && (c.doc.loc == doc.loc || moves.opt_eq(c.doc.loc, doc.loc))
        };
        let i = docs.0.iter().position(|c| {
            given(c)
                && near(c)
                && (c.doc == *doc || (c.run + 1 == run && moves.doc_eq(&c.doc, doc)))
        })?;
        let mut c = docs.0.swap_remove(i);
        if c.doc != *doc {
            moves.spans(&mut c.emits, &mut c.unknowns)?;
        }
        #[cfg(test)]
        self.moved_documents
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(Sink {
            emits: c.emits,
            unknowns: c.unknowns,
        })
    }

    /// Keep what the document checks emitted on `doc` for the next run.
    fn keep_document(
        &self,
        doc: &crate::tf::Document,
        parts: &Arc<Parts>,
        sel: &Selection,
        s: &Sink,
    ) {
        let c = CachedDocument {
            doc: doc.clone(),
            run: self.run.load(std::sync::atomic::Ordering::Relaxed),
            parts: parts.clone(),
            options: sel.options.clone(),
            emits: s.emits.clone(),
            unknowns: s.unknowns.clone(),
        };
        let mut docs = self.documents.lock().unwrap_or_else(|e| e.into_inner());
        docs.1.push(c);
    }

    /// Forget the blocks and types that no run met since the last call (renamed or deleted
    /// blocks), so the cache holds at most what the last lint saw.
    pub fn sweep(&self) {
        let mut m = self.blocks.lock().unwrap_or_else(|e| e.into_inner());
        m.retain(|_, b| std::mem::take(&mut b.used));
        let run = self.run.load(std::sync::atomic::Ordering::Relaxed);
        let mut t = self.types.lock().unwrap_or_else(|e| e.into_inner());
        t.retain(|_, s| s.run == run);
    }

    /// The entry for `block` (taken out while its rules run): empty unless the cached block is
    /// equal to it, or is equal to it once its spans are moved as the last run's text became
    /// this run's (`moves`); then the verdicts that read nothing but the rule and the block are
    /// kept with their spans moved (see [`Moves`]).
    fn take(&self, block: &Block, moves: &Moves) -> CachedBlock {
        let run = self.run.load(std::sync::atomic::Ordering::Relaxed);
        let mut m = self.blocks.lock().unwrap_or_else(|e| e.into_inner());
        let fresh = || CachedBlock {
            block: block.clone(),
            run,
            moved: false,
            ids: None,
            rules: HashMap::default(),
            used: true,
        };
        match m.remove(&block.address) {
            Some(mut c) if c.block == *block => {
                c.moved = false;
                c.ids = None;
                c
            }
            Some(mut c) if c.run + 1 == run => {
                let mut ids = Renaming::default();
                if !moves.block_eq_in(&c.block, block, &mut ids) {
                    return fresh();
                }
                // Those that read other blocks are kept too: their reads are compared when
                // they are asked for (see `VerdictCache::moved_verdict`).
                c.rules.retain(|_, v| moves.verdict(v).is_some());
                #[cfg(test)]
                self.moved.fetch_add(
                    c.rules.values().filter(|v| v.types.is_empty()).count(),
                    std::sync::atomic::Ordering::Relaxed,
                );
                c.block = block.clone();
                c.moved = true;
                c.ids = Some(Some(ids));
                c
            }
            _ => fresh(),
        }
    }

    fn put(&self, mut c: CachedBlock) {
        c.used = true;
        c.run = self.run.load(std::sync::atomic::Ordering::Relaxed);
        let mut m = self.blocks.lock().unwrap_or_else(|e| e.into_inner());
        m.insert(c.block.address.clone(), c);
    }

    /// The version of the blocks of type `key` in `cfg`: the last run's when they are equal to
    /// what it saw, a new one otherwise (compared once per run).
    fn version(&self, cfg: &Configuration, key: &str) -> u64 {
        let mut t = self.types.lock().unwrap_or_else(|e| e.into_inner());
        self.snapshot(&mut t, cfg, key).version
    }

    /// [`VerdictCache::version`]'s snapshot, compared, in the map its caller has locked.
    fn snapshot<'t>(
        &self,
        t: &'t mut HashMap<(std::path::PathBuf, String), TypeSnapshot>,
        cfg: &Configuration,
        key: &str,
    ) -> &'t mut TypeSnapshot {
        use std::sync::atomic::Ordering::Relaxed;
        let run = self.run.load(Relaxed);
        let snap = t
            .entry((cfg.dir.clone(), key.to_string()))
            .or_insert_with(|| TypeSnapshot {
                blocks: Vec::new(),
                version: 0,
                prev: 0,
                prev_blocks: None,
                prev_ids: None,
                run: 0,
                cfg: 0,
            });
        let at = cfg as *const Configuration as usize;
        if snap.run != run || snap.cfg != at {
            // Only the last run's blocks are mapped by this run's moves.
            let last = snap.version != 0 && snap.run + 1 == run;
            snap.prev = if last { snap.version } else { 0 };
            snap.prev_blocks = None;
            snap.prev_ids = None;
            snap.run = run;
            snap.cfg = at;
            let same = snap.version != 0 && snap.blocks.iter().eq(cfg.of_type(key));
            if !same {
                let old = std::mem::replace(&mut snap.blocks, cfg.of_type(key).cloned().collect());
                snap.prev_blocks = last.then_some(old);
                snap.version = self.versions.fetch_add(1, Relaxed) + 1;
            }
        }
        snap
    }

    /// Whether the blocks of type `key` in `cfg` are, once moved as the last run's text became
    /// this run's, those of version `seen` (which the last run compared): then the renaming of
    /// their identities is merged into `ids` (`None`: it cannot be, the renamings clash) and
    /// this run's version is returned.
    fn moved_type(
        &self,
        cfg: &Configuration,
        key: &str,
        seen: u64,
        moves: &Moves,
        ids: &mut Renaming,
    ) -> Option<u64> {
        let mut t = self.types.lock().unwrap_or_else(|e| e.into_inner());
        let snap = self.snapshot(&mut t, cfg, key);
        if snap.prev == 0 || snap.prev != seen {
            return None;
        }
        if snap.prev_ids.is_none() {
            let old = snap.prev_blocks.as_ref().unwrap_or(&snap.blocks);
            let mut r = Renaming::default();
            let eq = old.len() == snap.blocks.len()
                && old
                    .iter()
                    .zip(cfg.of_type(key))
                    .all(|(o, n)| moves.block_eq_in(o, n, &mut r));
            snap.prev_ids = Some(eq.then_some(r));
        }
        ids.merge(snap.prev_ids.as_ref()?.as_ref()?)?;
        Some(snap.version)
    }

    /// How many verdicts were reused for blocks that moved.
    #[cfg(test)]
    pub(crate) fn moved(&self) -> usize {
        self.moved.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many verdicts of rules reading other blocks were reused when what they read moved.
    #[cfg(test)]
    pub(crate) fn moved_reads(&self) -> usize {
        self.moved_reads.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many documents' verdicts were reused.
    #[cfg(test)]
    pub(crate) fn moved_documents(&self) -> usize {
        self.moved_documents
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether what a cached verdict read besides its block is as it was.
    fn still(&self, cfg: &Configuration, v: &CachedVerdict) -> bool {
        v.types.iter().all(|(t, ver)| self.version(cfg, t) == *ver)
    }

    /// A cached verdict of a rule that read blocks of other types (`attached()`,
    /// `resources()`) when its block, or those blocks, moved: the verdict with its spans moved
    /// and this run's versions of the types, when the block and every type's blocks are the
    /// last run's moved, under one renaming of identities across them all (the evaluation's
    /// whole input: see [`Renaming`]).
    fn moved_verdict(
        &self,
        cfg: &Configuration,
        c: &mut CachedBlock,
        v: &CachedVerdict,
        block: &Block,
        moves: &Moves,
    ) -> Option<CachedVerdict> {
        let run = self.run.load(std::sync::atomic::Ordering::Relaxed);
        if v.types.is_empty() || c.run + 1 != run {
            return None;
        }
        if c.ids.is_none() {
            // Equal as it is: its identities are its own (those it shares with the blocks read
            // must be theirs unrenamed too).
            let mut ids = Renaming::default();
            c.ids = Some(moves.block_eq_in(&c.block, block, &mut ids).then_some(ids));
        }
        let mut ids = c.ids.as_ref()?.as_ref()?.clone();
        let mut types = Vec::with_capacity(v.types.len());
        for (t, seen) in &v.types {
            let now = self.moved_type(cfg, t, *seen, moves, &mut ids)?;
            types.push((t.clone(), now));
        }
        let mut emits = v.emits.clone();
        let mut unknowns = v.unknowns.clone();
        // Those of a moved block are moved already.
        if !c.moved {
            moves.spans(&mut emits, &mut unknowns)?;
        }
        #[cfg(test)]
        self.moved_reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(CachedVerdict {
            rule: v.rule.clone(),
            types,
            emits,
            unknowns,
        })
    }
}

/// How a file's offsets in the last run map to this run's. The texts are compared once per
/// run: what differs lies between a common prefix and a common suffix, so an offset before
/// the change stays, one after it moves by the change in length, and one inside it (its ends
/// included) has no counterpart. On the offsets that have one, the map is strictly increasing:
/// spans keep their order, their equality and their containment (a span's ends are mapped
/// each on its own, so one around the change grows or shrinks with it).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Move {
    /// The same text.
    Same,
    /// Offsets below `from` stay, offsets above `to` move by `by`.
    Shifted { from: u32, to: u32, by: i64 },
    /// Another file, or a virtual one whose text changed: nothing is mapped.
    Unmapped,
}

impl Move {
    fn between(old: &str, new: &str) -> Move {
        let (o, n) = (old.as_bytes(), new.as_bytes());
        let prefix = crate::util::common_prefix(o, n);
        let suffix = crate::util::common_suffix(&o[prefix..], &n[prefix..]);
        if prefix == o.len() && o.len() == n.len() {
            return Move::Same;
        }
        match (u32::try_from(prefix), u32::try_from(o.len() - suffix)) {
            (Ok(from), Ok(to)) => Move::Shifted {
                from,
                to,
                by: n.len() as i64 - o.len() as i64,
            },
            _ => Move::Unmapped,
        }
    }
}

/// The identities of a cached block's unknowns and of this run's block, paired as the two
/// blocks are compared (see [`Moves::block_eq`]).
///
/// An unknown computed from another takes its identity from the inner one's and the span of the
/// expression ([`crate::value::Unknown::derived_id`]), so a block that moved holds other
/// identities for the same values. A rule that reads nothing but itself and the block uses
/// identities only by comparing them and by deriving new ones from them (its own expressions
/// have no span: a function of the inner identity alone), and emits none: renaming them one to
/// one, consistently across the block, leaves its verdict as it was. A name's identity (the
/// hash of the name, which a rule may compute itself from an address) is never renamed.
#[derive(Clone, Default)]
struct Renaming {
    old: HashMap<u64, u64>,
    new: HashMap<u64, u64>,
}

impl Renaming {
    /// Add the pairs of `other`: `None` when one of them clashes (the union is not one to one).
    fn merge(&mut self, other: &Renaming) -> Option<()> {
        for (&o, &n) in &other.old {
            let ok = *self.old.entry(o).or_insert(n) == n && *self.new.entry(n).or_insert(o) == o;
            ok.then_some(())?;
        }
        Some(())
    }

    /// Whether `old` and `new` can be the same identity renamed (and, if so, they are paired).
    fn same(&mut self, old: Option<u64>, new: Option<u64>, reference: Option<&str>) -> bool {
        let (o, n) = match (old, new) {
            (None, None) => return true,
            (Some(o), Some(n)) => (o, n),
            _ => return false,
        };
        if o != n {
            let name = reference.map(crate::value::Unknown::name_id);
            if name == Some(o) || name == Some(n) {
                return false;
            }
        }
        *self.old.entry(o).or_insert(n) == n && *self.new.entry(n).or_insert(o) == o
    }
}

/// [`Move`]s of a run's files, by file id.
///
/// A verdict is reused for a block that only moved when the rule read nothing but itself and
/// the block (no search for the block holding a value; the blocks it listed with `attached()`
/// or `resources()` count as the block: each must be the last run's moved, in the same order,
/// under one renaming with the block's, see [`VerdictCache::moved_verdict`]), and
/// the block is equal to the cached one in every field once each of the cached one's spans is
/// moved (each must have a counterpart). That verdict is the cached one with its spans moved:
/// a rule's evaluation sees no text and no file (its scope answers `self` and `each`), and uses
/// spans only by copying them, comparing them (equality, order, containment: kept by a strictly
/// increasing map within a file, and file ids are not moved), joining one's start to another's
/// end, and taking the first byte of one (`policy::model::head`, which has no counterpart when
/// that byte touches the change). A block whose text changed between its values (a comment
/// typed in it) is such a block too: its spans around the change grow with it. The identities
/// of unknowns computed from moved spans (an expression over an unknown) are other numbers:
/// they are compared up to a one-to-one renaming ([`Renaming`]).
pub(crate) struct Moves(Vec<Move>);

impl Moves {
    fn loc(&self, l: Loc) -> Option<Loc> {
        match self.0.get(l.file.0 as usize)? {
            Move::Same => Some(l),
            Move::Shifted { from, to, by } => {
                let at = |p: u32| match p {
                    p if p < *from => Some(p),
                    p if p > *to => u32::try_from(p as i64 + by).ok(),
                    _ => None,
                };
                Some(Loc {
                    file: l.file,
                    start: at(l.start)?,
                    end: at(l.end)?,
                })
            }
            Move::Unmapped => None,
        }
    }

    /// `old` moved is `new`.
    fn loc_eq(&self, old: Loc, new: Loc) -> bool {
        self.loc(old) == Some(new)
    }

    fn opt_eq(&self, old: Option<Loc>, new: Option<Loc>) -> bool {
        match (old, new) {
            (None, None) => true,
            (Some(o), Some(n)) => self.loc_eq(o, n),
            _ => false,
        }
    }

    /// `old` with its spans moved equals `new` (every field: a field added to [`Block`] must be
    /// compared here), its identities renamed one to one as in `ids`, which gets the pairs met.
    fn block_eq_in(&self, old: &Block, new: &Block, ids: &mut Renaming) -> bool {
        let Block {
            kind,
            written_type,
            rtype,
            name,
            address,
            module,
            file,
            header,
            loc,
            value,
            call_sites,
        } = old;
        *kind == new.kind
            && *written_type == new.written_type
            && *rtype == new.rtype
            && *name == new.name
            && *address == new.address
            && *module == new.module
            && *file == new.file
            && self.loc_eq(*header, new.header)
            && self.loc_eq(*loc, new.loc)
            && self.locs_eq(call_sites, &new.call_sites)
            && self.value_eq_in(value, &new.value, ids)
    }

    fn value_eq_in(
        &self,
        old: &crate::value::Value,
        new: &crate::value::Value,
        ids: &mut Renaming,
    ) -> bool {
        let mut r = Some(std::mem::take(ids));
        let eq = self.value_eq(old, new, &mut r);
        *ids = r.unwrap_or_default();
        eq
    }

    /// Each of `old` moved is the one of `new` at its place.
    fn locs_eq(&self, old: &[Loc], new: &[Loc]) -> bool {
        old.len() == new.len() && old.iter().zip(new).all(|(o, n)| self.loc_eq(*o, *n))
    }

    /// `old` with its spans moved equals `new` (every field: a field added to
    /// [`crate::tf::Document`] must be compared here).
    fn doc_eq(&self, old: &crate::tf::Document, new: &crate::tf::Document) -> bool {
        let crate::tf::Document {
            kind,
            value,
            file,
            loc,
            resource,
            text,
            call_sites,
        } = old;
        *kind == new.kind
            && *file == new.file
            && *resource == new.resource
            && *text == new.text
            && self.opt_eq(*loc, new.loc)
            && self.locs_eq(call_sites, &new.call_sites)
            && self.value_eq(value, &new.value, &mut None)
    }

    /// `old` with its spans moved equals `new`; with `ids`, the identities of unknowns computed
    /// from spans may differ as long as they correspond one to one (see [`Renaming`]).
    fn value_eq(
        &self,
        old: &crate::value::Value,
        new: &crate::value::Value,
        ids: &mut Option<Renaming>,
    ) -> bool {
        use crate::value::{Entry, Kind, Value};
        let Value {
            kind,
            loc,
            encoded,
            origin,
        } = old;
        self.opt_eq(*loc, new.loc)
            && *origin == new.origin
            && match (encoded, &new.encoded) {
                (None, None) => true,
                (Some(o), Some(n)) => self.value_eq(o, n, ids),
                _ => false,
            }
            && match (kind, &new.kind) {
                (Kind::List(o), Kind::List(n)) => {
                    o.len() == n.len() && o.iter().zip(n).all(|(o, n)| self.value_eq(o, n, ids))
                }
                (Kind::Object(o), Kind::Object(n)) => {
                    o.len() == n.len()
                        && o.iter().zip(n).all(|(o, n)| {
                            let Entry {
                                key,
                                key_loc,
                                value,
                            } = o;
                            *key == n.key
                                && self.opt_eq(*key_loc, n.key_loc)
                                && self.value_eq(value, &n.value, ids)
                        })
                }
                (Kind::Unknown(o), Kind::Unknown(n)) => {
                    let crate::value::Unknown {
                        reason,
                        reference,
                        id,
                        present,
                    } = &**o;
                    *reason == n.reason
                        && *reference == n.reference
                        && *present == n.present
                        && match ids {
                            Some(ids) => ids.same(*id, n.id, reference.as_deref()),
                            None => *id == n.id,
                        }
                }
                // Scalars as they are.
                (o, n) => o == n,
            }
    }

    /// Move a cached verdict's spans; `None` (and the verdict partly moved: it is dropped)
    /// when one has no counterpart.
    fn verdict(&self, v: &mut CachedVerdict) -> Option<()> {
        self.spans(&mut v.emits, &mut v.unknowns)
    }

    /// Move the spans of emits and unknown notes; `None` (and them partly moved) when one has
    /// no counterpart, or an emit holds a fix (computed by a check: not moved).
    fn spans(&self, emits: &mut [Emit], unknowns: &mut [UnknownNote]) -> Option<()> {
        for e in emits {
            let Emit {
                rule: _,
                file: _,
                loc,
                label: _,
                fields: _,
                resource: _,
                pointer: _,
                lower: _,
                fix,
                more,
            } = e;
            // Kept before fixes are computed; one computed by the rule is not moved.
            if fix.is_some() {
                return None;
            }
            if let Some(l) = loc {
                *l = self.loc(*l)?;
            }
            for s in more.iter_mut().flat_map(|m| &mut m.secondary) {
                s.loc = self.loc(s.loc)?;
            }
        }
        for u in unknowns {
            let UnknownNote {
                rule: _,
                file: _,
                loc,
                address: _,
                reason: _,
            } = u;
            if let Some(l) = loc {
                *l = self.loc(*l)?;
            }
        }
        Some(())
    }
}

/// Run the checks of one target; a panic becomes a `TF006` emit on `file` and the other targets
/// are still analysed.
fn contained(file: Option<FileId>, what: &str, f: impl FnOnce() -> Sink) -> Sink {
    match file {
        Some(id) => crate::util::guarded(id, what, f).unwrap_or_else(|e| Sink {
            emits: vec![*e],
            ..Default::default()
        }),
        None => f(),
    }
}

struct Plan<'r> {
    reg: &'r Registry,
    sel: &'r Selection,
    parts: Arc<Parts>,
}

/// Which checks and rules run on which targets: a function of the registry's rules and the
/// selection's enabled set alone (see [`PlanKey`]).
struct Parts {
    file: Vec<(&'static str, Builtin)>,
    document: Vec<(&'static str, Builtin)>,
    configuration: Vec<(&'static str, Builtin)>,
    /// What runs on a block, by its type key: one lookup per block, and a block of a type no
    /// rule names is offered to none. The built-in rules' keys are lent from the build's index.
    blocks: HashMap<Cow<'static, str>, KeyPlan>,
}

#[derive(Default)]
struct KeyPlan {
    /// Built-in block checks, in the order their first rules come in code order.
    checks: Vec<fn(&checks::BlockCtx, &mut Sink)>,
    /// Expression rules; a rule is built (its expressions parsed) only when a block of one of
    /// its types is met.
    exprs: Vec<RuleRef>,
}

/// What a plan is made from: whether the built-in rules are in the registry (their codes,
/// scopes, types and checks are the build's), the rules added to it (the same objects, held
/// here so that their addresses are never other rules'), and the enabled codes.
struct PlanKey {
    builtin: bool,
    added: Vec<Arc<Rule>>,
    enabled: HashSet<Arc<str>>,
}

impl PlanKey {
    fn matches(&self, reg: &Registry, sel: &Selection) -> bool {
        let (builtin, added) = reg.plan_key();
        self.builtin == builtin
            && self.added.len() == added.len()
            && self.added.iter().zip(added).all(|(a, b)| Arc::ptr_eq(a, b))
            && self.enabled == sel.enabled
    }
}

impl<'r> Plan<'r> {
    /// The fix an enabled rule declares, with the resource types an expression rule's fix is
    /// written for (a finding may land on a split resource the fix does not fit); none where no
    /// output shows fixes (`util::fixes_read`).
    fn fix(&self, rule: &str) -> Option<(&'r crate::fix::FixSpec, Option<&'r [String]>)> {
        if !crate::util::fixes_read() || !self.sel.is_enabled(rule) {
            return None;
        }
        let r = self.reg.get(rule)?;
        let types = r.check.is_none().then_some(r.resources.as_slice());
        Some((r.fix.as_ref()?, types))
    }
}

/// The block type keys a rule of `scope` over `types` applies to (see `Block::type_key_into`):
/// a resource type is its own key, lent as it is.
fn block_keys<'a>(
    scope: Scope,
    types: impl Iterator<Item = Cow<'a, str>>,
) -> impl Iterator<Item = Cow<'a, str>> {
    let output = (scope == Scope::Output).then_some(Cow::Borrowed("output"));
    let types = types
        .filter(move |_| scope != Scope::Output)
        .map(move |t| match scope {
            Scope::Provider => Cow::Owned(format!("provider.{t}")),
            _ => t,
        });
    output.into_iter().chain(types)
}

/// The plan of `reg` and `sel`: the one `cache` holds when it was made from the same rules and
/// enabled set (the language server lints with the same set-up on every change), else made.
fn plan<'r>(
    reg: &'r Registry,
    sel: &'r Selection,
    cache: Option<&VerdictCache>,
) -> Result<Plan<'r>, String> {
    let Some(cache) = cache else {
        return Ok(Plan {
            reg,
            sel,
            parts: Arc::new(parts(reg, sel)?),
        });
    };
    let mut held = cache.plan.lock().unwrap_or_else(|e| e.into_inner());
    let parts = match &*held {
        Some((key, parts)) if key.matches(reg, sel) => parts.clone(),
        _ => {
            let parts = Arc::new(parts(reg, sel)?);
            let (builtin, added) = reg.plan_key();
            *held = Some((
                PlanKey {
                    builtin,
                    added: added.to_vec(),
                    enabled: sel.enabled.clone(),
                },
                parts.clone(),
            ));
            parts
        }
    };
    Ok(Plan { reg, sel, parts })
}

fn parts(reg: &Registry, sel: &Selection) -> Result<Parts, String> {
    let mut p = Parts {
        file: Vec::new(),
        document: Vec::new(),
        configuration: Vec::new(),
        // Room for every type the built-in rules name (82): sized once, not grown four times.
        blocks: HashMap::with_capacity_and_hasher(96, Default::default()),
    };
    // (builtin, the block type keys it applies to)
    let mut block: Vec<(&'static str, Builtin, HashSet<Cow<'static, str>>)> = Vec::new();
    // Code order, as findings of one check are emitted in the order its rules are met. The
    // built-in rules come in it: the (stable) sort only merges the added ones in.
    let mut refs: Vec<(RuleRef, &str)> = reg.refs_by_code().map(|r| (r, reg.code(r))).collect();
    refs.sort_by(|a, b| a.1.cmp(b.1));
    for (r, id) in refs {
        if !sel.is_enabled(id) {
            continue;
        }
        // A built-in rule is read from the build's index: its types are keys as they are
        // (no copy per rule and type; planning runs on every check).
        let (scope, check, assert, keys): (Scope, Option<&str>, bool, Vec<Cow<'static, str>>) =
            match r {
                RuleRef::Builtin(i) => {
                    let e = &crate::rules::INDEX.rules[i];
                    let types = e.resources().map(Cow::Borrowed);
                    (
                        e.scope,
                        e.check(),
                        e.assert,
                        block_keys(e.scope, types).collect(),
                    )
                }
                RuleRef::Added(_) => {
                    let rule = reg.info(r);
                    let types = rule.resources.iter().map(|t| Cow::Owned(t.to_string()));
                    let keys = block_keys(rule.scope, types).collect();
                    (rule.scope, rule.check, rule.assert, keys)
                }
            };
        if let Some(name) = check {
            let (name, b) = checks::lookup_named(name)
                .ok_or_else(|| format!("rule {id}: no built-in check named `{name}`"))?;
            let push = |v: &mut Vec<(&'static str, Builtin)>| {
                if !v.iter().any(|(n, _)| *n == name) {
                    v.push((name, b));
                }
            };
            match scope {
                Scope::File => push(&mut p.file),
                Scope::Document => push(&mut p.document),
                Scope::Configuration => push(&mut p.configuration),
                Scope::Resource | Scope::Provider | Scope::Output => {
                    match block.iter_mut().find(|(n, _, _)| *n == name) {
                        Some((_, _, set)) => set.extend(keys),
                        None => block.push((name, b, keys.into_iter().collect())),
                    }
                }
            }
        } else if assert {
            for k in keys {
                p.blocks.entry(k).or_default().exprs.push(r);
            }
        }
    }
    for (_, b, keys) in block {
        if let Builtin::Block(check) = b {
            for k in keys {
                p.blocks.entry(k).or_default().checks.push(check);
            }
        }
    }
    Ok(p)
}

/// Run every enabled rule over the workspace.
pub fn run(
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    ws: &Workspace,
) -> Result<Outcome, String> {
    run_inner(reg, sel, sources, ws, true, None, None, None).map(|(o, _)| o)
}

/// The blocks (configuration index, block index) that expression rules check, the documents
/// (index) that document-scope rules check and the files that file-scope rules read, when only
/// some files' findings are wanted. Built-in block checks run on every block (they follow links of their own).
#[derive(Debug, Default)]
pub struct Checked {
    pub blocks: HashSet<(usize, usize)>,
    pub documents: HashSet<usize>,
    /// The files that file-scope rules read.
    pub files: HashSet<FileId>,
}

/// [`run`], with expression rules on the `only` blocks, document-scope rules on the `only`
/// documents and file-scope rules on the `only` files (all of them when `None`); the other rules
/// run as in [`run`].
pub fn run_on(
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    ws: &Workspace,
    only: Option<&Checked>,
) -> Result<Outcome, String> {
    run_inner(reg, sel, sources, ws, true, only, None, None).map(|(o, _)| o)
}

/// [`run_on`], freeing each configuration's model as soon as its rules have run: the findings
/// (with their fixes, computed by then) are all that later stages need of it, and a large tree
/// then never holds every model and every finding at once. The configurations of plans stay in
/// `ws` (the review of plans reads them); the others are gone when this returns. Expression
/// rules reuse the verdicts `cache` holds for blocks equal to those they judged (see
/// [`VerdictCache`]) and leave theirs there.
pub fn run_freeing(
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    ws: &mut Workspace,
    only: Option<&Checked>,
    cache: Option<&VerdictCache>,
) -> Result<Outcome, String> {
    let cfgs = std::mem::take(&mut ws.configurations);
    let checked = std::mem::take(&mut ws.checked);
    let owned = Some((cfgs, checked));
    let (out, kept) = run_inner(reg, sel, sources, ws, true, only, owned, cache)?;
    ws.configurations = kept;
    Ok(out)
}

/// The rules' run on one configuration at a time, for configurations checked as soon as they
/// are evaluated ([`crate::tf::load_checking`]); [`run_freeing`] then takes their results from
/// [`Workspace::checked`]. Not for a run with [`Checked`] or a [`VerdictCache`], which need the
/// whole workspace.
pub struct Checker<'r>(Plan<'r>);

impl<'r> Checker<'r> {
    pub fn new(reg: &'r Registry, sel: &'r Selection) -> Result<Self, String> {
        plan(reg, sel, None).map(Checker)
    }

    /// What [`run_freeing`] would find in `cfg`.
    pub fn configuration(&self, sources: &SourceMap, cfg: &Configuration) -> Sink {
        run_contained(&self.0, sources, cfg, &|_| true, None)
    }
}

/// [`run_configuration`] with a panic in it contained: reported on the configuration's first
/// file, the other configurations still checked.
fn run_contained(
    plan: &Plan,
    sources: &SourceMap,
    cfg: &Configuration,
    checked: &dyn Fn(usize) -> bool,
    cache: Option<(&VerdictCache, &Moves)>,
) -> Sink {
    contained(
        cfg.files.first().copied(),
        "Terraform configuration",
        || run_configuration(plan, plan.sel, sources, cfg, checked, cache),
    )
}

/// Run the rules on a model only (its documents and configurations, not the files): the state
/// before a plan.
pub fn run_model(
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    ws: &Workspace,
) -> Result<Outcome, String> {
    run_inner(reg, sel, sources, ws, false, None, None, None).map(|(o, _)| o)
}

// Each argument is one of the public entry points' options.
#[allow(clippy::too_many_arguments)]
fn run_inner(
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    ws: &Workspace,
    files: bool,
    only: Option<&Checked>,
    owned: Option<(Vec<Configuration>, Vec<Sink>)>,
    cache: Option<&VerdictCache>,
) -> Result<(Outcome, Vec<Configuration>), String> {
    // Results of configurations checked as they were evaluated are handed over with `owned`.
    debug_assert!(owned.is_some() || ws.checked.is_empty());
    let plan = plan(reg, sel, cache)?;
    let moves = match cache {
        Some(c) => c.begin(sources),
        None => Moves(Vec::new()),
    };
    let mut sink = Sink::default();
    // Diagnostics of the analysis itself are rules too (TF, RAM000): subject to selection.
    sink.emits.extend(ws.emits.iter().cloned());
    sink.unknowns.extend(ws.unknowns.iter().cloned());

    let file_sinks: Vec<Sink> = sources
        .files()
        .par_iter()
        .filter(|f| files && only.is_none_or(|o| o.files.contains(&f.id)))
        .map(|f| {
            contained(Some(f.id), "file", || {
                let mut s = Sink::default();
                // A virtual file stands for a real one, which file rules read themselves.
                if f.origin.is_some() {
                    return s;
                }
                for (_, b) in &plan.parts.file {
                    if let Builtin::File(check) = b {
                        check(&checks::FileCtx { file: f, sel }, &mut s);
                    }
                }
                s
            })
        })
        .collect();
    let doc_sinks: Vec<Sink> = ws
        .documents
        .par_iter()
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o.documents.contains(i)))
        .map(|(_, d)| {
            contained(Some(d.file), "policy document", || {
                let kept = cache.and_then(|c| c.document(d, &moves, &plan.parts, sel));
                let mut s = match kept {
                    Some(s) => s,
                    None => {
                        let mut s = Sink::default();
                        for (_, b) in &plan.parts.document {
                            if let Builtin::Document(check) = b {
                                check(&checks::DocCtx { doc: d, sel }, &mut s);
                            }
                        }
                        s
                    }
                };
                if let Some(c) = cache {
                    c.keep_document(d, &plan.parts, sel, &s);
                }
                // Fixes first: they edit the value where it is written; then the use site. A
                // document of thousands of findings has both done on the pool (one document is
                // one task).
                let fix = |last: &mut Option<_>, e: &mut Emit| {
                    if let Some((spec, _)) = by_code(last, e.rule, || plan.fix(e.rule)) {
                        crate::fix::for_document(spec, e, d, sources);
                    }
                    if let Some(dl) = d.loc {
                        at_use_site(sources, d, dl, e);
                    }
                };
                if s.emits.len() >= 1024 {
                    s.emits.par_iter_mut().for_each_init(|| None, fix);
                } else {
                    let mut last = None;
                    s.emits.iter_mut().for_each(|e| fix(&mut last, e));
                }
                name_call_sites(sources, &d.call_sites, &mut s.emits);
                s
            })
        })
        .collect();
    let run_one = |ci: usize, c: &Configuration| {
        let checked = |i: usize| only.is_none_or(|o| o.blocks.contains(&(ci, i)));
        run_contained(&plan, sources, c, &checked, cache.map(|x| (x, &moves)))
    };
    let (cfg_sinks, kept): (Vec<Sink>, Vec<Configuration>) = match owned {
        None => (
            ws.configurations
                .par_iter()
                .enumerate()
                .map(|(ci, c)| run_one(ci, c))
                .collect(),
            Vec::new(),
        ),
        // Each model is dropped on the thread that ran its rules, right after them; those
        // checked as they were evaluated come after the others (see `Workspace::checked`).
        Some((cfgs, checked)) => {
            let needed = |c: &Configuration| ws.plans.iter().any(|p| c.files == [p.file]);
            let done: Vec<(Sink, Option<Configuration>)> = cfgs
                .into_par_iter()
                .enumerate()
                .map(|(ci, c)| {
                    let s = run_one(ci, &c);
                    if needed(&c) {
                        return (s, Some(c));
                    }
                    // A process that exits after this run frees nothing it will not reuse.
                    if crate::util::exits_after_run() {
                        std::mem::forget(c);
                    }
                    (s, None)
                })
                .collect();
            let mut sinks = Vec::with_capacity(done.len());
            let mut kept = Vec::new();
            for (s, c) in done {
                sinks.push(s);
                kept.extend(c);
            }
            sinks.extend(checked);
            (sinks, kept)
        }
    };
    let internal_errors = file_sinks
        .iter()
        .chain(&doc_sinks)
        .chain(&cfg_sinks)
        .flat_map(|s| &s.emits)
        .filter(|e| e.rule == "TF006")
        .count();
    let n: usize = [&file_sinks, &doc_sinks, &cfg_sinks]
        .iter()
        .flat_map(|v| v.iter())
        .map(|s| s.emits.len())
        .sum();
    // The first emits are taken, not copied, and the others appended to them (a large policy
    // document's are all in one sink).
    if !sink.emits.is_empty() {
        sink.emits.reserve(n);
    }
    for s in file_sinks.into_iter().chain(doc_sinks).chain(cfg_sinks) {
        if sink.emits.is_empty() && !s.emits.is_empty() {
            sink.emits = s.emits;
            sink.emits.reserve(n - sink.emits.len());
        } else {
            sink.emits.extend(s.emits);
        }
        sink.unknowns.extend(s.unknowns);
    }

    // Spans in virtual files (rewritten `.tf.json`) move onto the real files.
    let remap = |file: &mut FileId, loc: &mut Option<Loc>| {
        if let Some(l) = loc {
            *l = sources.remap(*l);
            *file = l.file;
        } else if let Some(o) = &sources.get(*file).origin {
            *file = o.file;
        }
    };
    for e in &mut sink.emits {
        remap(&mut e.file, &mut e.loc);
        for l in e.secondaries_mut() {
            l.loc = sources.remap(l.loc);
        }
    }
    for u in &mut sink.unknowns {
        remap(&mut u.file, &mut u.loc);
    }
    let mut out = Outcome {
        internal_errors,
        ..Default::default()
    };
    // Emits become findings on the analysis threads (rendering messages and help is most of
    // it): each emit's rule, and whether it is enabled, looked up once per run of one rule.
    let looked: Vec<(Option<&Arc<Rule>>, bool)> = sink
        .emits
        .par_iter()
        .map_init(
            || None,
            |last, e| {
                by_code(last, e.rule, || {
                    let r = reg.get(e.rule);
                    (r, r.is_some_and(|r| sel.is_enabled(&r.id)))
                })
            },
        )
        .collect();
    if let Some(i) = looked.iter().position(|(r, _)| r.is_none()) {
        return Err(format!(
            "internal error: a check emitted undeclared rule {}",
            sink.emits[i].rule
        ));
    }
    let mut emits = sink.emits;
    let mut enabled = looked.iter().map(|&(_, on)| on);
    emits.retain(|_| enabled.next() == Some(true));
    let rules: Vec<&Arc<Rule>> = looked
        .into_iter()
        .filter_map(|(r, on)| r.filter(|_| on))
        .collect();
    emits
        .into_par_iter()
        .zip(rules)
        .map_init(Rendered::default, |texts, (e, rule)| {
            finalize(rule, sel, e, texts)
        })
        .collect_into_vec(&mut out.findings);
    out.unknowns = sink.unknowns;
    out.unknowns
        .retain(|u| reg.get(&u.rule).is_none_or(|r| sel.is_enabled(&r.id)));
    out.unknowns.sort_by(|a, b| {
        (a.file, a.loc.map(|l| l.start), &a.rule).cmp(&(b.file, b.loc.map(|l| l.start), &b.rule))
    });
    out.unknowns.dedup();
    Ok((out, kept))
}

/// What `look` returns for a rule code, remembered while the same code repeats: emits of one
/// rule come in runs (300k of one rule in a large policy document), and codes are
/// `&'static str`, so the same code is the same pointer.
fn by_code<T: Copy>(
    last: &mut Option<(&'static str, T)>,
    code: &'static str,
    look: impl FnOnce() -> T,
) -> T {
    match *last {
        Some((c, v)) if std::ptr::eq(c, code) => v,
        _ => {
            let v = look();
            *last = Some((code, v));
            v
        }
    }
}

/// Test-only fault injection: the analysis of a configuration whose directory ends with this
/// name panics.
#[cfg(test)]
pub(crate) static INJECT_PANIC_DIR: std::sync::Mutex<Option<&'static str>> =
    std::sync::Mutex::new(None);

fn run_configuration(
    plan: &Plan,
    sel: &Selection,
    sources: &SourceMap,
    cfg: &Configuration,
    checked: &dyn Fn(usize) -> bool,
    cache: Option<(&VerdictCache, &Moves)>,
) -> Sink {
    #[cfg(test)]
    {
        let m = *INJECT_PANIC_DIR.lock().unwrap_or_else(|e| e.into_inner());
        if m.is_some_and(|m| cfg.dir.ends_with(m)) {
            panic!("injected fault in the engine");
        }
    }
    let mut s = Sink::default();
    // Configuration-scope rules judge a root module with its module tree, never whatever else
    // was scanned with it: the verdict does not depend on how far up the scan starts.
    for (_, b) in plan.parts.configuration.iter().filter(|_| cfg.root) {
        if let Builtin::Configuration(check) = b {
            check(
                &checks::ConfigCtx {
                    config: cfg,
                    sources,
                    sel,
                },
                &mut s,
            );
        }
    }
    let mut key = String::new();
    for (i, block) in cfg.blocks.iter().enumerate() {
        let first = s.emits.len();
        block.type_key_into(&mut key);
        let Some(kp) = plan.parts.blocks.get(key.as_str()) else {
            continue;
        };
        for check in &kp.checks {
            check(
                &checks::BlockCtx {
                    block,
                    config: cfg,
                    sources,
                    sel,
                },
                &mut s,
            );
        }
        let rules = &kp.exprs;
        if !rules.is_empty() && checked(i) {
            match cache {
                None => {
                    for &rule in rules {
                        eval_rule(plan.reg.rule(rule), block, cfg, &mut s);
                    }
                }
                Some((cache, moves)) => {
                    let mut c = cache.take(block, moves);
                    for &rule in rules {
                        let rule = plan.reg.rule(rule);
                        let at = Arc::as_ptr(rule) as usize;
                        let same = |v: &&CachedVerdict| {
                            Arc::ptr_eq(&v.rule, rule)
                                && if c.moved {
                                    v.types.is_empty()
                                } else {
                                    cache.still(cfg, v)
                                }
                        };
                        if let Some(v) = c.rules.get(&at).filter(same) {
                            s.emits.extend(v.emits.iter().cloned());
                            s.unknowns.extend(v.unknowns.iter().cloned());
                            continue;
                        }
                        // What it read besides the block moved (or the block did).
                        let moved = match c.rules.remove(&at) {
                            Some(v) if Arc::ptr_eq(&v.rule, rule) => {
                                cache.moved_verdict(cfg, &mut c, &v, block, moves)
                            }
                            _ => None,
                        };
                        if let Some(v) = moved {
                            s.emits.extend(v.emits.iter().cloned());
                            s.unknowns.extend(v.unknowns.iter().cloned());
                            c.rules.insert(at, v);
                            continue;
                        }
                        let (e0, u0) = (s.emits.len(), s.unknowns.len());
                        let reads = eval_rule(rule, block, cfg, &mut s);
                        if reads.all.get() {
                            c.rules.remove(&at);
                            continue;
                        }
                        let types = reads
                            .types
                            .into_inner()
                            .into_iter()
                            .map(|t| {
                                let v = cache.version(cfg, &t);
                                (t, v)
                            })
                            .collect();
                        c.rules.insert(
                            at,
                            CachedVerdict {
                                rule: rule.clone(),
                                types,
                                emits: s.emits[e0..].to_vec(),
                                unknowns: s.unknowns[u0..].to_vec(),
                            },
                        );
                    }
                    cache.put(c);
                }
            }
        }
        for e in &mut s.emits[first..] {
            at_attribute(sources, block, e);
        }
        for e in &mut s.emits[first..] {
            if let Some((spec, types)) = plan.fix(e.rule) {
                // A check may report on another block than the one it examines (a trail's
                // logstore), a rule on the split resource that sets the value: the fix goes
                // where the finding is, when it is written for that block's type.
                let target = match e.resource.as_deref() {
                    Some(a) if a != block.address => cfg.blocks.iter().find(|b| b.address == a),
                    _ => Some(block),
                };
                let fits = |t: &Block| {
                    spec.names_type(&t.rtype)
                        || spec.names_type(&t.written_type)
                        || types.is_none_or(|ts| {
                            ts.iter().any(|x| **x == *t.rtype || **x == *t.written_type)
                        })
                };
                // A fix's `when` is a rule expression; it does not withhold a fix the check computed.
                // It is written for the rule's own resource types, not for those `types` names.
                let when = |t: &Block| {
                    e.fix.is_some()
                        || spec.names_type(&t.rtype)
                        || spec.names_type(&t.written_type)
                        || spec
                            .when
                            .as_ref()
                            .is_none_or(|w| crate::rules::expr::condition(w, t, cfg) == Some(true))
                };
                if let Some(t) = target.filter(|t| fits(t) && when(t)) {
                    crate::fix::for_block(spec, e, t, sources, cfg.syntax_of(t.file));
                }
            }
        }
        name_call_sites(sources, &block.call_sites, &mut s.emits[first..]);
    }
    s
}

/// A finding on a value of a Terraform policy document that was set outside the resource (a
/// variable default, a tfvars file, a local) is reported at its use in the document, with a
/// secondary label where the value was set. Values read from files (`file("p.json")`) stay in
/// their file: that is where they are fixed.
fn at_use_site(sources: &SourceMap, d: &crate::tf::Document, dl: Loc, e: &mut Emit) {
    let Some(l) = e.loc else { return };
    let inside = l.file == dl.file && l.start >= dl.start && l.end <= dl.end;
    if inside || !is_value_site(sources, l) {
        return;
    }
    let within = |x: &Loc| x.file == dl.file && x.start >= dl.start && x.end <= dl.end;
    // The deepest entry on the finding's pointer written inside the document.
    let mut cur = &d.value;
    let mut best: Option<Loc> = None;
    for step in e.pointer.as_deref().unwrap_or("").split('/').skip(1) {
        let step = step.replace("~1", "/").replace("~0", "~");
        let next = match &cur.kind {
            crate::value::Kind::Object(_) => cur.entry(&step).map(|en| {
                if let Some(k) = en.key_loc.filter(within) {
                    best = Some(match en.value.loc.filter(within) {
                        Some(v) => Loc {
                            end: v.end.max(k.end),
                            ..k
                        },
                        None => k,
                    });
                }
                &en.value
            }),
            crate::value::Kind::List(items) => step.parse::<usize>().ok().and_then(|i| {
                let it = items.get(i)?;
                if let Some(v) = it.loc.filter(within) {
                    best = Some(v);
                }
                Some(it)
            }),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => break,
        }
    }
    let site = best.unwrap_or(dl);
    e.more().secondary.push(crate::finding::Label {
        loc: l,
        text: crate::i18n::tr!("value set here").to_string(),
    });
    e.loc = Some(site);
    e.file = site.file;
}

/// A finding of a built-in check on a block whose span is where a value was set outside any
/// resource (a variable default, a tfvars file, a local) moves to the attribute of the block that
/// uses the value, with a secondary label where it was set: the same placement as rule
/// expressions and policy documents. Findings on another resource are left where they are.
fn at_attribute(sources: &SourceMap, block: &crate::tf::Block, e: &mut Emit) {
    let Some(l) = e.loc else { return };
    if e.resource.as_deref().is_some_and(|a| a != block.address) {
        return;
    }
    let inside =
        |x: &Loc| x.file == block.loc.file && x.start >= block.loc.start && x.end <= block.loc.end;
    if inside(&l) || !is_value_site(sources, l) {
        return;
    }
    let Some(site) = use_of(&block.value, l, &inside) else {
        return;
    };
    e.more().secondary.push(crate::finding::Label {
        loc: l,
        text: crate::i18n::tr!("value set here").to_string(),
    });
    e.loc = Some(site);
    e.file = site.file;
}

/// The key span, inside the block, of the deepest attribute whose value holds a value spanning
/// `l`.
fn use_of(v: &crate::value::Value, l: Loc, inside: &dyn Fn(&Loc) -> bool) -> Option<Loc> {
    use crate::value::Kind;
    fn holds(v: &crate::value::Value, l: Loc) -> bool {
        v.loc == Some(l)
            || match &v.kind {
                Kind::Object(es) => es.iter().any(|e| holds(&e.value, l)),
                Kind::List(items) => items.iter().any(|i| holds(i, l)),
                _ => false,
            }
    }
    match &v.kind {
        Kind::Object(es) => es
            .iter()
            .find(|e| holds(&e.value, l))
            .and_then(|e| use_of(&e.value, l, inside).or(e.key_loc.filter(|k| inside(k)))),
        Kind::List(items) => items
            .iter()
            .find(|i| holds(i, l))
            .and_then(|i| use_of(i, l, inside)),
        _ => None,
    }
}

/// Is `l` in a tfvars file, a variable block (its default) or a locals block? Top-level blocks
/// are found by their header at the start of a line, as `terraform fmt` writes them.
pub fn is_value_site(sources: &SourceMap, l: Loc) -> bool {
    use crate::source::FileKind;
    let f = sources.get(l.file);
    match f.kind {
        FileKind::Tfvars | FileKind::TfvarsJson => true,
        FileKind::Hcl => {
            let before = f.text.get(..l.start as usize).unwrap_or("");
            before
                .lines()
                .rev()
                .find(|line| {
                    line.starts_with(|c: char| c.is_ascii_alphabetic())
                        && !line.starts_with("EOT")
                        && !line.starts_with("EOF")
                })
                .is_some_and(|h| h.starts_with("variable") || h.starts_with("locals"))
        }
        _ => false,
    }
}

/// Findings inside a module name the call sites that reached it.
fn name_call_sites(sources: &SourceMap, sites: &[Loc], emits: &mut [Emit]) {
    // Most blocks of a called module report nothing: their notes are not written.
    if sites.is_empty() || emits.is_empty() {
        return;
    }
    let notes: Vec<String> = sites
        .iter()
        .map(|site| {
            let f = sources.get(site.file);
            let lc = f.line_col(site.start as usize);
            format!(
                "reached through the module call at {}:{}:{}",
                f.display, lc.line, lc.column
            )
        })
        .collect();
    for e in emits {
        e.more().notes.extend(notes.iter().cloned());
    }
}

/// Evaluate an expression rule on a block into `s`; what it read besides the rule and the
/// block (see [`crate::rules::expr::assert_each_local`]).
fn eval_rule(
    rule: &Rule,
    block: &Block,
    cfg: &Configuration,
    s: &mut Sink,
) -> crate::rules::expr::Reads {
    use crate::rules::expr::{assert_each_local, Verdict};
    let (verdicts, reads) = assert_each_local(rule, block, cfg);
    for (verdict, facet, each) in verdicts {
        match verdict {
            Verdict::Pass => {}
            Verdict::Fail {
                loc,
                message,
                resource,
                secondary,
            } => {
                let loc = loc.or(Some(block.header));
                let file = loc.map_or(block.file, |l| l.file);
                let mut e = Emit::new(leak(&rule.id), file, loc);
                e.fields.push(("message", message));
                e.resource = Some(resource.unwrap_or_else(|| block.address.clone()));
                for (l, t) in secondary {
                    e = e.secondary(Some(l), t);
                }
                if let Some(f) = facet {
                    e = e.facet(f);
                }
                each_fields(each.as_ref(), &mut e);
                s.emits.push(e);
            }
            Verdict::Unknown { loc, reason } => s.unknowns.push(UnknownNote {
                rule: rule.id.to_string(),
                file: block.file,
                loc: loc.or(Some(block.header)),
                address: Some(block.address.clone()),
                reason,
            }),
        }
    }
    reads
}

/// The scalar and list members of the element a failure is about, as `each.value.NAME` fields
/// (and lists) a fix's templates can name.
fn each_fields(each: Option<&crate::value::Value>, e: &mut Emit) {
    use crate::value::Kind;
    let Some(Kind::Object(members)) = each.and_then(|x| x.get("value")).map(|v| &v.kind) else {
        return;
    };
    for m in members {
        let name = intern(&format!("each.value.{}", m.key));
        match &m.value.kind {
            Kind::List(items) => {
                let strings: Option<Vec<String>> = items
                    .iter()
                    .map(|i| i.as_str().map(str::to_string))
                    .collect();
                if let Some(s) = strings {
                    e.more().lists.push((name, s));
                }
            }
            _ => {
                if let Some(s) = m.value.as_str() {
                    e.fields.push((name, s.to_string()));
                }
            }
        }
    }
}

/// Rule codes live for the whole run in the registry; emits name them as `&'static str` so
/// checks can use literals. Codes of user rules are interned here once.
fn leak(id: &Arc<str>) -> &'static str {
    intern(id)
}

/// A name kept for the whole run, stored once (rule codes, `each` member names).
fn intern(id: &str) -> &'static str {
    use std::sync::Mutex;
    static INTERNED: Mutex<BTreeMap<String, &'static str>> = Mutex::new(BTreeMap::new());
    let mut m = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = m.get(id) {
        return s;
    }
    let s: &'static str = Box::leak(id.to_string().into_boxed_str());
    m.insert(id.to_string(), s);
    s
}

/// What [`finalize`] keeps from one finding to the next on a thread: the last help text, which
/// the next finding whose help reads the same shares, and a buffer to render into.
#[derive(Default)]
pub struct Rendered {
    buf: String,
    help: Option<Arc<str>>,
}

/// Attach a rule's metadata to an emit.
pub fn finalize(rule: &Rule, sel: &Selection, mut e: Emit, texts: &mut Rendered) -> Finding {
    // The help first: its template may name any field, the message too.
    let help = rule.help.as_deref().map(|h| {
        texts.buf.clear();
        render_template_into(&mut texts.buf, h, &e.fields);
        match &texts.help {
            Some(last) if **last == *texts.buf => last.clone(),
            _ => texts.help.insert(Arc::from(texts.buf.as_str())).clone(),
        }
    });
    // Expression rules carry their rendered message as the `message` field (moved out).
    let message = match e.fields.iter().position(|(k, _)| *k == "message") {
        Some(i) if rule.check.is_none() || e.lower > 0 => std::mem::take(&mut e.fields[i].1),
        _ => render_template(&rule.message, &e.fields),
    };
    let mut severity = sel.severity.get(&rule.id).copied().unwrap_or(rule.severity);
    for _ in 0..e.lower {
        severity = match severity {
            Severity::Critical => Severity::High,
            Severity::High => Severity::Medium,
            Severity::Medium => Severity::Low,
            Severity::Low | Severity::Info => Severity::Info,
        };
    }
    let more = e.more.map(|m| *m).unwrap_or_default();
    Finding {
        rule: rule.id.clone(),
        name: rule.name.clone(),
        severity,
        message,
        help,
        url: rule.url.clone(),
        file: e.file,
        loc: e.loc,
        // Without a label of its own the span is labelled with the rule's title.
        label: e.label.or_else(|| Some(rule.title.clone())),
        secondary: more.secondary,
        resource: e.resource,
        pointer: e.pointer,
        notes: more.notes,
        facet: more.facet,
        change: None,
        fix: e.fix,
    }
}

/// Sort findings deterministically: file path, line, column, rule.
pub fn sort_findings(sources: &SourceMap, findings: &mut [Finding]) {
    let cmp = |a: &Finding, b: &Finding| {
        // One file has one display path: compared only between files.
        let by_path = match a.file == b.file {
            true => std::cmp::Ordering::Equal,
            false => sources
                .get(a.file)
                .display
                .cmp(&sources.get(b.file).display),
        };
        let pa = a.loc.map(|l| l.start).unwrap_or(0);
        let pb = b.loc.map(|l| l.start).unwrap_or(0);
        by_path.then_with(|| (pa, &a.rule, &a.message).cmp(&(pb, &b.rule, &b.message)))
    };
    // Checked on the pool when long (300k findings of a large document come sorted).
    let sorted = match findings.len() >= 4096 {
        true => findings.par_windows(2).all(|w| cmp(&w[0], &w[1]).is_le()),
        false => findings.is_sorted_by(|a, b| cmp(a, b).is_le()),
    };
    if sorted {
        return;
    }
    // The order found on indices and the findings moved once into it: a finding is a few
    // hundred bytes, which a merge sort would move at each of its passes. A stable sort of
    // the indices is the order a stable sort of the findings gives.
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| cmp(&findings[a], &findings[b]));
    permute(findings, order);
}

/// Rearrange `items` so that position `i` holds what was at `order[i]` (`order` a permutation),
/// following its cycles with one swap per element moved.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        // Each position is set once: it is marked done by pointing at itself.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `permute` puts at each position what was at its index in the order, for every
    /// permutation of up to six elements.
    #[test]
    fn permute_follows_the_order() {
        fn all(n: usize) -> Vec<Vec<usize>> {
            if n == 0 {
                return vec![Vec::new()];
            }
            let mut out = Vec::new();
            for p in all(n - 1) {
                for at in 0..n {
                    let mut q = p.clone();
                    q.insert(at, n - 1);
                    out.push(q);
                }
            }
            out
        }
        for n in 0..=6 {
            for order in all(n) {
                let mut items: Vec<String> = (0..n).map(|i| format!("x{i}")).collect();
                let want: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
                permute(&mut items, order.clone());
                assert_eq!(items, want, "{order:?}");
            }
        }
    }

    /// Many findings (checked for order on the pool) sort as few do: sorted ones stay, one
    /// out of place anywhere is found, ties keep their order.
    #[test]
    fn long_runs_of_findings_sort_by_file_start_rule_message() {
        use crate::source::{FileKind, Loc};
        let mut sources = SourceMap::default();
        let a = sources.add(
            "a.json".into(),
            "a.json".into(),
            FileKind::Policy,
            "x".repeat(9000).into(),
        );
        let b = sources.add(
            "b.json".into(),
            "b.json".into(),
            FileKind::Policy,
            "y".into(),
        );
        let finding = |file, start: u32, rule: &str, message: String| {
            let mut f = Finding::bare(rule, Severity::Low, file);
            f.loc = Some(Loc::new(file, start as usize..start as usize + 1));
            f.message = message;
            f
        };
        let mut sorted: Vec<Finding> = (0..5000u32)
            .map(|i| finding(a, i, "RAM008", format!("m{i}")))
            .collect();
        sorted.push(finding(b, 0, "RAM001", "z".into()));
        for swap in [None, Some((0, 1)), Some((4998, 4999)), Some((2500, 5000))] {
            let mut got = sorted.clone();
            if let Some((i, j)) = swap {
                got.swap(i, j);
            }
            sort_findings(&sources, &mut got);
            assert!(got == sorted, "{swap:?}");
        }
    }

    /// Unknowns computed from moved spans have other identities: a block is equal when they
    /// correspond one to one across the whole block, and not when two become one, one becomes
    /// two, or a name's identity changes.
    #[test]
    fn identities_of_moved_blocks_are_renamed_one_to_one() {
        use crate::value::{Entry, Kind, Unknown, Value};
        let moves = Moves(vec![Move::Same]);
        let unknown = |id: u64| {
            let mut v = Value::unknown("u", None);
            if let Kind::Unknown(u) = &mut v.kind {
                u.reference = Some("var.x".into());
                u.id = Some(id);
            }
            v
        };
        let name = Unknown::name_id("var.x");
        let obj = |ids: &[u64]| {
            let entries = ids
                .iter()
                .enumerate()
                .map(|(i, &id)| Entry {
                    key: format!("k{i}"),
                    key_loc: None,
                    value: unknown(id),
                })
                .collect();
            Value::object(entries, None)
        };
        let eq =
            |a: &[u64], b: &[u64]| moves.value_eq(&obj(a), &obj(b), &mut Some(Renaming::default()));
        assert!(eq(&[1, 2, 1], &[7, 8, 7]));
        assert!(eq(&[1, name, 2], &[7, name, 8]));
        assert!(!eq(&[1, 2], &[7, 7]), "two become one");
        assert!(!eq(&[1, 1], &[7, 8]), "one becomes two");
        // Each side's identities are compared among themselves only: a new one may be
        // another's old one.
        assert!(eq(&[1, 7], &[7, 8]));
        assert!(!eq(&[name], &[7]) && !eq(&[7], &[name]), "a name renamed");
        // Without renaming (documents), identities as they are.
        assert!(!moves.value_eq(&obj(&[1]), &obj(&[7]), &mut None));
        assert!(moves.value_eq(&obj(&[1]), &obj(&[1]), &mut None));
    }

    /// A verdict that read other blocks is reused only under one renaming across its block and
    /// every block it read: pairs that agree merge, and one identity renamed two ways, or two
    /// renamed to one, across blocks refuses the union.
    #[test]
    fn renamings_of_blocks_read_together_merge_one_to_one() {
        let r = |pairs: &[(u64, u64)]| {
            let mut r = Renaming::default();
            for &(o, n) in pairs {
                assert!(r.same(Some(o), Some(n), None));
            }
            r
        };
        let block = r(&[(1, 7), (2, 8), (5, 5)]);
        let merged = |other: &[(u64, u64)]| block.clone().merge(&r(other)).is_some();
        assert!(merged(&[(1, 7)]), "the same pair in a block read");
        assert!(
            merged(&[(3, 9), (5, 5)]),
            "new pairs, a shared identity kept"
        );
        assert!(!merged(&[(1, 9)]), "one identity renamed two ways");
        assert!(!merged(&[(3, 8)]), "two renamed to one");
        assert!(
            !merged(&[(5, 6)]),
            "one kept in the block, renamed in a block read"
        );
        assert!(
            !merged(&[(6, 5)]),
            "one kept in the block, another's new name there"
        );
        // Merged one after the other, as a verdict's types are.
        let mut all = block.clone();
        assert!(all.merge(&r(&[(3, 9)])).is_some());
        assert!(all.merge(&r(&[(4, 9)])).is_none());
    }

    #[test]
    fn offsets_map_around_the_change_only() {
        assert_eq!(Move::between("abc", "abc"), Move::Same);
        // Typing one more character in a comment: `#xx` -> `#xxx`.
        let m = Move::between("a\n#xx\nb {}\n", "a\n#xxx\nb {}\n");
        assert_eq!(
            m,
            Move::Shifted {
                from: 5,
                to: 5,
                by: 1
            }
        );
        // Appended, deleted, replaced, and the common parts never overlap.
        assert_eq!(
            Move::between("ab", "abcd"),
            Move::Shifted {
                from: 2,
                to: 2,
                by: 2
            }
        );
        assert_eq!(
            Move::between("abcd", "ad"),
            Move::Shifted {
                from: 1,
                to: 3,
                by: -2
            }
        );
        assert_eq!(
            Move::between("aaa", "aaaa"),
            Move::Shifted {
                from: 3,
                to: 3,
                by: 1
            }
        );
        assert_eq!(
            Move::between("xay", "xby"),
            Move::Shifted {
                from: 1,
                to: 2,
                by: 0
            }
        );
        let f = FileId(0);
        let moves = Moves(vec![
            Move::between("ab\n#\ncd", "ab\n#x\ncd"),
            Move::Unmapped,
        ]);
        let at = |start, end| Loc {
            file: f,
            start,
            end,
        };
        assert_eq!(moves.loc(at(0, 2)), Some(at(0, 2)));
        assert_eq!(moves.loc(at(5, 7)), Some(at(6, 8)));
        // Around the change: its end moves.
        assert_eq!(moves.loc(at(0, 7)), Some(at(0, 8)));
        assert_eq!(moves.loc(at(3, 5)), Some(at(3, 6)));
        // Touching the change (an end or a start at it): no counterpart.
        assert_eq!(moves.loc(at(0, 4)), None);
        assert_eq!(moves.loc(at(4, 5)), None);
        assert_eq!(moves.loc(at(4, 4)), None);
        assert_eq!(
            moves.loc(Loc {
                file: FileId(1),
                start: 0,
                end: 1
            }),
            None
        );
        assert_eq!(
            moves.loc(Loc {
                file: FileId(2),
                start: 0,
                end: 1
            }),
            None
        );
    }
}
