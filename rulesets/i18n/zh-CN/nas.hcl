# 规则文档的简体中文译文：rulesets/alicloud/nas.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "NAS001" {
  docs = <<-EOT
    ## Why
    没有服务端加密时，文件按写入时的原样存储；存储的副本或快照会暴露这些文件。`encrypt_type`
    默认为 `0`（不加密），且创建后无法修改。在 acslint 的严重级别中，缺少加密属于中危。

    ## How to fix
    创建文件系统时设置 `encrypt_type = 2` 并指定你的 KMS 密钥（或设为 `1`，即 NAS 托管密钥；
    NAS002 会将这种情况报告为低危）。
  EOT
}

rule "NAS002" {
  docs = <<-EOT
    ## Why
    使用 NAS 托管密钥（`encrypt_type = 1`）时，你无法禁用或轮转密钥，无法通过密钥策略限制谁可以使用它，
    也无法审计其使用情况。使用你自己的 KMS 密钥（`encrypt_type = 2`）则可以做到。这是在已加密基础上的
    安全规范问题：低危。KICS 在这项检查下也会报告未加密的文件系统；acslint 只报告一次，即 NAS001。

    ## How to fix
    使用你自己的 KMS 密钥（只能在创建时设置）。
  EOT
}

rule "NAS003" {
  docs = <<-EOT
    ## Why
    权限组规则是 NFS 唯一的授权机制：任何与规则匹配且能访问挂载点的主机都可以读取（在默认的 `RDWR`
    下还可以写入）所有文件。`0.0.0.0/0`（或 `::/0`）匹配所有主机，因此文件系统的私密程度完全取决于
    其所在的网络。数据暴露：高危。

    ## How to fix
    只允许客户端子网访问。
  EOT
}

rule "NAS004" {
  docs = <<-EOT
    ## Why
    VPC 的默认权限组（`DEFAULT_VPC_GROUP_NAME`）以读写权限允许 `0.0.0.0/0`，且不限制 root 用户
    （no root squashing）：VPC 中的所有主机，以及任何能访问该 VPC 的主体，都可以挂载文件系统。
    没有 `access_group_name` 的挂载点会使用默认权限组。网络内部对数据的宽泛访问：中危。

    ## How to fix
    绑定你自己的权限组，并在其规则中列出客户端子网。
  EOT
}
