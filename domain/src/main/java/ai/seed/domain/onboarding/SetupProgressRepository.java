package ai.seed.domain.onboarding;

import java.util.UUID;

/**
 * Port for what a getting-started checklist reads: which first steps the platform and a tenant
 * have taken, as facts in the database (never a flag someone ticks), so a step turns done by
 * itself once it is. Every answer is an existence check: the home page stays cheap however many
 * turns a tenant has.
 */
public interface SetupProgressRepository {

    /** The platform's first steps (models are configuration, read elsewhere); dictionary = the platform-wide one. */
    record PlatformProgress(boolean tenantWithAdmin, boolean dictionaryBuilt, boolean activeAdaptersUploaded,
                            boolean evaluationSucceeded) {
    }

    /** A tenant's first steps. */
    record TenantProgress(boolean conceptRegistered, boolean scenarioCreated, boolean questionAsked,
                          boolean turnInspected, boolean apiKeyIssued) {
    }

    /** The audit action recorded when a console user opens a turn in the inspector. */
    String TURN_INSPECTED = "turn.inspect";

    PlatformProgress platform();

    TenantProgress tenant(UUID tenantId);
}
