# RDS beyond DB001-DB004 (db.hcl): public endpoints, PostgreSQL connection logging, disk
# encryption, minor-version upgrades, pg_hba entries, log backups.

rule "DB006" {
  name     = "database-public-endpoint"
  severity = "medium"
  title    = "Database has a public (internet) endpoint"
  resource = ["alicloud_db_connection", "alicloud_polardb_endpoint_address", "alicloud_kvstore_connection"]
  # An alicloud_db_connection and an alicloud_kvstore_connection are the internet endpoint of
  # an RDS or Redis instance; a PolarDB endpoint address is public unless net_type says
  # otherwise (Public is the default and, at the reference version, the only value).
  assert  = coalesce(lookup(self, "net_type", null), "Public") != "Public"
  where   = "net_type"
  message = "this resource gives the database an endpoint on the internet"
  help    = "connect through the VPC endpoint (from ECS, or a VPN/Express Connect); if a public endpoint is unavoidable, keep the whitelist to known addresses"
  references = {
    cis  = "6.2 Ensure that RDS Instances are not open to the world"
    cspm = "rds-public-access-check"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/apply-for-or-release-a-public-endpoint-for-an-apsaradb-rds-for-mysql-instance"
  }
  equivalents = ["infraguard:rds-public-access-check", "infraguard:polardb-public-access-check", "infraguard:redis-instance-no-public-ip"]
  docs = <<-EOT
    ## Why
    A public endpoint puts the database on the internet: only the whitelist and the
    passwords stand between it and every scanner. Databases should be reached over the VPC.
    The whitelist decides how bad it is (`0.0.0.0/0` in it is DB001, DB005 or DB012, at
    high), so the endpoint alone is medium.

    Reported resources: `alicloud_db_connection` (the internet connection string of an RDS
    instance), `alicloud_kvstore_connection` (the public endpoint of a Redis/Tair instance; the
    deprecated `enable_public` of the instance is DB014's), and
    `alicloud_polardb_endpoint_address` (`net_type = "Public"`, the default).

    InfraGuard's `rds-public-connection-and-any-ip-access-check`,
    `polardb-public-and-any-ip-access-check` and `redis-public-and-any-ip-access-check`
    combine the endpoint with an open whitelist; acslint reports the open whitelist on its own
    (DB001, DB012), which covers them.

    ## How to fix
    Remove the public endpoint and connect from inside the VPC.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_connection" "public" {
      instance_id       = alicloud_db_instance.app.id
      connection_prefix = "app-public"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine           = "MySQL"
      engine_version   = "8.0"
      instance_type    = "mysql.n2.medium.1"
      instance_storage = 20
      vswitch_id       = alicloud_vswitch.db.id
      security_ips     = ["10.0.1.0/24"]
    }
    ```
  EOT
}

rule "DB007" {
  name     = "rds-postgres-connection-logging-off"
  severity = "low"
  title    = "RDS PostgreSQL does not log connections, disconnections or statement durations"
  resource = ["alicloud_db_instance"]
  each = [
    { param = "log_connections", what = "successful connections" },
    { param = "log_disconnections", what = "session ends and their duration" },
    { param = "log_duration", what = "the duration of each statement" },
  ]
  facet = each.value.param
  # Only PostgreSQL has these parameters. With a parameter template the values come from it.
  assert = (
    lower(coalesce(lookup(self, "engine", null), "-")) != "postgresql" ? true :
    lookup(self, "db_param_group_id", null) != null ? unknown("the parameters come from the template in `db_param_group_id`") :
    anytrue([for p in lookup(self, "parameters", []) : lookup(p, "name", null) == each.value.param && lower(tostring(lookup(p, "value", "off"))) == "on"])
  )
  where   = "parameters"
  message = "PostgreSQL instance `${named(lookup(self, "instance_name", null))}` does not set `${each.value.param} = on`: the log misses ${each.value.what}"
  help    = "add a `parameters { name = … value = \"on\" }` block for each of `log_connections`, `log_disconnections` and `log_duration`"
  references = {
    cis  = "6.7 Ensure parameter 'log_connections' is set to 'ON' for PostgreSQL Database; 6.8 Ensure server parameter 'log_disconnections' is set to 'ON' for PostgreSQL Database Server; 6.9 Ensure server parameter 'log_duration' is set to 'ON' for PostgreSQL Database Server"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-postgresql/modify-the-parameters-of-an-apsaradb-rds-for-postgresql-instance"
  }
  equivalents = [
    "checkov:CKV_ALI_37#log_connections", "checkov:CKV_ALI_36#log_disconnections", "checkov:CKV_ALI_35#log_duration",
    "kics:rds_instance_log_connections_disabled#log_connections", "kics:rds_instance_log_disconnections_disabled#log_disconnections", "kics:rds_instance_log_duration_disabled#log_duration",
  ]
  docs = <<-EOT
    ## Why
    PostgreSQL logs who connected, when sessions ended and how long statements ran only when
    `log_connections`, `log_disconnections` and `log_duration` are `on` (CIS 6.7-6.9). Without
    them an intrusion or a brute-force attempt leaves no trace in the database log. Missing
    logging: low.

    Each parameter is a *facet* of the finding (`log_connections`, `log_disconnections`,
    `log_duration`), so `#checkov:skip=CKV_ALI_37` silences only `log_connections`.

    Only `engine = "PostgreSQL"` is judged: MySQL and SQL Server have no such parameters
    (Checkov and KICS report every engine). When `db_param_group_id` names a parameter
    template, the values come from it and the finding is not decided.

    ## How to fix
    Set the three parameters to `on`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "pg" {
      engine           = "PostgreSQL"
      engine_version   = "16.0"
      instance_type    = "pg.n2.2c.1m"
      instance_storage = 20
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "pg" {
      engine           = "PostgreSQL"
      engine_version   = "16.0"
      instance_type    = "pg.n2.2c.1m"
      instance_storage = 20
      parameters {
        name  = "log_connections"
        value = "on"
      }
      parameters {
        name  = "log_disconnections"
        value = "on"
      }
      parameters {
        name  = "log_duration"
        value = "on"
      }
    }
    ```
  EOT
}

rule "DB008" {
  name     = "rds-cloud-disk-unencrypted"
  severity = "medium"
  title    = "RDS instance on cloud disks is neither disk-encrypted nor TDE-encrypted"
  resource = ["alicloud_db_instance"]
  # Cloud-disk encryption (`encryption_key`) exists for MySQL, PostgreSQL and SQL Server on
  # cloud disks; local SSDs cannot be encrypted this way. TDE also encrypts the data at rest.
  assert = (
    !contains(["mysql", "postgresql", "sqlserver"], lower(coalesce(lookup(self, "engine", null), "-"))) ? true :
    lookup(self, "encryption_key", null) != null || coalesce(lookup(self, "tde_status", null), "Disabled") == "Enabled" ? true :
    lookup(self, "db_instance_storage_type", null) == null ? unknown("the storage type is not set, and only cloud disks can be encrypted") :
    !startswith(self.db_instance_storage_type, "cloud_") && self.db_instance_storage_type != "general_essd"
  )
  where   = "db_instance_storage_type"
  message = "instance `${named(lookup(self, "instance_name", null))}` stores its data on unencrypted cloud disks"
  help    = "set `encryption_key` to a KMS key ID (with the RDS service-linked role) or enable TDE"
  references = {
    cspm = "rds-instance-enabled-disk-encryption"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-disk-encryption-for-an-apsaradb-rds-for-mysql-instance"
  }
  equivalents = ["infraguard:rds-instance-enabled-disk-encryption"]
  docs = <<-EOT
    ## Why
    Cloud-disk encryption encrypts the data files, logs and backups of the instance with a KMS
    key; without it (or TDE, DB003) the data is stored as written. Missing encryption: medium.

    Only MySQL, PostgreSQL and SQL Server on cloud disks (`cloud_ssd`, `cloud_essd*`,
    `general_essd`) support it; instances on local SSDs are not reported, and an instance
    whose `db_instance_storage_type` is unset is undecided (the default depends on the
    instance type). An instance with TDE on passes.

    ## How to fix
    Create the instance with `encryption_key` (it cannot be added later to an instance
    without it).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine                   = "MySQL"
      engine_version           = "8.0"
      instance_type            = "mysql.n2.medium.2c"
      instance_storage         = 100
      db_instance_storage_type = "cloud_essd"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "rds" {
      description         = "RDS cloud disks"
      automatic_rotation  = "Enabled"
      rotation_interval   = "365d"
      deletion_protection = "Enabled"
    }

    resource "alicloud_db_instance" "app" {
      engine                   = "MySQL"
      engine_version           = "8.0"
      instance_type            = "mysql.n2.medium.2c"
      instance_storage         = 100
      db_instance_storage_type = "cloud_essd"
      encryption_key           = alicloud_kms_key.rds.id
    }
    ```
  EOT
}

rule "DB009" {
  name     = "rds-minor-version-upgrade-manual"
  severity = "low"
  title    = "RDS instance does not take minor engine upgrades automatically"
  resource = ["alicloud_db_instance"]
  assert = (
    lookup(self, "auto_upgrade_minor_version", null) == null
    ? unknown("`auto_upgrade_minor_version` is unset; the service decides the default")
    : self.auto_upgrade_minor_version == "Auto"
  )
  where   = "auto_upgrade_minor_version"
  message = "instance `${named(lookup(self, "instance_name", null))}` gets minor versions (security fixes) only when the current one is withdrawn"
  help    = "set `auto_upgrade_minor_version = \"Auto\"` and a `maintain_time` window"
  fix = { safety = "unsafe", set = { auto_upgrade_minor_version = "Auto" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/update-the-minor-engine-version"
  }
  equivalents = ["checkov:CKV_ALI_30"]
  docs = <<-EOT
    ## Why
    Minor engine versions carry the security fixes of the database engine. With `Manual` the
    instance stays on its version until Alibaba Cloud withdraws it. Patch hygiene: low.

    Checkov also fails an unset value; the provider does not document the default, so acslint
    reports only an explicit `Manual` and notes an unset value as undecided
    (`--show-unknown`).

    ## How to fix
    Upgrade minor versions automatically, in a maintenance window.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine                     = "MySQL"
      engine_version             = "8.0"
      instance_type              = "mysql.n2.medium.1"
      instance_storage           = 20
      auto_upgrade_minor_version = "Manual"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine                     = "MySQL"
      engine_version             = "8.0"
      instance_type              = "mysql.n2.medium.1"
      instance_storage           = 20
      auto_upgrade_minor_version = "Auto"
      maintain_time              = "18:00Z-19:00Z"
    }
    ```
  EOT
}

rule "DB010" {
  name     = "rds-pg-hba-any-address"
  severity = "high"
  title    = "RDS PostgreSQL pg_hba entry accepts logins from any address"
  resource = ["alicloud_db_instance"]
  assert = !anytrue([
    for h in lookup(self, "pg_hba_conf", []) :
    contains(["0.0.0.0/0", "0.0.0.0", "::/0"], lookup(h, "address", "-")) && lower(coalesce(lookup(h, "method", null), "-")) != "reject"
  ])
  where   = "pg_hba_conf"
  message = "a `pg_hba_conf` entry of instance `${named(lookup(self, "instance_name", null))}` lets its users log in from any address"
  help    = "restrict `address` to the client subnets (or use `method = \"reject\"` for a deny entry)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-postgresql/configure-pg-hba-conf-settings"
  }
  equivalents = ["kics:rds_instance_address_publicly_accessible"]
  docs = <<-EOT
    ## Why
    A `pg_hba_conf` entry whose `address` is `0.0.0.0/0` lets the listed users authenticate
    from anywhere the network lets through; with `method = "trust"` they need no password at
    all. Exposure of data: high.

    KICS reads a top-level `address` attribute that does not exist (it belongs to the
    `pg_hba_conf` block), so it reports nothing on real configurations; acslint reads the
    blocks, and does not report `reject` entries.

    ## How to fix
    Give each entry the client subnets only.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "pg" {
      engine           = "PostgreSQL"
      engine_version   = "16.0"
      instance_type    = "pg.n2.2c.1m"
      instance_storage = 20
      pg_hba_conf {
        type        = "host"
        database    = "all"
        user        = "all"
        address     = "0.0.0.0/0"
        method      = "md5"
        priority_id = 1
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "pg" {
      engine           = "PostgreSQL"
      engine_version   = "16.0"
      instance_type    = "pg.n2.2c.1m"
      instance_storage = 20
      pg_hba_conf {
        type        = "hostssl"
        database    = "app"
        user        = "app"
        address     = "10.0.1.0/24"
        method      = "scram-sha-256"
        priority_id = 1
      }
    }
    ```
  EOT
}

rule "DB011" {
  name     = "database-log-backup-disabled"
  severity = "low"
  title    = "Database log backup is turned off"
  resource = ["alicloud_db_backup_policy", "alicloud_mongodb_instance"]
  # RDS backs up logs by default (enable_backup_log defaults to true); MongoDB documents no
  # default, so only an explicit 0 is reported.
  assert  = !contains(["false", "0"], tostring(coalesce(lookup(self, "enable_backup_log", null), "unset")))
  where   = "enable_backup_log"
  message = "log backup is off: the database cannot be restored to a point in time"
  help    = "set `enable_backup_log` to `true` (RDS) or `1` (MongoDB), with a log retention that matches your recovery needs"
  fix = {
    safety = "safe"
    types = {
      alicloud_db_backup_policy = { set = { enable_backup_log = true } }
      alicloud_mongodb_instance = { set = { enable_backup_log = 1 } }
    }
  }
  references = {
    cspm = "rds-instance-enabled-log-backup"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/back-up-an-apsaradb-rds-for-mysql-instance"
  }
  equivalents = ["infraguard:rds-instance-enabled-log-backup"]
  docs = <<-EOT
    ## Why
    Log backups make point-in-time recovery possible: after a destructive statement, a
    ransomware attack or a bad migration you restore to the second before it. Without them the
    data since the last full backup is lost. Recovery hygiene: low.

    Reported: `alicloud_db_backup_policy` with `enable_backup_log = false` (the default is
    `true`) and `alicloud_mongodb_instance` with `enable_backup_log = 0`. Redis log backup,
    off by default, is DB023.

    ## How to fix
    Keep log backup on.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_backup_policy" "app" {
      instance_id       = alicloud_db_instance.app.id
      enable_backup_log = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_backup_policy" "app" {
      instance_id                 = alicloud_db_instance.app.id
      enable_backup_log           = true
      log_backup_retention_period = 30
    }
    ```
  EOT
}
