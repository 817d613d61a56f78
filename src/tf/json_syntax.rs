//! Terraform's JSON configuration syntax (`.tf.json`), read as the native syntax it stands for.
//!
//! A `.tf.json` file is rewritten into an equivalent HCL text (a *virtual* file beside it) that
//! the Terraform front end parses and evaluates like any `.tf` file of the module. Every piece
//! of the rewrite records which bytes of the JSON it came from, so that findings are moved back
//! onto the JSON file ([`SourceMap::remap`]). JSON strings are string templates in this syntax
//! (`"${var.x}"`), and their literal text is valid HCL with the same meaning, so strings are
//! copied verbatim and spans inside them (an interpolation, a `jsonencode({…})` object) map
//! byte for byte.
//!
//! Without provider schemas, an object value in a resource body is read as a nested block (the
//! common case: `server_side_encryption_rule`, `assume_role`), except for the attributes that
//! are maps (`tags` and the like).

use crate::json::{self, SpanMap};
use crate::source::{FileId, Loc, Segment};
use crate::value::{Kind, Value};

/// Attributes whose object value is a map, not a nested block.
const MAP_ATTRIBUTES: &[&str] = &[
    "tags",
    "volume_tags",
    "labels",
    "annotations",
    "system_tags",
    "environment_variables",
    "resource_group_tags",
    "variables",
    "parameters_map",
    "options",
];

/// The native-syntax text of a `.tf.json` file and where each piece of it came from.
pub type Rewrite = (String, Vec<Segment>);

/// Rewrite a `.tf.json` file; `None` when it is not a JSON object (its syntax error is reported
/// by the loader).
pub fn to_hcl(file: FileId, text: &str) -> Option<Rewrite> {
    let root = json::parse(text, SpanMap::Exact { file, offset: 0 }).ok()?;
    let entries = root.as_object()?;
    let mut w = Writer {
        src: text,
        out: String::with_capacity(text.len() + text.len() / 4),
        segs: Vec::new(),
    };
    for e in entries {
        match e.key.as_str() {
            "resource" | "data" => {
                for t in objects(&e.value) {
                    for (ty, by_name) in entries_of(t) {
                        for (name, body) in entries_of(&by_name.value) {
                            for b in objects(&body.value) {
                                w.block(&e.key, &[ty, name], b, Body::Resource);
                            }
                        }
                    }
                }
            }
            "module" | "variable" | "output" | "provider" => {
                let kind = match e.key.as_str() {
                    "module" => Body::Attributes,
                    "variable" => Body::Variable,
                    "output" => Body::Attributes,
                    _ => Body::Resource,
                };
                for m in objects(&e.value) {
                    for (name, body) in entries_of(m) {
                        for b in objects(&body.value) {
                            w.block(&e.key, &[name], b, kind);
                        }
                    }
                }
            }
            "locals" => {
                for b in objects(&e.value) {
                    w.block_unlabelled("locals", b, e.key_loc, Body::Attributes);
                }
            }
            // `terraform` (versions, backend) holds nothing the rules read.
            _ => {}
        }
    }
    Some((w.out, w.segs))
}

#[derive(Clone, Copy, PartialEq)]
enum Body {
    /// Attributes, with object values as nested blocks (resources, data, providers).
    Resource,
    /// Attributes only (locals, module inputs, outputs).
    Attributes,
    /// A variable: `type` is an expression written as a string; `validation` is a block.
    Variable,
}

/// The object(s) of a value: an object, or each object of an array.
fn objects(v: &Value) -> Vec<&Value> {
    match &v.kind {
        Kind::Object(_) => vec![v],
        Kind::List(l) => l
            .iter()
            .filter(|x| matches!(x.kind, Kind::Object(_)))
            .collect(),
        _ => Vec::new(),
    }
}

/// An object's entries, without `"//"` comments.
fn entries_of(v: &Value) -> impl Iterator<Item = (&crate::value::Entry, &crate::value::Entry)> {
    v.as_object()
        .unwrap_or_default()
        .iter()
        .filter(|e| e.key != "//")
        .map(|e| (e, e))
}

/// Decode a JSON string literal (with its quotes), with the file offset of each decoded byte.
fn decode(raw: &str, base: u32) -> (String, Vec<u32>) {
    let inner = &raw[1..raw.len().saturating_sub(1).max(1)];
    let mut out = String::with_capacity(inner.len());
    let mut at: Vec<u32> = Vec::with_capacity(inner.len());
    let push = |out: &mut String, at: &mut Vec<u32>, c: char, off: usize| {
        let n = out.len();
        out.push(c);
        at.extend(std::iter::repeat_n(base + 1 + off as u32, out.len() - n));
    };
    let mut it = inner.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c != '\\' {
            push(&mut out, &mut at, c, i);
            continue;
        }
        let Some((_, e)) = it.next() else { break };
        let c = match e {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'u' => {
                let hex: String = (0..4).filter_map(|_| it.next().map(|(_, h)| h)).collect();
                let mut code = u32::from_str_radix(&hex, 16).unwrap_or(0xfffd);
                // A surrogate pair: the low half follows as another `\uXXXX`.
                if (0xd800..0xdc00).contains(&code) {
                    let rest: String = (0..6).filter_map(|_| it.next().map(|(_, h)| h)).collect();
                    let low = rest
                        .strip_prefix("\\u")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .unwrap_or(0xdc00);
                    code = 0x10000 + ((code - 0xd800) << 10) + (low.saturating_sub(0xdc00) & 0x3ff);
                }
                char::from_u32(code).unwrap_or('\u{fffd}')
            }
            other => other,
        };
        push(&mut out, &mut at, c, i);
    }
    at.push(base + raw.len() as u32 - 1);
    (out, at)
}

/// Split a template into literal text and `${…}`/`%{…}` sequences (`true`), matching braces
/// and skipping quoted strings inside them. `$${` and `%%{` are literal.
fn template_parts(t: &str) -> Vec<(std::ops::Range<usize>, bool)> {
    let b = t.as_bytes();
    let mut parts = Vec::new();
    let (mut i, mut lit) = (0, 0);
    while i + 1 < b.len() {
        if (b[i] == b'$' || b[i] == b'%') && b[i + 1] == b'{' {
            if i > 0 && b[i - 1] == b[i] {
                i += 2;
                continue;
            }
            let open = i;
            let (mut depth, mut j, mut quote) = (0usize, i + 1, false);
            while j < b.len() {
                match b[j] {
                    b'\\' if quote => j += 1,
                    b'"' => quote = !quote,
                    b'{' if !quote => depth += 1,
                    b'}' if !quote => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            let close = (j + 1).min(b.len());
            if open > lit {
                parts.push((lit..open, false));
            }
            parts.push((open..close, true));
            lit = close;
            i = close;
            continue;
        }
        i += 1;
    }
    if lit < b.len() {
        parts.push((lit..b.len(), false));
    }
    parts
}

fn is_ident(s: &str) -> bool {
    let mut c = s.chars();
    c.next()
        .is_some_and(|f| f.is_ascii_alphabetic() || f == '_')
        && c.all(|x| x.is_ascii_alphanumeric() || x == '_' || x == '-')
}

struct Writer<'a> {
    src: &'a str,
    out: String,
    segs: Vec<Segment>,
}

impl Writer<'_> {
    fn seg(&mut self, start: usize, orig: Option<Loc>, exact: bool) {
        if let Some(o) = orig {
            self.segs.push(Segment {
                virt: start as u32..self.out.len() as u32,
                orig: o.start..o.end,
                exact,
            });
        }
    }

    /// A scalar: its JSON text copied verbatim. That is the same HCL for numbers, booleans,
    /// null and strings without escapes; a string with escapes is decoded first (Terraform
    /// reads it as a template after decoding), its literal parts re-escaped for HCL and its
    /// `${…}`/`%{…}` parts copied as decoded.
    fn scalar(&mut self, v: &Value) {
        let Some(loc) = v.loc else {
            self.out.push_str("null");
            return;
        };
        let raw = self.src.get(loc.range()).unwrap_or("null");
        let start = self.out.len();
        if !(matches!(v.kind, Kind::String(_)) && raw.contains('\\')) {
            self.out.push_str(raw);
            self.seg(start, Some(loc), true);
            return;
        }
        let (decoded, at) = decode(raw, loc.start);
        self.out.push('"');
        for (range, code) in template_parts(&decoded) {
            let part = &decoded[range.clone()];
            if !code {
                for c in part.chars() {
                    match c {
                        '"' => self.out.push_str("\\\""),
                        '\\' => self.out.push_str("\\\\"),
                        '\n' => self.out.push_str("\\n"),
                        '\r' => self.out.push_str("\\r"),
                        '\t' => self.out.push_str("\\t"),
                        c if c.is_control() => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                        c => self.out.push(c),
                    }
                }
                continue;
            }
            // Code is copied as decoded; runs without escapes map byte for byte.
            let mut run = range.start;
            for i in range.start..=range.end {
                // Break only between characters: an escape can decode to a multi-byte character
                // whose bytes map to one source position (found by fuzzing: a slice mid-char).
                let breaks = i == range.end
                    || (i > run && at[i] != at[i - 1] + 1 && decoded.is_char_boundary(i));
                if breaks && i > run {
                    let s = self.out.len();
                    self.out.push_str(&decoded[run..i]);
                    self.segs.push(Segment {
                        virt: s as u32..self.out.len() as u32,
                        orig: at[run]..at[i],
                        exact: true,
                    });
                    run = i;
                }
            }
        }
        self.out.push('"');
        self.seg(start, Some(loc), false);
    }

    fn expr(&mut self, v: &Value) {
        let start = self.out.len();
        match &v.kind {
            Kind::List(l) => {
                self.out.push('[');
                for (i, x) in l.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.expr(x);
                }
                self.out.push(']');
                self.seg(start, v.loc, false);
            }
            Kind::Object(o) => {
                self.out.push_str("{\n");
                for e in o.iter().filter(|e| e.key != "//") {
                    let ks = self.out.len();
                    match e.key_loc.and_then(|l| self.src.get(l.range())) {
                        Some(raw) if !raw.contains("\\/") => self.out.push_str(raw),
                        _ => self.out.push_str(&format!("{:?}", e.key)),
                    }
                    self.seg(ks, e.key_loc, true);
                    self.out.push_str(" = ");
                    self.expr(&e.value);
                    self.out.push('\n');
                }
                self.out.push('}');
                self.seg(start, v.loc, false);
            }
            _ => self.scalar(v),
        }
    }

    fn block(&mut self, kind: &str, labels: &[&crate::value::Entry], body: &Value, b: Body) {
        let start = self.out.len();
        self.out.push_str(kind);
        for l in labels {
            self.out.push(' ');
            let ls = self.out.len();
            self.out.push_str(&format!("{:?}", l.key));
            self.seg(ls, l.key_loc, false);
        }
        self.out.push_str(" {\n");
        self.body(body, b);
        self.out.push_str("}\n");
        // The whole block maps to its innermost label's key through the end of its object.
        let orig = match (labels.last().and_then(|l| l.key_loc), body.loc) {
            (Some(k), Some(v)) if v.end >= k.start => Some(Loc { end: v.end, ..k }),
            (k, v) => k.or(v),
        };
        self.seg(start, orig, false);
    }

    fn block_unlabelled(&mut self, kind: &str, body: &Value, key: Option<Loc>, b: Body) {
        let start = self.out.len();
        self.out.push_str(kind);
        self.out.push_str(" {\n");
        self.body(body, b);
        self.out.push_str("}\n");
        self.seg(start, body.loc.or(key), false);
    }

    fn attribute(&mut self, e: &crate::value::Entry, value: impl FnOnce(&mut Self)) {
        let start = self.out.len();
        self.out.push_str(&e.key);
        self.seg(start, e.key_loc, false);
        self.out.push_str(" = ");
        value(self);
        let orig = match (e.key_loc, e.value.loc) {
            (Some(k), Some(v)) if v.end >= k.start => Some(Loc { end: v.end, ..k }),
            (k, v) => k.or(v),
        };
        self.seg(start, orig, false);
        self.out.push('\n');
    }

    fn body(&mut self, body: &Value, b: Body) {
        for e in body.as_object().unwrap_or_default() {
            if e.key == "//" || !is_ident(&e.key) {
                continue;
            }
            let objs = objects(&e.value);
            let is_objects = matches!(e.value.kind, Kind::Object(_))
                || matches!(&e.value.kind, Kind::List(l) if !l.is_empty() && objs.len() == l.len());
            match b {
                Body::Resource if e.key == "dynamic" => {
                    for d in objs {
                        for (name, spec) in entries_of(d) {
                            for s in objects(&spec.value) {
                                self.dynamic(name, s);
                            }
                        }
                    }
                }
                // Provisioners and connections run at apply time: nothing to lint.
                Body::Resource if matches!(e.key.as_str(), "provisioner" | "connection") => {}
                Body::Resource if is_objects && !MAP_ATTRIBUTES.contains(&e.key.as_str()) => {
                    for o in objs {
                        let start = self.out.len();
                        self.out.push_str(&e.key);
                        self.out.push_str(" {\n");
                        self.body(o, Body::Resource);
                        self.out.push_str("}\n");
                        self.seg(start, o.loc, false);
                    }
                }
                Body::Variable if e.key == "validation" => {
                    for o in objs {
                        self.block_unlabelled("validation", o, e.key_loc, Body::Attributes);
                    }
                }
                Body::Variable if e.key == "type" => {
                    // A type constraint is an expression written inside the string.
                    match e.value.as_str() {
                        Some(t) if !t.contains(['\n', '{', '}']) || t.starts_with("object(") => {
                            let t = t.to_string();
                            self.attribute(e, |w| {
                                let s = w.out.len();
                                w.out.push_str(&t);
                                w.seg(s, e.value.loc, false);
                            })
                        }
                        _ => {}
                    }
                }
                _ => self.attribute(e, |w| w.expr(&e.value)),
            }
        }
    }

    fn dynamic(&mut self, name: &crate::value::Entry, spec: &Value) {
        let start = self.out.len();
        self.out.push_str("dynamic ");
        let ls = self.out.len();
        self.out.push_str(&format!("{:?}", name.key));
        self.seg(ls, name.key_loc, false);
        self.out.push_str(" {\n");
        for e in spec.as_object().unwrap_or_default() {
            match e.key.as_str() {
                "content" => {
                    for o in objects(&e.value) {
                        let cs = self.out.len();
                        self.out.push_str("content {\n");
                        self.body(o, Body::Resource);
                        self.out.push_str("}\n");
                        self.seg(cs, o.loc, false);
                    }
                }
                "for_each" | "iterator" | "labels" => self.attribute(e, |w| w.expr(&e.value)),
                _ => {}
            }
        }
        self.out.push_str("}\n");
        self.seg(start, spec.loc.or(name.key_loc), false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_variables_and_locals_become_hcl() {
        let text = r#"{
  "//": "a comment",
  "variable": {"acl": {"default": "public-read", "type": "string"}},
  "locals": {"name": "logs-${var.acl}"},
  "resource": {
    "alicloud_oss_bucket": {
      "b": {
        "bucket": "${local.name}",
        "acl": "${var.acl}",
        "tags": {"env": "prod"},
        "server_side_encryption_rule": {"sse_algorithm": "KMS"},
        "count": 2
      }
    }
  }
}"#;
        let (hcl, segs) = to_hcl(FileId(0), text).unwrap();
        assert_eq!(
            hcl,
            "variable \"acl\" {\ndefault = \"public-read\"\ntype = string\n}\n\
             locals {\nname = \"logs-${var.acl}\"\n}\n\
             resource \"alicloud_oss_bucket\" \"b\" {\nbucket = \"${local.name}\"\n\
             acl = \"${var.acl}\"\ntags = {\n\"env\" = \"prod\"\n}\n\
             server_side_encryption_rule {\nsse_algorithm = \"KMS\"\n}\ncount = 2\n}\n"
        );
        assert!(hcl_edit::parser::parse_body(&hcl).is_ok());
        // The interpolation inside `"${var.acl}"` maps byte for byte.
        let at = hcl.find("var.acl}\"\ntags").unwrap() as u32;
        let orig = text.find("var.acl}\",\n        \"tags").unwrap() as u32;
        let seg = segs
            .iter()
            .filter(|s| s.virt.contains(&at))
            .min_by_key(|s| s.virt.end - s.virt.start)
            .unwrap();
        assert!(seg.exact);
        assert_eq!(seg.orig.start + (at - seg.virt.start), orig);
    }
}
