# ルール文書の日本語訳：rulesets/alicloud/dbs.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "DB012" {
  docs = <<-EOT
    ## Why
    ホワイトリストはこれらのサービスのネットワークアクセス制御です：`0.0.0.0/0` を登録すると、エンドポイントに到達できる任意のアドレスからログインを試行でき、パブリックエンドポイントがある場合はインターネット全体が対象になります。
    データの露出であるため、high です。RDS は DB001、MongoDB は DB005 の対象です。

    読み取る属性：PolarDB の `security_ips` と `db_cluster_ip_array`、Redis/Tair の `security_ips`、HBase の `ip_white`、Lindorm の `ip_white_list`、AnalyticDB の `security_ips`、GPDB の `security_ip_list` と `ip_whitelist`、ClickHouse の `db_cluster_access_white_list`、RocketMQ の `ip_whitelists` と非推奨の `network_info.internet_info.ip_whitelist`、および `enable_public` / `enable_kibana_public_network` が true の場合の Elasticsearch の `public_whitelist` / `kibana_whitelist`（プライベートのホワイトリストに `0.0.0.0/0` を登録しても、サービスはその VPC に開放されるだけです）。

    InfraGuard の「パブリックかつ任意の IP」ルールは、開放されたホワイトリストをパブリックエンドポイントと組み合わさった場合にのみ報告します。acslint は開放されたホワイトリスト自体を報告し（エンドポイントは後から Terraform の外で追加される可能性があるため）、パブリックエンドポイントは別途報告します（DB006、DB014）。

    ## How to fix
    クライアントのサブネットを登録してください。
  EOT
}

rule "DB013" {
  docs = <<-EOT
    ## Why
    クラシックネットワークはリージョン内のすべてのテナントで共有されます：データベースと他のすべての顧客のインスタンスとの間にあるのはホワイトリストだけであり、セキュリティグループ、VPC フローログ、プライベートルーティングは利用できません（CIS 3.1「レガシーネットワーク」）。
    ネットワークの衛生管理上の問題であるため、low です。

    `vswitch_id`、`vpc_id`、または `network_type = "VPC"` を持つデータベースは VPC 内にあります。
    Checkov の CKV_ALI_41 は、vSwitch が指定されていても MongoDB に `network_type = "VPC"` を要求しますが、acslint はどちらも受け入れます。
    Lindorm は vSwitch が必須であるため、構成が不完全な場合にのみ報告されます。PolarDB クラスターは常に VPC 内にあります（InfraGuard の `polardb-dbcluster-in-vpc` については docs/coverage.md で説明しています）。

    ## How to fix
    VPC の vSwitch 内にインスタンスを作成してください。
  EOT
}

rule "DB014" {
  docs = <<-EOT
    ## Why
    パブリックエンドポイントがあると、データサービスはホワイトリストと認証情報だけに守られた状態でインターネット上に置かれます。
    どの程度深刻かはホワイトリストによって決まる（`0.0.0.0/0` は DB012、high）ため、エンドポイント単体では medium です。
    ファセットは `endpoint`（サービス）と `kibana`（Elasticsearch の Kibana コンソール）の 2 つで、スキップ（抑制）はそのうちの一方にのみ作用します。

    読み取る属性：Elasticsearch の `enable_public` と `enable_kibana_public_network`、Redis/Tair の `enable_public`（非推奨。`alicloud_kvstore_connection` は DB006 の対象）、ClickHouse の `allocate_public_connection`、Kafka の `deploy_type = 4`（インターネットと VPC。`5` は VPC のみ）、および EMR マスターノードの `is_open_public_ip`。
    Elasticsearch では未設定の値はサービス側が決定するため、acslint は明示的な `true` のみを報告します。

    ## How to fix
    VPC から、踏み台ホストまたは VPN 経由でサービスにアクセスしてください。
  EOT
}

rule "DB015" {
  docs = <<-EOT
    ## Why
    Tablestore インスタンスは、`network_type_acl` で別途指定しない限り、インターネット、クラシックネットワーク、VPC からのリクエストを受け入れます（デフォルトは 3 つすべて）。その場合、リクエストを守るのは AccessKey の署名だけです。
    インスタンスを VPC に限定すれば、漏えいしたキーをどこからでも使える状態を防げます。
    認証に守られてはいるものの、ネットワークに広く露出しているため、medium です。

    `network_type_acl` が設定されていない場合は、非推奨の `accessed_by` を読み取ります（`Any` はインターネットアクセスを意味します）。

    ## How to fix
    VPC からのアクセスのみを許可してください。
  EOT
}

rule "DB016" {
  docs = <<-EOT
    ## Why
    保存時の暗号化がないと、データファイル、およびそこから作成されたスナップショットとバックアップには、データが書き込まれたままの状態で保存されます。
    暗号化の欠如であるため、medium です。暗号化はリソースの作成時にのみ選択できます。

    読み取る属性：MongoDB の `encrypted`（または TDE、`tde_status = "enabled"`。ローカルディスク上のインスタンス（`storage_type = "local_ssd"`）はディスク暗号化を使用できないため報告されません）、GPDB と ClickHouse の `encryption_type = "CloudDisk"`、AnalyticDB の `disk_encryption`、Kafka の `kms_key_id`、RocketMQ の `product_info.storage_encryption`、Elasticsearch の `data_node_configuration.disk_encryption` または非推奨の `data_node_disk_encrypted`、および MaxCompute の `properties.encryption.enable`。
    RDS は DB008 と DB003、PolarDB、Redis、MongoDB の TDE は DB017 の対象です。

    ## How to fix
    暗号化を有効にしてリソースを作成してください。
  EOT
}

rule "DB017" {
  docs = <<-EOT
    ## Why
    透過的データ暗号化（TDE）は、データファイルとバックアップを KMS キーで暗号化します。そのため、ストレージのコピーやバックアップファイルはキーがなければ役に立ちません。
    暗号化の欠如であるため、medium です。
    暗号化されたクラウドディスクを使用する MongoDB インスタンスでも TDE がなければ報告されます（ディスクは DB016 の対象です）。

    Tair（Redis Enterprise Edition）インスタンスは、TDE を備える唯一のクラスである DRAM クラス（`tair.rdb.*`）のみを判定します。Redis オープンソース版インスタンスは報告されません。
    MongoDB では値を `enabled` と綴りますが、acslint は大文字小文字を問わず受け入れます（Checkov の CKV_ALI_44 は小文字を要求します）。
    InfraGuard の `redis-instance-enabled-byok-tde` は独自のキーも要求しますが、これは DB018 の対象です。

    ## How to fix
    TDE を有効にしてください（再び無効にすることはできないため、キーのライフサイクルを計画してください）。
  EOT
}

rule "DB018" {
  docs = <<-EOT
    ## Why
    サービスが管理するキーでは、キーの使用を制限したり監査したりすることも、インシデント発生時にキーを無効化することもできません。独自の KMS キー（BYOK、CIS 6.6）であれば可能です。
    暗号化に加えた衛生管理であるため、low です。TDE のないインスタンスは DB003（RDS）または DB017 の対象です。

    ## How to fix
    TDE を有効にする際に独自の KMS キーを指定してください（後から変更することはできません）。
  EOT
}

rule "DB019" {
  docs = <<-EOT
    ## Why
    TLS がないと、認証情報とデータは平文でネットワークを流れ、経路上の誰でも読み取れます。
    TLS の欠如であるため、medium です。これらのサービスでは、いずれも SSL はデフォルトで無効です。

    読み取る属性：MongoDB の `ssl_action`（`Open`/`Update`）、Redis/Tair の `ssl_enable`（`Enable`/`Update`）、GPDB の `ssl_enabled = 1`、AnalyticDB の `enable_ssl`、および `alicloud_polardb_endpoint` の `ssl_enabled`（PolarDB は SSL をエンドポイントごとに設定し、クラスターリソースには SSL の設定がありません）。
    Memcache インスタンス（`instance_type = "Memcache"`）には SSL がないため報告されません。RDS は DB002 の対象です。

    ## How to fix
    SSL を有効にし、クライアント側でも SSL を必須にしてください。
  EOT
}

rule "DB020" {
  docs = <<-EOT
    ## Why
    パスワードなしのアクセス（Redis の `vpc_auth_mode = "Close"`、RocketMQ 5 の `acl_info.default_vpc_auth_free = true`）では、VPC からインスタンスに到達できるものは何でも、認証情報なしにすべてのデータを読み取り、変更し、削除できます：VPC 内のどこかでコンテナや VM が侵害されればデータを奪われ、誰が行ったかの監査記録も残りません。
    データへの認証なしアクセスであるため、high です。

    ## How to fix
    認証を有効なまま（デフォルト）にしてください。
  EOT
}

rule "DB021" {
  docs = <<-EOT
    ## Why
    監査ログ（PolarDB の SQL Explorer、MongoDB の監査ログ）は、誰がどのステートメントを実行したかの記録です。これがなければ、正規の認証情報を使ったデータ窃取を追跡できません。
    ログの欠如であるため、low です。RDS は DB004 の対象です。

    ## How to fix
    監査ログを有効にしてください。
  EOT
}

rule "DB022" {
  docs = <<-EOT
    ## Why
    削除保護を有効にすると、誰かが意図的に無効にするまでリリースは失敗します：誤った `terraform destroy`、コンソールでの誤クリック、侵害されたオペレーターのキーによって、1 回の呼び出しでデータベースが削除されることはありません。
    衛生管理上の問題であるため low であり、他の削除保護のルールと同様にデフォルトでは無効です（`DB022` を選択してください）。

    読み取る属性：RDS と HBase の `deletion_protection`、PolarDB の `deletion_lock`、MongoDB の `db_instance_release_protection`、Redis/Tair の `instance_release_protection`、Lindorm の `deletion_proection`（プロバイダーでの綴りのまま）。
    削除保護を設定できないサブスクリプション（年額・月額）課金の RDS インスタンスは報告されません。

    ## How to fix
    本番環境のデータベースでは保護を有効にしてください。
  EOT
}

rule "DB023" {
  docs = <<-EOT
    ## Why
    増分（ログ）バックアップがあれば、インスタンスを特定の時点に復元できます。たとえば、攻撃者による `FLUSHALL` や不具合のあるデプロイの直前の時点です。
    デフォルトは無効です。
    復旧に関する衛生管理であるため、low です。Memcache インスタンスにはこのバックアップがないため報告されません。

    ## How to fix
    増分バックアップを有効にしてください。
  EOT
}

rule "DB024" {
  docs = <<-EOT
    ## Why
    IP ホワイトリストがないと、MaxCompute プロジェクトは任意のアドレスからのリクエストに応答し、守るのは AccessKey だけです。漏えいしたキーがあれば、どこからでもプロジェクトのテーブルをエクスポートできます。
    認証に守られてはいるものの、ネットワークに広く露出しているため、medium です。
    `0.0.0.0/0` のホワイトリストはホワイトリストがないのと同じです。

    ## How to fix
    クライアントのネットワークをホワイトリストに登録してください。
  EOT
}
