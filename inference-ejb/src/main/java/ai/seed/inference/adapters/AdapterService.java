package ai.seed.inference.adapters;

import ai.seed.domain.adapter.AdapterArtifact;
import ai.seed.domain.adapter.AdapterRepository;
import ai.seed.domain.adapter.AdapterServing;
import ai.seed.domain.adapter.AdapterUploadKeys;
import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Meta-concept adapters for operators and training jobs: upload a PEFT adapter for one
 * meta-concept (validated before anything is stored, then content-addressed in the adapter store
 * and recorded in one transaction), list a version's adapters with their serving state, and issue
 * keys scoped to one upload. Scope rules as for the dictionary: platform admins own platform
 * versions, tenant admins their tenant's; an upload key may upload exactly its meta-concept's.
 */
@ApplicationScoped
public class AdapterService {

    static final Duration DEFAULT_KEY_VALIDITY = Duration.ofDays(7);

    @Inject
    AdapterRepository adapters;
    @Inject
    AdapterIntake intake;
    @Inject
    AdapterReconciler reconciler;
    @Inject
    AuditLog audit;
    @Inject
    AdapterRecords records;

    /**
     * Validates and stores the adapter, points the meta-concept at it and asks the reconciler to
     * serve it if its version is active. {@code acceptBaseModel} overrides the configured base model
     * for this one check (an operator who knows the adapter fits).
     */
    public AdapterView upload(Caller caller, long versionId, int clusterIndex, AdapterUpload upload,
                              String acceptBaseModel) {
        AdapterRepository.VersionOwner version = uploadableVersion(caller, versionId, clusterIndex);
        requireMetaConcept(version, clusterIndex);
        AdapterIntake.Stored stored = intake.validateAndStore(upload, acceptBaseModel);
        AdapterArtifact artifact;
        try {
            artifact = records.attach(caller, version, clusterIndex, stored);
        } catch (RuntimeException e) {
            intake.discard(stored); // the database refused: no files without their record
            throw e;
        }
        reconciler.requestSoon("adapter uploaded for version " + versionId + " meta-concept " + clusterIndex);
        return AdapterView.of(artifact, stored.warnings());
    }

    /** A version's meta-concepts with their adapters and serving states. */
    @Transactional
    public List<MetaConceptAdapterView> adapters(Caller caller, long versionId) {
        AdapterRepository.VersionOwner version = ownVersion(caller, versionId);
        var routed = adapters.routedBy(version.versionId());
        Map<String, AdapterServing> states = adapters.servingStates(
                routed.values().stream().map(AdapterRepository.RoutedAdapter::adapterRef).toList());
        List<MetaConceptAdapterView> out = new ArrayList<>();
        for (var r : routed.values()) {
            AdapterServing s = states.get(r.adapterRef());
            out.add(new MetaConceptAdapterView(r.clusterIndex(), r.label(), r.adapterRef(),
                    r.artifact() == null ? null : AdapterView.of(r.artifact(), List.of()),
                    s == null ? "UNKNOWN" : s.state().name(), s == null ? notChecked() : s.reason(),
                    s == null ? null : s.since(), s == null ? null : s.checkedAt()));
        }
        return out;
    }

    /** Runs a reconcile round now (the console's "Check serving" button) and returns the version's states. */
    public List<MetaConceptAdapterView> reconcileNow(Caller caller, long versionId) {
        ownVersion(caller, versionId);
        var routed = adapters.routedBy(versionId);
        Map<String, Optional<AdapterArtifact>> wanted = new java.util.LinkedHashMap<>();
        routed.values().forEach(r -> wanted.put(r.adapterRef(), Optional.ofNullable(r.artifact())));
        reconciler.ensureServed(wanted);
        return adapters(caller, versionId);
    }

    /** A key that may upload this meta-concept's adapter, valid for {@code validity} (default 7 days). */
    @Transactional
    public UploadKeyView issueUploadKey(Caller caller, long versionId, int clusterIndex, Duration validity) {
        AdapterRepository.VersionOwner version = ownVersion(caller, versionId);
        requireMetaConcept(version, clusterIndex);
        Duration valid = validity == null ? DEFAULT_KEY_VALIDITY : validity;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(Duration.ofDays(90)) > 0) {
            throw ServiceException.invalid("bad-validity", "an upload key is valid for 1 second to 90 days");
        }
        AdapterUploadKeys.Issued issued = AdapterUploadKeys.issue(versionId, clusterIndex, caller.actor(),
                Instant.now().plus(valid));
        adapters.saveUploadKey(issued.row());
        audit.record(version.tenantId(), caller.actor(), "adapters.upload-key", "meta_concept",
                versionId + "/" + clusterIndex, Map.of("expiresAt", issued.row().expiresAt().toString()));
        return new UploadKeyView(issued.key(), versionId, clusterIndex, issued.row().expiresAt(),
                uploadPath(versionId, clusterIndex));
    }

    public static String uploadPath(long versionId, int clusterIndex) {
        return "/api/v1/dictionary/versions/" + versionId + "/meta-concepts/" + clusterIndex + "/adapter-artifact";
    }

    private static String notChecked() {
        return "not checked yet (the reconciler looks every few seconds when a small-VLM server with adapters is configured)";
    }

    private AdapterRepository.VersionOwner uploadableVersion(Caller caller, long versionId, int clusterIndex) {
        if (!caller.has(Role.ADAPTER_UPLOADER)) {
            return ownVersion(caller, versionId);
        }
        UUID keyId = UUID.fromString(caller.actor().substring("upload:".length()));
        var key = adapters.findUploadKeyById(keyId).filter(k -> k.expiresAt().isAfter(Instant.now()))
                .orElseThrow(() -> new ServiceException(ServiceException.Kind.UNAUTHENTICATED, "credentials-revoked",
                        "this upload key is no longer valid"));
        if (key.versionId() != versionId || key.clusterIndex() != clusterIndex) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "forbidden", "this upload key may upload "
                    + "only the adapter of version " + key.versionId() + ", meta-concept " + key.clusterIndex());
        }
        return adapters.versionOwner(versionId).orElseThrow(() -> ServiceException.notFound("dictionary version"));
    }

    /** The version if it is the caller's: another tenant's looks exactly like one that does not exist. */
    private AdapterRepository.VersionOwner ownVersion(Caller caller, long versionId) {
        UUID scope;
        if (caller.has(Role.PLATFORM_ADMIN)) {
            scope = null;
        } else {
            scope = caller.require(ApiScope.DICTIONARY, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        }
        return adapters.versionOwner(versionId)
                .filter(v -> scope == null ? v.tenantId() == null : scope.equals(v.tenantId()))
                .orElseThrow(() -> ServiceException.notFound("dictionary version"));
    }

    private void requireMetaConcept(AdapterRepository.VersionOwner version, int clusterIndex) {
        if (!adapters.routedBy(version.versionId()).containsKey(clusterIndex)) {
            throw ServiceException.notFound("meta-concept " + clusterIndex);
        }
    }
}
