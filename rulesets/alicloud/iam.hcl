# Identities and credentials: provider credentials, AccessKeys, outputs, policy attachments,
# login profiles, the account security preference, password policies and role sessions.

rule "IAM001" {
  name     = "provider-hardcoded-credentials"
  severity = "critical"
  title    = "Provider credentials are written in the configuration"
  resource = ["alicloud"]
  scope    = "provider"
  check    = builtin("provider-credentials")
  message  = "provider `alicloud` sets `${attribute}`${shown} as a literal: the credential is in the code and in version control"
  help     = "remove it and let the provider find credentials itself: environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, `profile`, `assume_role`, `ecs_role_name` or `assume_role_with_oidc`; then disable and rotate the exposed AccessKey"
  references = {
    cspm = "No hard-coded AccessKeys (RAM best practice); Security Center AccessKey leak detection"
    docs = "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs#authentication"
  }
  docs = <<-EOT
    ## Why
    An AccessKey written in a `.tf` file travels with every copy of the repository, every CI
    log and every fork. Anyone who reads it can act as its owner, often with administrator
    rights. Alibaba Cloud restricts keys it detects as leaked, but by then they are exposed.

    ## How to fix
    Delete `access_key`, `secret_key` and `security_token` from the provider block. Supply
    credentials from outside the code: the environment variables
    `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, a CLI `profile`, an ECS
    instance role (`ecs_role_name`), OIDC (`assume_role_with_oidc`), or an `assume_role` block.
    Then disable and rotate the key that was committed: it stays in the history. Obvious
    placeholders (`"xxxxxx"`, `"<your-access-key-id>"`) are not reported.

    ## Example
    Bad:
    ```hcl
    provider "alicloud" {
      access_key = "LTAI5tFakeKey9Xq2Lm8Wz"
      secret_key = "Fq0Zx9Xq2Lm8Wz4Rt7Yp3KdQ5Hn1Bv"
    }
    ```

    Good:
    ```hcl
    # The keys come from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET in the
    # environment (or a CLI profile, an ECS role, OIDC), never from the code.
    provider "alicloud" {
      region = "cn-hangzhou"
    }
    ```
  EOT
}

rule "IAM002" {
  name     = "provider-static-credentials"
  severity = "medium"
  title    = "Provider uses a long-lived AccessKey without assuming a role"
  resource = ["alicloud"]
  scope    = "provider"
  check    = builtin("provider-credentials")
  message  = "`${provider}` authenticates with a static AccessKey and no `assume_role`: Terraform runs with the key owner's full, long-lived permissions"
  help     = "add an `assume_role { role_arn = ... }` block so Terraform works through a role with temporary credentials, or use an ECS role or OIDC instead of an AccessKey"
  references = {
    cis  = "1.2 Ensure no root account access key exists"
    cspm = "Programmatic access without long-lived AccessKeys (RAM best practice)"
    docs = "https://www.alibabacloud.com/help/en/ram/use-cases/best-practices-for-programmatic-access-to-alibaba-cloud"
  }
  docs = <<-EOT
    ## Why
    A provider that uses an AccessKey pair directly acts as the key's owner — the root account
    when the key is a root key — for as long as the key lives. Assuming a role limits what the
    run can do and makes each run use short-lived STS credentials that ActionTrail attributes to
    the role session.

    ## How to fix
    Keep the AccessKey (from the environment, not the code) for authentication only and add an
    `assume_role` block naming a role with the permissions the configuration needs. Better
    still, run from an ECS instance role or a CI system with OIDC.

    ## Example
    Bad:
    ```hcl
    provider "alicloud" {
      access_key = "LTAI5tFakeKey9Xq2Lm8Wz"
      secret_key = "Fq0Zx9Xq2Lm8Wz4Rt7Yp3KdQ5Hn1Bv"
    }
    ```

    Good:
    ```hcl
    # The AccessKey comes from the environment and only authenticates the AssumeRole call.
    provider "alicloud" {
      region = "cn-hangzhou"
      assume_role {
        role_arn     = "acs:ram::123456789012:role/terraform"
        session_name = "terraform"
      }
    }
    ```
  EOT
}

rule "IAM003" {
  name     = "access-key-without-user"
  severity = "high"
  title    = "AccessKey is created without a user name"
  resource = ["alicloud_ram_access_key"]
  check    = builtin("ram-access-key")
  message  = "this AccessKey has no `user_name`: it is created for whoever runs Terraform, the root account when Terraform runs as root"
  help     = "set `user_name` to a dedicated RAM user; never create AccessKeys for the root account"
  references = {
    cis  = "1.2 Ensure no root account access key exists"
    cspm = "Alibaba Cloud account security - AccessKey pair (root-ak-check)"
    docs = "https://www.alibabacloud.com/help/en/ram/avoid-using-the-accesskey-pair-of-an-alibaba-cloud-account"
  }
  docs = <<-EOT
    ## Why
    Without `user_name`, `CreateAccessKey` is called for the calling identity. When Terraform
    runs with root credentials this makes a root AccessKey: a key with every permission that no
    policy can restrict.

    ## How to fix
    Name the RAM user the key belongs to, and give that user only the permissions it needs.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_access_key" "root" {
      pgp_key = "keybase:ops"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_user" "ci" {
      name = "ci"
    }

    resource "alicloud_ram_access_key" "ci" {
      user_name = alicloud_ram_user.ci.name
      pgp_key   = "keybase:ops"
    }
    ```
  EOT
}

rule "IAM004" {
  name     = "access-key-secret-in-state"
  severity = "medium"
  title    = "AccessKey secret is stored in the state in plain text"
  resource = ["alicloud_ram_access_key"]
  check    = builtin("ram-access-key")
  message  = "this AccessKey has no `pgp_key`: its secret is written to the Terraform state in plain text"
  help     = "set `pgp_key` (a base64 public key or `keybase:user`) so only `encrypted_secret` is stored, or avoid AccessKeys and use roles"
  references = {
    cis  = "1.6 Ensure access keys are rotated every 90 days or less"
    docs = "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/ram_access_key"
  }
  docs = <<-EOT
    ## Why
    The provider stores the `secret` attribute in the state. Whoever can read the state — the
    backend bucket, CI artefacts, a laptop — can use the key.

    ## How to fix
    Set `pgp_key`; the provider then stores only `encrypted_secret`, which the holder of the
    private key decrypts. Better, replace the AccessKey with a role (ECS role, RRSA, OIDC).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_access_key" "ci" {
      user_name = "ci"
    }

    resource "alicloud_ram_access_key" "nulled" {
      user_name = "nulled"
      pgp_key   = null
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_access_key" "ci" {
      user_name = "ci"
      pgp_key   = "keybase:ops_team"
    }
    ```
  EOT
}

rule "IAM005" {
  name     = "access-key-secret-file"
  severity = "medium"
  title    = "AccessKey secret is written to a local file"
  resource = ["alicloud_ram_access_key"]
  check    = builtin("ram-access-key")
  message  = "`secret_file` writes the AccessKey ID and secret in plain text to `${path}`"
  help     = "remove `secret_file`; set `pgp_key` and hand the encrypted secret to its user, or use roles instead of AccessKeys"
  references = {
    docs = "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/ram_access_key"
  }
  docs = <<-EOT
    ## Why
    `secret_file` writes the key pair to disk on the machine that runs Terraform, where it is
    easily committed, copied into CI artefacts or left behind.

    ## How to fix
    Drop `secret_file`. Use `pgp_key` and distribute the `encrypted_secret` output.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_access_key" "ci" {
      user_name   = "ci"
      secret_file = "ci.key"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_access_key" "ci" {
      user_name = "ci"
      pgp_key   = "keybase:ops_team"
    }
    ```
  EOT
}

rule "IAM006" {
  name     = "user-multiple-active-access-keys"
  severity = "medium"
  title    = "RAM user has more than one active AccessKey"
  resource = ["alicloud_ram_access_key"]
  check    = builtin("ram-access-key")
  message  = "RAM user `${user}` gets a second active AccessKey"
  help     = "keep one active key per user; create the second only during a rotation and set the old one to `status = \"Inactive\"`"
  references = {
    cspm = "Do not enable two AccessKey pairs for a RAM user (RAM best practice)"
    docs = "https://help.aliyun.com/en/ram/do-not-enable-two-accesskey-pairs-for-a-ram-user"
  }
  equivalents = ["infraguard:ram-user-activated-ak-quantity-check"]
  docs = <<-EOT
    ## Why
    Each active key is one more secret to protect, and two permanent keys usually mean the old
    one was never retired after a rotation.

    ## How to fix
    Keep a single active key per user. During a rotation, create the new key, switch clients to
    it, then set the old one to `Inactive` and delete it.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_access_key" "a" { user_name = "ci" }
    resource "alicloud_ram_access_key" "b" { user_name = "ci" }   # reported
    ```

    Good:
    ```hcl
    resource "alicloud_ram_access_key" "old" {
      user_name = "ci"
      status    = "Inactive"
    }

    resource "alicloud_ram_access_key" "new" {
      user_name = "ci"
    }

    resource "alicloud_ram_access_key" "other_user" {
      user_name = "deploy"
    }
    ```
  EOT
}

rule "IAM007" {
  name     = "user-console-and-access-key"
  severity = "medium"
  title    = "RAM user has both console logon and an AccessKey"
  resource = ["alicloud_ram_access_key"]
  check    = builtin("ram-access-key")
  message  = "RAM user `${user}` has a console login profile and gets an AccessKey: human and programmatic access are mixed"
  help     = "use separate RAM users for people (console, MFA) and for programs (AccessKey or, better, roles)"
  references = {
    cspm = "Separate RAM users for individuals from those for programs (RAM best practice); CGC: RAM user has both console logon and an AccessKey"
    docs = "https://help.aliyun.com/en/ram/separate-ram-users-for-individuals-from-those-for-programs"
  }
  equivalents = ["infraguard:ram-user-login-check"]
  docs = <<-EOT
    ## Why
    A person's account with an AccessKey lets programs act with that person's permissions, and
    an AccessKey leak then also compromises an identity that can log on to the console.

    ## How to fix
    Create a dedicated RAM user (or role) for the program and remove the key from the person.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_login_profile" "alice" {
      user_name = "alice"
      password  = var.initial_password
    }
    resource "alicloud_ram_access_key" "alice" {
      user_name = "alice"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_login_profile" "alice" {
      user_name = "alice"
      password  = var.initial_password
    }

    resource "alicloud_ram_access_key" "ci" {
      user_name = "ci"
    }
    ```
  EOT
}

rule "IAM008" {
  name     = "output-exposes-secret"
  severity = "high"
  title    = "Output exposes a secret without `sensitive = true`"
  scope    = "output"
  check    = builtin("output-secrets")
  message  = "output `${output}` exposes `${reference}` and is not marked sensitive"
  help     = "set `sensitive = true` on the output, or do not output secrets at all (use `encrypted_secret` with `pgp_key`)"
  fix = { safety = "safe", set = { sensitive = true } }
  references = {
    docs = "https://developer.hashicorp.com/terraform/language/values/outputs#sensitive-suppressing-values-in-cli-output"
  }
  docs = <<-EOT
    ## Why
    Outputs are printed after every apply and read by other configurations and CI jobs. An
    AccessKey secret or a password in an output ends up in logs.

    ## How to fix
    Mark the output `sensitive = true`, or output the PGP-encrypted secret instead.

    ## Example
    Bad:
    ```hcl
    output "ci_secret" {
      value = alicloud_ram_access_key.ci.secret   # reported
    }
    ```

    Good:
    ```hcl
    output "secret" {
      value     = alicloud_ram_access_key.ci.secret
      sensitive = true
    }

    output "encrypted" {
      value = alicloud_ram_access_key.ci.encrypted_secret
    }

    output "id" {
      value = alicloud_ram_access_key.ci.id
    }
    ```
  EOT
}

rule "IAM009" {
  name     = "policy-attached-to-user"
  severity = "medium"
  title    = "Policy is attached directly to a RAM user"
  resource = ["alicloud_ram_user_policy_attachment"]
  check    = builtin("ram-policy-attachment")
  message  = "a policy is attached directly to a RAM user; grant permissions through groups or roles"
  help     = "attach the policy to a RAM group (`alicloud_ram_group_policy_attachment`) and add the user to the group, or to a role the user assumes"
  references = {
    cis  = "1.16 Ensure RAM policies are attached only to groups or roles"
    cspm = "RAM policies are attached only to groups or roles"
  }
  equivalents = ["kics:ram_policy_attached_to_user"]
  docs = <<-EOT
    ## Why
    Permissions attached user by user drift apart and are hard to review or revoke; a group or a
    role keeps one definition for everyone with the same job.

    ## How to fix
    Attach policies to groups or roles and manage membership instead.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_user_policy_attachment" "a" {   # reported
      user_name   = "alice"
      policy_name = "AliyunECSReadOnlyAccess"
      policy_type = "System"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_group_policy_attachment" "dev" {
      group_name  = "dev"
      policy_name = "AliyunECSReadOnlyAccess"
      policy_type = "System"
    }
    ```
  EOT
}

rule "IAM010" {
  name     = "admin-policy-attached"
  severity = "high"
  title    = "Administrator policy is attached to an identity"
  resource = ["alicloud_ram_user_policy_attachment", "alicloud_ram_group_policy_attachment", "alicloud_ram_role_policy_attachment"]
  check    = builtin("ram-policy-attachment")
  message  = "administrator policy `${policy}` is attached to a ${principal}: ${why}"
  help     = "attach a policy limited to the actions and resources the ${principal} needs; keep administrator access for break-glass roles protected by MFA"
  references = {
    cis  = "1.15 Ensure RAM policies that allow full \"*:*\" administrative privileges are not created"
    cspm = "RAM - super administrator authorization (AdministratorAccess attached)"
    docs = "https://www.alibabacloud.com/help/en/ram/product-overview/best-practices-for-identity-and-access-control"
  }
  equivalents = [
    "kics:ram_policy_admin_access_not_attached_to_users_groups_roles",
    "infraguard:ram-user-specified-permission-bound",
    "infraguard:ram-policy-no-statements-with-admin-access-check",
  ]
  docs = <<-EOT
    ## Why
    `AdministratorAccess`, a custom policy allowing `*` (or `ram:*`) on every resource, and
    `AliyunRAMFullAccess` (which can grant itself anything) hand over the whole account. A leaked
    credential of such an identity is a full account compromise.

    ## How to fix
    Attach least-privilege policies. When a custom policy is attached through a reference
    (`policy_name = alicloud_ram_policy.x.policy_name`), acslint reads that policy's document.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_role_policy_attachment" "ops" {
      role_name   = alicloud_ram_role.ops.name
      policy_name = "AdministratorAccess"   # reported
      policy_type = "System"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_policy" "read" {
      policy_name     = "read-logs"
      policy_document = <<-POLICY
        {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "log:Get*", "Resource": "*"}]}
      POLICY
    }

    resource "alicloud_ram_role_policy_attachment" "ops" {
      role_name   = "ops"
      policy_name = alicloud_ram_policy.read.policy_name
      policy_type = "Custom"
    }

    resource "alicloud_ram_group_policy_attachment" "dev" {
      group_name  = "dev"
      policy_name = "AliyunECSReadOnlyAccess"
      policy_type = "System"
    }
    ```
  EOT
}

rule "IAM011" {
  name     = "product-admin-policy-attached"
  severity = "medium"
  title    = "Full access to a whole cloud service is attached to an identity"
  resource = ["alicloud_ram_user_policy_attachment", "alicloud_ram_group_policy_attachment", "alicloud_ram_role_policy_attachment"]
  check    = builtin("ram-policy-attachment")
  message  = "system policy `${policy}` (full access to a service) is attached to a ${principal}"
  help     = "use the service's read-only policy or a custom policy limited to the needed actions and resources"
  references = {
    cspm = "RAM - cloud product administrator authorization"
  }
  equivalents = [
    "infraguard:ram-user-no-product-admin-access",
    "infraguard:ram-user-role-no-product-admin-access",
    "infraguard:ram-role-no-product-admin-access",
  ]
  docs = <<-EOT
    ## Why
    `Aliyun<Service>FullAccess` allows every action of the service on every resource, including
    deleting data and changing access settings. Few identities need that.

    ## How to fix
    Prefer `Aliyun<Service>ReadOnlyAccess` or a custom policy listing the needed actions.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_group_policy_attachment" "dev" {
      group_name  = "dev"
      policy_name = "AliyunECSFullAccess"   # reported
      policy_type = "System"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_group_policy_attachment" "dev" {
      group_name  = "dev"
      policy_name = "AliyunECSReadOnlyAccess"
      policy_type = "System"
    }
    ```
  EOT
}

rule "IAM012" {
  name     = "login-profile-without-mfa"
  severity = "high"
  title    = "Console login profile does not require MFA"
  resource = ["alicloud_ram_login_profile"]
  check    = builtin("ram-login-profile")
  message  = "this RAM user can log on to the console with a password alone: `mfa_bind_required` is not true and the security preference does not make MFA mandatory"
  help     = "set `mfa_bind_required = true`, or make MFA mandatory for every user with `alicloud_ram_security_preference { mfa_operation_for_login = \"mandatory\" }`"
  fix = { safety = "safe", set = { mfa_bind_required = true } }
  references = {
    cis  = "1.4 Ensure that multi-factor authentication is enabled for all RAM users that have a console password"
    cspm = "RAM - RAM user MFA (ram-user-mfa-check)"
  }
  equivalents = ["infraguard:ram-user-mfa-check"]
  docs = <<-EOT
    ## Why
    A console password alone is phished, guessed or reused. MFA stops most account takeovers.

    ## How to fix
    Require an MFA device for the user, or enforce MFA account-wide in the security preference
    (either one satisfies this rule).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_login_profile" "alice" {
      user_name = "alice"
      password  = var.initial_password
    }

    resource "alicloud_ram_login_profile" "bob" {
      user_name         = "bob"
      password          = var.initial_password
      mfa_bind_required = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_login_profile" "alice" {
      user_name         = "alice"
      password          = var.initial_password
      mfa_bind_required = true
    }
    ```
  EOT
}

rule "IAM013" {
  name     = "mfa-not-enforced"
  severity = "medium"
  title    = "Security preference does not make MFA mandatory"
  resource = ["alicloud_ram_security_preference"]
  check    = builtin("ram-security-preference")
  message  = "console logon does not require MFA for every RAM user (${setting})"
  help     = "set `mfa_operation_for_login = \"mandatory\"` (provider 1.248+) or, on older providers, `enforce_mfa_for_login = true`"
  # The check computes the fix: the legacy boolean where the configuration uses it.
  fix = {
    safety      = "unsafe"
    builtin     = true
    description = "set `mfa_operation_for_login = \"mandatory\"`, or `enforce_mfa_for_login = true` where the configuration uses it"
  }
  references = {
    cis  = "1.4 Ensure that multi-factor authentication is enabled for all RAM users that have a console password"
    cspm = "RAM - RAM user MFA"
  }
  equivalents = ["checkov:CKV_ALI_24", "kics:ram_security_preference_not_enforce_mfa"]
  docs = <<-EOT
    ## Why
    With the default `independent`, MFA depends on each user's own setting, and `adaptive` asks
    for it only on logons judged abnormal. Only `mandatory` guarantees a second factor.

    ## How to fix
    Set `mfa_operation_for_login = "mandatory"`. The deprecated `enforce_mfa_for_login = true`
    is accepted too (unlike Checkov, acslint reads both).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_security_preference" "default" {
      allow_user_to_change_password = true
    }

    resource "alicloud_ram_security_preference" "adaptive" {
      mfa_operation_for_login = "adaptive"
    }

    resource "alicloud_ram_security_preference" "legacy" {
      enforce_mfa_for_login = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_security_preference" "this" {
      mfa_operation_for_login = "mandatory"
    }
    ```
  EOT
}

rule "IAM014" {
  name     = "users-manage-own-access-keys"
  severity = "medium"
  title    = "RAM users may create their own AccessKeys"
  resource = ["alicloud_ram_security_preference"]
  check    = builtin("ram-security-preference")
  message  = "`allow_user_to_manage_access_keys = true` lets every RAM user create AccessKeys for themselves"
  help     = "leave `allow_user_to_manage_access_keys` false (the default) and issue keys centrally, only to program users"
  fix = { safety = "safe", set = { allow_user_to_manage_access_keys = false } }
  references = {
    cspm = "AccessKey governance (RAM best practice)"
  }
  docs = <<-EOT
    ## Why
    Users who make their own keys create long-lived credentials nobody tracks, often for
    identities that also log on to the console.

    ## How to fix
    Set `allow_user_to_manage_access_keys = false` and create keys through reviewed code.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_security_preference" "this" {
      allow_user_to_manage_access_keys = true   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_security_preference" "this" {
      allow_user_to_manage_access_keys = false
    }

    resource "alicloud_ram_security_preference" "default" {
      mfa_operation_for_login = "mandatory"
    }
    ```
  EOT
}

rule "IAM015" {
  name     = "long-idle-or-session-limits"
  severity = "low"
  title    = "Idle users, idle keys or console sessions are allowed to live too long"
  resource = ["alicloud_ram_security_preference"]
  check    = builtin("ram-security-preference")
  message  = "${what} only ${value}; keep it within ${limit}"
  help     = "set `max_idle_days_for_users` and `max_idle_days_for_access_keys` to 90 and keep `login_session_duration` at 6 hours or less (options: max_idle_days, max_session_hours)"
  fix = { safety = "unsafe", set = { "${attribute}" = "${limit_value}" } }
  references = {
    cis  = "1.5 Ensure users not logged on for 90 days or longer are disabled for console logon"
    cspm = "ram-user-last-login-expired-check; delete idle AccessKeys (RAM best practice)"
  }
  options = {
    max_idle_days     = { type = "integer", default = 90, minimum = 1, maximum = 1095, description = "longest idle period, in days, after which users lose console logon and AccessKeys are disabled" }
    max_session_hours = { type = "integer", default = 6, minimum = 1, maximum = 24, description = "longest console session, in hours" }
  }
  docs = <<-EOT
    ## Why
    Forgotten users and keys are the ones nobody notices when they are abused. The provider
    defaults disable them only after 730 days. Long console sessions stay usable on shared or
    stolen devices.

    ## How to fix
    Set `max_idle_days_for_users = 90` and `max_idle_days_for_access_keys = 90` (provider
    1.268+), and keep `login_session_duration` short. Options `max_idle_days` (default 90) and
    `max_session_hours` (default 6) change the limits.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_security_preference" "defaults" {
      mfa_operation_for_login = "mandatory"
    }

    resource "alicloud_ram_security_preference" "explicit" {
      max_idle_days_for_users       = 365
      max_idle_days_for_access_keys = 90
      login_session_duration        = 24
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_security_preference" "this" {
      max_idle_days_for_users       = 90
      max_idle_days_for_access_keys = 90
      login_session_duration        = 6
    }
    ```
  EOT
}

rule "IAM016" {
  name     = "console-login-any-network"
  severity = "low"
  title    = "Console logon is allowed from any network"
  resource = ["alicloud_ram_security_preference"]
  check    = builtin("ram-security-preference")
  message  = "console logon is allowed from any address: ${masks} in `login_network_masks`"
  help     = "list the office and VPN ranges in `login_network_masks` (semicolon-separated CIDR blocks)"
  references = {
    cspm = "Missing console login IP allow-list (login_network_masks)"
  }
  docs = <<-EOT
    ## Why
    Without logon masks a stolen password (and MFA, when phished in real time) works from
    anywhere on the Internet.

    ## How to fix
    Restrict console and SSO logon to known networks. Masks wider than a /8 are reported too.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_security_preference" "none" {
      mfa_operation_for_login = "mandatory"
    }

    resource "alicloud_ram_security_preference" "wide" {
      login_network_masks = "10.0.0.0/8;0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_security_preference" "this" {
      login_network_masks = "203.0.113.0/24;198.51.100.0/24"
    }
    ```
  EOT
}

rule "IAM017" {
  name     = "password-min-length"
  severity = "medium"
  title    = "Password policy allows short passwords"
  resource = ["alicloud_ram_account_password_policy", "alicloud_ram_password_policy"]
  check    = builtin("ram-password-policy")
  message  = "${how} ${value}: passwords need at least ${min} characters"
  help     = "set `minimum_password_length` to 14 or more (option min_length)"
  fix = { safety = "safe", set = { minimum_password_length = "${min}" } }
  references = {
    cis  = "1.11 Ensure RAM password policy requires minimum length of 14 or greater"
    cspm = "ram-password-policy-check"
  }
  equivalents = [
    "checkov:CKV_ALI_13",
    "kics:ram_account_password_policy_not_required_minimum_length",
    "infraguard:ram-password-policy-check",
  ]
  options = {
    min_length = { type = "integer", default = 14, minimum = 8, maximum = 32, description = "shortest password length accepted (RAM allows 8 to 32)" }
  }
  docs = <<-EOT
    ## Why
    Short passwords fall to guessing. The defaults are 12 (`alicloud_ram_account_password_policy`)
    and only 8 (`alicloud_ram_password_policy`), so an unset length fails.

    ## How to fix
    Set `minimum_password_length = 14` or more.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_account_password_policy" "defaults" {
    }

    resource "alicloud_ram_password_policy" "explicit" {
      minimum_password_length = 10
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_account_password_policy" "this" {
      minimum_password_length = 14
    }
    ```
  EOT
}

rule "IAM018" {
  name     = "password-complexity"
  severity = "medium"
  title    = "Password policy does not require every character class"
  resource = ["alicloud_ram_account_password_policy", "alicloud_ram_password_policy"]
  check    = builtin("ram-password-policy")
  message  = "passwords need not contain ${class}: ${how}"
  help     = "set `require_uppercase_characters`, `require_lowercase_characters`, `require_numbers` and `require_symbols` to true"
  fix = { safety = "safe", set = { "${attribute}" = true } }
  references = {
    cis = "1.7 Ensure RAM password policy requires at least one uppercase letter; 1.8 Ensure RAM password policy requires at least one lowercase letter; 1.9 Ensure RAM password policy requires at least one symbol; 1.10 Ensure RAM password policy requires at least one number"
  }
  equivalents = [
    "checkov:CKV_ALI_14#numbers",
    "checkov:CKV_ALI_15#symbols",
    "checkov:CKV_ALI_17#lowercase",
    "checkov:CKV_ALI_19#uppercase",
    "kics:ram_account_password_policy_not_required_numbers#numbers",
    "kics:ram_account_password_policy_not_required_symbols#symbols",
    "kics:ram_password_security_policy_not_require_at_least_one_lowercase_character#lowercase",
    "kics:ram_password_security_policy_not_require_at_least_one_uppercase_character#uppercase",
  ]
  docs = <<-EOT
    ## Why
    Requiring upper- and lowercase letters, digits and symbols widens the search space of every
    password. The defaults differ: true on `alicloud_ram_account_password_policy`, false on the
    newer `alicloud_ram_password_policy`, so unset attributes fail only on the latter.

    ## How to fix
    Set the four `require_*` attributes to true.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_password_policy" "defaults" {
      minimum_password_length = 14
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_password_policy" "this" {
      require_uppercase_characters = true
      require_lowercase_characters = true
      require_numbers              = true
      require_symbols              = true
    }
    ```
  EOT
}

rule "IAM019" {
  name     = "password-max-age"
  severity = "medium"
  title    = "Passwords never expire or expire too late"
  resource = ["alicloud_ram_account_password_policy", "alicloud_ram_password_policy"]
  check    = builtin("ram-password-policy")
  message  = "${how} ${value}: ${what}; require a change within ${max} days"
  help     = "set `max_password_age` between 1 and 90 (option max_age); 0 turns expiry off"
  fix = { safety = "safe", set = { max_password_age = "${max}" } }
  references = {
    cis = "1.13 Ensure RAM password policy expires passwords in 365 days or greater"
  }
  equivalents = ["checkov:CKV_ALI_16", "kics:ram_account_password_policy_max_password_age_unrecommended"]
  options = {
    max_age = { type = "integer", default = 90, minimum = 1, maximum = 1095, description = "longest password lifetime accepted, in days (0, no expiry, is always reported)" }
  }
  docs = <<-EOT
    ## Why
    A password that never changes stays valid after it leaks. `0`, the default, means passwords
    never expire. acslint follows CIS v1.0.0 (90 days or less); CIS v2.0.0's wording is
    ambiguous, set the option `max_age` to follow your reading.

    ## How to fix
    Set `max_password_age` to 90 or less, and not 0.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_account_password_policy" "defaults" {
    }

    resource "alicloud_ram_password_policy" "never" {
      max_password_age = 0
    }

    resource "alicloud_ram_account_password_policy" "long" {
      max_password_age = 365
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_account_password_policy" "this" {
      max_password_age = 90
    }
    ```
  EOT
}

rule "IAM020" {
  name     = "password-reuse"
  severity = "medium"
  title    = "Password policy lets users reuse recent passwords"
  resource = ["alicloud_ram_account_password_policy", "alicloud_ram_password_policy"]
  check    = builtin("ram-password-policy")
  message  = "${how} ${value}: ${what}; remember at least ${min}"
  help     = "set `password_reuse_prevention` to at least 5 (24, the maximum, is recommended; option min_reuse); 0 turns the check off"
  fix = { safety = "safe", set = { password_reuse_prevention = "${min}" } }
  references = {
    cis = "1.12 Ensure RAM password policy prevents password reuse"
  }
  equivalents = ["checkov:CKV_ALI_18", "kics:ram_account_password_policy_without_reuse_prevention"]
  options = {
    min_reuse = { type = "integer", default = 5, minimum = 1, maximum = 24, description = "fewest previous passwords that must not be reused (RAM remembers up to 24)" }
  }
  docs = <<-EOT
    ## Why
    Without a history check a forced change is undone by setting the old password again. `0`,
    the default, disables the check; Checkov and KICS both accept an explicit 0, acslint does not.

    ## How to fix
    Set `password_reuse_prevention` to 24 (at least 5).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_account_password_policy" "defaults" {
    }

    resource "alicloud_ram_password_policy" "disabled" {
      password_reuse_prevention = 0
    }

    resource "alicloud_ram_account_password_policy" "few" {
      password_reuse_prevention = 3
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_account_password_policy" "this" {
      password_reuse_prevention = 24
    }
    ```
  EOT
}

rule "IAM021" {
  name     = "password-login-attempts"
  severity = "medium"
  title    = "Password guessing is not limited"
  resource = ["alicloud_ram_account_password_policy", "alicloud_ram_password_policy"]
  check    = builtin("ram-password-policy")
  message  = "${how} ${value}: ${what}; lock after at most ${max}"
  help     = "set the attempt limit between 1 and 5 (option max_login_attempts); on `alicloud_ram_password_policy` the attribute is spelled `max_login_attemps`"
  fix = { safety = "safe", set = { "${attribute}" = "${max}" } }
  references = {
    cis = "1.14 Ensure RAM password policy temporarily blocks logon after 5 incorrect logon attempts within an hour"
  }
  equivalents = ["checkov:CKV_ALI_23", "kics:ram_account_password_policy_max_login_attempts_unrecommended"]
  options = {
    max_login_attempts = { type = "integer", default = 5, minimum = 1, maximum = 32, description = "most failed logons accepted before the account is locked (RAM allows up to 32)" }
  }
  docs = <<-EOT
    ## Why
    Locking logon for an hour after a few wrong passwords stops online guessing. `0` disables
    the lock: it is the default of `alicloud_ram_password_policy` (attribute `max_login_attemps`,
    sic), while `alicloud_ram_account_password_policy` defaults to 5. Checkov passes an explicit 0.

    ## How to fix
    Set the limit to 5 or less, and not 0.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_password_policy" "defaults" {
    }

    resource "alicloud_ram_account_password_policy" "disabled" {
      max_login_attempts = 0
    }

    resource "alicloud_ram_account_password_policy" "many" {
      max_login_attempts = 10
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_password_policy" "this" {
      max_login_attemps = 5
    }
    ```
  EOT
}

rule "IAM022" {
  name     = "password-no-hard-expiry"
  severity = "low"
  title    = "Expired passwords can still be used to log on"
  resource = ["alicloud_ram_account_password_policy", "alicloud_ram_password_policy"]
  check    = builtin("ram-password-policy")
  message  = "${how}: a user whose password expired can still log on and change it"
  help     = "set `hard_expiry = true` so an expired password must be reset by an administrator"
  fix = { safety = "unsafe", set = { hard_expiry = true } }
  references = {
    cspm = "Strong password rules (RAM best practice)"
    docs = "https://www.alibabacloud.com/help/en/ram/configure-strengthened-password-rules"
  }
  docs = <<-EOT
    ## Why
    Without hard expiry, expiry only nags: whoever holds an expired password — including an
    attacker who obtained it — can still log on once and choose a new one.

    ## How to fix
    Set `hard_expiry = true`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_account_password_policy" "defaults" {
    }

    resource "alicloud_ram_password_policy" "explicit" {
      hard_expiry = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_account_password_policy" "this" {
      hard_expiry = true
    }
    ```
  EOT
}

rule "IAM023" {
  name     = "account-role-long-session"
  severity = "low"
  title    = "Role trusted by accounts allows sessions of up to 12 hours"
  resource = ["alicloud_ram_role"]
  check    = builtin("ram-role-session")
  message  = "role sessions last up to ${hours} hours and the role is trusted by account ${accounts}"
  help     = "lower `max_session_duration` (seconds) to what the trusted account needs, typically 3600 (option max_session_duration)"
  fix = { safety = "unsafe", set = { max_session_duration = 3600 } }
  references = {
    docs = "https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/ram_role"
  }
  options = {
    max_session_duration = { type = "integer", default = 39600, minimum = 3600, maximum = 43200, description = "longest role session accepted, in seconds (RAM allows 3600 to 43200)" }
  }
  docs = <<-EOT
    ## Why
    STS credentials cannot be revoked one by one. A role that other accounts may assume with
    12-hour sessions leaves stolen credentials usable for half a day.

    ## How to fix
    Keep `max_session_duration` short (3600 by default). Values above the option
    `max_session_duration` are reported; its default, 39600 seconds (11 hours), reports
    sessions longer than 11 hours, up to the 12-hour maximum (43200).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_role" "audit" {
      role_name            = "partner-audit"
      max_session_duration = 43200   # reported
      assume_role_policy_document = jsonencode({
        Version   = "1"
        Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { RAM = ["acs:ram::123456789012:root"] } }]
      })
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_role" "audit" {
      role_name            = "partner-audit"
      max_session_duration = 3600
      assume_role_policy_document = jsonencode({
        Version   = "1"
        Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { RAM = ["acs:ram::123456789012:root"] } }]
      })
    }
    ```
  EOT
}

rule "IAM030" {
  name     = "access-key-blast-radius"
  severity = "info"
  title    = "An AccessKey's user can call high-risk APIs that no Deny covers"
  resource = ["alicloud_ram_access_key"]
  check    = builtin("access-key-blast-radius")
  message  = "if this AccessKey leaks, RAM user `${user}` can call ${count} high-risk API(s) that no attached Deny covers: ${apis} (granted by ${via})"
  help     = "grant the key's user only what its program needs, attach a Deny of the high-risk APIs it does not need (`acslint policy deny-high-risk --service …`), or use a role instead of an AccessKey"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/accesskey-restrictive-protection-description"
  }
  tags = ["leak-response"]
  docs = <<-EOT
    ## Why
    The blast radius of an AccessKey is what its RAM user may do. Alibaba Cloud blocks a list
    of high-risk APIs for a key it believes leaked, but only once it notices, and only that list
    (the high-risk API list in use: `rulesets/data/high-risk-apis.hcl`, or `--high-risk-list
    FILE`; `acslint explain IAM030` prints it). This rule names the operations of that list the
    key's user can call: for each `alicloud_ram_access_key` whose user is in the same
    configuration, it gathers the policies attached to the user and to the groups it belongs to
    (`alicloud_ram_group_membership`, `alicloud_ram_user_group_attachment`), evaluates custom
    policies (`alicloud_ram_policy`) as RAM does — wildcards, `NotAction`, Deny over Allow — and
    reads system policies from a table (`rulesets/data/system-policies.hcl`:
    `AdministratorAccess`, `Aliyun<Product>FullAccess` = every action of the product,
    `…ReadOnlyAccess` = its read actions). Grants limited by a condition (a source network, MFA)
    do not count; grants limited to some resources do. A Deny counts when it covers the
    operation on every resource without a condition. RAM and IMS count for their write
    operations.

    When a policy cannot be resolved — a name in a variable, a custom policy defined elsewhere,
    a system policy the table does not know, an unknown group membership — the result is
    unknown (`--show-unknown`), never a silent pass.

    The severity is info: it is a fact about a key, useful every day and decisive during an
    incident. The `leak-response` pack (`--select leak-response`, or `pack =
    ["leak-response"]`) reports it at high.

    ## How to fix
    Give programs least privilege, attach a Deny of the high-risk APIs they do not need, and
    prefer roles (ECS instance roles, RRSA, OIDC) to long-lived AccessKeys.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_user" "ci" {
      name = "ci"
    }

    resource "alicloud_ram_access_key" "ci" {
      user_name = alicloud_ram_user.ci.name
      pgp_key   = "keybase:ci"
    }

    resource "alicloud_ram_user_policy_attachment" "ci" {
      user_name   = alicloud_ram_user.ci.name
      policy_name = "AliyunECSFullAccess"
      policy_type = "System"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_user" "ci" {
      name = "ci"
    }

    resource "alicloud_ram_access_key" "ci" {
      user_name = alicloud_ram_user.ci.name
      pgp_key   = "keybase:ci"
    }

    resource "alicloud_ram_user_policy_attachment" "ci" {
      user_name   = alicloud_ram_user.ci.name
      policy_name = "AliyunECSReadOnlyAccess"
      policy_type = "System"
    }
    ```
  EOT
}
