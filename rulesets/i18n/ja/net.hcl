# ルール文書の日本語訳：rulesets/alicloud/net.hcl
# 「## Why」と「## How to fix」の本文のみ（見出しは英語のまま）。例（## Example）は英語のルール定義から取られます。

rule "NET001" {
  docs = <<-EOT
    ## Why
    `0.0.0.0/0` または `::/0` に開放された管理ポート（SSH 22、RDP 3389、WinRM、Telnet）、データベースとキャッシュのポート（MySQL、PostgreSQL、SQL Server、Oracle、Redis、MongoDB、Memcached、Elasticsearch、Cassandra）、クラスターのコントロールプレーン（Docker、etcd、kubelet、Kubernetes API、SaltStack、Puppet、Hadoop）は、公開から数分以内にスキャンされ攻撃を受けます：ブルートフォース、認証なしのデータストア、リモートコード実行などです。
    データや管理機能のインターネットへの公開は、acslint の重大度では high です。

    各ポートは検出結果の *ファセット* です（`port:22`、`port:3306` など。JSON の `facet` フィールドと SARIF の `properties.facet` に出力されます）。
    `3000/4000` のような範囲では、範囲に含まれる機密ポートごとに 1 件の検出結果が生成され、`#checkov:skip=CKV_ALI_2` は `port:22` のみを抑制します。

    acslint によるルールの読み取り方：
    - 判定の対象は、`policy` が `accept`（デフォルト）の `ingress` ルールのみです。`drop` ルールが報告されることはなく、`accept` ルールを打ち消すこともありません（acslint はルール間の優先度を計算しないため、accept ルールは報告されたままになります）
    - 送信元は `cidr_ip = "0.0.0.0/0"` または `ipv6_cidr_ip = "::/0"` です。Checkov の CKV_ALI_2/3 と異なり、空の `cidr_ip` は「全員」とは見なしません（API が拒否します）
    - `port_range` は `from/to` の形式です。ポートを含む範囲はプロトコルごとに判定されます（`udp/3389` は RDP ですが、`udp/22` は SSH ではありません）。`-1/-1`、`1/65535`、`ip_protocol = "all"` はすべてのポートを意味し、NET002 が報告します
    - `nic_type` は関係ありません：VPC では、`intranet` のルールもパブリックアドレスに適用されます
    - Web ポート 80 と 443 は公開を前提としているため報告されません（KICS は報告します）
    - 参照バージョンのプロバイダーには `alicloud_security_group_rules` も `alicloud_security_group` のインライン `ingress` ブロックもないため、読み取るのは `alicloud_security_group_rule` のみです

    ## How to fix
    ポートは必要な範囲からのみ許可するか、まったく許可しないでください（踏み台ホスト、Cloud Assistant、または VPN を使用します）。
  EOT
}

rule "NET002" {
  docs = <<-EOT
    ## Why
    任意の場所からすべてのポート（またはすべてのプロトコル）を受け入れるルールは、誰も公開するつもりのなかったものも含め、インスタンス上のすべてのサービスを公開します。
    管理機能やデータのインターネットへの公開と同様に high です。

    すべてのポートとは、`0.0.0.0/0` または `::/0` からの `ip_protocol = "all"`、または `port_range` が `-1/-1`、`0/65535`、`1/65535` の `tcp`/`udp` を指します。
    ICMP と GRE にはポートがありません。
    `-1/-1` の `icmp` ルールはインターネットからインスタンスへの ping を許可しますが、これはこのルールではなく NET004（low）の対象です（KICS はここで報告します）。
    検出位置は `port_range`（未設定の場合はブロック）です。

    ## How to fix
    特定のポートを特定の範囲から許可するルールに置き換えてください。
  EOT
}

rule "NET004" {
  docs = <<-EOT
    ## Why
    ICMP と GRE にはポートがないため、`0.0.0.0/0` からのこれらのルールは「すべてのポート」（NET002）ではありません。
    誰もがインスタンスに ping や traceroute を行ってマッピングできる（または GRE を送信できる）ようになります。
    偵察には役立ちますが、サービスを公開するものではないため、衛生管理として low です。

    KICS は、任意の場所からの ICMP/GRE の `-1/-1` を全ポートのクエリで報告します。
    acslint はこれを分けて扱い、ping のルールがホストの開放と誤認されないようにしています。

    ## How to fix
    ICMP は、インスタンスを監視する範囲からのみ受け入れてください。
  EOT
}

rule "NET003" {
  docs = <<-EOT
    ## Why
    TLS 1.0 と 1.1 は非推奨（RFC 8996）で、既知の脆弱性があります。
    PCI DSS などのコンプライアンス基準では使用が禁止されています。
    転送時の暗号化が弱いことは medium です。

    リスナーがこれらのバージョンを使用することになるケース：
    - `tls_versions` に `TLSv1.0` または `TLSv1.1` を含む `alicloud_slb_tls_cipher_policy`
    - `tls_cipher_policy` が `tls_cipher_policy_1_0` または `_1_1` であるか、未設定の `https` の `alicloud_slb_listener`：プロバイダーのデフォルトは `tls_cipher_policy_1_0` です
    - 定義済みの `tls_cipher_policy_1_0`/`_1_1` を使用する `HTTPS` の `alicloud_alb_listener`。
      `security_policy_id` のない ALB リスナーは判定できません（`--show-unknown`）：プロバイダーのドキュメントにデフォルトのポリシーが記載されていないためです。カスタムポリシー ID は、リテラルの場合にのみ追跡されます。
    - `https_policy` が `TLS1_0` または `TLS1_1` で終わる専用の `alicloud_api_gateway_instance`（例：`HTTPS2_TLS1_0`）：インスタンス上のすべてのグループがこれを継承します

    ## How to fix
    TLS 1.2 以上のポリシーを使用してください。
  EOT
}
