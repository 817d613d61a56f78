# acslint:ignore-file DB001 -- throwaway sandbox, destroyed nightly
resource "alicloud_db_instance" "sandbox" {
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"]
}
