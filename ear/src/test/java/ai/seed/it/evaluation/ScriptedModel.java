package ai.seed.it.evaluation;

import ai.seed.inference.pipeline.Prompts;
import ai.seed.it.fakes.FakeOpenAiServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The large VLM's scripted answers for {@link EvalSets}, chosen per item so that every answer
 * rule gives a known score (see {@link EvaluationIT#aPlainVlmRunScoresExactlyAsComputedByHand}).
 * Identity extraction (concept registration) gets a valid identity.
 */
public final class ScriptedModel {

    static final String TOY_IDENTITY = "a red checkered toy";
    static final String MUG_IDENTITY = "a blue striped mug";

    final AtomicInteger answerCalls = new AtomicInteger();
    /** Answer calls in flight now, and the most seen at once. */
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    /**
     * The small VLM's detection: right about which concept each photo shows, except one false
     * detection of {@code <mug>} on the first toy photo.
     */
    FakeOpenAiServer.Reply detect(FakeOpenAiServer.Recorded r) {
        String id = r.text("user").contains("<mug>") ? "<mug>" : "<bo>";
        int w = width(r.imageUrls());
        boolean toy = w == EvalSets.TOY_A || w == EvalSets.TOY_B;
        boolean present = id.equals("<bo>") == toy || (id.equals("<mug>") && w == EvalSets.TOY_A);
        return FakeOpenAiServer.ok(present
                ? "{\"" + id + "\": {\"present\": true, \"location-absolute\": \"top-left quadrant\", "
                        + "\"location-relative\": \"on the shelf\"}}"
                : "{\"" + id + "\": {\"present\": false, \"location-absolute\": \"\", \"location-relative\": \"\"}}");
    }
    volatile long delayMs;

    public FakeOpenAiServer.Reply reply(FakeOpenAiServer.Recorded r) {
        String system = r.text("system");
        String user = r.text("user");
        if (Prompts.identitySystem().equals(system)) {
            String id = user.contains("<mug>") ? "<mug>" : "<bo>";
            String category = id.equals("<mug>") ? MUG_IDENTITY : TOY_IDENTITY;
            return FakeOpenAiServer.ok("{\"" + id + "\": {\"category\": \"" + category + "\", \"attributes\": \"plain\"}}");
        }
        if (Prompts.reflectionSystem().equals(system)) {
            // Two flips: <bo> on the second toy photo is wrongly rejected, <mug> on the first toy photo
            // (a false detection) rightly rejected; every other detection is confirmed.
            int w = width(r.imageUrls());
            boolean reject = (user.contains(TOY_IDENTITY) && w == EvalSets.TOY_B)
                    || (user.contains(MUG_IDENTITY) && w == EvalSets.TOY_A);
            return FakeOpenAiServer.ok(reject ? "no no" : "yes yes");
        }
        answerCalls.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            sleep();
            return answer(r, user);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private FakeOpenAiServer.Reply answer(FakeOpenAiServer.Recorded r, String user) {
        if (user.contains("Can you see <bo>")) {
            return switch (width(r.imageUrls())) {
                case EvalSets.TOY_A -> FakeOpenAiServer.ok("Yes.");            // Yes: strict + lenient right
                case EvalSets.TOY_B -> FakeOpenAiServer.ok("Yes, it is there"); // Yes: both right
                case EvalSets.MUG_A -> FakeOpenAiServer.ok("No");              // No: both right
                default -> FakeOpenAiServer.ok("Yes");                          // No: both wrong
            };
        }
        if (user.contains("Can you see <mug>")) {
            return switch (width(r.imageUrls())) {
                case EvalSets.TOY_A -> FakeOpenAiServer.ok("Not at all");      // No: strict wrong, lenient right
                case EvalSets.TOY_B -> FakeOpenAiServer.ok("No, it is not.");  // No: both right
                case EvalSets.MUG_A -> FakeOpenAiServer.ok("Yes");             // Yes: both right
                default -> FakeOpenAiServer.error(400, "scripted failure");   // Yes: failed turn, wrong
            };
        }
        if (user.contains("colour")) {
            return FakeOpenAiServer.ok("A");                                   // correct A: both right
        }
        if (user.contains("pattern")) {
            return FakeOpenAiServer.ok("It has stripes, so B");                // correct B: strict wrong, lenient right
        }
        if (user.contains("toy or a mug")) {
            return FakeOpenAiServer.ok("toy");                                 // correct A: strict right, lenient wrong
        }
        if (user.contains("usually stand")) {
            return FakeOpenAiServer.ok("A");                                   // correct B: both wrong
        }
        return FakeOpenAiServer.error(400, "unexpected request: " + user);
    }

    private void sleep() {
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int width(List<String> dataUrls) {
        if (dataUrls.isEmpty()) {
            return -1;
        }
        String url = dataUrls.get(0);
        byte[] bytes = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image.getWidth();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
