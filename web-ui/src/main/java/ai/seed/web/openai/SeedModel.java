package ai.seed.web.openai;

import ai.seed.inference.pipeline.TurnMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code model} name of the OpenAI-compatible API: which SLC mode runs and, optionally, which
 * scenario scopes the concepts. {@code seed} runs the tenant's default mode; {@code seed-full},
 * {@code seed-no-reflection}, {@code seed-no-detector}, {@code seed-plain-vlm} and
 * {@code seed-small-only} name a {@link TurnMode} (derived from the enum, so a new mode gets a
 * name without a change here). A suffix {@code :<scenario name or id>} limits the turn to that
 * scenario's concepts; without it, all of the tenant's concepts are in scope.
 *
 * @param mode     the TurnMode name to request, or null for the tenant's default
 * @param scenario the scenario name or id after the colon, or null
 */
public record SeedModel(String requested, String mode, String scenario) {

    /** The model without mode suffix: the tenant's default mode. */
    public static final String DEFAULT = "seed";

    /** Every base model name, default first. */
    public static List<String> baseNames() {
        List<String> names = new ArrayList<>();
        names.add(DEFAULT);
        for (TurnMode m : TurnMode.values()) {
            names.add(name(m));
        }
        return names;
    }

    public static String name(TurnMode mode) {
        return DEFAULT + "-" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the scenario part names this scenario (by exact name or by id). */
    public boolean names(ai.seed.inference.scenarios.ScenarioService.ScenarioView s) {
        return scenario != null && (s.name().equals(scenario) || s.id().toString().equalsIgnoreCase(scenario));
    }

    /** Reads a model name; an unknown base name is a 404 {@code model_not_found}, as OpenAI answers. */
    public static SeedModel parse(String model) {
        String trimmed = model.strip();
        int colon = trimmed.indexOf(':');
        String base = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String scenario = colon < 0 ? null : trimmed.substring(colon + 1).strip();
        if (scenario != null && scenario.isEmpty()) {
            throw OpenAiException.modelNotFound(model);
        }
        if (base.equals(DEFAULT)) {
            return new SeedModel(model, null, scenario);
        }
        for (TurnMode m : TurnMode.values()) {
            if (base.equals(name(m))) {
                return new SeedModel(model, m.name(), scenario);
            }
        }
        throw OpenAiException.modelNotFound(model);
    }
}
