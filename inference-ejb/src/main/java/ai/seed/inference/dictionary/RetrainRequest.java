package ai.seed.inference.dictionary;

/**
 * "Retrain clusters": K and the data to cluster.
 *
 * @param source      {@code tenant-concepts} (the caller tenant's), {@code platform-concepts} (every
 *                    tenant's, platform admins), {@code yollava} or {@code mc-llava} (a dataset in its
 *                    published layout at {@code datasetPath} on the server)
 * @param seed        K-means seed; the same data and seed give the same clusters
 */
public record RetrainRequest(int k, String source, String datasetPath, long seed) {

    public static final int DEFAULT_K = 10;
}
