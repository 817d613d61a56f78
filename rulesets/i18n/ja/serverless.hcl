# ルール文書の日本語訳：rulesets/alicloud/serverless.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "ECI001" {
  docs = <<-EOT
    ## Why
    ECI コンテナグループの環境変数は構成の一部です：ECI の読み取り権限を持つ誰に対しても `DescribeContainerGroups` で返され、コンソールに表示され、Terraform のステートに保存され、コンテナ内のすべてのプロセスに継承されます（多くのクラッシュハンドラーが出力もします）。
    そこに置かれたパスワードやキーは漏えいしたシークレットであるため、high です。

    判定の対象：`containers` と `init_containers` のすべての `environment_vars` ブロックのうち、`key` が認証情報と思われるもの（大文字小文字を問わず `password`、`passwd`、`secret`、`token`、`access_key`、`private_key`、`api_key`、`credential`）で、`value` が設定されていて空でないもの。
    静的に判断できない値（未設定の変数）は判定不能となり、`--show-unknown` で一覧表示されます。
    各変数はファセット（`env:DB_PASSWORD`）です。

    ## How to fix
    グループに RAM ロール（`ram_role_name`）を付与して起動時に KMS Secrets Manager からシークレットを読み取るか、ファイルとしてマウントしてください。
  EOT
}

rule "ECI002" {
  docs = <<-EOT
    ## Why
    特権コンテナ、または `SYS_ADMIN`、`SYS_MODULE`、`SYS_PTRACE`、`SYS_RAWIO`、`DAC_READ_SEARCH`、`NET_ADMIN`、`ALL` を付与されたコンテナは、ホストのファイルシステムのマウント、カーネルモジュールのロード、他のプロセスのメモリの読み取りが可能です：コンテナとサンドボックスの間の分離が失われます。
    ECI は各グループを専用のサンドボックス VM で実行するため影響範囲はそのグループに限られます。
    そのため、これは公開ではなく制御の欠如（medium）です。

    これをチェックする他のツールはありません。
    InfraGuard の `eci-container-group-volumn-mounts` については docs/coverage.md で説明しています（ECI のボリュームはホストのパスをマウントできません）。
    各コンテナはファセットです。

    ## How to fix
    `security_context` から `privileged = true` とケーパビリティを削除してください。
  EOT
}

rule "FC001" {
  docs = <<-EOT
    ## Why
    `authType = "anonymous"` の HTTP トリガーは、誰でも呼び出せるインターネット上の URL で関数を公開します：関数のコードが認証なしのエントリーポイントとなり、すべての呼び出しがあなたに課金されます。
    公開 Web エンドポイントは意図的な場合もあるため、acslint はこれを medium とします（データや管理機能ではなくアプリケーションの公開であるため。InfraGuard は high としています）。
    サービスロールでデータを読み取ったりリソースを変更したりする関数は、決して匿名にすべきではありません。

    読み取り対象：`type = "http"` と、トリガーの JSON `config`（文字列または `jsonencode` で記述）内の `authType`。

    ## How to fix
    呼び出し元がリクエストに署名するよう `authType = "function"` を使用するか、認証付きの API Gateway を介して関数を公開してください。
  EOT
}

rule "FC002" {
  docs = <<-EOT
    ## Why
    インターネットへのアウトバウンドアクセスは、注入されたコードがデータを外部に送信したり、第 2 段階のペイロードを取得したりする経路です。
    VPC 内のサービスとのみ通信する関数には不要です。
    これは公開ではなく多層防御の問題（low）であり、多くの関数はインターネット上の API を呼び出すため、このルールはデフォルトで無効です（`recommended` に含まれません）。
    コードで指定するか、コンプライアンスパック（`iso-27001`）で選択してください。

    `internet_access` のデフォルトは true です。

    ## How to fix
    `internet_access = false` を設定し、関数が到達する必要のある接続先には `vpc_config` を使用してください。
  EOT
}

rule "FC003" {
  docs = <<-EOT
    ## Why
    ログ設定がないと、関数の出力とエラーは失われます：悪用された関数（HTTP トリガー経由のインジェクション、漏えいした呼び出しキー）は調査のための記録を残しません。
    ログ記録の欠如は、acslint の重大度では low です。

    ## How to fix
    書き込み先のプロジェクトと Logstore を指定した `log_config` を追加してください。
  EOT
}

rule "FC004" {
  docs = <<-EOT
    ## Why
    平文 HTTP で配信するカスタムドメインは、リクエスト（トークン、個人データ）と関数のレスポンスをインターネット上で平文のまま送信します。
    TLS の欠如は、acslint の重大度では medium です。
    ファセット：`https`（ドメインが `HTTP` のみを配信）と `cert`（`HTTPS` を受け付けるが、`cert_config` で証明書が設定されていない）。

    カスタムドメインの最小 TLS バージョン（InfraGuard の `fc-function-custom-domain-and-tls-enable`）は、acslint が準拠するプロバイダーのドキュメントでは `alicloud_fc_custom_domain` の引数にありません。
    docs/coverage.md を参照してください。

    ## How to fix
    ドメインの証明書を使用して `HTTP,HTTPS` で配信してください。
  EOT
}

rule "FC005" {
  docs = <<-EOT
    ## Why
    他のクラウドサービスを呼び出す関数は、サービスの RAM ロールから短期間有効な STS 認証情報を取得します。
    ロールがない場合、方法はコードまたは環境変数に AccessKey を置くことしかなく、これは長期間有効で漏えいしやすいものです。
    衛生管理であるため low です。
    デフォルトでは無効です（`recommended` に含まれません）：クラウド API を呼び出さない関数にはロールは不要です。
    コードで指定するか、コンプライアンスパックで選択してください。

    ## How to fix
    関数が必要とする権限を持ち、`fc.aliyuncs.com` から信頼される RAM ロールを作成し、その ARN を `role` に設定してください。
  EOT
}
