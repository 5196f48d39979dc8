package ai.seed.inference.turns;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.onboarding.SetupProgressRepository;
import ai.seed.domain.turn.ModelCallData;
import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnRepository;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading turns and their traces. Tenant admins and partner systems see all of their tenant's
 * turns; staff see their own.
 */
@ApplicationScoped
@Transactional
public class TurnHistory {

    @Inject
    TurnRepository turns;
    @Inject
    AuditLog audit;

    /** A page of turns (without model calls). */
    public record TurnPage(List<TurnData> items, long total, int page, int size) {
    }

    /** One turn with every model call of its trace. */
    public record TurnTrace(TurnData turn, List<ModelCallData> calls) {

        /** The weight-free baselines that served this turn's model calls, by the label the trace recorded. */
        public List<String> baselines() {
            return calls.stream().map(ModelCallData::model).filter(ModelBackends::isBaseline)
                    .map(m -> m.replaceFirst(" \\[.*$", "")).distinct().toList();
        }
    }

    public TurnPage list(Caller caller, int page, int size) {
        UUID tenant = caller.require(ApiScope.TURNS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        if (page < 0 || size < 1 || size > 200) {
            throw ServiceException.invalid("bad-paging", "page must be >= 0 and size 1-200");
        }
        String only = caller.has(Role.STAFF) && !caller.has(Role.TENANT_ADMIN) ? caller.actor() : null;
        return new TurnPage(turns.list(tenant, only, page, size), turns.count(tenant, only), page, size);
    }

    public TurnTrace trace(Caller caller, UUID turnId) {
        UUID tenant = caller.require(ApiScope.TURNS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        var turn = turns.find(tenant, turnId).orElseThrow(() -> ServiceException.notFound("turn"));
        TurnData data = turn.data();
        if (caller.has(Role.STAFF) && !caller.has(Role.TENANT_ADMIN) && !caller.actor().equals(data.userRef())) {
            throw ServiceException.notFound("turn");
        }
        return new TurnTrace(data, turn.calls());
    }

    /**
     * The trace, opened in the console's inspector: recorded in the audit log (who looked at which
     * turn, and the tenant's getting-started step "look at a turn in the inspector").
     */
    public TurnTrace inspect(Caller caller, UUID turnId) {
        TurnTrace trace = trace(caller, turnId);
        audit.record(caller.tenant(), caller.actor(), SetupProgressRepository.TURN_INSPECTED, "turn", turnId.toString(),
                Map.of());
        return trace;
    }

    public byte[] image(Caller caller, UUID turnId) {
        trace(caller, turnId);
        return turns.image(caller.tenant(), turnId).orElseThrow(() -> ServiceException.notFound("turn image"));
    }
}
