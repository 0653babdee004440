#!/usr/bin/env bash
# Before a deployment (azure-pipelines.yml, through AzureCLI@2): puts the Function App on Node MAJOR
# when it runs another version, so the zip's native addon (built by `npm ci` under that Node) loads.
# Idempotent: an app already on MAJOR is left alone (a runtime change restarts the app).
#   scripts/deploy/node-runtime.sh APP RESOURCE_GROUP MAJOR [SLOT]
# Flex Consumption keeps the runtime in properties.functionAppConfig.runtime; other Linux plans in
# linuxFxVersion (`NODE|22`), per slot.
set -euo pipefail
app=$1 group=$2 major=$3 slot=${4:-}
slot_args=()
[ -n "$slot" ] && slot_args=(--slot "$slot")
id=$(az functionapp show --name "$app" --resource-group "$group" "${slot_args[@]}" --query id --output tsv)
flex=$(az resource show --ids "$id" --query "properties.functionAppConfig.runtime.name" --output tsv 2>/dev/null || true)
if [ -n "$flex" ]; then
  current=$(az resource show --ids "$id" --query "properties.functionAppConfig.runtime.version" --output tsv)
  if [ "$current" = "$major" ]; then echo "$app runs $flex $current"; exit 0; fi
  echo "$app runs $flex ${current:-unknown}: setting Node $major"
  az resource update --ids "$id" --set "properties.functionAppConfig.runtime.version=$major" --output none
else
  current=$(az functionapp config show --name "$app" --resource-group "$group" "${slot_args[@]}" --query linuxFxVersion --output tsv)
  if [ "${current^^}" = "NODE|$major" ]; then echo "$app${slot:+ ($slot)} runs $current"; exit 0; fi
  echo "$app${slot:+ ($slot)} runs ${current:-unknown}: setting NODE|$major"
  az functionapp config set --name "$app" --resource-group "$group" "${slot_args[@]}" --linux-fx-version "NODE|$major" --output none
fi
