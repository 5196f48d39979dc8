package ai.seed.web.openai;

import ai.seed.inference.pipeline.TurnRequest.HistoryMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code messages} of a chat completion request as one Seed turn. OpenAI clients keep a
 * conversation by resending all of it, so:
 * <ul>
 *   <li>the question is the text of the <em>last</em> message, which must be a user message;</li>
 *   <li>every earlier message becomes {@code history}, in order: user and assistant texts as they
 *       are, and the client's system/developer messages as {@code "system"} history entries at
 *       their place (Seed's own system prompt, the detection report, stays first; client
 *       instructions such as "answer in French" still reach the large VLM). Messages without text
 *       are left out;</li>
 *   <li>the image is the last user message's image, else the most recent earlier user image, so
 *       "and what colour is it?" after a photo still looks at that photo. One image per message.</li>
 * </ul>
 * At most {@value #MAX_MESSAGES} messages and {@value #MAX_HISTORY_CHARS} characters of history,
 * so an overlong conversation is the client's 400 rather than the model's failure (a 503).
 * Tool use is refused (Seed calls no tools): role {@code tool}/{@code function} and assistant
 * {@code tool_calls} are a 400. Image URLs are only collected here; {@link ImageInputs} reads them.
 */
public record Conversation(String question, List<HistoryMessage> history, ImageRef image) {

    /** An image URL as sent, with the request field it came from (for error messages). */
    public record ImageRef(String url, String param) {
    }

    static final int MAX_MESSAGES = 200;
    /** Characters of history the large VLM is sent at most; beyond that it is a 400, not a model error. */
    static final int MAX_HISTORY_CHARS = 100_000;

    public Conversation {
        history = List.copyOf(history);
    }

    /** One message as read: role (developer folded into system), text, image or null. */
    record Message(String role, String text, ImageRef image) {
    }

    static Conversation of(JsonArray messages) {
        if (messages == null || messages.isEmpty()) {
            throw OpenAiException.invalid("'messages' must be a non-empty array.", "messages", "missing_required_parameter");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw OpenAiException.invalid("At most " + MAX_MESSAGES + " messages are accepted.", "messages", "too_many_messages");
        }
        List<Message> read = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            read.add(message(JsonFields.asObject(messages.get(i), "messages[" + i + "]"), "messages[" + i + "]"));
        }
        Message last = read.get(read.size() - 1);
        if (!last.role().equals("user")) {
            throw OpenAiException.invalid("The last message must have role 'user': it is the question Seed answers.",
                    "messages", "invalid_last_message");
        }
        List<HistoryMessage> history = new ArrayList<>();
        read.subList(0, read.size() - 1).stream().filter(m -> !m.text().isBlank())
                .forEach(m -> history.add(new HistoryMessage(m.role(), m.text())));
        if (history.stream().mapToLong(h -> h.text().length()).sum() > MAX_HISTORY_CHARS) {
            throw OpenAiException.invalid("The conversation is too long: at most " + MAX_HISTORY_CHARS
                    + " characters of earlier messages are accepted; drop the oldest ones.", "messages",
                    "context_length_exceeded");
        }
        return new Conversation(last.text(), history, latestImage(read));
    }

    private static ImageRef latestImage(List<Message> read) {
        for (int i = read.size() - 1; i >= 0; i--) {
            if (read.get(i).image() != null) {
                return read.get(i).image();
            }
        }
        return null;
    }

    private static Message message(JsonObject m, String param) {
        String role = JsonFields.requiredString(m, "role", param + ".role").toLowerCase(Locale.ROOT);
        switch (role) {
            case "tool", "function" -> throw OpenAiException.invalid("Messages with role '" + role
                    + "' are not supported: Seed does not call tools.", param + ".role", "unsupported_role");
            case "assistant" -> refuseToolCalls(m, param);
            case "user", "system", "developer" -> { }
            default -> throw OpenAiException.invalid("Invalid value for '" + param + ".role': '" + role
                    + "'. Supported values are: 'system', 'developer', 'user' and 'assistant'.", param + ".role", "invalid_value");
        }
        Content content = content(m, param, role.equals("user"));
        if (role.equals("user") && content.text().isBlank() && content.image() == null) {
            throw OpenAiException.invalid("A user message needs text or an image.", param + ".content", "empty_message");
        }
        return new Message(role.equals("developer") ? "system" : role, content.text(), content.image());
    }

    private static void refuseToolCalls(JsonObject m, String param) {
        JsonArray calls = JsonFields.present(m, "tool_calls") ? JsonFields.array(m, "tool_calls", param + ".tool_calls") : null;
        if ((calls != null && !calls.isEmpty()) || JsonFields.present(m, "function_call")) {
            throw OpenAiException.invalid("Tool calls are not supported: Seed does not call tools.",
                    param + ".tool_calls", "unsupported_parameter");
        }
    }

    private record Content(String text, ImageRef image) {
    }

    private static Content content(JsonObject m, String param, boolean imagesAllowed) {
        if (!JsonFields.present(m, "content")) {
            return new Content("", null);
        }
        JsonValue c = m.get("content");
        if (c instanceof JsonString s) {
            return new Content(s.getString(), null);
        }
        if (!(c instanceof JsonArray parts)) {
            throw JsonFields.wrongType(param + ".content", "a string or an array of content parts");
        }
        List<String> texts = new ArrayList<>();
        ImageRef image = null;
        for (int i = 0; i < parts.size(); i++) {
            String p = param + ".content[" + i + "]";
            JsonObject part = JsonFields.asObject(parts.get(i), p);
            String type = JsonFields.requiredString(part, "type", p + ".type");
            switch (type) {
                case "text", "refusal" -> texts.add(JsonFields.requiredString(part, type, p + "." + type));
                case "image_url" -> {
                    if (!imagesAllowed) {
                        throw OpenAiException.invalid("Only user messages may contain images.", p, "invalid_content");
                    }
                    if (image != null) {
                        throw OpenAiException.invalid("Only one image per message is supported.", p, "too_many_images");
                    }
                    image = new ImageRef(imageUrl(part, p), p + ".image_url.url");
                }
                default -> throw OpenAiException.invalid("Content part type '" + type
                        + "' is not supported; use 'text' or 'image_url'.", p + ".type", "unsupported_content_type");
            }
        }
        return new Content(String.join("\n", texts), image);
    }

    private static String imageUrl(JsonObject part, String param) {
        JsonObject image = JsonFields.object(part, "image_url", param + ".image_url");
        if (image == null) {
            throw OpenAiException.invalid("Missing required parameter: '" + param + ".image_url'.", param + ".image_url",
                    "missing_required_parameter");
        }
        return JsonFields.requiredString(image, "url", param + ".image_url.url");
    }
}
