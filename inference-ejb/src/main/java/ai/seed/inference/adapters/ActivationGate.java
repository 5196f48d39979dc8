package ai.seed.inference.adapters;

import ai.seed.domain.adapter.AdapterArtifact;
import ai.seed.domain.adapter.AdapterRepository;
import ai.seed.domain.adapter.AdapterServing;
import ai.seed.inference.config.ModelBackends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Before a dictionary version becomes active, its adapters are loaded and checked: activation
 * of a version the small-VLM server cannot serve is refused (unless forced). Without a small-VLM
 * server that serves adapters (the in-process detector, a plain OpenAI endpoint) there is nothing
 * to serve and nothing to check.
 */
@ApplicationScoped
public class ActivationGate {

    @Inject
    AdapterRepository adapters;
    @Inject
    AdapterReconciler reconciler;
    @Inject
    ModelBackends backends;
    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** "meta-3 (cluster 3, seed-1a2b...): MISSING: why" for each adapter of the version not served. */
    public List<String> notServed(long versionId) {
        if (!LoraServers.servesAdapters(backends.current().settings())) {
            return List.of();
        }
        Map<String, Optional<AdapterArtifact>> wanted = new LinkedHashMap<>();
        var routed = adapters.routedBy(versionId);
        routed.values().forEach(r -> wanted.put(r.adapterRef(), Optional.ofNullable(r.artifact())));
        Map<String, AdapterServing> states = reconciler.ensureServed(wanted);
        List<String> missing = new ArrayList<>();
        for (var r : routed.values()) {
            AdapterServing s = states.get(r.adapterRef());
            if (s == null || s.state() != ai.seed.domain.adapter.ServingState.SERVED) {
                missing.add(r.label() + " (meta-concept " + r.clusterIndex() + ", adapter " + r.adapterRef() + "): "
                        + (s == null ? "not checked" : s.state() + (s.reason() == null ? "" : ": " + s.reason())));
            }
        }
        return missing;
    }

    /**
     * After the switch: unload what nobody routes to any more, soon. Only once the activation has
     * committed: a round that ran before would not see the new version and unload its adapters.
     */
    public void activated(long versionId) {
        Runnable round = () -> reconciler.requestSoon("version " + versionId + " activated");
        if (transactions == null || transactions.getTransactionKey() == null) {
            round.run();
            return;
        }
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    round.run();
                }
            }
        });
    }
}
