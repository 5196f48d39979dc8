package ai.seed.inference.adapters;

import java.util.Map;

/**
 * Port: the small-VLM server's LoRA adapters. vLLM loads and unloads them at run time; llama.cpp
 * only lists the ones it was started with. Failures are {@link ai.seed.inference.model.ModelCallException}s.
 */
public interface LoraServer {

    /** The adapters the server serves now: name -> where it loaded them from (path, or "" if unknown). */
    Map<String, String> served();

    /** Whether {@link #load} can work at all on this server; if not, why (shown as the MISSING reason). */
    LoadSupport loadSupport();

    /** Loads the adapter folder {@code serverPath} (as the server sees it) under {@code name}. */
    void load(String name, String serverPath);

    /** Unloads {@code name}; an adapter already gone is no error. */
    void unload(String name);

    /** Can the product load adapters on this server? */
    record LoadSupport(boolean canLoad, String whyNot) {
        public static final LoadSupport YES = new LoadSupport(true, null);
    }
}
