# Audit: ActionTrail present and complete, its destinations protected, alerts on root-account
# activity, log audit coverage, VPC flow logs.

rule "LOG001" {
  name     = "actiontrail-missing"
  severity = "high"
  title    = "Account security is managed but no ActionTrail trail exists"
  scope    = "configuration"
  check    = builtin("actiontrail-missing")
  message  = "no `alicloud_actiontrail_trail` exists in this root module or the modules it calls although ${why}"
  help     = "add an `alicloud_actiontrail_trail` with `trail_region = \"All\"`, `event_rw = \"All\"` and an OSS or SLS destination to this root module or a module it calls"
  references = {
    cis  = "2.1 Ensure that ActionTrail are configured to export copies of all Log entries"
    cspm = "actiontrail-enabled"
  }
  equivalents = ["infraguard:actiontrail-enabled"]
  options = {
    require = { type = "list(string)", default = [], description = "path globs of root-module directories (as acslint displays them) that must have a trail whatever they manage; `require = [\"actiontrail\"]` at the top of a configuration adds its own directory" }
  }
  docs = <<-EOT
    ## Why
    Without a trail, nobody can tell who created a key, changed a policy or logged on as root:
    the console keeps only 90 days of events and exports nothing. A configuration that manages
    account-level security (password policy, security preference, resource directory, account
    alias, or RAM identities in a root module) should come with one.

    The rule judges each root module with the modules it calls (a directory that no other
    scanned module calls and that configures a provider or backend, has variable files, or is
    named in `roots`); a trail there satisfies it, one in another root does not, so the verdict
    is the same whether one file, the directory or the whole repository is linted. A reusable
    module linted without its callers is not judged: its callers are.
    The option `require` (a list of path globs) makes a trail mandatory for the matching
    root modules even when they manage no account-level resource.

    ## How to fix
    Add a multi-region trail that records all events and delivers them to OSS or SLS.

    ## Example
    Bad:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_ram_account_password_policy" "this" {
      minimum_password_length = 14
    }
    ```

    Good:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_ram_account_password_policy" "this" {
      minimum_password_length = 14
    }

    resource "alicloud_actiontrail_trail" "audit" {
      trail_name      = "account-audit"
      trail_region    = "All"
      event_rw        = "All"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```
  EOT
}

rule "LOG002" {
  name     = "actiontrail-not-all-regions"
  severity = "medium"
  title    = "ActionTrail trail does not record every region"
  resource = ["alicloud_actiontrail_trail"]
  check    = builtin("actiontrail-trail")
  message  = "`trail_region = \"${value}\"`: events in other regions are not recorded"
  help     = "set `trail_region = \"All\"`"
  fix = { safety = "safe", set = { trail_region = "All" } }
  references = {
    cis  = "2.1 Ensure that ActionTrail are configured to export copies of all Log entries"
    cspm = "actiontrail-trail-intact-enabled"
  }
  equivalents = ["checkov:CKV_ALI_4", "kics:action_trail_logging_all_regions_disabled"]
  docs = <<-EOT
    ## Why
    Attackers use the regions nobody watches. A trail limited to one region misses them.
    When `trail_region` is not written, ActionTrail applies the trail to all regions, so only an
    explicit other value is reported (unlike KICS, which also reports it missing).

    ## How to fix
    Set `trail_region = "All"`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name   = "audit"
      trail_region = "cn-hangzhou"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name   = "a"
      trail_region = "All"
    }

    resource "alicloud_actiontrail_trail" "default_regions" {
      trail_name = "b"
    }
    ```
  EOT
}

rule "LOG003" {
  name     = "actiontrail-not-all-events"
  severity = "medium"
  title    = "ActionTrail trail does not record every event"
  resource = ["alicloud_actiontrail_trail"]
  check    = builtin("actiontrail-trail")
  message  = "`event_rw` is ${value}: the trail does not record both read and write events"
  help     = "set `event_rw = \"All\"`"
  fix = { safety = "safe", set = { event_rw = "All" } }
  references = {
    cis  = "2.1 Ensure that ActionTrail are configured to export copies of all Log entries"
    cspm = "actiontrail-trail-intact-enabled"
  }
  equivalents = ["checkov:CKV_ALI_5", "kics:action_trail_logging_all_regions_disabled", "infraguard:actiontrail-trail-intact-enabled"]
  docs = <<-EOT
    ## Why
    Read events show reconnaissance and data access (listing keys, reading secrets); write-only
    trails miss them.

    An unset `event_rw` is reported separately, one severity lower (low), as "not set
    explicitly": the sources disagree on its default (the provider documentation at the
    reference commit says `All`, the older provider schema and the ActionTrail `CreateTrail` API
    say `Write`), and a security linter cannot rely on a default that depends on the provider
    version. On the deprecated `alicloud_actiontrail` the default is `Write` and an unset value
    is reported at medium.

    ## Severity
    Medium: a trail that misses read events is an incomplete audit trail (missing audit is
    medium on acslint's scale); the unset form is low because the trail may well record
    everything.

    ## How to fix
    Set `event_rw = "All"`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name = "audit"
      event_rw   = "Write"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
      event_rw   = "All"
    }

    resource "alicloud_actiontrail" "legacy" {
      name     = "legacy"
      event_rw = "All"
    }
    ```
  EOT
}

rule "LOG004" {
  name     = "actiontrail-disabled"
  severity = "high"
  title    = "ActionTrail trail is disabled"
  resource = ["alicloud_actiontrail_trail"]
  check    = builtin("actiontrail-trail")
  message  = "`status = \"${value}\"`: the trail delivers nothing"
  help     = "set `status = \"Enable\"` (the default)"
  fix = { safety = "safe", set = { status = "Enable" } }
  references = {
    cis  = "2.1 Ensure that ActionTrail are configured to export copies of all Log entries"
    cspm = "actiontrail-trail-intact-enabled"
  }
  equivalents = ["infraguard:actiontrail-trail-intact-enabled"]
  docs = <<-EOT
    ## Why
    A disabled trail looks like auditing in the code but records nothing.

    ## How to fix
    Remove `status` or set it to `Enable`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name = "audit"
      status     = "Disable"   # reported
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
      status     = "Enable"
    }

    resource "alicloud_actiontrail_trail" "b" {
      trail_name = "b"
    }
    ```
  EOT
}

rule "LOG005" {
  name     = "actiontrail-no-destination"
  severity = "medium"
  title    = "ActionTrail trail delivers events nowhere"
  resource = ["alicloud_actiontrail_trail"]
  check    = builtin("actiontrail-trail")
  message  = "the trail has no `oss_bucket_name`, `sls_project_arn` or `max_compute_project_arn`: events are kept only 90 days in the console"
  help     = "deliver to an OSS bucket (`oss_bucket_name`) and/or an SLS project (`sls_project_arn` with `sls_write_role_arn`)"
  references = {
    cis  = "2.1 Ensure that ActionTrail are configured to export copies of all Log entries"
  }
  equivalents = ["kics:action_trail_logging_all_regions_disabled"]
  docs = <<-EOT
    ## Why
    Investigations often start months after the fact. Without a destination, events disappear
    after 90 days and cannot be queried or alerted on.

    ## How to fix
    Set `oss_bucket_name` for long-term storage and `sls_project_arn` for queries and alerts.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_actiontrail_trail" "audit" {
      trail_name      = "audit"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```
  EOT
}

rule "LOG006" {
  name     = "actiontrail-not-organization-trail"
  severity = "medium"
  title    = "Trail does not cover the member accounts of the resource directory"
  resource = ["alicloud_actiontrail_trail"]
  check    = builtin("actiontrail-trail")
  message  = "this configuration manages a resource directory but the trail is not a multi-account trail (`is_organization_trail` is not true)"
  help     = "set `is_organization_trail = true` on the management account's trail"
  fix = { safety = "unsafe", set = { is_organization_trail = true } }
  references = {
    cis  = "2.1 Ensure that ActionTrail are configured to export copies of all Log entries"
  }
  docs = <<-EOT
    ## Why
    In a resource directory, a single-account trail records the management account only; the
    member accounts, where workloads run, go unaudited.

    ## How to fix
    Set `is_organization_trail = true` (it forces a new trail).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_resource_manager_resource_directory" "rd" {
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name = "a"
    }

    resource "alicloud_actiontrail_trail" "b" {
      trail_name            = "b"
      is_organization_trail = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_resource_manager_resource_directory" "rd" {}
    resource "alicloud_actiontrail_trail" "org" {
      trail_name            = "org-audit"
      is_organization_trail = true
    }
    ```
  EOT
}

rule "LOG007" {
  name     = "actiontrail-bucket-unprotected"
  severity = "high"
  title    = "The OSS bucket receiving ActionTrail logs is not protected"
  resource = ["alicloud_actiontrail_trail"]
  check    = builtin("actiontrail-trail")
  message  = "the trail's bucket `${bucket}` ${problem}"
  help     = "keep audit buckets private, versioned and encrypted (inline attributes or the split `alicloud_oss_bucket_*` resources)"
  references = {
    cis  = "2.2 Ensure the OSS used to store ActionTrail logs is not publicly accessible"
  }
  equivalents = ["kics:actiontrail_trail_oss_bucket_is_publicly_accessible"]
  docs = <<-EOT
    ## Why
    Audit logs reveal the account's structure and can be altered by whoever controls the bucket.
    A public bucket leaks them; an unversioned one lets an intruder overwrite them; an
    unencrypted one stores them in the clear. acslint follows the trail's `oss_bucket_name` to
    the bucket in the configuration (by reference or by name) and reads both the inline
    attributes and the split resources (`alicloud_oss_bucket_acl`, `_versioning`,
    `_server_side_encryption`).

    ## How to fix
    Make the bucket private, enable versioning, and enable server-side encryption.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "audit" {
      bucket = "acme-audit"
      acl    = "public-read"
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "audit" {
      bucket = "acme-audit"
      acl    = "private"
      versioning {
        status = "Enabled"
      }
      server_side_encryption_rule {
        sse_algorithm = "KMS"
      }
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      oss_bucket_name = alicloud_oss_bucket.audit.bucket
    }
    ```
  EOT
}

rule "LOG008" {
  name     = "actiontrail-logstore-short-retention"
  severity = "medium"
  title    = "ActionTrail events in SLS are kept less than a year"
  resource = ["alicloud_actiontrail_trail"]
  check    = builtin("actiontrail-trail")
  message  = "logstore `${store}` keeps the events of `${trail}` for ${days}; keep them at least ${min} days"
  help     = "set `retention_period` to 365 or more (option min_days)"
  fix = { safety = "safe", set = { retention_period = "${min}" } }
  references = {
    cis  = "2.23 Ensure that Logstore data retention period is set 365 days or greater"
  }
  equivalents = ["kics:log_retention_is_not_greater_than_90_days"]
  options = {
    min_days = { type = "integer", default = 365, minimum = 1, maximum = 3650, description = "shortest retention, in days, accepted for the logstore a trail delivers to" }
  }
  docs = <<-EOT
    ## Why
    Breaches are often found months later. The SLS default retention is 30 days.

    ## How to fix
    Set `retention_period = 365` (or more; 3650 keeps events forever) on the logstores of the
    project the trail delivers to.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_project" "audit" {
      project_name = "acme-audit"
    }

    resource "alicloud_log_store" "trail" {
      project          = alicloud_log_project.audit.project_name
      name             = "actiontrail_a"
      retention_period = 90
    }

    resource "alicloud_log_store" "default" {
      project = "acme-audit"
      name    = "other"
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name         = "a"
      sls_project_arn    = "acs:log:cn-hangzhou:123456789012:project/$${alicloud_log_project.audit.project_name}"
      sls_write_role_arn = "acs:ram::123456789012:role/aliyunactiontraildefaultrole"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_log_project" "audit" {
      project_name = "acme-audit"
    }

    resource "alicloud_log_store" "trail" {
      project          = alicloud_log_project.audit.project_name
      name             = "actiontrail_a"
      retention_period = 365
    }

    resource "alicloud_log_store" "default" {
      project          = "acme-audit"
      name             = "other"
      retention_period = 365
    }

    resource "alicloud_actiontrail_trail" "a" {
      trail_name         = "a"
      sls_project_arn    = "acs:log:cn-hangzhou:123456789012:project/$${alicloud_log_project.audit.project_name}"
      sls_write_role_arn = "acs:ram::123456789012:role/aliyunactiontraildefaultrole"
    }
    ```
  EOT
}

rule "LOG009" {
  name     = "no-root-activity-alert"
  severity = "medium"
  title    = "No alert on root-account activity"
  scope    = "configuration"
  check    = builtin("root-activity-alert")
  message  = "`${trail}` delivers to SLS but no `alicloud_log_alert`/`alicloud_sls_alert` watches root-account activity or AccessKey creation"
  help     = "add an SLS alert on the trail's logstore whose query matches `event.userIdentity.type: root-account` (and `CreateAccessKey` events)"
  references = {
    cis  = "2.18 Ensure a log monitoring and alerts are set up for usage of root account"
  }
  docs = <<-EOT
    ## Why
    The root account should never be used day to day, and new AccessKeys are how intruders
    persist. An alert on either tells you within minutes instead of at the next audit.

    ## How to fix
    Add an alert whose query mentions `root-account` or `CreateAccessKey`. Any alert in the
    root module or the modules it calls counts (the rule judges root modules only).

    ## Example
    Bad:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      sls_project_arn = "acs:log:cn-hangzhou:123456789012:project/audit"
    }

    resource "alicloud_log_alert" "cpu" {
      project_name = "audit"
      alert_name   = "cpu"
      query_list {
        store = "metrics"
        query = "cpu > 90"
      }
    }
    ```

    Good:
    ```hcl
    provider "alicloud" {}

    resource "alicloud_actiontrail_trail" "a" {
      trail_name      = "a"
      sls_project_arn = "acs:log:cn-hangzhou:123456789012:project/audit"
    }

    resource "alicloud_log_alert" "root" {
      project_name = "audit"
      alert_name   = "root-activity"
      query_list {
        store = "actiontrail_a"
        query = "event.userIdentity.type: root-account"
      }
    }
    ```
  EOT
}

rule "LOG010" {
  name     = "log-audit-incomplete"
  severity = "medium"
  title    = "Log audit does not collect ActionTrail, RDS or OSS logs"
  resource = ["alicloud_log_audit"]
  check    = builtin("log-audit")
  message  = "log audit does not collect ${what}: `${key}` is not true"
  help     = "set `${key} = \"true\"` in `variable_map`"
  fix = { safety = "safe", map = "variable_map", set = { "${key}" = "true" } }
  references = {
    cis  = "2.3 Ensure audit logs for multiple cloud resources are integrated with Log Service"
  }
  equivalents = ["checkov:CKV_ALI_38", "kics:rds_instance_events_not_logged"]
  docs = <<-EOT
    ## Why
    Log audit centralises the logs of many services; ActionTrail events, RDS audit logs and OSS
    access logs are the minimum for an investigation. All three default to off. The other
    services it can collect (WAF, Security Center, Kubernetes audit, …) are SLS004.

    Checkov's CKV_ALI_38 asks for `rds_enabled`, one of the three. KICS's
    `rds_instance_events_not_logged` also asks for `rds_ti_enabled`, `rds_slow_enabled` and
    `rds_perf_enabled`: slow-query and performance logs record no security event, so acslint
    does not require them.

    ## How to fix
    Set `actiontrail_enabled`, `rds_enabled` and `oss_access_enabled` to `"true"`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_log_audit" "this" {
      display_name = "audit"
      aliuid       = "123456789012"
    }
    ```

    Good:
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
  EOT
}

rule "LOG011" {
  name     = "vpc-without-flow-log"
  severity = "low"
  title    = "VPC has no flow log"
  resource = ["alicloud_vpc"]
  check    = builtin("vpc-flow-log")
  message  = "no `alicloud_vpc_flow_log` records the traffic of `${vpc}`"
  help     = "add an `alicloud_vpc_flow_log` with `resource_type = \"VPC\"` and `resource_id` referencing the VPC, or enable `vpc_flow_enabled` in log audit"
  references = {
    cis  = "2.5 Ensure virtual network flow log service is enabled"
  }
  equivalents = ["kics:vpc_flow_logs_disabled", "infraguard:vpc-flow-logs-enabled"]
  docs = <<-EOT
    ## Why
    Flow logs show which addresses talked to which instances: the evidence for data
    exfiltration and lateral movement. A flow log on the VPC or on one of its VSwitches, or log
    audit collecting VPC flow logs, satisfies the rule. Only root modules are checked (a directory
    that no other scanned module calls and that configures a provider or backend, has variable
    files, or is named in `roots`; a `terraform` block alone is no sign): a reusable module
    leaves the flow log, and the log project it needs, to its callers.

    ## How to fix
    Add a flow log for the VPC.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }

    resource "alicloud_vpc" "other" {
      vpc_name   = "other"
      cidr_block = "172.16.0.0/12"
    }

    resource "alicloud_vpc_flow_log" "other" {
      resource_type  = "VPC"
      resource_id    = alicloud_vpc.other.id
      traffic_type   = "All"
      project_name   = "net"
      log_store_name = "flow"
      status         = "Inactive"
    }

    provider "alicloud" {
      region = "cn-hangzhou"
    }
    ```

    Good:
    ```hcl
    provider "alicloud" {
      region = "cn-hangzhou"
    }

    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }

    resource "alicloud_vpc_flow_log" "main" {
      resource_type  = "VPC"
      resource_id    = alicloud_vpc.main.id
      traffic_type   = "All"
      project_name   = "net"
      log_store_name = "flow"
    }
    ```
  EOT
}
