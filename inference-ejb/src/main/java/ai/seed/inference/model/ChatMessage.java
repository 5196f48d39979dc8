package ai.seed.inference.model;

import java.util.List;

/** One chat message: role ("system", "user", "assistant"), text, and images (user messages only). */
public record ChatMessage(String role, String text, List<ImageData> images) {

    public ChatMessage {
        images = images == null ? List.of() : List.copyOf(images);
    }

    public static ChatMessage system(String text) {
        return new ChatMessage("system", text, List.of());
    }

    public static ChatMessage user(String text, List<ImageData> images) {
        return new ChatMessage("user", text, images);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text, List.of());
    }
}
