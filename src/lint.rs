//! The pipeline: discover → read → parse → model → rules → findings.

use crate::config::{Config, ConfigSet};
use crate::discover::{self, Candidate, DiscoverOptions, KindHint};
use crate::engine::{self, Selection};
use crate::finding::{Emit, Finding};
use crate::json::{self, SpanMap};
use crate::policy::DocKind;
use crate::report::Suppressed;
use crate::rules::Registry;
use crate::source::SourceFile;
use crate::source::{FileId, FileKind, Loc, SourceMap};
use crate::suppress;
use crate::tf::{self, Document, UnknownNote, Workspace};
use crate::value::Value;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct LintOptions {
    pub paths: Vec<PathBuf>,
    pub discover: DiscoverOptions,
    pub max_file_size: u64,
    /// Text given on standard input, with the name it should be linted as.
    pub stdin: Option<(String, String)>,
    /// Project configuration (`.acslint.hcl`); `None` lints with the selection alone.
    pub config: Option<Arc<ConfigSet>>,
    /// Whether each file's configuration filters rules by its `select`/`ignore` (false when the
    /// command line selected rules: the command line wins).
    pub config_selection: bool,
    /// Honour inline suppression comments (`--no-inline-suppressions` turns them off).
    pub inline_suppressions: bool,
    /// Terraform inputs from outside the configuration (`--var`, `--var-file`, `TF_VAR_*`).
    pub eval: tf::EvalOptions,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            paths: vec![PathBuf::from(".")],
            discover: DiscoverOptions {
                respect_ignore_files: true,
                ..Default::default()
            },
            max_file_size: discover::DEFAULT_MAX_FILE_SIZE,
            stdin: None,
            config: None,
            config_selection: true,
            inline_suppressions: true,
            eval: tf::EvalOptions::default(),
        }
    }
}

pub struct LintResult {
    pub sources: SourceMap,
    pub findings: Vec<Finding>,
    pub unknowns: Vec<UnknownNote>,
    /// Files linted (excluding JSON that was neither a policy nor a plan).
    pub files: usize,
    /// Findings silenced by inline suppressions or per-path configuration.
    pub suppressed: Vec<Suppressed>,
}

/// A file as read: its text or why it could not be read.
enum Read {
    Text(FileKind, String),
    Skip,
    Error(String),
}

/// Display form of a path: relative to the working directory when possible, `/`-separated.
pub fn display_path(p: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = cwd
        .as_deref()
        .and_then(|c| p.strip_prefix(c).ok())
        .unwrap_or(p);
    let s = rel.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn read(c: &Candidate, max: u64) -> Read {
    let meta = match std::fs::metadata(&c.path) {
        Ok(m) => m,
        Err(e) => return Read::Error(format!("cannot read the file: {e}")),
    };
    if meta.len() > max {
        return Read::Error(format!(
            "the file is {} bytes, over the {max}-byte limit (raise it with --max-file-size); it was not analysed",
            meta.len()
        ));
    }
    let bytes = match std::fs::read(&c.path) {
        Ok(b) => b,
        Err(e) => return Read::Error(format!("cannot read the file: {e}")),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Read::Error(format!(
                "the file is not valid UTF-8 (invalid byte at offset {}); it was not analysed",
                e.utf8_error().valid_up_to()
            ))
        }
    };
    classify(c.kind, text, c.explicit)
}

fn classify(hint: Option<KindHint>, mut text: String, explicit: bool) -> Read {
    if text.starts_with('\u{feff}') {
        // Editors hide the byte order mark and parsers reject it.
        text.drain(..3);
    }
    let kind = match hint {
        Some(KindHint::Hcl) => FileKind::Hcl,
        Some(KindHint::TfJson) => FileKind::TfJson,
        Some(KindHint::Tfvars) => FileKind::Tfvars,
        Some(KindHint::TfvarsJson) => FileKind::TfvarsJson,
        Some(KindHint::Json) => match discover::sniff_json(&text) {
            Some(k) => k,
            None => return Read::Skip,
        },
        None if explicit => {
            // A file named explicitly with an unknown extension: sniff JSON, else try HCL.
            match discover::sniff_json(&text) {
                Some(k) => k,
                None => FileKind::Hcl,
            }
        }
        None => return Read::Skip,
    };
    Read::Text(kind, text)
}

/// Run the whole pipeline.
pub fn lint(opts: &LintOptions, reg: &Registry, sel: &Selection) -> Result<LintResult, String> {
    let mut sources = SourceMap::default();
    let mut emits: Vec<Emit> = Vec::new();

    if let Some((name, text)) = &opts.stdin {
        let hint = KindHint::of(Path::new(name)).or(Some(KindHint::Hcl));
        match classify(hint, text.clone(), true) {
            Read::Text(kind, text) => {
                sources.add(PathBuf::from(name), name.clone(), kind, text.into());
            }
            Read::Skip | Read::Error(_) => {}
        }
    } else {
        let (mut cands, walk_errors) = discover::discover(&opts.paths, &opts.discover)?;
        if let Some(cs) = &opts.config {
            // `exclude`/`include` of each file's configuration; files named explicitly stay.
            cands.retain(|c| {
                c.explicit
                    || cs
                        .for_path(&c.path)
                        .is_none_or(|cfg| !cfg.excludes(&c.path))
            });
        }
        for w in walk_errors {
            let display = w
                .path
                .as_deref()
                .map(display_path)
                .unwrap_or_else(|| ".".into());
            let id = sources.add(
                w.path.clone().unwrap_or_default(),
                display,
                FileKind::Other,
                Arc::from(""),
            );
            emits.push(Emit::new("TF002", id, None).field("reason", w.message));
        }
        let reads: Vec<Read> = cands
            .par_iter()
            .map(|c| read(c, opts.max_file_size))
            .collect();
        for (c, r) in cands.iter().zip(reads) {
            match r {
                Read::Text(kind, text) => {
                    sources.add(c.path.clone(), display_path(&c.path), kind, text.into());
                }
                Read::Skip => {}
                Read::Error(reason) => {
                    let id = sources.add(
                        c.path.clone(),
                        display_path(&c.path),
                        FileKind::Other,
                        Arc::from(""),
                    );
                    let code = if reason.contains("-byte limit") {
                        "TF003"
                    } else {
                        "TF002"
                    };
                    emits.push(Emit::new(code, id, None).field("reason", reason));
                }
            }
        }
    }

    let kind_of = |f: &SourceFile| {
        opts.config
            .as_ref()
            .and_then(|cs| cs.for_path(&f.path))
            .and_then(|cfg| cfg.policy_kind_of(&f.path))
    };
    let mut ws = build_workspace_kinds(&sources, &opts.eval, &kind_of);
    ws.emits.splice(0..0, emits);
    let files = sources
        .files()
        .iter()
        .filter(|f| f.kind != FileKind::Other)
        .count();
    let out = engine::run(reg, sel, &sources, &ws)?;
    let (mut findings, suppressed) = filter(opts, reg, sel, &sources, out.findings);
    engine::sort_findings(&sources, &mut findings);
    Ok(LintResult {
        sources,
        findings,
        unknowns: out.unknowns,
        files,
        suppressed,
    })
}

/// The filter stage, after the rules ran: each file's configuration (`select`/`ignore`,
/// `per_path`, `severity`), then inline suppressions, which add their own diagnostics (TF010–
/// TF013). Returns the findings kept and those suppressed.
pub fn filter(
    opts: &LintOptions,
    reg: &Registry,
    sel: &Selection,
    sources: &SourceMap,
    findings: Vec<Finding>,
) -> (Vec<Finding>, Vec<Suppressed>) {
    let cfg_of = |id: FileId| -> Option<Arc<Config>> {
        opts.config.as_ref()?.for_path(&sources.get(id).path)
    };
    let enabled = |id: FileId, rule: &str| -> bool {
        sel.is_enabled(rule)
            && (!opts.config_selection || cfg_of(id).is_none_or(|c| c.selects(reg, rule)))
    };
    let findings: Vec<Finding> = findings
        .into_iter()
        .filter(|f| enabled(f.file, &f.rule))
        .collect();
    let allow_inline = |id: FileId| {
        opts.inline_suppressions
            && cfg_of(id).is_none_or(|c| c.inline_suppressions.as_ref().is_none_or(|s| s.value))
    };
    let applied = suppress::apply(
        reg,
        sel,
        sources,
        findings,
        suppress::Date::today(),
        &enabled,
        &allow_inline,
    );
    let mut suppressed = applied.suppressed;
    let mut kept = Vec::new();
    for mut f in applied.findings {
        let Some(cfg) = cfg_of(f.file) else {
            kept.push(f);
            continue;
        };
        if let Some(s) = cfg.severity.get(&*f.rule) {
            f.severity = s.value;
        }
        // Per-path ignores are the project's central decision: they apply to every rule, even
        // those that inline comments cannot silence.
        match cfg.per_path_ignore(reg, &sources.get(f.file).path, &f.rule) {
            Some(pp) => suppressed.push(Suppressed {
                finding: f,
                by: format!("per_path ({})", pp.origin.describe()),
                reason: None,
            }),
            _ => kept.push(f),
        }
    }
    engine::sort_findings(sources, &mut kept);
    suppressed.sort_by(|a, b| {
        let key = |s: &Suppressed| {
            let f = &s.finding;
            (
                sources.get(f.file).display.clone(),
                f.loc.map(|l| l.start),
                f.rule.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    (kept, suppressed)
}

/// Parse every file and build the model the rules see.
pub fn build_workspace(sources: &SourceMap) -> Workspace {
    build_workspace_with(sources, &tf::EvalOptions::default())
}

/// [`build_workspace`] with Terraform variable inputs.
pub fn build_workspace_with(sources: &SourceMap, eval: &tf::EvalOptions) -> Workspace {
    build_workspace_kinds(sources, eval, &|_| None)
}

/// [`build_workspace_with`] and a configured kind for standalone policy files (`policy_kind`).
pub fn build_workspace_kinds(
    sources: &SourceMap,
    eval: &tf::EvalOptions,
    kind_of: &(dyn Fn(&SourceFile) -> Option<DocKind> + Sync),
) -> Workspace {
    let mut ws = Workspace::default();
    let parsed: Vec<(Vec<Emit>, Vec<Document>)> = sources
        .files()
        .par_iter()
        .map(|f| match f.kind {
            FileKind::Policy => policy_file(f.id, &f.text, kind_of(f)),
            _ => (Vec::new(), Vec::new()),
        })
        .collect();
    for (e, d) in parsed {
        ws.emits.extend(e);
        ws.documents.extend(d);
    }
    tf::load_with(sources, &mut ws, eval);
    ws
}

fn policy_file(file: FileId, text: &str, kind: Option<DocKind>) -> (Vec<Emit>, Vec<Document>) {
    match json::parse(text, SpanMap::Exact { file, offset: 0 }) {
        Ok(value) => {
            let kind = kind.unwrap_or_else(|| infer_kind(&value));
            let whole = Some(Loc::new(file, 0..text.len()));
            (
                Vec::new(),
                vec![Document {
                    kind,
                    value,
                    file,
                    loc: whole,
                    resource: None,
                    text: Some(text.to_string()),
                }],
            )
        }
        Err(e) => (
            vec![Emit::new("RAM000", file, e.loc)
                .field("reason", e.message.clone())
                .label(e.message)],
            Vec::new(),
        ),
    }
}

/// The kind of a standalone policy: statements with a `Principal` make a trust policy when every
/// action is `sts:AssumeRole`, a bucket policy otherwise; no principal makes an identity policy.
pub fn infer_kind(v: &Value) -> DocKind {
    let statements: Vec<&Value> = match v.entry_ignore_case("Statement").map(|e| &e.value) {
        Some(s) => match s.as_list() {
            Some(l) => l.iter().collect(),
            None => vec![s],
        },
        None => return DocKind::Identity,
    };
    let with_principal: Vec<&&Value> = statements
        .iter()
        .filter(|s| s.entry_ignore_case("Principal").is_some())
        .collect();
    if with_principal.is_empty() {
        return DocKind::Identity;
    }
    let all_assume = with_principal.iter().all(|s| {
        let a = s.entry_ignore_case("Action").map(|e| &e.value);
        let acts: Vec<&str> = match a {
            Some(a) => match a.as_list() {
                Some(l) => l.iter().filter_map(Value::as_str).collect(),
                None => a.as_str().into_iter().collect(),
            },
            None => Vec::new(),
        };
        !acts.is_empty()
            && acts
                .iter()
                .all(|x| x.to_ascii_lowercase().starts_with("sts:assumerole"))
    });
    if all_assume {
        DocKind::Trust
    } else {
        DocKind::Bucket
    }
}
