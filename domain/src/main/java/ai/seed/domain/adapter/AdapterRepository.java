package ai.seed.domain.adapter;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port for adapter artifacts, their serving state and the keys scoped to one adapter upload.
 * Callers check who may see which artifact (through the dictionary version that points at it).
 */
public interface AdapterRepository {

    Optional<AdapterArtifact> find(String sha256);

    Optional<AdapterArtifact> findByServedName(String servedName);

    /** The fusion of exactly these parts (sha256, any order), if it was built before. */
    Optional<AdapterArtifact> findFusion(List<String> partSha256s);

    /** Stores a new artifact; an artifact with the same content already stored is returned instead. */
    AdapterArtifact saveIfAbsent(AdapterArtifact artifact);

    /**
     * The adapter names the ACTIVE dictionary versions route to (every scope), with the artifact
     * behind each where there is one (a name an operator typed has none).
     */
    Map<String, Optional<AdapterArtifact>> routedByActiveVersions();

    /** The adapter names one version routes to, by cluster index, with their artifacts where there are. */
    Map<Integer, RoutedAdapter> routedBy(long versionId);

    /** Fusions whose parts are all among {@code sha256s}. */
    List<AdapterArtifact> fusionsWithin(Set<String> sha256s);

    /** Serving states of these names; a name never seen is absent. */
    Map<String, AdapterServing> servingStates(Collection<String> servedNames);

    /** Records what the reconciler saw; {@code since} moves only when the state changes. */
    void recordServing(String servedName, ServingState state, String reason, Instant now);

    /** Forgets the serving state of names no version routes to any more. */
    void forgetServingExcept(Set<String> servedNames);

    /**
     * Whose dictionary version this is: empty when there is none, else its tenant (null inside:
     * a platform version). Callers decide whether the caller may see it.
     */
    Optional<VersionOwner> versionOwner(long versionId);

    /** The owner of a dictionary version; {@code tenantId} null for the platform's. */
    record VersionOwner(long versionId, java.util.UUID tenantId) {
    }

    /** One meta-concept's adapter: the name sent to the server and its artifact, if any. */
    record RoutedAdapter(int clusterIndex, String label, String adapterRef, AdapterArtifact artifact) {
    }

    UploadKey saveUploadKey(UploadKey key);

    Optional<UploadKey> findUploadKey(String prefix);

    Optional<UploadKey> findUploadKeyById(java.util.UUID id);

    void markUploadKeyUsed(java.util.UUID id, Instant when);

    /** A key that may upload the adapter of one meta-concept until it expires. */
    record UploadKey(java.util.UUID id, String prefix, String hash, long versionId, int clusterIndex,
                     String createdBy, Instant createdAt, Instant expiresAt, Instant usedAt) {
    }
}
