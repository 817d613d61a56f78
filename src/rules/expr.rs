//! Evaluating expression rules (`assert`, `message`) over a block.
//!
//! `self` is the block's evaluated value. Helpers: `attached(type, attr)` lists the blocks of
//! `type` whose `attr` points at this block (by reference or by equal known name/id), and
//! `resources(type)` lists every block of a type in the configuration.

use super::Rule;
use crate::eval::memo::{Constant, Memo, Slots};
use crate::eval::{Budget, EvalError, EvalResult, Evaluator, FileAccess, Limits, Scope, Step};
use crate::source::Loc;
use crate::tf::{Block, Configuration};
use crate::value::{Kind, Value};
use hcl_edit::expr::Expression;
use std::cell::{Cell, RefCell};

/// A verdict, the facet it is about and the element it judged (rules with `each`).
pub type Judged = (Verdict, Option<String>, Option<Value>);

#[derive(Clone)]
pub enum Verdict {
    Pass,
    Fail {
        loc: Option<Loc>,
        message: String,
        /// The resource holding the attribute to change, when it is not the judged block (a
        /// split `alicloud_oss_bucket_acl` found by `attached()`).
        resource: Option<String>,
        /// Secondary labels: where a value used here was set (variable default, tfvars, local).
        secondary: Vec<(Loc, String)>,
    },
    Unknown {
        loc: Option<Loc>,
        reason: String,
    },
}

struct RuleScope<'a> {
    block: &'a Block,
    cfg: &'a Configuration,
    /// `each` of a rule with `each = …`: the element being judged.
    each: Option<Each<'a>>,
    /// What the evaluation read of the configuration besides the block.
    reads: &'a Reads,
    /// Whether the evaluation looked `each` up.
    each_read: Cell<bool>,
}

impl<'a> RuleScope<'a> {
    fn new(
        block: &'a Block,
        cfg: &'a Configuration,
        each: Option<Each<'a>>,
        reads: &'a Reads,
    ) -> Self {
        RuleScope {
            block,
            cfg,
            each,
            reads,
            each_read: Cell::new(false),
        }
    }
}

/// `each.key` and `each.value` of the element being judged, lent from the evaluated collection.
#[derive(Clone, Copy)]
struct Each<'a> {
    key: &'a Value,
    value: &'a Value,
}

impl Each<'_> {
    /// `{key, value}`, as a value of its own.
    fn object(&self) -> Value {
        let entry = |key: &str, value: &Value| crate::value::Entry {
            key: key.into(),
            key_loc: None,
            value: value.clone(),
        };
        Value::object(
            vec![entry("key", self.key), entry("value", self.value)],
            None,
        )
    }
}

/// What evaluating a rule on a block read of the configuration besides the rule and the block
/// (see [`assert_each_local`]).
#[derive(Debug, Default)]
pub struct Reads {
    /// The type keys of the blocks it listed (`attached()`, `resources()`), as
    /// [`Configuration::of_type`] takes them.
    pub types: RefCell<Vec<String>>,
    /// It looked among all the blocks for the one holding a value (a value set in another
    /// resource).
    pub all: Cell<bool>,
}

impl RuleScope<'_> {
    fn blocks_of(&self, t: &str) -> Vec<&Block> {
        let key = t.to_string();
        let key = match key.strip_prefix("data.") {
            Some(_) => key,
            None => crate::tf::successor(&key).to_string(),
        };
        let mut types = self.reads.types.borrow_mut();
        if !types.contains(&key) {
            types.push(key.clone());
        }
        self.cfg.of_type(&key).collect()
    }
}

impl Scope for RuleScope<'_> {
    fn lookup(
        &self,
        ev: &Evaluator,
        root: &str,
        steps: &[Step],
        loc: Option<Loc>,
    ) -> Option<Result<(Value, usize), EvalError>> {
        if root == "each" {
            self.each_read.set(true);
            // Like `self`: only the member the expression reads is copied.
            let each = self.each?;
            let member = match steps.first() {
                Some(Step::Attr("key")) => each.key,
                Some(Step::Attr("value")) => each.value,
                _ => {
                    let whole = each.object();
                    let (v, used) = ev.descend(&whole, steps);
                    return Some(Ok((v.clone(), used)));
                }
            };
            let (v, used) = ev.descend(member, &steps[1..]);
            return Some(Ok((v.clone(), 1 + used)));
        }
        if root != "self" {
            return None;
        }
        // A resource attribute that is not written reads as null, as Terraform's schema has it.
        // Deeper steps are ordinary traversals: a key missing from a map (`self.tags.owner`) is
        // an error, which `try()` catches, exactly as in Terraform.
        match steps.first() {
            Some(Step::Attr(a)) => Some(Ok(match self.block.value.get(a) {
                Some(v) => {
                    let (v, used) = ev.descend(v, &steps[1..]);
                    (v.clone(), 1 + used)
                }
                None => (Value::new(Kind::Null, loc), 1),
            })),
            _ => Some(Ok((self.block.value.clone(), 0))),
        }
    }

    fn call(
        &self,
        ev: &Evaluator,
        name: &str,
        args: &[Value],
        loc: Option<Loc>,
    ) -> Option<EvalResult> {
        match name {
            "attached" => {
                let (Some(t), Some(a)) = (
                    args.first().and_then(Value::as_str),
                    args.get(1).and_then(Value::as_str),
                ) else {
                    return Some(crate::eval::err(
                        "attached(type, attribute) takes two strings",
                        loc,
                    ));
                };
                // `attr` may go through nested blocks (`logging.target_bucket`): any of them.
                let mut out = Vec::new();
                for b in self.blocks_of(t) {
                    let mut linked = Some(false);
                    for v in values_at(&b.value, a) {
                        match crate::tf::links::designates(v, self.block) {
                            Some(true) => {
                                linked = Some(true);
                                break;
                            }
                            Some(false) => {}
                            None => linked = None,
                        }
                    }
                    match linked {
                        Some(true) => out.push(b.value.clone()),
                        Some(false) => {}
                        // Undecided: an unknown element, so `anytrue`/`alltrue` over the list
                        // still decide when another element settles the question.
                        None => out.push(Value::unknown(
                            format!(
                                "whether `{}` refers to `{}` is not known",
                                b.address, self.block.address
                            ),
                            loc,
                        )),
                    }
                }
                let _ = ev;
                Some(Ok(Value::list(out, loc)))
            }
            // `policy("attr")`: the policy document held in an attribute of `self`, parsed
            // (a `jsonencode` structure as is, a JSON string parsed).
            "policy" => {
                let Some(a) = args.first().and_then(Value::as_str) else {
                    return Some(crate::eval::err("policy(attribute) takes a string", loc));
                };
                let v = self.block.value.get(a).cloned().unwrap_or_else(Value::null);
                if let Some(enc) = &v.encoded {
                    return Some(Ok((**enc).clone()));
                }
                Some(Ok(match &v.kind {
                    crate::value::Kind::String(text) => {
                        match crate::json::parse(text, crate::json::SpanMap::None) {
                            Ok(doc) => doc,
                            Err(e) => Value::unknown(
                                format!("`{a}` is not valid JSON: {}", e.message),
                                loc,
                            ),
                        }
                    }
                    _ => v,
                }))
            }
            // `named(self.bucket)`: the name for a message: the value when it is a known,
            // non-empty string, the resource's address otherwise (never `(unnamed)`, never an
            // unknown expression printed as a name).
            "named" => {
                let known = args
                    .first()
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string);
                Some(Ok(Value::string(
                    known.unwrap_or_else(|| self.block.address.to_string()),
                    loc,
                )))
            }
            // `resource_type()`: the type of `self`, deprecated names mapped to their successors
            // (one rule over several types reads the attribute and default of each).
            "resource_type" => Some(Ok(Value::string(&*self.block.rtype, loc))),
            // `unknown("why")`: a value the rule cannot decide (an unset attribute whose
            // default the provider does not document): no finding, a note saying why.
            "unknown" => {
                let Some(why) = args.first().and_then(Value::as_str) else {
                    return Some(crate::eval::err("unknown(reason) takes a string", loc));
                };
                Some(Ok(Value::unknown(why.to_string(), loc)))
            }
            "resources" => {
                let Some(t) = args.first().and_then(Value::as_str) else {
                    return Some(crate::eval::err("resources(type) takes a string", loc));
                };
                Some(Ok(Value::list(
                    self.blocks_of(t)
                        .into_iter()
                        .map(|b| b.value.clone())
                        .collect(),
                    loc,
                )))
            }
            _ => None,
        }
    }

    fn value_of(&self, root: &str) -> Option<&Value> {
        (root == "self").then_some(&self.block.value)
    }
}

/// The values at an attribute path through nested blocks (`logging.target_bucket`: the
/// `target_bucket` of every `logging` block).
fn values_at<'v>(v: &'v Value, path: &str) -> Vec<&'v Value> {
    let mut cur = vec![v];
    for part in path.split('.') {
        let mut next = Vec::new();
        for c in cur {
            // Nested blocks, and lists of names (`security_groups = [...]`): each element.
            if let Some(x) = c.get(part) {
                match &x.kind {
                    Kind::List(items) => next.extend(items.iter()),
                    _ => next.push(x),
                }
            }
        }
        cur = next;
    }
    cur.into_iter().filter(|v| !v.is_null()).collect()
}

/// The span of an attribute path (`versioning.status`, `ingress[0]`) in a block value.
pub fn path_loc(v: &Value, path: &str) -> Option<Loc> {
    let mut cur = v;
    let mut best = None;
    for part in path.split('.') {
        let (name, idx) = match part.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let e = cur.entry(name)?;
        best = e.value.loc.or(e.key_loc).or(best);
        cur = &e.value;
        // A nested block list: step into the first (or given) element.
        if let Some(items) = cur.as_list() {
            let i = idx.unwrap_or(0);
            if idx.is_some() || matches!(cur.kind, Kind::List(_)) && items.len() == 1 {
                match items.get(i) {
                    Some(x) => {
                        cur = x;
                        best = x.loc.or(best);
                    }
                    None => return best,
                }
            }
        }
    }
    // Prefer the attribute key: it marks the line that says it.
    best
}

fn attr_path_loc(v: &Value, path: &str) -> Option<Loc> {
    // The key span when the path ends on an attribute, so the label sits on `acl = …`.
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop()?;
    let mut parent = v;
    for p in &parts {
        let next = parent.get(p)?;
        parent = match next.as_list() {
            Some([one]) => one,
            _ => next,
        };
    }
    let e = parent.entry(last)?;
    match (e.key_loc, e.value.loc) {
        (Some(k), Some(val)) if k.file == val.file && val.end >= k.start => Some(Loc {
            end: val.end.max(k.end),
            ..k
        }),
        (k, val) => k.or(val),
    }
}

/// A condition over `self` (a fix's `when`): `None` when it is not a known bool.
pub fn condition(expr: &Expression, block: &Block, cfg: &Configuration) -> Option<bool> {
    let reads = Reads::default();
    let scope = RuleScope::new(block, cfg, None, &reads);
    let budget = Budget::new(Limits::default());
    let files = FileAccess::default();
    let ev = Evaluator::new(None, "", &scope, &budget, None, &files);
    ev.value(expr).as_bool()
}

pub fn assert(rule: &Rule, block: &Block, cfg: &Configuration) -> Verdict {
    assert_each(rule, block, cfg)
        .into_iter()
        .map(|(v, _, _)| v)
        .find(|v| !matches!(v, Verdict::Pass))
        .unwrap_or(Verdict::Pass)
}

/// The verdicts of a rule on a block, with the facet of each and the element judged. A rule
/// with `each = <list or map>` judges every element (bound to `each.key`/`each.value`, like
/// Terraform's `for_each`) and names the facet of each failure with its `facet` template.
pub fn assert_each(rule: &Rule, block: &Block, cfg: &Configuration) -> Vec<Judged> {
    assert_each_local(rule, block, cfg).0
}

/// [`assert_each`], and what the verdicts depend on besides the rule and the block (every
/// field of it, spans included): the blocks of the configuration of the types in
/// [`Reads::types`] (listed by `attached()` or `resources()`), and all of its blocks when
/// [`Reads::all`] (a failure placed in the block holding a value set elsewhere). The evaluator
/// reads nothing else: rule scopes answer `self` and `each` only, functions get no file
/// access, and the budgets count steps and bytes, not time.
pub fn assert_each_local(rule: &Rule, block: &Block, cfg: &Configuration) -> (Vec<Judged>, Reads) {
    let reads = Reads::default();
    let out = assert_each_in(rule, block, cfg, &reads);
    (out, reads)
}

fn assert_each_in(rule: &Rule, block: &Block, cfg: &Configuration, reads: &Reads) -> Vec<Judged> {
    let Some(each) = &rule.each else {
        return vec![(judge(rule, block, cfg, None, reads, None).0, None, None)];
    };
    let scope = RuleScope::new(block, cfg, None, reads);
    let budget = Budget::new(Limits::default());
    let files = FileAccess::default();
    let ev = Evaluator::new(None, "", &scope, &budget, None, &files);
    // A built-in literal list (NET001's 63 ports) is first judged on its first element alone:
    // an assertion that passes, or is unknown, without looking `each` up gives that verdict
    // for every element (as below), and the list need not be made (a block closed to the
    // internet: making the list was two thirds of NET001's cost on a file).
    if let Some((n, first)) = each.list_head() {
        let Some(first) = first else {
            return Vec::new();
        };
        let scratch = Budget::new(Limits::default());
        let value = literal_value(
            &Evaluator::new(None, "", &scope, &scratch, None, &files),
            &first,
        );
        let key = Value::number(0.0, value.loc);
        let each = Each {
            key: &key,
            value: &value,
        };
        let (verdict, each_read) = judge(rule, block, cfg, Some(each), reads, None);
        if given_alike(&verdict, each_read) {
            return vec![(verdict, None, None); n];
        }
    }
    // A constant `each` is evaluated for the first block only, on a budget of its own as fresh
    // as this one; each block's budget is charged what that evaluation charged.
    let kept = rule.each_kept.get_or_init(|| {
        let budget = Budget::new(Limits::default());
        let ev = Evaluator::new(None, "", &scope, &budget, None, &files);
        // A packed literal is evaluated without making its tree.
        match each.packed_form().and_then(super::packed::literal) {
            Some(l) => Constant::evaluated(&ev, || literal_value(&ev, &l)),
            None => Constant::of(&ev, each.get()?),
        }
        .map(std::sync::Arc::new)
    });
    let evaluated;
    let all = match kept.as_ref().and_then(|k| k.get(&ev)) {
        Some(v) => v,
        None => {
            evaluated = match each.get() {
                Some(e) => ev.value(e),
                None => Value::unknown(format!("`each` of {} does not parse", rule.id), None),
            };
            &evaluated
        }
    };
    // The elements are lent from the evaluated collection, not copied.
    let elements: Vec<(Value, &Value)> = match &all.kind {
        Kind::List(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (Value::number(i as f64, v.loc), v))
            .collect(),
        Kind::Object(entries) => entries
            .iter()
            .map(|e| (Value::string(e.key.as_str(), e.key_loc), &e.value))
            .collect(),
        Kind::Null => Vec::new(),
        Kind::Unknown(u) => {
            return vec![(
                Verdict::Unknown {
                    loc: all
                        .loc
                        .filter(|l| l.file == block.file)
                        .or(Some(block.header)),
                    reason: u.reason.to_string(),
                },
                None,
                None,
            )]
        }
        _ => {
            return vec![(
                Verdict::Unknown {
                    loc: Some(block.header),
                    reason: format!(
                        "`each` of {} gave a {}, not a list",
                        rule.id,
                        all.type_name()
                    ),
                },
                None,
                None,
            )]
        }
    };
    // What the assertion reads of `self` alone is the same for every element (made for this
    // loop only: the probe above judges one element).
    let memo = rule.assert.as_ref().map(|a| {
        let slots = rule.assert_slots.get_or_init(|| Slots::over(a, &["self"]));
        // A copy of the rule (its assertion elsewhere) finds its own.
        slots.memo(a).unwrap_or_else(|| Memo::over(a, &["self"]))
    });
    // An assertion that passed, or was unknown, without looking `each` up is evaluated alike
    // for every element (nothing else differs between them): the verdict is every element's
    // (NET001 on an egress rule or one closed to the internet: 64 judgements of one outcome).
    let mut alike: Option<Verdict> = None;
    let range = rule.assert.as_ref().and_then(RangeForm::of);
    let mut classes: Vec<(Vec<&Value>, Option<Prefix>)> = Vec::new();
    elements
        .into_iter()
        .map(|(key, value)| {
            if let Some(v) = &alike {
                return (v.clone(), None, None);
            }
            let each = Each { key: &key, value };
            if let Some(form) = &range {
                let passes = form.passes(value, &mut classes, |at, enclosing| {
                    let scope = RuleScope::new(block, cfg, Some(each), reads);
                    let budget = Budget::new(Limits::default());
                    let mut ev = Evaluator::new(None, "", &scope, &budget, None, &files);
                    if let Some(m) = &memo {
                        ev = ev.with_memo(m);
                    }
                    apart(&ev, at, enclosing)
                });
                if passes {
                    return (Verdict::Pass, None, None);
                }
            }
            let (verdict, each_read) = judge(rule, block, cfg, Some(each), reads, memo.as_ref());
            if given_alike(&verdict, each_read) {
                alike = Some(verdict.clone());
            }
            let facet = match (&verdict, &rule.facet) {
                (Verdict::Fail { .. }, Some(f)) => {
                    let scope = RuleScope::new(block, cfg, Some(each), reads);
                    let ev = Evaluator::new(None, "", &scope, &budget, None, &files);
                    ev.value(f).as_str().map(str::to_string)
                }
                _ => None,
            };
            let element = matches!(verdict, Verdict::Fail { .. }).then(|| each.object());
            (verdict, facet, element)
        })
        .collect()
}

/// Whether a verdict is every element's: it did not look `each` up (nothing else differs
/// between the elements) and is not a failure (a failure names its element and facet).
fn given_alike(verdict: &Verdict, each_read: bool) -> bool {
    !each_read && !matches!(verdict, Verdict::Fail { .. })
}

/// A literal's value as `Evaluator::value` gives it for its tree (a rule expression, without
/// spans): one step per node, its strings' bytes charged, a later duplicate key replacing an
/// earlier one.
fn literal_value(ev: &Evaluator, l: &super::packed::Literal) -> Value {
    use super::packed::Literal as L;
    if let Err(why) = ev.budget.enter(None) {
        return Value::unknown(why, None);
    }
    let v = match l {
        L::Null => Value::new(Kind::Null, None),
        L::Bool(b) => Value::bool(*b, None),
        L::Number(n) => Value::number(*n, None),
        L::String(s) => match ev.budget.alloc(s.len(), None) {
            Ok(()) => Value::string(*s, None),
            Err(why) => Value::unknown(why, None),
        },
        L::Array(items) => Value::list(items.iter().map(|x| literal_value(ev, x)).collect(), None),
        L::Object(members) => {
            let mut entries: Vec<crate::value::Entry> = Vec::with_capacity(members.len());
            for (key, x) in members {
                let value = literal_value(ev, x);
                entries.retain(|e| e.key != *key);
                entries.push(crate::value::Entry {
                    key: key.to_string(),
                    key_loc: None,
                    value,
                });
            }
            Value::object(entries, None)
        }
    };
    ev.budget.leave();
    v
}

/// An assertion `!(P && c1 && … && cn)` (`&&` nested to the left, parentheses allowed) whose
/// last conjuncts `c1…cn` are comparisons (NET001: `lo <= each.value.port && each.value.port <=
/// hi`) and whose `P` reads `each` only through paths `each.value.a.b…`. The evaluator gives
/// `unknown && false` as false, so an element for which `P` evaluates to a bool or an unknown
/// and some `ci` to false (the ones before it to bools or unknowns) passes, and one for which
/// `P` is false passes too; `P` gives the same for every element with the same values at its
/// paths, so it is evaluated once per such group instead of once per element (NET001: three
/// groups of protocols among 63 ports). `P` and each `ci` are evaluated apart at the depth and
/// with the steps before them they have inside the whole assertion; anything else (an error,
/// a limit reached, no comparison false) is judged as before.
struct RangeForm<'e> {
    prefix: &'e Expression,
    /// The nodes enclosing `P` in the assertion.
    prefix_enclosing: u32,
    /// The comparisons in evaluation order, each with the nodes enclosing it.
    comparisons: Vec<(&'e Expression, u32)>,
    /// `P`'s paths under `each.value`.
    paths: Vec<Vec<String>>,
}

/// `P`'s outcome for one group: its value as a bool (`None`: unknown) and what it charged;
/// `None` when it erred or reached a limit.
type Prefix = Option<(Option<bool>, (u64, u64, u64))>;

/// What evaluating `at` apart gave: its value as a bool (`None`: unknown) and what the
/// evaluation charged (the enclosing nodes' steps included); `None` on an error, a value that
/// is not a bool, or a limit reached.
fn apart(
    ev: &Evaluator,
    at: &Expression,
    enclosing: u32,
) -> Option<(Option<bool>, (u64, u64, u64))> {
    for _ in 0..enclosing {
        ev.budget.enter(None).ok()?;
    }
    let v = ev.eval(at).ok()?;
    let b = ev.to_bool(&v, None).ok()?;
    let reached = ev.budget.exhausted() || !ev.budget.hits.borrow().is_empty();
    (!reached).then(|| (b, ev.budget.spent()))
}

impl<'e> RangeForm<'e> {
    fn of(assert: &'e Expression) -> Option<RangeForm<'e>> {
        let mut depth = 0u32;
        let mut e = assert;
        let strip = |mut e: &'e Expression, depth: &mut u32| {
            while let Expression::Parenthesis(p) = e {
                *depth += 1;
                e = p.inner();
            }
            e
        };
        e = strip(e, &mut depth);
        let Expression::UnaryOp(not) = e else {
            return None;
        };
        if *not.operator.value() != hcl_edit::expr::UnaryOperator::Not {
            return None;
        }
        depth += 1;
        e = strip(&not.expr, &mut depth);
        let mut comparisons = Vec::new();
        while let Expression::BinaryOp(and) = e {
            if *and.operator.value() != hcl_edit::expr::BinaryOperator::And {
                break;
            }
            use hcl_edit::expr::BinaryOperator as B;
            let rhs = &and.rhs_expr;
            let compares = matches!(rhs, Expression::BinaryOp(c)
                if matches!(c.operator.value(), B::Less | B::LessEq | B::Greater | B::GreaterEq));
            if !compares {
                break;
            }
            depth += 1;
            comparisons.push((rhs, depth));
            e = &and.lhs_expr;
        }
        if comparisons.is_empty() {
            return None;
        }
        comparisons.reverse();
        use hcl_edit::visit::Visit;
        let mut reads = EachPaths::default();
        reads.visit_expr(assert);
        if reads.unsure || reads.bare > 0 {
            return None;
        }
        let mut reads = EachPaths::default();
        reads.visit_expr(e);
        Some(RangeForm {
            prefix: e,
            prefix_enclosing: depth,
            comparisons,
            paths: reads.paths,
        })
    }

    /// Whether the element `value` passes without a judgement of its own (see [`RangeForm`]):
    /// `evaluate` evaluates an expression apart for it, given the nodes enclosing it.
    fn passes<'v>(
        &self,
        value: &'v Value,
        classes: &mut Vec<(Vec<&'v Value>, Option<Prefix>)>,
        evaluate: impl Fn(&Expression, u32) -> Prefix,
    ) -> bool {
        let Some(key) = self
            .paths
            .iter()
            // As the scope's lookup steps in (`Evaluator::descend`): into members of objects
            // that are not a reference's value.
            .map(|p| {
                p.iter()
                    .try_fold(value, |v, a| v.origin.is_none().then(|| v.get(a)).flatten())
            })
            .collect::<Option<Vec<&Value>>>()
        else {
            return false;
        };
        let i = match classes.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                classes.push((key, None));
                classes.len() - 1
            }
        };
        let prefix = *classes[i]
            .1
            .get_or_insert_with(|| evaluate(self.prefix, self.prefix_enclosing));
        let Some((p, mut spent)) = prefix else {
            return false;
        };
        if p == Some(false) {
            return true;
        }
        let max = Limits::default();
        for (c, enclosing) in &self.comparisons {
            let Some((b, (steps, memory, work))) = evaluate(c, *enclosing) else {
                return false;
            };
            // The whole assertion spends at most the sum (the enclosing nodes counted twice): far
            // from every limit, it reaches none where these parts reached none.
            spent = (spent.0 + steps, spent.1 + memory, spent.2 + work);
            if spent.0 * 2 > max.max_steps
                || spent.1 * 2 > max.max_memory
                || spent.2 * 2 > max.max_work
            {
                return false;
            }
            if b == Some(false) {
                return true;
            }
        }
        false
    }
}

/// The paths under `each.value` an expression reads; `bare` counts the other uses of `each`
/// (`each.key`, `each` whole), `unsure` says it binds names of its own (a `for`).
#[derive(Default)]
struct EachPaths {
    paths: Vec<Vec<String>>,
    bare: usize,
    unsure: bool,
}

impl hcl_edit::visit::Visit for EachPaths {
    fn visit_expr(&mut self, e: &Expression) {
        use hcl_edit::expr::TraversalOperator as T;
        match e {
            Expression::Variable(v) if v.as_str() == "each" => self.bare += 1,
            Expression::ForExpr(_) => self.unsure = true,
            Expression::Traversal(t) if matches!(&t.expr, Expression::Variable(v) if v.as_str() == "each") =>
            {
                let mut ops = t.operators.iter().map(|o| o.value());
                if !matches!(ops.next(), Some(T::GetAttr(a)) if a.as_str() == "value") {
                    self.bare += 1;
                    return;
                }
                let path: Vec<String> = ops
                    .map_while(|o| match o {
                        T::GetAttr(a) => Some(a.as_str().to_string()),
                        _ => None,
                    })
                    .collect();
                for o in &t.operators {
                    if let T::Index(i) = o.value() {
                        self.visit_expr(i);
                    }
                }
                if !self.paths.contains(&path) {
                    self.paths.push(path);
                }
            }
            _ => hcl_edit::visit::visit_expr(self, e),
        }
    }

    fn visit_for_template_expr(&mut self, _: &hcl_edit::template::ForTemplateExpr) {
        self.unsure = true;
    }
}

fn within(inner: &Loc, outer: &Loc) -> bool {
    inner.file == outer.file && inner.start >= outer.start && inner.end <= outer.end
}

/// The resource block whose body holds `at`, and the span of the attribute there (key through
/// value) that holds it.
pub fn holder(cfg: &Configuration, at: Loc) -> Option<(&Block, Loc)> {
    let b = cfg
        .blocks
        .iter()
        .filter(|b| within(&at, &b.loc))
        .min_by_key(|b| b.loc.end - b.loc.start)?;
    let span = attribute_holding(&b.value, at).unwrap_or(at);
    Some((b, span))
}

/// The span of the innermost attribute (key and value) whose value contains `at`.
fn attribute_holding(v: &Value, at: Loc) -> Option<Loc> {
    match &v.kind {
        Kind::Object(es) => es.iter().find_map(|e| {
            let inside = e.value.loc.is_some_and(|l| within(&at, &l));
            if !inside {
                return None;
            }
            attribute_holding(&e.value, at).or(match e.key_loc {
                Some(k)
                    if e.value
                        .loc
                        .is_some_and(|l| l.file == k.file && l.end >= k.start) =>
                {
                    Some(Loc {
                        end: e.value.loc.map_or(k.end, |l| l.end.max(k.end)),
                        ..k
                    })
                }
                k => k.or(e.value.loc),
            })
        }),
        Kind::List(items) => items.iter().find_map(|i| attribute_holding(i, at)),
        _ => None,
    }
}

/// Where a failure points: `where` is an attribute path of the block, or of the element being
/// judged when it starts with `each.value.`. Written as an expression (`"m.${each.value.key}"`,
/// a list of paths), it is evaluated first; the first path that is set wins.
fn where_loc(rule: &Rule, block: &Block, each: Option<Each>, ev: &Evaluator) -> Option<Loc> {
    let paths: Vec<String> = match rule.where_expr.as_ref().and_then(super::LazyExpr::get) {
        Some(e) => {
            let v = ev.value(e);
            match v.as_list() {
                Some(items) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
                None => vec![v.as_str()?.to_string()],
            }
        }
        None => vec![rule.where_.clone()?],
    };
    // `a|b`: the first of several attributes that is set (rules over several resource types).
    paths.iter().flat_map(|p| p.split('|')).find_map(|w| {
        let (root, path) = match (w.strip_prefix("each.value."), each.map(|e| e.value)) {
            (Some(rest), Some(v)) => (v, rest),
            _ => (&block.value, w),
        };
        attr_path_loc(root, path).or_else(|| path_loc(root, path))
    })
}

/// The assertion's verdict on the block (on the element, with `each`), and whether the
/// assertion looked `each` up.
fn judge(
    rule: &Rule,
    block: &Block,
    cfg: &Configuration,
    each: Option<Each>,
    reads: &Reads,
    memo: Option<&Memo>,
) -> (Verdict, bool) {
    let Some(expr) = &rule.assert else {
        return (Verdict::Pass, false);
    };
    let scope = RuleScope::new(block, cfg, each, reads);
    let budget = Budget::new(Limits::default());
    let files = FileAccess::default();
    let mut ev = Evaluator::new(None, "", &scope, &budget, None, &files);
    if let Some(m) = memo {
        ev = ev.with_memo(m);
    }
    let v = ev.value(expr);
    // What the assertion looked up (a failure's message and `where` may read `each` too).
    let each_read = scope.each_read.get();
    let verdict = match &v.kind {
        Kind::Bool(true) => Verdict::Pass,
        Kind::Bool(false) => {
            // Without the labelled attribute, the element itself (a nested block), else the block.
            let element = each
                .and_then(|e| e.value.loc)
                .filter(|l| l.file == block.file);
            let loc = where_loc(rule, block, each, &ev)
                .or(element)
                .or(Some(block.header));
            let message = message(rule, &ev);
            // The value that decided the failure (its span survives evaluation): in another
            // resource, the finding goes there; set outside any resource (a variable default, a
            // tfvars file, a local), it is shown where it was set, the finding stays at its use.
            match v.loc.filter(|d| !within(d, &block.loc)) {
                Some(d) => {
                    // Which block holds the value is a question about the others.
                    reads.all.set(true);
                    match holder(cfg, d) {
                        Some((other, at)) => Verdict::Fail {
                            loc: Some(at),
                            message,
                            resource: Some(other.address.clone()),
                            secondary: Vec::new(),
                        },
                        None => Verdict::Fail {
                            loc,
                            message,
                            resource: None,
                            secondary: vec![(d, crate::i18n::tr!("value set here").to_string())],
                        },
                    }
                }
                None => Verdict::Fail {
                    loc,
                    message,
                    resource: None,
                    secondary: Vec::new(),
                },
            }
        }
        // Point at the value that was unknown when its span survived evaluation.
        Kind::Unknown(u) => Verdict::Unknown {
            loc: v
                .loc
                .filter(|l| l.file == block.file)
                .or(Some(block.header)),
            reason: u.reason.to_string(),
        },
        _ => Verdict::Unknown {
            loc: Some(block.header),
            reason: format!(
                "the assertion of {} gave a {}, not a bool",
                rule.id,
                v.type_name()
            ),
        },
    };
    (verdict, each_read)
}

fn message(rule: &Rule, ev: &Evaluator) -> String {
    match rule.message_expr.as_ref().and_then(super::LazyExpr::get) {
        Some(e @ Expression::StringTemplate(t)) => match ev.value(e).as_str() {
            Some(s) => s.to_string(),
            // Render what is known; each unknown interpolation shows as its reference or
            // `(unknown)`, never as template source.
            None => {
                let mut out = String::new();
                for el in t.iter() {
                    match el {
                        hcl_edit::template::Element::Literal(l) => out.push_str(l.value()),
                        hcl_edit::template::Element::Interpolation(i) => {
                            out.push_str(&ev.value(&i.expr).to_string())
                        }
                        hcl_edit::template::Element::Directive(_) => out.push_str("(unknown)"),
                    }
                }
                out
            }
        },
        Some(e) => match ev.value(e).as_str() {
            Some(s) => s.to_string(),
            None => rule.message.clone(),
        },
        None => rule.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileKind, SourceMap};

    /// A built-in rule's `each` read as a packed literal is what evaluating its tree gives:
    /// the same value and the same charges (NET001's ports among them).
    #[test]
    fn packed_literals_evaluate_as_their_trees() {
        let mut n = 0;
        for e in crate::rules::INDEX.rules {
            for p in e.packed() {
                let Some(l) = crate::rules::packed::literal(p.packed()) else {
                    continue;
                };
                // A list's length and first element as `build.rs` and `first` read them.
                let head = match &l {
                    crate::rules::packed::Literal::Array(items) => {
                        Some((items.len(), items.first()))
                    }
                    _ => None,
                };
                assert_eq!(
                    format!("{head:?}"),
                    format!("{:?}", p.list_head()),
                    "{} {}",
                    e.id(),
                    p.member()
                );
                let tree = crate::rules::packed::unpack(p.packed()).unwrap();
                let files = FileAccess::default();
                let of = |f: &dyn Fn(&Evaluator) -> Option<Constant>| {
                    let budget = Budget::new(Limits::default());
                    let ev =
                        Evaluator::new(None, "", &crate::eval::EmptyScope, &budget, None, &files);
                    format!("{:?}", f(&ev))
                };
                let read = of(&|ev| Constant::evaluated(ev, || literal_value(ev, &l)));
                assert_eq!(
                    read,
                    of(&|ev| Constant::of(ev, &tree)),
                    "{} {}",
                    e.id(),
                    p.member()
                );
                assert!(read.starts_with("Some("), "{}", e.id());
                n += usize::from(p.member() == "each");
            }
        }
        assert!(n >= 1, "{n}");
        // A budget that runs out on the way gives what the tree gives.
        let tree =
            hcl_edit::parser::parse_expr("[{ a = \"x\", b = [1, null, true] }, \"yz\"]").unwrap();
        let packed = crate::rules::packed::pack(&tree).unwrap();
        let l = crate::rules::packed::literal(&packed).unwrap();
        let files = FileAccess::default();
        for steps in 0..9 {
            let run = |f: &dyn Fn(&Evaluator) -> Value| {
                let budget = Budget::new(Limits {
                    max_steps: steps,
                    ..Limits::default()
                });
                let ev = Evaluator::new(None, "", &crate::eval::EmptyScope, &budget, None, &files);
                let v = f(&ev);
                format!("{v:?} {:?} {:?}", budget.spent(), budget.hits.borrow())
            };
            assert_eq!(
                run(&|ev| literal_value(ev, &l)),
                run(&|ev| ev.value(&tree)),
                "{steps}"
            );
        }
    }

    fn describe(j: &Judged) -> String {
        let (v, facet, element) = j;
        let v = match v {
            Verdict::Pass => "pass".to_string(),
            Verdict::Fail {
                loc,
                message,
                resource,
                secondary,
            } => format!("fail {loc:?} {message} {resource:?} {secondary:?}"),
            Verdict::Unknown { loc, reason } => format!("unknown {loc:?} {reason}"),
        };
        format!("{v} {facet:?} {element:?}")
    }

    /// Judging NET001's ports (first on the first element alone, then, when that looked
    /// `each` up or failed, one by one), an element whose verdict did not look `each` up gives
    /// its verdict to the elements after it: every element gets what judging it on its own gives
    /// (passes of an egress rule or a closed one, failures of the covered ports among passes
    /// of the others, unknowns of an unknown source where the protocol is one the port
    /// speaks).
    #[test]
    fn verdicts_given_alike_are_those_judged_one_by_one() {
        let text = r#"
variable "cidr" {}
resource "alicloud_security_group_rule" "egress" {
  type = "egress"
  ip_protocol = "tcp"
  port_range = "20/23"
  cidr_ip = "0.0.0.0/0"
}
resource "alicloud_security_group_rule" "open" {
  type = "ingress"
  ip_protocol = "tcp"
  port_range = "3000/3389"
  cidr_ip = "0.0.0.0/0"
}
resource "alicloud_security_group_rule" "unknown" {
  type = "ingress"
  ip_protocol = "tcp"
  port_range = "22/22"
  cidr_ip = var.cidr
}
resource "alicloud_security_group_rule" "closed" {
  type = "ingress"
  ip_protocol = "udp"
  port_range = "53/53"
  cidr_ip = "10.0.0.0/8"
}
resource "alicloud_security_group_rule" "udp" {
  type = "ingress"
  ip_protocol = "UDP"
  port_range = "100/200"
  cidr_ip = "0.0.0.0/0"
}
resource "alicloud_security_group_rule" "protocol" {
  type = "ingress"
  ip_protocol = var.cidr
  port_range = "20/25"
  cidr_ip = "0.0.0.0/0"
}
resource "alicloud_security_group_rule" "ports" {
  type = "ingress"
  ip_protocol = "tcp"
  port_range = var.cidr
  cidr_ip = "0.0.0.0/0"
}
resource "alicloud_security_group_rule" "bad" {
  type = "ingress"
  ip_protocol = "tcp"
  port_range = "x/y"
  cidr_ip = "0.0.0.0/0"
}
"#;
        let mut sources = SourceMap::default();
        sources.add(
            "/t/main.tf".into(),
            "main.tf".into(),
            FileKind::Hcl,
            text.into(),
        );
        let mut ws = crate::tf::Workspace::default();
        crate::tf::load(&sources, &mut ws);
        let cfg = &ws.configurations[0];
        let reg = crate::rules::Registry::builtin();
        let rule = reg.get("NET001").unwrap();
        let mut kinds = Vec::new();
        for block in cfg.of_type("alicloud_security_group_rule") {
            let got: Vec<String> = assert_each(rule, block, cfg).iter().map(describe).collect();
            // One by one: no memo, nothing given alike.
            let reads = Reads::default();
            let scope = RuleScope::new(block, cfg, None, &reads);
            let budget = Budget::new(Limits::default());
            let files = FileAccess::default();
            let ev = Evaluator::new(None, "", &scope, &budget, None, &files);
            let all = ev.value(
                rule.each
                    .as_ref()
                    .and_then(crate::rules::LazyExpr::get)
                    .unwrap(),
            );
            let want: Vec<String> = all
                .as_list()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(i, value)| {
                    let key = Value::number(i as f64, value.loc);
                    let each = Each { key: &key, value };
                    let (verdict, _) = judge(rule, block, cfg, Some(each), &reads, None);
                    let failed = matches!(verdict, Verdict::Fail { .. });
                    let facet = failed.then(|| {
                        let scope = RuleScope::new(block, cfg, Some(each), &reads);
                        let ev = Evaluator::new(None, "", &scope, &budget, None, &files);
                        let f = ev.value(rule.facet.as_ref().unwrap());
                        f.as_str().unwrap().to_string()
                    });
                    describe(&(verdict, facet, failed.then(|| each.object())))
                })
                .collect();
            assert!(want.len() > 60, "{}", want.len());
            assert_eq!(got, want, "{}", block.address);
            let mut k: Vec<String> = got
                .iter()
                .map(|d| d.split(' ').next().unwrap().to_string())
                .collect();
            k.dedup();
            kinds.push((block.address.clone(), k));
        }
        let kinds: Vec<(&str, Vec<&str>)> = kinds
            .iter()
            .map(|(a, k)| (a.as_str(), k.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("alicloud_security_group_rule.egress", vec!["pass"]),
                (
                    "alicloud_security_group_rule.open",
                    vec!["pass", "fail", "pass"]
                ),
                (
                    "alicloud_security_group_rule.unknown",
                    vec!["pass", "unknown", "pass"]
                ),
                ("alicloud_security_group_rule.closed", vec!["pass"]),
                (
                    "alicloud_security_group_rule.udp",
                    vec!["pass", "fail", "pass"]
                ),
                (
                    "alicloud_security_group_rule.protocol",
                    vec!["unknown", "pass"]
                ),
                (
                    "alicloud_security_group_rule.ports",
                    vec!["unknown", "pass", "unknown", "pass", "unknown"]
                ),
                (
                    "alicloud_security_group_rule.bad",
                    vec!["unknown", "pass", "unknown", "pass", "unknown"]
                ),
            ]
        );
        // NET001 has the range form: its ports outside a rule's range pass without a
        // judgement of their own.
        let form = RangeForm::of(rule.assert.as_ref().unwrap()).unwrap();
        assert_eq!(form.comparisons.len(), 2);
        assert_eq!(form.paths, vec![vec!["protocols".to_string()]]);
    }
}
