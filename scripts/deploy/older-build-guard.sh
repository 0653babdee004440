#!/usr/bin/env bash
# Before the prod deployment (azure-pipelines.yml, through AzureCLI@2, in a full-history checkout):
# refuses a build older than the one prod runs. The exclusive lock (lockBehavior: runLatest) only
# orders runs that wait for it together; an older run approved after a newer one has finished would
# take the free lock. The app's `sluice-commit` tag, written after each passed smoke test
# (`--record`), names the commit prod runs; this run may deploy when its commit is that one or a
# descendant, or when prod's is unknown here (no tag yet, or a commit not in this history).
#   scripts/deploy/older-build-guard.sh APP RESOURCE_GROUP COMMIT           check
#   scripts/deploy/older-build-guard.sh APP RESOURCE_GROUP COMMIT --record  tag the app with COMMIT
set -euo pipefail
app=$1 group=$2 commit=$3 mode=${4:-}
id=$(az functionapp show --name "$app" --resource-group "$group" --query id --output tsv)
if [ "$mode" = --record ]; then
  # --is-incremental keeps the app's other tags; a tag change does not restart the app.
  az resource tag --ids "$id" --is-incremental --tags "sluice-commit=$commit" --output none
  echo "$app: recorded sluice-commit=$commit"
  exit 0
fi
deployed=$(az resource show --ids "$id" --query 'tags."sluice-commit"' --output tsv)
if [ -z "$deployed" ] || [ "$deployed" = "$commit" ]; then
  echo "$app runs ${deployed:-an unrecorded build}: deploying $commit"
elif ! git cat-file -e "$deployed^{commit}" 2>/dev/null; then
  echo "##vso[task.logissue type=warning]$app runs $deployed, a commit not in this history: deploying $commit"
elif git merge-base --is-ancestor "$deployed" "$commit"; then
  echo "$app runs $deployed, an ancestor of $commit: deploying"
else
  echo "##vso[task.logissue type=error]$app runs $deployed, which is newer than (or not an ancestor of) this run's $commit: refusing to deploy an older build over it. To go back on purpose, see docs/deploy.md, \"Smoke test and the way back\"."
  exit 1
fi
