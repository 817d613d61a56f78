# What a RAM policy grants, evaluated as RAM does: wildcards (`*`, `?`), case-insensitive
# actions, list-valued fields, and Deny statements of the same document cancelling Allows.
# Implemented by builtin("ram-semantics") in src/policy/semantics.rs.

rule "RAM020" {
  name     = "policy-full-admin"
  severity = "critical"
  title    = "Policy grants every action on every resource"
  document = ["identity", "session"]
  check    = builtin("ram-semantics")
  message  = "the statement allows ${action} on `${resource}`: full administrator access"
  help     = "grant only the actions the holder needs, on the resources it needs; use the AdministratorAccess system policy for the few real administrators"
  references = {
    cis          = "1.15 Ensure RAM policies that allow full \"*:*\" administrative privileges are not created"
    cloud_config = "ram-policy-no-statements-with-admin-access-check"
    docs         = "https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements"
  }
  equivalents = ["kics:ram_policy_admin_access_not_attached_to_users_groups_roles", "infraguard:ram-policy-no-statements-with-admin-access-check"]
  docs = <<-EOT
    ## Why
    An Allow of `*` (or `*:*`) on `*` is AdministratorAccess: the holder can do anything,
    including granting itself and others anything. So is `NotAction` with a small exclusion
    list (everything except a couple of actions). Unlike peers, acslint reads list-valued
    `Action`/`Resource`, the `acs:*:*:*:*` form, and `NotAction`, and does not report a
    statement that a Deny of everything in the same document cancels.

    ## How to fix
    Replace the wildcard with the services and actions the holder needs.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:Describe*", "*"], "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]}
    ```
  EOT
}

rule "RAM021" {
  name     = "policy-service-admin"
  severity = "high"
  title    = "Policy grants every action of a sensitive service on every resource"
  document = ["identity", "session"]
  check    = builtin("ram-semantics")
  message  = "the statement allows `${action}` on every resource: full control of ${service}"
  help     = "grant the specific actions needed (e.g. `${service}:Describe*` for read access) or scope Resource to specific ARNs"
  references = {
    cspm = "Security Center: RAM - cloud product administrator authorization (medium)"
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements"
  }
  equivalents = ["infraguard:ram-role-no-product-admin-access", "infraguard:ram-user-no-product-admin-access", "infraguard:ram-user-role-no-product-admin-access"]
  docs = <<-EOT
    ## Why
    `<service>:*` on `*` is the product administrator: for RAM, STS and IMS it is a path to full
    account takeover; for ECS, RDS, OSS, KMS, ActionTrail or SLS it means deleting data, reading
    secrets or turning off auditing. Sensitive services are ram, sts, ims, ecs, rds, oss, kms,
    actiontrail, log, resourcemanager, vpc, cs, cloudsso, bss, fc and sas. A Deny of the whole
    service in the same document cancels the finding.

    ## How to fix
    List the actions needed, or restrict Resource.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ram:*", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ram:Get*", "ram:List*"], "Resource": "*"}]}
    ```
  EOT
}

rule "RAM022" {
  name     = "policy-allow-not-action"
  severity = "high"
  title    = "Allow statement uses NotAction"
  document = ["identity", "session"]
  check    = builtin("ram-semantics")
  message  = "the statement allows every action except ${excluded}, including every action added to any service in the future"
  help     = "list the allowed actions with Action; use NotAction only in Deny statements"
  references = {
    docs = "https://www.alibabacloud.com/help/en/resource-management/resource-directory/user-guide/languages-of-access-control-policies"
  }
  docs = <<-EOT
    ## Why
    `Allow` + `NotAction` grants everything that is not listed, across every service, including
    services and actions created later. Alibaba's own documentation warns that it grants broad
    rights. Peers do not look at `NotAction` at all.

    ## How to fix
    Name what is allowed with `Action`.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "NotAction": ["ram:*", "ims:*"], "Resource": "*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["ecs:Describe*", "vpc:Describe*", "oss:Get*", "oss:List*"],
          "Resource": "*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM023" {
  name     = "policy-allow-not-resource"
  severity = "high"
  title    = "Allow statement uses NotResource"
  document = ["identity", "session"]
  check    = builtin("ram-semantics")
  message  = "the statement allows its actions on every resource except the listed ones"
  help     = "list the resources the actions apply to with Resource"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    Besides not being part of RAM's documented grammar (see RAM005), `Allow` + `NotResource`
    grants the actions on every resource that exists now or later except the few listed.

    ## How to fix
    Name the resources with `Resource`.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "NotResource": "acs:oss:*:*:audit-logs/*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "oss:*",
          "Resource": ["acs:oss:*:*:app-data", "acs:oss:*:*:app-data/*"]
        }
      ]
    }
    ```
  EOT
}

rule "RAM024" {
  name     = "policy-privilege-escalation"
  severity = "high"
  title    = "Policy lets its holder raise its own privileges"
  document = ["identity", "session"]
  check    = builtin("ram-semantics")
  message  = "privilege escalation: `${action}` on `${resource}` lets the holder ${path}"
  help     = "scope the action to specific ARNs (e.g. `acs:ram:*:<account>:user/$${ram:UserName}`-style names) or move it to an administrator-only role"
  references = {
    cspm = "Cloud Risk: RAM role has RAM-sensitive operations"
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements"
  }
  docs = <<-EOT
    ## Why
    Some RAM actions let the holder give itself more rights, so a narrow-looking policy is
    really administrator access. acslint names the path:
    - rewrite a policy: `ram:CreatePolicyVersion` / `ram:SetDefaultPolicyVersion` on any policy;
    - attach any policy: `ram:AttachPolicyToUser` / `ToGroup` / `ToRole`;
    - create credentials for other users: `ram:CreateAccessKey`, `ram:CreateLoginProfile`,
      `ram:UpdateLoginProfile` on any user;
    - rewrite a role's trust policy: `ram:UpdateRole` on any role;
    - join any group: `ram:AddUserToGroup`;
    - assume any role: `sts:AssumeRole` on `*` or `role/*`;
    - pass any role to compute: `ram:PassRole` on any role together with an action that hands a
      role to compute (`ecs:AttachInstanceRamRole`, `ecs:RunInstances`, `fc:CreateFunction`, …).

    Only broad resources count (`*`, `…:user/*`); a Deny of the action in the same document
    cancels the path. `*` itself is reported by RAM020 and `NotAction` by RAM022.

    ## How to fix
    Scope these actions to the exact users, roles or policies, or keep them for administrators.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ram:CreatePolicyVersion", "ram:Get*"], "Resource": "*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ram:CreatePolicyVersion",
          "Resource": "acs:ram::123456789012:policy/app-deploy"
        },
        {
          "Effect": "Allow",
          "Action": "ram:Get*",
          "Resource": "*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM025" {
  name     = "policy-high-risk-api-unrestricted"
  severity = "medium"
  title    = "High-risk APIs are granted on every resource without a source network condition"
  document = ["identity", "session"]
  check    = builtin("ram-semantics")
  message  = "the statement allows ${count} high-risk API(s) (${apis}) on every resource from any network"
  help     = "add a condition on acs:SourceIp (IpAddress) or acs:SourceVpc, or a Deny statement with NotIpAddress, so a leaked AccessKey cannot call them from elsewhere"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/accesskey-restrictive-protection-description"
  }
  tags = ["leak-response"]
  docs = <<-EOT
    ## Why
    Alibaba Cloud blocks a fixed list of high-risk APIs for AccessKeys it believes leaked
    (AccessKey restrictive protection): all of RAM and IMS, and e.g. `ecs:RunInstances`,
    `ecs:RunCommand`, `rds:DeleteDBInstance`, `dysms:SendSms`. A policy that grants them on `*`
    with no network restriction lets a leaked key use them from anywhere until detection kicks
    in. acslint counts RAM and IMS write actions (not Get/List/Describe) and the named APIs of
    the other services, from the high-risk API list in use (`rulesets/data/high-risk-apis.hcl`,
    or `--high-risk-list FILE`; `acslint explain RAM025` prints it). `*` itself is reported by
    RAM020.

    ## How to fix
    Restrict the statement to your egress addresses or VPCs, or add a network Deny.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:RunInstances", "ecs:Describe*"], "Resource": "*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["ecs:RunInstances", "ecs:Describe*"],
          "Resource": "*",
          "Condition": {
            "IpAddress": {"acs:SourceIp": ["203.0.113.0/24"]}
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM026" {
  name     = "policy-audit-tampering"
  severity = "high"
  title    = "Policy allows disabling audit logs or opening buckets without a condition"
  document = ["identity", "session"]
  check    = builtin("ram-semantics")
  message  = "the statement allows ${actions} without any condition"
  help     = "keep these actions for a break-glass role, or add conditions (acs:SourceIp, acs:MFAPresent is not enough for AccessKeys)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/actiontrail/user-guide/overview"
  }
  docs = <<-EOT
    ## Why
    Deleting or stopping an ActionTrail trail, deleting SLS projects or logstores, and changing
    an OSS bucket's policy or ACL are the first things an attacker does to hide or exfiltrate:
    they blind the audit trail or open data to the internet. Granting them without any
    condition to everyday identities makes that one API call away.

    ## How to fix
    Remove these actions from everyday policies, or add conditions.

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": [
            "actiontrail:Describe*",
            "actiontrail:DeleteTrail",
            "actiontrail:StopLogging"
          ],
          "Resource": "*"
        },
        {
          "Effect": "Allow",
          "Action": "oss:PutBucket*",
          "Resource": "acs:oss:*:*:logs"
        }
      ]
    }
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": [
            "actiontrail:Describe*",
            "actiontrail:GetTrailStatus",
            "actiontrail:LookupEvents"
          ],
          "Resource": "*"
        },
        {
          "Effect": "Allow",
          "Action": "oss:GetObject",
          "Resource": "acs:oss:*:*:logs/*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM030" {
  name     = "trust-any-principal"
  severity = "critical"
  title    = "Role trust policy lets anyone assume the role"
  document = ["trust"]
  check    = builtin("ram-semantics")
  message  = "the trust policy lets principal `${principal}` (anyone) assume the role"
  help     = "trust specific accounts (`acs:ram::<uid>:root`), roles, services or identity providers"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role"
  }
  docs = <<-EOT
    ## Why
    A trust policy with `Principal` `"*"` (or an ARN with account `*`) lets any Alibaba Cloud
    identity assume the role and use its permissions.

    ## How to fix
    Name the trusted account, role, service or identity provider.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["*"]}}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "sts:AssumeRole",
          "Principal": {
            "RAM": [
              "acs:ram::123456789012:root"
            ]
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM031" {
  name     = "trust-external-account"
  severity = "medium"
  title    = "Role trusts every identity of an account without a condition"
  document = ["trust"]
  check    = builtin("ram-semantics")
  message  = "the trust policy lets every RAM identity of account ${account} assume the role, with no condition"
  help     = "trust a specific role of that account, or add a condition; list your own accounts in the rule option `accounts`"
  references = {
    cspm = "Cloud Risk: RAM role trusted by an external account"
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role"
  }
  options = {
    accounts = { type = "list(string)", default = [], description = "your own Alibaba Cloud account IDs (quoted): principals of these accounts are not another account's" }
  }
  docs = <<-EOT
    ## Why
    `acs:ram::<uid>:root` trusts every user and role of that account that has `sts:AssumeRole`.
    For another account, that hands the role to whoever administers that account.

    Which accounts are "yours" cannot be known from the document alone: list them in the rule
    option `accounts` (account IDs) and only other accounts are reported (medium). Without it
    every unconditioned `root` trust is an info finding asking the question ("cross-account
    trust: is 1234567890123456 yours?"): trusting a whole account is broad even when it is
    yours, but it is a defect only once the account is known to belong to someone else.

    ## How to fix
    Trust a specific role of the other account, or add a condition.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::999999999999:root"]}}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::999999999999:role/deployer"]}}]}
    ```
  EOT
}

rule "RAM032" {
  name     = "trust-federated-unconditioned"
  severity = "high"
  title    = "Role trusts an identity provider without audience or subject conditions"
  document = ["trust"]
  check    = builtin("ram-semantics")
  message  = "the trust policy trusts `${provider}` without a condition on `${missing}`"
  help     = "add StringEquals conditions on saml:recipient (SAML) or oidc:aud and oidc:sub (OIDC / RRSA)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role"
  }
  docs = <<-EOT
    ## Why
    A SAML provider trust without `saml:recipient`, or an OIDC provider trust without `oidc:aud`
    and `oidc:sub`, lets any identity of that provider (any service account of a cluster with
    RRSA) assume the role.

    ## How to fix
    Add the conditions the trust-policy documentation shows.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"Federated": ["acs:ram::123456789012:oidc-provider/ack-rrsa"]}}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "sts:AssumeRole",
          "Principal": {"Federated": ["acs:ram::123456789012:oidc-provider/ack-rrsa"]},
          "Condition": {
            "StringEquals": {
              "oidc:aud": "sts.aliyuncs.com",
              "oidc:iss": "https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123456789abcdef",
              "oidc:sub": "system:serviceaccount:app:app"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM033" {
  name     = "trust-invalid-principal-or-action"
  severity = "medium"
  title    = "Trust policy names an invalid service principal or an action other than sts:AssumeRole"
  document = ["trust"]
  check    = builtin("ram-semantics")
  message  = "the trust policy ${problem}"
  help     = "service principals are `<service>.aliyuncs.com`; the only trust action is `sts:AssumeRole`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role"
  }
  docs = <<-EOT
    ## Why
    Alibaba Cloud services are trusted as `<service>.aliyuncs.com`; anything else (an AWS-style
    `ecs.amazonaws.com`, a typo) never matches, so the role silently cannot be used. Trust
    policies grant `sts:AssumeRole`; other actions there are meaningless or rejected.

    ## How to fix
    Use the documented service principal and `sts:AssumeRole`.

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["sts:AssumeRole", "ram:ListUsers"],
          "Principal": {"Service": ["ecs.aliyuncs.com"]}
        }
      ]
    }
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "sts:AssumeRole",
          "Principal": {"Service": ["ecs.aliyuncs.com"]}
        }
      ]
    }
    ```
  EOT
}

rule "RAM040" {
  name     = "bucket-policy-anonymous-write"
  severity = "critical"
  title    = "Bucket policy lets anonymous users write, delete or change access"
  document = ["bucket"]
  check    = builtin("ram-semantics")
  message  = "the bucket policy lets anonymous users call ${actions}"
  help     = "grant write, delete, ACL and policy actions to named accounts or roles only"
  references = {
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/oss-bucket-policy"
  }
  equivalents = ["kics:oss_bucket_allows_all_actions_from_all_principals", "kics:oss_bucket_allows_delete_from_all_principals", "kics:oss_bucket_allows_put_action_from_all_principals", "infraguard:oss-bucket-policy-no-any-anonymous"]
  docs = <<-EOT
    ## Why
    A `"Principal": ["*"]` statement that allows writing, deleting, or changing the bucket's ACL
    or policy lets anyone on the internet overwrite data, delete it, or take over the bucket's
    access control. acslint evaluates the actions against the OSS action catalogue (so
    `oss:Get*` is read-only, and `oss:PutObject` is a write), unlike substring matching.

    ## How to fix
    Name the accounts or RAM identities that may write.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:PutObject"], "Principal": ["*"],
      "Resource": ["acs:oss:*:123456789012:my-bucket/*"]}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "oss:PutObject",
          "Principal": [
            "123456789012"
          ],
          "Resource": "acs:oss:*:123456789012:my-bucket/*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM041" {
  name     = "bucket-policy-anonymous-unconditioned"
  severity = "high"
  title    = "Bucket policy lets anonymous users read without any condition"
  document = ["bucket"]
  check    = builtin("ram-semantics")
  message  = "the bucket policy lets anonymous users call its actions from anywhere, with no condition"
  help     = "restrict anonymous access with a condition (acs:SourceIp, acs:SourceVpc, acs:Referer), or name the principals"
  references = {
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/oss-bucket-policy"
  }
  equivalents = ["kics:oss_bucket_allows_list_action_from_all_principals", "infraguard:oss-bucket-anonymous-prohibited"]
  docs = <<-EOT
    ## Why
    An anonymous, unconditioned Allow makes the objects public. That is sometimes intended (a
    static website), but usually a mistake; write access is reported by RAM040 instead.

    ## How to fix
    Add a network or referer condition, or name the principals.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["*"],
      "Resource": ["acs:oss:*:123456789012:my-bucket/*"]}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["*"],
      "Resource": ["acs:oss:*:123456789012:my-bucket/*"],
      "Condition": {"IpAddress": {"acs:SourceIp": ["203.0.113.0/24"]}}}]}
    ```
  EOT
}

rule "RAM042" {
  name     = "bucket-policy-external-principal"
  severity = "medium"
  title    = "Bucket policy grants access to another account"
  document = ["bucket"]
  check    = builtin("ram-semantics")
  message  = "the bucket policy grants access to `${principal}`, outside the owning account (${owner})"
  help     = "make sure the other account is trusted; list all of your accounts in the rule option `accounts`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/oss-bucket-policy"
  }
  equivalents = ["infraguard:oss-bucket-policy-outside-organization-check"]
  options = {
    accounts = { type = "list(string)", default = [], description = "your own Alibaba Cloud account IDs (quoted): principals of these accounts are not another account's" }
  }
  docs = <<-EOT
    ## Why
    A principal whose account differs from the bucket owner's (the account in the statement's
    resource ARNs, or the accounts listed in the rule option `accounts`) gets access to the
    data from outside your control.

    ## How to fix
    Remove the principal, or add its account to `accounts` if it is one of yours.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["999999999999"],
      "Resource": ["acs:oss:*:123456789012:my-bucket/*"]}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["acs:ram::123456789012:role/reader"],
      "Resource": ["acs:oss:*:123456789012:my-bucket/*"]}]}
    ```
  EOT
}

rule "RAM043" {
  name     = "bucket-policy-https-not-enforced"
  severity = "medium"
  title    = "Shared bucket does not refuse plain-HTTP requests"
  document = ["bucket"]
  check    = builtin("ram-semantics")
  message  = "the bucket policy shares the bucket with ${who} but does not deny requests over plain HTTP (`acs:SecureTransport`)"
  help     = "add a statement that denies every action to `*` when `Bool` `acs:SecureTransport` is `\"false\"`, covering the shared actions and resources"
  references = {
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/oss-bucket-policy"
  }
  equivalents = ["kics:oss_buckets_securetransport_disabled", "infraguard:oss-bucket-only-https-enabled"]
  options = {
    accounts = { type = "list(string)", default = [], description = "your own Alibaba Cloud account IDs (quoted): principals of these accounts are not another account's" }
  }
  docs = <<-EOT
    ## Why
    A bucket shared with anonymous users or with another account is read and written by
    clients you do not control. Without a Deny on `acs:SecureTransport = false`, they may use
    plain HTTP, and the objects and the signatures travel in clear text. acslint checks that a
    Deny of plain HTTP to everyone covers every action and resource that the sharing statement
    allows (a Deny of only `oss:PutObject`, or of one prefix, does not protect the rest), or
    that the sharing statement itself requires `acs:SecureTransport = true`.

    When a principal names an account and the bucket owner's account is not known (no account
    in the Resource ARNs and no rule option `accounts`), the case is undecided and reported as
    unknown.

    ## How to fix
    Add a statement that denies plain HTTP (`acs:SecureTransport` is `false`) to everyone on
    the whole bucket, as the Good example below does, or require `acs:SecureTransport = true`
    in the sharing statement itself.

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": ["999999999999"],
          "Action": ["oss:GetObject"],
          "Resource": ["acs:oss:*:123456789012:my-bucket/*"]
        }
      ]
    }
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": ["999999999999"],
          "Action": ["oss:GetObject"],
          "Resource": ["acs:oss:*:123456789012:my-bucket/*"]
        },
        {
          "Effect": "Deny",
          "Principal": ["*"],
          "Action": ["oss:*"],
          "Resource": ["acs:oss:*:123456789012:my-bucket", "acs:oss:*:123456789012:my-bucket/*"],
          "Condition": {"Bool": {"acs:SecureTransport": "false"}}
        }
      ]
    }
    ```
  EOT
}

rule "RAM044" {
  name     = "resource-policy-anonymous"
  severity = "critical"
  title    = "KMS key, secret or SLS project policy lets anyone in without a condition"
  document = ["kms", "log"]
  check    = builtin("ram-semantics")
  message  = "the ${what} allows anyone (`*`) to call ${actions}, with no condition"
  help     = "name the RAM users, roles or accounts that need access, or restrict the statement with a condition (acs:SourceVpc, acs:SourceIp)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/key-policy-overview"
  }
  docs = <<-EOT
    ## Why
    A KMS key policy, a KMS secret policy (`alicloud_kms_key.policy`, `alicloud_kms_secret.policy`)
    or an SLS project policy (`alicloud_log_project.policy`) whose Allow statement names the
    principal `*` (or an ARN of any account, `acs:ram::*:*`) and has no condition lets every
    Alibaba Cloud identity use the key, read the secret or write and read the logs.

    ## How to fix
    Replace `*` with the principals that need access, or add a condition that narrows the
    callers to your network.

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Sid": "kms default key policy",
          "Effect": "Allow",
          "Principal": {"RAM": ["*"]},
          "Action": ["kms:Decrypt", "kms:Encrypt"],
          "Resource": ["*"]
        }
      ]
    }
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"RAM": ["acs:ram::123456789012:role/app"]},
      "Action": ["kms:Decrypt"], "Resource": ["*"]}]}
    ```
  EOT
}

rule "RAM045" {
  name     = "resource-policy-external-principal"
  severity = "medium"
  title    = "KMS key, secret or SLS project policy grants access to another account"
  document = ["kms", "log"]
  check    = builtin("ram-semantics")
  message  = "the ${what} grants ${actions} to `${principal}`, outside your accounts"
  help     = "make sure the other account is trusted; list all of your accounts in the rule option `accounts`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/key-policy-overview"
  }
  options = {
    accounts = { type = "list(string)", default = [], description = "your own Alibaba Cloud account IDs (quoted): principals of these accounts are not another account's" }
  }
  docs = <<-EOT
    ## Why
    A principal of another account can use the key, read the secret, or read and write the
    project's logs from outside your control. Your own accounts are those in the rule option
    `accounts` and the accounts in the statement's resource ARNs; when neither names one, each
    account principal is reported as unknown (`--show-unknown`) rather than guessed.

    ## How to fix
    Remove the principal, or add its account to `accounts` if it is one of yours:

    ```hcl
    options "RAM045" { accounts = ["123456789012"] }
    ```

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"RAM": ["acs:ram::999999999999:root"]},
      "Action": ["kms:Decrypt"], "Resource": ["*"]}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"RAM": ["acs:ram::123456789012:role/app"]},
          "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
          "Resource": ["*"]
        }
      ]
    }
    ```
  EOT
}

rule "RAM050" {
  name     = "policy-mfa-condition"
  severity = "info"
  title    = "Statement relies on acs:MFAPresent"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-semantics")
  message  = "the statement relies on `acs:MFAPresent`, which only reflects console logons: AccessKey calls are not covered"
  help     = "protect API access with network conditions (acs:SourceIp, acs:SourceVpc) instead"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    `acs:MFAPresent` tells whether MFA was used at logon. API calls signed with an AccessKey do
    not log on, so a Deny on `acs:MFAPresent = false` does not stop a leaked AccessKey.

    ## How to fix
    Keep the MFA condition for console users, and add network conditions for API access.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ram:*", "Resource": "*",
      "Condition": {"Bool": {"acs:MFAPresent": "false"}}}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Deny",
          "Action": "ram:*",
          "Resource": "*",
          "Condition": {
            "NotIpAddress": {
              "acs:SourceIp": "10.0.0.0/8"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM051" {
  name     = "policy-duplicate-sid"
  severity = "info"
  title    = "Two statements have the same Sid"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-semantics")
  message  = "Sid \"${sid}\" is used by more than one statement"
  help     = "give every statement a unique Sid"
  references = {
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/key-policy-overview"
  }
  docs = <<-EOT
    ## Why
    A `Sid` identifies a statement in reviews and change logs; duplicates usually come from
    copy-paste and hide which statement does what.

    ## How to fix
    Rename one of them.

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Sid": "Read",
          "Effect": "Allow",
          "Action": "ecs:Describe*",
          "Resource": "*"
        },
        {
          "Sid": "Read",
          "Effect": "Allow",
          "Action": "vpc:Describe*",
          "Resource": "*"
        }
      ]
    }
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Sid": "ReadEcs",
          "Effect": "Allow",
          "Action": "ecs:Describe*",
          "Resource": "*"
        },
        {
          "Sid": "ReadVpc",
          "Effect": "Allow",
          "Action": "vpc:Describe*",
          "Resource": "*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM052" {
  name     = "policy-redundant-statement"
  severity = "info"
  title    = "Statement is redundant: another statement already covers it"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-semantics")
  message  = "statement ${statement} is covered by statement ${by}: same effect, its actions and resources are a subset"
  help     = "remove the redundant statement, or narrow the broader one if it grants more than intended"
  docs = <<-EOT
    ## Why
    A statement whose actions and resources are all matched by another statement with the same
    effect (and no stricter condition) changes nothing. Often the broader statement was meant to
    be narrower, or the narrower one was meant to carry a condition.

    ## How to fix
    Delete one of them.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [
      {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},
      {"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [
      {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]}
    ```
  EOT
}
