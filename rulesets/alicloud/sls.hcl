# Log Service (SLS) logstores and log audit, and Resource Orchestration Service (ROS) stacks
# managed from Terraform.

rule "SLS001" {
  name     = "sls-logstore-not-encrypted"
  severity = "medium"
  title    = "SLS logstore does not encrypt its data"
  resource = ["alicloud_log_store"]
  assert   = tostring(try(self.encrypt_conf[0].enable, false)) == "true"
  where    = "encrypt_conf"
  message  = "logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` stores its logs unencrypted"
  help     = "add `encrypt_conf { enable = true }` (with `user_cmk_info` for a KMS key of yours)"
  fix = { safety = "unsafe", block = "encrypt_conf", set = { enable = true } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/sls/user-guide/data-encryption"
  }
  equivalents = ["infraguard:sls-logstore-enabled-encrypt"]
  docs = <<-EOT
    ## Why
    Logs hold request parameters, user identifiers, tokens that slipped into URLs and the audit
    trail itself. Encryption at rest protects them from whoever obtains the storage. Missing
    encryption is medium on acslint's scale. `encrypt_conf` is off by default; once on it
    cannot be turned off.

    ## How to fix
    Add `encrypt_conf { enable = true }` (AES-256 with a service key), or with `user_cmk_info`
    to use your own KMS key (SLS002).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name     = alicloud_log_project.app.project_name
      logstore_name    = "app"
      retention_period = 180
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name     = alicloud_log_project.app.project_name
      logstore_name    = "app"
      retention_period = 180
      encrypt_conf {
        enable       = true
        encrypt_type = "default"
      }
    }
    ```
  EOT
}

rule "SLS002" {
  name     = "sls-logstore-service-key"
  severity = "low"
  title    = "SLS logstore is encrypted with the service key instead of a KMS key of yours"
  resource = ["alicloud_log_store"]
  # Unencrypted logstores are SLS001's finding.
  assert  = tostring(try(self.encrypt_conf[0].enable, false)) != "true" || try(self.encrypt_conf[0].user_cmk_info[0].cmk_key_id, null) != null
  where   = "encrypt_conf"
  message = "logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` is encrypted with a key SLS manages, not one you control"
  help    = "add `user_cmk_info { cmk_key_id = …, arn = …, region_id = … }` to `encrypt_conf` (it can only be set at creation)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/sls/user-guide/data-encryption"
  }
  equivalents = ["infraguard:sls-logstore-encrypt-key-origin-check"]
  enabled = false
  docs = <<-EOT
    ## Why
    With your own KMS key (BYOK) you decide who may decrypt the logs, see every use of the key
    in ActionTrail and can revoke access by disabling the key. With the service key those
    controls are SLS's. Low: the data is encrypted either way. Off by default (not in
    `recommended`): a customer-managed key is an organisation's choice; select it by code or
    with a compliance pack.

    ## How to fix
    Create the logstore with `user_cmk_info` (the KMS key, the role SLS assumes to use it and
    the key's region).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_store" "audit" {
      project_name  = alicloud_log_project.audit.project_name
      logstore_name = "audit"
      encrypt_conf {
        enable = true
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "sls" {
      description         = "SLS audit logstore"
      automatic_rotation  = "Enabled"
      rotation_interval   = "365d"
      deletion_protection = "Enabled"
    }

    resource "alicloud_log_store" "audit" {
      project_name  = alicloud_log_project.audit.project_name
      logstore_name = "audit"
      encrypt_conf {
        enable = true
        user_cmk_info {
          cmk_key_id = alicloud_kms_key.sls.id
          arn        = "acs:ram::123456789012:role/aliyunlogdefaultrole"
          region_id  = "cn-hangzhou"
        }
      }
    }
    ```
  EOT
}

rule "SLS003" {
  name     = "sls-logstore-short-retention"
  severity = "low"
  title    = "SLS logstore keeps logs less than 180 days"
  resource = ["alicloud_log_store"]
  # retention_period: days, default 30, 3650 = forever. Metricstores are not logs.
  assert = (
    lower(coalesce(lookup(self, "telemetry_type", null), "-")) == "metrics"
    || coalesce(tonumber(lookup(self, "retention_period", null)), 30) >= 180
  )
  where   = "retention_period"
  message = "logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` deletes logs after ${coalesce(tonumber(lookup(self, "retention_period", null)), 30)} days, before an audit period of 180 days ends"
  help    = "set `retention_period = 180` or more (365 for audit trails, 3650 keeps logs forever)"
  fix = { safety = "safe", set = { retention_period = 180 } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/sls/user-guide/manage-a-logstore"
  }
  equivalents = ["kics:log_retention_is_not_greater_than_90_days"]
  enabled = false
  docs = <<-EOT
    ## Why
    Intrusions are often found months after they began; logs deleted after the default 30 days
    cannot show how they started. MLPS (等保) level 2 and 3 ask for six months of logs, which is
    the period this rule uses. Missing logging: low. Off by default (not in `recommended`): not
    every logstore is an audit log (debug and metrics logs are often kept briefly on purpose);
    select it by code or with a compliance pack. ActionTrail's logstores are LOG008 (365 days,
    on by default).

    Metricstores (`telemetry_type = "Metrics"`) are not judged. KICS reports below 90 days;
    acslint uses the 180-day audit period, so it reports every logstore KICS does and more.
    The hot-storage TTL (`hot_ttl`) is not a retention: data past it moves to cheaper storage
    and stays queryable.

    ## How to fix
    Set `retention_period` to 180 days or more.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name  = alicloud_log_project.app.project_name
      logstore_name = "app"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_store" "app" {
      project_name     = alicloud_log_project.app.project_name
      logstore_name    = "app"
      retention_period = 180
    }
    ```
  EOT
}

rule "SLS004" {
  name     = "log-audit-service-not-collected"
  severity = "low"
  title    = "Log audit does not collect the logs of a service it supports"
  resource = ["alicloud_log_audit"]
  # ActionTrail, RDS and OSS are LOG010's (medium); these are the other services the log
  # audit app can centralise. Performance logs (rds_slow/rds_perf, polardb_slow/perf) are
  # not security logs and not asked for.
  each = [
    { facet = "polardb", keys = ["polardb_enabled"], what = "PolarDB audit logs" },
    { facet = "drds", keys = ["drds_audit_enabled"], what = "PolarDB-X (DRDS) audit logs" },
    { facet = "slb", keys = ["slb_access_enabled"], what = "SLB access logs" },
    { facet = "bastion", keys = ["bastion_enabled"], what = "Bastionhost operation logs" },
    { facet = "waf", keys = ["waf_enabled"], what = "WAF logs" },
    { facet = "cloudfirewall", keys = ["cloudfirewall_enabled"], what = "Cloud Firewall logs" },
    { facet = "ddos", keys = ["ddos_coo_access_enabled", "ddos_bgp_access_enabled", "ddos_dip_access_enabled"], what = "Anti-DDoS logs" },
    { facet = "sas", keys = ["sas_login_enabled", "sas_process_enabled", "sas_network_enabled", "sas_security_alert_enabled"], what = "Security Center logs (logins, processes, network, alerts)" },
    { facet = "apigateway", keys = ["apigateway_enabled"], what = "API Gateway access logs" },
    { facet = "nas", keys = ["nas_enabled"], what = "NAS access logs" },
    { facet = "k8s", keys = ["k8s_audit_enabled"], what = "Kubernetes audit logs" },
    { facet = "vpc", keys = ["vpc_flow_enabled"], what = "VPC flow logs" },
  ]
  # Any switch of a group that is not "true" leaves part of the service out.
  assert  = alltrue([for k in each.value.keys : tostring(lookup(coalesce(lookup(self, "variable_map", null), {}), k, false)) == "true"])
  facet   = each.value.facet
  # The first of the service's switches that is written and not "true"; `variable_map` when
  # none is written.
  where   = concat([for k in each.value.keys : "variable_map.${k}" if tostring(lookup(coalesce(lookup(self, "variable_map", null), {}), k, false)) != "true"], ["variable_map"])
  message = "log audit does not collect ${each.value.what}: set ${join(", ", [for k in each.value.keys : "`${k}`"])} to \"true\""
  help    = "set the service's switches to `\"true\"` in `variable_map` (a service you do not use costs nothing)"
  fix     = { safety = "safe", map = "variable_map", set = { "${each.value.keys}" = "true" } }
  references = {
    cis  = "2.6 Ensure Anti-DDoS access and security log service is enabled; 2.7 Ensure Web Application Firewall access and security log service is enabled; 2.8 Ensure Cloud Firewall access and security log analysis is enabled; 2.9 Ensure Security Center network, host and security log analysis is enabled"
    docs = "https://www.alibabacloud.com/help/en/sls/user-guide/log-audit-service"
  }
  enabled = false
  docs = <<-EOT
    ## Why
    The log audit app centralises the security logs of the account's services in one place and
    keeps them past the services' own retention. Each service left out is a blind spot in an
    investigation: logins and processes on hosts (Security Center), blocked attacks (WAF,
    Anti-DDoS, Cloud Firewall), who ran what on servers (Bastionhost), who called the
    Kubernetes API. Missing logging: low; CIS 2.6–2.9 ask for the Anti-DDoS, WAF, Cloud
    Firewall and Security Center logs. LOG010 (medium, on by default) covers the minimum:
    ActionTrail, RDS audit and OSS access logs.

    Each service is a facet (`waf`, `sas`, `k8s`, …), reported when one of its switches in
    `variable_map` is not `"true"` (all default to false). Off by default (not in
    `recommended`): which services matter depends on the account; select it by code or with the
    `cis` pack. Performance logs (`rds_slow_enabled`, `rds_perf_enabled`, …) are not asked for:
    KICS's `rds_instance_events_not_logged` requires them, but they record no security event
    (LOG010 covers its RDS audit part).

    ## How to fix
    Turn on the services in `variable_map`. `--fix` sets the switches of each service reported
    to `"true"` (switches already `"true"` are left as written). The fix is safe, like LOG010's:
    it changes only the switches the finding names, to the value the help names; collecting a
    service's logs adds protection and narrows no access; and the log audit accepts every switch
    whether or not the account uses the service, so it cannot make the apply fail. It can cost
    money: the logs collected are stored in SLS.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_audit" "this" {
      display_name = "audit"
      aliuid       = "123456789012"
      variable_map = {
        actiontrail_enabled = "true"
        rds_enabled         = "true"
        oss_access_enabled  = "true"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_audit" "this" {
      display_name = "audit"
      aliuid       = "123456789012"
      variable_map = {
        actiontrail_enabled        = "true"
        rds_enabled                = "true"
        oss_access_enabled         = "true"
        polardb_enabled            = "true"
        drds_audit_enabled         = "true"
        slb_access_enabled         = "true"
        bastion_enabled            = "true"
        waf_enabled                = "true"
        cloudfirewall_enabled      = "true"
        ddos_coo_access_enabled    = "true"
        ddos_bgp_access_enabled    = "true"
        ddos_dip_access_enabled    = "true"
        sas_login_enabled          = "true"
        sas_process_enabled        = "true"
        sas_network_enabled        = "true"
        sas_security_alert_enabled = "true"
        apigateway_enabled         = "true"
        nas_enabled                = "true"
        k8s_audit_enabled          = "true"
        vpc_flow_enabled           = "true"
      }
    }
    ```
  EOT
}

rule "ROS001" {
  name     = "ros-stack-without-policy"
  severity = "low"
  title    = "ROS stack has no stack policy"
  resource = ["alicloud_ros_stack"]
  assert   = lookup(self, "stack_policy_body", null) != null || lookup(self, "stack_policy_url", null) != null
  where    = "stack_policy_body"
  message  = "stack `${named(lookup(self, "stack_name", null))}` has no stack policy: any update may replace or delete its resources"
  help     = "set `stack_policy_body` denying `Update:Replace` and `Update:Delete` on the stack's stateful resources"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ros/user-guide/use-stack-policies-to-prevent-updates-to-stack-resources"
  }
  equivalents = ["kics:no_ros_stack_policy"]
  enabled = false
  docs = <<-EOT
    ## Why
    A stack policy says which resources of the stack an update may change; without one, a
    template edit can replace a database or delete a bucket as a side effect. Integrity
    hygiene: low. Off by default (not in `recommended`): stacks without stateful resources need
    no policy.

    KICS's `no_ros_stack_policy` also reports a stack without `stack_policy_during_update_body`
    or `_url`; that is a temporary override for one update (it loosens the policy), so acslint
    does not ask for it.

    ## How to fix
    Add a `stack_policy_body` protecting the stateful resources.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name    = "app"
      template_body = file("app.json")
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name    = "app"
      template_body = file("app.json")
      stack_policy_body = jsonencode({
        Statement = [{ Effect = "Deny", Action = ["Update:Replace", "Update:Delete"], Resource = ["*"], Principal = "*" }]
      })
    }
    ```
  EOT
}

rule "ROS002" {
  name     = "ros-stack-without-notification"
  severity = "low"
  title    = "ROS stack sends no event notifications"
  resource = ["alicloud_ros_stack"]
  assert   = length(coalesce(lookup(self, "notification_urls", null), [])) > 0
  where    = "notification_urls"
  message  = "events of stack `${named(lookup(self, "stack_name", null))}` (failed updates, rollbacks, deletions) notify no one"
  help     = "set `notification_urls` to an HTTPS endpoint (or an MNS topic) that your team watches"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ros/developer-reference/api-ros-2019-09-10-createstack"
  }
  equivalents = ["kics:ros_stack_notifications_disabled"]
  enabled = false
  docs = <<-EOT
    ## Why
    Stack events show changes to the infrastructure as they happen, including changes nobody
    planned. Without notifications they are only seen by whoever looks. Missing monitoring:
    low. Off by default (not in `recommended`): changes are usually watched through
    ActionTrail.

    ## How to fix
    Set `notification_urls`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name    = "app"
      template_body = file("app.json")
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ros_stack" "app" {
      stack_name        = "app"
      template_body     = file("app.json")
      notification_urls = ["https://hooks.example.com/ros"]
    }
    ```
  EOT
}

rule "ROS003" {
  name     = "ros-stack-instance-deletes-stacks"
  severity = "low"
  title    = "ROS stack instance deletes its stack (and resources) when removed"
  resource = ["alicloud_ros_stack_instance"]
  assert   = tostring(coalesce(lookup(self, "retain_stacks", null), false)) == "true"
  where    = "retain_stacks"
  message  = "removing this stack instance deletes the stack in account `${self.stack_instance_account_id}` and every resource it manages"
  help     = "set `retain_stacks = true` so that removing the instance from the stack group keeps the stack"
  fix = { safety = "safe", set = { retain_stacks = true } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ros/user-guide/delete-stack-instances"
  }
  equivalents = ["kics:ros_stack_retention_disabled"]
  enabled = false
  docs = <<-EOT
    ## Why
    A stack instance deploys a stack group's template into another account. With
    `retain_stacks = false` (the default), deleting the instance — a refactoring of the
    Terraform code is enough — deletes the stack and its resources in that account, data
    included. Data-loss hygiene: low. Off by default (not in `recommended`): like deletion
    protection it is an organisation's choice.

    ## How to fix
    Set `retain_stacks = true`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ros_stack_instance" "prod" {
      stack_group_name          = alicloud_ros_stack_group.baseline.stack_group_name
      stack_instance_account_id = "123456789012"
      stack_instance_region_id  = "cn-hangzhou"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ros_stack_instance" "prod" {
      stack_group_name          = alicloud_ros_stack_group.baseline.stack_group_name
      stack_instance_account_id = "123456789012"
      stack_instance_region_id  = "cn-hangzhou"
      retain_stacks             = true
    }
    ```
  EOT
}
