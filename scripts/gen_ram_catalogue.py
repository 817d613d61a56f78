#!/usr/bin/env python3
"""Build the RAM action catalogue under rulesets/ram/catalogue/ (one file per RAM code).

Most Alibaba Cloud services name a RAM action after the API, so the API lists of the official
Python SDK packages on PyPI (`alibabacloud_<product><version>`, `action = 'Name'` in client.py)
give the actions. OSS and SLS name their actions differently from their APIs and get
hand-curated lists (from the OSS and SLS RAM authorization docs); a few actions that are not
APIs (ram:PassRole) are added by hand.

Usage:  python3 scripts/gen_ram_catalogue.py [--wheels DIR]
Without --wheels it runs `pip download --no-deps` for the pinned packages into a temporary
directory (a bounded download of a dozen wheels). The output is deterministic: sorted, one
action per line, with a header naming the source packages.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile

# PyPI package -> RAM codes that authorize its APIs. IMS APIs (users, AccessKeys, login
# profiles) are authorized under both `ims` and `ram` (the IMS RAM page lists `ram,ims`).
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
    "alibabacloud_cs20151215==7.2.3": ["cs"],
    "alibabacloud_resourcemanager20200331==2.6.2": ["resourcemanager"],
    "alibabacloud_sls20201230==5.15.1": ["log"],
}

# Actions that are not APIs of the packages above, or whose RAM name differs from the API.
EXTRA = {
    "ram": ["PassRole"],
    # Older APIs still named on the services' RAM authorization pages.
    "ecs": ["DescribeTagKeys", "DescribeTags", "AddTags", "RemoveTags", "CreateTags", "DeleteTags"],
    "rds": ["DescribeTaskInfo", "DescribeSqlLogInstances", "DisableSqlLogDistribution"],
    "cs": ["GetClusters", "GetClusterById", "GetUserConfig", "GetClusterInfo", "UpdateClusterTags"],
    "slb": ["DescribeLoadBalancerHTTPListenerAttributes", "DescribeLoadBalancerHTTPSListenerAttributes",
            "DescribeLoadBalancerTCPListenerAttributes", "DescribeLoadBalancerUDPListenerAttributes"],
    # SLS RAM action names (SLS authorization docs); many differ from the API names.
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
        ModifyJobInstance ListJobInstance GetJobInstance""".split(),
    # OSS RAM action names (OSS RAM policy appendix); OSS APIs are REST and not in an SDK list.
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
        DescribeRegions GetService GetBucketUserQos""".split(),
}

ACTION_RE = re.compile(r"^\s*action\s*=\s*'([A-Za-z0-9_]+)'", re.M)


def actions_of(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = [n for n in z.namelist() if n.endswith("/client.py")]
        found = set()
        for n in names:
            found.update(ACTION_RE.findall(z.read(n).decode("utf-8")))
        return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheels", help="directory of already downloaded wheels")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "rulesets", "ram", "catalogue"))
    args = ap.parse_args()
    wheels = args.wheels
    if not wheels:
        wheels = tempfile.mkdtemp(prefix="ram-catalogue-")
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", wheels, *PACKAGES], check=True)
    by_code = {}
    sources = {}
    files = sorted(os.listdir(wheels))
    for spec, codes in PACKAGES.items():
        name, version = spec.split("==")
        matches = [f for f in files if f.startswith(name + "-") and f.endswith(".whl")]
        if not matches:
            sys.exit(f"missing wheel for {spec} in {wheels}")
        wheel = matches[-1]
        acts = actions_of(os.path.join(wheels, wheel))
        for code in codes:
            by_code.setdefault(code, set()).update(acts)
            sources.setdefault(code, []).append(wheel)
    for code, acts in EXTRA.items():
        by_code.setdefault(code, set()).update(acts)
        sources.setdefault(code, []).append("hand-curated list in scripts/gen_ram_catalogue.py")
    os.makedirs(args.out, exist_ok=True)
    for code in sorted(by_code):
        path = os.path.join(args.out, f"{code}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# RAM actions of `{code}`; generated by scripts/gen_ram_catalogue.py, do not edit.\n")
            for s in sources[code]:
                f.write(f"# source: {s}\n")
            for a in sorted(by_code[code]):
                f.write(a + "\n")
        print(f"{code}: {len(by_code[code])} actions -> {path}")


if __name__ == "__main__":
    main()
