package ai.seed.inference.dictionary;

import ai.seed.domain.concept.ConceptRepository;
import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConcept;
import ai.seed.domain.dictionary.MetaConceptMember;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The 2-D map of a dictionary version: each member concept's embedding projected with PCA, with
 * its meta-concept, for the console. Only registered concepts have stored embeddings; members from
 * a dataset are not on the map (the count says how many are missing).
 */
@ApplicationScoped
@Transactional
public class DictionaryMap {

    @Inject
    DictionaryRepository dictionaries;
    @Inject
    ConceptRepository concepts;

    /** One concept on the map. */
    public record Point(String label, int clusterIndex, boolean representative, double x, double y) {
    }

    /** The points, and how many members have no stored embedding. */
    public record MapView(long versionId, List<Point> points, int missing) {
    }

    public MapView map(Caller caller, long versionId) {
        UUID scope = caller.has(Role.PLATFORM_ADMIN) ? null : caller.require(ApiScope.DICTIONARY, Role.TENANT_ADMIN, Role.PARTNER).tenant();
        DictionaryVersion version = dictionaries.versions(scope).stream().filter(v -> v.id() == versionId).findFirst()
                .orElseThrow(() -> ServiceException.notFound("dictionary version"));
        Map<String, float[]> embeddings = concepts.embeddingsForClustering(scope, version.embedderId()).stream()
                .collect(Collectors.toMap(c -> c.id().toString(), c -> c.embedding().values(), (a, b) -> a));
        List<MetaConceptMember.Data> members = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        List<Boolean> representatives = new ArrayList<>();
        int missing = 0;
        for (MetaConcept mc : version.metaConcepts()) {
            for (MetaConceptMember.Data m : mc.members()) {
                if (embeddings.containsKey(m.conceptKey())) {
                    members.add(m);
                    clusters.add(mc.clusterIndex());
                    representatives.add(m.conceptKey().equals(mc.representativeKey()));
                } else {
                    missing++;
                }
            }
        }
        double[][] xy = Pca2d.project(members.stream().map(MetaConceptMember.Data::conceptKey)
                .map(embeddings::get).toList());
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            points.add(new Point(members.get(i).label(), clusters.get(i), representatives.get(i), xy[i][0], xy[i][1]));
        }
        return new MapView(versionId, points, missing);
    }
}
