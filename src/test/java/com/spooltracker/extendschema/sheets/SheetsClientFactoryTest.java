package com.spooltracker.extendschema.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spooltracker.extendschema.failure.Failure;
import org.junit.jupiter.api.Test;

class SheetsClientFactoryTest {
    @Test
    void withoutCredentialsTheMessageGivesBothLocalStepsTheLoginAndTheQuotaProject() {
        Failure.NotConfigured failure = SheetsClientFactory.noCredentials();

        String message = failure.getMessage();
        assertEquals("NOT_CONFIGURED", failure.status());
        int login = message.indexOf("gcloud auth application-default login --scopes=");
        int quotaProject = message.indexOf("gcloud auth application-default set-quota-project PROJECT_ID");
        assertTrue(login >= 0 && quotaProject > login, message);
        assertTrue(message.contains("SHEETS_EMULATOR_HOST"), message);
    }
}
