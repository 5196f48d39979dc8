package ai.seed.web.api.concepts;

import ai.seed.inference.concepts.ConceptListing;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.concepts.RegisterConcept;
import ai.seed.web.api.ApiCallers;
import ai.seed.web.api.Uploads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Concepts of the caller's tenant: register (multipart or JSON), list, read, change, delete. */
@Path("/v1/concepts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "concepts", description = "Concepts of the caller's tenant. API key scope: 'concepts' (reading also with 'turns').")
@SecurityRequirement(name = "apiKey", scopes = "concepts")
public class ConceptsResource {

    /** JSON registration: images as base64 (or base64 data URLs). */
    public record CreateConcept(String name, String description, List<Uploads.ImageJson> images) {
    }

    /** A description change (the identity is extracted again). */
    public record ChangeDescription(String description) {
    }

    /** Images as JSON for a replacement. */
    public record ReplaceImages(List<Uploads.ImageJson> images) {
    }

    /** An operator's correction of the identity. */
    public record Identity(String category, String attributes) {
    }

    @Inject
    ConceptService concepts;
    @Inject
    ApiCallers callers;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Register a concept from a form: name, description, images (1-10 files)")
    public Response createFromForm(List<EntityPart> parts, @HeaderParam("Idempotency-Key") String key) {
        RegisterConcept cmd = new RegisterConcept(Uploads.text(parts, "name").orElse(null),
                Uploads.text(parts, "description").orElse(null), Uploads.files(parts, "images"), key);
        return created(concepts.register(callers.of(security), cmd));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a concept from JSON with base64 images")
    public Response createFromJson(CreateConcept body, @HeaderParam("Idempotency-Key") String key) {
        if (body == null) {
            throw ai.seed.inference.service.ServiceException.invalid("missing-body", "a JSON body is required");
        }
        RegisterConcept cmd = new RegisterConcept(body.name(), body.description(), Uploads.fromJson(body.images()), key);
        return created(concepts.register(callers.of(security), cmd));
    }

    @GET
    @SecurityRequirement(name = "apiKey", scopes = "turns")
    @SecurityRequirement(name = "apiKey", scopes = "concepts")
    @Operation(summary = "List concepts, newest first; q filters by name or description")
    public ConceptListing list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        return concepts.list(callers.of(security), q, page, size);
    }

    @GET
    @SecurityRequirement(name = "apiKey", scopes = "turns")
    @SecurityRequirement(name = "apiKey", scopes = "concepts")
    @Path("{id}")
    public ConceptView get(@PathParam("id") UUID id) {
        return concepts.get(callers.of(security), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the description; the identity is extracted again before anything is stored")
    public ConceptView describe(@PathParam("id") UUID id, ChangeDescription body) {
        return concepts.describe(callers.of(security), id, body == null ? null : body.description());
    }

    @PUT
    @Path("{id}/images")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConceptView replaceImages(@PathParam("id") UUID id, ReplaceImages body) {
        return concepts.replaceImages(callers.of(security), id, Uploads.fromJson(body == null ? null : body.images()));
    }

    @PUT
    @Path("{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ConceptView replaceImagesFromForm(@PathParam("id") UUID id, List<EntityPart> parts) {
        return concepts.replaceImages(callers.of(security), id, Uploads.files(parts, "images"));
    }

    @PUT
    @Path("{id}/identity")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConceptView editIdentity(@PathParam("id") UUID id, Identity body) {
        return concepts.editIdentity(callers.of(security), id, body == null ? null : body.category(),
                body == null ? null : body.attributes());
    }

    @POST
    @Path("{id}/identity/regenerate")
    public ConceptView regenerateIdentity(@PathParam("id") UUID id) {
        return concepts.regenerateIdentity(callers.of(security), id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        concepts.delete(callers.of(security), id);
        return Response.noContent().build();
    }

    private Response created(ConceptView view) {
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }
}
