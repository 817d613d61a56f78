resource "alicloud_resource_manager_resource_directory" "this" {
}

resource "alicloud_kms_key" "audit" {
  description         = "audit logs"
  automatic_rotation  = "Enabled"
  deletion_protection = "Enabled"
}

resource "alicloud_oss_bucket" "audit" {
  bucket          = "acme-audit-logs"
  redundancy_type = "ZRS"
  versioning {
    status = "Enabled"
  }
  server_side_encryption_rule {
    sse_algorithm     = "KMS"
    kms_master_key_id = alicloud_kms_key.audit.id
  }
}

resource "alicloud_oss_bucket_logging" "audit" {
  bucket        = alicloud_oss_bucket.audit.bucket
  target_bucket = alicloud_oss_bucket.access_logs.bucket
  target_prefix = "audit/"
}

# Receives the access logs of the other buckets.
resource "alicloud_oss_bucket" "access_logs" {
  bucket          = "acme-access-logs"
  redundancy_type = "ZRS"
  versioning {
    status = "Enabled"
  }
  server_side_encryption_rule {
    sse_algorithm     = "KMS"
    kms_master_key_id = alicloud_kms_key.audit.id
  }
}

resource "alicloud_oss_bucket_acl" "audit" {
  bucket = alicloud_oss_bucket.audit.bucket
  acl    = "private"
}

resource "alicloud_log_project" "audit" {
  project_name = "acme-audit"
}

resource "alicloud_log_store" "trail" {
  project          = alicloud_log_project.audit.project_name
  name             = "actiontrail_org"
  retention_period = 3650
  encrypt_conf {
    enable       = true
    encrypt_type = "default"
    user_cmk_info {
      cmk_key_id = alicloud_kms_key.audit.id
      arn        = "acs:ram::190000000000002:role/aliyunlogdefaultrole"
      region_id  = "cn-hangzhou"
    }
  }
}

resource "alicloud_actiontrail_trail" "org" {
  trail_name            = "org"
  trail_region          = "All"
  event_rw              = "All"
  is_organization_trail = true
  oss_bucket_name       = alicloud_oss_bucket.audit.bucket
  sls_project_arn       = "acs:log:cn-hangzhou:190000000000002:project/${alicloud_log_project.audit.project_name}"
  sls_write_role_arn    = "acs:ram::190000000000002:role/aliyunactiontraildefaultrole"
}

resource "alicloud_log_alert" "root_activity" {
  project_name      = alicloud_log_project.audit.project_name
  alert_name        = "root-activity"
  alert_displayname = "Root account activity"
  condition         = "c > 0"
  dashboard         = "audit"
  schedule {
    type     = "FixedRate"
    interval = "5m"
  }
  query_list {
    store = alicloud_log_store.trail.name
    start = "-5m"
    end   = "now"
    query = "event.userIdentity.type: root-account or event.eventName: CreateAccessKey | select count(1) as c"
  }
  notification_list {
    type       = "Email"
    email_list = ["security@example.com"]
    content    = "root account or AccessKey activity"
  }
}

resource "alicloud_log_audit" "this" {
  display_name = "account-audit"
  aliuid       = "190000000000002"
  variable_map = {
    actiontrail_enabled        = "true"
    actiontrail_ttl            = "365"
    rds_enabled                = "true"
    oss_access_enabled         = "true"
    vpc_flow_enabled           = "true"
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
  }
}

# No bucket of the account can be made public.
resource "alicloud_oss_account_public_access_block" "this" {
  block_public_access = true
}

resource "alicloud_oss_bucket_https_config" "audit" {
  for_each     = { audit = alicloud_oss_bucket.audit.bucket, access_logs = alicloud_oss_bucket.access_logs.bucket }
  bucket       = each.value
  enable       = true
  tls_versions = ["TLSv1.2", "TLSv1.3"]
}

# A copy in another region, and backups an operator of this account cannot delete.
resource "alicloud_oss_bucket_replication" "audit" {
  for_each = { audit = alicloud_oss_bucket.audit.bucket, access_logs = alicloud_oss_bucket.access_logs.bucket }
  bucket   = each.value
  action   = "PUT"
  destination {
    bucket   = "${each.value}-dr"
    location = "oss-cn-shanghai"
  }
}

resource "alicloud_hbr_vault" "audit" {
  vault_name = "acme-audit"
}

resource "alicloud_hbr_oss_backup_plan" "audit" {
  for_each             = { audit = alicloud_oss_bucket.audit.bucket, access_logs = alicloud_oss_bucket.access_logs.bucket }
  bucket               = each.value
  vault_id             = alicloud_hbr_vault.audit.id
  oss_backup_plan_name = "acme-${each.key}"
  backup_type          = "COMPLETE"
  schedule             = "I|1602673264|P1D"
  retention            = "365"
}
