//! `.acslint.hcl`: project configuration.
//!
//! Each scanned file uses the closest `.acslint.hcl` up its directory tree (closest wins; no
//! implicit merging). `extends = "../.acslint.hcl"` inherits explicitly. `--config PATH` uses one
//! file for everything and `--isolated` none. Every value remembers where it was written, for
//! `acslint config --show` and for diagnostics that point into the file.

pub use crate::discover::FILE_NAME;
use crate::finding::Severity;
use crate::policy::DocKind;
use crate::rules::Registry;
pub use crate::source::MAX_CONFIG_SIZE;
use crate::suppress::did_you_mean;
use crate::util::HashMap;
use globset::{Glob, GlobMatcher};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use serde_json::{Map, Value as J};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub const CONFIG_SCHEMA: &str = include_str!("../rulesets/schema/config.schema.json");

/// A configuration file's text, kept for diagnostics.
#[derive(Debug)]
pub struct Source {
    pub path: PathBuf,
    pub display: String,
    pub text: String,
}

/// Where a value was written.
#[derive(Clone, Debug)]
pub struct Origin {
    pub source: Arc<Source>,
    pub span: Range<usize>,
}

impl Origin {
    pub fn line(&self) -> usize {
        self.source.text[..self.span.start.min(self.source.text.len())]
            .matches('\n')
            .count()
            + 1
    }
    pub fn describe(&self) -> String {
        format!("{}:{}", self.source.display, self.line())
    }
}

/// A value with the place it was written.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    pub value: T,
    pub origin: Origin,
}

/// A glob relative to the directory of the file that wrote it.
#[derive(Clone, Debug)]
pub struct PathGlob {
    pub pattern: String,
    pub base: PathBuf,
    matcher: GlobMatcher,
    /// `dir/**` form, so a glob naming a directory matches what is below it.
    below: GlobMatcher,
}

impl PathGlob {
    fn new(pattern: &str, base: &Path) -> Result<PathGlob, String> {
        let p = pattern.trim_start_matches("./");
        let pat = if p.contains('/') || p.starts_with("**") {
            p.trim_start_matches('/').to_string()
        } else {
            format!("**/{p}")
        };
        let m = |s: &str| {
            Glob::new(s)
                .map(|g| g.compile_matcher())
                .map_err(|e| format!("invalid glob `{pattern}`: {e}"))
        };
        Ok(PathGlob {
            pattern: pattern.to_string(),
            base: base.to_path_buf(),
            matcher: m(&pat)?,
            below: m(&format!("{}/**", pat.trim_end_matches('/')))?,
        })
    }
    /// Does an absolute path match (relative to the glob's base)?
    pub fn matches(&self, abs: &Path) -> bool {
        match abs.strip_prefix(&self.base) {
            Ok(rel) => self.matcher.is_match(rel) || self.below.is_match(rel),
            Err(_) => false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct PerPath {
    pub paths: Vec<PathGlob>,
    pub ignore: Vec<Spanned<String>>,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct KindOverride {
    pub paths: Vec<PathGlob>,
    pub kind: DocKind,
    pub origin: Origin,
}

/// The effective configuration of one file (its `extends` chain applied).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file this configuration was read from (the closest one; `extends` targets are in the
    /// origins of the values they provided).
    pub path: Option<PathBuf>,
    pub select: Option<Spanned<Vec<Spanned<String>>>>,
    pub ignore: Option<Spanned<Vec<Spanned<String>>>>,
    pub severity: BTreeMap<String, Spanned<Severity>>,
    /// `None` inside: `never`.
    pub fail_on: Option<Spanned<Option<Severity>>>,
    pub exclude: Option<Spanned<Vec<PathGlob>>>,
    pub include: Option<Spanned<Vec<PathGlob>>>,
    pub per_path: Vec<PerPath>,
    pub options: BTreeMap<String, Spanned<Map<String, J>>>,
    /// Where each option is written: (rule, option) → (its key, its value).
    pub option_spans: BTreeMap<(String, String), (Origin, Origin)>,
    pub require: Option<Spanned<Vec<Spanned<String>>>>,
    /// Directories that are root modules even without a provider, backend or variable file
    /// (configured from outside): configuration-scope rules judge them.
    pub roots: Option<Spanned<Vec<PathGlob>>>,
    pub policy_kind: Vec<KindOverride>,
    pub rules: Vec<Spanned<PathBuf>>,
    pub inline_suppressions: Option<Spanned<bool>>,
    /// A high-risk API list replacing the built-in one (path relative to the file).
    pub high_risk_list: Option<Spanned<PathBuf>>,
    /// `secrets = "iac"`: the secret rules read only the files acslint analyses; `"all"` (the
    /// default): every text file the walk visits.
    pub secrets: Option<Spanned<SecretsScope>>,
    /// Packs defined here: `define_pack "name" { select = [...] }` (JSON view of the block).
    pub packs: BTreeMap<String, Spanned<J>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretsScope {
    Iac,
    All,
}

/// An error in a configuration file, with the span it concerns.
#[derive(Clone, Debug)]
pub struct ConfigError {
    pub source: Option<Arc<Source>>,
    pub message: String,
    pub span: Option<Range<usize>>,
    pub help: Option<String>,
}

impl ConfigError {
    fn at(o: &Origin, message: String) -> ConfigError {
        ConfigError {
            source: Some(o.source.clone()),
            message,
            span: Some(o.span.clone()),
            help: None,
        }
    }
}

/// Render configuration errors as miette diagnostics pointing into the files.
pub fn render_errors(errors: &[ConfigError]) -> String {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    let mut s = String::new();
    for e in errors {
        let mut d = miette::MietteDiagnostic::new(e.message.clone()).with_code("config");
        if let Some(h) = &e.help {
            d = d.with_help(h.clone());
        }
        if let Some(sp) = &e.span {
            d = d.with_label(miette::LabeledSpan::at(sp.clone(), "here"));
        }
        let report = match &e.source {
            Some(src) => miette::Report::new(d)
                .with_source_code(miette::NamedSource::new(&src.display, src.text.clone())),
            None => miette::Report::new(d),
        };
        let _ = handler.render_report(&mut s, report.as_ref());
    }
    s
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let schema: J =
            serde_json::from_str(CONFIG_SCHEMA).expect("config.schema.json is valid JSON");
        jsonschema::validator_for(&schema).expect("config.schema.json is a valid schema")
    })
}

const KEYS: &[&str] = &[
    "extends",
    "select",
    "pack",
    "ignore",
    "severity",
    "fail_on",
    "exclude",
    "include",
    "per_path",
    "options",
    "require",
    "roots",
    "policy_kind",
    "rules",
    "inline_suppressions",
    "high_risk_list",
    "secrets",
    "define_pack",
];
const BLOCKS: &[&str] = &["per_path", "policy_kind", "options", "define_pack"];

/// The JSON view of a literal HCL expression; anything else is an error (configuration is data).
fn to_json(
    e: &Expression,
    ptr: &str,
    spans: &mut BTreeMap<String, Range<usize>>,
) -> Result<J, (String, Option<Range<usize>>)> {
    if let Some(sp) = e.span() {
        spans.entry(ptr.to_string()).or_insert(sp);
    }
    if let Some(j) = crate::rules::scalar_json(e) {
        return Ok(j);
    }
    Ok(match e {
        Expression::Array(a) => {
            let mut v = Vec::new();
            for (i, x) in a.iter().enumerate() {
                v.push(to_json(x, &format!("{ptr}/{i}"), spans)?);
            }
            J::Array(v)
        }
        Expression::Object(o) => {
            let mut m = Map::new();
            for (k, v) in o.iter() {
                let key = match k {
                    ObjectKey::Ident(i) => i.as_str().to_string(),
                    ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                    other => {
                        return Err(("object keys must be names or strings".into(), other.span()))
                    }
                };
                let p = format!("{ptr}/{key}");
                if let Some(sp) = k.span() {
                    spans.insert(format!("{p}#key"), sp);
                }
                m.insert(key, to_json(v.expr(), &p, spans)?);
            }
            J::Object(m)
        }
        other => return Err((
            "configuration values must be literals (strings, numbers, booleans, lists, objects)"
                .into(),
            other.span(),
        )),
    })
}

/// Parse one file into its JSON view and the spans of its members.
/// Byte spans of the members of a configuration, by JSON pointer (`#key` for the key itself).
type Spans = BTreeMap<String, Range<usize>>;

fn parse_file(src: &Arc<Source>) -> Result<(J, Spans), Vec<ConfigError>> {
    let err = |message: String, span: Option<Range<usize>>| ConfigError {
        source: Some(src.clone()),
        message,
        span,
        help: None,
    };
    let body: Body = hcl_edit::parser::parse_body(&src.text).map_err(|e| {
        let off = e.location().offset();
        vec![err(
            format!("invalid HCL: {}", e.message()),
            Some(off..off + 1),
        )]
    })?;
    let mut errors = Vec::new();
    let mut obj = Map::new();
    let mut spans = BTreeMap::new();
    let unknown = |name: &str, span: Option<Range<usize>>, known: &[&str]| {
        let mut e = err(format!("unknown configuration key `{name}`"), span);
        e.help = Some(match did_you_mean(name, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("known keys: {}", known.join(", ")),
        });
        e
    };
    for s in body.iter() {
        match s {
            Structure::Attribute(a) => {
                let key = a.key.as_str();
                if !KEYS.contains(&key)
                    || BLOCKS.contains(&key) && key != "options" && key != "define_pack"
                {
                    if BLOCKS.contains(&key) {
                        errors.push(err(
                            format!("`{key}` is a block: write `{key} {{ paths = [...] ... }}`"),
                            a.key.span(),
                        ));
                    } else {
                        errors.push(unknown(key, a.key.span(), KEYS));
                    }
                    continue;
                }
                let ptr = format!("/{key}");
                if let Some(sp) = a.key.span() {
                    spans.insert(format!("{ptr}#key"), sp);
                }
                match to_json(&a.value, &ptr, &mut spans) {
                    Ok(j) => {
                        obj.insert(key.to_string(), j);
                    }
                    Err((m, sp)) => errors.push(err(m, sp.or(a.span()))),
                }
            }
            Structure::Block(b) => {
                let name = b.ident.as_str();
                if !BLOCKS.contains(&name) {
                    errors.push(unknown(name, b.ident.span(), BLOCKS));
                    continue;
                }
                let mut inner = Map::new();
                let base_ptr = if name == "options" || name == "define_pack" {
                    let Some(code) = b.labels.first().map(|l| l.as_str().to_string()) else {
                        errors.push(err(
                            if name == "options" {
                                "an options block names its rule: `options \"IAM010\" { ... }`"
                                    .into()
                            } else {
                                "a define_pack block names its pack: `define_pack \"mine\" { select = [...] }`"
                                    .into()
                            },
                            b.ident.span(),
                        ));
                        continue;
                    };
                    if let Some(sp) = b.labels[0].span() {
                        spans.insert(format!("/{name}/{code}#key"), sp);
                    }
                    format!("/{name}/{code}")
                } else {
                    if !b.labels.is_empty() {
                        errors.push(err(
                            format!("a `{name}` block takes no label"),
                            b.labels[0].span(),
                        ));
                        continue;
                    }
                    let n = obj
                        .get(name)
                        .and_then(J::as_array)
                        .map(Vec::len)
                        .unwrap_or(0);
                    format!("/{name}/{n}")
                };
                if let Some(sp) = b.ident.span() {
                    spans.insert(format!("{base_ptr}#key"), sp.clone());
                    spans.entry(base_ptr.clone()).or_insert(sp);
                }
                for s in b.body.iter() {
                    match s {
                        Structure::Attribute(a) => {
                            let key = a.key.as_str();
                            let p = format!("{base_ptr}/{key}");
                            if let Some(sp) = a.key.span() {
                                spans.insert(format!("{p}#key"), sp);
                            }
                            match to_json(&a.value, &p, &mut spans) {
                                Ok(j) => {
                                    inner.insert(key.to_string(), j);
                                }
                                Err((m, sp)) => errors.push(err(m, sp.or(a.span()))),
                            }
                        }
                        Structure::Block(nb) => errors.push(err(
                            format!("unexpected block `{}` inside `{name}`", nb.ident.as_str()),
                            nb.ident.span(),
                        )),
                    }
                }
                if name == "options" || name == "define_pack" {
                    let code = base_ptr
                        .trim_start_matches(&format!("/{name}/"))
                        .to_string();
                    let opts = obj.entry(name).or_insert_with(|| J::Object(Map::new()));
                    if let Some(o) = opts.as_object_mut() {
                        if o.contains_key(&code) {
                            errors.push(err(
                                if name == "options" {
                                    format!("options for {code} are given twice")
                                } else {
                                    format!("pack {code} is defined twice")
                                },
                                b.labels[0].span(),
                            ));
                        }
                        o.insert(code, J::Object(inner));
                    }
                } else {
                    let arr = obj
                        .entry(name.to_string())
                        .or_insert_with(|| J::Array(Vec::new()));
                    if let Some(a) = arr.as_array_mut() {
                        a.push(J::Object(inner));
                    }
                }
            }
        }
    }
    let j = J::Object(obj);
    {
        for e in validator().iter_errors(&j) {
            let ptr = e.instance_path.to_string();
            // An unexpected member inside a block: point at its key.
            let mut message = e.to_string();
            let mut span = None;
            if let jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected } =
                &e.kind
            {
                if let Some(k) = unexpected.first() {
                    span = spans.get(&format!("{ptr}/{k}#key")).cloned();
                    message = format!(
                        "unknown key `{k}` in `{}`",
                        ptr.trim_start_matches('/').split('/').next().unwrap_or("")
                    );
                }
            }
            let span = span.or_else(|| {
                let mut p = ptr.clone();
                loop {
                    if let Some(sp) = spans.get(&p) {
                        break Some(sp.clone());
                    }
                    match p.rfind('/') {
                        Some(i) => p.truncate(i),
                        None => break None,
                    }
                    if p.is_empty() {
                        break None;
                    }
                }
            });
            let what = if ptr.is_empty() {
                String::new()
            } else {
                format!("`{}`: ", ptr.trim_start_matches('/').replace('/', "."))
            };
            errors.push(err(format!("{what}{message}"), span));
        }
    }
    if errors.is_empty() {
        Ok((j, spans))
    } else {
        Err(errors)
    }
}

/// One file, parsed, with its values and origins (before `extends`).
fn layer(src: &Arc<Source>) -> Result<(Config, Option<Spanned<String>>), Vec<ConfigError>> {
    let (j, spans) = parse_file(src)?;
    let dir = src.path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let origin = |ptr: &str| Origin {
        source: src.clone(),
        span: spans
            .get(ptr)
            .or_else(|| spans.get(&format!("{ptr}#key")))
            .cloned()
            .unwrap_or(0..0),
    };
    let key_origin = |ptr: &str| Origin {
        source: src.clone(),
        span: spans
            .get(&format!("{ptr}#key"))
            .or_else(|| spans.get(ptr))
            .cloned()
            .unwrap_or(0..0),
    };
    let strings = |ptr: &str, v: &J| -> Vec<Spanned<String>> {
        v.as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, x)| {
                Some(Spanned {
                    value: x.as_str()?.to_string(),
                    origin: origin(&format!("{ptr}/{i}")),
                })
            })
            .collect()
    };
    let mut errors = Vec::new();
    let mut globs = |ptr: &str, v: &J| -> Vec<PathGlob> {
        let mut out = Vec::new();
        for s in strings(ptr, v) {
            match PathGlob::new(&s.value, &dir) {
                Ok(g) => out.push(g),
                Err(m) => errors.push(ConfigError::at(&s.origin, m)),
            }
        }
        out
    };
    let mut c = Config {
        path: Some(src.path.clone()),
        ..Default::default()
    };
    let mut extends = None;
    for (k, v) in j.as_object().into_iter().flatten() {
        let ptr = format!("/{k}");
        match k.as_str() {
            "extends" => {
                extends = v.as_str().map(|s| Spanned {
                    value: s.to_string(),
                    origin: origin(&ptr),
                })
            }
            "select" | "ignore" | "require" => {
                let mut s = Some(Spanned {
                    value: strings(&ptr, v),
                    origin: key_origin(&ptr),
                });
                match k.as_str() {
                    "select" => {
                        // Packs written before `select` add to it.
                        if let (Some(prev), Some(new)) = (c.select.take(), s.as_mut()) {
                            new.value.extend(prev.value);
                        }
                        c.select = s
                    }
                    "ignore" => c.ignore = s,
                    _ => c.require = s,
                }
            }
            // Packs add to `select` (or start it): `pack = ["cis"]`.
            "pack" => {
                let packs = strings(&ptr, v);
                match &mut c.select {
                    Some(sel) => sel.value.extend(packs),
                    None => {
                        c.select = Some(Spanned {
                            value: packs,
                            origin: key_origin(&ptr),
                        })
                    }
                }
            }
            "severity" => {
                for (code, sev) in v.as_object().into_iter().flatten() {
                    if let Some(s) = sev.as_str().and_then(Severity::parse) {
                        c.severity.insert(
                            code.clone(),
                            Spanned {
                                value: s,
                                origin: key_origin(&format!("{ptr}/{code}")),
                            },
                        );
                    }
                }
            }
            "fail_on" => {
                c.fail_on = v.as_str().map(|s| Spanned {
                    value: Severity::parse(s),
                    origin: origin(&ptr),
                })
            }
            "exclude" | "include" | "roots" => {
                let s = Some(Spanned {
                    value: globs(&ptr, v),
                    origin: key_origin(&ptr),
                });
                match k.as_str() {
                    "exclude" => c.exclude = s,
                    "include" => c.include = s,
                    _ => c.roots = s,
                }
            }
            "per_path" => {
                for (i, pp) in v.as_array().into_iter().flatten().enumerate() {
                    let p = format!("{ptr}/{i}");
                    c.per_path.push(PerPath {
                        paths: globs(&format!("{p}/paths"), &pp["paths"]),
                        ignore: strings(&format!("{p}/ignore"), &pp["ignore"]),
                        origin: key_origin(&p),
                    });
                }
            }
            "policy_kind" => {
                for (i, pk) in v.as_array().into_iter().flatten().enumerate() {
                    let p = format!("{ptr}/{i}");
                    if let Some(kind) = pk["kind"].as_str().and_then(DocKind::parse) {
                        c.policy_kind.push(KindOverride {
                            paths: globs(&format!("{p}/paths"), &pk["paths"]),
                            kind,
                            origin: key_origin(&p),
                        });
                    }
                }
            }
            "define_pack" => {
                for (name, o) in v.as_object().into_iter().flatten() {
                    c.packs.insert(
                        name.clone(),
                        Spanned {
                            value: o.clone(),
                            origin: key_origin(&format!("{ptr}/{name}")),
                        },
                    );
                }
            }
            "options" => {
                for (code, o) in v.as_object().into_iter().flatten() {
                    for key in o.as_object().into_iter().flat_map(|o| o.keys()) {
                        let at = format!("{ptr}/{code}/{key}");
                        c.option_spans
                            .insert((code.clone(), key.clone()), (key_origin(&at), origin(&at)));
                    }
                    c.options.insert(
                        code.clone(),
                        Spanned {
                            value: o.as_object().cloned().unwrap_or_default(),
                            origin: key_origin(&format!("{ptr}/{code}")),
                        },
                    );
                }
            }
            "rules" => {
                for s in strings(&ptr, v) {
                    c.rules.push(Spanned {
                        value: dir.join(&s.value),
                        origin: s.origin,
                    });
                }
            }
            "inline_suppressions" => {
                c.inline_suppressions = v.as_bool().map(|b| Spanned {
                    value: b,
                    origin: origin(&ptr),
                })
            }
            "high_risk_list" => {
                c.high_risk_list = v.as_str().map(|p| Spanned {
                    value: dir.join(p),
                    origin: origin(&ptr),
                })
            }
            "secrets" => {
                c.secrets = v.as_str().map(|p| Spanned {
                    value: if p == "iac" {
                        SecretsScope::Iac
                    } else {
                        SecretsScope::All
                    },
                    origin: origin(&ptr),
                })
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok((c, extends))
    } else {
        Err(errors)
    }
}

/// `child` over `parent`: child keys win; maps merge per rule; lists of blocks add up.
fn merge(parent: Config, child: Config) -> Config {
    let mut severity = parent.severity;
    severity.extend(child.severity);
    let mut options = parent.options;
    for (k, v) in child.options {
        match options.get_mut(&k) {
            Some(p) => {
                p.value.extend(v.value);
                p.origin = v.origin;
            }
            None => {
                options.insert(k, v);
            }
        }
    }
    let mut option_spans = parent.option_spans;
    option_spans.extend(child.option_spans);
    let mut per_path = parent.per_path;
    per_path.extend(child.per_path);
    let mut policy_kind = parent.policy_kind;
    policy_kind.extend(child.policy_kind);
    let mut rules = parent.rules;
    rules.extend(child.rules);
    let mut packs = parent.packs;
    packs.extend(child.packs);
    Config {
        path: child.path.or(parent.path),
        select: child.select.or(parent.select),
        ignore: child.ignore.or(parent.ignore),
        severity,
        fail_on: child.fail_on.or(parent.fail_on),
        exclude: child.exclude.or(parent.exclude),
        include: child.include.or(parent.include),
        per_path,
        options,
        option_spans,
        require: child.require.or(parent.require),
        roots: child.roots.or(parent.roots),
        policy_kind,
        rules,
        inline_suppressions: child.inline_suppressions.or(parent.inline_suppressions),
        high_risk_list: child.high_risk_list.or(parent.high_risk_list),
        secrets: child.secrets.or(parent.secrets),
        packs,
    }
}

fn read_source(path: &Path) -> Result<Arc<Source>, String> {
    let bytes = crate::source::read_regular(path, MAX_CONFIG_SIZE).map_err(|e| {
        format!(
            "cannot read configuration {}: {e}",
            crate::source::display_path(path)
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "cannot read configuration {}: it is not valid UTF-8",
            crate::source::display_path(path)
        )
    })?;
    Ok(Arc::new(Source {
        path: crate::source::absolute(path),
        display: crate::source::display_path(path),
        text,
    }))
}

/// Where the paths a configuration names may lead: the canonical repository roots (directories
/// holding `.git`) of the scanned paths, or the scanned directories themselves outside a
/// repository. A configuration in a pull request must not make acslint open
/// `/proc/self/environ` or `~/.aliyun/config.json`.
#[derive(Clone, Debug, Default)]
pub struct Confine {
    pub roots: Vec<PathBuf>,
}

impl Confine {
    /// The boundary of `paths` (files or directories).
    pub fn of(paths: &[PathBuf]) -> Confine {
        let mut roots: Vec<PathBuf> = paths
            .iter()
            .filter_map(|p| {
                let c = std::fs::canonicalize(p).ok()?;
                let dir = if c.is_dir() {
                    c
                } else {
                    c.parent()?.to_path_buf()
                };
                // `dir` is canonical already: no second `canonicalize`.
                Some(crate::source::repo_root_from(&dir).unwrap_or(dir))
            })
            .collect();
        roots.sort();
        roots.dedup();
        Confine { roots }
    }

    /// The canonical form of `p` when it lies inside the boundary (and is a regular file of at
    /// most [`MAX_CONFIG_SIZE`] bytes, or a directory when `dir_ok`); else one refusal that
    /// does not tell whether the path exists.
    pub fn check(&self, p: &Path, what: &str, dir_ok: bool) -> Result<PathBuf, String> {
        let refuse = || {
            format!(
                "{what} `{}` is not a regular file of at most {MAX_CONFIG_SIZE} bytes inside the repository or the scanned directory; it is not read",
                crate::source::display_path(p)
            )
        };
        let canon = std::fs::canonicalize(p).map_err(|_| refuse())?;
        if !self.roots.iter().any(|r| canon.starts_with(r)) {
            return Err(refuse());
        }
        match std::fs::metadata(&canon) {
            Ok(m) if m.is_file() && m.len() <= MAX_CONFIG_SIZE => Ok(canon),
            Ok(m) if dir_ok && m.is_dir() => Ok(canon),
            _ => Err(refuse()),
        }
    }
}

/// One configuration text, parsed and checked as if read from `path` (no `extends` followed):
/// its errors rendered as the CLI shows them. For the fuzz target of `.acslint.hcl`.
pub fn check_text(path: &Path, text: &str) -> Result<Config, String> {
    let src = Arc::new(Source {
        path: path.to_path_buf(),
        display: crate::source::display_path(path),
        text: text.to_string(),
    });
    layer(&src).map(|(c, _)| c).map_err(|e| render_errors(&e))
}

/// Load a configuration file and its `extends` chain, confined to the file's repository (or
/// directory).
pub fn load(path: &Path) -> Result<Config, Vec<ConfigError>> {
    load_in(path, &Confine::of(&[path.to_path_buf()]))
}

/// Load a configuration file and its `extends` chain; `extends` and `rules` must lead inside
/// `confine`.
pub fn load_in(path: &Path, confine: &Confine) -> Result<Config, Vec<ConfigError>> {
    let mut chain: Vec<PathBuf> = Vec::new();
    load_chain(path, &mut chain, None, confine)
}

fn load_chain(
    path: &Path,
    chain: &mut Vec<PathBuf>,
    from: Option<&Origin>,
    confine: &Confine,
) -> Result<Config, Vec<ConfigError>> {
    let abs = crate::source::absolute(path);
    let what = if from.is_some() {
        "`extends` target"
    } else {
        "configuration"
    };
    let src = confine
        .check(&abs, what, false)
        .and_then(|_| read_source(&abs))
        .map_err(|m| {
            vec![match from {
                Some(o) => ConfigError::at(o, m),
                None => ConfigError {
                    source: None,
                    message: m,
                    span: None,
                    help: None,
                },
            }]
        })?;
    if chain.contains(&abs) {
        let o = from.cloned().unwrap_or(Origin {
            source: src.clone(),
            span: 0..0,
        });
        return Err(vec![ConfigError::at(
            &o,
            format!("`extends` makes a cycle through {}", src.display),
        )]);
    }
    chain.push(abs.clone());
    let (mut c, extends) = layer(&src)?;
    let mut errors = Vec::new();
    for r in &mut c.rules {
        match confine.check(&r.value, "rule file", true) {
            Ok(p) => r.value = p,
            Err(m) => errors.push(ConfigError::at(&r.origin, m)),
        }
    }
    if let Some(h) = &mut c.high_risk_list {
        match confine.check(&h.value, "high-risk list", false) {
            Ok(p) => h.value = p,
            Err(m) => errors.push(ConfigError::at(&h.origin, m)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    match extends {
        Some(e) => {
            let target = abs.parent().unwrap_or(Path::new(".")).join(&e.value);
            let parent = load_chain(&target, chain, Some(&e.origin), confine)?;
            Ok(merge(parent, c))
        }
        None => Ok(c),
    }
}

/// How configurations are found for a run.
#[derive(Clone, Debug, Default)]
pub enum Mode {
    /// The closest `.acslint.hcl` of each file.
    #[default]
    Discover,
    /// One file for everything (`--config`).
    File(PathBuf),
    /// No configuration (`--isolated`).
    Isolated,
}

/// The configurations of a run, by directory.
#[derive(Clone, Debug, Default)]
pub struct ConfigSet {
    by_dir: HashMap<PathBuf, Arc<Config>>,
    forced: Option<Arc<Config>>,
    isolated: bool,
}

impl ConfigSet {
    pub fn isolated() -> ConfigSet {
        ConfigSet {
            isolated: true,
            ..Default::default()
        }
    }

    /// Find and load the configurations that govern `paths`: every `.acslint.hcl` above them and,
    /// with `descend`, below them (directories are walked, honouring ignore files like discovery).
    pub fn load(
        mode: &Mode,
        paths: &[PathBuf],
        respect_ignore: bool,
        descend: bool,
    ) -> Result<ConfigSet, Vec<ConfigError>> {
        Self::load_found(mode, paths, respect_ignore, descend, None)
    }

    /// [`ConfigSet::load`], with the configuration files below the paths already found (by
    /// the discovery walk) instead of walked for.
    pub fn load_found(
        mode: &Mode,
        paths: &[PathBuf],
        respect_ignore: bool,
        descend: bool,
        found: Option<&[PathBuf]>,
    ) -> Result<ConfigSet, Vec<ConfigError>> {
        match mode {
            Mode::Isolated => Ok(ConfigSet::isolated()),
            Mode::File(p) => {
                let mut with = paths.to_vec();
                with.push(p.clone());
                Ok(ConfigSet {
                    forced: Some(Arc::new(load_in(p, &Confine::of(&with))?)),
                    ..Default::default()
                })
            }
            Mode::Discover => {
                let confine = Confine::of(paths);
                let mut files: Vec<PathBuf> = Vec::new();
                for p in paths {
                    let abs = crate::source::absolute(p);
                    // Up to the repository root, as git does; outside a repository, no higher
                    // than the path itself (a file planted above a checkout changes nothing).
                    let top = crate::discover::repo_root(&abs);
                    for a in abs.ancestors() {
                        let f = a.join(FILE_NAME);
                        if f.is_file() {
                            files.push(f);
                        }
                        let stop = match &top {
                            Some(t) => std::fs::canonicalize(a).is_ok_and(|c| &c == t),
                            None => a != abs || a.is_dir(),
                        };
                        if stop {
                            break;
                        }
                    }
                    if descend && abs.is_dir() && found.is_none() {
                        // Parallel like discovery; the list is sorted below.
                        let found = std::sync::Mutex::new(Vec::new());
                        ignore::WalkBuilder::new(&abs)
                            .hidden(false)
                            .git_ignore(respect_ignore)
                            .ignore(respect_ignore)
                            .require_git(false)
                            .threads(rayon::current_num_threads())
                            .filter_entry(|e| {
                                let n = e.file_name();
                                !(e.file_type().is_some_and(|t| t.is_dir())
                                    && (n == ".terraform" || n == ".git"))
                            })
                            .build_parallel()
                            .run(|| {
                                let found = &found;
                                Box::new(move |e| {
                                    if let Ok(e) = e {
                                        if e.file_name() == FILE_NAME
                                            && e.file_type().is_some_and(|t| t.is_file())
                                        {
                                            if let Ok(mut f) = found.lock() {
                                                f.push(crate::source::absolute(e.path()));
                                            }
                                        }
                                    }
                                    ignore::WalkState::Continue
                                })
                            });
                        files.extend(found.into_inner().unwrap_or_default());
                    }
                }
                if descend {
                    files.extend(
                        found
                            .unwrap_or_default()
                            .iter()
                            .map(|f| crate::source::absolute(f)),
                    );
                }
                files.sort();
                files.dedup();
                let mut set = ConfigSet::default();
                let mut errors = Vec::new();
                for f in files {
                    match load_in(&f, &confine) {
                        Ok(c) => {
                            let dir = f.parent().unwrap_or(Path::new("/")).to_path_buf();
                            set.by_dir.insert(dir, Arc::new(c));
                        }
                        Err(e) => errors.extend(e),
                    }
                }
                if errors.is_empty() {
                    Ok(set)
                } else {
                    // A file reached both directly and through `extends` reports once.
                    let mut seen = crate::util::HashSet::default();
                    errors.retain(|e| {
                        seen.insert((
                            e.source.as_ref().map(|s| s.path.clone()),
                            e.span.clone(),
                            e.message.clone(),
                        ))
                    });
                    Err(errors)
                }
            }
        }
    }

    /// The configuration governing a file or directory.
    pub fn for_path(&self, path: &Path) -> Option<Arc<Config>> {
        if self.isolated {
            return None;
        }
        if let Some(f) = &self.forced {
            return Some(f.clone());
        }
        // Most trees have no configuration: no path to make absolute (a `getcwd` per file).
        if self.by_dir.is_empty() {
            return None;
        }
        let abs = crate::source::absolute(path);
        abs.ancestors().find_map(|d| self.by_dir.get(d)).cloned()
    }

    /// Every configuration in play.
    pub fn all(&self) -> Vec<Arc<Config>> {
        let mut v: Vec<Arc<Config>> = self.forced.iter().cloned().collect();
        let mut dirs: Vec<_> = self.by_dir.iter().collect();
        dirs.sort_by(|a, b| a.0.cmp(b.0));
        v.extend(dirs.into_iter().map(|(_, c)| c.clone()));
        v
    }

    /// Check every rule code and selector against the registry (after user rules are loaded).
    /// (Rule options are checked against the rules' declarations, see `validate_options`.)
    pub fn validate(&self, reg: &Registry) -> Result<(), Vec<ConfigError>> {
        let mut errors = Vec::new();
        for c in self.all() {
            c.validate(reg, &mut errors);
        }
        // Values inherited through `extends` are checked once.
        let mut seen = crate::util::HashSet::default();
        errors.retain(|e| {
            seen.insert((
                e.source.as_ref().map(|s| s.path.clone()),
                e.span.clone(),
                e.message.clone(),
            ))
        });
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn selector_error(reg: &Registry, s: &Spanned<String>) -> ConfigError {
    let mut e = ConfigError::at(&s.origin, format!("`{}` selects no rule", s.value));
    let cands = reg
        .rules()
        .iter()
        .map(|r| &*r.id)
        .chain(reg.rules().iter().map(|r| &*r.name));
    e.help = Some(match did_you_mean(&s.value, cands) {
        Some(m) => format!("did you mean `{m}`?"),
        None => {
            "use a code (RAM001), a prefix (RAM, OSS0) or a rule name; see `acslint rules`".into()
        }
    });
    e
}

impl Config {
    /// Rule options against their declarations (`options` in the rule files): a name the rule
    /// does not declare (with "did you mean"), a value of the wrong type or out of range.
    fn validate_options(&self, reg: &Registry, errors: &mut Vec<ConfigError>) {
        for (code, o) in &self.options {
            let Some(rule) = reg.get(code) else {
                continue; // reported as an unknown code
            };
            for (key, value) in &o.value {
                let (key_at, value_at) = self
                    .option_spans
                    .get(&(code.clone(), key.clone()))
                    .cloned()
                    .unwrap_or_else(|| (o.origin.clone(), o.origin.clone()));
                match rule.option(key) {
                    None => {
                        let mut e =
                            ConfigError::at(&key_at, format!("{code} has no option `{key}`"));
                        let names = rule.options.iter().map(|o| o.name.as_str());
                        e.help = Some(match crate::suppress::did_you_mean(key, names) {
                            Some(m) => format!("did you mean `{m}`?"),
                            None if rule.options.is_empty() => {
                                format!("{code} takes no options")
                            }
                            None => format!(
                                "options of {code}: {}",
                                rule.options
                                    .iter()
                                    .map(|o| format!("`{}`", o.name))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        });
                        errors.push(e);
                    }
                    Some(decl) => {
                        if let Err(why) = decl.check(value) {
                            let mut e = ConfigError::at(
                                &value_at,
                                format!("option `{key}` of {code} {why}"),
                            );
                            e.help = Some(format!(
                                "{}: {} (default {})",
                                decl.name, decl.description, decl.default
                            ));
                            errors.push(e);
                        }
                    }
                }
            }
        }
    }

    fn validate(&self, reg: &Registry, errors: &mut Vec<ConfigError>) {
        let sels = self
            .select
            .iter()
            .chain(&self.ignore)
            .flat_map(|s| s.value.iter())
            .chain(self.per_path.iter().flat_map(|p| p.ignore.iter()));
        for s in sels {
            if reg.select(&s.value).is_empty() {
                errors.push(selector_error(reg, s));
            }
        }
        let codes = self
            .severity
            .iter()
            .map(|(k, v)| (k, &v.origin))
            .chain(self.options.iter().map(|(k, v)| (k, &v.origin)));
        for (code, origin) in codes {
            if reg.get(code).is_none() {
                errors.push(selector_error(
                    reg,
                    &Spanned {
                        value: code.clone(),
                        origin: origin.clone(),
                    },
                ));
            }
        }
        self.validate_options(reg, errors);
        if let Some(req) = &self.require {
            for r in &req.value {
                if self.required_rules(reg, &r.value).is_empty() {
                    let mut e = ConfigError::at(
                        &r.origin,
                        format!("`{}` names no configuration-scope requirement", r.value),
                    );
                    let names: Vec<String> = reg
                        .sorted()
                        .into_iter()
                        .filter(|x| x.scope == crate::rules::Scope::Configuration)
                        .map(|x| format!("{} ({})", x.id, x.name))
                        .collect();
                    e.help = Some(if names.is_empty() {
                        "no configuration-scope rule is installed".into()
                    } else {
                        format!("configuration-scope rules: {}", names.join(", "))
                    });
                    errors.push(e);
                }
            }
        }
    }

    /// Configuration-scope rules a `require` entry names: a code, a name, or a word of a name.
    pub fn required_rules(&self, reg: &Registry, word: &str) -> Vec<Arc<str>> {
        reg.rules()
            .iter()
            .filter(|r| r.scope == crate::rules::Scope::Configuration)
            .filter(|r| {
                r.id.eq_ignore_ascii_case(word)
                    || &*r.name == word
                    || r.name.split('-').any(|w| w.eq_ignore_ascii_case(word))
            })
            .map(|r| r.id.clone())
            .collect()
    }

    /// Is a rule selected for files governed by this configuration (select/ignore only)?
    pub fn selects(&self, reg: &Registry, rule: &str) -> bool {
        let hit = |sels: &[Spanned<String>]| {
            sels.iter()
                .any(|s| reg.select(&s.value).iter().any(|r| &*r.id == rule))
        };
        let default_on = reg.is_default(rule);
        let required = self.require.as_ref().is_some_and(|req| {
            req.value.iter().any(|w| {
                self.required_rules(reg, &w.value)
                    .iter()
                    .any(|r| &**r == rule)
            })
        });
        let selected = match &self.select {
            Some(s) => hit(&s.value),
            None => default_on,
        } || required;
        selected && !self.ignore.as_ref().is_some_and(|i| hit(&i.value))
    }

    /// The per-path entry that ignores a rule for a file, if any.
    pub fn per_path_ignore(&self, reg: &Registry, file: &Path, rule: &str) -> Option<&PerPath> {
        let abs = crate::source::absolute(file);
        self.per_path.iter().find(|p| {
            p.paths.iter().any(|g| g.matches(&abs))
                && p.ignore
                    .iter()
                    .any(|s| reg.select(&s.value).iter().any(|r| &*r.id == rule))
        })
    }

    /// The configured kind of a standalone policy file.
    pub fn policy_kind_of(&self, file: &Path) -> Option<DocKind> {
        let abs = crate::source::absolute(file);
        self.policy_kind
            .iter()
            .rev()
            .find(|k| k.paths.iter().any(|g| g.matches(&abs)))
            .map(|k| k.kind)
    }

    /// Does `roots` name this directory (`.` names the configuration's own directory)?
    pub fn names_root(&self, dir: &Path) -> bool {
        let abs = crate::source::absolute(dir);
        self.roots.as_ref().is_some_and(|r| {
            r.value.iter().any(|g| {
                let own = matches!(g.pattern.trim_end_matches('/'), "." | "./" | "");
                if own {
                    crate::source::absolute(&g.base) == abs
                } else {
                    g.matches(&abs)
                }
            })
        })
    }

    /// Is a file excluded by `exclude`/`include`?
    pub fn excludes(&self, file: &Path) -> bool {
        let abs = crate::source::absolute(file);
        self.exclude
            .as_ref()
            .is_some_and(|e| e.value.iter().any(|g| g.matches(&abs)))
            || self
                .include
                .as_ref()
                .is_some_and(|i| !i.value.iter().any(|g| g.matches(&abs)))
    }

    /// The effective configuration as HCL-like text, each value with where it came from.
    pub fn show(&self) -> String {
        let mut s = String::new();
        let from = |o: &Origin| format!("  # {}", o.describe());
        let list = |v: &[Spanned<String>]| {
            format!(
                "[{}]",
                v.iter()
                    .map(|x| format!("{:?}", x.value))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        match &self.path {
            Some(p) => s.push_str(&format!(
                "# configuration: {}\n",
                crate::source::display_path(p)
            )),
            None => s.push_str("# no configuration file: defaults\n"),
        }
        match &self.select {
            Some(v) => s.push_str(&format!("select = {}{}\n", list(&v.value), from(&v.origin))),
            None => s.push_str("select = <rules enabled by default>  # default\n"),
        }
        match &self.ignore {
            Some(v) => s.push_str(&format!("ignore = {}{}\n", list(&v.value), from(&v.origin))),
            None => s.push_str("ignore = []  # default\n"),
        }
        match &self.fail_on {
            Some(v) => s.push_str(&format!(
                "fail_on = {:?}{}\n",
                v.value.map(Severity::as_str).unwrap_or("never"),
                from(&v.origin)
            )),
            None => s.push_str("fail_on = \"low\"  # default\n"),
        }
        for (k, v) in [
            ("exclude", &self.exclude),
            ("include", &self.include),
            ("roots", &self.roots),
        ] {
            if let Some(v) = v {
                let pats: Vec<String> =
                    v.value.iter().map(|g| format!("{:?}", g.pattern)).collect();
                s.push_str(&format!("{k} = [{}]{}\n", pats.join(", "), from(&v.origin)));
            }
        }
        if !self.severity.is_empty() {
            s.push_str("severity = {\n");
            for (k, v) in &self.severity {
                s.push_str(&format!(
                    "  {k} = {:?}{}\n",
                    v.value.as_str(),
                    from(&v.origin)
                ));
            }
            s.push_str("}\n");
        }
        if let Some(v) = &self.require {
            s.push_str(&format!(
                "require = {}{}\n",
                list(&v.value),
                from(&v.origin)
            ));
        }
        if let Some(v) = &self.inline_suppressions {
            s.push_str(&format!(
                "inline_suppressions = {}{}\n",
                v.value,
                from(&v.origin)
            ));
        }
        if let Some(v) = &self.high_risk_list {
            s.push_str(&format!(
                "high_risk_list = {:?}{}\n",
                crate::source::display_path(&v.value),
                from(&v.origin)
            ));
        }
        if let Some(v) = &self.secrets {
            s.push_str(&format!(
                "secrets = \"{}\"{}\n",
                if v.value == SecretsScope::Iac {
                    "iac"
                } else {
                    "all"
                },
                from(&v.origin)
            ));
        }
        for r in &self.rules {
            s.push_str(&format!(
                "rules += [{:?}]{}\n",
                crate::source::display_path(&r.value),
                from(&r.origin)
            ));
        }
        for p in &self.per_path {
            let pats: Vec<String> = p.paths.iter().map(|g| format!("{:?}", g.pattern)).collect();
            s.push_str(&format!(
                "per_path {{ paths = [{}] ignore = {} }}{}\n",
                pats.join(", "),
                list(&p.ignore),
                from(&p.origin)
            ));
        }
        for k in &self.policy_kind {
            let pats: Vec<String> = k.paths.iter().map(|g| format!("{:?}", g.pattern)).collect();
            s.push_str(&format!(
                "policy_kind {{ paths = [{}] kind = {:?} }}{}\n",
                pats.join(", "),
                k.kind.as_str(),
                from(&k.origin)
            ));
        }
        for (code, o) in &self.options {
            s.push_str(&format!(
                "options {code:?} {}{}\n",
                serde_json::to_string(&o.value).unwrap_or_default(),
                from(&o.origin)
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn globs_are_relative_to_the_file_that_writes_them() {
        let d = tempfile::tempdir().unwrap();
        let root = crate::source::absolute(d.path());
        write(&root, ".acslint.hcl", "exclude = [\"gen/**\", \"*.bak.tf\"]\npolicy_kind {\n  paths = [\"trust/*.json\"]\n  kind = \"trust\"\n}\nper_path {\n  paths = [\"legacy\"]\n  ignore = [\"TF001\"]\n}\n");
        write(
            &root,
            "sub/.acslint.hcl",
            "extends = \"../.acslint.hcl\"\nfail_on = \"never\"\n",
        );
        let set =
            ConfigSet::load(&Mode::Discover, std::slice::from_ref(&root), false, true).unwrap();
        let top = set.for_path(&root.join("main.tf")).unwrap();
        assert!(top.excludes(&root.join("gen/x/main.tf")));
        assert!(top.excludes(&root.join("a/b/old.bak.tf")));
        assert!(!top.excludes(&root.join("main.tf")));
        assert_eq!(
            top.policy_kind_of(&root.join("trust/role.json")),
            Some(DocKind::Trust)
        );
        assert_eq!(
            top.policy_kind_of(&root.join("other/trust/role.json")),
            None
        );
        let reg = Registry::builtin();
        assert!(top
            .per_path_ignore(reg, &root.join("legacy/a/b.tf"), "TF001")
            .is_some());
        assert!(top
            .per_path_ignore(reg, &root.join("legacy/a/b.tf"), "TF002")
            .is_none());
        // The nested file inherits, and its own keys win; closest wins for files below it.
        let sub = set.for_path(&root.join("sub/x/main.tf")).unwrap();
        assert_eq!(sub.fail_on.as_ref().map(|f| f.value), Some(None));
        assert!(sub.excludes(&root.join("gen/a.tf")));
        assert!(top.fail_on.is_none());
        assert!(ConfigSet::isolated()
            .for_path(&root.join("main.tf"))
            .is_none());
    }

    #[test]
    fn extends_cycles_and_missing_files_are_errors() {
        let d = tempfile::tempdir().unwrap();
        let a = write(d.path(), "a.hcl", "extends = \"b.hcl\"\n");
        write(d.path(), "b.hcl", "extends = \"a.hcl\"\n");
        let e = load(&a).unwrap_err();
        assert!(e[0].message.contains("cycle"), "{:?}", e);
        let c = write(d.path(), "c.hcl", "extends = \"nope.hcl\"\n");
        let e = load(&c).unwrap_err();
        assert!(
            e[0].message.contains("`extends` target `")
                && e[0].message.contains("nope.hcl` is not a regular file"),
            "{:?}",
            e
        );
        assert_eq!(e[0].span, Some(10..20));
    }

    #[test]
    fn paths_a_configuration_names_are_confined() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("repo");
        std::fs::create_dir_all(root.join(".git")).unwrap();
        let outside = write(d.path(), "outside.hcl", "fail_on = \"never\"\n");
        let fifo_free = |text: &str| {
            let c = write(&root, ".acslint.hcl", text);
            let e = load_in(&c, &Confine::of(std::slice::from_ref(&root))).unwrap_err();
            e[0].message.clone()
        };
        // Outside, missing outside, and a directory: the same refusal.
        let m1 = fifo_free(&format!("extends = {:?}\n", outside.display().to_string()));
        let m2 = fifo_free("extends = \"../nope.hcl\"\n");
        assert!(m1.ends_with("is not a regular file of at most 1048576 bytes inside the repository or the scanned directory; it is not read"), "{m1}");
        assert_eq!(m1.split('`').nth(4), m2.split('`').nth(4));
        assert!(fifo_free("extends = \"/proc/self/environ\"\n").contains("not a regular file"));
        assert!(fifo_free("rules = [\"../outside.hcl\"]\n").starts_with("rule file `"));
        // A link inside the repository to a file outside it is refused too.
        std::os::unix::fs::symlink(&outside, root.join("base.hcl")).unwrap();
        assert!(fifo_free("extends = \"base.hcl\"\n").contains("not a regular file"));
        // Inside, it is read.
        write(&root, "ok.hcl", "fail_on = \"never\"\n");
        let c = write(&root, ".acslint.hcl", "extends = \"ok.hcl\"\n");
        assert!(load_in(&c, &Confine::of(std::slice::from_ref(&root))).is_ok());
    }

    #[test]
    fn values_must_be_literals_and_blocks_well_formed() {
        let d = tempfile::tempdir().unwrap();
        let p = write(
            d.path(),
            "x.hcl",
            "select = [var.x]\noptions {\n}\nper_path = []\n",
        );
        let msgs: Vec<String> = load(&p)
            .unwrap_err()
            .into_iter()
            .map(|e| e.message)
            .collect();
        assert_eq!(
            msgs,
            vec![
                "configuration values must be literals (strings, numbers, booleans, lists, objects)",
                "an options block names its rule: `options \"IAM010\" { ... }`",
                "`per_path` is a block: write `per_path { paths = [...] ... }`",
            ]
        );
    }
}
