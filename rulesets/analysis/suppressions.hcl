# Diagnostics about inline suppression comments. They are emitted by the suppression stage
# (src/suppress.rs) after the rules ran; these blocks carry their metadata. Their findings are
# about the comments themselves, so they cannot be suppressed inline (use config `ignore`).

rule "TF010" {
  name     = "suppression-without-reason"
  severity = "low"
  title    = "Suppression comment gives no reason"
  scope    = "file"
  check    = builtin("front-end")
  ignorable = false
  message  = "`${syntax} ${codes}` gives no reason, so it is not applied"
  help     = "say why after ` -- `: `# ${syntax} ${codes} -- why this is acceptable`"
  docs = <<-EOT
    ## Why
    A suppression hides a finding from every later reader and every CI run. Without a reason,
    nobody can tell whether the risk was accepted on purpose, and nobody can review it later.
    acslint therefore does not apply a suppression without a reason and reports it.

    ## How to fix
    Write the reason after ` -- `, and optionally an expiry date:
    `# acslint:ignore RAM001 until=2026-12-31 -- break-glass role, reviewed by security`.

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB001
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    # acslint:ignore DB001 -- reporting replica, reachable only through the VPN gateway
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```
  EOT
}

rule "TF011" {
  name     = "suppression-invalid"
  severity = "medium"
  title    = "Suppression comment is malformed or names an unknown rule"
  scope    = "file"
  check    = builtin("front-end")
  ignorable = false
  message  = "invalid suppression: ${reason}"
  help     = "write `# acslint:ignore CODE[,CODE] [until=YYYY-MM-DD] -- reason` with codes from `acslint rules`"
  docs = <<-EOT
    ## Why
    A suppression that names a rule that does not exist (a typo, a renamed code), has a bad
    expiry date, or names a rule that cannot be suppressed silences nothing, while its author
    believes it does. acslint reports it so the comment gets fixed.

    ## How to fix
    Use a code or name from `acslint rules`, a date written `until=YYYY-MM-DD`, and one of the
    directives `acslint:ignore` or `acslint:ignore-file`. Rules marked as not ignorable (syntax
    errors, unreadable files) cannot be suppressed: fix the cause instead.

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB01 -- reporting replica, reachable only through the VPN gateway
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    # acslint:ignore DB001 -- reporting replica, reachable only through the VPN gateway
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```
  EOT
}

rule "TF012" {
  name     = "suppression-expired"
  severity = "low"
  title    = "Suppression comment has expired"
  scope    = "file"
  check    = builtin("front-end")
  ignorable = false
  message  = "`${codes}` was suppressed until ${until}; the suppression has expired and no longer applies"
  help     = "fix the finding, or renew the suppression with a new `until=` date and an up-to-date reason"
  docs = <<-EOT
    ## Why
    Temporary exceptions become permanent when nobody is reminded of them. A suppression with
    `until=YYYY-MM-DD` stops working after that date (UTC), so the finding shows up again, and
    this diagnostic says why.

    ## How to fix
    Fix the underlying finding and remove the comment, or renew it deliberately with a new date.

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB001 until=2020-01-01 -- migration window
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    # The migration is done: the whitelist is narrowed and the suppression removed.
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["10.0.0.0/16"]
    }
    ```
  EOT
}

rule "TF013" {
  name     = "unused-suppression"
  severity = "info"
  title    = "Suppression comment suppresses nothing"
  scope    = "file"
  check    = builtin("front-end")
  ignorable = false
  message  = "`${syntax}` for ${codes} suppresses nothing here"
  help     = "remove the comment (or the codes that no longer fire) so suppressions stay meaningful"
  docs = <<-EOT
    ## Why
    Suppressions outlive the code they were written for. One that no longer hides anything is
    noise, and worse, it would silently hide a new finding of the same rule later.

    ## How to fix
    Delete the comment, or the codes in it that no longer fire. A suppression is only checked
    for the rules that ran: a rule turned off by `--select`/`--ignore` or the configuration does
    not make its suppressions unused.

    ## Example
    Bad:
    ```hcl
    # acslint:ignore DB001 -- legacy partner access
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["10.0.0.0/16"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine       = "MySQL"
      security_ips = ["10.0.0.0/16"]
    }
    ```
  EOT
}
