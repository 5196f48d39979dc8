package ai.seed.inference.concepts;

import ai.seed.domain.audit.Idempotency;
import ai.seed.domain.concept.Concept;
import ai.seed.domain.concept.ConceptName;
import ai.seed.domain.concept.ConceptPage;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.concept.InvalidConceptException;
import ai.seed.domain.concept.ReferenceImageData;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.images.AcceptedImage;
import ai.seed.inference.images.ImageIntake;
import ai.seed.inference.images.ImageLimits;
import ai.seed.inference.images.ImageRejectedException;
import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.ConceptIdentity;
import ai.seed.inference.pipeline.IdentityExtractor;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.trace.TurnTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Concept registration and maintenance for tenant admins and partner systems. Registration is
 * all-or-nothing: images validated, embedded, the identity extracted by the large VLM (Table 7),
 * then everything stored in one transaction ({@link ConceptStore}); any failure before that
 * stores nothing and says why.
 */
@ApplicationScoped
public class ConceptService {

    @Inject
    ConceptRepository concepts;
    @Inject
    ConceptStore store;
    @Inject
    Idempotency idempotency;
    @Inject
    ModelBackends backends;
    @Inject
    IdentityExtractor identities;
    @Inject
    RegistrationDrillHook drill;

    private final ImageLimits limits = ImageLimits.defaults();

    public ConceptView register(Caller caller, RegisterConcept cmd) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        ConceptName name = parseName(cmd.name());
        String requestHash = requestHash(cmd);
        if (cmd.idempotencyKey() != null) {
            Optional<Idempotency.Prior> prior = idempotency.find(tenant, cmd.idempotencyKey(), requestHash);
            if (prior.isPresent()) {
                if (!prior.get().sameRequest()) {
                    throw new ServiceException(ServiceException.Kind.CONFLICT, "idempotency-key-reused",
                            "this Idempotency-Key was used for a different request");
                }
                return get(caller, prior.get().resourceId());
            }
        }
        if (concepts.findByName(tenant, name).isPresent()) {
            throw conceptExists(name);
        }
        List<ReferenceImageData> images = embed(accept(cmd.images()));
        Concept concept = newConcept(tenant, name, cmd.description(), images, caller.actor());
        identify(concept);
        drill.beforeStore();
        try {
            ConceptView stored = store.storeNew(concept, caller.actor(), cmd.idempotencyKey(), requestHash);
            drill.afterCommit();
            return stored;
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // Lost a race with a concurrent create of the same name (or key): nothing was stored.
            if (concepts.findByName(tenant, name).isPresent()) {
                throw conceptExists(name);
            }
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "store-failed",
                    "the concept could not be stored; nothing was changed", e);
        }
    }

    public ConceptView get(Caller caller, UUID id) {
        UUID tenant = caller.require(ApiScope.READ_CONCEPTS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        return store.view(tenant, id).orElseThrow(() -> ServiceException.notFound("concept"));
    }

    /** The PNG thumbnail of one reference image (position as in {@link ConceptView.ImageView}). */
    public Optional<byte[]> thumbnail(Caller caller, UUID conceptId, int position) {
        UUID tenant = caller.require(ApiScope.READ_CONCEPTS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        return store.thumbnail(tenant, conceptId, position);
    }

    @jakarta.transaction.Transactional
    public ConceptListing list(Caller caller, String search, int page, int size) {
        UUID tenant = caller.require(ApiScope.READ_CONCEPTS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        if (page < 0 || size < 1 || size > 200) {
            throw ServiceException.invalid("bad-paging", "page must be >= 0 and size 1-200");
        }
        ConceptPage p = concepts.list(tenant, search, page, size);
        return new ConceptListing(p.items().stream().map(ConceptViews::of).toList(), p.total(), page, size);
    }

    /** A new description means a new identity: re-extracted before anything is stored. */
    public ConceptView describe(Caller caller, UUID id, String description) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        Concept concept = concepts.find(tenant, id).orElseThrow(() -> ServiceException.notFound("concept"));
        String before = concept.description();
        try {
            concept.describe(description, caller.actor());
        } catch (InvalidConceptException e) {
            throw ServiceException.invalid(e.code(), e.getMessage());
        }
        identify(concept);
        return store.storeUpdate(concept, caller.actor(), Map.of("field", "description", "before", before));
    }

    public ConceptView replaceImages(Caller caller, UUID id, List<UploadedImage> uploads) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        Concept concept = concepts.find(tenant, id).orElseThrow(() -> ServiceException.notFound("concept"));
        List<ReferenceImageData> images = embed(accept(uploads));
        try {
            // In the store's transaction: the images collection is lazy and cannot change on a detached concept.
            return store.replaceImages(tenant, concept.id(), images, caller.actor())
                    .orElseThrow(() -> ServiceException.notFound("concept"));
        } catch (InvalidConceptException e) {
            throw ServiceException.invalid(e.code(), e.getMessage());
        }
    }

    /** Asks the large VLM again (an operator changed models, or the first try had none). */
    public ConceptView regenerateIdentity(Caller caller, UUID id) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        Concept concept = concepts.find(tenant, id).orElseThrow(() -> ServiceException.notFound("concept"));
        if (!backends.current().hasLargeVlm()) {
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "no-large-vlm",
                    "no large VLM is configured to extract the identity");
        }
        identify(concept);
        concept.touch(caller.actor());
        return store.storeUpdate(concept, caller.actor(), Map.of("field", "identity"));
    }

    /** An operator's correction of the identity; kept until the description changes. */
    public ConceptView editIdentity(Caller caller, UUID id, String category, String attributes) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        Concept concept = concepts.find(tenant, id).orElseThrow(() -> ServiceException.notFound("concept"));
        if (category == null || category.isBlank() || category.length() > 300
                || (attributes != null && attributes.length() > 1000)) {
            throw ServiceException.invalid("bad-identity", "category is required (max 300 characters); attributes max 1000");
        }
        concept.identify(category.strip(), attributes == null ? "" : attributes.strip());
        concept.touch(caller.actor());
        return store.storeUpdate(concept, caller.actor(), Map.of("field", "identity", "source", "operator"));
    }

    public void delete(Caller caller, UUID id) {
        UUID tenant = caller.require(ApiScope.CONCEPTS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        if (!store.delete(tenant, id, caller.actor())) {
            throw ServiceException.notFound("concept");
        }
    }

    private static ConceptName parseName(String raw) {
        try {
            return ConceptName.parse(raw);
        } catch (InvalidConceptException e) {
            throw ServiceException.invalid(e.code(), e.getMessage());
        }
    }

    private static Concept newConcept(UUID tenant, ConceptName name, String description,
                                      List<ReferenceImageData> images, String actor) {
        try {
            return new Concept(tenant, name, description, images, actor);
        } catch (InvalidConceptException e) {
            throw ServiceException.invalid(e.code(), e.getMessage());
        }
    }

    private List<AcceptedImage> accept(List<UploadedImage> uploads) {
        if (uploads.isEmpty()) {
            throw ServiceException.invalid("missing-images", "a concept needs at least one reference image");
        }
        if (uploads.size() > Concept.MAX_IMAGES) {
            throw ServiceException.invalid("too-many-images",
                    uploads.size() + " reference images; the limit is " + Concept.MAX_IMAGES);
        }
        List<AcceptedImage> accepted = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            UploadedImage u = uploads.get(i);
            try {
                accepted.add(ImageIntake.accept(u.bytes() == null ? new byte[0] : u.bytes(), limits));
            } catch (ImageRejectedException e) {
                String which = u.fileName() == null || u.fileName().isBlank() ? "image " + (i + 1)
                        : "image " + (i + 1) + " (" + u.fileName().replaceAll("[^\\w .-]", "?") + ")";
                throw ServiceException.invalid("image-" + e.reason().name().toLowerCase().replace('_', '-'),
                        which + ": " + e.getMessage());
            }
        }
        return accepted;
    }

    private List<ReferenceImageData> embed(List<AcceptedImage> images) {
        List<ReferenceImageData> out = new ArrayList<>();
        try {
            for (AcceptedImage image : images) {
                out.add(new ReferenceImageData(image.mimeType(), image.sha256(), image.width(), image.height(),
                        image.bytes(), image.thumbnail(), backends.current().embedder().embed(image.decoded())));
            }
        } catch (ModelCallException | IllegalStateException e) {
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "embedder-unavailable",
                    "the image embedder failed; nothing was stored (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /** Table 7 for one concept; without a large VLM the identity stays empty (description is used). */
    private void identify(Concept concept) {
        if (!backends.current().hasLargeVlm()) {
            concept.identify(null, null);
            return;
        }
        ConceptCue cue = new ConceptCue(concept.name().value(), concept.description());
        try {
            ConceptIdentity identity = identities.extract(new TurnTrace(null), List.of(cue)).get(cue.id());
            concept.identify(identity.category(), identity.attributes());
        } catch (ModelCallException | FaultToleranceException e) {
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "identity-unavailable",
                    "the large VLM could not extract the concept's identity; nothing was stored ("
                            + e.getMessage() + ")", e);
        }
    }

    private static ServiceException conceptExists(ConceptName name) {
        return new ServiceException(ServiceException.Kind.CONFLICT, "concept-exists",
                "a concept named " + name.value() + " already exists in this tenant");
    }

    /** Identifies a create request for idempotency: name, description and image hashes. */
    static String requestHash(RegisterConcept cmd) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.valueOf(cmd.name()).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(String.valueOf(cmd.description()).getBytes(StandardCharsets.UTF_8));
            for (UploadedImage image : cmd.images()) {
                md.update((byte) 0);
                md.update(MessageDigest.getInstance("SHA-256").digest(image.bytes() == null ? new byte[0] : image.bytes()));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
