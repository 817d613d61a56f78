# ルール文書の日本語訳：rulesets/ram/grammar.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "RAM001" {
  docs = <<-EOT
    ## Why
    RAM が受け付けるのは `{"Version": "1", "Statement": [ ... ]}` のみです。
    つまり、`Version` が文字列 `"1"` で、`Statement` がステートメントオブジェクトの空でない配列である JSON オブジェクトです。
    それ以外はポリシーの作成時に拒否されるため、`terraform apply` が後になって失敗するか、（ステートメントがオブジェクトでない場合は）ステートメントが記述どおりの意味を持ちません。

    ## How to fix
    `"Version": "1"`（数値の 1 ではなく文字列）を追加し、ステートメントを配列に入れてください。

    ## Example
    Bad:
    ```json
    {"Version": 1, "Statement": []}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": [
            "ecs:Describe*",
            "ecs:List*"
          ],
          "Resource": "*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM002" {
  docs = <<-EOT
    ## Why
    RAM ポリシーの文法では `Statement` は配列と定義されています。
    単一のステートメントオブジェクトは寛容なパーサーでは受け付けられますが、ドキュメントに示された形式ではなく、配列を前提とするツール（他のツールのルールを含む）は警告なくそれを読み飛ばします。
    acslint はそれを 1 つのステートメントとして解析し、記述スタイルの問題として指摘します。

    ## How to fix
    `"Statement": [ { ... } ]` と記述してください。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM003" {
  docs = <<-EOT
    ## Why
    要素名は大文字と小文字を区別します。
    綴りを誤った要素（`Actions`、`Resources`、`Conditon`）は拒否されるか、さらに悪いことに無視されます。
    `Condition` が無視されると、制限付きの付与が無制限の付与になります。
    また RAM は重複したキーを持つオブジェクトを拒否しますが、JSON パーサーは警告なくそのうち 1 つだけを残します。

    ## How to fix
    要素名はドキュメントどおりに正確に記述してください。
    acslint が最も近い名前を提案します。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Actions": "ecs:Describe*", "Resource": "*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Sid": "Read",
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*",
          "Condition": {
            "IpAddress": {
              "acs:SourceIp": "10.0.0.0/8"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM004" {
  docs = <<-EOT
    ## Why
    RAM は、`Effect` が正確に `Allow` または `Deny` でないステートメント、`Action` と `NotAction` の両方を持つか、どちらも持たないステートメント、`Resource` のないステートメントを拒否します。
    スカラー値はすべて JSON 文字列でなければなりません。
    条件内の数値、ブール値、日付も同様で、RAM はクォートなしの `true` や `5` を受け付けません。

    ## How to fix
    大文字小文字もそのとおりに `"Effect": "Allow"` と記述し、`Action`/`NotAction` のどちらか一方だけを残し、`"Resource"` を追加して、すべての値をクォートで囲んでください。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:Describe*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": [
            "*"
          ],
          "Condition": {
            "Bool": {
              "acs:SecureTransport": "true"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM005" {
  docs = <<-EOT
    ## Why
    `NotResource` と `NotPrincipal` は AWS IAM に由来するもので、RAM のドキュメントにはどちらも記載されていません。
    これらを使用したポリシーは拒否されるか、要素が無視されてステートメントが意図より広く適用されます。

    ## How to fix
    ステートメントの適用対象となるリソースまたはプリンシパルを指定し、例外には `Deny` ステートメントを追加してください。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "NotResource": "acs:oss:*:*:secret/*"}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "oss:GetObject",
          "Resource": "acs:oss:*:*:public/*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM006" {
  docs = <<-EOT
    ## Why
    `Principal` は、リソースベースのポリシー（ロールの信頼ポリシー、OSS バケットポリシー、KMS キーポリシー、SLS プロジェクトポリシー）が誰に適用されるかを示します。
    ID ポリシーはアタッチされた相手に適用されるため、プリンシパルを指定してはなりません。
    一方、リソースベースのポリシーでは指定が必須です。
    `Principal` の位置が誤っている場合、通常は誤った種類のポリシーを誤った場所に貼り付けたことを意味します。

    ## How to fix
    ID ポリシーからは `Principal` を削除し、信頼ポリシーとバケットポリシーには追加してください。

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}},
        {"Effect": "Allow", "Action": "sts:AssumeRole"}
      ]
    }
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}
      ]
    }
    ```
  EOT
}

rule "RAM007" {
  docs = <<-EOT
    ## Why
    アクションは `<ram-code>:<ActionName>` の形式で、`*` と `?` のワイルドカードを使用できます。
    空白を含む値、コロンのない値、空の部分がある値は何にも一致しないため、ステートメントは警告なく意図より少ない権限を付与（Deny の場合は意図より少ない操作をブロック）します。

    ## How to fix
    余分な文字を削除し、サービスコードとアクション名を記述してください。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ram: DeleteUser", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ram:DeleteUser", "Resource": "*"}]}
    ```
  EOT
}

rule "RAM008" {
  docs = <<-EOT
    ## Why
    存在しないアクションは何にも一致しません。
    Allow ではワークロードが動作しなくなり、Deny では意図したガードレールが警告なく開いたままになります。
    acslint には約 80 のサービスコードの RAM アクションのカタログが同梱されています。
    これは `scripts/gen_ram_catalogue.py` によって公式 SDK パッケージから生成されたものです（OSS と SLS については、SDK のすべての操作に RAM 専用のアクション名を加えたもの）。
    カタログにないサービスのアクションはチェックされません。
    既知のサービスコードに近い誤り（`ecss`、`actiontrial`）は報告され、カタログ内のどのアクションにも一致しないワイルドカードパターンも報告されます。

    ## Severity
    サービスのリストが完全な場合は medium です。
    そのアクションは存在せず、それを指定した Deny は何も保護しません。
    多くのサービスのリストは完全ではありません（RAM は古い API バージョンのアクションも受け付け、OSS、SLS、RAM には API ではないアクションがあります）。
    その場合と未知のサービスコードの場合、検出結果は info となり、欠陥ではなく確認すべき名前として扱われます。

    ## How to fix
    サービスの認可ページに記載されたアクション名を使用してください。
    acslint が最も近い名前を提案します。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstance", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}
    ```
  EOT
}

rule "RAM009" {
  docs = <<-EOT
    ## Why
    RAM は「ほとんどの場合」アクションを大文字小文字を区別せずに照合しますが、ドキュメントではサービスの認可ページにあるとおりの大文字小文字で記述するよう求めています。
    大文字小文字が混在するとポリシーの検索やレビューが難しくなり、例外についてはドキュメントに記載がありません。

    ## How to fix
    サービスコードは小文字で、アクション名はカタログのとおりに記述してください。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ECS:describeinstances", "Resource": "*"}]}
    ```

    Good:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}
    ```
  EOT
}

rule "RAM010" {
  docs = <<-EOT
    ## Why
    `*` 以外のリソースは ARN `acs:<service>:<region>:<account>:<relative-id>` でなければなりません（RAM などのグローバルサービスではリージョンは空）。
    形式の誤った ARN や、ステートメントのどのアクションも属さないサービスの ARN は何にも一致しません。
    ステートメントは無効になるか、Deny が本来保護するはずのものを保護しません。

    ## How to fix
    アクションの操作対象となるリソースの ARN を記述してください。

    ## Example
    Bad:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "dms:LoginDatabase",
          "Resource": "acs:oss:*:*:mybucket"
        }
      ]
    }
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "oss:GetObject",
          "Resource": "acs:oss:*:*:mybucket/*"
        }
      ]
    }
    ```
  EOT
}

rule "RAM011" {
  docs = <<-EOT
    ## Why
    RAM のドキュメントに記載されている演算子は、String、Numeric、Date、Bool、IP アドレスの 5 系統だけです。
    `…IfExists`、`Null`、`ForAnyValue:`/`ForAllValues:` プレフィックスは AWS に由来するもので、拒否されます（"The condition operator 'IfExists/Null' is not supported"）。
    `IpAdress` のように綴りを誤った演算子（KICS 自身のクエリが探している綴り）は、何も制限しません。

    ## How to fix
    ドキュメントに記載された演算子を使用してください。
    acslint が最も近いものを提案します。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*",
      "Condition": {"IpAdress": {"acs:SourceIp": "10.0.0.0/8"}}}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*",
          "Condition": {
            "IpAddress": {
              "acs:SourceIp": [
                "10.0.0.0/8",
                "203.0.113.7"
              ]
            },
            "StringLike": {
              "acs:SourceVpc": "vpc-*"
            },
            "DateLessThan": {
              "acs:CurrentTime": "2030-01-01T00:00:00Z"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM012" {
  docs = <<-EOT
    ## Why
    RAM が認識しないキーに対する条件は、決して true にならない（Allow では付与が無効になる）か、決して false にならない（`…Not…` を使った Deny ではガードレールが決して機能しない）かのどちらかです。
    値を演算子で比較できない場合も同じことが起こります：VPC ID を指定した `IpAddress`、`31/12/2025` を指定した `DateLessThan`、`"yes"` を指定した `Bool` などです。

    ## How to fix
    ドキュメントに記載されたグローバルキーを正しい大文字小文字で使用し、演算子の型に合った値を指定してください。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*",
      "Condition": {"IpAddress": {"acs:SourceIP": "vpc-123"}}}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "ecs:DescribeInstances",
          "Resource": "*",
          "Condition": {
            "IpAddress": {
              "acs:SourceIp": "10.0.0.0/8"
            },
            "Bool": {
              "acs:SecureTransport": "true"
            },
            "StringEquals": {
              "acs:ResourceTag/team": "ops",
              "ecs:tag/env": "prod"
            },
            "NumericLessThan": {
              "ecs:InstanceCount": "5"
            }
          }
        }
      ]
    }
    ```
  EOT
}

rule "RAM013" {
  docs = <<-EOT
    ## Why
    RAM は 6,144 文字を超えるカスタムポリシードキュメントを拒否します（空白は数えません。古いドキュメントでは 2,048 と記載されていました）。
    この失敗は `terraform apply` の時点で初めて表面化します。

    ## How to fix
    ポリシーを同じ ID にアタッチする複数のポリシーに分割する、効果とリソースが同じステートメントを統合する、またはアクションのワイルドカードを使用してください。

    ## Example
    例はありません：ドキュメントが RAM の 6,144 文字の上限を超えており、表示するには長すぎます。
  EOT
}
