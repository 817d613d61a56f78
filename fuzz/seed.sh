#!/usr/bin/env bash
# Seed the fuzz corpora from the repository's fixtures and rule files (not committed:
# fuzz/corpus/ is ignored). Run from anywhere: fuzz/seed.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$here/..
c=$here/corpus
mkdir -p "$c"/{hcl_workspace,policy_json,plan_json,rule_file,config_file,lsp_frames,git_index}
n=0
while IFS= read -r -d '' f; do
  case $f in
    *.tf.json|*.tfvars.json) dest=plan_json ;;
    *.json) dest=policy_json ;;
    *.tf|*.tfvars) dest=hcl_workspace ;;
    *) continue ;;
  esac
  cp "$f" "$c/$dest/$(echo "$f" | sha1sum | cut -c1-16)"
  n=$((n + 1))
done < <(find "$root/fixtures" -type f -print0)
# Policies inside HCL fixtures also seed the JSON target; a minimal plan seeds the plan target.
printf '{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{"root_module":{"resources":[{"address":"alicloud_ram_policy.p","type":"alicloud_ram_policy","values":{"policy_document":"{\\"Statement\\":[]}"}}]}}}' >"$c/plan_json/plan-min"
printf '{"resource":{"alicloud_oss_bucket":{"b":{"bucket":"x","acl":"public-read"}}}}' >"$c/plan_json/tf-json-min"
for f in "$root"/rulesets/*/*.hcl; do
  cp "$f" "$c/rule_file/$(basename "$f")"
  n=$((n + 1))
done
# Configurations: every .acslint.hcl of the tests and examples, and the README's example.
while IFS= read -r -d '' f; do
  cp "$f" "$c/config_file/$(echo "$f" | sha1sum | cut -c1-16)"
  n=$((n + 1))
done < <(find "$root/fixtures" "$root/examples" "$root/tests" -name '.acslint.hcl' -print0)
awk '/^```hcl$/{on=1;next} /^```$/{on=0} on' "$root/README.md" >"$c/config_file/readme"
printf 'extends = "/proc/self/environ"
rules = ["../x"]
per_path {
  paths = ["**"]
  ignore = ["TF005"]
}
' >"$c/config_file/hostile"
# Language-server sessions: initialize, open each kind of document, change, shutdown.
frame() { printf 'Content-Length: %d

%s' "${#1}" "$1"; }
session() {
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///w/$1\",\"text\":$2}}}"
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
}
session main.tf '"resource \"alicloud_oss_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n"' >"$c/lsp_frames/tf"
session p.json '"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"' >"$c/lsp_frames/policy"
printf 'Content-Length: 5

{"a"}Content-Length: 99

{}' >"$c/lsp_frames/lying"
n=$((n + 3))
# Git indexes of every version, made by git itself in a scratch repository.
if command -v git >/dev/null; then
  tmp=$(mktemp -d)
  git -C "$tmp" init -q
  mkdir -p "$tmp/mod/sub" && touch "$tmp/main.tf" "$tmp/mod/sub/x.tf" "$tmp/p.json"
  ln -s main.tf "$tmp/link.tf"
  git -C "$tmp" add -A
  for v in 2 3 4; do
    git -C "$tmp" update-index --index-version $v
    cp "$tmp/.git/index" "$c/git_index/index-v$v"
    n=$((n + 1))
  done
  rm -rf "$tmp"
fi
# A generated module (the benchmark generator) for realistic, larger seeds, when it is built.
gen=${CARGO_TARGET_DIR:-$root/target}/release/examples/gen_corpus
if [[ -x $gen ]]; then
  tmp=$(mktemp -d)
  "$gen" 2 "$tmp" 2>/dev/null
  for f in "$tmp"/mod-0000/*.tf "$tmp"/mod-0000/modules/sub/main.tf; do
    cp "$f" "$c/hcl_workspace/gen-$(basename "$(dirname "$f")")-$(basename "$f")"
    n=$((n + 1))
  done
  cp "$tmp"/mod-0000/policies/app.json "$c/policy_json/gen-app.json"
  rm -rf "$tmp"
fi
echo "seeded $n files into $c"
