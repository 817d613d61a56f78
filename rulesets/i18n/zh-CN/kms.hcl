# 规则文档的简体中文译文：rulesets/alicloud/kms.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "KMS001" {
  docs = <<-EOT
    ## Why
    轮转可以限制单个密钥版本所保护的数据量，以及泄露的密钥能被利用的时间。

    ## How to fix
    开启自动轮转。
  EOT
}

rule "KMS002" {
  docs = <<-EOT
    ## Why
    轮转限制了单个密钥版本所保护的数据量，以及被盗的密钥版本能被利用的时间。轮转周期长达数年的
    自动轮转几乎起不到这种作用：KICS 会标记超过 365 天的周期，acslint 也是如此。未开启自动轮转的
    密钥由 KMS001 报告。安全规范问题：低危。

    轮转周期支持 `s`、`m`、`h` 和 `d` 单位（`7d` 与 `604800s` 相同）。

    ## How to fix
    至少每年轮转一次。
  EOT
}

rule "KMS003" {
  docs = <<-EOT
    ## Why
    已禁用的密钥无法解密任何数据：它所保护的云盘、Bucket 和数据库都将无法读取。处于
    `PendingDeletion` 状态的密钥会在预删除期结束时被销毁，用它加密的所有数据也随之无法恢复。
    这两种情况都会导致密钥所保护的数据不可用，因此为中危。

    acslint 会读取 `status` 以及已弃用的 `key_state` 和 `is_enabled`。未设置 `is_enabled`
    不算问题（KICS 会报告它，尽管该属性已弃用，而且密钥默认是启用的）。

    ## How to fix
    保护数据的密钥要保持 `Enabled`；只有在数据重新加密之后才删除密钥。
  EOT
}

rule "KMS004" {
  docs = <<-EOT
    ## Why
    删除密钥会销毁用它加密的所有数据。开启删除保护后，`ScheduleKeyDeletion` 会一直失败，
    直到有人有意将保护关闭。默认值为 `Disabled`。这是防范误操作或运维人员账号被盗用的安全规范问题：低危。

    ## How to fix
    为保护数据的密钥开启删除保护。
  EOT
}

rule "KMS005" {
  docs = <<-EOT
    ## Why
    KMS 能够轮转却未开启轮转的托管凭据（数据库、RAM 或 ECS 凭据）在其整个生命周期内都使用同一个
    密码；泄露的副本会一直有效。默认不轮转。安全规范问题：低危。

    通用凭据（`secret_type` 未设置或为 `Generic`）无法由 KMS 轮转，不会被报告（InfraGuard 会报告
    所有未轮转的凭据）。

    ## How to fix
    为托管凭据开启自动轮转。
  EOT
}
