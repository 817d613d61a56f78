#!/usr/bin/env bash
# Fail the step with acslint's own exit code (1 findings, 2 error) after the SARIF upload.
set -euo pipefail
code="${ACSLINT_EXIT:-2}"
case "$code" in
  0) echo "acslint: no finding at or above the threshold" ;;
  1) echo "::error title=acslint::findings at or above the threshold (see the annotations and the job summary)" ;;
  *) echo "::error title=acslint::acslint could not complete (exit $code); see the Run acslint step" ;;
esac
exit "$code"
