# ルール文書の日本語訳：rulesets/alicloud/ecs.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "ECS001" {
  docs = <<-EOT
    ## Why
    暗号化されていないディスクとそのスナップショットは、コピーを入手した誰でも読み取れます。
    `alicloud_ecs_disk` と非推奨の `alicloud_disk` の両方を対象とします。

    ## How to fix
    ディスクを `encrypted = true` で作成してください。
  EOT
}

rule "ECS002" {
  docs = <<-EOT
    ## Why
    テンプレートから起動するすべてのインスタンスが、同じ暗号化されていないディスクを持ちます。
    `alicloud_ecs_launch_template` と非推奨の `alicloud_launch_template` の両方を対象とします。

    ## How to fix
    テンプレートの各データディスクを暗号化してください。
  EOT
}
