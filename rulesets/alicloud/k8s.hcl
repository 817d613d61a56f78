# Container Service for Kubernetes (ACK).

rule "K8S001" {
  name     = "ack-node-pool-auto-repair-disabled"
  severity = "low"
  title    = "ACK node pool does not repair nodes automatically"
  resource = ["alicloud_cs_kubernetes_node_pool"]
  assert   = try(self.management[0].auto_repair, false) == true
  where    = "management"
  message  = "node pool `${coalesce(self.node_pool_name, named(self.name))}` does not repair failed nodes"
  help     = "add `management { auto_repair = true }`"
  fix = { safety = "unsafe", block = "management", set = { auto_repair = true } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/enable-auto-repair-for-nodes"
  }
  equivalents = ["checkov:CKV_ALI_31", "kics:cs_kubernetes_node_pool_auto_repair_disabled"]
  docs = <<-EOT
    ## Why
    Unhealthy nodes that are not repaired keep running outdated or broken components.

    ## How to fix
    Enable managed auto repair on the node pool.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cs_kubernetes_node_pool" "default" {
      node_pool_name = "default"
      cluster_id     = alicloud_cs_managed_kubernetes.app.id
      vswitch_ids    = [alicloud_vswitch.k8s.id]
      management {
        auto_repair = false
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cs_kubernetes_node_pool" "default" {
      node_pool_name = "default"
      cluster_id     = alicloud_cs_managed_kubernetes.app.id
      vswitch_ids    = [alicloud_vswitch.k8s.id]
      management {
        auto_repair = true
      }
    }
    ```
  EOT
}

# Clusters: managed (`alicloud_cs_managed_kubernetes`, ACK Basic/Pro), dedicated
# (`alicloud_cs_kubernetes`, whose control plane runs on the user's ECS instances) and serverless
# (`alicloud_cs_serverless_kubernetes`). Each type has its own argument names and defaults, so
# the rules read `resource_type()`.

rule "K8S002" {
  name     = "ack-api-server-public"
  severity = "high"
  title    = "ACK cluster API server has an internet endpoint"
  resource = ["alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes", "alicloud_cs_serverless_kubernetes"]
  # Managed and dedicated clusters: `slb_internet_enabled`, default true. Serverless clusters:
  # `endpoint_public_access_enabled`, default false.
  assert = (
    resource_type() == "alicloud_cs_serverless_kubernetes"
    ? tostring(coalesce(lookup(self, "endpoint_public_access_enabled", null), false)) != "true"
    : tostring(coalesce(lookup(self, "slb_internet_enabled", null), true)) != "true"
  )
  where   = "slb_internet_enabled|endpoint_public_access_enabled"
  message = "the Kubernetes API server of `${named(lookup(self, "name", null))}` is reachable from the internet"
  help    = "set `slb_internet_enabled = false` (`endpoint_public_access_enabled = false` on serverless clusters) and reach the API server from the VPC (VPN, bastion, a jump host)"
  fix = {
    safety = "unsafe"
    types = {
      alicloud_cs_managed_kubernetes    = { set = { slb_internet_enabled = false } }
      alicloud_cs_kubernetes            = { set = { slb_internet_enabled = false } }
      alicloud_cs_serverless_kubernetes = { set = { endpoint_public_access_enabled = false } }
    }
  }
  references = {
    cis  = "7.9 Ensure Kubernetes Cluster is created with Private cluster enabled"
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/control-public-access-to-the-api-server-of-a-cluster"
  }
  equivalents = ["infraguard:ack-cluster-public-endpoint-check"]
  docs = <<-EOT
    ## Why
    The API server is the administration interface of the cluster: whoever holds a kubeconfig,
    a leaked service-account token or an exploit for an API-server vulnerability can run
    workloads and read every Secret. With an internet endpoint that is anyone on the internet;
    without one, an attacker needs a foothold in the VPC first. Internet exposure of
    administration is high on acslint's scale (CIS 7.9, "private cluster").

    Managed and dedicated clusters get an internet-facing load balancer for the API server
    unless `slb_internet_enabled = false` (the provider's default is `true`, so an unset
    argument is reported); serverless clusters get an EIP only with
    `endpoint_public_access_enabled = true`. Both arguments act at creation only: turning the
    endpoint off later is done in the console or by unbinding the EIP.

    ## How to fix
    Create the cluster without the internet endpoint and administer it from the VPC (VPN
    gateway, bastion host, CEN). Where an internet endpoint is unavoidable, restrict the load
    balancer with an access-control list.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name         = "app"
      cluster_spec = "ack.pro.small"
      vswitch_ids  = [alicloud_vswitch.k8s.id]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name                 = "app"
      cluster_spec         = "ack.pro.small"
      vswitch_ids          = [alicloud_vswitch.k8s.id]
      slb_internet_enabled = false
    }
    ```
  EOT
}

rule "K8S003" {
  name     = "ack-secrets-not-encrypted-with-kms"
  severity = "medium"
  title    = "ACK cluster does not encrypt Kubernetes Secrets with a KMS key"
  resource = ["alicloud_cs_managed_kubernetes", "alicloud_cs_serverless_kubernetes"]
  # Envelope encryption of Secrets in etcd: `encryption_provider_key` (a KMS key ID);
  # `disable_encryption = true` turns it off.
  assert = (
    lookup(self, "encryption_provider_key", null) != null
    && tostring(coalesce(lookup(self, "disable_encryption", null), false)) != "true"
  )
  where   = "disable_encryption|encryption_provider_key"
  message = "Secrets of cluster `${named(lookup(self, "name", null))}` are stored in etcd without KMS envelope encryption"
  help    = "set `encryption_provider_key` to a KMS key ID (ACK Pro: `cluster_spec = \"ack.pro.small\"`)"
  references = {
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-kms-to-encrypt-kubernetes-secrets"
  }
  equivalents = ["infraguard:ack-cluster-encryption-enabled"]
  docs = <<-EOT
    ## Why
    Kubernetes Secrets hold database passwords, AccessKeys and TLS keys. Without envelope
    encryption they are stored base64-encoded in etcd, so an etcd backup or snapshot discloses
    them all. With `encryption_provider_key` each Secret is encrypted with a data key protected
    by your KMS key, and every decryption is logged by KMS. Missing encryption is medium.

    Managed clusters and serverless clusters are judged; dedicated clusters
    (`alicloud_cs_kubernetes`) have no such argument. Secret encryption needs an ACK Pro
    cluster (`cluster_spec = "ack.pro.small"`; ACK Serverless Pro): a Basic cluster is reported
    too, because the fix is to create it as Pro.

    ## How to fix
    Create a KMS key and set `encryption_provider_key` to its ID.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name         = "app"
      cluster_spec = "ack.pro.small"
      vswitch_ids  = [alicloud_vswitch.k8s.id]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_kms_key" "k8s" {
      description         = "ACK secrets"
      automatic_rotation  = "Enabled"
      rotation_interval   = "365d"
      deletion_protection = "Enabled"
    }

    resource "alicloud_cs_managed_kubernetes" "app" {
      name                    = "app"
      cluster_spec            = "ack.pro.small"
      vswitch_ids             = [alicloud_vswitch.k8s.id]
      encryption_provider_key = alicloud_kms_key.k8s.id
    }
    ```
  EOT
}

rule "K8S004" {
  name     = "ack-rrsa-disabled"
  severity = "medium"
  title    = "ACK cluster does not enable RRSA (RAM roles for service accounts)"
  resource = ["alicloud_cs_managed_kubernetes", "alicloud_cs_serverless_kubernetes"]
  assert   = tostring(coalesce(lookup(self, "enable_rrsa", null), false)) == "true"
  where    = "enable_rrsa"
  message  = "cluster `${named(lookup(self, "name", null))}` has no RRSA: pods cannot get a RAM role of their own"
  help     = "set `enable_rrsa = true` and give each workload its own RAM role through its service account"
  fix = { safety = "unsafe", set = { enable_rrsa = true } }
  references = {
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services"
  }
  equivalents = ["infraguard:ack-cluster-rrsa-enabled"]
  docs = <<-EOT
    ## Why
    Without RRSA a pod that calls Alibaba Cloud APIs either uses the worker nodes' RAM role —
    which every pod on the node can use, so one compromised pod has the permissions of all —
    or an AccessKey stored in a Secret or an environment variable. RRSA gives each service
    account its own RAM role through OIDC and short-lived STS tokens. A grant wider than needed
    is a missing control: medium.

    `enable_rrsa` defaults to false and cannot be turned off once on. Managed and serverless
    clusters are judged (dedicated clusters do not support RRSA).

    ## How to fix
    Set `enable_rrsa = true`, then create a RAM role per workload whose trust policy names the
    cluster's OIDC provider and the service account.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name        = "app"
      vswitch_ids = [alicloud_vswitch.k8s.id]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name        = "app"
      vswitch_ids = [alicloud_vswitch.k8s.id]
      enable_rrsa = true
    }
    ```
  EOT
}

rule "K8S005" {
  name     = "ack-log-service-disabled"
  severity = "low"
  title    = "ACK cluster does not send its logs to Log Service"
  resource = ["alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes"]
  # Log Service is on with the logtail-ds (or its successor loongcollector) add-on, written
  # inline or as a separate alicloud_cs_kubernetes_addon, or with audit_log_config (managed).
  assert = (
    anytrue([for a in lookup(self, "addons", []) : contains(["logtail-ds", "loongcollector"], lookup(a, "name", "")) && tostring(coalesce(lookup(a, "disabled", null), false)) != "true"])
    || anytrue([for a in attached("alicloud_cs_kubernetes_addon", "cluster_id") : contains(["logtail-ds", "loongcollector"], lookup(a, "name", ""))])
    || tostring(try(self.audit_log_config[0].enabled, false)) == "true"
  )
  where   = "addons"
  message = "cluster `${named(lookup(self, "name", null))}` collects no logs into Log Service: no API-server audit log, no container logs"
  help    = "install the `logtail-ds` add-on (`addons { name = \"logtail-ds\" }` or an `alicloud_cs_kubernetes_addon`), or set `audit_log_config { enabled = true }`"
  references = {
    cis  = "2.4 Ensure Log Service is enabled for Container Service for Kubernetes; 7.1 Ensure Log Service is set to 'Enabled' on Kubernetes Engine Clusters"
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/work-with-cluster-auditing"
  }
  equivalents = ["infraguard:ack-cluster-log-plugin-installed"]
  docs = <<-EOT
    ## Why
    The API-server audit log records who read which Secret, who created which pod and who
    changed which role binding; without it an intrusion into the cluster leaves no trace
    outside the nodes. ACK ships the audit log and container logs to Log Service through the
    `logtail-ds` add-on (now also `loongcollector`). Missing logging is low on acslint's scale
    (CIS 2.4 and 7.1).

    The add-on counts when it is in the cluster's `addons` (and not `disabled`), or installed
    by an `alicloud_cs_kubernetes_addon` whose `cluster_id` refers to the cluster; on managed
    clusters `audit_log_config { enabled = true }` counts too. Serverless clusters are not
    judged: their logging is configured per pod.

    ## How to fix
    Add the add-on at creation (or with `alicloud_cs_kubernetes_addon` afterwards).

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name        = "app"
      vswitch_ids = [alicloud_vswitch.k8s.id]
      addons {
        name = "terway-eniip"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name        = "app"
      vswitch_ids = [alicloud_vswitch.k8s.id]
      addons {
        name = "terway-eniip"
      }
      addons {
        name   = "logtail-ds"
        config = jsonencode({ IngressDashboardEnabled = "true" })
      }
    }
    ```
  EOT
}

rule "K8S006" {
  name     = "ack-network-policy-unsupported"
  severity = "low"
  title    = "ACK cluster network plugin does not enforce NetworkPolicy"
  resource = ["alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes"]
  # Flannel has no NetworkPolicy; Terway enforces it unless its config turns it off. A cluster
  # with neither add-on written is not judged (the plugin is chosen elsewhere).
  assert = !(
    anytrue([for a in lookup(self, "addons", []) : lookup(a, "name", "") == "flannel"])
    || anytrue([
      for a in lookup(self, "addons", []) :
      startswith(lookup(a, "name", ""), "terway") && lower(tostring(try(jsondecode(a.config).NetworkPolicy, "unset"))) == "false"
    ])
  )
  where   = "addons"
  message = "pods of cluster `${named(lookup(self, "name", null))}` can reach every other pod: the network plugin does not enforce NetworkPolicy"
  help    = "use Terway (`addons { name = \"terway-eniip\" }` with `pod_vswitch_ids`) and do not set `NetworkPolicy = \"false\"` in its config"
  references = {
    cis  = "7.7 Ensure Network policy is enabled on Kubernetes Engine Clusters; 7.8 Ensure ENI multiple IP mode support for Kubernetes Cluster"
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/use-network-policies"
  }
  equivalents = ["checkov:CKV_ALI_26", "kics:kubernetes_cluster_without_terway_as_cni_network_plugin"]
  docs = <<-EOT
    ## Why
    Kubernetes NetworkPolicy is how one namespace is kept from reaching another's databases and
    admin endpoints; a network plugin that does not enforce it accepts the policies and
    silently ignores them. On ACK, Flannel does not enforce NetworkPolicy; Terway (ENI
    multiple-IP mode, `terway-eniip`) does unless its add-on config sets
    `NetworkPolicy = "false"`. A missing segmentation control inside the cluster: low
    (CIS 7.7 and 7.8).

    Reported: a `flannel` add-on, or a Terway add-on whose JSON `config` sets `NetworkPolicy` to
    `"false"`. A cluster whose `addons` name neither plugin is not judged.

    Where acslint differs from the peers: Checkov's CKV_ALI_26 accepts Flannel (which enforces
    nothing), fails a Terway cluster unless `worker_vswitch_ids` and `master_vswitch_ids` are
    both given, and reads only `alicloud_cs_kubernetes`; KICS requires `pod_vswitch_ids` and the
    `terway-eniip` add-on on `alicloud_cs_kubernetes` only. acslint judges managed and
    dedicated clusters on the plugin and its NetworkPolicy switch alone.

    ## How to fix
    Create the cluster with Terway and keep NetworkPolicy on; then write policies that deny
    traffic between namespaces by default.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name        = "app"
      vswitch_ids = [alicloud_vswitch.k8s.id]
      pod_cidr    = "172.20.0.0/16"
      addons {
        name = "flannel"
      }
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cs_managed_kubernetes" "app" {
      name            = "app"
      vswitch_ids     = [alicloud_vswitch.k8s.id]
      pod_vswitch_ids = [alicloud_vswitch.pods.id]
      addons {
        name = "terway-eniip"
      }
    }
    ```
  EOT
}

rule "K8S007" {
  name     = "ack-cloud-monitor-disabled"
  severity = "low"
  title    = "ACK nodes are created without the CloudMonitor agent"
  resource = ["alicloud_cs_kubernetes_node_pool", "alicloud_cs_kubernetes"]
  # `install_cloud_monitor`: default false on node pools, true on dedicated clusters.
  assert = (
    resource_type() == "alicloud_cs_kubernetes"
    ? tostring(coalesce(lookup(self, "install_cloud_monitor", null), true)) == "true"
    : tostring(coalesce(lookup(self, "install_cloud_monitor", null), false)) == "true"
  )
  where   = "install_cloud_monitor"
  message = "nodes of `${named(try(coalesce(lookup(self, "node_pool_name", null), lookup(self, "name", null)), null))}` are not monitored by CloudMonitor"
  help    = "set `install_cloud_monitor = true`"
  fix = { safety = "unsafe", set = { install_cloud_monitor = true } }
  references = {
    cis  = "7.2 Ensure CloudMonitor is set to Enabled on Kubernetes Engine Clusters"
    docs = "https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/create-a-node-pool"
  }
  enabled = false
  docs = <<-EOT
    ## Why
    The CloudMonitor agent reports node metrics and process health and raises the alarms that
    show a node mined for cryptocurrency or running out of disk. Missing monitoring is low on
    acslint's scale (CIS 7.2). Off by default (not in `recommended`): monitoring is often done by
    Prometheus inside the cluster instead; select it by code or with the `cis` pack.

    Node pools default to `install_cloud_monitor = false`; dedicated clusters to `true`.

    ## How to fix
    Set `install_cloud_monitor = true` on every node pool.

    ## Example
    Bad:
    ```hcl
    resource "alicloud_cs_kubernetes_node_pool" "default" {
      node_pool_name = "default"
      cluster_id     = alicloud_cs_managed_kubernetes.app.id
      vswitch_ids    = [alicloud_vswitch.k8s.id]
    }
    ```

    Good:
    ```hcl
    resource "alicloud_cs_kubernetes_node_pool" "default" {
      node_pool_name        = "default"
      cluster_id            = alicloud_cs_managed_kubernetes.app.id
      vswitch_ids           = [alicloud_vswitch.k8s.id]
      install_cloud_monitor = true
    }
    ```
  EOT
}
