package ai.seed.inference.pipeline;

import ai.seed.domain.dictionary.DictionaryVersion;

/** Tests without a database: give an entity the id the database would have assigned. */
final class PersistedIds {

    private PersistedIds() {
    }

    static DictionaryVersion withId(DictionaryVersion v, long id) {
        try {
            var field = DictionaryVersion.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(v, id);
            return v;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
