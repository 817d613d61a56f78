# Project configuration used by tests/ci.rs.
select   = ["DB001", "TF001", "TF01", "RAM000"]
fail_on  = "high"
severity = { TF013 = "low" }

per_path {
  paths  = ["legacy/**"]
  ignore = ["RAM000"]
}
