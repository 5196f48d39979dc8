package ai.seed.inference.onboarding;

import ai.seed.domain.onboarding.SetupProgressRepository;
import ai.seed.domain.onboarding.SetupProgressRepository.PlatformProgress;
import ai.seed.domain.onboarding.SetupProgressRepository.TenantProgress;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The getting-started checklists of the console's home page: the platform admin's (models,
 * first tenant, dictionary, adapters, an evaluation) and a tenant admin's (concept, scenario,
 * first question, the inspector, an API key). Each step is read from the real state every time,
 * so it turns done by itself once it is, and says what to do next while it is not.
 */
@ApplicationScoped
public class GettingStarted {

    /** One step: {@code route} is the console view that does it (null: done elsewhere). */
    public record Step(String id, String title, String hint, boolean done, String route) {
    }

    public record Checklist(String title, List<Step> steps) {

        public long doneCount() {
            return steps.stream().filter(Step::done).count();
        }

        public boolean complete() {
            return doneCount() == steps.size();
        }
    }

    @Inject
    SetupProgressRepository progress;
    @Inject
    ModelBackends backends;

    /** The caller's checklist; staff (and keys) have none. */
    public Optional<Checklist> forCaller(Caller caller) {
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return Optional.of(platform());
        }
        if (caller.has(Role.TENANT_ADMIN)) {
            return Optional.of(tenant(progress.tenant(caller.tenant())));
        }
        return Optional.empty();
    }

    private Checklist platform() {
        ModelBackends.Resolved models = backends.current();
        PlatformProgress p = progress.platform();
        boolean large = models.settings().largeVlm().configured();
        boolean small = models.settings().smallVlm().configured();
        return new Checklist("Getting started: the platform", List.of(
                new Step("large-vlm", "Configure the large VLM", large ? "Serving: " + models.largeVlmLabel()
                        : "Enter its OpenAI-compatible URL and model (GPT-4o, Qwen2.5-VL-72B, a vLLM server...), then "
                        + "press Test connection. Until then no turn can be reflected or answered.", large, "models"),
                new Step("small-vlm", "Configure the small VLM", small ? "Serving: " + models.smallVlmLabel()
                        : "Enter the vLLM server of Qwen2.5-VL-3B with its LoRA adapters, then Test connection. Until "
                        + "then the weight-free baseline detector serves, labelled \"baseline\" wherever it answers.",
                        small, "models"),
                new Step("tenant", "Create the first tenant and its admin", "Tenants: New tenant creates both and shows "
                        + "the admin's password once.", p.tenantWithAdmin(), "tenants"),
                new Step("dictionary", "Build the first meta-concept dictionary", "Meta-concepts: retrain from the "
                        + "tenants' concepts, or cluster a Yo'LLaVA / MC-LLaVA dataset folder (K=10).",
                        p.dictionaryBuilt(), "meta-concepts"),
                new Step("adapters", "Upload the meta-concepts' adapters", "Meta-concepts: upload each meta-concept's "
                        + "LoRA adapter (or let its training job upload it) and activate the version.",
                        p.activeAdaptersUploaded(), "meta-concepts"),
                new Step("evaluation", "Run an evaluation", "A tenant admin imports a Yo'LLaVA or MC-LLaVA set under "
                        + "Evaluations and runs it: recognition, VQA and text-only scores.", p.evaluationSucceeded(),
                        null)));
    }

    private static Checklist tenant(TenantProgress t) {
        return new Checklist("Getting started: your tenant", List.of(
                new Step("concept", "Register a concept", "Concepts: a name like <bo>, a sentence and a few reference "
                        + "photos.", t.conceptRegistered(), "concepts"),
                new Step("scenario", "Create a scenario", "Scenarios: the concepts that may appear together (a home, an "
                        + "office). Without one, chat uses all concepts.", t.scenarioCreated(), "scenarios"),
                new Step("question", "Ask the first question in Chat", "Chat: attach a photo and ask \"Is <bo> here?\".",
                        t.questionAsked(), "chat"),
                new Step("inspect", "Look at a turn in the inspector", "Turns: open one to see the detection report, "
                        + "the reflection's questions and what they changed.", t.turnInspected(), "turns"),
                new Step("api-key", "Issue an API key", "Users & API keys: a key for a partner system, with the scopes "
                        + "it needs, shown once.", t.apiKeyIssued(), "users")));
    }
}
