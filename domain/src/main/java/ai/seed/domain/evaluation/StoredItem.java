package ai.seed.domain.evaluation;

import java.util.List;

/**
 * One evaluation item as stored ({@code eval_item}).
 *
 * @param optionsJson the options as a JSON object, letter -> text, in letter order
 * @param imageSha256 the item's image in {@code eval_image}; null for text-only items
 */
public record StoredItem(int position, String key, String task, List<String> concepts, String question,
                         String optionsJson, String correct, List<String> tags, String imageSha256) {

    public StoredItem {
        concepts = List.copyOf(concepts);
        tags = List.copyOf(tags);
    }
}
