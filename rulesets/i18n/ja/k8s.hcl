# ルール文書の日本語訳：rulesets/alicloud/k8s.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "K8S001" {
  docs = <<-EOT
    ## Why
    修復されない異常なノードは、古いコンポーネントや壊れたコンポーネントを実行し続けます。

    ## How to fix
    ノードプールでマネージドの自動修復を有効にしてください。
  EOT
}

rule "K8S002" {
  docs = <<-EOT
    ## Why
    API サーバーはクラスターの管理インターフェイスです：kubeconfig、漏えいしたサービスアカウントトークン、あるいは API サーバーの脆弱性を突くエクスプロイトを持つ人は誰でも、ワークロードを実行し、すべての Secret を読み取れます。
    インターネットエンドポイントがあれば、それはインターネット上の誰にでも当てはまります。エンドポイントがなければ、攻撃者はまず VPC 内に足掛かりを得る必要があります。
    管理インターフェイスのインターネットへの露出は、acslint の基準では high です（CIS 7.9「プライベートクラスター」）。

    マネージドクラスターと専用クラスターでは、`slb_internet_enabled = false` としない限り、API サーバー用のインターネット向けロードバランサーが作成されます（プロバイダーのデフォルトは `true` であるため、引数が未設定の場合は報告されます）。サーバーレスクラスターでは、`endpoint_public_access_enabled = true` の場合にのみ EIP が割り当てられます。
    どちらの引数も作成時にのみ有効です：後からエンドポイントを無効にするには、コンソールで操作するか、EIP のバインドを解除します。

    ## How to fix
    インターネットエンドポイントなしでクラスターを作成し、VPC（VPN ゲートウェイ、踏み台ホスト、CEN）から管理してください。
    インターネットエンドポイントが避けられない場合は、アクセス制御リストでロードバランサーを制限してください。
  EOT
}

rule "K8S003" {
  docs = <<-EOT
    ## Why
    Kubernetes の Secret には、データベースのパスワード、AccessKey、TLS の鍵が保存されています。
    エンベロープ暗号化がないと、これらは base64 エンコードされただけで etcd に保存されるため、etcd のバックアップやスナップショットからすべてが漏えいします。
    `encryption_provider_key` を設定すると、各 Secret は KMS キーで保護されたデータキーで暗号化され、すべての復号が KMS によって記録されます。
    暗号化の欠如であるため、medium です。

    マネージドクラスターとサーバーレスクラスターを判定します。専用クラスター（`alicloud_cs_kubernetes`）にはこの引数がありません。
    Secret の暗号化には ACK Pro クラスター（`cluster_spec = "ack.pro.small"`、ACK Serverless Pro）が必要です：修正方法は Pro として作成することであるため、Basic クラスターも報告されます。

    ## How to fix
    KMS キーを作成し、`encryption_provider_key` にその ID を設定してください。
  EOT
}

rule "K8S004" {
  docs = <<-EOT
    ## Why
    RRSA がないと、Alibaba Cloud API を呼び出す Pod は、ワーカーノードの RAM ロール（ノード上のすべての Pod が使用できるため、1 つの Pod が侵害されるとすべての Pod の権限が奪われます）か、Secret や環境変数に保存された AccessKey のどちらかを使用することになります。
    RRSA は、OIDC と短期間の STS トークンを通じて、サービスアカウントごとに専用の RAM ロールを付与します。
    必要以上に広い権限付与は制御の欠如であるため、medium です。

    `enable_rrsa` のデフォルトは false で、一度有効にすると無効にできません。
    マネージドクラスターとサーバーレスクラスターを判定します（専用クラスターは RRSA をサポートしていません）。

    ## How to fix
    `enable_rrsa = true` を設定したうえで、信頼ポリシーにクラスターの OIDC プロバイダーとサービスアカウントを指定した RAM ロールをワークロードごとに作成してください。
  EOT
}

rule "K8S005" {
  docs = <<-EOT
    ## Why
    API サーバーの監査ログは、誰がどの Secret を読み取り、誰がどの Pod を作成し、誰がどのロールバインディングを変更したかを記録します。これがなければ、クラスターへの侵入はノードの外に痕跡を残しません。
    ACK は、`logtail-ds` アドオン（現在は `loongcollector` も）を通じて、監査ログとコンテナログを Log Service に送信します。
    ログの欠如は、acslint の基準では low です（CIS 2.4 および 7.1）。

    アドオンは、クラスターの `addons` に含まれている（かつ `disabled` でない）場合、またはクラスターを `cluster_id` で参照する `alicloud_cs_kubernetes_addon` によってインストールされている場合に有効とみなされます。マネージドクラスターでは `audit_log_config { enabled = true }` も有効とみなされます。
    サーバーレスクラスターは判定しません：ログは Pod ごとに設定するためです。

    ## How to fix
    作成時にアドオンを追加してください（または後から `alicloud_cs_kubernetes_addon` で追加します）。
  EOT
}

rule "K8S006" {
  docs = <<-EOT
    ## Why
    Kubernetes の NetworkPolicy は、ある名前空間が別の名前空間のデータベースや管理エンドポイントに到達するのを防ぐための仕組みです。NetworkPolicy を適用しないネットワークプラグインは、ポリシーを受け付けても黙って無視します。
    ACK では、Flannel は NetworkPolicy を適用しません。Terway（ENI マルチ IP モード、`terway-eniip`）は、アドオンの設定で `NetworkPolicy = "false"` としない限り適用します。
    クラスター内のセグメンテーション制御の欠如であるため、low です（CIS 7.7 および 7.8）。

    報告対象：`flannel` アドオン、または JSON の `config` で `NetworkPolicy` を `"false"` に設定している Terway アドオン。
    `addons` にどちらのプラグインも含まれていないクラスターは判定しません。

    acslint が他のツールと異なる点：Checkov の CKV_ALI_26 は Flannel（何も適用しない）を合格とし、Terway クラスターは `worker_vswitch_ids` と `master_vswitch_ids` の両方が指定されていない限り不合格とし、`alicloud_cs_kubernetes` のみを読み取ります。KICS は `alicloud_cs_kubernetes` に対してのみ `pod_vswitch_ids` と `terway-eniip` アドオンを要求します。
    acslint は、マネージドクラスターと専用クラスターを、プラグインとその NetworkPolicy のスイッチのみで判定します。

    ## How to fix
    Terway でクラスターを作成し、NetworkPolicy を有効なままにしてください。そのうえで、名前空間間のトラフィックをデフォルトで拒否するポリシーを記述してください。
  EOT
}

rule "K8S007" {
  docs = <<-EOT
    ## Why
    CloudMonitor エージェントは、ノードのメトリクスとプロセスの状態を報告し、ノードが暗号通貨のマイニングに使われていることやディスク容量の不足を示すアラームを発生させます。
    監視の欠如は、acslint の基準では low です（CIS 7.2）。
    デフォルトでは無効です（`recommended` に含まれません）：監視は多くの場合、代わりにクラスター内の Prometheus で行われるためです。コードで指定するか、`cis` パックで選択してください。

    ノードプールのデフォルトは `install_cloud_monitor = false`、専用クラスターのデフォルトは `true` です。

    ## How to fix
    すべてのノードプールで `install_cloud_monitor = true` を設定してください。
  EOT
}
