# 规则文档的简体中文译文：rulesets/alicloud/edge.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "NET005" {
  docs = <<-EOT
    ## Why
    通过 HTTP 明文传输时，Cookie、令牌和表单数据以明文在网络中传输，并可能在途中被篡改。
    缺少传输加密属于 medium。

    SLB 的 `http` 监听在设置 `listener_forward = "on"` 时可以通过（此时它只会重定向到其 HTTPS `forward_port`）；ALB 的 `HTTP` 监听在其某条 `alicloud_alb_rule` 带有 `Redirect` 动作时可以通过。
    KICS 会报告所有 ALB HTTP 监听，无论是否重定向。

    ## How to fix
    将 HTTP 重定向到 HTTPS，或删除 HTTP 监听。
  EOT
}

rule "NET006" {
  docs = <<-EOT
    ## Why
    白名单 ACL 限制谁能访问监听。
    公开网站本来就应当让所有人访问，因此此规则为 low，并且默认不启用，需要显式选择（`--select NET006`）：请为服务已知客户端（合作伙伴、办公网、内部工具）的负载均衡开启它。

    ## How to fix
    绑定白名单。
  EOT
}

rule "NET007" {
  docs = <<-EOT
    ## Why
    用作白名单的 ACL 如果包含 `0.0.0.0/0`，就会放行所有人：监听看似受到限制，实际上并没有。
    Medium：它让一项控制措施失效，但本身并不直接暴露数据。
    （如果用作黑名单，该条目会阻止所有人；这会造成服务中断而不是安全风险，但该列表依然是错的。）

    从 `alicloud_alb_acl_entry_attachment` 和 `alicloud_slb_acl_entry_attachment`（`entry`）、`alicloud_alb_acl.acl_entries` 以及 `alicloud_slb_acl.entry_list` 中读取条目；IPv6 的 `::/0` 同样计入。

    ## How to fix
    将该条目替换为需要访问的网段。
  EOT
}

rule "NET008" {
  docs = <<-EOT
    ## Why
    这是值得审查的事实，而不是缺陷：面向公网的负载均衡正是发布公共服务的方式。
    严重级别为 info，默认不启用，需要显式选择（`--select NET008`），用于在审查时列出配置的所有公网入口。

    ## How to fix
    服务仅供内部使用时，设置 `address_type = "intranet"`。
  EOT
}

rule "NET009" {
  docs = <<-EOT
    ## Why
    删除保护可以防止误操作或恶意调用释放入口及其公网地址（释放后无法找回）。
    它保护的是可用性：low，默认不启用，需要显式选择（`--select NET009`）。
    包年包月资源无法提前释放，可以通过。

    ## How to fix
    开启删除保护。
  EOT
}

rule "NET010" {
  docs = <<-EOT
    ## Why
    修改保护可以防止控制台用户修改由 Terraform 管理的负载均衡（配置漂移、意外暴露）。
    安全卫生问题：low，默认不启用，需要显式选择（`--select NET010`）。

    ## How to fix
    开启控制台修改保护。
  EOT
}

rule "NET011" {
  docs = <<-EOT
    ## Why
    没有访问日志，就没有记录表明谁通过负载均衡调用了什么，无法用于安全事件响应或滥用举报。
    缺少日志记录属于 low。

    没有同类规则在 Terraform 中检查 ALB 访问日志（InfraGuard 的 `slb-instance-log-enabled` 针对的是 SLB，而 SLB 的访问日志无法通过该 provider 的 Terraform 资源配置）。

    ## How to fix
    将访问日志投递到 Logstore。
  EOT
}

rule "NET012" {
  docs = <<-EOT
    ## Why
    通过 HTTP 发送的请求以明文携带凭证和数据。
    缺少传输加密属于 medium。

    `HTTP` 和 `HTTP,HTTPS`（仍接受 HTTP 明文）都会被报告。
    Checkov 还会判定没有 `request_config` 的 API 不通过；provider 要求必须有该块，因此不会出现这种情况。

    ## How to fix
    只接受 HTTPS。
  EOT
}

rule "NET013" {
  docs = <<-EOT
    ## Why
    匿名 API 可以被任何发现它的人调用、抓取和滥用，而且后端无法得知调用者身份。
    后端之前缺少认证属于 medium（后端可能自行认证，acslint 无法看到）。

    ## How to fix
    要求使用应用（APP）认证。
  EOT
}

rule "NET014" {
  docs = <<-EOT
    ## Why
    流日志记录被接受和被拒绝的连接：没有它，就没有任何横向移动或数据外泄的痕迹可供调查。
    缺少日志记录属于 low（CIS 3.3）。

    通过 `resource_id` 查找流日志，无论它是引用该 VPC（`alicloud_vpc.main.id`，也可以经过模块）还是直接写出其 ID；KICS 只识别 `"$${alicloud_vpc.main.id}"` 这种字符串形式。
    在其他配置中管理的流日志无法被看到：请在此处抑制该结果并写明理由。

    ## How to fix
    添加流日志。
  EOT
}

rule "NET015" {
  docs = <<-EOT
    ## Why
    网络 ACL 是位于安全组之前的交换机级防护层；允许从任意地址访问管理和数据库端口（SSH、RDP、SMB、SQL Server、MySQL、PostgreSQL、Redis、MongoDB、Elasticsearch、Memcached、Docker、VNC、WinRM），会让安全组成为唯一的防线。
    Medium：安全组仍然生效（如果安全组也开放，由 NET001 报告）。

    逐个检查 `ingress_acl_entries` 块：`accept`，来源为 `0.0.0.0/0` 或 `::/0`，协议为 `tcp`、`udp` 或 `all`，且 `port` 范围（`-1/-1` 表示所有端口）覆盖上述某个端口。

    ## How to fix
    缩小该条目的范围。
  EOT
}

rule "NET016" {
  docs = <<-EOT
    ## Why
    DNAT 条目将 NAT 网关公网 EIP 的某个端口映射到实例：转发 SSH、RDP、SMB 或数据库端口会把它暴露到公网上，无论实例的安全组对其他来源如何规定。
    管理或数据端口暴露到公网属于 high。

    将 `internal_port`（单个端口、`from/to` 或 `from-to` 范围，或 `any`）与以下管理和数据库端口比较：SSH 22、Telnet 23、RPC 135、NetBIOS 139、SMB 445、SQL Server 1433、Oracle 1521、Docker 2375、MySQL 3306、RDP 3389、PostgreSQL 5432、VNC 5900、WinRM 5985、Redis 6379、Elasticsearch 9200、Memcached 11211、MongoDB 27017。

    ## How to fix
    删除该条目；使用堡垒机或 VPN。
  EOT
}

rule "NET017" {
  docs = <<-EOT
    ## Why
    负载均衡在 SSH、RDP 或数据库端口上的监听，会将该服务发布给负载均衡的所有客户端（对于面向公网的负载均衡，就是整个公网）。
    Medium：负载均衡可能是私网类型，仅凭监听无法判断。

    ## How to fix
    删除该监听，或用白名单 ACL 加以限制。
  EOT
}

rule "NET018" {
  docs = <<-EOT
    ## Why
    WAF 日志记录了被拦截和被放行的攻击。
    缺少日志记录属于 low。

    ## How to fix
    为该实例开通日志服务。
  EOT
}

rule "NET019" {
  docs = <<-EOT
    ## Why
    没有证书时，边缘节点通过 HTTP 明文提供网站服务，访问者与边缘节点之间的流量可能被读取和篡改。
    缺少传输加密属于 medium。
    没有同类规则检查这一点；provider 在 `alicloud_cdn_domain_new` 和 `alicloud_dcdn_domain` 上提供了该设置。

    ## How to fix
    启用 HTTPS 证书。
  EOT
}

rule "NET020" {
  docs = <<-EOT
    ## Why
    来自 `0.0.0.0/0` 的入方向全部放行策略，等于对其目标关闭了互联网边界防火墙：其后的所有管理和数据端口都被暴露。
    High。
    没有同类规则检查访问控制策略（InfraGuard 的 `firewall-asset-open-protect` 检查的是资产是否受到防护，而这只有账号本身才知道）。

    ## How to fix
    只放行需要的应用和端口。
  EOT
}

rule "NET021" {
  docs = <<-EOT
    ## Why
    不受限制的出方向访问让恶意软件可以回连，也让被盗的数据可以从任意端口流出。
    大多数工作负载一开始都是如此（安全组默认允许所有出方向流量），因此这属于安全卫生问题：low，默认不启用，需要显式选择（`--select NET021`），适用于限制出站流量的环境（CIS 3.5，精细化规则）。

    ## How to fix
    只允许访问需要的目标和端口。
  EOT
}

rule "NET022" {
  docs = <<-EOT
    ## Why
    公网端口白名单（HTTP 和 HTTPS）可以防止意外的服务暴露到公网。
    已知危险的端口由 NET001 检查（high）；此规则报告其他所有公网端口，这些端口往往是合理的（游戏服务器、VPN 接入点）：low，默认不启用，需要显式选择（`--select NET022`）。
    启用后，敏感端口会被两条规则同时报告。

    KICS 的“未知端口”查询报告其敏感端口表以外的端口（因此 80 和 443 也会被报告）；InfraGuard 的白名单检查以允许的端口作为参数。
    acslint 的白名单为 80 和 443。

    ## How to fix
    将服务放在监听 443 端口的负载均衡之后，或限制来源。
  EOT
}

rule "NET023" {
  docs = <<-EOT
    ## Why
    没有请求日志，就没有记录表明谁调用了 API，无法用于滥用和安全事件调查。
    缺少日志记录属于 low。

    日志配置作用于整个地域，因此配置中的任意 `alicloud_api_gateway_log_config` 都能满足所有分组；在其他地方管理的日志配置无法被看到。

    ## How to fix
    配置 API 日志，投递到日志服务 SLS。
  EOT
}

rule "NET024" {
  docs = <<-EOT
    ## Why
    没有交换机的私网 CLB 会获得经典网络中的地址，其他租户的经典网络实例都能访问；在 VPC 中则只能从该 VPC 内访问。
    从一开始就缺少隔离属于 medium（CIS 3.1）。
    面向公网的负载均衡不需要交换机，可以通过。

    ## How to fix
    在交换机中创建它。
  EOT
}
