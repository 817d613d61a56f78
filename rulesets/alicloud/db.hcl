# Databases: RDS and MongoDB.

rule "DB001" {
  name     = "rds-open-to-internet"
  severity = "high"
  title    = "RDS instance whitelist allows any address"
  resource = ["alicloud_db_instance"]
  assert   = !anytrue([for ip in coalesce(self.security_ips, []) : contains(["0.0.0.0/0", "0.0.0.0"], ip)])
  where    = "security_ips"
  message  = "instance `${named(self.instance_name)}` accepts connections from any IP address"
  help     = "list only the application subnets (or security groups) that need the database"
  references = {
    cis  = "6.2 Ensure that RDS Instances are not open to the world"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-an-ip-address-whitelist"
  }
  equivalents = ["checkov:CKV_ALI_9", "kics:rds_instance_publicly_accessible", "infraguard:rds-white-list-internet-ip-access-check", "infraguard:rds-public-connection-and-any-ip-access-check"]
  docs = <<-EOT
    ## Why
    `0.0.0.0/0` in the whitelist lets anyone who reaches the endpoint try to log in; combined
    with a public endpoint the database is on the internet.

    InfraGuard's `rds-public-connection-and-any-ip-access-check` reports the open whitelist
    only when the instance also has a public connection; acslint reports it either way (an
    endpoint can be added later, outside Terraform) and the public endpoint itself as DB006.

    ## How to fix
    Whitelist only the VPC ranges of the clients.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine           = "MySQL"
      engine_version   = "8.0"
      instance_type    = "rds.mysql.s2.large"
      instance_storage = 30
      instance_name    = "app"
      security_ips     = ["10.0.0.0/16", "0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine           = "MySQL"
      engine_version   = "8.0"
      instance_type    = "rds.mysql.s2.large"
      instance_storage = 30
      instance_name    = "app"
      security_ips     = ["10.0.0.0/16"]
    }
    ```
  EOT
}

rule "DB002" {
  name     = "rds-ssl-disabled"
  severity = "medium"
  title    = "RDS instance does not enable SSL"
  resource = ["alicloud_db_instance"]
  assert   = contains(["Open", "Update"], coalesce(self.ssl_action, "Close"))
  where    = "ssl_action"
  message  = "instance `${named(self.instance_name)}` does not enforce SSL (ssl_action is `${coalesce(self.ssl_action, "unset")}`)"
  help     = "set `ssl_action = \"Open\"`"
  fix = { safety = "safe", set = { ssl_action = "Open" } }
  references = {
    cis  = "6.1 Ensure that RDS instance requires all incoming connections to use SSL"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-ssl-encryption-for-an-apsaradb-rds-for-mysql-instance"
  }
  equivalents = ["checkov:CKV_ALI_20", "kics:rds_instance_ssl_action_disabled", "infraguard:rds-instance-enabled-ssl"]
  docs = <<-EOT
    ## Why
    Without SSL, credentials and query results cross the network in clear text.

    ## How to fix
    Turn SSL on with `ssl_action = "Open"` and make clients verify the certificate.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "unset" {
      engine         = "MySQL"
      engine_version = "8.0"
      instance_type  = "rds.mysql.s2.large"
    }

    resource "alicloud_db_instance" "closed" {
      engine         = "MySQL"
      engine_version = "8.0"
      instance_type  = "rds.mysql.s2.large"
      ssl_action     = "Close"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine         = "MySQL"
      engine_version = "8.0"
      instance_type  = "rds.mysql.s2.large"
      ssl_action     = "Open"
    }
    ```
  EOT
}

rule "DB003" {
  name     = "rds-tde-disabled"
  severity = "medium"
  title    = "RDS instance does not use transparent data encryption"
  resource = ["alicloud_db_instance"]
  # Only engines and editions that offer TDE: MySQL (not the Basic edition), SQL Server
  # Enterprise and 2019/2022 Standard (never Web or Express), PostgreSQL 10 and later.
  assert = !(
    (
      (self.engine == "MySQL" && try(lower(self.category), "") != "basic")
      || (self.engine == "SQLServer" && can(regex("_ent|^20(19|22)_std", self.engine_version)))
      || (self.engine == "PostgreSQL" && try(tonumber(self.engine_version), 0) >= 10)
    )
    && coalesce(self.tde_status, "Disabled") != "Enabled"
  )
  where    = "tde_status"
  message  = "instance `${named(self.instance_name)}` stores data without TDE"
  help     = "set `tde_status = \"Enabled\"` (MySQL and SQL Server; it cannot be turned off again)"
  fix = { safety = "unsafe", set = { tde_status = "Enabled" } }
  references = {
    cis  = "6.5 Ensure that 'TDE' is set to 'Enabled' on for applicable database instance"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-tde-for-an-apsaradb-rds-for-mysql-instance"
  }
  equivalents = ["checkov:CKV_ALI_22", "kics:rds_instance_tde_status_disabled", "infraguard:rds-instance-enabled-tde-disk-encryption"]
  docs = <<-EOT
    ## Why
    Transparent data encryption protects data files and backups at rest. Only instances whose
    engine and edition offer TDE are checked: MySQL (High-availability and Cluster editions),
    SQL Server Enterprise and 2019/2022 Standard editions, PostgreSQL 10 and later; SQL Server Web
    and Express, the MySQL Basic edition and MariaDB have none.

    ## How to fix
    Enable TDE; for engines without TDE, use cloud-disk encryption instead.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "ent" {
      engine         = "SQLServer"
      engine_version = "2017_ent_ha"
      instance_type  = "mssql.x4.medium.e2"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "ent" {
      engine         = "SQLServer"
      engine_version = "2017_ent_ha"
      instance_type  = "mssql.x4.medium.e2"
      tde_status     = "Enabled"
    }
    ```
  EOT
}

rule "DB004" {
  name     = "rds-sql-audit-short-retention"
  severity = "low"
  title    = "RDS SQL audit is off or kept under 180 days"
  resource = ["alicloud_db_instance"]
  assert   = coalesce(self.sql_collector_status, "Disabled") == "Enabled" && coalesce(tonumber(self.sql_collector_config_value), 30) >= 180
  where    = "sql_collector_status"
  message  = "instance `${named(self.instance_name)}` does not keep SQL audit logs for 180 days"
  help     = "set `sql_collector_status = \"Enabled\"` and `sql_collector_config_value = 180` (or more)"
  fix = {
    safety = "unsafe"
    set    = { sql_collector_status = "Enabled", sql_collector_config_value = 180 }
    when   = try(tonumber(self.sql_collector_config_value), 30) < 180
  }
  references = {
    cis  = "6.3 Ensure that 'Auditing' is set to 'On' for applicable database instances; 6.4 Ensure that 'Auditing' Retention is 'greater than 6 months'"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/use-the-sql-explorer-and-audit-feature"
  }
  equivalents = ["checkov:CKV_ALI_25", "kics:rds_instance_retention_not_recommended", "infraguard:rds-instance-enabled-auditing"]
  docs = <<-EOT
    ## Why
    SQL audit logs show who ran which statement; investigations need months of them. An unset
    `sql_collector_config_value` is the provider's default, 30 days, and is reported.

    ## How to fix
    Enable the SQL collector with a retention of at least 180 days.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine                     = "MySQL"
      engine_version             = "8.0"
      instance_type              = "rds.mysql.s2.large"
      sql_collector_status       = "Enabled"
      sql_collector_config_value = 30
    }
    ```

    Good:
    ```hcl
    resource "alicloud_db_instance" "app" {
      engine                     = "MySQL"
      engine_version             = "8.0"
      instance_type              = "rds.mysql.s2.large"
      sql_collector_status       = "Enabled"
      sql_collector_config_value = 180
    }
    ```
  EOT
}

rule "DB005" {
  name     = "mongodb-open-to-internet"
  severity = "high"
  title    = "MongoDB instance whitelist allows any address"
  resource = ["alicloud_mongodb_instance"]
  assert   = !anytrue([for ip in coalesce(self.security_ip_list, []) : contains(["0.0.0.0/0", "0.0.0.0"], ip)])
  where    = "security_ip_list"
  message  = "MongoDB instance `${named(self.name)}` accepts connections from any IP address"
  help     = "whitelist only the application subnets"
  references = {
    docs = "https://www.alibabacloud.com/help/en/mongodb/user-guide/modify-a-whitelist"
  }
  equivalents = ["checkov:CKV_ALI_43", "infraguard:mongodb-public-access-check", "infraguard:mongodb-public-and-any-ip-access-check"]
  docs = <<-EOT
    ## Why
    An open whitelist exposes the database to credential stuffing from anywhere.
    InfraGuard's `mongodb-public-and-any-ip-access-check` requires a public endpoint as well;
    acslint reports the open whitelist on its own.

    ## How to fix
    Whitelist the VPC ranges of the clients only.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_mongodb_instance" "app" {
      engine_version      = "4.4"
      db_instance_class   = "dds.mongo.mid"
      db_instance_storage = 10
      security_ip_list    = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_mongodb_instance" "app" {
      engine_version      = "4.4"
      db_instance_class   = "dds.mongo.mid"
      db_instance_storage = 10
      security_ip_list    = ["10.0.0.0/16"]
    }
    ```
  EOT
}
