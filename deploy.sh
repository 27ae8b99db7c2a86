#!/usr/bin/env bash
# Deploys extendSchema and its Cloud Scheduler job as described in function.yaml.
# Run ./deploy.sh --help for usage. Safe to re-run: existing resources are updated, not duplicated.
set -euo pipefail

PROG=deploy.sh
SCRIPT_PATH=${BASH_SOURCE[0]}
[[ $SCRIPT_PATH == */* ]] || SCRIPT_PATH=./$SCRIPT_PATH
SCRIPT_DIR=$(cd "${SCRIPT_PATH%/*}" && pwd -P)
SPREADSHEET_ID_PLACEHOLDER=REPLACE_WITH_SPREADSHEET_ID
# Stands for the project in a dry run that has none, so that the preview still shows every command.
PROJECT_PLACEHOLDER=PROJECT_ID
# Fields of function.yaml; all are required (see the comments in that file).
FUNCTION_FIELDS=(name region runtime entryPoint memory cpu timeout maxInstances concurrency
  serviceAccount buildServiceAccount)
SCHEDULE_FIELDS=(job location cron timeZone body serviceAccount attemptDeadline
  maxRetryAttempts minBackoff maxBackoff maxDoublings)

# The services this script's commands and the function's own calls need, enabled before anything
# else (enabling a service that is on already changes nothing). This list is not a setting of the
# deployment but follows from the commands below and from the code, so it lives here and not in
# function.yaml. Cloud Logging and Cloud Storage, also used by builds, are on in every new project.
REQUIRED_SERVICES=(
  cloudfunctions.googleapis.com       # gcloud functions deploy, describe, add-invoker-policy-binding
  run.googleapis.com                  # a 2nd gen function runs as a Cloud Run service
  cloudbuild.googleapis.com           # builds the uploaded source
  artifactregistry.googleapis.com     # stores the built image (repository gcf-artifacts)
  cloudscheduler.googleapis.com       # the scheduler job
  iam.googleapis.com                  # creates the service accounts
  cloudresourcemanager.googleapis.com # grants the build account its role on the project
  sheets.googleapis.com               # the function's calls; no gcloud command asks for this one
)
# Scheduler job IDs of earlier releases: a deploy that creates or updates the job deletes any of
# these that still exists, so that the old and the new job do not both call the function.
# extendschema-daily: the first release's job, named when it ran once a day.
FORMER_JOBS=(extendschema-daily)
# What the build account needs on the project: read the uploaded source, write build logs, push
# the image. Google's advice for new projects, whose default build account may lack it.
BUILD_ROLE=roles/cloudbuild.builds.builder

usage() {
  cat <<'EOF'
Usage: ./deploy.sh [--config FILE] [--project ID] [--dry-run] [--skip-enable] [--delete]

Deploys the extendSchema function (Cloud Run functions, 2nd gen) and its Cloud Scheduler job
from function.yaml, idempotently:
  1. enables the services the deploy and the function need (gcloud services enable);
  2. creates the runtime, scheduler and build service accounts if missing, and grants the
     build account roles/cloudbuild.builds.builder on the project (the others get no
     project roles);
  3. gcloud functions deploy with the settings and environment from function.yaml, built by
     the build account;
  4. grants the scheduler account roles/run.invoker on this function only;
  5. creates the Cloud Scheduler job, or updates it if it exists (POST, OIDC token whose
     audience is the function URL), and deletes a job left under a former name
     (extendschema-daily);
  6. prints the step gcloud cannot do: share the spreadsheet with the runtime account.

Options:
  --config FILE   configuration to read (default: function.yaml next to this script)
  --project ID    Google Cloud project (default: $CLOUDSDK_CORE_PROJECT, then
                  `gcloud config get-value project`)
  --dry-run       print every gcloud command, one per line prefixed with "+", instead of
                  running it. Existence checks are printed, not run, and taken as "absent"
                  (as "present" with --delete), so the output shows the full first deploy.
                  The env file is printed as the command that writes it, and the function's
                  URL as URL=$(gcloud functions describe ...), so the output can be pasted. Works before function.yaml is edited and without a project:
                  what is missing shows as a placeholder (PROJECT_ID,
                  REPLACE_WITH_SPREADSHEET_ID), listed at the top of the output. The only
                  command run is `gcloud config get-value project` (a read of gcloud's local
                  settings), and only when no project is given by --project or
                  CLOUDSDK_CORE_PROJECT.
  --skip-enable   do not enable services (for projects where an administrator enables them
                  and the deployer may not); the services needed are listed on stderr
  --delete        remove the scheduler job (and one under a former name), the function and
                  the three service accounts
                  (gcloud asks to confirm each deletion when run in a terminal); services
                  stay enabled
  -h, --help      show this help
EOF
}

die() {
  printf '%s: error: %s\n' "$PROG" "$*" >&2
  exit 1
}

# A mistake on the command line: exit 2, as for usage errors of other tools.
usage_error() {
  printf '%s: error: %s\n' "$PROG" "$*" >&2
  exit 2
}

note() {
  printf '==> %s\n' "$*" >&2
}

# --- configuration --------------------------------------------------------------------------

# Reads the YAML subset described at the top of function.yaml into variables
# CFG_<section>_<key>; the env section's keys also go, in file order, to ENV_KEYS.
ENV_KEYS=()
parse_config() {
  local file=$1 line n=0 section='' key value
  local re_blank='^[[:space:]]*(#.*)?$'
  local re_section='^([A-Za-z_][A-Za-z0-9_]*):[[:space:]]*$'
  local re_field='^  ([A-Za-z_][A-Za-z0-9_]*):([[:space:]]+(.*))?$'
  [[ -f $file && -r $file ]] || die "$file: configuration file not found"
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    line=${line%$'\r'}
    if [[ $line =~ $re_blank ]]; then
      continue
    elif [[ $line =~ $re_section ]]; then
      section=${BASH_REMATCH[1]}
      case $section in
        function | env | schedule) ;;
        *) die "$file:$n: unknown section '$section:' (expected function:, env: or schedule:)" ;;
      esac
    elif [[ -n $section && $line =~ $re_field ]]; then
      key=${BASH_REMATCH[1]}
      value=$(unquote "${BASH_REMATCH[3]}") || die "$file:$n: $section.$key: $value"
      store_field "$file:$n" "$section" "$key" "$value"
    else
      die "$file:$n: unsupported syntax; see the format notes at the top of function.yaml"
    fi
  done <"$file"
}

# Prints a YAML scalar without its quotes; fails on a trailing comment.
unquote() {
  local v=$1
  v=${v%"${v##*[![:space:]]}"}
  case $v in
    \'*\') v=${v:1:${#v}-2}; printf '%s' "${v//\'\'/\'}" ;;
    \"*\") printf '%s' "${v:1:${#v}-2}" ;;
    *' #'* | *$'\t#'*) printf 'comments after a value are not supported'; return 1 ;;
    *) printf '%s' "$v" ;;
  esac
}

store_field() {
  local where=$1 section=$2 key=$3 value=$4 var
  if [[ $section == env ]]; then
    var=ENV_$key
  else
    is_known_field "$section" "$key" || die "$where: unknown field $section.$key"
    var=CFG_${section}_$key
  fi
  [[ -z ${!var+set} ]] || die "$where: duplicate field $section.$key"
  printf -v "$var" '%s' "$value"
  if [[ $section == env ]]; then ENV_KEYS+=("$key"); fi
}

is_known_field() {
  local section=$1 key=$2 known
  if [[ $section == function ]]; then
    for known in "${FUNCTION_FIELDS[@]}"; do [[ $key == "$known" ]] && return 0; done
  else
    for known in "${SCHEDULE_FIELDS[@]}"; do [[ $key == "$known" ]] && return 0; done
  fi
  return 1
}

# Prints the value of section.key, failing if the field is missing or empty.
cfg() {
  local var=CFG_$1_$2
  [[ -n ${!var:-} ]] || die "$CONFIG: missing required field $1.$2 (key '$2' under '$1:')"
  printf '%s' "${!var}"
}

seconds_of() {
  local field=$1 value
  value=$(cfg "${field%%.*}" "${field#*.}")
  [[ $value =~ ^[0-9]+s$ ]] || die "$CONFIG: $field must be whole seconds like 300s, got '$value'"
  printf '%s' "${value%s}"
}

# Pure bash (no tr: it needs no tool on PATH), and no ${x,,}, which the bash 3 of macOS lacks.
same_ignoring_case() {
  local same=1
  shopt -s nocasematch
  [[ $1 == "$2" ]] && same=0
  shopt -u nocasematch
  return $same
}

validate_config() {
  local section field id timeout deadline
  for field in "${FUNCTION_FIELDS[@]}"; do cfg function "$field" >/dev/null; done
  for field in "${SCHEDULE_FIELDS[@]}"; do cfg schedule "$field" >/dev/null; done
  [[ -n ${ENV_SPREADSHEET_ID:-} ]] \
    || die "$CONFIG: missing required field env.SPREADSHEET_ID (key 'SPREADSHEET_ID' under 'env:')"
  if [[ $ENV_SPREADSHEET_ID == "$SPREADSHEET_ID_PLACEHOLDER" ]]; then
    [[ $DRY_RUN == true ]] \
      || die "$CONFIG: env.SPREADSHEET_ID is still the placeholder; set it to the ID in the sheet's URL"
    if [[ $ACTION == deploy ]]; then
      placeholder "$SPREADSHEET_ID_PLACEHOLDER" "env.SPREADSHEET_ID in $CONFIG: the ID in the sheet's URL"
    fi
  fi
  [[ $ENV_SPREADSHEET_ID =~ ^[A-Za-z0-9_-]+$ ]] \
    || die "$CONFIG: env.SPREADSHEET_ID '$ENV_SPREADSHEET_ID' is not a spreadsheet ID (the part between /d/ and /edit)"
  [[ -z ${ENV_SHEETS_EMULATOR_HOST+set} ]] \
    || die "$CONFIG: env.SHEETS_EMULATOR_HOST is for local runs only and must not be deployed"
  # The function would refuse every request (503): the tracker parses every row of its event log.
  # Sheet titles are unique regardless of case.
  local audit=${ENV_AUDIT_SHEET-extendSchema_log} metadata=${ENV_METADATA_SHEET:-Metadata}
  [[ -z $audit ]] || ! same_ignoring_case "$audit" "$metadata" \
    || die "$CONFIG: env.AUDIT_SHEET '$audit' is the tracker's event log (env.METADATA_SHEET, default Metadata), which the tracker parses row by row; set it to a sheet of its own (default extendSchema_log, created on the first run that writes), or to '' for no audit"
  for field in function.serviceAccount function.buildServiceAccount schedule.serviceAccount; do
    id=$(cfg "${field%%.*}" "${field#*.}")
    [[ $id =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]] \
      || die "$CONFIG: $field must be an account ID (6-30 of a-z, 0-9, -), not '$id'"
  done
  timeout=$(seconds_of function.timeout)
  deadline=$(seconds_of schedule.attemptDeadline)
  ((deadline >= 15 && deadline <= 1800)) \
    || die "$CONFIG: schedule.attemptDeadline must be between 15s and 1800s, got ${deadline}s"
  ((deadline >= timeout)) \
    || die "$CONFIG: schedule.attemptDeadline (${deadline}s) must be at least function.timeout (${timeout}s)"
}

# --- gcloud ---------------------------------------------------------------------------------

# Stands for the function's URL in a dry run's commands: the printed describe command assigns it.
# shellcheck disable=SC2016 # the text $URL itself, not its value
URL_REF='$URL'

# Prints a command the way a shell would read it back: "+ gcloud a --flag='b c'". A flag whose
# value is URL_REF is printed as --flag="$URL", to be expanded when the output is pasted.
print_command() {
  local arg out='+'
  for arg in "$@"; do
    if [[ $arg =~ ^(--[A-Za-z0-9-]+=)(.*)$ && ${BASH_REMATCH[2]} == "$URL_REF" ]]; then
      out+=" ${BASH_REMATCH[1]}\"$URL_REF\""
    elif [[ $arg =~ ^(--[A-Za-z0-9-]+=)(.*)$ ]]; then
      out+=" ${BASH_REMATCH[1]}$(shell_quote "${BASH_REMATCH[2]}")"
    else
      out+=" $(shell_quote "$arg")"
    fi
  done
  printf '%s\n' "$out"
}

shell_quote() {
  local s=$1 q="'\\''"
  if [[ -n $s && $s =~ ^[A-Za-z0-9_./:=@,+%^-]+$ ]]; then
    printf '%s' "$s"
  else
    printf "'%s'" "${s//\'/$q}"
  fi
}

# Runs a command that changes something; in a dry run only prints it.
run() {
  print_command "$@"
  if [[ $DRY_RUN == false ]]; then "$@"; fi
}

# Runs a read-only existence check quietly. In a dry run it is printed, not run, and answers
# DRY_RUN_ASSUME_EXISTS.
exists() {
  print_command "$@"
  if [[ $DRY_RUN == true ]]; then
    [[ $DRY_RUN_ASSUME_EXISTS == true ]]
  else
    "$@" >/dev/null 2>&1
  fi
}

resolve_project() {
  local how="pass --project ID, set CLOUDSDK_CORE_PROJECT, or run 'gcloud config set project ID'"
  if [[ -n $PROJECT ]]; then return; fi
  PROJECT=${CLOUDSDK_CORE_PROJECT:-}
  if [[ -z $PROJECT && $HAVE_GCLOUD == true ]]; then
    PROJECT=$(gcloud config get-value project 2>/dev/null || true)
  fi
  if [[ -z $PROJECT && $DRY_RUN == true ]]; then
    PROJECT=$PROJECT_PLACEHOLDER
    placeholder "$PROJECT_PLACEHOLDER" "the project: none is set ($how)"
  fi
  [[ -n $PROJECT ]] || die "no Google Cloud project set: $how"
}

# Records a value shown in place of one the dry run does not know; listed atop its output.
PLACEHOLDERS=()
placeholder() {
  PLACEHOLDERS+=("$(printf '#   %-28s %s' "$1" "$2")")
}

print_dry_run_header() {
  local line
  printf '# DRY RUN: the commands a real run would run, in order; nothing was changed.\n'
  if ((${#PLACEHOLDERS[@]} > 0)); then
    printf '# PLACEHOLDERS in the commands below: replace them, or fix what they stand for and\n'
    printf '# run ./deploy.sh --dry-run again.\n'
    for line in "${PLACEHOLDERS[@]}"; do printf '%s\n' "$line"; done
  fi
}

enable_services() {
  if [[ $SKIP_ENABLE == true ]]; then
    note "not enabling services (--skip-enable); these must be enabled: ${REQUIRED_SERVICES[*]}"
    return
  fi
  run gcloud services enable "${REQUIRED_SERVICES[@]}" --project="$PROJECT"
}

ensure_service_account() {
  local id=$1 description=$2
  local email=$id@$PROJECT.iam.gserviceaccount.com
  if exists gcloud iam service-accounts describe "$email" --project="$PROJECT"; then
    note "service account $email exists"
  else
    run gcloud iam service-accounts create "$id" --project="$PROJECT" \
      --display-name="$(cfg function name) $description"
  fi
}

# Prints the env map, every value a single-quoted YAML string (gcloud rejects non-strings).
env_yaml() {
  local key var value
  for key in "${ENV_KEYS[@]}"; do
    var=ENV_$key
    value=${!var}
    printf "%s: '%s'\n" "$key" "${value//\'/\'\'}"
  done
  if [[ -z ${ENV_GOOGLE_CLOUD_PROJECT+set} ]]; then
    printf "GOOGLE_CLOUD_PROJECT: '%s'\n" "$PROJECT"
  fi
}

# Prints the path of the file for --env-vars-file, writing it in a real run. A real run writes it
# to a temporary directory removed on exit (function.yaml is the copy to keep). A dry run writes
# nothing and prints the command that writes it, to a path that outlives the script, so that the
# printed commands can be pasted as they are.
env_file() {
  local file
  if [[ $DRY_RUN == true ]]; then
    file=${TMPDIR:-/tmp}
    file=${file%/}/$(cfg function name)-env.yaml
    printf "+ cat >%s <<'EOF'\n" "$(shell_quote "$file")"
    env_yaml
    printf 'EOF\n'
  else
    TMP_DIR=$(mktemp -d)
    file=$TMP_DIR/env.yaml
    env_yaml >"$file"
  fi
  ENV_FILE=$file
}

grant_build_role() {
  local email=$1
  # --condition=None: without it gcloud asks interactively when the policy has conditional bindings.
  run gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:$email" \
    --role="$BUILD_ROLE" --condition=None --format=none
}

deploy() {
  local name region runtime_sa scheduler_sa build_sa url
  name=$(cfg function name)
  region=$(cfg function region)
  runtime_sa=$(cfg function serviceAccount)@$PROJECT.iam.gserviceaccount.com
  scheduler_sa=$(cfg schedule serviceAccount)@$PROJECT.iam.gserviceaccount.com
  build_sa=$(cfg function buildServiceAccount)@$PROJECT.iam.gserviceaccount.com
  if [[ $DRY_RUN == true ]]; then print_dry_run_header; fi

  enable_services
  ensure_service_account "$(cfg function serviceAccount)" runtime
  ensure_service_account "$(cfg schedule serviceAccount)" scheduler
  ensure_service_account "$(cfg function buildServiceAccount)" build
  grant_build_role "$build_sa"

  env_file
  run gcloud functions deploy "$name" --project="$PROJECT" --gen2 --region="$region" \
    --runtime="$(cfg function runtime)" --entry-point="$(cfg function entryPoint)" \
    --trigger-http --no-allow-unauthenticated --service-account="$runtime_sa" \
    --build-service-account="projects/$PROJECT/serviceAccounts/$build_sa" \
    --env-vars-file="$ENV_FILE" --memory="$(cfg function memory)" --cpu="$(cfg function cpu)" \
    --timeout="$(cfg function timeout)" --max-instances="$(cfg function maxInstances)" \
    --concurrency="$(cfg function concurrency)" --source="$SCRIPT_DIR"

  run gcloud functions add-invoker-policy-binding "$name" --project="$PROJECT" \
    --region="$region" --member="serviceAccount:$scheduler_sa"

  local describe=(gcloud functions describe "$name" --project="$PROJECT" --region="$region"
    --format='value(serviceConfig.uri)')
  if [[ $DRY_RUN == true ]]; then
    # Printed as an assignment, so that the pasted job commands below get the real URL.
    local printed
    printed=$(print_command "${describe[@]}")
    # shellcheck disable=SC2016 # $(...) is printed for the shell the output is pasted into
    printf '+ URL=$(%s)\n' "${printed#+ }"
    url=$URL_REF
  else
    print_command "${describe[@]}"
    url=$("${describe[@]}")
    [[ -n $url ]] || die "gcloud functions describe $name returned no URL"
  fi

  local job=(gcloud scheduler jobs)
  local job_args=("$(cfg schedule job)" --project="$PROJECT" --location="$(cfg schedule location)"
    --schedule="$(cfg schedule cron)" --time-zone="$(cfg schedule timeZone)" --uri="$url"
    --http-method=post)
  local job_auth=(--message-body="$(cfg schedule body)"
    --oidc-service-account-email="$scheduler_sa" --oidc-token-audience="$url"
    --attempt-deadline="$(cfg schedule attemptDeadline)"
    --max-retry-attempts="$(cfg schedule maxRetryAttempts)"
    --min-backoff="$(cfg schedule minBackoff)" --max-backoff="$(cfg schedule maxBackoff)"
    --max-doublings="$(cfg schedule maxDoublings)")
  if exists "${job[@]}" describe "$(cfg schedule job)" --project="$PROJECT" \
    --location="$(cfg schedule location)"; then
    run "${job[@]}" update http "${job_args[@]}" --update-headers=Content-Type=application/json \
      "${job_auth[@]}"
  else
    run "${job[@]}" create http "${job_args[@]}" --headers=Content-Type=application/json \
      "${job_auth[@]}"
  fi
  delete_former_jobs

  cat <<EOF

Function URL: $url

One step gcloud cannot do: share the spreadsheet with the function's service account.
  Open:   https://docs.google.com/spreadsheets/d/$ENV_SPREADSHEET_ID/edit
  Share > add $runtime_sa as Editor (untick "Notify people").
Then try a plan-only call:
  curl -H "Authorization: Bearer \$(gcloud auth print-identity-token)" -X POST "$url?dryRun=true"
EOF
}

# Deletes the jobs of FORMER_JOBS that exist, other than the configured one, without a prompt:
# a deploy replaces them.
delete_former_jobs() {
  local former location
  location=$(cfg schedule location)
  for former in "${FORMER_JOBS[@]}"; do
    [[ $former != "$(cfg schedule job)" ]] || continue
    if exists gcloud scheduler jobs describe "$former" --project="$PROJECT" --location="$location"; then
      run gcloud scheduler jobs delete "$former" --project="$PROJECT" --location="$location" --quiet
    fi
  done
}

delete_all() {
  local name region location job id build_sa
  name=$(cfg function name)
  region=$(cfg function region)
  location=$(cfg schedule location)
  job=$(cfg schedule job)
  build_sa=$(cfg function buildServiceAccount)@$PROJECT.iam.gserviceaccount.com
  if [[ $DRY_RUN == true ]]; then print_dry_run_header; fi
  if exists gcloud scheduler jobs describe "$job" --project="$PROJECT" --location="$location"; then
    run gcloud scheduler jobs delete "$job" --project="$PROJECT" --location="$location"
  fi
  delete_former_jobs
  if exists gcloud functions describe "$name" --project="$PROJECT" --region="$region"; then
    run gcloud functions delete "$name" --project="$PROJECT" --region="$region"
  fi
  for id in "$(cfg function serviceAccount)" "$(cfg schedule serviceAccount)" \
    "$(cfg function buildServiceAccount)"; do
    local email=$id@$PROJECT.iam.gserviceaccount.com
    if exists gcloud iam service-accounts describe "$email" --project="$PROJECT"; then
      if [[ $email == "$build_sa" ]]; then
        # Else the project policy keeps a binding for a "deleted:" account.
        run gcloud projects remove-iam-policy-binding "$PROJECT" --member="serviceAccount:$email" \
          --role="$BUILD_ROLE" --condition=None --format=none \
          || note "no $BUILD_ROLE binding of $email to remove"
      fi
      run gcloud iam service-accounts delete "$email" --project="$PROJECT"
    fi
  done
  if [[ $DRY_RUN == false ]]; then
    note "deleted what existed; remove the runtime account from the spreadsheet's sharing by hand"
  fi
}

# --- main -----------------------------------------------------------------------------------

CONFIG=$SCRIPT_DIR/function.yaml
PROJECT=''
DRY_RUN=false
SKIP_ENABLE=false
HAVE_GCLOUD=false
ENV_FILE=''
DRY_RUN_ASSUME_EXISTS=false
ACTION=deploy
TMP_DIR=''
cleanup() {
  if [[ -n $TMP_DIR ]]; then rm -rf "$TMP_DIR"; fi
}
trap cleanup EXIT

while (($# > 0)); do
  case $1 in
    --config) (($# > 1)) || usage_error "--config needs a file"; CONFIG=$2; shift 2 ;;
    --config=*) CONFIG=${1#*=}; shift ;;
    --project) (($# > 1)) || usage_error "--project needs a project ID"; PROJECT=$2; shift 2 ;;
    --project=*) PROJECT=${1#*=}; shift ;;
    --dry-run) DRY_RUN=true; shift ;;
    --skip-enable) SKIP_ENABLE=true; shift ;;
    --delete) ACTION=delete; DRY_RUN_ASSUME_EXISTS=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown argument '$1' (see --help)" ;;
  esac
done
[[ $CONFIG == /* ]] || CONFIG=$PWD/$CONFIG

parse_config "$CONFIG"
validate_config
if command -v gcloud >/dev/null 2>&1; then
  HAVE_GCLOUD=true
elif [[ $DRY_RUN == true ]]; then
  note "gcloud not found on PATH; install the Google Cloud CLI before a real run"
else
  die "gcloud not found on PATH; install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install)"
fi
resolve_project
# The source is the directory that holds this script and pom.xml; gcloud reads its .gcloudignore.
cd "$SCRIPT_DIR"

if [[ $ACTION == delete ]]; then delete_all; else deploy; fi
