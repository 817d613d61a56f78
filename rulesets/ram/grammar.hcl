# RAM policy grammar: the document has the shape RAM accepts. One rule per concern; the precise
# problem comes from the check. Implemented by builtin("ram-grammar") in src/policy/grammar.rs.

rule "RAM001" {
  name     = "policy-document-structure"
  severity = "high"
  title    = "Policy document does not have the RAM document structure"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "the policy document ${problem}"
  help     = "a RAM policy is {\"Version\": \"1\", \"Statement\": [{...}, ...]}"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/policy-structure-and-syntax"
  }
  docs = <<-EOT
    ## Why
    RAM accepts only `{"Version": "1", "Statement": [ ... ]}`: a JSON object whose `Version` is
    the string `"1"` and whose `Statement` is a non-empty array of statement objects. Anything
    else is rejected when the policy is created, so `terraform apply` fails late, or (for a
    statement that is not an object) the statement cannot mean what it says.

    ## How to fix
    Add `"Version": "1"` (a string, not the number 1) and put the statements in an array.

    ## Example
    Bad:
    ```json
    {"Version": 1, "Statement": []}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": [
            "ecs:Describe*",
            "ecs:List*"
          ],
          "Resource": "*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM002" {
  name     = "policy-statement-not-array"
  severity = "low"
  title    = "Statement is a single object instead of an array"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "`Statement` is a single object; RAM's grammar writes it as an array of statements"
  help     = "wrap the statement in `[ ... ]`"
  fix      = { safety = "safe", wrap_in_array = true }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/policy-structure-and-syntax"
  }
  docs = <<-EOT
    ## Why
    The RAM policy grammar defines `Statement` as an array. A single statement object is
    accepted by lenient parsers, but it is not what the documentation shows, and tools that
    expect an array (including peers' rules) silently skip it. acslint analyses it as one
    statement and points at the style problem.

    ## How to fix
    Write `"Statement": [ { ... } ]`.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM003" {
  name     = "policy-unknown-element"
  severity = "high"
  title    = "Policy uses an unknown, misspelt, wrongly cased or duplicate element"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "element `${key}` ${problem}${suggestion}"
  help     = "top-level elements are Version and Statement; statements take Sid, Effect, Action or NotAction, Resource, Principal and Condition (case-sensitive)"
  fix = { safety = "safe", rename_key = "${key_case}" }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    Element names are case-sensitive. A misspelt element (`Actions`, `Resources`, `Conditon`)
    is either rejected or, worse, ignored, and an ignored `Condition` turns a restricted grant
    into an unrestricted one. RAM also rejects objects with duplicate keys, where JSON parsers
    silently keep only one of them.

    ## How to fix
    Use the element names exactly as documented; acslint suggests the closest one.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Actions": "ecs:Describe*", "Resource": "*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Sid": "Read",
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*",
          "Condition": {
            "IpAddress": {
              "acs:SourceIp": "10.0.0.0/8"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM004" {
  name     = "policy-statement-invalid"
  severity = "high"
  title    = "Statement has an invalid or missing element"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "the statement ${problem}"
  help     = "a statement needs Effect (\"Allow\" or \"Deny\"), exactly one of Action and NotAction, and Resource (except in trust policies); every value is a string or an array of strings"
  fix = { safety = "safe", statement = { Effect = "${effect}" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    RAM rejects a statement whose `Effect` is not exactly `Allow` or `Deny`, which has both or
    neither of `Action` and `NotAction`, or which lacks `Resource`. Every scalar must be a JSON
    string, including numbers, booleans and dates in conditions: RAM does not accept `true` or
    `5` unquoted.

    ## How to fix
    Write `"Effect": "Allow"` with that casing, keep exactly one of `Action`/`NotAction`, add
    `"Resource"`, and quote every value.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:Describe*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": [
            "*"
          ],
          "Condition": {
            "Bool": {
              "acs:SecureTransport": "true"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM005" {
  name     = "policy-unsupported-element"
  severity = "high"
  title    = "Policy uses NotResource or NotPrincipal, which RAM does not support"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "`${key}` is not part of the RAM policy language"
  help     = "list the resources (or principals) explicitly, and use a Deny statement to carve out exceptions"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    `NotResource` and `NotPrincipal` come from AWS IAM. RAM documents neither; a policy using
    them is rejected, or the element is ignored and the statement applies more widely than
    intended.

    ## How to fix
    Name the resources or principals the statement applies to, and add a `Deny` statement for
    the exceptions.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "NotResource": "acs:oss:*:*:secret/*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "oss:GetObject",
          "Resource": "acs:oss:*:*:public/*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM006" {
  name     = "policy-principal-misplaced"
  severity = "high"
  title    = "Principal is present where it is not allowed, or missing where it is required"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "the statement ${problem}"
  help     = "identity, session and control policies have no Principal; trust, bucket, KMS and SLS project policies need one"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    `Principal` says who a resource-based policy (role trust policy, OSS bucket policy, KMS key
    policy, SLS project policy) applies to. Identity policies apply to whoever they are attached
    to and must not name a principal; resource-based policies must. A misplaced `Principal`
    usually means the wrong kind of policy was pasted into the wrong place.

    ## How to fix
    Remove `Principal` from identity policies; add it to trust and bucket policies.

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}},
        {"Effect": "Allow", "Action": "sts:AssumeRole"}
      ]
    }
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}
      ]
    }
    ```
  EOT
}

rule "RAM007" {
  name     = "policy-action-syntax"
  severity = "high"
  title    = "Action is not of the form service:ActionName"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "action `${action}` ${problem}"
  help     = "write actions as `<ram-code>:<ActionName>`, e.g. `ecs:DescribeInstances`, or `*`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    An action is `<ram-code>:<ActionName>`, optionally with `*` and `?` wildcards. A value with
    whitespace, no colon, or an empty part matches nothing, so the statement silently grants
    (or, in a Deny, blocks) less than intended.

    ## How to fix
    Remove the stray characters and write the service code and action name.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ram: DeleteUser", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ram:DeleteUser", "Resource": "*"}]}
    ```
  EOT
}

rule "RAM008" {
  name     = "policy-unknown-action"
  severity = "medium"
  title    = "Action names an unknown service or an action the service does not have"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "action `${action}`: ${problem}"
  help     = "${suggestion}check the service's RAM authorization page for the exact action name"
  fix = { safety = "unsafe", replace = "${suggested}" }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/user-guide/services-that-work-with-ram"
  }
  docs = <<-EOT
    ## Why
    An action that does not exist matches nothing. In an Allow that breaks a workload; in a Deny
    it silently leaves the intended guardrail open. acslint ships a catalogue of the RAM actions
    of about 80 service codes, generated by `scripts/gen_ram_catalogue.py` from the official SDK
    packages (OSS and SLS: every operation of their SDKs plus the RAM-only action names). Actions
    of services outside the catalogue are not checked. A service code that is a near miss of a
    known one (`ecss`, `actiontrial`) is reported; a wildcard pattern that matches no catalogued
    action is reported too.

    ## Severity
    Medium where the service's list is complete: the action does not exist, and a Deny that names
    it protects nothing. Many services' lists are not complete (RAM still accepts the actions of
    older API versions, and OSS, SLS and RAM have actions that are not APIs): there, and for an
    unknown service code, the finding is info, a name to check rather than a defect.

    ## How to fix
    Use the action name from the service's authorization page; acslint suggests the closest.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstance", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}
    ```
  EOT
}

rule "RAM009" {
  name     = "policy-action-case"
  severity = "low"
  title    = "Action casing differs from the catalogue"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "action `${action}` is written with different casing than `${expected}`"
  help     = "write `${expected}`"
  fix = { safety = "safe", replace = "${expected}" }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    RAM matches actions case-insensitively "in most cases", but the documentation asks for the
    exact casing of the service's authorization page. Mixed casing makes policies hard to
    search and review, and the exceptions are not documented.

    ## How to fix
    Use the service code in lower case and the action name as catalogued.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ECS:describeinstances", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}
    ```
  EOT
}

rule "RAM010" {
  name     = "policy-resource-invalid"
  severity = "medium"
  title    = "Resource is not a valid ARN or names a service unrelated to the actions"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "resource `${resource}` ${problem}"
  help     = "resources are `*` or `acs:<ram-code>:<region>:<account-id>:<relative-id>`, for the service of the statement's actions"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    A resource that is not `*` must be an ARN `acs:<service>:<region>:<account>:<relative-id>`
    (region empty for global services such as RAM). A malformed ARN, or an ARN of a service none
    of the statement's actions belongs to, matches nothing: the statement is dead, or a Deny
    does not protect what it was written for.

    ## How to fix
    Write the ARN of the resource the actions operate on.

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "dms:LoginDatabase",
          "Resource": "acs:oss:*:*:mybucket"
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
          "Action": "oss:GetObject",
          "Resource": "acs:oss:*:*:mybucket/*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM011" {
  name     = "policy-condition-operator"
  severity = "high"
  title    = "Condition operator is not supported by RAM"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "condition operator `${operator}` ${problem}${suggestion}"
  help     = "RAM supports the String*, Numeric*, Date*, Bool, IpAddress and NotIpAddress operators only (no IfExists, Null or ForAnyValue:/ForAllValues:)"
  fix = { safety = "safe", rename_key = "${operator_case}" }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/conditional-operator"
  }
  equivalents = ["kics:oss_bucket_ip_restriction_disabled"]
  docs = <<-EOT
    ## Why
    RAM documents exactly five operator families: String, Numeric, Date, Bool and IP address.
    `…IfExists`, `Null` and the `ForAnyValue:`/`ForAllValues:` prefixes come from AWS and are
    rejected ("The condition operator 'IfExists/Null' is not supported"). A misspelt operator
    such as `IpAdress` (the spelling KICS's own query looks for) never restricts anything.

    ## How to fix
    Use a documented operator; acslint suggests the closest.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*",
      "Condition": {"IpAdress": {"acs:SourceIp": "10.0.0.0/8"}}}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*",
          "Condition": {
            "IpAddress": {
              "acs:SourceIp": [
                "10.0.0.0/8",
                "203.0.113.7"
              ]
            },
            "StringLike": {
              "acs:SourceVpc": "vpc-*"
            },
            "DateLessThan": {
              "acs:CurrentTime": "2030-01-01T00:00:00Z"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM012" {
  name     = "policy-condition-invalid"
  severity = "medium"
  title    = "Condition key is unknown or its value does not fit the operator"
  document = ["identity", "trust", "bucket", "kms", "log", "control", "session"]
  check    = builtin("ram-grammar")
  message  = "condition key `${key}` ${problem}"
  help     = "global keys are acs:SourceIp, acs:SourceVpc, acs:SecureTransport, acs:CurrentTime, acs:MFAPresent, acs:AccessId, acs:UserAgent, acs:Referer, acs:ResourceTag/<k>, acs:RequestTag/<k>, acs:TagKeys, acs:PrincipalARN, …; values must match the operator (IP/CIDR, ISO 8601, \"true\"/\"false\", numbers)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/policy-elements"
  }
  docs = <<-EOT
    ## Why
    A condition on a key RAM does not know is never true (in an Allow, the grant is dead) or
    never false (in a `…Not…` Deny, the guardrail never fires). The same happens when the value
    cannot be compared by the operator: `IpAddress` with a VPC ID, `DateLessThan` with
    `31/12/2025`, `Bool` with `"yes"`.

    ## How to fix
    Use a documented global key with the right casing, and a value of the operator's type.

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*",
      "Condition": {"IpAddress": {"acs:SourceIP": "vpc-123"}}}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*",
          "Condition": {
            "IpAddress": {
              "acs:SourceIp": "10.0.0.0/8"
            },
            "Bool": {
              "acs:SecureTransport": "true"
            },
            "StringEquals": {
              "acs:ResourceTag/team": "ops",
              "ecs:tag/env": "prod"
            },
            "NumericLessThan": {
              "ecs:InstanceCount": "5"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM013" {
  name     = "policy-too-large"
  severity = "high"
  title    = "Policy document exceeds RAM's 6,144-character limit"
  document = ["identity", "control"]
  check    = builtin("ram-grammar")
  message  = "the policy document is ${length} characters long without whitespace; RAM's limit for a custom policy is ${limit}"
  help     = "split the policy into several policies, or use wildcards and fewer statements"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ram/product-overview/limits"
    provider = "alicloud_ram_policy.policy_document: maximum length is 6144 bytes"
  }
  docs = <<-EOT
    ## Why
    RAM rejects a custom policy document longer than 6,144 characters (whitespace does not
    count; older documentation said 2,048). The failure only shows at `terraform apply`.

    ## How to fix
    Split the policy into several policies attached to the same identity, merge statements
    with the same effect and resources, or use action wildcards.

    ## Example
    No example: the document is longer than RAM's 6,144-character limit: too long to show.
  EOT
}
