//! Terraform plan JSON (`terraform show -json plan.out`, OpenTofu's `tofu show -json`): planned
//! resources become blocks whose values point into the plan file; values the plan marks as known
//! only after apply are unknown. The state before the plan (`prior_state`) is modelled too, so
//! that [`review`](crate::tf::review) can say what the plan introduces, keeps and fixes.

use super::model::{Block, BlockKind, Configuration, Workspace};
use super::{extract_documents, successor};
use crate::finding::{Action, Emit};
use crate::json::{self, SpanMap};
use crate::source::{FileId, Loc, SourceFile, SourceMap};
use crate::value::{Entry, Kind, Value};
use std::collections::HashMap;

/// One resource's entry in `resource_changes`.
#[derive(Clone, Debug)]
pub struct ResourceChange {
    pub action: Action,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub before_sensitive: Option<Value>,
    pub after_sensitive: Option<Value>,
}

/// What a plan file adds to the model besides its planned configuration.
#[derive(Default)]
pub struct PlanInfo {
    pub file: FileId,
    /// `resource_changes` by address.
    pub changes: HashMap<String, ResourceChange>,
    /// `output_changes` actions by output name.
    pub output_actions: HashMap<String, Action>,
    /// The state before the plan, as a configuration (resources and data sources only) with its
    /// policy documents: the rules run on it too, and its findings are compared with the
    /// planned ones.
    pub before: Workspace,
    /// `source` of each module call by module path (`net.subnets` for `module.net.module.subnets`).
    pub module_sources: HashMap<String, String>,
}

/// The plan `format_version`s acslint reads: `0.x` (Terraform 0.12–1.0) and `1.x` (Terraform
/// 1.1–1.10, OpenTofu). A new major version means an incompatible format.
pub fn supported_format(v: &str) -> bool {
    matches!(v.split('.').next(), Some("0" | "1"))
}

/// `change.actions` as one action.
pub fn action_of(actions: &[&str]) -> Action {
    match actions {
        ["create"] => Action::Create,
        ["read"] => Action::Read,
        ["update"] => Action::Update,
        // `forget` (a `removed` block) stops managing the resource: as far as this
        // configuration goes, it is gone.
        ["delete"] | ["forget"] => Action::Delete,
        ["no-op"] | [] => Action::NoOp,
        a if a.contains(&"create") && (a.contains(&"delete") || a.contains(&"forget")) => {
            Action::Replace
        }
        a if a.contains(&"create") => Action::Create,
        a if a.contains(&"update") => Action::Update,
        _ => Action::NoOp,
    }
}

/// Replace the paths `after_unknown` marks (`true`) by unknown values.
fn apply_unknown(v: &mut Value, mask: &Value, addr: &str, path: &str) {
    match (&mut v.kind, &mask.kind) {
        (_, Kind::Bool(true)) => {
            *v = Value::unknown(format!("`{addr}{path}` is known only after apply"), v.loc);
        }
        (Kind::Object(es), Kind::Object(ms)) => {
            for m in ms {
                match es.iter_mut().find(|e| e.key == m.key) {
                    Some(e) => {
                        apply_unknown(&mut e.value, &m.value, addr, &format!("{path}.{}", m.key))
                    }
                    None if matches!(m.value.kind, Kind::Bool(true)) => es.push(Entry {
                        key: m.key.clone(),
                        key_loc: None,
                        value: Value::reference(
                            format!("{addr}.{}", m.key),
                            format!("`{addr}.{}` is known only after apply", m.key),
                            None,
                        ),
                    }),
                    None => {}
                }
            }
        }
        (Kind::List(items), Kind::List(ms)) => {
            for (i, (it, m)) in items.iter_mut().zip(ms).enumerate() {
                apply_unknown(it, m, addr, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

/// The module path of a resource address (`module.a["x"].module.b`), from its type.
fn module_of(address: &str, rtype: &str) -> String {
    address
        .rfind(&format!("{rtype}."))
        .map(|i| {
            let m = address[..i].trim_end_matches('.');
            let m = if m == "data" { "" } else { m };
            m.strip_suffix(".data").unwrap_or(m).to_string()
        })
        .unwrap_or_default()
}

/// A resource or data source block from a `resources` entry of `planned_values` or
/// `prior_state` (`values`), or of `resource_changes` (`change.before`).
fn block(
    r: &Value,
    values: Option<&Value>,
    file: &SourceFile,
    unknown: Option<&Value>,
) -> Option<Block> {
    let s = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let (address, rtype, name) = (s("address"), s("type"), s("name"));
    if address.is_empty() || rtype.is_empty() {
        return None;
    }
    let kind = if s("mode") == "data" {
        BlockKind::Data
    } else {
        BlockKind::Resource
    };
    let whole = r.loc.unwrap_or(Loc::new(file.id, 0..0));
    let header = r.get("address").and_then(|a| a.loc).unwrap_or(whole);
    let mut value = values
        .filter(|v| v.as_object().is_some())
        .cloned()
        .unwrap_or_else(|| Value::object(Vec::new(), None));
    if let Some(mask) = unknown {
        apply_unknown(&mut value, mask, &address, "");
    }
    Some(Block {
        kind,
        written_type: rtype.as_str().into(),
        rtype: successor(&rtype).into(),
        name: name.into(),
        module: module_of(&address, &rtype).into(),
        address,
        file: file.id,
        header,
        loc: whole,
        value,
        call_sites: Vec::new(),
    })
}

fn resources(
    m: &Value,
    file: &SourceFile,
    unknown: &HashMap<String, Value>,
    out: &mut Vec<Block>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    for r in m.get("resources").and_then(Value::as_list).unwrap_or(&[]) {
        let addr = r.get("address").and_then(Value::as_str).unwrap_or("");
        out.extend(block(r, r.get("values"), file, unknown.get(addr)));
    }
    for c in m
        .get("child_modules")
        .and_then(Value::as_list)
        .unwrap_or(&[])
    {
        resources(c, file, unknown, out, depth + 1);
    }
}

/// A `configuration` expression as a value: `constant_value` as written, `references` as an
/// unknown reference, nested blocks (lists of objects of expressions) converted entry by entry.
fn expression(e: &Value, depth: usize) -> Value {
    if depth > 32 {
        return Value::unknown("nested too deeply", e.loc);
    }
    match &e.kind {
        Kind::Object(_) if e.get("constant_value").is_some() => e
            .get("constant_value")
            .cloned()
            .unwrap_or_else(|| Value::new(Kind::Null, None)),
        Kind::Object(_) if e.get("references").is_some() => {
            let refs: Vec<&str> = e
                .get("references")
                .and_then(Value::as_list)
                .unwrap_or(&[])
                .iter()
                .filter_map(Value::as_str)
                .collect();
            match refs.first() {
                Some(r) => Value::reference(
                    r.to_string(),
                    format!("an expression referring to `{r}`"),
                    e.loc,
                ),
                None => Value::unknown("an expression of the configuration", e.loc),
            }
        }
        Kind::Object(es) => Value::object(
            es.iter()
                .map(|en| Entry {
                    key: en.key.clone(),
                    key_loc: en.key_loc,
                    value: expression(&en.value, depth + 1),
                })
                .collect(),
            e.loc,
        ),
        Kind::List(items) => Value::list(
            items.iter().map(|i| expression(i, depth + 1)).collect(),
            e.loc,
        ),
        _ => Value::unknown("an expression of the configuration", e.loc),
    }
}

/// Provider blocks from `configuration.provider_config` and root outputs from
/// `configuration.root_module.outputs`: what the configuration says that the state does not.
fn configuration_blocks(cfg: &Value, file: &SourceFile, out: &mut Vec<Block>) {
    let whole = |v: &Value| v.loc.unwrap_or(Loc::new(file.id, 0..0));
    for e in cfg
        .get("provider_config")
        .and_then(Value::as_object)
        .unwrap_or(&[])
    {
        let p = &e.value;
        let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let name = match s("name") {
            n if n.is_empty() => e.key.rsplit(':').next().unwrap_or("").to_string(),
            n => n,
        };
        let module = s("module_address");
        let prefix = if module.is_empty() {
            String::new()
        } else {
            format!("{module}.")
        };
        let alias = match s("alias") {
            a if a.is_empty() => String::new(),
            a => format!(".{a}"),
        };
        let value = p
            .get("expressions")
            .map(|x| expression(x, 0))
            .unwrap_or_else(|| Value::object(Vec::new(), None));
        out.push(Block {
            kind: BlockKind::Provider,
            written_type: name.as_str().into(),
            rtype: name.as_str().into(),
            address: format!("{prefix}provider.{name}{alias}"),
            name: name.into(),
            module: module.into(),
            file: file.id,
            header: e.key_loc.unwrap_or(whole(p)),
            loc: whole(p),
            value: Value::object(value.as_object().unwrap_or(&[]).to_vec(), value.loc),
            call_sites: Vec::new(),
        });
    }
    let outputs = cfg
        .get("root_module")
        .and_then(|m| m.get("outputs"))
        .and_then(Value::as_object)
        .unwrap_or(&[]);
    for e in outputs {
        let o = &e.value;
        let mut entries = Vec::new();
        if let Some(x) = o.get("expression") {
            entries.push(Entry {
                key: "value".into(),
                key_loc: None,
                value: expression(x, 0),
            });
        }
        if let Some(s) = o.get("sensitive") {
            entries.push(Entry {
                key: "sensitive".into(),
                key_loc: None,
                value: s.clone(),
            });
        }
        out.push(Block {
            kind: BlockKind::Output,
            written_type: "output".into(),
            rtype: "output".into(),
            name: e.key.as_str().into(),
            address: format!("output.{}", e.key),
            module: "".into(),
            file: file.id,
            header: e.key_loc.unwrap_or(whole(o)),
            loc: whole(o),
            value: Value::object(entries, o.loc),
            call_sites: Vec::new(),
        });
    }
}

/// `source` of every module call, by module path (`a.b`).
fn module_sources(m: &Value, path: &str, out: &mut HashMap<String, String>, depth: usize) {
    if depth > 32 {
        return;
    }
    for e in m
        .get("module_calls")
        .and_then(Value::as_object)
        .unwrap_or(&[])
    {
        let key = if path.is_empty() {
            e.key.clone()
        } else {
            format!("{path}.{}", e.key)
        };
        if let Some(s) = e.value.get("source").and_then(Value::as_str) {
            out.insert(key.clone(), s.to_string());
        }
        if let Some(child) = e.value.get("module") {
            module_sources(child, &key, out, depth + 1);
        }
    }
}

fn tf002(file: FileId, reason: String) -> Emit {
    Emit::new("TF002", file, None).field("reason", reason)
}

/// Read a plan file into its own configuration, with the state before it.
pub fn load(sources: &SourceMap, file: &SourceFile, ws: &mut Workspace) {
    let v = match json::parse(
        &file.text,
        SpanMap::Exact {
            file: file.id,
            offset: 0,
        },
    ) {
        Ok(v) => v,
        Err(e) => {
            ws.emits.push(
                Emit::new("TF001", file.id, e.loc)
                    .field("reason", e.message.clone())
                    .label(e.message),
            );
            return;
        }
    };
    let version = v
        .get("format_version")
        .and_then(Value::as_str)
        .unwrap_or("");
    if !supported_format(version) {
        let by = match v.get("terraform_version").and_then(Value::as_str) {
            Some(t) => format!(" (written by version {t})"),
            None => String::new(),
        };
        ws.emits.push(tf002(
            file.id,
            format!(
                "the plan's format_version `{version}`{by} is not one acslint reads (0.x and 1.x: \
                 Terraform 0.12 to 1.10 and OpenTofu); the plan was not analysed"
            ),
        ));
        return;
    }
    let mut unknown = HashMap::new();
    let mut changes = HashMap::new();
    for rc in v
        .get("resource_changes")
        .and_then(Value::as_list)
        .unwrap_or(&[])
    {
        let (Some(a), Some(c)) = (rc.get("address").and_then(Value::as_str), rc.get("change"))
        else {
            continue;
        };
        if let Some(m) = c.get("after_unknown") {
            unknown.insert(a.to_string(), m.clone());
        }
        let actions: Vec<&str> = c
            .get("actions")
            .and_then(Value::as_list)
            .unwrap_or(&[])
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let non_null = |k: &str| c.get(k).filter(|x| !matches!(x.kind, Kind::Null)).cloned();
        changes.insert(
            a.to_string(),
            ResourceChange {
                action: action_of(&actions),
                before: non_null("before"),
                after: non_null("after"),
                before_sensitive: non_null("before_sensitive"),
                after_sensitive: non_null("after_sensitive"),
            },
        );
    }
    let mut cfg = Configuration {
        dir: file.dir().to_path_buf(),
        // A plan is always of a root module.
        root: true,
        files: vec![file.id],
        ..Default::default()
    };
    if let Some(root) = v.get("planned_values").and_then(|p| p.get("root_module")) {
        resources(root, file, &unknown, &mut cfg.blocks, 0);
    }
    let mut mods = HashMap::new();
    if let Some(c) = v.get("configuration") {
        configuration_blocks(c, file, &mut cfg.blocks);
        if let Some(root) = c.get("root_module") {
            module_sources(root, "", &mut mods, 0);
        }
    }
    cfg.index();
    extract_documents(sources, &cfg, ws);
    ws.configurations.push(cfg);

    // The state before: `prior_state` when the plan has one (it holds the unchanged resources
    // too), else the `before` of each change.
    let mut before = Configuration {
        dir: file.dir().to_path_buf(),
        // A plan is always of a root module.
        root: true,
        files: vec![file.id],
        ..Default::default()
    };
    match v
        .get("prior_state")
        .and_then(|p| p.get("values"))
        .and_then(|p| p.get("root_module"))
    {
        Some(root) => resources(root, file, &HashMap::new(), &mut before.blocks, 0),
        None => {
            for rc in v
                .get("resource_changes")
                .and_then(Value::as_list)
                .unwrap_or(&[])
            {
                let b = rc.get("change").and_then(|c| c.get("before"));
                if b.is_some_and(|b| b.as_object().is_some()) {
                    before.blocks.extend(block(rc, b, file, None));
                }
            }
        }
    }
    // Provider settings are configuration, the same before and after: rules that look at them
    // (is this a root configuration?) must see them in both.
    before.blocks.extend(
        ws.configurations
            .last()
            .into_iter()
            .flat_map(|c| &c.blocks)
            .filter(|b| b.kind == BlockKind::Provider)
            .cloned(),
    );
    before.index();
    let mut bws = Workspace::default();
    extract_documents(sources, &before, &mut bws);
    bws.emits.clear();
    bws.configurations.push(before);
    let output_actions = v
        .get("output_changes")
        .and_then(Value::as_object)
        .unwrap_or(&[])
        .iter()
        .map(|e| {
            let actions: Vec<&str> = e
                .value
                .get("actions")
                .and_then(Value::as_list)
                .unwrap_or(&[])
                .iter()
                .filter_map(Value::as_str)
                .collect();
            (e.key.clone(), action_of(&actions))
        })
        .collect();
    ws.plans.push(PlanInfo {
        file: file.id,
        changes,
        output_actions,
        before: bws,
        module_sources: mods,
    });
}
