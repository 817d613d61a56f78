//! Rule expressions packed at build time. `build.rs` parses each built-in rule's `assert`,
//! `each` and `facet` with hcl-edit and writes the tree in a compact prefix form ([`pack`]); the
//! rule built on first use unpacks it ([`unpack`]) into the same hcl-edit `Expression` the
//! parser gives, without the parser (winnow's parse was a fifth of a one-file run). The trees
//! are equal (`PartialEq`) and print the same text, whitespace and comments included; they carry
//! no spans, which hcl-edit lets only its parser set: rule expressions are evaluated without a
//! file (`rules::expr`), so their spans are never read. What the packing cannot reproduce (a
//! heredoc, a template directive, a number not written as it prints) is not packed, and its
//! source is parsed as before. This file is also compiled into `build.rs`: it uses nothing but
//! hcl-edit and std.

use hcl_edit::expr::{
    Array, BinaryOp, BinaryOperator, Conditional, Expression, ForCond, ForExpr, ForIntro, FuncArgs,
    FuncCall, FuncName, Object, ObjectKey, ObjectValue, ObjectValueAssignment,
    ObjectValueTerminator, Parenthesis, Splat, Traversal, TraversalOperator, UnaryOp,
    UnaryOperator,
};
use hcl_edit::template::{Element, Interpolation, StringTemplate, Strip};
use hcl_edit::{Decor, Decorate, Decorated, Formatted, Ident, Number, RawString};

const BINARY: [BinaryOperator; 13] = [
    BinaryOperator::Eq,
    BinaryOperator::NotEq,
    BinaryOperator::LessEq,
    BinaryOperator::GreaterEq,
    BinaryOperator::Less,
    BinaryOperator::Greater,
    BinaryOperator::Plus,
    BinaryOperator::Minus,
    BinaryOperator::Mul,
    BinaryOperator::Div,
    BinaryOperator::Mod,
    BinaryOperator::And,
    BinaryOperator::Or,
];
const STRIP: [Strip; 4] = [Strip::None, Strip::Start, Strip::End, Strip::Both];

/// `e` packed, or `None` when the packing cannot reproduce it.
pub fn pack(e: &Expression) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    Packer {
        out: &mut out,
        bare: false,
    }
    .expr(e)?;
    Some(out)
}

/// `e` packed without its layout (every decor and trailing text as absent): two trees that
/// pack alike this way differ in nothing but layout (see [`unpack_bare`]).
pub fn pack_bare(e: &Expression) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    Packer {
        out: &mut out,
        bare: true,
    }
    .expr(e)?;
    Some(out)
}

struct Packer<'a> {
    out: &'a mut Vec<u8>,
    bare: bool,
}

impl Packer<'_> {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn num(&mut self, mut n: u64) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(b);
                return;
            }
            self.out.push(b | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }

    /// 0: absent or the parser's span of the input (both print the default), 1: empty, 2: text.
    fn raw(&mut self, r: Option<&RawString>) {
        match r {
            _ if self.bare => self.byte(0),
            Some(r) if !r.is_empty() => {
                self.byte(2);
                self.str(r);
            }
            // A span the parser left unresolved prints as absent decor does; `RawString` shows
            // it only in its `Debug` form.
            Some(r) if !format!("{r:?}").contains("Spanned") => self.byte(1),
            _ => self.byte(0),
        }
    }

    fn decor(&mut self, d: &Decor) {
        self.raw(d.prefix());
        self.raw(d.suffix());
    }

    fn ident(&mut self, i: &Decorated<Ident>) {
        self.str(i.as_str());
        self.decor(i.decor());
    }

    fn expr(&mut self, e: &Expression) -> Option<()> {
        match e {
            Expression::Null(_) => self.byte(0),
            Expression::Bool(b) => self.byte(if *b.value() { 2 } else { 1 }),
            Expression::Number(n) => {
                let v = n.value();
                // The parser keeps the number as written; an unpacked one prints its value.
                if n.as_repr().is_some_and(|r| **r != v.to_string()) {
                    return None;
                }
                if let Some(u) = v.as_u64() {
                    self.byte(3);
                    self.num(u);
                } else if let Some(i) = v.as_i64() {
                    self.byte(4);
                    self.num(i as u64);
                } else {
                    self.byte(5);
                    self.num(v.as_f64()?.to_bits());
                }
                self.byte(u8::from(n.as_repr().is_some()));
            }
            Expression::String(s) => {
                self.byte(6);
                self.str(s.value());
            }
            Expression::Array(a) => {
                self.byte(7);
                self.num(a.len() as u64);
                for v in a {
                    self.expr(v)?;
                }
                self.raw(Some(a.trailing()));
                self.byte(u8::from(a.trailing_comma()));
            }
            Expression::Object(o) => {
                self.byte(8);
                self.num(o.len() as u64);
                for (k, v) in o {
                    match k {
                        ObjectKey::Ident(i) => {
                            self.byte(0);
                            self.ident(i);
                        }
                        ObjectKey::Expression(k) => {
                            self.byte(1);
                            self.expr(k)?;
                        }
                    }
                    self.expr(v.expr())?;
                    self.byte(match v.assignment() {
                        ObjectValueAssignment::Colon => 0,
                        ObjectValueAssignment::Equals => 1,
                    });
                    self.byte(match v.terminator() {
                        ObjectValueTerminator::None => 0,
                        ObjectValueTerminator::Newline => 1,
                        ObjectValueTerminator::Comma => 2,
                    });
                }
                self.raw(Some(o.trailing()));
            }
            Expression::StringTemplate(t) => {
                self.byte(9);
                self.num(t.len() as u64);
                for el in t.iter() {
                    match el {
                        Element::Literal(s) => {
                            self.byte(0);
                            self.str(s.value());
                        }
                        Element::Interpolation(i) => {
                            self.byte(1);
                            self.expr(&i.expr)?;
                            self.byte(STRIP.iter().position(|s| *s == i.strip)? as u8);
                        }
                        Element::Directive(_) => return None,
                    }
                }
            }
            Expression::HeredocTemplate(_) => return None,
            Expression::Parenthesis(p) => {
                self.byte(10);
                self.expr(p.inner())?;
            }
            Expression::Variable(v) => {
                self.byte(11);
                self.str(v.value().as_str());
            }
            Expression::Conditional(c) => {
                self.byte(12);
                self.expr(&c.cond_expr)?;
                self.expr(&c.true_expr)?;
                self.expr(&c.false_expr)?;
            }
            Expression::FuncCall(f) => {
                self.byte(13);
                self.num(f.name.namespace.len() as u64);
                for n in &f.name.namespace {
                    self.ident(n);
                }
                self.ident(&f.name.name);
                self.num(f.args.len() as u64);
                for a in &f.args {
                    self.expr(a)?;
                }
                self.byte(u8::from(f.args.expand_final()));
                self.byte(u8::from(f.args.trailing_comma()));
                self.raw(Some(f.args.trailing()));
                self.decor(f.args.decor());
            }
            Expression::Traversal(t) => {
                self.byte(14);
                self.expr(&t.expr)?;
                self.num(t.operators.len() as u64);
                for op in &t.operators {
                    match op.value() {
                        TraversalOperator::AttrSplat(s) => {
                            self.byte(0);
                            self.decor(s.decor());
                        }
                        TraversalOperator::FullSplat(s) => {
                            self.byte(1);
                            self.decor(s.decor());
                        }
                        TraversalOperator::GetAttr(i) => {
                            self.byte(2);
                            self.ident(i);
                        }
                        TraversalOperator::Index(e) => {
                            self.byte(3);
                            self.expr(e)?;
                        }
                        TraversalOperator::LegacyIndex(i) => {
                            self.byte(4);
                            self.num(*i.value());
                            self.decor(i.decor());
                        }
                    }
                    self.decor(op.decor());
                }
            }
            Expression::UnaryOp(u) => {
                self.byte(15);
                self.byte(match u.operator.value() {
                    UnaryOperator::Neg => 0,
                    UnaryOperator::Not => 1,
                });
                self.expr(&u.expr)?;
            }
            Expression::BinaryOp(b) => {
                self.byte(16);
                self.expr(&b.lhs_expr)?;
                self.byte(BINARY.iter().position(|o| o == b.operator.value())? as u8);
                self.decor(b.operator.decor());
                self.expr(&b.rhs_expr)?;
            }
            Expression::ForExpr(f) => {
                self.byte(17);
                match &f.intro.key_var {
                    Some(k) => {
                        self.byte(1);
                        self.ident(k);
                    }
                    None => self.byte(0),
                }
                self.ident(&f.intro.value_var);
                self.expr(&f.intro.collection_expr)?;
                self.decor(f.intro.decor());
                match &f.key_expr {
                    Some(k) => {
                        self.byte(1);
                        self.expr(k)?;
                    }
                    None => self.byte(0),
                }
                self.expr(&f.value_expr)?;
                self.byte(u8::from(f.grouping));
                match &f.cond {
                    Some(c) => {
                        self.byte(1);
                        self.expr(&c.expr)?;
                        self.decor(c.decor());
                    }
                    None => self.byte(0),
                }
            }
        }
        // Every expression's own decor last, whatever its kind.
        self.decor(e.decor());
        Some(())
    }
}

/// A literal as [`pack`] packed it: `null`, a bool, a number, a string, and lists and objects
/// (keyed by names) of them, read without making its tree (see [`literal`]).
#[derive(Debug, PartialEq)]
pub enum Literal<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(&'a str),
    Array(Vec<Literal<'a>>),
    Object(Vec<(&'a str, Literal<'a>)>),
}

/// The literal [`pack`] packed, its layout and decor skipped; `None` for any other expression
/// or what [`unpack`] would not read. A constant `each` (NET001's list of 63 ports) is
/// evaluated from it: its tree was half of the rule expressions a one-file run unpacked.
pub fn literal(b: &[u8]) -> Option<Literal<'_>> {
    let mut u = Unpacker {
        b,
        at: 0,
        bare: true,
    };
    let l = u.literal()?;
    (u.at == b.len()).then_some(l)
}

/// The length and first element of the list [`pack`] packed, read without the other elements
/// (whose being literals too `build.rs` tells: `rules::Packed::list_head`).
pub fn list_head(b: &[u8]) -> Option<(usize, Option<Literal<'_>>)> {
    let mut u = Unpacker {
        b,
        at: 0,
        bare: true,
    };
    if u.byte()? != 7 {
        return None;
    }
    let n = u.len()?;
    let first = match n {
        0 => None,
        _ => Some(u.literal()?),
    };
    Some((n, first))
}

/// The expression [`pack`] packed; `None` if `b` is not one (never for what `build.rs` wrote).
pub fn unpack(b: &[u8]) -> Option<Expression> {
    let mut u = Unpacker {
        b,
        at: 0,
        bare: false,
    };
    let e = u.expr()?;
    (u.at == b.len()).then_some(e)
}

/// [`unpack`] without the layout: every decor and trailing text left absent (whitespace and
/// comments, a string each). A rule's expression is evaluated, never printed, and evaluating
/// reads no layout; making those strings was a fifth of unpacking a one-file run's rules.
pub fn unpack_bare(b: &[u8]) -> Option<Expression> {
    let mut u = Unpacker {
        b,
        at: 0,
        bare: true,
    };
    let e = u.expr()?;
    (u.at == b.len()).then_some(e)
}

struct Unpacker<'a> {
    b: &'a [u8],
    at: usize,
    /// Layout is read past, not made ([`unpack_bare`]).
    bare: bool,
}

impl<'a> Unpacker<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn num(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.num()?).ok()
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        // Nearly every string is a short ASCII name or decor: checked inline, since the call to
        // the general check cost more than the check (a tenth of unpacking a file's rules).
        if s.is_ascii() {
            // SAFETY: ASCII bytes are UTF-8.
            return Some(unsafe { std::str::from_utf8_unchecked(s) });
        }
        std::str::from_utf8(s).ok()
    }

    fn raw(&mut self) -> Option<Option<RawString>> {
        if self.bare {
            self.skip_raw()?;
            return Some(None);
        }
        Some(match self.byte()? {
            0 => None,
            1 => Some(RawString::default()),
            2 => Some(RawString::from(self.str()?)),
            _ => return None,
        })
    }

    fn decor(&mut self, d: &mut Decor) -> Option<()> {
        if self.bare {
            return self.skip_decor();
        }
        if let Some(p) = self.raw()? {
            d.set_prefix(p);
        }
        if let Some(s) = self.raw()? {
            d.set_suffix(s);
        }
        Some(())
    }

    fn ident(&mut self) -> Option<Decorated<Ident>> {
        let mut i = Decorated::new(Ident::new_unchecked(self.str()?));
        self.decor(i.decor_mut())?;
        Some(i)
    }

    /// Past a string that is not read (layout): its bytes need no check.
    #[inline]
    fn skip_str(&mut self) -> Option<()> {
        let n = self.len()?;
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len())?;
        self.at = end;
        Some(())
    }

    #[inline]
    fn skip_raw(&mut self) -> Option<()> {
        match self.byte()? {
            0 | 1 => {}
            2 => self.skip_str()?,
            _ => return None,
        }
        Some(())
    }

    fn skip_decor(&mut self) -> Option<()> {
        self.skip_raw()?;
        self.skip_raw()
    }

    /// [`Self::expr`] for what [`Literal`] holds.
    fn literal(&mut self) -> Option<Literal<'a>> {
        let l = match self.byte()? {
            0 => Literal::Null,
            1 => Literal::Bool(false),
            2 => Literal::Bool(true),
            k @ 3..=5 => {
                let n = self.num()?;
                let v = match k {
                    3 => n as f64,
                    4 => n as i64 as f64,
                    _ => Some(f64::from_bits(n)).filter(|f| f.is_finite())?,
                };
                self.flag()?;
                Literal::Number(v)
            }
            6 => Literal::String(self.str()?),
            7 => {
                let n = self.len()?;
                let mut v = Vec::with_capacity(n.min(self.b.len()));
                for _ in 0..n {
                    v.push(self.literal()?);
                }
                self.skip_raw()?;
                self.flag()?;
                Literal::Array(v)
            }
            8 => {
                let n = self.len()?;
                let mut v = Vec::with_capacity(n.min(self.b.len()));
                for _ in 0..n {
                    if self.byte()? != 0 {
                        return None;
                    }
                    let k = self.str()?;
                    self.skip_decor()?;
                    v.push((k, self.literal()?));
                    if self.byte()? > 1 || self.byte()? > 2 {
                        return None;
                    }
                }
                self.skip_raw()?;
                Literal::Object(v)
            }
            _ => return None,
        };
        self.skip_decor()?;
        Some(l)
    }

    fn exprs(&mut self) -> Option<Vec<Expression>> {
        let n = self.len()?;
        let mut v = Vec::with_capacity(n.min(self.b.len()));
        for _ in 0..n {
            v.push(self.expr()?);
        }
        Some(v)
    }

    fn expr(&mut self) -> Option<Expression> {
        let mut e = match self.byte()? {
            0 => Expression::null(),
            1 => Expression::from(false),
            2 => Expression::from(true),
            k @ 3..=5 => {
                let n = self.num()?;
                let v = match k {
                    3 => Number::from(n),
                    4 => Number::from(n as i64),
                    _ => Number::from_f64(f64::from_bits(n))?,
                };
                let mut f = Formatted::new(v);
                if self.flag()? {
                    f.format();
                }
                Expression::Number(f)
            }
            6 => Expression::from(self.str()?),
            7 => {
                let mut a = Array::from(self.exprs()?);
                if let Some(t) = self.raw()? {
                    a.set_trailing(t);
                }
                a.set_trailing_comma(self.flag()?);
                Expression::Array(a)
            }
            8 => {
                let n = self.len()?;
                let mut o = Object::with_capacity(n.min(self.b.len()));
                for _ in 0..n {
                    let k = match self.byte()? {
                        0 => ObjectKey::Ident(self.ident()?),
                        1 => ObjectKey::Expression(self.expr()?),
                        _ => return None,
                    };
                    let mut v = ObjectValue::new(self.expr()?);
                    v.set_assignment(match self.byte()? {
                        0 => ObjectValueAssignment::Colon,
                        1 => ObjectValueAssignment::Equals,
                        _ => return None,
                    });
                    v.set_terminator(match self.byte()? {
                        0 => ObjectValueTerminator::None,
                        1 => ObjectValueTerminator::Newline,
                        2 => ObjectValueTerminator::Comma,
                        _ => return None,
                    });
                    o.insert(k, v);
                }
                if let Some(t) = self.raw()? {
                    o.set_trailing(t);
                }
                Expression::Object(o)
            }
            9 => {
                let n = self.len()?;
                let mut els = Vec::with_capacity(n.min(self.b.len()));
                for _ in 0..n {
                    els.push(match self.byte()? {
                        0 => Element::from(self.str()?),
                        1 => {
                            let mut i = Interpolation::new(self.expr()?);
                            i.strip = *STRIP.get(usize::from(self.byte()?))?;
                            Element::Interpolation(i)
                        }
                        _ => return None,
                    });
                }
                Expression::StringTemplate(StringTemplate::from(els))
            }
            10 => Expression::Parenthesis(Box::new(Parenthesis::new(self.expr()?))),
            11 => Expression::Variable(Decorated::new(Ident::new_unchecked(self.str()?))),
            12 => {
                let c = self.expr()?;
                let t = self.expr()?;
                let f = self.expr()?;
                Expression::Conditional(Box::new(Conditional::new(c, t, f)))
            }
            13 => {
                let ns = self.len()?;
                let mut namespace = Vec::with_capacity(ns.min(self.b.len()));
                for _ in 0..ns {
                    namespace.push(self.ident()?);
                }
                let mut name = FuncName::new(self.ident()?);
                name.namespace = namespace;
                let mut args = FuncArgs::from(self.exprs()?);
                args.set_expand_final(self.flag()?);
                args.set_trailing_comma(self.flag()?);
                if let Some(t) = self.raw()? {
                    args.set_trailing(t);
                }
                self.decor(args.decor_mut())?;
                Expression::FuncCall(Box::new(FuncCall::new(name, args)))
            }
            14 => {
                let root = self.expr()?;
                let n = self.len()?;
                let mut ops = Vec::with_capacity(n.min(self.b.len()));
                for _ in 0..n {
                    let op = match self.byte()? {
                        k @ (0 | 1) => {
                            let mut s = Decorated::new(Splat);
                            self.decor(s.decor_mut())?;
                            if k == 0 {
                                TraversalOperator::AttrSplat(s)
                            } else {
                                TraversalOperator::FullSplat(s)
                            }
                        }
                        2 => TraversalOperator::GetAttr(self.ident()?),
                        3 => TraversalOperator::Index(self.expr()?),
                        4 => {
                            let mut i = Decorated::new(self.num()?);
                            self.decor(i.decor_mut())?;
                            TraversalOperator::LegacyIndex(i)
                        }
                        _ => return None,
                    };
                    let mut op = Decorated::new(op);
                    self.decor(op.decor_mut())?;
                    ops.push(op);
                }
                Expression::Traversal(Box::new(Traversal::new(root, ops)))
            }
            15 => {
                let op = match self.byte()? {
                    0 => UnaryOperator::Neg,
                    1 => UnaryOperator::Not,
                    _ => return None,
                };
                Expression::UnaryOp(Box::new(UnaryOp::new(op, self.expr()?)))
            }
            16 => {
                let lhs = self.expr()?;
                let mut op = Decorated::new(*BINARY.get(usize::from(self.byte()?))?);
                self.decor(op.decor_mut())?;
                let rhs = self.expr()?;
                Expression::BinaryOp(Box::new(BinaryOp::new(lhs, op, rhs)))
            }
            17 => {
                let key_var = if self.flag()? {
                    Some(self.ident()?)
                } else {
                    None
                };
                let value_var = self.ident()?;
                let mut intro = ForIntro::new(value_var, self.expr()?);
                intro.key_var = key_var;
                self.decor(intro.decor_mut())?;
                let key_expr = if self.flag()? {
                    Some(self.expr()?)
                } else {
                    None
                };
                let mut f = ForExpr::new(intro, self.expr()?);
                f.key_expr = key_expr;
                f.grouping = self.flag()?;
                if self.flag()? {
                    let mut c = ForCond::new(self.expr()?);
                    self.decor(c.decor_mut())?;
                    f.cond = Some(c);
                }
                Expression::ForExpr(Box::new(f))
            }
            _ => return None,
        };
        self.decor(e.decor_mut())?;
        Some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind of expression, with comments and odd spacing, unpacks to its parse; what cannot
    /// be reproduced is not packed; truncated or corrupted input gives `None`, never a panic.
    #[test]
    fn unpacks_to_the_parse() {
        let packs = [
            "null",
            "true && !false",
            "-1 + 2.5 * 3 / 4 % 5 - 18446744073709551615",
            "0.1",
            r#""a\"b\\c\u00e9""#,
            "[1, 2 ,3,]",
            "[ ]",
            "{ a = 1, \"b\" : 2\n  (c) = 3 /* c */\n}",
            r#""x${self.a}y${~ each.value ~}z""#,
            "(self.a == \"b\") ? 1 : 2",
            "lookup(self, \"k\", null)",
            "concat(a, b...)",
            "f(\n  1, # one\n  2,\n)",
            "provider::p::f(1)",
            "self.a[0].b[*].c.*.d.1[\"k\"]",
            "[for k, v in self.tags : k if v != \"\"]",
            "{for x in self.list : x.id => x... }",
            "a <= b || a >= b && a < b || a > b",
            "alltrue([for r in self.rule : r.port != 22 /* c */])",
        ];
        for src in packs {
            let parsed = hcl_edit::parser::parse_expr(src).unwrap();
            let b = pack(&parsed).unwrap_or_else(|| panic!("{src}: not packed"));
            let built = unpack(&b).unwrap_or_else(|| panic!("{src}: not unpacked"));
            assert_eq!(built, parsed, "{src}");
            assert_eq!(built.to_string(), parsed.to_string(), "{src}");
            let bare = unpack_bare(&b).unwrap_or_else(|| panic!("{src}: not unpacked bare"));
            assert_eq!(pack_bare(&bare), pack_bare(&parsed), "{src}");
            for n in 0..b.len() {
                assert!(unpack(&b[..n]).is_none(), "{src}: {n} bytes");
                assert!(unpack_bare(&b[..n]).is_none(), "{src}: {n} bytes");
                let mut bad = b.clone();
                bad[n] = bad[n].wrapping_add(0x41);
                let _ = unpack(&bad);
                let _ = unpack_bare(&bad);
            }
        }
        // Bytes that are not UTF-8 are no string (ASCII ones are read without the full check).
        let b = pack(&hcl_edit::parser::parse_expr("\"a\u{e9}\"").unwrap()).unwrap();
        let at = b.iter().position(|&x| x == 0xc3).unwrap();
        let mut bad = b.clone();
        bad[at] = 0xff;
        assert!(unpack(&b).is_some() && unpack(&bad).is_none());
        for src in ["<<EOT\nx\nEOT\n", "\"%{if a}b%{endif}\"", "1e3", "0x10"] {
            if let Ok(e) = hcl_edit::parser::parse_expr(src) {
                assert!(pack(&e).is_none(), "{src}: packed");
            }
        }
    }

    /// Literals are read from the packed form, layout and comments skipped; anything else, and
    /// truncated input, is not a literal.
    #[test]
    fn reads_literals() {
        use Literal as L;
        let lit = |src: &str| {
            let b = pack(&hcl_edit::parser::parse_expr(src).unwrap()).unwrap();
            for n in 0..b.len() {
                assert!(literal(&b[..n]).is_none(), "{src}: {n} bytes");
            }
            // Lent to the literal for the rest of the test.
            literal(Box::leak(b.into_boxed_slice()))
        };
        assert_eq!(
            lit("[ { port = 22, s = \"SSH\" /* c */, p = [\"tcp\",] },\n null, true, false, 1.5 ]"),
            Some(L::Array(vec![
                L::Object(vec![
                    ("port", L::Number(22.0)),
                    ("s", L::String("SSH")),
                    ("p", L::Array(vec![L::String("tcp")])),
                ]),
                L::Null,
                L::Bool(true),
                L::Bool(false),
                L::Number(1.5),
            ]))
        );
        // A negative number is a literal where the parser makes it one.
        let neg = hcl_edit::parser::parse_expr("-1").unwrap();
        assert_eq!(lit("-1").is_some(), matches!(neg, Expression::Number(_)));
        for src in [
            "{ \"a\" = 1 }",
            "[a]",
            "(1)",
            "\"${1}\"",
            "f(1)",
            "[for x in [] : x]",
        ] {
            assert_eq!(lit(src), None, "{src}");
        }
    }
}
