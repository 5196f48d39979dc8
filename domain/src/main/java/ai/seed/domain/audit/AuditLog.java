package ai.seed.domain.audit;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who changed what. Written in the caller's transaction, so an audit entry exists exactly when
 * the change it describes was committed. Details never contain secrets or image bytes.
 */
@ApplicationScoped
public class AuditLog {

    /** One audit entry as read back. */
    public record Entry(String actor, String action, String targetType, String targetId, String detail,
                        java.time.Instant at) {
    }

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID tenantId, String actor, String action, String targetType, String targetId,
                       Map<String, String> detail) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        detail.forEach(json::add);
        TenantGuard.scope(em, tenantId);
        em.createNativeQuery("INSERT INTO audit_event (tenant_id, actor, action, target_type, target_id, detail)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))")
                .setParameter(1, tenantId).setParameter(2, actor).setParameter(3, action)
                .setParameter(4, targetType).setParameter(5, targetId).setParameter(6, json.build().toString())
                .executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Entry> recent(UUID tenantId, int limit) {
        TenantGuard.actAs(em, tenantId);
        List<Object[]> rows = em.createNativeQuery("SELECT actor, action, target_type, target_id, detail::text, at"
                        + " FROM audit_event WHERE tenant_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2")
                .setParameter(1, tenantId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Entry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], toInstant(r[5]))).toList();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
