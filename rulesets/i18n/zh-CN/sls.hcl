# 规则文档的简体中文译文：rulesets/alicloud/sls.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "SLS001" {
  docs = <<-EOT
    ## Why
    日志中包含请求参数、用户标识、不慎出现在 URL 中的令牌，以及审计记录本身。静态加密可以防止获得
    存储介质的人读取它们。在 acslint 的严重级别中，缺少加密属于中危。`encrypt_conf` 默认关闭；
    一旦开启就无法关闭。

    ## How to fix
    添加 `encrypt_conf { enable = true }`（使用服务密钥的 AES-256），或同时添加 `user_cmk_info`
    以使用你自己的 KMS 密钥（SLS002）。
  EOT
}

rule "SLS002" {
  docs = <<-EOT
    ## Why
    使用你自己的 KMS 密钥（BYOK）时，由你决定谁可以解密日志，可以在操作审计中看到密钥的每次使用，
    并可以通过禁用密钥撤销访问。使用服务密钥时，这些控制权归 SLS 所有。低危：两种方式下数据都是加密的。
    默认关闭（不在 `recommended` 中）：是否使用客户托管密钥由组织自行决定；可按规则代码选择，
    或通过合规包启用。

    ## How to fix
    创建 Logstore 时设置 `user_cmk_info`（KMS 密钥、SLS 使用该密钥时扮演的角色以及密钥所在地域）。
  EOT
}

rule "SLS003" {
  docs = <<-EOT
    ## Why
    入侵往往在开始数月之后才被发现；按默认 30 天删除的日志无法说明入侵是如何开始的。等保（MLPS）
    二级和三级要求保存六个月的日志，本规则采用的正是这一期限。缺少日志：低危。默认关闭（不在
    `recommended` 中）：并非每个 Logstore 都是审计日志（调试日志和指标日志常常有意只保存很短时间）；
    可按规则代码选择，或通过合规包启用。操作审计的 Logstore 由 LOG008 检查（365 天，默认开启）。

    不检查 Metricstore（`telemetry_type = "Metrics"`）。KICS 报告低于 90 天的情况；acslint 采用 180 天
    的审计期，因此会报告 KICS 报告的所有 Logstore，而且更多。热存储 TTL（`hot_ttl`）不是保存时间：
    超过它的数据会转入更低成本的存储，仍然可以查询。

    ## How to fix
    将 `retention_period` 设为 180 天或更长。
  EOT
}

rule "SLS004" {
  docs = <<-EOT
    ## Why
    日志审计服务把账号下各服务的安全日志集中到一处，并在各服务自身的保存期之后继续保留。每遗漏一个服务，
    调查时就多一个盲区：主机上的登录和进程（云安全中心）、被拦截的攻击（WAF、DDoS 防护、云防火墙）、
    谁在服务器上执行了什么（堡垒机）、谁调用了 Kubernetes API。缺少日志：低危；CIS 2.6–2.9 要求采集
    DDoS 防护、WAF、云防火墙和云安全中心的日志。LOG010（中危，默认开启）覆盖最低要求：操作审计、
    RDS 审计和 OSS 访问日志。

    每个服务都是一个分项（facet：`waf`、`sas`、`k8s` 等），当其在 `variable_map` 中的某个开关不为
    `"true"` 时报告（所有开关默认均为 false）。默认关闭（不在 `recommended` 中）：哪些服务重要取决于
    账号；可按规则代码选择，或通过 `cis` 合规包启用。不要求性能日志（`rds_slow_enabled`、
    `rds_perf_enabled` 等）：KICS 的 `rds_instance_events_not_logged` 要求开启它们，但它们不记录任何
    安全事件（LOG010 覆盖了其中 RDS 审计的部分）。

    ## How to fix
    在 `variable_map` 中开启这些服务。`--fix` 会把每个被报告服务的开关设为 `"true"`（已为 `"true"`
    的开关保持原样）。与 LOG010 的修复一样，它是安全的：只修改发现项所指的开关，改为帮助中给出的值；
    采集服务日志只增加防护，不放宽任何访问；无论账号是否使用该服务，日志审计都接受每个开关，因此不会
    导致 apply 失败。它可能产生费用：采集的日志存储在 SLS 中。
  EOT
}

rule "ROS001" {
  docs = <<-EOT
    ## Why
    资源栈策略规定了更新时可以修改资源栈中的哪些资源；没有资源栈策略时，修改模板可能会顺带替换数据库
    或删除 Bucket。完整性规范问题：低危。默认关闭（不在 `recommended` 中）：没有有状态资源的资源栈
    不需要策略。

    KICS 的 `no_ros_stack_policy` 还会报告没有 `stack_policy_during_update_body` 或 `_url` 的资源栈；
    那是针对单次更新的临时覆盖（它会放宽策略），因此 acslint 不要求设置它。

    ## How to fix
    添加保护有状态资源的 `stack_policy_body`。
  EOT
}

rule "ROS002" {
  docs = <<-EOT
    ## Why
    资源栈事件实时反映基础设施的变更，包括没有人计划过的变更。没有通知时，只有主动查看的人才能看到。
    缺少监控：低危。默认关闭（不在 `recommended` 中）：变更通常通过操作审计进行监控。

    ## How to fix
    设置 `notification_urls`。
  EOT
}

rule "ROS003" {
  docs = <<-EOT
    ## Why
    资源栈实例将资源栈组的模板部署到另一个账号中。当 `retain_stacks = false`（默认值）时，删除该实例——
    重构一下 Terraform 代码就足以导致删除——会删除该账号中的资源栈及其资源，包括数据。数据丢失防范
    规范问题：低危。默认关闭（不在 `recommended` 中）：与删除保护一样，这由组织自行决定。

    ## How to fix
    设置 `retain_stacks = true`。
  EOT
}
