# 规则文档的简体中文译文：rulesets/alicloud/compute.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "ECS003" {
  docs = <<-EOT
    ## Why
    在普通模式下，元数据服务会响应实例内发出的任何普通 GET 请求，因此应用中的一个服务端请求伪造（SSRF）漏洞就会交出实例 RAM 角色的临时凭证。
    加固模式（IMDSv2）要求先通过 PUT 请求获取令牌。
    这属于缺少传输保护，而不是直接暴露：medium。

    `http_tokens` 默认为 `optional`（允许普通模式），因此未设置时会被报告；设置了 `http_endpoint = "disabled"` 的实例不提供元数据，可以通过。
    启动模板（`alicloud_ecs_launch_template` 和已弃用的 `alicloud_launch_template`）按同样方式检查。

    ## How to fix
    设置 `http_tokens = "required"`。
  EOT
}

rule "ECS004" {
  docs = <<-EOT
    ## Why
    拥有自己公网地址的实例，在其安全组开放的每个端口上都可以从公网访问，只差一条规则变更就会暴露 SSH 或数据库。
    公网地址本身并不暴露任何内容（开放的端口由 NET001/NET002 报告），因此这属于安全卫生问题：low。
    InfraGuard 的“公网且允许任意 IP”检查相当于这两项结果同时出现。

    当 `internet_max_bandwidth_out` 大于 0 时，ECS 会分配公网地址（已弃用的 `allocate_public_ip` 自 provider 1.7.0 起不再起作用）。
    检查实例、启动模板和弹性伸缩（ESS）伸缩配置；不跟踪通过 `alicloud_eip_association` 绑定的 EIP。

    ## How to fix
    设置 `internet_max_bandwidth_out = 0`，并在实例前部署负载均衡或 NAT 网关。
  EOT
}

rule "ECS005" {
  docs = <<-EOT
    ## Why
    密码可能被猜中、重复使用或被钓鱼获取；密钥对则不会。
    在 acslint 的分级中，服务器使用弱认证方式属于 medium。
    写在 Terraform 中的密码同时也是状态文件中的一个秘密（字面量密钥由 SEC 规则报告）。

    设置了密码（`password`、`kms_encrypted_password` 或 `password_inherit = true`）而没有设置密钥对（`key_name`；启动模板为 `key_pair_name`）时报告。
    设置了密钥对时，provider 会忽略密码。
    两者都没有的实例无法登录，可以通过（可通过云助手或会话管理访问）。
    不跟踪之后通过 `alicloud_ecs_key_pair_attachment` 绑定的密钥对。

    ## How to fix
    创建 `alicloud_ecs_key_pair` 并设置 `key_name`。
  EOT
}

rule "ECS006" {
  docs = <<-EOT
    ## Why
    系统盘中存放着操作系统、应用文件、日志，而且常常还有凭证；如果未加密，任何拿到其快照或镜像副本的人都能读取。
    缺少加密属于 medium。
    CIS 4.2 要求加密每一块虚拟机磁盘。

    `system_disk_encrypted` 在 `alicloud_instance`、`alicloud_ess_scaling_configuration` 和 ACK 节点池（`alicloud_cs_kubernetes_node_pool`，其节点就是 ECS 实例）上默认为 false；启动模板检查 `system_disk { encrypted }`，没有 `system_disk` 块的模板同样会被报告（从它启动的实例会得到默认的未加密云盘）。
    不考虑账号级默认加密（`alicloud_ecs_disk_encryption_by_default`）：它只在所在地域生效，而且只从开启之时起生效。

    ## How to fix
    设置 `system_disk_encrypted = true`。
  EOT
}

rule "ECS007" {
  docs = <<-EOT
    ## Why
    数据盘中存放着应用的数据；如果未加密，任何拿到其快照副本的人都能读取。
    缺少加密属于 medium（CIS 4.2）。

    检查 `alicloud_instance` 和 ACK 节点池（`alicloud_cs_kubernetes_node_pool`）的每个 `data_disks` 块，以及 `alicloud_ess_scaling_configuration` 的每个 `data_disk` 块（每块云盘一条结果，位于其块上；`encrypted` 设为 false 时位于该属性上）。
    从快照创建的云盘继承快照的加密设置，可以通过。
    独立云盘由 ECS001 检查，启动模板由 ECS002 检查。

    ## How to fix
    在每个块中设置 `encrypted = true`。
  EOT
}

rule "ECS008" {
  docs = <<-EOT
    ## Why
    使用你自己的 KMS 密钥，就能控制谁可以解密云盘（密钥策略、禁用或删除密钥），而且每次使用都有审计记录；默认的服务密钥无法提供这样的控制。
    无论哪种方式数据都已加密，因此为 low。

    未加密的云盘只由 ECS001 报告（Checkov CKV_ALI_8 和 KICS 两者都会报告）；从快照创建的云盘继承快照的加密设置，可以通过。
    同时检查 `alicloud_ecs_disk` 和已弃用的 `alicloud_disk`（KICS 和 Checkov 只检查后者）。

    ## How to fix
    设置 `kms_key_id`。
  EOT
}

rule "ECS009" {
  docs = <<-EOT
    ## Why
    释放保护可以防止误操作或恶意的 `DeleteInstance` 销毁服务器。
    它保护的是可用性而不是机密性：low，并且默认不启用，需要显式选择（`--select ECS009`），因为大多数实例本来就应当可以随时替换。

    只有非抢占式的按量付费实例（`instance_charge_type = "PostPaid"`，即默认值）支持释放保护；其他实例可以通过。

    ## How to fix
    设置 `deletion_protection = true`。
  EOT
}

rule "ECS010" {
  docs = <<-EOT
    ## Why
    安全加固策略会安装云安全中心客户端（终端防护，CIS 4.6），用于检测入侵和漏洞。
    没有它，就没有任何东西在监控该实例；这属于检测而不是防护，因此为 low。

    只报告显式设置的 `Deactive`：未设置表示使用 API 默认值 `Active`，该默认值在公共镜像上生效（自定义镜像可能仍未安装客户端；acslint 无法判断）。

    ## How to fix
    删除 `security_enhancement_strategy = "Deactive"`。
  EOT
}

rule "ECS011" {
  docs = <<-EOT
    ## Why
    如果实例没有 RAM 角色，其上调用云 API 的软件就需要把长期 AccessKey 存放在磁盘上；角色则为其提供短期有效的 STS 临时凭证。
    许多实例根本不调用任何 API，因此为 low，并且默认不启用，需要显式选择（`--select ECS011`）。

    通过 `role_name` 设置或通过 `alicloud_ecs_ram_role_attachment` 授予了角色的实例可以通过。

    ## How to fix
    授予一个具有该软件所需权限的角色。
  EOT
}

rule "ECS012" {
  docs = <<-EOT
    ## Why
    经典网络是与其他客户的实例共享的扁平网络，只有安全组将它们隔开。
    专有网络 VPC 则能隔离实例。
    从一开始就缺少隔离属于 medium（CIS 3.1：不存在传统网络）。

    没有 `vswitch_id`、弹性网卡或启动模板的 `alicloud_instance` 会被创建在经典网络中（前提是该账号仍可使用经典网络；否则调用失败）。
    启动模板在 `network_type = "classic"` 时报告。

    ## How to fix
    在某个 VPC 的交换机中创建实例。
  EOT
}
