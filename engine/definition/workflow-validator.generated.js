/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/workflow.schema.json by codegen/generate.ts.
 * Regenerate with `npm run codegen`; CI runs `npm run codegen:check`.
 */
'use strict';
/** Builds the language validator (every error, with its schema). */
function createValidator() {
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://sluice.dev/schemas/workflow.schema.json","title":"Workflow definition","description":"A Sluice workflow definition: triggers, input schema and steps, interpreted by one generic Durable orchestrator.","type":"object","additionalProperties":false,"required":["name","steps"],"properties":{"$schema":{"description":"Optional URI of this JSON Schema, for editors that read it from the document.","type":"string","examples":["https://json-schema.org/draft/2020-12/schema"]},"name":{"description":"The workflow's name: unique among all workflows; used in routes, run records and sub-workflow references.","type":"string","pattern":"^[a-z][a-z0-9-]{0,62}$","examples":["order-intake","content-moderation"]},"description":{"description":"What the workflow does, for people reading it and for `GET /api/workflows`.","type":"string","examples":["Takes an order from the web shop, reserves stock and confirms it"]},"version":{"description":"Informational version number; runs are pinned by the definition's content hash anyway.","type":["integer","string"],"examples":[1,"2024-06"]},"triggers":{"$ref":"#/$defs/triggers"},"input":{"description":"JSON Schema (2020-12) of the run input, checked before a run starts: a failing HTTP request gets 400 with the errors, a failing queue message goes to the poison queue. E.g. `input: { type: object, required: [orderId], properties: { orderId: { type: string } } }`.","type":"object"},"defaults":{"$ref":"#/$defs/defaults"},"deadLetter":{"$ref":"#/$defs/deadLetter"},"ai":{"description":"Limits on the run's ai steps.","type":"object","additionalProperties":false,"properties":{"maxTokensPerRun":{"description":"Gemini tokens (usageMetadata totalTokenCount) the run's ai steps may use together; once reached, further ai steps are not called and fail open with reason `budget` (or fail with BudgetExceeded when they have no fallback).","type":"integer","minimum":1,"examples":[200000]}}},"timeout":{"$ref":"#/$defs/duration","description":"The longest the whole run may take: past it no step starts, what is in flight is dropped, and the run fails with `Timeout` (dead-lettered like any failure). Counted from the run's start."},"steps":{"$ref":"#/$defs/steps","description":"The steps of the workflow, run in order."},"output":{"description":"The run's output: usually an expression over `steps.<id>.output`. Without it the output is the last step's output.","examples":["${{ steps.summary.output }}"]}},"$defs":{"duration":{"title":"Duration","description":"A duration: a number followed by `ms`, `s`, `m`, `h` or `d` (for example `500ms`, `10s`, `5m`, `1h`, `2d`), or a `${{ }}` expression that yields one.","type":"string","examples":["10s","5m","1h"]},"expression":{"title":"Expression","description":"A condition: a `${{ EXPR }}` expression, or the literal `true` or `false`. Plain text such as `input.enabled` or `\"false\"` is not a condition (it would always be true): wrap it, `${{ input.enabled }}`.","type":["string","boolean"],"pattern":"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$","examples":["${{ input.count > 3 }}"]},"errorName":{"title":"Error name","description":"An error name: `Timeout`, `HttpError`, `AiError`, `QueueError`, `CosmosError`, `ActivityError`, `ValidationError`, or the `error` of a `fail` step.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","examples":["HttpError","Timeout"]},"triggers":{"title":"Triggers","description":"How runs of this workflow start; any combination. None means the workflow starts only through the API or as a sub-workflow.","type":"object","additionalProperties":false,"properties":{"http":{"$ref":"#/$defs/httpTrigger"},"queue":{"$ref":"#/$defs/queueTrigger"},"schedule":{"description":"One schedule, or a list of them; each becomes a timer trigger.","anyOf":[{"$ref":"#/$defs/scheduleTrigger"},{"type":"array","minItems":1,"items":{"$ref":"#/$defs/scheduleTrigger"}}]}}},"httpTrigger":{"title":"HTTP trigger","description":"Starts a run per HTTP request; the JSON body is the run input.","type":"object","additionalProperties":false,"properties":{"route":{"description":"Route under `/api/`; default `workflows/<name>`.","type":"string","pattern":"^[A-Za-z0-9_~./{}-]+$","examples":["orders"]},"methods":{"description":"Accepted HTTP methods; default `[POST]`.","type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["GET","POST","PUT","PATCH","DELETE"]},"examples":[["POST"]]},"authLevel":{"description":"Authorization level of the function: `anonymous`, `function` (default: a function key is required) or `admin`.","enum":["anonymous","function","admin"],"default":"function"},"respond":{"description":"`async` (default): answer 202 with status URLs at once. `sync`: wait up to `timeout` for the run and answer its output, else 202.","enum":["async","sync"],"default":"async"},"timeout":{"$ref":"#/$defs/duration","description":"How long a `respond: sync` request waits for the run before answering 202; default `30s`."}}},"queueTrigger":{"title":"Queue trigger","description":"Starts a run per Storage queue message; each message's JSON body is one run's input.","type":"object","additionalProperties":false,"properties":{"name":{"description":"Azure Storage queue name: 3-63 characters, lowercase letters, digits and single hyphens.","type":"string","examples":["orders-in"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["name"]},"scheduleTrigger":{"title":"Schedule trigger","description":"Starts a run on a schedule.","type":"object","additionalProperties":false,"properties":{"cron":{"description":"NCRONTAB expression with six fields (second minute hour day month day-of-week), as Azure Functions timer triggers use.","type":"string","examples":["0 */5 * * * *","0 0 9 * * 1-5"]},"input":{"description":"The run input for scheduled runs. E.g. `input: { source: timer }`."}},"required":["cron"]},"defaults":{"title":"Defaults","description":"Settings that apply to every step that does not say otherwise.","type":"object","additionalProperties":false,"properties":{"retry":{"$ref":"#/$defs/retry"},"timeout":{"$ref":"#/$defs/duration","description":"Default timeout of each step."},"failOpen":{"description":"Default fail-open behaviour of `ai` steps; default true.","type":"boolean","default":true}}},"deadLetter":{"title":"Dead-letter","description":"Where a run that fails terminally is sent: its original input, trigger, run id, failing step, error, attempts and definition hash.","type":"object","additionalProperties":false,"properties":{"queue":{"description":"Azure Storage queue name for dead-lettered runs.","type":"string","examples":["orders-dlq"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["queue"]},"retry":{"title":"Retry policy","description":"How a failing step is retried. Retries are performed by the orchestrator with durable timers.","type":"object","additionalProperties":false,"properties":{"maxAttempts":{"description":"Attempts in all, the first included; default 3.","type":"integer","minimum":1,"maximum":100,"examples":[3]},"interval":{"$ref":"#/$defs/duration","description":"Delay before the second attempt; default `1s`."},"backoff":{"description":"Multiplier applied to the delay after each attempt; default 2.","type":"number","minimum":1,"maximum":10,"examples":[2]},"maxInterval":{"$ref":"#/$defs/duration","description":"Upper bound of the delay between attempts."},"jitter":{"description":"Randomise each delay by up to ±20%, seeded deterministically from the run, step and attempt; default false.","type":"boolean"},"on":{"description":"Error names that are retried; default: the transient ones (retryable `HttpError`, `AiError`, `QueueError`, `CosmosError`, `Timeout`).","type":"array","minItems":1,"items":{"$ref":"#/$defs/errorName"},"examples":[["HttpError","Timeout"]]}}},"catchClause":{"title":"Catch clause","description":"Runs in place of a failed step when its `errors` filter matches; the error is bound as `error` (`{ name, message, step }`).","type":"object","additionalProperties":false,"properties":{"errors":{"description":"Error names this clause handles; omitted: any error.","type":"array","minItems":1,"items":{"$ref":"#/$defs/errorName"},"examples":[["Timeout"],["HttpError","AiError"]]},"steps":{"$ref":"#/$defs/steps","description":"The steps run instead of the failed step; their last output becomes its output."}},"required":["steps"]},"steps":{"title":"Steps","description":"A sequence of steps.","type":"array","items":{"$ref":"#/$defs/step"}},"step":{"title":"Step","description":"One step: an `id`, exactly one kind (`ai`, `http`, `queue`, `cosmos`, `activity`, `workflow`, `parallel`, `forEach`, `switch`, `steps`, `wait`, `waitForEvent`, `set`, `fail`) and optional `name`, `if`, `retry`, `timeout`, `catch`.","type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"description":"The step's id: unique in the whole file; its output is `steps.<id>.output`.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","examples":["classify"]},"name":{"description":"Display name.","type":"string","examples":["Reserve stock"]},"if":{"$ref":"#/$defs/expression","description":"Run the step only when true; a skipped step's output is null."},"retry":{"$ref":"#/$defs/retry"},"timeout":{"$ref":"#/$defs/duration","description":"The step fails with `Timeout` when it takes longer."},"catch":{"description":"Handlers for the step's failure; the first whose `errors` match runs in its place.","type":"array","minItems":1,"items":{"$ref":"#/$defs/catchClause"}},"input":{"description":"The input passed to an `activity` or `workflow` step; expressions are evaluated.","examples":["${{ input }}"]},"ai":{"$ref":"#/$defs/aiStep"},"http":{"$ref":"#/$defs/httpStep"},"queue":{"$ref":"#/$defs/queueStep"},"cosmos":{"$ref":"#/$defs/cosmosStep"},"activity":{"description":"Name of a TypeScript activity registered by the app; `input` is passed to it; its return value is the output.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_.-]*$","examples":["reserveStock"]},"workflow":{"description":"Name of another workflow run as a sub-orchestration; `input` is passed to it; its `output` is the output.","type":"string","pattern":"^[a-z][a-z0-9-]{0,62}$","examples":["order-intake"]},"parallel":{"$ref":"#/$defs/steps","description":"Steps run concurrently; all must finish. Output: an object of the children's outputs keyed by their ids.","type":"array","minItems":1},"forEach":{"$ref":"#/$defs/forEachStep"},"switch":{"$ref":"#/$defs/switchStep"},"steps":{"$ref":"#/$defs/steps","description":"A group: a sequence of steps used as one. Output: its last step's output.","type":"array","minItems":1},"wait":{"description":"Wait a duration, or until a timestamp. Output: null.","anyOf":[{"$ref":"#/$defs/duration"},{"$ref":"#/$defs/waitUntil"}],"examples":["10s"]},"waitForEvent":{"$ref":"#/$defs/waitForEventStep"},"set":{"description":"A value, usually a mapping of expressions; it becomes the output. E.g. `set: { category: \"${{ steps.classify.output.category }}\" }`.","examples":["${{ steps.classify.output.category }}"]},"fail":{"$ref":"#/$defs/failStep"}},"oneOf":[{"required":["ai"]},{"required":["http"]},{"required":["queue"]},{"required":["cosmos"]},{"required":["activity"]},{"required":["workflow"]},{"required":["parallel"]},{"required":["forEach"]},{"required":["switch"]},{"required":["steps"]},{"required":["wait"]},{"required":["waitForEvent"]},{"required":["set"]},{"required":["fail"]}],"dependentSchemas":{"input":{"anyOf":[{"required":["activity"]},{"required":["workflow"]}]}}},"aiStep":{"title":"AI step","description":"A Gemini call. The answer is requested as JSON and checked against `output`. Fail-open: any failure yields `fallback` and marks the step degraded.","type":"object","additionalProperties":false,"properties":{"model":{"description":"Gemini model name; default `gemini-2.5-flash`.","type":"string","examples":["gemini-2.5-flash","gemini-2.5-pro"]},"prompt":{"description":"The prompt; `${{ }}` expressions are interpolated.","type":"string","examples":["Classify this order: ${{ input.text }}"]},"system":{"description":"System instruction.","type":"string","examples":["You classify customer orders. Answer with JSON only."]},"temperature":{"description":"Sampling temperature, 0 to 2.","type":"number","minimum":0,"maximum":2,"examples":[0,0.2]},"maxOutputTokens":{"description":"Upper bound on the answer's tokens.","type":"integer","minimum":1,"examples":[1024]},"output":{"description":"JSON Schema the answer must satisfy. E.g. `output: { type: object, required: [category], properties: { category: { enum: [standard, priority] } } }`.","type":"object"},"fallback":{"description":"The output used whenever the call fails in any way while fail-open is on; must satisfy `output`. E.g. `fallback: { category: standard }`."},"failOpen":{"description":"Fail-open (default true): failures yield `fallback`. False: a failure is an ordinary `AiError`.","type":"boolean"}},"required":["prompt"]},"httpStep":{"title":"HTTP step","description":"An HTTP call with JSON in and out. 5xx, 429 and network errors are retryable; 4xx are not. Output: `{ status, headers, body }`.","type":"object","additionalProperties":false,"properties":{"method":{"description":"HTTP method; default GET.","enum":["GET","POST","PUT","PATCH","DELETE","HEAD"],"default":"GET"},"url":{"description":"The URL; https is expected. Private, loopback and link-local addresses are refused unless allow-listed in settings.","type":"string","examples":["https://prices.example.com/orders/${{ input.orderId }}"]},"headers":{"description":"Request headers. E.g. `headers: { Authorization: \"Bearer ${{ secrets.PRICES_TOKEN }}\" }`.","type":"object","additionalProperties":{"type":"string"}},"query":{"description":"Query-string parameters.","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"body":{"description":"Request body, sent as JSON.","examples":["${{ steps.order.output }}"]},"timeout":{"$ref":"#/$defs/duration","description":"Timeout of the request itself."}},"required":["url"]},"queueStep":{"title":"Queue step","description":"Sends a message to an Azure Storage queue. Output: `{ messageId }`.","type":"object","additionalProperties":false,"properties":{"name":{"description":"Queue name: 3-63 characters, lowercase letters, digits and single hyphens.","type":"string","examples":["reservations"]},"message":{"description":"The message, sent as JSON (base64-encoded, as the Functions host expects); at most 64 KB. E.g. `message: { orderId: \"${{ input.orderId }}\" }`.","examples":["${{ steps.order.output }}"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["name","message"]},"cosmosStep":{"title":"Cosmos DB step","description":"One Cosmos DB operation on a container: exactly one of `upsert`, `read`, `query`.","type":"object","additionalProperties":false,"properties":{"container":{"description":"Container name.","type":"string","examples":["orders"]},"database":{"description":"Database name; default from the `COSMOS_DATABASE` setting.","type":"string","examples":["sluice"]},"upsert":{"description":"The item to upsert; it must have an `id`. Output: the item. E.g. `upsert: { id: \"${{ input.orderId }}\", status: received }`.","type":"object"},"read":{"$ref":"#/$defs/cosmosRead"},"query":{"$ref":"#/$defs/cosmosQuery"}},"required":["container"],"oneOf":[{"required":["upsert"]},{"required":["read"]},{"required":["query"]}]},"cosmosRead":{"title":"Cosmos read","description":"A point read. Output: the item, or null when missing.","type":"object","additionalProperties":false,"properties":{"id":{"description":"Item id.","type":"string","examples":["${{ input.orderId }}"]},"partitionKey":{"description":"Partition key value; default the id.","type":["string","number","boolean"],"examples":["${{ input.customerId }}"]}},"required":["id"]},"cosmosQuery":{"title":"Cosmos query","description":"A parameterized SQL query; values go in `parameters`, never into the text. Output: the list of results.","type":"object","additionalProperties":false,"properties":{"sql":{"description":"The query text with `@name` parameters.","type":"string","examples":["SELECT * FROM c WHERE c.customerId = @customer"]},"parameters":{"description":"The query parameters.","type":"array","items":{"$ref":"#/$defs/cosmosParameter"}}},"required":["sql"]},"cosmosParameter":{"title":"Cosmos query parameter","description":"One `@name` parameter of a query.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The parameter name, starting with `@`.","type":"string","pattern":"^@[A-Za-z_][A-Za-z0-9_]*$","examples":["@customer"]},"value":{"description":"The parameter value; expressions are evaluated.","examples":["${{ input.kind }}"]}},"required":["name","value"]},"forEachStep":{"title":"forEach step","description":"Runs `steps` once per item, at most `concurrency` at a time. Output: the list of each iteration's last step output, in item order.","type":"object","additionalProperties":false,"properties":{"items":{"description":"The list to iterate: an expression yielding a list, or a literal list.","anyOf":[{"type":"string"},{"type":"array"}],"examples":["${{ input.lines }}"]},"as":{"description":"Name of the item variable; default `item`. `index` is bound too.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","default":"item","examples":["line"]},"concurrency":{"description":"At most this many iterations in flight (a sliding window).","type":"integer","minimum":1,"maximum":1000,"examples":[10]},"steps":{"$ref":"#/$defs/steps","description":"The steps run per item.","type":"array","minItems":1}},"required":["items","steps"]},"switchStep":{"title":"switch step","description":"Runs the first case whose `when` is true, else `default`. Output: the last output of the branch that ran.","type":"object","additionalProperties":false,"properties":{"cases":{"description":"The cases, tried in order.","type":"array","items":{"$ref":"#/$defs/switchCase"}},"default":{"$ref":"#/$defs/steps","description":"Steps run when no case matches."}},"required":["cases"]},"switchCase":{"title":"switch case","description":"A condition and the steps it runs.","type":"object","additionalProperties":false,"properties":{"when":{"$ref":"#/$defs/expression","description":"The condition."},"steps":{"$ref":"#/$defs/steps","description":"The steps run when `when` is true."}},"required":["when","steps"]},"waitUntil":{"title":"Wait until","description":"Wait until a point in time.","type":"object","additionalProperties":false,"properties":{"until":{"description":"An ISO 8601 timestamp, or an expression yielding one.","type":"string","examples":["2030-01-01T00:00:00Z","${{ input.notBefore }}"]}},"required":["until"]},"waitForEventStep":{"title":"waitForEvent step","description":"Waits for an external event raised on the run. Output: the event's payload, or `default` on timeout.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The event name (case-sensitive).","type":"string","examples":["approved"]},"timeout":{"$ref":"#/$defs/duration","description":"How long to wait; without `default` a timeout fails the step with `Timeout`."},"default":{"description":"Output used when the wait times out.","examples":[false]}},"required":["name"]},"failStep":{"title":"fail step","description":"Ends the run as failed with this error (a `catch` may handle it).","type":"object","additionalProperties":false,"properties":{"error":{"description":"The error name.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","examples":["Rejected"]},"message":{"description":"The error message; expressions are interpolated.","type":"string","examples":["order ${{ input.orderId }} has no lines"]}},"required":["error"]}}};
const schema44 = {"title":"Dead-letter","description":"Where a run that fails terminally is sent: its original input, trigger, run id, failing step, error, attempts and definition hash.","type":"object","additionalProperties":false,"properties":{"queue":{"description":"Azure Storage queue name for dead-lettered runs.","type":"string","examples":["orders-dlq"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["queue"]};
const schema34 = {"title":"Duration","description":"A duration: a number followed by `ms`, `s`, `m`, `h` or `d` (for example `500ms`, `10s`, `5m`, `1h`, `2d`), or a `${{ }}` expression that yields one.","type":"string","examples":["10s","5m","1h"]};
const func1 = Object.prototype.hasOwnProperty;
const pattern4 = new RegExp("^[a-z][a-z0-9-]{0,62}$", "u");
const schema32 = {"title":"Triggers","description":"How runs of this workflow start; any combination. None means the workflow starts only through the API or as a sub-workflow.","type":"object","additionalProperties":false,"properties":{"http":{"$ref":"#/$defs/httpTrigger"},"queue":{"$ref":"#/$defs/queueTrigger"},"schedule":{"description":"One schedule, or a list of them; each becomes a timer trigger.","anyOf":[{"$ref":"#/$defs/scheduleTrigger"},{"type":"array","minItems":1,"items":{"$ref":"#/$defs/scheduleTrigger"}}]}}};
const schema35 = {"title":"Queue trigger","description":"Starts a run per Storage queue message; each message's JSON body is one run's input.","type":"object","additionalProperties":false,"properties":{"name":{"description":"Azure Storage queue name: 3-63 characters, lowercase letters, digits and single hyphens.","type":"string","examples":["orders-in"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["name"]};
const schema36 = {"title":"Schedule trigger","description":"Starts a run on a schedule.","type":"object","additionalProperties":false,"properties":{"cron":{"description":"NCRONTAB expression with six fields (second minute hour day month day-of-week), as Azure Functions timer triggers use.","type":"string","examples":["0 */5 * * * *","0 0 9 * * 1-5"]},"input":{"description":"The run input for scheduled runs. E.g. `input: { source: timer }`."}},"required":["cron"]};
const schema33 = {"title":"HTTP trigger","description":"Starts a run per HTTP request; the JSON body is the run input.","type":"object","additionalProperties":false,"properties":{"route":{"description":"Route under `/api/`; default `workflows/<name>`.","type":"string","pattern":"^[A-Za-z0-9_~./{}-]+$","examples":["orders"]},"methods":{"description":"Accepted HTTP methods; default `[POST]`.","type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["GET","POST","PUT","PATCH","DELETE"]},"examples":[["POST"]]},"authLevel":{"description":"Authorization level of the function: `anonymous`, `function` (default: a function key is required) or `admin`.","enum":["anonymous","function","admin"],"default":"function"},"respond":{"description":"`async` (default): answer 202 with status URLs at once. `sync`: wait up to `timeout` for the run and answer its output, else 202.","enum":["async","sync"],"default":"async"},"timeout":{"$ref":"#/$defs/duration","description":"How long a `respond: sync` request waits for the run before answering 202; default `30s`."}}};
const pattern5 = new RegExp("^[A-Za-z0-9_~./{}-]+$", "u");
let func0Loaded; const func0 = (...args) => (func0Loaded ??= require("ajv/dist/runtime/equal").default)(...args);

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((key0 === "route") || (key0 === "methods")) || (key0 === "authLevel")) || (key0 === "respond")) || (key0 === "timeout"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.route !== undefined){
let data0 = data.route;
if(typeof data0 === "string"){
if(!pattern5.test(data0)){
const err1 = {instancePath:instancePath+"/route",schemaPath:"#/properties/route/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_~./{}-]+$"},message:"must match pattern \""+"^[A-Za-z0-9_~./{}-]+$"+"\"",schema:"^[A-Za-z0-9_~./{}-]+$",parentSchema:schema33.properties.route,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/route",schemaPath:"#/properties/route/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.route.type,parentSchema:schema33.properties.route,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.methods !== undefined){
let data1 = data.methods;
if(Array.isArray(data1)){
if(data1.length < 1){
const err3 = {instancePath:instancePath+"/methods",schemaPath:"#/properties/methods/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33.properties.methods,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(!(((((data2 === "GET") || (data2 === "POST")) || (data2 === "PUT")) || (data2 === "PATCH")) || (data2 === "DELETE"))){
const err4 = {instancePath:instancePath+"/methods/" + i0,schemaPath:"#/properties/methods/items/enum",keyword:"enum",params:{allowedValues: schema33.properties.methods.items.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.methods.items.enum,parentSchema:schema33.properties.methods.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let i1 = data1.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data1[i1], data1[j0])){
const err5 = {instancePath:instancePath+"/methods",schemaPath:"#/properties/methods/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema33.properties.methods,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err6 = {instancePath:instancePath+"/methods",schemaPath:"#/properties/methods/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.methods.type,parentSchema:schema33.properties.methods,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.authLevel !== undefined){
let data3 = data.authLevel;
if(!(((data3 === "anonymous") || (data3 === "function")) || (data3 === "admin"))){
const err7 = {instancePath:instancePath+"/authLevel",schemaPath:"#/properties/authLevel/enum",keyword:"enum",params:{allowedValues: schema33.properties.authLevel.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.authLevel.enum,parentSchema:schema33.properties.authLevel,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.respond !== undefined){
let data4 = data.respond;
if(!((data4 === "async") || (data4 === "sync"))){
const err8 = {instancePath:instancePath+"/respond",schemaPath:"#/properties/respond/enum",keyword:"enum",params:{allowedValues: schema33.properties.respond.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.respond.enum,parentSchema:schema33.properties.respond,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.timeout !== undefined){
let data5 = data.timeout;
if(typeof data5 !== "string"){
const err9 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "http") || (key0 === "queue")) || (key0 === "schedule"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.http !== undefined){
if(!(validate22(data.http, {instancePath:instancePath+"/http",parentData:data,parentDataProperty:"http",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data.queue !== undefined){
let data1 = data.queue;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.name === undefined){
const err1 = {instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueTrigger/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema35.required,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key1 in data1){
if(!((key1 === "name") || (key1 === "connection"))){
const err2 = {instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data1.name !== undefined){
let data2 = data1.name;
if(typeof data2 !== "string"){
const err3 = {instancePath:instancePath+"/queue/name",schemaPath:"#/$defs/queueTrigger/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.name.type,parentSchema:schema35.properties.name,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.connection !== undefined){
let data3 = data1.connection;
if(typeof data3 !== "string"){
const err4 = {instancePath:instancePath+"/queue/connection",schemaPath:"#/$defs/queueTrigger/properties/connection/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.connection.type,parentSchema:schema35.properties.connection,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueTrigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.schedule !== undefined){
let data4 = data.schedule;
const _errs12 = errors;
let valid3 = false;
const _errs13 = errors;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.cron === undefined){
const err6 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/scheduleTrigger/required",keyword:"required",params:{missingProperty: "cron"},message:"must have required property '"+"cron"+"'",schema:schema36.required,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key2 in data4){
if(!((key2 === "cron") || (key2 === "input"))){
const err7 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/scheduleTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data4.cron !== undefined){
let data5 = data4.cron;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/schedule/cron",schemaPath:"#/$defs/scheduleTrigger/properties/cron/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.cron.type,parentSchema:schema36.properties.cron,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/scheduleTrigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid0 = _errs13 === errors;
valid3 = valid3 || _valid0;
const _errs19 = errors;
if(Array.isArray(data4)){
if(data4.length < 1){
const err10 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.schedule.anyOf[1],data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data6 = data4[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.cron === undefined){
const err11 = {instancePath:instancePath+"/schedule/" + i0,schemaPath:"#/$defs/scheduleTrigger/required",keyword:"required",params:{missingProperty: "cron"},message:"must have required property '"+"cron"+"'",schema:schema36.required,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key3 in data6){
if(!((key3 === "cron") || (key3 === "input"))){
const err12 = {instancePath:instancePath+"/schedule/" + i0,schemaPath:"#/$defs/scheduleTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.cron !== undefined){
let data7 = data6.cron;
if(typeof data7 !== "string"){
const err13 = {instancePath:instancePath+"/schedule/" + i0+"/cron",schemaPath:"#/$defs/scheduleTrigger/properties/cron/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.cron.type,parentSchema:schema36.properties.cron,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/schedule/" + i0,schemaPath:"#/$defs/scheduleTrigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.schedule.anyOf[1].type,parentSchema:schema32.properties.schedule.anyOf[1],data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid0 = _errs19 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const err16 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema32.properties.schedule.anyOf,parentSchema:schema32.properties.schedule,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema38 = {"title":"Defaults","description":"Settings that apply to every step that does not say otherwise.","type":"object","additionalProperties":false,"properties":{"retry":{"$ref":"#/$defs/retry"},"timeout":{"$ref":"#/$defs/duration","description":"Default timeout of each step."},"failOpen":{"description":"Default fail-open behaviour of `ai` steps; default true.","type":"boolean","default":true}}};
const schema39 = {"title":"Retry policy","description":"How a failing step is retried. Retries are performed by the orchestrator with durable timers.","type":"object","additionalProperties":false,"properties":{"maxAttempts":{"description":"Attempts in all, the first included; default 3.","type":"integer","minimum":1,"maximum":100,"examples":[3]},"interval":{"$ref":"#/$defs/duration","description":"Delay before the second attempt; default `1s`."},"backoff":{"description":"Multiplier applied to the delay after each attempt; default 2.","type":"number","minimum":1,"maximum":10,"examples":[2]},"maxInterval":{"$ref":"#/$defs/duration","description":"Upper bound of the delay between attempts."},"jitter":{"description":"Randomise each delay by up to ±20%, seeded deterministically from the run, step and attempt; default false.","type":"boolean"},"on":{"description":"Error names that are retried; default: the transient ones (retryable `HttpError`, `AiError`, `QueueError`, `CosmosError`, `Timeout`).","type":"array","minItems":1,"items":{"$ref":"#/$defs/errorName"},"examples":[["HttpError","Timeout"]]}}};
const schema42 = {"title":"Error name","description":"An error name: `Timeout`, `HttpError`, `AiError`, `QueueError`, `CosmosError`, `ActivityError`, `ValidationError`, or the `error` of a `fail` step.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","examples":["HttpError","Timeout"]};
const pattern6 = new RegExp("^[A-Za-z][A-Za-z0-9_.-]*$", "u");

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((key0 === "maxAttempts") || (key0 === "interval")) || (key0 === "backoff")) || (key0 === "maxInterval")) || (key0 === "jitter")) || (key0 === "on"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.maxAttempts !== undefined){
let data0 = data.maxAttempts;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
const err1 = {instancePath:instancePath+"/maxAttempts",schemaPath:"#/properties/maxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema39.properties.maxAttempts.type,parentSchema:schema39.properties.maxAttempts,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(typeof data0 == "number"){
if(data0 > 100 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/maxAttempts",schemaPath:"#/properties/maxAttempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema39.properties.maxAttempts,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/maxAttempts",schemaPath:"#/properties/maxAttempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema39.properties.maxAttempts,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.interval !== undefined){
let data1 = data.interval;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/interval",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.backoff !== undefined){
let data2 = data.backoff;
if(typeof data2 == "number"){
if(data2 > 10 || isNaN(data2)){
const err5 = {instancePath:instancePath+"/backoff",schemaPath:"#/properties/backoff/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema39.properties.backoff,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/backoff",schemaPath:"#/properties/backoff/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema39.properties.backoff,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/backoff",schemaPath:"#/properties/backoff/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema39.properties.backoff.type,parentSchema:schema39.properties.backoff,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.maxInterval !== undefined){
let data3 = data.maxInterval;
if(typeof data3 !== "string"){
const err8 = {instancePath:instancePath+"/maxInterval",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.jitter !== undefined){
let data4 = data.jitter;
if(typeof data4 !== "boolean"){
const err9 = {instancePath:instancePath+"/jitter",schemaPath:"#/properties/jitter/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema39.properties.jitter.type,parentSchema:schema39.properties.jitter,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.on !== undefined){
let data5 = data.on;
if(Array.isArray(data5)){
if(data5.length < 1){
const err10 = {instancePath:instancePath+"/on",schemaPath:"#/properties/on/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema39.properties.on,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 === "string"){
if(!pattern6.test(data6)){
const err11 = {instancePath:instancePath+"/on/" + i0,schemaPath:"#/$defs/errorName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]*$",parentSchema:schema42,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/on/" + i0,schemaPath:"#/$defs/errorName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.type,parentSchema:schema42,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/on",schemaPath:"#/properties/on/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.on.type,parentSchema:schema39.properties.on,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "retry") || (key0 === "timeout")) || (key0 === "failOpen"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.retry !== undefined){
if(!(validate26(data.retry, {instancePath:instancePath+"/retry",parentData:data,parentDataProperty:"retry",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
if(data.timeout !== undefined){
let data1 = data.timeout;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.failOpen !== undefined){
let data2 = data.failOpen;
if(typeof data2 !== "boolean"){
const err2 = {instancePath:instancePath+"/failOpen",schemaPath:"#/properties/failOpen/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema38.properties.failOpen.type,parentSchema:schema38.properties.failOpen,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema46 = {"title":"Steps","description":"A sequence of steps.","type":"array","items":{"$ref":"#/$defs/step"}};
const schema47 = {"title":"Step","description":"One step: an `id`, exactly one kind (`ai`, `http`, `queue`, `cosmos`, `activity`, `workflow`, `parallel`, `forEach`, `switch`, `steps`, `wait`, `waitForEvent`, `set`, `fail`) and optional `name`, `if`, `retry`, `timeout`, `catch`.","type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"description":"The step's id: unique in the whole file; its output is `steps.<id>.output`.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","examples":["classify"]},"name":{"description":"Display name.","type":"string","examples":["Reserve stock"]},"if":{"$ref":"#/$defs/expression","description":"Run the step only when true; a skipped step's output is null."},"retry":{"$ref":"#/$defs/retry"},"timeout":{"$ref":"#/$defs/duration","description":"The step fails with `Timeout` when it takes longer."},"catch":{"description":"Handlers for the step's failure; the first whose `errors` match runs in its place.","type":"array","minItems":1,"items":{"$ref":"#/$defs/catchClause"}},"input":{"description":"The input passed to an `activity` or `workflow` step; expressions are evaluated.","examples":["${{ input }}"]},"ai":{"$ref":"#/$defs/aiStep"},"http":{"$ref":"#/$defs/httpStep"},"queue":{"$ref":"#/$defs/queueStep"},"cosmos":{"$ref":"#/$defs/cosmosStep"},"activity":{"description":"Name of a TypeScript activity registered by the app; `input` is passed to it; its return value is the output.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_.-]*$","examples":["reserveStock"]},"workflow":{"description":"Name of another workflow run as a sub-orchestration; `input` is passed to it; its `output` is the output.","type":"string","pattern":"^[a-z][a-z0-9-]{0,62}$","examples":["order-intake"]},"parallel":{"$ref":"#/$defs/steps","description":"Steps run concurrently; all must finish. Output: an object of the children's outputs keyed by their ids.","type":"array","minItems":1},"forEach":{"$ref":"#/$defs/forEachStep"},"switch":{"$ref":"#/$defs/switchStep"},"steps":{"$ref":"#/$defs/steps","description":"A group: a sequence of steps used as one. Output: its last step's output.","type":"array","minItems":1},"wait":{"description":"Wait a duration, or until a timestamp. Output: null.","anyOf":[{"$ref":"#/$defs/duration"},{"$ref":"#/$defs/waitUntil"}],"examples":["10s"]},"waitForEvent":{"$ref":"#/$defs/waitForEventStep"},"set":{"description":"A value, usually a mapping of expressions; it becomes the output. E.g. `set: { category: \"${{ steps.classify.output.category }}\" }`.","examples":["${{ steps.classify.output.category }}"]},"fail":{"$ref":"#/$defs/failStep"}},"oneOf":[{"required":["ai"]},{"required":["http"]},{"required":["queue"]},{"required":["cosmos"]},{"required":["activity"]},{"required":["workflow"]},{"required":["parallel"]},{"required":["forEach"]},{"required":["switch"]},{"required":["steps"]},{"required":["wait"]},{"required":["waitForEvent"]},{"required":["set"]},{"required":["fail"]}],"dependentSchemas":{"input":{"anyOf":[{"required":["activity"]},{"required":["workflow"]}]}}};
const schema48 = {"title":"Expression","description":"A condition: a `${{ EXPR }}` expression, or the literal `true` or `false`. Plain text such as `input.enabled` or `\"false\"` is not a condition (it would always be true): wrap it, `${{ input.enabled }}`.","type":["string","boolean"],"pattern":"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$","examples":["${{ input.count > 3 }}"]};
const schema52 = {"title":"AI step","description":"A Gemini call. The answer is requested as JSON and checked against `output`. Fail-open: any failure yields `fallback` and marks the step degraded.","type":"object","additionalProperties":false,"properties":{"model":{"description":"Gemini model name; default `gemini-2.5-flash`.","type":"string","examples":["gemini-2.5-flash","gemini-2.5-pro"]},"prompt":{"description":"The prompt; `${{ }}` expressions are interpolated.","type":"string","examples":["Classify this order: ${{ input.text }}"]},"system":{"description":"System instruction.","type":"string","examples":["You classify customer orders. Answer with JSON only."]},"temperature":{"description":"Sampling temperature, 0 to 2.","type":"number","minimum":0,"maximum":2,"examples":[0,0.2]},"maxOutputTokens":{"description":"Upper bound on the answer's tokens.","type":"integer","minimum":1,"examples":[1024]},"output":{"description":"JSON Schema the answer must satisfy. E.g. `output: { type: object, required: [category], properties: { category: { enum: [standard, priority] } } }`.","type":"object"},"fallback":{"description":"The output used whenever the call fails in any way while fail-open is on; must satisfy `output`. E.g. `fallback: { category: standard }`."},"failOpen":{"description":"Fail-open (default true): failures yield `fallback`. False: a failure is an ordinary `AiError`.","type":"boolean"}},"required":["prompt"]};
const schema55 = {"title":"Queue step","description":"Sends a message to an Azure Storage queue. Output: `{ messageId }`.","type":"object","additionalProperties":false,"properties":{"name":{"description":"Queue name: 3-63 characters, lowercase letters, digits and single hyphens.","type":"string","examples":["reservations"]},"message":{"description":"The message, sent as JSON (base64-encoded, as the Functions host expects); at most 64 KB. E.g. `message: { orderId: \"${{ input.orderId }}\" }`.","examples":["${{ steps.order.output }}"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["name","message"]};
const schema65 = {"title":"Wait until","description":"Wait until a point in time.","type":"object","additionalProperties":false,"properties":{"until":{"description":"An ISO 8601 timestamp, or an expression yielding one.","type":"string","examples":["2030-01-01T00:00:00Z","${{ input.notBefore }}"]}},"required":["until"]};
const schema68 = {"title":"fail step","description":"Ends the run as failed with this error (a `catch` may handle it).","type":"object","additionalProperties":false,"properties":{"error":{"description":"The error name.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","examples":["Rejected"]},"message":{"description":"The error message; expressions are interpolated.","type":"string","examples":["order ${{ input.orderId }} has no lines"]}},"required":["error"]};
const pattern7 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern8 = new RegExp("^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$", "u");
const pattern11 = new RegExp("^[A-Za-z_][A-Za-z0-9_.-]*$", "u");
const schema50 = {"title":"Catch clause","description":"Runs in place of a failed step when its `errors` filter matches; the error is bound as `error` (`{ name, message, step }`).","type":"object","additionalProperties":false,"properties":{"errors":{"description":"Error names this clause handles; omitted: any error.","type":"array","minItems":1,"items":{"$ref":"#/$defs/errorName"},"examples":[["Timeout"],["HttpError","AiError"]]},"steps":{"$ref":"#/$defs/steps","description":"The steps run instead of the failed step; their last output becomes its output."}},"required":["steps"]};
const wrapper0 = {validate: validate29};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.steps === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema50.required,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "errors") || (key0 === "steps"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.errors !== undefined){
let data0 = data.errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err2 = {instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema50.properties.errors,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err3 = {instancePath:instancePath+"/errors/" + i0,schemaPath:"#/$defs/errorName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]*$",parentSchema:schema42,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/errors/" + i0,schemaPath:"#/$defs/errorName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.type,parentSchema:schema42,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema50.properties.errors.type,parentSchema:schema50.properties.errors,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.steps !== undefined){
if(!(wrapper0.validate(data.steps, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema53 = {"title":"HTTP step","description":"An HTTP call with JSON in and out. 5xx, 429 and network errors are retryable; 4xx are not. Output: `{ status, headers, body }`.","type":"object","additionalProperties":false,"properties":{"method":{"description":"HTTP method; default GET.","enum":["GET","POST","PUT","PATCH","DELETE","HEAD"],"default":"GET"},"url":{"description":"The URL; https is expected. Private, loopback and link-local addresses are refused unless allow-listed in settings.","type":"string","examples":["https://prices.example.com/orders/${{ input.orderId }}"]},"headers":{"description":"Request headers. E.g. `headers: { Authorization: \"Bearer ${{ secrets.PRICES_TOKEN }}\" }`.","type":"object","additionalProperties":{"type":"string"}},"query":{"description":"Query-string parameters.","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"body":{"description":"Request body, sent as JSON.","examples":["${{ steps.order.output }}"]},"timeout":{"$ref":"#/$defs/duration","description":"Timeout of the request itself."}},"required":["url"]};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.url === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "method") || (key0 === "url")) || (key0 === "headers")) || (key0 === "query")) || (key0 === "body")) || (key0 === "timeout"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.method !== undefined){
let data0 = data.method;
if(!((((((data0 === "GET") || (data0 === "POST")) || (data0 === "PUT")) || (data0 === "PATCH")) || (data0 === "DELETE")) || (data0 === "HEAD"))){
const err2 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/enum",keyword:"enum",params:{allowedValues: schema53.properties.method.enum},message:"must be equal to one of the allowed values",schema:schema53.properties.method.enum,parentSchema:schema53.properties.method,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.url !== undefined){
let data1 = data.url;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.url.type,parentSchema:schema53.properties.url,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.headers !== undefined){
let data2 = data.headers;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
let data3 = data2[key1];
if(typeof data3 !== "string"){
const err4 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.headers.additionalProperties.type,parentSchema:schema53.properties.headers.additionalProperties,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/headers",schemaPath:"#/properties/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.properties.headers.type,parentSchema:schema53.properties.headers,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.query !== undefined){
let data4 = data.query;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key2 in data4){
let data5 = data4[key2];
if(((typeof data5 !== "string") && (!(typeof data5 == "number"))) && (typeof data5 !== "boolean")){
const err6 = {instancePath:instancePath+"/query/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/query/additionalProperties/type",keyword:"type",params:{type: schema53.properties.query.additionalProperties.type},message:"must be string,number,boolean",schema:schema53.properties.query.additionalProperties.type,parentSchema:schema53.properties.query.additionalProperties,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/query",schemaPath:"#/properties/query/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.properties.query.type,parentSchema:schema53.properties.query,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.timeout !== undefined){
let data6 = data.timeout;
if(typeof data6 !== "string"){
const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.type,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema56 = {"title":"Cosmos DB step","description":"One Cosmos DB operation on a container: exactly one of `upsert`, `read`, `query`.","type":"object","additionalProperties":false,"properties":{"container":{"description":"Container name.","type":"string","examples":["orders"]},"database":{"description":"Database name; default from the `COSMOS_DATABASE` setting.","type":"string","examples":["sluice"]},"upsert":{"description":"The item to upsert; it must have an `id`. Output: the item. E.g. `upsert: { id: \"${{ input.orderId }}\", status: received }`.","type":"object"},"read":{"$ref":"#/$defs/cosmosRead"},"query":{"$ref":"#/$defs/cosmosQuery"}},"required":["container"],"oneOf":[{"required":["upsert"]},{"required":["read"]},{"required":["query"]}]};
const schema57 = {"title":"Cosmos read","description":"A point read. Output: the item, or null when missing.","type":"object","additionalProperties":false,"properties":{"id":{"description":"Item id.","type":"string","examples":["${{ input.orderId }}"]},"partitionKey":{"description":"Partition key value; default the id.","type":["string","number","boolean"],"examples":["${{ input.customerId }}"]}},"required":["id"]};
const schema58 = {"title":"Cosmos query","description":"A parameterized SQL query; values go in `parameters`, never into the text. Output: the list of results.","type":"object","additionalProperties":false,"properties":{"sql":{"description":"The query text with `@name` parameters.","type":"string","examples":["SELECT * FROM c WHERE c.customerId = @customer"]},"parameters":{"description":"The query parameters.","type":"array","items":{"$ref":"#/$defs/cosmosParameter"}}},"required":["sql"]};
const schema59 = {"title":"Cosmos query parameter","description":"One `@name` parameter of a query.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The parameter name, starting with `@`.","type":"string","pattern":"^@[A-Za-z_][A-Za-z0-9_]*$","examples":["@customer"]},"value":{"description":"The parameter value; expressions are evaluated.","examples":["${{ input.kind }}"]}},"required":["name","value"]};
const pattern10 = new RegExp("^@[A-Za-z_][A-Za-z0-9_]*$", "u");

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sql === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sql"},message:"must have required property '"+"sql"+"'",schema:schema58.required,parentSchema:schema58,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "sql") || (key0 === "parameters"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema58,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.sql !== undefined){
let data0 = data.sql;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/sql",schemaPath:"#/properties/sql/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema58.properties.sql.type,parentSchema:schema58.properties.sql,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.parameters !== undefined){
let data1 = data.parameters;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err3 = {instancePath:instancePath+"/parameters/" + i0,schemaPath:"#/$defs/cosmosParameter/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema59.required,parentSchema:schema59,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data2.value === undefined){
const err4 = {instancePath:instancePath+"/parameters/" + i0,schemaPath:"#/$defs/cosmosParameter/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema59.required,parentSchema:schema59,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "value"))){
const err5 = {instancePath:instancePath+"/parameters/" + i0,schemaPath:"#/$defs/cosmosParameter/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema59,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(!pattern10.test(data3)){
const err6 = {instancePath:instancePath+"/parameters/" + i0+"/name",schemaPath:"#/$defs/cosmosParameter/properties/name/pattern",keyword:"pattern",params:{pattern: "^@[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^@[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^@[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema59.properties.name,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/parameters/" + i0+"/name",schemaPath:"#/$defs/cosmosParameter/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema59.properties.name.type,parentSchema:schema59.properties.name,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/parameters/" + i0,schemaPath:"#/$defs/cosmosParameter/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema59.type,parentSchema:schema59,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema58.properties.parameters.type,parentSchema:schema58.properties.parameters,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema58.type,parentSchema:schema58,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.upsert === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "upsert"},message:"must have required property '"+"upsert"+"'",schema:schema56.oneOf[0].required,parentSchema:schema56.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.read === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "read"},message:"must have required property '"+"read"+"'",schema:schema56.oneOf[1].required,parentSchema:schema56.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.query === undefined){
const err2 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "query"},message:"must have required property '"+"query"+"'",schema:schema56.oneOf[2].required,parentSchema:schema56.oneOf[2],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
}
}
if(!valid0){
const err3 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema56.oneOf,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.container === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "container"},message:"must have required property '"+"container"+"'",schema:schema56.required,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "container") || (key0 === "database")) || (key0 === "upsert")) || (key0 === "read")) || (key0 === "query"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.container !== undefined){
let data0 = data.container;
if(typeof data0 !== "string"){
const err6 = {instancePath:instancePath+"/container",schemaPath:"#/properties/container/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.container.type,parentSchema:schema56.properties.container,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.database !== undefined){
let data1 = data.database;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.database.type,parentSchema:schema56.properties.database,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.upsert !== undefined){
let data2 = data.upsert;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err8 = {instancePath:instancePath+"/upsert",schemaPath:"#/properties/upsert/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.properties.upsert.type,parentSchema:schema56.properties.upsert,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.read !== undefined){
let data3 = data.read;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.id === undefined){
const err9 = {instancePath:instancePath+"/read",schemaPath:"#/$defs/cosmosRead/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema57.required,parentSchema:schema57,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data3){
if(!((key1 === "id") || (key1 === "partitionKey"))){
const err10 = {instancePath:instancePath+"/read",schemaPath:"#/$defs/cosmosRead/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema57,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.id !== undefined){
let data4 = data3.id;
if(typeof data4 !== "string"){
const err11 = {instancePath:instancePath+"/read/id",schemaPath:"#/$defs/cosmosRead/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema57.properties.id.type,parentSchema:schema57.properties.id,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.partitionKey !== undefined){
let data5 = data3.partitionKey;
if(((typeof data5 !== "string") && (!(typeof data5 == "number"))) && (typeof data5 !== "boolean")){
const err12 = {instancePath:instancePath+"/read/partitionKey",schemaPath:"#/$defs/cosmosRead/properties/partitionKey/type",keyword:"type",params:{type: schema57.properties.partitionKey.type},message:"must be string,number,boolean",schema:schema57.properties.partitionKey.type,parentSchema:schema57.properties.partitionKey,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/read",schemaPath:"#/$defs/cosmosRead/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema57.type,parentSchema:schema57,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.query !== undefined){
if(!(validate37(data.query, {instancePath:instancePath+"/query",parentData:data,parentDataProperty:"query",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.type,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema60 = {"title":"forEach step","description":"Runs `steps` once per item, at most `concurrency` at a time. Output: the list of each iteration's last step output, in item order.","type":"object","additionalProperties":false,"properties":{"items":{"description":"The list to iterate: an expression yielding a list, or a literal list.","anyOf":[{"type":"string"},{"type":"array"}],"examples":["${{ input.lines }}"]},"as":{"description":"Name of the item variable; default `item`. `index` is bound too.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","default":"item","examples":["line"]},"concurrency":{"description":"At most this many iterations in flight (a sliding window).","type":"integer","minimum":1,"maximum":1000,"examples":[10]},"steps":{"$ref":"#/$defs/steps","description":"The steps run per item.","type":"array","minItems":1}},"required":["items","steps"]};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.items === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "items"},message:"must have required property '"+"items"+"'",schema:schema60.required,parentSchema:schema60,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.steps === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema60.required,parentSchema:schema60,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "items") || (key0 === "as")) || (key0 === "concurrency")) || (key0 === "steps"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema60,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.items !== undefined){
let data0 = data.items;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema60.properties.items.anyOf[0].type,parentSchema:schema60.properties.items.anyOf[0],data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs6 = errors;
if(!(Array.isArray(data0))){
const err4 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema60.properties.items.anyOf[1].type,parentSchema:schema60.properties.items.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err5 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema60.properties.items.anyOf,parentSchema:schema60.properties.items,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
if(data.as !== undefined){
let data1 = data.as;
if(typeof data1 === "string"){
if(!pattern7.test(data1)){
const err6 = {instancePath:instancePath+"/as",schemaPath:"#/properties/as/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema60.properties.as,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/as",schemaPath:"#/properties/as/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema60.properties.as.type,parentSchema:schema60.properties.as,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.concurrency !== undefined){
let data2 = data.concurrency;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
const err8 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema60.properties.concurrency.type,parentSchema:schema60.properties.concurrency,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(typeof data2 == "number"){
if(data2 > 1000 || isNaN(data2)){
const err9 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema60.properties.concurrency,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err10 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema60.properties.concurrency,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data.steps !== undefined){
let data3 = data.steps;
if(!(wrapper0.validate(data3, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
if(Array.isArray(data3)){
if(data3.length < 1){
const err11 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema60.properties.steps,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema60.properties.steps.type,parentSchema:schema60.properties.steps,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema60.type,parentSchema:schema60,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema61 = {"title":"switch step","description":"Runs the first case whose `when` is true, else `default`. Output: the last output of the branch that ran.","type":"object","additionalProperties":false,"properties":{"cases":{"description":"The cases, tried in order.","type":"array","items":{"$ref":"#/$defs/switchCase"}},"default":{"$ref":"#/$defs/steps","description":"Steps run when no case matches."}},"required":["cases"]};
const schema62 = {"title":"switch case","description":"A condition and the steps it runs.","type":"object","additionalProperties":false,"properties":{"when":{"$ref":"#/$defs/expression","description":"The condition."},"steps":{"$ref":"#/$defs/steps","description":"The steps run when `when` is true."}},"required":["when","steps"]};

function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.when === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "when"},message:"must have required property '"+"when"+"'",schema:schema62.required,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.steps === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema62.required,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "when") || (key0 === "steps"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.when !== undefined){
let data0 = data.when;
if((typeof data0 !== "string") && (typeof data0 !== "boolean")){
const err3 = {instancePath:instancePath+"/when",schemaPath:"#/$defs/expression/type",keyword:"type",params:{type: schema48.type},message:"must be string,boolean",schema:schema48.type,parentSchema:schema48,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(typeof data0 === "string"){
if(!pattern8.test(data0)){
const err4 = {instancePath:instancePath+"/when",schemaPath:"#/$defs/expression/pattern",keyword:"pattern",params:{pattern: "^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$"},message:"must match pattern \""+"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$"+"\"",schema:"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$",parentSchema:schema48,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.steps !== undefined){
if(!(wrapper0.validate(data.steps, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema62.type,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate42.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.cases === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cases"},message:"must have required property '"+"cases"+"'",schema:schema61.required,parentSchema:schema61,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "cases") || (key0 === "default"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema61,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.cases !== undefined){
let data0 = data.cases;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate43(data0[i0], {instancePath:instancePath+"/cases/" + i0,parentData:data0,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/cases",schemaPath:"#/properties/cases/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema61.properties.cases.type,parentSchema:schema61.properties.cases,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.default !== undefined){
if(!(wrapper0.validate(data.default, {instancePath:instancePath+"/default",parentData:data,parentDataProperty:"default",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema61.type,parentSchema:schema61,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate42.errors = vErrors;
return errors === 0;
}
validate42.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema66 = {"title":"waitForEvent step","description":"Waits for an external event raised on the run. Output: the event's payload, or `default` on timeout.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The event name (case-sensitive).","type":"string","examples":["approved"]},"timeout":{"$ref":"#/$defs/duration","description":"How long to wait; without `default` a timeout fails the step with `Timeout`."},"default":{"description":"Output used when the wait times out.","examples":[false]}},"required":["name"]};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate46.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema66.required,parentSchema:schema66,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "timeout")) || (key0 === "default"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema66,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.name.type,parentSchema:schema66.properties.name,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.timeout !== undefined){
let data1 = data.timeout;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate46.errors = vErrors;
return errors === 0;
}
validate46.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ai === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "ai"},message:"must have required property '"+"ai"+"'",schema:schema47.oneOf[0].required,parentSchema:schema47.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.http === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "http"},message:"must have required property '"+"http"+"'",schema:schema47.oneOf[1].required,parentSchema:schema47.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.queue === undefined){
const err2 = {instancePath,schemaPath:"#/oneOf/2/required",keyword:"required",params:{missingProperty: "queue"},message:"must have required property '"+"queue"+"'",schema:schema47.oneOf[2].required,parentSchema:schema47.oneOf[2],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.cosmos === undefined){
const err3 = {instancePath,schemaPath:"#/oneOf/3/required",keyword:"required",params:{missingProperty: "cosmos"},message:"must have required property '"+"cosmos"+"'",schema:schema47.oneOf[3].required,parentSchema:schema47.oneOf[3],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs5 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
}
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.activity === undefined){
const err4 = {instancePath,schemaPath:"#/oneOf/4/required",keyword:"required",params:{missingProperty: "activity"},message:"must have required property '"+"activity"+"'",schema:schema47.oneOf[4].required,parentSchema:schema47.oneOf[4],data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs6 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 4];
}
else {
if(_valid0){
valid0 = true;
passing0 = 4;
}
const _errs7 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.workflow === undefined){
const err5 = {instancePath,schemaPath:"#/oneOf/5/required",keyword:"required",params:{missingProperty: "workflow"},message:"must have required property '"+"workflow"+"'",schema:schema47.oneOf[5].required,parentSchema:schema47.oneOf[5],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid0 = _errs7 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 5];
}
else {
if(_valid0){
valid0 = true;
passing0 = 5;
}
const _errs8 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.parallel === undefined){
const err6 = {instancePath,schemaPath:"#/oneOf/6/required",keyword:"required",params:{missingProperty: "parallel"},message:"must have required property '"+"parallel"+"'",schema:schema47.oneOf[6].required,parentSchema:schema47.oneOf[6],data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 6];
}
else {
if(_valid0){
valid0 = true;
passing0 = 6;
}
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.forEach === undefined){
const err7 = {instancePath,schemaPath:"#/oneOf/7/required",keyword:"required",params:{missingProperty: "forEach"},message:"must have required property '"+"forEach"+"'",schema:schema47.oneOf[7].required,parentSchema:schema47.oneOf[7],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 7];
}
else {
if(_valid0){
valid0 = true;
passing0 = 7;
}
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.switch === undefined){
const err8 = {instancePath,schemaPath:"#/oneOf/8/required",keyword:"required",params:{missingProperty: "switch"},message:"must have required property '"+"switch"+"'",schema:schema47.oneOf[8].required,parentSchema:schema47.oneOf[8],data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 8];
}
else {
if(_valid0){
valid0 = true;
passing0 = 8;
}
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.steps === undefined){
const err9 = {instancePath,schemaPath:"#/oneOf/9/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema47.oneOf[9].required,parentSchema:schema47.oneOf[9],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 9];
}
else {
if(_valid0){
valid0 = true;
passing0 = 9;
}
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.wait === undefined){
const err10 = {instancePath,schemaPath:"#/oneOf/10/required",keyword:"required",params:{missingProperty: "wait"},message:"must have required property '"+"wait"+"'",schema:schema47.oneOf[10].required,parentSchema:schema47.oneOf[10],data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid0 = _errs12 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 10];
}
else {
if(_valid0){
valid0 = true;
passing0 = 10;
}
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.waitForEvent === undefined){
const err11 = {instancePath,schemaPath:"#/oneOf/11/required",keyword:"required",params:{missingProperty: "waitForEvent"},message:"must have required property '"+"waitForEvent"+"'",schema:schema47.oneOf[11].required,parentSchema:schema47.oneOf[11],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var _valid0 = _errs13 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 11];
}
else {
if(_valid0){
valid0 = true;
passing0 = 11;
}
const _errs14 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.set === undefined){
const err12 = {instancePath,schemaPath:"#/oneOf/12/required",keyword:"required",params:{missingProperty: "set"},message:"must have required property '"+"set"+"'",schema:schema47.oneOf[12].required,parentSchema:schema47.oneOf[12],data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 12];
}
else {
if(_valid0){
valid0 = true;
passing0 = 12;
}
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.fail === undefined){
const err13 = {instancePath,schemaPath:"#/oneOf/13/required",keyword:"required",params:{missingProperty: "fail"},message:"must have required property '"+"fail"+"'",schema:schema47.oneOf[13].required,parentSchema:schema47.oneOf[13],data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 13];
}
else {
if(_valid0){
valid0 = true;
passing0 = 13;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
if(!valid0){
const err14 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema47.oneOf,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema47.properties, key0))){
const err16 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err17 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema47.properties.id,data:data0};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.id.type,parentSchema:schema47.properties.id,data:data0};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 !== "string"){
const err19 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.name.type,parentSchema:schema47.properties.name,data:data1};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.if !== undefined){
let data2 = data.if;
if((typeof data2 !== "string") && (typeof data2 !== "boolean")){
const err20 = {instancePath:instancePath+"/if",schemaPath:"#/$defs/expression/type",keyword:"type",params:{type: schema48.type},message:"must be string,boolean",schema:schema48.type,parentSchema:schema48,data:data2};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(typeof data2 === "string"){
if(!pattern8.test(data2)){
const err21 = {instancePath:instancePath+"/if",schemaPath:"#/$defs/expression/pattern",keyword:"pattern",params:{pattern: "^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$"},message:"must match pattern \""+"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$"+"\"",schema:"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$",parentSchema:schema48,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data.retry !== undefined){
if(!(validate26(data.retry, {instancePath:instancePath+"/retry",parentData:data,parentDataProperty:"retry",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
if(data.timeout !== undefined){
let data4 = data.timeout;
if(typeof data4 !== "string"){
const err22 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data4};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.catch !== undefined){
let data5 = data.catch;
if(Array.isArray(data5)){
if(data5.length < 1){
const err23 = {instancePath:instancePath+"/catch",schemaPath:"#/properties/catch/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema47.properties.catch,data:data5};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(!(validate32(data5[i0], {instancePath:instancePath+"/catch/" + i0,parentData:data5,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/catch",schemaPath:"#/properties/catch/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema47.properties.catch.type,parentSchema:schema47.properties.catch,data:data5};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.ai !== undefined){
let data7 = data.ai;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.prompt === undefined){
const err25 = {instancePath:instancePath+"/ai",schemaPath:"#/$defs/aiStep/required",keyword:"required",params:{missingProperty: "prompt"},message:"must have required property '"+"prompt"+"'",schema:schema52.required,parentSchema:schema52,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key1 in data7){
if(!((((((((key1 === "model") || (key1 === "prompt")) || (key1 === "system")) || (key1 === "temperature")) || (key1 === "maxOutputTokens")) || (key1 === "output")) || (key1 === "fallback")) || (key1 === "failOpen"))){
const err26 = {instancePath:instancePath+"/ai",schemaPath:"#/$defs/aiStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data7.model !== undefined){
let data8 = data7.model;
if(typeof data8 !== "string"){
const err27 = {instancePath:instancePath+"/ai/model",schemaPath:"#/$defs/aiStep/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.model.type,parentSchema:schema52.properties.model,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data7.prompt !== undefined){
let data9 = data7.prompt;
if(typeof data9 !== "string"){
const err28 = {instancePath:instancePath+"/ai/prompt",schemaPath:"#/$defs/aiStep/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.prompt.type,parentSchema:schema52.properties.prompt,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.system !== undefined){
let data10 = data7.system;
if(typeof data10 !== "string"){
const err29 = {instancePath:instancePath+"/ai/system",schemaPath:"#/$defs/aiStep/properties/system/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.system.type,parentSchema:schema52.properties.system,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data7.temperature !== undefined){
let data11 = data7.temperature;
if(typeof data11 == "number"){
if(data11 > 2 || isNaN(data11)){
const err30 = {instancePath:instancePath+"/ai/temperature",schemaPath:"#/$defs/aiStep/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema52.properties.temperature,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err31 = {instancePath:instancePath+"/ai/temperature",schemaPath:"#/$defs/aiStep/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema52.properties.temperature,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/ai/temperature",schemaPath:"#/$defs/aiStep/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema52.properties.temperature.type,parentSchema:schema52.properties.temperature,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data7.maxOutputTokens !== undefined){
let data12 = data7.maxOutputTokens;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err33 = {instancePath:instancePath+"/ai/maxOutputTokens",schemaPath:"#/$defs/aiStep/properties/maxOutputTokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema52.properties.maxOutputTokens.type,parentSchema:schema52.properties.maxOutputTokens,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(typeof data12 == "number"){
if(data12 < 1 || isNaN(data12)){
const err34 = {instancePath:instancePath+"/ai/maxOutputTokens",schemaPath:"#/$defs/aiStep/properties/maxOutputTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema52.properties.maxOutputTokens,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data7.output !== undefined){
let data13 = data7.output;
if(!(data13 && typeof data13 == "object" && !Array.isArray(data13))){
const err35 = {instancePath:instancePath+"/ai/output",schemaPath:"#/$defs/aiStep/properties/output/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.properties.output.type,parentSchema:schema52.properties.output,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data7.failOpen !== undefined){
let data14 = data7.failOpen;
if(typeof data14 !== "boolean"){
const err36 = {instancePath:instancePath+"/ai/failOpen",schemaPath:"#/$defs/aiStep/properties/failOpen/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema52.properties.failOpen.type,parentSchema:schema52.properties.failOpen,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/ai",schemaPath:"#/$defs/aiStep/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data:data7};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.http !== undefined){
if(!(validate34(data.http, {instancePath:instancePath+"/http",parentData:data,parentDataProperty:"http",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.queue !== undefined){
let data16 = data.queue;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.name === undefined){
const err38 = {instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueStep/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema55.required,parentSchema:schema55,data:data16};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data16.message === undefined){
const err39 = {instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueStep/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema55.required,parentSchema:schema55,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
for(const key2 in data16){
if(!(((key2 === "name") || (key2 === "message")) || (key2 === "connection"))){
const err40 = {instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema55,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data16.name !== undefined){
let data17 = data16.name;
if(typeof data17 !== "string"){
const err41 = {instancePath:instancePath+"/queue/name",schemaPath:"#/$defs/queueStep/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.properties.name.type,parentSchema:schema55.properties.name,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data16.connection !== undefined){
let data18 = data16.connection;
if(typeof data18 !== "string"){
const err42 = {instancePath:instancePath+"/queue/connection",schemaPath:"#/$defs/queueStep/properties/connection/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.properties.connection.type,parentSchema:schema55.properties.connection,data:data18};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueStep/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema55.type,parentSchema:schema55,data:data16};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.cosmos !== undefined){
if(!(validate36(data.cosmos, {instancePath:instancePath+"/cosmos",parentData:data,parentDataProperty:"cosmos",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
if(data.activity !== undefined){
let data20 = data.activity;
if(typeof data20 === "string"){
if(!pattern11.test(data20)){
const err44 = {instancePath:instancePath+"/activity",schemaPath:"#/properties/activity/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_.-]*$",parentSchema:schema47.properties.activity,data:data20};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/activity",schemaPath:"#/properties/activity/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.activity.type,parentSchema:schema47.properties.activity,data:data20};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.workflow !== undefined){
let data21 = data.workflow;
if(typeof data21 === "string"){
if(!pattern4.test(data21)){
const err46 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9-]{0,62}$",parentSchema:schema47.properties.workflow,data:data21};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.workflow.type,parentSchema:schema47.properties.workflow,data:data21};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data.parallel !== undefined){
let data22 = data.parallel;
if(!(wrapper0.validate(data22, {instancePath:instancePath+"/parallel",parentData:data,parentDataProperty:"parallel",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
if(Array.isArray(data22)){
if(data22.length < 1){
const err48 = {instancePath:instancePath+"/parallel",schemaPath:"#/properties/parallel/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema47.properties.parallel,data:data22};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/parallel",schemaPath:"#/properties/parallel/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema47.properties.parallel.type,parentSchema:schema47.properties.parallel,data:data22};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.forEach !== undefined){
if(!(validate40(data.forEach, {instancePath:instancePath+"/forEach",parentData:data,parentDataProperty:"forEach",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
}
if(data.switch !== undefined){
if(!(validate42(data.switch, {instancePath:instancePath+"/switch",parentData:data,parentDataProperty:"switch",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
}
if(data.steps !== undefined){
let data25 = data.steps;
if(!(wrapper0.validate(data25, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
if(Array.isArray(data25)){
if(data25.length < 1){
const err50 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema47.properties.steps,data:data25};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema47.properties.steps.type,parentSchema:schema47.properties.steps,data:data25};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.wait !== undefined){
let data26 = data.wait;
const _errs70 = errors;
let valid10 = false;
const _errs71 = errors;
if(typeof data26 !== "string"){
const err52 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data26};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
var _valid1 = _errs71 === errors;
valid10 = valid10 || _valid1;
const _errs74 = errors;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if(data26.until === undefined){
const err53 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/waitUntil/required",keyword:"required",params:{missingProperty: "until"},message:"must have required property '"+"until"+"'",schema:schema65.required,parentSchema:schema65,data:data26};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
for(const key3 in data26){
if(!(key3 === "until")){
const err54 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/waitUntil/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema65,data:data26};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data26.until !== undefined){
let data27 = data26.until;
if(typeof data27 !== "string"){
const err55 = {instancePath:instancePath+"/wait/until",schemaPath:"#/$defs/waitUntil/properties/until/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema65.properties.until.type,parentSchema:schema65.properties.until,data:data27};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/waitUntil/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema65.type,parentSchema:schema65,data:data26};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
var _valid1 = _errs74 === errors;
valid10 = valid10 || _valid1;
if(!valid10){
const err57 = {instancePath:instancePath+"/wait",schemaPath:"#/properties/wait/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema47.properties.wait.anyOf,parentSchema:schema47.properties.wait,data:data26};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
else {
errors = _errs70;
if(vErrors !== null){
if(_errs70){
vErrors.length = _errs70;
}
else {
vErrors = null;
}
}
}
}
if(data.waitForEvent !== undefined){
if(!(validate46(data.waitForEvent, {instancePath:instancePath+"/waitForEvent",parentData:data,parentDataProperty:"waitForEvent",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
}
if(data.fail !== undefined){
let data29 = data.fail;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(data29.error === undefined){
const err58 = {instancePath:instancePath+"/fail",schemaPath:"#/$defs/failStep/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:schema68.required,parentSchema:schema68,data:data29};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
for(const key4 in data29){
if(!((key4 === "error") || (key4 === "message"))){
const err59 = {instancePath:instancePath+"/fail",schemaPath:"#/$defs/failStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema68,data:data29};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data29.error !== undefined){
let data30 = data29.error;
if(typeof data30 === "string"){
if(!pattern6.test(data30)){
const err60 = {instancePath:instancePath+"/fail/error",schemaPath:"#/$defs/failStep/properties/error/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_.-]*$",parentSchema:schema68.properties.error,data:data30};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/fail/error",schemaPath:"#/$defs/failStep/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.error.type,parentSchema:schema68.properties.error,data:data30};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data29.message !== undefined){
let data31 = data29.message;
if(typeof data31 !== "string"){
const err62 = {instancePath:instancePath+"/fail/message",schemaPath:"#/$defs/failStep/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema68.properties.message.type,parentSchema:schema68.properties.message,data:data31};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
else {
const err63 = {instancePath:instancePath+"/fail",schemaPath:"#/$defs/failStep/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema68.type,parentSchema:schema68,data:data29};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data.input !== undefined){
const _errs90 = errors;
let valid17 = false;
const _errs91 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.activity === undefined){
const err64 = {instancePath,schemaPath:"#/dependentSchemas/input/anyOf/0/required",keyword:"required",params:{missingProperty: "activity"},message:"must have required property '"+"activity"+"'",schema:schema47.dependentSchemas.input.anyOf[0].required,parentSchema:schema47.dependentSchemas.input.anyOf[0],data};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
var _valid2 = _errs91 === errors;
valid17 = valid17 || _valid2;
const _errs92 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.workflow === undefined){
const err65 = {instancePath,schemaPath:"#/dependentSchemas/input/anyOf/1/required",keyword:"required",params:{missingProperty: "workflow"},message:"must have required property '"+"workflow"+"'",schema:schema47.dependentSchemas.input.anyOf[1].required,parentSchema:schema47.dependentSchemas.input.anyOf[1],data};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
var _valid2 = _errs92 === errors;
valid17 = valid17 || _valid2;
if(!valid17){
const err66 = {instancePath,schemaPath:"#/dependentSchemas/input/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema47.dependentSchemas.input.anyOf,parentSchema:schema47.dependentSchemas.input,data};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
else {
errors = _errs90;
if(vErrors !== null){
if(_errs90){
vErrors.length = _errs90;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err67 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.type,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate30(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema46.type,parentSchema:schema46,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://sluice.dev/schemas/workflow.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.steps === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema31.properties, key0))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9-]{0,62}$",parentSchema:schema31.properties.name,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.name.type,parentSchema:schema31.properties.name,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.description.type,parentSchema:schema31.properties.description,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.version !== undefined){
let data3 = data.version;
if((!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))) && (typeof data3 !== "string")){
const err7 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: schema31.properties.version.type},message:"must be integer,string",schema:schema31.properties.version.type,parentSchema:schema31.properties.version,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.triggers !== undefined){
if(!(validate21(data.triggers, {instancePath:instancePath+"/triggers",parentData:data,parentDataProperty:"triggers",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.input !== undefined){
let data5 = data.input;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err8 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.input.type,parentSchema:schema31.properties.input,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.defaults !== undefined){
if(!(validate25(data.defaults, {instancePath:instancePath+"/defaults",parentData:data,parentDataProperty:"defaults",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
if(data.deadLetter !== undefined){
let data7 = data.deadLetter;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.queue === undefined){
const err9 = {instancePath:instancePath+"/deadLetter",schemaPath:"#/$defs/deadLetter/required",keyword:"required",params:{missingProperty: "queue"},message:"must have required property '"+"queue"+"'",schema:schema44.required,parentSchema:schema44,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data7){
if(!((key1 === "queue") || (key1 === "connection"))){
const err10 = {instancePath:instancePath+"/deadLetter",schemaPath:"#/$defs/deadLetter/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema44,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data7.queue !== undefined){
let data8 = data7.queue;
if(typeof data8 !== "string"){
const err11 = {instancePath:instancePath+"/deadLetter/queue",schemaPath:"#/$defs/deadLetter/properties/queue/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.queue.type,parentSchema:schema44.properties.queue,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data7.connection !== undefined){
let data9 = data7.connection;
if(typeof data9 !== "string"){
const err12 = {instancePath:instancePath+"/deadLetter/connection",schemaPath:"#/$defs/deadLetter/properties/connection/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.connection.type,parentSchema:schema44.properties.connection,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/deadLetter",schemaPath:"#/$defs/deadLetter/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.ai !== undefined){
let data10 = data.ai;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key2 in data10){
if(!(key2 === "maxTokensPerRun")){
const err14 = {instancePath:instancePath+"/ai",schemaPath:"#/properties/ai/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.ai,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data10.maxTokensPerRun !== undefined){
let data11 = data10.maxTokensPerRun;
if(!((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11)))){
const err15 = {instancePath:instancePath+"/ai/maxTokensPerRun",schemaPath:"#/properties/ai/properties/maxTokensPerRun/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema31.properties.ai.properties.maxTokensPerRun.type,parentSchema:schema31.properties.ai.properties.maxTokensPerRun,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(typeof data11 == "number"){
if(data11 < 1 || isNaN(data11)){
const err16 = {instancePath:instancePath+"/ai/maxTokensPerRun",schemaPath:"#/properties/ai/properties/maxTokensPerRun/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema31.properties.ai.properties.maxTokensPerRun,data:data11};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
else {
const err17 = {instancePath:instancePath+"/ai",schemaPath:"#/properties/ai/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.ai.type,parentSchema:schema31.properties.ai,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.timeout !== undefined){
let data12 = data.timeout;
if(typeof data12 !== "string"){
const err18 = {instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.type,parentSchema:schema34,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.steps !== undefined){
if(!(validate29(data.steps, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

return validate20;
}

/** Builds the language schema's quick check (the verdict only). */
function createQuickCheck() {
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://sluice.dev/schemas/workflow.schema.json","title":"Workflow definition","description":"A Sluice workflow definition: triggers, input schema and steps, interpreted by one generic Durable orchestrator.","type":"object","additionalProperties":false,"required":["name","steps"],"properties":{"$schema":{"description":"Optional URI of this JSON Schema, for editors that read it from the document.","type":"string","examples":["https://json-schema.org/draft/2020-12/schema"]},"name":{"description":"The workflow's name: unique among all workflows; used in routes, run records and sub-workflow references.","type":"string","pattern":"^[a-z][a-z0-9-]{0,62}$","examples":["order-intake","content-moderation"]},"description":{"description":"What the workflow does, for people reading it and for `GET /api/workflows`.","type":"string","examples":["Takes an order from the web shop, reserves stock and confirms it"]},"version":{"description":"Informational version number; runs are pinned by the definition's content hash anyway.","type":["integer","string"],"examples":[1,"2024-06"]},"triggers":{"$ref":"#/$defs/triggers"},"input":{"description":"JSON Schema (2020-12) of the run input, checked before a run starts: a failing HTTP request gets 400 with the errors, a failing queue message goes to the poison queue. E.g. `input: { type: object, required: [orderId], properties: { orderId: { type: string } } }`.","type":"object"},"defaults":{"$ref":"#/$defs/defaults"},"deadLetter":{"$ref":"#/$defs/deadLetter"},"ai":{"description":"Limits on the run's ai steps.","type":"object","additionalProperties":false,"properties":{"maxTokensPerRun":{"description":"Gemini tokens (usageMetadata totalTokenCount) the run's ai steps may use together; once reached, further ai steps are not called and fail open with reason `budget` (or fail with BudgetExceeded when they have no fallback).","type":"integer","minimum":1,"examples":[200000]}}},"timeout":{"$ref":"#/$defs/duration","description":"The longest the whole run may take: past it no step starts, what is in flight is dropped, and the run fails with `Timeout` (dead-lettered like any failure). Counted from the run's start."},"steps":{"$ref":"#/$defs/steps","description":"The steps of the workflow, run in order."},"output":{"description":"The run's output: usually an expression over `steps.<id>.output`. Without it the output is the last step's output.","examples":["${{ steps.summary.output }}"]}},"$defs":{"duration":{"title":"Duration","description":"A duration: a number followed by `ms`, `s`, `m`, `h` or `d` (for example `500ms`, `10s`, `5m`, `1h`, `2d`), or a `${{ }}` expression that yields one.","type":"string","examples":["10s","5m","1h"]},"expression":{"title":"Expression","description":"A condition: a `${{ EXPR }}` expression, or the literal `true` or `false`. Plain text such as `input.enabled` or `\"false\"` is not a condition (it would always be true): wrap it, `${{ input.enabled }}`.","type":["string","boolean"],"pattern":"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$","examples":["${{ input.count > 3 }}"]},"errorName":{"title":"Error name","description":"An error name: `Timeout`, `HttpError`, `AiError`, `QueueError`, `CosmosError`, `ActivityError`, `ValidationError`, or the `error` of a `fail` step.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","examples":["HttpError","Timeout"]},"triggers":{"title":"Triggers","description":"How runs of this workflow start; any combination. None means the workflow starts only through the API or as a sub-workflow.","type":"object","additionalProperties":false,"properties":{"http":{"$ref":"#/$defs/httpTrigger"},"queue":{"$ref":"#/$defs/queueTrigger"},"schedule":{"description":"One schedule, or a list of them; each becomes a timer trigger.","anyOf":[{"$ref":"#/$defs/scheduleTrigger"},{"type":"array","minItems":1,"items":{"$ref":"#/$defs/scheduleTrigger"}}]}}},"httpTrigger":{"title":"HTTP trigger","description":"Starts a run per HTTP request; the JSON body is the run input.","type":"object","additionalProperties":false,"properties":{"route":{"description":"Route under `/api/`; default `workflows/<name>`.","type":"string","pattern":"^[A-Za-z0-9_~./{}-]+$","examples":["orders"]},"methods":{"description":"Accepted HTTP methods; default `[POST]`.","type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["GET","POST","PUT","PATCH","DELETE"]},"examples":[["POST"]]},"authLevel":{"description":"Authorization level of the function: `anonymous`, `function` (default: a function key is required) or `admin`.","enum":["anonymous","function","admin"],"default":"function"},"respond":{"description":"`async` (default): answer 202 with status URLs at once. `sync`: wait up to `timeout` for the run and answer its output, else 202.","enum":["async","sync"],"default":"async"},"timeout":{"$ref":"#/$defs/duration","description":"How long a `respond: sync` request waits for the run before answering 202; default `30s`."}}},"queueTrigger":{"title":"Queue trigger","description":"Starts a run per Storage queue message; each message's JSON body is one run's input.","type":"object","additionalProperties":false,"properties":{"name":{"description":"Azure Storage queue name: 3-63 characters, lowercase letters, digits and single hyphens.","type":"string","examples":["orders-in"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["name"]},"scheduleTrigger":{"title":"Schedule trigger","description":"Starts a run on a schedule.","type":"object","additionalProperties":false,"properties":{"cron":{"description":"NCRONTAB expression with six fields (second minute hour day month day-of-week), as Azure Functions timer triggers use.","type":"string","examples":["0 */5 * * * *","0 0 9 * * 1-5"]},"input":{"description":"The run input for scheduled runs. E.g. `input: { source: timer }`."}},"required":["cron"]},"defaults":{"title":"Defaults","description":"Settings that apply to every step that does not say otherwise.","type":"object","additionalProperties":false,"properties":{"retry":{"$ref":"#/$defs/retry"},"timeout":{"$ref":"#/$defs/duration","description":"Default timeout of each step."},"failOpen":{"description":"Default fail-open behaviour of `ai` steps; default true.","type":"boolean","default":true}}},"deadLetter":{"title":"Dead-letter","description":"Where a run that fails terminally is sent: its original input, trigger, run id, failing step, error, attempts and definition hash.","type":"object","additionalProperties":false,"properties":{"queue":{"description":"Azure Storage queue name for dead-lettered runs.","type":"string","examples":["orders-dlq"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["queue"]},"retry":{"title":"Retry policy","description":"How a failing step is retried. Retries are performed by the orchestrator with durable timers.","type":"object","additionalProperties":false,"properties":{"maxAttempts":{"description":"Attempts in all, the first included; default 3.","type":"integer","minimum":1,"maximum":100,"examples":[3]},"interval":{"$ref":"#/$defs/duration","description":"Delay before the second attempt; default `1s`."},"backoff":{"description":"Multiplier applied to the delay after each attempt; default 2.","type":"number","minimum":1,"maximum":10,"examples":[2]},"maxInterval":{"$ref":"#/$defs/duration","description":"Upper bound of the delay between attempts."},"jitter":{"description":"Randomise each delay by up to ±20%, seeded deterministically from the run, step and attempt; default false.","type":"boolean"},"on":{"description":"Error names that are retried; default: the transient ones (retryable `HttpError`, `AiError`, `QueueError`, `CosmosError`, `Timeout`).","type":"array","minItems":1,"items":{"$ref":"#/$defs/errorName"},"examples":[["HttpError","Timeout"]]}}},"catchClause":{"title":"Catch clause","description":"Runs in place of a failed step when its `errors` filter matches; the error is bound as `error` (`{ name, message, step }`).","type":"object","additionalProperties":false,"properties":{"errors":{"description":"Error names this clause handles; omitted: any error.","type":"array","minItems":1,"items":{"$ref":"#/$defs/errorName"},"examples":[["Timeout"],["HttpError","AiError"]]},"steps":{"$ref":"#/$defs/steps","description":"The steps run instead of the failed step; their last output becomes its output."}},"required":["steps"]},"steps":{"title":"Steps","description":"A sequence of steps.","type":"array","items":{"$ref":"#/$defs/step"}},"step":{"title":"Step","description":"One step: an `id`, exactly one kind (`ai`, `http`, `queue`, `cosmos`, `activity`, `workflow`, `parallel`, `forEach`, `switch`, `steps`, `wait`, `waitForEvent`, `set`, `fail`) and optional `name`, `if`, `retry`, `timeout`, `catch`.","type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"description":"The step's id: unique in the whole file; its output is `steps.<id>.output`.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","examples":["classify"]},"name":{"description":"Display name.","type":"string","examples":["Reserve stock"]},"if":{"$ref":"#/$defs/expression","description":"Run the step only when true; a skipped step's output is null."},"retry":{"$ref":"#/$defs/retry"},"timeout":{"$ref":"#/$defs/duration","description":"The step fails with `Timeout` when it takes longer."},"catch":{"description":"Handlers for the step's failure; the first whose `errors` match runs in its place.","type":"array","minItems":1,"items":{"$ref":"#/$defs/catchClause"}},"input":{"description":"The input passed to an `activity` or `workflow` step; expressions are evaluated.","examples":["${{ input }}"]},"ai":{"$ref":"#/$defs/aiStep"},"http":{"$ref":"#/$defs/httpStep"},"queue":{"$ref":"#/$defs/queueStep"},"cosmos":{"$ref":"#/$defs/cosmosStep"},"activity":{"description":"Name of a TypeScript activity registered by the app; `input` is passed to it; its return value is the output.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_.-]*$","examples":["reserveStock"]},"workflow":{"description":"Name of another workflow run as a sub-orchestration; `input` is passed to it; its `output` is the output.","type":"string","pattern":"^[a-z][a-z0-9-]{0,62}$","examples":["order-intake"]},"parallel":{"$ref":"#/$defs/steps","description":"Steps run concurrently; all must finish. Output: an object of the children's outputs keyed by their ids.","type":"array","minItems":1},"forEach":{"$ref":"#/$defs/forEachStep"},"switch":{"$ref":"#/$defs/switchStep"},"steps":{"$ref":"#/$defs/steps","description":"A group: a sequence of steps used as one. Output: its last step's output.","type":"array","minItems":1},"wait":{"description":"Wait a duration, or until a timestamp. Output: null.","anyOf":[{"$ref":"#/$defs/duration"},{"$ref":"#/$defs/waitUntil"}],"examples":["10s"]},"waitForEvent":{"$ref":"#/$defs/waitForEventStep"},"set":{"description":"A value, usually a mapping of expressions; it becomes the output. E.g. `set: { category: \"${{ steps.classify.output.category }}\" }`.","examples":["${{ steps.classify.output.category }}"]},"fail":{"$ref":"#/$defs/failStep"}},"dependentSchemas":{"input":{"sluiceAnyKeyOf":["activity","workflow"]}},"sluiceOneKeyOf":["ai","http","queue","cosmos","activity","workflow","parallel","forEach","switch","steps","wait","waitForEvent","set","fail"]},"aiStep":{"title":"AI step","description":"A Gemini call. The answer is requested as JSON and checked against `output`. Fail-open: any failure yields `fallback` and marks the step degraded.","type":"object","additionalProperties":false,"properties":{"model":{"description":"Gemini model name; default `gemini-2.5-flash`.","type":"string","examples":["gemini-2.5-flash","gemini-2.5-pro"]},"prompt":{"description":"The prompt; `${{ }}` expressions are interpolated.","type":"string","examples":["Classify this order: ${{ input.text }}"]},"system":{"description":"System instruction.","type":"string","examples":["You classify customer orders. Answer with JSON only."]},"temperature":{"description":"Sampling temperature, 0 to 2.","type":"number","minimum":0,"maximum":2,"examples":[0,0.2]},"maxOutputTokens":{"description":"Upper bound on the answer's tokens.","type":"integer","minimum":1,"examples":[1024]},"output":{"description":"JSON Schema the answer must satisfy. E.g. `output: { type: object, required: [category], properties: { category: { enum: [standard, priority] } } }`.","type":"object"},"fallback":{"description":"The output used whenever the call fails in any way while fail-open is on; must satisfy `output`. E.g. `fallback: { category: standard }`."},"failOpen":{"description":"Fail-open (default true): failures yield `fallback`. False: a failure is an ordinary `AiError`.","type":"boolean"}},"required":["prompt"]},"httpStep":{"title":"HTTP step","description":"An HTTP call with JSON in and out. 5xx, 429 and network errors are retryable; 4xx are not. Output: `{ status, headers, body }`.","type":"object","additionalProperties":false,"properties":{"method":{"description":"HTTP method; default GET.","enum":["GET","POST","PUT","PATCH","DELETE","HEAD"],"default":"GET"},"url":{"description":"The URL; https is expected. Private, loopback and link-local addresses are refused unless allow-listed in settings.","type":"string","examples":["https://prices.example.com/orders/${{ input.orderId }}"]},"headers":{"description":"Request headers. E.g. `headers: { Authorization: \"Bearer ${{ secrets.PRICES_TOKEN }}\" }`.","type":"object","additionalProperties":{"type":"string"}},"query":{"description":"Query-string parameters.","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"body":{"description":"Request body, sent as JSON.","examples":["${{ steps.order.output }}"]},"timeout":{"$ref":"#/$defs/duration","description":"Timeout of the request itself."}},"required":["url"]},"queueStep":{"title":"Queue step","description":"Sends a message to an Azure Storage queue. Output: `{ messageId }`.","type":"object","additionalProperties":false,"properties":{"name":{"description":"Queue name: 3-63 characters, lowercase letters, digits and single hyphens.","type":"string","examples":["reservations"]},"message":{"description":"The message, sent as JSON (base64-encoded, as the Functions host expects); at most 64 KB. E.g. `message: { orderId: \"${{ input.orderId }}\" }`.","examples":["${{ steps.order.output }}"]},"connection":{"description":"Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.","type":"string","examples":["AzureWebJobsStorage"]}},"required":["name","message"]},"cosmosStep":{"title":"Cosmos DB step","description":"One Cosmos DB operation on a container: exactly one of `upsert`, `read`, `query`.","type":"object","additionalProperties":false,"properties":{"container":{"description":"Container name.","type":"string","examples":["orders"]},"database":{"description":"Database name; default from the `COSMOS_DATABASE` setting.","type":"string","examples":["sluice"]},"upsert":{"description":"The item to upsert; it must have an `id`. Output: the item. E.g. `upsert: { id: \"${{ input.orderId }}\", status: received }`.","type":"object"},"read":{"$ref":"#/$defs/cosmosRead"},"query":{"$ref":"#/$defs/cosmosQuery"}},"required":["container"],"sluiceOneKeyOf":["upsert","read","query"]},"cosmosRead":{"title":"Cosmos read","description":"A point read. Output: the item, or null when missing.","type":"object","additionalProperties":false,"properties":{"id":{"description":"Item id.","type":"string","examples":["${{ input.orderId }}"]},"partitionKey":{"description":"Partition key value; default the id.","type":["string","number","boolean"],"examples":["${{ input.customerId }}"]}},"required":["id"]},"cosmosQuery":{"title":"Cosmos query","description":"A parameterized SQL query; values go in `parameters`, never into the text. Output: the list of results.","type":"object","additionalProperties":false,"properties":{"sql":{"description":"The query text with `@name` parameters.","type":"string","examples":["SELECT * FROM c WHERE c.customerId = @customer"]},"parameters":{"description":"The query parameters.","type":"array","items":{"$ref":"#/$defs/cosmosParameter"}}},"required":["sql"]},"cosmosParameter":{"title":"Cosmos query parameter","description":"One `@name` parameter of a query.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The parameter name, starting with `@`.","type":"string","pattern":"^@[A-Za-z_][A-Za-z0-9_]*$","examples":["@customer"]},"value":{"description":"The parameter value; expressions are evaluated.","examples":["${{ input.kind }}"]}},"required":["name","value"]},"forEachStep":{"title":"forEach step","description":"Runs `steps` once per item, at most `concurrency` at a time. Output: the list of each iteration's last step output, in item order.","type":"object","additionalProperties":false,"properties":{"items":{"description":"The list to iterate: an expression yielding a list, or a literal list.","anyOf":[{"type":"string"},{"type":"array"}],"examples":["${{ input.lines }}"]},"as":{"description":"Name of the item variable; default `item`. `index` is bound too.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","default":"item","examples":["line"]},"concurrency":{"description":"At most this many iterations in flight (a sliding window).","type":"integer","minimum":1,"maximum":1000,"examples":[10]},"steps":{"$ref":"#/$defs/steps","description":"The steps run per item.","type":"array","minItems":1}},"required":["items","steps"]},"switchStep":{"title":"switch step","description":"Runs the first case whose `when` is true, else `default`. Output: the last output of the branch that ran.","type":"object","additionalProperties":false,"properties":{"cases":{"description":"The cases, tried in order.","type":"array","items":{"$ref":"#/$defs/switchCase"}},"default":{"$ref":"#/$defs/steps","description":"Steps run when no case matches."}},"required":["cases"]},"switchCase":{"title":"switch case","description":"A condition and the steps it runs.","type":"object","additionalProperties":false,"properties":{"when":{"$ref":"#/$defs/expression","description":"The condition."},"steps":{"$ref":"#/$defs/steps","description":"The steps run when `when` is true."}},"required":["when","steps"]},"waitUntil":{"title":"Wait until","description":"Wait until a point in time.","type":"object","additionalProperties":false,"properties":{"until":{"description":"An ISO 8601 timestamp, or an expression yielding one.","type":"string","examples":["2030-01-01T00:00:00Z","${{ input.notBefore }}"]}},"required":["until"]},"waitForEventStep":{"title":"waitForEvent step","description":"Waits for an external event raised on the run. Output: the event's payload, or `default` on timeout.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The event name (case-sensitive).","type":"string","examples":["approved"]},"timeout":{"$ref":"#/$defs/duration","description":"How long to wait; without `default` a timeout fails the step with `Timeout`."},"default":{"description":"Output used when the wait times out.","examples":[false]}},"required":["name"]},"failStep":{"title":"fail step","description":"Ends the run as failed with this error (a `catch` may handle it).","type":"object","additionalProperties":false,"properties":{"error":{"description":"The error name.","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_.-]*$","examples":["Rejected"]},"message":{"description":"The error message; expressions are interpolated.","type":"string","examples":["order ${{ input.orderId }} has no lines"]}},"required":["error"]}}};
const func1 = Object.prototype.hasOwnProperty;
const pattern4 = new RegExp("^[a-z][a-z0-9-]{0,62}$", "u");
const schema33 = {"title":"HTTP trigger","description":"Starts a run per HTTP request; the JSON body is the run input.","type":"object","additionalProperties":false,"properties":{"route":{"description":"Route under `/api/`; default `workflows/<name>`.","type":"string","pattern":"^[A-Za-z0-9_~./{}-]+$","examples":["orders"]},"methods":{"description":"Accepted HTTP methods; default `[POST]`.","type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["GET","POST","PUT","PATCH","DELETE"]},"examples":[["POST"]]},"authLevel":{"description":"Authorization level of the function: `anonymous`, `function` (default: a function key is required) or `admin`.","enum":["anonymous","function","admin"],"default":"function"},"respond":{"description":"`async` (default): answer 202 with status URLs at once. `sync`: wait up to `timeout` for the run and answer its output, else 202.","enum":["async","sync"],"default":"async"},"timeout":{"$ref":"#/$defs/duration","description":"How long a `respond: sync` request waits for the run before answering 202; default `30s`."}}};
const pattern5 = new RegExp("^[A-Za-z0-9_~./{}-]+$", "u");
let func0Loaded; const func0 = (...args) => (func0Loaded ??= require("ajv/dist/runtime/equal").default)(...args);

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "route") || (key0 === "methods")) || (key0 === "authLevel")) || (key0 === "respond")) || (key0 === "timeout"))){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.route !== undefined){
let data0 = data.route;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern5.test(data0)){
validate22.errors = [{instancePath:instancePath+"/route",schemaPath:"#/properties/route/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_~./{}-]+$"}}];
return false;
}
}
else {
validate22.errors = [{instancePath:instancePath+"/route",schemaPath:"#/properties/route/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.methods !== undefined){
let data1 = data.methods;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
if(data1.length < 1){
validate22.errors = [{instancePath:instancePath+"/methods",schemaPath:"#/properties/methods/minItems",keyword:"minItems",params:{limit: 1}}];
return false;
}
else {
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs6 = errors;
if(!(((((data2 === "GET") || (data2 === "POST")) || (data2 === "PUT")) || (data2 === "PATCH")) || (data2 === "DELETE"))){
validate22.errors = [{instancePath:instancePath+"/methods/" + i0,schemaPath:"#/properties/methods/items/enum",keyword:"enum",params:{allowedValues: schema33.properties.methods.items.enum}}];
return false;
}
var valid1 = _errs6 === errors;
if(!valid1){
break;
}
}
if(valid1){
let i1 = data1.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data1[i1], data1[j0])){
validate22.errors = [{instancePath:instancePath+"/methods",schemaPath:"#/properties/methods/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0}}];
return false;
break outer0;
}
}
}
}
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/methods",schemaPath:"#/properties/methods/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.authLevel !== undefined){
let data3 = data.authLevel;
const _errs7 = errors;
if(!(((data3 === "anonymous") || (data3 === "function")) || (data3 === "admin"))){
validate22.errors = [{instancePath:instancePath+"/authLevel",schemaPath:"#/properties/authLevel/enum",keyword:"enum",params:{allowedValues: schema33.properties.authLevel.enum}}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.respond !== undefined){
let data4 = data.respond;
const _errs8 = errors;
if(!((data4 === "async") || (data4 === "sync"))){
validate22.errors = [{instancePath:instancePath+"/respond",schemaPath:"#/properties/respond/enum",keyword:"enum",params:{allowedValues: schema33.properties.respond.enum}}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeout !== undefined){
const _errs9 = errors;
if(typeof data.timeout !== "string"){
validate22.errors = [{instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "http") || (key0 === "queue")) || (key0 === "schedule"))){
validate21.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.http !== undefined){
const _errs2 = errors;
if(!(validate22(data.http, {instancePath:instancePath+"/http",parentData:data,parentDataProperty:"http",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queue !== undefined){
let data1 = data.queue;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing0;
if((data1.name === undefined) && (missing0 = "name")){
validate21.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueTrigger/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs6 = errors;
for(const key1 in data1){
if(!((key1 === "name") || (key1 === "connection"))){
validate21.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}}];
return false;
break;
}
}
if(_errs6 === errors){
if(data1.name !== undefined){
const _errs7 = errors;
if(typeof data1.name !== "string"){
validate21.errors = [{instancePath:instancePath+"/queue/name",schemaPath:"#/$defs/queueTrigger/properties/name/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.connection !== undefined){
const _errs9 = errors;
if(typeof data1.connection !== "string"){
validate21.errors = [{instancePath:instancePath+"/queue/connection",schemaPath:"#/$defs/queueTrigger/properties/connection/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate21.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueTrigger/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.schedule !== undefined){
let data4 = data.schedule;
const _errs11 = errors;
const _errs12 = errors;
let valid3 = false;
const _errs13 = errors;
const _errs14 = errors;
if(errors === _errs14){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing1;
if((data4.cron === undefined) && (missing1 = "cron")){
const err0 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/scheduleTrigger/required",keyword:"required",params:{missingProperty: missing1}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
const _errs16 = errors;
for(const key2 in data4){
if(!((key2 === "cron") || (key2 === "input"))){
const err1 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/scheduleTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
break;
}
}
if(_errs16 === errors){
if(data4.cron !== undefined){
if(typeof data4.cron !== "string"){
const err2 = {instancePath:instancePath+"/schedule/cron",schemaPath:"#/$defs/scheduleTrigger/properties/cron/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
}
}
else {
const err3 = {instancePath:instancePath+"/schedule",schemaPath:"#/$defs/scheduleTrigger/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs13 === errors;
valid3 = valid3 || _valid0;
const _errs19 = errors;
if(errors === _errs19){
if(Array.isArray(data4)){
if(data4.length < 1){
const err4 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/anyOf/1/minItems",keyword:"minItems",params:{limit: 1}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
var valid6 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data6 = data4[i0];
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
let missing2;
if((data6.cron === undefined) && (missing2 = "cron")){
const err5 = {instancePath:instancePath+"/schedule/" + i0,schemaPath:"#/$defs/scheduleTrigger/required",keyword:"required",params:{missingProperty: missing2}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
const _errs24 = errors;
for(const key3 in data6){
if(!((key3 === "cron") || (key3 === "input"))){
const err6 = {instancePath:instancePath+"/schedule/" + i0,schemaPath:"#/$defs/scheduleTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
break;
}
}
if(_errs24 === errors){
if(data6.cron !== undefined){
if(typeof data6.cron !== "string"){
const err7 = {instancePath:instancePath+"/schedule/" + i0+"/cron",schemaPath:"#/$defs/scheduleTrigger/properties/cron/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
}
else {
const err8 = {instancePath:instancePath+"/schedule/" + i0,schemaPath:"#/$defs/scheduleTrigger/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var valid6 = _errs21 === errors;
if(!valid6){
break;
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/anyOf/1/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs19 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const err10 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
validate21.errors = vErrors;
return false;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const pattern6 = new RegExp("^[A-Za-z][A-Za-z0-9_.-]*$", "u");

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "maxAttempts") || (key0 === "interval")) || (key0 === "backoff")) || (key0 === "maxInterval")) || (key0 === "jitter")) || (key0 === "on"))){
validate26.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.maxAttempts !== undefined){
let data0 = data.maxAttempts;
const _errs2 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate26.errors = [{instancePath:instancePath+"/maxAttempts",schemaPath:"#/properties/maxAttempts/type",keyword:"type",params:{type: "integer"}}];
return false;
}
if(errors === _errs2){
if(typeof data0 == "number"){
if(data0 > 100 || isNaN(data0)){
validate26.errors = [{instancePath:instancePath+"/maxAttempts",schemaPath:"#/properties/maxAttempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100}}];
return false;
}
else {
if(data0 < 1 || isNaN(data0)){
validate26.errors = [{instancePath:instancePath+"/maxAttempts",schemaPath:"#/properties/maxAttempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1}}];
return false;
}
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.interval !== undefined){
const _errs4 = errors;
if(typeof data.interval !== "string"){
validate26.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.backoff !== undefined){
let data2 = data.backoff;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 == "number"){
if(data2 > 10 || isNaN(data2)){
validate26.errors = [{instancePath:instancePath+"/backoff",schemaPath:"#/properties/backoff/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10}}];
return false;
}
else {
if(data2 < 1 || isNaN(data2)){
validate26.errors = [{instancePath:instancePath+"/backoff",schemaPath:"#/properties/backoff/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1}}];
return false;
}
}
}
else {
validate26.errors = [{instancePath:instancePath+"/backoff",schemaPath:"#/properties/backoff/type",keyword:"type",params:{type: "number"}}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.maxInterval !== undefined){
const _errs9 = errors;
if(typeof data.maxInterval !== "string"){
validate26.errors = [{instancePath:instancePath+"/maxInterval",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.jitter !== undefined){
const _errs12 = errors;
if(typeof data.jitter !== "boolean"){
validate26.errors = [{instancePath:instancePath+"/jitter",schemaPath:"#/properties/jitter/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.on !== undefined){
let data5 = data.on;
const _errs14 = errors;
if(errors === _errs14){
if(Array.isArray(data5)){
if(data5.length < 1){
validate26.errors = [{instancePath:instancePath+"/on",schemaPath:"#/properties/on/minItems",keyword:"minItems",params:{limit: 1}}];
return false;
}
else {
var valid3 = true;
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data6 === "string"){
if(!pattern6.test(data6)){
validate26.errors = [{instancePath:instancePath+"/on/" + i0,schemaPath:"#/$defs/errorName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*$"}}];
return false;
}
}
else {
validate26.errors = [{instancePath:instancePath+"/on/" + i0,schemaPath:"#/$defs/errorName/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid3 = _errs16 === errors;
if(!valid3){
break;
}
}
}
}
else {
validate26.errors = [{instancePath:instancePath+"/on",schemaPath:"#/properties/on/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "retry") || (key0 === "timeout")) || (key0 === "failOpen"))){
validate25.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.retry !== undefined){
const _errs2 = errors;
if(!(validate26(data.retry, {instancePath:instancePath+"/retry",parentData:data,parentDataProperty:"retry",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeout !== undefined){
const _errs3 = errors;
if(typeof data.timeout !== "string"){
validate25.errors = [{instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.failOpen !== undefined){
const _errs6 = errors;
if(typeof data.failOpen !== "boolean"){
validate25.errors = [{instancePath:instancePath+"/failOpen",schemaPath:"#/properties/failOpen/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate25.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema47 = {"title":"Step","description":"One step: an `id`, exactly one kind (`ai`, `http`, `queue`, `cosmos`, `activity`, `workflow`, `parallel`, `forEach`, `switch`, `steps`, `wait`, `waitForEvent`, `set`, `fail`) and optional `name`, `if`, `retry`, `timeout`, `catch`.","type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"description":"The step's id: unique in the whole file; its output is `steps.<id>.output`.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","examples":["classify"]},"name":{"description":"Display name.","type":"string","examples":["Reserve stock"]},"if":{"$ref":"#/$defs/expression","description":"Run the step only when true; a skipped step's output is null."},"retry":{"$ref":"#/$defs/retry"},"timeout":{"$ref":"#/$defs/duration","description":"The step fails with `Timeout` when it takes longer."},"catch":{"description":"Handlers for the step's failure; the first whose `errors` match runs in its place.","type":"array","minItems":1,"items":{"$ref":"#/$defs/catchClause"}},"input":{"description":"The input passed to an `activity` or `workflow` step; expressions are evaluated.","examples":["${{ input }}"]},"ai":{"$ref":"#/$defs/aiStep"},"http":{"$ref":"#/$defs/httpStep"},"queue":{"$ref":"#/$defs/queueStep"},"cosmos":{"$ref":"#/$defs/cosmosStep"},"activity":{"description":"Name of a TypeScript activity registered by the app; `input` is passed to it; its return value is the output.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_.-]*$","examples":["reserveStock"]},"workflow":{"description":"Name of another workflow run as a sub-orchestration; `input` is passed to it; its `output` is the output.","type":"string","pattern":"^[a-z][a-z0-9-]{0,62}$","examples":["order-intake"]},"parallel":{"$ref":"#/$defs/steps","description":"Steps run concurrently; all must finish. Output: an object of the children's outputs keyed by their ids.","type":"array","minItems":1},"forEach":{"$ref":"#/$defs/forEachStep"},"switch":{"$ref":"#/$defs/switchStep"},"steps":{"$ref":"#/$defs/steps","description":"A group: a sequence of steps used as one. Output: its last step's output.","type":"array","minItems":1},"wait":{"description":"Wait a duration, or until a timestamp. Output: null.","anyOf":[{"$ref":"#/$defs/duration"},{"$ref":"#/$defs/waitUntil"}],"examples":["10s"]},"waitForEvent":{"$ref":"#/$defs/waitForEventStep"},"set":{"description":"A value, usually a mapping of expressions; it becomes the output. E.g. `set: { category: \"${{ steps.classify.output.category }}\" }`.","examples":["${{ steps.classify.output.category }}"]},"fail":{"$ref":"#/$defs/failStep"}},"dependentSchemas":{"input":{"sluiceAnyKeyOf":["activity","workflow"]}},"sluiceOneKeyOf":["ai","http","queue","cosmos","activity","workflow","parallel","forEach","switch","steps","wait","waitForEvent","set","fail"]};
const schema48 = {"title":"Expression","description":"A condition: a `${{ EXPR }}` expression, or the literal `true` or `false`. Plain text such as `input.enabled` or `\"false\"` is not a condition (it would always be true): wrap it, `${{ input.enabled }}`.","type":["string","boolean"],"pattern":"^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$","examples":["${{ input.count > 3 }}"]};
const pattern7 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern8 = new RegExp("^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$", "u");
const pattern11 = new RegExp("^[A-Za-z_][A-Za-z0-9_.-]*$", "u");
const wrapper0 = {validate: validate29};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.steps === undefined) && (missing0 = "steps")){
validate32.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "errors") || (key0 === "steps"))){
validate32.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.errors !== undefined){
let data0 = data.errors;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
if(data0.length < 1){
validate32.errors = [{instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/minItems",keyword:"minItems",params:{limit: 1}}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
validate32.errors = [{instancePath:instancePath+"/errors/" + i0,schemaPath:"#/$defs/errorName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*$"}}];
return false;
}
}
else {
validate32.errors = [{instancePath:instancePath+"/errors/" + i0,schemaPath:"#/$defs/errorName/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate32.errors = [{instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.steps !== undefined){
const _errs7 = errors;
if(!(wrapper0.validate(data.steps, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate32.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema53 = {"title":"HTTP step","description":"An HTTP call with JSON in and out. 5xx, 429 and network errors are retryable; 4xx are not. Output: `{ status, headers, body }`.","type":"object","additionalProperties":false,"properties":{"method":{"description":"HTTP method; default GET.","enum":["GET","POST","PUT","PATCH","DELETE","HEAD"],"default":"GET"},"url":{"description":"The URL; https is expected. Private, loopback and link-local addresses are refused unless allow-listed in settings.","type":"string","examples":["https://prices.example.com/orders/${{ input.orderId }}"]},"headers":{"description":"Request headers. E.g. `headers: { Authorization: \"Bearer ${{ secrets.PRICES_TOKEN }}\" }`.","type":"object","additionalProperties":{"type":"string"}},"query":{"description":"Query-string parameters.","type":"object","additionalProperties":{"type":["string","number","boolean"]}},"body":{"description":"Request body, sent as JSON.","examples":["${{ steps.order.output }}"]},"timeout":{"$ref":"#/$defs/duration","description":"Timeout of the request itself."}},"required":["url"]};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.url === undefined) && (missing0 = "url")){
validate34.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "method") || (key0 === "url")) || (key0 === "headers")) || (key0 === "query")) || (key0 === "body")) || (key0 === "timeout"))){
validate34.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.method !== undefined){
let data0 = data.method;
const _errs2 = errors;
if(!((((((data0 === "GET") || (data0 === "POST")) || (data0 === "PUT")) || (data0 === "PATCH")) || (data0 === "DELETE")) || (data0 === "HEAD"))){
validate34.errors = [{instancePath:instancePath+"/method",schemaPath:"#/properties/method/enum",keyword:"enum",params:{allowedValues: schema53.properties.method.enum}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.url !== undefined){
const _errs3 = errors;
if(typeof data.url !== "string"){
validate34.errors = [{instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.headers !== undefined){
let data2 = data.headers;
const _errs5 = errors;
if(errors === _errs5){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
const _errs8 = errors;
if(typeof data2[key1] !== "string"){
validate34.errors = [{instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/headers/additionalProperties/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid1 = _errs8 === errors;
if(!valid1){
break;
}
}
}
else {
validate34.errors = [{instancePath:instancePath+"/headers",schemaPath:"#/properties/headers/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.query !== undefined){
let data4 = data.query;
const _errs10 = errors;
if(errors === _errs10){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key2 in data4){
let data5 = data4[key2];
const _errs13 = errors;
if(((typeof data5 !== "string") && (!(typeof data5 == "number"))) && (typeof data5 !== "boolean")){
validate34.errors = [{instancePath:instancePath+"/query/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/query/additionalProperties/type",keyword:"type",params:{type: schema53.properties.query.additionalProperties.type}}];
return false;
}
var valid2 = _errs13 === errors;
if(!valid2){
break;
}
}
}
else {
validate34.errors = [{instancePath:instancePath+"/query",schemaPath:"#/properties/query/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeout !== undefined){
const _errs15 = errors;
if(typeof data.timeout !== "string"){
validate34.errors = [{instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate34.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema57 = {"title":"Cosmos read","description":"A point read. Output: the item, or null when missing.","type":"object","additionalProperties":false,"properties":{"id":{"description":"Item id.","type":"string","examples":["${{ input.orderId }}"]},"partitionKey":{"description":"Partition key value; default the id.","type":["string","number","boolean"],"examples":["${{ input.customerId }}"]}},"required":["id"]};
const pattern10 = new RegExp("^@[A-Za-z_][A-Za-z0-9_]*$", "u");

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.sql === undefined) && (missing0 = "sql")){
validate37.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "sql") || (key0 === "parameters"))){
validate37.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.sql !== undefined){
const _errs2 = errors;
if(typeof data.sql !== "string"){
validate37.errors = [{instancePath:instancePath+"/sql",schemaPath:"#/properties/sql/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parameters !== undefined){
let data1 = data.parameters;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs6 = errors;
const _errs7 = errors;
if(errors === _errs7){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if(((data2.name === undefined) && (missing1 = "name")) || ((data2.value === undefined) && (missing1 = "value"))){
validate37.errors = [{instancePath:instancePath+"/parameters/" + i0,schemaPath:"#/$defs/cosmosParameter/required",keyword:"required",params:{missingProperty: missing1}}];
return false;
}
else {
const _errs9 = errors;
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "value"))){
validate37.errors = [{instancePath:instancePath+"/parameters/" + i0,schemaPath:"#/$defs/cosmosParameter/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}}];
return false;
break;
}
}
if(_errs9 === errors){
if(data2.name !== undefined){
let data3 = data2.name;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data3 === "string"){
if(!pattern10.test(data3)){
validate37.errors = [{instancePath:instancePath+"/parameters/" + i0+"/name",schemaPath:"#/$defs/cosmosParameter/properties/name/pattern",keyword:"pattern",params:{pattern: "^@[A-Za-z_][A-Za-z0-9_]*$"}}];
return false;
}
}
else {
validate37.errors = [{instancePath:instancePath+"/parameters/" + i0+"/name",schemaPath:"#/$defs/cosmosParameter/properties/name/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
}
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/parameters/" + i0,schemaPath:"#/$defs/cosmosParameter/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid1 = _errs6 === errors;
if(!valid1){
break;
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate37.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if((data && typeof data == "object" && !Array.isArray(data)) ? 0 + (data["upsert"] !== undefined) + (data["read"] !== undefined) + (data["query"] !== undefined) !== 1 : true){
validate36.errors = [{instancePath,schemaPath:"#/sluiceOneKeyOf",keyword:"sluiceOneKeyOf",params:{}}];
return false;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.container === undefined) && (missing0 = "container")){
validate36.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "container") || (key0 === "database")) || (key0 === "upsert")) || (key0 === "read")) || (key0 === "query"))){
validate36.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.container !== undefined){
const _errs2 = errors;
if(typeof data.container !== "string"){
validate36.errors = [{instancePath:instancePath+"/container",schemaPath:"#/properties/container/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate36.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.upsert !== undefined){
let data2 = data.upsert;
const _errs6 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
validate36.errors = [{instancePath:instancePath+"/upsert",schemaPath:"#/properties/upsert/type",keyword:"type",params:{type: "object"}}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.read !== undefined){
let data3 = data.read;
const _errs8 = errors;
const _errs9 = errors;
if(errors === _errs9){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if((data3.id === undefined) && (missing1 = "id")){
validate36.errors = [{instancePath:instancePath+"/read",schemaPath:"#/$defs/cosmosRead/required",keyword:"required",params:{missingProperty: missing1}}];
return false;
}
else {
const _errs11 = errors;
for(const key1 in data3){
if(!((key1 === "id") || (key1 === "partitionKey"))){
validate36.errors = [{instancePath:instancePath+"/read",schemaPath:"#/$defs/cosmosRead/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}}];
return false;
break;
}
}
if(_errs11 === errors){
if(data3.id !== undefined){
const _errs12 = errors;
if(typeof data3.id !== "string"){
validate36.errors = [{instancePath:instancePath+"/read/id",schemaPath:"#/$defs/cosmosRead/properties/id/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data3.partitionKey !== undefined){
let data5 = data3.partitionKey;
const _errs14 = errors;
if(((typeof data5 !== "string") && (!(typeof data5 == "number"))) && (typeof data5 !== "boolean")){
validate36.errors = [{instancePath:instancePath+"/read/partitionKey",schemaPath:"#/$defs/cosmosRead/properties/partitionKey/type",keyword:"type",params:{type: schema57.properties.partitionKey.type}}];
return false;
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate36.errors = [{instancePath:instancePath+"/read",schemaPath:"#/$defs/cosmosRead/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.query !== undefined){
const _errs16 = errors;
if(!(validate37(data.query, {instancePath:instancePath+"/query",parentData:data,parentDataProperty:"query",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate36.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.items === undefined) && (missing0 = "items")) || ((data.steps === undefined) && (missing0 = "steps"))){
validate40.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "items") || (key0 === "as")) || (key0 === "concurrency")) || (key0 === "steps"))){
validate40.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.items !== undefined){
let data0 = data.items;
const _errs2 = errors;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/anyOf/0/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs6 = errors;
if(!(Array.isArray(data0))){
const err1 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/anyOf/1/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err2 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate40.errors = vErrors;
return false;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.as !== undefined){
let data1 = data.as;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data1 === "string"){
if(!pattern7.test(data1)){
validate40.errors = [{instancePath:instancePath+"/as",schemaPath:"#/properties/as/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"}}];
return false;
}
}
else {
validate40.errors = [{instancePath:instancePath+"/as",schemaPath:"#/properties/as/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.concurrency !== undefined){
let data2 = data.concurrency;
const _errs10 = errors;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
validate40.errors = [{instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/type",keyword:"type",params:{type: "integer"}}];
return false;
}
if(errors === _errs10){
if(typeof data2 == "number"){
if(data2 > 1000 || isNaN(data2)){
validate40.errors = [{instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000}}];
return false;
}
else {
if(data2 < 1 || isNaN(data2)){
validate40.errors = [{instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1}}];
return false;
}
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.steps !== undefined){
let data3 = data.steps;
const _errs12 = errors;
if(!(wrapper0.validate(data3, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
if(errors === _errs12){
if(Array.isArray(data3)){
if(data3.length < 1){
validate40.errors = [{instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1}}];
return false;
}
}
else {
validate40.errors = [{instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate40.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.when === undefined) && (missing0 = "when")) || ((data.steps === undefined) && (missing0 = "steps"))){
validate43.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "when") || (key0 === "steps"))){
validate43.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.when !== undefined){
let data0 = data.when;
const _errs2 = errors;
const _errs3 = errors;
if((typeof data0 !== "string") && (typeof data0 !== "boolean")){
validate43.errors = [{instancePath:instancePath+"/when",schemaPath:"#/$defs/expression/type",keyword:"type",params:{type: schema48.type}}];
return false;
}
if(errors === _errs3){
if(typeof data0 === "string"){
if(!pattern8.test(data0)){
validate43.errors = [{instancePath:instancePath+"/when",schemaPath:"#/$defs/expression/pattern",keyword:"pattern",params:{pattern: "^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$"}}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.steps !== undefined){
const _errs5 = errors;
if(!(wrapper0.validate(data.steps, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate43.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate42.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.cases === undefined) && (missing0 = "cases")){
validate42.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "cases") || (key0 === "default"))){
validate42.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.cases !== undefined){
let data0 = data.cases;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs4 = errors;
if(!(validate43(data0[i0], {instancePath:instancePath+"/cases/" + i0,parentData:data0,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/cases",schemaPath:"#/properties/cases/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.default !== undefined){
const _errs5 = errors;
if(!(wrapper0.validate(data.default, {instancePath:instancePath+"/default",parentData:data,parentDataProperty:"default",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate42.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate42.errors = vErrors;
return errors === 0;
}
validate42.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate46.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.name === undefined) && (missing0 = "name")){
validate46.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "timeout")) || (key0 === "default"))){
validate46.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.name !== undefined){
const _errs2 = errors;
if(typeof data.name !== "string"){
validate46.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeout !== undefined){
const _errs4 = errors;
if(typeof data.timeout !== "string"){
validate46.errors = [{instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate46.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate46.errors = vErrors;
return errors === 0;
}
validate46.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if((data && typeof data == "object" && !Array.isArray(data)) ? 0 + (data["ai"] !== undefined) + (data["http"] !== undefined) + (data["queue"] !== undefined) + (data["cosmos"] !== undefined) + (data["activity"] !== undefined) + (data["workflow"] !== undefined) + (data["parallel"] !== undefined) + (data["forEach"] !== undefined) + (data["switch"] !== undefined) + (data["steps"] !== undefined) + (data["wait"] !== undefined) + (data["waitForEvent"] !== undefined) + (data["set"] !== undefined) + (data["fail"] !== undefined) !== 1 : true){
validate30.errors = [{instancePath,schemaPath:"#/sluiceOneKeyOf",keyword:"sluiceOneKeyOf",params:{}}];
return false;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.id === undefined) && (missing0 = "id")){
validate30.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema47.properties, key0))){
validate30.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
validate30.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"}}];
return false;
}
}
else {
validate30.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.name !== undefined){
const _errs4 = errors;
if(typeof data.name !== "string"){
validate30.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.if !== undefined){
let data2 = data.if;
const _errs6 = errors;
const _errs7 = errors;
if((typeof data2 !== "string") && (typeof data2 !== "boolean")){
validate30.errors = [{instancePath:instancePath+"/if",schemaPath:"#/$defs/expression/type",keyword:"type",params:{type: schema48.type}}];
return false;
}
if(errors === _errs7){
if(typeof data2 === "string"){
if(!pattern8.test(data2)){
validate30.errors = [{instancePath:instancePath+"/if",schemaPath:"#/$defs/expression/pattern",keyword:"pattern",params:{pattern: "^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$"}}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retry !== undefined){
const _errs9 = errors;
if(!(validate26(data.retry, {instancePath:instancePath+"/retry",parentData:data,parentDataProperty:"retry",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeout !== undefined){
const _errs10 = errors;
if(typeof data.timeout !== "string"){
validate30.errors = [{instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.catch !== undefined){
let data5 = data.catch;
const _errs13 = errors;
if(errors === _errs13){
if(Array.isArray(data5)){
if(data5.length < 1){
validate30.errors = [{instancePath:instancePath+"/catch",schemaPath:"#/properties/catch/minItems",keyword:"minItems",params:{limit: 1}}];
return false;
}
else {
var valid3 = true;
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
const _errs15 = errors;
if(!(validate32(data5[i0], {instancePath:instancePath+"/catch/" + i0,parentData:data5,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
var valid3 = _errs15 === errors;
if(!valid3){
break;
}
}
}
}
else {
validate30.errors = [{instancePath:instancePath+"/catch",schemaPath:"#/properties/catch/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ai !== undefined){
let data7 = data.ai;
const _errs16 = errors;
const _errs17 = errors;
if(errors === _errs17){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing1;
if((data7.prompt === undefined) && (missing1 = "prompt")){
validate30.errors = [{instancePath:instancePath+"/ai",schemaPath:"#/$defs/aiStep/required",keyword:"required",params:{missingProperty: missing1}}];
return false;
}
else {
const _errs19 = errors;
for(const key1 in data7){
if(!((((((((key1 === "model") || (key1 === "prompt")) || (key1 === "system")) || (key1 === "temperature")) || (key1 === "maxOutputTokens")) || (key1 === "output")) || (key1 === "fallback")) || (key1 === "failOpen"))){
validate30.errors = [{instancePath:instancePath+"/ai",schemaPath:"#/$defs/aiStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}}];
return false;
break;
}
}
if(_errs19 === errors){
if(data7.model !== undefined){
const _errs20 = errors;
if(typeof data7.model !== "string"){
validate30.errors = [{instancePath:instancePath+"/ai/model",schemaPath:"#/$defs/aiStep/properties/model/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid5 = _errs20 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.prompt !== undefined){
const _errs22 = errors;
if(typeof data7.prompt !== "string"){
validate30.errors = [{instancePath:instancePath+"/ai/prompt",schemaPath:"#/$defs/aiStep/properties/prompt/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid5 = _errs22 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.system !== undefined){
const _errs24 = errors;
if(typeof data7.system !== "string"){
validate30.errors = [{instancePath:instancePath+"/ai/system",schemaPath:"#/$defs/aiStep/properties/system/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid5 = _errs24 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.temperature !== undefined){
let data11 = data7.temperature;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data11 == "number"){
if(data11 > 2 || isNaN(data11)){
validate30.errors = [{instancePath:instancePath+"/ai/temperature",schemaPath:"#/$defs/aiStep/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2}}];
return false;
}
else {
if(data11 < 0 || isNaN(data11)){
validate30.errors = [{instancePath:instancePath+"/ai/temperature",schemaPath:"#/$defs/aiStep/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0}}];
return false;
}
}
}
else {
validate30.errors = [{instancePath:instancePath+"/ai/temperature",schemaPath:"#/$defs/aiStep/properties/temperature/type",keyword:"type",params:{type: "number"}}];
return false;
}
}
var valid5 = _errs26 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.maxOutputTokens !== undefined){
let data12 = data7.maxOutputTokens;
const _errs28 = errors;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
validate30.errors = [{instancePath:instancePath+"/ai/maxOutputTokens",schemaPath:"#/$defs/aiStep/properties/maxOutputTokens/type",keyword:"type",params:{type: "integer"}}];
return false;
}
if(errors === _errs28){
if(typeof data12 == "number"){
if(data12 < 1 || isNaN(data12)){
validate30.errors = [{instancePath:instancePath+"/ai/maxOutputTokens",schemaPath:"#/$defs/aiStep/properties/maxOutputTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1}}];
return false;
}
}
}
var valid5 = _errs28 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.output !== undefined){
let data13 = data7.output;
const _errs30 = errors;
if(!(data13 && typeof data13 == "object" && !Array.isArray(data13))){
validate30.errors = [{instancePath:instancePath+"/ai/output",schemaPath:"#/$defs/aiStep/properties/output/type",keyword:"type",params:{type: "object"}}];
return false;
}
var valid5 = _errs30 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data7.failOpen !== undefined){
const _errs32 = errors;
if(typeof data7.failOpen !== "boolean"){
validate30.errors = [{instancePath:instancePath+"/ai/failOpen",schemaPath:"#/$defs/aiStep/properties/failOpen/type",keyword:"type",params:{type: "boolean"}}];
return false;
}
var valid5 = _errs32 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate30.errors = [{instancePath:instancePath+"/ai",schemaPath:"#/$defs/aiStep/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.http !== undefined){
const _errs34 = errors;
if(!(validate34(data.http, {instancePath:instancePath+"/http",parentData:data,parentDataProperty:"http",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var valid0 = _errs34 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.queue !== undefined){
let data16 = data.queue;
const _errs35 = errors;
const _errs36 = errors;
if(errors === _errs36){
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
let missing2;
if(((data16.name === undefined) && (missing2 = "name")) || ((data16.message === undefined) && (missing2 = "message"))){
validate30.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueStep/required",keyword:"required",params:{missingProperty: missing2}}];
return false;
}
else {
const _errs38 = errors;
for(const key2 in data16){
if(!(((key2 === "name") || (key2 === "message")) || (key2 === "connection"))){
validate30.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2}}];
return false;
break;
}
}
if(_errs38 === errors){
if(data16.name !== undefined){
const _errs39 = errors;
if(typeof data16.name !== "string"){
validate30.errors = [{instancePath:instancePath+"/queue/name",schemaPath:"#/$defs/queueStep/properties/name/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid7 = _errs39 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data16.connection !== undefined){
const _errs41 = errors;
if(typeof data16.connection !== "string"){
validate30.errors = [{instancePath:instancePath+"/queue/connection",schemaPath:"#/$defs/queueStep/properties/connection/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid7 = _errs41 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
else {
validate30.errors = [{instancePath:instancePath+"/queue",schemaPath:"#/$defs/queueStep/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs35 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.cosmos !== undefined){
const _errs43 = errors;
if(!(validate36(data.cosmos, {instancePath:instancePath+"/cosmos",parentData:data,parentDataProperty:"cosmos",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
var valid0 = _errs43 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.activity !== undefined){
let data20 = data.activity;
const _errs44 = errors;
if(errors === _errs44){
if(typeof data20 === "string"){
if(!pattern11.test(data20)){
validate30.errors = [{instancePath:instancePath+"/activity",schemaPath:"#/properties/activity/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_.-]*$"}}];
return false;
}
}
else {
validate30.errors = [{instancePath:instancePath+"/activity",schemaPath:"#/properties/activity/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs44 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.workflow !== undefined){
let data21 = data.workflow;
const _errs46 = errors;
if(errors === _errs46){
if(typeof data21 === "string"){
if(!pattern4.test(data21)){
validate30.errors = [{instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,62}$"}}];
return false;
}
}
else {
validate30.errors = [{instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs46 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parallel !== undefined){
let data22 = data.parallel;
const _errs48 = errors;
if(!(wrapper0.validate(data22, {instancePath:instancePath+"/parallel",parentData:data,parentDataProperty:"parallel",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
if(errors === _errs48){
if(Array.isArray(data22)){
if(data22.length < 1){
validate30.errors = [{instancePath:instancePath+"/parallel",schemaPath:"#/properties/parallel/minItems",keyword:"minItems",params:{limit: 1}}];
return false;
}
}
else {
validate30.errors = [{instancePath:instancePath+"/parallel",schemaPath:"#/properties/parallel/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs48 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.forEach !== undefined){
const _errs50 = errors;
if(!(validate40(data.forEach, {instancePath:instancePath+"/forEach",parentData:data,parentDataProperty:"forEach",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
var valid0 = _errs50 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.switch !== undefined){
const _errs51 = errors;
if(!(validate42(data.switch, {instancePath:instancePath+"/switch",parentData:data,parentDataProperty:"switch",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
var valid0 = _errs51 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.steps !== undefined){
let data25 = data.steps;
const _errs52 = errors;
if(!(wrapper0.validate(data25, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
if(errors === _errs52){
if(Array.isArray(data25)){
if(data25.length < 1){
validate30.errors = [{instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1}}];
return false;
}
}
else {
validate30.errors = [{instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
var valid0 = _errs52 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.wait !== undefined){
let data26 = data.wait;
const _errs54 = errors;
const _errs55 = errors;
let valid8 = false;
const _errs56 = errors;
if(typeof data26 !== "string"){
const err0 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs56 === errors;
valid8 = valid8 || _valid0;
const _errs59 = errors;
const _errs60 = errors;
if(errors === _errs60){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing3;
if((data26.until === undefined) && (missing3 = "until")){
const err1 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/waitUntil/required",keyword:"required",params:{missingProperty: missing3}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
else {
const _errs62 = errors;
for(const key3 in data26){
if(!(key3 === "until")){
const err2 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/waitUntil/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
break;
}
}
if(_errs62 === errors){
if(data26.until !== undefined){
if(typeof data26.until !== "string"){
const err3 = {instancePath:instancePath+"/wait/until",schemaPath:"#/$defs/waitUntil/properties/until/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
}
}
else {
const err4 = {instancePath:instancePath+"/wait",schemaPath:"#/$defs/waitUntil/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs59 === errors;
valid8 = valid8 || _valid0;
if(!valid8){
const err5 = {instancePath:instancePath+"/wait",schemaPath:"#/properties/wait/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate30.errors = vErrors;
return false;
}
else {
errors = _errs55;
if(vErrors !== null){
if(_errs55){
vErrors.length = _errs55;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs54 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.waitForEvent !== undefined){
const _errs65 = errors;
if(!(validate46(data.waitForEvent, {instancePath:instancePath+"/waitForEvent",parentData:data,parentDataProperty:"waitForEvent",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
var valid0 = _errs65 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.fail !== undefined){
let data29 = data.fail;
const _errs66 = errors;
const _errs67 = errors;
if(errors === _errs67){
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
let missing4;
if((data29.error === undefined) && (missing4 = "error")){
validate30.errors = [{instancePath:instancePath+"/fail",schemaPath:"#/$defs/failStep/required",keyword:"required",params:{missingProperty: missing4}}];
return false;
}
else {
const _errs69 = errors;
for(const key4 in data29){
if(!((key4 === "error") || (key4 === "message"))){
validate30.errors = [{instancePath:instancePath+"/fail",schemaPath:"#/$defs/failStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4}}];
return false;
break;
}
}
if(_errs69 === errors){
if(data29.error !== undefined){
let data30 = data29.error;
const _errs70 = errors;
if(errors === _errs70){
if(typeof data30 === "string"){
if(!pattern6.test(data30)){
validate30.errors = [{instancePath:instancePath+"/fail/error",schemaPath:"#/$defs/failStep/properties/error/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_.-]*$"}}];
return false;
}
}
else {
validate30.errors = [{instancePath:instancePath+"/fail/error",schemaPath:"#/$defs/failStep/properties/error/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid13 = _errs70 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data29.message !== undefined){
const _errs72 = errors;
if(typeof data29.message !== "string"){
validate30.errors = [{instancePath:instancePath+"/fail/message",schemaPath:"#/$defs/failStep/properties/message/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid13 = _errs72 === errors;
}
else {
var valid13 = true;
}
}
}
}
}
else {
validate30.errors = [{instancePath:instancePath+"/fail",schemaPath:"#/$defs/failStep/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs66 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.input !== undefined){
if((data && typeof data == "object" && !Array.isArray(data)) && 0 + (data["activity"] !== undefined) + (data["workflow"] !== undefined) === 0){
validate30.errors = [{instancePath,schemaPath:"#/dependentSchemas/input/sluiceAnyKeyOf",keyword:"sluiceAnyKeyOf",params:{}}];
return false;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate30.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
const _errs1 = errors;
if(!(validate30(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate29.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"}}];
return false;
}
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://sluice.dev/schemas/workflow.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.name === undefined) && (missing0 = "name")) || ((data.steps === undefined) && (missing0 = "steps"))){
validate20.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0}}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema31.properties, key0))){
validate20.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.$schema !== undefined){
const _errs2 = errors;
if(typeof data.$schema !== "string"){
validate20.errors = [{instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.name !== undefined){
let data1 = data.name;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
validate20.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,62}$"}}];
return false;
}
}
else {
validate20.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"}}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.description !== undefined){
const _errs6 = errors;
if(typeof data.description !== "string"){
validate20.errors = [{instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.version !== undefined){
let data3 = data.version;
const _errs8 = errors;
if((!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))) && (typeof data3 !== "string")){
validate20.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: schema31.properties.version.type}}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.triggers !== undefined){
const _errs10 = errors;
if(!(validate21(data.triggers, {instancePath:instancePath+"/triggers",parentData:data,parentDataProperty:"triggers",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.input !== undefined){
let data5 = data.input;
const _errs11 = errors;
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
validate20.errors = [{instancePath:instancePath+"/input",schemaPath:"#/properties/input/type",keyword:"type",params:{type: "object"}}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.defaults !== undefined){
const _errs13 = errors;
if(!(validate25(data.defaults, {instancePath:instancePath+"/defaults",parentData:data,parentDataProperty:"defaults",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.deadLetter !== undefined){
let data7 = data.deadLetter;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
let missing1;
if((data7.queue === undefined) && (missing1 = "queue")){
validate20.errors = [{instancePath:instancePath+"/deadLetter",schemaPath:"#/$defs/deadLetter/required",keyword:"required",params:{missingProperty: missing1}}];
return false;
}
else {
const _errs17 = errors;
for(const key1 in data7){
if(!((key1 === "queue") || (key1 === "connection"))){
validate20.errors = [{instancePath:instancePath+"/deadLetter",schemaPath:"#/$defs/deadLetter/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}}];
return false;
break;
}
}
if(_errs17 === errors){
if(data7.queue !== undefined){
const _errs18 = errors;
if(typeof data7.queue !== "string"){
validate20.errors = [{instancePath:instancePath+"/deadLetter/queue",schemaPath:"#/$defs/deadLetter/properties/queue/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs18 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data7.connection !== undefined){
const _errs20 = errors;
if(typeof data7.connection !== "string"){
validate20.errors = [{instancePath:instancePath+"/deadLetter/connection",schemaPath:"#/$defs/deadLetter/properties/connection/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid2 = _errs20 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/deadLetter",schemaPath:"#/$defs/deadLetter/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ai !== undefined){
let data10 = data.ai;
const _errs22 = errors;
if(errors === _errs22){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
const _errs24 = errors;
for(const key2 in data10){
if(!(key2 === "maxTokensPerRun")){
validate20.errors = [{instancePath:instancePath+"/ai",schemaPath:"#/properties/ai/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2}}];
return false;
break;
}
}
if(_errs24 === errors){
if(data10.maxTokensPerRun !== undefined){
let data11 = data10.maxTokensPerRun;
const _errs25 = errors;
if(!((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11)))){
validate20.errors = [{instancePath:instancePath+"/ai/maxTokensPerRun",schemaPath:"#/properties/ai/properties/maxTokensPerRun/type",keyword:"type",params:{type: "integer"}}];
return false;
}
if(errors === _errs25){
if(typeof data11 == "number"){
if(data11 < 1 || isNaN(data11)){
validate20.errors = [{instancePath:instancePath+"/ai/maxTokensPerRun",schemaPath:"#/properties/ai/properties/maxTokensPerRun/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1}}];
return false;
}
}
}
}
}
}
else {
validate20.errors = [{instancePath:instancePath+"/ai",schemaPath:"#/properties/ai/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
var valid0 = _errs22 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timeout !== undefined){
const _errs27 = errors;
if(typeof data.timeout !== "string"){
validate20.errors = [{instancePath:instancePath+"/timeout",schemaPath:"#/$defs/duration/type",keyword:"type",params:{type: "string"}}];
return false;
}
var valid0 = _errs27 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.steps !== undefined){
const _errs30 = errors;
if(!(validate29(data.steps, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
var valid0 = _errs30 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate20.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

return validate20;
}

module.exports = { createValidator, createQuickCheck };
