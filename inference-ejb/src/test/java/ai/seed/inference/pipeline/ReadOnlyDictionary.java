package ai.seed.inference.pipeline;

import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A one-version in-memory dictionary for tests without a database: what routing reads is
 * implemented by subclasses; administration is not supported.
 */
abstract class ReadOnlyDictionary implements DictionaryRepository {

    protected final DictionaryVersion version;

    ReadOnlyDictionary(DictionaryVersion version) {
        this.version = PersistedIds.withId(version, 1);
    }

    @Override
    public DictionaryVersion save(DictionaryVersion v) {
        return v;
    }

    @Override
    public Optional<DictionaryVersion> findVersion(long id) {
        return Optional.of(version);
    }

    @Override
    public void activate(long versionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DictionaryVersion> versions(UUID scopeTenantId) {
        return List.of(version);
    }

    @Override
    public Optional<DictionaryVersion> previouslyActive(UUID scopeTenantId) {
        return Optional.empty();
    }

    @Override
    public void changeAdapter(long versionId, int clusterIndex, String adapterRef) {
        throw new UnsupportedOperationException();
    }
}
