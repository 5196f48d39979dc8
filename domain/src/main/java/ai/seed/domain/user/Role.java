package ai.seed.domain.user;

/**
 * Who may do what. Role names are the Jakarta Security group names checked by
 * {@code @RolesAllowed} on every service method.
 */
public enum Role {
    /** Runs the platform: tenants, the platform dictionary, model endpoints. Belongs to no tenant. */
    PLATFORM_ADMIN,
    /** Manages one tenant: concepts, scenarios, users, API keys, its turns. */
    TENANT_ADMIN,
    /** Chats with the tenant's concepts and reads its own turns. */
    STAFF,
    /** A partner system calling the API with a key of one tenant. */
    PARTNER,
    /** A training job holding a key that may upload one meta-concept's adapter, nothing else. */
    ADAPTER_UPLOADER;

    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";
    public static final String TENANT_ADMIN_NAME = "TENANT_ADMIN";
    public static final String STAFF_NAME = "STAFF";
    public static final String PARTNER_NAME = "PARTNER";
    public static final String ADAPTER_UPLOADER_NAME = "ADAPTER_UPLOADER";
}
