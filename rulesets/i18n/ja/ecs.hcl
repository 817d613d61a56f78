# ルール文書の日本語訳：rulesets/alicloud/ecs.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "ECS001" {
  docs = <<-EOT
    ## Why
    暗号化されていないディスクとそのスナップショットは、コピーを入手した誰でも読み取れます。
    `alicloud_ecs_disk` と非推奨の `alicloud_disk` の両方を対象とします。

    ## How to fix
    ディスクを `encrypted = true` で作成してください。

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
  docs = <<-EOT
    ## Why
    テンプレートから起動するすべてのインスタンスが、同じ暗号化されていないディスクを持ちます。
    `alicloud_ecs_launch_template` と非推奨の `alicloud_launch_template` の両方を対象とします。

    ## How to fix
    テンプレートの各データディスクを暗号化してください。

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
