resource "alicloud_resource_manager_resource_directory" "this" {
}

# Set up once for a test and never finished.
resource "alicloud_actiontrail_trail" "test" {
  trail_name   = "test"
  trail_region = "cn-hangzhou"
  event_rw     = "Write"
  status       = "Disable"
}

resource "alicloud_oss_bucket" "audit" {
  bucket = "acme-audit-logs"
  acl    = "public-read"
}

resource "alicloud_log_project" "audit" {
  project_name = "acme-audit"
}

resource "alicloud_log_store" "trail" {
  project          = alicloud_log_project.audit.project_name
  name             = "actiontrail_account"
  retention_period = 30
}

resource "alicloud_actiontrail_trail" "account" {
  trail_name         = "account"
  oss_bucket_name    = alicloud_oss_bucket.audit.bucket
  sls_project_arn    = "acs:log:cn-hangzhou:190000000000002:project/${alicloud_log_project.audit.project_name}"
  sls_write_role_arn = "acs:ram::190000000000002:role/aliyunactiontraildefaultrole"
}

resource "alicloud_log_audit" "this" {
  display_name = "account-audit"
  aliuid       = "190000000000002"
  variable_map = {
    actiontrail_enabled = "true"
    rds_enabled         = "false"
  }
}
