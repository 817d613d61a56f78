# ルール文書の日本語訳：rulesets/analysis/analysis.hcl
# 見出し、コードブロック、Bad:/Good: ラベルは原文のまま（tests/rules.rs が検査）。

rule "TF001" {
  docs = <<-EOT
    ## Why
    Terraform が解析できないファイルは、acslint でも解析できません：どのルールもそのファイルを検査できないため、その中の構成ミスは見逃されます。
    acslint は、解析が停止した位置でパーサー自身のメッセージを報告し、他のファイルの解析を続けます。

    ## How to fix
    構文を修正してください（`terraform fmt` と `terraform validate` も同じ箇所を指摘します）。

    ## Example
    Bad:
    ```hcl
    resource "alicloud_ram_user" "u" {
      name = "ops"
    # the closing brace is missing
    ```

    Good:
    ```hcl
    resource "alicloud_ram_user" "u" {
      name = "ops"
    }
    ```
  EOT
}

rule "TF002" {
  docs = <<-EOT
    ## Why
    読み取れないファイル（権限の問題、壊れた、またはループしているシンボリックリンク、UTF-8 ではないバイト列）は解析されません。
    acslint は、そのようなファイルを黙って通過させるのではなく、その旨を報告します。

    ## How to fix
    権限やリンクを修正するか、ファイルを UTF-8 に変換してください。
    Terraform やポリシーのファイルでない場合は、`--exclude GLOB` で除外してください。

    ## Example
    例はありません：ファイルが acslint で読み取れるテキストではない（UTF-8 ではない、FIFO やデバイス、ツリーの外を指すシンボリックリンク、ループ）ため、表示できるソースがありません。
  EOT
}

rule "TF003" {
  docs = <<-EOT
    ## Why
    非常に大きなファイルは、通常は生成されたもの（ステートのダンプ、ベンダリングされたデータ）です。
    acslint は、1 つのファイルで実行全体が停滞しないよう上限（デフォルトは 8 MiB）を超えるファイルをスキップし、何も黙ってスキップされないよう、それぞれを報告します。

    ## How to fix
    生成されたファイルを `--exclude` で除外するか、`--max-file-size` で上限を引き上げてください。

    ## Example
    例はありません：ファイルが `--max-file-size`（デフォルトは 8 MiB）より大きく、表示するには大きすぎます。
  EOT
}

rule "RAM000" {
  docs = <<-EOT
    ## Why
    RAM は厳密な JSON でないポリシードキュメントを拒否するため、`terraform apply` が後になって失敗します。
    また、他のポリシールールはその中身を確認できません。

    ## How to fix
    コメントと末尾のカンマを削除し、すべてのキーをダブルクォートで囲んでください。
    Terraform では、手書きの JSON 文字列よりも `jsonencode({ ... })` を使用してください。

    ## Example
    Bad:
    ```json
    {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*",}]}
    ```

    Good:
    ```json
    {
      "Version": "1",
      "Statement": [
        {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}
      ]
    }
    ```
  EOT
}

rule "TF004" {
  docs = <<-EOF2
    ## Why
    acslint はモジュールをダウンロードしません。
    ソースがレジストリ、Git、HTTP のアドレス、または Terraform ファイルのないローカルディレクトリであるモジュール呼び出しは評価されません：それが作成するリソースはチェックされず、その出力は不明になります。
    acslint は、黙って通過させるのではなく、呼び出しごとに 1 回、`source` 属性の位置でその旨を報告します。

    ## How to fix
    まず `terraform init` を実行してください：`.terraform/modules/` にインストールされたモジュール（`modules.json` に記載）は、そこから読み取られます。
    ローカルモジュールは、スキャン範囲外にあってもそのディレクトリから読み取られます（モジュール自身の検出結果は、それをスキャンしたときに報告されます）：`source` が Terraform ファイルのあるディレクトリを指しているか確認してください。

    ## Example
    Bad:
    ```hcl
    module "vpc" {
      source  = "alibaba/vpc/alicloud"   # registry module, not downloaded
      version = "1.11.0"
    }
    ```

    ローカルモジュールはそのディレクトリから読み取られます。`terraform init` の後は、レジストリモジュールも同じように `.terraform/modules/` から読み取られます。

    Good:
    ```hcl
    module "vpc" {
      source = "./modules/vpc"
    }
    # file: modules/vpc/main.tf
    resource "alicloud_vpc" "this" {
      vpc_name   = "main"
      cidr_block = "10.0.0.0/8"
    }
    ```
  EOF2
}

rule "TF005" {
  docs = <<-EOF2
    ## Why
    acslint は、どのような入力でもすぐに終了するよう、作業量に上限を設けて Terraform を評価します。
    上限に達するのは、自分自身に依存する local やモジュール、インスタンスが 1000 を超える `count` や `for_each`、深くネストしすぎた式、大きくなりすぎた文字列やコレクション、深くネストしすぎたモジュール呼び出し、あるいは値や関数の処理がメモリまたは作業量の予算を超える構成です。
    上限に達すると、関係する値は不明になり（そのため、それらに対する検出結果は生成されません）、この診断がその箇所を示します。

    コードの一部がチェックされていないため、スキャン対象のツリー内のものでこの診断を抑制することはできず（構成、抑制コメント、ベースライン）、この診断は常に実行を失敗させます：そうでなければ、プルリクエストで爆弾と `ignore = ["TF005"]` を追加して合格させることができてしまいます。
    これを解除できるのは、コマンドラインの `--allow-incomplete` のみです。

    ## How to fix
    循環を解消するか（Terraform もこれを拒否します）、式を単純にしてください。
    非常に大きな `count` の値は通常は誤りです。
    誤りでない場合、インスタンスは `count.index` が不明な 1 つのインスタンスとしてチェックされます。

    ## Example
    Bad:
    ```hcl
    locals {
      a = local.b
      b = local.a   # cycle
    }
    ```

    Good:
    ```hcl
    locals {
      names = [for i in range(10) : "user-$${i}"]
      first = local.names[0]
    }

    resource "alicloud_ram_user" "u" {
      count = length(local.names)
      name  = local.names[count.index]
    }
    ```
  EOF2
}

rule "TF006" {
  docs = <<-EOT
    ## Why
    acslint が入力によってクラッシュすることはあってはなりませんが、万一バグによって 1 つのファイルや構成の解析がパニックした場合でも、パニックは封じ込められます：そのファイルはこの検出結果として報告され、他のファイルは通常どおり解析され、終了コードは 2 になるため、CI が不完全な実行を問題なしと誤認することはありません。
    メッセージには acslint のコード内で失敗した箇所が示され、ファイルの内容（シークレットを含む可能性がある）が示されることはありません。

    ## How to fix
    バグを引き起こすファイル、またはその縮小したコピーを添えて報告してください。
    修正されるまでは、そのファイルを `--exclude` で除外すれば、他のファイルの完全な実行結果を得られます。

    ## Example
    例はありません：acslint の内部エラーであり、これを引き起こすことを想定した入力はありません。
  EOT
}
