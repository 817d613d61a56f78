# Container Registry (ACR Enterprise Edition: alicloud_cr_ee_*; Personal Edition:
# alicloud_cr_repo) and Microservices Engine (MSE) clusters.

rule "CR001" {
  name     = "cr-repository-public"
  severity = "high"
  title    = "Container Registry repository is public"
  resource = ["alicloud_cr_ee_repo", "alicloud_cr_repo"]
  assert   = upper(coalesce(lookup(self, "repo_type", null), "PRIVATE")) != "PUBLIC"
  where    = "repo_type"
  message  = "anyone can pull the images of repository `${named(lookup(self, "name", null))}`"
  help     = "set `repo_type = \"PRIVATE\"` and grant pulls through RAM or instance access credentials"
  fix = { safety = "unsafe", set = { repo_type = "PRIVATE" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/acr/user-guide/create-a-repository"
  }
  equivalents = ["infraguard:cr-repository-type-private"]
  docs = <<-EOT
    ## Why
    Images carry the application's code and, far too often, configuration files, keys and
    tokens baked into a layer. A public repository lets anyone pull every tag. Internet exposure
    of data: high. Publish deliberately public images from a repository made for them, after
    scanning.

    Enterprise Edition repositories (`alicloud_cr_ee_repo`) and Personal Edition repositories
    (`alicloud_cr_repo`) are judged.

    ## How to fix
    Set `repo_type = "PRIVATE"`.

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
  name     = "cr-endpoint-open-to-any-address"
  severity = "high"
  title    = "Container Registry internet endpoint accepts any address"
  resource = ["alicloud_cr_endpoint_acl_policy"]
  assert   = !contains(["0.0.0.0/0", "0.0.0.0", "::/0"], trimspace(coalesce(lookup(self, "entry", null), "-")))
  where    = "entry"
  message  = "the internet endpoint of the registry instance accepts connections from `${self.entry}`: any address"
  help     = "allow only the networks that push and pull (CI runners, offices), or use the VPC endpoint"
  references = {
    docs = "https://www.alibabacloud.com/help/en/acr/user-guide/configure-access-over-the-internet"
  }
  equivalents = ["infraguard:cr-instance-any-ip-access-check"]
  docs = <<-EOT
    ## Why
    The access-control list of the internet endpoint is the network boundary of the registry:
    `0.0.0.0/0` lets anyone try credentials against it, and with a leaked token or a public
    repository pull (or push) images. Internet exposure of data: high.

    ## How to fix
    List the networks that need the registry, or disable the internet endpoint and use VPC
    access.

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
  name     = "cr-image-scanning-disabled"
  severity = "medium"
  title    = "Container Registry instance does not scan images"
  resource = ["alicloud_cr_ee_instance"]
  # `image_scanner`: ACR (the default), SAS, or DISABLE.
  assert  = upper(coalesce(lookup(self, "image_scanner", null), "ACR")) != "DISABLE"
  where   = "image_scanner"
  message = "registry `${named(lookup(self, "instance_name", null))}` does not scan pushed images for vulnerabilities"
  help    = "remove `image_scanner = \"DISABLE\"` (or set `ACR` or `SAS`)"
  fix = { safety = "safe", set = { image_scanner = "ACR" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/acr/user-guide/scan-images-for-security-risks"
  }
  equivalents = ["infraguard:cr-repository-image-scanning-enabled"]
  docs = <<-EOT
    ## Why
    Image scanning finds known-vulnerable packages and malicious files in images before they
    run. With the scanner disabled, vulnerable images reach production unnoticed. A missing
    control: medium. Only an explicit `image_scanner = "DISABLE"` is reported (the default
    engine scans).

    ## How to fix
    Keep a scan engine (`ACR`, or `SAS` for Security Center's engine).

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
  name     = "cr-repository-tags-mutable"
  severity = "low"
  title    = "Container Registry repository lets tags be overwritten"
  resource = ["alicloud_cr_ee_repo"]
  assert   = tostring(coalesce(lookup(self, "tag_immutability", null), false)) == "true"
  where    = "tag_immutability"
  message  = "tags of repository `${named(lookup(self, "name", null))}` can be overwritten: a deployed tag may silently change"
  help     = "set `tag_immutability = true` (and deploy by digest)"
  fix = { safety = "unsafe", set = { tag_immutability = true } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/acr/user-guide/manage-repositories"
  }
  equivalents = ["infraguard:cr-repository-immutablity-enable"]
  enabled = false
  docs = <<-EOT
    ## Why
    With mutable tags, whoever can push (a leaked CI credential) can replace `app:1.4` with
    another image, and every node pulling that tag runs it. Immutable tags keep what was
    reviewed and scanned what runs. Supply-chain hygiene: low. Off by default (not in
    `recommended`): workflows that move tags such as `latest` need mutable tags; select it by
    code or with a compliance pack.

    `tag_immutability` defaults to false.

    ## How to fix
    Set `tag_immutability = true`.

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
  name     = "mse-cluster-public-open"
  severity = "high"
  title    = "MSE registry/configuration cluster is reachable from any internet address"
  resource = ["alicloud_mse_cluster"]
  # Public: `net_type` pubnet/both, or public bandwidth (`pub_network_flow` > 0). The
  # whitelist `acl_entry_list` applies to the public endpoint; empty means open.
  assert = !(
    (contains(["pubnet", "both"], lower(coalesce(lookup(self, "net_type", null), "privatenet"))) || coalesce(tonumber(lookup(self, "pub_network_flow", null)), 0) > 0)
    && (length(coalesce(lookup(self, "acl_entry_list", null), [])) == 0 || anytrue([for e in coalesce(lookup(self, "acl_entry_list", null), []) : contains(["0.0.0.0/0", "0.0.0.0", "::/0"], trimspace(e))]))
  )
  where   = "acl_entry_list|pub_network_flow|net_type"
  message = "MSE cluster `${named(lookup(self, "cluster_alias_name", null))}` has a public endpoint open to every address"
  help    = "set `pub_network_flow = \"0\"` and `net_type = \"privatenet\"`, or list only known addresses in `acl_entry_list`"
  fix = { safety = "unsafe", set = { net_type = "privatenet", pub_network_flow = "0" } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/mse/user-guide/configure-a-whitelist"
  }
  equivalents = ["infraguard:mse-cluster-internet-check"]
  docs = <<-EOT
    ## Why
    An MSE cluster (Nacos, ZooKeeper, Eureka) is the registry and configuration centre of the
    microservices: its configurations often hold connection strings and passwords, and whoever
    can register services can redirect traffic. A public endpoint open to every address is
    internet exposure of data and administration: high.

    Public: `net_type` `pubnet` or `both`, or `pub_network_flow` (public bandwidth) above 0.
    Open: `acl_entry_list` empty or containing `0.0.0.0/0`. InfraGuard's
    `mse-cluster-internet-check` reports any public endpoint; acslint accepts a public endpoint
    restricted to known addresses (the whitelist is the control the service offers).

    ## How to fix
    Keep the cluster private, or whitelist the client addresses.

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
