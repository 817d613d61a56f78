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
  fix = {
    safety = "unsafe"
    set    = { acl = "private" }
    when   = length(attached("alicloud_oss_bucket_acl", "bucket")) == 0
    types = {
      alicloud_oss_bucket_acl = { set = { acl = "private" } }
    }
  }
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
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "example-site"
      acl    = "public-read"
    }
    ```

    Good:
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
  fix = {
    safety = "unsafe"
    block  = "server_side_encryption_rule"
    set    = { sse_algorithm = "KMS" }
    when   = length(attached("alicloud_oss_bucket_server_side_encryption", "bucket")) == 0
    types = {
      alicloud_oss_bucket_server_side_encryption = { set = { sse_algorithm = "KMS" } }
    }
  }
  references = {
    cis  = "5.8 Ensure server-side encryption is set to 'Encrypt with Service Key'"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/server-side-encryption-8"
  }
  equivalents = ["infraguard:oss-bucket-server-side-encryption-enabled"]
  docs = <<-EOT
    ## Why
    Without default server-side encryption, objects are stored as written. Encryption at rest
    with OSS-managed keys or KMS protects the data on the storage media and, with KMS, puts
    access to it under key policies and audit.

    ## How to fix
    Declare a default encryption rule on the bucket, inline or with the split resource.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }

    resource "alicloud_oss_bucket_server_side_encryption" "data" {
      bucket        = alicloud_oss_bucket.data.bucket
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
  fix = {
    safety = "unsafe"
    block  = "versioning"
    set    = { status = "Enabled" }
    when   = length(attached("alicloud_oss_bucket_versioning", "bucket")) == 0
    types = {
      alicloud_oss_bucket_versioning = { set = { status = "Enabled" } }
    }
  }
  references = {
    cspm = "oss-bucket-versioning-enabled"
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
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "trail" {
      bucket = "example-trail"
    }

    resource "alicloud_oss_bucket" "suspended" {
      bucket = "example-suspended"
      versioning {
        status = "Suspended"
      }
    }
    ```

    Good:
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
    cis  = "5.3 Ensure that logging is enabled for OSS buckets"
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
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }

    # The bucket that receives the logs does not log itself.
    resource "alicloud_oss_bucket" "access_logs" {
      bucket = "example-access-logs"
    }

    resource "alicloud_oss_bucket_logging" "data" {
      bucket        = alicloud_oss_bucket.data.bucket
      target_bucket = alicloud_oss_bucket.access_logs.bucket
      target_prefix = "data/"
    }
    ```
  EOT
}

rule "OSS005" {
  name     = "oss-bucket-without-customer-key"
  severity = "low"
  title    = "OSS bucket is encrypted with the OSS-managed key instead of a KMS key of yours"
  resource = ["alicloud_oss_bucket"]
  # Unencrypted buckets are OSS002's finding; this one judges the key of an encrypted bucket.
  assert = alltrue(concat(
    [for r in lookup(self, "server_side_encryption_rule", []) : lookup(r, "sse_algorithm", null) == "KMS" && lookup(r, "kms_master_key_id", null) != null],
    [for e in attached("alicloud_oss_bucket_server_side_encryption", "bucket") : lookup(e, "sse_algorithm", null) == "KMS" && lookup(e, "kms_master_key_id", null) != null],
  ))
  where   = "server_side_encryption_rule"
  message = "bucket `${named(lookup(self, "bucket", null))}` is encrypted without a KMS key of yours (`kms_master_key_id`)"
  help    = "use `sse_algorithm = \"KMS\"` with `kms_master_key_id` set to your key"
  references = {
    cis  = "5.9 Ensure server-side encryption is set to 'Encrypt with BYOK'"
    cspm = "oss-encryption-byok-check"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/server-side-encryption-8"
  }
  equivalents = ["checkov:CKV_ALI_6", "kics:oss_bucket_cmk_encryption_disabled", "infraguard:oss-default-encryption-kms", "infraguard:oss-encryption-byok-check"]
  docs = <<-EOT
    ## Why
    With `AES256` (or `KMS` without a key ID) objects are encrypted with keys the service
    manages: you cannot restrict their use with a key policy, disable them in an incident, or
    see their use in the KMS audit trail. A KMS key of yours (CIS 5.9, "BYOK") gives you those
    controls. Hygiene on top of encryption: low.

    acslint reads the inline `server_side_encryption_rule` and every
    `alicloud_oss_bucket_server_side_encryption` of the bucket (the peers read only the inline
    block). A bucket without any default encryption is OSS002's finding, not this one's
    (Checkov and KICS report it under this check too).

    ## How to fix
    Encrypt with `KMS` and your key.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_server_side_encryption" "data" {
      bucket        = alicloud_oss_bucket.data.bucket
      sse_algorithm = "AES256"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "oss" {
      description         = "OSS acme-data"
      automatic_rotation  = "Enabled"
      rotation_interval   = "365d"
      deletion_protection = "Enabled"
    }

    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_server_side_encryption" "data" {
      bucket            = alicloud_oss_bucket.data.bucket
      sse_algorithm     = "KMS"
      kms_master_key_id = alicloud_kms_key.oss.id
    }
    ```
  EOT
}

rule "OSS006" {
  name     = "oss-bucket-referer-allows-empty"
  severity = "low"
  title    = "OSS hotlink protection lets requests without a Referer through"
  resource = ["alicloud_oss_bucket"]
  assert = alltrue(concat(
    [for r in lookup(self, "referer_config", []) : coalesce(lookup(r, "allow_empty", null), true) == false],
    [for r in attached("alicloud_oss_bucket_referer", "bucket") : coalesce(lookup(r, "allow_empty_referer", null), true) == false],
  ))
  where   = "referer_config"
  message = "bucket `${named(lookup(self, "bucket", null))}` has a Referer whitelist that any request without a Referer header bypasses"
  help    = "set `allow_empty_referer = false` (`allow_empty = false` in the deprecated inline `referer_config`)"
  fix = {
    safety = "unsafe"
    block  = "referer_config"
    set    = { allow_empty = false }
    types = {
      alicloud_oss_bucket_referer = { set = { allow_empty_referer = false } }
    }
  }
  references = {
    cspm = "oss-bucket-referer-limit"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/hotlink-protection"
  }
  equivalents = ["infraguard:oss-bucket-referer-limit"]
  docs = <<-EOT
    ## Why
    Hotlink protection checks the `Referer` header of anonymous requests against a whitelist.
    If empty Referers are allowed, a client that simply sends none (curl, a download manager, a
    page with `referrerpolicy="no-referrer"`) gets through, so the whitelist protects nothing.
    Hygiene: low (the Referer is client-supplied; use signed URLs for real access control).

    acslint reads the inline `referer_config` (deprecated since provider 1.220.0) and
    `alicloud_oss_bucket_referer`. A bucket without any Referer configuration is not reported:
    hotlink protection only matters for buckets that serve public objects, which OSS001
    reports.

    ## How to fix
    Refuse empty Referers.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "acme-site"
    }

    resource "alicloud_oss_bucket_referer" "site" {
      bucket              = alicloud_oss_bucket.site.bucket
      allow_empty_referer = true
      referer_list        = ["https://www.example.com"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "acme-site"
    }

    resource "alicloud_oss_bucket_referer" "site" {
      bucket              = alicloud_oss_bucket.site.bucket
      allow_empty_referer = false
      referer_list        = ["https://www.example.com"]
    }
    ```
  EOT
}

rule "OSS007" {
  name     = "oss-bucket-old-tls-allowed"
  severity = "low"
  enabled  = false
  title    = "OSS bucket accepts TLS 1.0 and 1.1"
  resource = ["alicloud_oss_bucket"]
  # Without an https_config OSS accepts every TLS version it supports, 1.0 included.
  assert = anytrue([
    for h in attached("alicloud_oss_bucket_https_config", "bucket") :
    coalesce(lookup(h, "enable", null), false) == true
    && length(lookup(h, "tls_versions", [])) > 0
    && alltrue([for v in lookup(h, "tls_versions", []) : contains(["TLSv1.2", "TLSv1.3"], v)])
  ])
  message = "bucket `${named(lookup(self, "bucket", null))}` accepts TLS versions older than 1.2"
  help    = "add an `alicloud_oss_bucket_https_config` with `enable = true` and `tls_versions = [\"TLSv1.2\", \"TLSv1.3\"]`"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_oss_bucket_https_config = { set = { enable = true, tls_versions = ["TLSv1.2", "TLSv1.3"] } }
    }
  }
  references = {
    cspm = "oss-bucket-tls-version-check"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/configure-tls-version"
  }
  equivalents = ["infraguard:oss-bucket-tls-version-check"]
  docs = <<-EOT
    ## Why
    TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996). By default OSS accepts
    them; `alicloud_oss_bucket_https_config` with `enable = true` limits a bucket to the
    versions listed. Connections still use TLS 1.2 whenever the client supports it, so the risk
    is a downgrade for old clients: low. Off by default (select `OSS007`): most configurations
    never set it, and the fix is a policy decision about old clients.

    ## How to fix
    Allow TLS 1.2 and 1.3 only.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_https_config" "data" {
      bucket       = alicloud_oss_bucket.data.bucket
      enable       = true
      tls_versions = ["TLSv1.0", "TLSv1.1", "TLSv1.2"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_https_config" "data" {
      bucket       = alicloud_oss_bucket.data.bucket
      enable       = true
      tls_versions = ["TLSv1.2", "TLSv1.3"]
    }
    ```
  EOT
}

rule "OSS008" {
  name     = "oss-bucket-no-redundant-copy"
  severity = "low"
  enabled  = false
  title    = "OSS bucket keeps its data in one zone, without replication or backup"
  resource = ["alicloud_oss_bucket"]
  each = [
    { facet = "zrs", what = "is stored in one zone (`redundancy_type` is not `ZRS`)" },
    { facet = "replication", what = "is not replicated to another bucket" },
    { facet = "backup", what = "is not backed up by Cloud Backup" },
  ]
  facet = each.value.facet
  assert = (
    each.value.facet == "zrs" ? coalesce(lookup(self, "redundancy_type", null), "LRS") == "ZRS" :
    each.value.facet == "replication" ? length(attached("alicloud_oss_bucket_replication", "bucket")) > 0 :
    length(attached("alicloud_hbr_oss_backup_plan", "bucket")) > 0
  )
  where   = "redundancy_type"
  message = "bucket `${named(lookup(self, "bucket", null))}` ${each.value.what}"
  help    = "create the bucket with `redundancy_type = \"ZRS\"`, add an `alicloud_oss_bucket_replication` to a bucket in another region, or an `alicloud_hbr_oss_backup_plan`"
  references = {
    cspm = "oss-zrs-enabled"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/zone-redundant-storage"
  }
  equivalents = ["infraguard:oss-zrs-enabled#zrs", "infraguard:oss-bucket-remote-replication#replication", "infraguard:oss-bucket-backup-enable#backup"]
  docs = <<-EOT
    ## Why
    Availability and recovery of the data: a locally redundant bucket (`LRS`, the default) is
    lost with its zone; a bucket without a replica or backup cannot be restored after a
    malicious or mistaken bulk delete that versioning does not cover (a deleted bucket, an
    expired lifecycle rule). Each is a *facet* (`zrs`, `replication`, `backup`), so a skip
    silences one. Resilience rather than confidentiality: low, and off by default (select
    `OSS008`) since the right mix depends on the data.

    ## How to fix
    Use zone-redundant storage for important buckets, and replicate or back up the ones that
    must survive a region or an operator.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "records" {
      bucket = "example-records"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "records" {
      bucket          = "example-records"
      redundancy_type = "ZRS"
    }

    resource "alicloud_oss_bucket_replication" "records" {
      bucket = alicloud_oss_bucket.records.bucket
      action = "ALL"
      destination {
        bucket   = "example-records-dr"
        location = "oss-cn-shanghai"
      }
    }

    resource "alicloud_hbr_oss_backup_plan" "records" {
      oss_backup_plan_name = "records"
      bucket               = alicloud_oss_bucket.records.bucket
      vault_id             = "v-0000000000000000"
      schedule             = "I|1602673264|PT2H"
      backup_type          = "COMPLETE"
      retention            = "7"
    }
    ```
  EOT
}

rule "OSS009" {
  name     = "oss-bucket-public-access-not-blocked"
  severity = "low"
  enabled  = false
  title    = "Neither the bucket nor the account blocks public access"
  resource = ["alicloud_oss_bucket"]
  assert = anytrue(concat(
    [for b in attached("alicloud_oss_bucket_public_access_block", "bucket") : lookup(b, "block_public_access", null) == true],
    [for a in resources("alicloud_oss_account_public_access_block") : lookup(a, "block_public_access", null) == true],
  ))
  message = "bucket `${named(lookup(self, "bucket", null))}` can be made public by one ACL or policy change"
  help    = "add an `alicloud_oss_bucket_public_access_block` with `block_public_access = true`, or block public access for the whole account with `alicloud_oss_account_public_access_block`"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_oss_bucket_public_access_block = { set = { block_public_access = true } }
    }
  }
  references = {
    cis  = "5.1 Ensure that OSS bucket is not anonymously or publicly accessible"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/block-public-access"
  }
  docs = <<-EOT
    ## Why
    Block Public Access makes OSS refuse public ACLs and bucket policies that grant anonymous
    access, at the bucket level or for every bucket of the account. It is the guard rail that
    keeps one wrong `acl` or policy statement (OSS001, RAM040/RAM041) from publishing the data.
    No peer checks it. Defence in depth: low, and off by default (select `OSS009`); the
    finding is not raised when an `alicloud_oss_account_public_access_block` with
    `block_public_access = true` is in the same configuration.

    ## How to fix
    Block public access for the account, or per bucket for the buckets that must never be
    public.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_public_access_block" "data" {
      bucket              = alicloud_oss_bucket.data.bucket
      block_public_access = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_public_access_block" "data" {
      bucket              = alicloud_oss_bucket.data.bucket
      block_public_access = true
    }
    ```
  EOT
}

rule "OSS010" {
  name     = "oss-bucket-static-website"
  severity = "info"
  enabled  = false
  title    = "OSS bucket serves a static website"
  resource = ["alicloud_oss_bucket"]
  assert = length(lookup(self, "website", [])) == 0 && length(attached("alicloud_oss_bucket_website", "bucket")) == 0
  where   = "website"
  message = "bucket `${named(lookup(self, "bucket", null))}` is configured as a static website"
  help    = "make sure only public content is stored in this bucket, or serve the site through CDN from a private bucket"
  references = {
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/static-website-hosting"
  }
  equivalents = ["kics:oss_bucket_has_static_website"]
  docs = <<-EOT
    ## Why
    A website configuration is not an exposure by itself (the objects are only reachable if
    the ACL or policy lets anonymous users read them, which OSS001 and RAM040/RAM041 report),
    but it marks a bucket whose content is meant to be public; anything else stored there will
    be public too. A fact worth reviewing: info, off by default (select `OSS010`). KICS
    reports it at high.

    acslint reads the inline `website` block and `alicloud_oss_bucket_website`.

    ## How to fix
    Keep only public assets in website buckets, or serve them from a private bucket through
    CDN with origin authentication.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "example-site"
      website {
        index_document = "index.html"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "assets" {
      bucket = "example-assets"
    }
    ```
  EOT
}

rule "OSS011" {
  name     = "oss-bucket-policy-without-source-restriction"
  severity = "low"
  title    = "OSS bucket policy grants access without limiting the source network"
  resource = ["alicloud_oss_bucket", "alicloud_oss_bucket_policy"]
  # Judged on the policy document of the bucket (inline, deprecated) or of the split resource;
  # a bucket without a policy is not reported.
  assert = (
    lookup(self, "policy", null) == null ? true :
    !anytrue([for st in lookup(policy("policy"), "Statement", []) : lookup(st, "Effect", null) == "Allow"]) ? true :
    anytrue([
      for st in lookup(policy("policy"), "Statement", []) :
      lookup(st, "Effect", null) == "Allow" && anytrue(flatten([
        for op in keys(lookup(st, "Condition", {})) :
        [for k in keys(st.Condition[op]) : contains(["acs:sourceip", "acs:sourcevpc", "acs:sourcevpce"], lower(k))]
      ]))
    ])
  )
  where   = "policy"
  message = "no Allow statement of the bucket policy limits the source address or VPC (`acs:SourceIp`, `acs:SourceVpc`)"
  help    = "add a condition such as `\"IpAddress\": {\"acs:SourceIp\": [\"203.0.113.0/24\"]}` or `\"StringEquals\": {\"acs:SourceVpc\": [\"vpc-…\"]}` to the Allow statements"
  references = {
    cis  = "5.7 Ensure network access rule for storage bucket is not set to publicly accessible"
    cspm = "oss-bucket-authorize-specified-ip"
    docs = "https://www.alibabacloud.com/help/en/oss/user-guide/examples-of-common-bucket-policies"
  }
  equivalents = ["kics:oss_bucket_ip_restriction_disabled", "infraguard:oss-bucket-authorize-specified-ip"]
  docs = <<-EOT
    ## Why
    A bucket policy that grants access without an `acs:SourceIp` or `acs:SourceVpc`
    condition works from any network: a leaked AccessKey of a granted principal can read the
    data from anywhere. Limiting grants to the networks of the clients (CIS 5.7) makes a
    stolen key much less useful. Defence in depth: low.

    The policy is read from `alicloud_oss_bucket_policy` and from the deprecated inline
    `policy` of `alicloud_oss_bucket`; a bucket without a policy is not reported, and neither
    is a policy with only Deny statements. KICS looks for the misspelt operators
    `IpAdress`/`NotIpAdress`; acslint looks at the condition keys, whatever the operator.

    ## How to fix
    Add a source condition to the Allow statements.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket_policy" "data" {
      bucket = alicloud_oss_bucket.data.bucket
      policy = jsonencode({
        Version = "1"
        Statement = [{
          Effect    = "Allow"
          Action    = ["oss:GetObject"]
          Principal = ["1234567890"]
          Resource  = ["acs:oss:*:*:example-data/*"]
        }]
      })
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket_policy" "data" {
      bucket = alicloud_oss_bucket.data.bucket
      policy = jsonencode({
        Version = "1"
        Statement = [{
          Effect    = "Allow"
          Action    = ["oss:GetObject"]
          Principal = ["1234567890"]
          Resource  = ["acs:oss:*:*:example-data/*"]
          Condition = { IpAddress = { "acs:SourceIp" = ["203.0.113.0/24"] } }
        }]
      })
    }
    ```
  EOT
}
