# 规则文档的简体中文译文：rulesets/alicloud/ecs.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "ECS001" {
  docs = <<-EOT
    ## Why
    未加密的云盘及其快照，任何拿到副本的人都能读取其中的数据。
    同时检查 `alicloud_ecs_disk` 和已弃用的 `alicloud_disk`。

    ## How to fix
    创建云盘时设置 `encrypted = true`。
  EOT
}

rule "ECS002" {
  docs = <<-EOT
    ## Why
    从该模板启动的每个实例都会带上同样未加密的云盘。
    同时检查 `alicloud_ecs_launch_template` 和已弃用的 `alicloud_launch_template`。

    ## How to fix
    为模板的每个数据盘开启加密。
  EOT
}
