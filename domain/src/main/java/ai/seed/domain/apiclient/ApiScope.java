package ai.seed.domain.apiclient;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a partner's API key may do. A key carries the scopes its tenant admin chose when creating
 * it; every service checks the one its operation needs, so a key for a chat integration cannot
 * rebuild the dictionary. Console users are not limited by scopes (their role decides).
 */
public enum ApiScope {

    /** Ask questions ({@code /api/v1/turns}, {@code /v1/chat/completions}) and read past turns. */
    TURNS("Ask questions and read past turns"),
    /** Register, edit and delete concepts and scenarios. */
    CONCEPTS("Register, edit and delete concepts and scenarios"),
    /** Retrain, activate and roll back the meta-concept dictionary; upload adapters. */
    DICTIONARY("Retrain and activate the meta-concept dictionary, upload adapters"),
    /** Start, read and cancel evaluation runs. */
    EVALUATIONS("Start and read evaluation runs"),
    /**
     * Create, list, suspend and delete tenants ({@code /api/v1/admin/tenants}). Only a platform
     * key, issued by a platform admin and bound to no tenant, carries it; a tenant's key never does.
     */
    TENANTS("Create, list, suspend and delete tenants (platform keys only)");

    /** Every scope a tenant's key may carry: a key that may do all a partner key can. */
    public static final Set<ApiScope> ALL = Collections.unmodifiableSet(EnumSet.of(TURNS, CONCEPTS, DICTIONARY, EVALUATIONS));

    /** The scopes of a platform key: tenant provisioning, nothing inside a tenant. */
    public static final Set<ApiScope> PLATFORM = Collections.unmodifiableSet(EnumSet.of(TENANTS));

    /** Reading concepts and scenarios: a key that asks questions may see what it can ask about. */
    public static final Set<ApiScope> READ_CONCEPTS = Collections.unmodifiableSet(EnumSet.of(TURNS, CONCEPTS));

    /** The scopes a key created before scopes existed keeps: what partner keys could do then. */
    public static final Set<ApiScope> LEGACY = Collections.unmodifiableSet(EnumSet.of(TURNS, CONCEPTS, EVALUATIONS));

    private final String purpose;

    ApiScope(String purpose) {
        this.purpose = purpose;
    }

    /** The name used on the wire, in the database and in the docs: {@code turns}, {@code concepts}... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String purpose() {
        return purpose;
    }

    public static ApiScope parse(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + id + "'; known: " + ids(ALL)));
    }

    /** Parses the stored form, e.g. {@code "turns,concepts"}; blank is no scope. */
    public static Set<ApiScope> parseList(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(ApiScope::parse).forEach(scopes::add);
        }
        return scopes;
    }

    /** The stored and displayed form, in declaration order, e.g. {@code "turns,concepts"}. */
    public static String ids(Set<ApiScope> scopes) {
        return Arrays.stream(values()).filter(scopes::contains).map(ApiScope::id).collect(Collectors.joining(","));
    }
}
