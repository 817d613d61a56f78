# 规则文档的简体中文译文：rulesets/alicloud/oss.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "OSS001" {
  docs = <<-EOT
    ## Why
    `public-read` ACL 允许公网上的任何人列举和下载所有对象；如果是 `public-read-write`，
    任何人还可以上传、覆盖和删除对象。公开的 Bucket 是对象存储数据泄露最常见的来源。

    acslint 会检查 Bucket 的内联 `acl` 以及引用该 Bucket 的每个 `alicloud_oss_bucket_acl`
    （内联属性自 provider 1.220.0 起已弃用）。

    ## How to fix
    使用 `private`（默认值），并通过 Bucket Policy 向特定主体授予访问权限，或分发预签名 URL。
  EOT
}

rule "OSS002" {
  docs = <<-EOT
    ## Why
    没有默认服务端加密时，对象按写入时的原样存储。使用 OSS 托管密钥或 KMS 进行静态加密，可以保护
    存储介质上的数据；使用 KMS 时，对数据的访问还会受到密钥策略和审计的约束。

    ## How to fix
    在 Bucket 上声明默认加密规则，可以使用内联方式，也可以使用拆分的资源。
  EOT
}

rule "OSS003" {
  docs = <<-EOT
    ## Why
    没有版本控制时，一次覆盖或删除——无论是误操作、勒索软件，还是攻击者在审计日志 Bucket 中
    清除痕迹——都会永久销毁数据。

    ## How to fix
    为 Bucket 开启版本控制（内联 `versioning` 块，或拆分的 `alicloud_oss_bucket_versioning` 资源），
    并添加使历史版本过期的生命周期规则。
  EOT
}

rule "OSS004" {
  docs = <<-EOT
    ## Why
    访问日志是唯一能说明谁读取或修改了哪个对象的记录；没有访问日志，就无法确定泄露的范围。

    ## How to fix
    将访问日志发送到另一个单独的私有 Bucket。接收访问日志的 Bucket 本身不要求记录日志。
  EOT
}

rule "OSS005" {
  docs = <<-EOT
    ## Why
    使用 `AES256`（或不带密钥 ID 的 `KMS`）时，对象使用由服务托管的密钥加密：你无法通过密钥策略
    限制其使用，无法在发生安全事件时禁用它们，也无法在 KMS 审计记录中看到它们的使用情况。
    使用你自己的 KMS 密钥（CIS 5.9，“BYOK”）可以获得这些控制能力。这是在已加密基础上的安全规范
    问题：低危。

    acslint 会读取内联的 `server_side_encryption_rule` 以及该 Bucket 的每个
    `alicloud_oss_bucket_server_side_encryption`（同类工具只读取内联块）。完全没有默认加密的 Bucket
    由 OSS002 报告，而不是本规则（Checkov 和 KICS 在这项检查下也会报告它）。

    ## How to fix
    使用 `KMS` 和你自己的密钥加密。
  EOT
}

rule "OSS006" {
  docs = <<-EOT
    ## Why
    防盗链会将匿名请求的 `Referer` 头与白名单进行比对。如果允许空 Referer，那么根本不发送 Referer
    的客户端（curl、下载工具、设置了 `referrerpolicy="no-referrer"` 的网页）就能通过，白名单因此
    起不到任何保护作用。安全规范问题：低危（Referer 由客户端提供；真正的访问控制请使用签名 URL）。

    acslint 会读取内联的 `referer_config`（自 provider 1.220.0 起已弃用）和
    `alicloud_oss_bucket_referer`。没有任何 Referer 配置的 Bucket 不会被报告：防盗链只对提供公开
    对象的 Bucket 有意义，而这类 Bucket 由 OSS001 报告。

    ## How to fix
    拒绝空 Referer。
  EOT
}

rule "OSS007" {
  docs = <<-EOT
    ## Why
    TLS 1.0 和 1.1 存在已知缺陷，已被弃用（RFC 8996）。OSS 默认接受这两个版本；
    `alicloud_oss_bucket_https_config` 设置 `enable = true` 后，Bucket 只接受所列出的版本。
    只要客户端支持，连接仍会使用 TLS 1.2，因此风险在于旧客户端被降级：低危。默认关闭（需选择
    `OSS007` 启用）：大多数配置从不设置它，而且修复方式取决于如何对待旧客户端的策略决定。

    ## How to fix
    只允许 TLS 1.2 和 1.3。
  EOT
}

rule "OSS008" {
  docs = <<-EOT
    ## Why
    关乎数据的可用性和可恢复性：本地冗余的 Bucket（`LRS`，默认值）会随其所在可用区一起丢失；
    没有副本或备份的 Bucket，在遭遇版本控制无法覆盖的恶意或误操作批量删除（Bucket 被删除、
    生命周期规则过期）后无法恢复。每一项都是一个*分项*（facet：`zrs`、`replication`、`backup`），
    因此一次跳过只屏蔽其中一项。这属于韧性而非机密性问题：低危，且默认关闭（需选择 `OSS008` 启用），
    因为合适的组合取决于数据本身。

    ## How to fix
    重要的 Bucket 使用同城冗余存储，必须能在地域故障或运维人员误操作后保留下来的 Bucket 要进行复制或备份。
  EOT
}

rule "OSS009" {
  docs = <<-EOT
    ## Why
    阻止公共访问（Block Public Access）让 OSS 在 Bucket 级别或对账号下的所有 Bucket 拒绝公共 ACL
    以及授予匿名访问的 Bucket Policy。它是一道防护栏，防止一个错误的 `acl` 或策略语句
    （OSS001、RAM040/RAM041）导致数据公开。同类工具都不检查这一点。纵深防御：低危，且默认关闭
    （需选择 `OSS009` 启用）；如果同一配置中存在设置了 `block_public_access = true` 的
    `alicloud_oss_account_public_access_block`，则不会报告该问题。

    ## How to fix
    为整个账号阻止公共访问，或者为那些绝不能公开的 Bucket 逐个阻止公共访问。
  EOT
}

rule "OSS010" {
  docs = <<-EOT
    ## Why
    静态网站配置本身并不构成暴露（只有当 ACL 或策略允许匿名用户读取时，对象才可被访问，这种情况由
    OSS001 和 RAM040/RAM041 报告），但它表明该 Bucket 的内容本来就是要公开的；其中存放的其他任何内容
    也会一并公开。这是一个值得复核的事实：提示级别，默认关闭（需选择 `OSS010` 启用）。KICS 将其报告为高危。

    acslint 会读取内联的 `website` 块和 `alicloud_oss_bucket_website`。

    ## How to fix
    网站 Bucket 中只存放公开资源，或者通过开启回源鉴权的 CDN 从私有 Bucket 提供这些资源。
  EOT
}

rule "OSS011" {
  docs = <<-EOT
    ## Why
    不带 `acs:SourceIp` 或 `acs:SourceVpc` 条件的 Bucket Policy 授权在任何网络中都有效：被授权主体的
    AccessKey 一旦泄露，就可以从任何地方读取数据。将授权限定在客户端所在的网络（CIS 5.7）可以大大降低
    被盗密钥的价值。纵深防御：低危。

    策略从 `alicloud_oss_bucket_policy` 以及 `alicloud_oss_bucket` 已弃用的内联 `policy` 中读取；
    没有策略的 Bucket 不会被报告，只有 Deny 语句的策略也不会被报告。KICS 查找的是拼写错误的运算符
    `IpAdress`/`NotIpAdress`；acslint 则检查条件键，无论使用何种运算符。

    ## How to fix
    为 Allow 语句添加来源条件。
  EOT
}
