package ai.seed.inference.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TurnAdmissionTest {

    @Test
    void beyondTheLimitATurnIsRefusedWithWhenToRetryAndAFreedPlaceAdmitsTheNext() {
        TurnAdmission admission = TurnAdmission.of(2, 20, 3);
        TurnAdmission.Ticket first = admission.admit();
        TurnAdmission.Ticket second = admission.admit();
        assertThat(admission.inFlight()).isEqualTo(2);

        assertThatThrownBy(admission::admit).isInstanceOfSatisfying(TurnsBusyException.class, e -> {
            assertThat(e.retryAfterSeconds()).isEqualTo(3L);
            assertThat(e.code()).isEqualTo("turns-busy");
            assertThat(e.getMessage()).contains("(2)").contains("try again in 3 s");
        });
        assertThat(admission.refused()).isEqualTo(1);

        first.close();
        first.close(); // a second close gives nothing back twice
        assertThat(admission.inFlight()).isEqualTo(1);
        try (TurnAdmission.Ticket third = admission.admit()) {
            assertThat(admission.inFlight()).isEqualTo(2);
        }
        second.close();
        assertThat(admission.inFlight()).isZero();
    }

    @Test
    void aTurnWaitsBrieflyForAPlaceThatIsFreedMeanwhile() throws Exception {
        TurnAdmission admission = TurnAdmission.of(1, 2_000, 1);
        TurnAdmission.Ticket held = admission.admit();
        CompletableFuture<TurnAdmission.Ticket> waiting = CompletableFuture.supplyAsync(admission::admit);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        held.close();
        waiting.get(2, TimeUnit.SECONDS).close();
        assertThat(admission.refused()).isZero();
    }

    @Test
    void theLimitCanBeChangedWhileRunning() {
        TurnAdmission admission = TurnAdmission.of(1, 0, 1);
        TurnAdmission.Ticket one = admission.admit();
        admission.limitTo(2);
        TurnAdmission.Ticket two = admission.admit();
        assertThat(admission.limit()).isEqualTo(2);
        admission.resetLimit();
        assertThat(admission.limit()).isEqualTo(1);
        assertThatThrownBy(admission::admit).isInstanceOf(TurnsBusyException.class);
        one.close();
        two.close();
    }

    @Test
    void withoutASetLimitItStaysBelowTheHttpWorkersAndTheBulkhead() {
        assertThat(TurnAdmission.defaultLimit(32)).isEqualTo(24);
        assertThat(TurnAdmission.defaultLimit(64)).isEqualTo(48);
        assertThat(TurnAdmission.defaultLimit(200)).isEqualTo(64);
        assertThat(TurnAdmission.defaultLimit(1)).isEqualTo(1);
    }
}
