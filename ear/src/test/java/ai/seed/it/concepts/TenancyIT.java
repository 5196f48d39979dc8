package ai.seed.it.concepts;

import ai.seed.domain.apiclient.ApiScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptName;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.concept.ReferenceImageData;
import ai.seed.domain.security.ApiKeyCredential;
import ai.seed.domain.user.Role;
import ai.seed.inference.chat.CandidateSelector;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.pipeline.ItImages;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenants, users, API keys and scenarios through the services, and sign-in through the real
 * identity store: roles are enforced by the services, secrets are shown once, revoked keys stop
 * working, and scenarios cannot hold another tenant's concepts.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ai.seed.it.pipeline.PipelineFixture.deployment("tenancy-it.war");
    }

    @Inject
    TenancyService tenancy;
    @Inject
    ScenarioService scenarios;
    @Inject
    ConceptRepository concepts;
    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    CandidateSelector selector;

    final Caller platform = Caller.of("root", null, Role.PLATFORM_ADMIN);
    String run;
    TenancyService.TenantView acme;
    Caller acmeAdmin;

    @BeforeEach
    void tenantWithAdmin() {
        run = UUID.randomUUID().toString().substring(0, 8);
        acme = tenancy.createTenant(platform, "acme-" + run, "Acme");
        acmeAdmin = Caller.of("admin-" + run, acme.id(), Role.TENANT_ADMIN);
    }

    @Test
    void onlyPlatformAdminsCreateTenants() {
        assertEquals(ServiceException.Kind.FORBIDDEN, assertThrows(ServiceException.class,
                () -> tenancy.createTenant(acmeAdmin, "evil-" + run, "Evil")).kind());
        assertEquals("tenant-exists", assertThrows(ServiceException.class,
                () -> tenancy.createTenant(platform, "acme-" + run, "Again")).code());
        assertEquals("bad-tenant", assertThrows(ServiceException.class,
                () -> tenancy.createTenant(platform, "Bad Slug!", "x")).code());
    }

    @Test
    void aGeneratedPasswordIsShownOnceAndSignsIn() {
        TenancyService.CreatedUser created = tenancy.createUser(platform, acme.id(), "lina-" + run, "Lina", Role.TENANT_ADMIN, null);
        assertNotNull(created.generatedPassword());
        assertTrue(!created.toString().contains(created.generatedPassword()));

        CredentialValidationResult ok = identityStores.validate(
                new UsernamePasswordCredential("lina-" + run, new Password(created.generatedPassword())));
        assertEquals(CredentialValidationResult.Status.VALID, ok.getStatus());
        assertEquals(Set.of("TENANT_ADMIN"), ok.getCallerGroups());
        assertEquals(CredentialValidationResult.Status.INVALID, identityStores.validate(
                new UsernamePasswordCredential("lina-" + run, new Password("wrong-password-123"))).getStatus());

        TenancyService.CreatedUser chosen = tenancy.createUser(acmeAdmin, null, "sam-" + run, "Sam", Role.STAFF,
                "a-chosen-password-1");
        assertNull(chosen.generatedPassword());
        assertEquals(2, tenancy.users(acmeAdmin).size());
        assertEquals(ServiceException.Kind.FORBIDDEN, assertThrows(ServiceException.class,
                () -> tenancy.createUser(Caller.of("sam", acme.id(), Role.STAFF), null, "x-" + run, "X", Role.STAFF, null)).kind());
        assertEquals("bad-role", assertThrows(ServiceException.class,
                () -> tenancy.createUser(acmeAdmin, null, "p-" + run, "P", Role.PLATFORM_ADMIN, null)).code());
    }

    @Test
    void apiKeysAreShownOnceAndStopWorkingWhenRevoked() {
        TenancyService.IssuedKey issued = tenancy.issueApiKey(acmeAdmin, "partner-crm", Instant.now().plusSeconds(3600), ApiScope.ALL);
        assertTrue(issued.key().startsWith("seed_" + issued.client().keyPrefix() + "_"));
        assertTrue(tenancy.apiClients(acmeAdmin).stream().allMatch(c -> c.keyPrefix().length() == 8));

        CredentialValidationResult valid = identityStores.validate(new ApiKeyCredential(issued.key()));
        assertEquals(CredentialValidationResult.Status.VALID, valid.getStatus());
        assertEquals("api:" + issued.client().id(), valid.getCallerPrincipal().getName());
        assertEquals(Set.of("PARTNER"), valid.getCallerGroups());

        tenancy.revokeApiKey(acmeAdmin, issued.client().id());
        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStores.validate(new ApiKeyCredential(issued.key())).getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStores.validate(new ApiKeyCredential("seed_aaaaaaaa_" + "b".repeat(40))).getStatus());
    }

    @Test
    void anotherTenantCannotRevokeOrSeeKeys() {
        TenancyService.IssuedKey issued = tenancy.issueApiKey(acmeAdmin, "partner", null, ApiScope.ALL);
        TenancyService.TenantView globex = tenancy.createTenant(platform, "globex-" + run, "Globex");
        Caller globexAdmin = Caller.of("g", globex.id(), Role.TENANT_ADMIN);
        assertEquals(ServiceException.Kind.NOT_FOUND, assertThrows(ServiceException.class,
                () -> tenancy.revokeApiKey(globexAdmin, issued.client().id())).kind());
        assertTrue(tenancy.apiClients(globexAdmin).isEmpty());
        assertEquals(CredentialValidationResult.Status.VALID,
                identityStores.validate(new ApiKeyCredential(issued.key())).getStatus());
    }

    private UUID concept(UUID tenant, String name) {
        byte[] png = ItImages.toyPng(32);
        return concepts.add(new Concept(tenant, new ConceptName(name), name + " is a thing.", List.of(new ReferenceImageData(
                "image/png", "00", 32, 32, png, png, new BaselineEmbedder().embed(ItImages.toy(32)))), "it")).id();
    }

    @Test
    void scenariosHoldOnlyTheTenantsOwnConcepts() {
        UUID bo = concept(acme.id(), "<bo>");
        UUID lina = concept(acme.id(), "<lina>");
        TenancyService.TenantView globex = tenancy.createTenant(platform, "globex-" + run, "Globex");
        UUID foreign = concept(globex.id(), "<foreign>");

        ScenarioService.ScenarioView home = scenarios.create(acmeAdmin, "home", "at home", Set.of(bo, lina));
        assertEquals(Set.of("<bo>", "<lina>"), Set.copyOf(home.conceptNames()));
        assertEquals(ServiceException.Kind.NOT_FOUND, assertThrows(ServiceException.class,
                () -> scenarios.create(acmeAdmin, "sneaky", "", Set.of(bo, foreign))).kind());
        assertEquals(ServiceException.Kind.NOT_FOUND, assertThrows(ServiceException.class,
                () -> scenarios.get(Caller.of("g", globex.id(), Role.TENANT_ADMIN), home.id())).kind());
        assertEquals(1, scenarios.list(Caller.of("s", acme.id(), Role.STAFF)).size());
    }

    @Test
    void smallScopesAreUsedWholeLargeOnesByNameAndNearestImage() {
        for (int i = 0; i < 6; i++) {
            concept(acme.id(), "<c" + i + ">");
        }
        CandidateSelector.Selection whole = selector.select(acme.id(), null, "Is <c1> here?", null, 24);
        assertEquals(6, whole.concepts().size());

        CandidateSelector.Selection limited = selector.select(acme.id(), null, "Is <c4> next to <c5>?",
                new BaselineEmbedder().embed(ItImages.toy(40)), 3);
        List<String> names = limited.concepts().stream().map(TurnConcept::id).toList();
        assertEquals(3, names.size());
        assertTrue(names.containsAll(List.of("<c4>", "<c5>")), names.toString());
        assertTrue(limited.how().startsWith("2 named"), limited.how());
    }
}
