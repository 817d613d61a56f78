# ルール文書の日本語訳：rulesets/alicloud/rds.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "DB006" {
  docs = <<-EOT
    ## Why
    パブリックエンドポイントはデータベースをインターネット上に置きます。
    あらゆるスキャナーとの間にあるのは、ホワイトリストとパスワードだけです。
    データベースには VPC 経由で接続すべきです。
    深刻度はホワイトリストによって決まる（ホワイトリストの `0.0.0.0/0` は DB001、DB005、DB012 の対象で high）ため、エンドポイント単体では medium です。

    報告対象のリソース：`alicloud_db_connection`（RDS インスタンスのインターネット接続文字列）、`alicloud_kvstore_connection`（Redis/Tair インスタンスのパブリックエンドポイント。インスタンスの非推奨の `enable_public` は DB014 の対象です）、`alicloud_polardb_endpoint_address`（`net_type = "Public"`、デフォルト）。

    InfraGuard の `rds-public-connection-and-any-ip-access-check`、`polardb-public-and-any-ip-access-check`、`redis-public-and-any-ip-access-check` は、エンドポイントと開放されたホワイトリストを組み合わせて判定します。
    acslint は開放されたホワイトリストを単独で報告する（DB001、DB012）ため、これらもカバーされます。

    ## How to fix
    パブリックエンドポイントを削除し、VPC 内から接続してください。
  EOT
}

rule "DB007" {
  docs = <<-EOT
    ## Why
    PostgreSQL が、誰が接続したか、セッションがいつ終了したか、ステートメントの実行にどれだけかかったかを記録するのは、`log_connections`、`log_disconnections`、`log_duration` が `on` の場合のみです（CIS 6.7～6.9）。
    これらがないと、侵入やブルートフォースの試行がデータベースログに痕跡を残しません。
    ログ記録の欠如であるため low です。

    各パラメーターは検出結果の *ファセット*（`log_connections`、`log_disconnections`、`log_duration`）であるため、`#checkov:skip=CKV_ALI_37` は `log_connections` のみを抑制します。

    判定の対象は `engine = "PostgreSQL"` のみです：MySQL と SQL Server にはこのようなパラメーターはありません（Checkov と KICS はすべてのエンジンで報告します）。
    `db_param_group_id` がパラメーターテンプレートを指定している場合、値はテンプレートから取得されるため、検出結果は判定されません。

    ## How to fix
    3 つのパラメーターを `on` に設定してください。
  EOT
}

rule "DB008" {
  docs = <<-EOT
    ## Why
    クラウドディスク暗号化は、インスタンスのデータファイル、ログ、バックアップを KMS キーで暗号化します。
    これ（または TDE、DB003）がないと、データは書き込まれたまま保存されます。
    暗号化の欠如であるため medium です。

    これをサポートするのは、クラウドディスク（`cloud_ssd`、`cloud_essd*`、`general_essd`）上の MySQL、PostgreSQL、SQL Server のみです。
    ローカル SSD 上のインスタンスは報告されず、`db_instance_storage_type` が未設定のインスタンスは判定できません（デフォルトはインスタンスタイプによって異なります）。
    TDE が有効なインスタンスは合格です。

    ## How to fix
    `encryption_key` を指定してインスタンスを作成してください（指定せずに作成したインスタンスに後から追加することはできません）。
  EOT
}

rule "DB009" {
  docs = <<-EOT
    ## Why
    エンジンのマイナーバージョンには、データベースエンジンのセキュリティ修正が含まれます。
    `Manual` の場合、インスタンスは Alibaba Cloud がそのバージョンの提供を終了するまで同じバージョンにとどまります。
    パッチ適用の衛生管理であるため low です。

    Checkov は未設定の値も不合格にしますが、プロバイダーのドキュメントにはデフォルトが記載されていないため、acslint は明示的な `Manual` のみを報告し、未設定の値は判定不能として記録します（`--show-unknown`）。

    ## How to fix
    メンテナンス時間帯にマイナーバージョンを自動アップグレードしてください。
  EOT
}

rule "DB010" {
  docs = <<-EOT
    ## Why
    `address` が `0.0.0.0/0` の `pg_hba_conf` エントリでは、列挙されたユーザーが、ネットワークが通過させるあらゆる場所から認証できます。
    `method = "trust"` の場合は、パスワードすら不要です。
    データの公開であるため high です。

    KICS は存在しないトップレベルの `address` 属性（この属性は `pg_hba_conf` ブロックに属します）を読み取るため、実際の構成では何も報告しません。
    acslint はブロックを読み取り、`reject` エントリは報告しません。

    ## How to fix
    各エントリにはクライアントのサブネットのみを指定してください。
  EOT
}

rule "DB011" {
  docs = <<-EOT
    ## Why
    ログバックアップにより、特定時点への復元（PITR）が可能になります：破壊的なステートメント、ランサムウェア攻撃、失敗した移行の後に、その 1 秒前の状態に復元できます。
    ログバックアップがないと、最後のフルバックアップ以降のデータが失われます。
    復旧の衛生管理であるため low です。

    報告対象：`enable_backup_log = false`（デフォルトは `true`）の `alicloud_db_backup_policy` と、`enable_backup_log = 0` の `alicloud_mongodb_instance`。
    デフォルトで無効な Redis のログバックアップは DB023 の対象です。

    ## How to fix
    ログバックアップを有効のままにしてください。
  EOT
}
