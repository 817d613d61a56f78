# 规则文档的简体中文译文：rulesets/alicloud/serverless.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "ECI001" {
  docs = <<-EOT
    ## Why
    ECI 容器组的环境变量属于其配置的一部分：任何对 ECI 有读权限的人调用 `DescribeContainerGroups`
    都能获取它们，它们会显示在控制台中、保存在 Terraform 状态文件里，并被容器中的每个进程继承
    （许多崩溃处理程序还会把它们打印出来）。放在其中的密码或密钥就是已泄露的密钥：高危。

    检查范围：`containers` 和 `init_containers` 中的每个 `environment_vars` 块，其 `key` 看起来像凭证
    （`password`、`passwd`、`secret`、`token`、`access_key`、`private_key`、`api_key`、`credential`，
    不区分大小写），且 `value` 已设置、不为空。无法静态确定的值（未设置的变量）为无法判定，由
    `--show-unknown` 列出。每个变量都是一个分项（facet，例如 `env:DB_PASSWORD`）。

    ## How to fix
    为容器组授予 RAM 角色（`ram_role_name`），在启动时从 KMS 凭据管家读取密钥，或者将密钥以文件形式挂载。
  EOT
}

rule "ECI002" {
  docs = <<-EOT
    ## Why
    特权容器，或被授予了 `SYS_ADMIN`、`SYS_MODULE`、`SYS_PTRACE`、`SYS_RAWIO`、`DAC_READ_SEARCH`、
    `NET_ADMIN` 或 `ALL` 权能的容器，可以挂载宿主机文件系统、加载内核模块并读取其他进程的内存：
    容器与其沙箱之间的隔离不复存在。ECI 在各自独立的沙箱虚拟机中运行每个容器组，将影响范围限制在
    该容器组内，因此这属于缺少安全控制（中危），而不是暴露。

    同类工具都不检查这一点；InfraGuard 的 `eci-container-group-volumn-mounts` 在 docs/coverage.md
    中有说明（ECI 数据卷无法挂载宿主机路径）。每个容器都是一个分项（facet）。

    ## How to fix
    从 `security_context` 中删除 `privileged = true` 和这些权能。
  EOT
}

rule "FC001" {
  docs = <<-EOT
    ## Why
    `authType = "anonymous"` 的 HTTP 触发器会把函数发布在任何人都能调用的公网 URL 上：函数代码成为
    无需认证的入口，而且每次调用都由你付费。公开的 Web 接口有时是有意为之，因此 acslint 将其评为中危
    （暴露的是应用，而不是数据或管理入口；InfraGuard 将其评为高危）；使用服务角色读取数据或修改资源的
    函数绝不应允许匿名调用。

    读取内容：`type = "http"` 以及触发器 JSON `config` 中的 `authType`（以字符串形式写出或使用
    `jsonencode`）。

    ## How to fix
    使用 `authType = "function"`，让调用方对请求签名，或者通过开启认证的 API 网关发布函数。
  EOT
}

rule "FC002" {
  docs = <<-EOT
    ## Why
    出方向的公网访问是被注入的代码向外发送数据或下载第二阶段载荷的途径。只与 VPC 内服务通信的函数
    完全不需要它。这是纵深防御而不是暴露（低危），而且许多函数需要调用公网 API，因此该规则默认关闭
    （不在 `recommended` 中）；可按规则代码选择，或通过合规包（`iso-27001`）启用。

    `internet_access` 默认为 true。

    ## How to fix
    设置 `internet_access = false`，并通过 `vpc_config` 访问函数必须访问的服务。
  EOT
}

rule "FC003" {
  docs = <<-EOT
    ## Why
    没有日志配置时，函数的输出和错误都会丢失：被滥用的函数（通过 HTTP 触发器注入、调用密钥泄露）
    不会留下任何可供调查的记录。在 acslint 的严重级别中，缺少日志属于低危。

    ## How to fix
    添加 `log_config`，指定要写入的 Project 和 Logstore。
  EOT
}

rule "FC004" {
  docs = <<-EOT
    ## Why
    使用 HTTP 明文的自定义域名会通过公网以明文发送请求（令牌、个人数据）和函数的响应。在 acslint 的
    严重级别中，缺少 TLS 属于中危。分项（facet）：`https`（域名只提供 `HTTP`）和 `cert`（接受 `HTTPS`，
    但没有 `cert_config` 为其提供证书）。

    在 acslint 所依据的 provider 文档中，自定义域名的最低 TLS 版本（InfraGuard 的
    `fc-function-custom-domain-and-tls-enable`）不是 `alicloud_fc_custom_domain` 的参数；
    见 docs/coverage.md。

    ## How to fix
    使用该域名的证书提供 `HTTP,HTTPS`。
  EOT
}

rule "FC005" {
  docs = <<-EOT
    ## Why
    调用其他云服务的函数从其服务的 RAM 角色获取短期 STS 凭证。没有角色时，唯一的办法就是把 AccessKey
    写在代码或环境变量中——长期有效且容易泄露。安全规范问题：低危。默认关闭（不在 `recommended` 中）：
    不调用任何云 API 的函数不需要角色；可按规则代码选择，或通过合规包启用。

    ## How to fix
    创建一个受 `fc.aliyuncs.com` 信任、具有函数所需权限的 RAM 角色，并将其 ARN 设为 `role`。
  EOT
}
