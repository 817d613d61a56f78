# Elastic Container Instance (ECI) and Function Compute (FC 2.0: alicloud_fc_service,
# alicloud_fc_function, alicloud_fc_trigger, alicloud_fc_custom_domain).

rule "ECI001" {
  name     = "eci-secret-in-environment"
  severity = "high"
  title    = "ECI container passes a secret in an environment variable"
  resource = ["alicloud_eci_container_group"]
  each = flatten([
    for c in concat(lookup(self, "containers", []), lookup(self, "init_containers", [])) : lookup(c, "environment_vars", [])
  ])
  # A variable named like a credential with a value (field_ref variables carry no value).
  assert = !(
    length(regexall("(?i)(passw(or)?d|secret|token|access_?key|private_?key|api_?key|credential)", coalesce(lookup(each.value, "key", null), "-"))) > 0
    && lookup(each.value, "value", null) != null
    && lookup(each.value, "value", null) != ""
  )
  facet   = "env:${each.value.key}"
  where   = "each.value.value"
  message = "environment variable `${each.value.key}` holds a secret in clear text: whoever can describe the container group reads it"
  help    = "mount the secret from a file (a `ConfigFileVolume` filled at deploy time) or fetch it at start-up from KMS Secrets Manager with the group's RAM role"
  references = {
    docs = "https://www.alibabacloud.com/help/en/eci/user-guide/configure-environment-variables-for-a-container"
  }
  equivalents = ["infraguard:eci-containergroup-environment-no-specified-keys"]
  docs = <<-EOT
    ## Why
    Environment variables of an ECI container group are part of its configuration: they are
    returned by `DescribeContainerGroups` to anyone with read access to ECI, shown in the
    console, kept in the Terraform state, and inherited by every process in the container
    (and printed by many crash handlers). A password or key there is a leaked secret: high.

    Judged: every `environment_vars` block of `containers` and `init_containers` whose `key`
    looks like a credential (`password`, `passwd`, `secret`, `token`, `access_key`,
    `private_key`, `api_key`, `credential`, any case) and whose `value` is set and not empty.
    A value that cannot be known statically (an unset variable) is undecided and listed by
    `--show-unknown`. Each variable is a facet (`env:DB_PASSWORD`).

    ## How to fix
    Give the group a RAM role (`ram_role_name`) and read the secret from KMS Secrets Manager at
    start-up, or mount it as a file.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_eci_container_group" "app" {
      container_group_name = "app"
      security_group_id    = alicloud_security_group.app.id
      vswitch_id           = alicloud_vswitch.app.id
      containers {
        name  = "app"
        image = "registry.example.com/app:1.0"
        environment_vars {
          key   = "DB_PASSWORD"
          value = "s3cr3t-Passw0rd"
        }
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_eci_container_group" "app" {
      container_group_name = "app"
      security_group_id    = alicloud_security_group.app.id
      vswitch_id           = alicloud_vswitch.app.id
      ram_role_name        = alicloud_ram_role.app.name
      containers {
        name  = "app"
        image = "registry.example.com/app:1.0"
        environment_vars {
          key   = "DB_CONFIG_NAME"   # the app reads the password from KMS Secrets Manager with its role
          value = "app/db"
        }
      }
    }
    ```
  EOT
}

rule "ECI002" {
  name     = "eci-privileged-container"
  severity = "medium"
  title    = "ECI container runs privileged or with host-level capabilities"
  resource = ["alicloud_eci_container_group"]
  each = [
    for c in concat(lookup(self, "containers", []), lookup(self, "init_containers", [])) : c
    if length(lookup(c, "security_context", [])) > 0
  ]
  assert = !(
    tostring(coalesce(lookup(each.value.security_context[0], "privileged", null), false)) == "true"
    || anytrue([
      for cap in flatten([for k in lookup(each.value.security_context[0], "capability", []) : coalesce(lookup(k, "add", null), [])]) :
      contains(["SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH", "NET_ADMIN", "ALL"], upper(trimprefix(upper(cap), "CAP_")))
    ])
  )
  facet   = "container:${each.value.name}"
  where   = "each.value.security_context"
  message = "container `${each.value.name}` runs privileged or adds a host-level capability: a compromise of it reaches the host"
  help    = "drop `privileged = true` and the capabilities (`SYS_ADMIN`, `NET_ADMIN`, …); grant only what the program needs"
  references = {
    docs = "https://www.alibabacloud.com/help/en/eci/user-guide/configure-a-security-context"
  }
  docs = <<-EOT
    ## Why
    A privileged container, or one granted `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`,
    `SYS_RAWIO`, `DAC_READ_SEARCH`, `NET_ADMIN` or `ALL`, can mount host file systems, load
    kernel modules and read other processes' memory: the isolation between the container and
    its sandbox is gone. ECI runs each group in its own sandbox VM, which limits the blast
    radius to the group, so this is a missing control (medium) rather than an exposure.

    No peer checks this; InfraGuard's `eci-container-group-volumn-mounts` is explained in
    docs/coverage.md (ECI volumes cannot mount host paths). Each container is a facet.

    ## How to fix
    Remove `privileged = true` and the capabilities from `security_context`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_eci_container_group" "app" {
      container_group_name = "app"
      security_group_id    = alicloud_security_group.app.id
      vswitch_id           = alicloud_vswitch.app.id
      containers {
        name  = "app"
        image = "registry.example.com/app:1.0"
        security_context {
          privileged = true
        }
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_eci_container_group" "app" {
      container_group_name = "app"
      security_group_id    = alicloud_security_group.app.id
      vswitch_id           = alicloud_vswitch.app.id
      containers {
        name  = "app"
        image = "registry.example.com/app:1.0"
        security_context {
          run_as_user = 1000
        }
      }
    }
    ```
  EOT
}

rule "FC001" {
  name     = "fc-http-trigger-anonymous"
  severity = "medium"
  title    = "Function Compute HTTP trigger accepts anonymous requests"
  resource = ["alicloud_fc_trigger"]
  # The trigger's `config` is a JSON string (usually jsonencode({...})); authType is
  # `anonymous` or `function` (signed requests).
  assert  = !(lower(coalesce(lookup(self, "type", null), "-")) == "http" && lower(tostring(try(jsondecode(self.config).authType, "function"))) == "anonymous")
  where   = "config"
  message = "HTTP trigger `${named(lookup(self, "name", null))}` lets anyone on the internet invoke the function without authentication"
  help    = "set `authType = \"function\"` in the trigger's config (callers sign requests), or put the function behind API Gateway with authentication"
  references = {
    docs = "https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/http-trigger-overview"
  }
  equivalents = ["infraguard:fc-trigger-http-not-anonymous"]
  docs = <<-EOT
    ## Why
    An HTTP trigger with `authType = "anonymous"` publishes the function on an internet URL that
    anyone may call: the function's code becomes an unauthenticated entry point, and every call
    is billed to you. Public web endpoints are sometimes intended, so acslint rates this medium
    (exposure of an application, not of data or administration; InfraGuard rates it high); a
    function that reads data or changes resources with its service role should never be
    anonymous.

    Read: `type = "http"` and the `authType` in the trigger's JSON `config` (written as a
    string or with `jsonencode`).

    ## How to fix
    Use `authType = "function"` so that callers sign their requests, or publish the function
    through API Gateway with authentication.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_fc_trigger" "http" {
      service  = alicloud_fc_service.app.name
      function = alicloud_fc_function.app.name
      name     = "http"
      type     = "http"
      config   = jsonencode({ authType = "anonymous", methods = ["GET", "POST"] })
    }
    ```

    Good:
    ```hcl
    resource "alicloud_fc_trigger" "http" {
      service  = alicloud_fc_service.app.name
      function = alicloud_fc_function.app.name
      name     = "http"
      type     = "http"
      config   = jsonencode({ authType = "function", methods = ["GET", "POST"] })
    }
    ```
  EOT
}

rule "FC002" {
  name     = "fc-service-internet-access"
  severity = "low"
  title    = "Function Compute service lets its functions reach the internet"
  resource = ["alicloud_fc_service"]
  assert   = tostring(coalesce(lookup(self, "internet_access", null), true)) != "true"
  where    = "internet_access"
  message  = "functions of service `${named(lookup(self, "name", null))}` can send data to any internet address"
  help     = "set `internet_access = false` and reach the services the functions need through the VPC (`vpc_config`)"
  fix = { safety = "unsafe", set = { internet_access = false } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/configure-network-settings"
  }
  equivalents = ["infraguard:fc-service-internet-access-disable"]
  enabled = false
  docs = <<-EOT
    ## Why
    Outbound internet access is the path by which injected code sends data out or fetches its
    second stage. A function that only talks to services in its VPC needs none. This is
    defence in depth rather than an exposure (low), and many functions call internet APIs, so
    the rule is off by default (not in `recommended`); select it by code or with a compliance
    pack (`iso-27001`).

    `internet_access` defaults to true.

    ## How to fix
    Set `internet_access = false`, with `vpc_config` for what the functions must reach.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_fc_service" "app" {
      name = "app"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_fc_service" "app" {
      name            = "app"
      internet_access = false
      vpc_config {
        vswitch_ids       = [alicloud_vswitch.app.id]
        security_group_id = alicloud_security_group.app.id
      }
    }
    ```
  EOT
}

rule "FC003" {
  name     = "fc-service-logging-disabled"
  severity = "low"
  title    = "Function Compute service does not write logs to Log Service"
  resource = ["alicloud_fc_service"]
  assert   = try(self.log_config[0].project, null) != null && try(self.log_config[0].logstore, null) != null
  where    = "log_config"
  message  = "invocations and errors of service `${named(lookup(self, "name", null))}` are not logged"
  help     = "add `log_config { project = …, logstore = … }` pointing at a Log Service logstore"
  references = {
    docs = "https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/configure-the-logging-feature"
  }
  equivalents = ["infraguard:fc-service-log-enable"]
  docs = <<-EOT
    ## Why
    Without a log configuration the output and errors of the functions are lost: an abused
    function (an injection through an HTTP trigger, a leaked invocation key) leaves no record
    to investigate. Missing logging is low on acslint's scale.

    ## How to fix
    Add `log_config` with the project and logstore to write to.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_fc_service" "app" {
      name = "app"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_fc_service" "app" {
      name = "app"
      log_config {
        project  = "app-logs"
        logstore = "fc"
      }
    }
    ```
  EOT
}

rule "FC004" {
  name     = "fc-custom-domain-without-https"
  severity = "medium"
  title    = "Function Compute custom domain serves plain HTTP or has no certificate"
  resource = ["alicloud_fc_custom_domain"]
  # `protocol` is `HTTP` or `HTTP,HTTPS`; HTTPS needs a `cert_config`.
  each = [
    { facet = "https", ok = length(regexall("(?i)https", coalesce(lookup(self, "protocol", null), "HTTP"))) > 0, why = "serves HTTP only" },
    { facet = "cert", ok = length(regexall("(?i)https", coalesce(lookup(self, "protocol", null), "HTTP"))) == 0 || length(lookup(self, "cert_config", [])) > 0, why = "accepts HTTPS but has no certificate (`cert_config`)" },
  ]
  assert  = each.value.ok
  facet   = each.value.facet
  where   = "protocol"
  message = "custom domain `${named(lookup(self, "domain_name", null))}` ${each.value.why}: requests and responses can be read and altered in transit"
  help    = "set `protocol = \"HTTP,HTTPS\"` with a `cert_config` holding the domain's certificate"
  references = {
    docs = "https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/configure-custom-domain-names"
  }
  equivalents = ["infraguard:fc-function-custom-domain-and-https-enable#https", "infraguard:fc-function-custom-domain-and-cert-enable#cert"]
  docs = <<-EOT
    ## Why
    A custom domain serving plain HTTP sends the requests (tokens, personal data) and the
    function's responses in clear text over the internet. Missing TLS is medium on acslint's
    scale. Facets: `https` (the domain serves only `HTTP`) and `cert` (it accepts `HTTPS` but
    no `cert_config` gives it a certificate).

    The minimum TLS version of a custom domain (InfraGuard's
    `fc-function-custom-domain-and-tls-enable`) is not an argument of `alicloud_fc_custom_domain`
    in the provider documentation acslint follows; see docs/coverage.md.

    ## How to fix
    Serve `HTTP,HTTPS` with the domain's certificate.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_fc_custom_domain" "api" {
      domain_name = "api.example.com"
      protocol    = "HTTP"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_fc_custom_domain" "api" {
      domain_name = "api.example.com"
      protocol    = "HTTP,HTTPS"
      cert_config {
        cert_name   = "api"
        certificate = file("api.pem")
        private_key = file("api.key")
      }
    }
    ```
  EOT
}

rule "FC005" {
  name     = "fc-service-without-role"
  severity = "low"
  title    = "Function Compute service has no RAM role"
  resource = ["alicloud_fc_service"]
  assert   = lookup(self, "role", null) != null && lookup(self, "role", null) != ""
  where    = "role"
  message  = "service `${named(lookup(self, "name", null))}` has no RAM role: functions that call cloud APIs must carry AccessKeys"
  help     = "set `role` to the ARN of a RAM role with only the permissions the functions need"
  references = {
    docs = "https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/grant-function-compute-permissions-to-access-other-alibaba-cloud-services"
  }
  equivalents = ["infraguard:fc-service-bind-role"]
  enabled = false
  docs = <<-EOT
    ## Why
    A function that calls other cloud services gets short-lived STS credentials from its
    service's RAM role. Without a role, the only way is an AccessKey in the code or in an
    environment variable — long-lived and easy to leak. Hygiene: low. Off by default (not in
    `recommended`): a function that calls no cloud API needs no role; select it by code or
    with a compliance pack.

    ## How to fix
    Create a RAM role trusted by `fc.aliyuncs.com` with the permissions the functions need and
    set its ARN as `role`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_fc_service" "app" {
      name = "app"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ram_role" "fc" {
      role_name = "fc-app"
      assume_role_policy_document = jsonencode({
        Version = "1"
        Statement = [{
          Action    = "sts:AssumeRole"
          Effect    = "Allow"
          Principal = { Service = ["fc.aliyuncs.com"] }
        }]
      })
    }

    resource "alicloud_fc_service" "app" {
      name = "app"
      role = alicloud_ram_role.fc.arn
    }
    ```
  EOT
}
