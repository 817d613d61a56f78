# 规则文档的简体中文译文：rulesets/ram/semantics.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "RAM020" {
  docs = <<-EOT
    ## Why
    对 `*` 允许 `*`（或 `*:*`）就等同于 AdministratorAccess：持有者可以执行任何操作，
    包括为自己和他人授予任何权限。带有很短排除列表的 `NotAction`（除少数几个操作外的所有操作）
    同样如此。与同类工具不同，acslint 能识别列表形式的 `Action`/`Resource`、`acs:*:*:*:*`
    写法以及 `NotAction`；如果同一文档中有拒绝所有操作的 Deny 语句抵消了该语句，则不会报告。

    ## How to fix
    将通配符替换为持有者实际需要的服务和操作。
  EOT
}

rule "RAM021" {
  docs = <<-EOT
    ## Why
    对 `*` 授予 `<service>:*` 就是该云产品的管理员权限：对 RAM、STS 和 IMS 而言，这是完全接管账号的途径；
    对 ECS、RDS、OSS、KMS、ActionTrail 或 SLS 而言，这意味着可以删除数据、读取密钥或关闭审计。
    敏感服务包括 ram、sts、ims、ecs、rds、oss、kms、actiontrail、log、resourcemanager、vpc、cs、
    cloudsso、bss、fc 和 sas。如果同一文档中有拒绝整个服务的 Deny 语句，则不报告该问题。

    ## How to fix
    列出所需的操作，或限定 Resource 的范围。
  EOT
}

rule "RAM022" {
  docs = <<-EOT
    ## Why
    `Allow` + `NotAction` 会授予所有未列出的操作，覆盖所有服务，包括以后新增的服务和操作。
    阿里云官方文档也提醒，这种写法授予的权限范围很大。同类工具完全不检查 `NotAction`。

    ## How to fix
    用 `Action` 列出允许的操作。
  EOT
}

rule "RAM023" {
  docs = <<-EOT
    ## Why
    `NotResource` 本身就不属于 RAM 文档所述的语法（见 RAM005）；此外，`Allow` + `NotResource`
    会对当前及以后存在的所有资源（所列的少数资源除外）授予这些操作。

    ## How to fix
    用 `Resource` 列出资源。
  EOT
}

rule "RAM024" {
  docs = <<-EOT
    ## Why
    有些 RAM 操作可以让持有者为自己授予更多权限，因此看似范围很小的策略实际上等同于管理员权限。
    acslint 会指出具体的提权路径：
    - 改写策略：对任意策略的 `ram:CreatePolicyVersion` / `ram:SetDefaultPolicyVersion`；
    - 授权任意策略：`ram:AttachPolicyToUser` / `ToGroup` / `ToRole`；
    - 为其他用户创建凭证：对任意用户的 `ram:CreateAccessKey`、`ram:CreateLoginProfile`、
      `ram:UpdateLoginProfile`；
    - 改写角色的信任策略：对任意角色的 `ram:UpdateRole`；
    - 加入任意用户组：`ram:AddUserToGroup`；
    - 扮演任意角色：对 `*` 或 `role/*` 的 `sts:AssumeRole`；
    - 将任意角色传递给计算资源：对任意角色的 `ram:PassRole`，同时具有将角色交给计算资源的操作
      （`ecs:AttachInstanceRamRole`、`ecs:RunInstances`、`fc:CreateFunction` 等）。

    只有范围宽泛的资源（`*`、`…:user/*`）才计入；同一文档中拒绝该操作的 Deny 语句会阻断这条路径。
    `*` 本身由 RAM020 报告，`NotAction` 由 RAM022 报告。

    ## How to fix
    将这些操作限定到具体的用户、角色或策略，或只留给管理员使用。
  EOT
}

rule "RAM025" {
  docs = <<-EOT
    ## Why
    对于阿里云认为已泄露的 AccessKey，阿里云会拦截一份固定的高危 API 列表（AccessKey 限制性防护）：
    RAM 和 IMS 的全部 API，以及 `ecs:RunInstances`、`ecs:RunCommand`、`rds:DeleteDBInstance`、
    `dysms:SendSms` 等。如果策略对 `*` 授予这些 API 且没有网络限制，泄露的密钥在被检测到之前可以
    从任何地方调用它们。acslint 根据当前使用的高危 API 列表（`rulesets/data/high-risk-apis.hcl`，
    或 `--high-risk-list FILE`；`acslint explain RAM025` 会打印该列表）统计 RAM 和 IMS 的写操作
    （不含 Get/List/Describe）以及其他服务中列出的 API。`*` 本身由 RAM020 报告。

    ## How to fix
    将该语句限定为你的出口地址或 VPC，或添加基于网络的 Deny 语句。
  EOT
}

rule "RAM026" {
  docs = <<-EOT
    ## Why
    删除或停止操作审计跟踪、删除 SLS Project 或 Logstore、修改 OSS Bucket 的 Policy 或 ACL，
    是攻击者为隐藏行踪或窃取数据最先采取的操作：它们让审计失效，或将数据开放到公网。
    如果无条件地把这些操作授予日常使用的身份，攻击者只需一次 API 调用即可得手。

    ## How to fix
    从日常使用的策略中删除这些操作，或添加条件。
  EOT
}

rule "RAM030" {
  docs = <<-EOT
    ## Why
    `Principal` 为 `"*"`（或账号为 `*` 的 ARN）的信任策略允许任何阿里云身份扮演该角色并使用其权限。

    ## How to fix
    指定受信任的账号、角色、服务或身份提供商。
  EOT
}

rule "RAM031" {
  docs = <<-EOT
    ## Why
    `acs:ram::<uid>:root` 信任该账号中具有 `sts:AssumeRole` 权限的所有用户和角色。
    如果是其他账号，这相当于把该角色交给了管理那个账号的任何人。

    仅凭策略文档无法判断哪些账号是“你的”：请在规则选项 `accounts` 中列出这些账号（账号 ID），
    这样只会报告其他账号（中危）。未设置该选项时，每个无条件的 `root` 信任都会作为一条提示（info）
    级别的问题提出疑问（“跨账号信任：1234567890123456 是你的账号吗？”）：即使是你自己的账号，
    信任整个账号的范围也很宽；但只有确认该账号属于他人时，才算作缺陷。

    ## How to fix
    信任对方账号中的特定角色，或添加条件。
  EOT
}

rule "RAM032" {
  docs = <<-EOT
    ## Why
    信任 SAML 身份提供商但没有 `saml:recipient` 条件，或信任 OIDC 身份提供商但没有 `oidc:aud`
    和 `oidc:sub` 条件，会允许该身份提供商的任意身份（对开启了 RRSA 的集群而言，即任意服务账户）
    扮演该角色。

    ## How to fix
    添加信任策略文档中给出的条件。
  EOT
}

rule "RAM033" {
  docs = <<-EOT
    ## Why
    信任阿里云服务时，服务主体的形式为 `<service>.aliyuncs.com`；其他写法（AWS 风格的
    `ecs.amazonaws.com`、拼写错误）永远不会匹配，角色因此无法使用，而且不会有任何提示。
    信任策略授予的是 `sts:AssumeRole`；其中的其他操作没有意义或会被拒绝。

    ## How to fix
    使用文档中给出的服务主体和 `sts:AssumeRole`。
  EOT
}

rule "RAM040" {
  docs = <<-EOT
    ## Why
    `"Principal": ["*"]` 的语句如果允许写入、删除或修改 Bucket 的 ACL 或 Policy，
    公网上的任何人都可以覆盖或删除数据，或接管 Bucket 的访问控制。与子字符串匹配不同，
    acslint 根据 OSS 操作目录评估这些操作（因此 `oss:Get*` 是只读的，而 `oss:PutObject` 是写操作）。

    ## How to fix
    指定允许写入的账号或 RAM 身份。
  EOT
}

rule "RAM041" {
  docs = <<-EOT
    ## Why
    匿名且无条件的 Allow 会使对象公开。有时这是有意为之（静态网站），但通常是配置错误；
    写权限由 RAM040 报告。

    ## How to fix
    添加网络条件或 Referer 条件，或指定主体。
  EOT
}

rule "RAM042" {
  docs = <<-EOT
    ## Why
    如果主体所属的账号与 Bucket 所有者的账号（语句中资源 ARN 里的账号，或规则选项 `accounts`
    中列出的账号）不同，该主体就能从你控制范围之外访问这些数据。

    ## How to fix
    删除该主体；如果其账号是你自己的账号，则将其加入 `accounts`。
  EOT
}

rule "RAM043" {
  docs = <<-EOT
    ## Why
    共享给匿名用户或其他账号的 Bucket，会被你无法控制的客户端读写。如果没有针对
    `acs:SecureTransport = false` 的 Deny 语句，这些客户端可能使用 HTTP 明文，对象和签名都以明文传输。
    acslint 会检查：对所有人拒绝 HTTP 明文的 Deny 语句是否覆盖了共享语句允许的每个操作和资源
    （只拒绝 `oss:PutObject` 或只拒绝某个前缀，无法保护其余部分），或者共享语句本身是否要求
    `acs:SecureTransport = true`。

    如果主体指定的是账号，而 Bucket 所有者的账号未知（Resource ARN 中没有账号，也没有设置规则选项
    `accounts`），则无法判定，报告为未知（unknown）。

    ## How to fix
    像下面的正确示例那样，添加一条语句，对所有人在整个 Bucket 上拒绝 HTTP 明文
    （`acs:SecureTransport` 为 `false`）；或者在共享语句本身中要求 `acs:SecureTransport = true`。
  EOT
}

rule "RAM044" {
  docs = <<-EOT
    ## Why
    KMS 密钥策略、KMS 凭据策略（`alicloud_kms_key.policy`、`alicloud_kms_secret.policy`）
    或 SLS Project 策略（`alicloud_log_project.policy`）中，如果 Allow 语句的主体为 `*`
    （或任意账号的 ARN，即 `acs:ram::*:*`）且没有条件，则任何阿里云身份都可以使用该密钥、
    读取该凭据，或写入和读取日志。

    ## How to fix
    将 `*` 替换为需要访问的主体，或添加条件，将调用方限定在你的网络内。
  EOT
}

rule "RAM045" {
  docs = <<-EOT
    ## Why
    其他账号的主体可以从你控制范围之外使用该密钥、读取该凭据，或读写该 Project 的日志。
    你自己的账号包括规则选项 `accounts` 中的账号以及语句资源 ARN 中的账号；如果两者都没有给出账号，
    每个账号主体都会报告为未知（`--show-unknown`），而不是靠猜测判断。

    ## How to fix
    删除该主体；如果其账号是你自己的账号，则将其加入 `accounts`：

    ```hcl
    options "RAM045" { accounts = ["123456789012"] }
    ```
  EOT
}

rule "RAM050" {
  docs = <<-EOT
    ## Why
    `acs:MFAPresent` 表示登录时是否使用了 MFA。使用 AccessKey 签名的 API 调用并不经过登录，
    因此针对 `acs:MFAPresent = false` 的 Deny 语句无法阻止泄露的 AccessKey。

    ## How to fix
    为控制台用户保留 MFA 条件，并为 API 访问添加网络条件。
  EOT
}

rule "RAM051" {
  docs = <<-EOT
    ## Why
    `Sid` 用于在评审和变更记录中标识语句；重复的 Sid 通常源于复制粘贴，会让人分不清哪条语句起什么作用。

    ## How to fix
    重命名其中一条语句的 Sid。
  EOT
}

rule "RAM052" {
  docs = <<-EOT
    ## Why
    如果一条语句的所有操作和资源都被另一条效果相同（且条件不更严格）的语句匹配，它就不起任何作用。
    通常是范围更大的那条语句本应更窄，或者范围更窄的那条语句本应带有条件。

    ## How to fix
    删除其中一条语句。
  EOT
}
