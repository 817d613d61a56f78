# 规则文档的简体中文译文：rulesets/alicloud/actiontrail.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "LOG001" {
  docs = <<-EOT
    ## Why
    没有操作审计跟踪，就无人能查明是谁创建了密钥、修改了策略或以主账号身份登录：控制台只保留 90 天的事件，而且不导出任何内容。
    管理账号级安全配置（密码策略、安全设置、资源目录、账号别名，或在根模块中管理 RAM 身份）的配置应当同时包含一个跟踪。

    此规则将每个根模块与其调用的模块作为一个整体判断（根模块指没有被其他扫描到的模块调用、并且配置了 provider 或 backend、带有变量文件或在 `roots` 中列出的目录）；跟踪位于该范围内即满足规则，位于另一个根模块中则不满足，因此无论检查的是单个文件、目录还是整个代码仓库，结论都相同。
    单独检查而不带调用方的可复用模块不做判断：判断的是它的调用方。
    选项 `require`（路径 glob 列表）会让匹配的根模块必须有跟踪，即使它们不管理任何账号级资源。

    ## How to fix
    添加一个多地域跟踪，记录所有事件并投递到 OSS 或 SLS。
  EOT
}

rule "LOG002" {
  docs = <<-EOT
    ## Why
    攻击者会利用无人关注的地域。
    只覆盖一个地域的跟踪会漏掉这些活动。
    未写 `trail_region` 时，操作审计会将跟踪应用到所有地域，因此只有显式设置的其他值才会被报告（KICS 则在缺失时也会报告）。

    ## How to fix
    设置 `trail_region = "All"`。
  EOT
}

rule "LOG003" {
  docs = <<-EOT
    ## Why
    读事件能揭示侦察和数据访问行为（列出密钥、读取凭据）；只记录写事件的跟踪会漏掉它们。

    未设置 `event_rw` 时会单独报告，严重级别低一级（low），即“未显式设置”：各来源对其默认值的说法不一（参考提交中的 provider 文档称是 `All`，较早的 provider schema 和操作审计 `CreateTrail` API 称是 `Write`），而安全检查工具不能依赖随 provider 版本变化的默认值。
    在已弃用的 `alicloud_actiontrail` 上，默认值为 `Write`，未设置时按 medium 报告。

    ## Severity
    Medium：漏记读事件的跟踪是不完整的审计记录（在 acslint 的分级中，审计缺失属于 medium）；未设置的情形为 low，因为该跟踪很可能记录了所有事件。

    ## How to fix
    设置 `event_rw = "All"`。
  EOT
}

rule "LOG004" {
  docs = <<-EOT
    ## Why
    已停用的跟踪在代码中看起来像是开启了审计，实际上什么也不记录。

    ## How to fix
    删除 `status`，或将其设为 `Enable`。
  EOT
}

rule "LOG005" {
  docs = <<-EOT
    ## Why
    调查往往在事发数月之后才开始。
    没有投递目标时，事件会在 90 天后消失，且无法查询，也无法据此告警。

    ## How to fix
    设置 `oss_bucket_name` 用于长期存储，设置 `sls_project_arn` 用于查询和告警。
  EOT
}

rule "LOG006" {
  docs = <<-EOT
    ## Why
    在资源目录中，单账号跟踪只记录管理账号；运行工作负载的成员账号则得不到审计。

    ## How to fix
    设置 `is_organization_trail = true`（会强制创建新的跟踪）。
  EOT
}

rule "LOG007" {
  docs = <<-EOT
    ## Why
    审计日志会暴露账号的结构，并且控制该 Bucket 的人可以篡改它们。
    公开的 Bucket 会泄露审计日志；未开启版本控制的 Bucket 让入侵者可以覆盖它们；未加密的 Bucket 以明文存储它们。
    acslint 会沿着跟踪的 `oss_bucket_name` 找到配置中的 Bucket（通过引用或名称），并同时读取内联属性和拆分的资源（`alicloud_oss_bucket_acl`、`_versioning`、`_server_side_encryption`）。

    ## How to fix
    将 Bucket 设为私有，开启版本控制，并开启服务端加密。
  EOT
}

rule "LOG008" {
  docs = <<-EOT
    ## Why
    入侵往往在数月之后才被发现。
    日志服务 SLS 的默认保存时间为 30 天。

    ## How to fix
    在跟踪投递到的 Project 的 Logstore 上设置 `retention_period = 365`（或更长；3650 表示永久保存事件）。
  EOT
}

rule "LOG009" {
  docs = <<-EOT
    ## Why
    主账号不应在日常工作中使用，而新建 AccessKey 正是入侵者维持访问的手段。
    针对其中任一情况的告警能让你在几分钟内获知，而不是等到下一次审计。

    ## How to fix
    添加一个查询语句包含 `root-account` 或 `CreateAccessKey` 的告警。
    根模块或其调用的模块中的任意告警都算数（此规则只判断根模块）。
  EOT
}

rule "LOG010" {
  docs = <<-EOT
    ## Why
    日志审计集中采集多个云产品的日志；操作审计事件、RDS 审计日志和 OSS 访问日志是开展调查的最低要求。
    这三项默认都是关闭的。
    它可以采集的其他服务（WAF、云安全中心、Kubernetes 审计等）由 SLS004 检查。

    Checkov 的 CKV_ALI_38 要求 `rds_enabled`，即三者之一。
    KICS 的 `rds_instance_events_not_logged` 还要求 `rds_ti_enabled`、`rds_slow_enabled` 和 `rds_perf_enabled`：慢查询日志和性能日志不记录安全事件，因此 acslint 不要求它们。

    ## How to fix
    将 `actiontrail_enabled`、`rds_enabled` 和 `oss_access_enabled` 设为 `"true"`。
  EOT
}

rule "LOG011" {
  docs = <<-EOT
    ## Why
    流日志记录了哪些地址与哪些实例通信过：这是数据外泄和横向移动的证据。
    VPC 或其某个交换机上的流日志，或采集 VPC 流日志的日志审计，都能满足此规则。
    只检查根模块（没有被其他扫描到的模块调用、并且配置了 provider 或 backend、带有变量文件或在 `roots` 中列出的目录；仅有 `terraform` 块不算）：可复用模块将流日志及其所需的日志 Project 留给调用方创建。

    ## How to fix
    为该 VPC 添加流日志。
  EOT
}
