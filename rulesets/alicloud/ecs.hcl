# ECS disks and launch templates, KMS keys, Kubernetes node pools.

rule "ECS001" {
  name     = "ecs-disk-unencrypted"
  severity = "medium"
  title    = "ECS disk is not encrypted"
  resource = ["alicloud_ecs_disk"]
  # A disk created from a snapshot inherits the snapshot's encryption: undecidable here.
  assert  = self.snapshot_id != null || coalesce(self.encrypted, false) == true
  where   = "encrypted"
  message = "disk `${coalesce(self.disk_name, "(unnamed)")}` is created unencrypted"
  help    = "set `encrypted = true` (and `kms_key_id` to use your own key), or enable encryption by default for the account"
  references = {
    cis  = "4.x Ensure that data disks are encrypted"
    docs = "https://www.alibabacloud.com/help/en/ecs/user-guide/encrypt-cloud-disks"
  }
  equivalents = ["checkov:CKV_ALI_7", "kics:disk_encryption_disabled", "infraguard:ecs-disk-encrypted"]
  docs = <<-EOT
    ## Why
    Unencrypted disks and their snapshots can be read by anyone who obtains a copy.
    Covers `alicloud_ecs_disk` and the deprecated `alicloud_disk`.

    ## How to fix
    Create the disk with `encrypted = true`.

    ## Example
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
  message  = "launch template `${coalesce(self.launch_template_name, "(unnamed)")}` creates data disks without encryption"
  help     = "set `encrypted = true` in every `data_disks` block"
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

rule "KMS001" {
  name     = "kms-key-rotation-disabled"
  severity = "medium"
  title    = "KMS key is not rotated automatically"
  resource = ["alicloud_kms_key"]
  assert   = coalesce(self.automatic_rotation, "Disabled") == "Enabled"
  where    = "automatic_rotation"
  message  = "KMS key `${coalesce(self.description, "(no description)")}` is never rotated"
  help     = "set `automatic_rotation = \"Enabled\"` with a `rotation_interval` of 365 days or less"
  references = {
    cis  = "8.x Ensure that KMS keys are rotated"
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
    ```hcl
    resource "alicloud_kms_key" "data" {
      description        = "data"
      automatic_rotation = "Enabled"
      rotation_interval  = "365d"
    }
    ```
  EOT
}

rule "K8S001" {
  name     = "ack-node-pool-auto-repair-disabled"
  severity = "low"
  title    = "ACK node pool does not repair nodes automatically"
  resource = ["alicloud_cs_kubernetes_node_pool"]
  assert   = try(self.management[0].auto_repair, false) == true
  where    = "management"
  message  = "node pool `${coalesce(self.node_pool_name, coalesce(self.name, "(unnamed)"))}` does not repair failed nodes"
  help     = "add `management { auto_repair = true }`"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/enable-auto-repair-for-nodes"
  }
  equivalents = ["checkov:CKV_ALI_31", "kics:cs_kubernetes_node_pool_auto_repair_disabled"]
  docs = <<-EOT
    ## Why
    Unhealthy nodes that are not repaired keep running outdated or broken components.

    ## How to fix
    Enable managed auto repair on the node pool.

    ## Example
    ```hcl
    resource "alicloud_cs_kubernetes_node_pool" "default" {
      node_pool_name = "default"
      management {
        auto_repair = true
      }
    }
    ```
  EOT
}
