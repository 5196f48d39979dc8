package ai.seed.web.api.admin;

import ai.seed.inference.service.ServiceException;
import ai.seed.inference.tenancy.TenancyService.TenantView;
import ai.seed.inference.tenancy.TenantProvisioning;
import ai.seed.inference.tenancy.TenantProvisioning.Provisioned;
import ai.seed.inference.tenancy.TenantProvisioning.Removed;
import ai.seed.web.api.ApiCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tenant provisioning for an operator's automation: a platform key (scope {@code tenants}, issued
 * by a platform admin under Tenants) creates, lists, suspends, resumes and deletes tenants.
 */
@Path("/v1/admin/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Tenant provisioning. API key scope: 'tenants' (a platform key; a tenant's key never has it).")
@SecurityRequirement(name = "apiKey", scopes = "tenants")
public class TenantsAdminResource {

    /** A tenant to create and its first tenant admin (whose password is generated and shown once). */
    public record NewTenant(String slug, String name, NewAdmin admin) {
    }

    /** The first tenant admin. */
    public record NewAdmin(String username, String displayName) {
    }

    /** A tenant as the API shows it. */
    public record TenantDto(UUID id, String slug, String name, String status, String defaultMode, Instant createdAt,
                            Instant suspendedAt) {
        static TenantDto of(TenantView t) {
            return new TenantDto(t.id(), t.slug(), t.name(), t.status(), t.defaultMode(), t.createdAt(), t.suspendedAt());
        }
    }

    /** The first admin: {@code password} only in the answer to the request that created it. */
    public record AdminDto(UUID id, String username, String displayName, String password) {
    }

    /** A create's answer: {@code created} false when this exact tenant already existed. */
    public record ProvisionedDto(TenantDto tenant, AdminDto admin, boolean created) {
        static ProvisionedDto of(Provisioned p) {
            var u = p.admin().user();
            return new ProvisionedDto(TenantDto.of(p.tenant()),
                    new AdminDto(u.id(), u.username(), u.displayName(), p.admin().generatedPassword()), p.created());
        }

        @Override
        public String toString() {
            return "ProvisionedDto[" + tenant.slug() + ", password=****]";
        }
    }

    @Inject
    TenantProvisioning provisioning;
    @Inject
    ApiCallers callers;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Create a tenant and its first admin",
            description = "201 with the admin's generated password (shown once). Repeating the same request answers 200"
                    + " with created=false and no password; the same slug with other values is 409 tenant-exists.")
    public Response create(NewTenant body) {
        NewTenant b = body == null ? new NewTenant(null, null, null) : body;
        NewAdmin admin = b.admin() == null ? new NewAdmin(null, null) : b.admin();
        // The service checks the caller before the input: a key without the scope learns nothing more.
        Provisioned p = provisioning.create(callers.of(security), b.slug(), b.name(), admin.username(),
                admin.displayName() == null ? admin.username() : admin.displayName());
        ProvisionedDto dto = ProvisionedDto.of(p);
        return (p.created() ? Response.created(uri.getAbsolutePathBuilder().path(p.tenant().id().toString()).build())
                : Response.ok()).entity(dto).header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(summary = "Every tenant, active and suspended")
    public List<TenantDto> list() {
        return provisioning.list(callers.of(security)).stream().map(TenantDto::of).toList();
    }

    @GET
    @Path("{id}")
    public TenantDto get(@PathParam("id") UUID id) {
        return TenantDto.of(provisioning.get(callers.of(security), id));
    }

    @POST
    @Path("{id}/suspend")
    @Operation(summary = "Suspend a tenant", description = "Its users cannot sign in, its sessions and keys are refused"
            + " with 403 tenant-suspended; its data is kept. Idempotent.")
    public TenantDto suspend(@PathParam("id") UUID id) {
        return TenantDto.of(provisioning.suspend(callers.of(security), id));
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Lift a suspension", description = "Idempotent.")
    public TenantDto resume(@PathParam("id") UUID id) {
        return TenantDto.of(provisioning.resume(callers.of(security), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a suspended tenant and everything it owns",
            description = "One transaction: users, keys, concepts, reference images and embeddings, scenarios, turns"
                    + " and traces, evaluations, its own dictionaries. Answers what it removed; the audit trail stays."
                    + " An active tenant is 409 tenant-active: suspend it first.")
    public Removed delete(@PathParam("id") UUID id) {
        return provisioning.delete(callers.of(security), id);
    }
}
