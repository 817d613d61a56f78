#!/usr/bin/env bash
# Run acslint: annotations on stdout (github format), SARIF to $ACSLINT_SARIF, a Markdown table
# appended to the job summary. The exit code is passed on as a step output so the SARIF upload
# still runs; verdict.sh fails the job afterwards.
set -uo pipefail
acslint="${ACSLINT_BIN_DIR:+$ACSLINT_BIN_DIR/}acslint"
[ -x "$acslint" ] || acslint=acslint
summary="$(mktemp "${RUNNER_TEMP:-/tmp}/acslint-summary.XXXXXX")"
args=(check --format github --output "sarif=${ACSLINT_SARIF:-acslint.sarif}" --output "markdown=$summary")
if [ -n "${ACSLINT_FAIL_ON:-}" ]; then
  args+=(--fail-on "$ACSLINT_FAIL_ON")
fi
# Word splitting is the documented meaning of `args` and `paths`; no globbing.
set -f
# shellcheck disable=SC2206
args+=(${ACSLINT_ARGS:-})
# shellcheck disable=SC2206
paths=(${ACSLINT_PATHS:-.})
set +f
"$acslint" "${args[@]}" "${paths[@]}"
code=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$summary" ]; then
  cat "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
rm -f "$summary"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
fi
echo "acslint exited with $code"
exit 0
