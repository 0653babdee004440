#!/usr/bin/env bash
# After a deployment (azure-pipelines.yml, through AzureCLI@2 so `az` is signed in with the service
# connection): looks up the app's host name and default function key, takes the workflow list from the
# deployed zip's bundle, and runs smoke-test.mjs against the app. The key is masked in the log.
#   scripts/deploy/smoke-test.sh APP RESOURCE_GROUP PACKAGE_DIR
set -euo pipefail
app=$1 group=$2 package_dir=$3
zips=("$package_dir"/sluice-*.zip)
[ "${#zips[@]}" -eq 1 ] && [ -f "${zips[0]}" ] || { echo "expected one sluice-*.zip in $package_dir" >&2; exit 2; }
bundle=$(mktemp)
trap 'rm -f "$bundle"' EXIT
unzip -p "${zips[0]}" dist/workflows.bundle.json > "$bundle"
key=$(az functionapp keys list --name "$app" --resource-group "$group" --query functionKeys.default --output tsv)
echo "##vso[task.setsecret]$key"
host=$(az functionapp show --name "$app" --resource-group "$group" --query defaultHostName --output tsv)
SLUICE_FUNCTION_KEY=$key node "$(dirname "$0")/smoke-test.mjs" --url "https://$host" --bundle "$bundle"
