#!/usr/bin/env bash
# Install acslint into $ACSLINT_BIN_DIR (cached between runs by the action's cache step).
# With ACSLINT_VERSION: that release from crates.io; without: this action's own source.
set -euo pipefail
bin_dir="${ACSLINT_BIN_DIR:?ACSLINT_BIN_DIR is not set}"
mkdir -p "$bin_dir"
if [ -x "$bin_dir/acslint" ]; then
  echo "acslint from cache: $("$bin_dir/acslint" --version)"
elif [ -n "${ACSLINT_VERSION:-}" ]; then
  cargo install --locked --root "$bin_dir/.." --version "$ACSLINT_VERSION" acslint
  mv -f "$bin_dir/../bin/acslint" "$bin_dir/acslint"
else
  # Built from the action's checkout, which is published at the action's ref: rule links point
  # there (a crates.io release links the commit it was packaged from by itself).
  ACSLINT_DOCS_REF="${ACSLINT_ACTION_REF:-}" \
    cargo install --locked --root "$bin_dir/.." --path "${ACSLINT_SOURCE:?ACSLINT_SOURCE is not set}"
  mv -f "$bin_dir/../bin/acslint" "$bin_dir/acslint"
fi
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$bin_dir" >> "$GITHUB_PATH"
fi
