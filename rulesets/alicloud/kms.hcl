# KMS keys.

rule "KMS001" {
  name     = "kms-key-rotation-disabled"
  severity = "medium"
  title    = "KMS key is not rotated automatically"
  resource = ["alicloud_kms_key"]
  assert   = coalesce(self.automatic_rotation, "Disabled") == "Enabled"
  where    = "automatic_rotation"
  message  = "KMS key `${coalesce(self.description, "(no description)")}` is never rotated"
  help     = "set `automatic_rotation = \"Enabled\"` with a `rotation_interval` of 365 days or less"
  fix = {
    safety = "unsafe"
    set    = { automatic_rotation = "Enabled", rotation_interval = "365d" }
    when   = try(self.rotation_interval, null) == null
  }
  references = {
    cspm = "kms-key-rotation-enabled"
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/configure-automatic-key-rotation"
  }
  equivalents = ["checkov:CKV_ALI_27", "kics:high_kms_key_rotation_period", "infraguard:kms-key-rotation-enabled"]
  docs = <<-EOT
    ## Why
    Rotation limits how much data one key version protects and how long a leaked key stays
    useful.

    ## How to fix
    Enable automatic rotation.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description = "data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description        = "data"
      automatic_rotation = "Enabled"
      rotation_interval  = "365d"
    }
    ```
  EOT
}

rule "KMS002" {
  name     = "kms-key-rotation-interval-too-long"
  severity = "low"
  title    = "KMS key is rotated less often than once a year"
  resource = ["alicloud_kms_key"]
  # The interval is a number with a unit: s, m, h or d (`365d`, `8760h`, `31536000s`).
  # Without automatic rotation the key is KMS001's finding.
  assert = (
    coalesce(lookup(self, "automatic_rotation", null), "Disabled") != "Enabled"
    || lookup(self, "rotation_interval", null) == null
    || tonumber(regex("^([0-9]+)[smhd]$", self.rotation_interval)[0]) * lookup({ s = 1, m = 60, h = 3600, d = 86400 }, regex("([smhd])$", self.rotation_interval)[0], 1) <= 31536000
  )
  where   = "rotation_interval"
  message = "KMS key `${named(lookup(self, "description", null))}` is rotated every ${self.rotation_interval}, more than 365 days"
  help    = "set `rotation_interval` to `365d` or less"
  fix = { safety = "safe", set = { rotation_interval = "365d" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/configure-automatic-key-rotation"
  }
  equivalents = ["kics:high_kms_key_rotation_period"]
  docs = <<-EOT
    ## Why
    Rotation bounds how much data one key version protects and how long a stolen key version
    stays useful. Automatic rotation with an interval of several years gives little of that:
    KICS flags intervals over 365 days, and so does acslint. A key without automatic rotation
    is KMS001's finding. Hygiene: low.

    The interval takes the units `s`, `m`, `h` and `d` (`7d` and `604800s` are the same).

    ## How to fix
    Rotate at least yearly.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      automatic_rotation = "Enabled"
      rotation_interval  = "730d"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      automatic_rotation = "Enabled"
      rotation_interval  = "365d"
    }
    ```
  EOT
}

rule "KMS003" {
  name     = "kms-key-disabled-or-pending-deletion"
  severity = "medium"
  title    = "KMS key is disabled or scheduled for deletion"
  resource = ["alicloud_kms_key"]
  # `status` replaced `key_state` (1.123.1) and `is_enabled` (1.85.0); all three are read.
  assert = (
    !contains(["Disabled", "PendingDeletion"], coalesce(lookup(self, "status", null), lookup(self, "key_state", null), "Enabled"))
    && coalesce(lookup(self, "is_enabled", null), true) != false
  )
  where   = "status|key_state|is_enabled"
  message = "KMS key `${named(lookup(self, "description", null))}` is ${coalesce(lookup(self, "status", null), lookup(self, "key_state", null), "disabled")}: data encrypted with it cannot be decrypted"
  help    = "set `status = \"Enabled\"`, or remove the key from the configuration once nothing uses it"
  fix = { safety = "unsafe", set = { status = "Enabled" }, when = lookup(self, "key_state", null) == null && lookup(self, "is_enabled", null) == null }
  references = {
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/manage-keys"
  }
  equivalents = ["checkov:CKV_ALI_28", "kics:cmk_is_unusable"]
  docs = <<-EOT
    ## Why
    A disabled key cannot decrypt anything: the disks, buckets and databases it protects become
    unreadable. A key in `PendingDeletion` is destroyed, with everything encrypted under it,
    when its pending window ends. Either is an availability loss of the data the key protects,
    so medium.

    acslint reads `status` and the deprecated `key_state` and `is_enabled`. An unset
    `is_enabled` is not a finding (KICS reports it, although the attribute is deprecated and
    the key is enabled by default).

    ## How to fix
    Keep keys that protect data `Enabled`; delete them only after re-encrypting the data.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      status = "PendingDeletion"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      status = "Enabled"
    }
    ```
  EOT
}

rule "KMS004" {
  name     = "kms-key-deletion-protection-off"
  severity = "low"
  title    = "KMS key can be scheduled for deletion without deletion protection"
  resource = ["alicloud_kms_key"]
  assert   = coalesce(lookup(self, "deletion_protection", null), "Disabled") == "Enabled"
  where    = "deletion_protection"
  message  = "KMS key `${named(lookup(self, "description", null))}` has no deletion protection"
  help     = "set `deletion_protection = \"Enabled\"` (provider 1.240.0 or later)"
  fix = { safety = "unsafe", set = { deletion_protection = "Enabled" } }
  references = {
    cspm = "kms-key-delete-protection-enabled"
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/enable-deletion-protection"
  }
  equivalents = ["infraguard:kms-key-delete-protection-enabled"]
  docs = <<-EOT
    ## Why
    Deleting a key destroys every piece of data encrypted with it. Deletion protection makes
    `ScheduleKeyDeletion` fail until someone turns it off on purpose. The default is
    `Disabled`. Hygiene that guards against a mistake or a compromised operator: low.

    ## How to fix
    Enable deletion protection on keys that protect data.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description = "data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "data" {
      description         = "data"
      deletion_protection = "Enabled"
    }
    ```
  EOT
}

rule "KMS005" {
  name     = "kms-secret-rotation-disabled"
  severity = "low"
  title    = "KMS managed secret is not rotated automatically"
  resource = ["alicloud_kms_secret"]
  # Only managed secrets (RDS, PolarDB, Redis, RAM and ECS credentials) can rotate
  # automatically; a Generic secret (the default type) cannot.
  assert = (
    !contains(["Rds", "PolarDB", "Redis", "RAMCredentials", "ECS"], coalesce(lookup(self, "secret_type", null), "Generic"))
    || coalesce(lookup(self, "enable_automatic_rotation", null), false) == true
  )
  where   = "enable_automatic_rotation|secret_type"
  message = "secret `${named(lookup(self, "secret_name", null))}` of type ${self.secret_type} is never rotated"
  help    = "set `enable_automatic_rotation = true` and a `rotation_interval` such as `30d`"
  fix = {
    safety  = "unsafe"
    set     = { enable_automatic_rotation = true }
    default = { rotation_interval = "30d" }
  }
  references = {
    cspm = "kms-secret-rotation-enabled"
    docs = "https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/manage-secrets"
  }
  equivalents = ["infraguard:kms-secret-rotation-enabled"]
  docs = <<-EOT
    ## Why
    A managed secret (database, RAM or ECS credentials) that KMS can rotate but does not
    keeps the same password for as long as it exists; a leaked copy stays valid. The default is
    no rotation. Hygiene: low.

    Generic secrets (`secret_type` unset or `Generic`) cannot be rotated by KMS and are not
    reported (InfraGuard reports every secret without rotation).

    ## How to fix
    Turn on automatic rotation for managed secrets.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kms_secret" "db" {
      secret_name = "db-app"
      secret_type = "Rds"
      secret_data = jsonencode({ Accounts = [{ AccountName = "app" }] })
      version_id  = "v1"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_secret" "db" {
      secret_name               = "db-app"
      secret_type               = "Rds"
      secret_data               = jsonencode({ Accounts = [{ AccountName = "app" }] })
      version_id                = "v1"
      enable_automatic_rotation = true
      rotation_interval         = "30d"
    }
    ```
  EOT
}
