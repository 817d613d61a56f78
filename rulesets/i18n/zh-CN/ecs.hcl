# 规则文档的简体中文译文：rulesets/alicloud/ecs.hcl
# 标题、代码块和 Bad:/Good: 标签保持原样（tests/rules.rs 检查）。

rule "ECS001" {
  docs = <<-EOT
    ## Why
    未加密的云盘及其快照，任何拿到副本的人都能读取其中的数据。
    同时检查 `alicloud_ecs_disk` 和已弃用的 `alicloud_disk`。

    ## How to fix
    创建云盘时设置 `encrypted = true`。

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
    从该模板启动的每个实例都会带上同样未加密的云盘。
    同时检查 `alicloud_ecs_launch_template` 和已弃用的 `alicloud_launch_template`。

    ## How to fix
    为模板的每个数据盘开启加密。

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
