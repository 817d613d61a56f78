#!/usr/bin/env python3
"""Build the RAM action catalogue under rulesets/ram/catalogue/ (one file per RAM code).

Most Alibaba Cloud services name a RAM action after the API, so the API lists of the official
Python SDK packages on PyPI (`alibabacloud_<product><version>`, `action = 'Name'` in client.py)
give the actions. OSS and SLS name their RAM actions differently from their APIs: every
operation of the OSS v2 SDK (`op_name='...'`) and of the SLS SDK (the request-sending methods of
`LogClient`, snake_case turned into CamelCase) is the base, and the RAM-only names from the
services' authorization pages and the reference notes are added by hand (EXTRA below).

Each file says whether its list is complete (`# complete: yes|no`). acslint reports an unknown
action at the rule's severity only for a complete list, and as info otherwise: a list is marked
complete only when the RAM code is the API product's own and the RAM authorization page names
actions after the APIs (checked by hand for the codes in COMPLETE). A service without a file is
not checked at all.

Usage:  python3 scripts/gen_ram_catalogue.py [--wheels DIR]
Without --wheels it runs `pip download --no-deps` for the pinned packages into a temporary
directory (about 40 MB of wheels). The output is deterministic: sorted, one action per line, with
a header naming the source packages. The binary never downloads anything: it embeds the files.
"""

import argparse
import ast
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

# PyPI package -> RAM codes that authorize its APIs. IMS APIs (users, AccessKeys, login
# profiles) are authorized under both `ims` and `ram` (the IMS RAM page lists `ram,ims`). Where a
# product has two RAM codes in use (`kvstore`/`r-kvstore`, `yundun-sas`/`sas`, `cen`/`cbn`,
# `bss`/`bssapi`) both get the list.
PACKAGES = {
    "alibabacloud_ram20150501==1.3.0": ["ram"],
    "alibabacloud_ims20190815==3.5.0": ["ims", "ram"],
    "alibabacloud_sts20150401==1.2.0": ["sts"],
    "alibabacloud_ecs20140526==7.11.8": ["ecs"],
    "alibabacloud_vpc20160428==7.2.2": ["vpc"],
    "alibabacloud_rds20140815==16.0.2": ["rds"],
    "alibabacloud_kms20160120==3.3.1": ["kms"],
    "alibabacloud_actiontrail20200706==2.6.0": ["actiontrail"],
    "alibabacloud_slb20140515==3.3.31": ["slb"],
    "alibabacloud_alb20200616==1.3.3": ["alb"],
    "alibabacloud_nlb20220430==4.1.3": ["nlb"],
    "alibabacloud_cs20151215==7.2.3": ["cs"],
    "alibabacloud_resourcemanager20200331==2.6.2": ["resourcemanager"],
    "alibabacloud_resourcecenter20221201==1.6.1": ["resourcecenter"],
    "alibabacloud_sls20201230==5.15.1": ["log"],
    "aliyun-log-python-sdk==0.9.52": ["log"],
    "alibabacloud-oss-v2==1.4.1": ["oss"],
    # Security services.
    "alibabacloud_sas20181203==10.3.2": ["yundun-sas", "sas"],
    "alibabacloud_yundun_bastionhost20191209==1.7.2": ["yundun-bastionhost", "bastionhost"],
    "alibabacloud_waf_openapi20211001==7.8.7": ["yundun-waf", "waf"],
    "alibabacloud_cloudfw20171207==9.4.4": ["yundun-cloudfw", "cloudfw"],
    "alibabacloud_sddp20190103==2.0.4": ["yundun-sddp", "sddp"],
    "alibabacloud_ddoscoo20200101==4.0.4": ["yundun-ddoscoo", "ddoscoo"],
    "alibabacloud_cas20200407==3.9.4": ["yundun-cert", "cas"],
    "alibabacloud_cloudsso20210515==1.7.0": ["cloudsso"],
    "alibabacloud_config20200907==4.2.3": ["config"],
    "alibabacloud_cms20190101==4.0.10": ["cms"],
    # Compute, containers, serverless.
    "alibabacloud_eci20180808==2.1.0": ["eci"],
    "alibabacloud_ess20220222==1.13.3": ["ess"],
    "alibabacloud_fc20230330==4.8.3": ["fc"],
    "alibabacloud_fc-open20210406==2.0.12": ["fc"],
    "alibabacloud_cr20181201==2.2.5": ["cr"],
    "alibabacloud_cr20160607==1.0.1": ["cr"],
    "alibabacloud_sae20190506==2.11.2": ["sae"],
    "alibabacloud_edas20170801==2.0.0": ["edas"],
    "alibabacloud_ehpc20180412==4.0.0": ["ehpc"],
    "alibabacloud_ecd20200930==5.5.0": ["ecd"],
    "alibabacloud_swas_open20200601==4.0.0": ["swas"],
    "alibabacloud_ens20171110==12.1.0": ["ens"],
    "alibabacloud_oos20190601==3.7.0": ["oos"],
    "alibabacloud_ros20190910==3.7.0": ["ros"],
    # Databases and storage.
    "alibabacloud_dds20151201==9.5.0": ["dds"],
    "alibabacloud_r_kvstore20150101==7.0.0": ["kvstore", "r-kvstore"],
    "alibabacloud_polardb20170801==9.2.1": ["polardb"],
    "alibabacloud_polardbx20200202==3.13.0": ["polardbx"],
    "alibabacloud_drds20190123==1.0.16": ["drds"],
    "alibabacloud_gpdb20160503==5.12.0": ["gpdb"],
    "alibabacloud_hbase20190101==2.10.5": ["hbase"],
    "alibabacloud_hitsdb20200615==5.0.0": ["hitsdb"],
    "alibabacloud_adb20190315==5.0.13": ["adb"],
    "alibabacloud_elasticsearch20170613==5.4.1": ["elasticsearch"],
    "alibabacloud_dms_enterprise20181101==3.0.0": ["dms"],
    "alibabacloud_dts20200101==5.11.7": ["dts"],
    "alibabacloud_dbs20190306==1.0.3": ["dbs"],
    "alibabacloud_ots20160620==1.0.1": ["ots"],
    "alibabacloud_nas20170626==3.7.5": ["nas"],
    "alibabacloud_hbr20170908==2.7.1": ["hbr"],
    "alibabacloud_imm20200930==5.0.3": ["imm"],
    # Network and delivery.
    "alibabacloud_cdn20180510==9.2.0": ["cdn"],
    "alibabacloud_dcdn20180115==3.1.0": ["dcdn"],
    "alibabacloud_alidns20150109==4.6.1": ["alidns"],
    "alibabacloud_pvtz20180101==1.5.0": ["pvtz"],
    "alibabacloud_cbn20170912==1.4.0": ["cen", "cbn"],
    "alibabacloud_ga20191120==3.0.2": ["ga"],
    "alibabacloud_privatelink20200415==4.0.9": ["privatelink"],
    "alibabacloud_smartag20180313==2.1.2": ["smartag"],
    "alibabacloud_cloudapi20160714==4.9.0": ["apigateway"],
    "alibabacloud_live20161101==3.0.2": ["live"],
    # Middleware, messaging, monitoring, billing.
    "alibabacloud_mns_open20220119==1.4.1": ["mns"],
    "alibabacloud_ons20190214==3.0.0": ["mq"],
    "alibabacloud_alikafka20190916==2.16.0": ["alikafka"],
    "alibabacloud_eventbridge20200401==8.7.0": ["eventbridge"],
    "alibabacloud_mse20190531==6.24.0": ["mse"],
    "alibabacloud_arms20190808==10.1.0": ["arms"],
    "alibabacloud_pts20201020==1.10.0": ["pts"],
    "alibabacloud_dysmsapi20170525==4.6.0": ["dysms"],
    "alibabacloud_dm20151123==1.11.1": ["dm"],
    "alibabacloud_bssopenapi20171214==5.1.2": ["bss", "bssapi"],
    "alibabacloud_tag20180828==1.1.2": ["tag"],
    "alibabacloud_quotas20200510==1.2.2": ["quotas"],
}

# Codes whose list is complete (see the module docs). Every other code's unknown actions are
# reported as info: OSS, SLS and RAM have RAM-only actions beyond their SDKs; policies keep
# naming actions of older API versions that RAM still accepts (on real code: `cms:QueryMetricList`,
# `nas:AddTags`, `ecs:ConfigureSecurityGroupPermissions`, `vpc:CreateBandwidthPackage`), and ROA
# products (cs) or unverified RAM codes may name actions otherwise. A code is added here only
# when its product has one API version and real policies show no such name.
COMPLETE = {
    "kms", "sts", "actiontrail", "alb", "nlb", "ga", "privatelink", "ims", "dds", "kvstore",
    "r-kvstore", "polardb", "elasticsearch", "alidns",
}

# Actions that are not APIs of the packages above, or whose RAM name differs from the API.
EXTRA = {
    # RAM-only actions (RAM authorization page): not APIs of the RAM/IMS SDKs.
    "ram": ["PassRole", "CreateServiceLinkedRole", "DeleteServiceLinkedRole",
            "GetServiceLinkedRoleDeletionStatus", "CheckServiceLinkedRoleExistence"],
    # Data-plane and console actions that are not OpenAPI operations (the services' RAM
    # authorization pages): DMS logins, MNS queue and topic messages, Tablestore rows and
    # tables, RocketMQ publish/subscribe, Container Registry image pulls and pushes.
    "dms": ["LoginDatabase"],
    "mns": """SendMessage BatchSendMessage ReceiveMessage BatchReceiveMessage DeleteMessage
        BatchDeleteMessage PeekMessage BatchPeekMessage ChangeMessageVisibility PublishMessage""".split(),
    "ots": """CreateTable DeleteTable UpdateTable DescribeTable ListTable GetRow PutRow UpdateRow
        DeleteRow BatchGetRow BatchWriteRow GetRange ComputeSplitPointsBySize Search
        CreateSearchIndex DeleteSearchIndex DescribeSearchIndex ListSearchIndex
        CreateIndex DropIndex StartLocalTransaction CommitTransaction AbortTransaction
        ParallelScan SQLQuery BulkImport BulkExport""".split(),
    "mq": ["PUB", "SUB"],
    "cr": ["PullRepository", "PushRepository"],
    # Older APIs still named on the services' RAM authorization pages.
    "ecs": ["DescribeTagKeys", "DescribeTags", "AddTags", "RemoveTags", "CreateTags", "DeleteTags"],
    "rds": ["DescribeTaskInfo", "DescribeSqlLogInstances", "DisableSqlLogDistribution"],
    "cs": ["GetClusters", "GetClusterById", "GetUserConfig", "GetClusterInfo", "UpdateClusterTags"],
    "slb": ["DescribeLoadBalancerHTTPListenerAttributes", "DescribeLoadBalancerHTTPSListenerAttributes",
            "DescribeLoadBalancerTCPListenerAttributes", "DescribeLoadBalancerUDPListenerAttributes"],
    # SLS RAM action names (SLS authorization docs) that differ from both SDKs' operation names.
    "log": """CreateProject GetProject DeleteProject UpdateProject ListProject
        CreateLogStore GetLogStore DeleteLogStore UpdateLogStore ListLogStores
        GetLogStoreLogs PostLogStoreLogs GetLogStoreHistogram GetLogStoreContextLogs
        ListShards SplitShard MergeShards GetCursorOrData GetCursor PullLogs
        CreateIndex GetIndex UpdateIndex DeleteIndex
        CreateLogtailConfig GetLogtailConfig UpdateLogtailConfig DeleteLogtailConfig ListLogtailConfig
        CreateMachineGroup GetMachineGroup UpdateMachineGroup DeleteMachineGroup ListMachineGroup
        ApplyConfigToGroup RemoveConfigFromGroup GetAppliedConfigs GetAppliedMachineGroups
        CreateDashboard GetDashboard UpdateDashboard DeleteDashboard ListDashboard
        CreateSavedSearch GetSavedSearch UpdateSavedSearch DeleteSavedSearch ListSavedSearch
        CreateJob GetJob UpdateJob DeleteJob ListJobs
        CreateConsumerGroup UpdateConsumerGroup DeleteConsumerGroup ListConsumerGroup
        ConsumerGroupUpdateCheckPoint ConsumerGroupHeartBeat GetConsumerGroupCheckPoint
        CreateLogging GetLogging UpdateLogging DeleteLogging
        GetProjectPolicy PutProjectPolicy DeleteProjectPolicy
        TagResources UntagResources ListTagResources
        CreateETL GetETL UpdateETL DeleteETL ListETL StartETL StopETL
        CreateAlert GetAlert UpdateAlert DeleteAlert ListAlert EnableAlert DisableAlert
        CreateScheduledSQL GetScheduledSQL UpdateScheduledSQL DeleteScheduledSQL ListScheduledSQL
        CreateOSSExport GetOSSExport UpdateOSSExport DeleteOSSExport ListOSSExports
        CreateOSSShipper GetOSSShipper UpdateOSSShipper DeleteOSSShipper
        CreateResource GetResource UpdateResource DeleteResource ListResources
        CreateResourceRecord GetResourceRecord UpdateResourceRecord DeleteResourceRecord ListResourceRecords
        CreateProjectPolicy GetLogs GetHistograms GetContextLogs
        CreateChart GetChart UpdateChart DeleteChart ListChart
        ModifyJobInstance ListJobInstance GetJobInstance
        CreateApp GetApp UpdateApp DeleteApp ListApps""".split(),
    # OSS RAM-only action names (OSS RAM policy appendix, the reference notes): versioned-object and
    # live-channel actions and older names the v2 SDK does not have as operations.
    "oss": """ListBuckets GetBucketStat GetBucketInfo GetBucketLocation GetBucketAcl PutBucketAcl
        PutBucket DeleteBucket ListObjects ListObjectVersions
        PutBucketVersioning GetBucketVersioning PutBucketLogging GetBucketLogging DeleteBucketLogging
        PutBucketWebsite GetBucketWebsite DeleteBucketWebsite PutBucketReferer GetBucketReferer
        PutBucketLifecycle GetBucketLifecycle DeleteBucketLifecycle ListMultipartUploads
        PutBucketCors GetBucketCors DeleteBucketCors PutBucketPolicy GetBucketPolicy DeleteBucketPolicy
        GetBucketPolicyStatus PutBucketTagging GetBucketTagging DeleteBucketTagging
        PutBucketEncryption GetBucketEncryption DeleteBucketEncryption
        PutBucketRequestPayment GetBucketRequestPayment
        PutBucketReplication GetBucketReplication DeleteBucketReplication
        GetBucketReplicationLocation GetBucketReplicationProgress PutBucketRTC
        PutBucketInventory GetBucketInventory ListBucketInventory DeleteBucketInventory
        InitiateBucketWorm AbortBucketWorm CompleteBucketWorm ExtendBucketWorm GetBucketWorm
        PutBucketTransferAcceleration GetBucketTransferAcceleration
        PutBucketAccessMonitor GetBucketAccessMonitor PutBucketResourceGroup GetBucketResourceGroup
        PutBucketHttpsConfig GetBucketHttpsConfig
        PutPublicAccessBlock GetPublicAccessBlock DeletePublicAccessBlock
        PutBucketPublicAccessBlock GetBucketPublicAccessBlock DeleteBucketPublicAccessBlock
        PutBucketArchiveDirectRead GetBucketArchiveDirectRead
        PutBucketResponseHeader GetBucketResponseHeader DeleteBucketResponseHeader
        PutCname GetCname ListCname DeleteCname CreateCnameToken GetCnameToken
        PutStyle GetStyle ListStyle DeleteStyle
        OpenMetaQuery GetMetaQueryStatus DoMetaQuery CloseMetaQuery
        PutBucketOverwriteConfig GetBucketOverwriteConfig DeleteBucketOverwriteConfig
        PutUserDefinedLogFieldsConfig GetUserDefinedLogFieldsConfig DeleteUserDefinedLogFieldsConfig
        CreateBucketDataRedundancyTransition GetBucketDataRedundancyTransition
        ListBucketDataRedundancyTransition DeleteBucketDataRedundancyTransition
        CreateAccessPoint GetAccessPoint DeleteAccessPoint ListAccessPoints
        PutAccessPointPolicy GetAccessPointPolicy DeleteAccessPointPolicy
        PutAccessPointPublicAccessBlock GetAccessPointPublicAccessBlock DeleteAccessPointPublicAccessBlock
        PutBucketQoSInfo GetBucketQoSInfo DeleteBucketQoSInfo GetUserQoSInfo
        GetObject PutObject CopyObject AppendObject DeleteObject HeadObject GetObjectMeta
        PostObject RestoreObject SelectObject CreateSelectObjectMeta CleanRestoredObject
        PutSymlink GetSymlink PutObjectAcl GetObjectAcl
        PutObjectTagging GetObjectTagging DeleteObjectTagging
        InitiateMultipartUpload UploadPart UploadPartCopy CompleteMultipartUpload
        AbortMultipartUpload ListParts PostProcessTask ProcessImm
        GetObjectVersion DeleteObjectVersion GetObjectVersionAcl PutObjectVersionAcl
        GetObjectVersionTagging PutObjectVersionTagging DeleteObjectVersionTagging
        PutLiveChannel ListLiveChannel DeleteLiveChannel PutLiveChannelStatus GetLiveChannel
        GetLiveChannelStat GetLiveChannelHistory PostVodPlaylist GetVodPlaylist
        DescribeRegions GetService GetBucketUserQos
        RestoreObjectVersion PublishRtmpStream""".split(),
}

ACTION_RE = re.compile(r"^\s*action\s*=\s*'([A-Za-z0-9_]+)'", re.M)
OSS_OP_RE = re.compile(r"op_name\s*=\s*'([A-Za-z0-9]+)'")


def files_of(archive):
    """(name, text) of every .py file of a wheel or an sdist."""
    if archive.endswith(".whl"):
        with zipfile.ZipFile(archive) as z:
            for n in sorted(z.namelist()):
                if n.endswith(".py"):
                    yield n, z.read(n).decode("utf-8")
    else:
        with tarfile.open(archive) as t:
            for m in sorted(t.getmembers(), key=lambda m: m.name):
                if m.isfile() and m.name.endswith(".py"):
                    yield m.name, t.extractfile(m).read().decode("utf-8")


def sls_operations(text):
    """The request-sending public methods of LogClient, as CamelCase operation names."""
    tree = ast.parse(text)
    ops = set()
    for c in tree.body:
        if isinstance(c, ast.ClassDef) and c.name == "LogClient":
            for f in c.body:
                if isinstance(f, ast.FunctionDef) and not f.name.startswith("_"):
                    if "self._send" in (ast.get_source_segment(text, f) or ""):
                        ops.add("".join(w[:1].upper() + w[1:] for w in f.name.split("_")))
    return ops


def actions_of(archive):
    found = set()
    base = os.path.basename(archive)
    for name, text in files_of(archive):
        if base.startswith("alibabacloud_oss_v2"):
            found.update(OSS_OP_RE.findall(text))
        elif base.startswith("aliyun_log_python_sdk"):
            if name.endswith("aliyun/log/logclient.py"):
                found.update(sls_operations(text))
        elif name.endswith("/client.py"):
            found.update(ACTION_RE.findall(text))
    if not found:
        sys.exit(f"no operations found in {base}: has the package layout changed?")
    return found


HIGH_RISK = os.path.join(os.path.dirname(__file__), "..", "rulesets", "data", "high-risk-apis.hcl")


def high_risk_actions():
    """code -> actions of the official high-risk API list (rulesets/data/high-risk-apis.hcl).
    It names APIs of other API versions than the SDK packages above (PTS 2019-08-10, E-HPC
    2024-07-30, ECI's template and batch APIs); they are actions, and the Deny acslint writes
    from the list must not be reported as naming unknown ones."""
    text = open(HIGH_RISK, encoding="utf-8").read()
    out = {}
    for m in re.finditer(r'service\s+"([^"]+)"\s*\{(.*?)\n\}', text, re.S):
        acts = re.search(r"actions\s*=\s*\[(.*?)\]", m.group(2), re.S)
        names = re.findall(r'"([A-Za-z0-9]+)"', acts.group(1)) if acts else []
        if names:
            out.setdefault(m.group(1), []).extend(names)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheels", help="directory of already downloaded wheels")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "rulesets", "ram", "catalogue"))
    args = ap.parse_args()
    wheels = args.wheels
    if not wheels:
        wheels = tempfile.mkdtemp(prefix="ram-catalogue-")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        "-d", wheels, *PACKAGES], check=True)
    by_code = {}
    sources = {}
    files = sorted(os.listdir(wheels))
    # One spelling per action, compared case-insensitively (acslint checks casing against it):
    # the hand-curated RAM names first, then the packages in the order above (API names before
    # the SLS SDK's method names, whose CamelCase is only a guess: `Logstore` for `LogStore`).
    def add(code, acts):
        seen = by_code.setdefault(code, {})
        for a in sorted(acts):
            seen.setdefault(a.lower(), a)

    for code, acts in EXTRA.items():
        add(code, acts)
    high_risk = high_risk_actions()
    for code, acts in high_risk.items():
        add(code, acts)
    for spec, codes in PACKAGES.items():
        name, version = spec.split("==")
        # Wheels and sdists normalise `-` to `_` in file names, except some sdists.
        stems = {f"{name}-{version}", f"{name.replace('-', '_')}-{version}"}
        matches = [f for f in files if any(f.startswith(s + "-") or f.startswith(s + ".") for s in stems)]
        if not matches:
            sys.exit(f"missing {spec} in {wheels}")
        archive = matches[0]
        acts = actions_of(os.path.join(wheels, archive))
        for code in codes:
            add(code, acts)
            sources.setdefault(code, []).append(archive)
    for code in EXTRA:
        sources.setdefault(code, []).append("hand-curated list in scripts/gen_ram_catalogue.py")
    for code in high_risk:
        sources.setdefault(code, []).append("rulesets/data/high-risk-apis.hcl")
    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if old.endswith(".txt") and old[:-4] not in by_code:
            os.remove(os.path.join(args.out, old))
    for code in sorted(by_code):
        path = os.path.join(args.out, f"{code}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# RAM actions of `{code}`; generated by scripts/gen_ram_catalogue.py, do not edit.\n")
            f.write(f"# complete: {'yes' if code in COMPLETE else 'no'}\n")
            for s in sources[code]:
                f.write(f"# source: {s}\n")
            for a in sorted(by_code[code].values()):
                f.write(a + "\n")
        print(f"{code}: {len(by_code[code])} actions -> {path}")

if __name__ == "__main__":
    main()
