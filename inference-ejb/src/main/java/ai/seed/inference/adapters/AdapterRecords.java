package ai.seed.inference.adapters;

import ai.seed.domain.adapter.AdapterArtifact;
import ai.seed.domain.adapter.AdapterRepository;
import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.tenancy.TenantGuard;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConcept;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** The database half of an upload, in one transaction: the artifact row, the meta-concept's pointer, the audit row. */
@ApplicationScoped
public class AdapterRecords {

    @Inject
    AdapterRepository adapters;
    @Inject
    AuditLog audit;
    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Transactional
    public AdapterArtifact attach(Caller caller, AdapterRepository.VersionOwner version, int clusterIndex,
                                  AdapterIntake.Stored stored) {
        AdapterArtifact artifact = adapters.saveIfAbsent(AdapterArtifact.uploaded(stored.sha256(), stored.servedName(),
                stored.facts(), caller.actor()));
        TenantGuard.scope(em, version.tenantId());
        DictionaryVersion managed = em.find(DictionaryVersion.class, version.versionId());
        MetaConcept mc = managed.metaConcepts().stream().filter(m -> m.clusterIndex() == clusterIndex).findFirst()
                .orElseThrow(() -> ServiceException.notFound("meta-concept " + clusterIndex));
        mc.attachArtifact(artifact.sha256(), artifact.servedName());
        if (caller.actor().startsWith("upload:")) {
            adapters.markUploadKeyUsed(java.util.UUID.fromString(caller.actor().substring(7)), Instant.now());
        }
        audit.record(version.tenantId(), caller.actor(), "adapters.upload", "meta_concept",
                version.versionId() + "/" + clusterIndex, Map.of("sha256", artifact.sha256(), "servedName", artifact.servedName(),
                        "sizeBytes", Long.toString(artifact.facts().sizeBytes())));
        return artifact;
    }
}
