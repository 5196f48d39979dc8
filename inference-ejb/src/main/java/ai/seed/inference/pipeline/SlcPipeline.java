package ai.seed.inference.pipeline;

import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.model.BackPressureException;
import ai.seed.inference.model.ChatMessage;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.RateLimitedException;
import ai.seed.inference.model.ReferenceConcept;
import ai.seed.inference.model.SmallVlmRequest;
import ai.seed.inference.model.SmallVlmResponse;
import ai.seed.inference.model.TokenSink;
import ai.seed.inference.model.UnknownModelException;
import ai.seed.inference.trace.Phase;
import ai.seed.inference.trace.TurnTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Runs one chat turn through the SLC pipeline (see package-info for the drawing):
 * route adapter -> detect (small VLM) -> reflect (large VLM) -> answer (large VLM), or the
 * requested ablation. Failures of a model end in a clear message, never in a half-stored turn:
 * {@link TurnRecorder} stores every turn, answered or failed, with its full trace.
 */
@ApplicationScoped
public class SlcPipeline {

    /** A URL inside a model error message, with the space before it. */
    private static final java.util.regex.Pattern ENDPOINT_ADDRESS =
            java.util.regex.Pattern.compile("\\s*\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    @Inject
    ModelBackends backends;
    @Inject
    ModelGateway gateway;
    @Inject
    LargeVlmCalls large;
    @Inject
    AdapterRouter router;
    @Inject
    TurnRecorder recorder;
    @Inject
    ServedAdapters servedAdapters;
    @Inject
    StageBudgets budgets;
    @Inject
    TurnSpans spans;

    public TurnResult run(TurnRequest request) {
        return run(request, null);
    }

    /**
     * As {@link #run(TurnRequest)}, with the answer streamed: each piece of the large VLM's answer
     * goes to {@code answerTokens} as it arrives (the other stages, and answers that do not come
     * from the large VLM, are not streamed: the result carries the whole answer in every case).
     */
    public TurnResult run(TurnRequest request, TokenSink answerTokens) {
        ModelBackends.Resolved models = backends.current();
        TurnTrace trace = new TurnTrace(request.requestId(), budgets.turnDeadline());
        TurnState s = new TurnState(request, trace, effectiveMode(request.mode(), models, trace), answerTokens);
        TurnSpans tracing = spans == null ? TurnSpans.NONE : spans;
        try (TurnSpans.TurnSpan span = tracing.turn(trace.requestId(), s.mode, request.hasImage())) {
            s.spans = tracing;
            s.otelTraceId = span.traceId();
            try {
                if (!request.hasImage()) {
                    answerTextOnly(s, models.settings());
                } else {
                    runImageTurn(s, models);
                }
            } catch (TurnFailure | ModelCallException | FaultToleranceException e) {
                s.error = userMessage(e);
                s.retryAfter = gateway.retryAfterFor(e);
                trace.event("turn failed: " + s.error + (s.retryAfter == null ? "" : "; retry after " + s.retryAfter.toSeconds() + " s"));
                if (s.finalReport == null && s.detection != null) {
                    s.finalReport = s.detection; // what the small model saw is still worth returning
                }
            }
            TurnResult result = recorder.record(s, models);
            span.ended(result.status().name().toLowerCase(java.util.Locale.ROOT), result.errorMessage());
            return result;
        }
    }

    private static TurnMode effectiveMode(TurnMode requested, ModelBackends.Resolved models, TurnTrace trace) {
        if (requested.usesLargeModel() && !models.hasLargeVlm()) {
            trace.event("no large VLM configured: " + requested + " runs as SMALL_ONLY");
            return TurnMode.SMALL_ONLY;
        }
        return requested;
    }

    private void runImageTurn(TurnState s, ModelBackends.Resolved models) {
        ModelSettings settings = models.settings();
        List<String> ids = s.request.concepts().stream().map(TurnConcept::id).toList();
        if (s.mode.usesDetector()) {
            detect(s, models);
        }
        if (s.mode == TurnMode.NO_DETECTOR) {
            DetectionReport none = DetectionReport.allAbsent(ids);
            reflect(s, none, ReflectionPlanner.planPresence(ids, identities(s), descriptions(s)));
        } else if (s.mode == TurnMode.FULL) {
            reflect(s, s.detection, ReflectionPlanner.plan(s.detection, identities(s), descriptions(s)));
        } else {
            s.finalReport = s.detection;
        }
        if (s.mode == TurnMode.SMALL_ONLY) {
            s.answer = SmallOnlyAnswerer.answer(s.request.question(), s.finalReport);
        } else if (s.mode == TurnMode.PLAIN_VLM) {
            answer(s, Prompts.textOnlySystem(cues(s), identities(s)), settings);
        } else {
            answer(s, Prompts.answerSystem(s.finalReport, identities(s), descriptions(s)), settings);
        }
    }

    /** Table 6 with the routed adapter; unparseable output is asked once more, then we fall back. */
    private void detect(TurnState s, ModelBackends.Resolved models) {
        ModelSettings settings = models.settings();
        TurnRequest.Routing routing = s.request.routing();
        int topK = routing != null && routing.topK() != null ? routing.topK() : settings.topK();
        Long version = routing == null ? null : routing.dictionaryVersionId();
        s.adapter = s.timed(Phase.ROUTE, () -> router.route(s.request.tenantId(), s.request.concepts(), topK, version));
        s.adapter = s.timed(Phase.ROUTE, () -> servedAdapters.serve(s.adapter, settings));
        s.trace.event("adapter: " + (s.adapter.chosen() ? s.adapter.adapterRef() + " (cosine "
                + String.format(java.util.Locale.ROOT, "%.4f", s.adapter.cosine()) + ")" : "none") + "; " + s.adapter.reason()
                + (s.adapter.chosen() && !Objects.equals(s.adapter.servedAs(), s.adapter.adapterRef())
                        ? "; served as " + Objects.requireNonNullElse(s.adapter.servedAs(), "the base model") : ""));
        if (s.adapter.servingNote() != null) {
            s.trace.event(s.adapter.servingNote());
        }
        SmallVlmRequest request = detectionRequest(s, settings);
        String label = models.smallVlmLabel();
        for (int attempt = 1; attempt <= 2; attempt++) {
            SmallVlmResponse response;
            try {
                response = callSmall(s, label, request, settings);
            } catch (ModelCallException | FaultToleranceException e) {
                noteBreaker(e, "small");
                fallBackToNoDetector(s, "small VLM failed: " + userMessage(e));
                return;
            }
            s.rawSmallOutput = response.rawText();
            try {
                ParsedDetection parsed = DetectionReportParser.parse(response.rawText(), cues(s));
                s.detection = parsed.report();
                parsed.droppedIds().forEach(id -> s.trace.event("detector named unknown concept " + id + ": dropped"));
                parsed.warnings().forEach(w -> s.trace.event("detection parse warning: " + w));
                return;
            } catch (UnparseableModelOutputException e) {
                s.trace.event("small VLM output unparseable (attempt " + attempt + "): " + e.reason());
            }
            request = detectionRequest(s, settings); // the adapter may have changed to the base model
        }
        fallBackToNoDetector(s, "small VLM output unparseable twice");
    }

    private SmallVlmRequest detectionRequest(TurnState s, ModelSettings settings) {
        // Llama.cpp mixes the Top-K adapters per request, and an operator-registered vLLM fusion goes by
        // their names; a product-built fusion or the base model is one name, no mix.
        boolean routedAsIs = s.adapter.servingNote() == null && Objects.equals(s.adapter.servedAs(), s.adapter.adapterRef());
        return new SmallVlmRequest(Prompts.detectionSystem(), Prompts.detectionUser(cues(s)),
                s.request.image(), s.adapter.servedAs(), settings.smallTemperature(), settings.smallMaxTokens(),
                references(s), routedAsIs ? s.adapter.fusion() : List.of());
    }

    /**
     * One detection call; an adapter the server does not know (vLLM's 404 "The model `x` does not
     * exist.") is asked once more on the base model, labelled, and the reconciler is told to load it.
     */
    private SmallVlmResponse callSmall(TurnState s, String label, SmallVlmRequest request, ModelSettings settings) {
        try {
            return s.timed(Phase.DETECT, () -> gateway.small(s.trace, label, request));
        } catch (UnknownModelException e) {
            if (request.adapter() == null) {
                throw e;
            }
            String note = "adapter " + request.adapter() + " not served: base small model";
            s.trace.event(note);
            s.adapter = s.adapter.servedAs(null, note);
            servedAdapters.notServed(request.adapter());
            SmallVlmRequest onBase = detectionRequest(s, settings);
            return s.timed(Phase.DETECT, () -> gateway.small(s.trace, label, onBase));
        }
    }

    private void fallBackToNoDetector(TurnState s, String reason) {
        if (s.mode == TurnMode.SMALL_ONLY) {
            throw new TurnFailure(reason + "; no large VLM is configured to fall back on");
        }
        s.trace.event("fallback to NO_DETECTOR: " + reason);
        s.mode = TurnMode.NO_DETECTOR;
    }

    /** Table 8, all questions in one call; unparseable verdicts are asked once more, then "unverified". */
    private void reflect(TurnState s, DetectionReport base, List<ReflectionQuestion> questions) {
        s.questions = questions;
        if (questions.isEmpty()) {
            s.trace.event("reflection skipped: nothing detected with a location to verify");
            s.finalReport = base;
            return;
        }
        ChatRequest request = new ChatRequest(List.of(ChatMessage.system(Prompts.reflectionSystem()),
                ChatMessage.user(Prompts.reflectionUser(questions), List.of(s.request.image()))),
                0.0, 8 + 4 * questions.size(), null);
        for (int attempt = 1; attempt <= 2; attempt++) {
            String raw;
            try {
                raw = s.timed(Phase.REFLECT, () -> large.chat(s.trace, Phase.REFLECT, request)).text();
            } catch (RateLimitedException | BackPressureException e) {
                throw e; // the answer would go to the same rate-limited endpoint: tell the caller when to retry
            } catch (ModelCallException | FaultToleranceException e) {
                // Degrade, don't fail: answer from the unverified report, and say so.
                unverified(s, base, questions, "not verified: " + userMessage(e));
                return;
            }
            try {
                s.verdicts = ReflectionVerdictParser.parse(raw, questions.size());
                RefinedReport refined = Refinement.apply(base, questions, s.verdicts);
                s.finalReport = refined.report();
                s.changes = refined.changes();
                return;
            } catch (UnparseableModelOutputException e) {
                s.trace.event("reflection verdict unparseable (attempt " + attempt + "): " + e.reason());
            }
        }
        unverified(s, base, questions, "not verified: the large VLM's verdicts were unreadable twice");
    }

    private static void unverified(TurnState s, DetectionReport base, List<ReflectionQuestion> questions, String note) {
        List<String> asked = questions.stream().map(ReflectionQuestion::conceptId).distinct().toList();
        RefinedReport unverified = Refinement.markUnverified(base, asked);
        s.finalReport = unverified.report();
        s.changes = unverified.changes();
        s.verificationNote = note;
        s.trace.event("reflection " + note + "; answering from the unverified report");
    }

    private void noteBreaker(Exception e, String endpoint) {
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            gateway.breakerRefused(endpoint);
        }
    }

    /** Table 9: the refined report as system prompt, earlier turns, then the question with the image. */
    private void answer(TurnState s, String systemPrompt, ModelSettings settings) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(systemPrompt));
        s.request.history().forEach(h -> messages.add(new ChatMessage(h.role(), h.text(), List.of())));
        List<ImageData> images = s.request.hasImage() ? List.of(s.request.image()) : List.of();
        messages.add(ChatMessage.user(s.request.question(), images));
        ChatRequest request = new ChatRequest(messages, settings.largeTemperature(), settings.largeMaxTokens(), null)
                .streamingTo(s.answerTokens);
        s.answer = s.timed(Phase.ANSWER, () -> large.chat(s.trace, Phase.ANSWER, request)).text();
    }

    /** Appendix D: a question without an image is answered from the stored identities. */
    private void answerTextOnly(TurnState s, ModelSettings settings) {
        if (s.mode == TurnMode.SMALL_ONLY) {
            s.answer = SmallOnlyAnswerer.answerTextOnly(s.request.question());
            return;
        }
        answer(s, Prompts.textOnlySystem(cues(s), identities(s)), settings);
    }

    private static List<ConceptCue> cues(TurnState s) {
        return s.request.concepts().stream().map(TurnConcept::cue).toList();
    }

    private static Map<String, ConceptIdentity> identities(TurnState s) {
        Map<String, ConceptIdentity> out = new LinkedHashMap<>();
        s.request.concepts().stream().filter(c -> c.identity() != null).forEach(c -> out.put(c.id(), c.identity()));
        return out;
    }

    private static Map<String, String> descriptions(TurnState s) {
        Map<String, String> out = new LinkedHashMap<>();
        s.request.concepts().forEach(c -> out.put(c.id(), c.cue().description()));
        return out;
    }

    private static List<ReferenceConcept> references(TurnState s) {
        return s.request.concepts().stream().filter(c -> c.embedding() != null)
                .map(c -> new ReferenceConcept(c.id(), c.embedding())).toList();
    }

    /** What the user reads when a turn fails: what happened, never a stack trace or a secret. */
    static String userMessage(Exception e) {
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return "the model did not answer in time";
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            return "the model endpoint keeps failing; calls are paused for a few seconds";
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException) {
            return "too many model calls at once; try again shortly";
        }
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        // Partners read this; the model endpoint's internal address stays in the model-call record.
        return ENDPOINT_ADDRESS.matcher(message).replaceAll("");
    }

    /** A turn that cannot go on, with a message meant for the user. */
    static final class TurnFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TurnFailure(String message) {
            super(message);
        }
    }
}
