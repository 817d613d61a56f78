resource "alicloud_db_instance" "public" {
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"]
}

# acslint:ignore DB001 -- reporting replica, reachable only through the VPN
resource "alicloud_db_instance" "replica" {
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"]
}

resource "alicloud_db_instance" "partner" {
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"] # acslint:ignore DB001 -- partner access until the migration
}

resource "alicloud_db_instance" "checkov" {
  #checkov:skip=CKV_ALI_9:legacy partner access
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"]
}

resource "alicloud_db_instance" "kics_line" {
  engine = "MySQL"
  # kics-scan ignore-line
  security_ips = ["0.0.0.0/0"]
}

# kics-scan ignore-block
resource "alicloud_db_instance" "kics_block" {
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"]
}

# acslint:ignore DB001 until=2020-01-01 -- exception for the 2019 migration
resource "alicloud_db_instance" "expired" {
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"]
}

# acslint:ignore DB001
resource "alicloud_db_instance" "no_reason" {
  engine       = "MySQL"
  security_ips = ["0.0.0.0/0"]
}

resource "alicloud_db_instance" "private" {
  engine       = "MySQL"
  security_ips = ["10.0.0.0/8"] # acslint:ignore DB001 -- stale comment
}
