# ルール文書の日本語訳：rulesets/alicloud/edge.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "NET005" {
  docs = <<-EOT
    ## Why
    平文 HTTP では、Cookie、トークン、フォームデータが平文でネットワークを流れ、途中で改ざんされる可能性があります。
    通信経路の暗号化の欠如であるため、medium です。

    SLB の `http` リスナーは `listener_forward = "on"` であれば合格です（その場合、HTTPS の `forward_port` にリダイレクトするだけになります）。ALB の `HTTP` リスナーは、そのリスナーの `alicloud_alb_rule` に `Redirect` アクションがあれば合格です。
    KICS は、リダイレクトの有無にかかわらず、すべての ALB HTTP リスナーを報告します。

    ## How to fix
    HTTP を HTTPS にリダイレクトするか、HTTP リスナーを削除してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_listener" "http" {
      load_balancer_id = alicloud_slb_load_balancer.web.id
      protocol         = "http"
      frontend_port    = 80
      backend_port     = 80
      bandwidth        = -1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_listener" "http" {
      load_balancer_id = alicloud_slb_load_balancer.web.id
      protocol         = "http"
      frontend_port    = 80
      listener_forward = "on"
      forward_port     = 443
    }
    ```
  EOT
}

rule "NET006" {
  docs = <<-EOT
    ## Why
    ホワイトリスト ACL は、リスナーに到達できる相手を制限します。
    公開ウェブサイトは誰でもアクセスできることが前提であるため、これは low であり、選択しない限り（`--select NET006`）無効です：既知のクライアント（パートナー、オフィス、社内ツール）にサービスを提供するロードバランサーでは有効にしてください。

    ## How to fix
    ホワイトリストをアタッチしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_listener" "admin" {
      load_balancer_id = alicloud_slb_load_balancer.tools.id
      protocol         = "tcp"
      frontend_port    = 8443
      backend_port     = 8443
      bandwidth        = -1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_listener" "admin" {
      load_balancer_id = alicloud_slb_load_balancer.tools.id
      protocol         = "tcp"
      frontend_port    = 8443
      backend_port     = 8443
      bandwidth        = -1
      acl_status       = "on"
      acl_type         = "white"
      acl_ids          = [alicloud_slb_acl.offices.id]
    }
    ```
  EOT
}

rule "NET007" {
  docs = <<-EOT
    ## Why
    ホワイトリストとして使用される ACL に `0.0.0.0/0` が含まれていると、誰でも通過できます：リスナーは制限されているように見えますが、実際には制限されていません。
    それ自体でデータを露出させるのではなく、制御を無効化するものであるため、medium です。
    （ブラックリストとして使用される場合、このエントリはすべての人をブロックします。これはリスクではなく障害ですが、リストが誤っていることに変わりはありません。）

    エントリは `alicloud_alb_acl_entry_attachment` と `alicloud_slb_acl_entry_attachment`（`entry`）、`alicloud_alb_acl.acl_entries`、`alicloud_slb_acl.entry_list` から読み取ります。IPv6 の `::/0` も対象です。

    ## How to fix
    エントリを、アクセスが必要な範囲に置き換えてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_alb_acl_entry_attachment" "any" {
      acl_id = alicloud_alb_acl.partners.id
      entry  = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_alb_acl_entry_attachment" "partner" {
      acl_id = alicloud_alb_acl.partners.id
      entry  = "203.0.113.0/24"
    }
    ```
  EOT
}

rule "NET008" {
  docs = <<-EOT
    ## Why
    欠陥ではなく、レビューする価値のある事実です：インターネット向けロードバランサーは、公開サービスを公開するための手段です。
    重要度は info で、選択しない限り（`--select NET008`）無効です。レビューの際に構成のパブリックな入口を一覧するために使用します。

    ## How to fix
    内部向けのサービスには `address_type = "intranet"` を使用してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_load_balancer" "internal_api" {
      load_balancer_name = "internal-api"
      address_type       = "internet"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_load_balancer" "internal_api" {
      load_balancer_name = "internal-api"
      address_type       = "intranet"
      vswitch_id         = alicloud_vswitch.app.id
    }
    ```
  EOT
}

rule "NET009" {
  docs = <<-EOT
    ## Why
    削除保護は、誤った、あるいは悪意のある呼び出しによって、入口とそのパブリックアドレス（取り戻すことはできません）がリリースされるのを防ぎます。
    可用性を保護するものであるため low であり、選択しない限り（`--select NET009`）無効です。
    サブスクリプション（年額・月額）課金のリソースは期限前にリリースできないため合格です。

    ## How to fix
    削除保護を有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_nat_gateway" "egress" {
      vpc_id     = alicloud_vpc.main.id
      vswitch_id = alicloud_vswitch.app.id
      nat_type   = "Enhanced"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_nat_gateway" "egress" {
      vpc_id              = alicloud_vpc.main.id
      vswitch_id          = alicloud_vswitch.app.id
      nat_type            = "Enhanced"
      deletion_protection = true
    }
    ```
  EOT
}

rule "NET010" {
  docs = <<-EOT
    ## Why
    変更保護は、Terraform が管理するロードバランサーをコンソールのユーザーが変更すること（ドリフト、意図しない公開）を防ぎます。
    衛生管理上の問題であるため low であり、選択しない限り（`--select NET010`）無効です。

    ## How to fix
    コンソール保護を有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_load_balancer" "web" {
      load_balancer_name = "web"
      address_type       = "internet"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_load_balancer" "web" {
      load_balancer_name             = "web"
      address_type                   = "internet"
      modification_protection_status = "ConsoleProtection"
      modification_protection_reason = "managed by Terraform"
    }
    ```
  EOT
}

rule "NET011" {
  docs = <<-EOT
    ## Why
    アクセスログがなければ、インシデント対応や不正利用の報告に必要な、誰がロードバランサー経由で何を呼び出したかの記録が残りません。
    ログの欠如であるため、low です。

    Terraform で ALB のアクセスログをチェックする同等のルールは他のツールにありません（InfraGuard の `slb-instance-log-enabled` は SLB を対象としており、SLB のアクセスログはプロバイダーの Terraform リソースでは設定されません）。

    ## How to fix
    アクセスログを Logstore に送信してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_alb_load_balancer" "web" {
      load_balancer_name     = "web"
      address_type           = "Internet"
      vpc_id                 = alicloud_vpc.main.id
      load_balancer_edition  = "Standard"
      load_balancer_billing_config {
        pay_type = "PayAsYouGo"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_alb_load_balancer" "web" {
      load_balancer_name     = "web"
      address_type           = "Internet"
      vpc_id                 = alicloud_vpc.main.id
      load_balancer_edition  = "Standard"
      load_balancer_billing_config {
        pay_type = "PayAsYouGo"
      }
      access_log_config {
        log_project = alicloud_log_project.lb.project_name
        log_store   = alicloud_log_store.alb.logstore_name
      }
    }
    ```
  EOT
}

rule "NET012" {
  docs = <<-EOT
    ## Why
    HTTP 経由のリクエストは、認証情報とデータを平文で運びます。
    通信経路の暗号化の欠如であるため、medium です。

    `HTTP` と `HTTP,HTTPS`（平文 HTTP も引き続き受け入れる）の場合に報告されます。
    Checkov は `request_config` のない API も不合格にしますが、プロバイダーがこのブロックを必須としているため、そのケースは発生しません。

    ## How to fix
    HTTPS のみを受け入れてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "APP"
      service_type = "HTTP"
      request_config {
        protocol = "HTTP"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "APP"
      service_type = "HTTP"
      request_config {
        protocol = "HTTPS"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```
  EOT
}

rule "NET013" {
  docs = <<-EOT
    ## Why
    匿名の API は、それを見つけた誰もが呼び出し、データを収集し、悪用できます。また、バックエンドには呼び出し元の ID が渡りません。
    バックエンドの前段に認証がないことは medium です（バックエンド自身が認証を行っている可能性がありますが、acslint からは見えません）。

    ## How to fix
    アプリ認証を必須にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "ANONYMOUS"
      service_type = "MOCK"
      request_config {
        protocol = "HTTPS"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_api_gateway_api" "orders" {
      name         = "orders"
      group_id     = alicloud_api_gateway_group.shop.id
      description  = "orders"
      auth_type    = "APP"
      service_type = "MOCK"
      request_config {
        protocol = "HTTPS"
        method   = "GET"
        path     = "/orders"
        mode     = "MAPPING"
      }
    }
    ```
  EOT
}

rule "NET014" {
  docs = <<-EOT
    ## Why
    フローログは受け入れられた接続と拒否された接続を記録します：これがなければ、ラテラルムーブメントやデータの持ち出しを調査するための痕跡が残りません。
    ログの欠如であるため、low です（CIS 3.3）。

    フローログは `resource_id` によって検出します。VPC を参照している場合（`alicloud_vpc.main.id`、モジュール経由も含む）でも、ID を直接指定している場合でも検出されます。KICS は `"$${alicloud_vpc.main.id}"` という文字列形式しか認識しません。
    別の構成で管理されているフローログは検出できません：その場合は理由を付けて検出結果を抑制してください。

    ## How to fix
    フローログを追加してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_vpc" "main" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }

    resource "alicloud_vpc_flow_log" "main" {
      resource_id    = alicloud_vpc.main.id
      resource_type  = "VPC"
      traffic_type   = "All"
      project_name   = alicloud_log_project.net.project_name
      log_store_name = alicloud_log_store.flows.logstore_name
    }
    ```
  EOT
}

rule "NET015" {
  docs = <<-EOT
    ## Why
    ネットワーク ACL は、セキュリティグループの前段にある vSwitch レベルの防御層です。管理用ポートとデータベースのポート（SSH、RDP、SMB、SQL Server、MySQL、PostgreSQL、Redis、MongoDB、Elasticsearch、Memcached、Docker、VNC、WinRM）をどこからでも受け入れると、セキュリティグループだけが唯一の防御になります。
    セキュリティグループは引き続き適用されるため、medium です（セキュリティグループも開放されている場合は NET001 が報告します）。

    各 `ingress_acl_entries` ブロックを判定します：`accept` で、送信元が `0.0.0.0/0` または `::/0`、プロトコルが `tcp`、`udp` または `all` で、`port` の範囲（`-1/-1` はすべてのポート）がこれらのポートのいずれかを含むものが対象です。

    ## How to fix
    エントリの範囲を絞り込んでください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_network_acl" "app" {
      vpc_id = alicloud_vpc.main.id
      ingress_acl_entries {
        protocol       = "tcp"
        port           = "1/65535"
        source_cidr_ip = "0.0.0.0/0"
        policy         = "accept"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_network_acl" "app" {
      vpc_id = alicloud_vpc.main.id
      ingress_acl_entries {
        protocol       = "tcp"
        port           = "443/443"
        source_cidr_ip = "0.0.0.0/0"
        policy         = "accept"
      }
    }
    ```
  EOT
}

rule "NET016" {
  docs = <<-EOT
    ## Why
    DNAT エントリは、NAT ゲートウェイのパブリック EIP のポートをインスタンスにマッピングします：SSH、RDP、SMB、またはデータベースのポートを転送すると、インスタンスのセキュリティグループが他の送信元についてどう設定されていても、そのサービスはインターネットに公開されます。
    管理用またはデータ用のポートのインターネットへの露出であるため、high です。

    `internal_port`（単一のポート、`from/to` または `from-to` の範囲、あるいは `any`）を、次の管理用およびデータベースのポートと比較します：SSH 22、Telnet 23、RPC 135、NetBIOS 139、SMB 445、SQL Server 1433、Oracle 1521、Docker 2375、MySQL 3306、RDP 3389、PostgreSQL 5432、VNC 5900、WinRM 5985、Redis 6379、Elasticsearch 9200、Memcached 11211、MongoDB 27017。

    ## How to fix
    エントリを削除し、踏み台ホストまたは VPN を使用してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_forward_entry" "ssh" {
      forward_table_id = alicloud_nat_gateway.egress.forward_table_ids
      external_ip      = alicloud_eip_address.nat.ip_address
      external_port    = "2222"
      ip_protocol      = "tcp"
      internal_ip      = alicloud_instance.app.private_ip
      internal_port    = "22"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_forward_entry" "https" {
      forward_table_id = alicloud_nat_gateway.egress.forward_table_ids
      external_ip      = alicloud_eip_address.nat.ip_address
      external_port    = "443"
      ip_protocol      = "tcp"
      internal_ip      = alicloud_instance.app.private_ip
      internal_port    = "443"
    }
    ```
  EOT
}

rule "NET017" {
  docs = <<-EOT
    ## Why
    SSH、RDP、またはデータベースのポートで待ち受けるロードバランサーのリスナーは、そのサービスをロードバランサーのすべてのクライアント（インターネット向けであればインターネット全体）に公開します。
    ロードバランサーがイントラネット向けである可能性があり、リスナーだけではそれを判断できないため、medium です。

    ## How to fix
    リスナーを削除するか、ホワイトリスト ACL で制限してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_listener" "mysql" {
      load_balancer_id = alicloud_slb_load_balancer.db.id
      protocol         = "tcp"
      frontend_port    = 3306
      backend_port     = 3306
      bandwidth        = -1
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_listener" "https" {
      load_balancer_id = alicloud_slb_load_balancer.web.id
      protocol         = "tcp"
      frontend_port    = 443
      backend_port     = 443
      bandwidth        = -1
    }
    ```
  EOT
}

rule "NET018" {
  docs = <<-EOT
    ## Why
    WAF のログは、ブロックされた攻撃と許可された攻撃の記録です。ログの欠如であるため、low です。

    ## How to fix
    インスタンスで Log Service を有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_waf_instance" "main" {
      big_screen           = "0"
      exclusive_ip_package = "1"
      ext_bandwidth        = "50"
      ext_domain_package   = "1"
      package_code         = "version_3"
      prefessional_service = "false"
      subscription_type    = "Subscription"
      period               = 1
      waf_log              = "false"
      log_storage          = "3"
      log_time             = "180"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_waf_instance" "main" {
      big_screen           = "0"
      exclusive_ip_package = "1"
      ext_bandwidth        = "50"
      ext_domain_package   = "1"
      package_code         = "version_3"
      prefessional_service = "false"
      subscription_type    = "Subscription"
      period               = 1
      waf_log              = "true"
      log_storage          = "3"
      log_time             = "180"
    }
    ```
  EOT
}

rule "NET019" {
  docs = <<-EOT
    ## Why
    証明書がないと、エッジはサイトを平文 HTTP で提供するため、訪問者とエッジの間で通信が読み取られたり改ざんされたりする可能性があります。
    通信経路の暗号化の欠如であるため、medium です。
    これをチェックする同等のルールは他のツールにありません。プロバイダーでは `alicloud_cdn_domain_new` と `alicloud_dcdn_domain` で設定できます。

    ## How to fix
    HTTPS 証明書を有効にしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cdn_domain_new" "site" {
      domain_name = "www.example.com"
      cdn_type    = "web"
      sources {
        content  = "origin.example.com"
        type     = "domain"
        port     = 443
        priority = 20
        weight   = 10
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cdn_domain_new" "site" {
      domain_name = "www.example.com"
      cdn_type    = "web"
      sources {
        content  = "origin.example.com"
        type     = "domain"
        port     = 443
        priority = 20
        weight   = 10
      }
      certificate_config {
        server_certificate_status = "on"
        cert_type                 = "cas"
        cert_id                   = var.cert_id
      }
    }
    ```
  EOT
}

rule "NET020" {
  docs = <<-EOT
    ## Why
    `0.0.0.0/0` からのインバウンドをすべて受け入れるポリシーは、その宛先に対してインターネットファイアウォールを無効にするのと同じです：その背後にあるすべての管理用ポートとデータ用ポートが露出します。
    high です。
    ポリシーをチェックする同等のルールは他のツールにありません（InfraGuard の `firewall-asset-open-protect` は、そもそも資産が保護されているかどうかを確認するもので、それはアカウントでしかわかりません）。

    ## How to fix
    必要なアプリケーションとポートのみを受け入れてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cloud_firewall_control_policy" "any" {
      direction        = "in"
      acl_action       = "accept"
      description      = "allow all"
      source           = "0.0.0.0/0"
      source_type      = "net"
      destination      = "0.0.0.0/0"
      destination_type = "net"
      proto            = "ANY"
      application_name = "ANY"
      dest_port        = "0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cloud_firewall_control_policy" "https" {
      direction        = "in"
      acl_action       = "accept"
      description      = "public web"
      source           = "0.0.0.0/0"
      source_type      = "net"
      destination      = alicloud_eip_address.web.ip_address
      destination_type = "net"
      proto            = "TCP"
      application_name = "HTTPS"
      dest_port        = "443/443"
    }
    ```
  EOT
}

rule "NET021" {
  docs = <<-EOT
    ## Why
    アウトバウンドが無制限だと、マルウェアが外部と通信でき、盗まれたデータが任意のポートから持ち出されます。
    ほとんどのワークロードはこの状態から始まる（セキュリティグループはデフォルトですべてのアウトバウンドを許可する）ため、これは衛生管理上の問題であり、low です。選択しない限り（`--select NET021`）無効で、アウトバウンドトラフィックを制限する環境向けです（CIS 3.5、きめ細かなルール）。

    ## How to fix
    必要な宛先とポートのみを許可してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_security_group_rule" "out" {
      type              = "egress"
      ip_protocol       = "all"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_security_group_rule" "out_https" {
      type              = "egress"
      ip_protocol       = "tcp"
      port_range        = "443/443"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```
  EOT
}

rule "NET022" {
  docs = <<-EOT
    ## Why
    パブリックなポートをホワイトリスト（HTTP と HTTPS）に限定すると、想定外のサービスがインターネットに公開されるのを防げます。
    危険であることが知られているポートは NET001（high）の対象です。このルールはそれ以外のすべてのパブリックなポートを報告しますが、それらは正当な場合も多い（ゲームサーバー、VPN エンドポイント）ため、low であり、選択しない限り（`--select NET022`）無効です。
    有効にすると、機密性の高いポートは両方のルールで報告されます。

    KICS の「unknown port」クエリは、機密ポートのマップに含まれないポート（つまり 80 と 443 も）を報告します。InfraGuard のホワイトリストチェックは、許可するポートをパラメーターとして受け取ります。
    acslint のホワイトリストは 80 と 443 です。

    ## How to fix
    サービスを 443 で待ち受けるロードバランサーの背後に置くか、送信元を制限してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_security_group_rule" "app" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "8443/8443"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_security_group_rule" "app" {
      type              = "ingress"
      ip_protocol       = "tcp"
      port_range        = "443/443"
      security_group_id = alicloud_security_group.app.id
      cidr_ip           = "0.0.0.0/0"
    }
    ```
  EOT
}

rule "NET023" {
  docs = <<-EOT
    ## Why
    リクエストログがなければ、不正利用やインシデントの調査に必要な、誰が API を呼び出したかの記録が残りません。
    ログの欠如であるため、low です。

    ログの設定はリージョン全体に適用されるため、構成内にいずれかの `alicloud_api_gateway_log_config` があれば、すべてのグループがこのルールを満たします。別の場所で管理されている設定は検出できません。

    ## How to fix
    Log Service への API ログ記録を設定してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_api_gateway_group" "shop" {
      name        = "shop"
      description = "shop APIs"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_api_gateway_group" "shop" {
      name        = "shop"
      description = "shop APIs"
    }

    resource "alicloud_api_gateway_log_config" "this" {
      sls_project   = alicloud_log_project.api.project_name
      sls_log_store = alicloud_log_store.api.logstore_name
      log_type      = "PROVIDER"
    }
    ```
  EOT
}

rule "NET024" {
  docs = <<-EOT
    ## Why
    vSwitch のないイントラネット CLB にはクラシックネットワークのアドレスが割り当てられ、他のテナントのクラシックネットワークのインスタンスから到達できます。VPC 内であれば、到達できるのはその VPC からのみです。
    当初から分離が欠けていることは medium です（CIS 3.1）。
    インターネット向けのロードバランサーには vSwitch が不要であるため合格です。

    ## How to fix
    vSwitch 内に作成してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_slb_load_balancer" "api" {
      load_balancer_name = "api"
      address_type       = "intranet"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_slb_load_balancer" "api" {
      load_balancer_name = "api"
      address_type       = "intranet"
      vswitch_id         = "vsw-bp1s5fnvk4gn2tws03624"
    }
    ```
  EOT
}
