# 规则文档的简体中文译文：rulesets/alicloud/db.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "DB001" {
  docs = <<-EOT
    ## Why
    白名单中的 `0.0.0.0/0` 让任何能访问连接地址的人都可以尝试登录；如果同时开通了公网连接地址，数据库就暴露在公网上。

    InfraGuard 的 `rds-public-connection-and-any-ip-access-check` 只在实例同时有公网连接时才报告开放的白名单；acslint 无论如何都会报告（连接地址可能之后在 Terraform 之外添加），并将公网连接地址本身作为 DB006 报告。

    ## How to fix
    白名单中只加入客户端所在的 VPC 网段。
  EOT
}

rule "DB002" {
  docs = <<-EOT
    ## Why
    没有 SSL 时，凭证和查询结果以明文在网络中传输。

    ## How to fix
    设置 `ssl_action = "Open"` 开启 SSL，并让客户端校验证书。
  EOT
}

rule "DB003" {
  docs = <<-EOT
    ## Why
    透明数据加密（TDE）保护静态存储的数据文件和备份。
    只检查引擎和系列支持 TDE 的实例：MySQL（高可用系列和集群系列）、SQL Server 企业版以及 2019/2022 标准版、PostgreSQL 10 及以上版本；SQL Server Web 版和 Express 版、MySQL 基础系列以及 MariaDB 不支持 TDE。

    ## How to fix
    开启 TDE；对于不支持 TDE 的引擎，改用云盘加密。
  EOT
}

rule "DB004" {
  docs = <<-EOT
    ## Why
    SQL 审计日志记录了谁执行了哪条语句；调查需要数月的日志。
    未设置 `sql_collector_config_value` 时使用 provider 的默认值 30 天，会被报告。

    ## How to fix
    开启 SQL 审计（SQL 洞察），并将保存时间设为至少 180 天。
  EOT
}

rule "DB005" {
  docs = <<-EOT
    ## Why
    开放的白名单会让数据库面临来自任何地方的撞库攻击。
    InfraGuard 的 `mongodb-public-and-any-ip-access-check` 还要求同时存在公网连接地址；acslint 单独报告开放的白名单。

    ## How to fix
    白名单中只加入客户端所在的 VPC 网段。
  EOT
}
