# The API operations Alibaba Cloud blocks for an AccessKey it believes has leaked ("AccessKey
# restrictive protection"). acslint uses this list for the break-glass Deny policy
# (`acslint policy deny-high-risk`), coverage checks (`acslint policy covers --deny-high-risk`),
# RAM025 and the blast-radius rule IAM030.
#
# Replace it without a new release: `--high-risk-list FILE` or `high_risk_list = "FILE"` in
# .acslint.hcl, with a file of this shape. `actions = ["*"]` means every operation of the
# service. `verified = false` marks a RAM code that no official page confirms: a Deny written
# with a wrong code denies nothing, so such entries are reported apart.

source = "Alibaba Cloud RAM documentation, \"AccessKey restrictive protection\" (https://www.alibabacloud.com/help/en/ram/user-guide/accesskey-restrictive-protection-description), as transcribed in the project reference cspm-ram.md sections 5.2 and 5.3"
date   = "2026-12-01"

service "ram" {
  product = "Resource Access Management (API 2015-05-01)"
  actions = ["*"]
}

service "ims" {
  product = "Identity Management Service (API 2019-08-15)"
  actions = ["*"]
}

service "ecs" {
  product = "Elastic Compute Service (API 2014-05-26)"
  actions = [
    "RunInstances", "CreateInstance", "CreateAutoProvisioningGroup", "StartInstance",
    "StartInstances", "RunCommand", "CreateCommand", "InvokeCommand", "DeleteInstance",
    "DeleteInstances", "DeleteSnapshot", "DeleteSnapshotGroup", "DeleteImage",
  ]
}

service "eci" {
  product = "Elastic Container Instance (API 2018-08-08)"
  actions = [
    "CreateContainerGroup", "CreateContainerGroupFromTemplate", "BatchCreateContainerGroups",
    "DeleteContainerGroup", "DeleteContainerGroups",
  ]
}

service "dysms" {
  product = "Short Message Service (API 2017-05-25)"
  actions = ["SendSms", "SendBatchSms", "AddSmsTemplate", "CreateSmsTemplate"]
}

service "ecd" {
  product  = "Elastic Desktop Service (API 2020-09-30)"
  verified = false
  actions = [
    "CreateDesktops", "StartDesktops", "RebootDesktops", "RebuildDesktops", "ModifyDesktopSpec",
    "CreateDesktopGroup", "ModifyDesktopGroup", "GetConnectionTicket", "RunCommand",
  ]
}

service "pts" {
  product  = "Performance Testing Service (APIs 2019-08-10 and 2020-10-20)"
  verified = false
  actions = [
    "CreateScene", "SaveScene", "StartSceneTesting", "StartDebugging", "CreateCronJob",
    "CreateJMeterScene", "SaveJMeterScene", "StartJMeterTesting", "SaveOpenJMeterScene",
    "StartDebuggingJMeterScene", "StartTestingJMeterScene", "CreatePtsScene", "SavePtsScene",
    "StartDebugPtsScene", "StartPtsScene",
  ]
}

service "rds" {
  product = "ApsaraDB RDS (API 2014-08-15)"
  actions = [
    "DescribeBackups", "DeleteBackup", "ModifyBackupPolicy", "DeleteDBInstance",
    "DestroyDBInstance", "DeleteDatabase", "CreateAccount", "ResetAccount",
    "ResetAccountPassword", "GrantAccountPrivilege",
  ]
}

service "dbs" {
  product  = "Data Disaster Recovery / DBS (API 2021-01-01)"
  verified = false
  actions  = ["CreateDownload", "DescribeDownloadBackupSetStorageInfo", "ModifyBackupStrategy"]
}

service "alidns" {
  product  = "Alibaba Cloud DNS (API 2015-01-09)"
  verified = false
  actions = [
    "AddDomainRecord", "UpdateDomainRecord", "DeleteDomainRecord", "SetDomainRecordStatus",
    "DeleteDomain",
  ]
}

service "bss" {
  product  = "Billing (API 2017-12-14; the code may also be bssapi)"
  verified = false
  actions  = ["RefundInstance"]
}

service "ehpc" {
  product  = "E-HPC (API 2024-07-30) and E-HPC Instant Computing (API 2023-07-01)"
  verified = false
  actions  = ["CreateCluster", "CreateNodes", "CreateJob", "CreatePool"]
}

service "dms" {
  product  = "Data Management DMS (API 2018-11-01)"
  verified = false
  actions = [
    "CreateOrder", "CreateDataExportOrder", "CreateDatabaseExportOrder", "CreateDataCorrectOrder",
    "CreateDataCronClearOrder", "CreateDataImportOrder", "CreateFreeLockCorrectOrder",
    "CreateProcCorrectOrder", "GetDataExportDownloadURL", "GetDbExportDownloadURL",
  ]
}
