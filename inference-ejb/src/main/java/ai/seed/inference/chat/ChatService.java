package ai.seed.inference.chat;

import ai.seed.domain.scenario.Scenario;
import ai.seed.domain.scenario.ScenarioRepository;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.admission.TurnAdmission;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.images.AcceptedImage;
import ai.seed.inference.images.ImageIntake;
import ai.seed.inference.images.ImageLimits;
import ai.seed.inference.images.ImageRejectedException;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.TokenSink;
import ai.seed.inference.pipeline.SlcPipeline;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnRequest;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;

/**
 * One chat turn for staff (console chat) and partner systems (API): validates the question and
 * image, picks the candidate concepts, runs the SLC pipeline and returns its result; the turn and
 * its trace are stored by the pipeline whatever happens.
 */
@ApplicationScoped
public class ChatService {

    public static final int MAX_QUESTION = 4000;

    @Inject
    TenantRepository tenants;
    @Inject
    ScenarioRepository scenarios;
    @Inject
    CandidateSelector candidates;
    @Inject
    SlcPipeline pipeline;
    @Inject
    ModelBackends backends;
    @Inject
    TurnAdmission admission;

    private final ImageLimits limits = ImageLimits.defaults();

    public TurnResult ask(Caller caller, AskRequest request) {
        return ask(caller, request, null);
    }

    /** As {@link #ask(Caller, AskRequest)}, with the answer streamed into {@code answerTokens} as it comes. */
    public TurnResult ask(Caller caller, AskRequest request, TokenSink answerTokens) {
        UUID tenant = caller.require(ApiScope.TURNS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER).tenant();
        String question = request.question() == null ? "" : request.question().strip();
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            throw ServiceException.invalid("bad-question", "a question of 1-" + MAX_QUESTION + " characters is required");
        }
        Scenario scenario = request.scenarioId() == null ? null : scenarios.find(tenant, request.scenarioId())
                .orElseThrow(() -> ServiceException.notFound("scenario"));
        TurnMode mode = mode(tenant, request.mode());
        ImageData image = request.image() == null ? null : accept(request.image().bytes());
        try (TurnAdmission.Ticket admitted = admission.admit()) {
            var embedding = image == null ? null : embed(image);
            CandidateSelector.Selection selection = candidates.select(tenant, scenario, question, embedding,
                    backends.current().settings().maxConceptsPerPrompt());
            return pipeline.run(new TurnRequest(tenant, request.requestId(), caller.actor(), mode, image, question,
                    selection.concepts(), request.history()), answerTokens);
        }
    }

    private TurnMode mode(UUID tenant, String requested) {
        String name = requested != null && !requested.isBlank() ? requested
                : tenants.find(tenant).map(t -> t.defaultMode()).orElse(TurnMode.FULL.name());
        try {
            return TurnMode.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-mode", "mode must be one of FULL, NO_REFLECTION, NO_DETECTOR, "
                    + "PLAIN_VLM, SMALL_ONLY");
        }
    }

    private ImageData accept(byte[] bytes) {
        try {
            AcceptedImage accepted = ImageIntake.accept(bytes == null ? new byte[0] : bytes, limits);
            return accepted.toImageData();
        } catch (ImageRejectedException e) {
            throw ServiceException.invalid("image-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "image: " + e.getMessage());
        }
    }

    private ai.seed.domain.embedding.Embedding embed(ImageData image) {
        try {
            return backends.current().embedder().embed(image);
        } catch (ModelCallException | IllegalStateException e) {
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "embedder-unavailable",
                    "the image embedder failed: " + e.getMessage(), e);
        }
    }
}
