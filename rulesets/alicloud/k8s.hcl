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
    ```hcl
    resource "alicloud_cs_kubernetes_node_pool" "default" {
      node_pool_name = "default"
      management {
        auto_repair = true
      }
    }
    ```
  EOT
}
