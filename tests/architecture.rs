//! The module layers of ARCHITECTURE.md held against the code: every module under `src/` is in
//! exactly one layer, uses only modules of its own layer or below, and no modules need each
//! other around a circle. Imports are read as text — `use crate::…` items (grouped ones too) and
//! `crate::x::…` paths written inline — with comments and string literals left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Layers, lowest first: a name and its modules, from the table between the `<!-- layers -->`
/// markers of ARCHITECTURE.md (the second cell of each row holds the modules, in backquotes).
fn layers(doc: &str) -> Vec<(String, Vec<String>)> {
    let start = doc
        .find("<!-- layers -->")
        .expect("ARCHITECTURE.md: `<!-- layers -->` marker");
    let end = doc
        .find("<!-- /layers -->")
        .expect("ARCHITECTURE.md: `<!-- /layers -->` marker");
    let mut out = Vec::new();
    for row in doc[start..end].lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // `| 1. ground | `source` `value` | … |`: header and rule rows have no number.
        if cells.len() < 3 || !cells[1].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let modules = cells[2]
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        out.push((cells[1].to_string(), modules));
    }
    out
}

/// The code of a source file with comments and string and character literals blanked out
/// (newlines kept, so that lines can still be counted).
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let at = |i: usize| b.get(i).copied().unwrap_or('\0');
    let mut out = String::with_capacity(src.len());
    // Blank `b[from..to]`, keeping newlines.
    let blank = |out: &mut String, from: usize, to: usize| {
        for &c in &b[from..to.min(b.len())] {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if at(i) == '/' && at(i + 1) == '/' {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if at(i) == '/' && at(i + 1) == '*' {
            // Block comments nest.
            let mut depth = 0;
            while i < b.len() {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_at(&b, i) {
            // r"…", r#"…"#, br"…": no escapes; ends at a quote followed by as many hashes.
            i += if at(i) == 'b' { 2 } else { 1 } + hashes + 1;
            while i < b.len() && !(b[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#')) {
                i += 1;
            }
            i += 1 + hashes;
        } else if at(i) == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if at(i) == '\'' && (at(i + 1) == '\\' || (at(i + 1) != '\0' && at(i + 2) == '\'')) {
            // A character literal ('x', '\n', '\u{1b}'); a lifetime ('a) has no closing quote.
            i += 1;
            while i < b.len() && b[i] != '\'' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            out.push(b[i]);
            i += 1;
            continue;
        }
        blank(&mut out, start, i);
    }
    out
}

/// The number of hashes of a raw string starting at `i`, if one does.
fn raw_string_at(b: &[char], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(k).copied().unwrap_or('\0');
    if prev_is_ident(b, i) {
        return None;
    }
    let mut k = match (at(i), at(i + 1)) {
        ('r', _) => i + 1,
        ('b', 'r') => i + 2,
        _ => return None,
    };
    let first = k;
    while at(k) == '#' {
        k += 1;
    }
    (at(k) == '"').then_some(k - first)
}

fn prev_is_ident(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

/// The top-level modules code names through `crate::`, each with the line of its first mention.
fn crate_refs(code: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let b: Vec<char> = code.chars().collect();
    let ident = |k: &mut usize| {
        let s = *k;
        while *k < b.len() && (b[*k].is_alphanumeric() || b[*k] == '_') {
            *k += 1;
        }
        b[s..*k].iter().collect::<String>()
    };
    let skip_ws = |k: &mut usize| {
        while *k < b.len() && b[*k].is_whitespace() {
            *k += 1;
        }
    };
    let mut line = 1;
    let mut i = 0;
    while i < b.len() {
        if b[i] == '\n' {
            line += 1;
        }
        let word = "crate::"
            .chars()
            .enumerate()
            .all(|(k, c)| b.get(i + k) == Some(&c));
        if !word || prev_is_ident(&b, i) || (i > 0 && b[i - 1] == '$') {
            i += 1;
            continue;
        }
        let mut k = i + "crate::".len();
        skip_ws(&mut k);
        let mut names = Vec::new();
        if b.get(k) == Some(&'{') {
            // `crate::{a::B, c, d::{E, F}}`: the first name of each item at depth one.
            let mut depth = 0;
            let mut first = true;
            while k < b.len() {
                match b[k] {
                    '{' => {
                        depth += 1;
                        k += 1;
                    }
                    '}' => {
                        depth -= 1;
                        k += 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' => {
                        first = depth == 1;
                        k += 1;
                    }
                    c if c.is_alphabetic() || c == '_' => {
                        let n = ident(&mut k);
                        if first && depth == 1 && n != "self" {
                            names.push(n);
                        }
                        first = false;
                    }
                    _ => k += 1,
                }
            }
        } else {
            names.push(ident(&mut k));
        }
        for n in names.into_iter().filter(|n| !n.is_empty()) {
            out.entry(n).or_insert(line);
        }
        i += "crate::".len();
    }
    out
}

/// The top-level module of a file under `src/` (`tf/module.rs` → `tf`); `None` for the crate
/// roots, which only declare modules (`lib.rs`) or call the CLI (`main.rs`).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// Edge `a → b` with where it is written (`src/x.rs:12`).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn graph(src: &Path) -> Graph {
    let mut g = Graph::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let rel = p.strip_prefix(src).unwrap();
            let Some(m) = module_of(rel) else { continue };
            let deps = g.entry(m.clone()).or_default();
            let text = std::fs::read_to_string(&p).unwrap();
            for (d, line) in crate_refs(&code_only(&text)) {
                if d != m {
                    let at = format!("src/{}:{line}", rel.to_string_lossy().replace('\\', "/"));
                    let slot = deps.entry(d).or_insert_with(|| at.clone());
                    // The first file in path order, so messages do not depend on the walk.
                    if at < *slot {
                        *slot = at;
                    }
                }
            }
        }
    }
    g
}

/// One circle of the graph (`[a, b, a]`), if there is any.
fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    // Depth-first search; a node met again while still on the path closes a circle.
    fn visit(
        n: &str,
        g: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            let mut c = path[at..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for d in g.get(n).into_iter().flat_map(|m| m.keys()) {
            if let Some(c) = visit(d, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

#[test]
fn modules_keep_to_their_layers_and_import_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let layers = layers(&doc);
    assert!(layers.len() >= 2, "ARCHITECTURE.md: no layer table read");
    let mut layer_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, (_, modules)) in layers.iter().enumerate() {
        for m in modules {
            if layer_of.insert(m.clone(), i).is_some() {
                problems.push(format!("ARCHITECTURE.md lists `{m}` in two layers"));
            }
        }
    }
    let g = graph(&root.join("src"));
    for m in g.keys() {
        if !layer_of.contains_key(m) {
            problems.push(format!(
                "module `{m}` is in no layer: add it to the table of ARCHITECTURE.md"
            ));
        }
    }
    for m in layer_of.keys() {
        if !g.contains_key(m) {
            problems.push(format!(
                "ARCHITECTURE.md lists `{m}`, which is not a module of src/"
            ));
        }
    }
    for (m, deps) in &g {
        let Some(&lm) = layer_of.get(m) else { continue };
        for (d, at) in deps {
            match layer_of.get(d) {
                Some(&ld) if ld > lm => problems.push(format!(
                    "{at}: `{m}` (in {}) uses `crate::{d}` (in {}), a higher layer",
                    layers[lm].0, layers[ld].0
                )),
                Some(_) => {}
                None if g.contains_key(d) => {}
                None => problems.push(format!("{at}: `crate::{d}` is not a module of src/")),
            }
        }
    }
    if let Some(c) = find_cycle(&g) {
        let steps: Vec<String> = c
            .windows(2)
            .map(|w| format!("{} -> {} ({})", w[0], w[1], g[&w[0]][&w[1]]))
            .collect();
        problems.push(format!("modules import each other: {}", steps.join(", ")));
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn imports_are_read_from_code_only() {
    let src = r####"
use crate::a::B;
pub(crate) use crate::{b::{C, D}, c, self as x};
use crate::{
    d::E,
    f,
};
// use crate::g;
/// See [`crate::h::f`].
/* crate::i:: /* nested */ crate::j */
let s = "crate::k::x \" crate::l"; let r = r#"crate::m " crate::n"#;
let q = '"'; let e = '\''; let u = br"crate::o";
fn f<'a>(x: &'a str) -> crate::p::T { $crate::q::x(); acrate::r(); }
"####;
    let refs = crate_refs(&code_only(src));
    assert_eq!(
        refs.keys().map(String::as_str).collect::<Vec<_>>(),
        ["a", "b", "c", "d", "f", "p"]
    );
    // Lines survive the blanking.
    assert_eq!(refs["a"], 2);
    assert_eq!(refs["p"], 13);
}

#[test]
fn a_circle_is_found() {
    let mut g = Graph::new();
    let edge = |g: &mut Graph, a: &str, b: &str| {
        g.entry(a.into())
            .or_default()
            .insert(b.into(), String::new());
        g.entry(b.into()).or_default();
    };
    edge(&mut g, "a", "b");
    edge(&mut g, "b", "c");
    assert_eq!(find_cycle(&g), None);
    edge(&mut g, "c", "a");
    assert_eq!(find_cycle(&g).unwrap(), ["a", "b", "c", "a"]);
}

#[test]
fn the_layer_table_is_read() {
    let doc = "x\n<!-- layers -->\n| layer | modules | holds |\n|---|---|---|\n| 1. ground | `a` `b` | `x` types |\n| 2. top | `c` | |\n<!-- /layers -->\n| 3. no | `d` | |\n";
    assert_eq!(
        layers(doc),
        [
            (
                "1. ground".to_string(),
                vec!["a".to_string(), "b".to_string()]
            ),
            ("2. top".to_string(), vec!["c".to_string()]),
        ]
    );
}
