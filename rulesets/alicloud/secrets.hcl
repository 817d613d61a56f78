# Secrets in any file the walk visits (Terraform, policies, plans, and with `secrets = "all"`, the
# default, every other text file: .env, *.py, *.yaml, *.properties, *.sh, …): AccessKey IDs,
# secrets and STS tokens. Messages never show a secret and show AccessKey IDs only redacted.

rule "SEC001" {
  name     = "access-key-id-in-file"
  severity = "high"
  title    = "Alibaba Cloud AccessKey ID in a file"
  scope    = "file"
  check    = builtin("secret-scan")
  message  = "${kind} `${key}` is written in this file"
  help     = "remove the key from the file and its history, disable and rotate it, and load credentials from the environment, a profile or a role instead"
  references = {
    cspm = "Security Center AccessKey pair leak detection"
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/solution-to-accesskey-leakage"
  }
  tags = ["leak-response"]
  docs = <<-EOT
    ## Why
    An AccessKey ID (`LTAI` followed by 12 to 20 letters and digits, or an STS `STS.` ID) in a
    repository is half of a credential, and its secret is rarely far away. Every string is
    scanned — `.tf`, `.tfvars`, policy and plan JSON, heredocs, `user_data`, tags, comments —
    and, unless `.acslint.hcl` says `secrets = "iac"`, every other text file the walk visits
    (`.env`, `*.py`, `*.yaml`, `*.properties`, `*.sh`, …; binary and ignored files are skipped).
    Placeholders such as `LTAIxxxxxxxxxxxxxxxx` are ignored (they repeat characters and have
    little entropy). The key is shown redacted, as `LTAI5t…Yx9Q`.

    The severity is high, not critical: an ID alone does not authenticate. When its secret is
    found next to it, the pair is reported once, as SEC002 (critical), naming the ID.

    ## How to fix
    Delete the key from the file, disable it in the RAM console, create a replacement kept out
    of the code (environment variables, a CLI profile, KMS Secrets Manager), and purge it from
    the history. Prefer roles (ECS instance roles, RRSA, OIDC) to AccessKeys.

    ## Example
    Bad:
    ```hcl
    locals {
      ak = "LTAI5tQ9xLpD2mVb7RkW3nYx"   # reported
    }
    ```

    Good:
    ```hcl
    # The key comes from ALIBABA_CLOUD_ACCESS_KEY_ID in the environment, not from the code.
    provider "alicloud" {
      region = "cn-hangzhou"
    }

    locals {
      # Placeholders in examples are not reported.
      example_key_id = "LTAIxxxxxxxxxxxxxxxx"
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
  tags = ["leak-response"]
  docs = <<-EOT
    ## Why
    An AccessKey secret (30 letters and digits) with its ID is a working credential: critical.
    A random 30-character token is reported when it sits within two lines of an AccessKey ID
    (the pair: the ID is then not reported again as SEC001) or on a line naming a credential
    (`secret`, `access_key`, `aliyun`, `alibaba`, `alicloud`, e.g. `access_key_secret = …` or
    `ALIBABA_CLOUD_ACCESS_KEY_SECRET=…` in a `.env` file). Tokens that repeat characters or have
    little entropy are ignored. Every text file the walk visits is read (see SEC001). acslint
    never prints the secret in its messages.

    ## How to fix
    Treat the key pair as leaked: disable it, create a new one kept out of the code, and purge
    the old one from the history.

    ## Example
    Bad:
    ```hcl
    variable "secret_key" {
      default = "Fq0Zx9Xq2Lm8Wz4Rt7Yp3KdQ5Hn1Bv"
    }

    locals {
      id    = "LTAI5tFakeKey9Xq2Lm8Wz"
      value = "Zq8Wm3Kp7Lx2Nb5Vc9Rt4Yh6Jd1Fs0"
    }
    ```

    Good:
    ```hcl
    # No default: the secret is given at run time (TF_VAR_secret_key), never stored in the code.
    variable "secret_key" {
      type      = string
      sensitive = true
    }
    ```
  EOT
}

rule "SEC003" {
  name     = "sts-token-in-file"
  severity = "high"
  title    = "Alibaba Cloud STS security token in a file"
  scope    = "file"
  check    = builtin("secret-scan")
  message  = "a ${length}-character STS security token is written in this file (the token is not shown)"
  help     = "remove the token from the file and its history; if it has not expired, revoke the role session's permissions, and obtain tokens at run time instead"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/solution-to-accesskey-leakage"
  }
  tags = ["leak-response"]
  docs = <<-EOT
    ## Why
    An STS security token, with its temporary AccessKey ID and secret, lets anyone act as the
    role session that received it until it expires (up to 12 hours, longer for some roles).
    Tokens are long base64 blobs starting `CAIS` (older ones `CAES`); a blob of at least 100
    characters with that prefix and high entropy is reported, in every text file the walk
    visits (see SEC001). The severity is high rather than critical because the credential
    expires on its own.

    ## How to fix
    Delete the token from the file and its history. Tokens cannot be revoked one by one: if it
    may still be valid, attach a Deny to the role (`acslint policy deny-high-risk`) until it
    expires. Request tokens at run time (instance roles, RRSA, OIDC) instead of storing them.

    ## Example
    Bad:
    ```hcl
    provider "alicloud" {
      region = "cn-hangzhou"
    }

    locals {
      # A token pasted for a quick test.
      token = "CAISUvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJIoekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBXunJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NPpZP+rtJySLdi46tYBfB2WiucHX4PN8RJIb0/ZWTq338UKnJm"
    }
    ```

    Good:
    ```hcl
    # Temporary credentials are requested at run time (ECS instance role), not pasted in.
    provider "alicloud" {
      region        = "cn-hangzhou"
      ecs_role_name = "terraform"
    }
    ```
  EOT
}
