/**
 * The SLC (Small-Large Collaboration) pipeline core: prompts, parsers and the reflection rules,
 * as plain Java with records in and out (no container needed to test them). The EJBs that call
 * the models live elsewhere and drive these classes.
 *
 * <p>One image turn, mode {@link ai.seed.inference.pipeline.TurnMode#FULL}:
 * <pre>
 *  registered concepts C_1..C_N (ids "&lt;bo&gt;", descriptions, reference-image embeddings)
 *            |
 *            v
 *  [0] route adapter ........ scenario embedding e = mean(e_1..e_N)
 *            |                k* = arg max_k cos(e, e_k^m)            (paper Eq. 1)
 *            |                -&gt; meta-adapter A_k* loaded into the small VLM
 *            v
 *  [1] detect ............... SMALL VLM + A_k*, image I_t           1 small call
 *            |                Prompts.detectionSystem/User            (Table 6)
 *            |                DetectionReportParser -&gt; DetectionReport R_t
 *            |                  { &lt;id&gt;: present, location-absolute, location-relative }
 *            v
 *  [2] reflect .............. LARGE VLM, image I_t                  1 large call, ALL concepts
 *            |                identity ID(C_i) = ConceptIdentity       (Table 7, extracted once
 *            |                  per concept and stored; not a per-turn call: IdentityParser)
 *            |                ReflectionPlanner: per detected concept
 *            |                  Q "Do you see ID at loc-abs of the image?"   (if loc-abs)
 *            |                  Q "Is ID loc-rel?"                          (if loc-rel)
 *            |                Prompts.reflectionSystem/User Q1..QN     (Table 8)
 *            |                ReflectionVerdictParser -&gt; yes/no x N
 *            |                Refinement: no+no -&gt; absent; one no -&gt; drop that location
 *            |                  -&gt; RefinedReport ~R_t (+ changes for the trace)
 *            |                (skipped when there is no question to ask)
 *            v
 *  [3] answer ............... LARGE VLM, (I_t, q_t, ~R_t)            1 large call
 *                             Prompts.answerSystem: Detection Report + Rules (Table 9)
 * </pre>
 *
 * <p>Modes ({@link ai.seed.inference.pipeline.TurnMode}):
 * <pre>
 *  FULL           [0] [1] [2] [3]        small &lt;= 1, large &lt;= 2
 *  NO_REFLECTION  [0] [1]     [3]        small 1,    large 1
 *  NO_DETECTOR            [2'][3]        small 0,    large &lt;= 2   [2'] = "Do you see ID in the image?"
 *  PLAIN_VLM                  [3']       small 0,    large 1      [3'] = concept descriptions only
 *  SMALL_ONLY     [0] [1] -&gt; SmallOnlyAnswerer   small 1, large 0
 *  text-only turn (no image, any mode but SMALL_ONLY): no detection, no reflection,
 *                 Prompts.textOnlySystem (identity fields + descriptions, Appendix D): large 1
 * </pre>
 * {@link ai.seed.inference.pipeline.CallBudget} states these limits; an unparseable output may be
 * retried once per stage, after which the pipeline falls back (e.g. the concepts stay as detected,
 * marked {@link ai.seed.inference.pipeline.Verification#UNVERIFIED}).
 *
 * <p>Every model call goes through {@link ai.seed.inference.pipeline.ModelGateway} (retry, circuit
 * breaker, bulkhead, per-stage time budget, one trace record per attempt); large-VLM calls first
 * pass {@link ai.seed.inference.pipeline.LargeVlmCalls}, which moves them to the optional fallback
 * endpoint while the first is open-circuited or rate-limited. docs/RELIABILITY.md has the faults.
 */
package ai.seed.inference.pipeline;
