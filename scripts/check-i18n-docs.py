#!/usr/bin/env python3
"""Check documentation translations without building: rulesets/i18n/<lang>/<file>.hcl must
translate every rule of the ruleset file of the same name: the prose before `## Example` (the
pages take the examples from the English rule), keeping its `## ` headings and any fenced code
block verbatim, and differ from the English.
(The test `documentation_translations_are_complete_per_file_and_keep_the_examples` in
tests/rules.rs is the authority; this is the quick check for translators.)

usage: scripts/check-i18n-docs.py [LANG ...]"""
import glob, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEREDOC = re.compile(
    r'rule "(\w+)" \{(?:(?!\nrule ").)*?\n\s*docs\s*=\s*<<-(\w+)\n(.*?)\n\s*\2\n', re.S
)


def dedent(s):
    lines = s.split("\n")
    ind = min((len(l) - len(l.lstrip(" ")) for l in lines if l.strip()), default=0)
    return "\n".join(l[ind:] for l in lines)


def skeleton(s):
    out, code = [], False
    for l in s.split("\n"):
        t = l.rstrip()
        if t.lstrip().startswith("```"):
            code = not code
            out.append(t)
        elif code or t.startswith("## ") or t in ("Bad:", "Good:"):
            out.append(t)
    return out


def english():
    rules = {}
    for f in glob.glob(os.path.join(ROOT, "rulesets", "*", "*.hcl")):
        if os.path.relpath(f, ROOT).startswith("rulesets/i18n"):
            continue
        for m in HEREDOC.finditer(open(f, encoding="utf-8").read()):
            rules[m.group(1)] = (os.path.basename(f), dedent(m.group(3)))
    return rules


def main(langs):
    en = english()
    problems = 0
    for lang in langs:
        for f in sorted(glob.glob(os.path.join(ROOT, "rulesets", "i18n", lang, "*.hcl"))):
            name = os.path.basename(f)
            text = open(f, encoding="utf-8").read()
            got = {}
            for m in HEREDOC.finditer(text):
                if m.group(1) in got:
                    print(f"{lang}/{name}: {m.group(1)} twice"); problems += 1
                got[m.group(1)] = dedent(m.group(3))
            blocks = len(re.findall(r'^rule "', text, re.M))
            if blocks != len(got):
                print(f"{lang}/{name}: {blocks} rule blocks but {len(got)} readable docs heredocs"); problems += 1
            want = sorted(r for r, (file, _) in en.items() if file == name)
            for r in want:
                if r not in got:
                    print(f"{lang}/{name}: {r} missing"); problems += 1
            for r, d in got.items():
                if r not in en or en[r][0] != name:
                    print(f"{lang}/{name}: {r} is not a rule of {name}"); problems += 1
                    continue
                e = en[r][1]
                i = e.find("\n## Example")
                if i >= 0 and "```" in e[i:]:
                    e = e[:i]
                if skeleton(d) != skeleton(e):
                    problems += 1
                    print(f"{lang}/{name}: {r}: headings/labels/code differ")
                    for a, b in zip(skeleton(e) + [""] * 99, skeleton(d)):
                        if a != b:
                            print(f"    english: {a!r}\n    yours:   {b!r}"); break
                if d.strip() == e.strip():
                    print(f"{lang}/{name}: {r} equals the English"); problems += 1
                # HCL would read these as template sequences outside the English's own.
                for seq in ("${", "%{"):
                    if d.count(seq) != e.count(seq):
                        print(f"{lang}/{name}: {r}: `{seq}` count differs (write `$${{` / `%%{{`)"); problems += 1
            print(f"{lang}/{name}: {len(got)}/{len(want)} rules")
    print("OK" if problems == 0 else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["zh-CN", "ja"]))
