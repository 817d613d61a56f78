# OSS buckets. Each rule also follows the split resources (alicloud_oss_bucket_acl,
# _versioning, _server_side_encryption, _logging) linked to the bucket, which the peer
# tools ignore and so report false positives on modern configurations.

rule "OSS001" {
  name     = "oss-bucket-public-acl"
  severity = "high"
  title    = "OSS bucket is readable or writable by anyone"
  resource = ["alicloud_oss_bucket"]
  assert = alltrue(concat(
    [!contains(["public-read", "public-read-write"], coalesce(self.acl, "private"))],
    [for a in attached("alicloud_oss_bucket_acl", "bucket") : !contains(["public-read", "public-read-write"], a.acl)],
  ))
  where   = "acl"
  message = "bucket `${named(self.bucket)}` grants public access through its ACL"
  help    = "set the ACL to `private` and share objects with signed URLs or a bucket policy scoped to known principals; add an `alicloud_oss_bucket_public_access_block`"
  references = {
    cis  = "5.1 Ensure that OSS bucket is not anonymously or publicly accessible"
    cspm = "OSS bucket ACL is public read/write"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/bucket-acl"
  }
  equivalents = ["checkov:CKV_ALI_1", "kics:oss_bucket_public_access_enabled", "infraguard:oss-bucket-public-read-prohibited", "infraguard:oss-bucket-public-write-prohibited"]
  docs = <<-EOT
    ## Why
    A `public-read` ACL lets anyone on the internet list and download every object; with
    `public-read-write` anyone can also upload, overwrite and delete them. Public buckets are
    the most common source of data leaks on object storage.

    acslint checks the bucket's inline `acl` and every `alicloud_oss_bucket_acl` that refers
    to the bucket (the inline attribute is deprecated since provider 1.220.0).

    ## How to fix
    Use `private` (the default) and grant access to specific principals with a bucket policy,
    or hand out pre-signed URLs.

    ## Example
    ```hcl
    resource "alicloud_oss_bucket" "assets" {
      bucket = "example-assets"
    }
    resource "alicloud_oss_bucket_acl" "assets" {
      bucket = alicloud_oss_bucket.assets.bucket
      acl    = "private"
    }
    ```
  EOT
}

rule "OSS002" {
  name     = "oss-bucket-unencrypted"
  severity = "medium"
  title    = "OSS bucket has no default server-side encryption"
  resource = ["alicloud_oss_bucket"]
  assert = anytrue(concat(
    [try(contains(["KMS", "AES256", "SM4"], self.server_side_encryption_rule[0].sse_algorithm), false)],
    [for e in attached("alicloud_oss_bucket_server_side_encryption", "bucket") : contains(["KMS", "AES256", "SM4"], e.sse_algorithm)],
  ))
  where   = "server_side_encryption_rule"
  message = "bucket `${named(self.bucket)}` stores objects without default encryption"
  help    = "add `server_side_encryption_rule { sse_algorithm = \"KMS\" }` or an `alicloud_oss_bucket_server_side_encryption` resource"
  references = {
    cis  = "5.3 Ensure server-side encryption is enabled for OSS buckets"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/server-side-encryption-8"
  }
  equivalents = ["infraguard:oss-bucket-server-side-encryption-enabled", "kics:oss_bucket_cmk_encryption_disabled"]
  docs = <<-EOT
    ## Why
    Without default server-side encryption, objects are stored as written. Encryption at rest
    with OSS-managed keys or KMS protects the data on the storage media and, with KMS, puts
    access to it under key policies and audit.

    ## How to fix
    Declare a default encryption rule on the bucket, inline or with the split resource.

    ## Example
    ```hcl
    resource "alicloud_oss_bucket_server_side_encryption" "logs" {
      bucket        = alicloud_oss_bucket.logs.bucket
      sse_algorithm = "KMS"
    }
    ```
  EOT
}

rule "OSS003" {
  name     = "oss-bucket-versioning-disabled"
  severity = "medium"
  title    = "OSS bucket keeps no object versions"
  resource = ["alicloud_oss_bucket"]
  assert = anytrue(concat(
    [try(self.versioning[0].status == "Enabled", false)],
    [for v in attached("alicloud_oss_bucket_versioning", "bucket") : v.status == "Enabled"],
  ))
  where   = "versioning"
  message = "bucket `${named(self.bucket)}` keeps no object versions"
  help    = "add `versioning { status = \"Enabled\" }` or an `alicloud_oss_bucket_versioning` resource"
  references = {
    cis  = "5.x Ensure versioning is enabled for OSS buckets holding logs and backups"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/versioning"
  }
  equivalents = ["checkov:CKV_ALI_10", "kics:oss_bucket_versioning_disabled", "infraguard:oss-bucket-versioning-enabled"]
  docs = <<-EOT
    ## Why
    Without versioning, an overwrite or a delete — by mistake, by ransomware, or by an attacker
    covering their tracks in an audit-log bucket — destroys the data for good.

    ## How to fix
    Enable versioning on the bucket (inline `versioning` block, or the split
    `alicloud_oss_bucket_versioning` resource), and add a lifecycle rule to expire old versions.

    ## Example
    ```hcl
    resource "alicloud_oss_bucket" "trail" {
      bucket = "example-actiontrail"
      versioning {
        status = "Enabled"
      }
    }
    ```
  EOT
}

rule "OSS004" {
  name     = "oss-bucket-access-logging-disabled"
  severity = "low"
  title    = "OSS bucket does not log access"
  resource = ["alicloud_oss_bucket"]
  # A bucket that receives other buckets' access logs need not log its own access.
  assert = anytrue(concat(
    [try(length(self.logging) > 0, false)],
    [for l in attached("alicloud_oss_bucket_logging", "bucket") : l != null],
    [for b in attached("alicloud_oss_bucket", "logging.target_bucket") : b != null],
    [for l in attached("alicloud_oss_bucket_logging", "target_bucket") : l != null],
  ))
  where   = "logging"
  message = "bucket `${named(self.bucket)}` does not log access requests"
  help    = "add a `logging { target_bucket = … }` block or an `alicloud_oss_bucket_logging` resource"
  references = {
    cis  = "5.2 Ensure that logging is enabled for OSS buckets"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/logging"
  }
  equivalents = ["checkov:CKV_ALI_12", "kics:oss_bucket_logging_disabled", "infraguard:oss-bucket-logging-enabled"]
  docs = <<-EOT
    ## Why
    Access logs are the only record of who read or changed which object; without them a leak
    cannot be scoped.

    ## How to fix
    Send access logs to a separate, private bucket. The bucket that receives access logs is
    not itself required to log.

    ## Example
    ```hcl
    resource "alicloud_oss_bucket_logging" "data" {
      bucket        = alicloud_oss_bucket.data.bucket
      target_bucket = alicloud_oss_bucket.access_logs.bucket
      target_prefix = "data/"
    }
    ```
  EOT
}
