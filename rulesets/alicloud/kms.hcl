# KMS keys.

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
