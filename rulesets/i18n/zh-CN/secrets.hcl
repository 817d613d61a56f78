# 规则文档的简体中文译文：rulesets/alicloud/secrets.hcl
# 仅含“## Why”和“## How to fix”两节的正文（标题保持英文）；示例（## Example）取自英文规则定义。

rule "SEC001" {
  docs = <<-EOT
    ## Why
    代码仓库中的 AccessKey ID（`LTAI` 后跟 12 到 20 个字母和数字，或 STS 的 `STS.` ID）是凭证的一半，
    而它的 Secret 往往就在不远处。所有字符串都会被扫描——`.tf`、`.tfvars`、策略和 plan JSON、heredoc、
    `user_data`、标签、注释——此外，除非 `.acslint.hcl` 中设置了 `secrets = "iac"`，遍历到的所有其他
    文本文件也会被扫描（`.env`、`*.py`、`*.yaml`、`*.properties`、`*.sh` 等；二进制文件和被忽略的文件
    会跳过）。`LTAIxxxxxxxxxxxxxxxx` 这样的占位符会被忽略（它们字符重复，熵很低）。密钥以脱敏形式显示，
    如 `LTAI5t…Yx9Q`。

    严重级别为高危而非严重：仅凭 ID 无法完成认证。如果在其旁边发现了对应的 Secret，这一对凭证只会
    作为 SEC002（严重）报告一次，并给出该 ID。

    ## How to fix
    从文件中删除该密钥，在 RAM 控制台中禁用它，创建一个放在代码之外的新密钥（环境变量、CLI 配置文件
    profile、KMS 凭据管家），并从历史记录中清除旧密钥。优先使用角色（ECS 实例 RAM 角色、RRSA、OIDC）
    而不是 AccessKey。
  EOT
}

rule "SEC002" {
  docs = <<-EOT
    ## Why
    AccessKey Secret（30 个字母和数字）与其 ID 一起就是一份可用的凭证：严重。随机的 30 个字符的令牌
    在以下情况下会被报告：位于 AccessKey ID 前后两行以内（即成对出现：此时该 ID 不会再作为 SEC001
    重复报告），或者位于指明凭证的行中（`secret`、`access_key`、`aliyun`、`alibaba`、`alicloud`，
    例如 `access_key_secret = …` 或 `.env` 文件中的 `ALIBABA_CLOUD_ACCESS_KEY_SECRET=…`）。
    字符重复或熵很低的令牌会被忽略。遍历到的所有文本文件都会被读取（见 SEC001）。acslint 的消息中
    从不打印 Secret。

    ## How to fix
    将该密钥对视为已泄露：禁用它，创建一个放在代码之外的新密钥对，并从历史记录中清除旧密钥。
  EOT
}

rule "SEC003" {
  docs = <<-EOT
    ## Why
    STS 安全令牌与其临时 AccessKey ID 和 Secret 一起，可以让任何人以获得该令牌的角色会话身份执行操作，
    直到令牌过期（最长 12 小时，某些角色更长）。令牌是以 `CAIS`（较旧的为 `CAES`）开头的长 base64
    字符串；在遍历到的每个文本文件中（见 SEC001），至少 100 个字符、带有该前缀且熵较高的字符串都会被报告。
    严重级别为高危而非严重，因为该凭证会自行过期。

    ## How to fix
    从文件及其历史记录中删除该令牌。令牌无法逐个撤销：如果它可能仍然有效，在其过期之前为该角色授权
    一个 Deny 策略（`acslint policy deny-high-risk`）。在运行时获取令牌（实例 RAM 角色、RRSA、OIDC），
    而不是存储令牌。
  EOT
}
