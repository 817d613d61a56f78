# ECS disks and launch templates.

rule "ECS001" {
  name     = "ecs-disk-unencrypted"
  severity = "medium"
  title    = "ECS disk is not encrypted"
  resource = ["alicloud_ecs_disk"]
  # A disk created from a snapshot inherits the snapshot's encryption: undecidable here.
  assert  = self.snapshot_id != null || coalesce(self.encrypted, false) == true
  where   = "encrypted"
  message = "disk `${named(self.disk_name)}` is created unencrypted"
  help    = "set `encrypted = true` (and `kms_key_id` to use your own key), or enable encryption by default for the account"
  fix = { safety = "unsafe", set = { encrypted = true } }
  references = {
    cis  = "4.1 Ensure that 'Unattached disks' are encrypted"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/encrypt-cloud-disks"
  }
  equivalents = ["checkov:CKV_ALI_7", "kics:disk_encryption_disabled", "infraguard:ecs-disk-encrypted", "infraguard:ecs-available-disk-encrypted", "infraguard:ecs-in-use-disk-encrypted"]
  docs = <<-EOT
    ## Why
    Unencrypted disks and their snapshots can be read by anyone who obtains a copy.
    Covers `alicloud_ecs_disk` and the deprecated `alicloud_disk`.

    ## How to fix
    Create the disk with `encrypted = true`.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ecs_disk" "data" {
      zone_id = "cn-hangzhou-h"
      size    = 100
    }

    # The deprecated name is checked too.
    resource "alicloud_disk" "legacy" {
      availability_zone = "cn-hangzhou-h"
      size              = 100
      encrypted         = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ecs_disk" "data" {
      zone_id   = "cn-hangzhou-h"
      size      = 100
      encrypted = true
    }
    ```
  EOT
}

rule "ECS002" {
  name     = "launch-template-data-disk-unencrypted"
  severity = "medium"
  title    = "Launch template creates unencrypted data disks"
  resource = ["alicloud_ecs_launch_template"]
  assert   = alltrue([for d in coalesce(self.data_disks, []) : try(d.encrypted, false) == true || try(d.snapshot_id, null) != null])
  where    = "data_disks"
  message  = "launch template `${named(self.launch_template_name)}` creates data disks without encryption"
  help     = "set `encrypted = true` in every `data_disks` block"
  fix = { safety = "unsafe", block = "data_disks", set = { encrypted = true } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/encrypt-cloud-disks"
  }
  equivalents = ["checkov:CKV_ALI_32", "kics:launch_template_is_not_encrypted", "infraguard:ecs-launch-template-version-data-disk-encrypted"]
  docs = <<-EOT
    ## Why
    Every instance launched from the template gets the same unencrypted disks.
    Covers `alicloud_ecs_launch_template` and the deprecated `alicloud_launch_template`.

    ## How to fix
    Encrypt each data disk of the template.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ecs_launch_template" "app" {
      launch_template_name = "app"
      data_disks {
        size = 100
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_ecs_launch_template" "app" {
      launch_template_name = "app"
      data_disks {
        size      = 100
        encrypted = true
      }
    }
    ```
  EOT
}
