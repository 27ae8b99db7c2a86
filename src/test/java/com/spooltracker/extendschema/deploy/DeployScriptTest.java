package com.spooltracker.extendschema.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs deploy.sh with a fake {@code gcloud} first on PATH. The fake appends each invocation
 * to a log (one line, arguments joined by spaces) and answers describe probes with NOT_FOUND
 * unless the test lists the resource in FAKE_EXISTING. No real gcloud or network is used.
 */
class DeployScriptTest {

    private static final Path BASEDIR =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final String SOURCE = realPath(BASEDIR);
    private static final Path SCRIPT = BASEDIR.resolve("deploy.sh");
    private static final String PROJECT = "spool-test";
    private static final String URL = "https://extendschema-abc123-ue.a.run.app";
    private static final String RUNTIME_SA = "fixture-runtime@spool-test.iam.gserviceaccount.com";
    private static final String SCHEDULER_SA = "fixture-scheduler@spool-test.iam.gserviceaccount.com";
    private static final String BUILD_SA = "fixture-build@spool-test.iam.gserviceaccount.com";
    private static final String SPREADSHEET_ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

    private static final List<String> SERVICES = List.of(
            "cloudfunctions.googleapis.com",
            "run.googleapis.com",
            "cloudbuild.googleapis.com",
            "artifactregistry.googleapis.com",
            "cloudscheduler.googleapis.com",
            "iam.googleapis.com",
            "cloudresourcemanager.googleapis.com",
            "sheets.googleapis.com");
    private static final String ENABLE =
            "gcloud services enable " + String.join(" ", SERVICES) + " --project=spool-test";
    private static final String BUILD_ROLE_BINDING =
            "gcloud projects add-iam-policy-binding spool-test --member=serviceAccount:" + BUILD_SA
                    + " --role=roles/cloudbuild.builds.builder --condition=None --format=none";
    private static final String DEPLOY =
            "gcloud functions deploy extendSchema --project=spool-test --gen2 --region=us-east1"
                    + " --runtime=java21 --entry-point=com.spooltracker.extendschema.ExtendSchemaFunction"
                    + " --trigger-http --no-allow-unauthenticated --service-account=" + RUNTIME_SA
                    + " --build-service-account=projects/spool-test/serviceAccounts/" + BUILD_SA
                    + " --env-vars-file=ENV_FILE --memory=1Gi --cpu=1 --timeout=240s --max-instances=1"
                    + " --concurrency=1 --source=" + SOURCE;
    private static final String INVOKER_BINDING =
            "gcloud functions add-invoker-policy-binding extendSchema --project=spool-test"
                    + " --region=us-east1 --member=serviceAccount:" + SCHEDULER_SA;
    private static final String DESCRIBE_URL =
            "gcloud functions describe extendSchema --project=spool-test --region=us-east1"
                    + " --format=value(serviceConfig.uri)";
    private static final String DESCRIBE_JOB =
            "gcloud scheduler jobs describe fixture-job --project=spool-test --location=us-east1";
    private static final String DESCRIBE_FORMER_JOB =
            "gcloud scheduler jobs describe extendschema-daily --project=spool-test --location=us-east1";
    private static final String JOB_TARGET =
            " fixture-job --project=spool-test --location=us-east1 --schedule=15 3 * * 1-5"
                    + " --time-zone=America/Argentina/Buenos_Aires --uri=" + URL + " --http-method=post";
    private static final String JOB_REST =
            " --message-body={\"dryRun\": false} --oidc-service-account-email=" + SCHEDULER_SA
                    + " --oidc-token-audience=" + URL + " --attempt-deadline=300s --max-retry-attempts=1"
                    + " --min-backoff=30s --max-backoff=120s --max-doublings=1";

    private static final String FAKE_GCLOUD = """
      #!/usr/bin/env bash
      # Test double for gcloud: logs the call, answers like gcloud for the calls deploy.sh makes.
      printf 'gcloud %s\\n' "$*" >>"$FAKE_GCLOUD_LOG"
      for arg in "$@"; do
        case $arg in
          --env-vars-file=*) cp "${arg#*=}" "$FAKE_GCLOUD_DIR/env-vars-file.yaml" ;;
          --source=*) pwd >"$FAKE_GCLOUD_DIR/deploy-cwd" ;;
        esac
      done
      case "$1 $2 $3" in
        "config get-value project") printf '%s\\n' "${FAKE_PROJECT:-}"; exit 0 ;;
        "iam service-accounts describe" | "scheduler jobs describe") target=$4 ;;
        "functions describe "*)
          if [[ " $* " == *" --format=value(serviceConfig.uri) "* ]]; then
            printf '%s\\n' "$FAKE_URL"; exit 0
          fi
          target=$3 ;;
        "functions deploy "*) exit "${FAKE_DEPLOY_EXIT:-0}" ;;
        *) exit 0 ;;
      esac
      if [[ " ${FAKE_EXISTING:-} " == *" $target "* ]]; then echo "name: $target"; exit 0; fi
      echo "ERROR: (gcloud) NOT_FOUND: $target" >&2
      exit 1
      """;

    @TempDir
    Path tmp;

    private Path fakeBin;
    private Path log;
    private Path scriptTmp;
    private Path config;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        fakeBin = Files.createDirectories(tmp.resolve("bin"));
        Path gcloud = Files.writeString(fakeBin.resolve("gcloud"), FAKE_GCLOUD);
        assertTrue(gcloud.toFile().setExecutable(true));
        log = Files.createFile(tmp.resolve("gcloud.log"));
        scriptTmp = Files.createDirectories(tmp.resolve("script-tmp"));
        config = tmp.resolve("function.yaml");
        try (InputStream in = DeployScriptTest.class.getResourceAsStream("function.yaml")) {
            Files.copy(in, config);
        }
        env.put("PATH", fakeBin + File.pathSeparator + System.getenv("PATH"));
        env.put("FAKE_GCLOUD_LOG", log.toString());
        env.put("FAKE_GCLOUD_DIR", tmp.toString());
        env.put("FAKE_PROJECT", PROJECT);
        env.put("FAKE_URL", URL);
        env.put("TMPDIR", scriptTmp.toString());
    }

    @Test
    void firstDeployEnablesServicesFirstThenCreatesAccountsBuildsAsTheBuildAccountAndCreatesTheJob() throws Exception {
        Result result = run("--config", config.toString());

        assertEquals(0, result.exit(), result.stderr());
        assertEquals(
                List.of(
                        "gcloud config get-value project",
                        ENABLE,
                        "gcloud iam service-accounts describe " + RUNTIME_SA + " --project=spool-test",
                        "gcloud iam service-accounts create fixture-runtime --project=spool-test"
                                + " --display-name=extendSchema runtime",
                        "gcloud iam service-accounts describe " + SCHEDULER_SA + " --project=spool-test",
                        "gcloud iam service-accounts create fixture-scheduler --project=spool-test"
                                + " --display-name=extendSchema scheduler",
                        "gcloud iam service-accounts describe " + BUILD_SA + " --project=spool-test",
                        "gcloud iam service-accounts create fixture-build --project=spool-test"
                                + " --display-name=extendSchema build",
                        BUILD_ROLE_BINDING,
                        DEPLOY,
                        INVOKER_BINDING,
                        DESCRIBE_URL,
                        DESCRIBE_JOB,
                        "gcloud scheduler jobs create http" + JOB_TARGET + " --headers=Content-Type=application/json"
                                + JOB_REST,
                        DESCRIBE_FORMER_JOB),
                result.gcloudCalls());
    }

    @Test
    void deployPassesTheEnvMapAsStringsPlusTheProjectAndRunsFromTheRepositoryRoot() throws Exception {
        Result result = run("--config", config.toString());

        assertEquals(0, result.exit(), result.stderr());
        assertEquals(
                List.of(
                        "SPREADSHEET_ID: '" + SPREADSHEET_ID + "'",
                        "SHEET_NAME: 'Operaciones'",
                        "KEY_COLUMN: 'TAG_SPOOL'",
                        "AUDIT_SHEET: 'extendSchema_log'",
                        "SHEETS_DEADLINE_SECONDS: '90'",
                        "JAVA_TOOL_OPTIONS: '-XX:+TieredCompilation -XX:TieredStopAtLevel=1'",
                        "GOOGLE_CLOUD_PROJECT: 'spool-test'"),
                Files.readAllLines(tmp.resolve("env-vars-file.yaml")));
        assertEquals(
                BASEDIR.toRealPath().toString(),
                Files.readString(tmp.resolve("deploy-cwd")).strip());
        try (Stream<Path> left = Files.list(scriptTmp)) {
            assertEquals(List.of(), left.toList(), "temporary files are removed on exit");
        }
    }

    @Test
    void deployEndsWithTheSharingStepNamingTheSheetAndTheRuntimeAccount() throws Exception {
        Result result = run("--config", config.toString());

        assertEquals(0, result.exit(), result.stderr());
        assertTrue(
                result.stdout().contains("https://docs.google.com/spreadsheets/d/" + SPREADSHEET_ID + "/edit"),
                result.stdout());
        assertTrue(result.stdout().contains("add " + RUNTIME_SA + " as Editor"), result.stdout());
    }

    @Test
    void redeployWithExistingAccountsAndJobCreatesNothingAndUpdatesTheJob() throws Exception {
        env.put("FAKE_EXISTING", RUNTIME_SA + " " + SCHEDULER_SA + " " + BUILD_SA + " fixture-job");

        Result result = run("--config", config.toString());

        assertEquals(0, result.exit(), result.stderr());
        assertEquals(
                List.of(
                        "gcloud config get-value project",
                        ENABLE,
                        "gcloud iam service-accounts describe " + RUNTIME_SA + " --project=spool-test",
                        "gcloud iam service-accounts describe " + SCHEDULER_SA + " --project=spool-test",
                        "gcloud iam service-accounts describe " + BUILD_SA + " --project=spool-test",
                        BUILD_ROLE_BINDING,
                        DEPLOY,
                        INVOKER_BINDING,
                        DESCRIBE_URL,
                        DESCRIBE_JOB,
                        "gcloud scheduler jobs update http" + JOB_TARGET
                                + " --update-headers=Content-Type=application/json" + JOB_REST,
                        DESCRIBE_FORMER_JOB),
                result.gcloudCalls());
    }

    @Test
    void aDeployDeletesTheJobLeftUnderTheFormerNameOnceTheNewOneIsCreated() throws Exception {
        env.put("FAKE_EXISTING", "extendschema-daily");

        Result result = run("--config", config.toString());

        assertEquals(0, result.exit(), result.stderr());
        List<String> calls = result.gcloudCalls();
        assertEquals(
                List.of(
                        "gcloud scheduler jobs create http" + JOB_TARGET + " --headers=Content-Type=application/json"
                                + JOB_REST,
                        DESCRIBE_FORMER_JOB,
                        "gcloud scheduler jobs delete extendschema-daily --project=spool-test --location=us-east1"
                                + " --quiet"),
                calls.subList(calls.size() - 3, calls.size()));
    }

    @Test
    void theShippedJobIsNamedForTheRefreshItRunsEveryQuarterHourNotDaily() throws IOException {
        List<String> schedule = Files.readAllLines(BASEDIR.resolve("function.yaml")).stream()
                .filter(line -> line.startsWith("  job: ") || line.startsWith("  cron: "))
                .toList();

        assertEquals(List.of("  job: extendschema-refresh", "  cron: '*/15 * * * *'"), schedule);
    }

    @Test
    void anUnknownArgumentOrAMissingValueIsAUsageErrorExitingTwo() throws Exception {
        for (String[] args : List.of(new String[] {"--dryrun"}, new String[] {"--project"})) {
            Result result = run(args);

            assertEquals(2, result.exit(), result.stderr());
            assertTrue(result.stderr().startsWith("deploy.sh: error: "), result.stderr());
            assertTrue(result.stderr().contains(args[0]), result.stderr());
            assertEquals(List.of(), result.gcloudCalls());
        }
    }

    @Test
    void skipEnableLeavesServicesAloneAndNamesTheOnesNeeded() throws Exception {
        Result result = run("--config", config.toString(), "--skip-enable");

        assertEquals(0, result.exit(), result.stderr());
        assertTrue(
                result.gcloudCalls().stream().noneMatch(call -> call.startsWith("gcloud services")),
                result.gcloudCalls()::toString);
        assertEquals(
                "gcloud iam service-accounts describe " + RUNTIME_SA + " --project=spool-test",
                result.gcloudCalls().get(1),
                "the deploy goes on with the accounts");
        assertTrue(result.gcloudCalls().contains(DEPLOY), result.gcloudCalls()::toString);
        assertTrue(
                result.stderr()
                        .contains("not enabling services (--skip-enable); these must be enabled: "
                                + String.join(" ", SERVICES)),
                result.stderr());
    }

    @Test
    void dryRunWithProjectRunsNoGcloudAndPrintsEveryCommandShellQuoted() throws Exception {
        Result result = run("--config", config.toString(), "--project", "other-project", "--dry-run");

        assertEquals(0, result.exit(), result.stderr());
        assertEquals(List.of(), result.gcloudCalls());
        String sa = "fixture-%s@other-project.iam.gserviceaccount.com";
        String at = " --project=other-project --location=us-east1";
        String envFile = scriptTmp.resolve("extendSchema-env.yaml").toString();
        assertEquals(
                List.of(
                        "+ " + ENABLE.replace("spool-test", "other-project"),
                        "+ gcloud iam service-accounts describe " + sa.formatted("runtime")
                                + " --project=other-project",
                        "+ gcloud iam service-accounts create fixture-runtime --project=other-project"
                                + " --display-name='extendSchema runtime'",
                        "+ gcloud iam service-accounts describe " + sa.formatted("scheduler")
                                + " --project=other-project",
                        "+ gcloud iam service-accounts create fixture-scheduler --project=other-project"
                                + " --display-name='extendSchema scheduler'",
                        "+ gcloud iam service-accounts describe " + sa.formatted("build") + " --project=other-project",
                        "+ gcloud iam service-accounts create fixture-build --project=other-project"
                                + " --display-name='extendSchema build'",
                        "+ " + BUILD_ROLE_BINDING.replace("spool-test", "other-project"),
                        "+ cat >" + envFile + " <<'EOF'",
                        "+ " + DEPLOY.replace("spool-test", "other-project"),
                        "+ " + INVOKER_BINDING.replace("spool-test", "other-project"),
                        "+ URL=$(gcloud functions describe extendSchema --project=other-project --region=us-east1"
                                + " --format='value(serviceConfig.uri)')",
                        "+ gcloud scheduler jobs describe fixture-job" + at,
                        "+ gcloud scheduler jobs create http fixture-job" + at
                                + " --schedule='15 3 * * 1-5' --time-zone=America/Argentina/Buenos_Aires"
                                + " --uri=\"$URL\" --http-method=post"
                                + " --headers=Content-Type=application/json"
                                + " --message-body='{\"dryRun\": false}' --oidc-service-account-email="
                                + sa.formatted("scheduler") + " --oidc-token-audience=\"$URL\""
                                + " --attempt-deadline=300s --max-retry-attempts=1 --min-backoff=30s"
                                + " --max-backoff=120s --max-doublings=1",
                        "+ gcloud scheduler jobs describe extendschema-daily" + at),
                commandLines(result.stdout()));
        assertTrue(
                result.stdout().contains("\nSPREADSHEET_ID: '" + SPREADSHEET_ID + "'\n"),
                "dry run shows the generated env file");
        assertTrue(result.stdout().contains(" --env-vars-file=" + envFile + " "), "the file the cat command writes");
        assertEquals(List.of(), placeholders(result.stdout()), "the URL is captured, not a placeholder");
        assertEquals(List.of(), listFiles(scriptTmp), "a dry run writes nothing");
    }

    @Test
    void dryRunOfTheShippedConfigWithoutProjectOrGcloudPreviewsWithMarkedPlaceholders() throws Exception {
        env.put("PATH", toolsWithoutGcloud().toString());

        Result result = run("--dry-run");

        assertEquals(0, result.exit(), result.stderr());
        assertTrue(result.stderr().contains("gcloud not found on PATH"), result.stderr());
        List<String> header =
                result.stdout().lines().takeWhile(line -> line.startsWith("#")).toList();
        assertEquals("# DRY RUN: the commands a real run would run, in order; nothing was changed.", header.get(0));
        assertTrue(
                header.stream()
                        .anyMatch(line -> line.startsWith("#   REPLACE_WITH_SPREADSHEET_ID ")
                                && line.contains("env.SPREADSHEET_ID")),
                header::toString);
        assertTrue(
                header.stream().anyMatch(line -> line.startsWith("#   PROJECT_ID ") && line.contains("--project")),
                header::toString);
        List<String> commands = commandLines(result.stdout());
        assertEquals(15, commands.size(), result.stdout());
        assertTrue(commands.get(0).startsWith("+ gcloud services enable "), commands.get(0));
        assertTrue(
                commands.stream()
                        .filter(line -> line.contains("gcloud"))
                        .allMatch(line -> line.contains("--project=PROJECT_ID") || line.contains(" PROJECT_ID ")),
                result.stdout());
        assertTrue(result.stdout().contains("\nSPREADSHEET_ID: 'REPLACE_WITH_SPREADSHEET_ID'\n"), result.stdout());
    }

    @Test
    void dryRunOutputPastedIntoAShellMakesTheSameCallsAsARealRun() throws Exception {
        Result real = run("--config", config.toString(), "--project", PROJECT);
        assertEquals(0, real.exit(), real.stderr());
        String realEnvFile = Files.readString(tmp.resolve("env-vars-file.yaml"));
        Files.writeString(log, "");
        Files.delete(tmp.resolve("env-vars-file.yaml"));
        Result dry = run("--config", config.toString(), "--project", PROJECT, "--dry-run");
        assertEquals(0, dry.exit(), dry.stderr());
        assertEquals(List.of(), dry.gcloudCalls());

        ProcessBuilder paste = new ProcessBuilder(
                        onPath("bash").orElseThrow().toString(), "-c", pastedPart(dry.stdout()))
                .directory(tmp.toFile())
                .redirectErrorStream(true);
        paste.environment().keySet().removeIf(key -> key.startsWith("CLOUDSDK_"));
        paste.environment().putAll(env);
        Process shell = paste.start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(60, TimeUnit.SECONDS), output);

        List<String> pasted = Files.readAllLines(log).stream()
                .map(line -> line.replaceAll("--env-vars-file=\\S+", "--env-vars-file=ENV_FILE"))
                .toList();
        assertTrue(
                real.gcloudCalls().stream().anyMatch(call -> call.contains("--uri=" + URL)),
                real.gcloudCalls()::toString);
        assertEquals(real.gcloudCalls(), pasted, "the same calls, the URL included: " + output);
        assertEquals(
                realEnvFile,
                Files.readString(tmp.resolve("env-vars-file.yaml")),
                "the pasted commands pass the same env file");
    }

    @Test
    void dryRunWithoutProjectOnlyReadsTheConfiguredProject() throws Exception {
        Result result = run("--config", config.toString(), "--dry-run");

        assertEquals(0, result.exit(), result.stderr());
        assertEquals(List.of("gcloud config get-value project"), result.gcloudCalls());
        assertTrue(result.stdout().contains("--project=spool-test"), result.stdout());
    }

    @Test
    void projectFromCloudsdkCorePropertyIsUsedWithoutAskingGcloud() throws Exception {
        env.put("CLOUDSDK_CORE_PROJECT", "env-project");

        Result result = run("--config", config.toString(), "--dry-run");

        assertEquals(0, result.exit(), result.stderr());
        assertEquals(List.of(), result.gcloudCalls());
        assertTrue(result.stdout().contains("--project=env-project"), result.stdout());
    }

    @Test
    void failedDeployStopsBeforeTheInvokerBindingAndTheJob() throws Exception {
        env.put("FAKE_EXISTING", RUNTIME_SA + " " + SCHEDULER_SA);
        env.put("FAKE_DEPLOY_EXIT", "2");

        Result result = run("--config", config.toString());

        assertNotEquals(0, result.exit());
        assertEquals(DEPLOY, result.gcloudCalls().get(result.gcloudCalls().size() - 1));
    }

    @Test
    void missingRegionFailsNamingTheFieldAndTheFileBeforeAnyGcloudCall() throws Exception {
        Files.writeString(config, Files.readString(config).replace("  region: us-east1\n", ""));

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertEquals(
                List.of("deploy.sh: error: " + config
                        + ": missing required field function.region (key 'region' under 'function:')"),
                result.stderr().lines().toList());
        assertEquals(List.of(), result.gcloudCalls());
    }

    @Test
    void shippedConfigIsRejectedUntilTheSpreadsheetIdIsSet() throws Exception {
        Result result = run("--project", PROJECT);

        assertEquals(1, result.exit());
        assertEquals(
                List.of("deploy.sh: error: " + BASEDIR.resolve("function.yaml")
                        + ": env.SPREADSHEET_ID is still the placeholder; set it to the ID in the sheet's URL"),
                result.stderr().lines().toList());
        assertEquals("", result.stdout());
        assertEquals(List.of(), result.gcloudCalls());
    }

    @Test
    void shippedConfigIsCompleteOnceTheSpreadsheetIdIsSet() throws Exception {
        String shipped = Files.readString(BASEDIR.resolve("function.yaml"));
        Files.writeString(config, shipped.replace("REPLACE_WITH_SPREADSHEET_ID", SPREADSHEET_ID));

        Result result = run("--config", config.toString(), "--project", PROJECT, "--dry-run");

        assertEquals(0, result.exit(), result.stderr());
        assertEquals(15, commandLines(result.stdout()).size(), result.stdout());
        assertEquals(0, placeholders(result.stdout()).size(), result.stdout());
    }

    @Test
    void missingGcloudFailsWithAnInstallHint() throws Exception {
        env.put("PATH", toolsWithoutGcloud().toString());

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertEquals(
                List.of("deploy.sh: error: gcloud not found on PATH; install the Google Cloud"
                        + " CLI (https://cloud.google.com/sdk/docs/install)"),
                result.stderr().lines().toList());
    }

    @Test
    void noProjectAnywhereFailsSayingHowToSetOne() throws Exception {
        env.put("FAKE_PROJECT", "");

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertTrue(result.stderr().startsWith("deploy.sh: error: no Google Cloud project set"), result.stderr());
        assertEquals(List.of("gcloud config get-value project"), result.gcloudCalls());
    }

    @Test
    void emulatorHostIsNeverDeployed() throws Exception {
        Files.writeString(
                config, Files.readString(config).replace("env:\n", "env:\n  SHEETS_EMULATOR_HOST: localhost:9090\n"));

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertTrue(result.stderr().contains("env.SHEETS_EMULATOR_HOST is for local runs only"), result.stderr());
        assertEquals(List.of(), result.gcloudCalls());
    }

    @Test
    void anAuditSheetThatIsTheTrackersEventLogIsNeverDeployed() throws Exception {
        Files.writeString(
                config, Files.readString(config).replace("AUDIT_SHEET: \"extendSchema_log\"", "AUDIT_SHEET: metadata"));

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertTrue(result.stderr().contains("env.AUDIT_SHEET 'metadata' is the tracker's event log"), result.stderr());
        assertEquals(List.of(), result.gcloudCalls());

        Files.writeString(config, Files.readString(config).replace("env:\n", "env:\n  METADATA_SHEET: Eventos\n"));

        assertEquals(0, run("--config", config.toString()).exit(), "with the event log elsewhere, the name is free");
    }

    @Test
    void attemptDeadlineShorterThanTheFunctionTimeoutIsRejected() throws Exception {
        Files.writeString(config, Files.readString(config).replace("attemptDeadline: 300s", "attemptDeadline: 200s"));

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertTrue(
                result.stderr().contains("schedule.attemptDeadline (200s) must be at least function.timeout (240s)"),
                result.stderr());
    }

    @Test
    void misspelledFieldIsRejectedWithItsLine() throws Exception {
        Files.writeString(config, Files.readString(config).replace("  memory: 1Gi", "  memroy: 1Gi"));

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertEquals(
                List.of("deploy.sh: error: " + config + ":8: unknown field function.memroy"),
                result.stderr().lines().toList());
    }

    @Test
    void commentAfterAValueIsRejectedRatherThanMisread() throws Exception {
        Files.writeString(config, Files.readString(config).replace("  memory: 1Gi", "  memory: 1Gi # more later"));

        Result result = run("--config", config.toString());

        assertEquals(1, result.exit());
        assertTrue(result.stderr().contains(":8: function.memory: comments after a value"), result.stderr());
    }

    @Test
    void deleteRemovesJobFunctionAndAccountsThatExist() throws Exception {
        env.put("FAKE_EXISTING", "fixture-job extendSchema " + RUNTIME_SA + " " + BUILD_SA);

        Result result = run("--config", config.toString(), "--delete");

        assertEquals(0, result.exit(), result.stderr());
        String fn = " extendSchema --project=spool-test --region=us-east1";
        assertEquals(
                List.of(
                        "gcloud config get-value project",
                        DESCRIBE_JOB,
                        "gcloud scheduler jobs delete fixture-job --project=spool-test --location=us-east1",
                        DESCRIBE_FORMER_JOB,
                        "gcloud functions describe" + fn,
                        "gcloud functions delete" + fn,
                        "gcloud iam service-accounts describe " + RUNTIME_SA + " --project=spool-test",
                        "gcloud iam service-accounts delete " + RUNTIME_SA + " --project=spool-test",
                        "gcloud iam service-accounts describe " + SCHEDULER_SA + " --project=spool-test",
                        "gcloud iam service-accounts describe " + BUILD_SA + " --project=spool-test",
                        BUILD_ROLE_BINDING.replace("add-iam-policy-binding", "remove-iam-policy-binding"),
                        "gcloud iam service-accounts delete " + BUILD_SA + " --project=spool-test"),
                result.gcloudCalls());
    }

    @Test
    void helpDescribesTheOptionsWithoutTouchingGcloud() throws Exception {
        Result result = run("--help");

        assertEquals(0, result.exit());
        for (String option : List.of("--config", "--project", "--dry-run", "--skip-enable", "--delete")) {
            assertTrue(result.stdout().contains(option), option);
        }
        assertEquals(List.of(), result.gcloudCalls());
    }

    @Test
    void shellcheckFindsNothing() throws Exception {
        Optional<Path> shellcheck = onPath("shellcheck");
        Assumptions.assumeTrue(shellcheck.isPresent(), "shellcheck is not installed");

        Process process = new ProcessBuilder(shellcheck.get().toString(), SCRIPT.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.waitFor(), output);
    }

    // --- harness ------------------------------------------------------------------------------

    private record Result(int exit, String stdout, String stderr, List<String> gcloudCalls) {}

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(onPath("bash").orElseThrow().toString());
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("CLOUDSDK_"));
        builder.environment().putAll(env);
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "deploy.sh did not finish");
        List<String> calls = Files.readAllLines(log).stream()
                .map(line -> line.replaceAll("--env-vars-file=\\S+", "--env-vars-file=ENV_FILE"))
                .toList();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err), calls);
    }

    /** What a user would paste from a dry run: the commands without their "+ ", and the env file's here-document. */
    private static String pastedPart(String stdout) {
        StringBuilder script = new StringBuilder();
        boolean inHereDocument = false;
        for (String line : stdout.lines().toList()) {
            if (inHereDocument) {
                script.append(line).append('\n');
                inHereDocument = !line.equals("EOF");
            } else if (line.startsWith("+ ")) {
                script.append(line.substring(2)).append('\n');
                inHereDocument = line.endsWith("<<'EOF'");
            }
        }
        return script.toString();
    }

    /** The placeholder lines of a dry run's header. */
    private static List<String> placeholders(String stdout) {
        return stdout.lines()
                .takeWhile(line -> line.startsWith("#"))
                .filter(line -> line.startsWith("#   "))
                .toList();
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> commandLines(String stdout) {
        return stdout.lines()
                .filter(line -> line.startsWith("+ "))
                .map(line -> line.replaceAll("--env-vars-file=\\S+", "--env-vars-file=ENV_FILE"))
                .toList();
    }

    /** A PATH with the basic tools deploy.sh may use, but no gcloud. */
    private Path toolsWithoutGcloud() throws IOException {
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : List.of("mktemp", "rm", "cat")) {
            Optional<Path> found = onPath(tool);
            if (found.isPresent()) {
                Files.createSymbolicLink(tools.resolve(tool), found.get());
            }
        }
        return tools;
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
