package ai.seed.inference.concepts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegistrationDrillHookTest {

    private static RegistrationDrillHook hook(int holdAfter) {
        RegistrationDrillHook hook = new RegistrationDrillHook();
        hook.holdAfter = holdAfter;
        return hook;
    }

    @Test
    void offByDefaultItAdmitsEveryRegistration() {
        RegistrationDrillHook hook = hook(0);
        for (int i = 0; i < 1_000; i++) {
            hook.beforeStore();
            hook.afterCommit();
        }
    }

    @Test
    void onItAdmitsExactlyNAndHoldsTheNextUntilInterrupted() throws Exception {
        RegistrationDrillHook hook = hook(2);
        hook.beforeStore();
        hook.beforeStore();
        Thread[] held = new Thread[1];
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            held[0] = Thread.currentThread();
            hook.beforeStore();
        });
        Thread.sleep(300);
        assertThat(third).as("the third registration waits").isNotDone();
        held[0].interrupt();
        assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("held by the fault drill hook");
    }
}
