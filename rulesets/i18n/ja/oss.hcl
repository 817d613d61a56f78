# ルール文書の日本語訳：rulesets/alicloud/oss.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "OSS001" {
  docs = <<-EOT
    ## Why
    `public-read` の ACL では、インターネット上の誰もがすべてのオブジェクトを一覧表示してダウンロードできます。
    `public-read-write` では、誰もがオブジェクトのアップロード、上書き、削除も行えます。
    公開バケットは、オブジェクトストレージにおけるデータ漏えいの最も一般的な原因です。

    acslint は、バケットのインライン `acl` と、そのバケットを参照するすべての `alicloud_oss_bucket_acl` をチェックします（インライン属性は provider 1.220.0 以降非推奨です）。

    ## How to fix
    `private`（デフォルト）を使用し、特定のプリンシパルにはバケットポリシーでアクセスを付与するか、署名付き URL を発行してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "example-site"
      acl    = "public-read"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "assets" {
      bucket = "example-assets"
    }
    resource "alicloud_oss_bucket_acl" "assets" {
      bucket = alicloud_oss_bucket.assets.bucket
      acl    = "private"
    }
    ```
  EOT
}

rule "OSS002" {
  docs = <<-EOT
    ## Why
    デフォルトのサーバー側暗号化がないと、オブジェクトは書き込まれたまま保存されます。
    OSS 管理キーまたは KMS による保存時の暗号化は、ストレージメディア上のデータを保護します。
    KMS を使用すれば、データへのアクセスをキーポリシーと監査の管理下に置くこともできます。

    ## How to fix
    バケットにデフォルトの暗号化ルールを、インラインまたは分割リソースで宣言してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }

    resource "alicloud_oss_bucket_server_side_encryption" "data" {
      bucket        = alicloud_oss_bucket.data.bucket
      sse_algorithm = "KMS"
    }
    ```
  EOT
}

rule "OSS003" {
  docs = <<-EOT
    ## Why
    バージョン管理がないと、上書きや削除（誤操作、ランサムウェア、あるいは監査ログバケットで痕跡を消そうとする攻撃者によるもの）によってデータが完全に失われます。

    ## How to fix
    バケットのバージョン管理を有効にし（インラインの `versioning` ブロック、または分割リソース `alicloud_oss_bucket_versioning`）、古いバージョンを期限切れにするライフサイクルルールを追加してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "trail" {
      bucket = "example-trail"
    }

    resource "alicloud_oss_bucket" "suspended" {
      bucket = "example-suspended"
      versioning {
        status = "Suspended"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "trail" {
      bucket = "example-actiontrail"
      versioning {
        status = "Enabled"
      }
    }
    ```
  EOT
}

rule "OSS004" {
  docs = <<-EOT
    ## Why
    アクセスログは、誰がどのオブジェクトを読み取り、変更したかを示す唯一の記録です。
    アクセスログがないと、漏えいの範囲を特定できません。

    ## How to fix
    アクセスログは別のプライベートバケットに送信してください。
    アクセスログを受け取るバケット自体には、ログ記録は必須ではありません。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "example-data"
    }

    # The bucket that receives the logs does not log itself.
    resource "alicloud_oss_bucket" "access_logs" {
      bucket = "example-access-logs"
    }

    resource "alicloud_oss_bucket_logging" "data" {
      bucket        = alicloud_oss_bucket.data.bucket
      target_bucket = alicloud_oss_bucket.access_logs.bucket
      target_prefix = "data/"
    }
    ```
  EOT
}

rule "OSS005" {
  docs = <<-EOT
    ## Why
    `AES256`（またはキー ID なしの `KMS`）では、オブジェクトはサービスが管理するキーで暗号化されます。
    キーポリシーで使用を制限したり、インシデント時に無効化したり、KMS の監査証跡で使用状況を確認したりすることはできません。
    独自の KMS キー（CIS 5.9、「BYOK」）を使えば、これらの管理が可能になります。
    暗号化に上乗せする衛生管理であるため、low です。

    acslint は、インラインの `server_side_encryption_rule` と、そのバケットのすべての `alicloud_oss_bucket_server_side_encryption` を読み取ります（他のツールはインラインブロックのみを読み取ります）。
    デフォルトの暗号化がまったくないバケットは、このルールではなく OSS002 の検出結果です（Checkov と KICS はこのチェックでも報告します）。

    ## How to fix
    `KMS` と独自のキーで暗号化してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_server_side_encryption" "data" {
      bucket        = alicloud_oss_bucket.data.bucket
      sse_algorithm = "AES256"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_server_side_encryption" "data" {
      bucket            = alicloud_oss_bucket.data.bucket
      sse_algorithm     = "KMS"
      kms_master_key_id = "key-hzz65a8b7c6d5e4f3g2h1"
    }
    ```
  EOT
}

rule "OSS006" {
  docs = <<-EOT
    ## Why
    ホットリンク防止は、匿名リクエストの `Referer` ヘッダーをホワイトリストと照合します。
    空の Referer を許可すると、Referer を送信しないだけのクライアント（curl、ダウンロードマネージャー、`referrerpolicy="no-referrer"` を指定したページ）が通過できるため、ホワイトリストは何も保護しません。
    衛生管理の問題であるため low です（Referer はクライアントが指定するものです。本当のアクセス制御には署名付き URL を使用してください）。

    acslint は、インラインの `referer_config`（provider 1.220.0 以降非推奨）と `alicloud_oss_bucket_referer` を読み取ります。
    Referer の設定がまったくないバケットは報告されません。
    ホットリンク防止が意味を持つのは公開オブジェクトを配信するバケットのみであり、それは OSS001 が報告します。

    ## How to fix
    空の Referer を拒否してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "acme-site"
    }

    resource "alicloud_oss_bucket_referer" "site" {
      bucket              = alicloud_oss_bucket.site.bucket
      allow_empty_referer = true
      referer_list        = ["https://www.example.com"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "acme-site"
    }

    resource "alicloud_oss_bucket_referer" "site" {
      bucket              = alicloud_oss_bucket.site.bucket
      allow_empty_referer = false
      referer_list        = ["https://www.example.com"]
    }
    ```
  EOT
}

rule "OSS007" {
  docs = <<-EOT
    ## Why
    TLS 1.0 と 1.1 には既知の脆弱性があり、非推奨です（RFC 8996）。
    OSS はデフォルトでこれらを受け付けます。
    `enable = true` を指定した `alicloud_oss_bucket_https_config` により、バケットを列挙したバージョンに限定できます。
    クライアントが対応していれば接続には常に TLS 1.2 が使用されるため、リスクは古いクライアントでのダウングレードであり、low です。
    デフォルトでは無効です（`OSS007` を選択してください）。
    ほとんどの構成ではこの設定を行わず、修正は古いクライアントに関するポリシー上の判断になるためです。

    ## How to fix
    TLS 1.2 と 1.3 のみを許可してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_https_config" "data" {
      bucket       = alicloud_oss_bucket.data.bucket
      enable       = true
      tls_versions = ["TLSv1.0", "TLSv1.1", "TLSv1.2"]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_https_config" "data" {
      bucket       = alicloud_oss_bucket.data.bucket
      enable       = true
      tls_versions = ["TLSv1.2", "TLSv1.3"]
    }
    ```
  EOT
}

rule "OSS008" {
  docs = <<-EOT
    ## Why
    データの可用性と復旧に関するルールです。
    ローカル冗長のバケット（`LRS`、デフォルト）はゾーンとともに失われます。
    レプリカやバックアップのないバケットは、バージョン管理でカバーされない悪意のある、または誤った一括削除（バケットの削除、ライフサイクルルールによる期限切れ）の後に復元できません。
    それぞれが *ファセット*（`zrs`、`replication`、`backup`）であり、スキップは 1 つのファセットのみを抑制します。
    機密性ではなく回復力の問題であるため low で、適切な組み合わせはデータによって異なるため、デフォルトでは無効です（`OSS008` を選択してください）。

    ## How to fix
    重要なバケットにはゾーン冗長ストレージを使用し、リージョン障害やオペレーターの操作に耐える必要のあるバケットはレプリケーションまたはバックアップしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "records" {
      bucket = "example-records"
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "records" {
      bucket          = "example-records"
      redundancy_type = "ZRS"
    }

    resource "alicloud_oss_bucket_replication" "records" {
      bucket = alicloud_oss_bucket.records.bucket
      action = "ALL"
      destination {
        bucket   = "example-records-dr"
        location = "oss-cn-shanghai"
      }
    }

    resource "alicloud_hbr_oss_backup_plan" "records" {
      oss_backup_plan_name = "records"
      bucket               = alicloud_oss_bucket.records.bucket
      vault_id             = "v-0000000000000000"
      schedule             = "I|1602673264|PT2H"
      backup_type          = "COMPLETE"
      retention            = "7"
    }
    ```
  EOT
}

rule "OSS009" {
  docs = <<-EOT
    ## Why
    パブリックアクセスのブロックを有効にすると、OSS はパブリック ACL と匿名アクセスを付与するバケットポリシーを、バケット単位またはアカウントのすべてのバケットで拒否します。
    これは、誤った `acl` やポリシーステートメント 1 つ（OSS001、RAM040/RAM041）でデータが公開されるのを防ぐガードレールです。
    これをチェックする他のツールはありません。
    多層防御であるため low で、デフォルトでは無効です（`OSS009` を選択してください）。
    `block_public_access = true` を指定した `alicloud_oss_account_public_access_block` が同じ構成内にある場合、検出結果は生成されません。

    ## How to fix
    アカウントでパブリックアクセスをブロックするか、決して公開してはならないバケットについてバケット単位でブロックしてください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_public_access_block" "data" {
      bucket              = alicloud_oss_bucket.data.bucket
      block_public_access = false
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "data" {
      bucket = "acme-data"
    }

    resource "alicloud_oss_bucket_public_access_block" "data" {
      bucket              = alicloud_oss_bucket.data.bucket
      block_public_access = true
    }
    ```
  EOT
}

rule "OSS010" {
  docs = <<-EOT
    ## Why
    Web サイトの設定自体は公開につながるものではありません（オブジェクトに到達できるのは ACL またはポリシーで匿名ユーザーの読み取りが許可されている場合のみで、それは OSS001 と RAM040/RAM041 が報告します）。
    しかし、内容を公開することを前提としたバケットであることを示すため、そこに保存されるその他のものもすべて公開されます。
    レビューする価値のある事実であるため info で、デフォルトでは無効です（`OSS010` を選択してください）。
    KICS は high として報告します。

    acslint は、インラインの `website` ブロックと `alicloud_oss_bucket_website` を読み取ります。

    ## How to fix
    Web サイト用のバケットには公開アセットのみを保存するか、オリジン認証を有効にした CDN を介してプライベートバケットから配信してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket" "site" {
      bucket = "example-site"
      website {
        index_document = "index.html"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket" "assets" {
      bucket = "example-assets"
    }
    ```
  EOT
}

rule "OSS011" {
  docs = <<-EOT
    ## Why
    `acs:SourceIp` または `acs:SourceVpc` の条件なしでアクセスを付与するバケットポリシーは、どのネットワークからでも機能します。
    付与されたプリンシパルの AccessKey が漏えいすると、どこからでもデータを読み取れます。
    付与をクライアントのネットワークに限定すれば（CIS 5.7）、盗まれたキーの有用性は大きく下がります。
    多層防御であるため low です。

    ポリシーは `alicloud_oss_bucket_policy` と、`alicloud_oss_bucket` の非推奨のインライン `policy` から読み取られます。
    ポリシーのないバケットは報告されず、Deny ステートメントのみのポリシーも報告されません。
    KICS は綴りを誤った演算子 `IpAdress`/`NotIpAdress` を探しますが、acslint は演算子に関係なく条件キーを確認します。

    ## How to fix
    Allow ステートメントに送信元の条件を追加してください。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_oss_bucket_policy" "data" {
      bucket = alicloud_oss_bucket.data.bucket
      policy = jsonencode({
        Version = "1"
        Statement = [{
          Effect    = "Allow"
          Action    = ["oss:GetObject"]
          Principal = ["1234567890"]
          Resource  = ["acs:oss:*:*:example-data/*"]
        }]
      })
    }
    ```

    Good:
    ```hcl
    resource "alicloud_oss_bucket_policy" "data" {
      bucket = alicloud_oss_bucket.data.bucket
      policy = jsonencode({
        Version = "1"
        Statement = [{
          Effect    = "Allow"
          Action    = ["oss:GetObject"]
          Principal = ["1234567890"]
          Resource  = ["acs:oss:*:*:example-data/*"]
          Condition = { IpAddress = { "acs:SourceIp" = ["203.0.113.0/24"] } }
        }]
      })
    }
    ```
  EOT
}
