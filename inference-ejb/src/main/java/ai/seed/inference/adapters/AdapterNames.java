package ai.seed.inference.adapters;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Content-derived names for the small-model server ("seed-" + 16 hex): the same bytes always get
 * the same name, so a name that exists in the store already holds those bytes. 64 bits of SHA-256
 * make an accidental clash between two adapters negligible (about 2^32 adapters for even odds).
 */
public final class AdapterNames {

    static final int HEX_CHARS = 16;

    private AdapterNames() {
    }

    /** "seed-" + the first 16 hex characters of the adapter's content hash. */
    public static String servedName(ValidatedAdapter adapter) {
        return "seed-" + adapter.sha256().substring(0, HEX_CHARS);
    }

    /**
     * "seed-fused-" + 16 hex of SHA-256 over the parts' hashes, sorted and joined by newlines: the
     * mean ΔW does not depend on the order, and {@link AdapterFusion} sorts the parts the same way,
     * so one name always means one fused file. A part listed twice counts twice (it weighs double).
     */
    public static String fusedName(List<String> partSha256s) {
        String joined = partSha256s.stream().map(String::toLowerCase).sorted().collect(Collectors.joining("\n"));
        return "seed-fused-" + ContentHash.ofText(joined).substring(0, HEX_CHARS);
    }
}
