# Databases and data services other than RDS: PolarDB, MongoDB, Redis/Tair (KVStore),
# Elasticsearch, HBase, Lindorm, AnalyticDB, GPDB, ClickHouse, Tablestore (OTS), Kafka,
# RocketMQ, MaxCompute and EMR. Rules over several resource types read the attribute each
# type uses; a type never has another type's attribute.

rule "DB012" {
  name     = "database-whitelist-open-to-any-address"
  severity = "high"
  title    = "Database or data service whitelist allows any address"
  resource = [
    "alicloud_polardb_cluster", "alicloud_kvstore_instance", "alicloud_hbase_instance", "alicloud_lindorm_instance",
    "alicloud_adb_db_cluster_lake_version", "alicloud_gpdb_instance", "alicloud_click_house_db_cluster",
    "alicloud_elasticsearch_instance", "alicloud_rocketmq_instance",
  ]
  # Whitelists are lists or comma-separated strings, at the top level or in blocks. The
  # Elasticsearch public and Kibana whitelists count only while that endpoint is public.
  assert = !anytrue([
    for ip in flatten([
      for v in concat(
        [lookup(self, "security_ips", null), lookup(self, "ip_white", null), lookup(self, "ip_white_list", null), lookup(self, "security_ip_list", null), lookup(self, "ip_whitelists", null)],
        [for g in lookup(self, "db_cluster_ip_array", []) : lookup(g, "security_ips", null)],
        [for g in lookup(self, "ip_whitelist", []) : lookup(g, "security_ip_list", null)],
        [for g in lookup(self, "db_cluster_access_white_list", []) : lookup(g, "security_ip_list", null)],
        flatten([for n in lookup(self, "network_info", []) : [for i in lookup(n, "internet_info", []) : lookup(i, "ip_whitelist", null)]]),
        [tostring(coalesce(lookup(self, "enable_public", null), false)) == "true" ? lookup(self, "public_whitelist", null) : null],
        [tostring(coalesce(lookup(self, "enable_kibana_public_network", null), false)) == "true" ? lookup(self, "kibana_whitelist", null) : null],
      ) : v == null ? [] : try(split(",", v), v)
    ]) : contains(["0.0.0.0/0", "0.0.0.0", "::/0"], trimspace(ip))
  ])
  where   = "security_ips|ip_white|ip_white_list|security_ip_list|ip_whitelists|db_cluster_ip_array|ip_whitelist|db_cluster_access_white_list|network_info|public_whitelist|kibana_whitelist"
  message = "the whitelist contains `0.0.0.0/0`: any address that reaches an endpoint may connect"
  help    = "whitelist only the client subnets (and never `0.0.0.0/0` on an instance with a public endpoint)"
  references = {
    cspm = "redis-public-and-any-ip-access-check"
    docs = "https://www.alibabacloud.com/help/en/redis/user-guide/configure-whitelists"
  }
  equivalents = ["infraguard:polardb-public-and-any-ip-access-check", "infraguard:redis-public-and-any-ip-access-check", "infraguard:elasticsearch-public-and-any-ip-access-check"]
  docs = <<-EOT
    ## Why
    The whitelist is the network access control of these services: `0.0.0.0/0` lets any
    address that reaches an endpoint try to log in, and with a public endpoint that is the
    whole internet. Exposure of data: high. RDS is DB001 and MongoDB DB005.

    Read: PolarDB `security_ips` and `db_cluster_ip_array`, Redis/Tair `security_ips`, HBase
    `ip_white`, Lindorm `ip_white_list`, AnalyticDB `security_ips`, GPDB `security_ip_list`
    and `ip_whitelist`, ClickHouse `db_cluster_access_white_list`, RocketMQ `ip_whitelists`
    and the deprecated `network_info.internet_info.ip_whitelist`, and Elasticsearch
    `public_whitelist` / `kibana_whitelist` while `enable_public` /
    `enable_kibana_public_network` is true (a private whitelist of `0.0.0.0/0` only opens the
    service to its VPC).

    InfraGuard's "public and any IP" rules report an open whitelist only together with a
    public endpoint; acslint reports the open whitelist itself (an endpoint can be added
    later, outside Terraform), and the public endpoint separately (DB006, DB014).

    ## How to fix
    List the client subnets.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class = "redis.master.small.default"
      vswitch_id     = alicloud_vswitch.db.id
      security_ips   = ["0.0.0.0/0"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class = "redis.master.small.default"
      vswitch_id     = alicloud_vswitch.db.id
      security_ips   = ["10.0.1.0/24"]
    }
    ```
  EOT
}

rule "DB013" {
  name     = "database-classic-network"
  severity = "low"
  title    = "Database is created in the classic network, not a VPC"
  resource = [
    "alicloud_db_instance", "alicloud_mongodb_instance", "alicloud_kvstore_instance", "alicloud_hbase_instance",
    "alicloud_lindorm_instance",
  ]
  # Without a vSwitch (or VPC) these services are created in the classic network. PolarDB has
  # no classic network (the service picks a vSwitch when none is given).
  assert = (
    lookup(self, "vswitch_id", null) != null
    || lookup(self, "vpc_id", null) != null
    || upper(coalesce(lookup(self, "network_type", null), "-")) == "VPC"
  )
  where   = "network_type"
  message = "the database has no `vswitch_id`: it is created in the classic network"
  help    = "create it in a VPC: set `vswitch_id` (and `vpc_id` where the resource has it)"
  references = {
    cis  = "3.1 Ensure legacy networks does not exist"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/change-the-network-type-of-an-apsaradb-rds-for-mysql-instance"
  }
  equivalents = [
    "checkov:CKV_ALI_41", "infraguard:rds-instances-in-vpc", "infraguard:mongodb-instance-in-vpc", "infraguard:redis-instance-in-vpc",
    "infraguard:hbase-cluster-in-vpc", "infraguard:lindorm-instance-in-vpc",
  ]
  docs = <<-EOT
    ## Why
    The classic network is shared by all tenants of a region: a whitelist is the only thing
    between the database and every other customer's instances, and security groups, VPC flow
    logs and private routing are unavailable (CIS 3.1, "legacy networks"). Hygiene on the
    network: low.

    A database with `vswitch_id`, `vpc_id` or `network_type = "VPC"` is in a VPC. Checkov's
    CKV_ALI_41 requires `network_type = "VPC"` on MongoDB even when a vSwitch is given; acslint
    accepts either. Lindorm requires a vSwitch, so it is only reported on an incomplete
    configuration; PolarDB clusters are always in a VPC (InfraGuard's
    `polardb-dbcluster-in-vpc` is explained in docs/coverage.md).

    ## How to fix
    Create the instance in a vSwitch of your VPC.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_mongodb_instance" "app" {
      engine_version      = "4.4"
      db_instance_class   = "dds.mongo.mid"
      db_instance_storage = 10
    }
    ```

    Good:
    ```hcl
    resource "alicloud_mongodb_instance" "app" {
      engine_version      = "4.4"
      db_instance_class   = "dds.mongo.mid"
      db_instance_storage = 10
      vswitch_id          = alicloud_vswitch.db.id
      network_type        = "VPC"
    }
    ```
  EOT
}

rule "DB014" {
  name     = "data-service-public-access"
  severity = "medium"
  title    = "Data service exposes an endpoint to the internet"
  resource = [
    "alicloud_kvstore_instance", "alicloud_elasticsearch_instance", "alicloud_click_house_db_cluster",
    "alicloud_alikafka_instance", "alicloud_emr_cluster",
  ]
  each = [
    { facet = "endpoint", what = "has a public endpoint" },
    { facet = "kibana", what = "exposes Kibana to the internet" },
  ]
  facet = each.value.facet
  assert = (
    each.value.facet == "kibana"
    ? tostring(coalesce(lookup(self, "enable_kibana_public_network", null), false)) != "true"
    : !anytrue([
      tostring(coalesce(lookup(self, "enable_public", null), false)) == "true",
      tostring(coalesce(lookup(self, "allocate_public_connection", null), false)) == "true",
      tostring(coalesce(lookup(self, "deploy_type", null), 5)) == "4",
      tostring(coalesce(lookup(self, "is_open_public_ip", null), false)) == "true",
    ])
  )
  where   = "enable_public|allocate_public_connection|deploy_type|is_open_public_ip|enable_kibana_public_network"
  message = "the service ${each.value.what}"
  help    = "turn the public endpoint off and connect from the VPC; if it must stay, restrict its whitelist to known addresses"
  references = {
    cspm = "elasticsearch-instance-enabled-public-check"
    docs = "https://www.alibabacloud.com/help/en/es/user-guide/configure-a-public-or-private-ip-address-whitelist-for-an-elasticsearch-cluster"
  }
  equivalents = [
    "infraguard:elasticsearch-instance-enabled-public-check#endpoint", "infraguard:elasticsearch-instance-enabled-kibana-public-check#kibana",
    "infraguard:kafka-instance-public-access-check#endpoint", "infraguard:emr-cluster-master-public-access-check#endpoint",
    "infraguard:redis-instance-no-public-ip#endpoint",
  ]
  docs = <<-EOT
    ## Why
    A public endpoint puts the data service on the internet, behind only its whitelist and
    credentials. The whitelist decides how bad it is (`0.0.0.0/0` is DB012, high), so the
    endpoint alone is medium. Facets: `endpoint` (the service) and `kibana` (the Kibana
    console of Elasticsearch), so a skip silences one.

    Read: Elasticsearch `enable_public` and `enable_kibana_public_network`, Redis/Tair
    `enable_public` (deprecated; `alicloud_kvstore_connection` is DB006), ClickHouse
    `allocate_public_connection`, Kafka `deploy_type = 4` (internet and VPC; `5` is VPC only),
    and the EMR master node's `is_open_public_ip`. Elasticsearch decides unset values itself;
    acslint reports explicit `true` only.

    ## How to fix
    Reach the service from the VPC, through a bastion or a VPN.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_alikafka_instance" "events" {
      name        = "events"
      deploy_type = 4
      vswitch_id  = alicloud_vswitch.mq.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_alikafka_instance" "events" {
      name        = "events"
      deploy_type = 5
      vswitch_id  = alicloud_vswitch.mq.id
    }
    ```
  EOT
}

rule "DB015" {
  name     = "ots-internet-access"
  severity = "medium"
  title    = "Tablestore (OTS) instance accepts requests from the internet"
  resource = ["alicloud_ots_instance"]
  # network_type_acl defaults to VPC, CLASSIC and INTERNET; the deprecated accessed_by to Any.
  assert = (
    lookup(self, "network_type_acl", null) != null ? !contains(self.network_type_acl, "INTERNET") :
    lookup(self, "accessed_by", null) != null ? self.accessed_by != "Any" :
    false
  )
  where   = "network_type_acl|accessed_by"
  message = "instance `${named(lookup(self, "name", null))}` accepts requests from the internet"
  help    = "set `network_type_acl = [\"VPC\"]` and bind the instance to your VPC"
  fix = {
    safety = "unsafe"
    set    = { network_type_acl = ["VPC"] }
    when   = lookup(self, "accessed_by", null) == null
  }
  references = {
    cspm = "ots-instance-network-not-normal"
    docs = "https://www.alibabacloud.com/help/en/tablestore/user-guide/network-security-management"
  }
  equivalents = ["infraguard:ots-instance-network-not-normal"]
  docs = <<-EOT
    ## Why
    Tablestore instances accept requests from the internet, the classic network and VPCs
    unless `network_type_acl` says otherwise (the default is all three); requests are then
    guarded only by AccessKey signatures. Limiting the instance to VPCs keeps a leaked key
    from being usable from anywhere. Broad network exposure behind authentication: medium.

    The deprecated `accessed_by` is read when `network_type_acl` is not set (`Any` is
    internet access).

    ## How to fix
    Allow VPC access only.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ots_instance" "data" {
      name        = "data"
      description = "data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ots_instance" "data" {
      name             = "data"
      description      = "data"
      network_type_acl = ["VPC"]
    }
    ```
  EOT
}

rule "DB016" {
  name     = "data-service-disk-unencrypted"
  severity = "medium"
  title    = "Data service stores data on unencrypted disks"
  resource = [
    "alicloud_mongodb_instance", "alicloud_gpdb_instance", "alicloud_click_house_db_cluster", "alicloud_adb_db_cluster_lake_version",
    "alicloud_alikafka_instance", "alicloud_rocketmq_instance", "alicloud_elasticsearch_instance", "alicloud_maxcompute_project",
  ]
  assert = anytrue([
    tostring(coalesce(lookup(self, "encrypted", null), false)) == "true",
    startswith(coalesce(lookup(self, "storage_type", null), "-"), "local_"),
    lower(coalesce(lookup(self, "tde_status", null), "-")) == "enabled",
    coalesce(lookup(self, "encryption_type", null), "-") == "CloudDisk",
    tostring(coalesce(lookup(self, "disk_encryption", null), false)) == "true",
    lookup(self, "kms_key_id", null) != null,
    anytrue([for p in lookup(self, "product_info", []) : tostring(coalesce(lookup(p, "storage_encryption", null), false)) == "true"]),
    tostring(coalesce(lookup(self, "data_node_disk_encrypted", null), false)) == "true",
    anytrue([for n in lookup(self, "data_node_configuration", []) : tostring(coalesce(lookup(n, "disk_encryption", null), false)) == "true"]),
    anytrue(flatten([for p in lookup(self, "properties", []) : [for e in lookup(p, "encryption", []) : tostring(coalesce(lookup(e, "enable", null), false)) == "true"]])),
  ])
  where   = "encrypted|encryption_type|disk_encryption|kms_key_id|product_info|data_node_disk_encrypted|data_node_configuration|properties"
  message = "the data is stored unencrypted at rest"
  help    = "enable disk (storage) encryption with a KMS key when the resource is created"
  references = {
    cspm = "gpdb-instance-disk-encryption-enabled"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/encrypt-cloud-disks"
  }
  equivalents = [
    "infraguard:gpdb-instance-disk-encryption-enabled", "infraguard:kafka-instance-disk-encrypted",
    "infraguard:elasticsearch-instance-enabled-data-node-encryption", "infraguard:elasticsearch-instance-enabled-node-config-disk-encryption",
    "infraguard:maxcompute-project-encryption-enabled",
  ]
  docs = <<-EOT
    ## Why
    Without encryption at rest the data files, and the snapshots and backups made from them,
    hold the data as written. Missing encryption: medium. It can only be chosen when the
    resource is created.

    Read: MongoDB `encrypted` (or TDE, `tde_status = "enabled"`; instances on local disks,
    `storage_type = "local_ssd"`, cannot have disk encryption and are not reported), GPDB and ClickHouse
    `encryption_type = "CloudDisk"`, AnalyticDB `disk_encryption`, Kafka `kms_key_id`,
    RocketMQ `product_info.storage_encryption`, Elasticsearch `data_node_configuration.disk_encryption` or
    the deprecated `data_node_disk_encrypted`, and MaxCompute
    `properties.encryption.enable`. RDS is DB008 and DB003; PolarDB, Redis and MongoDB TDE
    are DB017.

    ## How to fix
    Create the resource with encryption on.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_gpdb_instance" "dw" {
      engine         = "gpdb"
      engine_version = "6.0"
      vswitch_id     = alicloud_vswitch.db.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_gpdb_instance" "dw" {
      engine          = "gpdb"
      engine_version  = "6.0"
      vswitch_id      = alicloud_vswitch.db.id
      encryption_type = "CloudDisk"
      encryption_key  = alicloud_kms_key.dw.id
    }
    ```
  EOT
}

rule "DB017" {
  name     = "database-tde-disabled"
  severity = "medium"
  title    = "PolarDB, MongoDB or Tair instance does not use transparent data encryption"
  resource = ["alicloud_polardb_cluster", "alicloud_mongodb_instance", "alicloud_kvstore_instance"]
  # Tair supports TDE only on DRAM-based instances (classes `tair.rdb.*`); Redis Open-Source
  # Edition has none. KVStore is told apart by its `instance_class`/`capacity`.
  assert = (
    lower(coalesce(lookup(self, "tde_status", null), "disabled")) == "enabled"
    || (lookup(self, "instance_class", null) != null && !startswith(lower(coalesce(lookup(self, "instance_class", null), "-")), "tair.rdb"))
    || (lookup(self, "instance_class", null) == null && lookup(self, "capacity", null) != null)
  )
  where   = "tde_status"
  message = "the database stores its data without TDE"
  help    = "set `tde_status = \"Enabled\"` (`\"enabled\"` on MongoDB), with `encryption_key` for a key of yours; TDE cannot be turned off again"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_polardb_cluster  = { set = { tde_status = "Enabled" } }
      alicloud_kvstore_instance = { set = { tde_status = "Enabled" } }
      alicloud_mongodb_instance = { set = { tde_status = "enabled" } }
    }
  }
  references = {
    cspm = "polardb-cluster-enabled-tde"
    docs = "https://www.alibabacloud.com/help/en/polardb/polardb-for-mysql/tde"
  }
  equivalents = ["checkov:CKV_ALI_44", "infraguard:polardb-cluster-enabled-tde", "infraguard:redis-instance-enabled-byok-tde"]
  docs = <<-EOT
    ## Why
    Transparent data encryption encrypts the data files and backups with a KMS key, so a
    copy of the storage or a backup file is useless without the key. Missing encryption:
    medium. MongoDB instances with encrypted cloud disks still lack TDE and are reported (the
    disks are DB016's).

    Tair (Redis Enterprise) instances are judged only on DRAM classes (`tair.rdb.*`), the
    only ones with TDE; Redis Open-Source instances are not reported. MongoDB spells the value
    `enabled`; acslint accepts any case (Checkov's CKV_ALI_44 requires lower case).
    InfraGuard's `redis-instance-enabled-byok-tde` also wants a key of yours: DB018.

    ## How to fix
    Enable TDE (it cannot be disabled again; plan for the key's lifetime).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_polardb_cluster" "app" {
      db_type       = "MySQL"
      db_version    = "8.0"
      db_node_class = "polar.mysql.x4.large"
      vswitch_id    = alicloud_vswitch.db.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_polardb_cluster" "app" {
      db_type        = "MySQL"
      db_version     = "8.0"
      db_node_class  = "polar.mysql.x4.large"
      vswitch_id     = alicloud_vswitch.db.id
      tde_status     = "Enabled"
      encryption_key = alicloud_kms_key.polardb.id
    }
    ```
  EOT
}

rule "DB018" {
  name     = "database-tde-without-customer-key"
  severity = "low"
  title    = "TDE uses the service key instead of a KMS key of yours"
  resource = ["alicloud_db_instance", "alicloud_polardb_cluster", "alicloud_mongodb_instance", "alicloud_kvstore_instance"]
  # RDS names the TDE key `tde_encryption_key` (its `encryption_key` is the disk key); the
  # others name it `encryption_key`. Only RDS has `engine`.
  assert = (
    lower(coalesce(lookup(self, "tde_status", null), "disabled")) != "enabled"
    || (lookup(self, "engine", null) != null ? lookup(self, "tde_encryption_key", null) : lookup(self, "encryption_key", null)) != null
  )
  where   = "tde_status"
  message = "TDE is on, but with a key the service manages"
  help    = "set the key of yours (`tde_encryption_key` on RDS, `encryption_key` on the others) when turning TDE on"
  references = {
    cis  = "6.6 Ensure RDS instance TDE protector is encrypted with BYOK (Use your own key)"
    cspm = "mongodb-instance-encryption-byok-check"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-tde-for-an-apsaradb-rds-for-mysql-instance"
  }
  equivalents = ["infraguard:mongodb-instance-encryption-byok-check", "infraguard:redis-instance-enabled-byok-tde"]
  docs = <<-EOT
    ## Why
    With the service-managed key you cannot restrict or audit the use of the key, or revoke
    it in an incident; with your KMS key (BYOK, CIS 6.6) you can. Hygiene on top of
    encryption: low. Instances without TDE are DB003 (RDS) or DB017.

    ## How to fix
    Give TDE your KMS key when enabling it (it cannot be changed afterwards).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_mongodb_instance" "app" {
      engine_version      = "4.4"
      db_instance_class   = "dds.mongo.mid"
      db_instance_storage = 10
      vswitch_id          = alicloud_vswitch.db.id
      tde_status          = "enabled"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "mongodb" {
      description         = "MongoDB disks"
      automatic_rotation  = "Enabled"
      rotation_interval   = "365d"
      deletion_protection = "Enabled"
    }

    resource "alicloud_mongodb_instance" "app" {
      engine_version      = "4.4"
      db_instance_class   = "dds.mongo.mid"
      db_instance_storage = 10
      vswitch_id          = alicloud_vswitch.db.id
      tde_status          = "enabled"
      encryption_key      = alicloud_kms_key.mongodb.id
    }
    ```
  EOT
}

rule "DB019" {
  name     = "database-ssl-disabled"
  severity = "medium"
  title    = "Database does not enable SSL/TLS for client connections"
  resource = [
    "alicloud_mongodb_instance", "alicloud_kvstore_instance", "alicloud_gpdb_instance", "alicloud_adb_db_cluster_lake_version",
    "alicloud_polardb_endpoint",
  ]
  assert = anytrue([
    contains(["Open", "Update"], coalesce(lookup(self, "ssl_action", null), "-")),
    contains(["Enable", "Update"], coalesce(lookup(self, "ssl_enable", null), "-")),
    contains(["1", "Enable", "Update"], tostring(coalesce(lookup(self, "ssl_enabled", null), "-"))),
    tostring(coalesce(lookup(self, "enable_ssl", null), false)) == "true",
    lower(coalesce(lookup(self, "instance_type", null), "redis")) == "memcache",
  ])
  where   = "ssl_action|ssl_enable|ssl_enabled|enable_ssl"
  message = "connections to the database are not encrypted"
  help    = "enable SSL (`ssl_action = \"Open\"` on MongoDB, `ssl_enable = \"Enable\"` on Redis, `ssl_enabled = 1` on GPDB, `enable_ssl = true` on AnalyticDB, `ssl_enabled = \"Enable\"` on a PolarDB endpoint) and make clients verify the certificate"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_mongodb_instance            = { set = { ssl_action = "Open" } }
      alicloud_kvstore_instance            = { set = { ssl_enable = "Enable" } }
      alicloud_gpdb_instance               = { set = { ssl_enabled = 1 } }
      alicloud_adb_db_cluster_lake_version = { set = { enable_ssl = true } }
      alicloud_polardb_endpoint            = { set = { ssl_enabled = "Enable" } }
    }
  }
  references = {
    cspm = "mongodb-instance-enabled-ssl"
    docs = "https://www.alibabacloud.com/help/en/mongodb/user-guide/configure-ssl-encryption-for-an-instance"
  }
  equivalents = ["checkov:CKV_ALI_42", "infraguard:mongodb-instance-enabled-ssl", "infraguard:redis-instance-enabled-ssl", "infraguard:polardb-cluster-enabled-ssl"]
  docs = <<-EOT
    ## Why
    Without TLS, credentials and data cross the network in clear text, readable by anything
    on the path. Missing TLS: medium. SSL is off by default on all of these.

    Read: MongoDB `ssl_action` (`Open`/`Update`), Redis/Tair `ssl_enable`
    (`Enable`/`Update`), GPDB `ssl_enabled = 1`, AnalyticDB `enable_ssl`, and the
    `ssl_enabled` of an `alicloud_polardb_endpoint` (PolarDB configures SSL per endpoint; the
    cluster resource has no SSL setting). Memcache instances (`instance_type = "Memcache"`)
    have no SSL and are not reported. RDS is DB002.

    ## How to fix
    Turn SSL on and require it in the clients.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class = "redis.master.small.default"
      vswitch_id     = alicloud_vswitch.db.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class = "redis.master.small.default"
      vswitch_id     = alicloud_vswitch.db.id
      ssl_enable     = "Enable"
    }
    ```
  EOT
}

rule "DB020" {
  name     = "data-service-password-free-access"
  severity = "high"
  title    = "Redis or RocketMQ accepts unauthenticated access from the VPC"
  resource = ["alicloud_kvstore_instance", "alicloud_rocketmq_instance"]
  assert = (
    coalesce(lookup(self, "vpc_auth_mode", null), "Open") != "Close"
    && !anytrue([for a in lookup(self, "acl_info", []) : tostring(coalesce(lookup(a, "default_vpc_auth_free", null), false)) == "true"])
  )
  where   = "vpc_auth_mode|acl_info.default_vpc_auth_free"
  message = "clients in the VPC can read and write data without any password"
  help    = "set `vpc_auth_mode = \"Open\"` (Redis) or `default_vpc_auth_free = false` (RocketMQ) and give each client its own account"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_kvstore_instance  = { set = { vpc_auth_mode = "Open" } }
      alicloud_rocketmq_instance = { block = "acl_info", set = { default_vpc_auth_free = false } }
    }
  }
  references = {
    cspm = "redis-instance-open-auth-mode"
    docs = "https://www.alibabacloud.com/help/en/redis/user-guide/enable-password-free-access"
  }
  equivalents = ["infraguard:redis-instance-open-auth-mode"]
  docs = <<-EOT
    ## Why
    Password-free access (`vpc_auth_mode = "Close"` on Redis, `acl_info.default_vpc_auth_free = true`
    on RocketMQ 5) lets anything that reaches the instance from the VPC read, change and
    delete all data with no credential: a compromised container or VM anywhere in the VPC
    owns the data, with no audit of who did it. Unauthenticated access to data: high.

    ## How to fix
    Keep authentication on (the default).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class = "redis.master.small.default"
      vswitch_id     = alicloud_vswitch.db.id
      vpc_auth_mode  = "Close"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class = "redis.master.small.default"
      vswitch_id     = alicloud_vswitch.db.id
      vpc_auth_mode  = "Open"
    }
    ```
  EOT
}

rule "DB021" {
  name     = "database-audit-log-disabled"
  severity = "low"
  title    = "PolarDB or MongoDB does not record an audit log"
  resource = ["alicloud_polardb_cluster", "alicloud_mongodb_instance"]
  # PolarDB: SQL collector on the cluster; MongoDB: an alicloud_mongodb_audit_policy.
  assert = (
    coalesce(lookup(self, "collector_status", null), "Disabled") == "Enable"
    || anytrue([for a in attached("alicloud_mongodb_audit_policy", "db_instance_id") : lower(coalesce(lookup(a, "audit_status", null), "-")) == "enable"])
  )
  where   = "collector_status"
  message = "the database keeps no audit log of the statements run against it"
  help    = "PolarDB: set `collector_status = \"Enable\"`; MongoDB: add an `alicloud_mongodb_audit_policy` with `audit_status = \"enable\"`"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_polardb_cluster = { set = { collector_status = "Enable" } }
    }
  }
  references = {
    cspm = "mongodb-instance-log-audit"
    docs = "https://www.alibabacloud.com/help/en/mongodb/user-guide/enable-the-audit-log-feature"
  }
  equivalents = ["infraguard:mongodb-instance-log-audit"]
  docs = <<-EOT
    ## Why
    The audit log (SQL Explorer on PolarDB, the audit log of MongoDB) is the record of who
    ran which statement; without it, a data theft through valid credentials cannot be traced.
    Missing logging: low. RDS is DB004.

    ## How to fix
    Turn the audit log on.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_polardb_cluster" "app" {
      db_type       = "MySQL"
      db_version    = "8.0"
      db_node_class = "polar.mysql.x4.large"
      vswitch_id    = alicloud_vswitch.db.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_polardb_cluster" "app" {
      db_type          = "MySQL"
      db_version       = "8.0"
      db_node_class    = "polar.mysql.x4.large"
      vswitch_id       = alicloud_vswitch.db.id
      collector_status = "Enable"
    }
    ```
  EOT
}

rule "DB022" {
  name     = "database-release-protection-off"
  severity = "low"
  enabled  = false
  title    = "Database can be released without deletion protection"
  resource = [
    "alicloud_db_instance", "alicloud_polardb_cluster", "alicloud_mongodb_instance", "alicloud_kvstore_instance",
    "alicloud_hbase_instance", "alicloud_lindorm_instance",
  ]
  # RDS deletion protection exists only for pay-as-you-go and serverless instances. HBase
  # documents no default, so an unset value there is undecided.
  assert = (
    anytrue([for a in ["deletion_protection", "deletion_lock", "db_instance_release_protection", "instance_release_protection", "deletion_proection"] : contains(["true", "1"], lower(tostring(coalesce(lookup(self, a, null), "false"))))])
    || lower(coalesce(lookup(self, "instance_charge_type", null), "postpaid")) == "prepaid"
    || (lookup(self, "master_instance_type", null) != null && lookup(self, "deletion_protection", null) == null ? unknown("HBase does not document the default of `deletion_protection`") : false)
  )
  where   = "deletion_protection|deletion_lock|db_instance_release_protection|instance_release_protection|deletion_proection"
  message = "the database can be deleted by one API call: its deletion (release) protection is off"
  help    = "turn on deletion protection: `deletion_protection = true` (RDS, HBase), `deletion_lock = 1` (PolarDB), `db_instance_release_protection = true` (MongoDB), `instance_release_protection = true` (Redis), `deletion_proection = true` (Lindorm, sic)"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_db_instance      = { set = { deletion_protection = true } }
      alicloud_hbase_instance   = { set = { deletion_protection = true } }
      alicloud_polardb_cluster  = { set = { deletion_lock = 1 } }
      alicloud_mongodb_instance = { set = { db_instance_release_protection = true } }
      alicloud_kvstore_instance = { set = { instance_release_protection = true } }
      alicloud_lindorm_instance = { set = { deletion_proection = true } }
    }
  }
  references = {
    cspm = "rds-instacne-delete-protection-enabled"
    docs = "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/enable-or-disable-the-release-protection-feature"
  }
  equivalents = [
    "infraguard:rds-instacne-delete-protection-enabled", "infraguard:polardb-cluster-delete-protection-enabled",
    "infraguard:mongodb-instance-release-protection", "infraguard:redis-instance-release-protection", "infraguard:hbase-cluster-deletion-protection",
  ]
  docs = <<-EOT
    ## Why
    Deletion protection makes a release fail until someone turns it off on purpose: a
    mistaken `terraform destroy`, a wrong console click or a compromised operator key cannot
    drop the database in one call. Hygiene: low, off by default (select `DB022`) like the
    other deletion-protection rules.

    Read: RDS and HBase `deletion_protection`, PolarDB `deletion_lock`, MongoDB
    `db_instance_release_protection`, Redis/Tair `instance_release_protection` and Lindorm
    `deletion_proection` (the provider's spelling). Subscription RDS instances, which cannot
    have it, are not reported.

    ## How to fix
    Turn protection on for production databases.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_polardb_cluster" "app" {
      db_type       = "MySQL"
      db_version    = "8.0"
      db_node_class = "polar.mysql.x4.large"
      vswitch_id    = alicloud_vswitch.db.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_polardb_cluster" "app" {
      db_type       = "MySQL"
      db_version    = "8.0"
      db_node_class = "polar.mysql.x4.large"
      vswitch_id    = alicloud_vswitch.db.id
      deletion_lock = 1
    }
    ```
  EOT
}

rule "DB023" {
  name     = "redis-log-backup-disabled"
  severity = "low"
  title    = "Redis/Tair instance keeps no incremental (log) backup"
  resource = ["alicloud_kvstore_instance"]
  # enable_backup_log defaults to 0. Memcache has no incremental backup.
  assert  = tostring(coalesce(lookup(self, "enable_backup_log", null), 0)) == "1" || lower(coalesce(lookup(self, "instance_type", null), "redis")) == "memcache"
  where   = "enable_backup_log"
  message = "the instance can only be restored to its last full backup"
  help    = "set `enable_backup_log = 1`"
  fix = { safety = "safe", set = { enable_backup_log = 1 } }
  references = {
    cspm = "redis-instance-backup-log-enabled"
    docs = "https://www.alibabacloud.com/help/en/redis/user-guide/enable-data-flashback"
  }
  equivalents = ["infraguard:redis-instance-backup-log-enabled"]
  docs = <<-EOT
    ## Why
    Incremental (log) backups let you restore the instance to a point in time, for example
    to just before a `FLUSHALL` by an attacker or a faulty deployment. The default is off.
    Recovery hygiene: low. Memcache instances have no such backup and are not reported.

    ## How to fix
    Turn on incremental backup.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class = "redis.master.small.default"
      vswitch_id     = alicloud_vswitch.db.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kvstore_instance" "cache" {
      instance_class    = "redis.master.small.default"
      vswitch_id        = alicloud_vswitch.db.id
      enable_backup_log = 1
    }
    ```
  EOT
}

rule "DB024" {
  name     = "maxcompute-project-ip-whitelist-missing"
  severity = "medium"
  title    = "MaxCompute project accepts requests from any address"
  resource = ["alicloud_maxcompute_project"]
  # ip_list applies to the classic network and the internet, vpc_ip_list to VPCs.
  assert = anytrue([
    for w in lookup(self, "ip_white_list", []) :
    anytrue([
      for l in [lookup(w, "ip_list", null), lookup(w, "vpc_ip_list", null)] :
      l != null && trimspace(coalesce(l, "")) != "" && !anytrue([for ip in split(",", coalesce(l, "")) : contains(["0.0.0.0/0", "0.0.0.0"], trimspace(ip))])
    ])
  ])
  where   = "ip_white_list"
  message = "project `${named(lookup(self, "project_name", null))}` has no IP whitelist (or one that allows every address)"
  help    = "add `ip_white_list { ip_list = \"…\" vpc_ip_list = \"…\" }` with the addresses of your clients"
  references = {
    cspm = "maxcompute-project-ip-whitelist-enabled"
    docs = "https://www.alibabacloud.com/help/en/maxcompute/user-guide/manage-ip-address-whitelists"
  }
  equivalents = ["infraguard:maxcompute-project-ip-whitelist-enabled"]
  docs = <<-EOT
    ## Why
    Without an IP whitelist a MaxCompute project answers requests from any address, guarded
    only by AccessKeys; a leaked key can export the project's tables from anywhere. Broad
    network exposure behind authentication: medium. A whitelist of `0.0.0.0/0` is no
    whitelist.

    ## How to fix
    Whitelist the networks of your clients.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_maxcompute_project" "dw" {
      project_name = "dw"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_maxcompute_project" "dw" {
      project_name = "dw"
      ip_white_list {
        ip_list     = "203.0.113.0/24"
        vpc_ip_list = "10.0.0.0/8"
      }
    }
    ```
  EOT
}
