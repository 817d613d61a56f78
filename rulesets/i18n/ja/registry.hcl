# ルール文書の日本語訳：rulesets/alicloud/registry.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "CR001" {
  docs = <<-EOT
    ## Why
    イメージにはアプリケーションのコードが含まれ、さらにレイヤーに焼き込まれた設定ファイル、キー、トークンが含まれていることも少なくありません。
    公開リポジトリでは、誰もがすべてのタグをプルできます。
    データのインターネットへの公開であるため high です。
    意図的に公開するイメージは、スキャンした後、そのために作成したリポジトリから公開してください。

    Enterprise Edition のリポジトリ（`alicloud_cr_ee_repo`）と Personal Edition のリポジトリ（`alicloud_cr_repo`）が判定の対象です。

    ## How to fix
    `repo_type = "PRIVATE"` を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cr_ee_repo" "app" {
      instance_id = alicloud_cr_ee_instance.acr.id
      namespace   = alicloud_cr_ee_namespace.team.name
      name        = "app"
      summary     = "application image"
      repo_type   = "PUBLIC"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cr_ee_repo" "app" {
      instance_id = alicloud_cr_ee_instance.acr.id
      namespace   = alicloud_cr_ee_namespace.team.name
      name        = "app"
      summary     = "application image"
      repo_type   = "PRIVATE"
    }
    ```
  EOT
}

rule "CR002" {
  docs = <<-EOT
    ## Why
    インターネットエンドポイントのアクセス制御リストは、レジストリのネットワーク境界です：`0.0.0.0/0` では誰もが認証情報を試すことができ、漏えいしたトークンや公開リポジトリがあれば、イメージをプル（またはプッシュ）できます。
    データのインターネットへの公開であるため high です。

    ## How to fix
    レジストリを必要とするネットワークを列挙するか、インターネットエンドポイントを無効にして VPC アクセスを使用してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cr_endpoint_acl_policy" "any" {
      instance_id   = alicloud_cr_ee_instance.acr.id
      entry         = "0.0.0.0/0"
      endpoint_type = "internet"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cr_endpoint_acl_policy" "ci" {
      instance_id   = alicloud_cr_ee_instance.acr.id
      entry         = "203.0.113.0/24"
      endpoint_type = "internet"
    }
    ```
  EOT
}

rule "CR003" {
  docs = <<-EOT
    ## Why
    イメージスキャンは、イメージの実行前に、既知の脆弱性を持つパッケージや悪意のあるファイルを検出します。
    スキャナーを無効にすると、脆弱なイメージが気付かれないまま本番環境に到達します。
    制御の欠如であるため medium です。
    報告されるのは明示的な `image_scanner = "DISABLE"` のみです（デフォルトのエンジンはスキャンを行います）。

    ## How to fix
    スキャンエンジン（`ACR`、または Security Center のエンジンを使う `SAS`）を維持してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cr_ee_instance" "acr" {
      instance_name = "acr"
      instance_type = "Advanced"
      payment_type  = "Subscription"
      image_scanner = "DISABLE"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cr_ee_instance" "acr" {
      instance_name = "acr"
      instance_type = "Advanced"
      payment_type  = "Subscription"
      image_scanner = "SAS"
    }
    ```
  EOT
}

rule "CR004" {
  docs = <<-EOT
    ## Why
    タグが変更可能な場合、プッシュできる人（漏えいした CI の認証情報など）は `app:1.4` を別のイメージに置き換えることができ、そのタグをプルするすべてのノードがそれを実行します。
    タグを変更不可にすれば、レビューとスキャンを経たものが実際に実行されることを保証できます。
    サプライチェーンの衛生管理であるため low です。
    デフォルトでは無効です（`recommended` に含まれません）：`latest` などのタグを移動するワークフローでは変更可能なタグが必要なためです。
    コードで指定するか、コンプライアンスパックで選択してください。

    `tag_immutability` のデフォルトは false です。

    ## How to fix
    `tag_immutability = true` を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cr_ee_repo" "app" {
      instance_id = alicloud_cr_ee_instance.acr.id
      namespace   = "team"
      name        = "app"
      summary     = "application image"
      repo_type   = "PRIVATE"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cr_ee_repo" "app" {
      instance_id      = alicloud_cr_ee_instance.acr.id
      namespace        = "team"
      name             = "app"
      summary          = "application image"
      repo_type        = "PRIVATE"
      tag_immutability = true
    }
    ```
  EOT
}

rule "MSE001" {
  docs = <<-EOT
    ## Why
    MSE クラスター（Nacos、ZooKeeper、Eureka）はマイクロサービスのレジストリ兼設定センターです：その設定には接続文字列やパスワードが含まれていることが多く、サービスを登録できる人はトラフィックをリダイレクトできます。
    すべてのアドレスに開放されたパブリックエンドポイントは、データと管理機能のインターネットへの公開であるため high です。

    パブリック：`net_type` が `pubnet` または `both`、あるいは `pub_network_flow`（パブリック帯域幅）が 0 より大きい場合。
    開放：`acl_entry_list` が空、または `0.0.0.0/0` を含む場合。
    InfraGuard の `mse-cluster-internet-check` はあらゆるパブリックエンドポイントを報告しますが、acslint は既知のアドレスに限定されたパブリックエンドポイントを許容します（ホワイトリストがこのサービスの提供する制御手段です）。

    ## How to fix
    クラスターをプライベートに保つか、クライアントのアドレスをホワイトリストに登録してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_mse_cluster" "nacos" {
      cluster_specification = "MSE_SC_1_2_60_c"
      cluster_type          = "Nacos-Ans"
      cluster_version       = "NACOS_2_0_0"
      instance_count        = 3
      net_type              = "privatenet"
      pub_network_flow      = "1"
      vswitch_id            = alicloud_vswitch.mse.id
    }
    ```

    Good:
    ```hcl
    resource "alicloud_mse_cluster" "nacos" {
      cluster_specification = "MSE_SC_1_2_60_c"
      cluster_type          = "Nacos-Ans"
      cluster_version       = "NACOS_2_0_0"
      instance_count        = 3
      net_type              = "privatenet"
      pub_network_flow      = "0"
      vswitch_id            = alicloud_vswitch.mse.id
    }
    ```
  EOT
}
