region = "cn-shanghai"
# Left over from a local test run.
deploy_access_key_id = "LTAI5tTfvarsFake8Kd2Xq"
