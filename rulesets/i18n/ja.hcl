# Japanese (ja) rule titles, messages and help, keyed by rule code.
# A message keeps the English `${…}` interpolations exactly and code in backticks as it is
# (tests/rules.rs checks both); `acslint --lang ja` reads this file.

rule "CR001" {
  title   = "Container Registry のリポジトリが公開されている"
  message = "リポジトリ `${named(lookup(self, "name", null))}` のイメージは誰でもプルできます"
  help    = "`repo_type = \"PRIVATE\"` を設定し、プル権限は RAM またはインスタンスのアクセス認証情報で付与してください"
}
rule "CR002" {
  title   = "Container Registry のインターネットエンドポイントが任意のアドレスを受け入れる"
  message = "レジストリインスタンスのインターネットエンドポイントは `${self.entry}`（任意のアドレス）からの接続を受け入れます"
  help    = "プッシュ・プルを行うネットワーク（CI ランナー、オフィス）のみを許可するか、VPC エンドポイントを使用してください"
}
rule "CR003" {
  title   = "Container Registry インスタンスがイメージをスキャンしない"
  message = "レジストリ `${named(lookup(self, "instance_name", null))}` はプッシュされたイメージの脆弱性をスキャンしません"
  help    = "`image_scanner = \"DISABLE\"` を削除してください（または `ACR` か `SAS` を設定）"
}
rule "CR004" {
  title   = "Container Registry のリポジトリでタグを上書きできる"
  message = "リポジトリ `${named(lookup(self, "name", null))}` のタグは上書きできます：デプロイ済みのタグが知らないうちに変わる可能性があります"
  help    = "`tag_immutability = true` を設定してください（デプロイはダイジェストで行います）"
}
rule "KMS001" {
  title   = "KMS キーが自動ローテーションされない"
  message = "KMS キー `${coalesce(self.description, "(no description)")}` は一度もローテーションされません"
  help    = "`automatic_rotation = \"Enabled\"` を設定し、`rotation_interval` を 365 日以下にしてください"
}
rule "KMS002" {
  title   = "KMS キーのローテーション間隔が 1 年を超えている"
  message = "KMS キー `${named(lookup(self, "description", null))}` のローテーション間隔は ${self.rotation_interval} で、365 日を超えています"
  help    = "`rotation_interval` を `365d` 以下に設定してください"
}
rule "KMS003" {
  title   = "KMS キーが無効化されているか削除予定になっている"
  message = "KMS キー `${named(lookup(self, "description", null))}` の状態は ${coalesce(lookup(self, "status", null), lookup(self, "key_state", null), "disabled")} です：このキーで暗号化されたデータは復号できません"
  help    = "`status = \"Enabled\"` を設定するか、使用されなくなったキーは構成から削除してください"
}
rule "KMS004" {
  title   = "KMS キーに削除保護がない"
  message = "KMS キー `${named(lookup(self, "description", null))}` には削除保護が設定されていません"
  help    = "`deletion_protection = \"Enabled\"` を設定してください（provider 1.240.0 以降）"
}
rule "KMS005" {
  title   = "KMS のシークレットが自動ローテーションされない"
  message = "タイプ ${self.secret_type} のシークレット `${named(lookup(self, "secret_name", null))}` は一度もローテーションされません"
  help    = "`enable_automatic_rotation = true` と `rotation_interval`（例：`30d`）を設定してください"
}
rule "DB001" {
  title   = "RDS インスタンスのホワイトリストが任意のアドレスを許可している"
  message = "インスタンス `${named(self.instance_name)}` は任意の IP アドレスからの接続を受け入れます"
  help    = "データベースを必要とするアプリケーションのサブネット（またはセキュリティグループ）のみを登録してください"
}
rule "DB002" {
  title   = "RDS インスタンスで SSL が有効になっていない"
  message = "インスタンス `${named(self.instance_name)}` は SSL を強制していません（ssl_action は `${coalesce(self.ssl_action, "unset")}`）"
  help    = "`ssl_action = \"Open\"` を設定してください"
}
rule "DB003" {
  title   = "RDS インスタンスが透過的データ暗号化（TDE）を使用していない"
  message = "インスタンス `${named(self.instance_name)}` は TDE なしでデータを保存しています"
  help    = "`tde_status = \"Enabled\"` を設定してください（MySQL と SQL Server。一度有効にすると無効にできません）"
}
rule "DB004" {
  title   = "RDS の SQL 監査が無効、または保存期間が 180 日未満"
  message = "インスタンス `${named(self.instance_name)}` は SQL 監査ログを 180 日間保持していません"
  help    = "`sql_collector_status = \"Enabled\"` と `sql_collector_config_value = 180`（以上）を設定してください"
}
rule "DB005" {
  title   = "MongoDB インスタンスのホワイトリストが任意のアドレスを許可している"
  message = "MongoDB インスタンス `${named(self.name)}` は任意の IP アドレスからの接続を受け入れます"
  help    = "アプリケーションのサブネットのみをホワイトリストに登録してください"
}
rule "DB006" {
  title   = "データベースにパブリック（インターネット）エンドポイントがある"
  message = "このリソースはデータベースにインターネット上のエンドポイントを作成します"
  help    = "VPC エンドポイント経由で接続してください（ECS から、または VPN/Express Connect 経由）。パブリックエンドポイントが避けられない場合は、ホワイトリストを既知のアドレスに限定してください"
}
rule "DB007" {
  title   = "RDS PostgreSQL が接続・切断・ステートメント実行時間を記録していない"
  message = "PostgreSQL インスタンス `${named(lookup(self, "instance_name", null))}` は `${each.value.param} = on` を設定していません：ログに ${each.value.what} が記録されません"
  help    = "`log_connections`、`log_disconnections`、`log_duration` のそれぞれについて `parameters { name = … value = \"on\" }` ブロックを追加してください"
}
rule "DB008" {
  title   = "クラウドディスク上の RDS インスタンスがディスク暗号化も TDE も使用していない"
  message = "インスタンス `${named(lookup(self, "instance_name", null))}` は暗号化されていないクラウドディスクにデータを保存しています"
  help    = "`encryption_key` に KMS キー ID を設定する（RDS のサービスリンクロールが必要）か、TDE を有効にしてください"
}
rule "DB009" {
  title   = "RDS インスタンスがマイナーバージョンを自動アップグレードしない"
  message = "インスタンス `${named(lookup(self, "instance_name", null))}` は、現在のマイナーバージョンが提供終了になるまでマイナーバージョン（セキュリティ修正）を適用しません"
  help    = "`auto_upgrade_minor_version = \"Auto\"` とメンテナンス時間帯 `maintain_time` を設定してください"
}
rule "DB010" {
  title   = "RDS PostgreSQL の pg_hba エントリが任意のアドレスからのログインを許可している"
  message = "インスタンス `${named(lookup(self, "instance_name", null))}` の `pg_hba_conf` エントリは、任意のアドレスからのユーザーのログインを許可しています"
  help    = "`address` をクライアントのサブネットに限定してください（拒否エントリには `method = \"reject\"` を使用）"
}
rule "DB011" {
  title   = "データベースのログバックアップが無効になっている"
  message = "ログバックアップが無効です：データベースを特定の時点に復元できません"
  help    = "`enable_backup_log` を `true`（RDS）または `1`（MongoDB）に設定し、復旧要件に合ったログ保持期間を設定してください"
}
rule "DB012" {
  title   = "データベースまたはデータサービスのホワイトリストが任意のアドレスを許可している"
  message = "ホワイトリストに `0.0.0.0/0` が含まれています：エンドポイントに到達できる任意のアドレスから接続できます"
  help    = "クライアントのサブネットのみをホワイトリストに登録してください（パブリックエンドポイントを持つインスタンスでは `0.0.0.0/0` を絶対に使用しないでください）"
}
rule "DB013" {
  title   = "データベースが VPC ではなくクラシックネットワークに作成される"
  message = "データベースに `vswitch_id` がありません：クラシックネットワークに作成されます"
  help    = "VPC 内に作成してください：`vswitch_id` を設定します（リソースにある場合は `vpc_id` も）"
}
rule "DB014" {
  title   = "データサービスがインターネットにエンドポイントを公開している"
  message = "このサービスは${each.value.what}"
  help    = "パブリックエンドポイントを無効にして VPC から接続してください。残す必要がある場合は、ホワイトリストを既知のアドレスに限定してください"
}
rule "DB015" {
  title   = "Tablestore（OTS）インスタンスがインターネットからのリクエストを受け入れる"
  message = "インスタンス `${named(lookup(self, "name", null))}` はインターネットからのリクエストを受け入れます"
  help    = "`network_type_acl = [\"VPC\"]` を設定し、インスタンスを VPC にバインドしてください"
}
rule "DB016" {
  title   = "データサービスが暗号化されていないディスクにデータを保存している"
  message = "データは暗号化されずに保存されています"
  help    = "リソースの作成時に KMS キーによるディスク（ストレージ）暗号化を有効にしてください"
}
rule "DB017" {
  title   = "PolarDB、MongoDB または Tair インスタンスが透過的データ暗号化（TDE）を使用していない"
  message = "データベースは TDE なしでデータを保存しています"
  help    = "`tde_status = \"Enabled\"`（MongoDB では `\"enabled\"`）を設定し、独自のキーを `encryption_key` で指定してください。TDE は一度有効にすると無効にできません"
}
rule "DB018" {
  title   = "TDE が独自の KMS キーではなくサービスキーを使用している"
  message = "TDE は有効ですが、サービスが管理するキーを使用しています"
  help    = "TDE を有効にする際に独自のキーを設定してください（RDS では `tde_encryption_key`、その他では `encryption_key`）"
}
rule "DB019" {
  title   = "データベースがクライアント接続で SSL/TLS を有効にしていない"
  message = "データベースへの接続は暗号化されていません"
  help    = "SSL を有効にし（MongoDB では `ssl_action = \"Open\"`、Redis では `ssl_enable = \"Enable\"`、GPDB では `ssl_enabled = 1`、AnalyticDB では `enable_ssl = true`、PolarDB のエンドポイントでは `ssl_enabled = \"Enable\"`）、クライアントに証明書を検証させてください"
}
rule "DB020" {
  title   = "Redis または RocketMQ が VPC からの認証なしアクセスを許可している"
  message = "VPC 内のクライアントはパスワードなしでデータを読み書きできます"
  help    = "`vpc_auth_mode = \"Open\"`（Redis）または `default_vpc_auth_free = false`（RocketMQ）を設定し、クライアントごとに専用のアカウントを割り当ててください"
}
rule "DB021" {
  title   = "PolarDB または MongoDB が監査ログを記録していない"
  message = "データベースは実行されたステートメントの監査ログを保持していません"
  help    = "PolarDB：`collector_status = \"Enable\"` を設定します。MongoDB：`audit_status = \"enable\"` を指定した `alicloud_mongodb_audit_policy` を追加します"
}
rule "DB022" {
  title   = "データベースが削除保護なしでリリースできる"
  message = "1 回の API 呼び出しでデータベースを削除できます：削除（リリース）保護が無効です"
  help    = "削除保護を有効にしてください：`deletion_protection = true`（RDS、HBase）、`deletion_lock = 1`（PolarDB）、`db_instance_release_protection = true`（MongoDB）、`instance_release_protection = true`（Redis）、`deletion_proection = true`（Lindorm、綴りは原文のまま）"
}
rule "DB023" {
  title   = "Redis/Tair インスタンスが増分（ログ）バックアップを保持していない"
  message = "インスタンスは最新のフルバックアップの時点にしか復元できません"
  help    = "`enable_backup_log = 1` を設定してください"
}
rule "DB024" {
  title   = "MaxCompute プロジェクトが任意のアドレスからのリクエストを受け入れる"
  message = "プロジェクト `${named(lookup(self, "project_name", null))}` には IP ホワイトリストがありません（またはすべてのアドレスを許可しています）"
  help    = "クライアントのアドレスを指定した `ip_white_list { ip_list = \"…\" vpc_ip_list = \"…\" }` を追加してください"
}
rule "MSE001" {
  title   = "MSE のレジストリ/設定センタークラスターに任意のインターネットアドレスから到達できる"
  message = "MSE クラスター `${named(lookup(self, "cluster_alias_name", null))}` のパブリックエンドポイントはすべてのアドレスに開放されています"
  help    = "`pub_network_flow = \"0\"` と `net_type = \"privatenet\"` を設定するか、`acl_entry_list` に既知のアドレスのみを登録してください"
}
rule "NAS001" {
  title   = "NAS ファイルシステムが保存時に暗号化されていない"
  message = "ファイルシステム `${named(lookup(self, "description", null))}` はファイルを暗号化せずに保存しています"
  help    = "`kms_key_id` とともに `encrypt_type = 2` を設定してください（NAS 管理キーの場合は `1`）。作成時にのみ設定できます"
}
rule "NAS002" {
  title   = "暗号化された NAS ファイルシステムが独自の KMS キーではなく NAS 管理キーを使用している"
  message = "ファイルシステム `${named(lookup(self, "description", null))}` は、管理下の KMS キーではなく NAS 管理キーで暗号化されています"
  help    = "`encrypt_type = 2` と `kms_key_id` を指定して作成してください"
}
rule "NAS003" {
  title   = "NAS のアクセスルールがすべてのアドレスを許可している"
  message = "アクセスグループ `${named(lookup(self, "access_group_name", null))}` は任意のアドレスからのファイルシステムのマウントを許可しています（${coalesce(lookup(self, "rw_access_type", null), "RDWR")}）"
  help    = "`source_cidr_ip` には `0.0.0.0/0` ではなくクライアントのサブネットを指定してください"
}
rule "NAS004" {
  title   = "NAS マウントターゲットがデフォルトのアクセスグループを使用している"
  message = "マウントターゲットはデフォルトのアクセスグループを使用しており、ネットワーク内のすべてのホストがファイルシステムを読み書き可能でマウントできます"
  help    = "クライアントのサブネット用のルールを持つ `alicloud_nas_access_group` を作成し、`access_group_name` を設定してください"
}
rule "TF001" {
  title   = "Terraform ファイルに構文エラーがある"
  message = "構文エラー：${reason}"
  help    = "構文を修正してください。このファイルのその他の内容は解析されていません"
}
rule "TF002" {
  title   = "ファイルを読み取れない"
  message = "読み取れません：${reason}"
  help    = "ファイルを読み取り可能な UTF-8 テキストにするか、--exclude で除外してください"
}
rule "TF003" {
  title   = "ファイルが解析のサイズ上限を超えている"
  message = "ファイルが大きすぎます：${reason}"
  help    = "--max-file-size BYTES で上限を引き上げるか、生成されたファイルを除外してください"
}
rule "TF004" {
  title   = "モジュール呼び出しを解析できない"
  message = "モジュール `${module}`（`${source}`）は解析されていません：${reason}"
  help    = "`terraform init` を実行してモジュールを .terraform/modules にインストールするか、ローカルの `source` を Terraform ファイルのあるディレクトリに向けてください"
}
rule "TF005" {
  title   = "Terraform の評価が上限で停止した"
  message = "評価を停止しました：${reason}"
  help    = "循環参照を解消するか、式の規模を小さくしてください。関係する値は不明として扱われます"
}
rule "TF006" {
  title   = "ファイルの解析が内部エラーで失敗した"
  message = "内部エラー：この${what}の解析は ${reason} で停止しました。検出結果が欠けています"
  help    = "acslint のバグです。ファイル（または縮小したコピー）を添えて報告してください。その他のファイルは解析されています"
}
rule "TF010" {
  title   = "抑制コメントに理由がない"
  message = "`${syntax} ${codes}` には理由がないため、適用されません"
  help    = "` -- ` の後に理由を書いてください：`# ${syntax} ${codes} -- why this is acceptable`"
}
rule "TF011" {
  title   = "抑制コメントの形式が不正か、未知のルールを指定している"
  message = "無効な抑制コメント：${reason}"
  help    = "`# acslint:ignore CODE[,CODE] [until=YYYY-MM-DD] -- reason` の形式で、`acslint rules` にあるコードを指定してください"
}
rule "TF012" {
  title   = "抑制コメントの期限が切れている"
  message = "`${codes}` の抑制は ${until} までです。期限が切れたため適用されません"
  help    = "検出事項を修正するか、新しい `until=` の日付と最新の理由で抑制を更新してください"
}
rule "TF013" {
  title   = "抑制コメントが何も抑制していない"
  message = "${codes} に対する `${syntax}` はここで何も抑制していません"
  help    = "抑制コメントの意味を保つため、コメント（または検出されなくなったコード）を削除してください"
}
rule "ECI001" {
  title   = "ECI コンテナが環境変数でシークレットを渡している"
  message = "環境変数 `${each.value.key}` はシークレットを平文で保持しています：コンテナグループの詳細を参照できる人は誰でも読み取れます"
  help    = "シークレットはファイル（デプロイ時に作成する `ConfigFileVolume`）としてマウントするか、起動時にコンテナグループの RAM ロールで KMS Secrets Manager から取得してください"
}
rule "ECI002" {
  title   = "ECI コンテナが特権モードまたはホストレベルのケーパビリティで実行されている"
  message = "コンテナ `${each.value.name}` は特権モードで実行されるか、ホストレベルのケーパビリティを追加しています：侵害されるとホストに影響が及びます"
  help    = "`privileged = true` とケーパビリティ（`SYS_ADMIN`、`NET_ADMIN` など）を削除し、プログラムに必要な権限のみを付与してください"
}
rule "ECS001" {
  title   = "ECS ディスクが暗号化されていない"
  message = "ディスク `${named(self.disk_name)}` は暗号化されずに作成されます"
  help    = "`encrypted = true` を設定するか（独自のキーを使う場合は `kms_key_id` も）、アカウントのデフォルト暗号化を有効にしてください"
}
rule "ECS002" {
  title   = "起動テンプレートが暗号化されていないデータディスクを作成する"
  message = "起動テンプレート `${named(self.launch_template_name)}` は暗号化なしでデータディスクを作成します"
  help    = "すべての `data_disks` ブロックで `encrypted = true` を設定してください"
}
rule "ECS003" {
  title   = "IMDSv2 トークンなしでインスタンスメタデータにアクセスできる"
  message = "インスタンスメタデータは通常モードで提供されています（`http_tokens = ${lookup(self, "http_tokens", "optional")}`）：SSRF によりインスタンスロールの STS 認証情報を読み取られる可能性があります"
  help    = "`http_tokens` を `required`（セキュリティ強化モード、IMDSv2）に設定してください"
}
rule "ECS004" {
  title   = "インスタンスにパブリック IP アドレスが割り当てられる"
  message = "`internet_max_bandwidth_out = ${lookup(self, "internet_max_bandwidth_out", 0)}` によりインスタンスにパブリック IP アドレスが割り当てられます"
  help    = "インスタンスはプライベートのまま（`internet_max_bandwidth_out = 0`）にし、サービスはロードバランサー経由で公開し、インターネットへは NAT ゲートウェイ経由でアクセスしてください"
}
rule "ECS005" {
  title   = "インスタンスがキーペアではなくパスワードでログインする"
  message = "パスワードログインが許可されており、キーペアがバインドされていません"
  help    = "キーペアをバインドし（`key_name`、起動テンプレートでは `key_pair_name`）、`password`/`kms_encrypted_password`/`password_inherit` を削除してください"
}
rule "ECS006" {
  title   = "インスタンスのシステムディスクが暗号化されていない"
  message = "システムディスクは暗号化されずに作成されます"
  help    = "`system_disk_encrypted = true`（起動テンプレートでは `system_disk { encrypted = true }`）を設定し、独自のキーには `system_disk_kms_key_id` を使うか、デフォルト暗号化（`alicloud_ecs_disk_encryption_by_default`）を有効にしてください"
}
rule "ECS007" {
  title   = "インスタンス、スケーリング設定またはノードプールが暗号化されていないデータディスクを作成する"
  message = "このデータディスクは暗号化されずに作成されます"
  help    = "すべてのデータディスクブロックで `encrypted = true`（と `kms_key_id`）を設定してください"
}
rule "ECS008" {
  title   = "暗号化ディスクが独自の KMS キーではなくサービスキーを使用している"
  message = "ディスクは管理下の KMS キーではなく、ECS のサービスキーで暗号化されています"
  help    = "`kms_key_id` にカスタマーマスターキー（`alicloud_kms_key`）を設定してください"
}
rule "ECS009" {
  title   = "従量課金インスタンスが削除保護なしでリリースできる"
  message = "1 回の API 呼び出しでインスタンスをリリースできます（`deletion_protection` が無効）"
  help    = "`deletion_protection = true` を設定してください"
}
rule "ECS010" {
  title   = "インスタンスが Security Center エージェントなしで作成される"
  message = "インスタンスはセキュリティ強化を無効にしています（Security Center エージェントなし）"
  help    = "`security_enhancement_strategy = \"Deactive\"` を削除してください（または `Active` に設定）"
}
rule "ECS011" {
  title   = "インスタンスに RAM ロールがない"
  message = "インスタンスに RAM ロールがありません：インスタンス上のソフトウェアがクラウド API を呼び出すには AccessKey が必要になります"
  help    = "RAM ロールをアタッチし（`role_name` または `alicloud_ecs_ram_role_attachment`）、ソフトウェアにはその STS 認証情報を使わせてください"
}
rule "ECS012" {
  title   = "インスタンスまたは起動テンプレートがクラシックネットワークを使用している"
  message = "インスタンスは VPC ではなく、他のテナントと共有されるクラシックネットワークに配置されます"
  help    = "`vswitch_id` に VPC の vSwitch を設定してください（起動テンプレートでは `network_type = \"vpc\"`）"
}
rule "FC001" {
  title   = "Function Compute の HTTP トリガーが匿名リクエストを受け入れる"
  message = "HTTP トリガー `${named(lookup(self, "name", null))}` により、インターネット上の誰もが認証なしで関数を呼び出せます"
  help    = "トリガーの設定で `authType = \"function\"` を設定する（呼び出し元がリクエストに署名）か、認証付きの API Gateway の背後に関数を置いてください"
}
rule "FC002" {
  title   = "Function Compute のサービスが関数にインターネットへのアクセスを許可している"
  message = "サービス `${named(lookup(self, "name", null))}` の関数は任意のインターネットアドレスにデータを送信できます"
  help    = "`internet_access = false` を設定し、関数が必要とするサービスには VPC（`vpc_config`）経由でアクセスしてください"
}
rule "FC003" {
  title   = "Function Compute のサービスが Log Service にログを書き込まない"
  message = "サービス `${named(lookup(self, "name", null))}` の呼び出しとエラーは記録されません"
  help    = "Log Service の Logstore を指す `log_config { project = …, logstore = … }` を追加してください"
}
rule "FC004" {
  title   = "Function Compute のカスタムドメインが平文 HTTP で提供されているか証明書がない"
  message = "カスタムドメイン `${named(lookup(self, "domain_name", null))}` は ${each.value.why}：リクエストとレスポンスが通信経路上で読み取られたり改ざんされたりする可能性があります"
  help    = "`protocol = \"HTTP,HTTPS\"` と、ドメインの証明書を含む `cert_config` を設定してください"
}
rule "FC005" {
  title   = "Function Compute のサービスに RAM ロールがない"
  message = "サービス `${named(lookup(self, "name", null))}` に RAM ロールがありません：クラウド API を呼び出す関数は AccessKey を持つ必要があります"
  help    = "`role` に、関数に必要な権限のみを持つ RAM ロールの ARN を設定してください"
}
rule "K8S001" {
  title   = "ACK ノードプールがノードを自動修復しない"
  message = "ノードプール `${coalesce(self.node_pool_name, named(self.name))}` は障害が発生したノードを修復しません"
  help    = "`management { auto_repair = true }` を追加してください"
}
rule "K8S002" {
  title   = "ACK クラスターの API サーバーにインターネットエンドポイントがある"
  message = "`${named(lookup(self, "name", null))}` の Kubernetes API サーバーはインターネットから到達できます"
  help    = "`slb_internet_enabled = false`（サーバーレスクラスターでは `endpoint_public_access_enabled = false`）を設定し、API サーバーには VPC（VPN、踏み台ホスト）からアクセスしてください"
}
rule "K8S003" {
  title   = "ACK クラスターが Kubernetes Secret を KMS キーで暗号化していない"
  message = "クラスター `${named(lookup(self, "name", null))}` の Secret は KMS のエンベロープ暗号化なしで etcd に保存されています"
  help    = "`encryption_provider_key` に KMS キー ID を設定してください（ACK Pro：`cluster_spec = \"ack.pro.small\"`）"
}
rule "K8S004" {
  title   = "ACK クラスターで RRSA（サービスアカウント用 RAM ロール）が有効になっていない"
  message = "クラスター `${named(lookup(self, "name", null))}` には RRSA がありません：Pod は独自の RAM ロールを取得できません"
  help    = "`enable_rrsa = true` を設定し、サービスアカウントを通じてワークロードごとに専用の RAM ロールを付与してください"
}
rule "K8S005" {
  title   = "ACK クラスターがログを Log Service に送信していない"
  message = "クラスター `${named(lookup(self, "name", null))}` は Log Service にログを収集していません：API サーバーの監査ログもコンテナログもありません"
  help    = "`logtail-ds` アドオン（`addons { name = \"logtail-ds\" }` または `alicloud_cs_kubernetes_addon`）をインストールするか、`audit_log_config { enabled = true }` を設定してください"
}
rule "K8S006" {
  title   = "ACK クラスターのネットワークプラグインが NetworkPolicy を適用しない"
  message = "クラスター `${named(lookup(self, "name", null))}` の Pod は他のすべての Pod に到達できます：ネットワークプラグインが NetworkPolicy を適用しません"
  help    = "Terway（`pod_vswitch_ids` を指定した `addons { name = \"terway-eniip\" }`）を使用し、その設定で `NetworkPolicy = \"false\"` を設定しないでください"
}
rule "K8S007" {
  title   = "ACK ノードが CloudMonitor エージェントなしで作成される"
  message = "`${named(try(coalesce(lookup(self, "node_pool_name", null), lookup(self, "name", null)), null))}` のノードは CloudMonitor で監視されていません"
  help    = "`install_cloud_monitor = true` を設定してください"
}
rule "LOG001" {
  title   = "アカウントのセキュリティを管理しているが ActionTrail の証跡がない"
  message = "スキャンしたファイルに `alicloud_actiontrail_trail` がありませんが、${why}"
  help    = "`trail_region = \"All\"`、`event_rw = \"All\"` と OSS または SLS の配信先を指定した `alicloud_actiontrail_trail` を追加してください（スキャン対象のどこにある証跡でも構いません）"
}
rule "LOG002" {
  title   = "ActionTrail の証跡がすべてのリージョンを記録していない"
  message = "`trail_region = \"${value}\"`：他のリージョンのイベントは記録されません"
  help    = "`trail_region = \"All\"` を設定してください"
}
rule "LOG003" {
  title   = "ActionTrail の証跡がすべてのイベントを記録していない"
  message = "`event_rw` は ${value} です：証跡は読み取りと書き込みの両方のイベントを記録しません"
  help    = "`event_rw = \"All\"` を設定してください"
}
rule "LOG004" {
  title   = "ActionTrail の証跡が無効になっている"
  message = "`status = \"${value}\"`：証跡は何も配信しません"
  help    = "`status = \"Enable\"`（デフォルト）を設定してください"
}
rule "LOG005" {
  title   = "ActionTrail の証跡にイベントの配信先がない"
  message = "証跡に `oss_bucket_name`、`sls_project_arn`、`max_compute_project_arn` のいずれもありません：イベントはコンソールに 90 日間しか保持されません"
  help    = "OSS バケット（`oss_bucket_name`）や SLS プロジェクト（`sls_project_arn` と `sls_write_role_arn`）に配信してください"
}
rule "LOG006" {
  title   = "証跡がリソースディレクトリのメンバーアカウントをカバーしていない"
  message = "この構成はリソースディレクトリを管理していますが、証跡はマルチアカウント証跡ではありません（`is_organization_trail` が true ではない）"
  help    = "管理アカウントの証跡で `is_organization_trail = true` を設定してください"
}
rule "LOG007" {
  title   = "ActionTrail のログを受け取る OSS バケットが保護されていない"
  message = "証跡のバケット `${bucket}` は ${problem}"
  help    = "監査用バケットはプライベートにし、バージョン管理と暗号化を有効にしてください（インライン属性または個別の `alicloud_oss_bucket_*` リソース）"
}
rule "LOG008" {
  title   = "SLS 内の ActionTrail イベントの保存期間が 1 年未満"
  message = "Logstore `${store}` は `${trail}` のイベントを ${days} 保持します。少なくとも ${min} 日間保持してください"
  help    = "`retention_period` を 365 以上に設定してください（オプション min_days）"
}
rule "LOG009" {
  title   = "ルートアカウントのアクティビティに対するアラートがない"
  message = "`${trail}` は SLS に配信していますが、ルートアカウントのアクティビティや AccessKey の作成を監視する `alicloud_log_alert`/`alicloud_sls_alert` がありません"
  help    = "証跡の Logstore に、`event.userIdentity.type: root-account`（と `CreateAccessKey` イベント）に一致するクエリの SLS アラートを追加してください"
}
rule "LOG010" {
  title   = "ログ監査が ActionTrail、RDS または OSS のログを収集していない"
  message = "ログ監査は ${what} を収集していません：`${key}` が true ではありません"
  help    = "`variable_map` で `${key} = \"true\"` を設定してください"
}
rule "LOG011" {
  title   = "VPC にフローログがない"
  message = "`${vpc}` のトラフィックを記録する `alicloud_vpc_flow_log` がありません"
  help    = "`resource_type = \"VPC\"` と VPC を参照する `resource_id` を指定した `alicloud_vpc_flow_log` を追加するか、ログ監査で `vpc_flow_enabled` を有効にしてください"
}
rule "OSS001" {
  title   = "OSS バケットを誰でも読み取りまたは書き込みできる"
  message = "バケット `${named(self.bucket)}` は ACL によりパブリックアクセスを許可しています"
  help    = "ACL を `private` にし、オブジェクトは署名付き URL か既知のプリンシパルに限定したバケットポリシーで共有してください。`alicloud_oss_bucket_public_access_block` も追加してください"
}
rule "OSS002" {
  title   = "OSS バケットにデフォルトのサーバー側暗号化がない"
  message = "バケット `${named(self.bucket)}` はデフォルトの暗号化なしでオブジェクトを保存しています"
  help    = "`server_side_encryption_rule { sse_algorithm = \"KMS\" }` または `alicloud_oss_bucket_server_side_encryption` リソースを追加してください"
}
rule "OSS003" {
  title   = "OSS バケットがオブジェクトのバージョンを保持していない"
  message = "バケット `${named(self.bucket)}` はオブジェクトのバージョンを保持していません"
  help    = "`versioning { status = \"Enabled\" }` または `alicloud_oss_bucket_versioning` リソースを追加してください"
}
rule "OSS004" {
  title   = "OSS バケットがアクセスログを記録していない"
  message = "バケット `${named(self.bucket)}` はアクセスリクエストを記録していません"
  help    = "`logging { target_bucket = … }` ブロックまたは `alicloud_oss_bucket_logging` リソースを追加してください"
}
rule "OSS005" {
  title   = "OSS バケットが独自の KMS キーではなく OSS 管理キーで暗号化されている"
  message = "バケット `${named(lookup(self, "bucket", null))}` は独自の KMS キー（`kms_master_key_id`）なしで暗号化されています"
  help    = "`sse_algorithm = \"KMS\"` を使用し、`kms_master_key_id` に独自のキーを設定してください"
}
rule "OSS006" {
  title   = "OSS のホットリンク保護が Referer なしのリクエストを通している"
  message = "バケット `${named(lookup(self, "bucket", null))}` の Referer ホワイトリストは、Referer ヘッダーのないリクエストで回避できます"
  help    = "`allow_empty_referer = false` を設定してください（非推奨のインライン `referer_config` では `allow_empty = false`）"
}
rule "OSS007" {
  title   = "OSS バケットが TLS 1.0 と 1.1 を受け入れる"
  message = "バケット `${named(lookup(self, "bucket", null))}` は 1.2 より古い TLS バージョンを受け入れます"
  help    = "`enable = true` と `tls_versions = [\"TLSv1.2\", \"TLSv1.3\"]` を指定した `alicloud_oss_bucket_https_config` を追加してください"
}
rule "OSS008" {
  title   = "OSS バケットのデータが単一ゾーンにあり、レプリケーションもバックアップもない"
  message = "バケット `${named(lookup(self, "bucket", null))}` は ${each.value.what}"
  help    = "`redundancy_type = \"ZRS\"` でバケットを作成するか、別リージョンのバケットへの `alicloud_oss_bucket_replication` または `alicloud_hbr_oss_backup_plan` を追加してください"
}
rule "OSS009" {
  title   = "バケットもアカウントもパブリックアクセスをブロックしていない"
  message = "バケット `${named(lookup(self, "bucket", null))}` は ACL またはポリシーを 1 回変更するだけで公開されてしまいます"
  help    = "`block_public_access = true` を指定した `alicloud_oss_bucket_public_access_block` を追加するか、`alicloud_oss_account_public_access_block` でアカウント全体のパブリックアクセスをブロックしてください"
}
rule "OSS010" {
  title   = "OSS バケットが静的ウェブサイトを提供している"
  message = "バケット `${named(lookup(self, "bucket", null))}` は静的ウェブサイトとして設定されています"
  help    = "このバケットには公開コンテンツのみを保存するか、プライベートバケットから CDN 経由でサイトを提供してください"
}
rule "OSS011" {
  title   = "OSS バケットポリシーが送信元ネットワークを制限せずにアクセスを許可している"
  message = "バケットポリシーのどの Allow ステートメントも送信元アドレスや VPC（`acs:SourceIp`、`acs:SourceVpc`）を制限していません"
  help    = "Allow ステートメントに `\"IpAddress\": {\"acs:SourceIp\": [\"203.0.113.0/24\"]}` や `\"StringEquals\": {\"acs:SourceVpc\": [\"vpc-…\"]}` などの条件を追加してください"
}
rule "ROS001" {
  title   = "ROS スタックにスタックポリシーがない"
  message = "スタック `${named(lookup(self, "stack_name", null))}` にはスタックポリシーがありません：どの更新でもリソースが置換または削除される可能性があります"
  help    = "スタックのステートフルなリソースに対して `Update:Replace` と `Update:Delete` を拒否する `stack_policy_body` を設定してください"
}
rule "ROS002" {
  title   = "ROS スタックがイベント通知を送信しない"
  message = "スタック `${named(lookup(self, "stack_name", null))}` のイベント（更新の失敗、ロールバック、削除）は誰にも通知されません"
  help    = "`notification_urls` にチームが監視している HTTPS エンドポイント（または MNS トピック）を設定してください"
}
rule "ROS003" {
  title   = "ROS スタックインスタンスを削除するとスタック（とリソース）も削除される"
  message = "このスタックインスタンスを削除すると、アカウント `${self.stack_instance_account_id}` のスタックとそれが管理するすべてのリソースが削除されます"
  help    = "`retain_stacks = true` を設定し、スタックグループからインスタンスを削除してもスタックが残るようにしてください"
}
rule "SEC001" {
  title   = "ファイルに Alibaba Cloud の AccessKey ID が含まれている"
  message = "このファイルには ${kind} `${key}` が書かれています"
  help    = "ファイルとその履歴からキーを削除し、無効化とローテーションを行い、認証情報は環境変数、プロファイルまたはロールから読み込んでください"
}
rule "SEC002" {
  title   = "ファイルに Alibaba Cloud の AccessKey Secret が含まれている"
  message = "このファイルには ${length} 文字の AccessKey Secret が書かれています（${near}、Secret は表示しません）"
  help    = "ファイルとその履歴から Secret を削除し、AccessKey を無効化してローテーションし、シークレットはコードの外に保管してください"
}
rule "SEC003" {
  title   = "ファイルに Alibaba Cloud の STS セキュリティトークンが含まれている"
  message = "このファイルには ${length} 文字の STS セキュリティトークンが書かれています（トークンは表示しません）"
  help    = "ファイルとその履歴からトークンを削除してください。有効期限が切れていない場合はロールセッションの権限を取り消し、トークンは実行時に取得してください"
}
rule "SLS001" {
  title   = "SLS の Logstore がデータを暗号化していない"
  message = "Logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` はログを暗号化せずに保存しています"
  help    = "`encrypt_conf { enable = true }` を追加してください（独自の KMS キーには `user_cmk_info` も）"
}
rule "SLS002" {
  title   = "SLS の Logstore が独自の KMS キーではなくサービスキーで暗号化されている"
  message = "Logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` は管理下のキーではなく、SLS が管理するキーで暗号化されています"
  help    = "`encrypt_conf` に `user_cmk_info { cmk_key_id = …, arn = …, region_id = … }` を追加してください（作成時にのみ設定できます）"
}
rule "SLS003" {
  title   = "SLS の Logstore のログ保存期間が 180 日未満"
  message = "Logstore `${named(try(coalesce(lookup(self, "logstore_name", null), lookup(self, "name", null)), null))}` は ${coalesce(tonumber(lookup(self, "retention_period", null)), 30)} 日後にログを削除し、180 日の監査期間に届きません"
  help    = "`retention_period = 180` 以上を設定してください（監査証跡には 365、3650 は無期限保存）"
}
rule "SLS004" {
  title   = "ログ監査が対応しているサービスのログを収集していない"
  message = "ログ監査は ${each.value.what} を収集していません：${join(", ", [for k in each.value.keys : "`${k}`"])} を \"true\" に設定してください"
  help    = "`variable_map` でサービスのスイッチを `\"true\"` に設定してください（使用しないサービスには費用はかかりません）"
}
rule "NET001" {
  title   = "セキュリティグループルールが管理用またはデータ用のポートをインターネットに開放している"
  message = "`${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` からポート ${self.port_range} へのインバウンドにより、${each.value.service}（${self.ip_protocol}/${each.value.port}）がインターネット全体に公開されています"
  help    = "ポートは既知の範囲（オフィス、VPN、踏み台）からのみ許可するか、踏み台ホスト、Cloud Assistant またはプライベートネットワーク経由でサービスにアクセスしてください"
}
rule "NET002" {
  title   = "セキュリティグループルールがすべてのポートをインターネットに開放している"
  message = "`${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` からのインバウンドは、すべてのポートで ${self.ip_protocol} トラフィックを受け入れます"
  help    = "サービスに必要なポートのみを、必要な送信元に対してのみ開放してください"
}
rule "NET003" {
  title   = "ロードバランサーの TLS ポリシーが TLS 1.0 または 1.1 を許可している"
  message = "${length(lookup(self, "tls_versions", [])) > 0 ? "the TLS cipher policy" : lookup(self, "https_policy", null) != null ? "the API Gateway instance's HTTPS policy" : "this HTTPS listener"} は依然として TLS 1.0/1.1 を受け入れます${lower(lookup(self, "protocol", "-")) == "https" && lookup(self, "tls_cipher_policy", null) == null ? " (`tls_cipher_policy` is unset and defaults to `tls_cipher_policy_1_0`)" : ""}"
  help    = "`tls_cipher_policy_1_2`、`tls_cipher_policy_1_2_strict` または `tls_cipher_policy_1_2_strict_with_1_3` を使用してください（カスタムポリシー：`TLSv1.2` と `TLSv1.3` のみ）"
}
rule "NET004" {
  title   = "セキュリティグループルールがインターネットからの ICMP または GRE を受け入れる"
  message = "`${coalesce(try(self.cidr_ip, null), try(self.ipv6_cidr_ip, null), "-")}` からのインバウンドは ${self.ip_protocol} を受け入れます：誰でもインスタンスに対して ${lower(self.ip_protocol) == "gre" ? "open GRE tunnels to" : "ping and map"} ことができます"
  help    = "ICMP は監視とオフィスの範囲からのみ受け入れ、`icmp` はパス MTU 探索が必要な場所にのみ残してください"
}
rule "NET005" {
  title   = "ロードバランサーのリスナーが HTTPS にリダイレクトせずに平文 HTTP を提供している"
  message = "このリスナーはポート ${coalesce(lookup(self, "frontend_port", null), lookup(self, "listener_port", null), "-")} で平文 HTTP を提供し、HTTPS にリダイレクトしません"
  help    = "HTTPS で提供するか、HTTP を HTTPS にリダイレクトしてください（SLB では `forward_port` とともに `listener_forward = \"on\"`、ALB では `Redirect` ルール）"
}
rule "NET006" {
  title   = "SLB リスナーにアクセス制御リストがない"
  message = "このリスナーのアクセス制御は無効です（`acl_status` のデフォルトは `off`）：すべての送信元アドレスから到達できます"
  help    = "`acl_status = \"on\"`、`acl_type = \"white\"` を設定し、`acl_ids` に許可する範囲の `alicloud_slb_acl` を指定してください"
}
rule "NET007" {
  title   = "ロードバランサーの ACL に 0.0.0.0/0 が含まれている"
  message = "ACL エントリ `${lookup(each.value, "entry", "-")}` はすべてのアドレスに一致します：ホワイトリストとしては何も制限しません"
  help    = "アクセスが必要な範囲のみを登録してください"
}
rule "NET008" {
  title   = "ロードバランサーにパブリックアドレスがある"
  message = "このロードバランサーはインターネットから到達できます（`address_type = ${lookup(self, "address_type", "-")}`）"
  help    = "VPC 内にのみサービスを提供するロードバランサーには `intranet` を使用してください"
}
rule "NET009" {
  title   = "ロードバランサー、EIP または NAT ゲートウェイが削除保護なしでリリースできる"
  message = "1 回の API 呼び出しでこのリソースをリリースできます：削除保護が無効です"
  help    = "削除保護を有効にしてください（SLB では `delete_protection = \"on\"`、ALB では `deletion_protection_enabled = true`、EIP と NAT ゲートウェイでは `deletion_protection = true`）"
}
rule "NET010" {
  title   = "ロードバランサーが変更保護なしで変更できる"
  message = "ロードバランサーの設定はコンソールで変更できます：変更保護が無効です"
  help    = "`modification_protection_status = \"ConsoleProtection\"`（SLB）または `modification_protection_config { status = \"ConsoleProtection\" }`（ALB）を設定してください"
}
rule "NET011" {
  title   = "Application Load Balancer がアクセスログを保持していない"
  message = "このロードバランサーのアクセスログは Log Service に送信されていません"
  help    = "`access_log_config { log_project = … log_store = … }`（または `alicloud_alb_load_balancer_access_log_config_attachment`）を追加してください"
}
rule "NET012" {
  title   = "API Gateway の API が平文 HTTP を受け入れる"
  message = "この API は平文 HTTP のリクエストを受け入れます（`protocol = ${lookup(each.value, "protocol", "-")}`）"
  help    = "`request_config` で `protocol = \"HTTPS\"` を設定してください"
}
rule "NET013" {
  title   = "API Gateway の API が認証を必要としない"
  message = "誰でもこの API を呼び出せます：`auth_type = \"ANONYMOUS\"`"
  help    = "`auth_type = \"APP\"`（認可されたアプリの署名付きリクエスト）を使用するか、プラグイン（JWT）で認証してください"
}
rule "NET014" {
  title   = "VPC にフローログがない"
  message = "この VPC のトラフィックを取得する `alicloud_vpc_flow_log` がありません"
  help    = "`resource_type = \"VPC\"` とこの VPC を `resource_id` に指定した `alicloud_vpc_flow_log` を追加してください"
}
rule "NET015" {
  title   = "ネットワーク ACL がインターネットからの管理用またはデータ用ポートを受け入れる"
  message = "ACL は `${lookup(each.value, "source_cidr_ip", "-")}` からの ${lookup(each.value, "protocol", "-")} ${lookup(each.value, "port", "-1/-1")} を受け入れ、管理用またはデータベースのポートが含まれます"
  help    = "すべての送信元に開放するのはサービスポート（80、443）のみとし、その他のポートは必要な範囲にのみ開放してください"
}
rule "NET016" {
  title   = "NAT ゲートウェイが管理用またはデータ用ポートをインターネットから転送している"
  message = "DNAT エントリは内部ポート ${lookup(self, "internal_port", "-")}（${lookup(self, "ip_protocol", "-")}）をインターネットに公開しており、管理用またはデータベースのポートが含まれます"
  help    = "サービスポートのみを公開し、管理用ポートには踏み台ホストまたは VPN 経由でアクセスしてください"
}
rule "NET017" {
  title   = "SLB リスナーが管理用またはデータベースのポートを公開している"
  message = "リスナーはポート ${lookup(self, "frontend_port", "-")} を公開しています。これは管理用またはデータベースのポートです"
  help    = "管理用とデータベースのポートはロードバランサーで公開しないか、ホワイトリスト ACL（`acl_status = \"on\"`）でリスナーを制限してください"
}
rule "NET018" {
  title   = "WAF インスタンスがログを保持していない"
  message = "WAF インスタンスは Log Service にログを送信していません（`waf_log = ${lookup(self, "waf_log", "-")}`）"
  help    = "`waf_log = \"true\"` を設定してください"
}
rule "NET019" {
  title   = "CDN または DCDN のドメインが HTTPS を提供していない"
  message = "アクセラレーションドメイン `${lookup(self, "domain_name", "-")}` は平文 HTTP のみを提供しています：証明書が有効になっていません"
  help    = "証明書を有効にしてください（CDN では `certificate_config { server_certificate_status = \"on\" … }`、DCDN では `ssl_protocol = \"on\"`）"
}
rule "NET020" {
  title   = "Cloud Firewall のポリシーが任意の送信元からのすべてのインバウンドトラフィックを受け入れる"
  message = "ファイアウォールポリシーは `${lookup(self, "source", "-")}` から `${lookup(self, "destination", "-")}` へのすべてのプロトコルとポートを受け入れます"
  help    = "公開が必要なサービス（ポート 80/443）のみを、必要な送信元に対してのみ許可してください"
}
rule "NET021" {
  title   = "セキュリティグループルールがすべてのアウトバウンド接続を許可している"
  message = "`${coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-")}` へのアウトバウンドは、すべてのポートで ${lookup(self, "ip_protocol", "-")} を受け入れます"
  help    = "アウトバウンドトラフィックはワークロードが必要とする宛先とポート（パッケージミラー、API）にのみ、NAT ゲートウェイ経由で許可してください"
}
rule "NET022" {
  title   = "セキュリティグループルールが 80/443 以外のポートをインターネットに開放している"
  message = "`${coalesce(lookup(self, "cidr_ip", null), lookup(self, "ipv6_cidr_ip", null), "-")}` から ${lookup(self, "ip_protocol", "-")} ${lookup(self, "port_range", "-")} へのインバウンドにより、HTTP/HTTPS 以外のポートがインターネット全体に開放されています"
  help    = "サービスはロードバランサーの背後で 80/443 で公開するか、ポートを必要な範囲からのみ許可してください"
}
rule "NET023" {
  title   = "API Gateway がリクエストログを保持していない"
  message = "このグループの API へのリクエストは記録されません：`alicloud_api_gateway_log_config` も `user_log_config` もありません"
  help    = "Logstore に送信する `alicloud_api_gateway_log_config`（`log_type = \"PROVIDER\"`）を追加してください"
}
rule "NET024" {
  title   = "イントラネットロードバランサーがクラシックネットワークに作成される"
  message = "このイントラネットロードバランサーには `vswitch_id` がありません：他のテナントと共有されるクラシックネットワークに作成されます"
  help    = "`vswitch_id` に VPC の vSwitch を設定してください"
}
rule "IAM001" {
  title   = "プロバイダーの認証情報が構成に書かれている"
  message = "provider `alicloud` は `${attribute}`${shown} をリテラルで設定しています：認証情報がコードとバージョン管理に含まれます"
  help    = "削除して、プロバイダー自身に認証情報を探させてください：環境変数 ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET、`profile`、`assume_role`、`ecs_role_name` または `assume_role_with_oidc`。その後、漏えいした AccessKey を無効化してローテーションしてください"
}
rule "IAM002" {
  title   = "プロバイダーがロールを引き受けずに長期の AccessKey を使用している"
  message = "`${provider}` は `assume_role` なしで静的な AccessKey により認証しています：Terraform はキー所有者の長期にわたる全権限で実行されます"
  help    = "`assume_role { role_arn = ... }` ブロックを追加して Terraform が一時的な認証情報を持つロールで動作するようにするか、AccessKey の代わりに ECS ロールまたは OIDC を使用してください"
}
rule "IAM003" {
  title   = "ユーザー名なしで AccessKey が作成される"
  message = "この AccessKey には `user_name` がありません：Terraform を実行する ID（Terraform をルートで実行する場合はルートアカウント）に対して作成されます"
  help    = "`user_name` に専用の RAM ユーザーを設定してください。ルートアカウントの AccessKey は決して作成しないでください"
}
rule "IAM004" {
  title   = "AccessKey Secret が平文でステートに保存される"
  message = "この AccessKey には `pgp_key` がありません：Secret は平文で Terraform のステートに書き込まれます"
  help    = "`pgp_key`（base64 の公開鍵または `keybase:user`）を設定して `encrypted_secret` のみを保存するか、AccessKey を避けてロールを使用してください"
}
rule "IAM005" {
  title   = "AccessKey Secret がローカルファイルに書き込まれる"
  message = "`secret_file` は AccessKey ID と Secret を平文で `${path}` に書き込みます"
  help    = "`secret_file` を削除し、`pgp_key` を設定して暗号化された Secret をユーザーに渡すか、AccessKey の代わりにロールを使用してください"
}
rule "IAM006" {
  title   = "RAM ユーザーに有効な AccessKey が複数ある"
  message = "RAM ユーザー `${user}` に 2 つ目の有効な AccessKey が発行されます"
  help    = "ユーザーごとに有効なキーは 1 つにし、2 つ目はローテーション中にのみ作成して、古いキーを `status = \"Inactive\"` にしてください"
}
rule "IAM007" {
  title   = "RAM ユーザーがコンソールログインと AccessKey の両方を持っている"
  message = "RAM ユーザー `${user}` はコンソールのログインプロファイルを持ち、さらに AccessKey も発行されます：人によるアクセスとプログラムによるアクセスが混在しています"
  help    = "人（コンソール、MFA）とプログラム（AccessKey、できればロール）には別々の RAM ユーザーを使用してください"
}
rule "IAM008" {
  title   = "output が `sensitive = true` なしでシークレットを公開している"
  message = "output `${output}` は `${reference}` を公開しており、sensitive としてマークされていません"
  help    = "output に `sensitive = true` を設定するか、シークレットを出力しないでください（`pgp_key` とともに `encrypted_secret` を使用）"
}
rule "IAM009" {
  title   = "ポリシーが RAM ユーザーに直接アタッチされている"
  message = "ポリシーが RAM ユーザーに直接アタッチされています。権限はグループまたはロールを通じて付与してください"
  help    = "ポリシーを RAM グループ（`alicloud_ram_group_policy_attachment`）にアタッチしてユーザーをグループに追加するか、ユーザーが引き受けるロールにアタッチしてください"
}
rule "IAM010" {
  title   = "管理者ポリシーが ID にアタッチされている"
  message = "管理者ポリシー `${policy}` が ${principal} にアタッチされています：${why}"
  help    = "${principal} が必要とするアクションとリソースに限定したポリシーをアタッチしてください。管理者権限は MFA で保護された緊急用（break-glass）ロールに限定してください"
}
rule "IAM011" {
  title   = "クラウドサービス全体へのフルアクセスが ID にアタッチされている"
  message = "システムポリシー `${policy}`（サービスへのフルアクセス）が ${principal} にアタッチされています"
  help    = "サービスの読み取り専用ポリシーか、必要なアクションとリソースに限定したカスタムポリシーを使用してください"
}
rule "IAM012" {
  title   = "コンソールのログインプロファイルが MFA を必要としていない"
  message = "この RAM ユーザーはパスワードだけでコンソールにログオンできます：`mfa_bind_required` が true ではなく、セキュリティ設定でも MFA が必須になっていません"
  help    = "`mfa_bind_required = true` を設定するか、`alicloud_ram_security_preference { mfa_operation_for_login = \"mandatory\" }` ですべてのユーザーに MFA を必須にしてください"
}
rule "IAM013" {
  title   = "セキュリティ設定で MFA が必須になっていない"
  message = "コンソールログオンですべての RAM ユーザーに MFA が要求されていません（${setting}）"
  help    = "`mfa_operation_for_login = \"mandatory\"`（provider 1.248 以降）を設定するか、古いプロバイダーでは `enforce_mfa_for_login = true` を設定してください"
}
rule "IAM014" {
  title   = "RAM ユーザーが自分の AccessKey を作成できる"
  message = "`allow_user_to_manage_access_keys = true` により、すべての RAM ユーザーが自分の AccessKey を作成できます"
  help    = "`allow_user_to_manage_access_keys` は false（デフォルト）のままにし、キーはプログラム用ユーザーにのみ一元的に発行してください"
}
rule "IAM015" {
  title   = "アイドル状態のユーザー、キー、またはコンソールセッションの有効期間が長すぎる"
  message = "${what}のは ${value} です。${limit} 以内にしてください"
  help    = "`max_idle_days_for_users` と `max_idle_days_for_access_keys` を 90 に設定し、`login_session_duration` を 6 時間以下にしてください（オプション max_idle_days、max_session_hours）"
}
rule "IAM016" {
  title   = "任意のネットワークからのコンソールログオンが許可されている"
  message = "任意のアドレスからのコンソールログオンが許可されています：`login_network_masks` に ${masks} があります"
  help    = "`login_network_masks` にオフィスと VPN の範囲（セミコロン区切りの CIDR ブロック）を指定してください"
}
rule "IAM017" {
  title   = "パスワードポリシーが短いパスワードを許可している"
  message = "${how} ${value}：パスワードは少なくとも ${min} 文字必要です"
  help    = "`minimum_password_length` を 14 以上に設定してください（オプション min_length）"
}
rule "IAM018" {
  title   = "パスワードポリシーがすべての文字種を要求していない"
  message = "パスワードに ${class} を含める必要がありません：${how}"
  help    = "`require_uppercase_characters`、`require_lowercase_characters`、`require_numbers`、`require_symbols` を true に設定してください"
}
rule "IAM019" {
  title   = "パスワードの有効期限がない、または長すぎる"
  message = "${how} ${value}：${what}。${max} 日以内の変更を要求してください"
  help    = "`max_password_age` を 1～90 に設定してください（オプション max_age）。0 は有効期限を無効にします"
}
rule "IAM020" {
  title   = "パスワードポリシーが最近のパスワードの再利用を許可している"
  message = "${how} ${value}：${what}。少なくとも ${min} 個を記憶してください"
  help    = "`password_reuse_prevention` を 5 以上に設定してください（最大値の 24 を推奨、オプション min_reuse）。0 はチェックを無効にします"
}
rule "IAM021" {
  title   = "パスワードの推測が制限されていない"
  message = "${how} ${value}：${what}。最大 ${max} 回でロックしてください"
  help    = "試行回数の上限を 1～5 に設定してください（オプション max_login_attempts）。`alicloud_ram_password_policy` では属性名の綴りは `max_login_attemps` です"
}
rule "IAM022" {
  title   = "期限切れのパスワードでもログオンできる"
  message = "${how}：パスワードの有効期限が切れたユーザーも、ログオンしてパスワードを変更できます"
  help    = "`hard_expiry = true` を設定し、期限切れのパスワードは管理者がリセットするようにしてください"
}
rule "IAM023" {
  title   = "アカウントから信頼されたロールが最大 12 時間のセッションを許可している"
  message = "ロールのセッションは最大 ${hours} 時間続き、ロールはアカウント ${accounts} から信頼されています"
  help    = "`max_session_duration`（秒）を信頼先アカウントが必要とする長さ（通常は 3600）まで下げてください（オプション max_session_duration）"
}
rule "IAM030" {
  title   = "AccessKey のユーザーが Deny で防がれていない高リスク API を呼び出せる"
  message = "この AccessKey が漏えいすると、RAM ユーザー `${user}` はアタッチされた Deny で防がれていない ${count} 個の高リスク API を呼び出せます：${apis}（付与元：${via}）"
  help    = "キーのユーザーにはプログラムが必要とする権限のみを付与し、不要な高リスク API を拒否する Deny をアタッチする（`acslint policy deny-high-risk --service …`）か、AccessKey の代わりにロールを使用してください"
}
rule "RAM000" {
  title   = "ポリシードキュメントが有効な JSON ではない"
  message = "ポリシードキュメントは有効な JSON ではありません：${reason}"
  help    = "RAM は厳密な JSON のみを受け付けます：コメント、末尾のカンマは使用できず、キーはダブルクォートで囲みます"
}
rule "RAM001" {
  title   = "ポリシードキュメントが RAM ドキュメントの構造になっていない"
  message = "ポリシードキュメントは ${problem}"
  help    = "RAM ポリシーの形式は {\"Version\": \"1\", \"Statement\": [{...}, ...]} です"
}
rule "RAM002" {
  title   = "Statement が配列ではなく単一のオブジェクトになっている"
  message = "`Statement` が単一のオブジェクトです。RAM の文法ではステートメントの配列として記述します"
  help    = "ステートメントを `[ ... ]` で囲んでください"
}
rule "RAM003" {
  title   = "ポリシーが未知、綴り誤り、大文字小文字の誤り、または重複した要素を使用している"
  message = "要素 `${key}` は ${problem}${suggestion}"
  help    = "トップレベルの要素は Version と Statement です。ステートメントには Sid、Effect、Action または NotAction、Resource、Principal、Condition を指定します（大文字と小文字を区別）"
}
rule "RAM004" {
  title   = "ステートメントに無効または欠落した要素がある"
  message = "ステートメントは ${problem}"
  help    = "ステートメントには Effect（\"Allow\" または \"Deny\"）、Action と NotAction のどちらか一方、および Resource（信頼ポリシーを除く）が必要です。値はすべて文字列または文字列の配列です"
}
rule "RAM005" {
  title   = "ポリシーが RAM でサポートされていない NotResource または NotPrincipal を使用している"
  message = "`${key}` は RAM ポリシー言語の一部ではありません"
  help    = "リソース（またはプリンシパル）を明示的に列挙し、例外は Deny ステートメントで除外してください"
}
rule "RAM006" {
  title   = "許可されない場所に Principal がある、または必要な場所にない"
  message = "ステートメントは ${problem}"
  help    = "ID ポリシー、セッションポリシー、コントロールポリシーには Principal はありません。信頼ポリシー、バケットポリシー、KMS と SLS プロジェクトのポリシーには必要です"
}
rule "RAM007" {
  title   = "Action が service:ActionName の形式になっていない"
  message = "アクション `${action}` は ${problem}"
  help    = "アクションは `<ram-code>:<ActionName>`（例：`ecs:DescribeInstances`）または `*` と記述してください"
}
rule "RAM008" {
  title   = "Action が未知のサービスまたはサービスに存在しないアクションを指定している"
  message = "アクション `${action}`：${problem}"
  help    = "${suggestion}正確なアクション名はサービスの RAM 認可ページで確認してください"
}
rule "RAM009" {
  title   = "Action の大文字小文字がカタログと異なる"
  message = "アクション `${action}` の大文字小文字は `${expected}` と異なります"
  help    = "`${expected}` と記述してください"
}
rule "RAM010" {
  title   = "Resource が有効な ARN ではない、またはアクションと無関係なサービスを指定している"
  message = "リソース `${resource}` は ${problem}"
  help    = "リソースは `*` または `acs:<ram-code>:<region>:<account-id>:<relative-id>` で、ステートメントのアクションのサービスに対応させてください"
}
rule "RAM011" {
  title   = "条件演算子が RAM でサポートされていない"
  message = "条件演算子 `${operator}` は ${problem}${suggestion}"
  help    = "RAM がサポートする演算子は String*、Numeric*、Date*、Bool、IpAddress、NotIpAddress のみです（IfExists、Null、ForAnyValue:/ForAllValues: はありません）"
}
rule "RAM012" {
  title   = "条件キーが未知、またはその値が演算子に合わない"
  message = "条件キー `${key}` は ${problem}"
  help    = "グローバルキーは acs:SourceIp、acs:SourceVpc、acs:SecureTransport、acs:CurrentTime、acs:MFAPresent、acs:AccessId、acs:UserAgent、acs:Referer、acs:ResourceTag/<k>、acs:RequestTag/<k>、acs:TagKeys、acs:PrincipalARN などです。値は演算子に合わせてください（IP/CIDR、ISO 8601、\"true\"/\"false\"、数値）"
}
rule "RAM013" {
  title   = "ポリシードキュメントが RAM の 6,144 文字の上限を超えている"
  message = "ポリシードキュメントは空白を除いて ${length} 文字あります。カスタムポリシーの RAM の上限は ${limit} です"
  help    = "ポリシーを複数に分割するか、ワイルドカードを使ってステートメントを減らしてください"
}
rule "RAM020" {
  title   = "ポリシーがすべてのリソースに対するすべてのアクションを許可している"
  message = "ステートメントは `${resource}` に対する ${action} を許可しています：完全な管理者アクセスです"
  help    = "保持者が必要とするアクションとリソースのみを許可してください。AdministratorAccess システムポリシーは少数の本当の管理者にのみ使用してください"
}
rule "RAM021" {
  title   = "ポリシーが機密性の高いサービスのすべてのリソースに対するすべてのアクションを許可している"
  message = "ステートメントはすべてのリソースに対して `${action}` を許可しています：${service} の完全な制御です"
  help    = "必要な特定のアクション（読み取りアクセスなら `${service}:Describe*` など）を許可するか、Resource を特定の ARN に限定してください"
}
rule "RAM022" {
  title   = "Allow ステートメントが NotAction を使用している"
  message = "ステートメントは ${excluded} 以外のすべてのアクションを許可しており、将来いずれかのサービスに追加されるアクションもすべて含まれます"
  help    = "許可するアクションは Action で列挙してください。NotAction は Deny ステートメントでのみ使用してください"
}
rule "RAM023" {
  title   = "Allow ステートメントが NotResource を使用している"
  message = "ステートメントは列挙されたもの以外のすべてのリソースに対してアクションを許可しています"
  help    = "アクションの対象リソースを Resource で列挙してください"
}
rule "RAM024" {
  title   = "ポリシーにより保持者が自分の権限を昇格できる"
  message = "権限昇格：`${resource}` に対する `${action}` により、保持者は ${path} ことができます"
  help    = "アクションを特定の ARN（例：`acs:ram:*:<account>:user/$${ram:UserName}` 形式の名前）に限定するか、管理者専用のロールに移してください"
}
rule "RAM025" {
  title   = "送信元ネットワークの条件なしに、すべてのリソースで高リスク API が許可されている"
  message = "ステートメントは任意のネットワークから、すべてのリソースに対して ${count} 個の高リスク API（${apis}）を許可しています"
  help    = "acs:SourceIp（IpAddress）または acs:SourceVpc の条件か、NotIpAddress を使った Deny ステートメントを追加し、漏えいした AccessKey が他の場所から呼び出せないようにしてください"
}
rule "RAM026" {
  title   = "ポリシーが条件なしで監査ログの無効化やバケットの公開を許可している"
  message = "ステートメントは条件なしで ${actions} を許可しています"
  help    = "これらのアクションは緊急用（break-glass）ロールに限定するか、条件を追加してください（acs:SourceIp。AccessKey には acs:MFAPresent では不十分です）"
}
rule "RAM030" {
  title   = "ロールの信頼ポリシーにより誰でもロールを引き受けられる"
  message = "信頼ポリシーにより、プリンシパル `${principal}`（誰でも）がロールを引き受けられます"
  help    = "特定のアカウント（`acs:ram::<uid>:root`）、ロール、サービスまたは ID プロバイダーのみを信頼してください"
}
rule "RAM031" {
  title   = "ロールが条件なしでアカウントのすべての ID を信頼している"
  message = "信頼ポリシーにより、アカウント ${account} のすべての RAM ID が条件なしでロールを引き受けられます"
  help    = "そのアカウントの特定のロールを信頼するか、条件を追加してください。自分のアカウントはルールオプション `accounts` に列挙してください"
}
rule "RAM032" {
  title   = "ロールがオーディエンスまたはサブジェクトの条件なしで ID プロバイダーを信頼している"
  message = "信頼ポリシーは `${missing}` に対する条件なしで `${provider}` を信頼しています"
  help    = "saml:recipient（SAML）または oidc:aud と oidc:sub（OIDC / RRSA）に StringEquals 条件を追加してください"
}
rule "RAM033" {
  title   = "信頼ポリシーのサービスプリンシパルが無効、または sts:AssumeRole 以外のアクションを指定している"
  message = "信頼ポリシーは ${problem}"
  help    = "サービスプリンシパルは `<service>.aliyuncs.com` の形式です。信頼ポリシーのアクションは `sts:AssumeRole` のみです"
}
rule "RAM040" {
  title   = "バケットポリシーが匿名ユーザーに書き込み、削除、アクセス権の変更を許可している"
  message = "バケットポリシーにより、匿名ユーザーが ${actions} を呼び出せます"
  help    = "書き込み、削除、ACL、ポリシーのアクションは、指定したアカウントまたはロールにのみ許可してください"
}
rule "RAM041" {
  title   = "バケットポリシーが条件なしで匿名ユーザーに読み取りを許可している"
  message = "バケットポリシーにより、匿名ユーザーがどこからでも条件なしでアクションを呼び出せます"
  help    = "条件（acs:SourceIp、acs:SourceVpc、acs:Referer）で匿名アクセスを制限するか、プリンシパルを指定してください"
}
rule "RAM042" {
  title   = "バケットポリシーが別のアカウントにアクセスを許可している"
  message = "バケットポリシーは所有アカウント（${owner}）外の `${principal}` にアクセスを許可しています"
  help    = "相手のアカウントが信頼できることを確認し、自分のすべてのアカウントをルールオプション `accounts` に列挙してください"
}
rule "RAM043" {
  title   = "共有バケットが平文 HTTP のリクエストを拒否していない"
  message = "バケットポリシーはバケットを ${who} と共有していますが、平文 HTTP のリクエストを拒否していません（`acs:SecureTransport`）"
  help    = "`Bool` `acs:SecureTransport` が `\"false\"` のとき `*` に対してすべてのアクションを拒否するステートメントを、共有するアクションとリソースを対象に追加してください"
}
rule "RAM044" {
  title   = "KMS キー、シークレット、または SLS プロジェクトのポリシーが条件なしで誰でもアクセスできるようにしている"
  message = "${what} は誰でも（`*`）条件なしで ${actions} を呼び出せるようにしています"
  help    = "アクセスが必要な RAM ユーザー、ロールまたはアカウントを指定するか、条件（acs:SourceVpc、acs:SourceIp）でステートメントを制限してください"
}
rule "RAM045" {
  title   = "KMS キー、シークレット、または SLS プロジェクトのポリシーが別のアカウントにアクセスを許可している"
  message = "${what} は自分のアカウント外の `${principal}` に ${actions} を許可しています"
  help    = "相手のアカウントが信頼できることを確認し、自分のすべてのアカウントをルールオプション `accounts` に列挙してください"
}
rule "RAM050" {
  title   = "ステートメントが acs:MFAPresent に依存している"
  message = "ステートメントは `acs:MFAPresent` に依存していますが、これはコンソールログオンのみを反映します：AccessKey による呼び出しは対象外です"
  help    = "代わりにネットワーク条件（acs:SourceIp、acs:SourceVpc）で API アクセスを保護してください"
}
rule "RAM051" {
  title   = "2 つのステートメントが同じ Sid を持っている"
  message = "Sid \"${sid}\" が複数のステートメントで使用されています"
  help    = "ステートメントごとに一意の Sid を指定してください"
}
rule "RAM052" {
  title   = "ステートメントが冗長：別のステートメントがすでにカバーしている"
  message = "ステートメント ${statement} はステートメント ${by} にカバーされています：効果が同じで、アクションとリソースがその部分集合です"
  help    = "冗長なステートメントを削除するか、広い方のステートメントが意図以上の権限を与えている場合は絞り込んでください"
}
