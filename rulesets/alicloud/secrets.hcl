# Secrets in any scanned file: AccessKey IDs and secrets. Messages never show a secret and show
# AccessKey IDs only redacted.

rule "SEC001" {
  name     = "access-key-id-in-file"
  severity = "critical"
  title    = "Alibaba Cloud AccessKey ID in a file"
  scope    = "file"
  check    = builtin("secret-scan")
  message  = "${kind} `${key}` is written in this file"
  help     = "remove the key from the file and its history, disable and rotate it, and load credentials from the environment, a profile or a role instead"
  references = {
    cspm = "Security Center AccessKey pair leak detection"
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/solution-to-accesskey-leakage"
  }
  docs = <<-EOT
    ## Why
    An AccessKey ID (`LTAI` followed by 12 to 20 letters and digits, or an STS `STS.` ID) in a
    repository is half of a credential, and its secret is rarely far away. Every string is
    scanned — `.tf`, `.tfvars`, policy and plan JSON, heredocs, `user_data`, tags, comments.
    Placeholders such as `LTAIxxxxxxxxxxxxxxxx` are ignored (they repeat characters and have
    little entropy). The key is shown redacted, as `LTAI5t…Yx9Q`.

    ## How to fix
    Delete the key from the file, disable it in the RAM console, create a replacement kept out
    of the code (environment variables, a CLI profile, KMS Secrets Manager), and purge it from
    the history. Prefer roles (ECS instance roles, RRSA, OIDC) to AccessKeys.

    ## Example
    ```hcl
    locals {
      ak = "LTAI5tQ9xLpD2mVb7RkW3nYx"   # reported
    }
    ```
  EOT
}

rule "SEC002" {
  name     = "access-key-secret-in-file"
  severity = "critical"
  title    = "Alibaba Cloud AccessKey secret in a file"
  scope    = "file"
  check    = builtin("secret-scan")
  message  = "a ${length}-character AccessKey secret is written in this file, ${near} (the secret is not shown)"
  help     = "remove the secret from the file and its history, disable and rotate the AccessKey, and keep secrets outside the code"
  references = {
    cspm = "Security Center AccessKey pair leak detection"
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/solution-to-accesskey-leakage"
  }
  docs = <<-EOT
    ## Why
    An AccessKey secret (30 letters and digits) with its ID is a working credential. A random
    30-character token is reported when it sits within two lines of an AccessKey ID or on a line
    naming a credential (`secret`, `access_key`, `aliyun`, `alibaba`, `alicloud`). Tokens that
    repeat characters or have little entropy are ignored. acslint never prints the secret in its
    messages.

    ## How to fix
    Treat the key pair as leaked: disable it, create a new one kept out of the code, and purge
    the old one from the history.

    ## Example
    ```hcl
    variable "secret_key" {
      default = "..."   # a 30-character secret here is reported
    }
    ```
  EOT
}
