package ai.seed.inference.adapters;

import ai.seed.domain.adapter.AdapterArtifact;
import java.time.Instant;
import java.util.List;

/**
 * One stored adapter artifact as the console and the API show it.
 *
 * @param warnings what the upload carried besides the adapter (ignored files), empty otherwise
 */
public record AdapterView(String sha256, String servedName, String kind, String baseModel, int rank, double loraAlpha,
                          List<String> targetModules, int tensorCount, long sizeBytes, List<String> fusedFrom,
                          String createdBy, Instant createdAt, List<String> warnings) {

    public static AdapterView of(AdapterArtifact a, List<String> warnings) {
        var f = a.facts();
        return new AdapterView(a.sha256(), a.servedName(), a.kind().name(), f.baseModel(), f.rank(), f.loraAlpha(),
                f.targetModules(), f.tensorCount(), f.sizeBytes(), a.fusedFrom(), a.createdBy(), a.createdAt(),
                List.copyOf(warnings));
    }
}
