package ai.seed.inference.evaluation.runs;

import ai.seed.domain.concept.ConceptName;
import ai.seed.domain.concept.ConceptRepository;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.concepts.RegisterConcept;
import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure the tenant knows every concept a dataset asks about, so that the pipeline can put
 * them in scope.
 *
 * <p>Naming and conflict rule: a dataset concept {@code bo} is the tenant concept {@code <bo>}.
 * If the tenant already has {@code <bo>}, that concept is used as it is (its images, description
 * and identity are never replaced by an import); otherwise it is registered through
 * {@link ConceptService} (all-or-nothing per concept: first 10 training images, the dataset's
 * description, identity extracted by the large VLM). A concept an item names that is neither in
 * the dataset nor in the tenant is refused with the item's key.
 */
@ApplicationScoped
public class DatasetConcepts {

    private static final Logger LOG = Logger.getLogger(DatasetConcepts.class.getName());
    private static final int MAX_IMAGES = ai.seed.domain.concept.Concept.MAX_IMAGES;

    @Inject
    ConceptRepository concepts;
    @Inject
    ConceptService service;

    /** What an import did to the tenant's concepts (ids as {@code <name>}). */
    record Registration(List<String> conceptIds, List<String> registered, List<String> reused,
                        List<UUID> registeredIds) {
    }

    Registration ensure(Caller caller, UUID tenant, EvalDataset dataset) {
        Map<String, DatasetConcept> offered = new LinkedHashMap<>();
        dataset.concepts().forEach(c -> offered.put(c.name(), c));
        Set<String> needed = new LinkedHashSet<>(offered.keySet());
        dataset.items().forEach(i -> needed.addAll(i.concepts()));
        List<String> ids = new ArrayList<>();
        List<String> registered = new ArrayList<>();
        List<String> reused = new ArrayList<>();
        List<UUID> registeredIds = new ArrayList<>();
        List<String> toRegister = new ArrayList<>();
        for (String name : needed) {
            ConceptName id;
            try {
                id = ConceptName.parse(name);
            } catch (ai.seed.domain.concept.InvalidConceptException e) {
                throw ServiceException.invalid("malformed-dataset", "item " + firstItemAbout(dataset, name) + ": "
                        + e.getMessage());
            }
            ids.add(id.value());
            if (concepts.findByName(tenant, id).isPresent()) {
                reused.add(id.value());
            } else if (offered.containsKey(name)) {
                toRegister.add(name);
            } else {
                throw ServiceException.invalid("malformed-dataset", "item " + firstItemAbout(dataset, name)
                        + ": concept " + id.value() + " is neither described in the dataset nor registered in this tenant");
            }
        }
        Registration partial = new Registration(ids, registered, reused, registeredIds);
        try {
            for (String name : toRegister) {
                ConceptView view = register(caller, offered.get(name));
                registered.add(view.name());
                registeredIds.add(view.id());
            }
        } catch (RuntimeException e) {
            undo(caller, partial);
            throw e;
        }
        return new Registration(List.copyOf(ids), List.copyOf(registered), List.copyOf(reused), List.copyOf(registeredIds));
    }

    /** Removes the concepts an import registered (it failed later). */
    void undo(Caller caller, Registration registration) {
        for (UUID id : registration.registeredIds()) {
            try {
                service.delete(caller, id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not remove concept " + id + " after a failed dataset import", e);
            }
        }
    }

    private ConceptView register(Caller caller, DatasetConcept concept) {
        List<UploadedImage> images = new ArrayList<>();
        for (Path image : concept.images().subList(0, Math.min(MAX_IMAGES, concept.images().size()))) {
            try {
                images.add(new UploadedImage(Files.readAllBytes(image), image.getFileName().toString()));
            } catch (IOException e) {
                throw ServiceException.invalid("malformed-dataset", "concept " + concept.id() + " ("
                        + image.getFileName() + "): the image could not be read");
            }
        }
        try {
            return service.register(caller, new RegisterConcept(concept.name(), concept.description(), images, null));
        } catch (ServiceException e) {
            throw new ServiceException(e.kind(), e.kind() == ServiceException.Kind.INVALID ? "malformed-dataset" : e.code(),
                    "concept " + concept.id() + ": " + e.getMessage(), e);
        }
    }

    private static String firstItemAbout(EvalDataset dataset, String name) {
        return dataset.items().stream().filter(i -> i.concepts().contains(name)).map(EvalItem::key).findFirst()
                .orElse("?");
    }
}
