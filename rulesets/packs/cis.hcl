# The CIS Alibaba Cloud Foundations Benchmark v2.0.0 (85 recommendations). Each item says how far
# it can be checked from code: `static` (Terraform or a policy document decides it), `partial`
# (code shows a proxy or the intent; the control itself is about the live account) or `runtime`
# (only the live account knows). The pack runs every rule whose `references.cis` cites an item
# as "N.M Title" with the title written here; a test requires every `static` item to have one,
# and every other item a `reason` shown on docs/packs/cis.md and docs/coverage.md.
# Titles follow the v2.0.0 transcriptions (PROWLER cis_2.0_alibabacloud.json, Steampipe
# cis_v200); the official PDF needs a CIS WorkBench login.

pack "cis" {
  title       = "CIS Alibaba Cloud Foundations Benchmark v2.0.0"
  description = "Every recommendation of the CIS Alibaba Cloud Foundations Benchmark that code can show: the rules citing a benchmark item."
  reference   = "cis"

  item "1.1" {
    title  = "Avoid the use of the root account"
    check  = "runtime"
    reason = "root-account use is an event in ActionTrail, not a setting; LOG009 alerts on it (2.18)"
  }
  item "1.2" {
    title  = "Ensure no root account access key exists"
    check  = "partial"
    reason = "a key made without `user_name` belongs to whoever runs Terraform, the root account only when Terraform runs as root"
  }
  item "1.3" {
    title  = "Ensure MFA is enabled for the root account"
    check  = "runtime"
    reason = "root MFA is a console setting with no Terraform resource"
  }
  item "1.4" {
    title  = "Ensure that multi-factor authentication is enabled for all RAM users that have a console password"
    check  = "partial"
    reason = "code can require MFA (login profile, security preference); whether a device is bound is account state"
  }
  item "1.5" {
    title  = "Ensure users not logged on for 90 days or longer are disabled for console logon"
    check  = "partial"
    reason = "last logon is account state; `max_idle_days_for_users` is the proxy code can set"
  }
  item "1.6" {
    title  = "Ensure access keys are rotated every 90 days or less"
    check  = "partial"
    reason = "a key's age is account state; code only shows long-lived keys kept in state"
  }
  item "1.7" {
    title = "Ensure RAM password policy requires at least one uppercase letter"
    check = "static"
  }
  item "1.8" {
    title = "Ensure RAM password policy requires at least one lowercase letter"
    check = "static"
  }
  item "1.9" {
    title = "Ensure RAM password policy requires at least one symbol"
    check = "static"
  }
  item "1.10" {
    title = "Ensure RAM password policy requires at least one number"
    check = "static"
  }
  item "1.11" {
    title = "Ensure RAM password policy requires minimum length of 14 or greater"
    check = "static"
  }
  item "1.12" {
    title = "Ensure RAM password policy prevents password reuse"
    check = "static"
  }
  item "1.13" {
    title = "Ensure RAM password policy expires passwords in 365 days or greater"
    check = "static"
  }
  item "1.14" {
    title = "Ensure RAM password policy temporarily blocks logon after 5 incorrect logon attempts within an hour"
    check = "static"
  }
  item "1.15" {
    title = "Ensure RAM policies that allow full \"*:*\" administrative privileges are not created"
    check = "static"
  }
  item "1.16" {
    title = "Ensure RAM policies are attached only to groups or roles"
    check = "static"
  }

  item "2.1" {
    title = "Ensure that ActionTrail are configured to export copies of all Log entries"
    check = "static"
  }
  item "2.2" {
    title = "Ensure the OSS used to store ActionTrail logs is not publicly accessible"
    check = "static"
  }
  item "2.3" {
    title = "Ensure audit logs for multiple cloud resources are integrated with Log Service"
    check = "partial"
  }
  item "2.4" {
    title  = "Ensure Log Service is enabled for Container Service for Kubernetes"
    check  = "static"
  }
  item "2.5" {
    title = "Ensure virtual network flow log service is enabled"
    check = "static"
  }
  item "2.6" {
    title  = "Ensure Anti-DDoS access and security log service is enabled"
    check  = "partial"
    reason = "log audit can collect Anti-DDoS logs (SLS004); whether the Anti-DDoS instances deliver logs is set in their console"
  }
  item "2.7" {
    title  = "Ensure Web Application Firewall access and security log service is enabled"
    check  = "partial"
    reason = "log audit can collect WAF logs (SLS004); the WAF instance's own log switch is set in its console"
  }
  item "2.8" {
    title  = "Ensure Cloud Firewall access and security log analysis is enabled"
    check  = "partial"
    reason = "log audit can collect Cloud Firewall logs (SLS004); Cloud Firewall's log analysis subscription is set in its console"
  }
  item "2.9" {
    title  = "Ensure Security Center network, host and security log analysis is enabled"
    check  = "partial"
    reason = "log audit can collect Security Center logs (SLS004); the log analysis subscription itself is set in Security Center"
  }
  item "2.10" {
    title  = "Ensure log monitoring and alerts are set up for RAM Role changes"
    check  = "partial"
    reason = "whether an alert query matches these events, and fires, is decided by SLS at run time; acslint checks alerts only for root activity (2.18)"
  }
  item "2.11" {
    title  = "Ensure log monitoring and alerts are set up for Cloud Firewall changes"
    check  = "partial"
    reason = "same as 2.10: an alert's query semantics are not checkable from code"
  }
  item "2.12" {
    title  = "Ensure log monitoring and alerts are set up for VPC network route changes"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.13" {
    title  = "Ensure log monitoring and alerts are set up for VPC changes"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.14" {
    title  = "Ensure log monitoring and alerts are set up for OSS permission changes"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.15" {
    title  = "Ensure log monitoring and alerts are set up for RDS instance configuration changes"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.16" {
    title  = "Ensure a log monitoring and alerts are set up for unauthorized API calls"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.17" {
    title  = "Ensure a log monitoring and alerts are set up for Management Console sign-in without MFA"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.18" {
    title = "Ensure a log monitoring and alerts are set up for usage of root account"
    check = "partial"
  }
  item "2.19" {
    title  = "Ensure a log monitoring and alerts are set up for Management Console authentication failures"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.20" {
    title  = "Ensure a log monitoring and alerts are set up for disabling or deletion of customer created CMKs"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.21" {
    title  = "Ensure a log monitoring and alerts are set up for OSS bucket policy changes"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.22" {
    title  = "Ensure a log monitoring and alerts are set up for security group changes"
    check  = "partial"
    reason = "same as 2.10"
  }
  item "2.23" {
    title = "Ensure that Logstore data retention period is set 365 days or greater"
    check = "static"
  }

  item "3.1" {
    title = "Ensure legacy networks does not exist"
    check = "static"
  }
  item "3.2" {
    title = "Ensure that SSH access is restricted from the internet"
    check = "static"
  }
  item "3.3" {
    title = "Ensure VPC flow logging is enabled in all VPCs"
    check = "static"
  }
  item "3.4" {
    title  = "Ensure routing tables for VPC peering are \"least access\""
    check  = "partial"
    reason = "whether a route is wider than the peer needs depends on the peer's address plan, which code does not state"
  }
  item "3.5" {
    title = "Ensure the security group are configured with fine-grained rules"
    check = "static"
  }

  item "4.1" {
    title = "Ensure that 'Unattached disks' are encrypted"
    check = "static"
  }
  item "4.2" {
    title = "Ensure that 'Virtual Machine's disk' are encrypted"
    check = "static"
  }
  item "4.3" {
    title = "Ensure no security groups allow ingress from 0.0.0.0/0 to port 22"
    check = "static"
  }
  item "4.4" {
    title = "Ensure no security groups allow ingress from 0.0.0.0/0 to port 3389"
    check = "static"
  }
  item "4.5" {
    title  = "Ensure that the latest OS Patches for all Virtual Machines are applied"
    check  = "runtime"
    reason = "patch level is the state of a running machine"
  }
  item "4.6" {
    title = "Ensure that the endpoint protection for all Virtual Machines is installed"
    check = "partial"
  }

  item "5.1" {
    title = "Ensure that OSS bucket is not anonymously or publicly accessible"
    check = "static"
  }
  item "5.2" {
    title  = "Ensure that there are no publicly accessible objects in storage buckets"
    check  = "partial"
    reason = "objects are mostly uploaded by applications, not Terraform; a public bucket (5.1) is what code shows"
  }
  item "5.3" {
    title = "Ensure that logging is enabled for OSS buckets"
    check = "static"
  }
  item "5.4" {
    title  = "Ensure that 'Secure transfer required' is set to 'Enabled'"
    check  = "static"
    reason = "no rule yet: it needs the bucket policy's Deny on `acs:SecureTransport = false` (data-store coverage, issue #20)"
  }
  item "5.5" {
    title  = "Ensure that the shared URL signature expires within an hour"
    check  = "runtime"
    reason = "signed URLs are made by client code at run time, not by Terraform"
  }
  item "5.6" {
    title  = "Ensure that URL signature is allowed only over HTTPS"
    check  = "runtime"
    reason = "signed URLs are made by client code; the bucket policy's SecureTransport deny (5.4) is what code shows"
  }
  item "5.7" {
    title  = "Ensure network access rule for storage bucket is not set to publicly accessible"
    check  = "static"
  }
  item "5.8" {
    title = "Ensure server-side encryption is set to 'Encrypt with Service Key'"
    check = "static"
  }
  item "5.9" {
    title  = "Ensure server-side encryption is set to 'Encrypt with BYOK'"
    check  = "static"
  }

  item "6.1" {
    title = "Ensure that RDS instance requires all incoming connections to use SSL"
    check = "partial"
  }
  item "6.2" {
    title = "Ensure that RDS Instances are not open to the world"
    check = "static"
  }
  item "6.3" {
    title = "Ensure that 'Auditing' is set to 'On' for applicable database instances"
    check = "static"
  }
  item "6.4" {
    title = "Ensure that 'Auditing' Retention is 'greater than 6 months'"
    check = "static"
  }
  item "6.5" {
    title = "Ensure that 'TDE' is set to 'Enabled' on for applicable database instance"
    check = "static"
  }
  item "6.6" {
    title  = "Ensure RDS instance TDE protector is encrypted with BYOK (Use your own key)"
    check  = "static"
  }
  item "6.7" {
    title  = "Ensure parameter 'log_connections' is set to 'ON' for PostgreSQL Database"
    check  = "static"
    reason = "no rule yet: PostgreSQL `log_connections` parameter (data-store coverage, issue #20)"
  }
  item "6.8" {
    title  = "Ensure server parameter 'log_disconnections' is set to 'ON' for PostgreSQL Database Server"
    check  = "static"
    reason = "no rule yet: PostgreSQL `log_disconnections` parameter (data-store coverage, issue #20)"
  }
  item "6.9" {
    title  = "Ensure server parameter 'log_duration' is set to 'ON' for PostgreSQL Database Server"
    check  = "static"
    reason = "no rule yet: PostgreSQL `log_duration` parameter (data-store coverage, issue #20)"
  }

  item "7.1" {
    title  = "Ensure Log Service is set to 'Enabled' on Kubernetes Engine Clusters"
    check  = "static"
  }
  item "7.2" {
    title  = "Ensure CloudMonitor is set to Enabled on Kubernetes Engine Clusters"
    check  = "partial"
    reason = "node pools and dedicated clusters say whether the agent is installed (K8S007); whether it runs is account state"
  }
  item "7.3" {
    title  = "Ensure role-based access control (RBAC) authorization is Enabled on Kubernetes Engine Clusters"
    check  = "runtime"
    reason = "ACK always uses RBAC; no Terraform argument can turn it off"
  }
  item "7.4" {
    title  = "Ensure Cluster Check triggered at least once per week for Kubernetes Clusters"
    check  = "runtime"
    reason = "cluster checks are runs, not configuration"
  }
  item "7.5" {
    title  = "Ensure Kubernetes web UI / Dashboard is not enabled"
    check  = "partial"
    reason = "the Dashboard is deployed inside the cluster (Helm, kubectl), not by an argument of the cluster; acslint does not read Kubernetes manifests"
  }
  item "7.6" {
    title  = "Ensure Basic Authentication is not enabled on Kubernetes Engine Clusters"
    check  = "runtime"
    reason = "ACK exposes no Terraform argument for basic authentication"
  }
  item "7.7" {
    title  = "Ensure Network policy is enabled on Kubernetes Engine Clusters"
    check  = "static"
  }
  item "7.8" {
    title  = "Ensure ENI multiple IP mode support for Kubernetes Cluster"
    check  = "static"
  }
  item "7.9" {
    title  = "Ensure Kubernetes Cluster is created with Private cluster enabled"
    check  = "static"
  }

  item "8.1" {
    title  = "Ensure that Security Center is Advanced or Enterprise Edition"
    check  = "partial"
    reason = "the edition is what the account bought; `alicloud_threat_detection_instance.version_code` shows it only where Terraform buys Security Center, so acslint has no rule for it"
  }
  item "8.2" {
    title  = "Ensure that all assets are installed with security agent"
    check  = "runtime"
    reason = "agent installation is the state of each machine"
  }
  item "8.3" {
    title  = "Ensure that Automatic Quarantine is enabled"
    check  = "runtime"
    reason = "a Security Center console setting with no Terraform resource"
  }
  item "8.4" {
    title  = "Ensure that Webshell detection is enabled on all web servers"
    check  = "runtime"
    reason = "a Security Center console setting with no Terraform resource"
  }
  item "8.5" {
    title  = "Ensure that notification is enabled on all high risk items"
    check  = "runtime"
    reason = "a Security Center console setting with no Terraform resource"
  }
  item "8.6" {
    title  = "Ensure that Config Assessment is granted with privilege"
    check  = "runtime"
    reason = "a Security Center authorisation made in the console"
  }
  item "8.7" {
    title  = "Ensure that scheduled vulnerability scan is enabled on all servers"
    check  = "runtime"
    reason = "a Security Center console setting with no Terraform resource"
  }
  item "8.8" {
    title  = "Ensure that Asset Fingerprint automatically collects asset fingerprint data"
    check  = "runtime"
    reason = "a Security Center console setting with no Terraform resource"
  }
}
