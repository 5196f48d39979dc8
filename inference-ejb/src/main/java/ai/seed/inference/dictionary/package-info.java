/**
 * Offline construction of the meta-concept dictionary (paper §3.3.1, App. C), as plain Java with
 * no container: the EJB that runs it as a job, and the embedder, live elsewhere.
 *
 * <pre>
 *  public datasets on disk ...... YoLlavaDataset / McLlavaDataset
 *            |                    -&gt; DatasetConcept (name, reference images, description)
 *            |                       + skipped folders with reasons
 *            v
 *  concept embeddings ........... (elsewhere) mean of the CLIP embeddings of a concept's images
 *            |                    -&gt; ClusterInput (conceptKey "dataset:&lt;name&gt;" or UUID)
 *            v
 *  MetaConceptClustering ........ K-means++ (Commons Math), K=10, seeded, best of 3 trials
 *            |                    -&gt; ClusterResult per meta-concept: normalised centroid e_k^m,
 *            |                       representative = member nearest the centroid (App. C.1)
 *            v
 *  TrainingManifestExporter ..... per cluster, a LLaMA-Factory ShareGPT dataset (recognition and
 *            |                    Table 6 detection samples) + DatasetInfo (dataset_info.json)
 *            v
 *  LoRA training A_k^m .......... (outside Seed) one adapter per cluster; (e_k^m, A_k^m) form the
 *                                 dictionary that AdapterRouter queries with Eq. 1
 * </pre>
 */
package ai.seed.inference.dictionary;
