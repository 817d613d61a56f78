# ルール文書の日本語訳：rulesets/alicloud/db.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "DB001" {
  docs = <<-EOT
    ## Why
    ホワイトリストに `0.0.0.0/0` があると、エンドポイントに到達できる誰もがログインを試行できます。パブリックエンドポイントと組み合わさると、データベースはインターネット上に公開されます。

    InfraGuard の `rds-public-connection-and-any-ip-access-check` は、インスタンスにパブリック接続もある場合にのみ開放されたホワイトリストを報告します。acslint はどちらの場合も報告し（エンドポイントは後から Terraform の外で追加される可能性があるため）、パブリックエンドポイント自体は DB006 として報告します。

    ## How to fix
    クライアントの VPC の範囲のみをホワイトリストに登録してください。
  EOT
}

rule "DB002" {
  docs = <<-EOT
    ## Why
    SSL がないと、認証情報とクエリの結果は平文でネットワークを流れます。

    ## How to fix
    `ssl_action = "Open"` で SSL を有効にし、クライアントに証明書を検証させてください。
  EOT
}

rule "DB003" {
  docs = <<-EOT
    ## Why
    透過的データ暗号化（TDE）は、保存されているデータファイルとバックアップを保護します。
    チェックするのは、エンジンとエディションが TDE を提供しているインスタンスのみです：MySQL（高可用性エディションとクラスターエディション）、SQL Server Enterprise エディションと 2019/2022 Standard エディション、PostgreSQL 10 以降です。SQL Server の Web と Express、MySQL の基本エディション、MariaDB には TDE がありません。

    ## How to fix
    TDE を有効にしてください。TDE のないエンジンでは、代わりにクラウドディスクの暗号化を使用してください。
  EOT
}

rule "DB004" {
  docs = <<-EOT
    ## Why
    SQL 監査ログは、誰がどのステートメントを実行したかを示します。調査には数か月分のログが必要です。
    `sql_collector_config_value` が未設定の場合はプロバイダーのデフォルトである 30 日となり、報告されます。

    ## How to fix
    保存期間を 180 日以上にして SQL 監査（SQL collector）を有効にしてください。
  EOT
}

rule "DB005" {
  docs = <<-EOT
    ## Why
    開放されたホワイトリストは、データベースをどこからでもクレデンシャルスタッフィング攻撃にさらします。
    InfraGuard の `mongodb-public-and-any-ip-access-check` はパブリックエンドポイントもあることを条件としますが、acslint は開放されたホワイトリストを単独で報告します。

    ## How to fix
    クライアントの VPC の範囲のみをホワイトリストに登録してください。
  EOT
}
