# NAS file systems, access rules and mount targets.

rule "NAS001" {
  name     = "nas-file-system-unencrypted"
  severity = "medium"
  title    = "NAS file system is not encrypted at rest"
  resource = ["alicloud_nas_file_system"]
  # encrypt_type: 0 none (the default), 1 NAS-managed key, 2 a KMS key of the user.
  assert  = contains(["1", "2"], tostring(coalesce(lookup(self, "encrypt_type", null), 0)))
  where   = "encrypt_type"
  message = "file system `${named(lookup(self, "description", null))}` stores files unencrypted"
  help    = "set `encrypt_type = 2` with a `kms_key_id` (or `1` for the NAS-managed key); it can only be set at creation"
  fix = { safety = "unsafe", set = { encrypt_type = 1 } }
  references = {
    cspm = "nas-filesystem-encrypt-type-check"
    docs = "https://www.alibabacloud.com/help/en/nas/user-guide/server-side-encryption"
  }
  equivalents = ["kics:nas_file_system_not_encrypted", "infraguard:nas-filesystem-encrypt-type-check"]
  docs = <<-EOT
    ## Why
    Without server-side encryption the files are stored as written; a copy of the storage or a
    snapshot exposes them. `encrypt_type` defaults to `0` (no encryption) and cannot be changed
    after creation. Missing encryption is medium on acslint's scale.

    ## How to fix
    Create the file system with `encrypt_type = 2` and your KMS key (or `1`, the NAS-managed
    key; NAS002 reports that one at low).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
      encrypt_type  = 2
      kms_key_id    = alicloud_kms_key.nas.id
    }
    ```
  EOT
}

rule "NAS002" {
  name     = "nas-file-system-without-customer-key"
  severity = "low"
  title    = "Encrypted NAS file system uses the NAS-managed key instead of a KMS key of yours"
  resource = ["alicloud_nas_file_system"]
  # Unencrypted file systems are NAS001's finding.
  assert  = tostring(coalesce(lookup(self, "encrypt_type", null), 0)) != "1"
  where   = "encrypt_type"
  message = "file system `${named(lookup(self, "description", null))}` is encrypted with the NAS-managed key, not a KMS key you control"
  help    = "create it with `encrypt_type = 2` and `kms_key_id`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/nas/user-guide/server-side-encryption"
  }
  equivalents = ["kics:nas_file_system_without_kms"]
  docs = <<-EOT
    ## Why
    With the NAS-managed key (`encrypt_type = 1`) you cannot disable or rotate the key, restrict
    who may use it with a key policy, or audit its use. A KMS key of yours (`encrypt_type = 2`)
    can. Hygiene on top of encryption: low. KICS also reports unencrypted file systems under
    this check; acslint reports those once, as NAS001.

    ## How to fix
    Use your own KMS key (only at creation).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
      encrypt_type  = 1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_file_system" "share" {
      protocol_type = "NFS"
      storage_type  = "Performance"
      encrypt_type  = 2
      kms_key_id    = alicloud_kms_key.nas.id
    }
    ```
  EOT
}

rule "NAS003" {
  name     = "nas-access-rule-open-to-any-address"
  severity = "high"
  title    = "NAS access rule allows every address"
  resource = ["alicloud_nas_access_rule"]
  assert   = !contains(["0.0.0.0/0", "0.0.0.0", "::/0"], coalesce(lookup(self, "source_cidr_ip", null), lookup(self, "ipv6_source_cidr_ip", null), "-"))
  where    = "source_cidr_ip|ipv6_source_cidr_ip"
  message  = "access group `${named(lookup(self, "access_group_name", null))}` lets any address mount the file system (${coalesce(lookup(self, "rw_access_type", null), "RDWR")})"
  help     = "list the client subnets in `source_cidr_ip` instead of `0.0.0.0/0`"
  references = {
    cspm = "nas-access-group-public-access-check"
    docs = "https://www.alibabacloud.com/help/en/nas/user-guide/manage-permission-groups"
  }
  equivalents = ["infraguard:nas-access-group-public-access-check"]
  docs = <<-EOT
    ## Why
    An access rule is the only authorisation NFS has: any host that matches it and reaches a
    mount target can read (and with `RDWR`, the default, write) every file. `0.0.0.0/0` (or
    `::/0`) matches every host, so the file system is only as private as the network around
    it. Exposure of data: high.

    ## How to fix
    Allow only the client subnets.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_access_rule" "all" {
      access_group_name = alicloud_nas_access_group.app.access_group_name
      source_cidr_ip    = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_access_rule" "app" {
      access_group_name = alicloud_nas_access_group.app.access_group_name
      source_cidr_ip    = "10.0.1.0/24"
      rw_access_type    = "RDONLY"
    }
    ```
  EOT
}

rule "NAS004" {
  name     = "nas-mount-target-default-access-group"
  severity = "medium"
  title    = "NAS mount target uses the default access group"
  resource = ["alicloud_nas_mount_target"]
  # Without `access_group_name` a VPC mount target gets DEFAULT_VPC_GROUP_NAME, which allows
  # every address with read-write access.
  assert  = !contains(["DEFAULT_VPC_GROUP_NAME", "DEFAULT_CLASSIC_GROUP_NAME"], coalesce(lookup(self, "access_group_name", null), "DEFAULT_VPC_GROUP_NAME"))
  where   = "access_group_name"
  message = "the mount target uses the default access group, which lets every host in the network mount the file system read-write"
  help    = "create an `alicloud_nas_access_group` with rules for the client subnets and set `access_group_name`"
  references = {
    cspm = "nas-filesystem-mount-target-access-group-check"
    docs = "https://www.alibabacloud.com/help/en/nas/user-guide/manage-permission-groups"
  }
  equivalents = ["infraguard:nas-filesystem-mount-target-access-group-check"]
  docs = <<-EOT
    ## Why
    The default access group of a VPC (`DEFAULT_VPC_GROUP_NAME`) allows `0.0.0.0/0` with
    read-write access and no root squashing: every host in the VPC, and anything that reaches
    the VPC, can mount the file system. A mount target without `access_group_name` gets it.
    Broad access to data inside the network: medium.

    ## How to fix
    Attach an access group of your own whose rules list the client subnets.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nas_mount_target" "app" {
      file_system_id = alicloud_nas_file_system.share.id
      vswitch_id     = alicloud_vswitch.app.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nas_mount_target" "app" {
      file_system_id    = alicloud_nas_file_system.share.id
      vswitch_id        = alicloud_vswitch.app.id
      access_group_name = "app-clients"
    }
    ```
  EOT
}
